"""One reader per file kind, chosen by suffix. A reader turns bytes into the text a
sub-editor would call the article, plus what the file itself says about title and date.

For .txt and .md the text is the decoded file, unchanged, so every offset in a report slices
the file as it is on disk. For .html and .docx it is the extracted main text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from factcheck.ingest.encoding import UnreadableFile, decode


@dataclass
class Document:
    """A file's text before the paragraph finder has looked at it."""

    text: str
    begin: int = 0
    title: str = ""
    published: date | None = None
    warnings: list[str] = field(default_factory=list)


FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def read_text(data: bytes) -> Document:
    text, warning = decode(data)
    return Document(text=text, warnings=[warning] if warning else [])


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


# A .docx is a zip; one that would expand past this, or far past its own size, is refused
# before anything unpacks it (a "zip bomb" renamed .docx). The declared sizes are a safe
# bound: zipfile never returns more than an entry declares, and a lie fails its CRC check.
MAX_DOCX_EXPANDED_BYTES = 100_000_000
MAX_DOCX_RATIO = 200


def read_docx(data: bytes) -> Document:
    """Word paragraphs, one per line with blank lines between, and the document's title."""
    import docx

    _check_docx_container(data)
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on malformed parts
        raise UnreadableFile("not a valid Word document") from None
    paragraphs = [paragraph.text for paragraph in word.paragraphs if paragraph.text.strip()]
    return Document(text="\n\n".join(paragraphs), title=word.core_properties.title or "")


def _check_docx_container(data: bytes) -> None:
    """A Word file is a zip holding word/document.xml that expands to a sane size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableFile("not a valid Word document (not a zip file)") from None
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise UnreadableFile("not a valid Word document (no word/document.xml inside)")
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_DOCX_EXPANDED_BYTES or expanded > MAX_DOCX_RATIO * max(len(data), 1):
        raise UnreadableFile(f"refused: would expand to {expanded:,} bytes from {len(data):,} (a zip bomb?)")


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
