"""The Markdown report: a compact summary a CMS or a code review can post as a comment.

Each finding carries its id, so whoever reads the comment can accept it
(`factcheck ignore ID --reason ...`), and says where its sentences are by paragraph and line.
"""

from __future__ import annotations

import re

from factcheck.provenance import MARK
from factcheck.records import Evidence, RunResult
from factcheck.report.contents import Locator, ordered_findings, summary_line
from factcheck.rules import rule_code

MARKUP = re.compile(r"[\\`*_{}\[\]<>()!|~&:#]")
MAX_FINDINGS = 50  # comment boxes have size limits; the HTML report has the rest
CONTEXT = 60


def render_markdown(result: RunResult) -> str:
    open_findings = [f for f in ordered_findings(result) if f.id not in result.ignored]
    stories = ", ".join(_escape(story.name) for story in result.stories) or "no articles"
    locate = Locator(result)
    lines = [f"<!-- {MARK} -->", f"## factcheck: {stories}", "", summary_line(result, lambda count: f"**{count}**") + ".", ""]
    for finding in open_findings[:MAX_FINDINGS]:
        lines.append(f"- **{finding.severity.upper()}** {rule_code(finding.rule)} `{finding.rule}` {_escape(finding.message)} (id `{finding.id}`)")
        for evidence in finding.evidence:
            said = f" (said by {_escape(evidence.speaker)})" if evidence.speaker else ""
            lines.append(f"  - {_code(evidence.article)} {locate(evidence).describe()}{said}: {_excerpt(evidence)}")
    if len(open_findings) > MAX_FINDINGS:
        lines.append(f"- … and {len(open_findings) - MAX_FINDINGS} more in the full report.")
    for error in result.errors:
        lines.append(f"- not read: {_code(error.path)}: {_escape(error.error)}")
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


def _code(text: str) -> str:
    """A file name as a code span, exactly as written: the fence is one backtick longer than
    any run of backticks in the name, so nothing in it can close the span early."""
    text = text.replace("\r", " ").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _escape(text: str) -> str:
    """Draft text, names and settings are data: every ASCII punctuation mark that Markdown
    or HTML could read as syntax is backslash-escaped (CommonMark reads any escaped
    punctuation as itself), so a posted comment renders it as plain text and loads nothing."""
    return MARKUP.sub(r"\\\g<0>", text.replace("\r", " ").replace("\n", " "))
