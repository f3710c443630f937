"""What a reader hands on: a file's text before the paragraph finder has looked at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Document:
    """A file's text before the paragraph finder has looked at it."""

    text: str
    title: str = ""
    published: date | None = None
    warnings: list[str] = field(default_factory=list)
    lines: tuple[tuple[int, int], ...] = ()  # as Article.lines
    places: tuple[tuple[int, int, int], ...] = ()  # as Article.places
    verbatim: bool = False  # as Article.verbatim
