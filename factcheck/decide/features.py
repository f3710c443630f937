"""What the decision layer knows about a candidate finding: numbers a rule's own logic does
not weigh against each other (how alike the sentences are, whether the changed words are
print variants, whether the story floods with similar candidates, whether the text is a
headline). Every feature is computed from the finding and its story alone, so the same
candidate gets the same features in `check`, `nightly` and the fitting script.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz.distance import JaroWinkler

from factcheck.lexicon import HONORIFICS, folded_words
from factcheck.records import Claim, Evidence, Finding, Mention
from factcheck.rules import RULES
from factcheck.rules.base import StoryContext, content_words
from factcheck.rules.context import words_around

RULE_FEATURES = tuple(f"rule:{name}" for name in RULES)
FEATURES = RULE_FEATURES + (
    "same article",
    "evidence sentences",
    "sentence similarity",
    "word overlap",
    "content word overlap",
    "span similarity",
    "span words",
    "span has a number",
    "spans equal when folded",
    "span inside a quotation",
    "rule confidence",
    "rule says high",
    "headline share",
    "same-rule candidates in story",
    "articles in story",
    "shortest sentence words",
    "articles citing",
    "words in common around the spans",
    "people in common",
    "relative number difference",
    "variant is a titled surname",
)
CAPITALISED = re.compile(r"[A-Za-z][\w'’-]*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def story_features(findings: Sequence[Finding], story: StoryContext) -> list[list[float]]:
    """One row of FEATURES per finding, in order."""
    claims = {(claim.sentence.article, claim.sentence.start): claim for claim in story.claims}
    per_rule = Counter(finding.rule for finding in findings)
    articles = len({claim.sentence.article for claim in story.claims})
    return [_row(finding, story, claims, per_rule[finding.rule], articles) for finding in findings]


def _row(finding: Finding, story: StoryContext, claims: dict, same_rule: int, articles: int) -> list[float]:
    first, second = _two(finding.evidence)
    claim_a, claim_b = claims.get((first.article, first.start)), claims.get((second.article, second.start))
    words_a, words_b = first.sentence.split(), second.sentence.split()
    folded_a, folded_b = folded_words(first.span), folded_words(second.span)
    values = {name: float(finding.rule == name.split(":", 1)[1]) for name in RULE_FEATURES}
    values.update(
        {
            "same article": float(len({e.article for e in finding.evidence}) == 1),
            "evidence sentences": math.log1p(len({(e.article, e.start) for e in finding.evidence})),
            "sentence similarity": story.similarity(claim_a, claim_b) if claim_a and claim_b else 0.0,
            "word overlap": SequenceMatcher(a=[w.lower() for w in words_a], b=[w.lower() for w in words_b], autojunk=False).ratio(),
            "content word overlap": _jaccard(content_words(first.sentence), content_words(second.sentence)),
            "span similarity": JaroWinkler.similarity(" ".join(folded_a), " ".join(folded_b)),
            "span words": math.log1p(max(len(first.span.split()), len(second.span.split()))),
            "span has a number": float(any(c.isdigit() for c in first.span + second.span)),
            "spans equal when folded": float(folded_a == folded_b),
            "span inside a quotation": float(_quoted(claim_a, first) or _quoted(claim_b, second)),
            "rule confidence": finding.confidence,
            "rule says high": float(finding.severity == "high"),
            "headline share": max(_capitalised_share(e.sentence) for e in finding.evidence),
            "same-rule candidates in story": math.log1p(same_rule),
            "articles in story": math.log1p(articles),
            "shortest sentence words": math.log1p(min(len(words_a), len(words_b))),
            "articles citing": math.log1p(len({e.article for e in finding.evidence})),
            "words in common around the spans": math.log1p(_shared_around(claim_a, first, claim_b, second)),
            "people in common": _people_in_common(claim_a, claim_b),
            "relative number difference": _relative_difference(first.span, second.span),
            "variant is a titled surname": float(_titled_surname(first.span)),
        }
    )
    return [values[name] for name in FEATURES]


def _shared_around(claim_a: Claim | None, first: Evidence, claim_b: Claim | None, second: Evidence) -> int:
    if claim_a is None or claim_b is None:
        return 0
    around_a = words_around(claim_a, Mention(first.span, first.span_start, first.span_end))
    return len(around_a & words_around(claim_b, Mention(second.span, second.span_start, second.span_end)))


def _people_in_common(claim_a: Claim | None, claim_b: Claim | None) -> float:
    """1 when both sentences name a person of one surname, -1 when both name people and none
    in common, 0 when either names nobody."""
    people = [{person.surname.lower() for person in claim.people} if claim else set() for claim in (claim_a, claim_b)]
    if not people[0] or not people[1]:
        return 0.0
    return 1.0 if people[0] & people[1] else -1.0


def _relative_difference(first: str, second: str) -> float:
    """|a - b| / max(|a|, |b|) of the first numbers written in two spans (0 without both)."""
    numbers = [NUMBER.search(span.replace(",", "")) for span in (first, second)]
    if not all(numbers):
        return 0.0
    a, b = (float(number.group()) for number in numbers)
    return abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) else 0.0


def _titled_surname(span: str) -> bool:
    """"Ms Turnbull": copy names someone by title and surname only once it has introduced
    them, so an unintroduced one is a strong sign of a misspelling (name-variant)."""
    words = span.replace(".", "").split()
    return len(words) == 2 and words[0].lower() in HONORIFICS


def _two(evidence: Sequence[Evidence]) -> tuple[Evidence, Evidence]:
    """The first two evidence sentences (the variant and the form it differs from); a
    finding on one sentence is compared with itself."""
    return (evidence[0], evidence[1]) if len(evidence) > 1 else (evidence[0], evidence[0])


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _quoted(claim: Claim | None, evidence: Evidence) -> bool:
    return claim is not None and any(q.start <= evidence.span_start and evidence.span_end <= q.end for q in claim.quotes)


def _capitalised_share(sentence: str) -> float:
    words = [word for word in CAPITALISED.findall(sentence) if len(word) > 3]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0
