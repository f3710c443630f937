"""Which lines of a draft are the story, and which are site furniture.

News pages pasted or scraped into drafts carry furniture: "READ MORE:" and the headline lists
after it, sign-up prompts, app promotions, outlet names and bylines on their own lines.
Furniture is never content, so it never becomes a paragraph and can never be cited as
evidence. It is recognised three ways, each simple enough to explain to a sub-editor:

1. named patterns (``FURNITURE``) for prompts every site uses, on short lines only;
2. position: lines before the first sentence of the story (outlet, section, byline,
   headline) and after its last one (footers) that are not sentences themselves;
3. repetition: a line found verbatim in two or more drafts of one run that is not a
   sentence (no final punctuation) is the site's, not the reporter's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.records import Paragraph

MAX_PROMPT_WORDS = 20
MAX_LABEL_WORDS = 4
MIN_TITLE_WORDS = 4
MIN_RUN_ON_WORDS = 6

# Each pattern: a kind of site furniture, matched case-insensitively against a short line.
FURNITURE: dict[str, re.Pattern[str]] = {
    "sign-in prompt": re.compile(r"\b(sign up|sign in|signing up|log in|already a member|subscri(be|ption)|create an account)\b"),
    "app promotion": re.compile(r"\b(download the app|one app|get the app|one membership|premium titles|all your news in one place|start reading|trusted global sources|days free|free trial|curated specifically)\b"),
    "newsletter or social prompt": re.compile(r"\b(newsletter|whatsapp|follow (us|[\w.]+) on|share this (article|story)|share on (facebook|twitter|x))\b"),
    "link list heading": re.compile(r"^(related (stories|articles|content)|top stories|our picks|most read|trending( now)?|more from|recommended)\b"),
    "copyright line": re.compile(r"(^©|\bcopyright\b|all rights reserved)"),
}
READ_MORE = re.compile(r"^(read more|read next|more on this story|also read|see also)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
HEADING = re.compile(r"^#{1,6}\s+")
SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]")
MIN_PROSE_WORDS = 30
PROSE_LOWER_SHARE = 0.5
SPACE = " \t\r\ufeff\u00a0"


@dataclass(frozen=True)
class Line:
    """A non-blank line, trimmed, with whether a blank line comes before it."""

    start: int
    end: int
    text: str
    after_blank: bool


@dataclass
class Layout:
    """What the paragraph finder decided about one draft."""

    title: str
    paragraphs: list[Paragraph]
    header: list[str]


def lines_of(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    after_blank = True
    for raw in text.split("\n"):
        stripped = raw.strip(SPACE)
        if stripped:
            start = position + len(raw) - len(raw.lstrip(SPACE))
            lines.append(Line(start, start + len(stripped), stripped, after_blank))
        after_blank = not stripped
        position += len(raw) + 1
    return lines


def is_sentence(line: str) -> bool:
    """Ends like a sentence, or is prose that only lacks a final stop: a whole article on one
    line ending in a credit ("(Editing by Eric Walsh)") or cut off mid-sentence is an
    article, not furniture."""
    if HEADING.match(line):
        return False
    return bool(SENTENCE_END.search(line)) or _long_prose(line)


def _long_prose(line: str) -> bool:
    """Many words, with a sentence break inside or mostly in lower case as prose is (a menu
    or a list of headlines of that length is capitalised)."""
    words = line.split()
    if len(words) < MIN_PROSE_WORDS:
        return False
    return bool(SENTENCE_BREAK.search(line)) or sum(word[:1].islower() for word in words) >= PROSE_LOWER_SHARE * len(words)


def is_furniture(line: str) -> bool:
    words = len(line.split())
    if words <= MAX_PROMPT_WORDS and any(p.search(line.lower()) for p in FURNITURE.values()):
        return True
    return words <= MAX_LABEL_WORDS and not is_sentence(line) and all(w[:1].isupper() or not w[:1].isalpha() for w in line.split())


def shareable(line: str) -> bool:
    """Whether a line may be furniture when another draft repeats it verbatim: never a
    sentence, however short ("He denies the charges." pasted by two reporters is the story;
    the sentence-shaped prompts sites repeat are caught by FURNITURE)."""
    return not is_sentence(line)


def layout(text: str, repeated: frozenset[str]) -> Layout:
    """The story's paragraphs and the headline, from a draft's text."""
    lines = _joined(text, lines_of(text))
    kept = _without_furniture(lines, repeated)
    sentences = [index for index, line in enumerate(kept) if is_sentence(line.text)]
    if not sentences:
        return Layout(title="", paragraphs=[], header=[line.text for line in lines])
    first, last = sentences[0], sentences[-1]
    header = kept[:first]
    body = kept[first : last + 1] + [line for line in kept[last + 1 :] if is_sentence(line.text)]
    body = [line for line in body if not HEADING.match(line.text)]
    headings = [HEADING.sub("", line.text) for line in kept if HEADING.match(line.text)]
    return Layout(
        title=_title(header, headings),
        paragraphs=[Paragraph(line.start, line.end) for line in body],
        header=[line.text for line in lines[: lines.index(kept[first])]],
    )


def _without_furniture(lines: list[Line], repeated: frozenset[str]) -> list[Line]:
    """Lines minus furniture; after a "READ MORE" marker its headline list goes too."""
    kept: list[Line] = []
    in_link_list = False
    for line in lines:
        if READ_MORE.match(line.text):
            in_link_list = True
            continue
        if in_link_list and not is_sentence(line.text):
            continue
        in_link_list = False
        if is_furniture(line.text) or (line.text in repeated and shareable(line.text)):
            continue
        kept.append(line)
    return kept


def _title(header: list[Line], headings: list[str]) -> str:
    candidates = headings + [line.text for line in header if len(line.text.split()) >= MIN_TITLE_WORDS]
    return candidates[0] if candidates else ""


def _joined(text: str, lines: list[Line]) -> list[Line]:
    """Hard-wrapped lines as one: a line that stops mid-sentence and runs straight on (no blank
    line, next line in lower case) continues the same paragraph."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not line.after_blank
            and line.text[:1].islower()
            and not is_sentence(previous.text)
            and len(previous.text.split()) >= MIN_RUN_ON_WORDS
        ):
            joined[-1] = Line(previous.start, line.end, text[previous.start : line.end], previous.after_blank)
        else:
            joined.append(line)
    return joined
