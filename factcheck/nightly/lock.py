"""One nightly run at a time per archive: a second run exits at once with a clear message
instead of interleaving its writes with the first one's.

The lock is `filelock`'s native lock (flock on POSIX, LockFileEx on Windows) rather than
fcntl by hand, which exists on POSIX only: the nightly job runs on a Windows desk as on a
Linux scheduler. Both locks belong to an open file, which the OS closes when the process
dies, so a killed run never leaves a stale lock behind. filelock's soft fallback (a marker
file, for filesystems without flock) can only guess from a pid whether its holder died, so
it is off: such a filesystem gets an error, never a lock that may be stale. filelock 4 is
needed for `on_acquired`, which hands over the locked descriptor: the holder's pid is
written through it, because on Windows no other handle may touch the locked byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_FILE = ".nightly.lock"


class ArchiveBusy(RuntimeError):
    """Another run holds the archive."""


@contextmanager
def archive_lock(folder: Path) -> Iterator[None]:
    """Held for the whole run."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    lock = FileLock(path, timeout=0, fallback_to_soft=False, on_acquired=_write_holder)
    try:
        lock.acquire()
    except Timeout:
        raise ArchiveBusy(f"{folder}: another nightly run is using this archive ({_holder(path)}); try again when it ends") from None
    try:
        yield
    finally:
        lock.release()


def _write_holder(descriptor: int) -> None:
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"pid {os.getpid()}".encode())


def _holder(path: Path) -> str:
    """Who holds the lock, as far as can be read: Windows refuses to read a locked byte."""
    try:
        return path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        return "another process"
