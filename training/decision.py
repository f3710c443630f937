"""Fit the decision layer (factcheck/decide/model.json) and measure it on stories it never saw.

    python -m training.decision            # about a minute on 2 cores

Data (pinned: the committed verdict file, the injected-edit generator with seed 13, the
bundled model's vectors):

* candidates the rules make on realnews_dev, labelled by the hand verdicts (right or not);
* candidates that cite an injected edit on realnews_dev stories (right by construction);
* candidates on the hand-written cases of training/data/cases.yaml (right when they
  cite the edited sentence), all used to fit.

Stories with even numbers fit the model; odd ones are held out. On the fit half, a
logistic regression (classes weighted to balance: real discrepancies are rare) has its
regularisation strength chosen by grouped (per story) cross-validation, and the cut-offs are
read off the out-of-fold predictions: a report threshold per rule (the lowest probability from which its
findings were right RULE_PRECISION of the time; see rule_thresholds), and the calibration (probability
to share right, isotonic) is fitted on them too; "high" means a calibrated confidence of at
least HIGH_PRECISION. Nothing is read off the
held-out half; its figures are the result, written to benchmarks/decision/results.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from factcheck.decide import FEATURES, MODEL_PATH, RULE_PRECISION, keep_all
from factcheck.embed import load_embedder
from factcheck.judge.model import MODEL_PATH as JUDGE_PATH
from factcheck.judge.train import versions
from training.candidates import (
    REALNEWS,
    VERDICTS,
    Candidate,
    injected_candidates,
    labelled_candidates,
    realnews_candidates,
)
from training.injected import story_half
from training.labelled import CASES

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "decision" / "results.md"
SEED = 13
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
MIN_ABOVE = 3
MIN_NATURAL = 5
HIGH_PRECISION = 0.8
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def design(items: list[Candidate]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([item.features for item in items], dtype=float)
    y = np.array([int(bool(item.right)) for item in items])
    groups = np.array([item.finding.story if item.source == "labelled" else item.finding.story.split("-")[0] for item in items])
    return x, y, groups


def classifier(c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=10000, random_state=SEED))


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    predictions = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        predictions[test] = classifier(c).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return predictions


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def unscaled(pipeline) -> tuple[list[float], float]:
    """Coefficients on the raw features: the scaler folded into the regression, so the
    shipped model is one dot product (and one LogisticRegression) with no scaler to store."""
    scaler, regression = pipeline[0], pipeline[1]
    scale = np.where(scaler.scale_ == 0, 1.0, scaler.scale_)
    coefficients = regression.coef_[0] / scale
    intercept = float(regression.intercept_[0] - np.sum(regression.coef_[0] * scaler.mean_ / scale))
    return coefficients.tolist(), intercept


def rule_thresholds(fit: list[Candidate], p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """A report threshold per rule, read off out-of-fold predictions: the lowest probability
    from which the rule's findings were right at least RULE_PRECISION of the time (at least
    MIN_ABOVE of them). Judged on real stories alone (hand-judged candidates and injected
    edits) where the rule has MIN_NATURAL candidates and MIN_ABOVE right ones there, else on
    all its fitting rows, the hand-written cases included. Rules differ in how often their
    candidates are right (most name variants are, most counts are not), so one cut-off for
    all would give up one rule's recall for another's false alarms."""
    natural = np.array([item.source != "labelled" for item in fit])
    rule_of = np.array([item.finding.rule for item in fit])
    thresholds = {}
    for rule in sorted(set(rule_of)):
        mine = rule_of == rule
        real_kind = mine & natural
        judged = real_kind if real_kind.sum() >= MIN_NATURAL and y[real_kind].sum() >= MIN_ABOVE else mine
        thresholds[rule] = 1.01
        for cut in sorted({round(float(q), 4) for q in p[judged]}):
            above = judged & (p >= cut)
            if above.sum() >= MIN_ABOVE and y[above].mean() >= RULE_PRECISION:
                thresholds[rule] = cut
                break
    return thresholds


def calibrate(p: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    """Probability -> share right, monotone (isotonic regression on out-of-fold predictions
    of the realnews stories, natural and injected: the kind of text the tool is for)."""
    from sklearn.isotonic import IsotonicRegression

    isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(p, y)
    return [round(float(v), 4) for v in isotonic.X_thresholds_], [round(float(v), 4) for v in isotonic.y_thresholds_]


def calibration(reported: list[tuple[Candidate, float]]) -> list[str]:
    rows = []
    for low, high in BANDS:
        inside = [item for item, confidence in reported if low <= confidence < high]
        right = sum(bool(item.right) for item in inside)
        share = f"{right / len(inside):.2f}" if inside else "–"
        rows.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(inside)} | {right} | {share} |")
    return rows


def input_checksums() -> dict[str, str]:
    """The sha256 of every file the fit reads: the hand verdicts, the labelled cases, the
    edit generator, the shipped judge and every realnews_dev article."""
    files = [VERDICTS, CASES, ROOT / "training" / "injected.py", JUDGE_PATH]
    files += sorted(path for path in REALNEWS.rglob("*") if path.is_file()) if REALNEWS.is_dir() else []
    named = {}
    for path in files:
        name = path.relative_to(REALNEWS.parent).as_posix() if REALNEWS in path.parents else path.relative_to(ROOT).as_posix()
        named[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return named


def fit_model(fit: list[Candidate]) -> tuple[dict, dict[float, float], np.ndarray]:
    """The model file's contents fitted on `fit` (deterministic: seeded, grouped folds), with
    the out-of-fold log loss per C and the out-of-fold probabilities behind the cut-offs."""
    x, y, groups = design(fit)
    losses = {c: log_loss(y, out_of_fold(x, y, groups, c)) for c in C_GRID}
    best_c = min(losses, key=losses.get)
    p_oof = out_of_fold(x, y, groups, best_c)
    thresholds = rule_thresholds(fit, p_oof, y)
    realnews_kind = np.array([item.source != "labelled" for item in fit])
    points, rates = calibrate(p_oof[realnews_kind], y[realnews_kind])
    coefficients, intercept = unscaled(classifier(best_c).fit(x, y))
    model = {
        "features": list(FEATURES),
        "coefficients": [round(value, 6) for value in coefficients],
        "intercept": round(intercept, 6),
        "thresholds": thresholds,
        "high_from": HIGH_PRECISION,
        "calibration": {"probability": points, "right": rates},
        "fitted": {"script": "training/decision.py", "seed": SEED, "C": best_c, "rows": len(fit), "right": int(y.sum())},
    }
    return model, losses, p_oof


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    embedder = load_embedder(backend="onnx").embedder
    natural, sentences = realnews_candidates(embedder, then=keep_all)
    cases, by_case = injected_candidates(embedder, then=keep_all)
    unjudged = [item for item in natural if item.right is None]
    natural = [item for item in natural if item.right is not None]
    injected = [item for items in by_case.values() for item in items]
    labelled = labelled_candidates(embedder, then=keep_all)

    fit = [item for item in natural + injected + labelled if item.half == "fit"]
    model, losses, _ = fit_model(fit)
    model["fitted"].update({"inputs": input_checksums(), "libraries": versions()})
    arguments.model.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    best_c, thresholds, high_from = model["fitted"]["C"], model["thresholds"], model["high_from"]
    y = np.array([int(bool(item.right)) for item in fit])
    natural_fit = [item for item in fit if item.source == "realnews"]

    from factcheck.decide import DecisionModel

    shipped = DecisionModel.from_json(json.loads(arguments.model.read_text(encoding="utf-8")))
    held = [item for item in natural if item.half == "held-out"]
    p_held = shipped.probabilities([item.features for item in held]) if held else np.zeros(0)
    kept = [(item, p) for item, p in zip(held, p_held) if p >= thresholds.get(item.finding.rule, 1.01)]
    right = sum(bool(item.right) for item, _ in kept)
    per_rule: Counter[tuple[str, bool]] = Counter((item.finding.rule, bool(item.right)) for item, _ in kept)
    held_cases = [case for case in cases if story_half(case.story) == "held-out"]
    recall: dict[str, list[bool]] = {}
    candidate_recall: dict[str, list[bool]] = {}
    for case in held_cases:
        found = by_case[case.id]
        probabilities = shipped.probabilities([item.features for item in found]) if found else []
        recall.setdefault(case.kind, []).append(any(p >= thresholds.get(item.finding.rule, 1.01) for item, p in zip(found, probabilities)))
        candidate_recall.setdefault(case.kind, []).append(bool(found))
    pooled = held + [item for case in held_cases for item in by_case[case.id]]
    p_pooled = shipped.probabilities([item.features for item in pooled]) if pooled else np.zeros(0)
    reported_natural = [(item, shipped.confidence(p)) for item, p in zip(held, p_held) if p >= thresholds.get(item.finding.rule, 1.01)]
    reported_pooled = [(item, shipped.confidence(p)) for item, p in zip(pooled, p_pooled) if p >= thresholds.get(item.finding.rule, 1.01)]

    lines = [
        f"Fitted {time.strftime('%Y-%m-%d')} in {time.perf_counter() - started:.0f} s: {len(fit)} fit rows "
        f"({int(y.sum())} right; {len(natural_fit)} judged realnews candidates, "
        f"{sum(item.source == 'injected' for item in fit)} injected, {sum(item.source == 'labelled' for item in fit)} labelled), "
        f"C = {best_c} (out-of-fold log loss {', '.join(f'{c}: {loss:.3f}' for c, loss in losses.items())}), "
        f"thresholds {', '.join(f'{rule} {value:.2f}' for rule, value in thresholds.items())}; high from {high_from:.2f}. "
        f"Unjudged candidates left out: {len(unjudged)}.",
        "",
        "Held-out realnews_dev stories (odd numbers), candidates judged by hand:",
        "",
        f"- candidates {len(held)} ({sum(bool(i.right) for i in held)} right); reported {len(kept)}, right {right}"
        f" (precision {right / len(kept) if kept else float('nan'):.2f}), false alarms per 1,000 sentences "
        f"{1000 * (len(kept) - right) / max(sentences['held-out'], 1):.2f} ({sentences['held-out']} sentences)",
        "- reported by rule (right / wrong): "
        + ", ".join(f"{rule} {per_rule[(rule, True)]}/{per_rule[(rule, False)]}" for rule in sorted({r for r, _ in per_rule})),
        "",
        "Held-out injected edits, recall (rules alone → after the decision layer):",
        "",
        "| kind | cases | rules alone | reported |",
        "|---|---|---|---|",
    ]
    for kind in sorted(recall):
        lines.append(
            f"| {kind} | {len(recall[kind])} | {sum(candidate_recall[kind]) / len(recall[kind]):.2f} | {sum(recall[kind]) / len(recall[kind]):.2f} |"
        )
    lines += [
        "",
        "Calibration of reported findings on held-out stories, by the confidence they carry (natural findings):",
        "",
        "| confidence | findings | right | share right |",
        "|---|---|---|---|",
        *calibration(reported_natural),
        "",
        "The same, natural findings and injected edits together:",
        "",
        "| confidence | findings | right | share right |",
        "|---|---|---|---|",
        *calibration(reported_pooled),
        "",
        "Weights (on raw feature values): " + ", ".join(f"{name} {value:+.2f}" for name, value in zip(FEATURES, model["coefficients"])),
    ]
    arguments.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
