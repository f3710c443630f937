"""The slot judge: masked contexts, self-labelled pairs, and a training run on tiny stories."""

from __future__ import annotations

import json

import pytest
from conftest import article_from, sentences_by_line

from factcheck.extract.claims import extract_claims
from factcheck.judge import ContextPair, JudgeIntegrityError, load_judge, masked_context, slot_mentions
from factcheck.judge.pairs import story_pairs
from factcheck.judge.train import train

FIRST = """Police said 27 hostages were freed by the army on Saturday, 4 October 2014.
Jenny Turnross, the corporate director, said 346 children were waiting for a placement.
Two people were hurt."""
SECOND = """The army freed the 27 hostages after talks that lasted most of the weekend.
There are 346 children on the waiting list, according to Jenny Turnross.
Officials counted 40 vehicles at the border crossing near the town on 4 October 2014."""


def mentions(text: str, path: str):
    article = article_from(text, path)
    return slot_mentions(extract_claims(article, sentences_by_line(article)))


def test_a_context_never_shows_its_value():
    sentence = "Police said 27 hostages were freed by the army."
    start = sentence.index("27")
    assert masked_context(sentence, start, start + 2, "count") == "Police said several hostages were freed by the army."


def test_only_values_that_name_one_fact_become_slots():
    found = {(m.kind, m.key[0]) for m in mentions(FIRST, "a.txt")}
    assert ("count", 27.0) in found and ("count", 346.0) in found
    assert ("name", "jenny turnross") in found
    assert ("date", "2014-10-04") in found
    assert not any(kind == "count" and value == 2.0 for kind, value in found)  # "two people" fills many slots


def test_same_values_in_two_articles_are_same_slot_pairs_and_copies_are_left_out():
    pairs = story_pairs("s000", mentions(FIRST, "a.txt") + mentions(SECOND, "b.txt"), seed=13)
    positives = {pair.first.key for pair in pairs if pair.same_slot}
    assert (27.0, None, None, "hostage") in positives and ("jenny turnross",) in positives
    assert all(pair.first.article != pair.second.article for pair in pairs)
    assert all(pair.first.key != pair.second.key for pair in pairs if not pair.same_slot)
    copy = story_pairs("s000", mentions(FIRST, "a.txt") + mentions(FIRST, "b.txt"), seed=13)
    assert not any(pair.same_slot for pair in copy)


@pytest.mark.model
def test_training_on_tiny_stories_is_reproducible_and_records_its_inputs(tmp_path):
    stories = tmp_path / "stories"
    for number, (first, second) in enumerate([(FIRST, SECOND), (SECOND, FIRST)]):
        folder = stories / f"s{2 * number:03d}-story"
        folder.mkdir(parents=True)
        (folder / "one.txt").write_text(first, encoding="utf-8")
        (folder / "two.txt").write_text(second, encoding="utf-8")
    out = tmp_path / "judge.json"
    model = train(stories, out, log=lambda line: None)
    assert set(model["trained"]["inputs"]) == {"s000-story/one.txt", "s000-story/two.txt", "s002-story/one.txt", "s002-story/two.txt"}
    assert model["trained"]["seed"] == 13 and "numpy" in model["trained"]["libraries"]
    first_bytes = out.read_bytes()
    train(stories, out, log=lambda line: None)
    assert out.read_bytes() == first_bytes
    judge = load_judge(out, out.with_suffix(".sha256"))
    assert judge.encoder == model["encoder"]
    tampered = json.loads(first_bytes)
    tampered["intercept"] += 1
    out.write_text(json.dumps(tampered), encoding="utf-8")
    with pytest.raises(JudgeIntegrityError, match="sha256"):
        load_judge(out, out.with_suffix(".sha256"))


@pytest.mark.model
def test_the_shipped_judge_reads_a_paraphrase_as_one_slot(minilm):
    judge = load_judge(encoder=minilm.cache_key)
    first = "The army freed 27 hostages on Saturday after talks with the kidnappers."
    paraphrase = "After negotiations with their captors, 28 hostages were released by soldiers at the weekend."
    other = "The ministry said 28 vehicles had been seized at the border in a separate operation."

    def pair(second: str) -> ContextPair:
        a, b = first.index("27"), second.index("28")
        return ContextPair("count", first, masked_context(first, a, a + 2, "count"), second, masked_context(second, b, b + 2, "count"))

    same, different = judge.same_slot([pair(paraphrase), pair(other)], minilm.encode)
    assert same > 0.5 > different
