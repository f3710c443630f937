"""Text on its way to a terminal or a log: draft text and file names may hold control
characters, and on a terminal an escape sequence would take effect (clear the screen, hide
a line, retitle the window), a newline in a file name would forge a second log line, and a
bidirectional override would show a line reordered. Each reaches a line factcheck prints
escaped, as Python writes it in a string (`\n`, `\x1b`, `\u202e`), so the name stays
recognisable and the line stays one line."""

from __future__ import annotations

import re
from pathlib import Path

UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    return UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    if character in ESCAPES:
        return ESCAPES[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def file_url(path: str | Path) -> str:
    """A written file as a file:// URL: the full path, which terminals let a person click
    (a relative path means nothing to a Finder or Explorer user)."""
    return Path(path).resolve().as_uri()
