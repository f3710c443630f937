"""Nightly benchmark: story grouping (purity, completeness) and incremental re-runs.

    python benchmarks/nightly/run.py            # about a minute

A labelled mixed inbox made of real news: the five seed articles (one story) and the four
SummEdits news articles, each cut into three articles of consecutive paragraphs (so each is a
story of three articles that share people and subject but not sentences). Every article's
true story is known; the inbox is one unsorted folder.

- grouping: purity (each found story is mostly one true story) and completeness (each true
  story mostly lands in one found story), at the configured ``story_similarity`` and at a
  few others for the shape of the curve;
- incremental: wall time of `factcheck nightly` on a first night (nothing archived, no
  sentence vectors cached) and of a re-run over the same inbox.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
EVAL = ROOT.parent / "shared" / "eval" / "summedits_news_evaluation.json"
PARTS = 3


def make_inbox(folder: Path) -> dict[str, str]:
    """Writes the inbox; returns file name -> true story."""
    truth = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
        truth[path.name] = "seeds"
    docs = list(dict.fromkeys(item["doc"] for item in json.loads(EVAL.read_text(encoding="utf-8"))))
    for number, doc in enumerate(docs):
        paragraphs = [line for line in doc.splitlines() if line.strip()]
        size = -(-len(paragraphs) // PARTS)
        for part in range(PARTS):
            name = f"news{number}-part{part}.txt"
            (folder / name).write_text("\n\n".join(paragraphs[part * size : (part + 1) * size]) + "\n", encoding="utf-8")
            truth[name] = f"news{number}"
    return truth


def purity_completeness(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    def score(groups_by: dict[str, str], labels: dict[str, str]) -> float:
        groups: dict[str, list[str]] = {}
        for name, group in groups_by.items():
            groups.setdefault(group, []).append(name)
        return sum(Counter(labels[name] for name in members).most_common(1)[0][1] for members in groups.values()) / len(groups_by)

    return score(found, truth), score(truth, found)


def grouping(inbox: Path, work: Path, settings) -> dict[str, str]:
    """File name -> the story a fresh archive's first night puts it in."""
    from factcheck.embed import load_embedder
    from factcheck.nightly import run_night

    shutil.rmtree(work / "claims", ignore_errors=True)
    done = run_night(inbox, date(2026, 11, 23), work / "claims", settings, load_embedder().embedder)
    return {Path(article.path).name: story.name for story in done.result.stories for article in story.articles}


def timed_night(inbox: Path, work: Path) -> float:
    """Wall seconds of `factcheck nightly` as a scheduler runs it: a process of its own."""
    command = [sys.executable, "-m", "factcheck", "nightly", str(inbox), "--date", "2026-11-23",
               "--archive", str(work / "night-claims"), "--reports", str(work / "night-reports")]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=os.environ, check=False, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    arguments = parser.parse_args()
    from factcheck.config import Settings

    work = Path(tempfile.mkdtemp(prefix="factcheck-nightly-"))
    os.environ["FACTCHECK_CACHE"] = str(work / "cache")
    try:
        inbox = work / "inbox"
        inbox.mkdir()
        truth = make_inbox(inbox)
        default = Settings().story_similarity
        subprocess.run([sys.executable, "-c", "from factcheck.embed import load_embedder; load_embedder()"], cwd=ROOT, check=True)
        for cached in (work / "cache").glob("*.sqlite"):
            cached.unlink()
        timings = []
        for folder, label in ((inbox, f"mixed inbox ({len(truth)} articles)"),):
            for cached in (work / "cache").glob("*.sqlite"):
                cached.unlink()
            shutil.rmtree(work / "night-claims", ignore_errors=True)
            first = timed_night(folder, work)
            again = timed_night(folder, work)
            timings.append(f"| {label} | {first:.1f} s | {again:.1f} s | {again / first:.2f} |")
        rows = []
        for threshold in sorted({0.3, 0.4, default, 0.5, 0.6, 0.7}):
            grouped = grouping(inbox, work, Settings(story_similarity=threshold))
            purity, completeness = purity_completeness(grouped, truth)
            stories = len(set(grouped.values()))
            mark = " (default)" if threshold == default else ""
            rows.append(f"| {threshold:.2f}{mark} | {stories} | {purity:.2f} | {completeness:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        f"Mixed inbox: {len(truth)} articles in {len(set(truth.values()))} true stories (the seeds; four SummEdits news articles cut in {PARTS}).",
        "",
        "| story_similarity | stories found | purity | completeness |",
        "|---|---|---|---|",
        *rows,
        "",
        "Incremental (`factcheck nightly`, one process each; first night: model exported, nothing archived, no vectors cached):",
        "",
        "| inbox | first night | re-run, same inbox | re-run / first |",
        "|---|---|---|---|",
        *timings,
    ]
    text = "\n".join(lines)
    arguments.output.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
