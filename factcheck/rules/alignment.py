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

import numpy as np

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
    ratio, opcodes = _alignment(tuple(w.key for w in first), tuple(w.key for w in second))
    spans: list[list[int]] = []
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        if spans and a0 - spans[-1][1] <= join_gap and b0 - spans[-1][3] <= join_gap:
            spans[-1][1], spans[-1][3] = a1, b1
        else:
            spans.append([a0, a1, b0, b1])
    found = [Difference(tuple(first[a0:a1]), tuple(second[b0:b1])) for a0, a1, b0, b1 in spans]
    return ratio, found


@lru_cache(maxsize=65536)
def _alignment(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[float, tuple[tuple, ...]]:
    """Cached by wording: several rules align the same pairs, and wire copy repeats sentences
    across a story's drafts. Aligning two word lists is most of what the rules cost."""
    matcher = SequenceMatcher(a=first, b=second, autojunk=False)
    return matcher.ratio(), tuple(matcher.get_opcodes())


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
    for first_index, second_index, similarity, linked in _candidate_pairs(story):
        if similarity >= min_similarity or linked:
            yield story.claims[first_index], story.claims[second_index], similarity


def _candidate_pairs(story: StoryContext) -> list[tuple[int, int, float, bool]]:
    """Every pair that some threshold could align, with its similarity; computed once per
    story for the several rules that ask (each with its own threshold)."""
    key = ("candidate pairs",)
    if key not in story.memo:
        linked = set(story.linked_pairs())
        texts = [claim.sentence.text for claim in story.claims]
        pairs = []
        for group in comparable_groups(story):
            rows = story.vectors[group].astype(np.float64)
            similarities = (rows @ rows.T).tolist()
            for position, first_index in enumerate(group):
                for offset, second_index in enumerate(group[position + 1 :], start=position + 1):
                    if texts[first_index] != texts[second_index]:
                        pair = (first_index, second_index)
                        pairs.append((*pair, similarities[position][offset], pair in linked))
        story.memo[key] = pairs
    return story.memo[key]


def span_of(claim: Claim, words: tuple[Word, ...]) -> Mention:
    """The words as a Mention inside the claim's sentence (the whole sentence if none)."""
    sentence = claim.sentence
    if not words:
        return Mention(sentence.text, sentence.start, sentence.end)
    start, end = words[0].start, words[-1].end
    return Mention(sentence.text[start - sentence.start : end - sentence.start], start, end)
