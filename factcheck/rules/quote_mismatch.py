"""quote-mismatch: the same quotation worded differently in two places.

What it catches
    “We are 100% focused on fixing the issues” in one article and “We are totally focused
    on fixing the problems” in another, given as the same person's words.

How it decides
    Quotations of at least ``min_words`` words are lined up word by word (case and
    punctuation aside). Two are the same quotation when most of the shorter one's words
    line up with the other (``min_shared``) and what they share holds at least four words
    that carry meaning, or one when both are given to the same person of the story ("Our
    prayers are with you", said by one person, is not "Our thoughts and prayers are with
    all those affected", said by another). Words missing only at either end are a shorter
    extract, which is fine; a word changed anywhere, or added or dropped inside the shared
    stretch, is a rewording. The message shows the word-level difference.

    Only words that carry meaning count. Both sides of each difference are folded to one
    spelling first (typographic marks, contractions, British/American spelling, "Sept." for
    "September", "ten" for "10", brackets, ellipses and [sic], a compound written as one word
    or two, a word censored with asterisks; see ``factcheck.lexicon``): a
    difference that vanishes, or that changes only function words ("the" for "a", an added
    "that"), or one word for the same word inflected ("operation" / "operations"), is how
    print differs, not what was said. Words only left out inside the shared stretch are an
    extract (quoting drops words, with or without an ellipsis) unless they are a negation
    or a number.

    Severity is high when a changed word is a number or a negation, medium otherwise.

Example
    He said: “The buck stops with them and the cabinet lead from 2021-2023.”
    He said: “The buck stops with them and the cabinet lead from 2019-2023.”
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.lexicon import NEGATIONS, carries_meaning, censored_match, fold_word, folded_words, is_number, same_word_family
from factcheck.records import Claim, Evidence, Finding, Mention, Quote
from factcheck.rules.alignment import Difference, Word, words_of
from factcheck.rules.base import Parameter, StoryContext, finding, sharing_pairs
from factcheck.rules.speakers import same_resolved_speaker, speaker_name

CODE = "FC601"
NAME = "quote-mismatch"
SUMMARY = "The same quotation worded differently"
SEVERITY = "medium"
PARAMETERS = {
    "min_words": Parameter(4, 1, 100, "shortest quotation compared, in words"),
    "min_shared": Parameter(0.7, 0.0, 1.0, "share of the shorter quotation that must line up with the other"),
}

# One quotation quoted twice shares at least this many words that carry meaning.
MIN_SHARED_CONTENT = 4
WEIGHTY = re.compile(r"^(?:\d[\d,.%]*|not|never|no|n't|\w+n't)$")


@dataclass(frozen=True)
class QuotePair:
    """Two quotations lined up: the share of the shorter one that matches, and the
    differences inside the stretch they share."""

    first: tuple[Claim, Quote]
    second: tuple[Claim, Quote]
    shared: float
    inner: list[Difference]


def quoted(story: StoryContext, min_words: int) -> list[tuple[Claim, Quote, tuple[Word, ...]]]:
    found = []
    for claim in story.claims:
        for quote in claim.quotes:
            words = words_of(quote.text, quote.start)
            if len(words) >= min_words:
                found.append((claim, quote, words))
    return found


def quote_pairs(story: StoryContext, min_words: int, min_shared: float) -> list[QuotePair]:
    """Pairs of quotations from different sentences that are the same quotation (kept on
    the story: quote-mismatch and quote-attribution both ask, usually with equal settings)."""
    key = ("quote_pairs", min_words, min_shared)
    if key not in story.memo:
        story.memo[key] = list(_quote_pairs(story, min_words, min_shared))
    return story.memo[key]


def _quote_pairs(story: StoryContext, min_words: int, min_shared: float) -> Iterator[QuotePair]:
    keyed = [(claim, quote, words, [w.key for w in words], frozenset(w.key for w in words)) for claim, quote, words in quoted(story, min_words)]
    for first, second in sorted(sharing_pairs(item[4] for item in keyed)):
        (claim_a, quote_a, words_a, keys_a, set_a), (claim_b, quote_b, words_b, keys_b, set_b) = keyed[first], keyed[second]
        if len(set_a & set_b) < min_shared * min(len(set_a), len(set_b)) or claim_a.sentence == claim_b.sentence:
            continue
        matcher = SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        matched = sum(block.size for block in blocks)
        shared = matched / min(len(keys_a), len(keys_b))
        if shared < min_shared or not _one_utterance(story, quote_a, quote_b, _shared_content(keys_a, blocks)):
            continue
        inner = [
            Difference(tuple(words_a[a0:a1]), tuple(words_b[b0:b1]))
            for tag, a0, a1, b0, b1 in matcher.get_opcodes()
            if tag == "replace" or (tag != "equal" and _inside(blocks, a0, a1, b0, b1))
        ]
        yield QuotePair((claim_a, quote_a), (claim_b, quote_b), shared, inner)


def _shared_content(keys: list[str], blocks: list) -> int:
    """Words that carry meaning among those two quotations share: "Our prayers are with
    you" and "Our thoughts and prayers are with all those affected" share one ("prayers"),
    which makes two condolences, not one quotation."""
    return sum(carries_meaning(fold_word(key)) for block in blocks for key in keys[block.a : block.a + block.size])


def _one_utterance(story: StoryContext, first: Quote, second: Quote, shared_content: int) -> bool:
    """Enough shared meaning to be one quotation: MIN_SHARED_CONTENT words, or fewer when
    both are given to one person of the story ("Shame about my wheels" / "... tyres")."""
    if shared_content >= MIN_SHARED_CONTENT:
        return True
    return shared_content >= 1 and same_resolved_speaker(first, second, story.people)


def _inside(blocks: list, a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether words added or left out lie between the first and last shared words; outside
    that stretch they only make one quotation a shorter extract of the other."""
    first, last = blocks[0], blocks[-1]
    return first.a <= a0 and a1 <= last.a + last.size and first.b <= b0 and b1 <= last.b + last.size


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for pair in quote_pairs(story, int(parameters["min_words"]), parameters["min_shared"]):
        inner = [difference for difference in pair.inner if changes_meaning(difference)]
        if not inner:
            continue
        changes = "; ".join(_change(difference) for difference in inner)
        weighty = any(WEIGHTY.match(word.key) for d in inner for word in d.first + d.second)
        (claim_a, quote_a), (claim_b, quote_b) = pair.first, pair.second
        message = f"A quotation is worded differently: {changes}."
        evidence = [
            Evidence.of(claim_a.sentence, _span(quote_a, inner, True), speaker_name(quote_a, story.people)),
            Evidence.of(claim_b.sentence, _span(quote_b, inner, False), speaker_name(quote_b, story.people)),
        ]
        yield finding(NAME, story.name, "high" if weighty else "medium", pair.shared, message, evidence)


def changes_meaning(difference: Difference) -> bool:
    """Whether the two sides say different things once folded to one spelling. Words only
    left out are an extract (quoting drops words, with or without an ellipsis) unless they
    are a negation or a number; words replaced must replace a word that carries meaning
    with one that is not the same word inflected ("operation" / "operations"). A compound
    written as one word or two ("healthcare" / "health care") and a censored word
    ("f***ing" / "f**king") are print, not wording."""
    if _print_variant(difference):
        return False
    first = folded_words(difference.first_text())
    second = folded_words(difference.second_text())
    only_first = [word for word in first if word not in second and carries_meaning(word)]
    only_second = [word for word in second if word not in first and carries_meaning(word)]
    if not first or not second:
        return any(word in NEGATIONS or is_number(word) for word in only_first + only_second)
    unmatched = [
        word for word in only_first if not any(same_word_family(word, other) for other in only_second)
    ] + [word for word in only_second if not any(same_word_family(word, other) for other in only_first)]
    return bool(unmatched)


def _print_variant(difference: Difference) -> bool:
    if "".join(folded_words(difference.first_text())) == "".join(folded_words(difference.second_text())):
        return bool(difference.first and difference.second)
    pairs = list(zip(difference.first, difference.second))
    return (
        len(difference.first) == len(difference.second)
        and any("*" in a.text + b.text for a, b in pairs)
        and all(a.key == b.key or censored_match(a.text, b.text) for a, b in pairs)
    )


def _change(difference: Difference) -> str:
    before, after = difference.first_text(), difference.second_text()
    if not before:
        return f"“{after}” added"
    if not after:
        return f"“{before}” left out"
    return f"“{before}” → “{after}”"


def _span(quote: Quote, inner: list[Difference], first: bool) -> Mention:
    """The first changed words of this side, or the whole quotation if it only lacks words."""
    for difference in inner:
        words = difference.first if first else difference.second
        if words:
            start, end = words[0].start, words[-1].end
            return Mention(quote.text[start - quote.start : end - quote.start], start, end)
    return quote
