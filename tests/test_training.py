"""The decision layer's fit (training/decision.py), run on tiny rows: it must be reproducible
and write a model the product loads, learning the signal the rows carry."""

import json

import numpy as np

from factcheck.decide import FEATURES, DecisionModel
from factcheck.records import Evidence, Finding, Severity
from training.candidates import Candidate
from training.decision import fit_model

SIGNAL = FEATURES.index("span similarity")


def tiny_rows() -> list[Candidate]:
    """Eight stories of candidates whose rightness follows one feature, with noise."""
    rng = np.random.default_rng(5)
    rows = []
    for index in range(80):
        rule = ("name-variant", "number-mismatch")[index % 2]
        right = bool(index % 3)
        features = rng.normal(0.0, 1.0, len(FEATURES))
        features[SIGNAL] = (0.8 if right else 0.3) + rng.normal(0.0, 0.15)
        evidence = (Evidence("a.txt", "A sentence.", 0, 11, "A", 0, 1),)
        finding = Finding(rule, Severity.MEDIUM, 0.5, f"s{index % 8:03d}-story", "m", evidence, id=f"{rule}-{index}")
        rows.append(Candidate(finding, tuple(float(value) for value in features), "fit", right, "realnews"))
    return rows


def test_the_fit_is_reproducible_and_loads_as_the_products_model():
    first, losses, _ = fit_model(tiny_rows())
    second, _, _ = fit_model(tiny_rows())
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    model = DecisionModel.from_json(first)
    assert model.coefficients[SIGNAL] > 0, "the feature that carries the signal must weigh for a report"
    assert set(losses) and min(losses.values()) < 0.69
    sure, unsure = (np.zeros(len(FEATURES)) for _ in range(2))
    sure[SIGNAL], unsure[SIGNAL] = 0.9, 0.2
    assert model.probabilities([sure])[0] > model.probabilities([unsure])[0]
