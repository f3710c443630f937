from datetime import date
from pathlib import Path

import pytest

from factcheck.ingest import read_articles
from factcheck.records import RunResult, Story
from factcheck.ingest.dateline import dateline_date

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
STORY = "Cllr Liz Parsons said the council was rated inadequate.\nMs Turnross starts in August.\n"


def read(*paths, max_bytes=5_000_000):
    return read_articles([str(p) for p in paths], max_bytes=max_bytes)


def paragraphs(article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_txt_is_read_as_is_with_one_paragraph_per_line(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (article,), errors = read(tmp_path / "a.txt")
    assert errors == [] and article.text == STORY
    assert paragraphs(article) == STORY.strip().split("\n")


def test_folders_are_read_recursively_and_paths_join_the_argument(tmp_path):
    (tmp_path / "day" / "council").mkdir(parents=True)
    (tmp_path / "day" / "council" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "day" / "b.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "day" / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "day" / "notes.pdf").write_bytes(b"%PDF")
    articles, errors = read(tmp_path / "day")
    assert [a.path for a in articles] == [str(tmp_path / "day" / "b.md"), str(tmp_path / "day" / "council" / "a.txt")]
    assert [(error.path, error.error.split(";")[0]) for error in errors] == [(str(tmp_path / "day" / "notes.pdf"), "not read: a PDF")]


def test_every_file_not_read_gets_one_line_saying_what_to_do(tmp_path):
    """Never silence: a .doc or .rtf among the drafts is named, with the fix."""
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    (tmp_path / "c.rtf").write_text("{\\rtf1 Council}", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    articles, errors = read(tmp_path)
    assert [a.path for a in articles] == [str(tmp_path / "a.txt")]
    lines = {Path(error.path).name: error.error for error in errors}
    assert set(lines) == {"b.doc", "c.rtf", "photo.jpg"}
    assert "save it as .docx" in lines["b.doc"] and "save it as .docx" in lines["c.rtf"]
    assert ".jpg is not a draft format" in lines["photo.jpg"]
    assert all("\n" not in line for line in lines.values())


def test_a_report_factcheck_wrote_is_never_read_as_a_draft(tmp_path):
    """`-o drafts/report.html` (or a concise report saved beside the drafts) must not make
    the next run compare the drafts with the report that quotes them; a draft that only
    mentions the mark is still a draft, and a report named on the command line gets a line."""
    from factcheck.report import render

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Cllr", "The factcheck-report tool says Cllr"), encoding="utf-8")
    (first,), _ = read(tmp_path / "a.txt")
    result = RunResult(stories=[Story("drafts", [first])], sentences=[], findings=[], errors=[])
    for fmt, name in (("html", "report.html"), ("markdown", "report.md"), ("json", "report.json"), ("concise", "report.txt")):
        (tmp_path / name).write_text(render(result, fmt), encoding="utf-8")
    articles, errors = read(tmp_path)
    assert [Path(a.path).name for a in articles] == ["a.txt", "b.txt"]
    assert errors == []
    named, (error,) = read(tmp_path / "report.txt")
    assert named == [] and error.error == "not read: a report factcheck wrote, not a draft"


def test_markdown_front_matter_gives_title_and_date_and_is_not_text(tmp_path):
    text = "---\ntitle: Council rated inadequate\ndate: 2023-07-13\n---\n# Council rated inadequate\n\n" + STORY
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (article,), _ = read(tmp_path / "a.md")
    assert article.title == "Council rated inadequate" and article.published == date(2023, 7, 13)
    assert paragraphs(article) == [" ".join(STORY.strip().split("\n"))]  # lines without a blank between are one Markdown paragraph


def test_a_page_without_a_date_is_undated_whatever_year_its_body_mentions(tmp_path):
    page = (
        "<html><head><title>Sidebar</title></head><body><article><h1>Sidebar note</h1>"
        "<p>The council said an inspection in 2018 found problems with the service, and it has since improved.</p>"
        "<p>More work is planned for the coming months, and the council will publish a report on it.</p>"
        "</article></body></html>"
    )
    (tmp_path / "sidebar.html").write_text(page, encoding="utf-8")
    (tmp_path / "2024-03-05-council.txt").write_text("Council news\n\nThe inspection in 2018 found problems.\n", encoding="utf-8")
    (tmp_path / "council.txt").write_text("Council news\n\nThe inspection in 2018 found problems.\n", encoding="utf-8")
    articles, errors = read(tmp_path)
    published = {Path(article.path).name: article.published for article in articles}
    assert errors == [] and published == {"sidebar.html": None, "2024-03-05-council.txt": date(2024, 3, 5), "council.txt": None}


def test_html_main_text_title_and_date_without_navigation(tmp_path):
    page = (
        "<html><head><title>Council fails | Echo</title>"
        '<meta property="article:published_time" content="2023-07-13T10:00:00Z"></head>'
        "<body><nav>Home News Sport</nav><article><h1>Council fails</h1>"
        "<p>The council was rated inadequate in four out of five areas by Ofsted inspectors in March.</p>"
        "<p>Jenny Turnross will start in August as the new corporate director of children's services.</p>"
        "</article><footer>Copyright 2023 Echo. All rights reserved.</footer><script>track()</script></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (article,), errors = read(tmp_path / "a.html")
    assert errors == [] and article.published == date(2023, 7, 13) and article.title.startswith("Council fails")
    assert paragraphs(article) == [
        "The council was rated inadequate in four out of five areas by Ofsted inspectors in March.",
        "Jenny Turnross will start in August as the new corporate director of children's services.",
    ]


def test_docx_paragraphs_and_title(tmp_path):
    import docx

    word = docx.Document()
    word.core_properties.title = "Council rated inadequate"
    for line in STORY.strip().split("\n"):
        word.add_paragraph(line)
    word.save(tmp_path / "a.docx")
    (article,), errors = read(tmp_path / "a.docx")
    assert errors == [] and article.title == "Council rated inadequate"
    assert paragraphs(article) == STORY.strip().split("\n")


@pytest.mark.parametrize(
    "encoded, warned",
    [
        (("\ufeff" + STORY).encode("utf-8"), False),
        (STORY.encode("utf-16"), False),
        ((STORY + "Café Nero’s owner said so.\n").encode("cp1252"), True),
    ],
)
def test_encodings_are_detected_and_a_guess_is_warned(tmp_path, encoded, warned):
    (tmp_path / "a.txt").write_bytes(encoded)
    (article,), errors = read(tmp_path / "a.txt")
    assert errors == [] and paragraphs(article)[0] == STORY.split("\n")[0]
    assert bool(article.warnings) is warned


def test_unreadable_files_are_errors_and_the_rest_is_still_read(tmp_path):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "big.txt").write_text(STORY * 100, encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK not really a zip")
    articles, errors = read(tmp_path, tmp_path / "missing.txt", max_bytes=1000)
    assert [a.path for a in articles] == [str(tmp_path / "good.txt")]
    reasons = {Path(e.path).name: e.error for e in errors}
    assert set(reasons) == {"binary.txt", "empty.txt", "big.txt", "broken.docx", "missing.txt"}
    assert "too large" in reasons["big.txt"] and "Word" in reasons["broken.docx"] and "no such" in reasons["missing.txt"]
    assert all("\n" not in reason for reason in reasons.values())


def test_a_file_of_nothing_but_furniture_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Sign up to read this article\nDownload the app\n", encoding="utf-8")
    articles, (error,) = read(tmp_path / "a.txt")
    assert articles == [] and "no article text" in error.error


def test_read_more_lists_prompts_and_bylines_are_not_paragraphs(tmp_path):
    text = (
        "Liverpool Echo\nDavid Humphreys\n\nCouncil rated inadequate by inspectors\n\n"
        "The council was rated inadequate.\nREAD MORE:\nLive updates as road closed\nBoy, 10, attacked\n"
        "Ms Turnross starts in August.\nSign up to read this article\nRelated Stories\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,), _ = read(tmp_path / "a.txt")
    assert article.title == "Council rated inadequate by inspectors"
    assert paragraphs(article) == ["The council was rated inadequate.", "Ms Turnross starts in August."]


def test_lines_repeated_across_drafts_are_furniture_unless_they_are_story_sentences(tmp_path):
    shared = "The council was rated inadequate in four out of five areas by inspectors in March.\n"
    (tmp_path / "a.txt").write_text(shared + "Echo Daily from the newsroom here\nMs Turnross starts in August.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(shared + "Echo Daily from the newsroom here\nMr Jones spoke.\n", encoding="utf-8")
    articles, _ = read(tmp_path)
    assert [paragraphs(a) for a in articles] == [
        [shared.strip(), "Ms Turnross starts in August."],
        [shared.strip(), "Mr Jones spoke."],
    ]


def test_hard_wrapped_lines_form_one_paragraph(tmp_path):
    (tmp_path / "a.txt").write_text("The council said that the new corporate\ndirector would start in August.\n\nMr Jones agreed.\n", encoding="utf-8")
    (article,), _ = read(tmp_path / "a.txt")
    assert paragraphs(article) == ["The council said that the new corporate\ndirector would start in August.", "Mr Jones agreed."]


def test_a_dateline_above_the_story_is_the_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text("Council rated inadequate\nPublished Thursday 13 July 2023 10:00 BST\n\n" + STORY, encoding="utf-8")
    (article,), _ = read(tmp_path / "a.txt")
    assert article.published == date(2023, 7, 13)


@pytest.mark.parametrize(
    "line, expected",
    [("13 July 2023", date(2023, 7, 13)), ("July 13, 2023", date(2023, 7, 13)), ("2023-07-13", date(2023, 7, 13)),
     ("Updated: 13/07/2023, 5pm", date(2023, 7, 13)), ("Councillors met on 13 July 2023.", None), ("In March", None)],
)
def test_dateline_is_only_a_line_that_is_just_a_date(line, expected):
    assert dateline_date(line) == expected


def test_seeds_keep_their_story_and_lose_their_furniture():
    articles, errors = read(SEEDS)
    assert errors == [] and len(articles) == 5
    every = [p for article in articles for p in paragraphs(article)]
    for furniture in ("READ MORE", "READ NEXT", "Sign up", "Related Stories", "One app", "Live updates as road closed", "Download the app", "birkenhead.news on Facebook"):
        assert not any(furniture in p for p in every), furniture
    assert "Liverpool Echo" not in every
    assert any("Ms Turnbull starting her role" in p for p in every)
    assert any(p.startswith("In total four out of five areas") for p in every)
    assert [a.title for a in articles][2] == "Liverpool Council investing to 'get a grip' on children's services"


def test_a_short_sentence_two_drafts_share_is_story_not_furniture(tmp_path):
    (tmp_path / "a.txt").write_text("Mr Jones was charged on Monday with fraud.\nHe denies the charges.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Mr Jones appeared in court on Tuesday.\nHe denies the charges.\n", encoding="utf-8")
    articles, _ = read(tmp_path)
    assert all("He denies the charges." in paragraphs(article) for article in articles)


def test_a_whole_article_on_one_line_without_a_final_stop_is_an_article(tmp_path):
    body = (
        "OTTAWA, Nov 30 (Reuters) - Canada is trying to confirm reports that a Canadian citizen has been "
        "captured in Syria, a foreign ministry spokesman said on Sunday. The reports cited websites and have "
        "not been confirmed by officials. (Reporting by Amran Abocar; Editing by Eric Walsh)"
    )
    (tmp_path / "wire.txt").write_text(body, encoding="utf-8")
    (article,), errors = read(tmp_path / "wire.txt")
    assert errors == [] and paragraphs(article) == [body]


def test_a_text_draft_locates_words_by_paragraph_line_and_column(tmp_path):
    """Reports point a sub-editor at the line an editor shows, not at a character offset."""
    (tmp_path / "a.txt").write_text("Council report\n\nFirst paragraph here.\nIt goes on.\n\nSecond one.\n", encoding="utf-8")
    (article,), _ = read_articles([str(tmp_path)], max_bytes=10**6)
    where = article.locate(article.text.index("goes"))
    assert (where.line, where.column) == (4, 4)
    assert article.locate(article.text.index("Second")).paragraph == article.locate(article.text.index("goes")).paragraph + 1


MARKDOWN_DRAFT = """---
title: Liverpool children's services
date: 2024-05-02
---
# Ofsted verdict

**Jenny Turnross** was named [corporate director](https://example.org/people) of *children's services*
at Liverpool City Council in `March`.

- Ofsted rated the service inadequate in ~~three~~ four out of five areas.
- <span>Inspectors</span> returned in April.

| Area | 2022 | 2023 |
|---|---|---|
| Children in care | 346 | 364 |

<div class="advert">Subscribe now</div>
"""


def test_markdown_is_read_as_a_reader_sees_it_with_front_matter_as_metadata(tmp_path):
    """Emphasis, link targets, list markers, struck-out words and raw HTML never reach a
    sentence (evidence quotes the draft cleanly); a wrapped paragraph stays one; headings
    are not story text; a table is read a sentence per row; front matter gives the title and
    date; lines still point at the file."""
    (tmp_path / "draft.md").write_text(MARKDOWN_DRAFT, encoding="utf-8")
    (article,), errors = read_articles([str(tmp_path)], max_bytes=10**6)
    assert errors == [] and article.warnings == ["1 HTML block not read"]
    assert (article.title, article.published) == ("Liverpool children's services", date(2024, 5, 2))
    assert paragraphs(article) == [
        "Jenny Turnross was named corporate director of children's services at Liverpool City Council in March.",
        "Ofsted rated the service inadequate in  four out of five areas.",
        "Inspectors returned in April.",
        "346 children in care in 2022; 364 children in care in 2023.",
    ]
    assert "Subscribe" not in article.text
    assert article.locate(article.text.index("Liverpool City")).line == 8
    assert article.locate(article.text.index("Ofsted rated")).line == 10
    assert article.locate(article.text.index("Inspectors")).line == 11
    assert article.locate(article.text.index("346 children")).line == 15
    assert article.locate(article.text.index("Inspectors")).column is None  # rendered: no file column


def test_a_markdown_headline_is_the_title_and_not_a_sentence(tmp_path):
    (tmp_path / "a.md").write_text("\ufeff# Council fails children\n\n## What happens next?\n\n" + STORY, encoding="utf-8")
    (article,), _ = read(tmp_path / "a.md")
    assert article.title == "Council fails children"
    assert not any("What happens" in paragraph or "fails" in paragraph for paragraph in paragraphs(article))


def test_a_body_on_one_long_line_without_a_full_stop_is_an_article(tmp_path):
    body = (
        "Police in Sanaa said the attackers numbered twelve and that the raid lasted for more than an hour "
        "before soldiers regained control of the compound where the hostages were held overnight by the group"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "menu.txt").write_text(" ".join(["Home News Sport Weather Business Politics Health Education Science"] * 4), encoding="utf-8")
    articles, errors = read(tmp_path)
    assert [paragraphs(article) for article in articles] == [[body]]
    assert [Path(error.path).name for error in errors] == ["menu.txt"]


def test_an_empty_markdown_table_cell_does_not_shift_the_headings(tmp_path):
    table = "| Area | Children in care | Areas rated inadequate |\n|---|---|---|\n| Barnet |  | 3 out of 5 |\n"
    (tmp_path / "a.md").write_text(table + "\n" + STORY, encoding="utf-8")
    (article,), _ = read(tmp_path / "a.md")
    assert paragraphs(article)[0] == "Barnet: 3 out of 5 areas rated inadequate."


def test_a_page_nested_deeper_than_a_parser_goes_is_read_with_a_warning(tmp_path):
    depth = 100_000
    page = (
        "<html><body><nav>Home News Sport</nav>" + "<div>" * depth
        + "<p>Jenny Turnross was named corporate director of children's services at the council.</p>"
        + "<p>Ms Turnbull said the service would improve after the inspection found problems.</p>"
        + "</div>" * depth + "<script>track()</script></body></html>"
    )
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    (article,), errors = read(tmp_path)
    assert [error.error for error in errors] == ["no article text found in the page"]
    assert paragraphs(article) == [
        "Jenny Turnross was named corporate director of children's services at the council.",
        "Ms Turnbull said the service would improve after the inspection found problems.",
    ]
    assert any("too deep for the main-text extractor" in warning for warning in article.warnings)
