"""People named in an article, with honorifics, roles and same-article name linking.

No statistical NER model ships on PyPI with verifiable weights (see shared notes), so people
are found by the conventions news copy follows: an honorific before a name ("Cllr Liz
Parsons", "Ms Turnross"), or a known given name followed by capitalised surname words
("Jenny Turnross"). A surname-only mention is linked to the full name in the same article when
exactly one person there has that surname; an unlinked one keeps the bare surname as its
canonical form, which is what lets the name-variant rule notice a person nobody introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from nicknames import NickNamer

from factcheck.lexicon import FUNCTION_WORDS, HONORIFICS, MONTHS, NAMING_SPEECH_VERBS, WEEKDAYS
from factcheck.records import Article, Claim, PersonMention, Sentence

# Words that end organisation or place names, never a person's surname in news copy.
NOT_SURNAMES = frozenset(
    """council city county borough street road avenue lane park hall square trust department
    committee party group board school college university hospital court church station
    centre center house office agency authority service services police news echo times post
    times mail herald guardian telegraph bbc nhs ofsted government commission ward east west
    north south media inc ltd plc corp company holdings partners capital press network
    foundation institute association society union airlines motors""".split()
)

ROLE_WORDS = frozenset(
    """director member leader executive chair chairman chairwoman chairperson lead consultant
    councillor minister secretary officer manager spokesperson spokesman spokeswoman head chief
    president mayor commissioner inspector editor reporter headteacher teacher boss governor
    superintendent constable judge deputy adviser advisor ceo cfo coo cto founder owner portfolio
    holder mp mep attorney lawyer solicitor barrister prosecutor coroner prime vice""".split()
)

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ\u0100-\u017f"
NAME_WORD = rf"(?:Mc|Mac|O['’]|D['’]|[ae]l-)?[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}][{LOWER}]+)*"
# Lower-case words inside names: "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|di|du|van|von|der|den|la|le|dos|das|del)"
POSSESSIVE = re.compile(r"['’]s?$")
HONORIFIC_PATTERN = re.compile(
    r"\b(?P<hon>" + "|".join(sorted((h.capitalize() for h in HONORIFICS), key=len, reverse=True))
    + r"|councillor)\.?\s+(?P<names>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,2})"
)
INITIAL = r"[A-Z]\."
CAPITALISED_RUN = re.compile(
    NAME_WORD + r"(?:\s+(?:" + INITIAL + r"\s+)?(?:" + PARTICLE + r"\s+)*" + NAME_WORD + r"){1,4}"
)
CAPITALISED_WORD = re.compile(rf"(?<![\w-])[{UPPER}][{LOWER}]{{2,}}(?![\w-])")
SPEECH_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(NAMING_SPEECH_VERBS) + r")\s+\Z")
APPOSITIVE_ROLE = re.compile(
    r"\A,\s+(?!who\b|which\b|that\b|said\b|says\b|and\b)(?P<role>[a-z][^,;:\"“”]{2,80}?)"
    r"(?=,|\s+said\b|\s+says\b|\s+who\b|(?<![A-Z])\.|$)"
)
# Words that end a title written before a name ("... said that interim chief executive X").
ROLE_STOP = frozenset(
    """that and or but with by to from as is was were are has have had said says told
    when while after before since following including like than where who which whom whose
    it its quoted quotes""".split()
)
# A title written before a name is short ("interim corporate director of children's services");
# a longer run of words is a clause that happens to end in a job word.
MAX_TITLE_WORDS = 6
# A sentence naming more people than this is a list (a roll call, an honours list, a results
# table): copy names people there by surname alone without introducing them, so its names are
# not evidence of a misspelling, and a draft full of them must not change what is found in
# the others.
NAME_LIST = 25


def names_a_list(claim: Claim) -> bool:
    return len(claim.people) > NAME_LIST
ARTICLES = frozenset("the a an".split())
CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
# An age written beside a name says it is a person: "Dmitry Nikolaev, 30," / ", a 30-year-old",
# "Thirty-year-old Dimitry Nikolaev, a ..." (with the comma: "17-year-old New Yorker confirms"
# is a description).
AGE_AFTER = re.compile(r",\s+(?:an?\s+)?\d{1,3}(?:-year-old\b|\s*[,)])")
AGE_BEFORE = re.compile(r"\b[\w-]+-year-old\s+\Z", re.IGNORECASE)
LOWER_CASE_WORD = re.compile(r"(?<![\w’'-])[a-z]{2,}(?![\w’'-])")
DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?i:the|a|an)\s+\Z")
THING_RUN = re.compile(r"(?:^|\s)(?i:the|a|an)\s+" + NAME_WORD + r"(?:\s+" + NAME_WORD + r")*?\s+(" + NAME_WORD + r")(?![\w’'-])")
HEADLINE_SMALL_WORDS = frozenset("a an the and or but of to in on at by for from with as is are was his her its".split())
HEADLINE_MIN_WORDS = 5
HEADLINE_CAPITALS = 0.8


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names and their nicknames, from the nicknames package's own table."""
    lookup = NickNamer().nickname_lookup
    return frozenset(lookup).union(*lookup.values())


def gender_of(honorific: str | None) -> str:
    return HONORIFICS.get((honorific or "").lower().rstrip("."), "")


def find_people(
    article: Article | None, sentences: list[Sentence], story_given_names: frozenset[str] = frozenset()
) -> list[list[PersonMention]]:
    """People per sentence, surname-only mentions linked to the article's full names.

    A capitalised pair counts as a person when its first word is a known given name (from
    the name table, or given to someone elsewhere in the story: `story_given_names`), when a
    role or an age is written beside it ("Dmitry Nikolaev, 30,"), or when the article uses its surname on its own, with an
    honorific ("Barry Kushner" ... "Mr Kushner") or bare and more than once ("Carlos
    Watson" ... "Watson said"): the story itself is the best name list.
    """
    titled = [_titled_people(sentence) for sentence in sentences]
    named_surnames = {mention.surname for mentions in titled for mention in mentions} | _recurring_words(sentences)
    known = given_names() | {name.lower() for name in story_given_names}
    vocabulary = ArticleVocabulary.of(sentences)
    raw = [
        sorted(mentions + _untitled_people(sentence, mentions, named_surnames, known, vocabulary), key=_start)
        for sentence, mentions in zip(sentences, titled)
    ]
    full_names: dict[str, set[str]] = {}
    for mention in (m for mentions in raw for m in mentions):
        if mention.given:
            full_names.setdefault(mention.surname, set()).add(mention.canonical)
    return [[_link(mention, full_names) for mention in mentions] for mentions in raw]


@dataclass(frozen=True)
class ArticleVocabulary:
    """What an article itself shows about its capitalised words: words it also writes in
    lower case are English words ("Heroic", "Beheads", "Does" opening a headline or a
    sentence), and the last words of capitalised runs it puts after "the" or "a" name things
    ("the Apple Watch", "the Syrian Observatory", "the Po River"), not people."""

    lower_case: frozenset[str]
    thing_words: frozenset[str]

    @classmethod
    def of(cls, sentences: list[Sentence]) -> ArticleVocabulary:
        lower, things = set(), set()
        for sentence in sentences:
            lower.update(LOWER_CASE_WORD.findall(sentence.text))
            things.update(match.group(1) for match in THING_RUN.finditer(sentence.text))
        return cls(frozenset(lower), frozenset(things))


def _headline(sentence: Sentence) -> bool:
    """Title case ("Macaulay Culkin Found Dead At 34"): capitals carry no news there."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence.text)
    content = [word for word in words if word.lower() not in HEADLINE_SMALL_WORDS]
    return len(content) >= HEADLINE_MIN_WORDS and sum(word[0].isupper() for word in content) >= HEADLINE_CAPITALS * len(content)


def with_story_given_names(claims: list[Claim]) -> list[Claim]:
    """The story's claims with people found again, article by article, knowing every given
    name the story uses: "Carlos Watson" introduced in one draft makes "Carlos Watson" a person
    in a draft that never titles him. Done at check time, on the story as grouped, so `check`
    and `nightly` (which extracts articles before it knows their stories) see the same people."""
    given = frozenset(mention.given for claim in claims for mention in claim.people if mention.given)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.sentence.article, []).append(claim)
    found = {}
    for article_claims in by_article.values():
        sentences = [claim.sentence for claim in article_claims]
        for claim, people in zip(article_claims, find_people(None, sentences, given)):
            found[id(claim)] = people
    return [replace(claim, people=found[id(claim)]) for claim in claims]


def _recurring_words(sentences: list[Sentence]) -> set[str]:
    """Capitalised words used on their own (no capitalised neighbour), not opening a
    sentence, at least twice: how copy refers to a person after naming them."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        words = list(CAPITALISED_WORD.finditer(sentence.text))
        for position, match in enumerate(words):
            after_previous = position > 0 and sentence.text[words[position - 1].end() : match.start()].strip() == ""
            before_next = position + 1 < len(words) and sentence.text[match.end() : words[position + 1].start()].strip() == ""
            if match.start() > 0 and not after_previous and not before_next:
                counts[match.group()] = counts.get(match.group(), 0) + 1
    return {word for word, count in counts.items() if count >= 2 and word.lower() not in NOT_SURNAMES}


def _start(mention: PersonMention) -> int:
    return mention.start


def _link(mention: PersonMention, full_names: dict[str, set[str]]) -> PersonMention:
    candidates = full_names.get(mention.surname, set())
    if mention.given or len(candidates) != 1:
        return mention
    (canonical,) = candidates
    return replace(mention, canonical=canonical)


def _titled_people(sentence: Sentence) -> list[PersonMention]:
    found = []
    for match in HONORIFIC_PATTERN.finditer(sentence.text):
        words = _name_words(match.group("names"))
        if words:
            end = match.start("names") + len(" ".join(words))
            found.append(_mention(sentence, match.start(), end, match.group("hon"), words))
    return found


def _untitled_people(
    sentence: Sentence,
    titled: list[PersonMention],
    honoured_surnames: set[str],
    known: frozenset[str],
    vocabulary: ArticleVocabulary,
) -> list[PersonMention]:
    text = sentence.text
    if _headline(sentence):
        return []
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in titled]
    found = []
    for match in CAPITALISED_RUN.finditer(text):
        if DETERMINER_BEFORE.search(text[: match.start()]):
            continue
        if any(start <= match.start() < stop for start, stop in taken):
            continue
        # A titled name inside the run ("Yesterday Ms Turnbull", "Chair Dr Jane Smith") is the
        # titled finder's; the words before it do not name anyone by themselves.
        cut = min((start for start, _ in taken if match.start() < start < match.end()), default=match.end())
        run = text[match.start() : cut].rstrip()
        whole = _name_words(run)
        titled = len(whole) >= 2 and _role_near(text, match.start(), match.start() + len(" ".join(whole))) is not None
        first, words = (0, whole) if titled else _name_start(run, honoured_surnames, known, vocabulary)
        if len(words) < 2 or words[-1] in vocabulary.thing_words:
            continue
        # Offsets from the words as written: a run may hold two spaces ("Monday  Gill Rosenberg").
        tokens = [token.start() for token in re.finditer(r"\S+", run)]
        start = match.start() + tokens[first]
        end = match.start() + tokens[first + len(words) - 1] + len(words[-1])
        mention = _mention(sentence, start, end, None, words)
        if (
            words[0].lower() in known
            or mention.surname in honoured_surnames
            or mention.role is not None
            or SPEECH_VERB_BEFORE.search(text[:start])
            or AGE_AFTER.match(text[end:])
            or (AGE_BEFORE.search(text[:start]) and text[end:].startswith(","))
        ):
            found.append(mention)
    return found


def _name_start(
    run: str, honoured_surnames: set[str], known: frozenset[str], vocabulary: ArticleVocabulary
) -> tuple[int, list[str]]:
    """Which word of a capitalised run with no title beside it the name begins at, and its
    words. Titles written before a name ("Ukrainian Prime Minister Volodymyr Zelenskyy"), a
    sentence-opening word ("Yesterday Jenny Turnross", "But Mike Omeri"), a day or month
    ("Monday Gill Rosenberg") and a word the article writes in lower case too ("Heroic Kevin
    Vickers") are not part of it, nor is
    what comes before a known given name ("Nasa Charles Bolden")."""
    words = _name_words(run)
    roles = [index for index, word in enumerate(words) if word.lower() in ROLE_WORDS]
    first = roles[-1] + 1 if roles else 0
    if not roles and words and words[0].lower() not in known:
        first = next(
            (index for index, word in enumerate(words[:-1]) if word.lower() in known),
            0 if words[-1] in honoured_surnames else first,
        )
    while first < len(words) - 2 and (
        words[first].lower() in CALENDAR_WORDS | FUNCTION_WORDS
        or (words[first].lower() in vocabulary.lower_case and words[first].lower() not in known)
    ):
        first += 1
    if len(words) - first == 2 and words[first].lower() in vocabulary.lower_case and words[first].lower() not in known:
        first += 1
    return first, words[first:]


def _name_words(names: str) -> list[str]:
    """Name words up to the first that cannot be part of a person's name."""
    words: list[str] = []
    for word in names.split():
        bare = POSSESSIVE.sub("", word) if word.endswith(("'s", "’s")) else word
        if bare.lower() in NOT_SURNAMES:
            break
        words.append(bare)
        if bare != word:
            break
    return words


def _mention(
    sentence: Sentence, start: int, end: int, honorific: str | None, words: list[str]
) -> PersonMention:
    given = words[0] if len(words) >= 2 else None
    surname = words[-1]
    canonical = f"{given} {surname}" if given else surname
    return PersonMention(
        text=sentence.text[start:end],
        start=sentence.start + start,
        end=sentence.start + end,
        honorific=honorific.lower().rstrip(".") if honorific else None,
        given=given,
        surname=surname,
        canonical=canonical,
        role=_role_near(sentence.text, start, end),
    )


def _role_near(text: str, start: int, end: int) -> str | None:
    """The title written beside a name: "X, corporate director of ..." or "interim chief
    executive X". Only phrases ending in (or containing, after the name) a job word count,
    so "X, who held ..." is no role."""
    after = APPOSITIVE_ROLE.match(text[end:])
    if after and _has_role_word(after.group("role")):
        return after.group("role").strip()
    before = text[:start].rstrip().removesuffix(",")
    words = re.findall(r"[A-Za-z’'-]+", before[-80:])
    role: list[str] = []
    for position, word in reversed(list(enumerate(words))):
        opens_sentence = position == 0 and before.lstrip().startswith(word)
        if (
            word.lower() in ROLE_STOP
            or word.endswith(("'s", "’s"))
            or (word[0].isupper() and not opens_sentence and word.lower() not in ROLE_WORDS)
        ):
            break
        role.insert(0, word)
    if any(word.lower() in ARTICLES for word in role):
        role = role[max(i for i, word in enumerate(role) if word.lower() in ARTICLES) + 1 :]
    # "Tribute Prime Minister X" under a photo: a capital before a capitalised title is a caption.
    while len(role) > 1 and role[0][0].isupper() and role[1][0].isupper() and role[0].lower() not in ROLE_WORDS:
        role = role[1:]
    role = role[-MAX_TITLE_WORDS:]
    return " ".join(role) if _ends_in_post(role) else None


def _ends_in_post(words: list[str]) -> bool:
    """A title ends in its post, or in a post and its remit: "chief executive", "director
    of finance", "cabinet member for children's services"."""
    posts = [index for index, word in enumerate(words) if word.lower() in ROLE_WORDS]
    if not posts:
        return False
    remit = words[posts[-1] + 1 :]
    return not remit or remit[0].lower() in ("of", "for")


def _has_role_word(phrase: str) -> bool:
    return any(word.lower().strip("’'") in ROLE_WORDS for word in re.findall(r"[A-Za-z’']+", phrase))
