"""The claims archive on a PostgreSQL server (`--archive postgresql://...`), for a group whose
nightly clients share one archive: the same two tables and the same answers as the SQLite
file (archive.py), through psycopg 3 (the `postgresql` extra).

A night is one transaction, so a night killed half way leaves the archive as it was. Two
nights at once are refused: a night holds a session advisory lock for as long as its
connection is open, which the server drops when a client dies (no stale lock), and a second
client asking for it is told at once.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np

from factcheck.nightly.archive import COLUMNS, TABLES, ArchivedArticle, _archived, _row, article_vector
from factcheck.nightly.lock import ArchiveBusy

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, path TEXT, title TEXT, published TEXT, night TEXT, story TEXT,
    text TEXT, paragraphs TEXT, claims TEXT, vectors BYTEA, dimensions INTEGER, model TEXT, code TEXT
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story, night);
CREATE TABLE IF NOT EXISTS findings (id TEXT PRIMARY KEY, night TEXT, story TEXT, rule TEXT, severity TEXT, message TEXT);
"""
SAVE_ARTICLE = (
    f"INSERT INTO articles VALUES ({', '.join(['%s'] * len(COLUMNS))}) ON CONFLICT (hash) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS[1:] if column != "night")
    + ", night = LEAST(articles.night, excluded.night)"
)
# The advisory lock's key: one nightly run per database (the digits spell "factcheck").
NIGHT_LOCK = 0xFAC7C4EC
PASSWORD = re.compile(r"(://[^:/@]+:)[^@]*@")


class ArchiveServerError(RuntimeError):
    """The server archive cannot be used: no driver, no connection, or tables of another
    program. Nothing was written."""


def shown(url: str) -> str:
    """The location without its password, for messages."""
    return PASSWORD.sub(r"\1***@", url)


class PostgresArchive:
    """The PostgreSQL store (see archive.ArchiveStore)."""

    def __init__(self, url: str, model: str, code: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise ArchiveServerError(f"{shown(url)}: a PostgreSQL archive needs psycopg: pip install 'factcheck[postgresql]'") from None
        self.url, self.model, self.code = url, model, code
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise ArchiveServerError(f"{shown(url)}: cannot connect to the archive: {_first_line(error)}") from None
        if not self._db.execute("SELECT pg_try_advisory_lock(%s)", (NIGHT_LOCK,)).fetchone()[0]:
            self._db.close()
            raise ArchiveBusy(f"{shown(url)}: another nightly run is using this archive; try again when it ends")
        mismatch = self._schema_mismatch()
        if mismatch:
            self._db.close()
            raise ArchiveServerError(f"{shown(url)}: not a factcheck archive ({mismatch}); it was left as it is")
        with self._db.transaction():
            self._db.execute(SCHEMA)

    def _schema_mismatch(self) -> str:
        for table, expected in TABLES.items():
            found = tuple(
                row[0]
                for row in self._db.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
                    (table,),
                )
            )
            if found and found != expected:
                return f"table {table} has columns ({', '.join(found)}), not ({', '.join(expected)})"
        return ""

    def close(self) -> None:
        self._db.close()

    def article(self, content: str) -> ArchivedArticle | None:
        row = self._db.execute(
            "SELECT * FROM articles WHERE hash = %s AND model = %s AND code = %s", (content, self.model, self.code)
        ).fetchone()
        return None if row is None else _archived(_plain(row))

    def story_articles(self, story: str, since: date, before: date) -> list[ArchivedArticle]:
        rows = self._db.execute(
            "SELECT * FROM articles WHERE story = %s AND night >= %s AND night < %s AND model = %s AND code = %s ORDER BY night, path",
            (story, since.isoformat(), before.isoformat(), self.model, self.code),
        ).fetchall()
        return [_archived(_plain(row)) for row in rows]

    def recent_stories(self, since: date, before: date) -> dict[str, np.ndarray]:
        rows = self._db.execute(
            "SELECT story, vectors, dimensions FROM articles WHERE night >= %s AND night < %s AND model = %s ORDER BY story, night, path",
            (since.isoformat(), before.isoformat(), self.model),
        ).fetchall()
        stories: dict[str, list[np.ndarray]] = {}
        for story, blob, dimensions in rows:
            vectors = np.frombuffer(bytes(blob), dtype=np.float32).reshape(-1, dimensions)
            if len(vectors):
                stories.setdefault(story, []).append(article_vector(vectors))
        return {story: np.vstack(found) for story, found in stories.items()}

    def first_reported(self, ids: list[str], before: date) -> dict[str, str]:
        if not ids:
            return {}
        rows = self._db.execute("SELECT id, night FROM findings WHERE id = ANY(%s) AND night < %s", (ids, before.isoformat())).fetchall()
        return dict(rows)

    def save_night(self, articles: list[ArchivedArticle], findings: list, night: str) -> None:
        """Everything the night learnt, in one transaction."""
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.executemany(SAVE_ARTICLE, [_row(item, self.model, self.code) for item in articles])
            cursor.executemany(
                "INSERT INTO findings VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                [(f.id, night, f.story, f.rule, f.severity, f.message) for f in findings],
            )
            cursor.executemany("UPDATE findings SET night = %s WHERE id = %s AND night > %s", [(night, f.id, night) for f in findings])


def _plain(row: tuple) -> tuple:
    """A row as the SQLite store reads it: BYTEA comes back as memoryview."""
    return tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]

