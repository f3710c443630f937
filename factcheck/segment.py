"""Sentences with offsets into the article text.

nupunkt (the best splitter on news copy in the shared measurements) splits each paragraph;
a paragraph never ends mid-sentence in news copy, so splitting per paragraph keeps boilerplate
and headlines out of sentences. Two repairs follow, both for British copy: a split after an
honorific written with a full stop ("Dr. Smith") is undone, and so is a split before a
lower-case word, which is never a sentence start in edited copy.

A "sentence" is also bounded in length: text with no sentence end (a broken feed, a pasted
list of names or figures) is cut into pieces of at most `MAX_SENTENCE_CHARS` at a space, so
every later stage works on short strings and costs time in proportion to the draft. The
longest sentence in 6,113 of realnews_dev and the seeds is 760 characters.

`draft_words` is what checking a draft costs, in the words (and punctuation marks) the
embedding model reads; a draft over the setting `max_draft_words` is not checked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

import nupunkt

from factcheck.records import Article, Sentence

ABBREVIATIONS_BEFORE_NAMES = frozenset(
    "mr mrs ms mx dr cllr prof rev revd st sgt insp det supt capt col gen lt no nos vs cf".split()
)
LAST_WORD = re.compile(r"(\w+)\.\W*$")
OPENING = re.compile(r"[\s\"'“‘(\[]*(\w)")
MAX_SENTENCE_CHARS = 1000
MODEL_WORD = re.compile(r"\w+|[^\w\s]")
# A sentence costs every stage something however short it is, and the model reads at most
# 256 word pieces of it however long it is.
MIN_SENTENCE_COST = 10
MAX_SENTENCE_COST = 256


def split_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every content paragraph, numbered in reading order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(article.paragraphs):
        text = article.text[paragraph.start : paragraph.end]
        for start, end in _bounded(text, _repair(text, _spans(text))):
            sentences.append(
                Sentence(
                    article=article.path,
                    index=len(sentences),
                    paragraph=number,
                    start=paragraph.start + start,
                    end=paragraph.start + end,
                    text=text[start:end],
                )
            )
    return sentences


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """nupunkt's spans, trimmed of surrounding whitespace (cached: wire copy repeats)."""
    trimmed = []
    for _, (start, end) in nupunkt.sent_spans_with_text(text):
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            trimmed.append((start, end))
    return tuple(trimmed)


def _repair(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _continues(text[merged[-1][0] : merged[-1][1]], text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def draft_words(sentences: list[Sentence]) -> int:
    """Words and punctuation marks of the sentences, each sentence counted as at least
    MIN_SENTENCE_COST and at most MAX_SENTENCE_COST."""
    total = 0
    for sentence in sentences:
        words = sum(1 for _ in islice(MODEL_WORD.finditer(sentence.text), MAX_SENTENCE_COST))
        total += max(words, MIN_SENTENCE_COST)
    return total


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of at most MAX_SENTENCE_CHARS: a longer one is cut at its last whitespace before
    the limit (or at the limit, when it has none), pieces trimmed of whitespace."""
    bounded: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            window = text[start : start + MAX_SENTENCE_CHARS + 1]
            cut = max(window.rfind(space) for space in " \n\t")
            if cut <= 0:
                cut = MAX_SENTENCE_CHARS
            piece = window[:cut].rstrip()
            if piece:
                bounded.append((start, start + len(piece)))
            start += cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            bounded.append((start, end))
    return bounded


def _continues(previous: str, current: str) -> bool:
    """True when `current` cannot be a new sentence after `previous`."""
    last = LAST_WORD.search(previous)
    if last and last.group(1).lower() in ABBREVIATIONS_BEFORE_NAMES:
        return True
    first = OPENING.match(current)
    return bool(first and first.group(1).islower())
