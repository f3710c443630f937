"""negation-conflict: one article says a thing happened, another that it did not.

What it catches
    "additional investment had been made" against "had not been made"; "the number of
    children in care rose" against "fell"; "inspectors praised the early help offer" against
    "criticised".

How it decides
    Only two sentences about one fact are compared: same cluster, vectors at least
    ``min_similarity`` alike, and at least ``min_word_overlap`` of their words in common
    once lined up. Then the places where their words differ are read: a difference that is
    only a negation ("not", "never", "no longer", "hadn't" for "had") or only a word and its
    opposite from a fixed table of antonyms (rose/fell, praised/criticised, increased/
    decreased, ...) is a conflict. Ratings and outcomes (good/inadequate, approved/rejected)
    are left to status-mismatch.

    Severity is high when the sentences agree on almost every other word
    (``high_word_overlap``); medium otherwise.

Example
    The council said additional investment had been made.
    The council said additional investment had not been made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from factcheck.records import Evidence, Finding
from factcheck.rules.alignment import Difference, aligned_pairs, differences, span_of, words_of
from factcheck.rules.base import Parameter, StoryContext, finding

CODE = "FC701"
NAME = "negation-conflict"
SUMMARY = "A claim stated in one place and negated or reversed in another"
SEVERITY = "high"
PARAMETERS = {
    "min_similarity": Parameter(0.6, 0.0, 1.0, "vectors of two sentences at least this alike are compared"),
    "min_word_overlap": Parameter(0.5, 0.0, 1.0, "share of words two compared sentences must have in common"),
    "high_word_overlap": Parameter(0.8, 0.0, 1.0, "overlap from which the rule calls a reversal high"),
}

NEGATIONS = frozenset({"not", "never", "no", "nor", "cannot", "no longer", "not yet"})
CONTRACTIONS = {"can't": "can", "won't": "will", "shan't": "shall", "cannot": "can"}
# Opposite verbs by their plain form; their -s, -ed and -ing forms are opposites too.
OPPOSITE_VERBS = [
    ("rise", "fall"), ("increase", "decrease"), ("increase", "fall"), ("rise", "decrease"), ("praise", "criticise"),
    ("praise", "criticize"), ("welcome", "condemn"), ("support", "oppose"), ("accept", "refuse"), ("accept", "decline"),
    ("gain", "lose"), ("improve", "worsen"), ("improve", "deteriorate"), ("succeed", "fail"), ("open", "close"),
    ("allow", "ban"), ("allow", "prohibit"), ("confirm", "deny"), ("agree", "disagree"), ("include", "exclude"),
    ("strengthen", "weaken"), ("expand", "reduce"), ("hire", "fire"), ("start", "stop"), ("continue", "stop"),
    ("win", "lose"), ("grow", "shrink"), ("boost", "cut"), ("raise", "lower"), ("approve", "oppose"),
]
IRREGULAR_OPPOSITES = [
    ("rose", "fell"), ("risen", "fallen"), ("won", "lost"), ("began", "ended"), ("grew", "shrank"),
    ("up", "down"), ("upward", "downward"), ("upwards", "downwards"), ("higher", "lower"), ("more", "fewer"),
    ("more", "less"), ("increase", "cut"), ("praise", "criticism"), ("improvement", "deterioration"),
    ("success", "failure"), ("strong", "weak"), ("positive", "negative"), ("above", "below"), ("before", "after"),
    ("present", "absent"), ("true", "false"), ("safe", "unsafe"), ("effective", "ineffective"),
    ("sufficient", "insufficient"), ("likely", "unlikely"), ("legal", "illegal"), ("lawful", "unlawful"),
    ("easy", "difficult"), ("early", "late"), ("earlier", "later"), ("ahead", "behind"), ("maximum", "minimum"),
    ("highest", "lowest"), ("largest", "smallest"), ("best", "worst"), ("open", "closed"), ("gain", "loss"),
    ("profit", "loss"), ("surplus", "deficit"), ("increase", "decline"), ("growth", "decline"),
]


def inflections(verb: str) -> list[str]:
    """open -> open, opens, opened, opening; close -> closes, closed, closing; ban -> banned."""
    stem = verb[:-1] if verb.endswith("e") else verb
    doubled = verb + verb[-1] if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb) else stem
    return [verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s"), doubled + "ed" if not verb.endswith("e") else verb + "d", doubled + "ing"]


OPPOSITE_OF = {
    pair
    for first, second in IRREGULAR_OPPOSITES + [
        (a, b) for plain_a, plain_b in OPPOSITE_VERBS for a, b in zip(inflections(plain_a), inflections(plain_b))
    ]
    for pair in ((first, second), (second, first))
}
AUXILIARIES = frozenset({"did", "does", "do"})
ARTICLES = frozenset({"a", "an", "the"})


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for first, second, _similarity in aligned_pairs(story, parameters["min_similarity"]):
        overlap, found = differences(words_of(first.sentence.text, first.sentence.start), words_of(second.sentence.text, second.sentence.start), min_ratio=parameters["min_word_overlap"])
        if overlap < parameters["min_word_overlap"]:
            continue
        for difference in found:
            kind = reversal(difference)
            if kind:
                severity = "high" if overlap >= parameters["high_word_overlap"] else "medium"
                message = _message(kind, difference)
                evidence = [Evidence.of(first.sentence, span_of(first, difference.first)), Evidence.of(second.sentence, span_of(second, difference.second))]
                yield finding(NAME, story.name, severity, overlap, message, evidence)
                break


def reversal(difference: Difference) -> str | None:
    """"negation" or "opposite" when this difference flips the claim, else None."""
    first = [word.key for word in difference.first if word.key not in ARTICLES]
    second = [word.key for word in difference.second if word.key not in ARTICLES]
    if _is_negation(first, second) or _is_negation(second, first):
        return "negation"
    if len(first) == 1 and len(second) == 1 and (first[0], second[0]) in OPPOSITE_OF:
        return "opposite"
    return None


def _is_negation(plain: list[str], negated: list[str]) -> bool:
    """`negated` is `plain` with a negation added: ["not"] vs [], "hadn't" vs "had", or
    "did not watch" vs "watched"."""
    if not plain and negated and " ".join(negated) in NEGATIONS:
        return True
    if len(plain) == 1 and len(negated) in (2, 3) and negated[0] in AUXILIARIES | {"didn't", "doesn't", "don't"}:
        verb = negated[-1]
        negation = negated[1:-1] if len(negated) == 3 else [negated[0][-3:]]
        if negation in (["not"], ["never"], ["n't"]) and plain[0] in inflections(verb):
            return True
    if len(plain) == 1 and len(negated) == 1:
        word = negated[0]
        base = CONTRACTIONS.get(word) or (word[:-3] if word.endswith("n't") else None)
        return base == plain[0]
    return False


def _message(kind: str, difference: Difference) -> str:
    """Plain words for the change: “not” left out of one sentence reads as that, never as
    “not” vs “(nothing)”."""
    first, second = difference.first_text(), difference.second_text()
    if first and second:
        change = f"“{first}” vs “{second}”"
    else:
        change = f"the first has “{first}”, the second does not" if first else f"the second has “{second}”, the first does not"
    lead = "One sentence negates what the other states" if kind == "negation" else "The sentences say opposite things"
    return f"{lead}: {change}."
