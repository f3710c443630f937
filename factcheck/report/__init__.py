"""Report formats: a registry of renderers from a RunResult to text, and where to write it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.records import RunResult
from factcheck.report.csv_report import render_csv
from factcheck.report.html_report import render_html
from factcheck.report.json_report import render_json
from factcheck.report.markdown_report import render_markdown

FORMATS: dict[str, Callable[[RunResult], str]] = {
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}
EXTENSIONS = {"html": "html", "json": "json", "csv": "csv", "markdown": "md"}


def render(result: RunResult, fmt: str) -> str:
    return FORMATS[fmt](result)


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
