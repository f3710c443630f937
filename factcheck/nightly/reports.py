"""A night's output: reports/YYYY-MM-DD/index.html (the stories with counts and links), one
report page per story, and findings.json (the JSON contract) for the whole night."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.lexicon import counted
from factcheck.nightly.night import Night
from factcheck.records import RunResult
from factcheck.report import render
from factcheck.report.html_report import template_environment
from factcheck.records import SEVERITIES
from factcheck.terminal import file_url


def write_night(night: Night, reports_folder: Path) -> Path:
    """Writes the night's folder and returns its index page. Story pages are written
    first and the index last, so the index never links to a page that is not there. A page
    is named after the story's name, which never changes, so links to it keep working."""
    folder = reports_folder / night.date.isoformat()
    rows = []
    for name, result in night.stories.items():
        page = f"{name}.html"
        write_atomically(folder / page, render(result, "html"))
        rows.append(_row(night, name, page, result))
    write_atomically(folder / "findings.json", render(night.result, "json"))
    rows.sort(key=lambda row: tuple(-row["new"][s] for s in SEVERITIES) + (row["title"], row["name"]))
    new = night.new_findings
    index = template_environment().get_template("night_index.html.j2").render(
        night=night.date.isoformat(),
        rows=rows,
        severities=SEVERITIES,
        articles=len(night.tonight_paths),
        new_articles=night.new_articles,
        new_count=len(new),
        old_count=len(night.result.open_findings) - len(new),
        accepted_count=len(night.result.ignored),
        errors=night.result.errors,
    )
    return write_atomically(folder / "index.html", index)


def _row(night: Night, name: str, page: str, result: RunResult) -> dict:
    """A story's line in the index: new findings by severity; findings reported on an
    earlier night and findings a sub-editor accepted are counted apart from them."""
    tonight = sum(article.path in night.tonight_paths for article in result.articles)
    new = [f for f in result.open_findings if f.id not in result.seen]
    return {
        "name": name,
        "page": page,
        "title": night.titles[name],
        "tonight": tonight,
        "earlier": len(result.articles) - tonight,
        "new": Counter(f.severity for f in new),
        "old": len(result.open_findings) - len(new),
        "accepted": len(result.ignored),
    }


def night_summary(night: Night, index: Path) -> str:
    """The line the nightly command prints when it is done."""
    new = night.new_findings
    high = sum(finding.severity == "high" for finding in new)
    accepted = f", {len(night.result.ignored)} accepted" if night.result.ignored else ""
    return (
        f"{night.date.isoformat()}: {counted(len(night.tonight_paths), 'article')} ({night.new_articles} new or changed) in "
        f"{counted(len(night.stories), 'story')}, {counted(len(new), 'new finding')} ({high} high), "
        f"{len(night.result.open_findings) - len(new)} reported before{accepted}. Report: {file_url(index)}"
    )
