"""The HTML report: one self-contained file a sub-editor can open anywhere, offline.

All article text reaches the page through Jinja2 autoescaping; the highlight is made by
splitting a sentence into before / span / after, never by marking up text and trusting it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader

from factcheck.records import Evidence, Finding, RunResult
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


def severity_table(findings: list[Finding]) -> list[tuple[str, list[int]]]:
    """Findings counted per rule (rows, by name) and severity (columns, most severe first)."""
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    rules = sorted({finding.rule for finding in findings})
    return [(rule, [counts[(rule, severity)] for severity in SEVERITIES]) for rule in rules]


def _environment() -> Environment:
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
    return _environment().get_template("report.html.j2").render(
        result=result,
        story_names=", ".join(story.name for story in result.stories) or "no articles",
        findings=findings,
        severities=SEVERITIES,
        severity_counts=Counter(finding.severity for finding in findings),
        rule_rows=severity_table(findings),
        sentence_counts=sentence_counts(result),
    )
