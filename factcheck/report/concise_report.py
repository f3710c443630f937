"""The concise format: one line per finding, like ruff's, for a terminal, an editor or a CI
log to jump from:

    drafts/002.txt:14:5: FC101 [high] “Ms Turnbull” ... (also drafts/000.txt:3:1; id name-variant-878c7ff214e1)

The line and column are the first cited sentence's conflicting words. A Markdown draft is
read rendered, so its column would not be the file's: it gets the line alone
("drafts/a.md:14:"); Word files and web pages have no lines, so theirs say the paragraph
("drafts/a.docx: paragraph 3:").
Findings a sub-editor accepted are left out. Files not read and warnings go to stderr, one
line each, as in every format, so the report itself is findings only; its last line counts
what was found (files not read included) and ends in factcheck's mark, "[factcheck-report]",
so a saved concise report is never read back as a draft.
"""

from __future__ import annotations

from factcheck.provenance import MARK
from factcheck.records import Evidence, RunResult
from factcheck.report.contents import Locator, ordered_findings, summary_line
from factcheck.rules import rule_code
from factcheck.terminal import printable


def render_concise(result: RunResult) -> str:
    locate = Locator(result)

    def at(evidence: Evidence) -> str:
        where = locate(evidence)
        if where.line is None:
            return f"{evidence.article}: paragraph {where.paragraph}"
        return f"{evidence.article}:{where.line}" + (f":{where.column}" if where.column else "")

    lines = []
    for finding in ordered_findings(result):
        if finding.id in result.ignored:
            continue
        first, *others = finding.evidence
        also = "".join(f"also {at(evidence)}; " for evidence in others)
        message = " ".join(finding.message.split())
        lines.append(f"{at(first)}: {rule_code(finding.rule)} [{finding.severity}] {message} ({also}id {finding.id})")
    lines.append(f"{summary_line(result)}. [{MARK}]")
    return "\n".join(map(printable, lines)) + "\n"
