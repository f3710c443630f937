"""The user cache folder: exported models, sentence vectors and story results live here."""

from __future__ import annotations

import os
import shutil
import sqlite3
import warnings
from pathlib import Path


def cache_root() -> Path:
    """FACTCHECK_CACHE overrides the platform's cache folder (tests and shared servers use it)."""
    import platformdirs

    return Path(os.environ.get("FACTCHECK_CACHE") or platformdirs.user_cache_path("factcheck"))


class CacheRebuilt(UserWarning):
    """A damaged cache was set aside and started afresh: it only ever holds what a run can
    make again, so the run goes on (a little slower) and says so in one line."""


def set_aside(path: Path, reason: str) -> None:
    """Move a damaged cache file or folder to `<name>.damaged` (kept for a bug report)."""
    damaged = path.with_name(path.name + ".damaged")
    if damaged.is_dir():
        shutil.rmtree(damaged)
    os.replace(path, damaged)
    warnings.warn(CacheRebuilt(f"cache {path} was damaged ({reason}); set aside as {damaged.name} and rebuilt"), stacklevel=2)


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """A cache database with `schema`; a file that is not a readable SQLite database is set
    aside and a new one made. A busy database is not damaged: that error is raised as is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connected(path, schema)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        set_aside(path, str(error))
        return _connected(path, schema)


def _connected(path: Path, schema: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    try:
        mismatch = _other_shape(connection, schema)
        if mismatch:
            raise sqlite3.DatabaseError(f"not this cache's tables: {mismatch}")
        connection.executescript(schema)
    except BaseException:
        connection.close()
        raise
    return connection


def _other_shape(connection: sqlite3.Connection, schema: str) -> str:
    """How the file's tables differ from those `schema` makes ("" when they do not): a valid
    SQLite file with a table of the same name but other columns is a damaged cache."""
    expected = sqlite3.connect(":memory:")
    try:
        expected.executescript(schema)
        for (table,) in expected.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            wanted = [row[1:3] for row in expected.execute(f"PRAGMA table_info({table})")]
            found = [row[1:3] for row in connection.execute(f"PRAGMA table_info({table})")]
            if found and found != wanted:
                return f"table {table} has columns {', '.join(name for name, _ in found)}"
    finally:
        expected.close()
    return ""
