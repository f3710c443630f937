"""Who said a quotation, as one person of the story.

Extraction gives each quotation the words that name its speaker: a full name, a surname, a
pronoun resolved to a name, or a noun phrase ("a spokesman", "The Daily", "She went on
to"). Rules that compare speakers need people, not words, so a speaker counts only when it
names exactly one person the story introduces.
"""

from __future__ import annotations

from factcheck.cluster.people import Person
from factcheck.records import Quote

LEADING_CONNECTIVES = frozenset("but and so then also yet while as when".split())


def resolve_speaker(speaker: str | None, people: list[Person]) -> Person | None:
    """The one introduced person a speaker names: their full name, or a surname or given
    name only one of them has ("Smith", "Jess" for Jess Smith); else None."""
    words = [word for word in (speaker or "").replace(".", "").split() if word]
    while words and words[0].lower() in LEADING_CONNECTIVES:
        words = words[1:]
    if not words:
        return None
    wanted = " ".join(words).lower()
    introduced = [person for person in people if person.introduced]
    exact = [person for person in introduced if person.name.lower() == wanted]
    if exact:
        return exact[0]
    if len(words) == 1:
        matches = [p for p in introduced if wanted in (p.surname.lower(), (p.given or "").lower())]
        if len({person.name for person in matches}) == 1:
            return matches[0]
    return None


def same_resolved_speaker(first: Quote, second: Quote, people: list[Person]) -> bool:
    speaker = resolve_speaker(first.speaker, people)
    return speaker is not None and speaker is resolve_speaker(second.speaker, people)


def speaker_name(quote: Quote, people: list[Person]) -> str | None:
    """Who a report says spoke: the person the speaker words name, else the words as written."""
    person = resolve_speaker(quote.speaker, people)
    return person.name if person else quote.speaker
