"""Scale: one night of 1,000 and 2,000 distinct real articles, in this process and on a Dask
LocalCluster of 1 and 2 worker processes, with the time split by stage.

    python benchmarks/scale/run.py                       # 1,000 and 2,000 articles; 0, 1, 2 workers
    python benchmarks/scale/run.py --articles 300 --workers 0 2

Articles are real text nobody here recombined (benchmarks/real_articles.py), so the vector
cache cannot turn them into hits. Every run starts cold: an empty vector and
story cache and an empty archive (the exported model is copied in, as on any machine after
its first run). Stages: read (client), extract, embed and check (the runner's tasks),
group (client), archive (the night's one transaction) and write (the reports). "sent" is
the pickled size of what the client hands the runner's tasks. Writes results.md beside
this file and prints the projection the table in docs/benchmarks.md is made from.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
HERE = Path(__file__).resolve().parent

from real_articles import real_articles  # noqa: E402
NIGHT = date(2026, 11, 22)
TASK_STAGES = {"Reading": "extract", "Embedding": "embed", "Checking": "check"}
STAGES = ("start", "read", "extract", "embed", "group", "check", "archive", "write")


def night_with_stages(inbox: Path, workers: int, export: Path) -> dict:
    """Seconds per stage, bytes sent to tasks, and the night's totals, from a cold start."""
    cache = Path(tempfile.mkdtemp())
    shutil.copytree(export, cache / export.name)
    os.environ["FACTCHECK_CACHE"] = str(cache)
    import factcheck.nightly.night as night_module
    from factcheck.config import Settings
    from factcheck.embed import load_embedder
    from factcheck.nightly import run_night, write_night
    from factcheck.nightly.archive import Archive
    from factcheck.workers import EmbedderSpec, InProcess, connect

    seconds: dict[str, float] = defaultdict(float)
    sent = 0

    def timed(stage, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - start

        return wrapper

    originals = (night_module.read_drafts, night_module._assign_stories, Archive.save_night)
    night_module.read_drafts = timed("read", night_module.read_drafts)
    night_module._assign_stories = timed("group", night_module._assign_stories)
    Archive.save_night = timed("archive", Archive.save_night)
    wall = time.perf_counter()
    try:
        start = time.perf_counter()
        embedder = load_embedder().embedder
        runner = InProcess(embedder) if workers == 0 else connect(None, workers, EmbedderSpec())
        seconds["start"] = time.perf_counter() - start
        plain_map = runner.map

        def measured_map(task, items, description=""):
            nonlocal sent
            if workers:
                sent += len(pickle.dumps(list(items)))
            return timed(TASK_STAGES.get(description, description), plain_map)(task, items, description)

        runner.map = measured_map
        folder = Path(tempfile.mkdtemp())
        try:
            done = run_night(inbox, NIGHT, folder / "claims", Settings(), embedder, runner=runner)
            start = time.perf_counter()
            write_night(done, folder / "reports")
            seconds["write"] = time.perf_counter() - start
        finally:
            runner.close()
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        night_module.read_drafts, night_module._assign_stories, Archive.save_night = originals
        shutil.rmtree(cache, ignore_errors=True)
    wall = time.perf_counter() - wall
    raw = None
    if workers == 0:
        from factcheck.embed.onnx_runtime import OnnxEmbedder

        unique = list(dict.fromkeys(sentence.text for sentence in done.result.sentences))
        model = OnnxEmbedder(export)
        model.encode(unique[:8])  # start the runtime, as the night's first batch did
        start = time.perf_counter()
        for chunk in range(0, len(unique), 256):
            model.encode(unique[chunk : chunk + 256])
        raw = time.perf_counter() - start
    return {
        "seconds": dict(seconds),
        "wall": wall,
        "raw_embed": raw,
        "sent": sent,
        "sentences": len(done.result.sentences),
        "stories": len(done.result.stories),
        "findings": len(done.result.findings),
        "ids": sorted(f.id for f in done.result.findings),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2], help="0 is this process, no Dask")
    arguments = parser.parse_args()
    from factcheck.embed.onnx_runtime import ensure_export

    export = ensure_export()
    pool = real_articles()
    print(f"{len(pool)} distinct real articles available", flush=True)
    rows = []
    for count in arguments.articles:
        inbox = Path(tempfile.mkdtemp()) / "inbox"
        inbox.mkdir()
        for name, text in pool[:count]:
            (inbox / name).write_text(text, encoding="utf-8")
        answers = None
        for workers in arguments.workers:
            measured = night_with_stages(inbox, workers, export)
            same = answers is None or measured["ids"] == answers
            answers = answers or measured["ids"]
            rows.append((min(count, len(pool)), workers, measured, same))
            stages = " ".join(f"{stage} {measured['seconds'].get(stage, 0.0):.1f}" for stage in STAGES)
            if measured["raw_embed"]:
                stages += f"; raw embedding {measured['raw_embed']:.1f} s = {measured['raw_embed'] / measured['wall']:.2f} of wall"
            print(f"{count} articles, {workers} workers: wall {measured['wall']:.1f} s ({stages}); sent {measured['sent'] / 1e6:.1f} MB; "
                  f"{measured['sentences']} sentences, {measured['stories']} stories, {measured['findings']} findings, same findings: {same}", flush=True)
        shutil.rmtree(inbox.parent, ignore_errors=True)
    write_results(rows)
    return 0


def write_results(rows: list) -> None:
    lines = [
        "# Scale: one night of distinct real articles",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()} ({os.cpu_count()} cores), "
        f"Python {platform.python_version()}, by `python benchmarks/scale/run.py`. Cold: empty vector cache and archive.",
        "",
        "| articles | workers | sentences | wall s | " + " | ".join(STAGES) + " | sent MB | findings | same findings | raw embedding / wall |",
        "|---:|---:|---:|---:|" + "---:|" * len(STAGES) + "---:|---:|---|---:|",
    ]
    for count, workers, measured, same in rows:
        cells = " | ".join(f"{measured['seconds'].get(stage, 0.0):.1f}" for stage in STAGES)
        lines.append(
            f"| {count} | {workers or 'none'} | {measured['sentences']} | {measured['wall']:.1f} | {cells} | "
            f"{measured['sent'] / 1e6:.1f} | {measured['findings']} | {'yes' if same else 'NO'} | "
            + (f"{measured['raw_embed']:.1f} s / {measured['wall']:.1f} s = {measured['raw_embed'] / measured['wall']:.2f} |" if measured["raw_embed"] else "|")
        )
    (HERE / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
