from conftest import findings_of

RATED = "The children's services department was rated {} by Ofsted after the March inspection."


def test_different_grades_for_one_thing_are_flagged():
    (found,) = findings_of("status-mismatch", {"a.txt": RATED.format("inadequate"), "b.txt": RATED.format("good")})
    assert [e.span for e in found.evidence] == ["inadequate", "good"] and found.severity == "high"


def test_the_full_ofsted_phrase_is_one_grade_not_good():
    texts = {"a.txt": RATED.format("requires improvement to be good"), "b.txt": RATED.format("requires improvement")}
    assert findings_of("status-mismatch", texts) == []


def test_decisions_and_verdicts():
    planning = "The planning committee approved the application for 200 homes on Tuesday."
    assert len(findings_of("status-mismatch", {"a.txt": planning, "b.txt": planning.replace("approved", "rejected")})) == 1
    court = "The jury found the defendant guilty of fraud at Liverpool Crown Court."
    assert len(findings_of("status-mismatch", {"a.txt": court, "b.txt": court.replace("guilty", "not guilty")})) == 1


def test_good_as_a_plain_adjective_is_no_rating():
    text = "The council said it was a good day for the children's services department."
    assert findings_of("status-mismatch", {"a.txt": text, "b.txt": RATED.format("inadequate")}) == []


def test_a_sentence_listing_several_grades_is_left_alone():
    listing = "The department was rated inadequate overall and good for early help by Ofsted after the inspection."
    assert findings_of("status-mismatch", {"a.txt": listing, "b.txt": RATED.format("good")}) == []


def test_a_grade_in_quote_marks_is_a_rating_without_a_verb():
    branded = "Ofsted branded the children's services department ‘inadequate’ after the March inspection."
    assert len(findings_of("status-mismatch", {"a.txt": branded, "b.txt": branded.replace("inadequate", "good")})) == 1
