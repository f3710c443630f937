"""Pathological drafts: time per KB of every stage as each shape doubles from 16 KB to 1 MB.

    python benchmarks/pathological/run.py                 # every shape, 16 KB .. 1 MB
    python benchmarks/pathological/run.py --sizes 16 32 --shapes "quote marks"

Each shape (tests/pathological_shapes.py) is checked alone with the draft budget lifted, so
every stage sees the whole input: read, split into sentences, extract, embed (the bundled
model, vectors not cached), then cluster and run the rules. Flat milliseconds per KB down
a shape's rows is linear time. A last table checks each 1 MB draft in a folder with the
seeds through the command line with default settings: the draft is refused in one line
and the seeds' findings are intact. Writes results.md beside this file.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
HERE = Path(__file__).resolve().parent

from pathological_shapes import SHAPES, pathological_draft  # noqa: E402

from factcheck.config import Settings  # noqa: E402
from factcheck.embed import load_embedder  # noqa: E402
from factcheck.extract.claims import extract_claims  # noqa: E402
from factcheck.ingest import read_articles  # noqa: E402
from factcheck.pipeline import check_story, embed_claims  # noqa: E402
from factcheck.segment import split_sentences  # noqa: E402

STAGES = ("read", "segment", "extract", "embed", "rules")
SIZES_KB = (16, 32, 64, 128, 256, 512, 1024)


def time_stages(text: str, embedder) -> tuple[dict[str, float], int]:
    """Seconds per stage for one draft, and its number of sentences."""
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "draft.txt").write_text(text, encoding="utf-8")
        seconds: dict[str, float] = {}
        start = time.perf_counter()
        articles, _ = read_articles([str(folder)], max_bytes=10_000_000)
        seconds["read"] = time.perf_counter() - start
        start = time.perf_counter()
        sentences = [split_sentences(article) for article in articles]
        seconds["segment"] = time.perf_counter() - start
        start = time.perf_counter()
        claims = [claim for article, split in zip(articles, sentences) for claim in extract_claims(article, split)]
        seconds["extract"] = time.perf_counter() - start
        start = time.perf_counter()
        vectors = embed_claims(claims, embedder)
        seconds["embed"] = time.perf_counter() - start
        start = time.perf_counter()
        check_story("pathological", claims, vectors, Settings())
        seconds["rules"] = time.perf_counter() - start
        return seconds, len(claims)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def with_seeds(shape: str, size_kb: int) -> tuple[float, str, str]:
    """Wall time, the refusal line and the summary of `factcheck check` on the seeds plus one
    pathological draft, default settings, concise output."""
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(ROOT / "seeds", folder / "drafts")
        (folder / "drafts" / "pathological.txt").write_text(pathological_draft(shape, size_kb * 1024), encoding="utf-8")
        start = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "drafts", "--format", "concise"],
            cwd=folder, capture_output=True, text=True, check=False,
        )
        elapsed = time.perf_counter() - start
        lines = run.stdout.splitlines()
        refused = next((line for line in lines if line.startswith("drafts/pathological.txt:")), "(checked)")
        return elapsed, refused, lines[-1] if lines else run.stderr.strip()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES_KB), help="sizes in KB")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    arguments = parser.parse_args()
    embedder = load_embedder(cache=False).embedder
    rows = []
    for shape in arguments.shapes:
        for size_kb in arguments.sizes:
            seconds, sentences = time_stages(pathological_draft(shape, size_kb * 1024), embedder)
            total = sum(seconds.values())
            rows.append((shape, size_kb, sentences, seconds, total))
            per_kb = " ".join(f"{stage} {1000 * seconds[stage] / size_kb:.2f}" for stage in STAGES)
            print(f"{shape:40s} {size_kb:5d} KB {sentences:5d} sentences  ms/KB: {per_kb}  total {1000 * total / size_kb:.2f}", flush=True)
    checked = []
    for shape in arguments.shapes:
        elapsed, refused, summary = with_seeds(shape, max(arguments.sizes))
        checked.append((shape, elapsed, refused, summary))
        print(f"{shape:40s} with seeds: {elapsed:.1f} s  {refused}  {summary}", flush=True)
    write_results(rows, checked, max(arguments.sizes))
    return 0


def write_results(rows: list, checked: list, size_kb: int) -> None:
    lines = [
        "# Pathological drafts: time per KB",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()}, Python {platform.python_version()}, "
        "by `python benchmarks/pathological/run.py`. Each draft is one paragraph of the shape; the draft budget "
        "is lifted so every stage sees all of it; embedding uses the bundled model with no vector cache.",
        "",
        "## Milliseconds per KB, by stage",
        "",
        "| shape | KB | sentences | " + " | ".join(STAGES) + " | total |",
        "|---|---:|---:|" + "---:|" * (len(STAGES) + 1),
    ]
    for shape, kb, sentences, seconds, total in rows:
        cells = " | ".join(f"{1000 * seconds[stage] / kb:.2f}" for stage in STAGES)
        lines.append(f"| {shape} | {kb} | {sentences} | {cells} | {1000 * total / kb:.2f} |")
    lines += [
        "",
        f"## A {size_kb} KB draft of each shape in a folder with the seeds (default settings)",
        "",
        "| shape | wall time | the draft | summary |",
        "|---|---:|---|---|",
    ]
    for shape, elapsed, refused, summary in checked:
        lines.append(f"| {shape} | {elapsed:.1f} s | {refused.replace('|', '/')} | {summary.replace('|', '/')} |")
    (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
