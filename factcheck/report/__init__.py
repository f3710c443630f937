"""Report formats: each declared once (its name, file suffix and renderer), and where to
write a report.

Renderers are named, not imported, so that `factcheck --help` lists the formats without
loading the rules, Jinja2 or pandas that the renderers need.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.records import RunResult


@dataclass(frozen=True)
class ReportFormat:
    """A report format; `renderer` is "module:function". One meant for a terminal goes to
    stdout unless a file is named."""

    name: str
    suffix: str
    renderer: str
    terminal: bool = False

    @property
    def render(self) -> Callable[[RunResult], str]:
        module, function = self.renderer.split(":")
        return getattr(importlib.import_module(module), function)


FORMATS: dict[str, ReportFormat] = {
    fmt.name: fmt
    for fmt in (
        ReportFormat("html", ".html", "factcheck.report.html_report:render_html"),
        ReportFormat("json", ".json", "factcheck.report.json_report:render_json"),
        ReportFormat("csv", ".csv", "factcheck.report.csv_report:render_csv"),
        ReportFormat("markdown", ".md", "factcheck.report.markdown_report:render_markdown"),
        ReportFormat("concise", ".txt", "factcheck.report.concise_report:render_concise", terminal=True),
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
