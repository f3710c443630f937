"""Average-linkage clustering in memory that grows with the rows, not their square.

Average linkage only merges two clusters whose mean similarity reaches the threshold, so at
least one pair across them does: every cluster it makes is connected in the graph of pairs at
least that alike, and clusters in different pieces of that graph never merge. So the graph's
connected pieces are found first, and average linkage runs on each piece alone: the same
clusters as on the whole square, in memory of the order of the pairs that pass.

The pairs come from an exact search, a block of rows at a time, up to EXACT_ROWS rows (every
pair is seen, so the result is exactly today's); above that, from each row's NEIGHBOURS
nearest by an approximate index (faiss HNSW), plus the pairs a caller names beside them
(articles sharing a rare name). A piece larger than DENSE_PIECE rows (a night whose stories
touch through names everyone uses) is clustered along its edges alone, still exactly
(linked_average_linkage), so one run-away piece cannot ask for a square either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

EXACT_ROWS = 20_000
BLOCK_ROWS = 512
NEIGHBOURS = 24
DENSE_PIECE = 6_000
DOT_CHUNK = 2_048  # pairs whose rows are gathered at a time (3 MB at 384 dimensions)
PAIR_CHUNK = 16_384  # candidate pairs scored at a time (two 25 MB slices of vectors)
# HNSW's links per row and search breadth. Pieces only need their edges to connect them (each
# piece is then clustered exactly), so a row's 24 nearest are plenty: benchmarks/scale/grouping.py
# measures the stories against the exact search's.
HNSW_LINKS = 16
HNSW_SEARCH = 48
SEARCH_DIMENSIONS = 64

# Pairs this much less alike than the threshold are linked too: the clustering's own
# arithmetic (1 - cosine in float64) may land either side of the graph's dot product.
GRAPH_SLACK = 1e-6

@dataclass(frozen=True)
class Similarity:
    """How alike rows are: `block(rows, columns)` as a dense block, `pairwise(first, second)`
    for the pairs (first[k], second[k]) alone."""

    block: Callable[[np.ndarray, np.ndarray], np.ndarray]
    pairwise: Callable[[np.ndarray, np.ndarray], np.ndarray]


def cosine(vectors: np.ndarray) -> Similarity:
    """Similarity as the dot product of L2-normalised rows."""
    return Similarity(
        block=lambda rows, columns: vectors[rows] @ vectors[columns].T,
        pairwise=lambda first, second: row_dots(vectors, first, second),
    )


def row_dots(vectors: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """vectors[first[k]] . vectors[second[k]] for every k, a cache-sized slice at a time:
    gathering a million pairs' rows at once is seven times slower (the same numbers)."""
    return np.concatenate(
        [np.einsum("ij,ij->i", vectors[first[start : start + DOT_CHUNK]], vectors[second[start : start + DOT_CHUNK]]) for start in range(0, len(first), DOT_CHUNK)]
        or [np.zeros(0, dtype=vectors.dtype)]
    )


def linked_pairs(vectors: np.ndarray, similarity: Similarity, threshold: float, extra: np.ndarray | None = None) -> np.ndarray:
    """(i, j) with i < j and similarity >= threshold: every such pair up to EXACT_ROWS rows,
    else those among each row's nearest neighbours and the `extra` candidate pairs."""
    count = len(vectors)
    if count <= EXACT_ROWS:
        found = []
        everything = np.arange(count)
        for start in range(0, count, BLOCK_ROWS):
            rows = everything[start : start + BLOCK_ROWS]
            block = similarity.block(rows, everything[start:])
            local_rows, local_columns = np.nonzero(block >= threshold)
            keep = local_columns > local_rows
            found.append(np.column_stack([rows[local_rows[keep]], start + local_columns[keep]]))
        return np.vstack(found) if found else np.zeros((0, 2), dtype=np.int64)
    candidates = nearest_neighbour_pairs(vectors)
    if extra is not None and len(extra):
        candidates = np.unique(np.vstack([candidates, np.sort(extra, axis=1)]), axis=0)
    scores = np.concatenate(
        [similarity.pairwise(chunk[:, 0], chunk[:, 1]) for chunk in np.array_split(candidates, max(1, len(candidates) // PAIR_CHUNK))]
    )
    return candidates[scores >= threshold]


def nearest_neighbour_pairs(vectors: np.ndarray, neighbours: int = NEIGHBOURS) -> np.ndarray:
    """(i, j), i < j, for each row's `neighbours` nearest by inner product (faiss HNSW), found
    among the rows' first SEARCH_DIMENSIONS principal components: the pairs are only
    candidates, scored again in full, and the search is 2.4 times quicker at 100,000 rows."""
    import faiss

    data = np.ascontiguousarray(vectors, dtype=np.float32)
    if data.shape[1] > SEARCH_DIMENSIONS:
        projection = faiss.PCAMatrix(data.shape[1], SEARCH_DIMENSIONS)
        projection.train(data)
        data = projection.apply(data)
        data /= np.maximum(np.linalg.norm(data, axis=1, keepdims=True), 1e-12)
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # a graph built on one thread is the same graph on every run
    index = faiss.IndexHNSWFlat(data.shape[1], HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.add(data)
    faiss.omp_set_num_threads(threads)  # each query is answered alone: any number of threads
    index.hnsw.efSearch = HNSW_SEARCH
    _, found = index.search(data, min(neighbours + 1, len(data)))
    rows = np.repeat(np.arange(len(data)), found.shape[1])
    pairs = np.column_stack([rows, found.ravel()])
    pairs = pairs[(pairs[:, 1] >= 0) & (pairs[:, 0] != pairs[:, 1])]
    return np.unique(np.sort(pairs, axis=1), axis=0)


def pieces(count: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Row indices of each connected piece of the graph, in order of their first row."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(count, count)) if len(pairs) else coo_matrix((count, count))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    boundaries = np.flatnonzero(np.diff(labels[order])) + 1
    found = np.split(order, boundaries)
    return sorted(found, key=lambda members: int(members[0]))


def average_linkage(
    count: int,
    pairs: np.ndarray,
    distance_threshold: float,
    condensed_distances: Callable[[np.ndarray], np.ndarray],
    similarity: Similarity,
) -> list[list[int]]:
    """Clusters (singletons included) of average linkage cut at `distance_threshold`, piece by
    piece: `condensed_distances(members)` gives a piece's distances as scipy's pdist would
    (the input scikit-learn hands scipy's linkage, so the clusters are today's to the last
    bit); a piece above DENSE_PIECE rows is clustered along its edges with `similarity`."""
    clusters: list[list[int]] = []
    found = pieces(count, pairs)
    position = np.full(count, -1)
    for members in found:
        if len(members) == 1:
            clusters.append([int(members[0])])
            continue
        if len(members) <= DENSE_PIECE:
            labels = cut_linkage(condensed_distances(members), len(members), distance_threshold)
        else:
            position[members] = np.arange(len(members))
            local = position[pairs[np.isin(pairs[:, 0], members)]]
            labels = linked_average_linkage(members, local, similarity, distance_threshold)
        grouped: dict[int, list[int]] = {}
        for row, label in zip(members, labels):
            grouped.setdefault(int(label), []).append(int(row))
        clusters.extend(grouped.values())
    return sorted((sorted(cluster) for cluster in clusters), key=lambda cluster: cluster[0])


def cut_linkage(condensed: np.ndarray, count: int, distance_threshold: float) -> np.ndarray:
    """Labels of scipy's average linkage keeping every merge closer than the threshold: what
    scikit-learn's AgglomerativeClustering(distance_threshold=...) returns, without its 2 ms
    a call (a night has thousands of small pieces)."""
    from scipy.cluster.hierarchy import linkage

    parent = list(range(2 * count - 1))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    if count > 1:
        for step, (first, second, distance, _) in enumerate(linkage(condensed, method="average")):
            if distance < distance_threshold:
                parent[root(int(first))] = count + step
                parent[root(int(second))] = count + step
    return np.array([root(row) for row in range(count)])


def linked_average_linkage(members: np.ndarray, local_pairs: np.ndarray, similarity: Similarity, distance_threshold: float) -> np.ndarray:
    """Labels of average linkage on a piece too large for its square, still exact: only
    clusters joined by an edge can merge before the cut (see the module's docstring), so the
    heap holds those pairs alone, each with the exact sum of its members' similarities,
    computed from the members when first needed. Memory follows the edges; clusters stay
    story-sized, so the sums are small blocks."""
    import heapq

    count = len(members)
    members_of: dict[int, np.ndarray] = {row: np.array([row]) for row in range(count)}
    neighbours: dict[int, set[int]] = {row: set() for row in range(count)}
    totals: dict[tuple[int, int], float] = {}
    heap: list[tuple[float, int, int]] = []
    scores = similarity.pairwise(members[local_pairs[:, 0]], members[local_pairs[:, 1]]) if len(local_pairs) else []
    for (first, second), score in zip(local_pairs.tolist(), scores):
        first, second = min(first, second), max(first, second)
        if (first, second) in totals or first == second:
            continue
        totals[(first, second)] = float(score)
        neighbours[first].add(second)
        neighbours[second].add(first)
        heapq.heappush(heap, (1.0 - float(score), first, second))

    def sums(wanted: list[tuple[int, int]]) -> list[float]:
        """Total similarity between the members of each pair of clusters, in one call."""
        if not wanted:
            return []
        left, right, sizes = [], [], []
        for first, second in wanted:
            rows, columns = members_of[first], members_of[second]
            left.append(np.repeat(rows, len(columns)))
            right.append(np.tile(columns, len(rows)))
            sizes.append(len(rows) * len(columns))
        scores = similarity.pairwise(members[np.concatenate(left)], members[np.concatenate(right)])
        return np.add.reduceat(scores, np.cumsum([0, *sizes[:-1]])).tolist()

    created = count
    while heap:
        distance, first, second = heapq.heappop(heap)
        if first not in members_of or second not in members_of:
            continue
        if not distance < distance_threshold:
            break
        merged = created
        created += 1
        around = (neighbours.pop(first) | neighbours.pop(second)) - {first, second}
        totals.pop((min(first, second), max(first, second)), None)
        known = {pair: totals.pop((min(pair), max(pair)), None) for other in around for pair in ((first, other), (second, other))}
        missing = [pair for pair, value in known.items() if value is None]
        known.update(zip(missing, sums(missing)))
        for other in around:
            neighbours[other] -= {first, second}
            neighbours[other].add(merged)
            totals[(other, merged)] = known[(first, other)] + known[(second, other)]
        members_of[merged] = np.concatenate([members_of.pop(first), members_of.pop(second)])
        neighbours[merged] = around
        size = len(members_of[merged])
        for other in around:
            average = totals[(other, merged)] / (size * len(members_of[other]))
            heapq.heappush(heap, (1.0 - average, other, merged))
    labels = np.empty(count, dtype=np.int64)
    for label, rows in members_of.items():
        labels[rows] = label
    return labels
