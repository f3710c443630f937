from conftest import article_from, sentences_by_line

from factcheck.extract.organisations import find_organisations


def names(text: str) -> list[str]:
    article = article_from(text)
    found = [m for sentence in sentences_by_line(article) for m in find_organisations(sentence)]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [mention.text for mention in found]


def test_named_bodies_end_in_a_kind_of_body():
    assert names("She joins from Birmingham Children’s Trust, approved by the Department of Education.") == [
        "Birmingham Children’s Trust",
        "Department of Education",
    ]


def test_a_sentence_initial_article_is_not_part_of_the_name():
    assert names("The Liverpool City Council cabinet met.") == ["Liverpool City Council"]


def test_acronyms_and_brands_count_but_shouting_words_do_not():
    assert names("READ MORE about the NHS and Ofsted.") == ["NHS", "Ofsted"]


def test_a_lower_case_kind_word_alone_is_not_a_name():
    assert names("The council said the trust would help.") == []
