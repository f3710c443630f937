"""The slot judge: do two mentions, read in their contexts, fill the same slot of one fact?

A logistic regression over how alike a frozen encoder (the bundled all-MiniLM-L6-v2) finds
the two masked contexts and the two sentences, the content words they share, and the kind of
value (see FEATURES). Trained by `python -m factcheck.judge.train`,
shipped as `judge.json` (plain numbers, no pickled code) whose sha256 is checked before it is
loaded, like the embedder's weights.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.judge.slots import KINDS, content_of

MODEL_PATH = Path(__file__).with_name("judge.json")
CHECKSUM_PATH = Path(__file__).with_name("judge.sha256")


class JudgeIntegrityError(RuntimeError):
    """The shipped judge is not the file its checksum names, or was trained for another encoder."""


@dataclass(frozen=True)
class ContextPair:
    """Two mentions as the judge reads them: each one's sentence and masked context."""

    kind: str | None
    first_sentence: str
    first_context: str
    second_sentence: str
    second_context: str


# Named in the order pair_features computes them; the model file lists them too.
BASE_FEATURES = ("context cosine", "context words shared (Jaccard)", "sentence cosine", "context words shared", "sentence words shared")
FEATURES = (
    *BASE_FEATURES,
    *(f"kind:{kind}" for kind in KINDS),
    *(f"{feature} x {kind}" for kind in KINDS for feature in BASE_FEATURES),
)


def pair_features(pairs: Sequence[ContextPair], encode) -> np.ndarray:
    """One row of FEATURES per pair. How alike the two contexts and the two sentences are, to
    the encoder and in plain words, per kind of value: the encoder's raw dimensions were
    tried as features too, and overfit (held-out AUC 0.75 against 0.87: benchmarks/judge)."""
    if not pairs:
        return np.zeros((0, len(FEATURES)))
    texts = list(dict.fromkeys(text for pair in pairs for text in (pair.first_sentence, pair.first_context, pair.second_sentence, pair.second_context)))
    vectors = np.asarray(encode(texts), dtype=np.float64)
    row = {text: index for index, text in enumerate(texts)}

    def cosine(first: str, second: str) -> float:
        return float(vectors[row[first]] @ vectors[row[second]])

    rows = []
    for pair in pairs:
        context_a, context_b = content_of(pair.first_context), content_of(pair.second_context)
        sentence_shared = len(content_of(pair.first_sentence) & content_of(pair.second_sentence))
        base = [
            cosine(pair.first_context, pair.second_context),
            _jaccard(context_a, context_b),
            cosine(pair.first_sentence, pair.second_sentence),
            math.log1p(len(context_a & context_b)),
            math.log1p(sentence_shared),
        ]
        kind = [float(pair.kind == name) for name in KINDS]
        rows.append(base + kind + [value * flag for flag in kind for value in base])
    return np.asarray(rows, dtype=np.float64)


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


@dataclass(frozen=True)
class SlotJudge:
    encoder: str
    mean: np.ndarray
    scale: np.ndarray
    coefficients: np.ndarray
    intercept: float

    @classmethod
    def from_json(cls, data: dict) -> SlotJudge:
        return cls(
            encoder=data["encoder"],
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coefficients=np.asarray(data["coefficients"], dtype=np.float64),
            intercept=float(data["intercept"]),
        )

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(same slot) per row of pair_features."""
        if not len(rows):
            return np.zeros(0)
        logits = ((rows - self.mean) / self.scale) @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def same_slot(self, pairs: Sequence[ContextPair], encode) -> np.ndarray:
        """P(same slot) per pair; `encode` turns texts into L2-normalised vectors."""
        return self.probabilities(pair_features(pairs, encode))


def load_judge(path: Path = MODEL_PATH, checksum_path: Path = CHECKSUM_PATH, encoder: str | None = None) -> SlotJudge:
    """The shipped judge, after checking its bytes; `encoder` (the embedder's cache key) must
    be the one it was trained on."""
    data = path.read_bytes()
    expected = checksum_path.read_text(encoding="ascii").split()[0]
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise JudgeIntegrityError(f"{path}: sha256 {actual} is not the recorded {expected}; refusing to load it")
    parsed = json.loads(data)
    if tuple(parsed.get("features", ())) != FEATURES:
        raise JudgeIntegrityError(f"{path}: trained on other features; re-run python -m factcheck.judge.train")
    judge = SlotJudge.from_json(parsed)
    if encoder is not None and encoder != judge.encoder:
        raise JudgeIntegrityError(f"{path}: trained on encoder {judge.encoder}, not {encoder}")
    return judge
