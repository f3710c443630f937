"""The HTML report: one self-contained file a sub-editor can open anywhere, offline.

All article text reaches the page through Jinja2 autoescaping; the highlight is made by
splitting a sentence into before / span / after, never by marking up text and trusting it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from jinja2 import Environment, PackageLoader

from factcheck.lexicon import counted
from factcheck.provenance import MARK
from factcheck.records import Article, Evidence, Finding, RunResult
from factcheck.report.contents import Locator, ordered_findings, sentence_counts
from factcheck.rules import RULES
from factcheck.records import SEVERITIES
from factcheck.rules.base import Rule


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


def rules_cited(findings: list[Finding]) -> list[Rule]:
    """The rules behind the findings, by code: their docs go into the report itself, so it
    explains itself offline."""
    return sorted((RULES[name] for name in {finding.rule for finding in findings}), key=lambda rule: rule.code)


# Literals in rule docs: ``min_margin``, `[[people]]`.
LITERAL = re.compile(r"``(.+?)``|`([^`]+)`")
# Under this heading a rule's docs give example drafts, one line each.
EXAMPLE_HEADING = "Example"

Inline = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class DocBlock:
    """A block of a rule's docs as the page shows it: a "heading", a "paragraph", a "list"
    (one entry of `lines` per item) or "lines" kept apart (example drafts). Each line is
    (text, is_literal) parts, so literals become <code> without trusting any text as markup."""

    kind: Literal["heading", "paragraph", "list", "lines"]
    lines: tuple[Inline, ...]


def inline(text: str) -> Inline:
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in LITERAL.finditer(text):
        parts += [(text[position : match.start()], False), (match.group(1) or match.group(2), True)]
        position = match.end()
    parts.append((text[position:], False))
    return tuple(part for part in parts if part[0])


def doc_blocks(docs: str) -> list[DocBlock]:
    """A rule's docstring, hard-wrapped for a terminal, as headings, paragraphs and lists that
    rewrap to any width (a 400 px phone). Docstrings put a section heading flush left with its
    body indented below it; a flush-left block without one is a paragraph of its own."""
    blocks: list[DocBlock] = []
    section = ""
    for chunk in re.split(r"\n[ \t]*\n", docs.strip()):
        lines = chunk.split("\n")
        if lines[0][:1].isspace():
            blocks += body_blocks(lines, literal=section == EXAMPLE_HEADING)
        elif len(lines) > 1 and lines[1][:1].isspace():
            section = lines[0].strip()
            blocks.append(DocBlock("heading", (inline(section),)))
            blocks += body_blocks(lines[1:], literal=section == EXAMPLE_HEADING)
        else:
            section = ""
            blocks += body_blocks(lines, literal=False)
    return blocks


def body_blocks(lines: list[str], literal: bool) -> list[DocBlock]:
    """Lines joined into a paragraph, or into list items where they start with "* "."""
    stripped = [line.strip() for line in lines]
    if literal:
        return [DocBlock("lines", tuple(map(inline, stripped)))]
    groups: list[tuple[bool, list[str]]] = []
    for line in stripped:
        if line.startswith("* ") or not groups:
            groups.append((line.startswith("* "), [line.removeprefix("* ")]))
        else:
            groups[-1][1].append(line)
    paragraphs = [DocBlock("paragraph", (inline(" ".join(words)),)) for is_item, words in groups if not is_item]
    items = tuple(inline(" ".join(words)) for is_item, words in groups if is_item)
    return paragraphs + ([DocBlock("list", items)] if items else [])


def severity_table(findings: list[Finding]) -> list[tuple[str, list[int]]]:
    """Findings counted per rule (rows, by name) and severity (columns, most severe first)."""
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    rules = sorted({finding.rule for finding in findings})
    return [(rule, [counts[(rule, severity)] for severity in SEVERITIES]) for rule in rules]


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """The one Jinja2 set-up for every HTML page (reports and the nightly index): autoescaping
    on, so draft text can never become markup. One per process, so each template is compiled
    once: compiling the report's for every story page was most of a warm night (8.7 of
    12.4 s under the profiler, 70 stories)."""
    environment = Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["highlight"] = highlight
    environment.globals["counted"] = counted
    environment.globals["mark"] = MARK
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
        rules=RULES,
        rules_cited=[(rule, doc_blocks(rule.docs)) for rule in rules_cited(findings)],
        locate=Locator(result),
        sentence_counts=sentence_counts(result),
        article_number=article_number,
        anchor=anchor,
        cited_articles=[a for a in articles if a.path in cited_paths],
        shown_articles=[(article_number[a.path], a, article_passages(a, article_number[a.path], cited)) for a in shown],
    )
