import json
import random
from datetime import date

from factcheck.records import Article, Evidence, Finding, Paragraph, ReadError, RunResult, Sentence, Story
from factcheck.report import render, write_report
from factcheck.report.html_report import highlight

TEXT_A = "Jenny Turnross starts in August. She said <script>alert(1)</script> & “more”."
TEXT_B = "Ms Turnbull starts next month."


def sentence(path: str, text: str, start: int, end: int, index: int = 0) -> Sentence:
    return Sentence(path, index, 0, start, end, text[start:end])


def evidence(path: str, text: str, start: int, end: int, span: str) -> Evidence:
    at = text.index(span, start)
    return Evidence(path, text[start:end], start, end, span, at, at + len(span))


def result(findings=None) -> RunResult:
    a = Article("drafts/a.txt", TEXT_A, "Council news", date(2023, 7, 13), [Paragraph(0, len(TEXT_A))])
    b = Article("drafts/b.txt", TEXT_B, "", None, [Paragraph(0, len(TEXT_B))])
    sentences = [sentence(a.path, TEXT_A, 0, 32), sentence(a.path, TEXT_A, 33, len(TEXT_A), 1), sentence(b.path, TEXT_B, 0, len(TEXT_B))]
    default = [
        Finding("name-variant", "high", 0.91234, "drafts", "“Turnross” is also spelt “Turnbull”.",
                (evidence(a.path, TEXT_A, 0, 32, "Jenny Turnross"), evidence(b.path, TEXT_B, 0, len(TEXT_B), "Ms Turnbull")), "name-variant-aaa"),
        Finding("number-mismatch", "medium", 0.6, "drafts", "Counts differ.", (evidence(a.path, TEXT_A, 33, len(TEXT_A), "<script>alert(1)</script>"),), "number-mismatch-bbb"),
        Finding("name-variant", "low", 0.5, "drafts", "Low one.", (evidence(b.path, TEXT_B, 0, len(TEXT_B), "Turnbull"),), "name-variant-ccc"),
    ]
    return RunResult(
        stories=[Story("drafts", [a, b])],
        sentences=sentences,
        findings=default if findings is None else findings,
        errors=[ReadError("drafts/c.docx", "not a valid Word document")],
        warnings=["model could not be loaded; TF-IDF used"],
    )


def test_json_contract_keys_order_and_types():
    report = json.loads(render(result(), "json"))
    assert list(report) == ["schema", "stories", "articles", "findings", "errors", "warnings"]
    assert report["schema"] == "factcheck.report/1"
    assert report["stories"] == [{"name": "drafts", "articles": ["drafts/a.txt", "drafts/b.txt"]}]
    assert report["articles"] == [
        {"path": "drafts/a.txt", "title": "Council news", "published": "2023-07-13", "sentences": 2},
        {"path": "drafts/b.txt", "title": "", "published": None, "sentences": 1},
    ]
    first = report["findings"][0]
    assert list(first) == ["id", "rule", "severity", "confidence", "story", "message", "evidence"]
    assert first["confidence"] == 0.912 and first["id"] == "name-variant-aaa"
    assert first["evidence"][0] == {"article": "drafts/a.txt", "sentence": "Jenny Turnross starts in August.", "start": 0, "end": 32, "span": "Jenny Turnross"}
    assert report["errors"] == [{"path": "drafts/c.docx", "error": "not a valid Word document"}]


def test_findings_come_most_severe_first_whatever_order_the_rules_gave():
    base = result()
    shuffled = list(base.findings)
    random.Random(4).shuffle(shuffled)
    assert render(result(shuffled), "json") == render(base, "json")
    assert [f["severity"] for f in json.loads(render(base, "json"))["findings"]] == ["high", "medium", "low"]


def test_html_escapes_article_text_and_still_marks_the_span():
    html = render(result(), "html")
    assert "<script>alert" not in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert "<mark>Jenny Turnross</mark> starts in August." in html
    assert "&amp; “more”" in html


def test_html_is_self_contained():
    html = render(result(), "html")
    assert "<link" not in html and 'src="http' not in html and "@import" not in html and "<script" not in html
    for part in ("Unreadable files", "drafts/c.docx", "TF-IDF used", "chars 0–32", "name-variant", "Summary"):
        assert part in html


def test_html_says_plainly_when_nothing_was_found():
    assert "No disagreements found" in render(result(findings=[]), "html")


def test_highlight_falls_back_to_the_first_occurrence_when_offsets_disagree():
    moved = Evidence("a.txt", "Ms Turnbull said so.", 100, 120, "Turnbull", 0, 8)
    cut = highlight(moved)
    assert (cut.before, cut.span, cut.after) == ("Ms ", "Turnbull", " said so.")


def test_stdout_gets_only_the_report(capsys):
    assert write_report(result(), "json", "-") is None
    assert json.loads(capsys.readouterr().out)["schema"] == "factcheck.report/1"


def test_a_file_report_creates_its_folder(tmp_path):
    target = tmp_path / "new" / "report.html"
    assert write_report(result(), "html", str(target)) == str(target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_written_report_is_readable_by_others_like_any_new_file(tmp_path):
    import os

    target = tmp_path / "report.json"
    write_report(result(), "json", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
