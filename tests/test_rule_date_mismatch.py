from datetime import date

from conftest import findings_of

from factcheck.rules.date_mismatch import period

MARCH = "An inspection in March led to the department being rated inadequate by Ofsted."


def test_the_same_event_in_different_months_is_flagged():
    (found,) = findings_of("date-mismatch", {"a.txt": MARCH, "b.txt": MARCH.replace("March", "April")})
    assert found.severity == "high" and [e.span for e in found.evidence] == ["March", "April"]
    assert "“March” vs “April”" in found.message and "--0" not in found.message


def test_years_and_ranges_conflict_only_when_they_do_not_overlap():
    text = "Barry Kushner held the children's services portfolio from 2021 until he stepped down."
    assert len(findings_of("date-mismatch", {"a.txt": text, "b.txt": text.replace("2021", "2019")})) == 1
    assert findings_of("date-mismatch", {"a.txt": text, "b.txt": text.replace("from 2021", "from March 2021")}) == []


def test_a_month_without_a_year_is_not_compared_with_a_dated_one():
    assert findings_of("date-mismatch", {"a.txt": MARCH, "b.txt": MARCH.replace("in March", "in April 2023")}) == []


def test_relative_dates_resolve_against_publication_and_stay_out_when_it_is_unknown():
    text = "Cllr Liam Robinson was elected leader of the council last week after a vote."
    other = text.replace("last week", "last month")
    assert findings_of("date-mismatch", {"a.txt": text, "b.txt": other}) == []
    assert len(findings_of("date-mismatch", {"a.txt": text, "b.txt": other}, published=date(2023, 7, 10))) == 1


def test_unrelated_sentences_with_different_dates_are_not_compared():
    texts = {"a.txt": MARCH, "b.txt": "Councillors will discuss foster care payments at the town hall in April."}
    assert findings_of("date-mismatch", texts) == []


def test_periods_cover_what_the_iso_value_says():
    assert period("2023-W27") == (date(2023, 7, 3), date(2023, 7, 9))
    assert period("2021/2023") == (date(2021, 1, 1), date(2023, 12, 31))
    assert period("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))


def test_one_event_dated_differently_in_sentences_that_say_different_things():
    texts = {
        "a.txt": MARCH,
        "b.txt": "An inspection of the children's services department took place in February, covering early help.",
    }
    (found,) = findings_of("date-mismatch", texts)
    assert found.severity == "medium" and [e.span for e in found.evidence] == ["March", "February"]
    assert "inspection" in found.message


def test_a_story_with_several_such_events_or_distant_dates_is_not_flagged():
    second = "An inspection in January found problems, and an inspection in June found more."
    assert findings_of("date-mismatch", {"a.txt": MARCH, "b.txt": second}) == []
    earlier = "The service was judged as requiring improvement following an inspection in March 2018."
    later = "An inspection in April 2023 led to the department being rated inadequate by Ofsted."
    assert findings_of("date-mismatch", {"a.txt": later, "b.txt": earlier}) == []


def test_a_weekday_changed_in_a_sentence_worded_another_way_is_flagged():
    texts = {
        "a.txt": "Michael Wright, a founder of the Sugarhill Gang, died early Tuesday after a long battle with cancer.",
        "b.txt": "The rapper known as Big Bank Hank died early Wednesday from complications of kidney cancer, his manager said.",
    }
    (found,) = findings_of("date-mismatch", texts)
    assert [e.span for e in found.evidence] == ["Tuesday", "Wednesday"]


def test_weekdays_said_of_different_things_are_not_compared():
    texts = {
        "a.txt": "Experts visited the crater on Sunday to take samples.",
        "b.txt": "The government announced a new budget on Monday in the capital.",
    }
    assert findings_of("date-mismatch", texts) == []


def test_a_weekday_is_compared_with_the_weekday_a_full_date_gives():
    texts = {
        "a.txt": "Islamic State militants on Wednesday released a video showing the beheading of James Foley.",
        "b.txt": "The ISIS video released on Tuesday, August 19 showed the beheading of James Foley.",
    }
    (found,) = findings_of("date-mismatch", texts)
    assert found.evidence[0].span.endswith("Wednesday") and found.evidence[1].span == "Tuesday, August 19"
