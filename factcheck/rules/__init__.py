"""The conflict rules, by name: a registry, so adding a rule is adding a module to RULE_MODULES."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from factcheck.records import Finding
from factcheck.rules import (
    date_mismatch,
    entity_mismatch,
    name_variant,
    negation_conflict,
    number_mismatch,
    quote_attribution,
    quote_mismatch,
    role_mismatch,
    status_mismatch,
)
from factcheck.rules.base import SEVERITIES, Rule, StoryContext

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
)
RULES: dict[str, Rule] = {rule.name: rule for rule in map(Rule.from_module, RULE_MODULES)}


def find_rule(name_or_code: str) -> Rule | None:
    """A rule by its name ("name-variant") or code ("FC101"), case-insensitive."""
    wanted = name_or_code.strip().lower()
    return next((rule for rule in RULES.values() if wanted in (rule.name, rule.code.lower())), None)


def run_rules(
    story: StoryContext,
    enabled: list[str],
    severities: Mapping[str, str],
    parameters: Mapping[str, Mapping[str, float]],
) -> list[Finding]:
    """Findings of the enabled rules, with any configured severity in place of the rule's own."""
    findings: list[Finding] = []
    for name in enabled:
        rule = RULES[name]
        for found in rule.check(story, {**rule.parameters, **parameters.get(name, {})}):
            findings.append(replace(found, severity=severities[name]) if name in severities else found)
    return findings


__all__ = ["RULES", "SEVERITIES", "Rule", "StoryContext", "find_rule", "run_rules"]
