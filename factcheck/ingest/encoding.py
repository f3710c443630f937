"""Bytes to text. UTF-8 is the newsroom default and is read silently; anything else is
detected and read with a warning, because a wrong guess garbles names and a sub-editor should
know the report rests on a guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class UnreadableFile(ValueError):
    """A file that cannot be turned into article text; the message is the plain reason."""


# A well-formed UTF-8 sequence for a character beyond ASCII. Legacy single-byte text (Windows-
# 1252 and friends) almost never contains one; UTF-8 with a corrupted byte is full of them.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes) -> tuple[str, str | None]:
    """The text and a warning when the encoding had to be guessed.

    A UTF-8 byte-order mark is kept in the text (as U+FEFF) so offsets match the file read
    with a plain ``encoding="utf-8"``; the paragraph finder treats it as space.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16")), None
    try:
        return _checked(data.decode("utf-8")), None
    except UnicodeDecodeError as error:
        if UTF8_MULTIBYTE.search(data):
            raise UnreadableFile(f"invalid UTF-8 at byte {error.start} of a UTF-8 file (a corrupted byte?)") from None
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary file, not text")
    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableFile("not text in any known encoding")
    text, name = str(guess), guess.encoding
    if _as_windows_1252(data) == text:
        name = "Windows-1252"  # the same text under the name a newsroom knows
    return _checked(text), f"not UTF-8; read as {name}"


def _as_windows_1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _checked(text: str) -> str:
    if "\x00" in text:
        raise UnreadableFile("binary file, not text")
    return text
