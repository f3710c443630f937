"""The seeds report in a real headless Chromium (Debian's package), driven by Playwright.

Skips, saying why, when Chromium or Playwright is missing; `.ci/run` installs Chromium so CI
runs it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = next((path for path in map(shutil.which, ("chromium", "chromium-browser")) if path), None)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium); .ci/run installs it"),
    pytest.mark.model,
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (the dev extra has it)")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, minilm) -> Path:
    from factcheck.config import Settings
    from factcheck.pipeline import check_paths
    from factcheck.report import write_report

    analysis = check_paths([str(SEEDS)], Settings(), minilm)
    path = tmp_path_factory.mktemp("report") / "seeds.html"
    write_report(analysis.result, "html", str(path))
    return path


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, seeds_report):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(seeds_report.as_uri())
    yield page
    assert problems == [], f"console errors: {problems}"
    page.close()


# A desktop window, where the filter bar is one row, and a phone, where it wraps to several.
VIEWPORTS = [pytest.param({"width": 1400, "height": 900}, id="1400px"), pytest.param({"width": 400, "height": 800}, id="400px")]


@pytest.fixture(params=VIEWPORTS)
def sized_page(request, browser, seeds_report):
    page = browser.new_page(viewport=request.param)
    page.goto(seeds_report.as_uri())
    yield page
    page.close()


def box(locator) -> dict[str, float]:
    """Top and bottom of an element, in viewport pixels, as it is now."""
    return locator.evaluate("element => { const r = element.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }")


def assert_clear_of_the_bar(page, target) -> None:
    """The target starts below the sticky filter bar and lies inside the viewport."""
    bar, where = box(page.locator(".controls")), box(target)
    height = page.evaluate("innerHeight")
    assert where["top"] >= bar["bottom"], f"target top {where['top']} is under the bar (bottom {bar['bottom']})"
    assert where["bottom"] <= height, f"target bottom {where['bottom']} is below the viewport ({height})"


def turnbull(page):
    return page.locator("section.finding", has_text="Ms Turnbull").first


def test_the_findings_render_with_their_evidence(page):
    assert page.title().startswith("factcheck report")
    finding = turnbull(page)
    assert finding.is_visible()
    assert finding.locator("mark", has_text="Ms Turnbull").is_visible()
    assert finding.locator("mark", has_text="Jenny Turnross").is_visible()


def test_filters_and_search_hide_and_show_findings(page):
    finding = turnbull(page)
    page.select_option("#filter-severity", "low")
    assert not finding.is_visible()
    page.select_option("#filter-severity", "")
    assert finding.is_visible()
    page.fill("#search", "no finding says this")
    assert not finding.is_visible() and "0 of" in page.inner_text("#shown")
    page.fill("#search", "turnbull")
    assert finding.is_visible()


def test_the_filter_counts_findings_as_the_summary_does_with_ignored_ones_apart(browser, tmp_path, minilm):
    from dataclasses import replace

    from factcheck.config import Settings
    from factcheck.pipeline import check_paths
    from factcheck.report import write_report

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (drafts / seed.name).write_bytes(seed.read_bytes())
    (drafts / "005_extra.txt").write_text("Council news\n\nJenny Turnrose, the corporate director of children's services, said the council was improving.\n", encoding="utf-8")
    result = check_paths([str(drafts)], Settings(), minilm).result
    assert len(result.findings) == 2
    path = tmp_path / "report.html"
    write_report(replace(result, ignored={result.findings[0].id: "her married name"}), "html", str(path))
    page = browser.new_page()
    page.goto(path.as_uri())
    assert "1 finding (" in page.inner_text("#summary") and "1 ignored" in page.inner_text("#summary")
    assert page.inner_text("#shown") == "1 of 1 finding shown; 1 of 1 ignored"
    page.close()


def test_the_likely_wrong_and_likely_right_spellings_show_in_two_colours(page):
    wrong = turnbull(page).locator("mark.likely-wrong")
    right = turnbull(page).locator("mark.likely-right")
    assert wrong.inner_text() == "Ms Turnbull" and right.first.inner_text() == "Jenny Turnross"
    colour = "element => getComputedStyle(element).backgroundColor"
    assert wrong.evaluate(colour) != right.first.evaluate(colour)


def test_keyboard_moves_to_the_next_finding(page):
    page.keyboard.press("j")
    assert "current" in (page.locator("section.finding").first.get_attribute("class") or "")


def test_the_first_finding_is_in_the_first_viewport_before_the_articles_table(sized_page):
    first = sized_page.locator("section.finding").first
    head = box(first.locator(".head"))
    assert sized_page.evaluate("scrollY") == 0
    assert 0 < head["top"] and head["bottom"] <= sized_page.evaluate("innerHeight")
    assert first.evaluate("(element) => !!(element.compareDocumentPosition(document.getElementById('articles')) & Node.DOCUMENT_POSITION_FOLLOWING)")


def test_an_evidence_link_lands_on_its_sentence_below_the_sticky_bar(sized_page):
    links = sized_page.locator("section.finding a.to-article")
    assert links.count() >= 2
    for index in range(links.count()):
        target = sized_page.locator(links.nth(index).get_attribute("href"))
        sized_page.evaluate("window.scrollTo(0, 0)")
        links.nth(index).click()
        assert target.evaluate("element => element.matches(':target') && element.matches('.cited')")
        assert sized_page.evaluate("scrollY") > 0
        assert_clear_of_the_bar(sized_page, target)


def test_without_its_script_the_page_still_keeps_jumps_clear_of_the_bar(browser, seeds_report):
    page = browser.new_page(viewport={"width": 400, "height": 800}, java_script_enabled=False)
    page.goto(seeds_report.as_uri())
    link = page.locator("section.finding a.to-article").first
    link.click()
    assert_clear_of_the_bar(page, page.locator(link.get_attribute("href")))
    page.close()


def test_keyboard_moves_to_a_finding_below_the_sticky_bar(sized_page):
    sized_page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    sized_page.keyboard.press("j")
    first = sized_page.locator("section.finding").first
    assert "current" in (first.get_attribute("class") or "")
    assert_clear_of_the_bar(sized_page, first.locator(".head"))


def test_a_rule_code_leads_to_the_rules_docs_in_the_report(sized_page):
    code = turnbull(sized_page).locator("a.rule-code")
    assert code.inner_text() == "FC101"
    code.click()
    docs = sized_page.locator("#rule-FC101")
    assert docs.evaluate("element => element.matches(':target')")
    assert "What it catches" in docs.inner_text() and "Two spellings that probably denote the same person" in docs.inner_text()
    assert_clear_of_the_bar(sized_page, docs.locator("h3"))


def line_of(words: str, path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(words)) + 1


def test_each_evidence_says_the_paragraph_and_file_line_of_its_words(page):
    sides = turnbull(page).locator(".side")
    assert sides.count() == 2
    for index in range(sides.count()):
        side = sides.nth(index)
        path, words = Path(side.locator(".where code").inner_text()), side.locator("mark").inner_text()
        paragraph, line = re.fullmatch(r"paragraph (\d+), line (\d+)", side.locator(".place").inner_text()).groups()
        assert int(line) == line_of(words, path) and int(paragraph) >= 1


def test_article_view_highlights_the_turnbull_sentence_and_links_to_its_finding(page):
    cited = page.locator("span.cited", has_text="Ms Turnbull")
    assert cited.count() == 1 and not cited.is_visible(), "article texts are folded away until asked for"
    finding_id = turnbull(page).get_attribute("id")
    assert page.locator(f'.cites a[href="#{finding_id}"]').count() >= 1
    turnbull(page).locator("a.to-article").first.click()
    assert cited.is_visible() and cited.evaluate("element => element.matches(':target')")


def test_the_report_opens_short_with_article_texts_folded(page):
    page.set_viewport_size({"width": 1400, "height": 900})
    folded = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate("document.querySelectorAll('details.article').forEach(d => d.open = true)")
    assert folded < page.evaluate("document.documentElement.scrollHeight")
    assert folded < 3000, folded


PAYLOADS = {
    "<img src=x onerror=window.pwned=1;alert(1)>.txt": (
        "Jenny Turnross <script>window.pwned = 2; alert('script')</script> was named corporate director of children's services.\n"
        "\"It's `new`\", she said '\"' </script><script>window.pwned = 3</script> <img src=x onerror=\"window.pwned=4;alert(4)\">.\n"
    ),
    "b'\"`.md": (
        "---\ntitle: \"<script>window.pwned = 5</script>\\\"'\"\n---\n"
        "'\"Ms Turnbull\" <img src=x onerror='window.pwned=6;alert(6)'> starts her new role at the council next month.\n"
        "<a href=\"javascript:window.pwned=7\">the council</a> said \"</div></section><script>window.pwned=8</script>\".\n"
    ),
}


@pytest.fixture
def hostile_report(tmp_path) -> Path:
    from factcheck.config import Settings
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths
    from factcheck.report import write_report

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name, text in PAYLOADS.items():
        (drafts / name).write_text(text, encoding="utf-8")
    analysis = check_paths([str(drafts)], Settings(), TfidfEmbedder())
    assert any(finding.rule == "name-variant" for finding in analysis.result.findings)
    path = tmp_path / "hostile.html"
    write_report(analysis.result, "html", str(path))
    return path


def test_a_report_of_hostile_drafts_runs_none_of_their_scripts(browser, hostile_report):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_report.as_uri())
    page.wait_for_load_state("load")
    page.keyboard.press("j")
    page.locator("a.to-article").first.click()
    assert dialogs == []
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title().startswith("factcheck report")
    assert page.locator("section.finding script, section.finding img, .article-text script, .article-text img").count() == 0
    assert page.locator("section.finding", has_text="<script>window.pwned = 2").count() >= 1
    page.close()


def open_without_effects(browser, page_path: Path):
    """The page opened, clicked through, with every dialog it tries recorded."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    for link in page.locator("a[href]").all()[:20]:
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith(("javascript:", "data:")), href
    return page, dialogs


HOSTILE_NAME = "<img src=x onerror=window.pwned=21;alert(21)>"


def test_hostile_folder_names_style_sheet_values_and_ignore_reasons_run_nothing(browser, tmp_path):
    from dataclasses import replace

    from factcheck.config import Settings
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths
    from factcheck.records import ListedPerson
    from factcheck.report import write_report

    drafts = tmp_path / HOSTILE_NAME
    drafts.mkdir()
    for name, text in PAYLOADS.items():
        (drafts / name).write_text(text, encoding="utf-8")
    listed = ListedPerson("Jenny Turnros", "chief executive <script>window.pwned=22</script> of <img src=x onerror=window.pwned=23>")
    # Every candidate, undecided: the point is that the style sheet's values reach the page.
    analysis = check_paths([str(drafts)], Settings(people=[listed]), TfidfEmbedder(), judge=lambda candidates, story: candidates)
    findings = analysis.result.findings
    assert findings and any(finding.rule == "house-style" for finding in findings)
    ignored = {findings[0].id: "<script>window.pwned=24;alert(24)</script> agreed with <b onmouseover=alert(25)>legal</b>"}
    path = tmp_path / "hostile.html"
    write_report(replace(analysis.result, ignored=ignored), "html", str(path))
    page, dialogs = open_without_effects(browser, path)
    page.locator("details summary").first.click()
    page.locator("a.to-article").first.click()
    assert dialogs == [] and page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("h1 img, section.finding script, section.finding img, details b, table img").count() == 0
    assert HOSTILE_NAME in page.locator("h1").inner_text()
    assert page.locator("details summary", has_text="<script>window.pwned=24").count() == 1
    assert page.locator("section.finding", has_text="window.pwned=22").count() >= 1
    page.close()


def test_a_nightly_index_of_hostile_titles_and_folders_runs_nothing(browser, tmp_path, minilm):
    from datetime import date

    from factcheck.config import Settings
    from factcheck.nightly import run_night, write_night

    inbox = tmp_path / HOSTILE_NAME
    inbox.mkdir()
    for name, text in PAYLOADS.items():
        (inbox / name).write_text(text, encoding="utf-8")
    done = run_night(inbox, date(2026, 11, 22), tmp_path / "claims", Settings(), minilm)
    index = write_night(done, tmp_path / "reports")
    page, dialogs = open_without_effects(browser, index)
    assert page.locator("table td a").count() >= 1
    assert page.locator("table", has_text="<script>window.pwned = 5</script>").count() == 1
    page.locator("table td a").first.click()
    page.wait_for_load_state("load")
    assert dialogs == [] and page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("body img, section.finding script").count() == 0
    page.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_quote_finding_shows_who_speaks_and_where_in_chromium(browser, tmp_path, viewport):
    """Speaker, rule code and line, as a sub-editor sees them on a desktop and on a phone."""
    from test_report_html import run

    from factcheck.report import write_report

    path = tmp_path / "quotes.html"
    write_report(run(), "html", str(path))
    page = browser.new_page(viewport=viewport)
    page.goto(path.as_uri())
    quote = page.locator(".finding", has_text="worded differently").first
    assert quote.locator("text=said by Cllr Liz <Parsons>").is_visible()
    assert quote.locator("a", has_text="FC601").is_visible()
    assert page.locator(".finding", has_text="Turnross").first.locator(".place", has_text="paragraph 1, line 1").first.is_visible()
    page.close()
