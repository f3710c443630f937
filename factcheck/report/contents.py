"""What every format reports the same way, so the HTML and JSON of one run never disagree
and reports of the same drafts diff cleanly from run to run."""

from __future__ import annotations

import re

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


def usage_note(finding: Finding, result: RunResult) -> str | None:
    """Which of the conflicting versions more of the story's articles use, when one does: a
    sub-editor fixing the odd one out wants to know which one is odd."""
    spans = list(dict.fromkeys(evidence.span for evidence in finding.evidence if evidence.span.strip()))
    if len(spans) < 2:
        return None
    articles = [article for story in result.stories if story.name == finding.story for article in story.articles]
    counts = {
        span: sum(bool(re.search(r"(?<!\w)" + re.escape(span) + r"(?!\w)", article.text)) for article in articles)
        for span in spans
    }
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (top, most), rest = ranked[0], ranked[1:]
    if most < 2 or any(count >= most for _, count in rest):
        return None
    others = "; ".join(f"“{span}” in {count}" for span, count in rest)
    return f"More articles use “{top}” ({most} of {len(articles)}) than the other version ({others})."
