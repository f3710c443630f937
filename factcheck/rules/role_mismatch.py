"""role-mismatch: the same person given incompatible roles or titles.

What it catches
    "cabinet member for children's services" against "cabinet member for adult social
    care"; "leader" against "deputy leader"; "corporate director" against "chief executive".

How it decides
    Roles come from extraction (a title beside the name, before or after it) and are
    compared per person across the story, as word sets without articles, possessives
    ("the council's") and words that say when ("new", "incoming"). Past roles ("former",
    "ex-") are never compared with present ones: both can be true.

    * Rank words count only between two forms of one post ("director" / "deputy director");
      "deputy chief of staff" and "spokesman" are two jobs one person can hold.
    * One role is the other with words left out ("interim director" / "interim corporate
      director"): a shorter form of one title, not reported, unless a left-out word changes
      rank ("deputy", "assistant", "vice", "acting", "shadow"): high.
    * Same kind of post (the same head word: "member", "director") with a different remit
      ("for children's services" / "for adult social care"; a different proper name, or
      mostly different words, since "troubled start-up" / "distressed start-up" is only a
      rewording): high. Both roles must state their remit the same way: after the post ("of
      ...", "for ...") or, for officers, secretaries, ministers, commissioners and attorneys,
      before it ("chief financial officer", "interior minister"); "armed forces chief" and
      "chief of defence staff" say one post two ways, "war reporter" and "freelance
      reporter" describe one reporter.
    * Different senior posts ("corporate director" / "chief executive"; abbreviations such as
      "CEO" are spelt out first): medium. "Chief", "leader", "head" and "boss" are what
      copy calls any senior post, so they never make a second one. Other pairs
      of different posts are not reported: people hold several ("councillor" and "cabinet
      member").

Example
    Cllr Liz Parsons, cabinet member for children's services, said ...
    Cllr Liz Parsons, cabinet member for adult social care, said ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import combinations

from factcheck.records import Claim, Evidence, Finding, Mention, PersonMention
from factcheck.rules.base import Parameter, StoryContext, finding

CODE = "FC401"
NAME = "role-mismatch"
SUMMARY = "The same person given incompatible roles or titles"
SEVERITY = "high"
PARAMETERS: dict[str, Parameter] = {}
MAX_ROLES_COMPARED = 32  # distinct titles of one person; no real story gives anyone more

IGNORED = frozenset("a an the of for and its their his her new newly incoming current appointed named its city's council's authority's local".split())
PAST = frozenset({"former", "ex", "then", "previous", "retired", "outgoing"})
RANKS = frozenset({"deputy", "assistant", "vice", "acting", "shadow", "associate", "junior"})
SENIOR_POSTS = frozenset("director executive leader chair chairman chairwoman mayor minister secretary commissioner president ceo head governor".split())
ABBREVIATIONS = {
    "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "md": "managing director", "pm": "prime minister",
}
GENERIC_POSTS = frozenset("chief leader head boss".split())
REMIT_BEFORE_POSTS = frozenset("officer secretary minister commissioner attorney".split())
REMIT = re.compile(r"\b(?:for|of)\b\s+(.*)$")
REMIT_OVERLAP = 0.5


def role_words(role: str) -> list[str]:
    """A role's words without the ones that do not change the post; "CEO" is spelt out."""
    words = re.findall(r"[a-z]+(?:['’][a-z]+)?", role.lower().replace("-", " "))
    spelt = [part for word in words for part in ABBREVIATIONS.get(word, word).split()]
    return [word for word in spelt if word not in IGNORED and not word.endswith(("'s", "’s"))]


def head(role: str) -> str | None:
    """The post itself: the last word before "of"/"for" ("member" of "cabinet member for ...")."""
    words = role_words(REMIT.sub("", role.lower()).strip())
    return words[-1] if words else None


def compare(first: str, second: str) -> tuple[str, str] | None:
    """(severity, why) when two roles of one person cannot both be right, else None."""
    a, b = role_words(first), role_words(second)
    if not a or not b or set(a) == set(b) or PAST & (set(a) | set(b)):
        return None
    shorter, longer = (set(a), set(b)) if len(set(a)) <= len(set(b)) else (set(b), set(a))
    if shorter < longer:
        return ("high", "a different rank") if (longer - shorter) & RANKS else None
    same_post = head(first) is not None and head(first) == head(second)
    if same_post and (set(a) ^ set(b)) & RANKS:
        return "high", "a different rank"
    if same_post:
        return ("high", "the same post with a different remit") if _different_remits(first, second) else None
    if _distinct_senior_posts(first, second):
        return "medium", "different senior posts"
    return None


def _different_remits(first: str, second: str) -> bool:
    """Remits that name different things: a changed proper name ("Eastern District" /
    "Southern District"), or common words mostly not shared ("children's services" / "adult
    social care"). "troubled start-up" against "distressed start-up" is a rewording."""
    remits = [REMIT.search(role) for role in (first, second)]
    if not all(remits):
        return not any(remits) and _different_modifiers(first, second)
    words = [set(re.findall(r"[\w’'-]+", remit.group(1))) for remit in remits]
    changed = words[0] ^ words[1]
    if any(word[:1].isupper() for word in changed):
        return True
    lower = [{word.lower() for word in side} for side in words]
    union = lower[0] | lower[1]
    return not union or len(lower[0] & lower[1]) < REMIT_OVERLAP * len(union)


def _different_modifiers(first: str, second: str) -> bool:
    """For posts whose remit is written before them ("chief financial officer", "foreign
    secretary", "interior minister"): different words there are different posts. For
    other posts they describe ("war reporter" / "freelance reporter")."""
    if head(first) not in REMIT_BEFORE_POSTS:
        return False
    a, b = (set(role_words(role)) - RANKS - {"chief"} for role in (first, second))
    return bool(a - b) and bool(b - a)


def _distinct_senior_posts(first: str, second: str) -> bool:
    """Two named senior posts ("corporate director" / "chief executive"). "Chief", "leader",
    "head" and "boss" are what copy calls any of them, so they are never a second post."""
    heads = head(first), head(second)
    if not all(heads) or any(post in GENERIC_POSTS for post in heads):
        return False
    if heads[0] in role_words(second) or heads[1] in role_words(first):
        return False
    return all(post in SENIOR_POSTS for post in heads)


def role_span(claim: Claim, mention: PersonMention) -> Mention:
    sentence = claim.sentence
    at = sentence.text.find(mention.role or "")
    if mention.role and at >= 0:
        return Mention(mention.role, sentence.start + at, sentence.start + at + len(mention.role))
    return mention


def check(story: StoryContext, parameters: Mapping[str, float]) -> Iterable[Finding]:
    for person in story.people:
        seen: dict[frozenset[str], tuple[Claim, PersonMention]] = {}
        for claim, mention in person.mentions:
            if mention.role:
                seen.setdefault(frozenset(role_words(mention.role)), (claim, mention))
        for (claim_a, mention_a), (claim_b, mention_b) in combinations(list(seen.values())[:MAX_ROLES_COMPARED], 2):
            verdict = compare(mention_a.role or "", mention_b.role or "")
            if verdict is None:
                continue
            severity, why = verdict
            message = f"{person.name} is “{mention_a.role}” in one place and “{mention_b.role}” in another ({why})."
            evidence = [Evidence.of(claim_a.sentence, role_span(claim_a, mention_a)), Evidence.of(claim_b.sentence, role_span(claim_b, mention_b))]
            yield finding(NAME, story.name, severity, {"high": 0.9, "medium": 0.7, "low": 0.5}[severity], message, evidence)
