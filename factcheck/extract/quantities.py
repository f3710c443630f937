"""Numbers and what they count, as structured values.

Precision first: a number read wrongly here becomes a false alarm later. So a number counts
only when its shape says it is a count, a ratio, money or a percentage, and the thing it
counts is taken only when the text names it plainly: the first plural noun within a few words
("four out of five of the key areas" counts areas; "346 children"). A person's age
("23-year-old", "aged 23") is a quantity of thing "age", and a measure written as a compound
("a 12-second clip", "a 12m-wide crater") one of its unit. Years, days of the month,
times, a group's age ("17-year-olds"), codes ("Covid-19", "A38"), fractions and seasons
written with a slash ("4/5", "2022/23") and the word "one" outside a ratio ("one of the most
...", "one day") are never quantities.

Ratios are "four out of five", "three in five" and "two of the five" (value 2, of_total 5).
Ranges ("between 10 and 20", "10-20", "10 to 20") keep their top in ``upper`` with qualifier
"between"; other qualifiers are exactly the words in ``QUALIFIERS``, the vocabulary the
number-mismatch rule reads as bounds or approximations.

Things are singularised with a small rule set (children -> child, authorities -> authority,
areas -> area) so that "1 area" and "3 areas" name the same thing.
"""

from __future__ import annotations

import re

from factcheck.lexicon import MONTH_PATTERN
from factcheck.records import Quantity, Sentence

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
GROUPS = {"hundred": 100, "dozen": 12}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "million": 1_000_000, "billion": 1_000_000_000, "thousand": 1_000}
CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR"}
QUALIFIERS = (
    "more than", "over", "at least", "upwards of", "in excess of", "up to", "fewer than", "less than",
    "under", "at most", "no more than", "about", "around", "nearly", "almost", "roughly",
    "approximately", "some", "an estimated",
)
RATES = {"a week": "per week", "per week": "per week", "a year": "per year", "per year": "per year",
         "a month": "per month", "per month": "per month", "a day": "per day", "per day": "per day",
         "an hour": "per hour", "per hour": "per hour", "per annum": "per year"}
IRREGULAR_PLURALS = {"children": "child", "people": "person", "women": "woman", "men": "man", "staff": "staff",
                     "police": "police", "feet": "foot", "teeth": "tooth", "mice": "mouse", "data": "data"}
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous")
YEAR_CONTEXT = frozenset("in since from by until till of before after during between and to summer spring autumn winter early late mid end".split())
MAX_THING_WORDS = 4
CONTEXT_CHARS = 120  # of the sentence either side of a number that says what it counts
COMPARATIVES = frozenset("higher lower bigger smaller greater fewer larger cheaper dearer better worse".split())
THING_BREAKS = frozenset(
    "of in on at to for from with by and or but that which who were was are is has have had be as than per more less each extra every it this these those they"
    " over under about around into across after before since while when up down".split()
)

WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
WORD_NUMBER = rf"(?:(?<!half\s)a\s+(?:dozen|hundred|thousand)|(?:{WORD})(?:-(?:{WORD}))?(?:\s+(?:hundred|thousand|million)(?:\s+and\s+(?:{WORD})(?:-(?:{WORD}))?)?)?)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\w£$€.,/-])(?:(?P<qualifier>{QUALIFIER})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?P<currency>[£$€])?(?P<number>{NUMBER})(?P<scale>\s?(?:bn|m|k)\b|\s+(?:million|billion|thousand)\b)?(?P<pence>p\b)?"
    rf"(?:(?P<percent>\s?%|\s+per\s?cent\b)"
    rf"|\s*(?(between)(?:and|-|–|to)|(?:-|–|to))\s*(?P<upper>{DIGITS}|{WORD_NUMBER})(?P<upper_percent>\s?%)?(?!\s*-?\s*year)"
    rf"|\s+(?:out\s+of|in|of\s+(?:the|its|their))\s+(?P<total>{DIGITS}|{WORD_NUMBER})\b(?![-–]\w))?"
    rf"(?![\w/-]|[.,]\d|:\d)",
    re.IGNORECASE,
)
MONTH_NEXT = re.compile(rf"\A(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}\b", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b{MONTH_PATTERN}\s+\Z", re.IGNORECASE)
AGE_NEXT = re.compile(r"\A[\s-]+(?:years?|months?|weeks?)[\s-]+olds?\b", re.IGNORECASE)
AGE = re.compile(
    rf"(?<![\w.-])(?P<number>\d{{1,3}}|{WORD})[\s-]+(?P<unit>years?|months?|weeks?)[\s-]+old\b(?!s)|\baged\s+(?P<aged>\d{{1,3}})\b",
    re.IGNORECASE,
)
MEASURE_UNITS = "second|minute|hour|day|week|month|year|foot|feet|inch|mile|yard|metre|meter|kilometre|kilometer|pound|ounce|ton|tonne|gallon|litre|liter|acre|storey|story"
MEASURE_ABBREVIATIONS = {"m": "metre", "km": "kilometre", "ft": "foot", "kg": "kilogram", "lb": "pound", "cm": "centimetre", "mm": "millimetre", "feet": "foot"}
MEASURE_COMPOUND = re.compile(
    rf"(?<![\w.,/-])(?P<number>\d+(?:\.\d+)?|{WORD})(?:-(?P<unit>{MEASURE_UNITS})s?\b(?![-–]old)|(?P<unit2>m|km|ft|kg|lb|cm|mm)-(?:wide|long|high|deep|tall|thick))(?P<aged>(?!))?",
    re.IGNORECASE,
)
TIME_NEXT = re.compile(r"\A\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|o['’]clock)\b", re.IGNORECASE)


def find_quantities(sentence: Sentence) -> list[Quantity]:
    """Counts, ratios, money, percentages, ages and measures in a sentence, with what they count."""
    found = []
    for match in QUANTITY.finditer(sentence.text):
        quantity = _quantity(sentence, match)
        if quantity is not None:
            found.append(quantity)
    taken = [(q.start, q.end) for q in found]
    for quantity in _ages_and_measures(sentence):
        if not any(start < quantity.end and quantity.start < end for start, end in taken):
            found.append(quantity)
    return sorted(found, key=lambda quantity: quantity.start)


def _ages_and_measures(sentence: Sentence) -> list[Quantity]:
    """"23-year-old" and "aged 23" are an age (thing "age"); "a 12-second clip", "a 24-hour
    operation", "a 280-pound catfish" and "a 12m-wide crater" are measures of their unit. A
    group's age ("17-year-olds") describes many people, so it is left out."""
    found = []
    for pattern, thing_of in ((AGE, lambda match: "age"), (MEASURE_COMPOUND, _measure_unit)):
        for match in pattern.finditer(sentence.text):
            group = "number" if match.group("number") else "aged"
            value = parse_number(match.group(group))
            if value is not None:
                unit = singularise((match.group("unit") or "year").lower()) if pattern is AGE else None
                found.append(
                    Quantity(
                        text=match.group(group),
                        start=sentence.start + match.start(group),
                        end=sentence.start + match.end(group),
                        value=value,
                        unit=None if unit in (None, "year") else unit,
                        thing=thing_of(match),
                    )
                )
    return found


def _measure_unit(match: re.Match[str]) -> str:
    unit = (match.group("unit") or match.group("unit2")).lower()
    return MEASURE_ABBREVIATIONS.get(unit, singularise(unit))


def _quantity(sentence: Sentence, match: re.Match[str]) -> Quantity | None:
    text = sentence.text
    value = parse_number(match.group("number"))
    if value is None or _is_not_a_count(text, match, value):
        return None
    if match.group("between") and not match.group("upper"):
        return None
    scale = SHORT_SCALES.get((match.group("scale") or "").strip().lower(), 1)
    unit, thing = _unit_and_thing(text, match)
    of_total = parse_number(match.group("total")) if match.group("total") else None
    upper = parse_number(match.group("upper")) if match.group("upper") else None
    if match.group("pence"):
        value, unit = value / 100, "GBP"
    qualifier = (match.group("qualifier") or "").lower() or ("between" if upper is not None else None)
    if thing is None and unit is None and of_total is None:
        return None
    return Quantity(
        text=match.group(),
        start=sentence.start + match.start(),
        end=sentence.start + match.end(),
        value=value * scale,
        of_total=of_total,
        upper=upper * scale if upper is not None else None,
        unit=unit,
        thing=thing,
        qualifier=qualifier,
    )


def _is_not_a_count(text: str, match: re.Match[str], value: float) -> bool:
    """Years, days of a month, times, ages and "one" outside a ratio are not counts."""
    number = match.group("number")
    after = text[match.end("number") : match.end("number") + CONTEXT_CHARS]
    before = text[max(0, match.start("number") - CONTEXT_CHARS) : match.start("number")]
    if MONTH_NEXT.match(after) or MONTH_BEFORE.search(before) or TIME_NEXT.match(after) or AGE_NEXT.match(after):
        return True
    if number.lower() == "one" and not match.group("total"):
        return True
    return _is_year(number, before, after, match) and not match.group("currency")


def _is_year(number: str, before: str, after: str, match: re.Match[str]) -> bool:
    if not re.fullmatch(r"(?:19|20)\d{2}", number):
        return False
    previous = re.findall(r"[A-Za-z]+", before[-20:])
    following = re.match(r"\s+([a-z]+)", after)
    return bool(
        (previous and previous[-1].lower() in YEAR_CONTEXT)
        or following is None
        or following.group(1) in THING_BREAKS
        or match.group("upper")
    )


def _unit_and_thing(text: str, match: re.Match[str]) -> tuple[str | None, str | None]:
    rest = text[match.end() : match.end() + CONTEXT_CHARS]
    if match.group("percent") or match.group("upper_percent"):
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)", rest)
        after = re.match(r"\s+([a-z]+)\b", rest)
        if of:
            return "%", _head_noun(of.group(1).split())
        return "%", after.group(1) if after and _could_be_a_noun(after.group(1)) else None
    currency = match.group("currency") or ("£" if match.group("pence") else None)
    if currency:
        return CURRENCIES[currency], _what_money_is(text[max(0, match.start() - CONTEXT_CHARS) : match.start()], rest)
    rest = re.sub(r"\A\s+of\s+(?:the|its|their|these|those)\b", "", rest)
    words = re.findall(r"[A-Za-z][\w’'-]*|[^\sA-Za-z]", rest)[:MAX_THING_WORDS]
    return None, _plural_head(words)


def _could_be_a_noun(word: str) -> bool:
    """The word after a bare percentage is what changed ("a 5% rise") unless it is a function
    word or, by its ending, a participle or adverb ("100% focused", "50% higher")."""
    return word not in THING_BREAKS and word not in COMPARATIVES and not word.endswith(("ed", "ly"))


def _what_money_is(before: str, rest: str) -> str | None:
    """A rate ("£977.76 a week"), or what the sum is of ("$18bn of cash", "a £1.2m budget",
    "revenues of $5.1bn"); an amount that says neither is not compared: two sums in one story are usually
    sums of different things."""
    rate = re.match(r"\s+(a|an|per)\s+(week|year|month|day|hour|annum)\b", rest)
    if rate:
        return RATES.get(f"{rate.group(1)} {rate.group(2)}")
    of_what = re.match(r"\s+of\s+(?:the\s+|its\s+)?([a-z]+)\b", rest)
    if of_what and of_what.group(1) not in THING_BREAKS:
        return singularise(of_what.group(1))
    named_after = re.match(r"\s+([a-z]+)\b", rest)
    if named_after and named_after.group(1) not in THING_BREAKS:
        return singularise(named_after.group(1))
    what_of = re.search(r"\b([A-Za-z]+)\s+(?:of|was|were|is|totalling|worth)\s+\Z", before)
    if what_of and what_of.group(1).lower() not in THING_BREAKS:
        return singularise(what_of.group(1).lower())
    return None


def _plural_head(words: list[str]) -> str | None:
    """The first plural noun in `words`, before any break word, singularised."""
    for word in words:
        lower = word.lower()
        if not word[:1].isalpha() or lower in THING_BREAKS:
            return None
        if lower.endswith(("'s", "’s")):
            continue
        singular = singularise(lower)
        if singular != lower or lower in IRREGULAR_PLURALS:
            return singular
    return None


def _head_noun(words: list[str]) -> str | None:
    """What a percentage is a share of: a plural noun among the first words, else the first
    word ("45% of schools" -> school, "45% of the budget went ..." -> budget)."""
    if not words or not words[0][:1].isalpha() or words[0].lower() in THING_BREAKS:
        return None
    return _plural_head(words) or singularise(words[0].lower())


def singularise(word: str) -> str:
    """children -> child, authorities -> authority, boxes -> box, areas -> area."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith(NOT_PLURAL_ENDINGS) or len(word) < 4 or not word.endswith("s"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def parse_number(written: str) -> float | None:
    """1,234.5, "twenty-one", "one hundred and twenty" or "a dozen" as a number."""
    cleaned = written.replace(",", "").strip().lower()
    try:
        return float(cleaned)
    except ValueError:
        pass
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", cleaned):
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in GROUPS:
            current = max(current, 1) * GROUPS[word]
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        elif word not in ("and", "a"):
            return None
    return float(total + current)
