import pytest
from conftest import article_from, sentences_by_line

from factcheck.extract.quantities import QUALIFIERS, find_quantities, parse_number, singularise
from factcheck.rules.number_mismatch import APPROXIMATE, LOWER_BOUNDS, UPPER_BOUNDS


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


def test_a_share_of_a_stated_total_is_a_ratio():
    assert fields("He said two of the five councillors left, and 40 of the 100 staff.") == [
        ("two of the five", 2, 5, None, "councillor", None),
        ("40 of the 100", 40, 100, None, "staff", None),
    ]
    assert fields("Only one in ten councils replied, but one council agreed.") == [("one in ten", 1, 10, None, "council", None)]


def test_a_ratio_without_a_named_thing_is_still_a_ratio():
    assert fields("It was rated inadequate in three out of five.") == [("three out of five", 3, 5, None, None, None)]


def test_counts_in_digits_and_words_with_qualifiers():
    assert fields("Currently 346 children and at least two current Labour councillors and twenty-one schools.") == [
        ("346", 346, None, None, "child", None),
        ("at least two", 2, None, None, "councillor", "at least"),
        ("twenty-one", 21, None, None, "school", None),
    ]


def test_offsets_are_absolute_in_the_article():
    text = "First line.\nThen 346 children."
    (found,) = quantities(text)
    assert (found.start, found.end, found.text) == (text.index("346"), text.index("346") + 3, "346")


def test_a_dozen_and_a_hundred_are_numbers_but_half_a_dozen_is_not_a_dozen():
    assert [(q.text, q.value, q.thing) for q in quantities("A dozen parents and a hundred pupils.")] == [
        ("A dozen", 12, "parent"),
        ("a hundred", 100, "pupil"),
    ]
    assert [q.value for q in quantities("Half a dozen parents came.")] == []


@pytest.mark.parametrize("qualifier", sorted(QUALIFIERS))
def test_every_qualifier_is_read_and_understood_by_the_number_rule(qualifier):
    assert fields(f"It has {qualifier} 300 jobs.") == [(f"{qualifier} 300", 300, None, None, "job", qualifier)]
    assert qualifier in LOWER_BOUNDS | UPPER_BOUNDS | APPROXIMATE


def test_money_in_each_currency_is_scaled_to_units():
    assert [(q.text, q.value, q.unit) for q in quantities("It spent £3 million, $5bn, €4bn and £2.5k.")] == [
        ("£3 million", 3_000_000, "GBP"),
        ("$5bn", 5_000_000_000, "USD"),
        ("€4bn", 4_000_000_000, "EUR"),
        ("£2.5k", 2_500, "GBP"),
    ]
    assert [q.thing for q in quantities("It costs £5.5bn over two years.")] == [None, "year"]


def test_money_with_scales_rates_and_what_it_is_a_sum_of():
    assert fields("Carers get £977.76 a week from a £1.2m budget, 50p more.") == [
        ("£977.76", 977.76, None, "GBP", "per week", None),
        ("£1.2m", 1_200_000, None, "GBP", "budget", None),
        ("50p", 0.5, None, "GBP", None, None),
    ]
    assert [q.thing for q in quantities("Revenues of $5.1bn and $18bn of cash.")] == ["revenue", "cash"]


def test_percentages_name_what_they_are_a_share_of():
    assert fields("About 45 per cent of the budget went on staff.") == [("About 45 per cent", 45, None, "%", "budget", "about")]


@pytest.mark.parametrize("text", ["between 10 and 20", "10-20", "10 to 20", "10–20"])
def test_ranges_keep_both_ends(text):
    (found,) = quantities(f"It needs {text} staff.")
    assert (found.text, found.value, found.upper, found.qualifier, found.thing) == (text, 10, 20, "between", "staff")


def test_and_joins_a_range_only_after_between():
    assert [(q.text, q.upper) for q in quantities("It has 10 and 20 staff.")] == [("20", None)]


@pytest.mark.parametrize(
    "text, thing",
    [("45% of schools", "school"), ("45 percent of pupils", "pupil"), ("a 45% rise", "rise"), ("45% higher fees", None), ("100% focused", None)],
)
def test_percentages_in_any_spelling_take_a_thing_only_when_one_is_named(text, thing):
    (found,) = quantities(f"It saw {text} overall.")
    assert (found.value, found.unit, found.thing) == (45 if "45" in text else 100, "%", thing)


@pytest.mark.parametrize(
    "text",
    [
        "The response to homeless 16- and 17-year-olds was praised.",
        "Covid-19 closed the A38 and M62 at 5pm.",
        "The inspection in 2018 and the cabinet lead from 2021-2023 met on 13 July.",
        "One of the most important tasks is one positive step.",
        "Councillors meet on Thursday July 13.",
        "Call 0151 123 4567 now.",
        "Around 4/5 schools filed 2022/23 accounts.",
        "Section 17 of the act and Article 8 applied one day, and no one came.",
        "It took place at 10am, at 10:30 and at 10.30 am, the 3rd time.",
        "There were 16 and 17 year olds at the meeting.",
    ],
)
def test_things_that_only_look_like_counts_are_not_quantities(text):
    assert quantities(text) == []


def test_number_words_and_plurals():
    assert parse_number("one hundred and twenty") == 120 and parse_number("1,234.5") == 1234.5
    assert parse_number("twenty-one") == 21 and parse_number("two thousand and five") == 2005
    assert [singularise(w) for w in ("children", "authorities", "areas", "boxes", "status", "years")] == [
        "child", "authority", "area", "box", "status", "year",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police said 23-year-old Abdel Bary was the suspect.", ("23", 23, "age")),
        ("Michael Brown, aged 18, was shot.", ("18", 18, "age")),
        ("The 12-second recording was released.", ("12", 12, "second")),
        ("It left a 12m-wide crater.", ("12", 12, "metre")),
        ("He caught a 280-pound catfish.", ("280", 280, "pound")),
    ],
)
def test_ages_and_measures_written_as_compounds_are_quantities(text, expected):
    (quantity,) = quantities(text)
    assert (quantity.text, quantity.value, quantity.thing) == expected
