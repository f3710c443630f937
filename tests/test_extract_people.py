from factcheck.extract.people import find_people

from conftest import article_from, sentences_by_line


def people_of(text: str):
    article = article_from(text)
    return find_people(article, sentences_by_line(article))


def test_honorific_and_full_name_with_offsets():
    text = "Cllr Liz Parsons, cabinet member for children's services, spoke."
    (mention,), = people_of(text)
    assert (mention.text, mention.honorific, mention.given, mention.surname) == ("Cllr Liz Parsons", "cllr", "Liz", "Parsons")
    assert text[mention.start : mention.end] == "Cllr Liz Parsons"
    assert mention.role == "cabinet member for children's services"


def test_surname_only_mention_links_to_the_one_full_name_in_the_article():
    lines = people_of("Jenny Turnross was named director.\nMs Turnross joins from Birmingham.")
    assert lines[1][0].canonical == "Jenny Turnross"
    assert lines[1][0].given is None


def test_unintroduced_surname_keeps_bare_canonical():
    lines = people_of("Jenny Turnross was named director.\nHe mentioned Ms Turnbull starting her role.")
    assert lines[1][0].canonical == "Turnbull"


def test_ambiguous_surname_is_not_linked():
    lines = people_of("Jane Smith and John Smith spoke.\nMs Smith agreed.")
    assert lines[1][0].canonical == "Smith"


def test_unknown_given_name_counts_when_the_article_uses_the_surname_with_an_honorific():
    lines = people_of("Barry Kushner tweeted.\nMr Kushner did not hold back.")
    assert [m.canonical for m in lines[0]] == ["Barry Kushner"]


def test_unknown_given_name_counts_when_a_role_stands_beside_it():
    (mention,), = people_of("Graham Hallows, business consultant on health and social care, spoke.")
    assert mention.canonical == "Graham Hallows"
    assert mention.role == "business consultant on health and social care"


def test_role_written_before_the_name_stops_at_function_words():
    (mention,), = people_of("The report notes that interim chief executive Theresa Grant has acted.")
    assert mention.role == "interim chief executive"


def test_places_and_organisations_are_not_people():
    assert people_of("Liverpool City Council met at Liverpool Town Hall.") == [[]]


def test_possessive_is_not_part_of_the_surname():
    lines = people_of("Cllr Liam Robinson wrote.\nCllr Robinson's letter added more.")
    assert lines[1][0].surname == "Robinson"
    assert lines[1][0].text == "Cllr Robinson"


def test_who_clause_is_not_a_role():
    (mention,), = people_of("Cllr Frazer Lake, who held the portfolio from 2021, spoke.")
    assert mention.role is None


def test_names_with_particles_and_a_title_beside_them_are_kept_whole(make_article):
    text = "Arif Ali Zardari, director of finance, said so.\nMohammed bin Salman, director of finance, agreed.\nYesterday Jenny Turnross spoke."
    article = make_article(text)
    found = [[p.text for p in people] for people in find_people(article, sentences_by_line(article))]
    assert found == [["Arif Ali Zardari"], ["Mohammed bin Salman"], ["Jenny Turnross"]]


def test_a_surname_used_alone_twice_or_a_given_name_used_elsewhere_in_the_story_makes_a_person(make_article):
    text = "The arrest of Carlos Watson came after.\nThe charges accuse Watson of fraud.\nHe said Watson lied."
    article = make_article(text)
    assert [[p.text for p in people] for people in find_people(article, sentences_by_line(article))][0] == ["Carlos Watson"]
    other = make_article("The arrest of Carlos Watkins came after.")
    assert find_people(other, sentences_by_line(other)) == [[]]
    assert [p.text for p in find_people(other, sentences_by_line(other), frozenset({"Carlos"}))[0]] == ["Carlos Watkins"]


def test_capitalised_words_before_a_title_are_not_the_persons_given_name():
    """Found by the property tests: "Yesterday Ms Turnbull" had made a "Yesterday Turnbull"."""
    lines = people_of("Yesterday Ms Turnbull said she would start.\nOn Monday Mr Smith said no.\nChair Dr Jane Smith spoke.")
    assert [[(m.text, m.given, m.surname) for m in line] for line in lines] == [
        [("Ms Turnbull", None, "Turnbull")],
        [("Mr Smith", None, "Smith")],
        [("Dr Jane Smith", "Jane", "Smith")],
    ]


def test_headlines_things_and_lower_case_words_are_not_people():
    text = (
        "Macaulay Culkin Found Dead At Home In New York.\n"
        "Heroic Kevin Vickers shot the gunman, and it was heroic, the report said.\n"
        "The Apple Watch Edition will cost more than the Sport.\n"
        "Apple Watch Edition prices were not given."
    )
    assert [[mention.text for mention in mentions] for mentions in people_of(text)] == [[], ["Kevin Vickers"], [], []]


def test_a_day_before_a_name_and_a_double_space_do_not_bend_the_name():
    text = "A message was posted through the account on Monday  Jenny Rosenberg's profile page."
    (mentions,) = people_of(text)
    assert [(m.text, m.given, m.surname) for m in mentions] == [("Jenny Rosenberg", "Jenny", "Rosenberg")]
    assert text[mentions[0].start : mentions[0].end] == "Jenny Rosenberg"


def test_an_age_beside_a_name_makes_a_person():
    text = (
        "Dmitry Nikolaev, 30, woke up at a bus stop.\nThirty-year-old Dimitry Nikolaev, an actor, was at a bar.\n"
        "On Friday Rinat Zakirov, a 41-year-old, spoke.\nOne 17-year-old New Yorker confirms it."
    )
    assert [[m.text for m in line] for line in people_of(text)] == [["Dmitry Nikolaev"], ["Dimitry Nikolaev"], ["Rinat Zakirov"], []]
