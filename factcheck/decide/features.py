"""What the decision layer knows about a candidate finding, led by the slot judge: whether the
two values fill the same slot of one fact (factcheck.judge, reading the words around both),
and how far apart the values are. A few signals a rule's own logic does not weigh against
each other stay beside it (how alike the sentences are, how many sentences and articles
cite the finding, whether the text is a headline). A larger set of 31 hand-made features
fitted no better out of fold and reported more false alarms (benchmarks/decision). Every
feature is computed from the finding and its story alone, so the same candidate gets the same
features in `check`, `nightly` and the fitting script.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from rapidfuzz.distance import JaroWinkler

from factcheck.judge import ContextPair, masked_context
from factcheck.lexicon import folded_words
from factcheck.records import Evidence, Finding
from factcheck.rules import RULES
from factcheck.rules.base import StoryContext

RULE_FEATURES = tuple(f"rule:{name}" for name in RULES)
FEATURES = RULE_FEATURES + (
    "same slot (judge)",
    "relative number difference",
    "span similarity",
    "evidence sentences",
    "articles citing",
    "sentence similarity",
    "rule confidence",
    "headline share",
)
CAPITALISED = re.compile(r"[A-Za-z][\w'’-]*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def story_features(findings: Sequence[Finding], story: StoryContext) -> list[list[float]]:
    """One row of FEATURES per finding, in order."""
    claims = {(claim.sentence.article, claim.sentence.start): claim for claim in story.claims}
    slots = same_slot_scores(findings, story)
    return [_row(finding, story, claims, slot) for finding, slot in zip(findings, slots)]


def same_slot_scores(findings: Sequence[Finding], story: StoryContext) -> list[float]:
    """The slot judge's P(same slot) for each finding's first two evidence sentences, read as
    its rule's kind of value (SLOT: a count, a date, a name; a rule comparing another kind of
    value has its contexts read with the value masked as "it"); 0.0 everywhere for a run
    without the judge."""
    if story.slot_judge is None or not findings:
        return [0.0] * len(findings)
    pairs = []
    for finding in findings:
        first, second = _two(finding.evidence)
        kind = RULES[finding.rule].slot if finding.rule in RULES else None
        pairs.append(ContextPair(kind, first.sentence, _masked(first, kind), second.sentence, _masked(second, kind)))
    return [float(score) for score in story.slot_judge(pairs)]


def _masked(evidence: Evidence, kind: str | None) -> str:
    return masked_context(evidence.sentence, evidence.span_start - evidence.start, evidence.span_end - evidence.start, kind)


def _row(finding: Finding, story: StoryContext, claims: dict, same_slot: float) -> list[float]:
    first, second = _two(finding.evidence)
    claim_a, claim_b = claims.get((first.article, first.start)), claims.get((second.article, second.start))
    values = {name: float(finding.rule == name.split(":", 1)[1]) for name in RULE_FEATURES}
    values.update(
        {
            "same slot (judge)": same_slot,
            "relative number difference": _relative_difference(first.span, second.span),
            "span similarity": JaroWinkler.similarity(" ".join(folded_words(first.span)), " ".join(folded_words(second.span))),
            "evidence sentences": math.log1p(len({(e.article, e.start) for e in finding.evidence})),
            "articles citing": math.log1p(len({e.article for e in finding.evidence})),
            "sentence similarity": story.similarity(claim_a, claim_b) if claim_a and claim_b else 0.0,
            "rule confidence": finding.confidence,
            "headline share": max(_capitalised_share(e.sentence) for e in finding.evidence),
        }
    )
    return [values[name] for name in FEATURES]


def _relative_difference(first: str, second: str) -> float:
    """|a - b| / max(|a|, |b|) of the first numbers written in two spans (0 without both)."""
    numbers = [NUMBER.search(span.replace(",", "")) for span in (first, second)]
    if not all(numbers):
        return 0.0
    a, b = (float(number.group()) for number in numbers)
    return abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) else 0.0


def _two(evidence: Sequence[Evidence]) -> tuple[Evidence, Evidence]:
    """The first two evidence sentences (the variant and the form it differs from); a
    finding on one sentence is compared with itself."""
    return (evidence[0], evidence[1]) if len(evidence) > 1 else (evidence[0], evidence[0])


def _capitalised_share(sentence: str) -> float:
    words = [word for word in CAPITALISED.findall(sentence) if len(word) > 3]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0
