"""The nightly job on small inboxes, with the real bundled model."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from factcheck.config import Settings
from factcheck.nightly import ArchiveBusy, NightlyError, archive_lock, run_night, write_night
from factcheck.nightly.archive import ARCHIVE_FILE, Archive, ArchivedArticle
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


def night(inbox, tmp_path, minilm, day=date(2026, 11, 22)):
    return run_night(inbox, day, tmp_path / "claims", Settings(), minilm)


def test_a_mixed_inbox_is_grouped_into_its_stories(tmp_path, minilm):
    done = night(write(tmp_path / "inbox", {**COUNCIL, **FOOTBALL}), tmp_path, minilm)
    groups = sorted(sorted(a.path.rsplit("/", 1)[-1] for a in story.articles) for story in done.result.stories)
    assert groups == [sorted(COUNCIL), sorted(FOOTBALL)]


def test_a_second_run_reads_extracts_and_embeds_nothing_again(tmp_path, minilm, monkeypatch):
    inbox = write(tmp_path / "inbox", {**COUNCIL, **FOOTBALL})
    first = night(inbox, tmp_path, minilm)
    import factcheck.nightly.night as module

    monkeypatch.setattr(module, "read_articles", lambda *a, **k: pytest.fail("an unchanged article was read again"))
    monkeypatch.setattr(module, "embed_claims", lambda *a, **k: pytest.fail("an unchanged article was embedded again"))
    again = night(inbox, tmp_path, minilm)
    assert again.new_articles == 0 and first.new_articles == 4
    assert again.result.findings == first.result.findings
    assert {s.name for s in again.result.stories} == {s.name for s in first.result.stories}


def test_night_two_correction_is_caught_against_night_one_and_old_findings_are_not_new(tmp_path, minilm):
    night(write(tmp_path / "day1", COUNCIL), tmp_path, minilm, date(2026, 11, 21))
    day2 = night(write(tmp_path / "day2", {"council-c.txt": CORRECTION}), tmp_path, minilm, date(2026, 11, 22))
    (found,) = [f for f in day2.result.findings if f.rule == "name-variant"]
    cited = {e.article.rsplit("/", 2)[-2] for e in found.evidence}
    assert cited == {"day1", "day2"} and found in day2.new_findings
    day3 = night(tmp_path / "day2", tmp_path, minilm, date(2026, 11, 23))
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


def test_the_archive_round_trips_an_article_with_its_claims_and_vectors(tmp_path):
    article = Article("inbox/a.txt", "Ms Turnbull spoke.", "Title", date(2026, 11, 20), [Paragraph(0, 18)], story="s")
    sentence = Sentence("inbox/a.txt", 0, 0, 0, 18, "Ms Turnbull spoke.")
    claim = Claim(sentence, people=[PersonMention("Ms Turnbull", 0, 11, honorific="Ms", surname="Turnbull", canonical="Ms Turnbull")])
    vectors = np.arange(6, dtype=np.float32).reshape(1, 6)
    archive = Archive(tmp_path / ARCHIVE_FILE, "model", "code")
    archive.save_night([ArchivedArticle("h1", article, "2026-11-20", "s", [claim], vectors)], [], "2026-11-20")
    back = archive.article("h1")
    assert back.article == article and back.claims == [claim] and np.array_equal(back.vectors, vectors)
    assert Archive(tmp_path / ARCHIVE_FILE, "another model", "code").article("h1") is None


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
