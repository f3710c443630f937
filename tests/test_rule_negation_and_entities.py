import pytest
from conftest import findings_of

MADE = "Mr Jones said additional investment had been made to strengthen the service."


def test_an_added_negation_is_a_conflict():
    (found,) = findings_of("negation-conflict", {"a.txt": MADE, "b.txt": MADE.replace("had been", "had not been")})
    assert found.severity == "high" and [e.span for e in found.evidence][1] == "not"
    assert found.message.endswith("the second has “not”, the first does not.") and "nothing" not in found.message


@pytest.mark.parametrize("first, second", [("had", "hadn't"), ("rose", "fell"), ("praised", "criticised")])
def test_contractions_and_antonyms(first, second):
    text = f"The number of children in care {first} sharply, inspectors said in their report on Liverpool."
    assert len(findings_of("negation-conflict", {"a.txt": text, "b.txt": text.replace(f" {first} ", f" {second} ")})) == 1


def test_rewording_that_keeps_the_sense_is_no_conflict():
    assert findings_of("negation-conflict", {"a.txt": MADE, "b.txt": MADE.replace("additional", "extra")}) == []


def test_a_different_body_in_the_same_slot_is_an_entity_mismatch():
    text = "Jenny Turnross was appointed by the council as corporate director in May."
    (found,) = findings_of("entity-mismatch", {"a.txt": text, "b.txt": text.replace("the council", "the government")})
    assert [e.span for e in found.evidence] == ["council", "government"]


def test_a_different_organisation_name_is_an_entity_mismatch():
    text = "Ms Turnross joins the city from Birmingham Children's Trust where she is director of practice."
    (found,) = findings_of("entity-mismatch", {"a.txt": text, "b.txt": text.replace("Birmingham", "Manchester")})
    assert "Birmingham" in found.message and "Manchester" in found.message


def test_spelling_variants_numbers_and_plain_words_are_left_to_other_rules():
    text = "Cllr Liz Parsons said the council had appointed 346 new foster carers this year."
    for changed in (text.replace("Parsons", "Parson"), text.replace("346", "364"), text.replace("new", "extra")):
        assert findings_of("entity-mismatch", {"a.txt": text, "b.txt": changed}) == []



@pytest.mark.parametrize(
    "first, second", [("the U.S.", "the US"), ("Homeland Security", "DHS"), ("the Islamic State", "ISIL"), ("Father", "Rev")]
)
def test_two_names_of_one_body_or_title_are_no_entity_conflict(first, second):
    text = "Officials at {} said on Monday that the fighters had not crossed the southern border."
    assert findings_of("entity-mismatch", {"a.txt": text.format(first), "b.txt": text.format(second)}) == []


def test_two_mentions_of_one_story_person_are_no_entity_conflict():
    texts = {
        "a.txt": "Jess Smith, a student from Kent, was the sun baby.\nJess told the newspaper that her mother was really chuffed.",
        "b.txt": "Jess Smith, a student from Kent, was the sun baby.\nMiss Smith told the newspaper that her mother was really chuffed.",
    }
    assert findings_of("entity-mismatch", texts) == []


def test_an_entity_message_shows_the_name_a_changed_small_word_sits_in():
    text = "The grant was approved by the Department of Education on Monday after a long review of the bid."
    (found,) = findings_of("entity-mismatch", {"a.txt": text, "b.txt": text.replace(" of Education", " for Education")})
    assert "“Department of Education” vs “Department for Education”" in found.message
