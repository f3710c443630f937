"""Ingest: files and folders in, Articles out, unreadable files as ReadErrors.

All drafts of a run are decoded first and laid out second, because furniture is partly
recognised by repetition across drafts (see ``boilerplate``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from factcheck.ingest.boilerplate import layout, lines_of
from factcheck.ingest.dateline import dateline_date
from factcheck.ingest.encoding import UnreadableFile
from factcheck.ingest.document import Document
from factcheck.ingest.readers import READERS
from factcheck.provenance import HEAD_BYTES, OUTPUT_FOLDER, SETTINGS_FILES, is_own_output
from factcheck.records import Article, ReadError

SUPPORTED_SUFFIXES = frozenset(READERS)
# A link inside a drafts folder may lead anywhere (a system or secrets file): only what is
# inside the checked folder is read. Links to folders are never descended into at all.
OUTSIDE_LINK = "not read: a symbolic link that leads outside the checked folder (such links are never followed)"


def read_articles(paths: Sequence[str], *, max_bytes: int) -> tuple[list[Article], list[ReadError]]:
    """Every supported file under `paths`, read; one bad file never stops the others."""
    documents: dict[str, Document] = {}
    errors: list[ReadError] = []
    named = {given for given in paths if Path(given).is_file()}
    for name, path in _files(paths, errors):
        if name in documents:
            continue
        try:
            document = _read(path, max_bytes)
        except UnreadableFile as error:
            errors.append(ReadError(name, str(error)))
            continue
        if document is not None:
            documents[name] = document
        elif name in named:
            errors.append(ReadError(name, "not read: a report factcheck wrote, not a draft"))
    repeated = _repeated_lines(documents.values())
    articles = []
    for name, document in documents.items():
        article = _article(name, document, repeated)
        if article.paragraphs:
            articles.append(article)
        else:
            errors.append(ReadError(name, "no article text (empty, or only site furniture)"))
    return articles, errors


def draft_files(paths: Sequence[str]) -> tuple[list[tuple[str, Path]], list[ReadError]]:
    """(name as reported, path) of every supported file under `paths`, without reading
    them (the nightly job reads only what its archive does not already hold)."""
    errors: list[ReadError] = []
    return list(dict(_files(paths, errors)).items()), errors


def _files(paths: Sequence[str], errors: list[ReadError]) -> Iterator[tuple[str, Path]]:
    """(name as reported, path) for each file: folders recursively, hidden entries skipped."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            inside = root.resolve()
            for path in sorted(root.rglob("*")):
                relative = path.relative_to(root)
                if _hidden(relative):
                    continue
                if path.is_symlink() and path.exists() and not path.resolve().is_relative_to(inside):
                    errors.append(ReadError(reported_name(root / relative), OUTSIDE_LINK))
                    continue
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    if path.is_file() and path.name not in SETTINGS_FILES and not _own_output(path):
                        errors.append(ReadError(reported_name(root / relative), not_read(path.suffix)))
                    continue
                if path.is_file():
                    yield reported_name(root / relative), path
                elif path.is_symlink() and not path.exists():
                    errors.append(ReadError(reported_name(root / relative), "a symbolic link that leads nowhere (broken, or a loop)"))
        elif root.is_file():
            if root.suffix.lower() in SUPPORTED_SUFFIXES:
                yield reported_name(given), root
            else:
                errors.append(ReadError(reported_name(given), not_read(root.suffix)))
        else:
            errors.append(ReadError(reported_name(given), "no such file or folder"))


def reported_name(path: str | Path) -> str:
    """A file's name as every output shows it: a name whose bytes are not UTF-8 (Python
    carries them as lone surrogates) gets those bytes written as \\xff escapes, so the name is
    shown, stored and written safely, and stays recognisable."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# Word-processor formats a newsroom meets, by suffix: what they are, for the one-line advice.
WORD_PROCESSOR_FORMATS = {
    ".doc": "an old Word (.doc) document",
    ".rtf": "a Rich Text (.rtf) document",
    ".odt": "an OpenDocument (.odt) text",
    ".pages": "an Apple Pages document",
    ".wpd": "a WordPerfect document",
    ".docm": "a macro-enabled Word document",
    ".dotx": "a Word template",
}
READ_FORMATS = " ".join(sorted(SUPPORTED_SUFFIXES))


def not_read(suffix: str) -> str:
    """Why a file is not read, and what to do about it, in one line."""
    suffix = suffix.lower()
    if suffix in WORD_PROCESSOR_FORMATS:
        return f"not read: {WORD_PROCESSOR_FORMATS[suffix]}; save it as .docx (File > Save As) and run again"
    if suffix == ".pdf":
        return "not read: a PDF; export the draft as .docx or .txt and run again"
    return f"not read: {suffix or 'no suffix'} is not a draft format (factcheck reads {READ_FORMATS})"


def _own_output(path: Path) -> bool:
    """A JSON or CSV report or claims table factcheck wrote there itself."""
    try:
        with path.open("rb") as handle:
            return is_own_output(handle.read(HEAD_BYTES))
    except OSError:
        return False


def _hidden(relative: Path) -> bool:
    """Dot files, Word's "~$" lock files and factcheck's own output folder are never drafts."""
    return any(part.startswith((".", "~$")) or part == OUTPUT_FOLDER for part in relative.parts)


def file_bytes(path: Path, max_bytes: int) -> bytes:
    """A draft's bytes, refusing one over the size limit before reading any of it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFile(f"too large: {size:,} bytes, over the {max_bytes:,}-byte limit (setting max_file_bytes)")
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None


def _read(path: Path, max_bytes: int) -> Document | None:
    """The file's document, or None for a report factcheck wrote itself."""
    data = file_bytes(path, max_bytes)
    if is_own_output(data):
        return None
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "only whitespace")
    try:
        return READERS[path.suffix.lower()](data)
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - a reader's library failing on one file must not stop the run
        raise UnreadableFile(f"could not be read as {path.suffix.lower()} ({type(error).__name__})") from None


def _repeated_lines(documents) -> frozenset[str]:
    counts = Counter(line for document in documents for line in {l.text for l in lines_of(document.text)})
    return frozenset(line for line, count in counts.items() if count >= 2)


FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def file_name_date(path: str) -> date | None:
    """A full date in a draft's file name ("2024-03-05-council.txt"), the last source of a
    publication date after metadata and a dateline; never a year the body mentions."""
    match = FILE_NAME_DATE.search(Path(path).name)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _article(name: str, document: Document, repeated: frozenset[str]) -> Article:
    found = layout(document.text, repeated)
    published = document.published or next(filter(None, map(dateline_date, found.header)), None) or file_name_date(name)
    return Article(
        path=name,
        text=document.text,
        title=document.title or found.title,
        published=published,
        paragraphs=found.paragraphs,
        warnings=list(document.warnings),
        lines=document.lines,
        verbatim=document.verbatim,
        places=document.places,
    )
