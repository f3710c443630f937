"""house-style: a person named or titled differently from the house style sheet.

What it catches
    The style sheet (`[[people]]` in factcheck.toml) lists "Jenny Turnross", corporate
    director of children's services. A draft that writes "Jenny Turnbull" or "Jennie
    Turnross", or calls her "chief executive", is flagged even when it is the only draft
    checked: the sheet is the other side of the comparison.

How it decides
    A person in the drafts is the listed person when the surnames are equal and the given
    names agree (or the draft gives none). Their roles are then compared with the listed
    role as `role-mismatch` compares two roles (a shorter form of the title is fine; another
    remit, rank or senior post is not).

    A person is a misspelling of a listed person when the surnames differ but are alike
    (Jaro-Winkler at least ``min_surname_similarity``, same first letter) and the given
    names agree: high. A draft that never gives a given name ("Ms Turnbull") is a medium
    finding, and only when no listed person has that exact surname. Names listed under
    `aliases` (and `accepted` variants) are never findings.

Example
    Style sheet: name = "Jenny Turnross", role = "corporate director of children's services"
    Draft: Ms Turnbull, the council's corporate director, said ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz.distance import JaroWinkler

from factcheck.cluster.people import Person
from factcheck.records import Evidence, Finding, ListedPerson
from factcheck.rules.base import Parameter, StoryContext, finding
from factcheck.rules.role_mismatch import compare, role_span

CODE = "FC901"
NAME = "house-style"
SUMMARY = "A person named or titled differently from the house style sheet"
SEVERITY = "high"
PARAMETERS = {
    "min_surname_similarity": Parameter(0.65, 0.0, 1.0, "a surname this close to a listed one is taken as that person"),
    "min_given_similarity": Parameter(0.85, 0.0, 1.0, "a given name this close to the listed one is a misspelling of it"),
}


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    listed_surnames = {listed.surname.lower() for listed in story.style}
    for person in story.people:
        for listed in story.style:
            if _written_as_alias(person, listed):
                break
            if person.surname.lower() == listed.surname.lower() and _given_agrees(person, listed):
                yield from _role_findings(story, person, listed)
                break
            misspelt = _misspelling(person, listed, listed_surnames, parameters)
            if misspelt:
                yield _name_finding(story, person, listed, misspelt)
                break


def _written_as_alias(person: Person, listed: ListedPerson) -> bool:
    """One of the listed person's accepted other names, word for word."""
    return person.name.lower() in {alias.lower() for alias in listed.aliases}


def _given_agrees(person: Person, listed: ListedPerson) -> bool:
    """The same given name, or none given on one side."""
    return not person.given or not listed.given or person.given.lower() == listed.given.lower()


def _misspelling(person: Person, listed: ListedPerson, listed_surnames: set[str], parameters: Mapping[str, float]) -> str | None:
    """'high' or 'medium' when `person` looks like a misspelling of `listed`, else None."""
    mine, theirs = person.surname.lower(), listed.surname.lower()
    if mine == theirs:
        if person.given and listed.given and person.given.lower() != listed.given.lower():
            similar = JaroWinkler.similarity(person.given.lower(), listed.given.lower())
            return "high" if similar >= parameters["min_given_similarity"] else None
        return None
    if mine[:1] != theirs[:1] or mine in listed_surnames:
        return None
    if JaroWinkler.similarity(mine, theirs) < parameters["min_surname_similarity"]:
        return None
    if person.given and listed.given:
        return "high" if person.given.lower() == listed.given.lower() else None
    return "medium"


def _name_finding(story: StoryContext, person: Person, listed: ListedPerson, severity: str) -> Finding:
    claim, mention = person.mentions[0]
    where = f" ({listed.role})" if listed.role else ""
    message = f"“{mention.text}” is not the style sheet's spelling: “{listed.name}”{where}."
    return finding(NAME, story.name, severity, 0.8 if severity == "high" else 0.6, message, [Evidence.of(claim.sentence, mention)])


def _role_findings(story: StoryContext, person: Person, listed: ListedPerson) -> Iterable[Finding]:
    if not listed.role:
        return
    for claim, mention in person.mentions:
        verdict = compare(mention.role or "", listed.role)
        if verdict is None:
            continue
        severity, why = verdict
        message = f"{person.name} is “{mention.role}” here; the style sheet has “{listed.role}” ({why})."
        yield finding(NAME, story.name, severity, 0.9 if severity == "high" else 0.7, message, [Evidence.of(claim.sentence, role_span(claim, mention))])
