"""Embedding backends side by side: speed, memory, agreement with torch, detection.

    python benchmarks/backends/run.py                       # all backends, about five minutes
    python benchmarks/backends/run.py --backends onnx static --no-detection

Every backend runs in a process of its own, so import time and peak RSS are its own. Each
embeds the same 3,000 news sentences (from the seeds and the SummEdits articles, split by
factcheck itself) in length-sorted batches of 256, as `factcheck check` does, with no
vector cache. Measured:

- import + load: from a bare interpreter to a loaded model (the export and the distillation
  are made beforehand: they happen once per machine);
- sentences/s over the whole set, and one-sentence latency (median of 20 calls);
- peak RSS of the process;
- agreement with torch: per-sentence cosine where the vectors share torch's space (onnx),
  and for every backend the Pearson correlation of pairwise sentence similarities with
  torch's (a distilled or TF-IDF space is another space, but should rank pairs alike);
- detection: the labelled part of benchmarks/detection with that backend.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
BACKENDS = ["torch", "onnx", "static", "tfidf"]
BATCH = 256
SENTENCES = 3000
LATENCY_CALLS = 20


def measure(backend: str, sentences_file: Path, vectors_file: Path) -> dict:
    """Runs inside the child process: everything after interpreter start-up is counted."""
    import resource
    import statistics

    started = time.perf_counter()
    import numpy as np

    from factcheck.embed import BACKENDS as LOADERS

    embedder = LOADERS[backend](None)
    sentences = json.loads(sentences_file.read_text(encoding="utf-8"))
    embedder.encode(sentences[:1])
    loaded = time.perf_counter() - started

    latencies = []
    for sentence in sentences[:LATENCY_CALLS]:
        one = time.perf_counter()
        embedder.encode([sentence])
        latencies.append(time.perf_counter() - one)

    order = sorted(range(len(sentences)), key=lambda index: len(sentences[index]))
    whole = getattr(embedder, "whole_corpus", False)
    size = len(order) if whole else BATCH
    began = time.perf_counter()
    parts = [embedder.encode([sentences[i] for i in order[start : start + size]]) for start in range(0, len(order), size)]
    elapsed = time.perf_counter() - began
    vectors = np.empty((len(sentences), parts[0].shape[1]), dtype=np.float32)
    vectors[order] = np.vstack(parts)
    np.save(vectors_file, vectors)
    return {
        "load_s": loaded,
        "sentences_per_s": len(sentences) / elapsed,
        "one_sentence_ms": 1000 * statistics.median(latencies),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def sentences(count: int = SENTENCES, seed: int = 7) -> list[str]:
    """`count` distinct news sentences: the speed benchmark's pool of real sentences and the
    SummEdits summaries, then copies of them with numbers and names varied as that benchmark
    varies them (the transformer's cost depends on length, not on which number is written)."""
    import importlib.util
    import random

    spec = importlib.util.spec_from_file_location("speed_benchmark", ROOT / "benchmarks" / "speed" / "run.py")
    speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(speed)
    summaries = [item["summary"] for item in json.loads(speed.EVAL.read_text(encoding="utf-8"))]
    pool = list(dict.fromkeys(speed.sentence_pool() + summaries))
    chosen = dict.fromkeys(pool)
    rng = random.Random(seed)
    while len(chosen) < count:
        chosen.setdefault(speed.varied(rng.choice(pool), rng))
    return list(chosen)[:count]


def agreement(reference, vectors) -> dict:
    import numpy as np

    same_space = reference.shape == vectors.shape
    cosines = np.sum(reference * vectors, axis=1) if same_space else None
    upper = np.triu_indices(len(reference), k=1)
    correlation = float(np.corrcoef((reference @ reference.T)[upper], (vectors @ vectors.T)[upper])[0, 1])
    return {
        "mean_cosine": float(cosines.mean()) if same_space else None,
        "min_cosine": float(cosines.min()) if same_space else None,
        "similarity_correlation": correlation,
    }


def prepare(backend: str) -> None:
    """The one-time export or distillation, outside the measured process."""
    code = f"from factcheck.embed import BACKENDS; BACKENDS[{backend!r}](None)"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)


def detection(backend: str) -> str:
    """The labelled part's overall row: recall / precision / false alarms per 1,000."""
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "results.md"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "detection" / "run.py"), "--part", "labelled", "--backend", backend, "--output", str(output)],
            check=True,
            capture_output=True,
        )
        row = re.search(r"^\| all \| \d+ \| ([\d.]+) \| \d+ \| ([\d.]+) \| ([\d.]+) \|$", output.read_text(encoding="utf-8"), re.M)
    return f"{row[1]} / {row[2]} / {row[3]}" if row else "(no table)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=BACKENDS, choices=BACKENDS)
    parser.add_argument("--no-detection", action="store_true", help="skip the detection runs (about a minute each)")
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    parser.add_argument("--child", nargs=3, metavar=("BACKEND", "SENTENCES", "VECTORS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        backend, sentences_file, vectors_file = arguments.child
        print(json.dumps(measure(backend, Path(sentences_file), Path(vectors_file))))
        return

    import numpy as np

    texts = sentences()
    backends = ["torch"] + [name for name in arguments.backends if name != "torch"]
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as work:
        sentences_file = Path(work) / "sentences.json"
        sentences_file.write_text(json.dumps(texts), encoding="utf-8")
        for backend in backends:
            prepare(backend)
            vectors_file = Path(work) / f"{backend}.npy"
            child = subprocess.run(
                [sys.executable, __file__, "--child", backend, str(sentences_file), str(vectors_file)],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            results[backend] = json.loads(child.stdout.strip().splitlines()[-1])
            results[backend].update(agreement(np.load(Path(work) / "torch.npy"), np.load(vectors_file)))
            if not arguments.no_detection:
                results[backend]["detection"] = detection(backend)
            print(backend, results[backend], flush=True)

    torch_speed = results["torch"]["sentences_per_s"]
    lines = [
        f"{len(texts)} distinct news sentences, batches of {BATCH}, length-sorted; 2 CPU cores; no vector cache.",
        "",
        "| backend | import + load | sentences/s | x torch | one sentence | peak RSS | cosine with torch (mean / min) | similarity correlation with torch | detection: recall / precision / false alarms per 1,000 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for backend, row in results.items():
        cosine = f"{row['mean_cosine']:.3f} / {row['min_cosine']:.3f}" if row["mean_cosine"] is not None else "other space"
        lines.append(
            f"| {backend} | {row['load_s']:.1f} s | {row['sentences_per_s']:,.0f} | {row['sentences_per_s'] / torch_speed:.1f}x "
            f"| {row['one_sentence_ms']:.1f} ms | {row['peak_rss_mb']:,.0f} MB | {cosine} | {row['similarity_correlation']:.3f} "
            f"| {row.get('detection', 'not run')} |"
        )
    table = "\n".join(lines)
    arguments.output.write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
