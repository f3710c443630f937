from conftest import article_from

from factcheck.segment import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(article_from(text))]


def test_british_honorifics_without_full_stops_do_not_end_sentences():
    assert texts("Cllr Liz Parsons spoke first. Ms Turnross and Mr Jones agreed. Dr Patel left.") == [
        "Cllr Liz Parsons spoke first.",
        "Ms Turnross and Mr Jones agreed.",
        "Dr Patel left.",
    ]


def test_honorifics_with_full_stops_are_rejoined():
    assert texts("Dr. Smith met Cllr. Jones. They agreed.") == ["Dr. Smith met Cllr. Jones.", "They agreed."]


def test_money_and_hyphenated_ages_stay_whole():
    assert texts("The carer was paid £977.76 a week. The response to 16- and 17-year-olds was praised.") == [
        "The carer was paid £977.76 a week.",
        "The response to 16- and 17-year-olds was praised.",
    ]


def test_a_split_before_a_lower_case_word_is_undone():
    assert texts("It works, e.g. in Wirral. Then it stopped.") == ["It works, e.g. in Wirral.", "Then it stopped."]


def test_sentences_never_cross_paragraphs_and_offsets_slice_the_text():
    text = "He said: “It is bad.\n“It will get better,” he added. Nobody agreed."
    article = article_from(text)
    sentences = split_sentences(article)
    assert [s.paragraph for s in sentences] == [0, 1, 1]
    assert [s.index for s in sentences] == [0, 1, 2]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_only_paragraphs_are_split_so_text_outside_them_is_never_a_sentence(make_article):
    from factcheck.records import Paragraph

    article = make_article("READ MORE: headline\nThe council met.")
    article.paragraphs = [Paragraph(20, 36)]
    assert [s.text for s in split_sentences(article)] == ["The council met."]
