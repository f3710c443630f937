"""Which of a night's articles are about the same story.

Two articles are alike by what they are about (the cosine of their mean sentence vectors)
and by whom and what they name (the share of people and organisations they have in common,
Jaccard). Average-linkage clustering at ``story_similarity`` groups them; a group then joins
a story already running when it is as alike to that story's recent articles, or starts a
new one. Articles in different stories are never compared.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

import numpy as np

from factcheck.records import Article, Claim

ENTITY_WEIGHT = 0.5  # how much shared people and organisations add to vector similarity
TITLE_WORDS = 14  # a lead used as a title is cut to about a headline's length


def entity_keys(claims: list[Claim]) -> frozenset[str]:
    """People by surname and organisations by name, as the article writes them."""
    people = {mention.surname.lower() for claim in claims for mention in claim.people if mention.surname}
    organisations = {mention.text.lower() for claim in claims for mention in claim.organisations}
    return frozenset(people | {f"org:{name}" for name in organisations})


def similarities(vectors: np.ndarray, keys: list[frozenset[str]]) -> np.ndarray:
    """Article-by-article similarity: vector cosine plus ENTITY_WEIGHT x entity Jaccard,
    capped at 1. A night's articles number in the hundreds or low thousands: a dense square
    is a few megabytes."""
    similarity = vectors @ vectors.T
    vocabulary = {key: column for column, key in enumerate(sorted(set().union(*keys)))} if keys else {}
    if vocabulary:
        from scipy.sparse import csr_matrix

        rows = [row for row, article_keys in enumerate(keys) for _ in article_keys]
        columns = [vocabulary[key] for article_keys in keys for key in article_keys]
        matrix = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(keys), len(vocabulary)))
        shared = (matrix @ matrix.T).toarray()
        sizes = np.asarray(matrix.sum(axis=1)).ravel()
        union = sizes[:, None] + sizes[None, :] - shared
        similarity = similarity + ENTITY_WEIGHT * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return np.clip(similarity, -1.0, 1.0)


def group_articles(vectors: np.ndarray, keys: list[frozenset[str]], threshold: float) -> list[list[int]]:
    """Row indices grouped into stories (singletons included: a story of one article)."""
    if len(vectors) < 2:
        return [[index] for index in range(len(vectors))]
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - similarities(vectors, keys)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    ).fit_predict(np.maximum(distance, 0.0))
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])


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
