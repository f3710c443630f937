"""Sentences with offsets into the article text.

nupunkt (the best splitter on news copy in the shared measurements) splits each paragraph;
a paragraph never ends mid-sentence in news copy, so splitting per paragraph keeps boilerplate
and headlines out of sentences. Two repairs follow, both for British copy: a split after an
honorific written with a full stop ("Dr. Smith") is undone, and so is a split before a
lower-case word, which is never a sentence start in edited copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nupunkt

from factcheck.records import Article, Sentence

ABBREVIATIONS_BEFORE_NAMES = frozenset(
    "mr mrs ms mx dr cllr prof rev revd st sgt insp det supt capt col gen lt no nos vs cf".split()
)
LAST_WORD = re.compile(r"(\w+)\.\W*$")
OPENING = re.compile(r"[\s\"'“‘(\[]*(\w)")


def split_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every content paragraph, numbered in reading order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(article.paragraphs):
        text = article.text[paragraph.start : paragraph.end]
        for start, end in _repair(text, _spans(text)):
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


def _continues(previous: str, current: str) -> bool:
    """True when `current` cannot be a new sentence after `previous`."""
    last = LAST_WORD.search(previous)
    if last and last.group(1).lower() in ABBREVIATIONS_BEFORE_NAMES:
        return True
    first = OPENING.match(current)
    return bool(first and first.group(1).islower())
