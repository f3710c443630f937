"""A night's output: reports/YYYY-MM-DD/index.html (the stories with counts and links), one
report page per story, and findings.json (the JSON contract) for the whole night."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.nightly.night import Night
from factcheck.report import render
from factcheck.report.html_report import template_environment
from factcheck.rules.base import SEVERITIES


def write_night(night: Night, reports_folder: Path) -> Path:
    """Writes the night's folder and returns its index page. Story pages are written
    first and the index last, so the index never links to a page that is not there."""
    folder = reports_folder / night.date.isoformat()
    rows = []
    for name, result in night.stories.items():
        page = f"{name}.html"
        write_atomically(folder / page, render(result, "html"))
        tonight = sum(article.path in night.tonight_paths for article in result.articles)
        new = [f for f in result.open_findings if f.id not in result.seen]
        rows.append(
            {
                "name": name,
                "page": page,
                "title": next((a.title for a in result.articles if a.title), ""),
                "tonight": tonight,
                "earlier": len(result.articles) - tonight,
                "new": Counter(f.severity for f in new),
                "old": len(result.findings) - len(new),
            }
        )
    write_atomically(folder / "findings.json", render(night.result, "json"))
    rows.sort(key=lambda row: tuple(-row["new"][s] for s in SEVERITIES) + (row["name"],))
    index = template_environment().get_template("night_index.html.j2").render(
        night=night.date.isoformat(),
        rows=rows,
        severities=SEVERITIES,
        articles=len(night.tonight_paths),
        new_articles=night.new_articles,
        new_count=len(night.new_findings),
        old_count=len(night.result.findings) - len(night.new_findings),
        errors=night.result.errors,
    )
    return write_atomically(folder / "index.html", index)
