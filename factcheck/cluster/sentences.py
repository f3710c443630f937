"""Sentences about the same thing, across the articles of one story.

Average-linkage agglomerative clustering on cosine distance: unlike single linkage it does not
chain a long story into one cluster through a run of loosely similar sentences.
"""

from __future__ import annotations

import numpy as np

from factcheck.import_soon import import_soon

CLUSTERING_MODULE = "sklearn.cluster"


def prepare_clustering() -> None:
    """Import scikit-learn (about a second) in the background while sentences are embedded."""
    import_soon(CLUSTERING_MODULE)


def cluster_sentences(vectors: np.ndarray, min_similarity: float) -> list[list[int]]:
    """Row indices grouped so that members are, on average, at least `min_similarity` alike.

    Singletons are left out: a claim nothing else resembles has nothing to disagree with.
    """
    if len(vectors) < 2:
        return []
    from sklearn.cluster import AgglomerativeClustering  # a second's import: only when clustering

    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=1.0 - min_similarity,
    ).fit_predict(vectors)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted((members for members in groups.values() if len(members) > 1), key=lambda members: members[0])
