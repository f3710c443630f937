from datetime import date

import pytest
from conftest import article_from, sentences_by_line

from factcheck.extract.dates import find_dates

PUBLISHED = date(2023, 7, 10)


def dates(text: str, published=PUBLISHED) -> list[tuple[str, str | None, bool]]:
    article = article_from(text)
    found = [d for sentence in sentences_by_line(article) for d in find_dates(sentence, published)]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(d.text, d.value, d.relative) for d in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was signed on 13 July 2023.", [("13 July 2023", "2023-07-13", False)]),
        ("It was signed on July 13, 2023.", [("July 13, 2023", "2023-07-13", False)]),
        ("It was signed on 13/07/2023.", [("13/07/2023", "2023-07-13", False)]),
        ("It was cold in March 2023.", [("March 2023", "2023-03", False)]),
        ("An inspection in 2018 failed.", [("2018", "2018", False)]),
        ("He was cabinet lead from 2021-2023.", [("2021-2023", "2021/2023", False)]),
        ("He held the brief between 2016 and 2020.", [("2016 and 2020", "2016/2020", False)]),
        ("It was built in the 1990s.", [("1990s", "1990/1999", False)]),
        ("The 2019 report was late, and 2018 was worse by mid-2023.", [("2019", "2019", False), ("2018", "2018", False), ("2023", "2023", False)]),
        ("The 2023/24 accounts and the 2019-20 season.", [("2023/24", "2023/2024", False), ("2019-20", "2019/2020", False)]),
        ("It opened on Monday 10 July 2023.", [("Monday 10 July 2023", "2023-07-10", False)]),
        ("It opened on 2023-07-13.", [("2023-07-13", "2023-07-13", False)]),
    ],
)
def test_absolute_dates_are_iso_as_precise_as_written(text, expected):
    assert dates(text) == expected
    assert dates(text, published=None) == expected


def test_a_month_without_a_year_takes_the_year_its_tense_implies():
    assert dates("An inspection in March found failings.") == [("March", "2023-03", True)]
    assert dates("An inspection in September found failings.") == [("September", "2022-09", True)]
    assert dates("She will take up her post in August.") == [("August", "2023-08", True)]


def test_tense_is_read_from_the_dates_own_sentence():
    line = "It has had no director since February. The post will be filled soon."
    assert dates(line) == [("February", "2023-02", True)]
    assert dates("The inspection took place in September, and found it to be failing.") == [("September", "2022-09", True)]


def test_last_next_and_this_fix_the_year_of_a_month():
    assert [value for _, value, _ in dates("Last July, next July, this March and since July.")] == [
        "2022-07", "2024-07", "2023-03", "2023-07",
    ]


def test_the_past_period_runs_up_to_publication():
    assert dates("Over the past year, and the last two years, but not the last week of June.") == [
        ("the past year", "2022-07-10/2023-07-10", True),
        ("the last two years", "2021-07-10/2023-07-10", True),
        ("June", "2023-06", True),
    ]


def test_a_bare_weekday_stays_unresolved_even_with_a_publication_date():
    assert dates("The group met on Thursday.") == [("on Thursday", None, True)]


def test_relative_words_resolve_against_the_publication_date():
    assert dates("He was elected last week; the report came last month, earlier this year.") == [
        ("last week", "2023-W27", True),
        ("last month", "2023-06", True),
        ("earlier this year", "2023", True),
    ]
    assert dates("It happened two weeks ago, yesterday and last Tuesday.") == [
        ("two weeks ago", "2023-06-26", True),
        ("yesterday", "2023-07-09", True),
        ("last Tuesday", "2023-07-04", True),
    ]


def test_without_a_publication_date_relative_words_have_no_value_and_months_no_year():
    assert dates("An inspection in March, last week, on Tuesday.", published=None) == [
        ("March", "--03", True),
        ("last week", None, True),
        ("on Tuesday", None, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "There were 2000 children.",
        "May I say something?",
        "It cost £2023.",
        "Call 0151 2000 3000.",
        "It rose in recent months.",
        "Covid-19 closed the A38 and 2,019 people left.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert dates(text) == []


def test_values_read_as_a_person_writes_dates():
    from factcheck.extract.dates import plain_date

    assert [plain_date(v) for v in ("--03", "--07-13", "2023-03", "2023-07-13", "2023", "2023-W05", "2023-07-06/2023-07-13")] == [
        "March", "13 July", "March 2023", "13 July 2023", "2023", "week 5 of 2023", "6 July 2023 to 13 July 2023",
    ]


def test_a_day_no_month_has_gets_no_value_and_checks_go_on(tmp_path):
    from factcheck.config import Settings
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths

    (tmp_path / "a.txt").write_text("The council meeting was held on 31 April, the chairman said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council meeting was held on 30 April, the chairman said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The council meeting was held on 29 February, the chairman said.\n", encoding="utf-8")
    analysis = check_paths([str(tmp_path)], Settings(), TfidfEmbedder())
    values = {mention.text: mention.value for claim in analysis.claims for mention in claim.dates}
    assert values == {"31 April": None, "30 April": "--04-30", "29 February": "--02-29"}
