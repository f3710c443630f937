from dataclasses import replace

from conftest import extracted_story

from factcheck.records import ListedPerson
from factcheck.rules import RULES, accepted_groups, without_accepted

TURNROSS = ListedPerson("Jenny Turnross", "corporate director of children's services", ("Jen Turnross",))


def house_style(text: str, *listed: ListedPerson):
    rule = RULES["house-style"]
    story = replace(extracted_story({"draft.txt": text}), style=listed or (TURNROSS,))
    return list(rule.check(story, rule.parameters))


def test_one_draft_that_misspells_a_listed_person_is_flagged():
    (found,) = house_style("Jenny Turnbull, corporate director of children's services, said the plan was ready.")
    assert found.severity == "high" and found.evidence[0].span == "Jenny Turnbull"
    assert "“Jenny Turnross”" in found.message
    (unintroduced,) = house_style("He also made reference to Ms Turnbull starting her role next month.")
    assert unintroduced.severity == "medium"


def test_one_draft_that_gives_a_listed_person_another_post_is_flagged():
    (found,) = house_style("Jenny Turnross, chief executive of the council, said the plan was ready.")
    assert found.evidence[0].span == "chief executive of the council" and "style sheet has" in found.message


def test_the_listed_spelling_aliases_shorter_titles_and_other_people_are_not_flagged():
    assert house_style("Jenny Turnross, corporate director of children's services, said the plan was ready.") == []
    assert house_style("Jenny Turnross, corporate director, said the plan was ready.") == []
    assert house_style("Jen Turnross said the plan was ready.") == []
    assert house_style("Cllr Liz Parsons said the plan was ready.") == []
    assert house_style("Ms Turnbull said the plan was ready.", TURNROSS, ListedPerson("Anne Turnbull")) == []


def test_accepted_variants_drop_findings_whose_conflicting_words_they_cover():
    texts = {
        "a.txt": "Jenny Turnross was named corporate director of children's services by the council.\n",
        "b.txt": "Ms Turnbull will take up her post as corporate director in August, the council said.\n",
    }
    rule = RULES["name-variant"]
    findings = list(rule.check(extracted_story(texts), rule.parameters))
    assert findings
    assert without_accepted(findings, accepted_groups([["Jenny Turnross", "Jenny Turnbull"]])) == []
    assert without_accepted(findings, accepted_groups([["Jenny Turnross", "Jen Turnross"]])) == findings
