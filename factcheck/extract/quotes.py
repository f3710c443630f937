"""Quotations and who said them.

Quote marks are matched per paragraph, with the British convention for long quotes: a
paragraph that ends inside a quotation is continued by the next paragraph when that one opens
with a quote mark, so the speaker named before the first paragraph owns all of them. A
quotation crossing sentence boundaries is cut into one Quote per sentence (evidence always sits
inside one sentence), each carrying the speaker of the whole quotation.

The speaker is the subject of a speech verb next to the quotation: a person ("Jonathan Jones,
director of education, said:"), a pronoun resolved to the last person named before it
("He added:"), or a short noun phrase when no person is named ("a Labour Party source said:").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from factcheck.extract.people import gender_of
from factcheck.lexicon import SPEECH_VERBS
from factcheck.records import Article, PersonMention, Quote, Sentence

VERB = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b", re.IGNORECASE)
PRONOUNS = {"he": "m", "she": "f", "they": "", "who": ""}
SUBJECT_LINK = re.compile(r"\A(?:['’]s?(?:\s+\w+){0,2})?\s*(?:,[^,]{1,100},)?\s*,?\s*\Z")
PRONOUN_BEFORE = re.compile(r"\b(he|she|they|who)\s*\Z", re.IGNORECASE)
OPENING_AFTER = frozenset("([—–-")
MAX_SUBJECT_WORDS = 6
MIN_ATTRIBUTION_GAP = 80
MAX_SUBJECT_CHARS = 300


@dataclass
class _Span:
    """A stretch of quoted words in one paragraph, and the quotation it belongs to."""

    start: int
    end: int
    quotation: int
    paragraph: int
    opens_paragraph: bool


def find_quotes(article: Article, sentences: list[Sentence], people: list[list[PersonMention]]) -> list[list[Quote]]:
    """Quotes per sentence, in the same order as `sentences`."""
    spans = _quoted_spans(article)
    speakers = _speakers(article.text, spans, sentences, people)
    found: list[list[Quote]] = [[] for _ in sentences]
    starts = [sentence.start for sentence in sentences]
    ends = [sentence.end for sentence in sentences]
    for span in spans:
        for index in range(bisect_right(ends, span.start), bisect_left(starts, span.end)):
            sentence = sentences[index]
            start, end = max(span.start, sentence.start), min(span.end, sentence.end)
            piece = _trimmed(article.text, start, end)
            if piece:
                start, end = piece
                found[index].append(Quote(article.text[start:end], start, end, speakers.get(span.quotation)))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding spaces and punctuation-only edges, or None if empty."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%)"):
        end -= 1
    return (start, end) if end > start else None


def _quoted_spans(article: Article) -> list[_Span]:
    spans: list[_Span] = []
    quotation = 0
    open_at_end = False
    for number_of_paragraph, paragraph in enumerate(article.paragraphs):
        text = article.text[paragraph.start : paragraph.end]
        continues = open_at_end and text[:1] in "\"“'‘"
        pieces, open_at_end = _marks(text)
        for number, (start, end) in enumerate(pieces):
            if not (continues and number == 0):
                quotation += 1
            spans.append(_Span(paragraph.start + start, paragraph.start + end, quotation, number_of_paragraph, start == 1))
    return spans


def _marks(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Quoted stretches of one paragraph as (start, end) inside it, and whether the paragraph
    ends inside a double-quoted stretch (which the next paragraph may continue)."""
    pieces: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for position, mark in enumerate(text):
        if opened is None:
            if mark in "“\"" or (mark in "‘'" and _opens_single(text, position)):
                opened = (position + 1, mark)
        elif _closes(opened[1], mark, text, position):
            pieces.append((opened[0], position))
            opened = None
    if opened is None:
        return pieces, False
    pieces.append((opened[0], len(text)))
    return pieces, opened[1] in "“\""


def _opens_single(text: str, position: int) -> bool:
    """A single mark opens a quote at a word start, never inside a word (children's, ’90s)."""
    before = text[position - 1] if position else " "
    before_ok = before.isspace() or before in OPENING_AFTER
    after = text[position + 1 : position + 2]
    return before_ok and after.isalpha()


def _closes(opening: str, mark: str, text: str, position: int) -> bool:
    if opening in "“\"":
        return mark in "”\""
    if mark not in "’'":
        return False
    after = text[position + 1 : position + 2]
    return not after.isalnum()


def _speakers(
    text: str, spans: list[_Span], sentences: list[Sentence], people: list[list[PersonMention]]
) -> dict[int, str]:
    """Each quotation's speaker, looked for around the first piece, then around the last."""
    first: dict[int, _Span] = {}
    last: dict[int, _Span] = {}
    for span in spans:
        first.setdefault(span.quotation, span)
        last[span.quotation] = span
    voices = _Voices(text, sentences, people)
    speakers: dict[int, str] = {}
    for quotation, opening in first.items():
        speaker = (
            voices.before(opening)
            or voices.after(last[quotation])
            or _previous_speaker(opening, last.get(quotation - 1), speakers)
        )
        if speaker:
            speakers[quotation] = speaker
    return speakers


def _previous_speaker(opening: _Span, previous: _Span | None, speakers: dict[int, str]) -> str | None:
    """A paragraph that is all quotation, right after a quoted paragraph, goes on with the
    same voice: news copy names a speaker once and lets the next paragraphs run on."""
    if previous is None or not opening.opens_paragraph or previous.paragraph != opening.paragraph - 1:
        return None
    return speakers.get(previous.quotation)


class _Voices:
    """Who speaks next to a quotation. What every quotation of an article asks (which sentence
    holds an offset, where its speech verbs are, who was named last) is worked out once, so an
    article with thousands of quote marks costs time in proportion to its length."""

    def __init__(self, text: str, sentences: list[Sentence], people: list[list[PersonMention]]):
        self.text = text
        self.sentences = sentences
        self.people = people
        self.ends = [sentence.end for sentence in sentences]
        self.verbs: dict[int, list[tuple[int, int]]] = {}
        self.named_before = {wanted: _last_named_before(people, wanted) for wanted in set(PRONOUNS.values())}

    def sentence_at(self, offset: int) -> int | None:
        """The first sentence holding `offset` (its end counts)."""
        index = bisect_left(self.ends, offset)
        if index < len(self.sentences) and self.sentences[index].start <= offset:
            return index
        return None

    def verbs_in(self, index: int) -> list[tuple[int, int]]:
        """Speech verbs of sentence `index`, as (start, end) inside its text."""
        if index not in self.verbs:
            self.verbs[index] = [match.span() for match in VERB.finditer(self.sentences[index].text)]
        return self.verbs[index]

    def before(self, span: _Span) -> str | None:
        """`X said: "..."` or `X said "..." ...`: the last speech verb before the opening mark."""
        index = self.sentence_at(span.start - 1)
        if index is None:
            return None
        sentence = self.sentences[index]
        prefix_end = span.start - 1 - sentence.start
        verbs = self.verbs_in(index)
        position = bisect_right(verbs, prefix_end, key=_verb_end) - 1
        if position < 0:
            return None
        verb_at = verbs[position][0]
        return self.subject(sentence.text[max(0, verb_at - MAX_SUBJECT_CHARS) : verb_at], sentence.start + max(0, verb_at - MAX_SUBJECT_CHARS), index)

    def after(self, span: _Span) -> str | None:
        """`"...," said Cllr X.` or `"..." Mr Jones said.`: a person beside a verb after the quote."""
        index = self.sentence_at(span.end + 1)
        if index is None:
            return None
        sentence = self.sentences[index]
        suffix_start = span.end + 1
        suffix = self.text[suffix_start : min(sentence.end, suffix_start + MIN_ATTRIBUTION_GAP)]
        verb = VERB.search(suffix)
        if not verb:
            return None
        for person in self.people[index]:
            if person.start >= suffix_start and person.start - suffix_start < MIN_ATTRIBUTION_GAP:
                return person.canonical
        pronoun = PRONOUN_BEFORE.search(suffix[: verb.start()])
        if pronoun:
            return self.resolve(pronoun.group(1), sentence.start, index)
        return None

    def subject(self, before_verb: str, base: int, index: int) -> str | None:
        """Who says it, from the words before the verb (`before_verb` starts at `base`)."""
        for person in reversed(self.people[index]):
            relative_end = person.end - base
            if 0 <= relative_end <= len(before_verb) and SUBJECT_LINK.match(before_verb[relative_end:]):
                return person.canonical
        pronoun = PRONOUN_BEFORE.search(before_verb)
        if pronoun:
            return self.resolve(pronoun.group(1), base + pronoun.start(), index)
        clause = re.split(r"[,;:]", before_verb)[-1].strip()
        if clause and len(clause.split()) <= MAX_SUBJECT_WORDS and clause[:1].isalpha():
            return clause
        return None

    def resolve(self, pronoun: str, offset: int, index: int) -> str | None:
        """The last person named before `offset` whose honorific does not contradict the pronoun."""
        wanted = PRONOUNS[pronoun.lower()]
        for person in reversed(self.people[index]):
            if person.end <= offset and _agrees(person, wanted):
                return person.canonical
        return self.named_before[wanted][index]


def _last_named_before(people: list[list[PersonMention]], wanted: str) -> list[str | None]:
    """For each sentence, the last person agreeing with `wanted` named in an earlier sentence."""
    latest: list[str | None] = []
    current: str | None = None
    for mentions in people:
        latest.append(current)
        current = next((person.canonical for person in reversed(mentions) if _agrees(person, wanted)), current)
    return latest


def _agrees(person: PersonMention, wanted: str) -> bool:
    gender = gender_of(person.honorific)
    return not wanted or not gender or gender == wanted


def _verb_end(verb: tuple[int, int]) -> int:
    return verb[1]
