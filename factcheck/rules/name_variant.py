"""name-variant: two spellings that probably denote the same person.

What it catches
    "Jenny Turnross" in one paragraph and "Ms Turnbull" in the next; "Liz Parsons" in one
    article and "Liz Parson" in another.

How it decides
    String similarity alone is not enough: Jaro-Winkler of Turnbull/Turnross is only 0.67,
    while Parsons/Makinson, two different councillors, score 0.61. So the rule weighs the
    story's own evidence:

    * A surname-only mention ("Ms Turnbull") that matches nobody the story introduced is the
      strongest sign: copy never refers to an unintroduced person by surname alone. It is
      paired with the introduced person whose surname is closest, when that is clearly closer
      than the next other person (``min_margin``), both surnames start with the same letter,
      honorifics do not disagree on gender, and the surnames are similar enough
      (``min_surname_similarity``).
      Two spellings of one introduced name ("Jenny Turnross" / "Jenny Turnrose") are one
      person, not two rivals: the orphan is paired with the spelling more articles use.
    * Two full names are paired when every word of the shorter one has a close match in the
      other (``min_full_name_similarity``, the weakest match counts: accents and hyphens
      aside, an initial matches its name and a nickname its given name, Liz/Elizabeth), or
      a fairly close one when both fill the same place of sentences that otherwise share
      their wording (``min_full_name_similarity_same_slot``). A misspelling needs a misspelt
      word: names whose every word matches exactly ("Idriss Déby" / "Idriss Deby",
      "Zehaf-Bibeau" / "Zehaf Bibeau", "Tom" / "Thomas Mulcair", or one name with a middle
      name more) are one name written in full or in short, never a finding; parts of a
      hyphenated name are words of their own ("Kim Jong-il" is not "Kim Jong-un"). Two
      people with one surname, either introduced as a relative ("his father, Adel Abdul
      Bary"), are a family, not a misspelling.

    Severity is high when the story supports the match beyond spelling (both forms in one
    article, the same role, or similar sentences); medium otherwise.

The message names the spelling more articles use (the style sheet's, where it lists the
person), or says the two are tied.

Example
    Jenny Turnross, corporate director of children's services, said ...
    He also made reference to Ms Turnbull starting her role at the Cunard next month.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import combinations

from nicknames import NickNamer
from rapidfuzz.distance import JaroWinkler

from factcheck.cluster.people import Person
from factcheck.extract.people import given_names, names_a_list
from factcheck.lexicon import HONORIFICS
from factcheck.records import Evidence, Finding
from factcheck.rules.base import LEXICAL_OVERLAP, Parameter, StoryContext, content_words, finding
from factcheck.rules.majority import majority_note

CODE = "FC101"
NAME = "name-variant"
SUMMARY = "Two spellings that probably denote the same person"
SEVERITY = "high"
PARAMETERS = {
    "min_surname_similarity": Parameter(0.6, 0.0, 1.0, "an unintroduced surname this close to an introduced one is paired with it"),
    "min_margin": Parameter(0.1, 0.0, 1.0, "how much closer the best surname must be than the next"),
    "min_full_name_similarity": Parameter(0.85, 0.0, 1.0, "two full names this alike, word by word, are one person"),
    "min_full_name_similarity_same_slot": Parameter(0.8, 0.0, 1.0, "the same, for names in the same place of alike sentences"),
    "min_sentence_similarity": Parameter(0.5, 0.0, 1.0, "sentences this alike support a match beyond spelling"),
}

_NICKNAMES = NickNamer()
# Two real given names this far apart are two names (Jane/Joan), not one misspelt (Michele/Michelle).
DISTINCT_GIVEN_NAMES = 0.95
# Bounds that no real story reaches, so a draft listing thousands of names stays linear.
MAX_NAME_PAIRS = 10_000
MAX_SENTENCES_COMPARED = 64


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    people = [person for person in story.people if not _only_in_lists(person)]
    introduced = [person for person in people if person.introduced]
    by_initial: dict[str, list[Person]] = {}
    for person in introduced:
        by_initial.setdefault(person.surname[:1].lower(), []).append(person)
    for person in people:
        if not person.introduced:
            match = _closest_introduced(person, by_initial.get(person.surname[:1].lower(), []), parameters)
            if match is not None:
                yield _report(story, match, person, _surname_similarity(person, match), parameters)
    for first, second in _neighbours(introduced):
        score = full_name_similarity(first, second)
        if score >= 1.0:
            continue
        threshold = min(
            parameters["min_full_name_similarity"],
            parameters["min_full_name_similarity_same_slot"] if _same_slot(first, second) else 1.0,
        )
        if score >= threshold and _genders_agree(first, second) and not _relatives(first, second):
            majority, variant = sorted((first, second), key=_weight, reverse=True)
            yield _report(story, majority, variant, score, parameters)


def _only_in_lists(person: Person) -> bool:
    """Named only in sentences that list many people (see extract.people.NAME_LIST)."""
    return all(names_a_list(claim) for claim, _ in person.mentions)


def _neighbours(people: list[Person]) -> list[tuple[Person, Person]]:
    """Pairs of people to compare, in story order: everyone with everyone while that is at
    most MAX_NAME_PAIRS pairs (about 140 people); beyond that each person with the few next
    to them in alphabetical order of surname and of given name (the sorted-neighbourhood
    blocking of record linkage), so a draft listing thousands of names stays linear."""
    count = len(people)
    if count * (count - 1) // 2 <= MAX_NAME_PAIRS:
        return list(combinations(people, 2))
    window = max(2, MAX_NAME_PAIRS // count)
    pairs: set[tuple[int, int]] = set()
    for key in (_folded_surname, _folded_given):
        order = sorted(range(count), key=lambda index: key(people[index]))
        for position, index in enumerate(order):
            for other in order[position + 1 : position + 1 + window]:
                pairs.add((min(index, other), max(index, other)))
    return [(people[first], people[second]) for first, second in sorted(pairs)]


def _folded_surname(person: Person) -> tuple[str, str]:
    return (person.surname.lower(), (person.given or "").lower())


def _folded_given(person: Person) -> tuple[str, str]:
    return ((person.given or "").lower(), person.surname.lower())


def _closest_introduced(
    orphan: Person, introduced: list[Person], parameters: Mapping[str, float]
) -> Person | None:
    scored = sorted(
        (
            (_surname_similarity(orphan, person), person)
            for person in introduced
            if _genders_agree(orphan, person) and _same_initial(orphan.surname, person.surname)
        ),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not scored or scored[0][0] < parameters["min_surname_similarity"]:
        return None
    best = scored[0][1]
    if scored[0][0] >= 1.0:
        return None  # the surname is spelt right: a namesake left unresolved, not a misspelling
    # Spellings of the best match ("Jenny Turnrose" beside "Jenny Turnross") are one person,
    # not a rival: the orphan is paired with the spelling most articles use.
    same_person = [person for _, person in scored if person is best or _variants(best, person, parameters)]
    rivals = [score for score, person in scored if id(person) not in {id(one) for one in same_person}]
    if rivals and scored[0][0] - rivals[0] < parameters["min_margin"]:
        return None
    return max(same_person, key=_weight)


def _variants(first: Person, second: Person, parameters: Mapping[str, float]) -> bool:
    """Two introduced names the rule takes for one person spelled two ways."""
    score = full_name_similarity(first, second)
    return score >= parameters["min_full_name_similarity"] and _genders_agree(first, second) and not _relatives(first, second)


def _same_initial(first: str, second: str) -> bool:
    """Misspellings keep the first letter far more often than not: record linkage blocks on
    it, and without it an unintroduced "Mr Kushner" would pair with "Jenny Turnross" (0.60)."""
    return first[:1].lower() == second[:1].lower()


def _surname_similarity(first: Person, second: Person) -> float:
    return JaroWinkler.similarity(first.surname.lower(), second.surname.lower())


def full_name_similarity(first: Person, second: Person) -> float:
    """The weakest link between two full names: every word of the shorter name is matched
    to its closest word in the longer one (accents aside; an initial matches its name, a
    nickname its given name), and the worst match is the score. One word changed beyond a
    typo ("Paek Jin-Ho" / "Paek Chang-Ho") makes two people; a middle name left out does not;
    the same words in another order ("Mohamed Hassan" / "Hassan Mohamud") name someone else."""
    words = sorted((_name_words(first), _name_words(second)), key=len)
    shorter, longer = words
    if not shorter or not longer:
        return 0.0
    matches = [max(range(len(longer)), key=lambda index: _word_similarity(word, longer[index])) for word in shorter]
    if matches != sorted(matches):
        return 0.0
    return min(_word_similarity(word, longer[index]) for word, index in zip(shorter, matches))


def _name_words(person: Person) -> tuple[str, ...]:
    """The person's fullest written name folded to plain lower-case words."""
    return _folded_words(person.fullest_name)


@lru_cache(maxsize=65536)
def _folded_words(name: str) -> tuple[str, ...]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return tuple(word for word in re.split(r"[\s,\-‐–]+", plain.lower()) if word)


def _word_similarity(first: str, second: str) -> float:
    a, b = first.rstrip("."), second.rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return 1.0
    similarity = JaroWinkler.similarity(a, b)
    if b in _NICKNAMES.nicknames_of(a) | _NICKNAMES.canonicals_of(a):
        # A short form (Tom / Thomas, Liz / Elizabeth) is the same name; one letter more or
        # less (Claire / Clare, Steve / Steven) is a spelling to make consistent.
        return similarity if abs(len(a) - len(b)) <= 1 else 1.0
    known = given_names()
    if a in known and b in known and similarity < DISTINCT_GIVEN_NAMES:
        return 0.0
    return similarity


KINSHIP_BEFORE = re.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|nephew|niece|"
    r"grandfather|grandmother|grandson|granddaughter|widow|widower)(?:-in-law)?,?\s+\Z",
    re.IGNORECASE,
)


def _relatives(first: Person, second: Person) -> bool:
    """A family shares a surname: "his father, Adel Abdul Bary" is not a misspelling of
    "Abdel-Majed Abdel Bary". Either name introduced as somebody's relative keeps two
    people with one surname apart."""
    if first.surname.lower() != second.surname.lower():
        return False
    return any(
        KINSHIP_BEFORE.search(claim.sentence.text[: mention.start - claim.sentence.start])
        for person in (first, second)
        for claim, mention in person.mentions
    )


def _genders_agree(first: Person, second: Person) -> bool:
    return not (first.genders and second.genders and first.genders.isdisjoint(second.genders))


def _share_role(first: Person, second: Person) -> bool:
    words = [{word for role in person.roles for word in role.lower().split() if len(word) > 3} for person in (first, second)]
    return bool(words[0] and words[1]) and len(words[0] & words[1]) / len(words[0] | words[1]) >= 0.5


def _same_slot(first: Person, second: Person) -> bool:
    """Both names fill the same place in sentences that otherwise say the same thing
    ("The arrest of Carlos Watson at a Manhattan hotel" / "of Carlos Watkins at ...")."""
    names = {word.lower() for person in (first, second) for word in person.name.split()}
    for text_a in _sentences_of(first):
        words_a = content_words(text_a) - names
        for text_b in _sentences_of(second):
            words_b = content_words(text_b) - names
            if words_a and len(words_a & words_b) >= LEXICAL_OVERLAP * len(words_a | words_b):
                return True
    return False


def _sentences_of(person: Person) -> list[str]:
    """The distinct sentences naming `person`, at most MAX_SENTENCES_COMPARED of them."""
    return list(dict.fromkeys(claim.sentence.text for claim, _ in person.mentions))[:MAX_SENTENCES_COMPARED]


def _weight(person: Person) -> tuple[int, int]:
    """Articles first: one draft repeating a misspelling is still one draft."""
    return (len(person.articles), len(person.mentions))


def _supported(story: StoryContext, majority: Person, variant: Person, parameters: Mapping[str, float]) -> bool:
    """Evidence beyond spelling that the two names are one person."""
    if majority.articles & variant.articles or _share_role(majority, variant):
        return True
    best = max(
        story.similarity(first, second)
        for first, _ in majority.mentions[:MAX_SENTENCES_COMPARED]
        for second, _ in variant.mentions[:MAX_SENTENCES_COMPARED]
    )
    return best >= parameters["min_sentence_similarity"]


def _report(
    story: StoryContext, majority: Person, variant: Person, similarity: float, parameters: Mapping[str, float]
) -> Finding:
    supported = _supported(story, majority, variant, parameters)
    confidence = 0.3 + 0.4 * similarity + (0.25 if supported else 0.0)
    listed = {person.name.lower(): person.name for person in story.style}
    style = next((listed[p.name.lower()] for p in (majority, variant) if p.name.lower() in listed), None)
    if style is not None and style.lower() == variant.name.lower():
        majority, variant = variant, majority
    note = majority_note([majority.name, _spelling(variant)], [len(majority.articles), len(variant.articles)], style)
    tie = style is None and len(majority.articles) == len(variant.articles)
    if tie:
        message = f"“{_spelling(variant)}” and “{majority.name}” probably name one person, spelt two ways. {note}"
    else:
        message = f"“{_spelling(variant)}” is probably a misspelling of “{majority.name}”. {note}"
    evidence = _evidence(variant, majority)
    found = finding(NAME, story.name, "high" if supported else "medium", confidence, message, evidence)
    return found if tie else replace(found, variant_first=True)


def _spelling(person: Person) -> str:
    """The variant as written, less a title before a full name ("Cllr Liam Robinsen" is
    compared with "Liam Robinson" as "Liam Robinsen"); a title and surname alone ("Ms
    Turnbull") stay as written."""
    words = person.mentions[0][1].text.split()
    if len(words) > 2 and words[0].lower().rstrip(".") in HONORIFICS:
        return " ".join(words[1:])
    return " ".join(words)


def _evidence(variant: Person, majority: Person) -> list[Evidence]:
    """Every variant mention, then the majority form: from the variant's own article first,
    where a sub-editor sees both spellings side by side, then its fullest introduction."""
    chosen = [Evidence.of(claim.sentence, mention) for claim, mention in variant.mentions[:3]]
    shared = [pair for pair in majority.mentions if pair[0].sentence.article in variant.articles]
    introductions = [pair for pair in majority.mentions if pair[1].given]
    for claim, mention in (shared[:1] + introductions[:1]) or majority.mentions[:1]:
        evidence = Evidence.of(claim.sentence, mention)
        if evidence not in chosen:
            chosen.append(evidence)
    return chosen
