"""Scale: one night of 1,000 and 2,000 distinct real articles, in this process and on a Dask
LocalCluster of 1 and 2 worker processes, with the time and peak memory split by stage.

    python benchmarks/scale/run.py                       # 1,000 and 2,000 articles; 0, 1, 2 workers
    python benchmarks/scale/run.py --articles 300 --workers 0 2
    python benchmarks/scale/run.py --articles 1000 10000 --workers 0 --modes cold warm primed --output night.md

Modes (in this process): "cold" is the night from nothing, beside the model alone on the
same distinct sentences; "warm" runs the same night again on its archive and caches
(nothing new arrived); "primed" starts from nothing but the cold run's vectors, so it is
the night around the model (the model's cost is linear and is the cold run's raw figure).
There are 4,659 distinct real articles; a larger night is topped up with articles
recombined from real news sentences, numbers and names varied, in stories of 5-20
(benchmarks/speed/run.py's corpus). Peak memory by stage is the process's resident size,
sampled every 10 ms while the stage runs (in-process nights only: a Dask worker's memory is
its own).

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
import subprocess
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
from speed.run import make_corpus  # noqa: E402
NIGHT = date(2026, 11, 22)
TASK_STAGES = {"Reading": "extract", "Embedding": "embed", "Checking": "check"}
STAGES = ("start", "read", "extract", "embed", "group", "check", "archive", "write")


class ResidentPeak:
    """The process's largest resident size since `reset`, sampled on a thread."""

    def __init__(self) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def resident() -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.resident())

    def reset(self) -> None:
        self.peak = self.resident()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def cold_cache(export: Path, vectors_from: Path | None = None) -> Path:
    """A cache folder holding the exported model (as on any machine after its first run)
    and, if asked, another run's vectors."""
    cache = Path(tempfile.mkdtemp())
    shutil.copytree(export, cache / export.name)
    if vectors_from is not None:
        shutil.copy2(vectors_from / "vectors.sqlite", cache / "vectors.sqlite")
    return cache


def night_with_stages(inbox: Path, workers: int, export: Path, cache: Path | None = None, archive: Path | None = None) -> dict:
    """Seconds and peak resident MB per stage, bytes sent to tasks, and the night's totals.
    Cold (a new cache and archive, thrown away after) unless given a cache and archive to
    use and keep; the model alone on the night's sentences is timed only on a cold run."""
    cold = cache is None or not (cache / "vectors.sqlite").exists()
    owned = cache is None
    cache = cache or cold_cache(export)
    os.environ["FACTCHECK_CACHE"] = str(cache)
    import factcheck.nightly.night as night_module
    from factcheck.config import Settings
    from factcheck.embed import load_embedder
    from factcheck.nightly import run_night, write_night
    from factcheck.nightly.archive import Archive
    from factcheck.workers import EmbedderSpec, InProcess, connect

    seconds: dict[str, float] = defaultdict(float)
    peaks: dict[str, float] = defaultdict(float)
    sent = 0
    sampler = ResidentPeak()

    def timed(stage, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            sampler.reset()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - start
                peaks[stage] = max(peaks[stage], sampler.peak / 1e6)

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
            done = run_night(inbox, NIGHT, archive or folder / "claims", Settings(), embedder, runner=runner)
            timed("write", write_night)(done, folder / "reports")
        finally:
            sampler.close()
            runner.close()
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        night_module.read_drafts, night_module._assign_stories, Archive.save_night = originals
        if owned:
            shutil.rmtree(cache, ignore_errors=True)
    wall = time.perf_counter() - wall
    raw = None
    if workers == 0 and cold:
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
        "peak_mb": dict(peaks),
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
    parser.add_argument("--modes", nargs="+", choices=["cold", "warm", "primed"], help="in-process nights to run (see above); instead of --workers")
    parser.add_argument("--output", default="results.md", help="results file name, beside this script")
    parser.add_argument("--child", nargs=4, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(night_with_stages(arguments.child[0], 0, *arguments.child[1:])))
        return 0
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
        if count > len(pool):
            make_corpus(inbox / "recombined", count - len(pool))
        answers = None
        for workers, measured in nights(inbox, export, arguments.workers, arguments.modes):
            same = answers is None or measured["ids"] == answers
            answers = answers or measured["ids"]
            rows.append((count, workers, measured, same))
            stages = " ".join(f"{stage} {measured['seconds'].get(stage, 0.0):.1f}" for stage in STAGES)
            if measured["raw_embed"]:
                stages += f"; raw embedding {measured['raw_embed']:.1f} s = {measured['raw_embed'] / measured['wall']:.2f} of wall"
            print(f"{count} articles, {workers} workers: wall {measured['wall']:.1f} s ({stages}); sent {measured['sent'] / 1e6:.1f} MB; "
                  f"{measured['sentences']} sentences, {measured['stories']} stories, {measured['findings']} findings, same findings: {same}", flush=True)
        shutil.rmtree(inbox.parent, ignore_errors=True)
    write_results(rows, HERE / arguments.output)
    return 0


def nights(inbox: Path, export: Path, workers: list[int], modes: list[str] | None):
    """(workers or mode, measured) for each night asked for, in order."""
    if not modes:
        for count in workers:
            yield count, night_with_stages(inbox, count, export)
        return
    cache, archive = cold_cache(export), Path(tempfile.mkdtemp()) / "archive"
    try:
        cold = night_in_child(inbox, export, cache, archive)  # the others start from it
        if "cold" in modes:
            yield "cold", cold
        if "warm" in modes:
            yield "warm", night_in_child(inbox, export, cache, archive)
        if "primed" in modes:
            primed = cold_cache(export, vectors_from=cache)
            try:
                yield "primed", night_in_child(inbox, export, primed, Path(tempfile.mkdtemp()) / "archive")
            finally:
                shutil.rmtree(primed, ignore_errors=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def night_in_child(inbox: Path, export: Path, cache: Path, archive: Path) -> dict:
    """One in-process night in a fresh interpreter, so its memory is its own."""
    command = [sys.executable, __file__, "--child", str(inbox), str(export), str(cache), str(archive)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def write_results(rows: list, output: Path) -> None:
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
    in_process = [(count, workers, measured) for count, workers, measured, _ in rows if not workers or isinstance(workers, str)]
    if in_process:
        lines += [
            "",
            "In this process, per stage: seconds, milliseconds per article, and peak resident MB while the stage ran.",
            "",
            "| articles | night | " + " | ".join(STAGES[1:]) + " | wall ms / article |",
            "|---:|---|" + "---|" * len(STAGES[1:]) + "---:|",
        ]
        for count, workers, measured in in_process:
            cells = " | ".join(
                f"{measured['seconds'].get(stage, 0.0):.1f} s, {1000 * measured['seconds'].get(stage, 0.0) / count:.2f} ms, {measured['peak_mb'].get(stage, 0.0):.0f} MB"
                for stage in STAGES[1:]
            )
            lines.append(f"| {count} | {workers or 'cold'} | {cells} | {1000 * measured['wall'] / count:.1f} |")
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
