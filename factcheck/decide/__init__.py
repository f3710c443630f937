"""The decision layer: which candidate findings to report, how sure to be, and how severe.

Rules propose candidates by construction (two mentions of one slot of one fact); whether a
candidate is a real discrepancy is decided here, by a scikit-learn logistic regression over
the features in `features.py`, fitted by `training/decision.py` on hand-judged and
injected findings and committed as `model.json` (coefficients, threshold, calibration), so
fitting is reproducible and loading runs no pickled code. The model's probability decides
whether a candidate is reported (at least its rule's threshold, read off out-of-fold
predictions so that rules whose candidates are seldom right need more to be reported); the confidence a finding carries is
that probability calibrated (isotonic regression on out-of-fold predictions, stored as
points), so it reads as the share of such findings that were right; "high" severity starts
where that share reaches ``high_from``. The held-out calibration table in docs/benchmarks.md checks
that the numbers hold on stories not used to fit.

Rules the model was not fitted on (it lists them) keep their own confidence and severity.
Then one edit makes one finding: candidates of several rules about the same sentences are
merged into the most confident one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.decide.features import FEATURES, story_features
from factcheck.records import Finding, Severity
from factcheck.rules.base import StoryContext

MODEL_PATH = Path(__file__).with_name("model.json")
# The share of a rule's findings that must be right for it to be reported (training/decision.py).
RULE_PRECISION = 0.8
Decide = Callable[[list[Finding], StoryContext], list[Finding]]


class DecisionModelError(RuntimeError):
    """The committed model file does not match this code's features."""


@dataclass(frozen=True)
class DecisionModel:
    """The fitted weights and the cut-offs derived from held-out calibration."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    thresholds: dict[str, float]
    high_from: float
    rules: frozenset[str]
    calibration: tuple[tuple[float, ...], tuple[float, ...]]

    @classmethod
    def from_json(cls, data: dict) -> DecisionModel:
        model = cls(
            features=tuple(data["features"]),
            coefficients=tuple(data["coefficients"]),
            intercept=float(data["intercept"]),
            thresholds={rule: float(value) for rule, value in data["thresholds"].items()},
            high_from=float(data["high_from"]),
            rules=frozenset(data["thresholds"]),
            calibration=(tuple(data["calibration"]["probability"]), tuple(data["calibration"]["right"])),
        )
        if model.features != FEATURES or len(model.coefficients) != len(FEATURES):
            raise DecisionModelError(f"{MODEL_PATH}: fitted on other features; re-run python -m training.decision")
        return model

    def probabilities(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """P(real discrepancy) per row, from scikit-learn's own logistic regression."""
        from sklearn.linear_model import LogisticRegression

        classifier = LogisticRegression()
        classifier.classes_ = np.array([0, 1])
        classifier.coef_ = np.array([self.coefficients])
        classifier.intercept_ = np.array([self.intercept])
        return classifier.predict_proba(np.asarray(rows, dtype=float).reshape(len(rows), len(self.features)))[:, 1]

    def confidence(self, probability: float) -> float:
        """The measured share of right findings among those with this probability."""
        points, rates = self.calibration
        return float(np.interp(probability, points, rates))

    def severity(self, confidence: float) -> Severity:
        return Severity.HIGH if confidence >= self.high_from else Severity.MEDIUM


@lru_cache(maxsize=1)
def bundled_model() -> DecisionModel:
    return DecisionModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def decide(findings: list[Finding], story: StoryContext, model: DecisionModel | None = None) -> list[Finding]:
    """The candidates worth a sub-editor's time, with measured confidence, merged per edit."""
    model = model or bundled_model()
    judged = [finding for finding in findings if finding.rule in model.rules]
    kept = [finding for finding in findings if finding.rule not in model.rules]
    if judged:
        for finding, probability in zip(judged, model.probabilities(story_features(judged, story))):
            if probability >= model.thresholds[finding.rule]:
                confidence = model.confidence(probability)
                kept.append(replace(finding, confidence=round(confidence, 3), severity=model.severity(confidence)))
    return merge_same_edit(kept)


@dataclass(frozen=True)
class Reach:
    """How a rule's candidates reach a report: `label` for a table, `detail` for its page."""

    label: str
    detail: str


def reach(rule: str, own_severity: str, model: DecisionModel | None = None) -> Reach:
    """Whether the decision layer reports a rule's candidates, and where their severity comes
    from, so no rule is switched off without saying so."""
    model = model or bundled_model()
    if rule not in model.rules:
        return Reach(own_severity, f"always, {own_severity}, with the rule's own confidence (the decision layer was not fitted on it)")
    threshold = model.thresholds[rule]
    if threshold > 1:
        return Reach(
            "never",
            "never: on the stories the decision layer was fitted on, no cut-off made its findings "
            f"right {RULE_PRECISION:.0%} of the time, so it reports none",
        )
    return Reach(
        "decided",
        f"as the decision layer decides: from probability {threshold:.2f}; high from a calibrated confidence of "
        f"{model.high_from:.2f}, else medium",
    )


def merge_same_edit(findings: list[Finding]) -> list[Finding]:
    """One finding per edit: where several rules flag the same sentences (a swapped speaker
    is also a changed name), the most confident one speaks, and names the others."""
    groups: list[list[Finding]] = []
    for finding in sorted(findings, key=lambda f: (-f.confidence, f.id)):
        home = next((group for group in groups if _same_edit(finding, group[0])), None)
        if home is None:
            groups.append([finding])
        else:
            home.append(finding)
    merged = []
    for leader, *others in groups:
        also = sorted({other.rule for other in others} - {leader.rule})
        note = f" (Also found by {', '.join(also)}.)" if also else ""
        merged.append(replace(leader, message=leader.message + note))
    return merged


def _same_edit(finding: Finding, leader: Finding) -> bool:
    """Two findings that cite the same sentences, unless one rule says two different things
    about them: "Ms Turnbull" and "Jenny Turnrose" are each a misspelling of "Jenny Turnross",
    cited in the same sentences, and each is its own finding."""
    sentences = _sentences(finding)
    if len(sentences & _sentences(leader)) < min(2, len(sentences)):
        return False
    return finding.rule != leader.rule or _spans(finding) == _spans(leader)


def _spans(finding: Finding) -> frozenset[str]:
    return frozenset(evidence.span for evidence in finding.evidence)


def _sentences(finding: Finding) -> set[tuple[str, int]]:
    return {(evidence.article, evidence.start) for evidence in finding.evidence}


def keep_all(findings: list[Finding], story: StoryContext) -> list[Finding]:
    """Every candidate as the rules made it: for fitting and measuring the rules alone."""
    return findings


__all__ = ["FEATURES", "Decide", "DecisionModel", "DecisionModelError", "Reach", "decide", "keep_all", "merge_same_edit", "reach"]
