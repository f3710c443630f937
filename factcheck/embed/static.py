"""A static model (model2vec) distilled from the bundled MiniLM, for bulk runs.

Distilled once on first use from the verified weights (about a minute; needs torch and the
`static` extra) into the user cache, keyed by the weights' sha256. It embeds thousands of
sentences a second with a table lookup and a mean, but agrees with MiniLM far less well
(shared notes: Spearman 0.35 on news sentences), so it is never the default: the speed
benchmark reports its detection figures beside the ONNX backend's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.embed.bundled import WEIGHTS_SHA256, verified_model_dir
from factcheck.user_cache import cache_root

PCA_DIMS = 256


def static_dir() -> Path:
    return cache_root() / f"minilm-static-{WEIGHTS_SHA256[:16]}"


def is_distilled() -> bool:
    return (static_dir() / "config.json").exists()


class StaticEmbedder:
    """model2vec StaticModel distilled from the bundled weights."""

    id = "static:all-MiniLM-L6-v2-m2v"
    cache_key = None
    whole_corpus = False

    def __init__(self, model: object) -> None:
        self._model = model

    @classmethod
    def load(cls, model: str | None) -> StaticEmbedder:
        if model is not None:
            raise ValueError("the static backend distils the bundled model only")
        from model2vec import StaticModel

        folder = static_dir()
        if not is_distilled():
            distil_bundled(folder)
        return cls(StaticModel.from_pretrained(str(folder)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.clip(norms, 1e-12, None)


def distil_bundled(target: Path) -> None:
    """Distil into a staging folder, then rename: a killed run leaves no half model."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")
    from model2vec.distill import distill

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".distil-", dir=target.parent))
    try:
        distill(model_name=str(verified_model_dir()), pca_dims=PCA_DIMS).save_pretrained(str(staging))
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
