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

EXACT_GROUP = 200
MAX_PARTNERS = 16
# Longer word lists are not aligned: the longest sentence of realnews_dev has 134 words, and
# aligning a run of a few words repeated hundreds of times costs seconds a pair.
MAX_ALIGNED_WORDS = 150
MAX_COPIES = 32
SIMILARITY_BLOCK = 1024
# A word censored with asterisks ("f***ing", "s***") is one word, not two.
WORD = re.compile(r"\w+\*+\w*|[\w’'£$%.-]*\w[%]?|[\w]")


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


def differences(
    first: Sequence[Word], second: Sequence[Word], join_gap: int = 0, min_ratio: float = 0.0
) -> tuple[float, list[Difference]]:
    """How alike two word lists are (0..1) and the places where they differ. Places at most
    `join_gap` shared words apart are read as one ("the Department for Education" against
    "the education watchdog" lines up "education" by accident). Lists that cannot be
    `min_ratio` alike (by difflib's cheap upper bound), or longer than MAX_ALIGNED_WORDS, are
    not aligned: the answer is then a ratio below `min_ratio` (or 0.0) and no places."""
    if max(len(first), len(second)) > MAX_ALIGNED_WORDS:
        return 0.0, []
    ratio, opcodes = _alignment(tuple(w.key for w in first), tuple(w.key for w in second), min_ratio)
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
def _alignment(first: tuple[str, ...], second: tuple[str, ...], min_ratio: float = 0.0) -> tuple[float, tuple[tuple, ...]]:
    """Cached by wording: several rules align the same pairs, and wire copy repeats sentences
    across a story's drafts. Aligning two word lists is most of what the rules cost."""
    matcher = SequenceMatcher(a=first, b=second, autojunk=False)
    bound = matcher.quick_ratio()
    if bound < min_ratio:
        return bound, ()
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
    story for the several rules that ask (each with its own threshold). A group of more than
    EXACT_GROUP wordings pairs each with its MAX_PARTNERS most alike (pairs sharing wording or
    a count always stay), and a wording repeated in many drafts pairs with its first
    MAX_COPIES copies: every pair in any real story, and a bound on how many pairs a draft
    that repeats itself can make."""
    key = ("candidate pairs",)
    if key not in story.memo:
        linked = set(story.linked_pairs())
        texts = [claim.sentence.text for claim in story.claims]
        pairs = []
        for group in comparable_groups(story):
            copies: dict[str, list[int]] = {}
            for index in group:
                copies.setdefault(texts[index], []).append(index)
            wordings = list(copies.values())
            vectors = story.vectors[[rows[0] for rows in wordings]].astype(np.float64)
            found = {}
            for first, second, similarity in _nearest_pairs(vectors):
                for a in wordings[first][:MAX_COPIES]:
                    for b in wordings[second][:MAX_COPIES]:
                        pair = (min(a, b), max(a, b))
                        found[pair] = (*pair, similarity, pair in linked)
            members = set(group)
            for pair in linked:  # a pair that shares its wording or a count is always compared
                if pair not in found and pair[0] in members and pair[1] in members:
                    found[pair] = (*pair, float(story.vectors[pair[0]] @ story.vectors[pair[1]]), True)
            pairs.extend(sorted(found.values()))
        story.memo[key] = pairs
    return story.memo[key]


def _nearest_pairs(vectors: np.ndarray) -> list[tuple[int, int, float]]:
    """(i, j, similarity) with i < j: every pair in a group of up to EXACT_GROUP wordings (every
    real story's clusters), else each row with its MAX_PARTNERS most similar rows, row blocks
    at a time."""
    count = len(vectors)
    if count <= EXACT_GROUP:
        similarities = (vectors @ vectors.T).tolist()
        return [(first, second, similarities[first][second]) for first in range(count) for second in range(first + 1, count)]
    chosen: dict[tuple[int, int], float] = {}
    for start in range(0, count, SIMILARITY_BLOCK):
        block = vectors[start : start + SIMILARITY_BLOCK] @ vectors.T
        for offset, row in enumerate(block):
            index = start + offset
            row[index] = -np.inf
            for partner in np.argpartition(-row, MAX_PARTNERS)[:MAX_PARTNERS]:
                if partner != index:
                    chosen[(min(index, int(partner)), max(index, int(partner)))] = float(row[partner])
    return [(first, second, similarity) for (first, second), similarity in chosen.items()]


def span_of(claim: Claim, words: tuple[Word, ...]) -> Mention:
    """The words as a Mention inside the claim's sentence (the whole sentence if none)."""
    sentence = claim.sentence
    if not words:
        return Mention(sentence.text, sentence.start, sentence.end)
    start, end = words[0].start, words[-1].end
    return Mention(sentence.text[start - sentence.start : end - sentence.start], start, end)
