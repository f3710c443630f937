"""One reader per file kind, chosen by suffix. A reader turns bytes into the text a
sub-editor would call the article, plus what the file itself says about title and date.

For .txt and .md the text is the decoded file, unchanged, so every offset in a report slices
the file as it is on disk. For .html and .docx it is the extracted main text.
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
    """Markdown with optional YAML front matter (title, date), which is not story text."""
    document = read_text(data)
    match = FRONT_MATTER.match(document.text)
    if not match:
        return document
    document.begin = match.end()
    try:
        meta = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError:
        document.warnings.append("front matter is not valid YAML; ignored")
        return document
    if isinstance(meta, dict):
        document.title = str(meta.get("title") or "")
        document.published = as_date(meta.get("date"))
    return document


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
