"""Dates and periods, normalised to ISO text as precise as the words allow.

"13 July 2023" is 2023-07-13, "March 2023" is 2023-03, "in 2018" is 2018, "2021-2023" is the
interval 2021/2023, "last week" is an ISO week (2023-W27). Words whose meaning depends on when
the article was written ("last week", "in March" without a year, "on Thursday July 13") are
marked ``relative`` and resolved against the publication date. When that is unknown, "last
week" has no value, and a month or day without a year keeps ISO 8601's year-less form
("--03", "--07-13"): comparable with another year-less date, never with an absolute one.

A month or day without a year is placed in the year that makes the sentence's tense true: in
the year of publication or before it for past events, in it or after it when the sentence
speaks of the future ("will take up her post in August").

Spans are found with regular expressions rather than a date-search library: these run on
every sentence, and search libraries read "may" and "march" as dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.records import DateMention, Sentence

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:19|20)\d{2}"
ORDINAL = r"(?:st|nd|rd|th)?"
YEAR_CONTEXT = r"(?:in|since|from|until|till|by|of|before|after|during|between|summer|spring|autumn|winter|early|late|mid|end of|start of)"
FUTURE = re.compile(r"\b(?:will|shall|would|going to|to be|due|expected|plans?|set to|next|upcoming|from)\b", re.IGNORECASE)
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
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
    return (_valid(year, month, day) if year else f"--{month:02d}-{day:02d}"), True


def _slash_day(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """13/07/2023 is day first: British copy."""
    return _valid(int(match["y"]), int(match["m"]), int(match["d"])), False


def _month_year(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    return f"{int(match['y']):04d}-{_month(match['month']):02d}", False


def _bare_month(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    month = _month(match["month"])
    year = _year_for(month, published, sentence)
    return (f"{year:04d}-{month:02d}" if year else f"--{month:02d}"), True


def _year_range(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    first, second = match["y"], match["y2"]
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}/{second}", False


def _year(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    return match["y"], False


def _named_day(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if published is None:
        return None, True
    return (published + timedelta(days=offsets[match["word"].lower()])).isoformat(), True


def _relative_period(match: re.Match[str], published: date | None, sentence: str) -> tuple[str | None, bool]:
    """last/this/next week, month or year; "earlier this year" is this year."""
    if published is None:
        return None, True
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[match["which"].lower()]
    unit = match["unit"].lower()
    if unit == "week":
        day = published + timedelta(weeks=step)
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", True
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", True
    return f"{published.year + step:04d}", True


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
    (re.compile(rf"\b(?:[Ii]n|[Bb]y|of|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Dd]uring|early|late|mid|[Ll]ast|[Tt]his|[Nn]ext)\s(?P<at>(?P<month>{MONTH}))\b"), _bare_month),
    (re.compile(rf"\b(?P<y>{YEAR})\s*(?:-|–|/|to)\s*(?P<y2>{YEAR}|\d{{2}})\b(?![-–/]\d)"), _year_range),
    (re.compile(rf"\b{YEAR_CONTEXT}\s(?P<at>(?P<y>{YEAR}))\b(?![-–/]\d|\s+[a-z]+s\b)", re.IGNORECASE), _year),
    (re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.IGNORECASE), _named_day),
    (re.compile(r"\b(?:(?:earlier|later)\s+)?(?P<which>last|past|this|next)\s+(?P<unit>week|month|year)\b", re.IGNORECASE), _relative_period),
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
            value, relative = resolve(match, published, sentence.text)
            taken.append((start, end))
            found.append(DateMention(sentence.text[start:end], sentence.start + start, sentence.start + end, value=value, relative=relative))
    return sorted(found, key=lambda mention: mention.start)


def _year_for(month: int, published: date | None, sentence: str) -> int | None:
    """The year of a month named without one: see the module docstring."""
    if published is None:
        return None
    if FUTURE.search(sentence):
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
