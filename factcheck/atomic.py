"""Write a file so that readers see the old version or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(OSError):
    """An output that cannot be written (a read-only or full disk, a folder where the file
    should be): a set-up problem, told in one line naming the path and the reason."""


def write_atomically(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it over `path`.

    A rename within one folder is atomic on POSIX and Windows, so a run killed mid-write,
    or a disk that fills up, leaves the previous report or claims table intact.
    """
    if path.is_dir():
        raise OutputError(f"{path}: cannot write there: it is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except (FileExistsError, NotADirectoryError):
        blocking = next(parent for parent in path.parents if parent.exists())
        raise OutputError(f"{path}: cannot write there: {blocking} is a file, not a folder") from None
    except OSError as error:
        raise OutputError(f"{path}: cannot write there: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, _shareable_mode())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write there: {error.strerror or error}; the previous file is unchanged") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _shareable_mode() -> int:
    """The mode a plain `open()` would give (0o666 less the umask): mkstemp's private 0o600
    would stop colleagues and web servers from opening a report."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
