"""Hostile input, as an attacker or a bad night's feed would send it: time stays linear, no
output format runs what drafts, names or settings hold, links never lead out of the checked
folder, and set-up problems end in one line with the previous outputs intact."""

from __future__ import annotations

import csv
import io
import signal
import sqlite3
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.embed.tfidf import TfidfEmbedder
from factcheck.pipeline import check_paths
from factcheck.report import render
from factcheck.segment import MAX_SENTENCE_CHARS, split_sentences
from pathological_shapes import SHAPES, pathological_draft

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Each shape took 7 to 30 s at 40 KB when some stage was quadratic (issue 15); at 64 KB
# that would be over a minute. Linear, all of them together take a few seconds.
PATHOLOGICAL_KB = 64
SECONDS_ALLOWED = 60


@contextmanager
def at_most(seconds: int):
    """Fail (rather than hang the suite) when the block runs longer than `seconds`."""

    def stop(*_):
        raise TimeoutError(f"took over {seconds} s: some stage is not linear in its input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_every_pathological_shape_is_checked_in_linear_time(tmp_path):
    for number, shape in enumerate(SHAPES):
        (tmp_path / f"shape{number}.txt").write_text(pathological_draft(shape, PATHOLOGICAL_KB * 1024), encoding="utf-8")
    with at_most(SECONDS_ALLOWED):
        analysis = check_paths([str(tmp_path)], Settings(max_draft_words=10**9), TfidfEmbedder(), story_per_folder=False)
    assert len(analysis.result.stories[0].articles) == len(SHAPES)


def test_text_without_sentence_ends_is_cut_into_bounded_pieces_that_slice_the_file(make_article):
    article = make_article(pathological_draft("capitalised words", 20_000))
    sentences = split_sentences(article)
    assert len(sentences) >= 20
    assert all(len(sentence.text) <= MAX_SENTENCE_CHARS for sentence in sentences)
    assert all(article.text[sentence.start : sentence.end] == sentence.text for sentence in sentences)


def test_a_draft_over_the_budget_is_one_line_and_the_others_are_still_checked(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (drafts / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (drafts / "feed.txt").write_text(pathological_draft("numbers", 1_000_000), encoding="utf-8")
    result = runner.invoke(app, ["check", str(drafts), "--backend", "tfidf", "--format", "concise", "--no-cache"])
    refused = [line for line in result.output.splitlines() if "feed.txt" in line]
    assert refused == [f"factcheck: {drafts / 'feed.txt'}: too long to check: over the 20,000-word limit (setting max_draft_words); split the draft, or raise the limit"]
    assert "Ms Turnbull" in result.output and result.exit_code == 1


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_no_csv_cell_from_a_draft_opens_as_a_formula(tmp_path, start):
    drafts = tmp_path / ("=cmd|' -C calc'!A0" if start == "=" else "drafts")
    drafts.mkdir()
    (drafts / "a.txt").write_text(f'{start}HYPERLINK("http://evil.example","Jenny Turnross") was named director of the council.\n', encoding="utf-8")
    (drafts / "b.txt").write_text(f'{start}HYPERLINK("http://evil.example","Jenny Turnbull") was named director of the council.\n', encoding="utf-8")
    analysis = check_paths([str(drafts)], Settings(), TfidfEmbedder())
    rows = list(csv.DictReader(io.StringIO(render(analysis.result, "csv"))))
    assert rows, "the two spellings should be a finding"
    for row in rows:
        for column in ("story", "message", "article", "span", "sentence", "ignored"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), (column, row[column])
    if not start.isspace():  # a sentence never starts with white space: it is trimmed
        assert any(row["sentence"].startswith(f"'{start}HYPERLINK") for row in rows)


def test_markdown_from_hostile_names_and_text_renders_as_plain_text_and_loads_nothing(tmp_path):
    from markdown_it import MarkdownIt

    drafts = tmp_path / "![t](https:__host_pix.png) <img src=x>"
    drafts.mkdir()
    (drafts / "a `b` ``c.txt").write_text("Jenny Turnross ![x](https://host/a.png) was named director of the council.\n", encoding="utf-8")
    (drafts / "b.txt").write_text("Ms Turnbull <img src=https://host/b.png> [link](https://host) starts next month at the council.\n", encoding="utf-8")
    (drafts / "x\r<div><img src=x onerror=y>\r.rtf").write_text("a carriage return ends a CommonMark line", encoding="utf-8")
    analysis = check_paths([str(drafts)], Settings(), TfidfEmbedder())
    assert analysis.result.findings and analysis.result.errors
    html = MarkdownIt("commonmark").enable("table").render(render(analysis.result, "markdown"))
    assert "<img" not in html and "<a " not in html and "<div>" not in html
    assert "![t](https:__host_pix.png)" in html.replace("\\", "")
    assert "<code>" + str(drafts / "a `b` ``c.txt") + "</code>" in html.replace("&lt;", "<").replace("&gt;", ">")


def test_a_file_name_with_a_newline_and_escapes_stays_one_escaped_line(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text("Jenny Turnross was named director of the council.\n", encoding="utf-8")
    (drafts / "bad\nfactcheck: error: forged\x1b[2J.rtf").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["check", str(drafts), "--backend", "tfidf", "--format", "concise", "--no-cache"])
    (line,) = [line for line in result.output.splitlines() if "forged" in line]
    assert "bad\\nfactcheck: error: forged\\x1b[2J.rtf: not read" in line
    assert "\x1b" not in result.output


def test_a_link_that_leaves_the_drafts_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password of Jenny Turnross is swordfish.\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text("Ms Turnbull was named director of the council.\n", encoding="utf-8")
    (drafts / "b.txt").symlink_to(drafts / "a.txt")
    (drafts / "leak.txt").symlink_to(secret)
    (drafts / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    analysis = check_paths([str(drafts)], Settings(), TfidfEmbedder())
    assert sorted(Path(article.path).name for article in analysis.result.articles) == ["a.txt", "b.txt"]
    assert not any("swordfish" in sentence.text for sentence in analysis.result.sentences)
    refused = {Path(error.path).name: error.error for error in analysis.result.errors}
    assert refused["leak.txt"].startswith("not read: a symbolic link that leads outside the checked folder")
    assert "elsewhere" in refused


def test_an_output_path_that_is_a_folder_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "out.html").mkdir()
    result = runner.invoke(app, ["check", str(SEEDS), "--backend", "tfidf", "-o", str(tmp_path / "out.html"), "--no-cache"])
    assert result.exit_code == 2
    assert result.output.strip() == f"factcheck: error: {tmp_path / 'out.html'}: cannot write the report there: it is a folder; give a file name; nothing was checked"


def test_a_full_disk_is_one_line_exit_2_and_the_previous_report_stays(tmp_path, monkeypatch):
    report = tmp_path / "seeds.json"
    first = runner.invoke(app, ["check", str(SEEDS), "--backend", "tfidf", "-f", "json", "-o", str(report), "--claims", str(tmp_path), "--no-cache"])
    assert first.exit_code == 1
    before = report.read_bytes()

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factcheck.atomic.os.replace", full)
    second = runner.invoke(app, ["check", str(SEEDS), "--backend", "tfidf", "-f", "json", "-o", str(report), "--claims", str(tmp_path), "--no-cache"])
    assert second.exit_code == 2
    assert second.output.strip().splitlines()[-1].startswith("factcheck: error: ")
    assert "No space left on device; the previous file is unchanged" in second.output
    assert report.read_bytes() == before
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


def test_a_damaged_cache_is_set_aside_rebuilt_and_said(tmp_path, monkeypatch):
    from factcheck.story_cache import StoryCache
    from factcheck.user_cache import CacheRebuilt

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    (tmp_path / "stories.sqlite").write_bytes(b"not a database at all, " * 200)
    with pytest.warns(CacheRebuilt, match="stories.sqlite was damaged"):
        analysis = check_paths([str(SEEDS)], Settings(), TfidfEmbedder(), cache=StoryCache("tfidf", Settings()))
    assert analysis.result.findings
    assert (tmp_path / "stories.sqlite.damaged").read_bytes().startswith(b"not a database")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheRebuilt)
        again = check_paths([str(SEEDS)], Settings(), TfidfEmbedder(), cache=StoryCache("tfidf", Settings()))
    assert again.result.findings == analysis.result.findings


@pytest.mark.parametrize("name", ["stories.sqlite", "vectors.sqlite"])
def test_a_cache_of_valid_sqlite_with_other_tables_is_set_aside_and_rebuilt(tmp_path, monkeypatch, name):
    from factcheck.embed.cache import CachedEmbedder
    from factcheck.story_cache import StoryCache
    from factcheck.user_cache import CacheRebuilt

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    other = sqlite3.connect(tmp_path / name)
    other.executescript("CREATE TABLE stories (other TEXT); CREATE TABLE claims (x INTEGER); CREATE TABLE vectors (a, b);")
    other.close()
    embedder = CachedEmbedder(TfidfEmbedder(), "tfidf-test", tmp_path / "vectors.sqlite")
    with pytest.warns(CacheRebuilt, match=f"{name} was damaged"):
        analysis = check_paths([str(SEEDS)], Settings(), embedder, cache=StoryCache("tfidf", Settings()))
    assert analysis.result.findings
    again = check_paths([str(SEEDS)], Settings(), embedder, cache=StoryCache("tfidf", Settings()))
    assert again.result.findings == analysis.result.findings


@pytest.mark.parametrize("tables", ["CREATE TABLE articles (hash TEXT, other TEXT);", "CREATE TABLE findings (id TEXT);", "CREATE TABLE t (x);"])
def test_an_archive_of_another_schema_is_refused_in_one_line(tmp_path, minilm, tables):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Jenny Turnross was named director of the council.\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    archive = tmp_path / "claims" / "archive.sqlite"
    other = sqlite3.connect(archive)
    other.executescript(tables)
    other.close()
    result = runner.invoke(app, ["nightly", str(inbox), "--archive", str(archive.parent), "--reports", str(tmp_path / "reports")])
    if tables.startswith("CREATE TABLE t "):
        assert result.exit_code in (0, 1), result.output  # a table of its own beside ours is no harm
        return
    assert result.exit_code == 2, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"factcheck: error: {archive}: the archive is damaged (not a factcheck archive")


def test_a_damaged_archive_stops_the_night_in_one_line_and_is_left_as_it_was(tmp_path, minilm):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Jenny Turnross was named director of the council.\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    archive = tmp_path / "claims" / "archive.sqlite"
    archive.write_bytes(b"\x00garbage" * 500)
    result = runner.invoke(app, ["nightly", str(inbox), "--archive", str(archive.parent), "--reports", str(tmp_path / "reports")])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"factcheck: error: {archive}: the archive is damaged") and "PRAGMA integrity_check" in line
    assert archive.read_bytes() == b"\x00garbage" * 500
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(archive).execute("SELECT 1 FROM sqlite_master").fetchall()


def test_in_a_large_cluster_a_pair_sharing_a_count_is_compared_even_when_least_alike(monkeypatch):
    from types import SimpleNamespace

    import numpy as np

    import factcheck.rules.alignment as alignment

    monkeypatch.setattr(alignment, "EXACT_GROUP", 3)
    monkeypatch.setattr(alignment, "MAX_PARTNERS", 2)
    angles = np.linspace(0.0, 1.2, 6)
    vectors = np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)
    claims = [SimpleNamespace(sentence=SimpleNamespace(text=f"sentence {number}")) for number in range(6)]
    story = SimpleNamespace(claims=claims, vectors=vectors, clusters=[list(range(6))], memo={}, linked_pairs=lambda: [(0, 5)])
    pairs = {(first, second): linked for first, second, _, linked in alignment._candidate_pairs(story)}
    assert pairs[(0, 5)] is True
    assert (0, 4) not in pairs  # not among either one's two nearest: the bound is in force


def _non_utf8_drafts(root):
    import os

    root.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (root / seed.name).write_bytes(seed.read_bytes())
    folder = os.fsencode(root)
    with open(folder + b"/bad\xff.txt", "wb") as handle:
        handle.write(b"Jenny Turnross was named corporate director of the council.\n")
    open(folder + b"/empty \xc3\x28.txt", "wb").close()
    os.mkdir(folder + b"/dir\x80")
    with open(folder + b"/dir\x80/x.txt", "wb") as handle:
        handle.write(b"Ms Turnbull said the council would act on the report.\n")
    return root


@pytest.mark.parametrize("fmt", ["html", "json", "csv", "markdown", "concise"])
def test_file_names_that_are_not_utf8_are_read_and_shown_escaped_in_every_format(tmp_path, fmt):
    drafts = _non_utf8_drafts(tmp_path / "drafts")
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["check", str(drafts), "--backend", "tfidf", "--no-cache", "-f", fmt, "-o", str(out), "--claims", str(tmp_path / "claims")])
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output
    assert "empty \\xc3(.txt: empty file" in result.output
    text = out.read_text(encoding="utf-8")
    if fmt in ("html", "json"):  # the formats that list every article read
        assert "bad\\xff.txt" in text or "bad\\\\xff.txt" in text
    assert "\udcff" not in text


def test_a_night_reads_and_archives_drafts_whose_names_are_not_utf8(tmp_path, minilm):
    inbox = _non_utf8_drafts(tmp_path / "inbox")
    result = runner.invoke(app, ["nightly", str(inbox), "--archive", str(tmp_path / "claims"), "--reports", str(tmp_path / "reports"), "--date", "2026-12-01"])
    assert result.exit_code in (0, 1), result.output
    assert "7 articles" in result.output and "internal error" not in result.output


@pytest.mark.model
@pytest.mark.parametrize("names", [1_500, 6_000])
def test_a_roll_call_of_names_beside_the_seeds_changes_nothing_found_in_them(tmp_path, minilm, names):
    import random
    import string

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (drafts / seed.name).write_bytes(seed.read_bytes())
    seeds_only = check_paths([str(drafts)], Settings(), minilm).result
    pick = random.Random(names)
    surnames = ("".join([pick.choice(string.ascii_uppercase), *(pick.choice("aeiou" if i % 2 else "bcdfghklmnprstvwz") for i in range(5))]) for _ in range(names))
    (drafts / "roll.txt").write_text("Panel\n\nThe council said that " + ", ".join(f"Mr {name}" for name in surnames) + " were on the panel.\n", encoding="utf-8")
    with_roll = check_paths([str(drafts)], Settings(), minilm).result
    assert [finding.id for finding in with_roll.findings] == [finding.id for finding in seeds_only.findings]
    assert any(warning.startswith(f"{drafts / 'roll.txt'}: a sentence names") for warning in with_roll.warnings)
