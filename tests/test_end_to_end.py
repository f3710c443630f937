"""The whole product on the five sample articles, through the real CLI and the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "seeds/", "--format", "json", "--output", str(out / "seeds.json"), "--claims", str(out / "claims")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return completed, json.loads((out / "seeds.json").read_text(encoding="utf-8")), out


def test_exit_code_is_one_because_the_seeds_hold_a_reported_finding(seeds_run):
    completed, _, _ = seeds_run
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr


def test_turnbull_is_the_one_finding_of_the_seeds_a_name_variant_of_turnross(seeds_run):
    _, report, _ = seeds_run
    assert len(report["findings"]) == 1, [f["message"] for f in report["findings"]]
    variants = [f for f in report["findings"] if f["rule"] == "name-variant" and f["severity"] in ("high", "medium")]
    matching = [
        f
        for f in variants
        if any("Ms Turnbull" in e["sentence"] and e["article"] == "seeds/002_8cd612f67b59f15f.txt" for e in f["evidence"])
        and any("Turnross" in e["sentence"] for e in f["evidence"])
    ]
    assert matching, [f["message"] for f in report["findings"]]


def test_no_finding_cites_a_boilerplate_line(seeds_run):
    _, report, _ = seeds_run
    furniture = ("READ MORE", "READ NEXT", "Sign up", "Sign in", "Related Stories", "Download the app", "One app", "Live updates as road closed")
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            assert not any(words in evidence["sentence"] for words in furniture), evidence


def test_evidence_offsets_slice_the_file_text(seeds_run):
    _, report, _ = seeds_run
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            text = (ROOT / evidence["article"]).read_text(encoding="utf-8")
            assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
            assert evidence["span"] in evidence["sentence"]


def test_every_article_is_reported_in_one_story(seeds_run):
    _, report, _ = seeds_run
    assert [story["name"] for story in report["stories"]] == ["seeds"]
    assert len(report["articles"]) == 5 and all(article["sentences"] > 3 for article in report["articles"])
    assert report["errors"] == []


def test_claims_table_opens_with_pandas(seeds_run):
    import pandas as pd

    _, report, out = seeds_run
    table = pd.read_json(out / "claims" / "seeds.jsonl", lines=True)
    assert len(table) == sum(article["sentences"] for article in report["articles"])
    assert {"article", "sentence", "start", "end", "text", "people", "quantities", "dates", "quotes"} <= set(table.columns)
    turnbull = table[table.text.str.contains("Ms Turnbull")]
    assert turnbull.iloc[0].people[0]["surname"] == "Turnbull"


def test_same_input_gives_byte_identical_json(seeds_run, tmp_path):
    _, _, out = seeds_run
    again = tmp_path / "again.json"
    subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "seeds/", "--format", "json", "--output", str(again), "--claims", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert again.read_bytes() == (out / "seeds.json").read_bytes()


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_json_is_byte_identical_without_the_cache_whatever_the_hash_seed(seeds_run, tmp_path, hash_seed):
    """Set and dict orders that depend on string hashing must never reach the output."""
    import os

    _, _, out = seeds_run
    fresh = tmp_path / "fresh.json"
    subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "seeds/", "--no-cache", "--format", "json", "--output", str(fresh), "--claims", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": hash_seed},
    )
    assert fresh.read_bytes() == (out / "seeds.json").read_bytes()
