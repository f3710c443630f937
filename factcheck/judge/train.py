"""Rebuild the shipped slot judge from real stories:

    python -m factcheck.judge.train                      # even-numbered realnews_dev stories
    python -m factcheck.judge.train --stories DIR --out judge.json

Every subfolder of --stories is one story. Stories whose folder name starts with an
even number (s000, s002, ...) are used; odd ones are kept for measuring (benchmarks/judge).
The pairs label themselves (see pairs.py); the contexts are encoded by the bundled model;
the regularisation strength is chosen by cross-validation grouped by story, with a fixed
seed, so the same data and libraries give the same file. The model file records the sha256
of every input file and the library versions; its own sha256 goes beside it (judge.sha256)
and is checked whenever it is loaded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

from factcheck.judge.model import CHECKSUM_PATH, FEATURES, MODEL_PATH, ContextPair, pair_features
from factcheck.judge.pairs import LabelledPair, story_pairs
from factcheck.judge.slots import slot_mentions

SEED = 13
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5
DEFAULT_STORIES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "realnews_dev"
LIBRARIES = ("numpy", "scikit-learn", "onnxruntime", "tokenizers")


def story_number(folder: Path) -> int | None:
    match = re.match(r"s?(\d+)", folder.name)
    return int(match.group(1)) if match else None


def training_stories(root: Path, half: str) -> list[Path]:
    """Story folders of the half asked for: "even" (the default), "odd" or "all"."""
    folders = sorted(path for path in root.iterdir() if path.is_dir())
    if half == "all":
        return folders
    parity = 0 if half == "even" else 1
    return [folder for folder in folders if (story_number(folder) or 0) % 2 == parity]


def mine_pairs(folders: list[Path], seed: int = SEED) -> tuple[list[LabelledPair], dict[str, str]]:
    """The self-labelled pairs of every story, and the sha256 of every file read."""
    from factcheck.extract.claims import extract_claims
    from factcheck.ingest import read_articles
    from factcheck.segment import split_sentences

    pairs: list[LabelledPair] = []
    inputs: dict[str, str] = {}
    for folder in folders:
        articles, _ = read_articles([str(folder)], max_bytes=10_000_000)
        mentions = []
        for article in sorted(articles, key=lambda a: a.path):
            path = Path(article.path)
            inputs[f"{folder.name}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
            mentions.extend(slot_mentions(extract_claims(article, split_sentences(article))))
        pairs.extend(story_pairs(folder.name, mentions, seed))
    return pairs, dict(sorted(inputs.items()))


def context_pair(pair: LabelledPair) -> ContextPair:
    first, second = pair.first, pair.second
    return ContextPair(first.kind, first.sentence.text, first.context, second.sentence.text, second.context)


def design(pairs: list[LabelledPair], encode) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = pair_features([context_pair(pair) for pair in pairs], encode)
    y = np.array([int(pair.same_slot) for pair in pairs])
    groups = np.array([pair.story for pair in pairs])
    return x, y, groups


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, seed: int = SEED) -> tuple[dict, dict[float, float]]:
    """Weights of the best C by grouped cross-validated log loss, as plain numbers."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    def model(c: float):
        return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=seed)

    folds = min(FOLDS, len(set(groups)))
    losses = {}
    for c in C_GRID:
        predictions = np.zeros(len(y))
        if folds >= 2:
            for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
                scaler = StandardScaler().fit(x[train])
                predictions[test] = model(c).fit(scaler.transform(x[train]), y[train]).predict_proba(scaler.transform(x[test]))[:, 1]
            losses[c] = float(log_loss(y, np.clip(predictions, 1e-6, 1 - 1e-6), labels=[0, 1]))
        else:
            losses[c] = 0.0
    best = min(C_GRID, key=lambda c: (losses[c], c))
    scaler = StandardScaler().fit(x)
    classifier = model(best).fit(scaler.transform(x), y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = {
        "C": best,
        "mean": _rounded(scaler.mean_),
        "scale": _rounded(scale),
        "coefficients": _rounded(classifier.coef_[0]),
        "intercept": round(float(classifier.intercept_[0]), 7),
    }
    return weights, losses


def _rounded(values: np.ndarray) -> list[float]:
    return [float(f"{value:.7g}") for value in values]


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def train(stories: Path, out: Path, half: str = "even", seed: int = SEED, log=print) -> dict:
    """Mine, encode, fit, and write `out` with its checksum beside it (`out` .sha256)."""
    from factcheck.embed import load_embedder

    started = time.monotonic()
    folders = training_stories(stories, half)
    pairs, inputs = mine_pairs(folders, seed)
    if not pairs or len({pair.same_slot for pair in pairs}) < 2:
        raise SystemExit(f"{stories}: no self-labelled pairs of both kinds in the {half} stories; need stories of 2+ articles sharing values")
    log(f"{len(folders)} stories, {len(inputs)} articles: {sum(p.same_slot for p in pairs)} same-slot pairs, {sum(not p.same_slot for p in pairs)} others")
    loaded = load_embedder()
    if loaded.warnings:
        raise SystemExit("; ".join(loaded.warnings))
    x, y, groups = design(pairs, loaded.embedder.encode)
    weights, losses = fit(x, y, groups, seed)
    model = {
        "encoder": loaded.embedder.cache_key,
        "features": list(FEATURES),
        **{key: value for key, value in weights.items() if key != "C"},
        "trained": {
            "command": "python -m factcheck.judge.train",
            "half": half,
            "seed": seed,
            "C": weights["C"],
            "cross-validated log loss": {str(c): round(loss, 4) for c, loss in losses.items()},
            "pairs": {"same slot": int(y.sum()), "other": int(len(y) - y.sum())},
            "by kind": {kind: int(sum(1 for p in pairs if p.first.kind == kind)) for kind in sorted({p.first.kind for p in pairs})},
            "libraries": versions(),
            "inputs": inputs,
        },
    }
    data = (json.dumps(model, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    out.write_bytes(data)
    checksum_path(out).write_text(hashlib.sha256(data).hexdigest() + "  " + out.name + "\n", encoding="ascii")
    log(f"wrote {out} (C {weights['C']}, log loss {losses[weights['C']]:.3f}) in {time.monotonic() - started:.0f} s")
    return model


def checksum_path(out: Path) -> Path:
    return CHECKSUM_PATH if out == MODEL_PATH else out.with_suffix(".sha256")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m factcheck.judge.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES, help="a folder of story folders (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="the model file to write (default: the shipped one)")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="even", help="which stories to learn from")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if not args.stories.is_dir():
        sys.exit(f"{args.stories}: not a folder of story folders")
    train(args.stories, args.out, args.half, args.seed)


if __name__ == "__main__":
    main()
