"""The concise format: one line per finding, like ruff's, for a terminal, an editor or a CI
log to jump from:

    drafts/002.txt:14:5: FC101 [high] “Ms Turnbull” ... (also drafts/000.txt:3:1; id name-variant-878c7ff214e1)

The line and column are the first cited sentence's conflicting words; Word files and web
pages have no lines, so theirs say the paragraph instead ("drafts/a.docx: paragraph 3:").
Findings a sub-editor accepted are left out; files not read and warnings follow, one line
each, and a last line counts what was found.
"""

from __future__ import annotations

import re

from factcheck.records import Evidence, RunResult
from factcheck.report.contents import Locator, ordered_findings, summary_line
from factcheck.rules import rule_code


def render_concise(result: RunResult) -> str:
    locate = Locator(result)

    def at(evidence: Evidence) -> str:
        where = locate(evidence)
        if where.line is None:
            return f"{evidence.article}: paragraph {where.paragraph}"
        return f"{evidence.article}:{where.line}:{where.column}"

    lines = []
    for finding in ordered_findings(result):
        if finding.id in result.ignored:
            continue
        first, *others = finding.evidence
        also = "".join(f"also {at(evidence)}; " for evidence in others)
        message = " ".join(finding.message.split())
        lines.append(f"{at(first)}: {rule_code(finding.rule)} [{finding.severity}] {message} ({also}id {finding.id})")
    lines.extend(f"{error.path}: {error.error}" for error in result.errors)
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    lines.append(summary_line(result) + ".")
    return "\n".join(CONTROL.sub("", line) for line in lines) + "\n"


# Draft text and file names may hold control characters; on a terminal an escape sequence
# would take effect, so none reaches the line.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
