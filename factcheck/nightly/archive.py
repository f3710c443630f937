"""The claims archive: every article a night has processed, queryable by anyone.

One SQLite file (`claims/archive.sqlite`): open it with the `sqlite3` shell, DuckDB or
`pandas.read_sql("SELECT path, story, night FROM articles", sqlite3.connect(path))`. Each
article is keyed by a content hash (its path and bytes), with its path, title, publication
date, story, sentences and extracted claims (JSON) and sentence vectors (float32 bytes).
A night's writes are one transaction: a run killed half way leaves the archive as it was.

`articles.night` is the first night an article was in the inbox and `findings.night` the
first night a finding was reported, whatever order nights are run in: a night re-run after
later ones keeps the earliest. What a night compares with and marks as already reported is
asked for by that night and comes from nights before it only, so re-running an earlier night
after later ones compares with what was there on the night.

The nightly job reaches the archive only through `ArchiveStore` (six methods), opened by
`open_archive`: this SQLite file, the embedded default, or the same two tables on a
PostgreSQL server shared by several nightly clients (`--archive postgresql://...`,
postgres.py). Nothing else in factcheck knows which.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.records import Article, Claim, Paragraph
from factcheck.story_cache import claim_from

ARCHIVE_FILE = "archive.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, path TEXT, title TEXT, published TEXT, night TEXT, story TEXT,
    text TEXT, paragraphs TEXT, claims TEXT, vectors BLOB, dimensions INTEGER, model TEXT, code TEXT
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story, night);
CREATE TABLE IF NOT EXISTS findings (id TEXT PRIMARY KEY, night TEXT, story TEXT, rule TEXT, severity TEXT, message TEXT);
"""
COLUMNS = ("hash", "path", "title", "published", "night", "story", "text", "paragraphs", "claims", "vectors", "dimensions", "model", "code")
TABLES = {"articles": COLUMNS, "findings": ("id", "night", "story", "rule", "severity", "message")}
# A re-processed article (new model or code) replaces its row but keeps its first night.
SAVE_ARTICLE = (
    f"INSERT INTO articles VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT (hash) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS[1:] if column != "night")
    + ", night = min(night, excluded.night)"
)


def content_hash(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()


@dataclass
class ArchivedArticle:
    """An article as a night processed it: everything the checks need, nothing re-read."""

    hash: str
    article: Article
    night: str
    story: str
    claims: list[Claim]
    vectors: np.ndarray


class ArchiveStore(Protocol):
    """What a night asks of its archive. `save_night` is all of a night's writes, in one
    transaction: a night that cannot finish leaves the archive as it was."""

    def article(self, content: str) -> ArchivedArticle | None: ...

    def story_articles(self, story: str, since: date, before: date) -> list[ArchivedArticle]: ...

    def recent_stories(self, since: date, before: date) -> dict[str, np.ndarray]: ...

    def first_reported(self, ids: list[str], before: date) -> dict[str, str]: ...

    def save_night(self, articles: list[ArchivedArticle], findings: list, night: str) -> None: ...

    def close(self) -> None: ...


def open_archive(folder: Path, model: str, code: str, url: str | None = None) -> ArchiveStore:
    """The archive on the PostgreSQL server at `url` (postgres.py), else the SQLite file kept
    in `folder`."""
    if url:
        from factcheck.nightly.postgres import PostgresArchive

        return PostgresArchive(url, model, code)
    return Archive(folder / ARCHIVE_FILE, model, code)


class ArchiveDamaged(RuntimeError):
    """The archive is not a sound SQLite database. Unlike a cache it holds what no run can
    make again (past nights' articles and what was reported when), so it is never replaced:
    the night stops and says how to recover."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{path}: the archive is damaged ({reason}) and was left as it is; check it with "
            f"`sqlite3 {path} 'PRAGMA integrity_check'`, restore it from a backup, or move it aside "
            "to start a new archive (docs/nightly.md)"
        )


class Archive:
    """The SQLite store (see ArchiveStore). Articles and reported findings; `model` and `code` name what made the vectors and
    claims, so a new model or a new factcheck re-processes an article instead of trusting
    stale data."""

    def __init__(self, path: Path, model: str, code: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.model, self.code = path, model, code
        self._db = sqlite3.connect(path, timeout=30)
        try:
            verdict = self._db.execute("PRAGMA quick_check").fetchone()[0]
            mismatch = self._schema_mismatch() if verdict == "ok" else ""
            if verdict == "ok" and not mismatch:
                self._db.executescript(SCHEMA)
        except sqlite3.OperationalError:
            self._db.close()
            raise
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise ArchiveDamaged(path, str(error)) from None
        if verdict != "ok" or mismatch:
            self._db.close()
            raise ArchiveDamaged(path, verdict if verdict != "ok" else f"not a factcheck archive: {mismatch}")

    def _schema_mismatch(self) -> str:
        """What differs from the tables a night reads and writes ("" when nothing does; a new
        archive has none of them yet): an SQLite file of another program, or of another
        schema, is refused like a damaged one."""
        for table, expected in TABLES.items():
            found = tuple(row[1] for row in self._db.execute(f"PRAGMA table_info({table})"))
            if found and found != expected:
                return f"table {table} has columns ({', '.join(found)}), not ({', '.join(expected)})"
        return ""

    def close(self) -> None:
        self._db.close()

    def article(self, content: str) -> ArchivedArticle | None:
        row = self._db.execute(
            "SELECT * FROM articles WHERE hash = ? AND model = ? AND code = ?", (content, self.model, self.code)
        ).fetchone()
        return None if row is None else _archived(row)

    def story_articles(self, story: str, since: date, before: date) -> list[ArchivedArticle]:
        """The story's articles first seen from `since` up to the night before `before`."""
        rows = self._db.execute(
            "SELECT * FROM articles WHERE story = ? AND night >= ? AND night < ? AND model = ? AND code = ? ORDER BY night, path",
            (story, since.isoformat(), before.isoformat(), self.model, self.code),
        ).fetchall()
        return [_archived(row) for row in rows]

    def recent_stories(self, since: date, before: date) -> dict[str, np.ndarray]:
        """Story -> its articles' mean vectors (one row per article), for matching a new
        night's articles to stories already running on the nights from `since` to `before`."""
        rows = self._db.execute(
            "SELECT story, vectors, dimensions FROM articles WHERE night >= ? AND night < ? AND model = ? ORDER BY story, night, path",
            (since.isoformat(), before.isoformat(), self.model),
        ).fetchall()
        stories: dict[str, list[np.ndarray]] = {}
        for story, blob, dimensions in rows:
            vectors = np.frombuffer(blob, dtype=np.float32).reshape(-1, dimensions)
            if len(vectors):
                stories.setdefault(story, []).append(article_vector(vectors))
        return {story: np.vstack(rows) for story, rows in stories.items()}

    def first_reported(self, ids: list[str], before: date) -> dict[str, str]:
        """Finding id -> the first night it was reported, for those reported before `before`."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, night FROM findings WHERE id IN ({marks}) AND night < ?"
            found.update(self._db.execute(query, [*chunk, before.isoformat()]).fetchall())
        return found

    def save_night(self, articles: list[ArchivedArticle], findings: list, night: str) -> None:
        """Everything the night learnt, in one transaction."""
        with self._db:
            self._db.executemany(SAVE_ARTICLE, [_row(item, self.model, self.code) for item in articles])
            self._db.executemany(
                "INSERT OR IGNORE INTO findings VALUES (?, ?, ?, ?, ?, ?)",
                [(f.id, night, f.story, f.rule, f.severity, f.message) for f in findings],
            )
            self._db.executemany("UPDATE findings SET night = ? WHERE id = ? AND night > ?", [(night, f.id, night) for f in findings])


def article_vector(sentence_vectors: np.ndarray) -> np.ndarray:
    """What an article is about: the normalised mean of its sentence vectors."""
    mean = sentence_vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm else mean).astype(np.float32)


def _row(item: ArchivedArticle, model: str, code: str) -> tuple:
    article = item.article
    vectors = np.ascontiguousarray(item.vectors, dtype=np.float32)
    return (
        item.hash, article.path, article.title, article.published.isoformat() if article.published else None,
        item.night, item.story, article.text, json.dumps([[p.start, p.end] for p in article.paragraphs]),
        json.dumps([asdict(claim) for claim in item.claims]), vectors.tobytes(), vectors.shape[1] if vectors.ndim == 2 else 0,
        model, code,
    )


def _archived(row: tuple) -> ArchivedArticle:
    (content, path, title, published, night, story, text, paragraphs, claims, blob, dimensions, _model, _code) = row
    article = Article(
        path=path,
        text=text,
        title=title or "",
        published=date.fromisoformat(published) if published else None,
        paragraphs=[Paragraph(start, end) for start, end in json.loads(paragraphs)],
        story=story,
    )
    vectors = np.frombuffer(blob, dtype=np.float32).reshape(-1, dimensions) if dimensions else np.zeros((0, 1), np.float32)
    return ArchivedArticle(content, article, night, story, [claim_from(item) for item in json.loads(claims)], vectors)
