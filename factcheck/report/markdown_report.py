"""The Markdown report: a compact summary a CMS or a code review can post as a comment."""

from __future__ import annotations

from factcheck.records import Evidence, RunResult
from factcheck.report.contents import ordered_findings
from factcheck.rules.base import SEVERITIES

MAX_FINDINGS = 50  # comment boxes have size limits; the HTML report has the rest
CONTEXT = 60


def render_markdown(result: RunResult) -> str:
    open_findings = [f for f in ordered_findings(result) if f.id not in result.ignored]
    counts = ", ".join(f"{sum(f.severity == s for f in open_findings)} {s}" for s in SEVERITIES)
    stories = ", ".join(story.name for story in result.stories) or "no articles"
    lines = [
        f"## factcheck: {stories}",
        "",
        f"{len(result.articles)} articles, {len(result.sentences)} sentences: "
        f"**{len(open_findings)} finding{'' if len(open_findings) == 1 else 's'}** ({counts})"
        + (f", {len(result.ignored)} ignored" if result.ignored else "")
        + (f", {len(result.errors)} unreadable" if result.errors else "")
        + ".",
        "",
    ]
    for finding in open_findings[:MAX_FINDINGS]:
        lines.append(f"- **{finding.severity.upper()}** `{finding.rule}` {_escape(finding.message)}")
        for evidence in finding.evidence:
            lines.append(f"  - `{evidence.article}` ({evidence.start}–{evidence.end}): {_excerpt(evidence)}")
    if len(open_findings) > MAX_FINDINGS:
        lines.append(f"- … and {len(open_findings) - MAX_FINDINGS} more in the full report.")
    for error in result.errors:
        lines.append(f"- unreadable: `{error.path}`: {_escape(error.error)}")
    return "\n".join(lines).rstrip() + "\n"


def _excerpt(evidence: Evidence) -> str:
    """The sentence around the conflicting words, the words in bold."""
    sentence = evidence.sentence
    start = evidence.span_start - evidence.start
    end = evidence.span_end - evidence.start
    if not (0 <= start <= end <= len(sentence)) or not evidence.span:
        return _escape(_shorten(sentence, 2 * CONTEXT))
    before, span, after = sentence[:start], sentence[start:end], sentence[end:]
    before = ("…" + before[-CONTEXT:]) if len(before) > CONTEXT else before
    after = (after[:CONTEXT] + "…") if len(after) > CONTEXT else after
    return f"{_escape(before)}**{_escape(span)}**{_escape(after)}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _escape(text: str) -> str:
    """Draft text is data: no Markdown or HTML in it may take effect in the comment."""
    text = text.replace("\n", " ")
    for character in "\\`*_[]<>|#":
        text = text.replace(character, "\\" + character)
    return text
