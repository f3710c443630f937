"""Text on its way to a terminal or a log: draft text and file names may hold control
characters, and on a terminal an escape sequence would take effect (clear the screen, hide
a line, retitle the window) and a bidirectional override would show a line reordered. None
of them reaches a line factcheck prints."""

from __future__ import annotations

import re

UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    return UNPRINTABLE.sub("", text)
