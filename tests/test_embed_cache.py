import numpy as np

from factcheck.embed.cache import CachedEmbedder


class CountingEmbedder:
    """Stands in for a model so the cache's behaviour is visible: it records what it was asked."""

    id = "counting"
    cache_key = None
    whole_corpus = False

    def __init__(self):
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked.extend(texts)
        return np.array([[len(text), 1.0] for text in texts], dtype=np.float32)


def test_a_rerun_embeds_nothing_and_an_edit_embeds_one_sentence(tmp_path):
    inner = CountingEmbedder()
    first = CachedEmbedder(inner, "model-a", tmp_path / "v.sqlite").encode(["one", "three", "one"])
    assert sorted(inner.asked) == ["one", "three"]
    inner.asked.clear()
    again = CachedEmbedder(inner, "model-a", tmp_path / "v.sqlite").encode(["one", "three", "one"])
    assert inner.asked == [] and np.array_equal(first, again)
    CachedEmbedder(inner, "model-a", tmp_path / "v.sqlite").encode(["one", "three!", "one"])
    assert inner.asked == ["three!"]


def test_vectors_are_kept_apart_per_model(tmp_path):
    inner = CountingEmbedder()
    CachedEmbedder(inner, "model-a", tmp_path / "v.sqlite").encode(["one"])
    CachedEmbedder(inner, "model-b", tmp_path / "v.sqlite").encode(["one"])
    assert inner.asked == ["one", "one"]
