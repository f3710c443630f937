"""The bundled model on ONNX Runtime: the default check path, with no torch in it.

The first run exports the verified weights to ONNX once (that one step needs torch) into the
user cache, in a folder named after the weights' sha256; later runs load the exported file
with onnxruntime and the `tokenizers` library and mean-pool as sentence-transformers does, so
the vectors are the torch backend's up to float rounding (shared notes: Spearman 1.000), at
a fraction of the start-up time and memory.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.embed.bundled import WEIGHTS_SHA256, ModelIntegrityError, file_sha256, verified_model_dir
from factcheck.user_cache import cache_root, set_aside

BATCH_SIZE = 64
BATCH_CHARACTERS = BATCH_SIZE * 100  # 64 short sentences, or fewer long ones: memory stays flat (a 66 KB roll call of names peaks under 500 MB)
MAX_TOKENS = 256
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "export.json"


def export_dir() -> Path:
    return cache_root() / f"minilm-onnx-{WEIGHTS_SHA256[:16]}"


THREADS_VARIABLE = "FACTCHECK_THREADS"


class OnnxEmbedder:
    """all-MiniLM-L6-v2 exported to ONNX, run with onnxruntime."""

    id = "onnx:all-MiniLM-L6-v2"
    # Vectors depend only on the weights and the sentence: safe to cache by this key.
    cache_key = f"all-MiniLM-L6-v2:{WEIGHTS_SHA256}"
    whole_corpus = False

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._runtime: tuple[object, object] | None = None

    @classmethod
    def load(cls) -> OnnxEmbedder:
        """Exports now if needed; checks and starts the runtime only when something must be
        embedded, so a fully cached re-run pays for neither."""
        return cls(ensure_export())

    def _started(self) -> tuple[object, object]:
        if self._runtime is None:
            try:
                verify_export(self._folder)
            except (ModelIntegrityError, OSError, ValueError, KeyError) as error:
                set_aside(self._folder, str(error).split(";")[0])
                export_bundled(self._folder)
            import onnxruntime
            from tokenizers import Tokenizer

            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3
            # Several worker processes on one machine share its cores (see factcheck.workers).
            threads = os.environ.get(THREADS_VARIABLE, "")
            options.intra_op_num_threads = int(threads) if threads.isdigit() else 0
            session = onnxruntime.InferenceSession(str(self._folder / MODEL_FILE), options, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_file(str(self._folder / TOKENIZER_FILE))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            self._runtime = (session, tokenizer)
        return self._runtime

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Length-sorted batches, mean pooling over real tokens, unit length."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]))
        batches: list[list[int]] = [[]]
        for index in order:
            # Length-sorted, so the text joining a batch is its longest: a batch of long
            # sentences holds fewer, and memory stays flat whatever a draft's sentences are.
            if batches[-1] and (len(batches[-1]) == BATCH_SIZE or (len(batches[-1]) + 1) * len(texts[index]) > BATCH_CHARACTERS):
                batches.append([])
            batches[-1].append(index)
        vectors = np.vstack([self._encode_batch([texts[index] for index in batch]) for batch in batches])
        result = np.empty_like(vectors)
        result[order] = vectors
        return result

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        session, tokenizer = self._started()
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        (hidden,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def is_exported() -> bool:
    return (export_dir() / MANIFEST_FILE).exists()


def ensure_export() -> Path:
    """The exported model folder, exporting first if needed."""
    folder = export_dir()
    if not is_exported():
        export_bundled(folder)
    return folder


def verify_export(folder: Path) -> None:
    """Refuse an exported file that is not byte for byte the one made from verified weights."""
    recorded = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    if file_sha256(folder / MODEL_FILE) != recorded["onnx_sha256"]:
        raise ModelIntegrityError(f"{folder / MODEL_FILE}: does not match the export made from the verified weights")


def export_bundled(target: Path) -> None:
    """Export the verified bundled weights to `target` (the one step that needs torch),
    writing into a temporary folder first so a killed export never leaves half a model."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    source = verified_model_dir()
    model = AutoModel.from_pretrained(str(source), local_files_only=True)
    model.eval()

    class ByKeyword(torch.nn.Module):
        """transformers 5 models must be called by keyword; the exporter calls positionally."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001 - traced
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        example = torch.ones((1, 8), dtype=torch.int64)
        axes = {0: "batch", 1: "tokens"}
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                ByKeyword(model),
                (example, example, torch.zeros_like(example)),
                str(staging / MODEL_FILE),
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["last_hidden_state"],
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "last_hidden_state": axes},
                opset_version=17,
                dynamo=False,
            )
        shutil.copyfile(source / TOKENIZER_FILE, staging / TOKENIZER_FILE)
        manifest = {"weights_sha256": WEIGHTS_SHA256, "onnx_sha256": file_sha256(staging / MODEL_FILE)}
        (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
