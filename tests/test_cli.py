"""CLI behaviour that needs no model: help, rules, usage errors, exit codes, bad files."""

from __future__ import annotations

import json
import shutil
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "check" in result.output and "rules" in result.output


def test_rules_lists_every_rule_with_code_and_summary():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    assert "FC101" in result.output and "name-variant" in result.output and "number-mismatch" in result.output


def test_rules_explains_one_rule_by_code_or_name():
    by_code = runner.invoke(app, ["rules", "fc101"])
    by_name = runner.invoke(app, ["rules", "name-variant"])
    assert by_code.exit_code == 0 and by_code.output == by_name.output
    assert "Turnbull" in by_code.output and "min_surname_similarity" in by_code.output


def test_unknown_rule_is_a_usage_error():
    result = runner.invoke(app, ["rules", "nope"])
    assert result.exit_code == 2 and "no rule named 'nope'" in result.output


def test_missing_path_argument_is_a_usage_error():
    assert runner.invoke(app, ["check"]).exit_code == 2


def test_bad_config_is_one_line_naming_the_key(tmp_path):
    (tmp_path / "factcheck.toml").write_text("thresold = 1\n")
    (tmp_path / "a.txt").write_text("Jenny Turnross spoke.\n")
    result = runner.invoke(app, ["check", str(tmp_path), "--backend", "tfidf"])
    assert result.exit_code == 2
    assert "unknown setting 'thresold'" in result.output and "Traceback" not in result.output


def write_story(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


TURNBULL = {
    "a.txt": "Jenny Turnross has been named as the new corporate director of children's services.\n"
    "Ms Turnross joins the city from Birmingham.\n"
    "He also made reference to Ms Turnbull starting her role next month.\n",
    "b.txt": "Jenny Turnross, corporate director of children's services, said the findings were a huge leap forward.\n",
}


def test_exit_code_gates_on_fail_on(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    common = ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--format", "json", "--claims", str(tmp_path / "claims")]
    high = runner.invoke(app, common + ["--output", str(tmp_path / "r.json")])
    never = runner.invoke(app, common + ["--output", str(tmp_path / "r2.json"), "--fail-on", "never"])
    assert high.exit_code == 1 and never.exit_code == 0
    assert "Report: " in high.output


def test_stdout_carries_only_the_report_with_output_dash(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--format", "json", "-o", "-", "--claims", str(tmp_path)])
    report = json.loads(result.stdout)
    assert report["schema"] == "factcheck.report/1"


def test_an_unreadable_draft_is_reported_and_the_others_are_still_checked(tmp_path):
    write_story(tmp_path / "drafts", {**TURNBULL, "empty.txt": "   \n"})
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--format", "json", "-o", "-", "--claims", str(tmp_path)])
    report = json.loads(result.stdout)
    assert [error["path"] for error in report["errors"]] == [str(tmp_path / "drafts" / "empty.txt")]
    assert any(f["rule"] == "name-variant" for f in report["findings"])
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr


def test_story_per_folder_compares_articles_only_within_their_story(tmp_path):
    write_story(tmp_path / "inbox" / "council", {"a.txt": TURNBULL["a.txt"].split("\n")[0] + "\n" + TURNBULL["a.txt"].split("\n")[1] + "\n"})
    write_story(tmp_path / "inbox" / "other", {"b.txt": "He also made reference to Ms Turnbull starting her role next month.\n"})
    result = runner.invoke(app, ["check", str(tmp_path / "inbox"), "--story-per-folder", "--backend", "tfidf", "--format", "json", "-o", "-", "--claims", str(tmp_path)])
    report = json.loads(result.stdout)
    assert sorted(story["name"] for story in report["stories"]) == ["council", "other"]
    assert report["findings"] == []


def test_a_typo_in_a_path_is_a_usage_error_and_writes_nothing(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), str(tmp_path / "draftz"), "--backend", "tfidf", "-o", str(tmp_path / "r.html"), "--claims", str(tmp_path / "claims")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "draftz: no such file or folder" in result.stderr
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "claims").exists()


def test_a_folder_with_nothing_readable_is_a_usage_error_naming_each_file(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "drafts" / "b.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "-o", str(tmp_path / "r.html"), "--claims", str(tmp_path / "claims")])
    assert result.exit_code == 2
    assert "a.doc: not read: an old Word (.doc) document; save it as .docx" in result.stderr
    assert "b.txt: empty file" in result.stderr and "nothing to check" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_ignore_round_trip_leaves_the_finding_out_of_the_exit_code_and_shows_it_as_ignored(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    common = ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--claims", str(tmp_path / "claims")]
    first = runner.invoke(app, common + ["--format", "json", "-o", str(tmp_path / "r.json")])
    (finding,) = [f for f in json.loads((tmp_path / "r.json").read_text())["findings"] if f["rule"] == "name-variant"]
    assert first.exit_code == 1 and finding["ignored"] is None

    ignored = runner.invoke(app, ["ignore", finding["id"], str(tmp_path / "drafts"), "--reason", "Turnbull is her married name"])
    assert ignored.exit_code == 0 and (tmp_path / "drafts" / ".factcheck-baseline.json").is_file()

    again = runner.invoke(app, common + ["--format", "json", "-o", str(tmp_path / "r2.json")])
    report = json.loads((tmp_path / "r2.json").read_text())
    assert again.exit_code == 0 and "1 ignored" in again.output
    assert [f["ignored"] for f in report["findings"] if f["id"] == finding["id"]] == ["Turnbull is her married name"]
    html = runner.invoke(app, common + ["-o", str(tmp_path / "r.html")])
    page = (tmp_path / "r.html").read_text()
    assert html.exit_code == 0 and "<details><summary>Ignored: Turnbull is her married name" in page

    new_only = runner.invoke(app, common + ["--format", "json", "-o", str(tmp_path / "r3.json"), "--new-only"])
    assert new_only.exit_code == 0
    assert finding["id"] not in {f["id"] for f in json.loads((tmp_path / "r3.json").read_text())["findings"]}


def test_ignore_refuses_a_malformed_id_or_an_empty_reason(tmp_path):
    bad_id = runner.invoke(app, ["ignore", "not-an-id", str(tmp_path), "--reason", "x"])
    no_reason = runner.invoke(app, ["ignore", "name-variant-878c7ff214e1", str(tmp_path), "--reason", " "])
    assert bad_id.exit_code == 2 and "is not a finding id" in bad_id.output
    assert no_reason.exit_code == 2 and "a reason is required" in no_reason.output
    assert not (tmp_path / ".factcheck-baseline.json").exists()


def test_a_broken_baseline_is_a_one_line_error_naming_the_file(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    (tmp_path / "drafts" / ".factcheck-baseline.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "-o", str(tmp_path / "r.html"), "--claims", str(tmp_path)])
    assert result.exit_code == 2 and ".factcheck-baseline.json: not a factcheck baseline" in result.output
    assert "Traceback" not in result.output


def test_nightly_usage_errors_are_one_line(tmp_path):
    missing = runner.invoke(app, ["nightly", str(tmp_path / "nope")])
    bad_date = runner.invoke(app, ["nightly", str(tmp_path), "--date", "23/11/2026"])
    tfidf = runner.invoke(app, ["nightly", str(tmp_path), "--backend", "tfidf", "--archive", str(tmp_path / "claims")])
    assert missing.exit_code == 2 and "no such folder" in missing.output
    assert bad_date.exit_code == 2 and "--date must be YYYY-MM-DD" in bad_date.output
    assert tfidf.exit_code == 2 and "'tfidf' is not one of 'onnx', 'torch', 'static'" in tfidf.output


def test_ignore_refuses_an_id_no_current_finding_has(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--claims", str(tmp_path / "claims"), "-o", str(tmp_path / "r.json"), "-f", "json"])
    result = runner.invoke(app, ["ignore", "name-variant-000000000000", str(tmp_path / "drafts"), "--reason", "x"])
    assert result.exit_code == 2 and "no check reported a finding with this id" in result.stderr
    assert not (tmp_path / "drafts" / ".factcheck-baseline.json").exists()


def test_ignore_finds_the_baseline_of_the_drafts_that_reported_the_id_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))  # no other test's checks
    write_story(tmp_path / "drafts", TURNBULL)
    runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--claims", str(tmp_path / "claims"), "-o", str(tmp_path / "r.json"), "-f", "json"])
    (finding,) = [f for f in json.loads((tmp_path / "r.json").read_text())["findings"] if f["rule"] == "name-variant"]
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    result = runner.invoke(app, ["ignore", finding["id"], "--reason", "married name"])
    assert result.exit_code == 0, result.output
    assert finding["id"] in json.loads((tmp_path / "drafts" / ".factcheck-baseline.json").read_text())["ignored"]
    assert not list((tmp_path / "elsewhere").iterdir())


def test_running_inside_the_drafts_folder_twice_finds_the_same_and_never_reads_its_own_output(tmp_path, monkeypatch):
    """Outputs go to a visible factcheck-output/ there, never read as drafts, so the second
    run reads the same drafts; the report is named by its full file URL."""
    write_story(tmp_path / "drafts", TURNBULL)
    monkeypatch.chdir(tmp_path / "drafts")
    runs = [runner.invoke(app, ["check", ".", "--backend", "tfidf", "--no-cache", "-f", fmt]) for fmt in ("json", "json", "html", "markdown")]
    assert {run.exit_code for run in runs} == {1}
    reports = sorted(path.name for path in (tmp_path / "drafts" / "factcheck-output" / "reports").iterdir())
    assert reports == ["drafts.html", "drafts.json", "drafts.md"]
    assert (tmp_path / "drafts" / "factcheck-output" / "claims" / "drafts.jsonl").is_file()
    assert sorted(path.name for path in (tmp_path / "drafts").iterdir()) == sorted(["factcheck-output", *TURNBULL])
    assert len({run.output.split(". Report")[0] for run in runs}) == 1
    assert "not read" not in "".join(run.output for run in runs)
    url = (tmp_path / "drafts" / "factcheck-output" / "reports" / "drafts.md").resolve().as_uri()
    assert runs[-1].output.strip().endswith(f"Report: {url}")


def test_a_report_written_among_the_drafts_is_not_read_next_run(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    common = ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--no-cache", "--claims", str(tmp_path / "claims")]
    first = runner.invoke(app, common + ["-o", str(tmp_path / "drafts" / "report.html")])
    second = runner.invoke(app, common + ["-f", "markdown", "-o", str(tmp_path / "drafts" / "report.md")])
    third = runner.invoke(app, common + ["-f", "json", "-o", str(tmp_path / "r.json")])
    assert first.output.split(". Report")[0] == second.output.split(". Report")[0] == third.output.split(". Report")[0]
    assert third.stderr == ""


def test_runs_on_different_sets_of_paths_get_different_report_names(tmp_path, monkeypatch):
    write_story(tmp_path / "one", TURNBULL)
    write_story(tmp_path / "two", TURNBULL)
    write_story(tmp_path / "three", TURNBULL)
    monkeypatch.chdir(tmp_path)
    for paths in (["one", "two"], ["one", "three"]):
        runner.invoke(app, ["check", *paths, "--backend", "tfidf", "--no-cache", "-f", "json"])
    assert sorted(path.name for path in (tmp_path / "reports").iterdir()) == ["one+three.json", "one+two.json"]


def test_concise_format_is_one_line_per_finding_an_editor_can_jump_to(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    result = runner.invoke(app, ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--no-cache", "--claims", str(tmp_path / "claims"), "-f", "concise"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    first = next(line for line in lines if " FC101 " in line)
    path, line, column, rest = re.fullmatch(r"(.+):(\d+):(\d+):(.*)", first).groups()  # a Windows path holds a colon
    text = Path(path).read_text(encoding="utf-8").split("\n")[int(line) - 1]
    assert text[int(column) - 1 :].startswith(("Ms Turnbull", "Turnbull", "Jenny Turnross"))
    assert rest.startswith(" FC101 [medium] ") or rest.startswith(" FC101 [high] ")
    assert "id name-variant-" in first and "also " in first
    assert lines[-1].startswith("2 articles,") and lines[-1].endswith("). [factcheck-report]"), lines[-1]


def test_a_file_not_read_is_named_on_stderr_in_concise_as_in_every_format(tmp_path):
    write_story(tmp_path / "drafts", TURNBULL)
    (tmp_path / "drafts" / "broken.docx").write_bytes(b"not a zip")
    common = ["check", str(tmp_path / "drafts"), "--backend", "tfidf", "--no-cache", "--claims", str(tmp_path / "claims")]
    for extra in (["-f", "concise"], ["-f", "json", "-o", str(tmp_path / "r.json")]):
        result = runner.invoke(app, common + extra)
        assert "broken.docx: not a valid Word document" in result.stderr
        assert "broken.docx" not in result.stdout.replace("1 not read", "")


def _checked(tmp_path, *folders, story=TURNBULL):
    for folder in folders:
        write_story(tmp_path / folder, story)
        runner.invoke(app, ["check", str(tmp_path / folder), "--backend", "tfidf", "--claims", str(tmp_path / "claims"), "-o", str(tmp_path / "r.json"), "-f", "json"])
    return [f for f in json.loads((tmp_path / "r.json").read_text())["findings"] if f["rule"] == "name-variant"]


def test_ignore_takes_the_folder_you_stand_in_then_your_latest_check_and_forgets_deleted_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    (finding,) = _checked(tmp_path, "gone", "monday", "tuesday")
    shutil.rmtree(tmp_path / "gone")
    monkeypatch.chdir(tmp_path / "monday")
    inside = runner.invoke(app, ["ignore", finding["id"], "--reason", "married name"])
    assert inside.exit_code == 0, inside.stderr
    assert (tmp_path / "monday" / ".factcheck-baseline.json").is_file()
    monkeypatch.chdir(tmp_path)
    latest = runner.invoke(app, ["ignore", finding["id"], "--reason", "married name"])
    assert latest.exit_code == 0 and (tmp_path / "tuesday" / ".factcheck-baseline.json").is_file(), latest.stderr


def test_ignore_asks_only_when_neither_where_you_stand_nor_your_latest_check_decides(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    (finding,) = _checked(tmp_path, "monday", "tuesday")
    _checked(tmp_path, "clean", story={"a.txt": "The council met on Monday.", "b.txt": "The council met on Monday evening."})
    ambiguous = runner.invoke(app, ["ignore", finding["id"], "--reason", "married name"])
    assert ambiguous.exit_code == 2 and "monday" in ambiguous.stderr and "tuesday" in ambiguous.stderr
    assert "gone" not in ambiguous.stderr
    named = runner.invoke(app, ["ignore", finding["id"], str(tmp_path / "monday"), "--reason", "married name"])
    assert named.exit_code == 0 and (tmp_path / "monday" / ".factcheck-baseline.json").is_file()
    assert not (tmp_path / "tuesday" / ".factcheck-baseline.json").exists()


def test_ignore_list_and_undo(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    (finding,) = _checked(tmp_path, "drafts")
    monkeypatch.chdir(tmp_path / "drafts")
    assert "nothing is ignored" in runner.invoke(app, ["ignore", "--list"]).output
    runner.invoke(app, ["ignore", finding["id"], "--reason", "her married name"])
    listed = runner.invoke(app, ["ignore", "--list"]).output
    assert finding["id"] in listed and "her married name" in listed
    monkeypatch.chdir(tmp_path)
    assert finding["id"] in runner.invoke(app, ["ignore", "--list", str(tmp_path / "drafts")]).output
    undone = runner.invoke(app, ["ignore", "--undo", finding["id"]])
    assert undone.exit_code == 0 and "counted again" in undone.output, undone.stderr
    assert "nothing is ignored" in runner.invoke(app, ["ignore", "--list", str(tmp_path / "drafts")]).output
    again = runner.invoke(app, ["ignore", "--undo", finding["id"]])
    assert again.exit_code == 2 and "not ignored" in again.stderr


def test_rules_say_how_each_rule_reaches_a_report():
    listed = runner.invoke(app, ["rules"]).output
    rows = {line.split()[1]: line.split()[2] for line in listed.splitlines() if line.startswith("FC")}
    assert rows["quote-attribution"] == "never" and rows["name-variant"] == "decided" and rows["house-style"] == "high"
    page = runner.invoke(app, ["rules", "FC602"]).output
    assert "Reported: never" in page.splitlines()[1]


def test_the_readme_rules_table_says_what_the_shipped_model_does():
    from pathlib import Path

    from factcheck.decide import reach
    from factcheck.rules import RULES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = {cells[1]: cells[3] for line in readme.splitlines() if line.startswith("| FC") for cells in [line.split(" | ")]}
    assert table == {name: reach(name, rule.severity).label for name, rule in RULES.items()}


def test_help_reads_at_80_columns_with_no_bool_placeholders_and_no_cut_values():
    import os

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        top = runner.invoke(app, ["--help"]).output
        check = runner.invoke(app, ["check", "--help"]).output
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous
    assert "<bool>" not in top + check and "…" not in check
    assert all(len(line) <= 80 for line in (top + check).splitlines())
    assert "bundled all-MiniLM-L6-v2" in check


@pytest.mark.parametrize("arguments", [["check", "--workers", "0", "seeds"], ["check", "--bogus", "seeds"], ["check"], ["nightly", "seeds", "--backend", "tfidf"]])
def test_a_usage_error_is_one_line_with_the_fix(arguments):
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, "-m", "factcheck", *arguments], capture_output=True, text=True, timeout=120)
    lines = completed.stderr.strip().splitlines()
    assert completed.returncode == 2 and len(lines) == 1, completed.stderr
    assert lines[0].startswith("factcheck: error: ") and lines[0].endswith("--help`)")
