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


def test_a_newsroom_day_seeds_plus_a_word_table_and_a_markdown_draft(tmp_path):
    """A sub-editor's folder: the seeds, a Word draft with a tracked insertion and a table, a
    Markdown draft and an .rtf nobody can read. Turnbull is still the one finding, markup
    never reaches evidence, the .rtf costs one line, and the number rule sees the table's "3
    out of 5" against the seeds' "four out of five" (whether it is reported is the decision
    layer's call: see the README's decision-layer notes)."""
    import shutil

    from test_ingest_word import docx, inserted, paragraph, run, table

    from factcheck.config import Settings
    from factcheck.decide import keep_all
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths

    drafts = tmp_path / "drafts"
    shutil.copytree(ROOT / "seeds", drafts)
    (drafts / "inspection.docx").write_bytes(
        docx(
            paragraph(run("Jenny Turnross, the new "), inserted("corporate director of children's services, "), run("said the council accepted the findings."))
            + table(["Service", "Areas rated inadequate"], ["Children's services", "3 out of 5"])
        )
    )
    (drafts / "note.md").write_text(
        "---\ntitle: Turnross appointment\n---\n**Jenny Turnross** starts as [corporate director](https://example.org) in August, the council said.\n",
        encoding="utf-8",
    )
    (drafts / "old.rtf").write_text("{\\rtf1 Council}", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "drafts", "-f", "json", "-o", "-"], cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    report = json.loads(completed.stdout)
    assert completed.returncode == 1 and completed.stderr.count("old.rtf: not read") == 1
    assert [f["rule"] for f in report["findings"]] == ["name-variant"]
    assert len(report["articles"]) == 7
    evidence = [e for f in report["findings"] for e in f["evidence"]]
    assert not any("**" in e["sentence"] or "](" in e["sentence"] for e in evidence)

    candidates = check_paths([str(drafts)], Settings(), TfidfEmbedder(), judge=keep_all).result.findings
    ratio = [f for f in candidates if f.rule == "number-mismatch" and {e.span for e in f.evidence} >= {"3 out of 5"}]
    assert ratio and any(e.span.startswith("four out of five") for e in ratio[0].evidence)


def test_a_draft_misspelling_turnross_another_way_keeps_the_turnbull_finding(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for seed in (ROOT / "seeds").glob("*.txt"):
        (drafts / seed.name).write_bytes(seed.read_bytes())
    (drafts / "005_extra.txt").write_text(
        "Council leader speaks out\n\nJenny Turnrose, the corporate director of children's services, said the council "
        "was working hard to improve after the Ofsted inspection.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(drafts), "--format", "json", "--output", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 1, completed.stderr
    spans = {f["evidence"][0]["span"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"] == "name-variant"}
    assert spans == {"Ms Turnbull", "Jenny Turnrose"}



def test_make_demo_on_a_fresh_clone_says_little_on_success(tmp_path):
    """The README's first command as a newcomer runs it: a new venv, every install, the
    demo (about two minutes). Success is a handful of lines ending on the report's path."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    python = Path(sys.base_prefix) / "bin" / "python3"
    completed = subprocess.run(
        ["make", "--no-print-directory", "demo", f"PYTHON={python}"], cwd=clone, capture_output=True, text=True, timeout=1200
    )
    lines = (completed.stdout + completed.stderr).strip().splitlines()
    assert completed.returncode == 0, lines[-20:]
    assert len(lines) <= 5, lines[:20]
    assert "reports/seeds.html" in completed.stdout.strip().splitlines()[-1]
