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
from dataclasses import dataclass

from factcheck.extract.people import gender_of
from factcheck.lexicon import SPEECH_VERBS
from factcheck.records import Article, PersonMention, Quote, Sentence

VERB = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b", re.IGNORECASE)
PRONOUNS = {"he": "m", "she": "f", "they": "", "who": ""}
SUBJECT_LINK = re.compile(r"\A(?:['’]s?(?:\s+\w+){0,2})?\s*(?:,[^,]{1,100},)?\s*,?\s*\Z")
PRONOUN_BEFORE = re.compile(r"\b(he|she|they|who)\s*\Z", re.IGNORECASE)
WORD_BEFORE_OPEN = re.compile(r"(?:\A|[\s(\[—–-])\Z")
MAX_SUBJECT_WORDS = 6
MIN_ATTRIBUTION_GAP = 80


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
    for span in spans:
        for index, sentence in enumerate(sentences):
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
    before_ok = bool(WORD_BEFORE_OPEN.search(text[:position]))
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
    speakers: dict[int, str] = {}
    for quotation, opening in first.items():
        speaker = (
            _speaker_before(text, opening, sentences, people)
            or _speaker_after(text, last[quotation], sentences, people)
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


def _sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    for index, sentence in enumerate(sentences):
        if sentence.start <= offset <= sentence.end:
            return index
    return None


def _speaker_before(text: str, span: _Span, sentences: list[Sentence], people: list[list[PersonMention]]) -> str | None:
    """`X said: "..."` or `X said "..." ...`: the last speech verb before the opening mark."""
    index = _sentence_at(sentences, span.start - 1)
    if index is None:
        return None
    sentence = sentences[index]
    prefix = text[sentence.start : span.start - 1]
    verbs = list(VERB.finditer(prefix))
    if not verbs:
        return None
    verb = verbs[-1]
    return _subject(prefix, sentence.start, verb.start(), index, sentences, people)


def _speaker_after(text: str, span: _Span, sentences: list[Sentence], people: list[list[PersonMention]]) -> str | None:
    """`"...," said Cllr X.` or `"..." Mr Jones said.`: a person beside a verb after the quote."""
    index = _sentence_at(sentences, span.end + 1)
    if index is None:
        return None
    sentence = sentences[index]
    suffix_start = span.end + 1
    suffix = text[suffix_start : sentence.end]
    verb = VERB.search(suffix[:MIN_ATTRIBUTION_GAP])
    if not verb:
        return None
    for person in people[index]:
        if person.start >= suffix_start and person.start - suffix_start < MIN_ATTRIBUTION_GAP:
            return person.canonical
    pronoun = PRONOUN_BEFORE.search(suffix[: verb.start()])
    if pronoun:
        return _resolve_pronoun(pronoun.group(1), sentence.start, index, sentences, people)
    return None


def _subject(
    prefix: str, base: int, verb_at: int, index: int, sentences: list[Sentence], people: list[list[PersonMention]]
) -> str | None:
    for person in reversed(people[index]):
        relative_end = person.end - base
        if relative_end <= verb_at and SUBJECT_LINK.match(prefix[relative_end:verb_at]):
            return person.canonical
    pronoun = PRONOUN_BEFORE.search(prefix[:verb_at])
    if pronoun:
        return _resolve_pronoun(pronoun.group(1), base + pronoun.start(), index, sentences, people)
    clause = re.split(r"[,;:]", prefix[:verb_at])[-1].strip()
    if clause and len(clause.split()) <= MAX_SUBJECT_WORDS and clause[:1].isalpha():
        return clause
    return None


def _resolve_pronoun(
    pronoun: str, offset: int, index: int, sentences: list[Sentence], people: list[list[PersonMention]]
) -> str | None:
    """The last person named before `offset` whose honorific does not contradict the pronoun."""
    wanted = PRONOUNS[pronoun.lower()]
    for earlier in range(index, -1, -1):
        for person in reversed(people[earlier]):
            if person.end > offset:
                continue
            gender = gender_of(person.honorific)
            if not wanted or not gender or gender == wanted:
                return person.canonical
    return None
