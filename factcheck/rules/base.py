"""What every rule sees and returns.

A rule is a module with CODE, NAME, SUMMARY, SEVERITY, PARAMETERS (each a typed Parameter with
the range a setting may take), a docstring that is its docs page, and
``check(story, parameters) -> Iterable[Finding]``. Rules never read files: everything they know
arrives in a StoryContext.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from types import ModuleType

import numpy as np

from factcheck.cluster.people import Person
from factcheck.parameters import Parameter
from factcheck.records import Claim, Evidence, Finding, ListedPerson, Severity

LEXICAL_OVERLAP = 0.5
MIN_DISTINCTIVE_COUNT = 10
# Sentences sharing one word or count that are paired through it; more is site furniture,
# or a draft repeating itself, and would make pairing quadratic in the story's length.
MAX_SHARED_ROWS = 200
STOPWORDS = frozenset(
    """the and for that with was were are has have had this from which who their they them its
    but not been will would said says also into over than then there when what about after""".split()
)


def sharing_pairs(sets: Iterable[frozenset], max_rows: int = MAX_SHARED_ROWS) -> dict[tuple[int, int], tuple[int, int]]:
    """(first, second) -> (items in common, items in either) for every pair of sets sharing
    an item held by at most `max_rows` sets. Sparse products, so cost follows the overlaps,
    not the pairs; the bound keeps a word or count repeated all over a story (or a draft made
    of one sentence over and over) from pairing every sentence with every other."""
    from scipy.sparse import csr_matrix

    sets = list(sets)
    rows, columns, index = [], [], {}
    for row, items in enumerate(sets):
        for item in items:
            rows.append(row)
            columns.append(index.setdefault(item, len(index)))
    if not index:
        return {}
    matrix = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)), shape=(len(sets), len(index)))
    held_by = np.asarray(matrix.sum(axis=0)).ravel()
    rare = matrix[:, np.flatnonzero(held_by <= max_rows)]
    candidates = (rare @ rare.T).tocoo()
    keep = candidates.row < candidates.col
    first, second = candidates.row[keep], candidates.col[keep]
    if not len(first):
        return {}
    common = np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    return {
        (int(a), int(b)): (int(shared), int(sizes[a] + sizes[b] - shared))
        for a, b, shared in zip(first, second, common)
    }


def distinctive_counts(claim: Claim) -> frozenset[tuple]:
    """Counts specific enough to name one fact: ratios, and counts of ten or more of a named
    thing. "Two people" is said of many things; "four out of five areas" of one."""
    keys = set()
    for quantity in claim.quantities:
        if quantity.of_total is not None:
            keys.add(("ratio", quantity.value, quantity.of_total))
        elif quantity.thing and quantity.value >= MIN_DISTINCTIVE_COUNT:
            keys.add((quantity.thing, quantity.value, quantity.unit))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in re.findall(r"[a-z0-9]+", text.lower()) if len(word) > 2 and word not in STOPWORDS)


@dataclass
class StoryContext:
    """One story's claims with their vectors, sentence clusters and people."""

    name: str
    claims: list[Claim]
    vectors: np.ndarray
    clusters: list[list[int]]
    people: list[Person]
    # The house style sheet's people: the spelling and titles the drafts should use.
    style: tuple[ListedPerson, ...] = ()
    _rows: dict[int, int] = field(init=False, repr=False)
    _linked: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    # Results several rules share within one story, by what was asked.
    memo: dict[tuple, object] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._rows = {id(claim): row for row, claim in enumerate(self.claims)}

    def linked_pairs(self) -> list[tuple[int, int]]:
        """Pairs of different sentences that report one fact whatever their vectors say: they
        share most of their content words (Jaccard at least LEXICAL_OVERLAP), or they state
        the same distinctive count ("four out of five", "346 children"). Vectors move when one
        word changes ("rated inadequate" / "rated good"), which can split the very sentences
        that conflict into two clusters."""
        if self._linked is None:
            texts = [claim.sentence.text for claim in self.claims]
            shared_words = sharing_pairs(content_words(text) for text in texts)
            shared_counts = sharing_pairs(distinctive_counts(claim) for claim in self.claims)
            worded = {pair for pair, (common, union) in shared_words.items() if common >= LEXICAL_OVERLAP * union}
            self._linked = sorted(pair for pair in worded | shared_counts.keys() if texts[pair[0]] != texts[pair[1]])
        return self._linked

    def similarity(self, first: Claim, second: Claim) -> float:
        """Cosine similarity of two claims' sentences (vectors are L2-normalised)."""
        return float(self.vectors[self._rows[id(first)]] @ self.vectors[self._rows[id(second)]])


Check = Callable[[StoryContext, Mapping[str, float]], Iterable[Finding]]


class RegistryError(ValueError):
    """Two rules claim one name or code."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    declared: Mapping[str, Parameter]
    docs: str
    check: Check

    @property
    def parameters(self) -> dict[str, float]:
        """The defaults, as `check` takes them."""
        return {name: parameter.default for name, parameter in self.declared.items()}

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            summary=module.SUMMARY,
            severity=Severity(module.SEVERITY),
            declared=dict(module.PARAMETERS),
            docs=(module.__doc__ or "").strip(),
            check=module.check,
        )


def registry(modules: Iterable[ModuleType]) -> dict[str, Rule]:
    """Rules by name; a second rule with a name or code already taken is refused."""
    rules: dict[str, Rule] = {}
    codes: set[str] = set()
    for rule in map(Rule.from_module, modules):
        if rule.name in rules or rule.code in codes:
            raise RegistryError(f"rule {rule.code} {rule.name}: name or code already registered")
        rules[rule.name] = rule
        codes.add(rule.code)
    return rules


def finding(
    rule: str, story: str, severity: str, confidence: float, message: str, evidence: Iterable[Evidence]
) -> Finding:
    """A Finding whose id is a fingerprint of what it says, so the same drafts give the same
    id on every run and machine (baselines and 'already reported' marks rely on it). Only
    file names enter it, not folders: the same drafts checked from another folder, another
    working directory or another machine keep their ids."""
    evidence = tuple(evidence)
    fingerprint = "\x1f".join(
        [rule] + [f"{PurePath(item.article).name}\x1e{item.sentence}\x1e{item.span}" for item in evidence]
    )
    digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()[:12]
    return Finding(
        rule=rule,
        severity=Severity(severity),
        confidence=round(min(max(confidence, 0.0), 1.0), 3),
        story=story,
        message=message,
        evidence=evidence,
        id=f"{rule}-{digest}",
    )
