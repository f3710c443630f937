"""Each rule's docs page ends on an Example: two lines from two drafts. The example must be
a finding of that rule, or the docs would show something the rule does not do."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import extracted_story

from factcheck.records import ListedPerson
from factcheck.rules import RULES

STYLE_SHEET = re.compile(r'Style sheet: name = "(?P<name>[^"]+)", role = "(?P<role>[^"]+)"')


def example_of(docs: str) -> list[str]:
    match = re.search(r"^Example\n((?:    .*\n?)+)", docs, re.M)
    assert match, "no Example section"
    return [line.strip() for line in match.group(1).splitlines() if line.strip()]


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_docs_example_is_a_finding_of_that_rule(name):
    rule = RULES[name]
    lines = example_of(rule.docs)
    style = tuple(ListedPerson(m["name"], m["role"]) for m in map(STYLE_SHEET.match, lines) if m)
    drafts = [line.removeprefix("Draft: ") for line in lines if not STYLE_SHEET.match(line)]
    story = extracted_story({f"{chr(97 + n)}.txt": line for n, line in enumerate(drafts)})
    found = list(rule.check(replace(story, style=style) if style else story, rule.parameters))
    assert found, f"{rule.code} {name}: its Example makes no finding"
