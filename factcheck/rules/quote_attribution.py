"""quote-attribution: the same quotation attributed to different speakers.

What it catches
    “We want the best for our children” said by Cllr Liz Parsons in one article and by
    Jenny Turnross in another; a quote given to a named councillor in one piece and to "a
    Labour Party source" in another.

How it decides
    Quotations are paired as quote-mismatch pairs them (most of the shorter one's words line
    up with the other, ``min_shared``; at least ``min_words`` words). Speakers come from
    extraction ("X said:", "said X", "He added:" resolved to the last person named), and
    each is resolved to one person of the story: their full name, or a surname or given name
    that only one person of the story has ("Smith", "Jess" for Jess Smith). A conflict needs
    two different resolved people. A speaker that is no person of the story ("a spokesman",
    "The White House", "The Daily", "She went on to") is never a conflict: an official and
    the body they speak for, or a newspaper that printed the words, are not two speakers.
    Two spellings of one name ("Idriss Déby" / "Idriss Deby") are one person here and a
    name-variant finding there. A pronoun resolved to a person who is not named in the
    same paragraph as the quotation is not trusted either.

Example
    Cllr Liz Parsons said: “We want the best for every child in this city, and we will fix the failings inspectors found.”
    Jenny Turnross said: “We want the best for every child in this city, and we will fix the failings inspectors found.”

Two speakers that are one person written two ways are left to name-variant.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.records import Evidence, Finding
from factcheck.rules.base import Parameter, StoryContext, finding
from factcheck.rules.name_variant import full_name_similarity
from factcheck.rules.quote_mismatch import quote_pairs
from factcheck.rules.speakers import resolve_speaker

CODE = "FC602"
NAME = "quote-attribution"
SUMMARY = "The same quotation attributed to different speakers"
SEVERITY = "high"
PARAMETERS = {
    "min_words": Parameter(4, 1, 100, "shortest quotation compared, in words"),
    "min_shared": Parameter(0.8, 0.0, 1.0, "share of the shorter quotation that must line up with the other"),
    "max_same_person_similarity": Parameter(0.85, 0.0, 1.0, "two speakers' names this alike are one person spelt two ways"),
}

def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for pair in quote_pairs(story, int(parameters["min_words"]), parameters["min_shared"]):
        (claim_a, quote_a), (claim_b, quote_b) = pair.first, pair.second
        speaker_a, speaker_b = resolve_speaker(quote_a.speaker, story.people), resolve_speaker(quote_b.speaker, story.people)
        if speaker_a is None or speaker_b is None or speaker_a is speaker_b:
            continue
        if full_name_similarity(speaker_a, speaker_b) >= parameters["max_same_person_similarity"]:
            continue
        message = f"The same words are given to “{quote_a.speaker}” in one place and to “{quote_b.speaker}” in another."
        evidence = [Evidence.of(claim_a.sentence, quote_a, speaker_a.name), Evidence.of(claim_b.sentence, quote_b, speaker_b.name)]
        yield finding(NAME, story.name, "high", pair.shared, message, evidence)
