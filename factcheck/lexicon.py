"""Word lists that several stages share, declared once.

A list that two modules each keep drifts: one learns "Sept", the other does not. So the
calendar, speech verbs, honorifics and the words that decide what a difference means
(function words, contractions, spelling variants, aliases of one body) live here and nowhere
else.
"""

from __future__ import annotations

import re

# The calendar, as copy writes it: full names; three letters (and "Sept") abbreviate a month.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
# "Jan", "January", "Sept", "September": any month as a regular expression, case as written.
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY_PATTERN = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"

# Verbs that attribute words to a speaker; the first few also introduce a name ("said X").
SPEECH_VERBS = (
    "said", "says", "say", "added", "adds", "told", "tells", "explained", "explains", "warned", "warns", "stated",
    "states", "wrote", "writes", "commented", "insisted", "insists", "admitted", "admits", "claimed", "claims",
    "continued", "argued", "argues", "replied", "responded", "asked", "declared", "announced", "tweeted", "posted",
    "according to",
)
NAMING_SPEECH_VERBS = ("said", "says", "told", "added", "according to")

# Honorific -> grammatical gender it implies ("" when it implies none).
HONORIFICS: dict[str, str] = {
    "mr": "m", "sir": "m", "lord": "m", "baron": "m",
    "ms": "f", "mrs": "f", "miss": "f", "dame": "f", "lady": "f", "baroness": "f",
    "mx": "", "cllr": "", "councillor": "", "dr": "", "prof": "", "professor": "",
    "rev": "", "revd": "", "det": "", "insp": "", "sgt": "", "supt": "", "pc": "",
    "judge": "", "capt": "", "col": "", "gen": "", "lt": "", "dci": "", "ds": "", "di": "",
}

# Words that carry grammar, not facts: a quotation that differs only in these says the same.
FUNCTION_WORDS = frozenset(
    """a an the and or but so of to in on at by for from with as into onto about over under than then
    that this these those there here it its it's is are was were be been being am do does did done
    have has had having will would shall should can could may might must i you he she we they me him
    her us them my your his our their mine yours ours theirs who whom which what when where how why
    just very really also too even only still yet well oh ah uh um like up out off again some any
    all each every both either neither one ones if because while though although whether""".split()
)

# Negations are never cosmetic, whatever list they might otherwise fall in.
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nothing", "nobody", "neither", "cannot"})

CONTRACTIONS = {
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not", "ain't": "is not",
    "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would", "'s": " is",
}
_CONTRACTED = re.compile(r"(can't|cannot|won't|shan't|ain't|n't|'re|'ve|'ll|'m|'d|'s)\b")

# Spellings of one word on either side of the Atlantic, by their regular endings.
_SPELLING_ENDINGS = (
    (re.compile(r"(\w{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),  # harbour, colour, favourite (not four, your)
    (re.compile(r"(\w{2,})is(e|es|ed|ing|ation|ations)$"), r"\1iz\2"),  # organise, organisation
    (re.compile(r"(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse
    (re.compile(r"(\w{3,})tre(s)?$"), r"\1ter\2"),  # centre, theatre
    (re.compile(r"(\w{2,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled, cancelling
    (re.compile(r"(\w{2,})ogue(s)?$"), r"\1og\2"),  # catalogue
    (re.compile(r"(\w{2,})ence$"), r"\1ense"),  # defence, licence
)
_ABBREVIATIONS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december", "mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint", "gov": "governor",
    "govt": "government", "dept": "department", "u.s": "us", "u.k": "uk", "u.n": "un", "okay": "ok",
    "percent": "%", "per cent": "%", "towards": "toward", "amongst": "among", "whilst": "while",
    "upon": "on", "gonna": "going to", "wanna": "want to", "gotta": "got to", "till": "until",
}
_NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}

# Things measured rather than counted: copy rounds them ("40 feet" for 12 metres = 39 feet).
MEASURES = frozenset(
    """foot feet inch inches metre metres meter meters kilometre kilometres kilometer kilometers
    mile miles yard yards pound pounds ounce ounces gram grams kilogram kilograms kilo kilos ton
    tons tonne tonnes litre litres liter liters gallon gallons degree degrees acre acres hectare
    hectares""".split()
)

# Nouns the reports count, where English does not just add "s".
IRREGULAR_PLURALS = {"story": "stories", "speech": "speeches", "header or footer": "headers or footers", "text box": "text boxes"}


def counted(count: int, noun: str) -> str:
    """ "1 article", "2 stories": every count a person reads goes through here."""
    return f"{count} {noun if count == 1 else IRREGULAR_PLURALS.get(noun, noun + 's')}"


def folded_words(text: str) -> list[str]:
    """The words of `text` in one spelling: typographic quotes and dashes plain, contractions
    expanded, British and American spellings, month abbreviations and small number words
    made one form, hyphens inside words dropped, brackets, ellipses and [sic] gone. Two quotations whose folded words are
    equal say the same thing in print."""
    plain = text.lower().replace("’", "'").replace("‘", "'").replace("…", " ")
    plain = re.sub(r"\[sic\]", " ", plain)
    plain = _CONTRACTED.sub(lambda match: CONTRACTIONS[match.group(1)], plain)
    plain = plain.replace("per cent", "%").replace("percent", "%")
    plain = re.sub(r"(?<=[a-z])-(?=[a-z])", "", plain)  # micro-chipped / microchipped
    words = re.findall(r"[\w%]+(?:\.[\w]+)*", plain)
    return [part for word in words for part in fold_word(word).split()]


def fold_word(word: str) -> str:
    """One word's spelling-neutral form (see folded_words)."""
    word = _ABBREVIATIONS.get(word, word)
    word = _NUMBER_WORDS.get(word, word)
    for pattern, replacement in _SPELLING_ENDINGS:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word


def censored_match(first: str, second: str) -> bool:
    """"f***ing" / "f**king" / "fucking": a word with asterisks stands for any word that
    fills them (two censored words, for any word that fits both's first letter)."""
    starred = [word for word in (first, second) if "*" in word]
    if not starred or first[:1].lower() != second[:1].lower():
        return False
    if len(starred) == 2:
        return True
    pattern, other = (first, second) if "*" in first else (second, first)
    return re.fullmatch(re.escape(pattern.lower()).replace(r"\*", "[a-z]*"), other.lower()) is not None


def same_word_family(first: str, second: str) -> bool:
    """"operation" / "operations", "complacent" / "complacency": one word inflected or
    derived, which a second reporter's transcript changes without changing what was said."""
    shortest = min(len(first), len(second))
    common = len(next((first[:n] for n in range(shortest, 0, -1) if first[:n] == second[:n]), ""))
    return common >= max(4, shortest - 2) or (common >= 6 and common >= shortest - 3)


def is_number(word: str) -> bool:
    return any(c.isdigit() for c in word)


def carries_meaning(word: str) -> bool:
    """Whether a (folded) word can change what a sentence says: a negation, a number or a
    content word; not a function word."""
    return word in NEGATIONS or is_number(word) or word not in FUNCTION_WORDS


# Names of one body or place that copy uses interchangeably; a swap among them is style.
ALIASES = (
    frozenset({"isis", "isil", "is", "islamic state", "daesh", "the islamic state"}),
    frozenset({"us", "usa", "united states", "america", "united states of america"}),
    frozenset({"uk", "britain", "great britain", "united kingdom"}),
    frozenset({"un", "united nations"}),
    frozenset({"eu", "european union"}),
    frozenset({"who", "world health organization"}),
    frozenset({"nasa"}),
)
TITLES = frozenset("father rev revd reverend pastor mr mrs ms miss dr doctor sir dame lord lady president".split())


def entity_key(text: str) -> str:
    """A name folded for comparison: lower case, no full stops or possessive, one spelling,
    leading "the" dropped ("the U.S.'s" -> "us")."""
    words = folded_words(re.sub(r"['’]s\b", "", text.replace(".", "")))
    while words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def same_entity(first: str, second: str) -> bool:
    """Whether two names can be one body, place or title: equal once folded, one the
    initials of the other ("DHS" / "Department of Homeland Security" or "Homeland
    Security"), in one group of ALIASES, or both only titles ("Father" / "Rev")."""
    a, b = entity_key(first), entity_key(second)
    if not a or not b or a == b:
        return True
    if any(a in group and b in group for group in ALIASES):
        return True
    if set(a.split()) <= TITLES and set(b.split()) <= TITLES:
        return True
    return _initials_of(a, b) or _initials_of(b, a)


def _initials_of(short: str, long: str) -> bool:
    if " " in short or len(short) < 2:
        return False
    initials = "".join(word[0] for word in long.split() if word not in FUNCTION_WORDS)
    return initials == short or (len(short) > 2 and initials.endswith(short[1:]) and len(initials) == len(short) - 1)
