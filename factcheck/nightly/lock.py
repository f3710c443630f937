"""One nightly run at a time per archive: a second run exits at once with a clear message
instead of interleaving its writes with the first one's."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".nightly.lock"


class ArchiveBusy(RuntimeError):
    """Another run holds the archive."""


@contextmanager
def archive_lock(folder: Path) -> Iterator[None]:
    """Held for the whole run; released by the OS if the process dies, so a killed run
    never leaves a stale lock behind."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise ArchiveBusy(f"{folder}: another nightly run is using this archive ({holder}); try again when it ends") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()
