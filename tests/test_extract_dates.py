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
    ],
)
def test_absolute_dates_are_iso_as_precise_as_written(text, expected):
    assert dates(text) == expected
    assert dates(text, published=None) == expected


def test_a_month_without_a_year_takes_the_year_its_tense_implies():
    assert dates("An inspection in March found failings.") == [("March", "2023-03", True)]
    assert dates("An inspection in September found failings.") == [("September", "2022-09", True)]
    assert dates("She will take up her post in August.") == [("August", "2023-08", True)]


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


@pytest.mark.parametrize("text", ["There were 2000 children.", "May I say something?", "It cost £2023."])
def test_numbers_and_words_that_are_not_dates(text):
    assert dates(text) == []
