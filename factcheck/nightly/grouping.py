"""Which of a night's articles are about the same story.

Two articles are alike by what they are about (the cosine of their mean sentence vectors)
and by whom and what they name (the share of people and organisations they have in common,
Jaccard). Average-linkage clustering at ``story_similarity`` groups them, one connected piece
of the graph of alike articles at a time (factcheck/cluster/graph.py); a group then joins
a story already running when it is as alike to that story's recent articles, or starts a
new one. Articles in different stories are never compared.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

import numpy as np

from factcheck.cluster.graph import EXACT_ROWS, GRAPH_SLACK, Similarity, average_linkage, linked_pairs, row_dots
from factcheck.import_soon import imports_done
from factcheck.records import Article, Claim

ENTITY_WEIGHT = 0.5  # how much shared people and organisations add to vector similarity
TITLE_WORDS = 14  # a lead used as a title is cut to about a headline's length
# A name this few articles share links them as candidates beside their nearest vectors; more
# is a name every story mentions (a country, a big company), no sign of one story.
RARE_ENTITY = 50
SPARSE_PAIRS = 5_000  # more pairs than this count shared names with sparse rows
SPARSE_BLOCK = 250_000  # blocks of more article pairs than this count shared names sparsely


def entity_keys(claims: list[Claim]) -> frozenset[str]:
    """People by surname and organisations by name, as the article writes them."""
    people = {mention.surname.lower() for claim in claims for mention in claim.people if mention.surname}
    organisations = {mention.text.lower() for claim in claims for mention in claim.organisations}
    return frozenset(people | {f"org:{name}" for name in organisations})


def similarities(vectors: np.ndarray, keys: list[frozenset[str]]) -> np.ndarray:
    """Article-by-article similarity: vector cosine plus ENTITY_WEIGHT x entity Jaccard,
    capped at 1, as a dense square (for one piece of the night at a time: see group_articles)."""
    everything = np.arange(len(vectors))
    return _similarity(vectors, _entity_matrix(keys)).block(everything, everything)


def _entity_matrix(keys: list[frozenset[str]]):
    """Articles x entities, 1 where the article names it (scipy sparse)."""
    from scipy.sparse import csr_matrix

    vocabulary = {key: column for column, key in enumerate(sorted(set().union(*keys)))} if keys else {}
    rows = [row for row, article_keys in enumerate(keys) for _ in article_keys]
    columns = [vocabulary[key] for article_keys in keys for key in article_keys]
    return csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(keys), max(len(vocabulary), 1)))


def _similarity(vectors: np.ndarray, entities) -> Similarity:
    sizes = np.asarray(entities.sum(axis=1)).ravel()

    def combined(cosines: np.ndarray, shared: np.ndarray, union: np.ndarray) -> np.ndarray:
        jaccard = np.divide(shared, union, out=np.zeros_like(shared, dtype=float), where=union > 0)
        return np.clip(cosines + ENTITY_WEIGHT * jaccard, -1.0, 1.0)

    def block(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        shared = _shared_counts(entities, rows, columns)
        return combined(vectors[rows] @ vectors[columns].T, shared, sizes[rows][:, None] + sizes[columns][None, :] - shared)

    named = [frozenset(entities.indices[entities.indptr[row] : entities.indptr[row + 1]].tolist()) for row in range(entities.shape[0])]

    def pairwise(first: np.ndarray, second: np.ndarray) -> np.ndarray:
        # Sets for a few pairs, where scipy's indexing costs a millisecond and an intersection
        # of a handful of names a microsecond; sparse rows for many, five times quicker.
        if len(first) > SPARSE_PAIRS:
            shared = np.asarray(entities[first].multiply(entities[second]).sum(axis=1), dtype=float).ravel()
        else:
            shared = np.fromiter((len(named[a] & named[b]) for a, b in zip(first.tolist(), second.tolist())), dtype=float, count=len(first))
        cosines = row_dots(vectors, first, second)
        return combined(cosines, shared, sizes[first] + sizes[second] - shared)

    return Similarity(block, pairwise)


def _shared_counts(entities, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Entities each of `rows` shares with each of `columns`, as a dense block. A night has
    thousands of story-sized pieces, where scipy's row indexing costs a millisecond a call;
    their few names go through small dense arrays instead (the same whole-number counts)."""
    if len(rows) * len(columns) > SPARSE_BLOCK:
        return (entities[rows] @ entities[columns].T).toarray()
    left, right = _dense_rows(entities, rows), _dense_rows(entities, columns)
    names = np.union1d(left[1], right[1])
    first = np.zeros((len(rows), len(names)))
    first[left[0], np.searchsorted(names, left[1])] = 1.0
    second = np.zeros((len(columns), len(names)))
    second[right[0], np.searchsorted(names, right[1])] = 1.0
    return first @ second.T


def _dense_rows(entities, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position in `rows`, entity column) for every entity the rows name."""
    starts, ends = entities.indptr[rows], entities.indptr[rows + 1]
    positions = np.repeat(np.arange(len(rows)), ends - starts)
    columns = np.concatenate([entities.indices[start:end] for start, end in zip(starts.tolist(), ends.tolist())]) if len(rows) else np.zeros(0, dtype=np.int64)
    return positions, columns


def _sharing_pairs(entities) -> np.ndarray:
    """Pairs of articles naming one entity that at most RARE_ENTITY articles name: the
    candidates an approximate vector search could miss when the names make them alike."""
    by_entity = entities.tocsc()
    found = []
    for column in range(by_entity.shape[1]):
        members = by_entity.indices[by_entity.indptr[column] : by_entity.indptr[column + 1]]
        if 1 < len(members) <= RARE_ENTITY:
            first, second = np.triu_indices(len(members), k=1)
            found.append(np.column_stack([members[first], members[second]]))
    return np.unique(np.vstack(found), axis=0) if found else np.zeros((0, 2), dtype=np.int64)


def group_articles(vectors: np.ndarray, keys: list[frozenset[str]], threshold: float) -> list[list[int]]:
    """Row indices grouped into stories (singletons included: a story of one article), by
    average linkage on each connected piece of the graph of articles at least `threshold`
    alike (factcheck/cluster/graph.py): the stories of the whole square, in memory that grows
    with the night."""
    if len(vectors) < 2:
        return [[index] for index in range(len(vectors))]
    imports_done()
    entities = _entity_matrix(keys)
    similarity = _similarity(vectors, entities)
    extra = _sharing_pairs(entities) if len(vectors) > EXACT_ROWS else None
    pairs = linked_pairs(vectors, similarity, threshold - GRAPH_SLACK, extra)

    def condensed(members: np.ndarray) -> np.ndarray:
        distance = np.maximum(1.0 - similarity.block(members, members), 0.0)
        upper, right = np.triu_indices(len(members), k=1)
        return distance[upper, right]

    return average_linkage(len(vectors), pairs, 1.0 - threshold, condensed, similarity)


def running_story(group_vectors: np.ndarray, stories: dict[str, np.ndarray], threshold: float) -> str | None:
    """The running story these articles continue: the most alike (average cosine between
    the group's and the story's articles), if at least `threshold`."""
    best, best_score = None, threshold
    for story, story_vectors in stories.items():
        score = float((group_vectors @ story_vectors.T).mean())
        if score >= best_score:
            best, best_score = story, score
    return best


def story_name(articles: list[Article]) -> str:
    """A readable, stable name: the first article's title (or file name) as a slug, and a
    short hash of the founding articles' paths so two stories never share a name."""
    first = sorted(articles, key=lambda article: article.path)[0]
    words = re.findall(r"[a-z0-9]+", (first.title or first.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]).lower())
    digest = hashlib.sha256("\0".join(sorted(a.path for a in articles)).encode()).hexdigest()[:6]
    return "-".join(words[:6] + [digest])


def story_title(articles: list[Article]) -> str:
    """What a person calls the story: the headline of its earliest article that has one
    (`articles` earliest first). The founding article's headline was written by a person and
    stays the story's title as later articles join it; drafts without headlines get the
    opening words of the earliest lead, and empty ones the file name."""
    titled = next((article.title.strip() for article in articles if article.title.strip()), "")
    return titled or _lead(articles[0])


def _lead(article: Article) -> str:
    first = article.paragraphs[0] if article.paragraphs else None
    sentence = re.split(r"(?<=[.!?])\s", article.text[first.start : first.end].strip(), maxsplit=1)[0] if first else ""
    words = sentence.split()
    if not words:
        return PurePath(article.path).name
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
