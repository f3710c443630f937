"""Dates and periods, normalised to ISO text as precise as the words allow.

"13 July 2023" is 2023-07-13, "March 2023" is 2023-03, "in 2018" is 2018, "2021-2023" and
"between 2016 and 2020" are intervals (2021/2023), "the 1990s" is 1990/1999, "last week" is an
ISO week (2023-W27), and "the past year" is the twelve months up to publication
(2022-07-13/2023-07-13). Words whose meaning depends on when the article was written ("last
week", "in March" without a year, "on Thursday July 13") are marked ``relative`` and resolved
against the publication date. When that is unknown, "last week" has no value, and a month or
day without a year keeps ISO 8601's year-less form ("--03", "--07-13"): comparable with another
year-less date, never with an absolute one. A bare weekday ("on Tuesday") is never resolved:
it could fall either side of publication.

A year alone is a date after a word such as "in", "since" or "from", or on its own unless a
plural noun follows it ("2000 children" is a count).

A month or day without a year is placed in the year that makes its sentence's tense true: in
the year of publication or before it for past events, in it or after it when the sentence
speaks of the future ("will take up her post in August"). "since" always looks back, and
"last March" / "next March" are never the month of publication.

Spans are found with regular expressions rather than a date-search library: these run on
every sentence, and search libraries read "may" and "march" as dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.lexicon import MONTH_NUMBERS, MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN
from factcheck.records import DateMention, Sentence

MONTH = MONTH_PATTERN
WEEKDAY = WEEKDAY_PATTERN
YEAR = r"(?:19|20)\d{2}"
ORDINAL = r"(?:st|nd|rd|th)?"
YEAR_CONTEXT = r"(?:in|since|from|until|till|by|of|before|after|during|between|summer|spring|autumn|winter|early|late|mid|end of|start of)"
FUTURE = re.compile(
    r"\b(?:will|shall|would|going to|(?:is|are) to|due to|expected to|plans? to|planned|set to|next|upcoming)\b|\w['’]ll\b",
    re.IGNORECASE,
)
SENTENCE_STOP = re.compile(r"[.!?;](?=\s)")
PLURAL_AFTER_YEAR = r"\s+(?!(?:was|is|has|as|its|this|his|us)\b)(?:[a-z]+s|people|children|staff|men|women|police)\b"
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
MONTHS_IN = {"month": 1, "year": 12, "decade": 120}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

Resolver = Callable[[re.Match[str], date | None, str], tuple[str | None, bool]]


def _month(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _iso_day(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    return (_valid(year, month, day), False)


def _day_month(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    month, day = _month(match["month"]), int(match["d"])
    if match["y"]:
        return _valid(int(match["y"]), month, day), False
    year = _year_for(month, published, sentence)
    if year:
        return _valid(year, month, day), True
    # No year to check against: a day no year has ("31 April") has no value (2000 had a 29 February).
    return (f"--{month:02d}-{day:02d}" if _valid(2000, month, day) else None), True


def _slash_day(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """13/07/2023 is day first: British copy."""
    return _valid(int(match["y"]), int(match["m"]), int(match["d"])), False


def _month_year(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    return f"{int(match['y']):04d}-{_month(match['month']):02d}", False


def _bare_month(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    month = _month(match["month"])
    year = _year_for(month, published, sentence, match["prep"].lower())
    return (f"{year:04d}-{month:02d}" if year else f"--{month:02d}"), True


def _year_range(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    first, second = match["y"], match["y2"]
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}/{second}", False


def _year(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    return match["y"], False


def _decade(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    return f"{match['y']}/{int(match['y']) + 9}", False


def _named_day(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if published is None:
        return None, True
    return (published + timedelta(days=offsets[match["word"].lower()])).isoformat(), True


def _relative_period(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """last/this/next week, month or year; "earlier this year" is this year."""
    if published is None:
        return None, True
    step = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    unit = match["unit"].lower()
    if unit == "week":
        day = published + timedelta(weeks=step)
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", True
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", True
    return f"{published.year + step:04d}", True


def _trailing_period(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """"the past year" is the twelve months up to publication, not last calendar year: read as
    2022 it would contradict "in March" of the same story."""
    if published is None or (match["n"] or "").lower() == "few":
        return None, True
    count = NUMBER_WORDS.get((match["n"] or "one").lower()) or int(match["n"])
    unit = match["unit"].lower().rstrip("s")
    if unit in UNIT_DAYS:
        start = published - timedelta(days=count * UNIT_DAYS[unit])
    else:
        start = _months_before(published, count * MONTHS_IN[unit])
    return f"{start.isoformat()}/{published.isoformat()}", True


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _ago(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    if published is None:
        return None, True
    count = NUMBER_WORDS.get(match["n"].lower()) or int(match["n"])
    unit = match["unit"].lower().rstrip("s")
    if unit in UNIT_DAYS:
        return (published - timedelta(days=count * UNIT_DAYS[unit])).isoformat(), True
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        return f"{index // 12:04d}-{index % 12 + 1:02d}", True
    return f"{published.year - count:04d}", True


def _weekday(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """"last Tuesday" and "next Tuesday" resolve; a bare "on Tuesday" could be either side of
    publication, so it stays unresolved."""
    which = (match["which"] or "").lower()
    if published is None or which not in ("last", "next"):
        return None, True
    target = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(match["day"].lower())
    if which == "last":
        delta = (published.weekday() - target) % 7 or 7
        return (published - timedelta(days=delta)).isoformat(), True
    delta = (target - published.weekday()) % 7 or 7
    return (published + timedelta(days=delta)).isoformat(), True


# Most specific first: a span taken by an earlier pattern is never matched again. A group
# named "at" marks the date inside a pattern that needs context words to be sure of it.
PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso_day),
    (re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"), _slash_day),
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?P<d>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<month>{MONTH})\b(?:,?\s+(?P<y>{YEAR})\b)?"), _day_month),
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<d>\d{{1,2}}){ORDINAL}\b(?!:)(?:,?\s+(?P<y>{YEAR})\b)?"), _day_month),
    (re.compile(rf"\b(?P<month>{MONTH})\s+(?:of\s+)?(?P<y>{YEAR})\b"), _month_year),
    (re.compile(rf"\b(?P<prep>[Ii]n|[Bb]y|of|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Dd]uring|early|late|mid|[Ll]ast|[Tt]his|[Nn]ext)\s(?P<at>(?P<month>{MONTH}))\b"), _bare_month),
    (re.compile(rf"\b[Bb]etween\s(?P<at>(?P<y>{YEAR})\sand\s(?P<y2>{YEAR}))\b"), _year_range),
    (re.compile(rf"\b(?P<y>{YEAR})\s*(?:-|–|/|to)\s*(?P<y2>{YEAR}|\d{{2}})\b(?![-–/]\d)"), _year_range),
    (re.compile(r"\b(?P<y>(?:19|20)\d0)s\b"), _decade),
    (re.compile(rf"\b{YEAR_CONTEXT}\s(?P<at>(?P<y>{YEAR}))\b(?![-–/]\d)", re.IGNORECASE), _year),
    (re.compile(rf"(?<![\w£$€.,/])(?<!\d[-–])(?<!\d\s)(?P<y>{YEAR})\b(?![-–/.,]\d|\s\d|{PLURAL_AFTER_YEAR})"), _year),
    (re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.IGNORECASE), _named_day),
    (re.compile(r"\bthe\s+(?:past|last)\s+(?:(?P<n>\d+|few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?P<unit>days?|weeks?|fortnight|months?|years?|decades?)\b(?!\s+of\b)", re.IGNORECASE), _trailing_period),
    (re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b(?!\s+of\b)", re.IGNORECASE), _relative_period),
    (re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+ago\b", re.IGNORECASE), _ago),
    (re.compile(rf"\b(?:(?P<which>last|next|on|this)\s+)?(?P<day>{WEEKDAY})\b"), _weekday),
]


def find_dates(sentence: Sentence, published: date | None) -> list[DateMention]:
    """Dates and periods in reading order, resolved against `published` when needed."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, resolve in PATTERNS:
        for match in pattern.finditer(sentence.text):
            start, end = match.span("at") if "at" in pattern.groupindex else match.span()
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            value, relative = resolve(match, published, _clause(sentence.text, start, end))
            taken.append((start, end))
            found.append(DateMention(sentence.text[start:end], sentence.start + start, sentence.start + end, value=value, relative=relative))
    return sorted(found, key=lambda mention: mention.start)


def _clause(text: str, start: int, end: int) -> str:
    """The sentence around a date, up to the nearest full stop: a line may hold several
    sentences, and "will" in the next one must not move "since February" into next year."""
    opening = max((stop.end() for stop in SENTENCE_STOP.finditer(text, 0, start)), default=0)
    closing = SENTENCE_STOP.search(text, end)
    return text[opening : closing.start() if closing else len(text)]


def _year_for(month: int, published: date | None, clause: str, preposition: str = "") -> int | None:
    """The year of a month named without one: see the module docstring."""
    if published is None:
        return None
    place = YEAR_BY_PREPOSITION.get(preposition) or (_in_or_after if FUTURE.search(clause) else _in_or_before)
    return place(month, published)


def _in_or_before(month: int, published: date) -> int:
    return published.year if month <= published.month else published.year - 1


def _in_or_after(month: int, published: date) -> int:
    return published.year if month >= published.month else published.year + 1


def _before(month: int, published: date) -> int:
    """"last July" in a July article is a year ago."""
    return published.year if month < published.month else published.year - 1


def _after(month: int, published: date) -> int:
    return published.year if month > published.month else published.year + 1


def _same_year(month: int, published: date) -> int:
    return published.year


YEAR_BY_PREPOSITION: dict[str, Callable[[int, date], int]] = {
    "this": _same_year,
    "last": _before,
    "next": _after,
    "since": _in_or_before,
}


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
ISO_DAY_OR_MONTH = re.compile(r"(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?")


def plain_date(value: str) -> str:
    """A value as a person writes it: "--03" is "March", "2023-07-13" "13 July 2023",
    "2023-W05" "week 5 of 2023", a period "6 July 2023 to 13 July 2023"."""
    if "/" in value:
        return " to ".join(plain_date(part) for part in value.split("/"))
    week = ISO_WEEK.fullmatch(value)
    if week:
        return f"week {int(week[2])} of {week[1]}"
    day = ISO_DAY_OR_MONTH.fullmatch(value)
    if not day:
        return value
    year, month, day_of_month = day.groups()
    words = [str(int(day_of_month))] if day_of_month else []
    words.append(MONTHS[int(month) - 1].capitalize())
    return " ".join(words + ([year] if year else []))
