"""Speed benchmark: wall time, sentences/s and peak memory of `factcheck check` by run size
and backend, cold (vectors not cached; model already exported) and warm (second run).

    python benchmarks/speed/run.py                  # the default grid, about half an hour
    python benchmarks/speed/run.py --sizes 100 --backends onnx static

Inputs are distinct real articles (benchmarks/real_articles.py: realnews_dev, then SummEdits
documents and summaries), in stories of 5-20 articles, one folder each, so no run is made of
cache hits. (`--corpus recombined` gives the older synthetic corpus: real news sentences
recombined into articles, with names, numbers and dates varied.) Every run is a separate
process, as a nightly job would be; peak RSS is that process's. Each cold run is also given
as a fraction of the raw speed of the model: the same run's distinct sentences embedded
directly, in chunks of 256, with nothing around the model.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from factcheck.ingest import read_articles  # noqa: E402
from factcheck.segment import split_sentences  # noqa: E402
from real_articles import real_articles  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "summedits_news_evaluation.json"
HERE = Path(__file__).resolve().parent
NAMES = ["Jenny Turnross", "Liz Parsons", "Liam Robinson", "Andrew Lewis", "Carlos Watson", "Steve Johnson", "Amira Khan", "Tom Price"]
DEFAULT_GRID = {100: ["onnx", "torch", "static", "tfidf"], 1000: ["onnx", "static", "tfidf"], 4000: ["onnx", "static", "tfidf"]}


def sentence_pool() -> list[str]:
    work = Path(tempfile.mkdtemp())
    try:
        docs = list(dict.fromkeys(item["doc"] for item in json.loads(EVAL.read_text(encoding="utf-8"))))
        for index, doc in enumerate(docs):
            (work / f"doc{index}.txt").write_text(doc, encoding="utf-8")
        articles, _ = read_articles([str(ROOT / "seeds"), str(work)], max_bytes=10_000_000)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [sentence.text for article in articles for sentence in split_sentences(article)]


def varied(sentence: str, rng: random.Random) -> str:
    """The same sentence with other numbers and, sometimes, another person."""
    sentence = re.sub(r"\b\d+\b", lambda match: str(max(1, int(match.group()) + rng.randint(-3, 3))), sentence)
    for name in NAMES:
        if name in sentence and rng.random() < 0.3:
            sentence = sentence.replace(name, rng.choice(NAMES))
    return sentence


def make_real_corpus(folder: Path, articles: int, seed: int = 7) -> None:
    """Distinct real articles in story folders of 5-20 (the same order every run)."""
    rng = random.Random(seed)
    pool = real_articles()[:articles]
    story = 0
    while pool:
        size = rng.randint(5, 20)
        members, pool = pool[:size], pool[size:]
        story_folder = folder / f"story-{story:04d}"
        story_folder.mkdir(parents=True)
        for name, text in members:
            (story_folder / name).write_text(text, encoding="utf-8")
        story += 1


def raw_embedding_seconds(corpus: Path, models: Path) -> float:
    """The model alone on the corpus's distinct sentences (as the pipeline splits them)."""
    from factcheck.embed.onnx_runtime import OnnxEmbedder

    articles, _ = read_articles([str(corpus)], max_bytes=10_000_000)
    unique = list(dict.fromkeys(sentence.text for article in articles for sentence in split_sentences(article)))
    model = OnnxEmbedder(next(folder for folder in models.iterdir() if folder.name.startswith("minilm-onnx")))
    model.encode(unique[:8])
    started = time.perf_counter()
    for start in range(0, len(unique), 256):
        model.encode(unique[start : start + 256])
    return time.perf_counter() - started


def make_corpus(folder: Path, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentence_pool()
    made, story = 0, 0
    while made < articles:
        size = min(rng.randint(5, 20), articles - made)
        base = rng.sample(pool, 40)
        story_folder = folder / f"story-{story:04d}"
        story_folder.mkdir(parents=True)
        for number in range(size):
            picked = rng.sample(base, rng.randint(15, 30))
            text = "\n\n".join(varied(sentence, rng) for sentence in picked) + "\n"
            (story_folder / f"article-{number:02d}.txt").write_text(text, encoding="utf-8")
        made += size
        story += 1


def timed_run(corpus: Path, backend: str, cache: Path, out: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB and sentences checked, for one `factcheck check`."""
    command = [sys.executable, "-m", "factcheck", "check", str(corpus), "--story-per-folder", "--backend", backend,
               "--format", "json", "--output", str(out / "report.json"), "--claims", str(out), "--fail-on", "never"]
    environment = {**os.environ, "FACTCHECK_CACHE": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{backend}: exit {status >> 8}: {process.stderr.read().decode()[-500:]}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return wall, usage.ru_maxrss // 1024, sum(article["sentences"] for article in report["articles"])


def prepared_cache(models: Path) -> Path:
    """A cache folder holding the exported models but no vectors: a "cold" run."""
    cache = Path(tempfile.mkdtemp(prefix="factcheck-speed-cache-"))
    for folder in models.iterdir():
        if folder.is_dir():
            shutil.copytree(folder, cache / folder.name)
    return cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of articles (default 100 1000 5000)")
    parser.add_argument("--backends", nargs="*", help="backends to run at every size (default: a grid)")
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    parser.add_argument("--corpus", choices=["real", "recombined"], default="real")
    arguments = parser.parse_args()
    sizes = arguments.sizes or list(DEFAULT_GRID)
    models = Path(tempfile.mkdtemp(prefix="factcheck-speed-models-"))
    for backend in ("onnx", "static"):
        subprocess.run([sys.executable, "-c", f"from factcheck.embed import load_embedder; load_embedder(backend={backend!r})"],
                       env={**os.environ, "FACTCHECK_CACHE": str(models)}, check=True, capture_output=True)
    rows = [
        "| articles | backend | sentences | cold wall | warm wall | sentences/s (cold) | ms per sentence (cold) | peak RSS | raw model / cold wall |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        corpus = Path(tempfile.mkdtemp(prefix=f"factcheck-speed-{size}-"))
        (make_real_corpus if arguments.corpus == "real" else make_corpus)(corpus, size)
        raw = raw_embedding_seconds(corpus, models)
        for backend in arguments.backends or DEFAULT_GRID.get(size, ["onnx"]):
            cache, out = prepared_cache(models), Path(tempfile.mkdtemp())
            cold, rss, sentences = timed_run(corpus, backend, cache, out)
            warm, warm_rss, _ = timed_run(corpus, backend, cache, out)
            fraction = f"{raw:.1f} s / {cold:.1f} s = {raw / cold:.2f}" if backend == "onnx" else ""
            rows.append(
                f"| {size} | {backend} | {sentences} | {cold:.1f} s | {warm:.1f} s | {sentences / cold:.0f} | {1000 * cold / sentences:.2f} | {max(rss, warm_rss)} MB | {fraction} |"
            )
            print(rows[-1], flush=True)
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
    machine = f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}"
    arguments.output.write_text(f"Machine: {machine}. Corpus: {arguments.corpus}.\n\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
