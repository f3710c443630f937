"""The CSV report: one row per finding and evidence sentence, for a spreadsheet."""

from __future__ import annotations

from factcheck.records import RunResult
from factcheck.report.contents import ordered_findings

COLUMNS = ["finding", "rule", "severity", "confidence", "story", "message", "ignored", "article", "start", "end", "span", "sentence"]


def render_csv(result: RunResult) -> str:
    import pandas as pd  # half a second to import; only this format needs it

    rows = [
        {
            "finding": finding.id,
            "rule": finding.rule,
            "severity": finding.severity,
            "confidence": round(finding.confidence, 3),
            "story": finding.story,
            "message": finding.message,
            "ignored": result.ignored.get(finding.id, ""),
            "article": evidence.article,
            "start": evidence.start,
            "end": evidence.end,
            "span": evidence.span,
            "sentence": evidence.sentence,
        }
        for finding in ordered_findings(result)
        for evidence in finding.evidence
    ]
    return pd.DataFrame(rows, columns=COLUMNS).to_csv(index=False, lineterminator="\n")
