"""The HTML report: one self-contained file a sub-editor can open anywhere, offline.

All article text reaches the page through Jinja2 autoescaping; the highlight is made by
splitting a sentence into before / span / after, never by marking up text and trusting it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader

from factcheck.records import Article, Evidence, Finding, RunResult
from factcheck.report.contents import ordered_findings, sentence_counts
from factcheck.rules.base import SEVERITIES


@dataclass(frozen=True)
class Highlighted:
    """A sentence cut around its conflicting words."""

    before: str
    span: str
    after: str


def highlight(evidence: Evidence) -> Highlighted:
    """Cut at the recorded offsets, which pick the right one of repeated words; if they do
    not match the span, cut at its first occurrence; failing that, leave the sentence whole."""
    sentence = evidence.sentence
    start, end = evidence.span_start - evidence.start, evidence.span_end - evidence.start
    if not (0 <= start <= end <= len(sentence) and sentence[start:end] == evidence.span):
        start = sentence.find(evidence.span) if evidence.span else -1
        if start < 0:
            return Highlighted(sentence, "", "")
        end = start + len(evidence.span)
    return Highlighted(sentence[:start], sentence[start:end], sentence[end:])


@dataclass(frozen=True)
class Passage:
    """A stretch of an article's text; `findings` are the numbers of the findings that cite
    it (empty for text no finding cites)."""

    text: str
    anchor: str = ""
    findings: tuple[int, ...] = ()


# Runs with more articles than this show the text of cited articles only (nightly runs).
MAX_ARTICLES_IN_FULL = 50


def anchor(article_number: int, start: int) -> str:
    return f"a{article_number}-{start}"


def article_passages(article: Article, number: int, cited: dict[tuple[str, int, int], list[int]]) -> list[Passage]:
    """The article's story paragraphs (site furniture left out), cut at the sentences
    findings cite, in order; paragraphs are separated by a blank line."""
    ranges = sorted((start, end, numbers) for (path, start, end), numbers in cited.items() if path == article.path)
    passages: list[Passage] = []
    for paragraph in article.paragraphs:
        if passages:
            passages.append(Passage("\n\n"))
        position = paragraph.start
        for start, end, numbers in ranges:
            if start < position or end > paragraph.end:
                continue
            if start > position:
                passages.append(Passage(article.text[position:start]))
            passages.append(Passage(article.text[start:end], anchor(number, start), tuple(numbers)))
            position = end
        passages.append(Passage(article.text[position : paragraph.end]))
    return passages


def severity_table(findings: list[Finding]) -> list[tuple[str, list[int]]]:
    """Findings counted per rule (rows, by name) and severity (columns, most severe first)."""
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    rules = sorted({finding.rule for finding in findings})
    return [(rule, [counts[(rule, severity)] for severity in SEVERITIES]) for rule in rules]


def template_environment() -> Environment:
    """The one Jinja2 set-up for every HTML page (reports and the nightly index): autoescaping
    on, so draft text can never become markup."""
    environment = Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["highlight"] = highlight
    return environment


def render_html(result: RunResult) -> str:
    findings = ordered_findings(result)
    open_findings = [finding for finding in findings if finding.id not in result.ignored]
    articles = result.articles
    article_number = {article.path: number for number, article in enumerate(articles, start=1)}
    cited: dict[tuple[str, int, int], list[int]] = {}
    for number, finding in enumerate(findings, start=1):
        for evidence in finding.evidence:
            numbers = cited.setdefault((evidence.article, evidence.start, evidence.end), [])
            if number not in numbers:
                numbers.append(number)
    cited_paths = {path for path, _, _ in cited}
    shown = [a for a in articles if len(articles) <= MAX_ARTICLES_IN_FULL or a.path in cited_paths]
    return template_environment().get_template("report.html.j2").render(
        result=result,
        story_names=", ".join(story.name for story in result.stories) or "no articles",
        findings=findings,
        open_count=len(open_findings),
        severities=SEVERITIES,
        severity_counts=Counter(finding.severity for finding in open_findings),
        rule_rows=severity_table(open_findings),
        sentence_counts=sentence_counts(result),
        article_number=article_number,
        anchor=anchor,
        rules_present=sorted({finding.rule for finding in findings}),
        cited_articles=[a for a in articles if a.path in cited_paths],
        shown_articles=[(article_number[a.path], a, article_passages(a, article_number[a.path], cited)) for a in shown],
    )
