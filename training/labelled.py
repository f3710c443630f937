"""The hand-written cases (data/cases.yaml) and the clean stories beside them.

A case edits one word of a seed, or of a SummEdits news document given a second, shorter
article (the edited paragraph, as a second reporter's version of the same passage). They fit
the decision layer (training/decision.py) and are measured by benchmarks/detection/run.py,
so both build them here, alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.records import Finding

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "data" / "cases.yaml"


@dataclass
class Case:
    """One injected discrepancy: in `file` of `base`, `original` becomes `replacement`."""

    id: str
    base: str
    file: str
    original: str
    replacement: str
    rule: str
    files: dict[str, str] = field(default_factory=dict)


def summedits_docs() -> list[str]:
    items = json.loads((EVAL / "summedits_news_evaluation.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys(item["doc"] for item in items))


def base_files(base: str) -> dict[str, str]:
    if base == "seeds":
        return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    if base.startswith("summedits-doc-"):
        return {"original.txt": summedits_docs()[int(base.rsplit("-", 1)[1])]}
    raise ValueError(f"unknown base {base!r}")


def build_case(case: Case) -> Case:
    """Seeds cases edit one seed; article cases add a second, shorter article: the edited
    paragraph, as a second reporter's version of the same passage."""
    files = base_files(case.base)
    if case.base == "seeds":
        name = next(n for n in files if n.startswith(case.file))
        if case.original not in files[name]:
            raise ValueError(f"{case.id}: {case.original!r} is not in {name}")
        files[name] = files[name].replace(case.original, case.replacement, 1)
    else:
        paragraph = next((p for p in files["original.txt"].split("\n\n") if case.original in p), None)
        if paragraph is None:
            raise ValueError(f"{case.id}: {case.original!r} is not in {case.base}")
        files["second.txt"] = paragraph.replace(case.original, case.replacement, 1) + "\n"
    case.files = files
    return case


def clean_stories() -> dict[str, dict[str, str]]:
    """Untouched stories: each article alone, related seeds together (002 is left out of
    these: it holds the real Turnbull/Turnross discrepancy)."""
    seeds = base_files("seeds")
    names = sorted(seeds)
    untouched = [n for n in names if not n.startswith("002")]
    stories = {f"clean-seed-{n[:3]}": {n: seeds[n]} for n in untouched}
    stories["clean-seeds-four"] = {n: seeds[n] for n in untouched}
    stories["clean-seeds-000-001"] = {n: seeds[n] for n in untouched[:2]}
    stories["clean-seeds-003-004"] = {n: seeds[n] for n in untouched[2:]}
    for index, doc in enumerate(summedits_docs()):
        stories[f"clean-doc-{index}"] = {"original.txt": doc}
    return stories


def key(finding: Finding) -> tuple:
    return (finding.rule, tuple(sorted(e.sentence for e in finding.evidence)))
