"""The HTML report: one self-contained file a sub-editor can open anywhere, offline.

All article text reaches the page through Jinja2 autoescaping; the highlight is made by
splitting a sentence into before / span / after, never by marking up text and trusting it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.records import Evidence, RunResult
from factcheck.report.ordering import ordered_findings, sentence_counts
from factcheck.rules.base import SEVERITIES


@dataclass(frozen=True)
class Highlighted:
    """A sentence cut around its conflicting words."""

    before: str
    span: str
    after: str


def highlight(evidence: Evidence) -> Highlighted:
    """Cut at the recorded offsets; if they do not match the span, at its first occurrence."""
    sentence = evidence.sentence
    start, end = evidence.span_start - evidence.start, evidence.span_end - evidence.start
    if not (0 <= start <= end <= len(sentence) and sentence[start:end] == evidence.span):
        start = sentence.find(evidence.span) if evidence.span else -1
        if start < 0:
            return Highlighted(sentence, "", "")
        end = start + len(evidence.span)
    return Highlighted(sentence[:start], sentence[start:end], sentence[end:])


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["highlight"] = highlight
    return environment


def render_html(result: RunResult) -> str:
    findings = ordered_findings(result)
    by_rule = Counter((finding.rule, finding.severity) for finding in findings)
    rules = sorted({finding.rule for finding in findings})
    return _environment().get_template("report.html.j2").render(
        result=result,
        story_names=", ".join(story.name for story in result.stories) or "no articles",
        findings=findings,
        severities=SEVERITIES,
        severity_counts={s: sum(f.severity == s for f in findings) for s in SEVERITIES},
        rule_rows=[(rule, [by_rule[(rule, s)] for s in SEVERITIES]) for rule in rules],
        sentence_counts=sentence_counts(result),
    )
