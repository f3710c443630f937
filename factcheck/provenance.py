"""The files that are factcheck's own, so that it never reads them as drafts nor reports
them as drafts it could not read: the reports it writes, and its settings files.

A report written into a drafts folder (``-o drafts/report.html``) would otherwise be read by
the next run as one more article, and its quoted sentences would disagree with the drafts
they quote. The reports that could be taken for drafts or data carry ``MARK`` near their
start (an HTML meta tag, a Markdown comment, a JSON "generator" key) or, for concise, at
the end of its last line; ingest skips any file that does, silently in a folder (it is not
a draft nobody could read) and with one line when the file was named.
"""

from __future__ import annotations

MARK = "factcheck-report"
# The mark as each format writes it: a draft that merely mentions the word is still a draft.
MARKERS = tuple(
    marker.encode("ascii")
    for marker in (f'<meta name="generator" content="{MARK}">', f"<!-- {MARK} -->", f'"generator": "{MARK}"', f"[{MARK}]")
)
# How far into a file, from either end, the mark is looked for: formats write it in their
# first lines, or (concise, whose lines are all findings) on the last.
HEAD_BYTES = 2048


def is_own_output(data: bytes) -> bool:
    ends = (data[:HEAD_BYTES], data[-HEAD_BYTES:])
    return any(marker in end for marker in MARKERS for end in ends)


# Run inside a drafts folder, factcheck writes its reports and claims into this visible folder
# there (a Finder or Explorer user sees it), and never reads it as drafts.
OUTPUT_FOLDER = "factcheck-output"

# Settings live beside the drafts (config.py reads them); they are not drafts.
SETTINGS_FILE = "factcheck.toml"
PROJECT_FILE = "pyproject.toml"  # settings under [tool.factcheck]
SETTINGS_FILES = frozenset({SETTINGS_FILE, PROJECT_FILE})
