"""The nightly archive on a real PostgreSQL server (.ci/run installs and starts one): the same
findings as the SQLite file, one night at a time, a killed night leaving it as it was, and
one-line errors for a server that cannot be used. The nightly tests of test_nightly.py run on
both stores too (the archive_url fixture)."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date

import pytest

from factcheck.config import Settings
from factcheck.nightly import ArchiveBusy, run_night
from factcheck.nightly.postgres import ArchiveServerError, PostgresArchive, shown

pytestmark = pytest.mark.model

STORY = {
    "a.txt": "Jenny Turnross was named corporate director of children's services at Liverpool City Council.\n\n"
    "An inspection by Ofsted found the council's children's services inadequate in four out of five areas.\n",
    "b.txt": "Liverpool City Council's children's services were rated inadequate by Ofsted inspectors.\n\n"
    "Ms Turnbull, the corporate director, said the council would act on every finding of the inspection.\n",
}
EDIT = {"c.txt": "Ofsted found the services inadequate in three out of five areas, inspectors said in March.\n"}

# `factcheck nightly` in a child that SIGKILLs itself inside the night's transaction, after
# its articles are written and before its findings are.
KILLED_IN_TRANSACTION = """
import os, signal, sys
import psycopg
real = psycopg.Cursor.executemany
def executemany(self, query, rows, **kwargs):
    if str(query).startswith("INSERT INTO findings"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, query, rows, **kwargs)
psycopg.Cursor.executemany = executemany
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""


def write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def findings_of(done) -> list[tuple]:
    return sorted((f.id, f.rule, f.severity, f.message, f.confidence) for f in done.result.findings)


def test_two_nights_on_the_server_and_on_sqlite_find_the_same(tmp_path, minilm, postgres_url):
    url = postgres_url
    days = [(write(tmp_path / "day1", STORY), date(2026, 11, 21)), (write(tmp_path / "day2", EDIT), date(2026, 11, 22))]
    on_sqlite = [run_night(inbox, day, tmp_path / "sqlite", Settings(), minilm) for inbox, day in days]
    on_server = [run_night(inbox, day, tmp_path / "server", Settings(), minilm, archive_url=url) for inbox, day in days]
    assert [findings_of(done) for done in on_server] == [findings_of(done) for done in on_sqlite]
    assert [sorted(f.id for f in done.new_findings) for done in on_server] == [sorted(f.id for f in done.new_findings) for done in on_sqlite]
    assert on_server[1].result.findings, "the edit contradicts the first night"
    assert not (tmp_path / "server" / "archive.sqlite").exists()


def test_a_second_night_at_once_is_refused_and_the_lock_goes_with_its_holder(postgres_url):
    url = postgres_url
    holder = PostgresArchive(url, "model", "code")
    with pytest.raises(ArchiveBusy, match="another nightly run is using this archive"):
        PostgresArchive(url, "model", "code")
    holder.close()
    PostgresArchive(url, "model", "code").close()


def test_a_night_killed_mid_transaction_leaves_the_server_archive_as_it_was(tmp_path, postgres_url):
    import psycopg

    url = postgres_url
    common = ["--archive", url, "--reports", str(tmp_path / "reports")]

    def nightly(inbox, day, script=None):
        if script is None:
            command = [sys.executable, "-m", "factcheck", "nightly", str(inbox), "--date", day, *common]
        else:
            command = [sys.executable, "-c", script, "nightly", str(inbox), "--date", day, *common]
        return subprocess.run(command, capture_output=True, text=True, timeout=600)

    def archived():
        with psycopg.connect(url) as connection:
            return connection.execute("SELECT hash, night, story FROM articles ORDER BY hash").fetchall()

    first = nightly(write(tmp_path / "day1", STORY), "2026-11-21")
    assert first.returncode in (0, 1), first.stderr
    before = archived()
    day2 = write(tmp_path / "day2", EDIT)
    killed = nightly(day2, "2026-11-22", KILLED_IN_TRANSACTION)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert archived() == before
    again = nightly(day2, "2026-11-22")
    assert again.returncode in (0, 1), again.stderr  # the server dropped the dead night's lock
    assert len(archived()) == len(before) + 1


def test_a_server_that_cannot_be_used_is_one_line_and_keeps_its_password(tmp_path):
    inbox = write(tmp_path / "inbox", STORY)
    url = "postgresql://factcheck:secret@127.0.0.1:1/nowhere"
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "nightly", str(inbox), "--archive", url, "--reports", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert completed.returncode == 2
    (line,) = completed.stderr.strip().splitlines()
    assert "cannot connect to the archive" in line and "secret" not in line and shown(url) in line


def test_tables_of_another_program_are_refused_and_left_alone(postgres_url):
    import psycopg

    url = postgres_url
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER, body TEXT)")
    with pytest.raises(ArchiveServerError, match="not a factcheck archive"):
        PostgresArchive(url, "model", "code")
    with psycopg.connect(url) as connection:
        assert [row[0] for row in connection.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'")] == ["id", "body"]
