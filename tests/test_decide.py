import json
from dataclasses import replace

import pytest
from conftest import extracted_story

from factcheck.decide import FEATURES, MODEL_PATH, DecisionModel, DecisionModelError, bundled_model, decide, merge_same_edit
from factcheck.records import Evidence, Finding, Severity


def model_with(**changes) -> DecisionModel:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data.update(changes)
    return DecisionModel.from_json(data)


def finding(rule: str, confidence: float, sentences: list[tuple[str, int]], message: str = "m") -> Finding:
    evidence = tuple(Evidence(article, "A sentence.", start, start + 11, "A", start, start + 1) for article, start in sentences)
    return Finding(rule, Severity.MEDIUM, confidence, "story", message, evidence, id=f"{rule}-{confidence}")


def test_the_committed_model_matches_the_features_and_a_stale_one_is_refused():
    model = bundled_model()
    assert model.features == FEATURES and len(model.coefficients) == len(FEATURES)
    assert set(model.thresholds) and all(0 <= value <= 1.01 for value in model.thresholds.values())
    with pytest.raises(DecisionModelError, match="re-run python -m training.decision"):
        model_with(features=list(FEATURES[:-1]), coefficients=list(model.coefficients[:-1]))


def test_confidence_is_the_calibrated_share_right_and_severity_follows_it():
    model = model_with(calibration={"probability": [0.2, 0.6, 0.9], "right": [0.1, 0.5, 0.95]}, high_from=0.8)
    assert model.confidence(0.6) == pytest.approx(0.5) and model.confidence(0.99) == pytest.approx(0.95)
    assert model.severity(0.95) is Severity.HIGH and model.severity(0.5) is Severity.MEDIUM


def test_candidates_below_their_rule_threshold_are_dropped_and_unfitted_rules_pass():
    texts = {
        "a.txt": "Jenny Turnross has been named the new corporate director.\nMs Turnross joins from Birmingham.\nHe also mentioned Ms Turnbull.",
        "b.txt": "Jenny Turnross, corporate director of children's services, spoke.",
    }
    story = extracted_story(texts)
    candidate = finding("name-variant", 0.9, [("a.txt", 0), ("b.txt", 0)])
    unfitted = finding("house-style", 0.7, [("a.txt", 99)])
    never = model_with(thresholds={name: 1.01 for name in bundled_model().thresholds})
    always = model_with(thresholds={name: 0.0 for name in bundled_model().thresholds})
    assert [f.rule for f in decide([candidate, unfitted], story, never)] == ["house-style"]
    kept = decide([candidate, unfitted], story, always)
    assert {f.rule for f in kept} == {"name-variant", "house-style"}
    assert next(f for f in kept if f.rule == "house-style").confidence == 0.7


def test_one_edit_makes_one_finding_naming_the_other_rules():
    swapped = finding("entity-mismatch", 0.6, [("a.txt", 0), ("b.txt", 5)], "The accounts differ.")
    attributed = finding("quote-attribution", 0.9, [("a.txt", 0), ("b.txt", 5)], "The same words, two speakers.")
    elsewhere = finding("number-mismatch", 0.8, [("a.txt", 40), ("b.txt", 50)])
    merged = merge_same_edit([swapped, attributed, elsewhere])
    assert [f.rule for f in merged] == ["quote-attribution", "number-mismatch"]
    assert merged[0].message == "The same words, two speakers. (Also found by entity-mismatch.)"


def test_one_rule_saying_two_things_about_the_same_sentences_makes_two_findings():
    turnbull = finding("name-variant", 0.9, [("a.txt", 0), ("b.txt", 5)], "Ms Turnbull is a misspelling.")
    turnrose = finding("name-variant", 0.8, [("a.txt", 0), ("b.txt", 5)], "Jenny Turnrose is a misspelling.")
    turnrose = replace(turnrose, evidence=tuple(replace(e, span="Jenny Turnrose") for e in turnrose.evidence))
    assert len(merge_same_edit([turnbull, turnrose])) == 2
    assert len(merge_same_edit([turnbull, replace(turnbull, id="again", confidence=0.5)])) == 1


def test_reach_says_whether_a_rule_can_be_reported_and_by_whom():
    from factcheck.decide import reach

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["thresholds"] = {"name-variant": 0.4, "quote-attribution": 1.01}
    model = DecisionModel.from_json(data)
    assert reach("name-variant", "high", model).label == "decided"
    assert reach("quote-attribution", "high", model).label == "never"
    assert reach("house-style", "medium", model).label == "medium"
