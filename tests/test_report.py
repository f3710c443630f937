import json
import os
import random
from datetime import date

from factcheck.records import Article, Evidence, Finding, Paragraph, ReadError, RunResult, Sentence, Story
from factcheck.report import render, write_report
from factcheck.report.contents import ordered_findings
from factcheck.report.html_report import highlight, severity_table

TEXT_A = 'Jenny Turnross starts in August. She said <script>alert(1)</script> & "more", it\'s true.'
TEXT_B = "Ms Turnbull starts next month."


def sentence(path: str, text: str, start: int, end: int, index: int = 0) -> Sentence:
    return Sentence(path, index, 0, start, end, text[start:end])


def evidence(path: str, text: str, start: int, end: int, span: str) -> Evidence:
    at = text.index(span, start)
    return Evidence(path, text[start:end], start, end, span, at, at + len(span))


def result(findings=None) -> RunResult:
    a = Article("drafts/a.txt", TEXT_A, "Council news", date(2023, 7, 13), [Paragraph(0, len(TEXT_A))], lines=((0, 1),), verbatim=True)
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


def shuffled(findings: list[Finding], seed: int) -> list[Finding]:
    copy = list(findings)
    random.Random(seed).shuffle(copy)
    return copy


def test_json_contract_keys_order_and_types():
    report = json.loads(render(result(), "json"))
    assert list(report) == ["schema", "generator", "stories", "articles", "findings", "errors", "warnings"]
    assert report["schema"] == "factcheck.report/1"
    assert report["stories"] == [{"name": "drafts", "articles": ["drafts/a.txt", "drafts/b.txt"]}]
    assert report["articles"] == [
        {"path": "drafts/a.txt", "title": "Council news", "published": "2023-07-13", "sentences": 2},
        {"path": "drafts/b.txt", "title": "", "published": None, "sentences": 1},
    ]
    assert [list(article) for article in report["articles"]] == [["path", "title", "published", "sentences"]] * 2
    first = report["findings"][0]
    assert list(first) == ["id", "rule", "code", "severity", "confidence", "story", "message", "evidence", "ignored", "first_reported"]
    assert first["confidence"] == 0.912 and first["id"] == "name-variant-aaa" and first["code"] == "FC101"
    assert first["evidence"][0] == {
        "article": "drafts/a.txt", "sentence": "Jenny Turnross starts in August.", "start": 0, "end": 32, "span": "Jenny Turnross",
        "paragraph": 1, "line": 1, "column": 1, "table_row": None, "speaker": None,
    }
    assert (first["evidence"][1]["paragraph"], first["evidence"][1]["line"]) == (1, None)
    assert report["errors"] == [{"path": "drafts/c.docx", "error": "not a valid Word document"}]
    assert report["warnings"] == ["model could not be loaded; TF-IDF used"]


def test_json_keeps_non_ascii_text_readable_and_ends_with_a_newline():
    text = render(result(), "json")
    assert "“Turnross”" in text and "\\u201c" not in text
    assert text.endswith("}\n") and text.startswith('{\n  "schema"')


def test_json_with_no_findings_has_an_empty_list():
    assert json.loads(render(result(findings=[]), "json"))["findings"] == []


def test_findings_come_most_severe_first_whatever_order_the_rules_gave():
    base = result()
    assert render(result(shuffled(base.findings, 4)), "json") == render(base, "json")
    assert [f["severity"] for f in json.loads(render(base, "json"))["findings"]] == ["high", "medium", "low"]


def test_html_is_byte_identical_whatever_order_the_rules_gave():
    base = result()
    assert render(base, "html") == render(base, "html") == render(result(shuffled(base.findings, 7)), "html")


def test_equally_severe_findings_are_ordered_by_rule_story_first_evidence_then_id():
    def medium(rule: str, story: str, article: str, start: int, id: str) -> Finding:
        return Finding(rule, "medium", 0.5, story, "m", (Evidence(article, "x", start, start + 1, "x", start, start + 1),), id)

    expected = [
        medium("number-mismatch", "a", "a.txt", 40, "y"),
        medium("number-mismatch", "a", "a.txt", 40, "z"),
        medium("number-mismatch", "a", "b.txt", 5, "w"),
        medium("number-mismatch", "b", "a.txt", 0, "v"),
        medium("quote-mismatch", "a", "a.txt", 0, "u"),
    ]
    assert ordered_findings(result(list(reversed(expected)))) == expected


def test_html_escapes_article_text_and_still_marks_the_span():
    html = render(result(), "html")
    assert "<script>alert" not in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> &amp; &#34;more&#34;, it&#39;s true." in html
    assert "<mark>Jenny Turnross</mark> starts in August." in html


def test_html_is_self_contained():
    html = render(result(), "html")
    assert "<link" not in html and "src=" not in html and "@import" not in html and "url(" not in html
    assert html.count("<script>") == 1 and "http" not in html.split("<script>")[1]


def test_html_lists_summary_warnings_errors_offsets_and_articles():
    html = render(result(), "html")
    assert "<title>factcheck report — drafts</title>" in html
    assert "2 articles, 3 sentences" in html and "3 findings" in html
    for part in ("Unreadable files", "drafts/c.docx", "not a valid Word document", "TF-IDF used", "chars 0–32", "2023-07-13"):
        assert part in html
    assert ">high</span>" in html and ">medium</span>" in html


def test_html_says_one_finding_not_one_findings():
    html = render(result(findings=result().findings[:1]), "html")
    assert "1 finding " in html and "1 findings" not in html


def test_html_says_plainly_when_nothing_was_found():
    assert "No disagreements found" in render(result(findings=[]), "html")
    assert "No disagreements found" not in render(result(), "html")


def test_severity_table_counts_each_rule_by_severity():
    assert severity_table(result().findings) == [("name-variant", [1, 0, 1]), ("number-mismatch", [0, 1, 0])]


def test_highlight_uses_the_offsets_to_pick_the_right_one_of_repeated_words():
    text = "Turnbull met Turnbull."
    second = Evidence("a.txt", text, 10, 32, "Turnbull", 23, 31)
    cut = highlight(second)
    assert (cut.before, cut.span, cut.after) == ("Turnbull met ", "Turnbull", ".")


def test_highlight_falls_back_to_the_first_occurrence_when_offsets_disagree():
    moved = Evidence("a.txt", "Ms Turnbull said so.", 100, 120, "Turnbull", 0, 8)
    cut = highlight(moved)
    assert (cut.before, cut.span, cut.after) == ("Ms ", "Turnbull", " said so.")


def test_highlight_leaves_the_sentence_whole_when_the_span_is_not_in_it():
    cut = highlight(Evidence("a.txt", "Ms Turnbull said so.", 100, 120, "Turnross", 0, 8))
    assert (cut.before, cut.span, cut.after) == ("Ms Turnbull said so.", "", "")


def test_stdout_gets_only_the_report(capsys):
    assert write_report(result(), "json", "-") is None
    assert capsys.readouterr().out == render(result(), "json")


def test_a_file_report_creates_its_folder(tmp_path):
    target = tmp_path / "new" / "deeper" / "report.html"
    assert write_report(result(), "html", str(target)) == str(target)
    assert target.read_text(encoding="utf-8") == render(result(), "html")


def test_a_written_report_is_readable_by_others_like_any_new_file(tmp_path):
    target = tmp_path / "report.json"
    write_report(result(), "json", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_csv_has_one_row_per_finding_and_evidence_sentence():
    import io

    import pandas as pd

    table = pd.read_csv(io.StringIO(render(result(), "csv")), keep_default_na=False)
    assert list(table.columns) == ["finding", "rule", "severity", "confidence", "story", "message", "ignored", "article", "start", "end", "span", "sentence"]
    assert len(table) == 4 and list(table["finding"]) == ["name-variant-aaa", "name-variant-aaa", "number-mismatch-bbb", "name-variant-ccc"]
    assert table.loc[2, "span"] == "<script>alert(1)</script>" and table.loc[0, "start"] == 0


def test_markdown_is_a_compact_escaped_summary():
    text = render(result(), "markdown")
    assert text.startswith("<!-- factcheck-report -->\n## factcheck: drafts\n") and "**3 findings** (1 high, 1 medium, 1 low)" in text
    assert "- **HIGH** FC101 `name-variant` “Turnross” is also spelt “Turnbull”. (id `name-variant-aaa`)" in text
    assert "  - `drafts/a.txt` paragraph 1, line 1: **Jenny Turnross** starts in August." in text
    assert "  - `drafts/b.txt` paragraph 1: Ms **Turnbull** starts next month." in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "1 not read" in text and "`drafts/c.docx`" in text


def test_ignored_findings_are_counted_apart_and_folded_away():
    ignored = RunResult(**{**vars(result()), "ignored": {"name-variant-aaa": "her married name"}})
    assert "**2 findings** (0 high, 1 medium, 1 low), 1 ignored" in render(ignored, "markdown")
    html = render(ignored, "html")
    assert "2 findings (0 high, 1 medium, 1 low), 1 ignored." in html
    assert "<details><summary>Ignored: her married name" in html


def test_html_article_view_marks_cited_sentences_and_links_them_to_findings():
    html = render(result(), "html")
    assert '<span class="cited" id="a2-0">Ms Turnbull starts next month.</span>' in html
    assert '<a href="#name-variant-aaa">[1]</a>' in html and 'href="#a2-0"' in html


def test_concise_is_one_line_per_open_finding_with_where_code_severity_and_id():
    lines = render(RunResult(**{**vars(result()), "ignored": {"name-variant-ccc": "fine"}}), "concise").splitlines()
    assert lines[0] == "drafts/a.txt:1:1: FC101 [high] “Turnross” is also spelt “Turnbull”. (also drafts/b.txt: paragraph 1; id name-variant-aaa)"
    assert lines[1].startswith("drafts/a.txt:1:") and " FC201 [medium] Counts differ." in lines[1]
    assert not any("name-variant-ccc" in line for line in lines)
    assert not any("c.docx" in line or "warning" in line for line in lines), "not read and warnings go to stderr"
    assert len(lines) == 3
    assert lines[-1] == "2 articles, 3 sentences, 2 findings (1 high, 1 medium, 0 low), 1 ignored, 1 not read. [factcheck-report]"


def test_concise_lets_no_control_character_reach_a_terminal():
    hostile = Finding("name-variant", "high", 0.9, "drafts", "Name \x1b[2J“Turnbull”\x07.", result().findings[0].evidence, "name-variant-ddd")
    text = render(result(findings=[hostile]), "concise")
    assert "\x1b" not in text and "\x07" not in text and "Name \\x1b[2J“Turnbull”\\x07." in text


def test_every_declared_format_renders_and_names_a_distinct_suffix():
    from factcheck.report import FORMATS

    assert len({fmt.suffix for fmt in FORMATS.values()}) == len(FORMATS)
    for name in FORMATS:
        assert render(result(), name).strip()


def test_no_bidirectional_override_reaches_a_terminal():
    from factcheck.terminal import printable

    assert printable("drafts/\u202eevil.txt: \x1b]0;title\x07said") == "drafts/\\u202eevil.txt: \\x1b]0;title\\x07said"
    assert printable("forged\nfactcheck: error: x") == "forged\\nfactcheck: error: x"
