import numpy as np

from factcheck.config import Settings
from factcheck.pipeline import check_paths
from factcheck.story_cache import StoryCache

TEXT = "Jenny Turnross was named director of children's services by the council.\nMs Turnbull starts her new role at the council next month.\n"


class CountingEmbedder:
    """Deterministic per sentence, like a verified model, and shows what it was asked."""

    id = "counting"
    cache_key = "counting-v1"
    whole_corpus = False

    def __init__(self):
        self.asked = 0

    def encode(self, texts):
        self.asked += len(texts)
        return np.array([[1.0, len(text) / 100] for text in texts], dtype=np.float32) / np.sqrt(1 + (np.array([len(t) for t in texts])[:, None] / 100) ** 2)


def run(folder, embedder, cache):
    return check_paths([str(folder)], Settings(), embedder, story_per_folder=True, cache=cache).result


def test_an_unchanged_story_is_neither_embedded_nor_checked_again(tmp_path):
    for story in ("council", "court"):
        (tmp_path / "in" / story).mkdir(parents=True)
        (tmp_path / "in" / story / "a.txt").write_text(TEXT.replace("council", f"{story} board"), encoding="utf-8")
    cache = StoryCache("counting-v1", Settings(), tmp_path / "stories.sqlite")
    embedder = CountingEmbedder()
    first = run(tmp_path / "in", embedder, cache)
    asked = embedder.asked
    again = run(tmp_path / "in", embedder, cache)
    assert asked > 0 and embedder.asked == asked
    assert again.findings == first.findings and any(f.rule == "name-variant" for f in again.findings)
    (tmp_path / "in" / "court" / "a.txt").write_text(TEXT.replace("council", "court board").replace("next month", "in May"), encoding="utf-8")
    run(tmp_path / "in", embedder, cache)
    assert embedder.asked == asked + 2


def test_other_settings_miss_the_cache(tmp_path):
    (tmp_path / "in" / "council").mkdir(parents=True)
    (tmp_path / "in" / "council" / "a.txt").write_text(TEXT, encoding="utf-8")
    story = check_paths([str(tmp_path / "in")], Settings(), CountingEmbedder(), story_per_folder=True).result.stories[0]
    assert StoryCache("m", Settings()).key(story) != StoryCache("m", Settings(cluster_similarity=0.7)).key(story)
    assert StoryCache("m", Settings()).key(story) != StoryCache("other-model", Settings()).key(story)


def test_unchanged_stories_are_not_extracted_again_and_their_claims_come_back_equal(tmp_path, monkeypatch):
    import factcheck.pipeline

    (tmp_path / "in" / "council").mkdir(parents=True)
    (tmp_path / "in" / "council" / "a.txt").write_text(TEXT, encoding="utf-8")
    cache = StoryCache("counting-v1", Settings(), tmp_path / "stories.sqlite")
    first = check_paths([str(tmp_path / "in")], Settings(), CountingEmbedder(), story_per_folder=True, cache=cache)
    extracted = []
    real = factcheck.pipeline.extract_articles
    monkeypatch.setattr(factcheck.pipeline, "extract_articles", lambda articles, embedder: extracted.extend(articles) or real(articles, embedder))
    again = check_paths([str(tmp_path / "in")], Settings(cluster_similarity=0.7), CountingEmbedder(), story_per_folder=True, cache=cache)
    assert extracted == [] and again.claims == first.claims
    assert any(claim.people for claim in again.claims)
