"""Claims and findings of stories already checked, so a re-run on unchanged drafts extracts,
embeds and checks nothing again.

A story's findings are a pure function of its drafts (paths, text, publication dates), the
settings, the embedding model and factcheck's own code; the key hashes all four, so editing a
draft, a setting or the code misses the cache rather than serving stale findings. Claims
depend on the drafts and the code only. Only runs whose vectors depend on nothing but the
sentence (a verified model, not TF-IDF fitted per run) are cached.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from factcheck.config import Settings, findings_settings
from factcheck.records import Claim, DateMention, Evidence, Finding, Mention, PersonMention, Quantity, Quote, Sentence, Story
from factcheck.user_cache import cache_root, open_database

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS stories (key TEXT PRIMARY KEY, findings TEXT);"
    "CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, claims TEXT);"
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source file of the package (and the decision model's weights): new
    rules, fixes or a refitted model invalidate results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".json"):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class StoryCache:
    """Findings by story key, in SQLite beside the vector cache."""

    def __init__(self, model_key: str, settings: Settings, path: Path | None = None) -> None:
        self._path = path or cache_root() / "stories.sqlite"
        fields = findings_settings(settings)
        self._context = json.dumps([code_fingerprint(), model_key, fields], sort_keys=True, default=str)

    def key(self, story: Story, context: str | None = None) -> str:
        digest = hashlib.sha256((self._context if context is None else context).encode())
        for article in story.articles:
            digest.update(json.dumps([story.name, article.path, article.text, str(article.published)]).encode())
        return digest.hexdigest()

    def claims(self, story: Story) -> list[Claim] | None:
        with self._connect() as connection:
            row = connection.execute("SELECT claims FROM claims WHERE key = ?", (self._claims_key(story),)).fetchone()
        return None if row is None else [claim_from(item) for item in json.loads(row[0])]

    def put_claims(self, story: Story, claims: list[Claim]) -> None:
        payload = json.dumps([asdict(claim) for claim in claims])
        with self._connect() as connection:
            connection.execute("INSERT OR REPLACE INTO claims VALUES (?, ?)", (self._claims_key(story), payload))

    def _claims_key(self, story: Story) -> str:
        return self.key(story, context=code_fingerprint())

    def get(self, story: Story) -> list[Finding] | None:
        with self._connect() as connection:
            row = connection.execute("SELECT findings FROM stories WHERE key = ?", (self.key(story),)).fetchone()
        if row is None:
            return None
        return [
            Finding(**{**item, "evidence": tuple(Evidence(**evidence) for evidence in item["evidence"])})
            for item in json.loads(row[0])
        ]

    def put(self, story: Story, findings: list[Finding]) -> None:
        payload = json.dumps([asdict(finding) for finding in findings])
        with self._connect() as connection:
            connection.execute("INSERT OR REPLACE INTO stories VALUES (?, ?)", (self.key(story), payload))

    def _connect(self) -> sqlite3.Connection:
        return open_database(self._path, SCHEMA)


def claim_from(item: dict) -> Claim:
    """A Claim back from its `asdict` form."""
    return Claim(
        sentence=Sentence(**item["sentence"]),
        people=[PersonMention(**mention) for mention in item["people"]],
        organisations=[Mention(**mention) for mention in item["organisations"]],
        quantities=[Quantity(**mention) for mention in item["quantities"]],
        dates=[DateMention(**mention) for mention in item["dates"]],
        quotes=[Quote(**mention) for mention in item["quotes"]],
    )
