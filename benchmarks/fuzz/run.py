"""Fuzzing ingest, segmentation and extraction for a set time.

    python benchmarks/fuzz/run.py                 # 10 minutes
    python benchmarks/fuzz/run.py --minutes 1

Runs the promises of tests/draft_strategies.py (the property tests' own generators and
checks) in rounds with fresh random seeds until the time is up: any bytes in any kind of
draft are read or refused with one line; sentence and mention offsets slice the file text;
extraction never raises on arbitrary Unicode or on news text spliced with it; evidence
offsets slice the files; a draft named with any bytes is read and written safely; a cache or
archive of any SQLite schema is rebuilt, used or refused in one line. Each distinct failure (exception type and place) is reported once
with hypothesis's shrunk example. Writes results.md beside this file; exit 1 when anything
was found.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
HERE = Path(__file__).resolve().parent

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import InvalidArgument  # noqa: E402

import draft_strategies as drafts  # noqa: E402
from pathological_shapes import SHAPES, pathological_draft  # noqa: E402

MS_PER_KB = 25  # extraction runs at 2-5 ms per KB on the worst shapes; quadratic blows past this


def pathological_is_linear(shape: str, size_kb: int, seed_text: str) -> None:
    """A pathological shape (with some fuzz spliced in) is read, split and extracted within
    MS_PER_KB per KB, plus a second of slack for small inputs."""
    from factcheck.extract.claims import extract_claims
    from factcheck.segment import split_sentences

    from conftest import article_from

    text = pathological_draft(shape, size_kb * 1024) + seed_text
    start = time.perf_counter()
    article = article_from(text)
    extract_claims(article, split_sentences(article))
    elapsed = time.perf_counter() - start
    assert elapsed <= 1.0 + MS_PER_KB * size_kb / 1000, f"{shape} at {size_kb} KB took {elapsed:.1f} s"

TARGETS: dict[str, tuple[Callable, tuple]] = {
    "read any bytes as any kind of draft": (drafts.any_bytes_are_read_or_refused, (st.binary(max_size=2000), drafts.suffixes)),
    "read news-like text as any kind of draft": (
        drafts.any_bytes_are_read_or_refused,
        (drafts.draft_texts.map(lambda text: text.encode("utf-8")), drafts.suffixes),
    ),
    "offsets slice the file (.txt, .md)": (drafts.offsets_slice_the_file, (drafts.draft_texts, st.sampled_from([".txt", ".md"]))),
    "extract from arbitrary Unicode": (drafts.extraction_never_raises, (st.text(max_size=500),)),
    "extract from news spliced with Unicode": (drafts.extraction_never_raises, (drafts.draft_texts,)),
    "evidence offsets slice the files": (drafts.evidence_slices_the_files, (st.lists(drafts.draft_texts, min_size=2, max_size=4),)),
    "file names of any bytes": (drafts.any_file_name_is_read_and_written_safely, (drafts.file_name_bytes, st.text(max_size=100))),
    "SQLite caches and archives of any schema": (drafts.any_sqlite_schema_is_a_cache_rebuilt_or_an_archive_refused, (drafts.sqlite_schemas,)),
    "pathological shapes in linear time": (
        pathological_is_linear,
        (st.sampled_from(list(SHAPES)), st.integers(min_value=1, max_value=128), st.text(max_size=200)),
    ),
}
ROUND = 200  # examples per target per round


def fuzz_round(check: Callable, strategies: tuple, round_seed: int) -> tuple[int, BaseException | None]:
    """One round of one target: the number of examples tried and the failure, if any."""
    tried = 0

    @seed(round_seed)
    @settings(max_examples=ROUND, deadline=None, database=None, suppress_health_check=list(HealthCheck), print_blob=False)
    @given(st.tuples(*strategies))
    def run(arguments):
        nonlocal tried
        tried += 1
        check(*arguments)

    try:
        run()
    except InvalidArgument:
        raise  # the fuzzer itself is wrong, not the code under test
    except Exception as error:  # noqa: BLE001 - every failure is a finding of the fuzzer
        return tried, error
    return tried, None


def signature(error: BaseException) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "factcheck" in frame.filename] or traceback.extract_tb(error.__traceback__)
    last = frames[-1]
    return f"{type(error).__name__} at {Path(last.filename).name}:{last.lineno}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    options = parser.parse_args()
    deadline = time.monotonic() + options.minutes * 60
    started = time.monotonic()
    examples = dict.fromkeys(TARGETS, 0)
    crashes: dict[str, str] = {}
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name, (check, strategies) in TARGETS.items():
            if time.monotonic() >= deadline:
                break
            tried, error = fuzz_round(check, strategies, random.randrange(2**32))
            examples[name] += tried
            if error is not None:
                key = f"{name}: {signature(error)}"
                if key not in crashes:
                    notes = "\n".join(getattr(error, "__notes__", []))
                    crashes[key] = f"{type(error).__name__}: {error}\n{notes}".strip()
                    print(f"CRASH {key}\n{crashes[key]}\n", file=sys.stderr)
        print(f"round {rounds}: {sum(examples.values()):,} examples, {len(crashes)} distinct failures", file=sys.stderr)
    elapsed = time.monotonic() - started
    write_results(examples, crashes, elapsed)
    return 1 if crashes else 0


def write_results(examples: dict[str, int], crashes: dict[str, str], elapsed: float) -> None:
    lines = [
        f"Last run: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {elapsed / 60:.1f} minutes on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}), {sum(examples.values()):,} examples, "
        f"{len(crashes)} distinct failures.",
        "",
        "| target | examples |",
        "|---|---|",
        *[f"| {name} | {count:,} |" for name, count in examples.items()],
        "",
    ]
    for key, detail in crashes.items():
        lines += [f"### {key}", "", "```", detail, "```", ""]
    (HERE / "results.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
