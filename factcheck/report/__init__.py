"""Report formats: each declared once (its name, file suffix and renderer), and where to
write a report."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.records import RunResult
from factcheck.report.concise_report import render_concise
from factcheck.report.csv_report import render_csv
from factcheck.report.html_report import render_html
from factcheck.report.json_report import render_json
from factcheck.report.markdown_report import render_markdown


@dataclass(frozen=True)
class ReportFormat:
    """A report format. One meant for a terminal goes to stdout unless a file is named."""

    name: str
    suffix: str
    render: Callable[[RunResult], str]
    terminal: bool = False


FORMATS: dict[str, ReportFormat] = {
    fmt.name: fmt
    for fmt in (
        ReportFormat("html", ".html", render_html),
        ReportFormat("json", ".json", render_json),
        ReportFormat("csv", ".csv", render_csv),
        ReportFormat("markdown", ".md", render_markdown),
        ReportFormat("concise", ".txt", render_concise, terminal=True),
    )
}


def render(result: RunResult, fmt: str) -> str:
    return FORMATS[fmt].render(result)


def write_report(result: RunResult, fmt: str, output: str) -> str | None:
    """Write the report to `output` ("-" is stdout, where nothing else is ever written).
    Returns the path written, or None for stdout."""
    text = render(result, fmt)
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    write_atomically(Path(output), text)
    return output
