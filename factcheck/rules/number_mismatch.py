"""number-mismatch: the same counted thing given different numbers.

What it catches
    "rated inadequate in four out of five areas" in one article and "three out of five areas"
    in another; "346 children" against "364 children".

How it decides
    Only sentences about the same thing (clustered together, or sharing most of their
    wording) are compared, and only numbers
    that count the same thing in the same way: a ratio against a ratio of the same total, a
    count against a count in the same unit ("four out of five areas" is never compared with
    "11 areas of improvement"). Stated approximations are honoured: "more than 300" agrees
    with 346, "about 350" agrees with 346 (within ``approximate_tolerance``), "up to three"
    agrees with two. A number the other sentence also states is never a conflict.

    Severity is high when the two sentences are very alike (``high_similarity``), since
    then they almost surely report one fact; medium otherwise.

The message names the value most articles use, where there is a majority.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations

from factcheck.records import Claim, Evidence, Finding, Quantity
from factcheck.rules.alignment import comparable_groups
from factcheck.rules.base import StoryContext, finding

CODE = "FC201"
NAME = "number-mismatch"
SUMMARY = "The same counted thing given different numbers"
SEVERITY = "high"
PARAMETERS = {"high_similarity": 0.75, "approximate_tolerance": 0.1}

LOWER_BOUNDS = frozenset({"more than", "over", "at least", "upwards of", "in excess of"})
UPPER_BOUNDS = frozenset({"up to", "fewer than", "less than", "under", "at most", "no more than"})
APPROXIMATE = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "an estimated"})


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    tolerance = parameters["approximate_tolerance"]
    for group in comparable_groups(story):
        claims = [story.claims[index] for index in group]
        for counted in _by_kind_of_number(claims).values():
            conflicts = [
                (first, second)
                for first, second in combinations(counted, 2)
                if first[0].sentence.text != second[0].sentence.text
                and same_thing(first[1], second[1])
                and not agree(first[1], second[1], tolerance)
                and not _matched_elsewhere(first, second, tolerance)
            ]
            if conflicts:
                yield _report(story, counted, conflicts, parameters)


def _by_kind_of_number(claims: list[Claim]) -> dict[tuple, list[tuple[Claim, Quantity]]]:
    """Quantities that could be compared at all: same unit, and for ratios the same total."""
    groups: dict[tuple, list[tuple[Claim, Quantity]]] = {}
    for claim in claims:
        for quantity in claim.quantities:
            if quantity.thing or quantity.of_total is not None:
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
    because the total already ties it to the other ratio."""
    if first.thing == second.thing:
        return first.thing is not None or first.of_total is not None
    return first.of_total is not None and (first.thing is None or second.thing is None)


def agree(first: Quantity, second: Quantity, tolerance: float) -> bool:
    """Whether two numbers for one thing can both be true as written: their ranges overlap."""
    low_a, high_a = value_range(first, tolerance)
    low_b, high_b = value_range(second, tolerance)
    return low_a <= high_b and low_b <= high_a


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
    counted: list[tuple[Claim, Quantity]],
    conflicts: list[tuple[tuple[Claim, Quantity], tuple[Claim, Quantity]]],
    parameters: Mapping[str, float],
) -> Finding:
    similarity = max(story.similarity(a[0], b[0]) for a, b in conflicts)
    involved = {id(side[1]): side for pair in conflicts for side in pair}
    ordered = [pair for pair in counted if id(pair[1]) in involved]
    votes = Counter(quantity.text.lower() for _, quantity in ordered)
    (common, common_count), *rest = votes.most_common()
    forms = " vs ".join(f"“{text}”" for text in votes)
    thing = next((quantity.thing for _, quantity in ordered if quantity.thing), None)
    subject = f"a count of “{thing}”" if thing else "a ratio"
    message = f"The articles disagree on {subject}: {forms}."
    if rest and common_count > rest[0][1]:
        message += f" Most say “{common}”."
    evidence = [Evidence.of(claim.sentence, quantity) for claim, quantity in ordered]
    severity = "high" if similarity >= parameters["high_similarity"] else "medium"
    return finding(NAME, story.name, severity, 0.5 + 0.5 * similarity, message, evidence)
