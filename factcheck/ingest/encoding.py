"""Bytes to text. UTF-8 is the newsroom default and is read silently; anything else is
detected and read with a warning, because a wrong guess garbles names and a sub-editor should
know the report rests on a guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class UnreadableFile(ValueError):
    """A file that cannot be turned into article text; the message is the plain reason."""


def decode(data: bytes) -> tuple[str, str | None]:
    """The text and a warning when the encoding had to be guessed.

    A UTF-8 byte-order mark is kept in the text (as U+FEFF) so offsets match the file read
    with a plain ``encoding="utf-8"``; the paragraph finder treats it as space.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data.decode("utf-16")), None
    try:
        return _checked(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary file, not text")
    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableFile("not text in any known encoding")
    return _checked(str(guess)), f"not UTF-8; read as {guess.encoding}"


def _checked(text: str) -> str:
    if "\x00" in text:
        raise UnreadableFile("binary file, not text")
    return text
