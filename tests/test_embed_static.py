"""The static backend: a model2vec model distilled once from the bundled weights."""

import numpy as np
import pytest

from factcheck.embed import load_embedder

pytestmark = pytest.mark.model


def test_static_vectors_are_unit_length_and_keep_near_duplicates_close():
    pytest.importorskip("model2vec")
    loaded = load_embedder(backend="static")
    assert not loaded.warnings and loaded.embedder.id.startswith("static:")
    vectors = loaded.embedder.encode([
        "The council was rated inadequate by Ofsted in March.",
        "The council was rated inadequate by Ofsted in April.",
        "Foster carers are paid an average of £977.76 a week.",
    ])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
