import pytest
from conftest import findings_of

from factcheck.rules.role_mismatch import compare


def test_the_same_post_with_a_different_remit_is_high():
    texts = {
        "a.txt": "Cllr Liz Parsons, cabinet member for children's services, said the plan was ready.",
        "b.txt": "Cllr Liz Parsons, cabinet member for adult social care, spoke at the meeting.",
    }
    (found,) = findings_of("role-mismatch", texts)
    assert found.severity == "high" and "Liz Parsons" in found.message
    assert [e.span for e in found.evidence] == ["cabinet member for children's services", "cabinet member for adult social care"]


@pytest.mark.parametrize(
    "first, second, severity",
    [
        ("leader of the council", "deputy leader of the council", "high"),
        ("corporate director", "chief executive", "medium"),
        ("CEO", "chief financial officer", "high"),
        ("U.S. Attorney for the Eastern District", "U.S. Attorney for the Southern District", "high"),
    ],
)
def test_rank_changes_senior_posts_and_shorter_forms(first, second, severity):
    assert compare(first, second)[0] == severity


@pytest.mark.parametrize(
    "first, second",
    [
        ("council leader", "leader of the council"),
        ("former cabinet member for children's services", "councillor"),
        ("councillor", "cabinet member for children's services"),
        ("the council's new corporate director", "corporate director"),
        ("interim corporate director", "interim director"),
        ("founder of the troubled digital start-up", "founder of the distressed digital start-up"),
    ],
)
def test_compatible_roles_are_not_findings(first, second):
    assert compare(first, second) is None


@pytest.mark.parametrize(
    "first, second",
    [
        ("armed forces chief", "chief of defence staff"),
        ("war reporter", "freelance reporter"),
        ("deputy chief of staff", "spokesman"),
        ("chief", "group leader"),
        ("CEO", "chief executive and a founder of GlobalPost"),
    ],
)
def test_one_post_said_two_ways_or_two_jobs_one_person_holds_are_not_flagged(first, second):
    assert compare(first, second) is None
