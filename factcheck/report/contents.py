"""What every format reports the same way, so the HTML and JSON of one run never disagree
and reports of the same drafts diff cleanly from run to run."""

from __future__ import annotations

from factcheck.records import Finding, RunResult
from factcheck.rules.base import SEVERITIES


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
