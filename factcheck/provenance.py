"""The files that are factcheck's own, so that it never reads them as drafts nor reports
them as drafts it could not read: the reports it writes, and its settings files.

A report written into a drafts folder (``-o drafts/report.html``) would otherwise be read by
the next run as one more article, and its quoted sentences would disagree with the drafts
they quote. The reports that could be taken for drafts or data carry ``MARK`` near their
start (an HTML meta tag, a Markdown comment, a JSON "generator" key), and ingest skips any
file that does, silently: it is not a draft nobody could read.
"""

from __future__ import annotations

MARK = "factcheck-report"
# How far into a file the mark is looked for: every format writes it in its first lines.
HEAD_BYTES = 2048


def is_own_output(data: bytes) -> bool:
    return MARK.encode("ascii") in data[:HEAD_BYTES]


# Settings live beside the drafts (config.py reads them); they are not drafts.
SETTINGS_FILE = "factcheck.toml"
PROJECT_FILE = "pyproject.toml"  # settings under [tool.factcheck]
SETTINGS_FILES = frozenset({SETTINGS_FILE, PROJECT_FILE})
