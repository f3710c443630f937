"""Shared builders: articles from plain strings, so each stage is tested on small texts."""

from __future__ import annotations

import re

import pytest

from factcheck.records import Article, Paragraph, Sentence


def article_from(text: str, path: str = "a.txt", published=None) -> Article:
    """An article whose every non-empty line is a paragraph of content."""
    paragraphs = [Paragraph(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)]
    return Article(path=path, text=text, title="", published=published, paragraphs=paragraphs)


def sentences_by_line(article: Article) -> list[Sentence]:
    """One sentence per paragraph: lets extractor tests avoid depending on the splitter."""
    return [
        Sentence(article.path, index, index, paragraph.start, paragraph.end, article.text[paragraph.start : paragraph.end])
        for index, paragraph in enumerate(article.paragraphs)
    ]


@pytest.fixture
def make_article():
    return article_from


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory):
    """Exports go to a folder of the test session's own, never the user's cache (subprocesses
    inherit it through the environment)."""
    import os

    folder = tmp_path_factory.mktemp("model-cache")
    previous = os.environ.get("FACTCHECK_CACHE")
    os.environ["FACTCHECK_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("FACTCHECK_CACHE", None)
    else:
        os.environ["FACTCHECK_CACHE"] = previous


@pytest.fixture(scope="session")
def minilm():
    """The real bundled model on the default (ONNX) backend, exported and loaded once per
    test session (about ten seconds)."""
    from factcheck.embed import load_embedder

    loaded = load_embedder()
    assert not loaded.warnings, loaded.warnings
    return loaded.embedder


def story_context(texts: dict[str, str], embedder=None, min_similarity: float = 0.5, quantities=None):
    """A StoryContext from {path: text}, one sentence per line, people extracted for real.

    `quantities` maps (path, line index) to a list of Quantity records, so number rules are
    tested without depending on the quantity extractor.
    """
    from dataclasses import replace

    from factcheck.extract.people import find_people
    from factcheck.records import Claim

    claims = []
    for path, text in texts.items():
        article = article_from(text, path)
        sentences = sentences_by_line(article)
        for sentence, people in zip(sentences, find_people(article, sentences)):
            claim = Claim(sentence=sentence, people=people)
            extra = (quantities or {}).get((path, sentence.index), [])
            claims.append(replace(claim, quantities=list(extra)))
    return context_of(claims, embedder, min_similarity)


def extracted_story(texts: dict[str, str], embedder=None, min_similarity: float = 0.5, published=None):
    """A StoryContext from {path: text}, one sentence per line, every extractor run for real."""
    from factcheck.extract.claims import extract_claims

    claims = []
    for path, text in texts.items():
        article = article_from(text, path, published)
        claims.extend(extract_claims(article, sentences_by_line(article)))
    return context_of(claims, embedder, min_similarity)


def findings_of(rule_name: str, texts: dict[str, str], **options):
    from factcheck.rules import RULES

    rule = RULES[rule_name]
    return list(rule.check(extracted_story(texts, **options), rule.parameters))


def context_of(claims, embedder=None, min_similarity: float = 0.5):
    """The StoryContext rules see, for claims built by a test (TF-IDF vectors unless given)."""
    from factcheck.cluster import cluster_sentences, index_people
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.rules import StoryContext

    vectors = (embedder or TfidfEmbedder()).encode([claim.sentence.text for claim in claims])
    return StoryContext(
        name="story",
        claims=claims,
        vectors=vectors,
        clusters=cluster_sentences(vectors, min_similarity),
        people=index_people(claims),
    )


# A PostgreSQL role that may create databases, as .ci/run sets it up; the archive tests run
# on a database of their own there, created and dropped around each test.
POSTGRES_ADMIN = "FACTCHECK_TEST_POSTGRES"


def fresh_database():
    """The URL of an empty PostgreSQL database, dropped afterwards. CI must have the server:
    there a missing one fails instead of skipping."""
    import os
    import uuid

    admin = os.environ.get(POSTGRES_ADMIN)
    if not admin:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ADMIN} is not set: .ci/run starts PostgreSQL and sets it")
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ADMIN} unset)")
    import psycopg

    name = f"factcheck_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield admin.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request):
    """None (the SQLite file in the archive folder), or an empty PostgreSQL database."""
    if request.param == "sqlite":
        yield None
    else:
        yield from fresh_database()


@pytest.fixture
def postgres_url():
    yield from fresh_database()
