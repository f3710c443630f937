"""Write a file so that readers see the old version or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it over `path`.

    A rename within one folder is atomic on POSIX and Windows, so a run killed mid-write
    leaves the previous report or claims table intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, _shareable_mode())
        os.replace(temporary, path)
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
