"""Clustering piece by piece (factcheck/cluster/graph.py) gives what average linkage on the
whole square gives: for sentences in a story and for articles in a night, on the exact search
and on the approximate one."""

import numpy as np
import pytest

import factcheck.cluster.graph as graph
from factcheck.cluster import cluster_sentences
from factcheck.nightly.grouping import group_articles, similarities


def clustered_rows(count: int, seed: int, spread: float = 0.8, dimensions: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """L2-normalised rows around count // 4 centres, and the centre each row was drawn from."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(count // 4, 1), dimensions))
    origin = rng.integers(0, len(centres), count)
    rows = centres[origin] + rng.normal(scale=spread, size=(count, dimensions))
    return rows / np.linalg.norm(rows, axis=1, keepdims=True), origin


def entity_keys_for(origin: np.ndarray, seed: int) -> list[frozenset[str]]:
    rng = np.random.default_rng(seed)
    return [frozenset({f"story{story}-{rng.integers(0, 4)}", f"everywhere{rng.integers(0, 30)}"}) for story in origin]


def whole_square(labels) -> list[list[int]]:
    grouped: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        grouped.setdefault(int(label), []).append(index)
    return sorted(grouped.values(), key=lambda members: members[0])


def sentences_on_the_whole_square(vectors: np.ndarray, min_similarity: float) -> list[list[int]]:
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - min_similarity).fit_predict(vectors)
    return [members for members in whole_square(labels) if len(members) > 1]


def stories_on_the_whole_square(vectors: np.ndarray, keys: list[frozenset[str]], threshold: float) -> list[list[int]]:
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - similarities(vectors, keys)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold).fit_predict(
        np.maximum(distance, 0.0)
    )
    return whole_square(labels)


@pytest.mark.parametrize("count, min_similarity, seed", [(2, 0.5, 1), (60, 0.5, 2), (400, 0.55, 3), (1500, 0.7, 4)])
def test_sentence_clusters_are_those_of_the_whole_square(count, min_similarity, seed):
    vectors, _ = clustered_rows(count, seed)
    assert cluster_sentences(vectors, min_similarity) == sentences_on_the_whole_square(vectors, min_similarity)


@pytest.mark.parametrize("count, threshold, seed", [(3, 0.45, 1), (80, 0.45, 2), (600, 0.45, 3), (1200, 0.6, 4)])
def test_stories_are_those_of_the_whole_square(count, threshold, seed):
    vectors, origin = clustered_rows(count, seed)
    keys = entity_keys_for(origin, seed)
    assert group_articles(vectors, keys, threshold) == stories_on_the_whole_square(vectors, keys, threshold)


def test_the_approximate_search_finds_the_same_stories_and_sentence_clusters(monkeypatch):
    vectors, origin = clustered_rows(1500, 7)
    keys = entity_keys_for(origin, 7)
    exact_stories, exact_clusters = group_articles(vectors, keys, 0.45), cluster_sentences(vectors, 0.6)
    monkeypatch.setattr(graph, "EXACT_ROWS", 100)
    monkeypatch.setattr("factcheck.nightly.grouping.EXACT_ROWS", 100)
    assert group_articles(vectors, keys, 0.45) == exact_stories
    assert cluster_sentences(vectors, 0.6) == exact_clusters


def test_a_piece_too_large_for_its_square_is_clustered_along_its_edges_to_the_same_answer(monkeypatch):
    """Above DENSE_PIECE rows a piece is clustered along its graph's edges alone, with exact
    sums: the same clusters as the whole square, for sentences and for stories."""
    vectors, origin = clustered_rows(900, 9, spread=1.3)
    keys = entity_keys_for(origin, 9)
    exact_clusters, exact_stories = sentences_on_the_whole_square(vectors, 0.3), stories_on_the_whole_square(vectors, keys, 0.3)
    monkeypatch.setattr(graph, "DENSE_PIECE", 20)
    assert max(len(piece) for piece in graph.pieces(len(vectors), graph.linked_pairs(vectors, graph.cosine(vectors), 0.3))) > 100
    assert cluster_sentences(vectors, 0.3) == exact_clusters
    assert group_articles(vectors, keys, 0.3) == exact_stories


def test_clustering_waits_for_the_background_imports(tmp_path, monkeypatch):
    """Sentences are clustered with scipy while scikit-learn may still be importing on the
    other thread (prepare_clustering): two threads importing parts of one package can meet a
    half-initialised module (seen in CI), so clustering first waits for that import."""
    (tmp_path / "slow_to_import.py").write_text("import time\ntime.sleep(0.5)\nDONE = True\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from factcheck.import_soon import import_soon

    import_soon("slow_to_import")
    cluster_sentences(clustered_rows(20, 1)[0], 0.5)
    import sys

    assert getattr(sys.modules.get("slow_to_import"), "DONE", False)
    monkeypatch.delitem(sys.modules, "slow_to_import")
