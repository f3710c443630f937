"""role-mismatch: the same person given incompatible roles or titles.

What it catches
    "cabinet member for children's services" against "cabinet member for adult social
    care"; "leader" against "deputy leader"; "corporate director" against "chief executive".

How it decides
    Roles come from extraction (a title beside the name, before or after it) and are
    compared per person across the story, as word sets without articles, possessives
    ("the council's") and words that say when ("new", "incoming"). Past roles ("former",
    "ex-") are never compared with present ones: both can be true.

    * One role is the other with words left out ("interim director" / "interim corporate
      director"): a shorter form, low severity, unless a left-out word changes rank
      ("deputy", "assistant", "vice", "acting", "shadow"): high.
    * Same kind of post (the same head word: "member", "director") with a different remit
      ("for children's services" / "for adult social care"): high.
    * Different senior posts ("corporate director" / "chief executive"): medium. Other pairs
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
from factcheck.rules.base import StoryContext, finding

CODE = "FC401"
NAME = "role-mismatch"
SUMMARY = "The same person given incompatible roles or titles"
SEVERITY = "high"
PARAMETERS: dict[str, float] = {}

IGNORED = frozenset("a an the of for and its their his her new newly incoming current appointed named its city's council's authority's local".split())
PAST = frozenset({"former", "ex", "then", "previous", "retired", "outgoing"})
RANKS = frozenset({"deputy", "assistant", "vice", "acting", "shadow", "associate", "junior"})
SENIOR_POSTS = frozenset("director executive leader chair chairman chairwoman mayor minister secretary commissioner president ceo head governor".split())
REMIT = re.compile(r"\b(?:for|of)\b\s+(.*)$")


def role_words(role: str) -> list[str]:
    words = re.findall(r"[a-z]+(?:['’][a-z]+)?", role.lower().replace("-", " "))
    return [word for word in words if word not in IGNORED and not word.endswith(("'s", "’s"))]


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
        if (longer - shorter) & RANKS:
            return "high", "a different rank"
        return "low", "a shorter form of the title"
    if (set(a) ^ set(b)) & RANKS:
        return "high", "a different rank"
    if head(first) and head(first) == head(second):
        return "high", "the same post with a different remit"
    if head(first) in SENIOR_POSTS and head(second) in SENIOR_POSTS:
        return "medium", "different senior posts"
    return None


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
        for (claim_a, mention_a), (claim_b, mention_b) in combinations(seen.values(), 2):
            verdict = compare(mention_a.role or "", mention_b.role or "")
            if verdict is None:
                continue
            severity, why = verdict
            message = f"{person.name} is “{mention_a.role}” in one place and “{mention_b.role}” in another ({why})."
            evidence = [Evidence.of(claim_a.sentence, role_span(claim_a, mention_a)), Evidence.of(claim_b.sentence, role_span(claim_b, mention_b))]
            yield finding(NAME, story.name, severity, {"high": 0.9, "medium": 0.7, "low": 0.5}[severity], message, evidence)
