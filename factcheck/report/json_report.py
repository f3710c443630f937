"""The JSON report: the contract later tools read (schema "factcheck.report/1")."""

from __future__ import annotations

import json

from factcheck.provenance import MARK
from factcheck.records import Evidence, Finding, Location, RunResult
from factcheck.report.contents import Locator, ordered_findings, sentence_counts
from factcheck.rules import rule_code

SCHEMA = "factcheck.report/1"


def render_json(result: RunResult) -> str:
    counts = sentence_counts(result)
    locate = Locator(result)
    report = {
        "schema": SCHEMA,
        "generator": MARK,
        "stories": [{"name": story.name, "articles": [a.path for a in story.articles]} for story in result.stories],
        "articles": [
            {
                "path": article.path,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "sentences": counts[article.path],
            }
            for article in result.articles
        ],
        "findings": [_finding(finding, result, locate) for finding in ordered_findings(result)],
        "errors": [{"path": error.path, "error": error.error} for error in result.errors],
        "warnings": list(result.warnings),
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _finding(finding: Finding, result: RunResult, locate: Locator) -> dict:
    """`ignored` is the reason a sub-editor accepted the finding (null while it is open);
    `first_reported` the night a nightly run first reported it (null when new)."""
    return {
        "id": finding.id,
        "rule": finding.rule,
        "code": rule_code(finding.rule),
        "severity": finding.severity,
        "confidence": round(finding.confidence, 3),
        "story": finding.story,
        "message": finding.message,
        "evidence": [_evidence(evidence, locate(evidence)) for evidence in finding.evidence],
        "ignored": result.ignored.get(finding.id),
        "first_reported": result.seen.get(finding.id),
    }


def _evidence(evidence: Evidence, where: Location) -> dict:
    """`paragraph` counts story paragraphs from 1 (a Word file's visible paragraphs, headings
    included, as Word shows them); `table_row` is the row of a Word table, else null; `line`
    and `column` (from 1) are the file's, null for Word files and web pages; `speaker` says
    who speaks a cited quotation."""
    return {
        "article": evidence.article,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "span": evidence.span,
        "paragraph": where.paragraph,
        "line": where.line,
        "column": where.column,
        "table_row": where.table_row,
        "speaker": evidence.speaker,
    }
