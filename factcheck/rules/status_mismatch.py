"""status-mismatch: the same assessed thing given different ratings or outcomes.

What it catches
    "the service was rated inadequate" against "rated good"; a planning application
    "approved" in one article and "rejected" in another; "found guilty" against "acquitted".

How it decides
    Each sentence's ratings and outcomes are read from fixed scales (Ofsted's four grades;
    decisions; verdicts; results), longest phrase first so "requires improvement to be good"
    is one grade, not "good". A grade counts beside a rating verb ("rated", "judged",
    "deemed") or standing alone in quote marks ("branded ‘inadequate’"). Two sentences about one fact (same cluster, vectors at least
    ``min_similarity`` alike) that each give exactly one status on the same scale, and
    different ones, conflict. Sentences naming two or more grades (lists of judgements) are
    left alone: they usually rate different parts of a thing.

    Severity is high when the sentences are very alike (``high_similarity``); medium
    otherwise.

Example
    The department was rated inadequate by Ofsted in March.
    The department was rated good by Ofsted in March.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from factcheck.records import Claim, Evidence, Finding, Mention
from factcheck.rules.alignment import aligned_pairs
from factcheck.rules.base import Parameter, StoryContext, finding

CODE = "FC501"
NAME = "status-mismatch"
SUMMARY = "The same assessed thing given different ratings or outcomes"
SEVERITY = "high"
PARAMETERS = {
    "min_similarity": Parameter(0.65, 0.0, 1.0, "vectors of two sentences at least this alike are compared"),
    "high_similarity": Parameter(0.8, 0.0, 1.0, "similarity from which the rule calls a conflict high"),
}

# scale -> {written form: the status it means}
SCALES: dict[str, dict[str, str]] = {
    "rating": {
        "outstanding": "outstanding", "good": "good", "requires improvement to be good": "requires improvement",
        "requires improvement": "requires improvement", "requiring improvement": "requires improvement",
        "inadequate": "inadequate",
    },
    "decision": {
        "approved": "approved", "granted": "approved", "given the go-ahead": "approved", "rejected": "rejected",
        "refused": "rejected", "turned down": "rejected", "thrown out": "rejected", "deferred": "deferred",
    },
    "verdict": {
        "not guilty": "not guilty", "acquitted": "not guilty", "cleared": "not guilty", "guilty": "guilty",
        "convicted": "guilty",
    },
    "appeal": {"upheld": "upheld", "dismissed": "dismissed", "overturned": "overturned"},
    "result": {"passed": "passed", "failed": "failed"},
}
RATING_CONTEXT = re.compile(r"\b(rat(ed|ing)|judged|graded|assessed|found to be|deemed|branded|grade)\b", re.IGNORECASE)
PATTERNS = {
    scale: re.compile(r"\b(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)
    for scale, forms in SCALES.items()
}


def statuses(claim: Claim) -> dict[str, list[tuple[str, Mention]]]:
    """scale -> [(status, where)] in a claim's sentence. A rating counts only with a rating
    verb nearby, since "good" is mostly just an adjective."""
    return _statuses_in(claim.sentence.text, claim.sentence.start)


@lru_cache(maxsize=65536)
def _statuses_in(text: str, start: int) -> dict[str, list[tuple[str, Mention]]]:
    """Cached: a sentence is asked about once for every sentence it is paired with."""
    rated = bool(RATING_CONTEXT.search(text))
    found: dict[str, list[tuple[str, Mention]]] = {}
    for scale, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            if scale == "rating" and not (rated or _quoted(text, match.start(), match.end())):
                continue
            status = SCALES[scale][match.group().lower()]
            where = Mention(match.group(), start + match.start(), start + match.end())
            found.setdefault(scale, []).append((status, where))
    return found


def _quoted(text: str, start: int, end: int) -> bool:
    """A grade standing alone in quote marks ("‘inadequate’") is a label, not an adjective."""
    return text[start - 1 : start] in "'‘\"“" and text[end : end + 1] in "'’\"”.," and start > 0


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for first, second, similarity in aligned_pairs(story, parameters["min_similarity"]):
        first_statuses, second_statuses = statuses(first), statuses(second)
        for scale in first_statuses.keys() & second_statuses.keys():
            mine, theirs = first_statuses[scale], second_statuses[scale]
            if len({s for s, _ in mine}) != 1 or len({s for s, _ in theirs}) != 1 or mine[0][0] == theirs[0][0]:
                continue
            severity = "high" if similarity >= parameters["high_similarity"] else "medium"
            message = f"The articles give different {scale}s: “{mine[0][1].text}” vs “{theirs[0][1].text}”."
            evidence = [Evidence.of(first.sentence, mine[0][1]), Evidence.of(second.sentence, theirs[0][1])]
            yield finding(NAME, story.name, severity, similarity, message, evidence)
