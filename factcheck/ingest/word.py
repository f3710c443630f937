"""Word (.docx) drafts: the text a sub-editor reads in Word."""

from __future__ import annotations

import io
import zipfile

from factcheck.ingest.encoding import UnreadableFile
from factcheck.ingest.document import Document

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
