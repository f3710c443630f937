"""Sentence vectors for clustering claims that are about the same thing.

Backends sit behind one small interface and a registry, so the check path never cares which
one produced the vectors. Similarity only proposes candidates: MiniLM scores a sentence and its
negation at ~0.96 cosine, so no rule decides a conflict from a vector alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from factcheck.embed.bundled import ModelIntegrityError, bundled_model_dir
from factcheck.embed.cache import CachedEmbedder
from factcheck.embed.onnx_runtime import OnnxEmbedder
from factcheck.embed.sentence_transformer import SentenceTransformerEmbedder


class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised row vectors.

    ``id`` names the vectors in reports. ``cache_key`` is set when the vectors are a pure
    function of verified weights and the sentence (so they, and stories checked with them, may
    be cached), else None. ``whole_corpus`` is True when vectors compare only within one call
    (TF-IDF fits its vocabulary per call), so callers must pass every sentence at once."""

    id: str
    cache_key: str | None
    whole_corpus: bool

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def tfidf_vectors(model: str | None) -> Embedder:
    """TF-IDF vectors, imported only when used: scikit-learn's text modules take a second."""
    from factcheck.embed.tfidf import TfidfEmbedder

    return TfidfEmbedder.load(model)


def static_vectors(model: str | None) -> Embedder:
    """The model2vec distillation, imported only when used (it needs the `static` extra)."""
    from factcheck.embed.static import StaticEmbedder

    return StaticEmbedder.load(model)


def bundled_on_onnx(model: str | None) -> Embedder:
    """The default: the bundled model on ONNX Runtime. Another --model runs on torch, which
    loads any sentence-transformers folder; only the bundled model has a verified export."""
    return OnnxEmbedder.load() if model is None else SentenceTransformerEmbedder.load(model)


BACKENDS: dict[str, Callable[[str | None], Embedder]] = {
    "onnx": bundled_on_onnx,
    "torch": SentenceTransformerEmbedder.load,
    "tfidf": tfidf_vectors,
    "static": static_vectors,
}


@dataclass
class LoadedEmbedder:
    embedder: Embedder
    warnings: list[str] = field(default_factory=list)


def load_embedder(model: str | None = None, backend: str = "onnx", cache: bool = True) -> LoadedEmbedder:
    """The requested backend, or TF-IDF with a warning when the model cannot be loaded.

    A bundled model whose weights fail their checksum is not "cannot be loaded": that raises
    ModelIntegrityError, because silently running on tampered weights is worse than stopping.
    Embedders whose vectors depend only on verified weights (`cache_key`) are cached.
    """
    try:
        embedder = BACKENDS[backend](model)
    except ModelIntegrityError:
        raise
    except Exception as error:  # noqa: BLE001 - any load failure means the same fallback
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        warning = f"model {model or 'all-MiniLM-L6-v2 (bundled)'} could not be loaded ({reason}); fell back to TF-IDF vectors"
        return LoadedEmbedder(tfidf_vectors(None), [warning])
    key = embedder.cache_key
    return LoadedEmbedder(CachedEmbedder(embedder, key) if cache and key else embedder)


__all__ = ["BACKENDS", "Embedder", "LoadedEmbedder", "ModelIntegrityError", "bundled_model_dir", "load_embedder"]
