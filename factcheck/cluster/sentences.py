"""Sentences about the same thing, across the articles of one story.

Average-linkage agglomerative clustering on cosine distance: unlike single linkage it does not
chain a long story into one cluster through a run of loosely similar sentences. It runs on
each connected piece of the graph of alike pairs (graph.py): the same clusters, in memory
that grows with the story rather than its square.
"""

from __future__ import annotations

import numpy as np

from factcheck.cluster.graph import GRAPH_SLACK, average_linkage, cosine, linked_pairs
from factcheck.import_soon import import_soon, imports_done

CLUSTERING_MODULE = "sklearn.cluster"


def prepare_clustering() -> None:
    """Import scikit-learn and the scipy linkage it brings (about a second) in the background
    while sentences are embedded."""
    import_soon(CLUSTERING_MODULE)


def cluster_sentences(vectors: np.ndarray, min_similarity: float) -> list[list[int]]:
    """Row indices grouped so that members are, on average, at least `min_similarity` alike.

    Singletons are left out: a claim nothing else resembles has nothing to disagree with.
    Pieces of the graph of pairs this alike are clustered one at a time (graph.py), so a
    story of 20,000 sentences never holds their square.
    """
    imports_done()
    if len(vectors) < 2:
        return []
    distance = 1.0 - min_similarity
    similarity = cosine(vectors)
    pairs = linked_pairs(vectors, similarity, min_similarity - GRAPH_SLACK)

    def condensed(members: np.ndarray) -> np.ndarray:
        from scipy.spatial.distance import pdist

        return pdist(vectors[members].astype(np.float64), "cosine")

    clusters = average_linkage(len(vectors), pairs, distance, condensed, similarity)
    return [members for members in clusters if len(members) > 1]
