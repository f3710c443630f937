"""What every format reports the same way, so the HTML and JSON of one run never disagree
and reports of the same drafts diff cleanly from run to run."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.lexicon import counted
from factcheck.records import Evidence, Finding, Location, RunResult
from factcheck.records import SEVERITIES


def ordered_findings(result: RunResult) -> list[Finding]:
    """Most severe first, then by rule, story and where the first evidence sits: rules run
    in any order, and a report must not change when they do."""
    return sorted(result.findings, key=_finding_key)


def _finding_key(finding: Finding) -> tuple:
    first = finding.evidence[0] if finding.evidence else None
    return (
        SEVERITIES.index(finding.severity),
        finding.rule,
        finding.story,
        (first.article, first.start) if first else ("", 0),
        finding.id,
    )


def sentence_counts(result: RunResult) -> dict[str, int]:
    """Sentences per article path, with 0 for an article that has none: a draft that yielded
    no sentences is worth seeing in the report, not dropping from it."""
    counts = {article.path: 0 for article in result.articles}
    for sentence in result.sentences:
        counts[sentence.article] = counts.get(sentence.article, 0) + 1
    return counts


class Locator:
    """Where each piece of evidence sits in its draft as a person sees it (paragraph, and line
    and column where the file has lines), for every format that points a reader at it."""

    def __init__(self, result: RunResult) -> None:
        self._articles = {article.path: article for article in result.articles}

    def __call__(self, evidence: Evidence) -> Location:
        article = self._articles.get(evidence.article)
        return article.locate(evidence.span_start) if article else Location(0)


def summary_line(result: RunResult, stress: Callable[[str], str] = str) -> str:
    """ "5 articles, 182 sentences, 1 finding (0 high, 1 medium, 0 low)", with what was
    ignored or not read: the one line the terminal and every report open with. `stress`
    marks up the findings count (bold, in Markdown)."""
    open_findings = result.open_findings
    severities = ", ".join(f"{sum(f.severity == s for f in open_findings)} {s}" for s in SEVERITIES)
    return (
        f"{counted(len(result.articles), 'article')}, {counted(len(result.sentences), 'sentence')}, "
        f"{stress(counted(len(open_findings), 'finding'))} ({severities})"
        + (f", {len(result.ignored)} ignored" if result.ignored else "")
        + (f", {len(result.errors)} not read" if result.errors else "")
    )
