"""quote-attribution: the same quotation attributed to different speakers.

What it catches
    “We want the best for our children” said by Cllr Liz Parsons in one article and by
    Jenny Turnross in another; a quote given to a named councillor in one piece and to "a
    Labour Party source" in another.

How it decides
    Quotations are paired as quote-mismatch pairs them (most of the shorter one's words line
    up with the other, ``min_shared``; at least ``min_words`` words). Speakers come from
    extraction ("X said:", "said X", "He added:" resolved to the last person named). A
    quotation with no stated speaker is never a conflict. Two speakers are the same when
    their names match, one is the surname of the other ("Ms Parsons" / "Liz Parsons"), or
    they share a surname.

Example
    Cllr Liz Parsons said: “We want the best for our children.”
    Jenny Turnross said: “We want the best for our children.”
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.records import Evidence, Finding
from factcheck.rules.base import StoryContext, finding
from factcheck.rules.quote_mismatch import quote_pairs

CODE = "FC602"
NAME = "quote-attribution"
SUMMARY = "The same quotation attributed to different speakers"
SEVERITY = "high"
PARAMETERS = {"min_words": 4, "min_shared": 0.8}


def same_speaker(first: str, second: str) -> bool:
    a, b = first.lower().split(), second.lower().split()
    return a == b or a[-1] == b[-1] or " ".join(a) in " ".join(b) or " ".join(b) in " ".join(a)


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for pair in quote_pairs(story, int(parameters["min_words"]), parameters["min_shared"]):
        (claim_a, quote_a), (claim_b, quote_b) = pair.first, pair.second
        if not quote_a.speaker or not quote_b.speaker or same_speaker(quote_a.speaker, quote_b.speaker):
            continue
        message = f"The same words are given to “{quote_a.speaker}” in one place and to “{quote_b.speaker}” in another."
        evidence = [Evidence.of(claim_a.sentence, quote_a), Evidence.of(claim_b.sentence, quote_b)]
        yield finding(NAME, story.name, "high", pair.shared, message, evidence)
