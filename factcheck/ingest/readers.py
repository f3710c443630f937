"""One reader per file kind, chosen by suffix. A reader turns bytes into the text a
sub-editor would call the article, plus what the file itself says about title and date.

For .txt the text is the decoded file, unchanged, so every offset in a report slices the file
as it is on disk. For .md it is the rendered text (what a reader sees, markup gone), for .html
and .docx the extracted main text; ``Document.lines`` ties .txt and .md text to the file's
lines, so reports can still say "line 14".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

import yaml

from factcheck.ingest.document import Document
from factcheck.ingest.encoding import UnreadableFile, decode
from factcheck.ingest.word import read_docx

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def read_text(data: bytes) -> Document:
    text, warning = decode(data)
    return Document(text=text, warnings=[warning] if warning else [], lines=((0, 1),))


def read_markdown(data: bytes) -> Document:
    """Markdown rendered to the words a reader sees: emphasis marks, link targets, list
    markers and raw HTML never reach a sentence, so evidence quotes the draft cleanly. YAML
    front matter (title, date) is metadata, not story text."""
    source = read_text(data)
    match = FRONT_MATTER.match(source.text)
    body_start = match.end() if match else 0
    text, lines = render_markdown(source.text[body_start:], first_line=1 + source.text.count("\n", 0, body_start))
    document = Document(text=text, warnings=source.warnings, lines=lines)
    if match:
        _take_front_matter(document, match.group("yaml"))
    return document


def _take_front_matter(document: Document, front_matter: str) -> None:
    try:
        meta = yaml.safe_load(front_matter) or {}
    except yaml.YAMLError:
        document.warnings.append("front matter is not valid YAML; ignored")
        return
    if isinstance(meta, dict):
        document.title = str(meta.get("title") or "")
        document.published = as_date(meta.get("date"))


# Inline tokens that carry words a reader sees; every other inline token is markup.
MARKDOWN_WORDS = frozenset({"text", "code_inline"})
MARKDOWN_BREAKS = frozenset({"softbreak", "hardbreak"})


def render_markdown(source: str, first_line: int = 1) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text, one block a paragraph (blank line between), a soft line break kept as a
    line break so each line of a block stays one line of the file; and for each block, where
    it starts in the text and on which line of the file (see Article.lines)."""
    from markdown_it import MarkdownIt

    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    offset = 0
    for token in MarkdownIt("commonmark").parse(source):
        if token.map is None or token.type not in ("inline", "code_block", "fence"):
            continue
        words = _inline_words(token) if token.type == "inline" else token.content.rstrip("\n")
        if not words.strip():
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        anchors.append((offset, first_line + token.map[0]))
        parts.append(words)
        offset += len(words)
    return "".join(parts), tuple(anchors)


def _inline_words(token) -> str:
    """An inline block's words: text and code as written, images by their alt text."""
    pieces = []
    for child in token.children or ():
        if child.type in MARKDOWN_WORDS or child.type == "image":
            pieces.append(child.content)
        elif child.type in MARKDOWN_BREAKS:
            pieces.append("\n")
    return "".join(pieces)


def read_html(data: bytes) -> Document:
    """The main text of a web page, without navigation, scripts or comments."""
    import trafilatura

    extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    if extracted is None or not (extracted.text or "").strip():
        raise UnreadableFile("no article text found in the page")
    return Document(text=extracted.text, title=extracted.title or "", published=as_date(extracted.date))


def as_date(value: object) -> date | None:
    """A date from front matter or page metadata, which may be a date, a datetime or ISO text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()[:10]).date()
        except ValueError:
            return None
    return None


READERS: dict[str, Callable[[bytes], Document]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}
