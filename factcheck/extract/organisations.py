"""Organisations named in a sentence.

News copy names bodies as capitalised phrases ending in a word that says what kind of body it
is ("Liverpool City Council", "Birmingham Children's Trust", "Department of Education"), or
by an acronym ("NHS", "CQC"). A handful of bodies that news names by a bare brand ("Ofsted")
are listed; the list is of kinds of bodies, not of the seeds' story.
"""

from __future__ import annotations

import re

from factcheck.records import Mention, Sentence

HEAD_WORDS = (
    "Council|Councils|Trust|Department|Committee|Board|Party|Authority|Agency|Commission|"
    "Office|Service|Services|Police|Constabulary|Government|Ministry|Parliament|Assembly|"
    "University|College|School|Academy|Hospital|Court|Tribunal|Union|Association|Society|"
    "Foundation|Institute|Group|Company|Ltd|plc|Inc|Bank|Corporation|Partnership|Network|"
    "Executive|Cabinet|Inspectorate|Regulator|Charity|Club|Federation|Team"
)
BRANDS = "Ofsted|Ofcom|Ofwat|Ofgem|Healthwatch|Barnardo's|Barnardo’s|Unicef|Unison"
MAX_NAME_WORDS = 8  # before the head word; a bound keeps a run of capitals from backtracking
CAPITALISED = r"(?:[A-Z](?:[\w’'&-]|\.(?=\w))*)"
JOINER = r"(?:\s+(?:of|for|and|the|&)\b){0,2}"
OF_WHAT = rf"\s+(?:of|for)\s+(?:the\s+)?{CAPITALISED}(?:\s+(?:and\s+)?{CAPITALISED}){{0,{MAX_NAME_WORDS}}}"
NAMED_BODY = re.compile(
    rf"\b(?:(?:{CAPITALISED}{JOINER}\s+){{1,{MAX_NAME_WORDS}}}(?:{HEAD_WORDS})\b(?:{OF_WHAT})?|(?:{HEAD_WORDS}){OF_WHAT})"
)
ACRONYM = re.compile(rf"\b(?:{BRANDS}|[A-Z]{{2,6}}s?)\b")
NOT_ACRONYMS = frozenset("READ MORE NEXT TV UK US EU AM PM OK II III IV".split())
LEADING_NOISE = frozenset("The A An In On At By For From With And But Last This That".split())


def find_organisations(sentence: Sentence) -> list[Mention]:
    """Named bodies and acronyms, without overlaps, in reading order."""
    found: list[Mention] = []
    for match in NAMED_BODY.finditer(sentence.text):
        start, end = _without_leading_noise(sentence.text, match.start(), match.end())
        if " " in sentence.text[start:end]:
            found.append(_mention(sentence, start, end))
    taken = [(m.start, m.end) for m in found]
    for match in ACRONYM.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if match.group() in NOT_ACRONYMS or any(a <= start < b for a, b in taken):
            continue
        found.append(Mention(match.group(), start, end))
    return sorted(found, key=lambda mention: mention.start)


def _without_leading_noise(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a sentence-initial "The" or a preposition swept into the capitalised run."""
    words = text[start:end].split(" ")
    while len(words) > 1 and words[0] in LEADING_NOISE:
        start += len(words[0]) + 1
        words = words[1:]
    return start, end


def _mention(sentence: Sentence, start: int, end: int) -> Mention:
    return Mention(sentence.text[start:end], sentence.start + start, sentence.start + end)
