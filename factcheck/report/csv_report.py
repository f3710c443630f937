"""The CSV report: one row per finding and evidence sentence, for a spreadsheet.

Every text cell comes from drafts, file names or settings, and a spreadsheet runs a cell
that opens with `=`, `+`, `-` or `@` (or a tab or carriage return) as a formula: such cells
get a leading apostrophe, as OWASP's advice on CSV injection has it, so they read as text.
"""

from __future__ import annotations

from factcheck.records import RunResult
from factcheck.report.contents import ordered_findings

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ["finding", "rule", "severity", "confidence", "story", "message", "ignored", "article", "start", "end", "span", "sentence"]


def render_csv(result: RunResult) -> str:
    import pandas as pd  # half a second to import; only this format needs it

    rows = [
        {
            "finding": finding.id,
            "rule": finding.rule,
            "severity": str(finding.severity),
            "confidence": round(finding.confidence, 3),
            "story": inert(finding.story),
            "message": inert(finding.message),
            "ignored": inert(result.ignored.get(finding.id, "")),
            "article": inert(evidence.article),
            "start": evidence.start,
            "end": evidence.end,
            "span": inert(evidence.span),
            "sentence": inert(evidence.sentence),
        }
        for finding in ordered_findings(result)
        for evidence in finding.evidence
    ]
    return pd.DataFrame(rows, columns=COLUMNS).to_csv(index=False, lineterminator="\n")


def inert(text: str) -> str:
    """`text` as a spreadsheet shows it and never runs it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
