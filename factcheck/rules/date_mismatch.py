"""date-mismatch: the same event dated differently.

What it catches
    "an inspection in March" against "an inspection in April"; "held the portfolio from
    2021" against "from 2019"; "on 13 July" against "on 14 July".

How it decides
    Dates are normalised by extraction to ISO periods ("2023-03", "2023-W27", "2021/2023");
    relative words ("last week", "in March") are resolved against the article's publication
    date; when that is unknown, "last week" is never compared, and "in March" is compared
    only with another month given without a year. The time of an event is never taken from
    the publication date. Two dates conflict when their periods do not overlap ("2023" and
    "2023-03" agree) and they date the same event: the sentences are about one fact (one
    cluster with vectors at least ``min_similarity`` alike, or most wording shared), and the
    words just before the dates share a common (lower-case) content word ("inspection in
    March" / "inspection in April"), or the sentences are very alike (``high_similarity``). A date in one sentence that matches some date in the other
    is never a conflict.

    Severity is high when the event words match; medium when only the sentences are alike.

Example
    An inspection in March led to the department being rated inadequate.
    An inspection in April led to the department being rated inadequate.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from factcheck.records import Claim, DateMention, Evidence, Finding
from factcheck.rules.alignment import aligned_pairs
from factcheck.rules.base import StoryContext, finding

CODE = "FC301"
NAME = "date-mismatch"
SUMMARY = "The same event dated differently"
SEVERITY = "high"
PARAMETERS = {"min_similarity": 0.6, "high_similarity": 0.8}

EVENT_WINDOW = 5
FUNCTION_WORDS = frozenset(
    """a an the in on at of for from since until by to and or but during before after this that last next
    was were is are be been being has have had it its their his her which who took place held""".split()
)


def period(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO value covers."""
    if "/" in value:
        first, last = (period(part) for part in value.split("/", 1))
        return (first[0], last[1]) if first and last else None
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        start = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return start, start + timedelta(days=6)
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def overlap(first: DateMention, second: DateMention) -> bool:
    """Whether two dates can both be right. A year-less date ("--03") is comparable only
    with another year-less one: their month and day must agree as far as both go."""
    a, b = first.value or "", second.value or ""
    if a.startswith("--") or b.startswith("--"):
        if not (a.startswith("--") and b.startswith("--")):
            return True
        return a.startswith(b) or b.startswith(a)
    first_period, second_period = period(a), period(b)
    return first_period is None or second_period is None or (
        first_period[0] <= second_period[1] and second_period[0] <= first_period[1]
    )


def event_words(claim: Claim, mention: DateMention) -> set[str]:
    """Content words just before a date: what the date is the date of."""
    before = claim.sentence.text[: mention.start - claim.sentence.start]
    words = re.findall(r"[A-Za-z]+", before)[-EVENT_WINDOW:]
    return {word.rstrip("s") for word in words if word.islower() and word not in FUNCTION_WORDS and len(word) > 2}


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for first, second, similarity in aligned_pairs(story, parameters["min_similarity"]):
        mine = [d for d in first.dates if d.value]
        theirs = [d for d in second.dates if d.value]
        for date_a in mine:
            if any(overlap(date_a, date_b) for date_b in theirs):
                continue
            for date_b in theirs:
                if any(overlap(date_b, other) for other in mine):
                    continue
                shared = event_words(first, date_a) & event_words(second, date_b)
                if not shared and similarity < parameters["high_similarity"]:
                    continue
                severity = "high" if shared else "medium"
                message = f"The same event is dated differently: “{date_a.text}” ({date_a.value}) vs “{date_b.text}” ({date_b.value})."
                evidence = [Evidence.of(first.sentence, date_a), Evidence.of(second.sentence, date_b)]
                yield finding(NAME, story.name, severity, similarity, message, evidence)
                break
