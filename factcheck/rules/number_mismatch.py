"""number-mismatch: the same counted thing given different numbers.

What it catches
    "rated inadequate in four out of five areas" in one article and "three out of five areas"
    in another; "346 children" against "364 children".

How it decides
    Numbers of two different articles are compared wherever they sit in the story (a second
    reporter words the sentence differently), but only numbers
    that count the same thing in the same way: a ratio against a ratio of the same total, a
    count against a count in the same unit ("four out of five areas" is never compared with
    "11 areas of improvement"). Stated approximations are honoured: "more than 300" agrees
    with 346, "about 350" agrees with 346 (within ``approximate_tolerance``), "up to three"
    agrees with two, and a round number agrees with what rounds to it ("$2,000" / "$2,084",
    "40 feet" / 39) when it is 100 or more or a measurement. A number the other sentence
    also states is never a conflict, nor is a number given with an alternative beside it
    ("10 or 11 shots"). One article giving two numbers for one noun ("six shots ...
    another four or five shots") is stating two facts, so only articles are compared. The
    two numbers must also be said about the same thing beyond their noun: two content words
    around them are shared, or one in sentences that are alike anyway ("one of 150 women
    released from a Syrian jail" / "one of 138 women released"), since "four airstrikes
    near Kobani" and "more than 135 airstrikes" count different raids; and when both
    sentences name people, they name one of the same ("a 19-year-old named Jess Smith" is
    not "Jessica Smith, the 27-year-old star").
    One pair of values for one thing is one finding, however many sentences repeat it.

    Severity is high when the two sentences are very alike (``high_similarity``), since
    then they almost surely report one fact; medium otherwise.

Each pair of sentences is one finding. The message says how many articles state each
value, and which one more of them use, or that it is a tie.

Example
    Ofsted rated the council's children's services inadequate in four out of five areas.
    Ofsted rated the council's children's services inadequate in three out of five areas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import combinations

from factcheck.lexicon import MEASURES
from factcheck.records import Claim, Evidence, Finding, Quantity
from factcheck.rules.base import Parameter, StoryContext, finding
from factcheck.rules.context import same_fact
from factcheck.rules.majority import majority_note

CODE = "FC201"
NAME = "number-mismatch"
SUMMARY = "The same counted thing given different numbers"
SEVERITY = "high"
PARAMETERS = {
    "high_similarity": Parameter(0.75, 0.0, 1.0, "sentence similarity from which the rule calls a conflict high"),
    "approximate_tolerance": Parameter(0.1, 0.0, 1.0, "how far \"about 350\" may be from the other number, as a share"),
}

LOWER_BOUNDS = frozenset({"more than", "over", "at least", "upwards of", "in excess of"})
UPPER_BOUNDS = frozenset({"up to", "fewer than", "less than", "under", "at most", "no more than"})
ROUNDED_FROM = 100
ALTERNATIVE_GAP = 8
MONEY = frozenset({"GBP", "USD", "EUR"})
# Counts of one kind compared per story: bounds the pairs a story full of numbers can make.
MAX_COUNTS_COMPARED = 200
APPROXIMATE = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "an estimated"})


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    tolerance = parameters["approximate_tolerance"]
    stated = _articles_stating(story)
    best: dict[tuple, tuple[float, tuple[Claim, Quantity], tuple[Claim, Quantity]]] = {}
    for counted in _by_kind_of_number(story.claims).values():
        for first, second in combinations(counted[:MAX_COUNTS_COMPARED], 2):
            if not _conflict(first, second, tolerance) or not same_fact(story, first, second, first[1].thing or ""):
                continue
            thing = first[1].thing or second[1].thing
            key = (thing, first[1].unit, first[1].of_total, *sorted((first[1].value, second[1].value)))
            similarity = story.similarity(first[0], second[0])
            if key not in best or similarity > best[key][0]:
                best[key] = (similarity, first, second)
    for _, first, second in best.values():
        yield _report(story, first, second, stated, parameters)


def _conflict(first: tuple[Claim, Quantity], second: tuple[Claim, Quantity], tolerance: float) -> bool:
    """Two articles' numbers for one counted thing that cannot both be right. One article's
    two numbers for one noun ("six shots ... another four or five shots") are two facts, and
    a sentence that gives several numbers for the thing is not pinned to either."""
    (claim_a, quantity_a), (claim_b, quantity_b) = first, second
    return (
        claim_a.sentence.article != claim_b.sentence.article
        and same_thing(quantity_a, quantity_b)
        and not agree(quantity_a, quantity_b, tolerance)
        and not _matched_elsewhere(first, second, tolerance)
        and _one_value(claim_a, quantity_a)
        and _one_value(claim_b, quantity_b)
    )


def _one_value(claim: Claim, quantity: Quantity) -> bool:
    """No alternative given beside it ("10 or 11 shots", "four or five")."""
    return not any(
        other.value != quantity.value and min(abs(other.start - quantity.end), abs(quantity.start - other.end)) <= ALTERNATIVE_GAP
        for other in claim.quantities
        if same_thing(other, quantity)
    )


def _articles_stating(story: StoryContext) -> dict[tuple, set[str]]:
    """For each (thing, unit, total, value): the articles that state it."""
    stated: dict[tuple, set[str]] = {}
    for claim in story.claims:
        for quantity in claim.quantities:
            key = (quantity.thing, quantity.unit, quantity.of_total, quantity.value)
            stated.setdefault(key, set()).add(claim.sentence.article)
    return stated


def _by_kind_of_number(claims: list[Claim]) -> dict[tuple, list[tuple[Claim, Quantity]]]:
    """Quantities that could be compared at all: same unit, and for ratios the same total."""
    groups: dict[tuple, list[tuple[Claim, Quantity]]] = {}
    for claim in claims:
        for quantity in claim.quantities:
            if quantity.thing or quantity.of_total is not None or quantity.unit in MONEY:
                groups.setdefault((quantity.unit, quantity.of_total), []).append((claim, quantity))
    return groups


def _matched_elsewhere(first: tuple[Claim, Quantity], second: tuple[Claim, Quantity], tolerance: float) -> bool:
    """A number that the other sentence also states (among others) is no conflict: "$1.5bn
    and $8.4bn" against "$1.5bn" pairs $8.4bn with $1.5bn only by accident."""
    (claim_a, quantity_a), (claim_b, quantity_b) = first, second
    return any(same_thing(quantity_a, other) and agree(quantity_a, other, tolerance) for other in claim_b.quantities) or any(
        same_thing(quantity_b, other) and agree(quantity_b, other, tolerance) for other in claim_a.quantities
    )


def same_thing(first: Quantity, second: Quantity) -> bool:
    """Counts must name the same thing; a ratio may leave it unsaid ("three out of five")
    because the total already ties it to the other ratio, and so may two sums of one
    currency ("for $1.69"), which then rest on what is said around them."""
    if first.thing == second.thing:
        return first.thing is not None or first.of_total is not None or (first.unit in MONEY and first.unit == second.unit)
    return first.of_total is not None and (first.thing is None or second.thing is None)


def agree(first: Quantity, second: Quantity, tolerance: float) -> bool:
    """Whether two numbers for one thing can both be true as written: their ranges overlap,
    or one is the other rounded ("$2,000" for $2,084; "40 feet" for 39)."""
    low_a, high_a = value_range(first, tolerance)
    low_b, high_b = value_range(second, tolerance)
    return (low_a <= high_b and low_b <= high_a) or rounded(first, second) or rounded(second, first)


def rounded(round_one: Quantity, precise: Quantity) -> bool:
    """Whether `round_one` is `precise` rounded to its own last non-zero digit. Only large
    numbers and measurements are rounded in copy: "20 killed" is not "24 killed"."""
    value = round_one.value
    if (round_one.qualifier or "").lower() in LOWER_BOUNDS | UPPER_BOUNDS or (precise.qualifier or "").lower() in LOWER_BOUNDS | UPPER_BOUNDS:
        return False
    if value <= 0 or value != int(value) or not (value >= ROUNDED_FROM or round_one.thing in MEASURES):
        return False
    step = 1
    while value % (step * 10) == 0 and step * 10 < value:
        step *= 10
    return step > 1 and round(precise.value / step) * step == value


def value_range(quantity: Quantity, tolerance: float) -> tuple[float, float]:
    """The values a quantity admits: "more than 300" is (300, inf), "about 350" is 350 +- 10%."""
    qualifier = (quantity.qualifier or "").lower()
    value = quantity.value
    if quantity.upper is not None:
        return min(value, quantity.upper), max(value, quantity.upper)
    if qualifier in LOWER_BOUNDS:
        return value, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, value
    if qualifier in APPROXIMATE:
        slack = tolerance * max(abs(value), 1.0)
        return value - slack, value + slack
    return value, value


def _report(
    story: StoryContext,
    first: tuple[Claim, Quantity],
    second: tuple[Claim, Quantity],
    stated: dict[tuple, set[str]],
    parameters: Mapping[str, float],
) -> Finding:
    similarity = story.similarity(first[0], second[0])
    thing = first[1].thing or second[1].thing
    subject = f"a count of “{thing}”" if thing else "a ratio"
    message = f"The articles disagree on {subject}: “{first[1].text}” vs “{second[1].text}”."
    counts = [len(stated.get((q.thing, q.unit, q.of_total, q.value), ())) for _, q in (first, second)]
    message += " " + majority_note([first[1].text, second[1].text], counts)
    evidence = [Evidence.of(claim.sentence, quantity) for claim, quantity in (first, second)]
    severity = "high" if similarity >= parameters["high_similarity"] else "medium"
    return finding(NAME, story.name, severity, 0.5 + 0.5 * similarity, message, evidence)
