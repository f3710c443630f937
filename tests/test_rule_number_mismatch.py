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
    assert "“four out of five” in 2 articles, “three out of five” in 1 article: more articles use “four out of five”" in found.message


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


def quantity(text: str, words: str, value: float, thing: str, qualifier=None) -> Quantity:
    start = text.index(words)
    return Quantity(words, start, start + len(words), value=value, thing=thing, qualifier=qualifier)


def counted(texts: dict[str, tuple[str, str, float]], thing: str):
    lines = {name: text for name, (text, _, _) in texts.items()}
    quantities = {(name, 0): [quantity(text, words, value, thing)] for name, (text, words, value) in texts.items()}
    return run(lines, quantities)


def test_a_round_number_agrees_with_what_rounds_to_it_but_small_counts_are_exact():
    tip = "A pizza delivery driver in Ann Arbor received a tip of {} dollars on Thursday."
    assert counted({"a.txt": (tip.format("2000"), "2000", 2000), "b.txt": (tip.format("2084"), "2084", 2084)}, "dollar") == []
    killed = "Police said {} people were killed in the attack on the bus on Friday."
    (found,) = counted({"a.txt": (killed.format("20"), "20", 20), "b.txt": (killed.format("24"), "24", 24)}, "person")
    assert "“20” vs “24”" in found.message


def test_one_article_giving_two_numbers_for_one_noun_is_not_a_conflict():
    text = "Six shots were fired in rapid succession.\nAfter a pause another four shots were fired in rapid succession."
    quantities = {("a.txt", 0): [quantity("Six shots were fired in rapid succession.", "Six", 6, "shot")],
                  ("a.txt", 1): [quantity("After a pause another four shots were fired in rapid succession.", "four", 4, "shot")]}
    assert run({"a.txt": text}, quantities) == []


def test_counts_of_one_noun_said_about_different_things_are_not_compared():
    first = "On Tuesday the military conducted four airstrikes near Kobani in Syria."
    second = "American planes in Syria have now carried out more than 135 airstrikes, the Centcom statement says."
    assert counted({"a.txt": (first, "four", 4), "b.txt": (second, "135", 135)}, "airstrike") == []


def test_one_pair_of_values_is_one_finding_however_many_sentences_repeat_it():
    text = "Dulaimi was one of {} women released from a Syrian jail in March."
    lines = {"a.txt": text.format(150), "b.txt": text.format(138), "c.txt": text.format(138)}
    quantities = {(name, 0): [quantity(line, str(value), value, "woman")] for (name, line), value in zip(lines.items(), (150, 138, 138))}
    (found,) = run(lines, quantities)
    assert "“138” in 2 articles" in found.message
