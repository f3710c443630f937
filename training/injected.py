"""Injected factual edits under paraphrase, on real multi-outlet stories, to measure recall.

    python -m training.injected [ROOT] [--seed 13] [--out DIR] [--examples 3]

ROOT (default ../shared/eval/realnews_dev next to the project) holds one folder per story, each
with 3+ plain-text articles by different outlets about one event. A case is built from a fact
that TWO DIFFERENT articles of the story both state, each in its own words: a person's name, a
count, a date word, a quotation, a person's role, whether something happened (a "not" added at
or removed from an auxiliary: "was released" -> "was not released"), an organisation or place
("Tripoli", "CNN", "the Pentagon") or who said a quotation (the speaker's full name). One
occurrence of that fact, in one sentence of one article, is changed in place (a minimal span
replacement, the file otherwise byte-identical); the other article stays as the "second
reporter" that still states the original fact. A checker that reads both articles should flag
the edited sentence.

Why this shape and not synthetic pairs: the hand-written cases in cases.yaml pair an article with
a second copy of the edited paragraph, so the two sentences share almost every word. Here the
witness is a different outlet's sentence, worded differently, which is the case a sub-editor
actually meets and the one a rewording-tolerant checker can get wrong.

Everything is deterministic: stories, files and candidates are iterated in sorted order and all
choices come from ``random.Random`` instances seeded from ``seed`` (one stream per story and kind,
so adding a story or a kind does not reshuffle the others). The heuristics are deliberately
conservative; a story yields no case of a kind rather than a doubtful one.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable

KINDS: tuple[str, ...] = ("name", "count", "date", "quote", "role", "negation", "entity", "attribution")
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "realnews_dev"

# A witness whose wording around the fact (8 words either side, token SequenceMatcher ratio)
# is this similar to the edited article's is a syndicated copy, not a second reporter, and is
# not used. Quotes are worded the same by nature, so for them only the words outside count.
NEAR_COPY = 0.8


@dataclass(frozen=True)
class InjectedCase:
    """One injected discrepancy: in ``story/file``, ``original`` at char ``start`` becomes
    ``replacement``; ``witness_file`` of the same story states the original fact as
    ``witness_text``. ``start`` is an offset into the file decoded as strict UTF-8, so the edit
    can be applied and checked exactly (``text[start:start+len(original)] == original``)."""

    id: str
    kind: str
    story: str
    file: str
    original: str
    replacement: str
    start: int
    sentence: str
    witness_file: str
    witness_text: str


# --------------------------------------------------------------------------------------------
# Reading and sentences
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Article:
    """One article: its file name, strict-UTF-8 text and rough sentence spans."""

    name: str
    text: str
    sentences: tuple[tuple[int, int], ...]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding char offset ``pos``."""
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return pos, pos

    def sentence(self, pos: int) -> str:
        start, end = self.sentence_span(pos)
        return self.text[start:end]


_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof",
    "rev", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m",
    "d.c", "mt", "ft", "approx", "fig", "ave", "blvd",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])")


def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Rough sentence spans: paragraphs (lines) cut after ., ! or ? before a capital, except
    after common abbreviations and single initials. Good enough to name "the sentence"."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group()
        start = 0
        for match in _SENT_END.finditer(chunk):
            word = re.search(r"([\w.]+)[.!?]*$", chunk[start:match.start() + 1])
            token = (word.group(1) if word else "").lower().rstrip(".")
            if match.group().startswith(".") and (token in _ABBREV or re.fullmatch(r"[a-z]", token)):
                continue
            spans.append((base + start, base + match.end()))
            start = match.end()
            while start < len(chunk) and chunk[start].isspace():
                start += 1
        if chunk[start:].strip():
            spans.append((base + start, base + len(chunk.rstrip())))
    return tuple(spans)


def _load_story(folder: Path) -> list[_Article]:
    """The story's .txt articles in name order; files that are not valid UTF-8 are skipped,
    because a lossy decode would make the char offsets wrong."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        articles.append(_Article(path.name, text, _sentence_spans(text)))
    return articles


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _similarity(a: str, b: str) -> float:
    """Token-level SequenceMatcher ratio: 1.0 for copies, low for independent wording."""
    return SequenceMatcher(None, _tokens(a), _tokens(b), autojunk=False).ratio()


def _window(article: "_Article", start: int, end: int, n: int = 8) -> str:
    """The mention with up to ``n`` words either side of it, within its sentence: the wording a
    reporter chose around the fact (whole sentences differ for reasons unrelated to it, and
    rough sentence splitting can glue two together)."""
    s_start, s_end = article.sentence_span(start)
    before = _TOKEN.findall(article.text[s_start:start])[-n:] if n else []
    after = _TOKEN.findall(article.text[end:max(end, s_end)])[:n] if n else []
    return " ".join(before + [article.text[start:end]] + after)


def _phrase(article: "_Article", start: int, end: int, n: int = 4) -> str:
    """Verbatim text from ``n`` words before to ``n`` words after a span, within its sentence:
    enough to find and read the witness ("announced on Sunday that a")."""
    s_start, s_end = article.sentence_span(start)
    before = list(_TOKEN.finditer(article.text, s_start, start))[-n:]
    after = list(_TOKEN.finditer(article.text, end, max(end, s_end)))[:n]
    return article.text[before[0].start() if before else start:after[-1].end() if after else end]


def _match_case(word: str, like: str) -> str:
    """``word`` written with the capitalisation of ``like`` (lower, Title or UPPER)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

STOPWORDS = set("""
a an the and or but if then than so as of at by for from in into on onto off out over under up
down to with without about above after again against all am any are aren't be because been
before being below between both can could did do does doing during each few further had has
have having he her here hers herself him himself his how i i'm is isn't it it's its itself just
me more most my myself no nor not now once only other our ours ourselves own same she should
some such that that's their theirs them themselves there these they this those through too
until very was wasn't we were what when where which while who whom why will would you your
yours yourself also per via upon among amid within across around toward towards like unlike
despite since though although whether either neither each every many much several another
one's us let's may might must shall yet ever even still already s t don't didn't won't can't
""".split())

# Words that follow a number but are not the counted thing.
_NOT_NOUN = STOPWORDS | set("""
said says say told were was is are have has had will would could can times percentage other
more less least most years' year's people's more than later earlier ago after before times
were being been got get gets getting made make makes took take takes
""".split())

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

HONORIFICS = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Senator", "Rep", "Gov", "Governor", "Gen", "General",
    "Rev", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Judge", "Justice", "President",
    "Minister", "Secretary", "Mayor", "Chancellor", "Ambassador", "Captain", "Capt", "Sgt",
    "Sergeant", "Lt", "Lieutenant", "Col", "Colonel", "Major", "Commander", "Chief", "Detective",
    "Inspector", "Superintendent", "Constable", "Officer", "Sheriff", "Deputy", "Vice", "Prime",
    "Pope", "King", "Queen", "Prince", "Princess", "Cardinal", "Bishop", "Archbishop", "Father",
    "Sister", "Brother", "Pastor", "Imam", "Sheikh", "Rabbi", "Coach", "Director", "Spokesman",
    "Spokeswoman", "Commissioner", "Chairman", "Chairwoman", "Councillor", "Cllr", "Congressman",
    "Congresswoman", "Speaker", "Attorney", "Private", "Corporal", "Cpl", "Pte", "Admiral",
    "Marshal", "Emir", "Sultan", "Ayatollah", "Mullah", "Senior", "Interior", "Foreign", "Defence",
    "Defense", "Health", "Finance", "Justice", "Home", "Former", "Acting", "Executive", "Agent",
    "Dean", "Principal", "Nurse", "Doctor", "Rear", "Adm", "Maj", "Brig", "Sgt", "Staff",
    "Supt", "Insp", "Det", "Cmdr", "Gov", "Lt", "Hon", "Honourable", "Honorable", "Rt",
}

# Leading words of a capitalised run that are not part of a name (sentence openers etc.).
_LEADING = STOPWORDS | set("""
The A An But And Or So Then When While If In On At After Before Meanwhile However Yesterday Today
Last This That These Those According Although Though As Since Until Both Also Earlier Later
Now Here There Still Even Just Only Our Their His Her Its My Your We They He She It I
""".split()) | set(WEEKDAYS) | set(MONTHS)

# A capitalised run holding one of these is an organisation, place, product or event, not a
# person. Conservative on purpose: a missed person costs one case, a wrong one a bad case.
EXCLUDE = set("""
Islamic State States United Apple Watch News Daily Police Department Ministry Army Force Forces
Air Navy Marine Marines Guard University Institute Center Centre Office Agency Service Services
Court House White Street Road Avenue Park Airport International National Federal Republic
Kingdom Union Council Party Company Corp Corporation Inc Ltd Group Times Post Journal Mail
Telegraph Guardian Press Associated Reuters Twitter Facebook Google Instagram YouTube Hospital
Health School College Church Museum Bank North South East West New York City County Island
Lake River Mountain Sea Ocean Day Christmas Halloween Ebola God Jesus Allah Christ Los Las San
Santa Hong Kong Sierra Leone Saudi Arabia Costa Rica Sri Lanka Korea Korean Africa African
America American Middle Gaza Strip Iraq Iraqi Syria Syrian Kurdish Canadian British English
Islamist Muslim Christian Jewish Al Abu Bin Ansar Jabhat Boko Haram Shabab Sharia Hezbollah
Hamas Taliban Qaeda Nasa NASA Ebola Edition Sport Series Wars Star Trek Batman Superman
Batmobile Lego Quarter Pounder McDonald McDonald's Burger King Comcast Microsoft Vogue HBO
Netflix Amazon Samsung Sony Vice Media Sugarhill Gang Led Zeppelin Teletubbies Weather
Channel Network Radio Television TV Online Magazine Herald Tribune Gazette Express Mirror Sun
Star Today Morning Evening Global Sky Fox CNN BBC ABC NBC CBS Live Street Square Bridge Station
Tower Hill Valley Beach Bay Coast Gulf Province State Region District Capitol Parliament
Congress Senate Assembly Committee Commission Foundation Association Society Club League Team
Fund Project Program Programme Centre Studies Institute Earth Moon Mars Sun Asteroid Mall
Westgate Ottawa Canada Nigeria Nicaragua Managua Mexico Moscow Russia Ukraine China Chinese
Japan France French Germany German Italy Italian Spain Israel Israeli Lebanon Lebanese Turkey
Turkish Iran Iranian Egypt Pakistan India Afghanistan Kenya Somalia Texas California Florida
Washington London Paris Scotland Scottish Ireland Irish Wales Welsh Britain Europe European
Asia Australia Zealand Dallas Cleveland Ferguson Missouri Baghdad Damascus Jerusalem Gaza
Instagram Snapchat WhatsApp Reddit Tumblr iPhone iPad Mac iOS Android Windows Xbox PlayStation
Super Bowl Olympic Olympics Cup World Grand Prix Award Awards Prize Festival Show Film Movie
Book Bible Koran Quran Hall Building Tower Prison Jail Base Camp Memorial War Cenotaph Hill
Parliament Golf Open Masters PGA Tour Twitter Facebook Catholic Vatican Holy See Pope Francis
Command Patrol Clinic Delta Administration Authority Bureau Directorate Organization
Organisation Brigade Battalion Regiment Division Squad Unit Task Security Intelligence
Bugatti Veyron Ferrari Porsche Lamborghini Ford Toyota Tesla Arbor Hotel Sheraton Hilton
Airlines Airways Boeing Airbus Gold Silver Steel Reserve Air Watch Edition Pro Plus Max
Human Rights Observatory Amnesty Freedom Liberty Democrat Democrats Republican Republicans
""".split())

# Appositive nouns that mark a person: "X, a 40-year-old mechanic,", "X, the boy's mother,".
PERSON_NOUNS = set("""
man woman boy girl men women child resident residents student pupil teacher star actor actress
singer rapper musician player golfer footballer writer author journalist photojournalist
worker mechanic farmer victim suspect fighter soldier officer member citizen native mother
father son daughter brother sister wife husband girlfriend boyfriend friend neighbour neighbor
owner driver pilot passenger patient priest nun cleric imam preacher blogger user fan
veteran militant jihadist teenager teen baby grandmother grandfather uncle aunt cousin
""".split())

# Role words, their replacement in a role edit, and multiword forms. The replacement changes
# the role, keeps it plausible for the person (same domain, same gender where it shows).
ROLE_SWAP: dict[str, str] = {
    "spokesman": "adviser", "spokeswoman": "adviser", "spokesperson": "adviser",
    "adviser": "spokesperson", "advisor": "spokesperson",
    "minister": "deputy minister", "director": "deputy director", "president": "vice president",
    "chairman": "vice chairman", "chairwoman": "vice chairwoman", "secretary": "deputy secretary",
    "mayor": "deputy mayor", "governor": "lieutenant governor", "commissioner": "deputy commissioner",
    "head": "deputy head", "leader": "deputy leader", "commander": "deputy commander",
    "sheriff": "deputy sheriff", "manager": "assistant manager", "coach": "assistant coach",
    "editor": "reporter", "reporter": "editor", "correspondent": "editor",
    "professor": "lecturer", "lecturer": "professor", "researcher": "professor",
    "scientist": "engineer", "engineer": "scientist", "astronomer": "geologist",
    "geologist": "astronomer", "geophysicist": "geologist", "volcanologist": "seismologist",
    "seismologist": "volcanologist", "physicist": "chemist", "chemist": "physicist",
    "economist": "analyst", "analyst": "economist", "lawyer": "prosecutor", "attorney": "prosecutor",
    "prosecutor": "defence lawyer", "judge": "prosecutor", "senator": "congressman",
    "officer": "sergeant", "sergeant": "lieutenant", "lieutenant": "captain", "captain": "major",
    "colonel": "major", "ambassador": "consul", "founder": "chairman", "owner": "manager",
    "ceo": "CFO", "teacher": "principal", "principal": "teacher", "doctor": "nurse",
    "nurse": "doctor", "surgeon": "nurse", "pastor": "bishop", "priest": "bishop",
    "bishop": "archbishop", "cleric": "imam", "imam": "cleric", "mother": "aunt", "father": "uncle",
    "brother": "cousin", "sister": "cousin", "son": "nephew", "daughter": "niece", "wife": "sister",
    "husband": "brother", "girlfriend": "sister", "boyfriend": "brother", "neighbour": "friend",
    "neighbor": "friend", "friend": "neighbour", "student": "teacher", "expert": "critic",
    "chief": "deputy chief", "police chief": "fire chief", "fire chief": "police chief",
    "chief executive": "chief operating officer", "prime minister": "deputy prime minister",
    "foreign minister": "interior minister", "interior minister": "foreign minister",
    "defence minister": "foreign minister", "defense minister": "foreign minister",
    "health minister": "interior minister", "vice president": "president",
    "press secretary": "deputy press secretary", "co-founder": "chairman", "cofounder": "chairman",
}
# Role synonyms that count as the same wording when comparing two articles.
_ROLE_KEY = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "advisor": "adviser",
             "neighbor": "neighbour", "cofounder": "co-founder"}
_ROLE_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(r) for r in ROLE_SWAP), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NO_ROLE_BEFORE = {"deputy", "vice", "assistant", "acting", "lieutenant", "co", "under", "associate"}

# Quote edits: a content word becomes one of different meaning, of the same part of speech
# and form (tense, number) so the quote still reads: antonyms, or a sibling word ("hours" for
# "minutes"). Words whose sense depends on context ("right", "left", "light") are left out.
_QUOTE_PAIRS = """
good:bad bad:good better:worse worse:better best:worst worst:best big:small large:small
small:large huge:small tiny:huge increase:decrease decrease:increase increased:decreased
decreased:increased rise:fall fall:rise rising:falling falling:rising dead:alive alive:dead
died:survived survived:died die:survive survive:die killed:injured injured:killed
convinced:doubtful doubtful:convinced sure:unsure unsure:sure certain:uncertain
uncertain:certain clear:unclear unclear:clear possible:impossible impossible:possible
likely:unlikely unlikely:likely always:never never:always everyone:nobody nobody:everyone
everybody:nobody everything:nothing nothing:everything something:nothing first:last last:first
new:old old:new young:old high:low low:high strong:weak weak:strong happy:sad sad:happy
love:hate hate:love loved:hated hated:loved win:lose lose:win won:lost lost:won safe:dangerous
dangerous:safe easy:difficult difficult:easy early:late late:early fast:slow slow:fast
open:closed closed:open begin:end began:ended start:stop started:stopped agree:disagree
agreed:refused accept:reject reject:accept accepted:rejected rejected:accepted support:oppose
oppose:support supported:opposed opposed:supported guilty:innocent innocent:guilty rich:poor
poor:rich peace:war war:peace friend:enemy enemy:friend friends:enemies enemies:friends
man:woman woman:man men:women women:men boy:girl girl:boy boys:girls girls:boys father:mother
mother:father son:daughter daughter:son brother:sister sister:brother husband:wife wife:husband
today:yesterday yesterday:today tonight:tomorrow tomorrow:tonight north:south south:north
east:west west:east hot:cold cold:hot warm:cold wet:dry dry:wet full:empty empty:full
heavy:light long:short short:long far:near near:far deep:shallow wide:narrow narrow:wide
cheap:expensive expensive:cheap beautiful:ugly ugly:beautiful important:trivial
success:failure failure:success successful:unsuccessful legal:illegal illegal:legal
allowed:banned banned:allowed allow:ban remember:forget remembered:forgot forgot:remembered
liked:disliked normal:strange strange:normal real:fake fake:real true:false false:true
honest:dishonest proud:ashamed ashamed:proud lucky:unlucky calm:angry angry:calm quiet:loud
loud:quiet slowly:quickly quickly:slowly public:private private:public positive:negative
negative:positive confirmed:denied denied:confirmed confirm:deny deny:confirm
arrested:released released:arrested attack:defend attacked:defended heard:read hear:read
saw:heard see:meet believe:doubt believed:doubted hope:fear hoped:feared fear:hope
trust:distrust save:destroy saved:destroyed thank:blame thanked:blamed blame:thank
blamed:thanked brave:cowardly free:captive fight:flee fought:fled stay:leave stayed:left
dog:cat cat:dog dogs:cats cats:dogs seconds:minutes minutes:hours hours:minutes days:weeks
weeks:months months:years years:months acceptable:unacceptable unacceptable:acceptable
great:poor terrible:wonderful wonderful:terrible amazing:awful awful:amazing
completely:partly totally:partly perfectly:poorly happily:sadly sadly:happily
guilty:innocent unfortunately:fortunately fortunately:unfortunately correct:incorrect
incorrect:correct wrongly:rightly proudly:reluctantly exactly:roughly definitely:probably
"""
QUOTE_SWAP: dict[str, str] = {}
for _pair in _QUOTE_PAIRS.split():
    _a, _b = _pair.split(":")
    QUOTE_SWAP.setdefault(_a, _b)
QUOTE_SWAP = {k: v for k, v in QUOTE_SWAP.items() if k not in STOPWORDS}

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_WORD_FOR = {v: k for k, v in _NUMBER_WORDS.items()}

_UNIT = {
    "m": "metre", "metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
    "ft": "foot", "foot": "foot", "feet": "foot", "km": "km", "kilometre": "km",
    "kilometres": "km", "kilometer": "km", "kilometers": "km", "kg": "kg", "kilogram": "kg",
    "kilograms": "kg", "kilo": "kg", "kilos": "kg", "lb": "pound", "lbs": "pound",
    "pound": "pound", "pounds": "pound", "mph": "mph", "cm": "cm", "mm": "mm", "%": "percent",
    "percent": "percent", "per": "percent", "mi": "mile", "bn": "billion", "k": "thousand",
    "men": "man", "women": "woman", "children": "child", "people": "people", "persons": "people",
}
_ATTACHED_UNITS = {"m", "ft", "km", "kg", "lb", "lbs", "mph", "cm", "mm", "%", "mi", "bn", "k"}


_GENERIC = set("""
night morning evening afternoon early late week month year day time news report reported reports
according statement told say said says last next earlier later ago
""".split())


def _lemma(word: str) -> str:
    """A crude singular for comparing counted nouns ("students" = "student", "feet" = "foot")."""
    w = word.lower()
    if w in _UNIT:
        return _UNIT[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _content(text: str) -> set[str]:
    """Content-word lemmas of a sentence, for "do these two sentences talk about the same
    thing" (date witnesses)."""
    skip = STOPWORDS | _NOT_NOUN | _GENERIC | {w.lower() for w in WEEKDAYS + MONTHS}
    return {_lemma(t) for t in _tokens(text) if t not in skip and not t.isdigit() and len(t) > 2}


# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """A fact as one article states it: the span that would be edited, its normalised key."""

    file: str
    start: int
    end: int
    text: str
    key: tuple


@dataclass(frozen=True)
class _Candidate:
    """A possible case: edit ``mention`` (``make`` gives the replacement, or None if no
    sensible one), with ``witness`` in another article stating the same fact. ``witness_text``
    is verbatim text of the witness article holding the witness span."""

    mention: _Mention
    witness: _Mention
    make: Callable[[random.Random], str | None]
    witness_text: str | None = None  # the phrase to report, when more than the witness span


def _pairs(
    mentions: Iterable[_Mention],
    articles: dict[str, _Article],
    same: Callable[[_Mention, _Mention], bool] | None = None,
) -> list[tuple[_Mention, _Mention]]:
    """(edited, witness) pairs: same key, different files, the wording around the witness not
    a copy of the wording around the edited mention (a syndicated copy is not a second
    reporter), and ``same`` (when given) agreeing the two describe one fact. For each edited
    mention the least similar acceptable witness is kept: the most paraphrased."""
    by_key: dict[tuple, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    out = []
    for key in sorted(by_key, key=repr):
        group = sorted(by_key[key], key=lambda m: (m.file, m.start))
        if len({m.file for m in group}) < 2:
            continue
        for m in group:
            best: tuple[float, _Mention] | None = None
            for w in group:
                if w.file == m.file or (same and not same(m, w)):
                    continue
                sim = _similarity(_window(articles[m.file], m.start, m.end),
                                  _window(articles[w.file], w.start, w.end))
                if sim >= NEAR_COPY:
                    continue
                if best is None or sim < best[0]:
                    best = (sim, w)
            if best:
                out.append((m, best[1]))
    return out


# ---- persons -------------------------------------------------------------------------------

_CAP = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’][a-z]{2,})?(?:-[A-Z][a-z]+)?"  # Ya'alon, not Jobs's
_RUN = re.compile(rf"(?<![\w'’.-]){_CAP}(?: {_CAP})*(?![\w-])")
_SPEECH = (r"said|says|told|added|explained|wrote|tweeted|stated|noted|insisted|warned|recalled|"
           r"testified|admitted|claimed|argued|replied|posted|confirmed|denied|announced")
_AFTER_PERSON = re.compile(rf"(?:,[^,.\n]{{1,80}},)?\s+(?:{_SPEECH})\b|,\s*\d{{1,3}},")
_APPOSITIVE = re.compile(r",\s*(?:a|an|the|his|her|their)\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\b")
_BEFORE_PERSON = re.compile(rf"\b(?:{_SPEECH}|according to)\s+$")


@dataclass(frozen=True)
class _NameRun:
    """A 2-3 word capitalised run in one article that may be a person's name."""

    file: str
    start: int
    end: int
    name: str
    titled: bool  # an honorific or title was part of the run, right before the name


def _name_runs(article: _Article) -> list[_NameRun]:
    """Maximal capitalised runs, stripped of sentence openers and titles, kept when 2-3
    words remain and none is an organisation/place word."""
    runs = []
    for match in _RUN.finditer(article.text):
        words = match.group().split(" ")
        offsets, pos = [], match.start()
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        cut, titled = 0, False
        for i, w in enumerate(words):
            if w in HONORIFICS:
                cut, titled = i + 1, True
        while cut < len(words) and words[cut] in _LEADING:
            cut += 1
        rest = words[cut:]
        if not 2 <= len(rest) <= 3 or any(w in EXCLUDE or w in HONORIFICS for w in rest):
            continue
        if any(w.rstrip("s") in EXCLUDE for w in rest):
            continue
        start = offsets[cut]
        runs.append(_NameRun(article.name, start, match.end(), " ".join(rest), titled))
    return runs


def _persons(articles: list[_Article]) -> tuple[dict[str, list[_NameRun]], set[str]]:
    """Name runs of the story grouped by name, and the names with evidence of being a person:
    a title or role word before them; a speech verb, an age (", 48,") or a person-noun
    appositive (", a volcanologist with", ", the boy's mother") after them; or their surname
    on its own after Mr/Ms/Dr or before "said" anywhere in the story. Organisations say things
    too ("Central Command said"), which is why EXCLUDE lists their typical words."""
    by_name: dict[str, list[_NameRun]] = defaultdict(list)
    for article in articles:
        for run in _name_runs(article):
            by_name[run.name].append(run)
    texts = {a.name: a.text for a in articles}
    story = "\n".join(texts[n] for n in sorted(texts))
    persons = set()
    for name, runs in by_name.items():
        surname = re.escape(name.split(" ")[-1])
        evidence = any(r.titled for r in runs)
        for r in runs:
            text = texts[r.file]
            if _AFTER_PERSON.match(text, r.end) or _BEFORE_PERSON.search(text[max(0, r.start - 40):r.start]):
                evidence = True
            if _ROLE_RE.search(text[max(0, r.start - 25):r.start]):
                evidence = True
            appositive = _APPOSITIVE.match(text, r.end)
            if appositive and any(w.lower() in PERSON_NOUNS or _ROLE_RE.fullmatch(w)
                                  for w in re.split(r"[\s-]+", appositive.group(1))):
                evidence = True
        # the surname alone (not after another capitalised word) with a title or speech verb
        alone = any(not re.search(r"[A-Z][\w.]*\s$", story[max(0, m.start() - 30):m.start()])
                    for m in re.finditer(rf"\b{surname} (?:{_SPEECH})\b", story))
        if alone or re.search(rf"\b(?:Mr|Mrs|Ms|Dr|Miss)\.? {surname}\b", story):
            evidence = True
        if evidence:
            persons.add(name)
    return by_name, persons


_VOWELS = "aeiou"
_CONSONANT_SWAP = {"b": "p", "p": "b", "d": "t", "t": "d", "g": "k", "k": "g", "c": "k", "s": "z",
                   "z": "s", "m": "n", "n": "m", "l": "r", "r": "l", "f": "v", "v": "f", "h": "k",
                   "j": "y", "y": "i", "w": "v", "x": "s", "q": "k"}


def _name_edit(name: str, story_words: set[str]) -> Callable[[random.Random], str | None]:
    """One letter (not the first) of one name word of 4+ letters changed to a similar one:
    a vowel for a vowel, a consonant for its voiced/unvoiced partner. Positions next to an
    identical letter are avoided (they make odd spellings), and the new word must not already
    occur in the story, so the edit does not turn one real name into another."""

    def make(rng: random.Random) -> str | None:
        words = name.split(" ")
        options = []
        for wi, word in enumerate(words):
            if len(word) < 4:
                continue
            for ci in range(1, len(word)):
                ch = word[ci]
                if not ch.islower() or ch not in "abcdefghijklmnopqrstuvwxyz":
                    continue
                if word[ci - 1].lower() == ch or (ci + 1 < len(word) and word[ci + 1] == ch):
                    continue
                options.append((wi, ci))
        options.sort()
        rng.shuffle(options)
        for wi, ci in options:
            word, ch = words[wi], words[wi][ci]
            subs = [v for v in _VOWELS if v != ch] if ch in _VOWELS else [_CONSONANT_SWAP.get(ch, "")]
            neighbours = {word[ci - 1].lower(), word[ci + 1] if ci + 1 < len(word) else ""}
            subs = [s for s in subs if s and s != ch and s not in neighbours]
            if not subs:
                continue
            new = word[:ci] + rng.choice(subs) + word[ci + 1:]
            if new.lower() in story_words:
                continue
            return " ".join(words[:wi] + [new] + words[wi + 1:])
        return None

    return make


def _name_candidates(articles: list[_Article]) -> list[_Candidate]:
    by_name, persons = _persons(articles)
    index = {a.name: a for a in articles}
    story_words = {t for a in articles for t in _tokens(a.text)}
    mentions = [_Mention(r.file, r.start, r.end, r.name, (r.name,))
                for name in sorted(persons) for r in by_name[name]]
    return [_Candidate(m, w, _name_edit(m.text, story_words)) for m, w in _pairs(mentions, index)]


# ---- counts --------------------------------------------------------------------------------

_COUNT = re.compile(
    r"(?<![\w.,:/$£€-])(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?P<mag> (?:million|billion|thousand|hundred))?"
    r"(?:(?P<sep>-| |)(?P<noun>%|[a-z]+(?:['’]s)?)\b|(?P<end>))"
)
_COUNT_WORD = re.compile(
    r"\b(?P<num>" + "|".join(_NUMBER_WORDS) + r")(?P<sep>-| )(?P<noun>[a-z]+)\b", re.IGNORECASE
)


def _bump_digits(num: str) -> str | None:
    """A different plausible value in the same format: integers below 100 +1 (99 -> 98, so
    the width stays), otherwise the last significant digit +1 (9 becomes 8), so 280 -> 290,
    40,000 -> 50,000, 1.2 -> 1.3, $2.5 million -> $2.6 million."""
    plain = num.replace(",", "")
    if plain.isdigit() and int(plain) < 100:
        if int(plain) == 0 or len(plain) != len(str(int(plain))):
            return None  # 0, or a zero-padded code ("007")
        return str(int(plain) + 1 if int(plain) != 99 else 98)
    digits = [i for i, ch in enumerate(num) if ch.isdigit() and ch != "0"]
    if not digits:
        return None
    i = digits[-1]
    d = int(num[i])
    return num[:i] + str(d + 1 if d < 9 else d - 1) + num[i + 1:]


def _count_mentions(article: _Article) -> list[tuple[_Mention, int, int, str]]:
    """Counted things: (mention, value start, value end, new value). The key is the numeric
    value with its magnitude and currency, and the lemma of the counted noun or unit, so
    "280 pounds" and "280-pound" are one fact and "12m" and "12 metres" another."""
    text, out = article.text, []
    for m in _COUNT.finditer(text):
        num, cur, noun, sep = m.group("num"), m.group("cur"), m.group("noun"), m.group("sep")
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:" + "|".join(MONTHS) + r"|Aug|Sept?|Oct|Nov|Dec|Jan|Feb)\.? $", before):
            continue  # a day of the month: the date kind's business
        plain = num.replace(",", "")
        if not cur and re.fullmatch(r"(1[89]|20)\d\d", plain):
            continue  # a year
        if noun is not None:
            noun = re.sub(r"['’]s$", "", noun)
            if sep == "" and noun not in _ATTACHED_UNITS:
                noun = None
            elif noun.lower() in _NOT_NOUN or (len(noun) < 2 and noun not in _ATTACHED_UNITS):
                noun = None
        if noun is None and not cur:
            continue
        unit = _lemma(noun) if noun else ""
        if unit == "year" and re.match(r"[- ]old\b", text[m.end("noun"):]):
            unit = "year-old"  # an age, not a duration
        if noun == "per" and not text.startswith("per cent", m.start("noun")):
            continue
        value = float(plain) * {"": 1, " thousand": 1e3, " million": 1e6, " billion": 1e9,
                                " hundred": 1e2}[m.group("mag") or ""]
        new = _bump_digits(num)
        if new is None:
            continue
        end = m.end("noun") if noun else m.end("mag") if m.group("mag") else m.end("num")
        mention = _Mention(article.name, m.start(), end, text[m.start():end], (value, cur or "", unit))
        out.append((mention, m.start("num"), m.end("num"), new))
    for m in _COUNT_WORD.finditer(text):
        word, noun = m.group("num"), m.group("noun")
        if noun.lower() in _NOT_NOUN or (m.group("sep") == " " and text[m.end():m.end() + 1] == "-"):
            continue
        if text[m.start() - 1:m.start()] == "-" or text[m.end("num"):m.end("num") + 1] == "-" and \
                re.match(r"-(?:" + "|".join(_NUMBER_WORDS) + ")", text[m.end("num"):], re.I):
            continue  # part of "twenty-one"
        n = _NUMBER_WORDS[word.lower()]
        new_n = n + 1 if n < 20 else n + 10 if n < 90 else n - 10  # words for 2-20 and tens
        new = _match_case(_WORD_FOR[new_n], word)
        unit = _lemma(noun)
        if unit == "year" and re.match(r"[- ]old\b", text[m.end():]):
            unit = "year-old"
        mention = _Mention(article.name, m.start(), m.end(), m.group(), (float(n), "", unit))
        out.append((mention, m.start("num"), m.end("num"), new))
    return out


def _count_candidates(articles: list[_Article]) -> list[_Candidate]:
    index = {a.name: a for a in articles}
    found = [c for a in articles for c in _count_mentions(a)]
    edits = {(m.file, m.start): (vs, ve, new) for m, vs, ve, new in found}

    def maker(m: _Mention) -> Callable[[random.Random], str | None]:
        vs, ve, new = edits[(m.file, m.start)]
        return lambda rng: m.text[:vs - m.start] + new + m.text[ve - m.start:]

    return [_Candidate(m, w, maker(m)) for m, w in _pairs([f[0] for f in found], index)]


# ---- dates ---------------------------------------------------------------------------------

_DATE = re.compile(
    r"\b(?P<word>" + "|".join(WEEKDAYS + MONTHS) + r")\b(?P<day> \d{1,2}(?:st|nd|rd|th)?\b(?!,\d|\.\d|:))?"
)


def _date_mentions(article: _Article) -> list[_Mention]:
    """Weekdays and month names (with their day when written "October 22"). "May" and "March"
    count only with a day or after in/of/last/early/late, being ordinary words otherwise. A
    date word starting a name ("The Sunday Times", "Monday Night Football") is not a date."""
    out = []
    for m in _DATE.finditer(article.text):
        word = m.group("word")
        after = re.match(r"[ -]([A-Z][a-z]+)", article.text[m.end():m.end() + 20])
        if after and after.group(1) not in MONTHS:
            continue
        if word in ("May", "March") and not m.group("day"):
            if not re.search(r"\b(?:in|of|last|next|early|late|since|until|mid)[ -]$",
                             article.text[max(0, m.start() - 8):m.start()]):
                continue
        out.append(_Mention(article.name, m.start(), m.end(), m.group(), (word,)))
    return out


def _same_event(articles: dict[str, _Article]) -> Callable[[_Mention, _Mention], bool]:
    """Two date mentions refer to one event when the words next to them (ten either side, in
    the sentence) share two content words ("announced", "abduction", "girls"), or one when
    both give the same day of the month. Whole sentences are too loose: "announced on Sunday"
    and "passed close to Earth on Sunday" share the story's vocabulary, not the event."""

    def same(m: _Mention, w: _Mention) -> bool:
        a = _content(_window(articles[m.file], m.start, m.end, 10))
        b = _content(_window(articles[w.file], w.start, w.end, 10))
        need = 1 if " " in m.text and m.text == w.text else 2
        return len(a & b) >= need

    return same


_DAYS_IN = dict(zip(MONTHS, (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)))


def _date_candidates(articles: list[_Article]) -> list[_Candidate]:
    """Weekday to the next weekday, month to the next month (the previous one when the day
    would not exist in the next: "January 29" becomes "December 29", not "February 29")."""
    index = {a.name: a for a in articles}
    mentions = [m for a in articles for m in _date_mentions(a)]

    def maker(m: _Mention) -> Callable[[random.Random], str | None]:
        word = m.key[0]
        names = WEEKDAYS if word in WEEKDAYS else MONTHS
        new = names[(names.index(word) + 1) % len(names)]
        day = re.search(r"\d+", m.text[len(word):])
        if names is MONTHS and day and int(day.group()) > _DAYS_IN[new]:
            new = names[(names.index(word) - 1) % len(names)]
        return lambda rng: new + m.text[len(word):]

    out = []
    for m, w in _pairs(mentions, index, same=_same_event(index)):
        out.append(_Candidate(m, w, maker(m), _phrase(index[w.file], w.start, w.end)))
    return out


# ---- quotes --------------------------------------------------------------------------------

_QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”“\n]+)”")


def _quotes(article: _Article) -> list[tuple[int, int]]:
    """(start, end) of quoted text, quote marks excluded, of 6+ words."""
    out = []
    for m in _QUOTE.finditer(article.text):
        group = 1 if m.group(1) is not None else 2
        if len(_tokens(m.group(group))) >= 6:
            out.append((m.start(group), m.end(group)))
    return out


def _same_quotes(a: "_Article", words: list[str], articles: list["_Article"], found: dict) -> Iterable[tuple]:
    """Quotations of the other articles that share at least 80% of the shorter one's words
    with ``words``, in article and position order: (article, start, end, matching blocks,
    words shared)."""
    for b in articles:
        if b.name == a.name:
            continue
        for ws, we in found[b.name]:
            qb = _tokens(b.text[ws:we])
            blocks = SequenceMatcher(None, words, qb, autojunk=False).get_matching_blocks()
            shared = sum(bl.size for bl in blocks)
            if shared / min(len(words), len(qb)) >= 0.8:
                yield b, ws, we, blocks, shared


def _quote_candidates(articles: list[_Article]) -> list[_Candidate]:
    """Quotes of two articles sharing 80%+ of the shorter one's words in order (so a partial
    quote of a longer one counts); the edit is a QUOTE_SWAP word of the edited quote that lies
    in the shared part, so the witness states the original word, or a number there (not a day
    of the month: that is a date). The text around the two quotes must not be a copy."""
    found = {a.name: _quotes(a) for a in articles}
    index = {a.name: a for a in articles}
    out = []
    for a in articles:
        for qs, qe in found[a.name]:
            words = [(w.start() + qs, w.end() + qs, w.group()) for w in _TOKEN.finditer(a.text[qs:qe])]
            qa = [w[2].lower() for w in words]
            best = None
            for b, ws, we, blocks, shared in _same_quotes(a, qa, articles, found):
                inside = {bl.a + k for bl in blocks for k in range(bl.size)}
                # the sentence around the quote must not be a copy: a second reporter
                outside_a = a.sentence(qs).replace(a.text[qs:qe], "")
                outside_b = b.sentence(ws).replace(b.text[ws:we], "")
                if _tokens(outside_a) and _similarity(outside_a, outside_b) >= NEAR_COPY:
                    continue
                if best is None or shared > best[0]:
                    best = (shared, b.name, ws, we, inside)
            if best is None:
                continue
            _, bname, ws, we, inside = best
            witness = _Mention(bname, ws, we, index[bname].text[ws:we], ())
            text = a.text
            for i, (s, e, word) in enumerate(words):
                low = word.lower()
                if i not in inside or low in STOPWORDS or "'" in word or "’" in word:
                    continue
                if text[s - 1:s] in "-/" or text[e:e + 1] in "-/":
                    continue  # part of "20-year-old", "24/7": not a word of its own
                if low in QUOTE_SWAP:
                    new = _match_case(QUOTE_SWAP[low], word)
                elif word.isdigit() and not re.search(
                        r"(?:" + "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s$",
                        text[max(0, s - 12):s]):
                    new = _bump_digits(word)
                else:
                    continue
                if word[:1].isupper() and (i > 0 or re.match(r"\s+[A-Z]", text[e:e + 2])):
                    continue  # part of a name ("North Korea", "Human Rights")
                if new is None or new.lower() == low or new.lower() in qa:
                    continue  # "boys and girls" must not become "boys and boys"
                article = re.search(r"\b(a|an)\s$", text[max(0, s - 4):s], re.I)
                if article and (article.group(1).lower() == "an") != (new[:1].lower() in "aeiou"):
                    continue  # "a meteorite" cannot become "a ice"
                mention = _Mention(a.name, s, e, word, ("quote", qs))
                out.append(_Candidate(mention, witness, lambda rng, new=new: new, witness.text))
    return out


# ---- roles ---------------------------------------------------------------------------------

_DETERMINER = re.compile(r"^(?:a|an|the|his|her|their|its|our|[A-Z][\w]*['’]s?|former|then|now)\b", re.I)


_FAMILY = {"mother", "father", "brother", "sister", "son", "daughter", "wife", "husband"}


def _role_near(text: str, run: _NameRun, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
    """Role words attached to the name run: as a title right before it ("spokeswoman Rosario
    Murillo", "Interior Minister X"), as an appositive before it ("An adviser to the
    institute, X,") or after it ("X, an adviser to the institute,"). Not kept: a role with a
    modifier that already makes it another role ("deputy director"), a role inside a compound
    ("sergeant-at-arms"), and a family word used as a title ("Father John", a priest)."""
    found = []
    # before: the clause ending at the name
    left = text[sentence[0]:run.start]
    comma = left.endswith(", ")
    seg_end = len(left) - (2 if comma else 0)
    seg_start = max(left.rfind(ch, 0, seg_end) for ch in ",;:\"“”") + 1
    seg = left[seg_start:seg_end]
    if len(seg) <= 90:
        for m in _ROLE_RE.finditer(seg):
            between = seg[m.end():].strip()
            adjacent = not comma and all(w[:1].isupper() for w in between.split())
            appositive = comma and bool(seg.strip()) and len(seg[:m.start()].split()) <= 4 and \
                bool(_DETERMINER.match(seg.strip()))
            if adjacent and m.group().lower() in _FAMILY and m.group()[:1].isupper():
                continue
            if adjacent or appositive:
                base = sentence[0] + seg_start
                found.append((base + m.start(), base + m.end(), m.group()))
    # after: ", <appositive>,"
    right = text[run.end:sentence[1]]
    stop = re.search(r"[,;:.\"“”(]", right[2:]) if right.startswith(", ") else None
    if stop and stop.start() <= 90:
        seg = right[2:2 + stop.start()]
        if _DETERMINER.match(seg) or _ROLE_RE.match(seg):
            for m in _ROLE_RE.finditer(seg):
                if len(seg[:m.start()].split()) <= 4:
                    found.append((run.end + 2 + m.start(), run.end + 2 + m.end(), m.group()))
                    break
    out = []
    for s, e, word in found:
        prev = re.search(r"(\w+)[ -]$", text[max(0, s - 15):s])
        if prev and prev.group(1).lower() in _NO_ROLE_BEFORE:
            continue
        if text[e:e + 1] == "-" or text[s - 1:s] == "-":
            continue
        following = re.match(r"\s+([A-Z][a-z]+)", text[e:e + 20])
        if following and following.group(1) in HONORIFICS and following.group(1) not in (
                "Sgt", "Sergeant", "Dr", "Mr", "Mrs", "Ms", "Rev", "Prof"):
            continue  # "Air Chief Marshal", "Chief Inspector": one title, not role + name
        out.append((s, e, word))
    return out


def _role_candidates(articles: list[_Article]) -> list[_Candidate]:
    """A role word tied to one person (same first and last name, so "Luke Somers" is not
    "Lucy Somers") with the same wording (spokesman = spokeswoman) in two articles; the edit
    swaps it by ROLE_SWAP. The witness phrase runs from the role word to the name."""
    by_name, _ = _persons(articles)  # a role next to a name is evidence enough of a person
    index = {a.name: a for a in articles}
    mentions, spans = [], {}
    for name in sorted(by_name):
        words = name.split(" ")
        for run in by_name[name]:
            article = index[run.file]
            for s, e, word in _role_near(article.text, run, article.sentence_span(run.start)):
                low = word.lower()
                mention = _Mention(run.file, s, e, word, (words[0], words[-1], _ROLE_KEY.get(low, low)))
                mentions.append(mention)
                spans[mention] = (min(s, run.start), max(e, run.end))
    mentions = sorted(set(mentions), key=lambda m: (m.file, m.start))

    def maker(m: _Mention) -> Callable[[random.Random], str | None]:
        new = ROLE_SWAP[m.text.lower()]
        if m.text.isupper():
            new = new.upper()
        elif m.text[:1].isupper():
            new = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in new.split(" "))
        return lambda rng: new

    out = []
    for m, w in _pairs(mentions, index):
        ws, we = spans[w]
        out.append(_Candidate(m, w, maker(m), index[w.file].text[ws:we]))
    return out


# ---- negations -----------------------------------------------------------------------------

# Participles and adjectives that head a clause an auxiliary can negate ("was released", "is
# alive"): past participles ending in -ed (lemma by stripping) or these irregular ones (mapped
# to their base form so "was shot" and "shot" or "shoot" are one verb), and a few adjectives.
_IRREGULAR = {
    "shot": "shoot", "taken": "take", "found": "find", "held": "hold", "seen": "see",
    "known": "know", "given": "give", "made": "make", "told": "tell", "caught": "catch",
    "hit": "hit", "kept": "keep", "left": "leave", "lost": "lose", "sent": "send",
    "struck": "strike", "stolen": "steal", "broken": "break", "written": "write",
    "beaten": "beat", "chosen": "choose", "driven": "drive", "thrown": "throw", "shown": "show",
    "brought": "bring", "bought": "buy", "built": "build", "won": "win", "led": "lead",
    "fled": "flee", "met": "meet", "paid": "pay", "sold": "sell", "spent": "spend",
    "heard": "hear", "hurt": "hurt", "freed": "free", "slain": "slay", "sworn": "swear",
    "withdrawn": "withdraw", "forgotten": "forget", "hidden": "hide", "eaten": "eat",
    "fallen": "fall", "drawn": "draw", "grown": "grow", "spoken": "speak", "bitten": "bite",
}
_PREDICATE_ADJ = {
    "alive", "dead", "missing", "safe", "available", "responsible", "aware", "able", "present",
    "clear", "guilty", "stable", "conscious", "armed", "open", "closed", "pregnant", "true",
    "real", "authentic", "genuine", "legal", "illegal", "involved", "sure",
}
# Heads whose negation changes a hedge, not a fact, or reads oddly ("is not believed to").
_NO_NEGATE = {
    "believed", "thought", "said", "reported", "alleged", "expected", "understood", "considered",
    "supposed", "rumoured", "rumored", "presumed", "claimed", "estimated", "set", "going",
    "born", "used", "based", "called", "named", "dubbed", "known", "seen", "reportedly",
    "scheduled", "designed", "meant", "told", "asked", "due", "likely", "thanked", "soon", "again",
    "ever", "always", "probably", "perhaps", "maybe", "now", "then", "only", "even", "still",
    "rather", "first", "eventually", "never", "really", "suspected", "feared", "reputed",
}
_NEG_WORDS = {"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without", "nowhere",
              "cannot", "hardly", "barely", "refused", "declined", "failed", "denied", "unable",
              "deny", "denies", "refuse", "refuses", "fail", "fails", "decline", "declines"}
_AUX_POS = r"is|are|was|were|has been|have been|had been|will|would|could|can"
# Words before an auxiliary that make it part of a longer verb group ("to have been").
_AUX_BEFORE = {"to", "may", "might", "must", "should", "would", "could", "will", "can", "shall"}
# Verbs of saying: "bodyguards had been added" is no fact shared with "the source added".
# (confirm, deny and announce are facts here: "could not confirm".)
_SPEECH_WORDS = set(re.sub(r"[^a-z|]", "", _SPEECH).split("|")) - {"confirmed", "denied", "announced"} | {
    "say", "tell", "add", "explain", "write", "tweet", "state", "note", "insist", "warn", "recall",
    "testify", "admit", "claim", "argue", "reply", "post", "report", "saying", "telling", "quoted",
    "quote", "cited", "cite", "described", "describe"}
# Before a witness verb: it is hedged or not the plain fact ("may have captured", "is thought
# to have slapped", "is being eyed to play").
_HEDGES = {"may", "might", "believed", "thought", "reportedly", "allegedly", "possibly",
           "suspected", "eyed", "expected", "likely", "poised", "rumored", "rumoured", "feared",
           "perhaps", "probably", "supposedly", "apparently", "wants", "want", "plans", "hopes",
           "talks", "discussions", "negotiations", "if", "whether", "unless"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                "those", "many", "some", "all", "several", "few", "two", "three", "four", "five",
                "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"}
_WITNESS_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
                "would", "could", "can", "did", "does", "do", "to", "not", "never", "cannot",
                "shall", "should", "must"}
_NEGATE = re.compile(
    rf"(?<![\w'’-])(?P<aux>{_AUX_POS})(?P<be> be| have been)? (?P<head>[a-z]+)\b(?![-'’])"
)
# Negated auxiliaries whose "not" can go: "has not been" -> "has been", "wasn't" -> "was",
# "cannot" -> "can" ("did not confirm" -> "did confirm" reads oddly and is not used).
_UNNEGATE = re.compile(
    r"(?<![\w'’-])(?P<aux>(?P<a1>is|are|was|were|could|would|will)(?P<n1> not|n['’]t)"
    r"|(?P<a2>has|have|had)(?P<n2> not|n['’]t) been|(?P<a3>can)(?P<n3>not|n['’]t| not)"
    r"|(?P<won>won['’]t))(?P<be> be| have been)? (?P<head>[a-z]+)\b(?![-'’])"
)


def _verb_stem(word: str) -> str:
    """A crude stem so "confirmed", "confirm" and "confirms" or "released" and "release" meet."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ied", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[:-len(suffix)] + ("y" if suffix == "ied" else "")
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    return w


def _negatable_head(head: str, modal: bool, be: bool) -> bool:
    """A head an auxiliary can be negated at: a participle or predicate adjective, or after a
    bare modal ("will attend", "could face") a base verb."""
    if head in STOPWORDS or head in _NO_NEGATE or head.endswith("ly") or len(head) < 3:
        return False
    if head in _IRREGULAR or head in _PREDICATE_ADJ:
        return True
    if head.endswith("ed") and len(head) >= 5:
        return True
    if modal and not be:
        return not head.endswith(("ed", "ing", "s")) and head not in _NOT_NOUN and len(head) >= 4
    return False


def _in_quote(article: _Article, pos: int) -> bool:
    """True if ``pos`` lies inside quotation marks on its line (a quote is the speaker's
    wording; editing it is the quote kind's business)."""
    line_start = article.text.rfind("\n", 0, pos) + 1
    line_end = article.text.find("\n", pos)
    line = article.text[line_start:line_end if line_end >= 0 else len(article.text)]
    for m in _QUOTE.finditer(line):
        if m.start() <= pos - line_start < m.end():
            return True
    before = line[:pos - line_start]
    return before.count("\"") % 2 == 1 or before.count("“") > before.count("”")


def _negation_sites(article: _Article) -> list[tuple[_Mention, str, int, int]]:
    """Auxiliary chains that can take or lose a "not": (mention of the auxiliary span keyed by
    the head's stem and polarity, replacement, head start, head end). Left out: questions,
    quotes, conditionals, and clauses already holding another negative word."""
    text, out = article.text, []
    sites = []
    for m in _NEGATE.finditer(text):
        aux = m.group("aux")
        modal = aux in ("will", "would", "could", "can")
        if not _negatable_head(m.group("head"), modal, bool(m.group("be"))):
            continue
        new = "cannot" if aux == "can" else aux.replace(" been", " not been") if " " in aux else aux + " not"
        sites.append((m, m.start("aux"), m.end("aux"), aux, new, "+"))
    for m in _UNNEGATE.finditer(text):
        if m.group("won"):
            base = "will"
        else:
            base = m.group("a1") or m.group("a2") or m.group("a3")
        modal = base in ("will", "would", "could", "can")
        if not _negatable_head(m.group("head"), modal, bool(m.group("be"))):
            continue
        aux = m.group("aux")
        new = base + " been" if m.group("a2") else base
        sites.append((m, m.start("aux"), m.end("aux"), aux, new, "-"))
    for m, s, e, aux, new, polarity in sites:
        s_start, s_end = article.sentence_span(s)
        sentence = text[s_start:s_end]
        if sentence.rstrip().rstrip("\"'”’)").endswith("?") or _in_quote(article, s) or \
                len(_tokens(sentence)) > 60:
            continue
        before = _tokens(text[s_start:s])[-6:]
        after = _tokens(text[e:s_end])[:5]
        if any(t in _NEG_WORDS or t.endswith(("n't", "n’t")) for t in before + after):
            continue
        if before and before[-1] in _AUX_BEFORE:
            continue  # "appears to have been", "could have been": not the finite auxiliary
        if set(_tokens(text[s_start:s])) & {"if", "whether", "unless"} or \
                any(t in ("when", "until") for t in before[-4:]):
            continue
        head = m.group("head")
        if head in _SPEECH_WORDS:
            continue
        mention = _Mention(article.name, s, e, aux, (_verb_stem(head), polarity))
        out.append((mention, new, m.start("head"), m.end("head")))
    return out


def _verb_mentions(article: _Article) -> list[_Mention]:
    """Verbs with their stem and polarity (negative when "not", "never", "no" or n't is among
    the four words before): the witness side of a negation, in any wording ("police
    confirmed", "was confirmed", "did not confirm"). A verb is a past form ("confirmed",
    "shot") or a word after an auxiliary or "to" ("will start", "to test"), not after a
    determiner ("the release", "the captured airport"). Hedged ("may have captured", "is
    thought to have slapped") and implicitly negative ("refused to confirm") ones are left out,
    as are questions and speech verbs."""
    text, out = article.text, []
    implicit = {"refused", "declined", "failed", "denied", "unable", "refuse", "refuses", "fail",
                "fails", "decline", "declines", "deny", "denies", "without"}
    for m in _TOKEN.finditer(text):
        word = m.group().lower()
        if word in STOPWORDS or len(word) < 3 or not word.isalpha() or word in _SPEECH_WORDS:
            continue
        s_start, s_end = article.sentence_span(m.start())
        if text[s_start:s_end].rstrip().rstrip("\"'”’)").endswith("?"):
            continue
        before = _tokens(text[s_start:m.start()])[-4:]
        if before and (before[-1] in _DETERMINERS or before[-1].isdigit()):
            continue  # "the release", "three captured jets": not a verb
        if text[m.start() - 1:m.start()] == "-" or text[m.end():m.end() + 1] == "-":
            continue  # "lower-priced"
        past = (word.endswith("ed") and len(word) >= 5) or word in _IRREGULAR
        after_aux = set(before[-3:]) & _WITNESS_AUX or any(t.endswith(("n't", "n’t")) for t in before[-3:])
        if not past and not after_aux:
            continue
        if set(before) & (implicit | _HEDGES):
            continue
        negated = any(t in ("not", "never", "no", "cannot") or t.endswith(("n't", "n’t"))
                      for t in before)
        out.append(_Mention(article.name, m.start(), m.end(), m.group(),
                            (_verb_stem(word), "-" if negated else "+")))
    return out


def _short(article: _Article, pos: int) -> bool:
    """The sentence at ``pos`` is a sentence (60 words at most), not paragraphs glued together
    by a missing line break, so "the edited sentence" means something."""
    return len(_tokens(article.sentence(pos))) <= 60


def _norm(text: str) -> str:
    """Curly apostrophes straightened, so "man’s" and "man's" compare equal."""
    return text.replace("’", "'").replace("‘", "'")


def _copied(sentence: str, other: _Article) -> bool:
    """True when the other article holds the sentence as a copy: a sentence of it as similar
    as NEAR_COPY, or 80%+ of the sentence's words (4+) as one run (sentence splitting can glue
    sentences together). The same wire copy, not a second reporter, however the rest of the
    articles differ."""
    words = _tokens(_norm(sentence))
    if len(words) < 4:
        return False
    sm = SequenceMatcher(None, words, _tokens(_norm(other.text)), autojunk=False)
    if sm.find_longest_match(0, len(words), 0, len(sm.b)).size >= 0.8 * len(words):
        return True
    return any(_similarity(_norm(sentence), _norm(other.text[a:b])) >= NEAR_COPY for a, b in other.sentences)


def _negation_candidates(articles: list[_Article]) -> list[_Candidate]:
    """A clause whose verb (same stem, same polarity) another article also states, sharing
    3+ other content words in the ten words either side, one of them from the subject side
    (the six words before the auxiliary, near the witness verb; or the same pronoun before
    both) and one from after the verb; names and numbers right before the auxiliary must be in
    the witness sentence, and a passive ("X was killed") against an active witness ("...
    killed Y") needs X right after the witness verb. The edit adds "not" at the auxiliary
    ("was released" -> "was not released") or removes it ("has not been" -> "has been"). A
    witness article holding a near copy of the clause, or of the whole sentence, is not used.
    The witness phrase is the other article's verb with four words either side."""
    index = {a.name: a for a in articles}
    edits: dict[_Mention, tuple[str, int, int]] = {}
    for a in articles:
        for mention, new, hs, he in _negation_sites(a):
            edits[mention] = (new, hs, he)
    by_key: dict[tuple, list[_Mention]] = defaultdict(list)
    for a in articles:
        for w in _verb_mentions(a):
            by_key[w.key].append(w)
    out = []
    for m in sorted(edits, key=lambda m: (m.file, m.start)):
        new, hs, he = edits[m]
        article = index[m.file]
        stem = m.key[0]
        s_start, s_end = article.sentence_span(m.start)
        left = _content(" ".join(_TOKEN.findall(article.text[s_start:m.start])[-10:]))
        right = _content(" ".join(_TOKEN.findall(article.text[he:max(he, s_end)])[:10]))
        left = {t for t in left if _verb_stem(t) != stem}
        right = {t for t in right if _verb_stem(t) != stem}
        subject = _content(" ".join(_TOKEN.findall(article.text[s_start:m.start])[-6:]))
        pronoun = next(iter(_tokens(article.text[s_start:m.start])[-1:]), None)
        pronoun = pronoun if pronoun in ("he", "she", "they", "it", "we", "i") else None
        # names and numbers right before the verb ("Foley, an American journalist who was
        # kidnapped", "25 insurgents were killed"): the witness sentence must hold them all
        first = _TOKEN.match(article.text, s_start)
        names = set()
        for tok in list(_TOKEN.finditer(article.text, s_start, m.start))[-6:]:
            word = tok.group()
            if word[:1].isupper() and word not in _LEADING and word.lower() not in STOPWORDS and \
                    not (first and tok.start() == first.start()):
                names.add(_norm(word))
            elif (word.isdigit() or word.lower() in _NUMBER_WORDS) and \
                    not re.match(r",\s*\d+,", article.text[tok.start() - 2:tok.end() + 1]):
                names.add(word)  # a number, not an age (", 22,")
        head = article.text[hs:he]
        participle = head in _IRREGULAR or (head.endswith("ed") and head not in _PREDICATE_ADJ)
        passive = participle and bool((set(_tokens(m.text)) | set(_tokens(article.text[m.end:hs]))) & _BE)
        best: tuple[float, _Mention] | None = None
        witnesses = [w for w in by_key.get(m.key, []) if w.file != m.file]
        sims = {w: _similarity(_norm(_window(article, hs, he)), _norm(_window(index[w.file], w.start, w.end)))
                for w in witnesses}
        copies = {w.file for w in witnesses if sims[w] >= NEAR_COPY}
        copies |= {f for f in {w.file for w in witnesses} if _copied(article.sentence(m.start), index[f])}
        for w in witnesses:
            if w.file in copies:
                continue
            other, sim = index[w.file], sims[w]
            theirs = {t for t in _content(_window(other, w.start, w.end, 10)) if _verb_stem(t) != stem}
            near = _content(_window(other, w.start, w.end, 6))
            w_before = _tokens(other.text[other.sentence_span(w.start)[0]:w.start])[-4:]
            # the subject side: a content word of it near the witness verb, or the same
            # pronoun right before both ("he couldn't stop the bleeding" / "he could not stop")
            same_pronoun = pronoun and pronoun in w_before and left & theirs
            if len((left | right) & theirs) < 3 or not (subject & near or same_pronoun) or not right & theirs:
                continue
            w_sentence = other.sentence(w.start)
            if not all(re.search(rf"\b{re.escape(n)}\b", _norm(w_sentence), re.I) for n in names):
                continue
            w_passive = set(w_before[-3:]) & _BE or re.match(r"\s+by\b", other.text[w.end:w.end + 4])
            if passive and not w_passive:
                # "X was killed" against "... killed Y": X must be what the witness's verb acts on
                following = list(_TOKEN.finditer(other.text, w.end, w.end + 80))[:4]
                obj = _content(" ".join(t.group() for t in following))
                if not subject & obj:
                    continue
            if best is None or sim < best[0]:
                best = (sim, w)
        if best:
            w = best[1]
            out.append(_Candidate(m, w, lambda rng, new=new: new, _phrase(index[w.file], w.start, w.end)))
    return out


# ---- entities ------------------------------------------------------------------------------

# Organisations and places by kind, for "same kind" swaps. Each entry: surface forms (the first
# is canonical; the rest are aliases, never a replacement for each other) and whether it takes
# "the" ("T": always, "F": never, "E": either). Names that are also first names or common
# words (Jordan, Chad, Georgia, Sydney, Turkey, Washington) are left out.
_ENTITY_TABLE = """
country|F: Afghanistan; Algeria; Argentina; Australia; Austria; Bangladesh; Belgium; Brazil;
  Cameroon; Canada; Chile; China; Colombia; Cuba; Denmark; Egypt; Eritrea; Ethiopia; Finland;
  France; Germany; Ghana; Greece; Haiti; Honduras; India; Indonesia; Iran; Iraq; Ireland; Italy;
  Japan; Kenya; Kuwait; Lebanon; Liberia; Libya; Malaysia; Mali; Mexico; Morocco; Nepal;
  Nicaragua; Nigeria; Norway; Pakistan; Panama; Peru; Poland; Portugal; Qatar; Russia; Rwanda;
  Saudi Arabia; Scotland; Senegal; Sierra Leone; Somalia; South Africa; Spain; Sudan; Sweden;
  Switzerland; Syria; Tanzania; Thailand; Tunisia; Uganda; Ukraine; Venezuela; Vietnam; Yemen;
  North Korea; South Korea; New Zealand; Sri Lanka; England; Wales
city|F: London; Paris; Berlin; Madrid; Rome; Moscow; Beijing; Tokyo; Baghdad; Damascus; Beirut;
  Cairo; Tehran; Kabul; Islamabad; Jerusalem; Tripoli; Benghazi; Mosul; Raqqa; Aleppo; Homs;
  Kobani; Tikrit; Fallujah; Ramadi; Erbil; Managua; Nairobi; Mogadishu; Lagos; Abuja;
  Maiduguri; Ottawa; Toronto; Montreal; Vancouver; Dublin; Edinburgh; Glasgow; Manchester;
  Liverpool; Brussels; Amsterdam; Vienna; Athens; Istanbul; Ankara; Dubai; Doha; Riyadh; Mecca;
  Pyongyang; Seoul; Mumbai; Karachi; Bangkok; Manila; Jakarta; Kiev, Kyiv; Warsaw; Prague;
  Stockholm; Chicago; Boston; Dallas; Atlanta; Miami; Seattle; Denver; Detroit; Philadelphia;
  Los Angeles; San Francisco; Las Vegas; New Orleans; Mexico City; Iguala
state|F: Texas; California; Florida; Ohio; Missouri; Michigan; Illinois; Arizona; Nevada;
  Oregon; Colorado; Alabama; Tennessee; Kentucky; Virginia; Minnesota; Wisconsin; Louisiana;
  Oklahoma; Kansas; Nebraska; Utah; Iowa; Ontario; Quebec; Alberta; Guerrero
outlet|F: CNN; BBC; Reuters; AFP; Fox News; CBS News; NBC News; ABC News; Sky News; Al Jazeera;
  Bloomberg; MSNBC; CNBC; NPR; TMZ; BuzzFeed; Mashable; Gawker; TechCrunch
group|F: Boko Haram; Hamas; Hezbollah; al-Qaeda, al Qaeda, al-Qaida, Al Qaeda;
  al-Shabab, al-Shabaab, Al-Shabab, Al Shabaab, Al-Shabaab; ISIS, ISIL, Daesh
agency|T: Pentagon, Defense Department; White House; State Department; Secret Service;
  Kremlin; Home Office; Foreign Office
agency|E: FBI; CIA; NSA
platform|F: Facebook; Twitter; Instagram; YouTube; Reddit; Snapchat; WhatsApp; Tumblr
company|F: Apple; Google; Microsoft; Samsung; Amazon; Netflix; Comcast; Sony; HBO
"""
# Same-kind swaps when the story names no other entity of the kind.
_ENTITY_FALLBACK = {
    "Italy": "Spain", "Spain": "Italy", "France": "Germany", "Germany": "France",
    "Syria": "Iraq", "Iraq": "Syria", "Nigeria": "Cameroon", "Cameroon": "Nigeria",
    "Canada": "Australia", "Australia": "Canada", "CNN": "BBC", "BBC": "CNN",
    "Reuters": "AFP", "AFP": "Reuters", "Fox News": "CBS News", "CBS News": "Fox News",
    "London": "Paris", "Paris": "London", "Baghdad": "Damascus", "Damascus": "Baghdad",
}


@dataclass(frozen=True)
class _Entity:
    surface: str
    canonical: str
    kind: str
    article: str  # "T", "F" or "E"


def _entity_table() -> dict[str, _Entity]:
    table: dict[str, _Entity] = {}
    for block in re.split(r"\n(?=\w+\|)", _ENTITY_TABLE.strip()):
        head, body = block.split(":", 1)
        kind, art = head.split("|")
        for entry in body.split(";"):
            forms = [f.strip() for f in entry.replace("\n", " ").split(",") if f.strip()]
            for form in forms:
                table[form] = _Entity(form, forms[0], kind, art)
    return table


ENTITIES = _entity_table()
_ENTITY_RE = re.compile(
    r"(?<![\w'’.-])(" + "|".join(sorted((re.escape(e) for e in ENTITIES), key=len, reverse=True))
    + r")(?![\w-])"
)


def _entity_mentions(article: _Article, persons: set[str]) -> list[_Mention]:
    """Table entities standing alone: not part of a longer capitalised name ("New York Times",
    "Paris Hilton", "Apple Watch"), not in a hyphenated compound ("Canada-based"), not a
    person's name. Key: canonical name and kind."""
    text, out = article.text, []
    for m in _ENTITY_RE.finditer(text):
        entity = ENTITIES[m.group()]
        prev = re.search(r"(\S+) $", text[max(0, m.start() - 30):m.start()])
        if prev and prev.group(1)[:1].isupper() and prev.group(1) not in _LEADING:
            continue  # "Nicaragua's Managua", "Air Force": part of a longer name
        rest = text[m.end():m.end() + 30]
        if re.match(r"['’]s\b", rest):
            rest = rest[2:]
        elif rest[:1] in "'’":
            continue  # "ISIS' youngest": a possessive the replacement would not fit
        if re.match(r" [A-Z0-9]|['’][a-z]|\.\w|\s+[\w'’]+-\w", rest):
            continue  # "Paris Hilton", "Apple Watch", "Apple 2", "U.S.", "White House fence-jumper"
        if re.search(r"[A-Z][\w'’-]* of (?:the )?(?:[\w'’-]+ and (?:the )?)?$",
                     text[max(0, m.start() - 60):m.start()]):
            continue  # "Islamic State of Iraq and Syria", "University of Texas": part of a name
        if article.sentence(m.start()).rstrip().rstrip("\"'”’)").endswith("?"):
            continue
        if re.search(r"\b(?:town|city|village|province|state|region|capital|country) of $",
                     text[max(0, m.start() - 12):m.start()]):
            continue  # "the town of Iguala": a swap from another kind of place would not fit
        if any(m.group() in p.split(" ") for p in persons):
            continue
        after_the = bool(re.search(r"\bthe $", text[max(0, m.start() - 4):m.start()], re.I))
        if (entity.article == "T" and not after_the) or (entity.article == "F" and after_the):
            continue
        out.append(_Mention(article.name, m.start(), m.end(), m.group(), (entity.canonical, entity.kind)))
    return out


def _entity_candidates(articles: list[_Article]) -> list[_Candidate]:
    """An organisation or place of ENTITIES that two articles name with 2+ lowercase content
    words shared in the ten words either side (see ``same``); replaced by another of the same
    kind that the story names (any article), else by _ENTITY_FALLBACK. The replacement must
    take the same article ("the Pentagon" -> "the White House") and must not be in the edited
    or the witness sentence, so the edited sentence contradicts the witness rather than
    repeats it."""
    _, persons = _persons(articles)
    index = {a.name: a for a in articles}
    mentions = [m for a in articles for m in _entity_mentions(a, persons)]
    in_story: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        in_story[m.key[1]].add(ENTITIES[m.text].canonical)

    def lower_content(article: _Article, mention: _Mention) -> set[str]:
        words = _TOKEN.findall(_window(article, mention.start, mention.end, 10))
        return _content(" ".join(w for w in words if w[:1].islower()))

    def same(m: _Mention, w: _Mention) -> bool:
        """Same role: two lowercase content words shared near the two mentions (names nearby
        do not count: "Pyongyang, the North Korean capital" and "a restaurant chain known as
        Pyongyang, owned by the North Korean government" share only names), and the witness
        article does not hold the edited sentence as a copy."""
        if len(lower_content(index[m.file], m) & lower_content(index[w.file], w)) < 2:
            return False
        return not _copied(index[m.file].sentence(m.start), index[w.file])

    def maker(m: _Mention, w: _Mention) -> Callable[[random.Random], str | None]:
        canonical, kind = m.key
        text = index[m.file].text
        after_the = bool(re.search(r"\bthe $", text[max(0, m.start - 4):m.start], re.I))
        sentences = index[m.file].sentence(m.start) + "\n" + index[w.file].sentence(w.start)

        def fits(name: str) -> bool:
            forms = [f for f, e in ENTITIES.items() if e.canonical == name]
            if name == canonical or any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", sentences)
                                        for f in forms):
                return False
            art = ENTITIES[name].article
            return art == "E" or (art == "T") == after_the

        def make(rng: random.Random) -> str | None:
            options = sorted(n for n in in_story[kind] if fits(n))
            if options:
                return rng.choice(options)
            fallback = _ENTITY_FALLBACK.get(canonical)
            return fallback if fallback and fits(fallback) else None

        return make

    out = []
    for m, w in _pairs(mentions, index, same=same):
        if _short(index[m.file], m.start):
            out.append(_Candidate(m, w, maker(m, w), _phrase(index[w.file], w.start, w.end)))
    return out


# ---- attributions --------------------------------------------------------------------------

_SAY = (r"said|says|told|added|wrote|tweeted|explained|insisted|recalled|continued|stated|"
        r"noted|warned|admitted|replied")
# From the end of a speaker's name to the speech verb: an appositive, a comma, "had reportedly".
_THEN_SAYS = (rf"(?:,\s[^,\"“”\n]{{1,80}},|,)?(?:\s(?:had|has|have|reportedly|also|later|then|"
              rf"previously|once|further))*\s(?:{_SAY})\b")
_PREPOSITIONS = {"of", "for", "to", "with", "and", "by", "from", "about", "on", "in", "at", "or",
                 "against", "after", "before", "than", "like", "who", "whom", "whose"}


def _plain_filler(text: str, max_words: int = 6) -> bool:
    """Words between a quote and its speaker's name that cannot make the name someone other
    than the speaker: a few words ("White House spokeswoman", "the man's attorney,"), no
    preposition or "and" ("a friend of X said", "Y and X said"), no quote mark, no speech verb,
    no full stop except after an abbreviated title ("Col.")."""
    words = text.split()
    if len(words) > max_words or re.search(r"[\"“”:;!?()]", text):
        return False
    if re.search(r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z])\.", text):
        return False
    return not any(w.strip(",").lower() in _PREPOSITIONS or re.fullmatch(_SAY, w.strip(",").lower())
                   for w in words)


def _quote_speaker(article: _Article, qs: int, qe: int, persons: set[str]) -> _NameRun | None:
    """The name run (full name, title left out) of the person credited with the quote at
    qs:qe, named right after it ('"...," White House spokeswoman Caitlin Hayden said', '"...,"
    said Hassan Tukur', '"...," the man's attorney, Lopa Blumenthal, told') or right before it
    in its sentence ('Stewart Taylor said: "', 'X, an adviser to the institute, said it was
    "', 'According to X, "'). None when unsure: a name that is not a known person or holds
    another person's name ("Free James Foley"), a preposition or another speech verb between."""
    text = article.text
    s_start, s_end = article.sentence_span(qs)
    c_start, c_end = article.sentence_span(qe)
    all_runs = _name_runs(article)
    runs = [r for r in all_runs if s_start <= r.start and r.end <= s_end + 1]
    close = text[qe:qe + 1]
    inner_end = text[qe - 1:qe]
    found = None
    if close in "\"”" and (inner_end in ",!?—–-" or text[qe + 1:qe + 2] == ","):
        for run in all_runs:
            if run.start <= qe or run.end > c_end + 1:
                continue
            gap = text[qe + 1:run.start].lstrip(",").lstrip()
            said_first = re.match(rf"(?:{_SAY})\s+", gap)
            if said_first:
                if _plain_filler(gap[said_first.end():], 3) and not re.match(r"\s*:", text[run.end:]):
                    found = run
            elif _plain_filler(gap) and re.match(
                    rf"{_THEN_SAYS}(?!\s*:)", text[run.end:run.end + 120]):
                found = run
            break  # only the first name after the quote can be its speaker
    if found is None:
        for run in reversed(runs):
            if run.end > qs:
                continue
            after = text[run.end:qs]
            said = re.match(rf"{_THEN_SAYS}(?P<gap>[^\"“”\n]{{0,60}})[\"“]$", after)
            according = re.match(r",\s*[\"“]$", after) and re.search(
                r"\baccording to (?:[a-z][\w'’-]* ){0,3}$", text[max(0, run.start - 60):run.start], re.I)
            if said:
                gap = said.group("gap")
                named_in_gap = any(r.start >= run.end + said.start("gap") and r.end <= qs
                                   for r in runs if r.name in persons)
                if re.search(rf"\b(?:{_SAY}|{_SPEECH})\b", gap) or named_in_gap:
                    break
                prev = _tokens(text[s_start:run.start])[-1:]
                if prev and prev[0] in _PREPOSITIONS:
                    break
                found = run
            elif according:
                found = run
            break  # only the last name before the quote can be its speaker
    if found is None or found.name not in persons:
        return None
    if any(p != found.name and (found.name.endswith(" " + p) or found.name.startswith(p + " "))
           for p in persons):
        return None
    return found


def _attribution_candidates(articles: list[_Article]) -> list[_Candidate]:
    """A quote of 6+ words that two articles both give (80%+ of the shorter one's words in
    order, the text around it not a copy), credited in the edited article by full name right
    before or after it, and in the witness article to the same surname in the quote's sentence
    or earlier in its paragraph with no other person named in between. The edit replaces the
    speaker's full name by another person's full name from the story, preferring one with a
    different surname and not named in the edited or witness sentence."""
    by_name, persons = _persons(articles)
    named = _named_persons(articles, by_name, persons)
    found = {a.name: _quotes(a) for a in articles}
    surnames = {p.split(" ")[-1] for p in persons}
    out = []
    for a in articles:
        for qs, qe in found[a.name]:
            run = _quote_speaker(a, qs, qe, persons)
            if run is None or not _short(a, run.start):
                continue
            speaker, name = (run.start, run.end), run.name
            surname = name.split(" ")[-1]
            if sum(1 for p in persons if p.split(" ")[-1] == surname) > 1:
                surname = name  # "Luke Somers" and "Lucy Somers": the witness must say which
            qa = _tokens(a.text[qs:qe])
            best = None
            for b, ws, we, _, shared in _same_quotes(a, qa, articles, found):
                credit = _credited(b, ws, we, surname, surnames - {name.split(" ")[-1]})
                if credit is None:
                    continue
                # the words around the quote must not be a copy: a second reporter
                outside_a = _norm(a.sentence(run.start).replace(a.text[qs:qe], " "))
                outside_b = _norm(b.sentence(credit[0]).replace(b.text[ws:we], " "))
                if _similarity(outside_a, outside_b) >= NEAR_COPY or _copied(outside_a, b):
                    continue
                if best is None or shared > best[0]:
                    best = (shared, b, ws, we, credit)
            if best is None:
                continue
            _, b, ws, we, (cs, ce) = best
            if cs < ws:
                lo = cs
                words = list(_TOKEN.finditer(b.text, ws, we))[:4]
                hi = words[-1].end() if words else we
            else:
                words = list(_TOKEN.finditer(b.text, ws, we))[-4:]
                lo, hi = (words[0].start() if words else ws), ce
            witness = _Mention(b.name, cs, ce, b.text[cs:ce], ())
            mention = _Mention(a.name, speaker[0], speaker[1], name, (name, qs))
            context = a.sentence(qs) + "\n" + b.sentence(ws) + "\n" + b.text[lo:hi]
            out.append(_Candidate(mention, witness, _speaker_swap(name, named, context), b.text[lo:hi]))
    return out


def _credited(article: _Article, qs: int, qe: int, surname: str, others: set[str]) -> tuple[int, int] | None:
    """Where ``article`` credits its quote at qs:qe to ``surname`` (a full name when the
    story has two people of that surname), or None: the surname in the quote's sentence
    outside the quote, with a speech verb there and no other person's surname ('"...,"
    Strauch said', 'WHO director Christy Feig told Mashable'); or earlier in the quote's
    paragraph as the subject of a speech verb ("Strauch said:", "according to Strauch") with
    no other person's surname in between and, when in an earlier sentence, nobody but "he",
    "she" or the surname credited in the quote's own sentence."""
    text = article.text
    s_start, s_end = article.sentence_span(qs)
    line_start = text.rfind("\n", 0, qs) + 1
    word = r"(?<![\w-])" + re.sub(r"['’]", "['’]", re.escape(surname)) + r"(?![\w-])"
    pattern = re.compile(word)

    def other_between(lo: int, hi: int) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text[lo:hi]) for o in others)

    # in the quote's sentence, outside the quote, next to a speech verb and no other person
    outside = [(s_start, qs - 1), (qe + 1, s_end)]
    spoken = any(re.search(rf"\b(?:{_SPEECH}|{_SAY}|saying|quoted|statement)\b|\baccording to\b",
                           text[lo:hi], re.I)
                 for lo, hi in outside)
    for lo, hi in outside:
        m = pattern.search(text, lo, max(lo, hi))
        if m and spoken and not any(other_between(a, b) for a, b in outside):
            return m.start(), m.end()
    for m in reversed(list(pattern.finditer(text, line_start, qs))):
        after = text[m.end():m.end() + 120]
        speaks = re.match(rf"(?:['’]s)?(?:,[^,\n]{{1,80}},)?\s+(?:{_SPEECH})\b", after) or \
            re.search(r"\baccording to (?:\w+\s+)?$", text[max(0, m.start() - 30):m.start()], re.I)
        if not speaks or other_between(m.end(), qs) or len(_tokens(text[m.end():qs])) > 40:
            return None
        if m.start() < s_start:
            rest = text[s_start:qs - 1] + " " + text[qe + 1:s_end]
            for verb in re.finditer(rf"\b(?:{_SPEECH})\b", rest):
                near = _tokens(rest[max(0, verb.start() - 25):verb.start()])[-1:] + \
                    _tokens(rest[verb.end():verb.end() + 25])[:1]
                if not set(near) & {"he", "she", _norm(surname.split(" ")[-1].lower())}:
                    return None
        return m.start(), m.end()
    return None


def _named_persons(
    articles: list[_Article], by_name: dict[str, list[_NameRun]], persons: set[str]
) -> set[str]:
    """The persons of the story a misattribution may name: besides _persons' evidence, one
    that an organisation does not also have (a title or role word before the name, an age or
    a person noun after it, or Mr/Ms/Dr and the surname), so "Sahara Reporters said" does not
    make a person. Names holding a stopword ("For Foley") or another person's name ("Free
    James Foley") are left out."""
    texts = {a.name: a.text for a in articles}
    story = "\n".join(texts[n] for n in sorted(texts))
    out = set()
    for name in persons:
        words = name.split(" ")
        if any(w.lower() in STOPWORDS or w in _LEADING for w in words):
            continue
        if any(p != name and (name.endswith(" " + p) or name.startswith(p + " ")) for p in persons):
            continue
        strong = re.search(rf"\b(?:Mr|Mrs|Ms|Dr|Miss)\.? {re.escape(words[-1])}\b", story)
        for r in by_name[name]:
            text = texts[r.file]
            appositive = _APPOSITIVE.match(text, r.end)
            if r.titled or _ROLE_RE.search(text[max(0, r.start - 25):r.start]) or \
                    re.match(r",\s*\d{1,3},", text[r.end:r.end + 8]) or (appositive and any(
                        w.lower() in PERSON_NOUNS or _ROLE_RE.fullmatch(w)
                        for w in re.split(r"[\s-]+", appositive.group(1)))):
                strong = True
        if strong:
            out.add(name)
    return out


def _speaker_swap(name: str, persons: set[str], context: str) -> Callable[[random.Random], str | None]:
    """Another person of the story for ``name``: 2-3 words, not named in ``context``, with a
    surname unlike the speaker's (so neither the same person with a middle name nor a
    misspelling of them: "Wilfredo Strauss" for "Wilfried Strauch"); a same-surname relative
    with an unlike first name ("Lucy Somers" for "Luke Somers") only when no one else
    qualifies."""
    first, last = name.split(" ")[0], name.split(" ")[-1]

    def like(a: str, b: str) -> bool:
        return SequenceMatcher(None, _norm(a.lower()), _norm(b.lower()), autojunk=False).ratio() >= 0.6

    def make(rng: random.Random) -> str | None:
        def named(p: str) -> bool:
            return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", context)
                       for w in (p, p.split(" ")[-1]))

        pool = sorted(p for p in persons if 2 <= len(p.split(" ")) <= 3 and p != name and not named(p))
        other = [p for p in pool if not like(p.split(" ")[-1], last)]
        if other:
            return rng.choice(other)
        kin = [p for p in pool if p.split(" ")[-1] == last and not like(p.split(" ")[0], first)
               and len(p.split(" ")) == len(name.split(" "))]
        return rng.choice(kin) if kin else None

    return make


_FINDERS: dict[str, Callable[[list[_Article]], list[_Candidate]]] = {
    "name": _name_candidates, "count": _count_candidates, "date": _date_candidates,
    "quote": _quote_candidates, "role": _role_candidates, "negation": _negation_candidates,
    "entity": _entity_candidates, "attribution": _attribution_candidates,
}


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def story_half(story: str) -> str:
    """"fit" for even story numbers (s000, s002, ...), "held-out" for odd ones, so rules can be
    tuned on one half and measured on the other."""
    number = int(re.match(r"s(\d+)", story).group(1))
    return "fit" if number % 2 == 0 else "held-out"


def injected_cases(root: Path, seed: int = 13, per_kind_per_story: int = 1) -> list[InjectedCase]:
    """All cases for the stories under ``root``: per story and kind, up to
    ``per_kind_per_story`` edits of distinct facts, chosen at random among the candidates by a
    ``random.Random`` seeded from ``seed``, the story and the kind. Same inputs, same cases."""
    cases: list[InjectedCase] = []
    for folder in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        articles = _load_story(folder)
        if len(articles) < 2:
            continue
        index = {a.name: a for a in articles}
        for kind in KINDS:
            rng = random.Random(f"{seed}/{folder.name}/{kind}")
            candidates = _FINDERS[kind](articles)
            rng.shuffle(candidates)
            used_keys: set = set()
            used_sentences: set = set()
            for cand in candidates:
                if len([c for c in cases if c.story == folder.name and c.kind == kind]) >= per_kind_per_story:
                    break
                m = cand.mention
                fact = (m.key, m.text) if kind != "quote" else m.key
                sent = (m.file, index[m.file].sentence_span(m.start))
                if fact in used_keys or sent in used_sentences:
                    continue
                new = cand.make(rng)
                if not new or new == m.text:
                    continue
                used_keys.add(fact)
                used_sentences.add(sent)
                n = sum(1 for c in cases if c.story == folder.name and c.kind == kind) + 1
                cases.append(InjectedCase(
                    id=f"{folder.name[:4]}-{kind}-{n}",
                    kind=kind,
                    story=folder.name,
                    file=m.file,
                    original=m.text,
                    replacement=new,
                    start=m.start,
                    sentence=index[m.file].sentence(m.start).strip(),
                    witness_file=cand.witness.file,
                    witness_text=cand.witness_text or cand.witness.text,
                ))
    return cases


def apply_case(case: InjectedCase, text: str) -> str:
    """The edited article text; raises if the span is not where the case says (stale data)."""
    end = case.start + len(case.original)
    if text[case.start:end] != case.original:
        raise ValueError(f"{case.id}: {case.original!r} not at {case.start} in {case.file}")
    return text[:case.start] + case.replacement + text[end:]


def write_case(case: InjectedCase, root: Path, out: Path) -> Path:
    """Copy the story folder to ``out/<case.id>/`` with the one edit applied (the other files
    byte-identical copies) and return that folder, one story per folder for
    ``factcheck check --story-per-folder``."""
    source = Path(root) / case.story
    target = Path(out) / case.id
    shutil.copytree(source, target, dirs_exist_ok=True)
    text = (source / case.file).read_bytes().decode("utf-8")
    (target / case.file).write_bytes(apply_case(case, text).encode("utf-8"))
    return target


def witness_sentence(case: InjectedCase, root: Path) -> str:
    """The witness article's sentence holding ``witness_text`` (first occurrence), for review."""
    article = next(a for a in _load_story(Path(root) / case.story) if a.name == case.witness_file)
    pos = article.text.find(case.witness_text)
    return article.sentence(pos).strip() if pos >= 0 else ""


def _verify(case: InjectedCase, root: Path, folder: Path) -> None:
    """The written story differs from the original only at the case's span."""
    for path in sorted((Path(root) / case.story).iterdir()):
        a, b = path.read_bytes(), (folder / path.name).read_bytes()
        if path.name != case.file:
            assert a == b, (case.id, path.name)
            continue
        ta, tb = a.decode("utf-8"), b.decode("utf-8")
        s, d = case.start, len(case.replacement) - len(case.original)
        assert ta[:s] == tb[:s] and ta[s + len(case.original):] == tb[s + len(case.replacement):], case.id
        assert tb[s:s + len(case.replacement)] == case.replacement and ta != tb and len(tb) == len(ta) + d


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per-kind-per-story", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write every case folder here and verify it")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per kind")
    args = parser.parse_args(argv)

    cases = injected_cases(args.root, args.seed, args.per_kind_per_story)
    by_kind = Counter(c.kind for c in cases)
    by_half = Counter((c.kind, story_half(c.story)) for c in cases)
    stories = len([p for p in args.root.iterdir() if p.is_dir()])
    print(f"{len(cases)} cases from {len({c.story for c in cases})} of {stories} stories (seed {args.seed})")
    print(f"{'kind':<12}{'total':>7}{'fit':>7}{'held-out':>10}")
    for kind in KINDS:
        print(f"{kind:<12}{by_kind[kind]:>7}{by_half[kind, 'fit']:>7}{by_half[kind, 'held-out']:>10}")
    halves = Counter(story_half(c.story) for c in cases)
    print(f"{'all':<12}{len(cases):>7}{halves['fit']:>7}{halves['held-out']:>10}")

    if args.out:
        for case in cases:
            _verify(case, args.root, write_case(case, args.root, args.out))
        print(f"\nwrote and verified {len(cases)} case folders under {args.out}")

    for kind in KINDS:
        print(f"\n=== {kind}")
        for case in [c for c in cases if c.kind == kind][: args.examples]:
            print(f"[{case.id}] {case.file}: {case.original!r} -> {case.replacement!r} @ {case.start}")
            print(f"   edited : {case.sentence}")
            print(f"   witness: {case.witness_file}: {case.witness_text!r}")
            print(f"            {witness_sentence(case, args.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
