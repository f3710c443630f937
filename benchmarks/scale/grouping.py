"""Grouping a night into stories at 1,000 to 100,000 articles: seconds, peak memory, and how
far the approximate neighbour search strays from the exact one.

    python benchmarks/scale/grouping.py                         # about 15 minutes on 2 cores
    python benchmarks/scale/grouping.py --articles 1000 10000

Embedding 100,000 articles would take this machine most of a day and tells nothing about
grouping (its cost is linear and measured in results.md), so the nights are synthetic: stories
of heavy-tailed size (most one to three articles, a few dozen), each article its story's
direction plus a direction every article shares plus noise, in 384 dimensions like the bundled
model, with the within- and across-story cosines printed beside the results; each article names
two of its story's four entities and one of 200 names every story uses (a country, a big
company). Each size runs in a fresh process, so the peak (VmHWM) is that size's alone. Both
methods run at every size: the exact search (every pair, a block of rows at a time) and the
approximate one (faiss HNSW over 64 principal components, each article's 24 nearest plus articles sharing a rare name); the
product uses the exact one up to 20,000 articles. Agreement is pairwise: of the pairs of
articles one method puts in one story, the share the other does too.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
DIMENSIONS = 384
THRESHOLD = 0.45  # the story_similarity default
SEED = 13


def synthetic_night(count: int, seed: int = SEED) -> tuple[np.ndarray, list[frozenset[str]], np.ndarray]:
    """Article vectors, entity keys and the story each article was drawn from."""
    rng = np.random.default_rng(seed)
    sizes = []
    while sum(sizes) < count:
        sizes.append(int(min(rng.zipf(2.2), 60)))
    story = np.repeat(np.arange(len(sizes)), sizes)[:count]
    directions = rng.normal(size=(len(sizes), DIMENSIONS)).astype(np.float32)
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    shared = rng.normal(size=DIMENSIONS).astype(np.float32)
    shared /= np.linalg.norm(shared)
    noise = rng.normal(scale=0.8 / np.sqrt(DIMENSIONS), size=(count, DIMENSIONS)).astype(np.float32)
    vectors = directions[story] + 0.5 * shared + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    keys = [
        frozenset({f"s{s}-{rng.integers(0, 4)}", f"s{s}-{rng.integers(0, 4)}", f"common{min(int(rng.zipf(1.5)), 200)}"}) for s in story
    ]
    return vectors, keys, story


def same_story_pairs(groups: list[list[int]]) -> int:
    return sum(len(group) * (len(group) - 1) // 2 for group in groups)


def shared_pairs(first: list[list[int]], second: list[list[int]], count: int) -> int:
    """Pairs in one story under both groupings (a contingency table, never the pairs)."""
    label = np.empty(count, dtype=np.int64)
    for index, group in enumerate(second):
        label[group] = index
    total = 0
    for group in first:
        _, counts = np.unique(label[group], return_counts=True)
        total += int((counts * (counts - 1) // 2).sum())
    return total


def peak_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def one_method(count: int, method: str, labels_path: Path) -> dict:
    """Run in a child process: one method on one synthetic night; the story of each article
    goes to `labels_path`."""
    import factcheck.cluster.graph as graph
    import factcheck.nightly.grouping as grouping

    import faiss  # noqa: F401  imports are a run's fixed cost, not grouping's
    import scipy.sparse.csgraph  # noqa: F401
    import sklearn.cluster  # noqa: F401

    vectors, keys, story = synthetic_night(count)
    baseline = peak_bytes()
    exact_rows = 10**9 if method == "exact" else 0
    graph.EXACT_ROWS = grouping.EXACT_ROWS = exact_rows
    started = time.perf_counter()
    groups = grouping.group_articles(vectors, keys, THRESHOLD)
    seconds = time.perf_counter() - started
    labels = np.empty(count, dtype=np.int64)
    for index, group in enumerate(groups):
        labels[group] = index
    np.save(labels_path, labels)
    return {"seconds": seconds, "peak_mb": peak_bytes() / 1e6, "baseline_mb": baseline / 1e6}


def one_size(count: int) -> dict:
    """Both methods on one night, each in a fresh process, and how far apart they land."""
    import tempfile

    vectors, _, story = synthetic_night(count)
    sample = np.random.default_rng(1).integers(0, count, (20_000, 2))
    cosines = np.einsum("ij,ij->i", vectors[sample[:, 0]], vectors[sample[:, 1]])
    first, second = _within_pairs(story)
    result = {
        "articles": count,
        "cosine_within": float(np.einsum("ij,ij->i", vectors[first], vectors[second]).mean()),
        "cosine_across": float(cosines[story[sample[:, 0]] != story[sample[:, 1]]].mean()),
    }
    grouped = {}
    with tempfile.TemporaryDirectory() as folder:
        for method in ("approximate", "exact"):
            labels_path = Path(folder) / f"{method}.npy"
            command = [sys.executable, __file__, "--one", str(count), "--method", method, "--labels", str(labels_path)]
            measured = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
            result.update({f"{method}_{name}": value for name, value in measured.items()})
            grouped[method] = _groups(np.load(labels_path))
    approximate, exact = grouped["approximate"], grouped["exact"]
    both = shared_pairs(approximate, exact, count)
    result["stories"] = len(exact)
    result["precision"] = both / max(same_story_pairs(approximate), 1)
    result["recall"] = both / max(same_story_pairs(exact), 1)
    result["identical"] = approximate == exact
    truth = _groups(story)
    result["recall_of_true_stories"] = shared_pairs(exact, truth, count) / max(same_story_pairs(truth), 1)
    return result


def _groups(labels: np.ndarray) -> list[list[int]]:
    grouped: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        grouped.setdefault(label, []).append(index)
    return sorted(grouped.values(), key=lambda members: members[0])


def _within_pairs(story: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(story, kind="stable")
    first, second = order[:-1], order[1:]
    keep = story[first] == story[second]
    return first[keep][:20_000], second[keep][:20_000]


def table(rows: list[dict]) -> str:
    lines = [
        "| articles | stories | exact s | exact s / 1,000 | exact peak MB | approximate s | approximate s / 1,000 | approximate peak MB | pairwise precision | pairwise recall | identical |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        n = row["articles"]
        lines.append(
            f"| {n:,} | {row['stories']:,} | {row['exact_seconds']:.1f} | {1000 * row['exact_seconds'] / n:.2f} | {row['exact_peak_mb']:.0f} | "
            f"{row['approximate_seconds']:.1f} | {1000 * row['approximate_seconds'] / n:.2f} | {row['approximate_peak_mb']:.0f} | "
            f"{row['precision']:.4f} | {row['recall']:.4f} | {'yes' if row['identical'] else 'no'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000, 50000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--method", choices=["approximate", "exact"], help=argparse.SUPPRESS)
    parser.add_argument("--labels", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=HERE / "grouping.md")
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(one_method(arguments.one, arguments.method, arguments.labels)))
        return
    rows = []
    for count in arguments.articles:
        rows.append(one_size(count))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    cosines = ", ".join(f"{row['articles']:,}: {row['cosine_within']:.2f} / {row['cosine_across']:.2f}" for row in rows)
    true_recall = ", ".join(f"{row['articles']:,}: {row['recall_of_true_stories']:.3f}" for row in rows)
    text = "\n".join(
        [
            "# Grouping a night into stories, 1,000 to 100,000 articles",
            "",
            f"Run {stamp} on {platform.machine()} ({_cores()} cores), by `python benchmarks/scale/grouping.py`; story_similarity {THRESHOLD}.",
            "Each method runs in a fresh process; peak is its VmHWM, the night's vectors included.",
            "",
            table(rows),
            "",
            f"Synthetic nights (see the script): mean cosine within a story / across stories {cosines}. "
            f"Pairs of one true story that the exact method keeps together: {true_recall}.",
        ]
    )
    arguments.output.write_text(text + "\n", encoding="utf-8")
    print(text)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
