from conftest import extracted_story, findings_of

from factcheck.rules.alignment import differences, words_of


def test_sentences_split_into_two_clusters_by_the_changed_word_are_still_compared():
    text = "Following an inspection earlier this year, the department was rated as inadequate in four out of five areas."
    story = extracted_story({"a.txt": text, "b.txt": text.replace("inadequate", "good")}, min_similarity=0.99)
    assert story.linked_pairs() == [(0, 1)]
    assert len(findings_of("status-mismatch", {"a.txt": text, "b.txt": text.replace("inadequate", "good")}, min_similarity=0.99)) == 1


def test_differences_read_nearby_changes_as_one_when_asked():
    first = words_of("the Department for Education said")
    second = words_of("the education watchdog said")
    _, apart = differences(first, second)
    _, joined = differences(first, second, join_gap=1)
    assert [(d.first_text(), d.second_text()) for d in apart] == [("Department for", ""), ("", "watchdog")]
    assert [(d.first_text(), d.second_text()) for d in joined] == [("Department for Education", "education watchdog")]


def test_sentences_stating_the_same_distinctive_count_are_linked():
    texts = {
        "a.txt": "An inspection in March led to the department being rated inadequate in four out of five areas.",
        "b.txt": "In total four out of five areas of the service were rated 'good' after the visit.",
    }
    story = extracted_story(texts, min_similarity=0.99)
    assert story.linked_pairs() == [(0, 1)]
    assert len(findings_of("status-mismatch", texts, min_similarity=0.99)) == 1


def test_a_small_bare_count_links_nothing():
    texts = {"a.txt": "Two people were arrested in Liverpool on Monday.", "b.txt": "The council hired two people for its finance team."}
    assert extracted_story(texts, min_similarity=0.99).linked_pairs() == []
