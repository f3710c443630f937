"""sentence-transformers on torch: the reference backend."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.embed.bundled import WEIGHTS_SHA256, verified_model_dir

BATCH_SIZE = 64


class SentenceTransformerEmbedder:
    """Encodes with a local sentence-transformers model; never reaches a hub."""

    def __init__(self, model: object, model_id: str, cache_key: str | None = None) -> None:
        self._model = model
        self.id = f"st:{model_id}"
        self.cache_key = cache_key
        self.whole_corpus = False

    @classmethod
    def load(cls, model: str | None) -> SentenceTransformerEmbedder:
        # Set before the import: huggingface_hub reads it once, and with it a missing local
        # model fails at once instead of trying the network.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        location = str(verified_model_dir()) if model is None else model
        if model is not None and Path(model).exists():
            location = str(Path(model).resolve())
        loaded = SentenceTransformer(location, device="cpu")
        if model is None:
            return cls(loaded, "all-MiniLM-L6-v2", cache_key=f"st:all-MiniLM-L6-v2:{WEIGHTS_SHA256}")
        return cls(loaded, model)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Length-sorted batches: padding to the longest sentence in a batch is most of the
        cost on a CPU, and sorting roughly triples throughput (see shared notes)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]))
        vectors = self._model.encode(
            [texts[index] for index in order],
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        result = np.empty_like(vectors)
        result[order] = vectors
        return result.astype(np.float32)
