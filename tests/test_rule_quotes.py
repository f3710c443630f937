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
