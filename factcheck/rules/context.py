"""Whether two mentions in two articles are said about the same thing.

A second reporter words the sentence differently, so the numbers and dates of two articles
are compared wherever they sit in a story; what ties two of them to one fact is what is said
around them. The words that count are lower-case content words near the mention (verbs and
common nouns: "weighed", "released", "died"), cut to their first five letters so "weighed" /
"weighing" agree. Names and places are left out: every sentence of a story shares them.
"""

from __future__ import annotations

import re

from factcheck.lexicon import FUNCTION_WORDS, MONTHS, WEEKDAYS
from factcheck.records import Claim, Mention
from factcheck.rules.base import StoryContext

WINDOW = 6
STEM = 5
MIN_SHARED = 2
ALIKE = 0.6
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{2,}")
# Words about time say nothing about which event a date or a number belongs to.
TIME_WORDS = frozenset(MONTHS + WEEKDAYS) | frozenset(
    """today yesterday tomorrow week weeks month months year years day days night morning afternoon
    evening early late last next ago said says""".split()
)


def words_around(claim: Claim, mention: Mention, leave_out: str = "") -> set[str]:
    """Stems of the lower-case content words within WINDOW words of a mention."""
    text = claim.sentence.text
    before = LOWER_WORD.findall(text[: mention.start - claim.sentence.start])[-WINDOW:]
    after = LOWER_WORD.findall(text[mention.end - claim.sentence.start :])[:WINDOW]
    left_out = leave_out[:STEM]
    return {
        word[:STEM]
        for word in before + after
        if word not in FUNCTION_WORDS and word not in TIME_WORDS and word[:STEM] != left_out
    }


def same_fact(story: StoryContext, first: tuple[Claim, Mention], second: tuple[Claim, Mention], leave_out: str = "") -> bool:
    """MIN_SHARED words in common around both mentions, or one in sentences alike anyway
    (cosine at least ALIKE); and, when both sentences name people, one of them in common."""
    (claim_a, mention_a), (claim_b, mention_b) = first, second
    people_a = {person.surname.lower() for person in claim_a.people}
    people_b = {person.surname.lower() for person in claim_b.people}
    if people_a and people_b and not people_a & people_b:
        return False
    shared = len(words_around(claim_a, mention_a, leave_out) & words_around(claim_b, mention_b, leave_out))
    return shared >= MIN_SHARED or (shared >= 1 and story.similarity(claim_a, claim_b) >= ALIKE)
