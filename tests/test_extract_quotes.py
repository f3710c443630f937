from conftest import article_from

from factcheck.extract.people import find_people
from factcheck.extract.quotes import find_quotes
from factcheck.segment import split_sentences


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    article = article_from(text)
    sentences = split_sentences(article)
    found = find_quotes(article, sentences, find_people(article, sentences))
    for quotes in found:
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
    return [(quote.text, quote.speaker) for quotes in found for quote in quotes]


def test_speaker_before_the_quote_with_an_appositive_role():
    text = "Jonathan Jones, director of education, said: “The safety of children is a priority.”"
    assert quotes_of(text) == [("The safety of children is a priority.", "Jonathan Jones")]


def test_speaker_after_the_quote():
    text = '"We will fix this," said Cllr Liam Robinson.'
    assert quotes_of(text) == [("We will fix this", "Liam Robinson")]


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker():
    text = 'Cllr Liam Robinson said: "It is bad.\n"It will get better."\nThe report was published.'
    assert quotes_of(text) == [("It is bad.", "Liam Robinson"), ("It will get better.", "Liam Robinson")]


def test_a_multi_sentence_quote_is_one_quote_per_sentence_with_one_speaker():
    text = "Ms Jenny Turnross said: “We need money. We need staff.”"
    assert quotes_of(text) == [("We need money.", "Jenny Turnross"), ("We need staff.", "Jenny Turnross")]


def test_pronoun_speaker_resolves_to_the_last_person_of_matching_gender():
    text = "Mr Barry Kushner met Ms Liz Parsons.\nHe said: “They should resign.”"
    assert quotes_of(text) == [("They should resign.", "Barry Kushner")]


def test_a_named_body_speaks_when_no_person_is_named():
    text = "Responding to Mr Kushner’s tweet, a Labour Party source said: “The report was clear.”"
    assert quotes_of(text) == [("The report was clear.", "a Labour Party source")]


def test_apostrophes_are_not_quote_marks_but_scare_quotes_are():
    text = "The council's children’s services were rated 'inadequate' by Ofsted."
    assert quotes_of(text) == [("inadequate", None)]
