"""The conflict rules, by name: a registry, so adding a rule is adding a module to RULE_MODULES."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from factcheck.lexicon import HONORIFICS
from factcheck.records import Finding, Severity
from factcheck.rules import (
    date_mismatch,
    entity_mismatch,
    house_style,
    name_variant,
    negation_conflict,
    number_mismatch,
    quote_attribution,
    quote_mismatch,
    role_mismatch,
    status_mismatch,
)
from factcheck.records import SEVERITIES
from factcheck.rules.base import Parameter, Rule, StoryContext, registry

RULE_MODULES = (
    name_variant,
    number_mismatch,
    date_mismatch,
    role_mismatch,
    status_mismatch,
    quote_mismatch,
    quote_attribution,
    negation_conflict,
    entity_mismatch,
    house_style,
)
RULES: dict[str, Rule] = registry(RULE_MODULES)


def find_rule(name_or_code: str) -> Rule | None:
    """A rule by its name ("name-variant") or code ("FC101"), case-insensitive."""
    wanted = name_or_code.strip().lower()
    return next((rule for rule in RULES.values() if wanted in (rule.name, rule.code.lower())), None)


def rule_code(name: str) -> str:
    """A rule's stable code (FC101) from its name; "" for a name no rule has."""
    rule = RULES.get(name)
    return rule.code if rule else ""


def run_rules(story: StoryContext, enabled: list[str], parameters: Mapping[str, Mapping[str, float]]) -> list[Finding]:
    """Candidate findings of the enabled rules, each with the rule's own severity."""
    findings: list[Finding] = []
    for name in enabled:
        rule = RULES[name]
        findings.extend(rule.check(story, {**rule.parameters, **parameters.get(name, {})}))
    return findings


def with_configured_severity(findings: list[Finding], severities: Mapping[str, str]) -> list[Finding]:
    """A severity set for a rule in the settings wins over the decided one."""
    return [replace(found, severity=Severity(severities[found.rule])) if found.rule in severities else found for found in findings]


def without_accepted(findings: list[Finding], accepted: list[frozenset[str]]) -> list[Finding]:
    """Findings less those whose conflicting words are all one accepted group of variants
    ("Jenny Turnross" / "Jen Turnross"): the style sheet says they may differ."""
    if not accepted:
        return findings
    return [found for found in findings if not _accepted(found, accepted)]


def _accepted(found: Finding, accepted: list[frozenset[str]]) -> bool:
    spans = {_plain(evidence.span) for evidence in found.evidence if evidence.span.strip()}
    return len(spans) > 1 and any(all(_covered(span, group) for span in spans) for group in accepted)


def _covered(span: str, group: frozenset[str]) -> bool:
    """In the group, or a surname alone ("Ms Turnbull") of a name in it."""
    return span in group or (" " not in span and any(wording.split()[-1] == span for wording in group))


def _plain(wording: str) -> str:
    """Case-folded, without a leading honorific: "Ms Turnbull" is accepted as "Turnbull"."""
    words = wording.casefold().replace(".", "").split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in HONORIFICS else words)


def accepted_groups(groups: list[list[str]]) -> list[frozenset[str]]:
    return [frozenset(_plain(wording) for wording in group) for group in groups]


__all__ = [
    "RULES", "SEVERITIES", "Parameter", "Rule", "Severity", "StoryContext", "accepted_groups", "find_rule", "run_rules", "with_configured_severity",
    "without_accepted",
]
