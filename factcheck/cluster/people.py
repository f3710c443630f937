"""One entry per person across a story's articles.

Within an article, extraction has already linked "Ms Turnross" to "Jenny Turnross". Across
articles, a surname-only mention joins the one full name with that surname in the story. What
stays apart, two spellings of what may be one person, is for the name-variant rule to judge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from factcheck.extract.people import gender_of
from factcheck.records import Claim, PersonMention


@dataclass
class Person:
    """A name as the story uses it, with every (claim, mention) that uses it."""

    name: str
    given: str | None
    surname: str
    mentions: list[tuple[Claim, PersonMention]] = field(default_factory=list)

    @property
    def introduced(self) -> bool:
        """Named in full somewhere; a person never introduced is a warning sign in copy."""
        return self.given is not None

    @cached_property
    def fullest_name(self) -> str:
        """The longest way the story writes the name, without an honorific (the mentions are
        complete once the story is indexed, and a rule may ask for every pair of people)."""
        texts = [mention.text.split(" ", 1)[1] if mention.honorific and " " in mention.text else mention.text for _, mention in self.mentions]
        return max(texts, key=lambda text: (len(text.split()), text))

    @property
    def genders(self) -> set[str]:
        return {gender_of(mention.honorific) for _, mention in self.mentions} - {""}

    @property
    def roles(self) -> list[str]:
        return [mention.role for _, mention in self.mentions if mention.role]

    @property
    def articles(self) -> set[str]:
        return {claim.sentence.article for claim, _ in self.mentions}


def index_people(claims: list[Claim]) -> list[Person]:
    """People of one story, in order of first mention."""
    full_by_surname: dict[str, set[str]] = {}
    for mention in (mention for claim in claims for mention in claim.people):
        if mention.given:
            full_by_surname.setdefault(mention.surname, set()).add(mention.canonical)
    people: dict[str, Person] = {}
    for claim in claims:
        for mention in claim.people:
            name = _story_name(mention, full_by_surname)
            if name not in people:
                given = name.split(" ", 1)[0] if " " in name else None
                people[name] = Person(name=name, given=given, surname=mention.surname)
            people[name].mentions.append((claim, mention))
    return list(people.values())


def _story_name(mention: PersonMention, full_by_surname: dict[str, set[str]]) -> str:
    if " " in mention.canonical:
        return mention.canonical
    candidates = full_by_surname.get(mention.surname, set())
    return next(iter(candidates)) if len(candidates) == 1 else mention.canonical
