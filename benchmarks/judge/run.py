"""The slot judge on stories it never saw: self-labelled pairs of the odd-numbered
realnews_dev stories (the judge learns from the even ones), against simpler scores.

    python benchmarks/judge/run.py          # about a minute on 2 cores

Writes results.md beside this script.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.embed import load_embedder  # noqa: E402
from factcheck.judge import load_judge  # noqa: E402
from factcheck.judge.slots import content_of  # noqa: E402
from factcheck.judge.train import DEFAULT_STORIES, design, mine_pairs, training_stories  # noqa: E402

HERE = Path(__file__).resolve().parent


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else float("nan")


def main() -> None:
    started = time.monotonic()
    pairs, inputs = mine_pairs(training_stories(DEFAULT_STORIES, "odd"))
    embedder = load_embedder().embedder
    judge = load_judge(encoder=embedder.cache_key)
    x, y, _ = design(pairs, embedder.encode)
    judged = judge.probabilities(x)
    cosine = x[:, 0]
    sentence_cosine = x[:, 2]
    shared = np.array([len(content_of(p.first.context) & content_of(p.second.context)) for p in pairs], dtype=float)
    lines = [
        f"Held-out: {len(pairs)} self-labelled pairs from {len({p.story for p in pairs})} odd-numbered realnews_dev stories "
        f"({int(y.sum())} same slot), {len(inputs)} articles; never used to fit the judge.",
        "",
        "| kind | pairs | same slot | judge AUC | context cosine AUC | sentence cosine AUC | shared words AUC | judge accuracy at 0.5 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    kinds = np.array([p.first.kind for p in pairs])
    for kind in [*sorted(set(kinds)), "all"]:
        mask = np.ones(len(y), bool) if kind == "all" else kinds == kind
        accuracy = float(((judged[mask] >= 0.5) == (y[mask] == 1)).mean())
        lines.append(
            f"| {kind} | {int(mask.sum())} | {int(y[mask].sum())} | {auc(judged[mask], y[mask]):.3f} | "
            f"{auc(cosine[mask], y[mask]):.3f} | {auc(sentence_cosine[mask], y[mask]):.3f} | {auc(shared[mask], y[mask]):.3f} | {accuracy:.3f} |"
        )
    lines += ["", f"({time.monotonic() - started:.0f} s)"]
    (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
