"""One night: the inbox read, grouped into stories, checked against itself and against the
archived articles of the same stories, archived, and reported under reports/YYYY-MM-DD/."""

from __future__ import annotations

import os

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from factcheck import baseline as baselines
from factcheck.config import Settings
from factcheck.embed import Embedder
from factcheck.ingest import UnreadableFile, draft_files, file_bytes
from factcheck.nightly.archive import ArchivedArticle, ArchiveStore, article_vector, content_hash, open_archive
from factcheck.nightly.grouping import entity_keys, group_articles, running_story, story_name, story_title
from factcheck.pipeline import StoryCheck, name_list_warnings, Track, check_piece, embed_claims, extract_articles_of, no_progress, read_drafts
from factcheck.records import Finding, ReadError, RunResult, Story
from factcheck.story_cache import StoryCache, code_fingerprint
from factcheck.workers import InProcess, Runner


class NightlyError(RuntimeError):
    """A night that cannot run as asked (said in one line)."""


@dataclass
class Night:
    """What one night found. `result` holds every story of the night under its name (the
    key the archive, findings and page file names use); `stories` maps each name to the
    story's own result (one report page each), whose story is called by its title, as people
    read it; `titles` maps names to titles."""

    date: date
    result: RunResult
    stories: dict[str, RunResult] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    tonight_paths: set[str] = field(default_factory=set)
    new_articles: int = 0

    @property
    def new_findings(self) -> list[Finding]:
        """Findings not reported on an earlier night and not accepted in a baseline."""
        return [f for f in self.result.open_findings if f.id not in self.result.seen]


def run_night(
    inbox: Path,
    night: date,
    archive_folder: Path,
    settings: Settings,
    embedder: Embedder,
    track: Track = no_progress,
    runner: Runner | None = None,
    archive_url: str | None = None,
) -> Night:
    """Accepted findings come from two baselines, merged: the inbox's (where `factcheck
    ignore` run on the inbox records a decision) and the one beside the archive
    (`<archive>/.factcheck-baseline.json`), which outlives any one night's inbox and so holds
    standing decisions. A finding accepted in both shows the inbox's reason, the decision
    taken on these very drafts. Accepted findings are marked (`ignored`) in the night's and
    their story's results and are never new. Baselines are read first, so a malformed one
    stops the night before anything is read or archived. `runner` says where extraction,
    embedding and story checks run (see `workers`); the archive and the grouping stay here.
    `archive_url` puts the archive on a PostgreSQL server; `archive_folder` then keeps the
    standing baseline only."""
    runner = runner or InProcess(embedder, track)
    decisions = _decisions(inbox, archive_folder)
    key = _vector_key(embedder)
    archive = open_archive(archive_folder, key, code_fingerprint(), archive_url)
    try:
        done = _run(inbox, night, archive, settings, embedder, key, runner)
    finally:
        archive.close()
    _remember(done, archive_folder)
    return _with_decisions(done, decisions)


def _remember(done: Night, archive_folder: Path) -> None:
    """`factcheck ignore` takes only ids a check reported: tonight's are noted for the
    archive's baseline, so an `ignore` naming no baseline records a standing decision that
    every later night honours (an inbox folder lasts one night); naming the inbox records
    the decision there instead."""
    baselines.remember_check(archive_folder / baselines.BASELINE_FILE, [finding.id for finding in done.result.findings])


def _decisions(inbox: Path, archive_folder: Path) -> dict[str, baselines.Decision]:
    try:
        standing = baselines.load(archive_folder / baselines.BASELINE_FILE)
        return {**standing, **baselines.load(baselines.default_path([inbox]))}
    except baselines.BaselineError as error:
        raise NightlyError(" ".join(str(error).split())) from None


def _with_decisions(done: Night, decisions: dict[str, baselines.Decision]) -> Night:
    stories = {name: baselines.apply(result, decisions, new_only=False) for name, result in done.stories.items()}
    return replace(done, result=baselines.apply(done.result, decisions, new_only=False), stories=stories)


def _vector_key(embedder: Embedder) -> str:
    """Vectors archived one night are compared with vectors made the next: only a model whose
    vectors depend on nothing but the sentence will do."""
    if embedder.whole_corpus:
        raise NightlyError("nightly runs need a sentence model (--backend onnx, torch or static): TF-IDF vectors change from night to night")
    return embedder.cache_key or embedder.id


def _run(inbox: Path, night: date, archive: ArchiveStore, settings: Settings, embedder: Embedder, key: str, runner: Runner) -> Night:
    files, errors = draft_files([str(inbox)])
    known: list[ArchivedArticle] = []
    unread: dict[str, str] = {}
    path_of = dict(files)
    for name, path in files:
        try:
            content = content_hash(name, file_bytes(path, settings.max_file_bytes))
        except UnreadableFile as error:
            errors.append(ReadError(name, str(error)))
            continue
        found = archive.article(content)
        if found is not None:
            known.append(found)
        else:
            unread[name] = content
    # Read by path: a name as reported escapes bytes that are not UTF-8 (ingest.reported_name).
    fresh = _processed([str(path_of[name]) for name in unread], unread, night, settings, embedder, errors, runner)
    tonight = known + fresh
    archived_story = {item.hash: item.story for item in known}
    since = night - timedelta(days=int(settings.archive_days))
    if fresh:
        _assign_stories(tonight, archive.recent_stories(since, night), settings.story_similarity)

    cache = StoryCache(key, settings) if embedder.cache_key else None
    members_of = {name: [item for item in tonight if item.story == name] for name in sorted({item.story for item in tonight})}
    tonight_hashes = {item.hash for item in tonight}
    earlier_of = {
        name: [item for item in archive.story_articles(name, since, night) if item.hash not in tonight_hashes] for name in members_of
    }
    story_findings_of = _checked({name: earlier_of[name] + members for name, members in members_of.items()}, settings, cache, runner)
    stories, findings, sentences = [], [], []
    by_story: dict[str, RunResult] = {}
    titles: dict[str, str] = {}
    for name, members in members_of.items():
        items = earlier_of[name] + members
        tonight_paths = {member.article.path for member in members}
        story = Story(name=name, articles=[item.article for item in items])
        story_findings = [f for f in story_findings_of[name] if any(evidence.article in tonight_paths for evidence in f.evidence)]
        story_sentences = [claim.sentence for item in items for claim in item.claims]
        titles[name] = story_title([item.article for item in _earliest_first(items)])
        stories.append(story)
        findings += story_findings
        sentences += story_sentences
        by_story[name] = RunResult([Story(titles[name], story.articles)], story_sentences, story_findings, errors=[])
    seen = archive.first_reported([f.id for f in findings], night)
    for result in by_story.values():
        result.seen = {f.id: seen[f.id] for f in result.findings if f.id in seen}
    # An archived article is written again only if tonight moved it to another story: its
    # row is otherwise what the archive holds (re-serialising 1,000 of them was a second).
    changed = fresh + [item for item in known if item.story != archived_story[item.hash]]
    archive.save_night(changed, findings, night.isoformat())
    guessed = [f"{item.article.path}: {warning}" for item in fresh for warning in item.article.warnings]
    guessed += name_list_warnings([claim for item in fresh for claim in item.claims])
    result = RunResult(stories=stories, sentences=sentences, findings=findings, errors=sorted(errors, key=lambda e: e.path), warnings=guessed, seen=seen)
    return Night(night, result, by_story, titles, {item.article.path for item in tonight}, len(fresh))


def _earliest_first(items: list[ArchivedArticle]) -> list[ArchivedArticle]:
    """By the night an article was first archived, then publication date; an undated one
    after the dated, by its file's time where the file is still there."""
    return sorted(items, key=lambda item: (item.night, item.article.published or date.max, _file_time(item.article.path), item.article.path))


def _file_time(path: str) -> float:
    try:
        return os.path.getmtime(path)
    except OSError:
        return float("inf")


def _processed(
    paths: list[str], hashes: dict[str, str], night: date, settings: Settings, embedder: Embedder, errors: list[ReadError], runner: Runner
) -> list[ArchivedArticle]:
    """New or changed articles: read here (boilerplate is recognised across the night's
    drafts), extracted and embedded by `runner`, then archived."""
    if not paths:
        return []
    articles, read_errors = read_drafts(paths, settings)
    errors.extend(read_errors)
    story = Story(name="tonight", articles=articles)
    extracted = [(article, claims) for article, (_, claims) in zip(articles, extract_articles_of([story], runner))]
    vectors = embed_claims([claim for _, claims in extracted for claim in claims], embedder, runner=runner)
    fresh, offset = [], 0
    for article, claims in extracted:
        rows = vectors[offset : offset + len(claims)] if claims else np.zeros((0, vectors.shape[1]), np.float32)
        offset += len(claims)
        fresh.append(ArchivedArticle(hashes[article.path], article, night.isoformat(), "", claims, rows))
    return fresh


def _assign_stories(tonight: list[ArchivedArticle], running: dict[str, np.ndarray], threshold: float) -> None:
    """Group tonight's articles; a group keeps the story its already-archived members have,
    else continues the running story it is most like, else starts a story of its own. (A
    night with nothing new keeps every article's archived story: nothing to group.)"""
    if not tonight:
        return
    dimensions = next((item.vectors.shape[1] for item in tonight if len(item.vectors)), 1)
    vectors = np.vstack([article_vector(item.vectors) if len(item.vectors) else np.zeros(dimensions, np.float32) for item in tonight])
    for group in group_articles(vectors, [entity_keys(item.claims) for item in tonight], threshold):
        members = [tonight[index] for index in group]
        archived = Counter(item.story for item in members if item.story)
        story = archived.most_common(1)[0][0] if archived else running_story(vectors[group], running, threshold)
        story = story or story_name([item.article for item in members])
        for item in members:
            item.story = story
            item.article.story = story


def _checked(
    stories: dict[str, list[ArchivedArticle]], settings: Settings, cache: StoryCache | None, runner: Runner
) -> dict[str, list[Finding]]:
    """Every finding of each story (tonight's and its archived articles together): from the
    story cache, or checked by `runner`, one task a story."""
    found: dict[str, list[Finding]] = {}
    pieces = []
    for name, items in stories.items():
        story = Story(name=name, articles=[item.article for item in items])
        claims = [claim for item in items for claim in item.claims]
        cached = cache.get(story) if cache else None
        if cached is not None:
            found[name] = cached
        elif not claims:
            found[name] = []
        else:
            vectors = np.vstack([item.vectors for item in items if len(item.vectors)])
            pieces.append((story, StoryCheck(name, claims, vectors, settings)))
    for (story, _), findings in zip(pieces, runner.map(check_piece, [piece for _, piece in pieces], "Checking")):
        found[story.name] = findings
        if cache:
            cache.put(story, findings)
    return found
