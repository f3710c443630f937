from factcheck.rules import RULES
from factcheck.rules.name_variant import check

from conftest import story_context

PARAMETERS = RULES["name-variant"].parameters


def findings_for(texts, **kwargs):
    return list(check(story_context(texts, **kwargs), PARAMETERS))


def test_unintroduced_surname_close_to_an_introduced_person_is_flagged_high():
    (found,) = findings_for(
        {
            "a.txt": "Jenny Turnross had been named as the new corporate director.\n"
            "Ms Turnross joins the city from Birmingham.\n"
            "He also made reference to Ms Turnbull starting her role next month.",
            "b.txt": "Jenny Turnross, corporate director of children's services, spoke.",
        }
    )
    assert found.severity == "high"
    assert "“Ms Turnbull”" in found.message and "“Jenny Turnross”" in found.message
    spans = [item.span for item in found.evidence]
    assert spans[0] == "Ms Turnbull" and "Jenny Turnross" in spans
    assert all(item.sentence[item.span_start - item.start : item.span_end - item.start] == item.span for item in found.evidence)


def test_different_people_sharing_a_given_name_are_not_paired():
    assert findings_for(
        {
            "a.txt": "Cllr Liz Parsons, cabinet member for children's services, gave an update.\n"
            "Cllr Liz Makinson, deputy leader of the Liberal Democrat group, responded.\n"
            "Cllr Makinson said fees had not changed.\nCllr Parsons agreed."
        }
    ) == []


def test_unrelated_names_are_not_paired():
    assert findings_for({"a.txt": "Cllr Liam Robinson wrote a letter.\nIncoming chief executive Andrew Lewis said it was right."}) == []


def test_unintroduced_surname_with_no_close_name_is_left_alone():
    assert findings_for({"a.txt": "Jenny Turnross was named director.\nMr Kushner tweeted."}) == []


def test_honorifics_of_different_gender_are_not_paired():
    assert findings_for({"a.txt": "Jenny Turnross was named director.\nMs Turnross joined.\nMr Turnbull spoke."}) == []


def test_two_close_full_names_with_the_same_role_are_flagged_with_the_spelling_more_articles_use():
    (found,) = findings_for(
        {
            "a.txt": "Jenny Turnross, corporate director of children's services, spoke.\nJenny Turnross added more.",
            "b.txt": "Jenny Turnros, corporate director of children's services, spoke.",
            "c.txt": "Jenny Turnross, corporate director of children's services, agreed.",
        }
    )
    assert "“Jenny Turnros” is probably a misspelling of “Jenny Turnross”" in found.message
    assert "“Jenny Turnross” in 2 articles, “Jenny Turnros” in 1 article: more articles use “Jenny Turnross”" in found.message


def test_mentions_do_not_outvote_articles_and_a_tie_is_called_a_tie():
    (found,) = findings_for(
        {
            "a.txt": "Jenny Turnross, corporate director of children's services, spoke.\nJenny Turnross added more.",
            "b.txt": "Jenny Turnros, corporate director of children's services, spoke.",
        }
    )
    assert "probably name one person, spelt two ways" in found.message and "a tie" in found.message


def test_two_forms_of_one_name_with_no_misspelt_word_are_not_flagged():
    texts = {
        "a.txt": "Idriss Déby, the president, spoke.\nMichael Zehaf-Bibeau was named.\nTom Mulcair, the leader, agreed.",
        "b.txt": "Idriss Deby, the president, spoke.\nMichael Zehaf Bibeau was named.\nThomas Mulcair, the leader, agreed.",
    }
    assert findings_for(texts) == []


def test_relatives_sharing_a_surname_are_not_one_person_misspelt():
    texts = {
        "a.txt": "Abdel-Majed Abdel Bary, a former rapper, is a suspect.",
        "b.txt": "His father, Adel Abdel Bary, was extradited in 2012.\nAbdel-Majed Abdel Bary left London.",
    }
    assert findings_for(texts) == []


def test_an_equally_close_second_candidate_makes_the_match_too_uncertain():
    assert findings_for({"a.txt": "Jane Parker spoke.\nJoan Parks spoke too.\nMs Parkes agreed."}) == []


def test_finding_ids_are_stable_across_runs():
    texts = {"a.txt": "Jenny Turnross was named director.\nMs Turnbull starts next month."}
    assert [f.id for f in findings_for(texts)] == [f.id for f in findings_for(texts)]


def test_the_same_name_words_in_another_order_are_another_person():
    texts = {
        "a.txt": "President Hassan Mohamud spoke in Mogadishu on Monday.",
        "b.txt": "The commander, Mohamed Hassan, was killed in the strike.",
    }
    assert findings_for(texts) == []


def test_a_surname_only_misspelling_is_found_beside_a_second_spelling_of_the_same_person():
    found = findings_for(
        {
            "a.txt": "Jenny Turnross had been named as the new corporate director.\n"
            "He also made reference to Ms Turnbull starting her role next month.",
            "b.txt": "Jenny Turnross, corporate director of children's services, spoke.",
            "c.txt": "Jenny Turnrose, the corporate director, said the council was improving.",
        }
    )
    variants = {found_one.evidence[0].span: found_one.message for found_one in found}
    assert set(variants) == {"Ms Turnbull", "Jenny Turnrose"}
    assert "misspelling of “Jenny Turnross”" in variants["Ms Turnbull"]



def test_a_title_is_dropped_from_a_full_name_compared_with_one_written_without_it():
    found = findings_for(
        {
            "a.txt": "Liam Robinson, the cabinet member for children's services, spoke.\nLiam Robinson said the service would improve.",
            "b.txt": "Liam Robinson, cabinet member for children's services, agreed.",
            "c.txt": "Cllr Liam Robinsen, cabinet member for children's services, said so.",
        }
    )
    (variant,) = [f for f in found if "Robinsen" in f.message]
    assert variant.message.startswith("“Liam Robinsen” is probably a misspelling of “Liam Robinson”")
    assert variant.variant_first


def test_a_tie_says_what_to_do_next():
    (found,) = findings_for(
        {
            "a.txt": "Jenny Turnross, corporate director of children's services, spoke.",
            "b.txt": "Jenny Turnros, corporate director of children's services, spoke.",
        }
    )
    assert "a tie, so check the source" in found.message and not found.variant_first
