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

    Reporters also date one event in sentences that say different things about it ("An
    inspection in March led to ..." / "An inspection of the department took place in
    April"). So a date is also tied to the event it is attached to: the noun right before
    "in/on <date>" after an article ("an inspection in March"), or the subject of "took
    place / was held in <date>". Two articles that attach one event noun to months or days
    less than ``max_event_gap_days`` apart that do not overlap are a medium finding, unless
    the story itself shows several such events (one article attaches that noun to two
    dates).

    A second reporter may also date the event in a sentence worded quite differently. So
    month-, day- and weekday-precise dates of two articles anywhere in the story are paired
    when they are said about the same thing (``factcheck.rules.context``: "died early
    Tuesday" / "died early Wednesday"; a weekday with no calendar date is compared by name)
    and cannot both be right: medium. A noun with a modifier ("the first inspection") is not attached, and dates years
    apart are taken as different events ("an inspection in 2018" is the previous one).

Example
    An inspection in March led to the department being rated inadequate.
    An inspection in April led to the department being rated inadequate.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta

from factcheck.extract.dates import plain_date
from factcheck.lexicon import WEEKDAYS
from factcheck.records import Claim, DateMention, Evidence, Finding
from factcheck.rules.alignment import aligned_pairs
from factcheck.rules.base import Parameter, StoryContext, finding
from factcheck.rules.context import same_fact, words_around

CODE = "FC301"
NAME = "date-mismatch"
SUMMARY = "The same event dated differently"
SEVERITY = "high"
PARAMETERS = {
    "min_similarity": Parameter(0.6, 0.0, 1.0, "vectors of two sentences at least this alike are compared"),
    "high_similarity": Parameter(0.8, 0.0, 1.0, "sentences this alike date one event even without shared event words"),
    "max_event_gap_days": Parameter(200, 0, 3650, "dates further apart than this are taken as two events"),
}

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


ARTICLE_NOUN = r"\b(?i:a|an|the)\s+([a-z]{4,})"
NOUN_BEFORE_DATE = re.compile(ARTICLE_NOUN + r"\s+(?:in|on|during)\s+$")
CLAUSE_SUBJECT = re.compile(r"\s*" + ARTICLE_NOUN)
HAPPENED_ON = re.compile(
    r"\b(?:took place|was held|were held|was carried out|was conducted|happened|occurred)\s+(?:in|on|during)\s+$"
)
NOT_EVENTS = frozenset(
    "year month week time period date season start beginning end middle course place meantime past future".split()
)
MONTH_PRECISION = re.compile(r"(?:\d{4}|-)-\d{2}(?:-\d{2})?")


def event_head(claim: Claim, mention: DateMention) -> str | None:
    """The event noun a date is attached to, if the wording attaches it plainly."""
    before = claim.sentence.text[: mention.start - claim.sentence.start]
    attached = NOUN_BEFORE_DATE.search(before)
    if attached is None and HAPPENED_ON.search(before):
        clause = re.split(r"[,;:]", before)[-1]
        attached = CLAUSE_SUBJECT.match(clause)
    head = attached[1] if attached else None
    return head if head and head not in FUNCTION_WORDS and head not in NOT_EVENTS else None


def event_dates(story: StoryContext) -> dict[str, list[tuple[Claim, DateMention]]]:
    """Month- or day-precise dates by the event noun they are attached to."""
    found: dict[str, list[tuple[Claim, DateMention]]] = {}
    for claim in story.claims:
        for mention in claim.dates:
            if mention.value and MONTH_PRECISION.fullmatch(mention.value):
                head = event_head(claim, mention)
                if head:
                    found.setdefault(head, []).append((claim, mention))
    return found


def gap_days(first: DateMention, second: DateMention) -> float:
    """Days between two dates' periods; year-less dates count as in one year."""
    a, b = (period(("2000" + m.value[1:]) if m.value.startswith("--") else m.value) for m in (first, second))
    return max(a[0] - b[1], b[0] - a[1]).days if a and b else float("inf")


def event_findings(story: StoryContext, parameters: Mapping[str, float], reported: set) -> Iterator[Finding]:
    """One event noun dated differently by two articles (see the module docs)."""
    for head, attached in event_dates(story).items():
        by_article: dict[str, set[str]] = {}
        for claim, mention in attached:
            by_article.setdefault(claim.sentence.article, set()).add(mention.value)
        if any(len(values) > 1 for values in by_article.values()):
            continue
        for position, (first, date_a) in enumerate(attached):
            for second, date_b in attached[position + 1 :]:
                if first.sentence.article == second.sentence.article or overlap(date_a, date_b):
                    continue
                if (date_a.value.startswith("--")) != (date_b.value.startswith("--")):
                    continue
                if gap_days(date_a, date_b) > parameters["max_event_gap_days"]:
                    continue
                if (id(first), id(second)) in reported:
                    continue
                reported.add((id(first), id(second)))
                message = f"The {head} is dated differently: {said(date_a)} vs {said(date_b)}."
                evidence = [Evidence.of(first.sentence, date_a), Evidence.of(second.sentence, date_b)]
                yield finding(NAME, story.name, "medium", story.similarity(first, second), message, evidence)


def aligned_findings(story: StoryContext, parameters: Mapping[str, float], reported: set) -> Iterator[Finding]:
    """Dates that differ between sentences about one fact (see the module docs)."""
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
                message = f"The same event is dated differently: {said(date_a)} vs {said(date_b)}."
                evidence = [Evidence.of(first.sentence, date_a), Evidence.of(second.sentence, date_b)]
                reported.add((id(first), id(second)))
                yield finding(NAME, story.name, severity, similarity, message, evidence)
                break


def said(mention: DateMention) -> str:
    """ “in March”, or “last week” (6 July 2023 to 13 July 2023) when the words alone do not
    say the date."""
    plain = plain_date(mention.value) if mention.value else ""
    if not plain or plain.lower() in mention.text.lower():
        return f"“{mention.text}”"
    return f"“{mention.text}” ({plain})"


WEEKDAY = re.compile(r"^(?:on\s+)?(" + "|".join(WEEKDAYS) + ")$", re.IGNORECASE)
WEEKDAY_FIRST = re.compile(r"^(?:on\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
MAX_DATES_COMPARED = 200


def weekday(mention: DateMention) -> str | None:
    """The weekday a mention names when no calendar date could be worked out for it."""
    found = WEEKDAY.match(mention.text.strip())
    return found[1].lower() if found and not mention.value else None


def day_of_week(mention: DateMention) -> str | None:
    """The weekday a mention says or implies: its own weekday word ("Tuesday, August 19"),
    or the weekday of a full calendar date."""
    found = WEEKDAY_FIRST.match(mention.text.strip())
    if found:
        return found[1].lower()
    if mention.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", mention.value):
        return WEEKDAYS[date.fromisoformat(mention.value).weekday()]
    return None


def context_findings(story: StoryContext, parameters: Mapping[str, float], reported: set) -> Iterator[Finding]:
    """Month-, day- or weekday-precise dates of two articles, anywhere in the story, said
    about the same thing (a content word around them in common: "died early Tuesday" /
    "died early Wednesday") and not able to both be right."""
    dated = [
        (claim, mention)
        for claim in story.claims
        for mention in claim.dates
        if weekday(mention) or (mention.value and MONTH_PRECISION.fullmatch(mention.value))
    ][:MAX_DATES_COMPARED]
    for position, (first, date_a) in enumerate(dated):
        for offset, (second, date_b) in enumerate(dated[position + 1 :], start=position + 1):
            if first.sentence.article == second.sentence.article or (id(first), id(second)) in reported:
                continue
            if not _different_days(date_a, date_b, parameters) or not same_fact(story, (first, date_a), (second, date_b)):
                continue
            if _stated_in(date_b, first) or _stated_in(date_a, second):
                continue
            if _several_events(dated, position, offset) or _several_events(dated, offset, position):
                continue
            reported.add((id(first), id(second)))
            message = f"The same event is dated differently: “{date_a.text}” vs “{date_b.text}”."
            evidence = [Evidence.of(first.sentence, date_a), Evidence.of(second.sentence, date_b)]
            yield finding(NAME, story.name, "medium", story.similarity(first, second), message, evidence)


def _stated_in(mention: DateMention, claim: Claim) -> bool:
    """The other sentence gives this date too (among others): no conflict."""
    day = weekday(mention)
    if day:
        return any(day_of_week(other) == day for other in claim.dates)
    return any(overlap(mention, other) for other in claim.dates if other.value)


def _several_events(dated: list[tuple[Claim, DateMention]], mine: int, theirs: int) -> bool:
    """Whether the other article dates something like this more than once ("an inspection
    in January ... an inspection in June"): then it describes several events, not one."""
    claim_b, mention_b = dated[theirs]
    mine_words = words_around(*dated[mine])
    return any(
        index != theirs
        and claim.sentence.article == claim_b.sentence.article
        and mention.text.lower() != mention_b.text.lower()
        and mine_words & words_around(claim, mention)
        for index, (claim, mention) in enumerate(dated)
    )


def _different_days(first: DateMention, second: DateMention, parameters: Mapping[str, float]) -> bool:
    """Two weekdays with different names, or two dates of one kind that cannot overlap and
    lie less than ``max_event_gap_days`` apart (further apart they are other events)."""
    if weekday(first) or weekday(second):
        days = day_of_week(first), day_of_week(second)
        return all(days) and days[0] != days[1]
    if first.value.startswith("--") != second.value.startswith("--") or overlap(first, second):
        return False
    return gap_days(first, second) <= parameters["max_event_gap_days"]


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    reported: set[tuple[int, int]] = set()
    yield from aligned_findings(story, parameters, reported)
    yield from event_findings(story, parameters, reported)
    yield from context_findings(story, parameters, reported)
