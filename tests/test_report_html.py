"""The HTML report's page, read as text: what each finding says about where it is, its rule,
and the order of the page. The browser tests check the same page as a person scrolls it."""

from __future__ import annotations

import re

from conftest import article_from

from factcheck.records import Article, Evidence, Finding, Location, Paragraph, RunResult, Sentence, Story
from factcheck.report import render
from factcheck.report.html_report import DocBlock, doc_blocks
from factcheck.rules import RULES

# A text file: "Ms Turnbull" is on line 5, in paragraph 2, whose sentence starts on line 4.
TEXT = "Jenny Turnross starts in August.\nShe said so.\n\nA later paragraph names\nMs Turnbull, who starts next month.\n"
# A Word file has paragraphs but no lines.
WORD = "Cllr Liz Parsons said: “We are focused.”\nCllr Liz Parsons said: “We will fix it.”"


def evidence_of(article: Article, sentence_start: int, sentence_end: int, span: str, speaker: str | None = None) -> Evidence:
    at = article.text.index(span, sentence_start)
    text = article.text[sentence_start:sentence_end]
    return Evidence(article.path, text, sentence_start, sentence_end, span, at, at + len(span), speaker)


def run(ignored: dict[str, str] | None = None) -> RunResult:
    draft = Article("drafts/a.txt", TEXT, "", None, [Paragraph(0, 45), Paragraph(47, len(TEXT) - 1)], lines=((0, 1),), verbatim=True)
    word = article_from(WORD, "drafts/b.docx")
    later = TEXT.index("A later")
    second_quote = WORD.index("Cllr", 1)
    findings = [
        Finding("name-variant", "high", 0.9, "drafts", "“Turnross” is also spelt “Turnbull”.",
                (evidence_of(draft, 0, 32, "Jenny Turnross"), evidence_of(draft, later, len(TEXT) - 1, "Ms Turnbull")), "name-variant-aaa"),
        Finding("quote-mismatch", "medium", 0.6, "drafts", "The quotation is worded differently.",
                (evidence_of(word, 0, second_quote - 1, "focused", "Cllr Liz <Parsons>"),
                 evidence_of(word, second_quote, len(WORD), "fix it")), "quote-mismatch-bbb"),
    ]
    sentences = [Sentence(e.article, 0, 0, e.start, e.end, e.sentence) for f in findings for e in f.evidence]
    return RunResult([Story("drafts", [draft, word])], sentences, findings, [], ignored=ignored or {})


def side_of(html: str, span: str) -> str:
    """The markup of the evidence side whose highlighted words are `span`."""
    (side,) = [side for side in html.split('<div class="side">')[1:] if f"<mark>{span}</mark>" in side]
    return side.split("</div>\n    </div>")[0]


def rule_section(html: str, code: str) -> str:
    match = re.search(rf'<section class="rule-doc" id="rule-{code}">(.*?)</section>', html, re.DOTALL)
    assert match, f"no docs for {code}"
    return match.group(1)


def test_a_place_is_the_paragraph_and_the_line_where_the_file_has_lines():
    assert Location(3, 14, 27).describe() == "paragraph 3, line 14"
    assert Location(2).describe() == "paragraph 2"


def test_each_evidence_side_says_where_its_conflicting_words_are():
    html = render(run(), "html")
    assert '<span class="place">paragraph 1, line 1</span>' in side_of(html, "Jenny Turnross")
    # The sentence starts on line 4; its conflicting words are on line 5.
    assert '<span class="place">paragraph 2, line 5</span>' in side_of(html, "Ms Turnbull")
    assert '<span class="place">paragraph 2</span>' in side_of(html, "fix it")


def test_the_speaker_of_a_quote_is_shown_on_its_side_only_and_escaped():
    html = render(run(), "html")
    assert '<div class="speaker">said by Cllr Liz &lt;Parsons&gt;</div>' in side_of(html, "focused")
    assert "said by" not in side_of(html, "fix it") and html.count('class="speaker"') == 1


def test_each_finding_links_its_rule_code_to_the_rule_docs_in_the_report():
    html = render(run(), "html")
    finding = html.split('id="name-variant-aaa"')[1].split("</section>")[0]
    summary = RULES["name-variant"].summary
    assert f'<a class="rule-code" href="#rule-FC101" title="{summary}">FC101</a> <span class="rule">name-variant</span>' in finding
    docs = rule_section(html, "FC101")
    assert "<h3>FC101 <span class=\"rule-name\">name-variant</span></h3>" in docs and summary in docs
    assert "<h4>What it catches</h4>" in docs and "(<code>min_margin</code>)" in docs
    assert "<h4>Example</h4>" in docs and "said ...<br>He also made reference to Ms Turnbull" in docs
    assert 'href="#rule-FC601"' in html and "<h4>How it decides</h4>" in rule_section(html, "FC601")


def test_only_the_rules_of_the_findings_are_documented_ignored_ones_included():
    html = render(run(ignored={"quote-mismatch-bbb": "house style allows it"}), "html")
    assert re.findall(r'id="rule-(FC\d+)"', html) == ["FC101", "FC601"]
    assert re.findall(r'<option value="([a-z-]+)">FC\d+', html) == ["name-variant", "quote-mismatch"]


def test_the_page_opens_on_the_summary_controls_and_findings_and_ends_with_texts_and_rules():
    html = render(run(), "html")
    order = ['id="summary"', 'id="controls"', 'id="name-variant-aaa"', 'id="quote-mismatch-bbb"', 'id="articles"', "<h2>Article text</h2>", 'id="rules"']
    positions = [html.index(mark) for mark in order]
    assert positions == sorted(positions)


def test_a_report_without_findings_has_no_bar_nor_rules_section():
    empty = RunResult(**{**vars(run()), "findings": []})
    html = render(empty, "html")
    assert "No disagreements found." in html
    for absent in ('id="controls"', "scroll-padding-top", 'id="rules"', "<script>"):
        assert absent not in html
    assert html.index("No disagreements found.") < html.index('id="articles"')


def test_rule_docs_become_headings_paragraphs_lists_and_example_lines():
    docs = (
        "demo: what it is.\n\n"
        "How it decides\n    Words are\n    compared (``min_words``).\n\n"
        "    * One rule that\n      wraps.\n    * Another.\n\n"
        "Example\n    First draft line.\n    Second `draft` line.\n\n"
        "A closing note\nthat wraps."
    )
    assert doc_blocks(docs) == [
        DocBlock("paragraph", ((("demo: what it is.", False),),)),
        DocBlock("heading", ((("How it decides", False),),)),
        DocBlock("paragraph", ((("Words are compared (", False), ("min_words", True), (").", False)),)),
        DocBlock("list", ((("One rule that wraps.", False),), (("Another.", False),))),
        DocBlock("heading", ((("Example", False),),)),
        DocBlock("lines", ((("First draft line.", False),), (("Second ", False), ("draft", True), (" line.", False)))),
        DocBlock("paragraph", ((("A closing note that wraps.", False),),)),
    ]


def test_every_registered_rules_docs_keep_all_their_words():
    for rule in RULES.values():
        shown = " ".join(text for block in doc_blocks(rule.docs) for line in block.lines for text, _ in line)
        assert shown.split() == re.sub(r"`+|^\s*\* ", " ", rule.docs, flags=re.MULTILINE).split(), rule.name


def test_the_likely_wrong_and_likely_right_versions_are_marked_apart():
    from dataclasses import replace

    result = run()
    preferred = replace(result, findings=[replace(result.findings[0], variant_first=True), result.findings[1]])
    html = render(preferred, "html")
    assert '<mark class="likely-wrong" title="the version likely wrong">Jenny Turnross</mark>' in html
    assert '<mark class="likely-right" title="the version likely right">Ms Turnbull</mark>' in html
    assert "<mark>focused</mark>" in html, "a finding favouring neither side keeps one colour"
