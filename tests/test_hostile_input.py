"""Broken and hostile drafts mixed with good ones: one error line each, the rest still checked.

The committed folder tests/fixtures/hostile holds every bad file that git can carry; the test
adds the ones it cannot (a symlink loop, a file nobody may read, a file over the size limit).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"

# file name -> words its one error line must contain
EXPECTED_ERRORS = {
    "empty.txt": "empty file",
    "whitespace only.txt": "only whitespace",
    "binary.txt": "binary file",
    "corrupted utf8.txt": "invalid UTF-8",
    "not a zip.docx": "not a zip",
    "zip bomb.docx": "zip bomb",
    "loop one.txt": "leads nowhere",
    "loop two.txt": "leads nowhere",
    "no permission.txt": "Permission denied",
    "too large.txt": "too large",
}
READABLE = {"good draft ü.txt", "second draft.md", "scripts.html", "utf16 with bom.txt", "windows-1252.txt"}


@pytest.fixture
def hostile_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "drafts folder"
    shutil.copytree(FIXTURES, folder)
    (folder / "loop one.txt").symlink_to("loop two.txt")
    (folder / "loop two.txt").symlink_to("loop one.txt")
    (folder / "too large.txt").write_text("The council met on Monday. " * 2500, encoding="utf-8")
    (folder / "factcheck.toml").write_text("max_file_bytes = 50000\n", encoding="utf-8")
    locked = folder / "no permission.txt"
    locked.write_text("The council met on Monday.\n", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: fail the read the way a user's would
        real_read = Path.read_bytes

        def refuse(path: Path) -> bytes:
            if path.name == locked.name:
                raise PermissionError(13, "Permission denied", str(path))
            return real_read(path)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    yield folder
    locked.chmod(0o644)


@pytest.fixture
def checked(hostile_folder, tmp_path):
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["check", str(hostile_folder), "--backend", "tfidf", "--no-cache", "--format", "json", "-o", str(report), "--claims", str(tmp_path / "claims")]
    )
    return result, json.loads(report.read_text(encoding="utf-8"))


def test_every_bad_draft_is_one_stderr_line_naming_file_and_reason(checked):
    result, _ = checked
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("factcheck: ") and "warning" not in line]
    assert len(lines) == len(EXPECTED_ERRORS), lines
    for name, reason in EXPECTED_ERRORS.items():
        (line,) = [line for line in lines if f"/{name}: " in line]
        assert reason in line, line


def test_bad_drafts_are_listed_in_errors_and_good_ones_still_reported(checked):
    result, report = checked
    assert result.exit_code in (0, 1)
    assert {Path(error["path"]).name: error["error"] for error in report["errors"]}.keys() == EXPECTED_ERRORS.keys()
    assert {Path(article["path"]).name for article in report["articles"]} == READABLE
    (finding,) = [f for f in report["findings"] if f["rule"] == "name-variant"]
    assert "Ms Turnbull" in finding["message"] and "Jenny Turnross" in finding["message"]
    assert {Path(e["article"]).name for e in finding["evidence"]} == {"good draft ü.txt", "second draft.md"}


def test_legacy_encodings_are_read_correctly_and_a_guess_is_warned(checked):
    result, report = checked
    assert "factcheck: warning:" in result.stderr and "windows-1252.txt: not UTF-8; read as Windows-1252" in result.stderr
    assert any("windows-1252.txt" in warning for warning in report["warnings"])
    assert not any("utf16 with bom.txt" in warning for warning in report["warnings"])


def test_legacy_encodings_decode_to_the_right_characters(hostile_folder):
    from factcheck.ingest import read_articles

    articles, _ = read_articles([str(hostile_folder / "windows-1252.txt"), str(hostile_folder / "utf16 with bom.txt")], max_bytes=10_000)
    by_name = {Path(article.path).name: article.text for article in articles}
    assert "Café Nero’s owner" in by_name["windows-1252.txt"] and "“welcome”" in by_name["windows-1252.txt"]
    assert by_name["utf16 with bom.txt"].startswith("The council agreed the plan on Monday.")


def test_html_scripts_frames_handlers_and_javascript_links_never_reach_the_text(hostile_folder):
    from factcheck.ingest import read_articles

    (article,), errors = read_articles([str(hostile_folder / "scripts.html")], max_bytes=10_000)
    assert errors == []
    assert "The council agreed the plan in full on Monday night." in article.text
    for hostile in ("alert", "javascript", "onerror", "onclick", "iframe", "example.invalid", "<"):
        assert hostile not in article.text


@pytest.mark.model
def test_nightly_reports_the_same_bad_drafts_and_checks_the_rest(hostile_folder, tmp_path):
    result = CliRunner().invoke(
        app, ["nightly", str(hostile_folder), "--date", "2026-11-23", "--archive", str(tmp_path / "claims"), "--reports", str(tmp_path / "reports")]
    )
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"factcheck: {hostile_folder}/")]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in lines) == sorted(EXPECTED_ERRORS)
    night = json.loads((tmp_path / "reports" / "2026-11-23" / "findings.json").read_text(encoding="utf-8"))
    assert {Path(article["path"]).name for article in night["articles"]} == READABLE


def test_a_docx_that_lies_about_its_expanded_size_is_refused_not_unpacked(tmp_path):
    import io
    import struct
    import zipfile

    from factcheck.ingest import read_articles

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 30_000_000)
    data = bytearray(packed.getvalue())
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, 100)  # local header: "100 bytes"
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 100)  # central directory: the same lie
    (tmp_path / "liar.docx").write_bytes(bytes(data))
    articles, (error,) = read_articles([str(tmp_path / "liar.docx")], max_bytes=5_000_000)
    assert articles == [] and "not a valid Word document" in error.error
