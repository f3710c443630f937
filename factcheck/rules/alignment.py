"""Which claims are about the same thing, and where their wording differs.

Rules that compare wording (negations, antonyms, swapped names, reworded quotes) share two
steps: pick pairs of sentences that report one fact (same cluster, and alike enough), then
line their words up and look only at the places that differ. Both steps live here so every
rule reads a difference the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factcheck.records import Claim, Mention
from factcheck.rules.base import StoryContext

WORD = re.compile(r"[\w’'£$%.-]*\w[%]?|[\w]")


@dataclass(frozen=True)
class Word:
    """A word of a sentence with its absolute offsets, and its form for comparing."""

    text: str
    start: int
    end: int
    key: str


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


@lru_cache(maxsize=65536)
def words_of(text: str, base: int = 0) -> tuple[Word, ...]:
    """Cached: every rule that reads wording asks for the same sentences, pair after pair."""
    return tuple(
        Word(match.group(), base + match.start(), base + match.end(), match.group().lower().replace("’", "'"))
        for match in WORD.finditer(text)
    )


def differences(first: Sequence[Word], second: Sequence[Word], join_gap: int = 0) -> tuple[float, list[Difference]]:
    """How alike two word lists are (0..1) and the places where they differ. Places at most
    `join_gap` shared words apart are read as one ("the Department for Education" against
    "the education watchdog" lines up "education" by accident)."""
    matcher = SequenceMatcher(a=[w.key for w in first], b=[w.key for w in second], autojunk=False)
    spans: list[list[int]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and a0 - spans[-1][1] <= join_gap and b0 - spans[-1][3] <= join_gap:
            spans[-1][1], spans[-1][3] = a1, b1
        else:
            spans.append([a0, a1, b0, b1])
    found = [Difference(tuple(first[a0:a1]), tuple(second[b0:b1])) for a0, a1, b0, b1 in spans]
    return matcher.ratio(), found


def comparable_groups(story: StoryContext) -> list[list[int]]:
    """Claims that may be compared: each cluster, and each pair of sentences that report one
    fact (shared wording or a shared distinctive count) but were clustered apart."""
    cluster_of = {index: number for number, cluster in enumerate(story.clusters) for index in cluster}
    extra = [
        [first, second]
        for first, second in story.linked_pairs()
        if first not in cluster_of or cluster_of.get(first) != cluster_of.get(second)
    ]
    return [sorted(cluster) for cluster in story.clusters] + extra


def aligned_pairs(story: StoryContext, min_similarity: float) -> Iterator[tuple[Claim, Claim, float]]:
    """Pairs of different sentences about one fact, in story order: in one cluster with
    vectors at least `min_similarity` alike, or sharing most of their wording. Sentences of
    one article are paired too: a draft can contradict itself."""
    linked = set(story.linked_pairs())
    for group in comparable_groups(story):
        for position, first_index in enumerate(group):
            for second_index in group[position + 1 :]:
                first, second = story.claims[first_index], story.claims[second_index]
                if first.sentence.text == second.sentence.text:
                    continue
                similarity = story.similarity(first, second)
                if similarity >= min_similarity or (first_index, second_index) in linked:
                    yield first, second, similarity


def span_of(claim: Claim, words: tuple[Word, ...]) -> Mention:
    """The words as a Mention inside the claim's sentence (the whole sentence if none)."""
    sentence = claim.sentence
    if not words:
        return Mention(sentence.text, sentence.start, sentence.end)
    start, end = words[0].start, words[-1].end
    return Mention(sentence.text[start - sentence.start : end - sentence.start], start, end)
