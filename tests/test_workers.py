"""Runs on a Dask cluster give the answers a single process gives, survive a worker that
dies, and refuse an unreachable scheduler in one line."""

from __future__ import annotations

import os
import signal
import threading
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

pytest.importorskip("distributed", reason="the dask extra is not installed")

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FOOTBALL = {
    "match-a.txt": "United beat City 3-1 at Old Trafford on Saturday. Marcus Rashford scored twice.\n",
    "match-b.txt": "United beat City 3-2 at Old Trafford on Saturday. Marcus Rashford scored twice, said manager Erik ten Hag.\n",
}


def mixed_inbox(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in FOOTBALL.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def nightly(inbox: Path, out: Path, *options: str):
    return runner.invoke(
        app, ["nightly", str(inbox), "--date", "2026-11-22", "--archive", str(out / "claims"), "--reports", str(out / "reports"), *options]
    )


def test_two_workers_give_byte_identical_findings_for_nightly_and_story_per_folder(tmp_path, minilm):
    inbox = mixed_inbox(tmp_path / "inbox")
    alone = nightly(inbox, tmp_path / "alone")
    spread = nightly(inbox, tmp_path / "spread", "--workers", "2")
    assert alone.exit_code == spread.exit_code, (alone.output, spread.output)
    findings = [(tmp_path / run / "reports" / "2026-11-22" / "findings.json").read_bytes() for run in ("alone", "spread")]
    assert findings[0] == findings[1] and b"Turnbull" in findings[0]

    folders = tmp_path / "by-folder"
    (folders / "council").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        (folders / "council" / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    mixed_inbox(folders / "football")
    reports = []
    for options in ([], ["--workers", "2"]):
        output = tmp_path / f"check{len(options)}.json"
        result = runner.invoke(app, ["check", str(folders), "--story-per-folder", "-f", "json", "-o", str(output), "--no-cache", *options])
        assert result.exit_code == 1, result.output
        reports.append(output.read_bytes())
    assert reports[0] == reports[1]


def test_a_worker_killed_mid_night_has_its_tasks_run_elsewhere(tmp_path, minilm):
    from factcheck.config import Settings
    from factcheck.nightly import run_night
    from factcheck.workers import EmbedderSpec, connect

    inbox = mixed_inbox(tmp_path / "inbox")
    expected = run_night(inbox, date(2026, 11, 22), tmp_path / "alone", Settings(), minilm)
    cluster = connect(None, 2, EmbedderSpec())
    cluster.articles_per_task = 1  # many small tasks, so some are in flight when the kill lands
    try:
        pids = list(cluster.client.run(os.getpid).values())
        killed = pids[0]
        original_map = cluster.map

        def map_and_kill(task, items, description=""):
            """Kill one worker process as soon as the first tasks are out."""
            if killed in pids:
                pids.remove(killed)
                threading.Timer(0.01, os.kill, (killed, signal.SIGKILL)).start()
            return original_map(task, items, description)

        cluster.map = map_and_kill
        survived = run_night(inbox, date(2026, 11, 22), tmp_path / "spread", Settings(), minilm, runner=cluster)
        assert killed not in cluster.client.run(os.getpid).values()
    finally:
        cluster.close()
    assert [f.id for f in survived.result.findings] == [f.id for f in expected.result.findings]
    assert survived.result.findings


def test_an_unreachable_scheduler_is_one_line_naming_it_before_anything_runs(tmp_path):
    check = runner.invoke(app, ["check", str(SEEDS), "--dask", "tcp://127.0.0.1:1", "-o", str(tmp_path / "r.html")])
    assert check.exit_code == 2
    assert check.output.strip() == "factcheck: error: no Dask scheduler reachable at tcp://127.0.0.1:1 (Connection refused); nothing was checked"
    night = nightly(mixed_inbox(tmp_path / "inbox"), tmp_path, "--dask", "tcp://127.0.0.1:1")
    assert night.exit_code == 2 and night.output.count("\n") == 1 and "tcp://127.0.0.1:1" in night.output
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "claims").exists()


def test_a_worker_running_other_code_refuses_its_tasks():
    from factcheck.workers import EmbedderSpec, RunnerError, worker_embedder

    with pytest.raises(RunnerError, match="another version of factcheck"):
        worker_embedder(EmbedderSpec(code="a fingerprint of some other factcheck"))


def test_a_cluster_whose_workers_cannot_start_is_one_line_and_is_shut_down():
    import multiprocessing

    from factcheck.workers import EmbedderSpec, RunnerError, connect

    with pytest.raises(RunnerError, match="another version of factcheck"):
        connect(None, 1, EmbedderSpec(code="a fingerprint of some other factcheck"))
    assert multiprocessing.active_children() == []


def test_dask_and_workers_together_are_refused_in_one_line(tmp_path):
    result = runner.invoke(app, ["check", str(SEEDS), "--dask", "tcp://127.0.0.1:1", "--workers", "2", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output == "factcheck: error: give --dask ADDRESS (an existing cluster) or --workers N (a cluster here), not both\n"
