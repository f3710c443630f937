"""The nightly job on small inboxes, with the real bundled model."""

from __future__ import annotations

import json
import re
from datetime import date

import numpy as np
import pytest

from factcheck import baseline as baselines
from factcheck.config import Settings
from factcheck.nightly import ArchiveBusy, Night, NightlyError, archive_lock, night_summary, run_night, write_night
from factcheck.nightly.archive import ARCHIVE_FILE, ArchivedArticle, open_archive
from factcheck.nightly.grouping import story_title
from factcheck.records import Article, Claim, Paragraph, PersonMention, Sentence

pytestmark = pytest.mark.model

COUNCIL = {
    "council-a.txt": "Jenny Turnross was named corporate director of children's services at Liverpool City Council.\n\n"
    "An inspection by Ofsted found the council's children's services inadequate in four out of five areas.\n",
    "council-b.txt": "Liverpool City Council's children's services were rated inadequate by Ofsted inspectors.\n\n"
    "Jenny Turnross, the corporate director, said the council would act on every finding of the inspection.\n",
}
FOOTBALL = {
    "football-a.txt": "Everton beat Burnley 3-1 at Goodison Park on Saturday, with Dominic Calvert-Lewin scoring twice.\n\n"
    "The Everton manager Sean Dyche praised his striker after the league match.\n",
    "football-b.txt": "Dominic Calvert-Lewin scored twice as Everton defeated Burnley at Goodison Park.\n\n"
    "Sean Dyche said the win lifted Everton away from the relegation places in the league.\n",
}
CORRECTION = "Ms Turnbull, the corporate director, said the council would act on every finding of the inspection.\n"


def write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def night(inbox, tmp_path, minilm, day=date(2026, 11, 22), archive_url=None):
    return run_night(inbox, day, tmp_path / "claims", Settings(), minilm, archive_url=archive_url)


def test_a_mixed_inbox_is_grouped_into_its_stories(tmp_path, minilm):
    done = night(write(tmp_path / "inbox", {**COUNCIL, **FOOTBALL}), tmp_path, minilm)
    groups = sorted(sorted(a.path.rsplit("/", 1)[-1] for a in story.articles) for story in done.result.stories)
    assert groups == [sorted(COUNCIL), sorted(FOOTBALL)]


def test_a_second_run_reads_extracts_and_embeds_nothing_again(tmp_path, minilm, monkeypatch, archive_url):
    inbox = write(tmp_path / "inbox", {**COUNCIL, **FOOTBALL})
    first = night(inbox, tmp_path, minilm, archive_url=archive_url)
    import factcheck.nightly.night as module

    monkeypatch.setattr(module, "read_drafts", lambda *a, **k: pytest.fail("an unchanged article was read again"))
    monkeypatch.setattr(module, "embed_claims", lambda *a, **k: pytest.fail("an unchanged article was embedded again"))
    saved = []
    real_open = module.open_archive

    def spying_open(*args, **kwargs):
        archive = real_open(*args, **kwargs)
        real_save = archive.save_night
        archive.save_night = lambda articles, findings, day: (saved.append(len(articles)), real_save(articles, findings, day))[1]
        return archive

    monkeypatch.setattr(module, "open_archive", spying_open)
    again = night(inbox, tmp_path, minilm, archive_url=archive_url)
    assert saved == [0], "an unchanged article was written to the archive again"
    assert again.new_articles == 0 and first.new_articles == 4
    assert again.result.findings == first.result.findings
    assert {s.name for s in again.result.stories} == {s.name for s in first.result.stories}


def test_night_two_correction_is_caught_against_night_one_and_old_findings_are_not_new(tmp_path, minilm, archive_url):
    night(write(tmp_path / "day1", COUNCIL), tmp_path, minilm, date(2026, 11, 21), archive_url)
    day2 = night(write(tmp_path / "day2", {"council-c.txt": CORRECTION}), tmp_path, minilm, date(2026, 11, 22), archive_url)
    (found,) = [f for f in day2.result.findings if f.rule == "name-variant"]
    cited = {e.article.rsplit("/", 2)[-2] for e in found.evidence}
    assert cited == {"day1", "day2"} and found in day2.new_findings
    day3 = night(tmp_path / "day2", tmp_path, minilm, date(2026, 11, 23), archive_url)
    assert found.id in {f.id for f in day3.result.findings} and day3.result.seen[found.id] == "2026-11-22"
    assert found.id not in {f.id for f in day3.new_findings}


def test_the_dated_output_layout(tmp_path, minilm):
    done = night(write(tmp_path / "inbox", {**COUNCIL, "council-c.txt": CORRECTION}), tmp_path, minilm)
    index = write_night(done, tmp_path / "reports")
    folder = tmp_path / "reports" / "2026-11-22"
    assert index == folder / "index.html"
    pages = sorted(path.name for path in folder.glob("*.html") if path.name != "index.html")
    assert pages == [f"{story}.html" for story in sorted(done.stories)]
    page = index.read_text(encoding="utf-8")
    assert all(f'href="{name}"' in page for name in pages)
    report = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    assert report["schema"] == "factcheck.report/1" and any(f["rule"] == "name-variant" for f in report["findings"])


def test_the_archive_round_trips_an_article_with_its_claims_and_vectors(tmp_path, archive_url):
    article = Article("inbox/a.txt", "Ms Turnbull spoke.", "Title", date(2026, 11, 20), [Paragraph(0, 18)], story="s")
    sentence = Sentence("inbox/a.txt", 0, 0, 0, 18, "Ms Turnbull spoke.")
    claim = Claim(sentence, people=[PersonMention("Ms Turnbull", 0, 11, honorific="Ms", surname="Turnbull", canonical="Ms Turnbull")])
    vectors = np.arange(6, dtype=np.float32).reshape(1, 6)
    archive = open_archive(tmp_path, "model", "code", archive_url)
    archive.save_night([ArchivedArticle("h1", article, "2026-11-20", "s", [claim], vectors)], [], "2026-11-20")
    back = archive.article("h1")
    archive.close()
    assert back.article == article and back.claims == [claim] and np.array_equal(back.vectors, vectors)
    other = open_archive(tmp_path, "another model", "code", archive_url)
    assert other.article("h1") is None
    other.close()


def test_a_second_run_on_a_locked_archive_stops_with_a_clear_message(tmp_path):
    with archive_lock(tmp_path / "claims"):
        with pytest.raises(ArchiveBusy, match="another nightly run is using this archive"):
            with archive_lock(tmp_path / "claims"):
                pass
    with archive_lock(tmp_path / "claims"):
        pass


def test_tfidf_vectors_cannot_be_archived(tmp_path):
    from factcheck.embed.tfidf import TfidfEmbedder

    with pytest.raises(NightlyError, match="TF-IDF"):
        run_night(write(tmp_path / "inbox", COUNCIL), date(2026, 11, 22), tmp_path / "claims", Settings(), TfidfEmbedder())


def test_people_are_found_with_the_story_given_names_at_check_time_for_check_and_nightly_alike():
    from conftest import article_from

    from factcheck.extract.claims import extract_claims
    from factcheck.extract.people import with_story_given_names
    from factcheck.segment import split_sentences

    texts = {"a.txt": "Danladi Ahmadu, a spokesman, confirmed the talks.\n", "b.txt": "The talks with Danladi Ahmadu went on for hours.\n"}
    claims = []
    for path, text in texts.items():
        article = article_from(text, path)
        claims.extend(extract_claims(article, split_sentences(article)))
    alone = {claim.sentence.article: [m.canonical for m in claim.people] for claim in claims}
    together = {claim.sentence.article: [m.canonical for m in claim.people] for claim in with_story_given_names(claims)}
    assert alone["b.txt"] == [] and together["b.txt"] == ["Danladi Ahmadu"]


def by_rule(findings, rule):
    (found,) = [f for f in findings if f.rule == rule]
    return found


def test_findings_accepted_in_the_inbox_or_archive_baseline_are_marked_accepted_and_never_new(tmp_path, minilm):
    inbox = write(tmp_path / "inbox", {**COUNCIL, "council-c.txt": CORRECTION})
    first = night(inbox, tmp_path, minilm)
    variant, mismatch = by_rule(first.result.findings, "name-variant"), by_rule(first.result.findings, "entity-mismatch")
    assert {variant.id, mismatch.id} <= {f.id for f in first.new_findings}
    baselines.ignore(tmp_path / "claims" / baselines.BASELINE_FILE, variant.id, "her married name")
    baselines.ignore(tmp_path / "claims" / baselines.BASELINE_FILE, mismatch.id, "standing decision")
    baselines.ignore(baselines.default_path([inbox]), mismatch.id, "the same person, checked with the desk")
    accepted = {variant.id: "her married name", mismatch.id: "the same person, checked with the desk"}

    again = night(inbox, tmp_path, minilm)  # the same night again: without the baselines both would be new
    assert not set(accepted) & {f.id for f in again.new_findings}
    assert again.result.ignored == accepted
    (story,) = [result for result in again.stories.values() if variant.id in {f.id for f in result.findings}]
    assert story.ignored == accepted and story.open_findings == []
    index = write_night(again, tmp_path / "reports")
    report = json.loads((index.parent / "findings.json").read_text(encoding="utf-8"))
    assert {f["id"]: f["ignored"] for f in report["findings"] if f["ignored"]} == accepted
    assert "2 accepted by a sub-editor" in index.read_text(encoding="utf-8")


def test_a_night_whose_findings_are_all_accepted_exits_0(tmp_path, minilm):
    from typer.testing import CliRunner

    from factcheck.cli import app

    inbox = write(tmp_path / "inbox", {**COUNCIL, "council-c.txt": CORRECTION})
    command = ["nightly", str(inbox), "--date", "2026-11-22", "--archive", str(tmp_path / "claims"), "--reports", str(tmp_path / "reports")]
    runner = CliRunner()
    assert runner.invoke(app, command).exit_code == 1
    report = json.loads((tmp_path / "reports" / "2026-11-22" / "findings.json").read_text(encoding="utf-8"))
    for finding in report["findings"]:
        assert runner.invoke(app, ["ignore", finding["id"], "--reason", "checked", str(inbox)]).exit_code == 0
    assert runner.invoke(app, command).exit_code == 0


@pytest.mark.parametrize("content", ["{not json", json.dumps({"ignored": {"x": {"reason\nwhy": "r", "decided": "d"}}})])
@pytest.mark.parametrize("folder", ["inbox", "claims"])
def test_a_malformed_baseline_stops_the_night_with_one_line_naming_it(tmp_path, minilm, folder, content):
    inbox = write(tmp_path / "inbox", COUNCIL)
    bad = write(tmp_path / folder, {}) / baselines.BASELINE_FILE
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(NightlyError) as raised:
        night(inbox, tmp_path, minilm)
    assert str(bad) in str(raised.value) and "\n" not in str(raised.value)
    assert not (tmp_path / "claims" / ARCHIVE_FILE).exists()  # stopped before anything was archived


def test_re_running_an_earlier_night_compares_with_and_marks_from_earlier_nights_only(tmp_path, minilm, archive_url):
    later = "Ms Turnberg, the corporate director, said the council would act on every finding of the inspection.\n"
    night(write(tmp_path / "day1", COUNCIL), tmp_path, minilm, date(2026, 1, 1), archive_url)
    night(write(tmp_path / "day2", FOOTBALL), tmp_path, minilm, date(2026, 1, 2), archive_url)
    day3 = night(write(tmp_path / "day3", {"council-c.txt": CORRECTION, "council-d.txt": later}), tmp_path, minilm, date(2026, 1, 3), archive_url)
    (turnbull,) = [f for f in day3.result.findings if f.rule == "entity-mismatch" and "Ms Turnbull" in {e.span for e in f.evidence}]

    write(tmp_path / "day2", {"council-c.txt": CORRECTION})  # the draft missed on 2 January
    rerun = night(tmp_path / "day2", tmp_path, minilm, date(2026, 1, 2), archive_url)
    assert {a.path.rsplit("/", 2)[-2] for a in rerun.result.articles} == {"day1", "day2"}
    assert {e.article.rsplit("/", 2)[-2] for f in rerun.result.findings for e in f.evidence} == {"day1", "day2"}
    assert turnbull.id in {f.id for f in rerun.new_findings} and rerun.result.seen == {}  # 3 January's report is later

    day3_again = night(tmp_path / "day3", tmp_path, minilm, date(2026, 1, 3), archive_url)
    assert day3_again.result.seen[turnbull.id] == "2026-01-02"


def test_the_archive_keeps_first_nights_and_answers_a_night_from_earlier_nights_only(tmp_path, archive_url):
    from factcheck.records import Finding, Severity

    def archived(content, night_of):
        article = Article(f"inbox/{content}.txt", "Ms Turnbull spoke.", "", None, [Paragraph(0, 18)], story="s")
        return ArchivedArticle(content, article, night_of, "s", [], np.ones((1, 4), np.float32))

    finding = Finding("name-variant", Severity.HIGH, 0.9, "s", "m", (), id="name-variant-0123456789ab")
    archive = open_archive(tmp_path, "model", "code", archive_url)
    archive.save_night([archived("h1", "2026-01-01")], [], "2026-01-01")
    archive.save_night([archived("h3", "2026-01-03")], [finding], "2026-01-03")
    archive.save_night([archived("h1", "2026-01-02")], [finding], "2026-01-02")  # 2 January re-run
    since = date(2025, 12, 1)
    assert [item.hash for item in archive.story_articles("s", since, date(2026, 1, 2))] == ["h1"]
    assert [item.night for item in archive.story_articles("s", since, date(2026, 1, 4))] == ["2026-01-01", "2026-01-03"]
    assert len(archive.recent_stories(since, date(2026, 1, 2))["s"]) == 1
    assert archive.first_reported([finding.id], date(2026, 1, 2)) == {}
    assert archive.first_reported([finding.id], date(2026, 1, 3)) == {finding.id: "2026-01-02"}
    archive.close()


HEADLINED = {
    "council-a.txt": "Ofsted rates Liverpool council services inadequate\n\n" + COUNCIL["council-a.txt"],
    "council-b.txt": "Director vows action on Ofsted findings\n\n" + COUNCIL["council-b.txt"],
}


def test_story_pages_and_the_index_are_headed_by_the_earliest_headline_under_a_stable_file_name(tmp_path, minilm):
    first = night(write(tmp_path / "day1", HEADLINED), tmp_path, minilm, date(2026, 11, 21))
    second = night(write(tmp_path / "day2", {"council-c.txt": "Turnbull pledges a fresh start\n\n" + CORRECTION}), tmp_path, minilm, date(2026, 11, 22))
    assert list(first.stories) == list(second.stories)
    (name,) = second.stories
    assert second.titles == {name: "Ofsted rates Liverpool council services inadequate"}
    index = write_night(second, tmp_path / "reports")
    assert f'<a href="{name}.html">Ofsted rates Liverpool council services inadequate</a>' in index.read_text(encoding="utf-8")
    page = (index.parent / f"{name}.html").read_text(encoding="utf-8")
    assert "Ofsted rates Liverpool council services inadequate" in re.search(r"<h1>(.*?)</h1>", page).group(1)


def test_a_story_is_called_by_a_headline_else_by_its_earliest_lead():
    from conftest import article_from

    long_lead = article_from("Jenny Turnross was named corporate director of children's services at Liverpool City Council on Monday morning. She starts in May.\n", "a.txt")
    short_lead = article_from("Ofsted found the services inadequate. Inspectors said so.\n", "b.txt")
    headlined = article_from("Ms Turnbull spoke.\n", "c.txt")
    headlined.title = "Council director vows action"
    assert story_title([long_lead, headlined]) == "Council director vows action"
    assert story_title([long_lead, short_lead]) == "Jenny Turnross was named corporate director of children's services at Liverpool City Council on…"
    assert story_title([short_lead, long_lead]) == "Ofsted found the services inadequate."


def a_night(articles: int, stories: int, tmp_path) -> Night:
    """A night of `articles` one-line articles in `stories` stories, built by hand."""
    from conftest import article_from

    from factcheck.records import RunResult, Story

    texts = [article_from("Ms Turnbull spoke.\n", str(tmp_path / f"{n}.txt")) for n in range(articles)]
    groups = {f"story-{s}": texts[s::stories] for s in range(stories)}
    by_story = {name: RunResult([Story(f"Title {name}", group)], [], [], []) for name, group in groups.items()}
    result = RunResult([Story(name, group) for name, group in groups.items()], [], [], [])
    return Night(date(2026, 11, 22), result, by_story, {name: f"Title {name}" for name in groups}, {a.path for a in texts}, articles)


@pytest.mark.parametrize(("articles", "stories", "said"), [(1, 1, "1 article (1 new or changed) in 1 story"), (3, 2, "3 articles (3 new or changed) in 2 stories")])
def test_counts_are_said_in_the_singular_or_plural_on_the_index_and_the_command_line(tmp_path, articles, stories, said):
    done = a_night(articles, stories, tmp_path)
    index = write_night(done, tmp_path / "reports")
    line = night_summary(done, index)
    assert said in index.read_text(encoding="utf-8") and "0 new findings" in index.read_text(encoding="utf-8")
    assert line.startswith(f"2026-11-22: {said}, 0 new findings (0 high), 0 reported before. Report: ")


def test_a_killed_holder_leaves_no_lock_behind_and_a_waiting_run_is_told_who_holds_it(tmp_path):
    import subprocess
    import sys

    holder = "import sys, time\nfrom pathlib import Path\nfrom factcheck.nightly import archive_lock\nwith archive_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(600)\n"
    child = subprocess.Popen([sys.executable, "-c", holder, str(tmp_path / "claims")], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "held\n"
        with pytest.raises(ArchiveBusy) as busy, archive_lock(tmp_path / "claims"):
            pass
        assert f"(pid {child.pid})" in str(busy.value) and "\n" not in str(busy.value)
    finally:
        child.kill()
        child.wait()
    with archive_lock(tmp_path / "claims"):
        pass


def test_a_second_night_contradicting_what_the_first_published_fails_the_night(tmp_path, minilm, archive_url):
    from typer.testing import CliRunner

    from factcheck.cli import app

    runner = CliRunner()

    def command(inbox, day, *extra):
        return ["nightly", str(inbox), "--date", day, "--archive", archive_url or str(tmp_path / "claims"), "--reports", str(tmp_path / "reports"), *extra]

    first = runner.invoke(app, command(write(tmp_path / "monday", COUNCIL), "2026-11-22"))
    assert first.exit_code == 0, first.output
    follow_up = {
        "council-c.txt": "Liverpool City Council's children's services were found inadequate in three out of five areas by Ofsted.\n\n"
        "Jenny Turnross said the council would act on every finding of the inspection.\n"
    }
    # Graded medium by the desk's settings: medium findings fail a night too, by default.
    tuesday = write(tmp_path / "tuesday", {**follow_up, "factcheck.toml": '[severity]\nnumber-mismatch = "medium"\n'})
    second = runner.invoke(app, command(tuesday, "2026-11-23"))
    report = json.loads((tmp_path / "reports" / "2026-11-23" / "findings.json").read_text(encoding="utf-8"))
    assert [f["severity"] for f in report["findings"] if f["rule"] == "number-mismatch"] == ["medium"], report["findings"]
    assert second.exit_code == 1, second.output
    assert runner.invoke(app, command(tuesday, "2026-11-23", "--fail-on", "high")).exit_code == 0
    (tuesday / "factcheck.toml").write_text('fail_on = "high"\n[severity]\nnumber-mismatch = "medium"\n', encoding="utf-8")
    assert runner.invoke(app, command(tuesday, "2026-11-23")).exit_code == 0


def test_a_night_orders_dated_articles_first_and_undated_ones_by_their_files_time(tmp_path):
    import os

    import numpy as np

    from factcheck.nightly.archive import ArchivedArticle
    from factcheck.nightly.night import _earliest_first
    from factcheck.records import Article

    def archived(name, published=None, mtime=None):
        path = tmp_path / name
        path.write_text("x", encoding="utf-8")
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        return ArchivedArticle(name, Article(str(path), "x", name, published, []), "2026-11-22", "s", [], np.zeros((0, 1)))

    items = [archived("z-sidebar.txt", mtime=2_000), archived("a-later.txt", mtime=3_000), archived("m-dated.txt", date(2026, 11, 21))]
    assert [item.hash for item in _earliest_first(items)] == ["m-dated.txt", "z-sidebar.txt", "a-later.txt"]
