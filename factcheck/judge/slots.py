"""Slots: every value a rule compares, as a mention with the words around it.

A slot is one place in one fact ("the number of hostages released", "the day the video
came out", "the man who said it"); a mention fills it with a value. Two mentions fill the
same slot when the words around them say the same thing, whatever the values: that is what
the judge reads, so the value itself is masked out of its context. Whether two values of one
slot conflict is then a plain comparison the rules own (numbers, dates, spellings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.lexicon import FUNCTION_WORDS
from factcheck.records import Claim, Sentence

KINDS = ("count", "date", "name")
# What stands in for the value, so a context never gives its value away.
PLACEHOLDER = {"count": "several", "date": "then", "name": "someone"}
WINDOW = 10
WORD = re.compile(r"\S+")
CONTENT = re.compile(r"[a-z][a-z'’-]{2,}")
MONEY = frozenset({"GBP", "USD", "EUR"})
# A count is specific enough to name one fact when it is large, a ratio or a sum of money.
RARE_COUNT = 5
# A date names one event when it is at least as precise as a month ("2014-08").
PRECISE_DATE = len("2014-08")


@dataclass(frozen=True)
class SlotMention:
    """A value (``key``) of one kind, at absolute offsets ``start:end`` of its sentence."""

    kind: str
    key: tuple
    sentence: Sentence
    start: int
    end: int

    @property
    def article(self) -> str:
        return self.sentence.article

    @property
    def context(self) -> str:
        return masked_context(self.sentence.text, self.start - self.sentence.start, self.end - self.sentence.start, self.kind)


def masked_context(sentence: str, start: int, end: int, kind: str | None) -> str:
    """WINDOW words either side of `sentence[start:end]`, the value replaced by its kind's
    placeholder ("it" for a kind the judge was not trained on)."""
    before = WORD.findall(sentence[:start])[-WINDOW:]
    after = WORD.findall(sentence[end:])[:WINDOW]
    return " ".join([*before, PLACEHOLDER.get(kind or "", "it"), *after])


def content_of(context: str) -> frozenset[str]:
    """Lower-case content words of a context, cut to five letters ("weighed"/"weighing")."""
    return frozenset(word[:5] for word in CONTENT.findall(context.lower()) if word not in FUNCTION_WORDS)


def slot_mentions(claims: list[Claim]) -> list[SlotMention]:
    """The values of the claims that name one fact each: rare counts, dates precise to a
    month, people named in full. Common values ("two people", "2014") fill many slots."""
    found: list[SlotMention] = []
    for claim in claims:
        sentence = claim.sentence
        for quantity in claim.quantities:
            if quantity.of_total is not None or quantity.unit in MONEY or (quantity.thing and quantity.value >= RARE_COUNT):
                key = (quantity.value, quantity.of_total, quantity.unit, quantity.thing)
                found.append(SlotMention("count", key, sentence, quantity.start, quantity.end))
        for date in claim.dates:
            if date.value and not date.relative and len(date.value) >= PRECISE_DATE:
                found.append(SlotMention("date", (date.value,), sentence, date.start, date.end))
        for person in claim.people:
            if person.given and person.surname and " " in person.text.strip():
                found.append(SlotMention("name", (person.canonical.casefold(),), sentence, person.start, person.end))
    return found
