"""entity-mismatch: two accounts of one fact that differ in who or what.

What it catches
    "appointed by the council" against "appointed by the government"; "joins from
    Birmingham Children's Trust" against "joins from Manchester Children's Trust"; a
    different person in the same slot of the same sentence.

How it decides
    Two sentences about one fact (same cluster, vectors at least ``min_similarity`` alike,
    and at least ``min_word_overlap`` of their words in common once lined up) are read at the
    places where their words differ. A difference of a few words (``max_words``) where both
    sides name something (a person or organisation found by extraction, capitalised words
    inside the sentence, or words ending in a public body such as "the council", "the
    government" or "the education watchdog") is a
    conflict. Spelling variants of one name are left to name-variant, and numbers and dates
    to their own rules. Two names of one body are no conflict: "U.S." / "US", "DHS" /
    "Homeland Security" (initials), "ISIS" / "Islamic State" (the aliases in
    ``factcheck.lexicon``), two titles of one person ("Father" / "Rev"), or two mentions of
    one person of the story ("Jess" / "Miss Smith").

    Severity is high when the sentences agree on almost every other word
    (``high_word_overlap``); medium otherwise.

Example
    Jenny Turnross was appointed by the council in May.
    Jenny Turnross was appointed by the government in May.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz.distance import JaroWinkler

from factcheck.lexicon import MONTHS, WEEKDAYS, same_entity
from factcheck.records import Claim, Evidence, Finding
from factcheck.rules.alignment import Difference, Word, aligned_pairs, differences, span_of, words_of
from factcheck.rules.base import Parameter, StoryContext, finding
from factcheck.rules.speakers import resolve_speaker

CODE = "FC801"
NAME = "entity-mismatch"
SUMMARY = "Aligned claims that differ in who or what"
SEVERITY = "high"
PARAMETERS = {
    "min_similarity": Parameter(0.6, 0.0, 1.0, "vectors of two sentences at least this alike are compared"),
    "min_word_overlap": Parameter(0.5, 0.0, 1.0, "share of words two compared sentences must have in common"),
    "high_word_overlap": Parameter(0.8, 0.0, 1.0, "overlap from which the rule calls a swap high"),
    "max_words": Parameter(4, 1, 20, "longest swapped wording, in words"),
    "max_name_similarity": Parameter(0.8, 0.0, 1.0, "two names this alike are a spelling variant, left to name-variant"),
}

PUBLIC_BODIES = frozenset(
    """council government ministry department police court courts committee cabinet board trust
    commission regulator inspectors ofsted nhs parliament mayor minister ministers watchdog
    authority commissioners home office treasury school university hospital charity union""".split()
)
DETERMINERS = frozenset("the a an its their his her".split())
MONTHS_AND_DAYS = re.compile(r"^(?:" + "|".join(name[:3] for name in MONTHS) + "|" + "|".join(WEEKDAYS) + ")", re.IGNORECASE)


def names_something(claim: Claim, words: tuple[Word, ...]) -> bool:
    """Whether these words are a person, an organisation, a proper name or a public body."""
    if not words or any(any(c.isdigit() for c in w.text) or MONTHS_AND_DAYS.match(w.text) for w in words):
        return False
    start, end = words[0].start, words[-1].end
    mentions = claim.people + claim.organisations
    if any(m.start < end and start < m.end for m in mentions):
        return True
    content = [w for w in words if w.key not in DETERMINERS]
    if content and content[-1].key in PUBLIC_BODIES:
        return True
    opens_sentence = start == claim.sentence.start
    return bool(content) and not opens_sentence and all(w.text[:1].isupper() for w in content)


def spelling_variant(first: str, second: str, max_similarity: float) -> bool:
    a, b = first.lower(), second.lower()
    return a in b or b in a or JaroWinkler.similarity(a, b) >= max_similarity


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for first, second, _similarity in aligned_pairs(story, parameters["min_similarity"]):
        overlap, found = differences(
            words_of(first.sentence.text, first.sentence.start), words_of(second.sentence.text, second.sentence.start), join_gap=1,
            min_ratio=parameters["min_word_overlap"],
        )
        if overlap < parameters["min_word_overlap"]:
            continue
        for difference in found:
            if _is_swap(story, first, second, difference, parameters):
                severity = "high" if overlap >= parameters["high_word_overlap"] else "medium"
                first_words = words_of(first.sentence.text, first.sentence.start)
                second_words = words_of(second.sentence.text, second.sentence.start)
                message = (
                    f"The accounts differ in who or what: “{_phrase(first_words, difference.first)}” "
                    f"vs “{_phrase(second_words, difference.second)}”."
                )
                evidence = [Evidence.of(first.sentence, span_of(first, difference.first)), Evidence.of(second.sentence, span_of(second, difference.second))]
                yield finding(NAME, story.name, severity, overlap, message, evidence)
                break


def _one_person(story: StoryContext, first: Claim, words_a: tuple[Word, ...], second: Claim, words_b: tuple[Word, ...]) -> bool:
    """Both sides name one person of the story ("Jess" / "Miss Smith" for Jess Smith)."""
    people = [_person_in(story, claim, words) for claim, words in ((first, words_a), (second, words_b))]
    return people[0] is not None and people[0] is people[1]


def _person_in(story: StoryContext, claim: Claim, words: tuple[Word, ...]):
    start, end = words[0].start, words[-1].end
    for mention in claim.people:
        if mention.start < end and start < mention.end:
            return next((person for person in story.people if any(m is mention for _, m in person.mentions)), None)
    return resolve_speaker(" ".join(word.text for word in words), story.people)


def _phrase(words: tuple[Word, ...], changed: tuple[Word, ...]) -> str:
    """The changed words with the name they sit in ("of" shows as "Department of
    Education"), or with a word either side when they are small words in plain text."""
    if not changed:
        return ""
    start, end = words.index(changed[0]), words.index(changed[-1]) + 1
    widened = False
    while start > 0 and words[start - 1].text[:1].isupper():
        start, widened = start - 1, True
    while end < len(words) and words[end].text[:1].isupper():
        end, widened = end + 1, True
    if not widened and all(len(word.text) <= 3 for word in changed):
        start, end = max(start - 1, 0), min(end + 1, len(words))
    return " ".join(word.text for word in words[start:end])


def _is_swap(story: StoryContext, first: Claim, second: Claim, difference: Difference, parameters: Mapping[str, float]) -> bool:
    limit = parameters["max_words"]
    if not (0 < len(difference.first) <= limit and 0 < len(difference.second) <= limit):
        return False
    if spelling_variant(difference.first_text(), difference.second_text(), parameters["max_name_similarity"]):
        return False
    if same_entity(difference.first_text(), difference.second_text()):
        return False
    if _one_person(story, first, difference.first, second, difference.second):
        return False
    return names_something(first, difference.first) and names_something(second, difference.second)
