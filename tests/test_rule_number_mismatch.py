from factcheck.records import Quantity
from factcheck.rules import RULES
from factcheck.rules.number_mismatch import agree, check

from conftest import story_context

PARAMETERS = RULES["number-mismatch"].parameters
RATED = "In total {} out of five areas of the service were rated inadequate by Ofsted."


def ratio(text: str, words: str, value: float, of_total: float = 5, thing: str = "area", qualifier=None) -> Quantity:
    start = text.index(words)
    return Quantity(words, start, start + len(words), value=value, of_total=of_total, thing=thing, qualifier=qualifier)


def run(lines: dict[str, str], quantities):
    return list(check(story_context(lines, quantities=quantities, min_similarity=0.5), PARAMETERS))


def test_same_ratio_with_different_counts_is_flagged_with_both_spans():
    first, second = RATED.format("four"), RATED.format("three")
    (found,) = run(
        {"a.txt": first, "b.txt": second},
        {("a.txt", 0): [ratio(first, "four out of five", 4)], ("b.txt", 0): [ratio(second, "three out of five", 3)]},
    )
    assert found.rule == "number-mismatch" and found.severity == "high"
    assert [item.span for item in found.evidence] == ["four out of five", "three out of five"]
    assert "“four out of five” vs “three out of five”" in found.message


def test_majority_value_is_named():
    texts = {name: RATED.format(word) for name, word in [("a.txt", "four"), ("b.txt", "four"), ("c.txt", "three")]}
    quantities = {(name, 0): [ratio(text, text.split(" out")[0].split()[-1] + " out of five", 4 if "four" in text else 3)] for name, text in texts.items()}
    (found,) = run(texts, quantities)
    assert "Most say “four out of five”" in found.message


def test_equal_counts_are_not_flagged():
    text = RATED.format("four")
    assert run({"a.txt": text, "b.txt": text}, {(n, 0): [ratio(text, "four out of five", 4)] for n in ("a.txt", "b.txt")}) == []


def test_different_things_are_not_compared():
    first = "Ofsted listed 11 areas of improvement for the service."
    second = "Ofsted listed 11 areas of concern for the service and 4 children."
    quantities = {
        ("a.txt", 0): [Quantity("11 areas", 14, 22, value=11, thing="area")],
        ("b.txt", 0): [Quantity("4 children", 56, 66, value=4, thing="child")],
    }
    assert run({"a.txt": first, "b.txt": second}, quantities) == []


def test_unrelated_sentences_sharing_a_thing_are_not_compared():
    first = "Ofsted rated four out of five areas inadequate in March."
    second = "Foster carers in Liverpool are paid for three out of five weekends in the summer holidays."
    quantities = {("a.txt", 0): [ratio(first, "four out of five", 4)], ("b.txt", 0): [ratio(second, "three out of five", 3)]}
    assert run({"a.txt": first, "b.txt": second}, quantities) == []


def test_stated_bounds_and_approximations_are_honoured():
    exact = Quantity("346 children", 0, 12, value=346, thing="child")
    assert agree(exact, Quantity("more than 300 children", 0, 1, value=300, thing="child", qualifier="more than"), 0.1)
    assert agree(exact, Quantity("about 350 children", 0, 1, value=350, thing="child", qualifier="about"), 0.1)
    assert not agree(exact, Quantity("up to 300 children", 0, 1, value=300, thing="child", qualifier="up to"), 0.1)
    assert not agree(exact, Quantity("364 children", 0, 1, value=364, thing="child"), 0.1)
