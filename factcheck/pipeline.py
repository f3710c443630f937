"""One run: ingest -> segment -> extract -> embed -> cluster -> rules.

The pipeline only wires stages together; each stage's module owns its decisions. Reports are
written by the caller, so the same run serves the CLI, the nightly job and the tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.cluster import cluster_sentences, index_people, prepare_clustering
from factcheck.config import Settings
from factcheck.embed import Embedder
from factcheck.extract.claims import extract_claims
from factcheck.extract.people import names_a_list, with_story_given_names
from factcheck.ingest import read_articles, reported_name
from factcheck.records import Article, Claim, Finding, ReadError, RunResult, Story
from factcheck.decide import Decide, decide
from factcheck.rules import StoryContext, accepted_groups, run_rules, with_configured_severity, without_accepted
from factcheck.segment import draft_words, split_sentences
from factcheck.story_cache import StoryCache
from factcheck.workers import InProcess, Runner, Track, no_progress

EMBED_CHUNK = 256


@dataclass
class Analysis:
    """A run's findings plus the claims they came from (for the claims table)."""

    result: RunResult
    claims: list[Claim]

    @property
    def story_of(self) -> dict[str, str]:
        return {article.path: story.name for story in self.result.stories for article in story.articles}


def check_paths(
    paths: Sequence[str],
    settings: Settings,
    embedder: Embedder,
    *,
    story_per_folder: bool = False,
    warnings: Sequence[str] = (),
    track: Track = no_progress,
    cache: StoryCache | None = None,
    judge: Decide = decide,
    runner: Runner | None = None,
) -> Analysis:
    """Read, extract and check; with a `cache`, stories whose drafts, settings, model and code
    are unchanged take their claims and findings from it and are neither extracted, embedded
    nor checked. `runner` says where extraction, embedding and each story's check run (this
    process by default; a Dask cluster gives the same answers: see `workers`)."""
    runner = runner or InProcess(embedder, track)
    articles, errors = read_drafts(paths, settings)
    stories = group_stories(paths, articles, story_per_folder)
    claims_by_story = cached_claims(stories, cache, runner)
    all_claims = [claim for claims in claims_by_story.values() for claim in claims]
    known = {story.name: cache.get(story) for story in stories} if cache else {}
    unchecked = [story for story in stories if known.get(story.name) is None]
    if unchecked:
        prepare_clustering()
    vectors = embed_claims([claim for story in unchecked for claim in claims_by_story[story.name]], embedder, runner=runner)
    pieces, offset = [], 0
    for story in unchecked:
        claims = claims_by_story[story.name]
        pieces.append(StoryCheck(story.name, claims, vectors[offset : offset + len(claims)], settings, judge))
        offset += len(claims)
    checked = dict(zip([story.name for story in unchecked], runner.map(check_piece, pieces, "Checking")))
    findings: list[Finding] = []
    for story in stories:
        story_findings = known.get(story.name)
        if story_findings is None:
            story_findings = checked[story.name]
            if cache:
                cache.put(story, story_findings)
        findings.extend(story_findings)
    result = RunResult(
        stories=stories,
        sentences=[claim.sentence for claim in all_claims],
        findings=findings,
        errors=_sorted_errors(errors),
        warnings=list(warnings) + [w for article in articles for w in _article_warnings(article)] + name_list_warnings(all_claims),
    )
    return Analysis(result=result, claims=all_claims)


def read_drafts(paths: Sequence[str], settings: Settings) -> tuple[list[Article], list[ReadError]]:
    """The drafts under `paths` that can be checked, and a one-line error for every other:
    unreadable ones (ingest says why) and those over the `max_draft_words` budget, which are
    refused whole rather than checked in part, so the rest of the run keeps its pace."""
    articles, errors = read_articles(paths, max_bytes=settings.max_file_bytes)
    checkable = []
    for article in articles:
        if draft_words(split_sentences(article)) > settings.max_draft_words:
            errors.append(
                ReadError(
                    article.path,
                    f"too long to check: over the {settings.max_draft_words:,}-word limit (setting max_draft_words); "
                    "split the draft, or raise the limit",
                )
            )
        else:
            checkable.append(article)
    return checkable, errors


def cached_claims(stories: list[Story], cache: StoryCache | None, runner: Runner) -> dict[str, list[Claim]]:
    """Each story's claims: from the cache, or extracted (articles in batches, by `runner`)."""
    claims = {story.name: cache.claims(story) if cache else None for story in stories}
    missing = [story for story in stories if claims[story.name] is None]
    extracted = dict(extract_articles_of(missing, runner))
    for story in missing:
        claims[story.name] = [claim for article in story.articles for claim in extracted[article.path]]
        if cache:
            cache.put_claims(story, claims[story.name])
    return claims  # type: ignore[return-value]


def extract_articles_of(stories: list[Story], runner: Runner) -> list[tuple[str, list[Claim]]]:
    """(path, claims) of every article of `stories`, each article on its own (as nightly
    extracts them); what a story's other drafts tell about people is added when it is checked."""
    articles = [article for story in stories for article in story.articles]
    batches = [articles[start : start + runner.articles_per_task] for start in range(0, len(articles), runner.articles_per_task)]
    claims = [each for batch in runner.map(extract_articles, batches, "Reading") for each in batch]
    return [(article.path, article_claims) for article, article_claims in zip(articles, claims)]


def extract_articles(articles: list[Article], embedder: Embedder) -> list[list[Claim]]:
    """A task: each article's claims (the embedder is not needed to extract)."""
    return [extract_claims(article, split_sentences(article)) for article in articles]


@dataclass
class StoryCheck:
    """What checking one story needs, as one task carries it."""

    name: str
    claims: list[Claim]
    vectors: np.ndarray
    settings: Settings
    judge: Decide = decide


def check_piece(piece: StoryCheck, embedder: Embedder) -> list[Finding]:
    """A task: one story checked (the vectors came with it)."""
    return check_story(piece.name, piece.claims, piece.vectors, piece.settings, piece.judge)


def check_story(name: str, claims: list[Claim], vectors: np.ndarray, settings: Settings, judge: Decide = decide) -> list[Finding]:
    """Rules propose, the decision layer (`judge`) keeps what is worth reporting, then the
    settings' severities and accepted variants apply."""
    claims = with_story_given_names(claims)
    context = StoryContext(
        name=name,
        claims=claims,
        vectors=vectors,
        clusters=cluster_sentences(vectors, settings.cluster_similarity),
        people=index_people(claims),
        style=tuple(settings.people),
    )
    candidates = run_rules(context, settings.enabled_rules, settings.rules)
    findings = with_configured_severity(judge(candidates, context), settings.severity)
    return without_accepted(findings, accepted_groups(settings.accepted_variants))


def embed_claims(claims: list[Claim], embedder: Embedder, track: Track = no_progress, runner: Runner | None = None) -> np.ndarray:
    """Vectors row by row for `claims`; a sentence repeated across articles is embedded once.
    Chunks are the tasks (and feed the progress bar), except for embedders that must see
    every sentence at once."""
    runner = runner or InProcess(embedder, track)
    unique = list(dict.fromkeys(claim.sentence.text for claim in claims))
    if not unique:
        return np.zeros((0, 1), dtype=np.float32)
    size = len(unique) if embedder.whole_corpus else EMBED_CHUNK
    chunks = [unique[start : start + size] for start in range(0, len(unique), size)]
    vectors = np.vstack(runner.map(encode_texts, chunks, "Embedding"))
    row = {text: index for index, text in enumerate(unique)}
    return vectors[[row[claim.sentence.text] for claim in claims]]


def encode_texts(texts: list[str], embedder: Embedder) -> np.ndarray:
    """A task: vectors of some sentences."""
    return embedder.encode(texts)


def group_stories(paths: Sequence[str], articles: list[Article], story_per_folder: bool) -> list[Story]:
    """All articles are one story, or with `story_per_folder` each immediate subfolder of a
    given folder is a story of its own (files directly in it form a story named after it)."""
    stories: dict[str, list[Article]] = {}
    for article in articles:
        name = _story_name(paths, article.path) if story_per_folder else _run_name(paths)
        article.story = name
        stories.setdefault(name, []).append(article)
    return [Story(name=name, articles=members) for name, members in sorted(stories.items())]


def _story_name(paths: Sequence[str], article_path: str) -> str:
    for given in paths:
        root = Path(reported_name(given))
        inside = Path(article_path)
        if Path(given).is_dir() and inside.is_relative_to(root):
            parts = inside.relative_to(root).parts
            return parts[0] if len(parts) > 1 else _display_name(Path(given))
    return _display_name(Path(article_path).parent)


# Longer joined names are cut and given a digest, so they stay distinct and fit a file name.
MAX_RUN_NAME = 60


def _run_name(paths: Sequence[str]) -> str:
    """What was checked, so that runs on different paths never share a story or report
    name: "seeds", or "one+two" for two folders."""
    return _joined([_display_name(Path(path)) for path in paths])


def _joined(names: list[str]) -> str:
    joined = "+".join(names)
    if len(joined) <= MAX_RUN_NAME:
        return joined
    return f"{joined[: MAX_RUN_NAME - 13]}-{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:12]}"


def _display_name(path: Path) -> str:
    return reported_name(path.resolve().name) or "drafts"


def report_name(paths: Sequence[str]) -> str:
    """The default file name of a run's report and claims table, after what was checked."""
    return _joined([Path(_display_name(Path(path))).stem for path in paths])


def _sorted_errors(errors: list[ReadError]) -> list[ReadError]:
    return sorted(errors, key=lambda error: error.path)


def name_list_warnings(claims: list[Claim]) -> list[str]:
    """One line per draft holding a sentence that lists many people, whose names the name
    rules pass over (see extract.people.NAME_LIST), so nobody thinks they were checked."""
    most: dict[str, int] = {}
    for claim in claims:
        if names_a_list(claim):
            most[claim.sentence.article] = max(most.get(claim.sentence.article, 0), len(claim.people))
    return [
        f"{path}: a sentence names {count:,} people; names in a list that long are not checked for misspellings"
        for path, count in sorted(most.items())
    ]


def _article_warnings(article: Article) -> list[str]:
    return [f"{article.path}: {warning}" for warning in article.warnings]
