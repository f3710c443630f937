from conftest import findings_of

QUOTE = "Cllr Liz Parsons said: “We are 100% focused on fixing the issues highlighted by Ofsted.”"


def test_a_reworded_quotation_shows_the_word_difference():
    (found,) = findings_of("quote-mismatch", {"a.txt": QUOTE, "b.txt": QUOTE.replace("issues", "problems")})
    assert "“issues” → “problems”" in found.message and found.severity == "medium"
    assert [e.span for e in found.evidence] == ["issues", "problems"]


def test_a_changed_number_in_a_quotation_is_high():
    (found,) = findings_of("quote-mismatch", {"a.txt": QUOTE, "b.txt": QUOTE.replace("100%", "90%")})
    assert found.severity == "high"


def test_a_shorter_extract_of_the_same_quotation_is_fine():
    extract = "Cllr Liz Parsons said she was “100% focused on fixing the issues” raised."
    assert findings_of("quote-mismatch", {"a.txt": QUOTE, "b.txt": extract}) == []
    assert findings_of("quote-mismatch", {"a.txt": QUOTE, "b.txt": QUOTE}) == []


def test_the_same_quotation_from_a_different_speaker_is_an_attribution_conflict():
    (found,) = findings_of("quote-attribution", {"a.txt": QUOTE, "b.txt": QUOTE.replace("Cllr Liz Parsons", "Jenny Turnross")})
    assert "Liz Parsons" in found.message and "Jenny Turnross" in found.message


def test_the_same_speaker_by_surname_or_an_unstated_one_is_no_conflict():
    by_surname = QUOTE.replace("Cllr Liz Parsons said:", "Cllr Parsons said:")
    unstated = "“We are 100% focused on fixing the issues highlighted by Ofsted.”"
    assert findings_of("quote-attribution", {"a.txt": QUOTE, "b.txt": by_surname}) == []
    assert findings_of("quote-attribution", {"a.txt": QUOTE, "b.txt": unstated}) == []


def test_print_differences_are_not_rewordings():
    british = "Cllr Liz Parsons said: “It’s the harbour’s favourite centre, it isn’t going [sic] to close in Sept.”"
    american = "Cllr Liz Parsons said: “It is the harbor's favorite center, it is not going to close in September.”"
    assert findings_of("quote-mismatch", {"a.txt": british, "b.txt": american}) == []


def test_function_words_inflections_and_dropped_words_are_not_rewordings():
    first = "Cllr Liz Parsons said: “We will fix the problems in the operation of the service this year.”"
    second = "Cllr Liz Parsons said: “We will fix all the problems in an operation of the service this year.”"
    inflected = "Cllr Liz Parsons said: “We will fix the problems in the operations of the service this year.”"
    assert findings_of("quote-mismatch", {"a.txt": first, "b.txt": second}) == []
    assert findings_of("quote-mismatch", {"a.txt": first, "b.txt": inflected}) == []


def test_a_dropped_negation_inside_a_quotation_is_a_rewording():
    negated = QUOTE.replace("We are 100%", "We are not 100%")
    (found,) = findings_of("quote-mismatch", {"a.txt": QUOTE, "b.txt": negated})
    assert "“not” added" in found.message


def test_two_speakers_sharing_few_meaningful_words_are_not_one_quotation():
    first = "Cllr Liz Parsons said: “Our prayers are with you.”"
    second = "Jenny Turnross said: “Our thoughts and prayers are with all those affected.”"
    assert findings_of("quote-mismatch", {"a.txt": first, "b.txt": second}) == []


def test_a_short_quotation_of_one_speaker_reworded_is_found():
    first = "Cllr Liz Parsons said: “Shame about my wheels.”"
    (found,) = findings_of("quote-mismatch", {"a.txt": first, "b.txt": first.replace("wheels", "tyres")})
    assert "“wheels” → “tyres”" in found.message


def test_speakers_that_are_no_person_of_the_story_are_never_an_attribution_conflict():
    official = QUOTE.replace("Cllr Liz Parsons said:", "A council spokesman said:")
    paper = QUOTE.replace("Cllr Liz Parsons said:", "The Daily Echo said:")
    assert findings_of("quote-attribution", {"a.txt": QUOTE, "b.txt": official}) == []
    assert findings_of("quote-attribution", {"a.txt": QUOTE, "b.txt": paper}) == []


def test_a_speaker_named_by_a_connective_and_one_name_resolves_to_the_story_person():
    story = {
        "a.txt": "Jess Smith, a student, posted a picture.\n" + QUOTE.replace("Cllr Liz Parsons said:", "But Jess said:"),
        "b.txt": "Jess Smith, a student, spoke.\n" + QUOTE.replace("Cllr Liz Parsons said:", "Smith said:"),
    }
    assert findings_of("quote-attribution", story) == []


def test_a_hyphen_inside_a_word_is_print_not_wording():
    first = "Cllr Liz Parsons said: “Every dog in the city must now be micro-chipped by its owner.”"
    assert findings_of("quote-mismatch", {"a.txt": first, "b.txt": first.replace("micro-chipped", "microchipped")}) == []


def test_a_compound_as_one_word_or_two_is_print_but_another_word_is_not():
    joined = "He said: “The healthcare system needs a long term plan for every patient.”"
    split = "He said: “The health care system needs a long-term plan for every patient.”"
    assert findings_of("quote-mismatch", {"a.txt": joined, "b.txt": split}) == []
    (found,) = findings_of("quote-mismatch", {"a.txt": joined, "b.txt": split.replace("long-term", "short-term")})
    assert "short-term" in found.message


def test_a_censored_word_is_print_but_a_different_word_is_not():
    plain = "He said: “This is a fucking disgrace and the council should be ashamed of how it treated the families.”"
    starred = plain.replace("fucking", "f***ing")
    assert findings_of("quote-mismatch", {"a.txt": starred, "b.txt": starred.replace("f***ing", "f**king")}) == []
    assert findings_of("quote-mismatch", {"a.txt": plain, "b.txt": starred}) == []
    (found,) = findings_of("quote-mismatch", {"a.txt": starred, "b.txt": starred.replace("f**king", "f***ing").replace("disgrace", "triumph")})
    assert "triumph" in found.message and "f***ing" not in found.message
