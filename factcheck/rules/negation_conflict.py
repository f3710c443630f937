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

from collections.abc import Iterable, Mapping

from factcheck.records import Evidence, Finding
from factcheck.rules.alignment import Difference, aligned_pairs, differences, span_of, words_of
from factcheck.rules.base import StoryContext, finding

CODE = "FC701"
NAME = "negation-conflict"
SUMMARY = "A claim stated in one place and negated or reversed in another"
SEVERITY = "high"
PARAMETERS = {"min_similarity": 0.6, "min_word_overlap": 0.6, "high_word_overlap": 0.8}

NEGATIONS = frozenset({"not", "never", "no", "nor", "cannot", "no longer", "not yet"})
CONTRACTIONS = {"can't": "can", "won't": "will", "shan't": "shall", "cannot": "can"}
OPPOSITES = [
    ("rose", "fell"), ("rise", "fall"), ("rising", "falling"), ("risen", "fallen"), ("rises", "falls"),
    ("increased", "decreased"), ("increase", "decrease"), ("increasing", "decreasing"), ("increases", "decreases"),
    ("increased", "fell"), ("rose", "decreased"), ("up", "down"), ("higher", "lower"), ("more", "fewer"), ("more", "less"),
    ("praised", "criticised"), ("praised", "criticized"), ("praise", "criticism"), ("welcomed", "condemned"),
    ("supported", "opposed"), ("support", "oppose"), ("supports", "opposes"), ("accepted", "refused"), ("accepted", "declined"),
    ("won", "lost"), ("win", "lose"), ("gained", "lost"), ("improved", "worsened"), ("improved", "deteriorated"),
    ("improving", "deteriorating"), ("improvement", "deterioration"), ("succeeded", "failed"), ("success", "failure"),
    ("opened", "closed"), ("open", "closed"), ("allowed", "banned"), ("allowed", "prohibited"), ("confirmed", "denied"),
    ("agreed", "disagreed"), ("included", "excluded"), ("best", "worst"), ("strengthened", "weakened"), ("strong", "weak"),
    ("positive", "negative"), ("above", "below"), ("before", "after"), ("expanded", "reduced"), ("expanded", "cut"),
    ("hired", "fired"), ("started", "stopped"), ("began", "ended"), ("present", "absent"), ("true", "false"),
    ("safe", "unsafe"), ("effective", "ineffective"), ("sufficient", "insufficient"),
    ("likely", "unlikely"), ("legal", "illegal"), ("lawful", "unlawful"), ("easy", "difficult"), ("early", "late"),
    ("earlier", "later"), ("ahead", "behind"), ("maximum", "minimum"), ("highest", "lowest"), ("largest", "smallest"),
]
OPPOSITE_OF = {pair for first, second in OPPOSITES for pair in ((first, second), (second, first))}


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for first, second, _similarity in aligned_pairs(story, parameters["min_similarity"]):
        overlap, found = differences(words_of(first.sentence.text, first.sentence.start), words_of(second.sentence.text, second.sentence.start))
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
    first = [word.key for word in difference.first]
    second = [word.key for word in difference.second]
    if _is_negation(first, second) or _is_negation(second, first):
        return "negation"
    if len(first) == 1 and len(second) == 1 and (first[0], second[0]) in OPPOSITE_OF:
        return "opposite"
    return None


def _is_negation(plain: list[str], negated: list[str]) -> bool:
    """`negated` is `plain` with a negation added: ["not"] vs [], or "hadn't" vs "had"."""
    if not plain and negated and " ".join(negated) in NEGATIONS:
        return True
    if len(plain) == 1 and len(negated) == 1:
        word = negated[0]
        base = CONTRACTIONS.get(word) or (word[:-3] if word.endswith("n't") else None)
        return base == plain[0]
    return False


def _message(kind: str, difference: Difference) -> str:
    first, second = difference.first_text() or "(nothing)", difference.second_text() or "(nothing)"
    if kind == "negation":
        return f"One sentence negates what the other states: “{first}” vs “{second}”."
    return f"The sentences say opposite things: “{first}” vs “{second}”."
