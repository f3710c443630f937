"""Self-labelled pairs of slot mentions, mined from real stories (how the judge learns).

In a story written by several outlets, two articles giving the same specific value (the same
count of the same thing, the same date, the same full name) in sentences that are not copies
of each other are, almost always, two reporters wording one fact: a real paraphrase pair,
labelled "same slot" for free. Two mentions of one kind with different values are, almost
always, about different things: "other slot". (A real disagreement between outlets lands
among the negatives now and then; that noise is the price of labels nobody had to write.)
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from factcheck.judge.slots import SlotMention

# Contexts this alike (token SequenceMatcher ratio) are syndicated copies, not paraphrases.
NEAR_COPY = 0.8
NEGATIVES_PER_POSITIVE = 3
# Bounds what one long story can contribute, so the model learns from many stories.
MAX_POSITIVES_PER_STORY = 60


@dataclass(frozen=True)
class LabelledPair:
    story: str
    first: SlotMention
    second: SlotMention
    same_slot: bool


def near_copy(first: str, second: str) -> bool:
    return SequenceMatcher(a=first.lower().split(), b=second.lower().split(), autojunk=False).ratio() >= NEAR_COPY


def story_pairs(story: str, mentions: list[SlotMention], seed: int) -> list[LabelledPair]:
    """Positives (same value, two articles, not copies) and NEGATIVES_PER_POSITIVE times as
    many negatives (same kind, different values, two articles), chosen by a seeded RNG."""
    rng = random.Random(f"{seed}/{story}")
    by_kind: dict[str, list[SlotMention]] = defaultdict(list)
    for mention in mentions:
        by_kind[mention.kind].append(mention)
    positives: list[LabelledPair] = []
    negatives: list[LabelledPair] = []
    seen: set[tuple] = set()
    for kind_mentions in by_kind.values():
        for first, second in combinations(kind_mentions, 2):
            if first.article == second.article:
                continue
            if first.key == second.key:
                once = (first.kind, first.key, *sorted((first.article, second.article)))
                if once in seen or near_copy(first.context, second.context):
                    continue
                seen.add(once)
                positives.append(LabelledPair(story, first, second, True))
            else:
                negatives.append(LabelledPair(story, first, second, False))
    rng.shuffle(positives)
    positives = positives[:MAX_POSITIVES_PER_STORY]
    rng.shuffle(negatives)
    return positives + negatives[: NEGATIVES_PER_POSITIVE * len(positives)]
