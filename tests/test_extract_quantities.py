import pytest
from conftest import article_from, sentences_by_line

from factcheck.extract.quantities import find_quantities, parse_number, singularise


def quantities(text: str):
    article = article_from(text)
    found = [q for sentence in sentences_by_line(article) for q in find_quantities(sentence)]
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    return found


def fields(text: str) -> list[tuple]:
    return [(q.text, q.value, q.of_total, q.unit, q.thing, q.qualifier) for q in quantities(text)]


def test_ratios_in_words_count_the_plural_noun_after_them():
    assert fields("It rated four out of five of the key areas inadequate.") == [("four out of five", 4, 5, None, "area", None)]
    assert fields("Three in five councils agreed.") == [("Three in five", 3, 5, None, "council", None)]


def test_a_ratio_without_a_named_thing_is_still_a_ratio():
    assert fields("It was rated inadequate in three out of five.") == [("three out of five", 3, 5, None, None, None)]


def test_counts_in_digits_and_words_with_qualifiers():
    assert fields("Currently 346 children and at least two current Labour councillors and twenty-one schools.") == [
        ("346", 346, None, None, "child", None),
        ("at least two", 2, None, None, "councillor", "at least"),
        ("twenty-one", 21, None, None, "school", None),
    ]


def test_money_with_scales_and_rates():
    assert fields("Carers get £977.76 a week from a £1.2m budget, 50p more.") == [
        ("£977.76", 977.76, None, "GBP", "per week", None),
        ("£1.2m", 1_200_000, None, "GBP", "amount", None),
        ("50p", 0.5, None, "GBP", "amount", None),
    ]


def test_percentages_name_what_they_are_a_share_of():
    assert fields("About 45 per cent of the budget went on staff.") == [("About 45 per cent", 45, None, "%", "budget", "about")]


def test_ranges_keep_both_ends():
    (found,) = quantities("It needs between 10 and 20 staff.")
    assert (found.value, found.upper, found.qualifier, found.thing) == (10, 20, "between", "staff")


@pytest.mark.parametrize(
    "text",
    [
        "The response to homeless 16- and 17-year-olds was praised.",
        "Covid-19 closed the A38 and M62 at 5pm.",
        "The inspection in 2018 and the cabinet lead from 2021-2023 met on 13 July.",
        "One of the most important tasks is one positive step.",
        "Councillors meet on Thursday July 13.",
        "Call 0151 123 4567 now.",
    ],
)
def test_things_that_only_look_like_counts_are_not_quantities(text):
    assert quantities(text) == []


def test_number_words_and_plurals():
    assert parse_number("one hundred and twenty") == 120 and parse_number("1,234.5") == 1234.5
    assert [singularise(w) for w in ("children", "authorities", "areas", "boxes", "status", "years")] == [
        "child", "authority", "area", "box", "status", "year",
    ]
