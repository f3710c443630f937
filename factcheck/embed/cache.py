"""Vectors already computed, so a re-run on unchanged drafts embeds nothing.

Keyed by the model's identity (the weights' sha256, not a name that could point at other
weights) and a hash of the sentence text: editing one sentence re-embeds one sentence, and a
sentence shared by many articles or runs is embedded once. Stored in SQLite in the user cache
folder, which several runs (a nightly job beside a sub-editor) can share safely.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.user_cache import cache_root, open_database

SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (model TEXT, sentence BLOB, vector BLOB, PRIMARY KEY (model, sentence))"
LOOKUP_CHUNK = 500


def default_path() -> Path:
    return cache_root() / "vectors.sqlite"


def sentence_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class CachedEmbedder:
    """Wraps an embedder whose vectors are a pure function of (model, sentence)."""

    def __init__(self, inner: object, model_key: str, path: Path | None = None) -> None:
        self._inner = inner
        self._model = model_key
        self._path = path or default_path()
        self.id = inner.id  # type: ignore[attr-defined]
        self.cache_key = model_key
        self.whole_corpus = False

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [sentence_key(text) for text in texts]
        found = self._lookup(keys)
        first_use = {key: index for index, key in reversed(list(enumerate(keys)))}
        missing = [index for key, index in first_use.items() if key not in found]
        if missing:
            fresh = self._inner.encode([texts[index] for index in missing])  # type: ignore[attr-defined]
            self._store([keys[index] for index in missing], fresh)
            found.update({keys[index]: fresh[row] for row, index in enumerate(missing)})
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[key] for key in keys]).astype(np.float32)

    def _connect(self) -> sqlite3.Connection:
        return open_database(self._path, SCHEMA)

    def _lookup(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._connect() as connection:
            for start in range(0, len(unique), LOOKUP_CHUNK):
                chunk = unique[start : start + LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT sentence, vector FROM vectors WHERE model = ? AND sentence IN ({marks})", [self._model, *chunk]
                )
                found.update({key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows})
        return found

    def _store(self, keys: list[bytes], vectors: np.ndarray) -> None:
        rows = [(self._model, key, np.ascontiguousarray(vector, dtype=np.float32).tobytes()) for key, vector in zip(keys, vectors)]
        with self._connect() as connection:
            connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
