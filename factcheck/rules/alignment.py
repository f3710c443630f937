"""Which claims are about the same thing, and where their wording differs.

Rules that compare wording (negations, antonyms, swapped names, reworded quotes) share two
steps: pick pairs of sentences that report one fact (same cluster, and alike enough), then
line their words up and look only at the places that differ. Both steps live here so every
rule reads a difference the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.records import Claim, Mention
from factcheck.rules.base import StoryContext

WORD = re.compile(r"[\w’'£$%.-]*\w[%]?|[\w]")


@dataclass(frozen=True)
class Word:
    """A word of a sentence with its absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Difference:
    """One place where two aligned sentences differ: the words on each side (either may be
    empty when words were only added or removed)."""

    first: tuple[Word, ...]
    second: tuple[Word, ...]

    def first_text(self) -> str:
        return " ".join(word.text for word in self.first)

    def second_text(self) -> str:
        return " ".join(word.text for word in self.second)


def words_of(text: str, base: int = 0) -> list[Word]:
    return [Word(match.group(), base + match.start(), base + match.end()) for match in WORD.finditer(text)]


def differences(first: list[Word], second: list[Word]) -> tuple[float, list[Difference]]:
    """How alike two word lists are (0..1) and the places where they differ."""
    matcher = SequenceMatcher(a=[w.key for w in first], b=[w.key for w in second], autojunk=False)
    found = [
        Difference(tuple(first[a0:a1]), tuple(second[b0:b1]))
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]
    return matcher.ratio(), found


def aligned_pairs(story: StoryContext, min_similarity: float) -> Iterator[tuple[Claim, Claim, float]]:
    """Pairs of different sentences in one cluster whose vectors are at least this alike,
    in story order. Sentences of one article are paired too: a draft can contradict itself."""
    for cluster in story.clusters:
        members = sorted(cluster)
        for position, first_index in enumerate(members):
            for second_index in members[position + 1 :]:
                first, second = story.claims[first_index], story.claims[second_index]
                if first.sentence.text == second.sentence.text:
                    continue
                similarity = story.similarity(first, second)
                if similarity >= min_similarity:
                    yield first, second, similarity


def span_of(claim: Claim, words: tuple[Word, ...]) -> Mention:
    """The words as a Mention inside the claim's sentence (the whole sentence if none)."""
    sentence = claim.sentence
    if not words:
        return Mention(sentence.text, sentence.start, sentence.end)
    start, end = words[0].start, words[-1].end
    return Mention(sentence.text[start - sentence.start : end - sentence.start], start, end)
