"""The default backend: the bundled model exported to ONNX, run without torch."""

import subprocess
import sys

import numpy as np
import pytest

from factcheck.embed import ModelIntegrityError, load_embedder
from factcheck.embed.onnx_runtime import MODEL_FILE, OnnxEmbedder, export_dir

pytestmark = pytest.mark.model
SENTENCES = [
    "Jenny Turnross will take up her post in August.",
    "Ms Turnbull started her role at the Cunard next month.",
    "An inspection in March led to the department being rated as inadequate in four out of five of the key areas.",
    "Short.",
]


def test_onnx_vectors_match_the_torch_reference(minilm):
    onnx = minilm.encode(SENTENCES)
    torch = load_embedder(backend="torch").embedder.encode(SENTENCES)
    assert minilm.id.startswith("onnx:") and onnx.shape == torch.shape == (4, 384)
    assert float((onnx * torch).sum(axis=1).min()) > 0.9999


def test_the_check_path_imports_no_torch_once_the_export_exists(minilm, tmp_path):
    (tmp_path / "a.txt").write_text("Jenny Turnross spoke.\nMs Turnbull agreed.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from factcheck.cli import app\n"
        f"try:\n    app(['check', {str(tmp_path)!r}, '-o', {str(tmp_path / 'r.json')!r}, '-f', 'json', '--claims', {str(tmp_path)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert completed.stdout.strip().splitlines()[-1] == "[]", completed.stderr
    assert (tmp_path / "r.json").exists()


def test_a_changed_export_is_set_aside_and_made_again_from_the_verified_weights(minilm):
    from factcheck.user_cache import CacheRebuilt

    folder = export_dir()
    expected = OnnxEmbedder.load().encode(["Any sentence at all."])
    original = (folder / MODEL_FILE).read_bytes()
    (folder / MODEL_FILE).write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    with pytest.warns(CacheRebuilt, match="damaged"):
        vectors = OnnxEmbedder.load().encode(["Any sentence at all."])
    assert np.allclose(vectors, expected, atol=1e-5)
    assert (folder.with_name(folder.name + ".damaged") / MODEL_FILE).read_bytes() != original


def test_help_and_rules_import_no_model_runtime():
    script = "import sys\nfrom factcheck.cli import app\ntry:\n    app(['rules'])\nexcept SystemExit:\n    pass\nprint(sorted(m for m in ('torch', 'onnxruntime', 'sklearn') if m in sys.modules))"
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert completed.stdout.strip().splitlines()[-1] == "[]", completed.stderr


def test_the_first_run_says_it_is_preparing_the_model_and_later_runs_do_not(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app

    (tmp_path / "a.txt").write_text("Jenny Turnross spoke.\n", encoding="utf-8")
    common = ["check", str(tmp_path / "a.txt"), "-f", "json", "-o", str(tmp_path / "r.json"), "--claims", str(tmp_path)]
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "fresh-cache"))
    first = CliRunner().invoke(app, common)
    second = CliRunner().invoke(app, common)
    assert "preparing the bundled model" in first.stderr
    assert "preparing" not in second.stderr and second.exit_code == 0
