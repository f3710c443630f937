"""Word drafts read whole: tracked changes as accepted, tables as sentences, notes after the
body, and a warning for whatever a draft holds that is not read.

The drafts are real .docx files written here as Word writes them (a zip of WordprocessingML
parts), so each test shows the XML feature it is about.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from factcheck.extract.claims import extract_claims
from factcheck.ingest import read_articles
from factcheck.segment import split_sentences

MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def inserted(text: str) -> str:
    return f'<w:ins w:id="1" w:author="Sub" w:date="2024-03-01T10:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return f'<w:del w:id="2" w:author="Sub" w:date="2024-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph(run(text)) if text else '<w:p/>'}</w:tc>"


def table(*rows: list[str]) -> str:
    """Rows of cells; a cell is its text, or already a <w:tc> when it is merged."""
    cells = ("".join(c if c.startswith("<w:tc>") else cell(c) for c in row) for row in rows)
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>"


def part(root: str, content: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{MAIN}" xmlns:r="{RELATIONSHIP}">{content}</w:{root}>'


def docx(body: str, *, title: str = "", related: dict[str, str] | None = None) -> bytes:
    """A Word file: `body` inside w:body, and `related` parts ({relationship kind: XML}, kinds
    as Word names them: footnotes, endnotes, comments, header, footer) linked from it."""
    related = related or {}
    links = "".join(f'<Relationship Id="rId{n}" Type="{RELATIONSHIP}/{kind}" Target="{kind}.xml"/>' for n, kind in enumerate(related))
    files = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONSHIP}/officeDocument" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{PACKAGE}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
        "docProps/core.xml": '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>',
        "word/document.xml": part("document", f"<w:body>{body}<w:sectPr/></w:body>"),
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{PACKAGE}">{links}</Relationships>',
        **{f"word/{kind}.xml": xml for kind, xml in related.items()},
    }
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in files.items():
            archive.writestr(name, xml)
    return packed.getvalue()


def notes(kind: str, *texts: str) -> str:
    """A footnotes or endnotes part as Word writes it: separator notes first, then the notes."""
    separators = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    written = "".join(f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>' for n, text in enumerate(texts, 1))
    return part(f"{kind}s", separators + written)


def read_one(tmp_path: Path, data: bytes):
    (tmp_path / "draft.docx").write_bytes(data)
    articles, errors = read_articles([str(tmp_path / "draft.docx")], max_bytes=10**7)
    assert errors == [], errors
    (article,) = articles
    return article


def paragraphs(article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_a_tracked_insertion_is_read_and_a_deletion_is_not(tmp_path):
    body = (
        paragraph(run("Corporate director "), inserted("Jenny Turnross"), run(" said"), deleted(" on Friday"), run(" the council would improve."))
        + paragraph('<w:moveFrom w:id="3" w:author="Sub"><w:r><w:t>Ofsted inspected the service in March.</w:t></w:r></w:moveFrom>')
        + paragraph(run("The report was published on Tuesday. "), '<w:moveTo w:id="4" w:author="Sub">' + run("Ofsted inspected the service in March.") + "</w:moveTo>")
    )
    article = read_one(tmp_path, docx(body))
    assert paragraphs(article) == [
        "Corporate director Jenny Turnross said the council would improve.",
        "The report was published on Tuesday. Ofsted inspected the service in March.",
    ]
    assert article.lines == ()


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next_as_accepting_does(tmp_path):
    mark_deleted = '<w:pPr><w:rPr><w:del w:id="5" w:author="Sub"/></w:rPr></w:pPr>'
    body = f"<w:p>{mark_deleted}{run('The council said it would appeal')}</w:p>" + paragraph(run(" against the rating."))
    assert paragraphs(read_one(tmp_path, docx(body))) == ["The council said it would appeal against the rating."]


def test_a_draft_with_unaccepted_changes_is_warned_and_a_clean_one_is_not(tmp_path):
    (tmp_path / "draft.docx").write_bytes(docx(paragraph(run("Ofsted rated the service "), inserted("inadequate"), deleted("poor"), run(" in March."))))
    (tmp_path / "clean.docx").write_bytes(docx(paragraph(run("Ofsted rated the service inadequate in March."))))
    articles, errors = read_articles([str(tmp_path)], max_bytes=10**7)
    warnings = {Path(article.path).name: article.warnings for article in articles}
    assert errors == [] and warnings == {"draft.docx": ["has 2 unaccepted tracked changes; read as if accepted"], "clean.docx": []}


def test_paragraphs_and_tables_keep_the_order_of_the_document_and_the_title_is_read(tmp_path):
    body = (
        paragraph(run("Ofsted rated the service inadequate."))
        + table(["Council", "Children in care"], ["Barnet", "346"])
        + paragraph(run("The council said it would improve."))
    )
    article = read_one(tmp_path, docx(body, title="Council rated inadequate"))
    assert article.title == "Council rated inadequate"
    assert paragraphs(article) == ["Ofsted rated the service inadequate.", "Barnet: 346 children in care.", "The council said it would improve."]


@pytest.mark.parametrize(
    "rows, sentences",
    [
        (  # one row per council, a column per measure: figures followed by their heading
            [["Council", "Children in care", "Areas rated inadequate", "Budget", "Judgement"], ["Barnet", "346", "3 out of 5", "£1.2m", "Inadequate"]],
            ["Barnet: 346 children in care; 3 out of 5 areas rated inadequate; £1.2m budget; Inadequate (Judgement)."],
        ),
        (  # a column per year: figures followed by the row's label, then the year
            [["Measure", "2022", "2023"], ["Social workers", "87", "74"], ["Overall rating", "Good", "Inadequate"]],
            ["87 social workers in 2022; 74 social workers in 2023.", "Overall rating: Good (2022); Inadequate (2023)."],
        ),
        (  # a column per year, a row per place: the figure is left bare after the place
            [["Area", "2022", "2023"], ["Barnet", "346", "364"], ["Liverpool City Council", "1,200", "1,150"]],
            ["Barnet: 346 in 2022; 364 in 2023.", "Liverpool City Council: 1,200 in 2022; 1,150 in 2023."],
        ),
        (  # no header row: label and figure
            [["Children in care", "346"], ["Overall rating", "Inadequate"]],
            ["346 children in care.", "Overall rating: Inadequate."],
        ),
    ],
)
def test_each_table_row_is_one_sentence_naming_what_its_figures_count(tmp_path, rows, sentences):
    assert paragraphs(read_one(tmp_path, docx(table(*rows)))) == sentences


def test_merged_cells_are_read_once(tmp_path):
    spanning = cell("3 out of 5", '<w:gridSpan w:val="2"/>')
    body = table(
        ["Council", "Inspection", "Areas rated inadequate", ""],
        [cell("Barnet", '<w:vMerge w:val="restart"/>'), "March 2023", spanning],
        [cell("", "<w:vMerge/>"), "March 2020", "1 out of 5"],
    )
    assert paragraphs(read_one(tmp_path, docx(body))) == [
        "Barnet: March 2023 (Inspection); 3 out of 5 areas rated inadequate.",
        "March 2020 (Inspection); 1 out of 5 areas rated inadequate.",
    ]


def test_table_figures_reach_the_claims_as_quantities_of_what_they_count(tmp_path):
    body = paragraph(run("Ofsted rated the service inadequate.")) + table(
        ["Council", "Children in care", "Areas rated inadequate"], ["Barnet", "346", "3 out of 5"]
    )
    article = read_one(tmp_path, docx(body))
    quantities = [(q.value, q.of_total, q.thing) for claim in extract_claims(article, split_sentences(article)) for q in claim.quantities]
    assert quantities == [(346, None, "child"), (3, 5, "area")]


def test_notes_are_read_after_the_body_and_comments_and_page_furniture_are_warned_about(tmp_path):
    body = paragraph(run("Ofsted rated the service inadequate."), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" The council will appeal."))
    related = {
        "footnotes": notes("footnote", "Figures from the Ofsted report published in March."),
        "endnotes": notes("endnote", "Correction: an earlier version said 463 children."),
        "comments": part("comments", f'<w:comment w:id="0" w:author="Sub">{paragraph(run("Check with the press office"))}</w:comment>'),
        "header": part("hdr", paragraph(run("EMBARGOED UNTIL 00:01"))),
        "footer": part("ftr", paragraph('<w:r><w:instrText> PAGE </w:instrText></w:r>', run("1"))),
    }
    article = read_one(tmp_path, docx(body, related=related))
    assert paragraphs(article) == [
        "Ofsted rated the service inadequate. The council will appeal.",
        "Figures from the Ofsted report published in March.",
        "Correction: an earlier version said 463 children.",
    ]
    assert article.warnings == ["1 comment not read", "1 header or footer not read"]


@pytest.mark.parametrize(
    "document, reason",
    [
        ("<w:document", "not a valid Word document (word/document.xml is not well-formed XML)"),
        (f'<w:document xmlns:w="{MAIN}"/>', "not a valid Word document (word/document.xml has no body)"),
    ],
)
def test_a_malformed_draft_is_one_plain_reason(tmp_path, document, reason):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("word/document.xml", document)
    (tmp_path / "bad.docx").write_bytes(packed.getvalue())
    articles, (error,) = read_articles([str(tmp_path / "bad.docx")], max_bytes=10**7)
    assert articles == [] and error.error == reason


@pytest.mark.model
def test_a_table_figure_that_disagrees_with_another_draft_is_reported(tmp_path, minilm):
    """Through the real pipeline and decision layer (the default judge), as a user sees it."""
    from factcheck.config import Settings
    from factcheck.pipeline import check_paths

    (tmp_path / "a.txt").write_text(
        "Barnet council's children's services have been rated inadequate by Ofsted.\n\n"
        "Ofsted rated the service inadequate in four out of five areas.\n\n"
        "Corporate director Jenny Turnross said the council would improve.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.docx").write_bytes(
        docx(
            paragraph(run("Barnet council's children's services have been rated inadequate by Ofsted, inspectors said."))
            + table(["Service", "Areas rated inadequate by Ofsted"], ["Children's services", "3 out of 5"])
            + paragraph(run("Corporate director Jenny Turnross said the council would improve."))
        )
    )
    result = check_paths([str(tmp_path)], Settings(), minilm).result
    (finding,) = [f for f in result.findings if f.rule == "number-mismatch"]
    (row,) = [e for e in finding.evidence if e.article.endswith("b.docx")]
    assert row.sentence == "Children's services: 3 out of 5 areas rated inadequate by Ofsted." and row.span == "3 out of 5"
    (docx_article,) = [a for story in result.stories for a in story.articles if a.path.endswith("b.docx")]
    assert docx_article.text[row.start : row.end] == row.sentence


def test_places_are_counted_as_word_shows_them_headings_included_and_rows_in_a_table(tmp_path):
    heading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + run("Council rated inadequate") + "</w:p>"
    body = (
        heading
        + paragraph(run("Jenny Turnross will start in August as director."))
        + "<w:p/>"
        + table(["Area", "Rating"], ["Leadership", "Inadequate"], ["Care leavers", "Good"])
        + paragraph(run("Ms Turnbull said the council would improve."))
    )
    article = read_one(tmp_path, docx(body))
    described = {
        words: article.locate(article.text.index(words)).describe()
        for words in ("Jenny Turnross", "Leadership", "Care leavers", "Ms Turnbull")
    }
    assert described == {"Jenny Turnross": "paragraph 2", "Leadership": "table row 2", "Care leavers": "table row 3", "Ms Turnbull": "paragraph 3"}


def lying_docx(expanded: int, declared: int) -> bytes:
    """A Word file whose document.xml unpacks to `expanded` bytes while its zip headers
    declare `declared` (an honest zip, then both size fields rewritten)."""
    import struct

    good = zipfile.ZipFile(io.BytesIO(docx(paragraph(run("Jenny Turnross spoke.")))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in good.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, good.read(info.filename))
        with archive.open("word/document.xml", "w") as entry:
            for _ in range(expanded >> 20):
                entry.write(b" " * (1 << 20))
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    for signature, size_at, length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if data[at + name_at : at + name_at + length] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_zip_whose_headers_understate_its_size_is_refused_within_bounded_memory(tmp_path):
    import subprocess
    import sys

    (tmp_path / "bomb.docx").write_bytes(lying_docx(expanded=1 << 30, declared=4000))
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    # VmHWM is this process's own peak; ru_maxrss would carry the forking test process's.
    script = (
        "import re, sys; from factcheck.ingest import read_articles; "
        "articles, errors = read_articles([sys.argv[1]], max_bytes=10**8); print(errors[0].error); "
        "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
    )
    completed = subprocess.run([sys.executable, "-c", script, str(tmp_path / "bomb.docx")], capture_output=True, text=True, timeout=300)
    error, peak_kib = completed.stdout.strip().splitlines()
    assert error.startswith("not a valid Word document") or error.startswith("refused"), error
    assert int(peak_kib) < 500_000, f"peak {int(peak_kib) // 1024} MB"
