"""A run killed mid-way (a scheduler's timeout, a closed laptop) leaves the previous report,
claims table and archive intact: each is either the old version or a complete new one.

Each test first completes a run, then kills a second run with SIGKILL, which no handler can
catch: once at the worst moment (rigged in the child process), and once at whatever moment a
timer picks, several times over.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.nightly.archive import ARCHIVE_FILE

STORY = {
    "a.txt": "Jenny Turnross was named corporate director of children's services at Liverpool City Council.\n\n"
    "An inspection by Ofsted found the council's children's services inadequate in four out of five areas.\n",
    "b.txt": "Liverpool City Council's children's services were rated inadequate by Ofsted inspectors.\n\n"
    "Ms Turnbull, the corporate director, said the council would act on every finding of the inspection.\n",
}
EDIT = "Ofsted found the services inadequate in three out of five areas, inspectors said in March.\n"

# Runs the CLI in a child that SIGKILLs itself when it is about to rename the finished
# temporary HTML file over the report (the claims table is written before it).
KILLED_AT_RENAME = """
import os, signal, sys
real_replace = os.replace
def replace(source, destination):
    if str(destination).endswith(".html"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(source, destination)
os.replace = replace
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""

# Runs `factcheck nightly` in a child that SIGKILLs itself inside the archive's transaction,
# after the night's articles are inserted and before its findings are.
KILLED_IN_TRANSACTION = """
import os, signal, sqlite3, sys
class Killing(sqlite3.Connection):
    def executemany(self, sql, rows):
        if sql.startswith("INSERT OR IGNORE INTO findings"):
            os.kill(os.getpid(), signal.SIGKILL)
        return super().executemany(sql, rows)
real_connect = sqlite3.connect
sqlite3.connect = lambda *args, **kwargs: real_connect(*args, factory=Killing, **kwargs)
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check_args(drafts: Path, out: Path) -> list[str]:
    return ["check", str(drafts), "--backend", "tfidf", "--no-cache", "-o", str(out / "report.html"), "--claims", str(out / "claims")]


def factcheck(*args: str, script: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "factcheck", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in [out / "report.html", *sorted((out / "claims").glob("*.jsonl"))]}


def complete(name: str, data: bytes) -> bool:
    text = data.decode("utf-8")
    if name.endswith(".html"):
        return text.rstrip().endswith("</html>")
    return all(json.loads(line) is not None for line in text.splitlines())


def test_a_check_killed_at_the_rename_leaves_the_previous_report(tmp_path):
    drafts = write(tmp_path / "drafts", STORY)
    assert factcheck(*check_args(drafts, tmp_path)).returncode in (0, 1)
    before = snapshot(tmp_path)
    (drafts / "c.txt").write_text(EDIT, encoding="utf-8")
    killed = factcheck(*check_args(drafts, tmp_path), script=KILLED_AT_RENAME)
    assert killed.returncode == -signal.SIGKILL
    assert (tmp_path / "report.html").read_bytes() == before["report.html"]
    assert all(complete(name, data) for name, data in snapshot(tmp_path).items())


def test_a_check_killed_at_any_moment_leaves_old_or_complete_files(tmp_path):
    drafts = write(tmp_path / "drafts", STORY)
    assert factcheck(*check_args(drafts, tmp_path)).returncode in (0, 1)
    old = snapshot(tmp_path)
    (drafts / "c.txt").write_text(EDIT, encoding="utf-8")
    for delay in (0.3, 0.8, 1.3, 1.8, 2.3, 2.8):
        child = subprocess.Popen([sys.executable, "-m", "factcheck", *check_args(drafts, tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        for name, data in snapshot(tmp_path).items():
            assert data == old.get(name) or complete(name, data), f"{name} half-written after a kill at {delay} s"


@pytest.mark.model
def test_a_night_killed_mid_transaction_leaves_the_archive_as_it_was(tmp_path):
    archive, reports = tmp_path / "claims", tmp_path / "reports"
    night = ["--archive", str(archive), "--reports", str(reports)]
    first = factcheck("nightly", str(write(tmp_path / "day1", STORY)), "--date", "2026-11-21", *night)
    assert first.returncode in (0, 1), first.stderr
    index_before = (reports / "2026-11-21" / "index.html").read_bytes()
    articles_before = archived_articles(archive)

    day2 = write(tmp_path / "day2", {"c.txt": EDIT})
    killed = factcheck("nightly", str(day2), "--date", "2026-11-22", *night, script=KILLED_IN_TRANSACTION)
    assert killed.returncode == -signal.SIGKILL
    assert archived_articles(archive) == articles_before
    assert (reports / "2026-11-21" / "index.html").read_bytes() == index_before

    again = factcheck("nightly", str(day2), "--date", "2026-11-22", *night)
    assert again.returncode in (0, 1), again.stderr  # the dead run's lock went with it
    assert len(archived_articles(archive)) == len(articles_before) + 1


def archived_articles(archive: Path) -> list[tuple]:
    with sqlite3.connect(archive / ARCHIVE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT hash, night, story FROM articles ORDER BY hash").fetchall()

