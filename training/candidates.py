"""Real stories nobody here wrote: what factcheck says on them, and whether it is right.

Three sources, all from ../shared/eval/realnews_dev (80 stories, 346 articles by many outlets):

* hand verdicts (data/realnews_verdicts.jsonl): every finding factcheck has made there, judged by a
  sub-editor's standard (real discrepancy or not, and why). A finding is matched to its verdict
  by id, or by rule and cited sentences (file name and offset) when only its wording changed.
* injected edits (injected.py): one fact two articles state in their own words, changed in one
  of them (a name's letter, a count, a date, a quotation's word, a role). Right means a finding
  cites the edited words.
* real disagreements (data/realnews_disagreements.yaml): what reading 10 held-out stories whole
  found (ages, counts, names, dates...); flagged means a finding cites both versions.

Stories are split by number: even ones ("fit") may be used to fit or tune anything, odd ones
("held-out") only to measure. The same helpers serve the decision layer's fitting script
(training/decision.py) and the detection benchmark (benchmarks/detection/run.py), so both label alike.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml

from training.injected import InjectedCase, injected_cases, story_half, write_case
from training.labelled import CASES, Case, base_files, build_case, clean_stories, key
from factcheck.config import Settings
from factcheck.decide import Decide, decide
from factcheck.decide.features import story_features
from factcheck.pipeline import check_paths
from factcheck.records import Finding
from factcheck.rules.base import StoryContext

DATA = Path(__file__).resolve().parent / "data"
REALNEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "realnews_dev"
VERDICTS = DATA / "realnews_verdicts.jsonl"
DISAGREEMENTS = DATA / "realnews_disagreements.yaml"
# The one real discrepancy of the sample articles (seeds/), the reason the project exists.
SEEDS_DISCREPANCY = "Ms Turnbull"


@dataclass(frozen=True)
class Candidate:
    """A finding with its decision features, the story half and whether it is right (None when
    nobody has judged it yet)."""

    finding: Finding
    features: tuple[float, ...]
    half: str
    right: bool | None
    source: str


def sentence_key(finding: Finding) -> tuple:
    return (finding.rule, tuple(sorted((PurePath(e.article).name, e.start) for e in finding.evidence)))


def load_verdicts() -> dict:
    """Verdicts by finding id and by (rule, cited sentences)."""
    verdicts: dict = {}
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            right = row["verdict"] == "real"
            verdicts[row["id"]] = right
            verdicts[(row["rule"], tuple(sorted(tuple(pair) for pair in row["sentences"])))] = right
    return verdicts


def verdict_of(finding: Finding, verdicts: dict) -> bool | None:
    return verdicts.get(finding.id, verdicts.get(sentence_key(finding)))


class Recorder:
    """A decision step that keeps every candidate and remembers its features: what the
    fitting script learns from, and how the benchmark measures the rules alone."""

    def __init__(self, then: Decide = decide) -> None:
        self.rows: dict[str, tuple[float, ...]] = {}
        self.then = then

    def __call__(self, findings: list[Finding], story: StoryContext) -> list[Finding]:
        for finding, row in zip(findings, story_features(findings, story)):
            self.rows[finding.id] = tuple(row)
        return self.then(findings, story)


def run_folder(root: Path, embedder, judge: Decide) -> tuple[list[Finding], int, dict[str, int]]:
    """Findings of one run over a folder of story folders, the sentence count, and sentences
    per story."""
    analysis = check_paths([str(root)], Settings(), embedder, story_per_folder=True, judge=judge)
    per_story: dict[str, int] = {}
    story_of = analysis.story_of
    for sentence in analysis.result.sentences:
        per_story[story_of[sentence.article]] = per_story.get(story_of[sentence.article], 0) + 1
    return analysis.result.findings, len(analysis.result.sentences), per_story


def realnews_candidates(embedder, then: Decide = decide) -> tuple[list[Candidate], dict[str, int]]:
    """Every finding on realnews_dev (all candidates when `then` keeps all), labelled by the
    hand verdicts, and the sentences per story half."""
    recorder = Recorder(then)
    findings, _, per_story = run_folder(REALNEWS, embedder, recorder)
    verdicts = load_verdicts()
    sentences = {"fit": 0, "held-out": 0}
    for story, count in per_story.items():
        sentences[story_half(story)] += count
    candidates = [
        Candidate(f, recorder.rows[f.id], story_half(f.story), verdict_of(f, verdicts), "realnews") for f in findings
    ]
    return candidates, sentences


def injected_candidates(embedder, then: Decide = decide) -> tuple[list[InjectedCase], dict[str, list[Candidate]]]:
    """The injected cases and, per case, the findings that cite its edit (right by
    construction: the edit is the only thing that differs from the real story)."""
    cases = injected_cases(REALNEWS)
    work = Path(tempfile.mkdtemp(prefix="factcheck-injected-"))
    try:
        for case in cases:
            write_case(case, REALNEWS, work)
        recorder = Recorder(then)
        findings, _, _ = run_folder(work, embedder, recorder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    by_case: dict[str, list[Candidate]] = {case.id: [] for case in cases}
    cases_by_id = {case.id: case for case in cases}
    for finding in findings:
        case = cases_by_id.get(finding.story)
        if case is not None and cites_edit(finding, case):
            by_case[case.id].append(Candidate(finding, recorder.rows[finding.id], story_half(case.story), True, "injected"))
    return cases, by_case


def cites_edit(finding: Finding, case: InjectedCase) -> bool:
    end = case.start + len(case.replacement)
    return any(
        PurePath(e.article).name == case.file and e.start <= case.start and end <= e.end and e.span_start < end and case.start < e.span_end
        for e in finding.evidence
    )


def disagreements() -> list[dict]:
    return yaml.safe_load(DISAGREEMENTS.read_text(encoding="utf-8"))


def flags(finding: Finding, entry: dict) -> bool:
    """Whether a finding cites both versions of a disagreement found by reading: one where the
    reader found it, the other in any article (the story may state it in several)."""
    cited = {(PurePath(e.article).name, e.sentence) for e in finding.evidence}
    a_there = any(name == entry["article_a"] and entry["text_a"] in text for name, text in cited)
    b_there = any(name == entry["article_b"] and entry["text_b"] in text for name, text in cited)
    a_anywhere = any(entry["text_a"] in text for _, text in cited)
    b_anywhere = any(entry["text_b"] in text for _, text in cited)
    return (a_there and b_anywhere) or (b_there and a_anywhere)


def labelled_candidates(embedder, then: Decide = decide) -> list[Candidate]:
    """The hand-written cases of cases.yaml as fitting data: a new finding that cites the
    edited sentence is right, any other new finding (or one on a clean story) is not; on the
    untouched seeds, the Turnbull finding is right and any other is not. They
    are all "fit": copies with one word changed are too easy to measure anything on."""
    cases = [build_case(Case(**raw)) for raw in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    stories = {f"case-{case.id}": case.files for case in cases}
    stories.update({f"base-{base}": base_files(base) for base in {case.base for case in cases}})
    stories.update(clean_stories())
    work = Path(tempfile.mkdtemp(prefix="factcheck-labelled-"))
    try:
        for name, files in stories.items():
            (work / name).mkdir()
            for file_name, text in files.items():
                (work / name / file_name).write_text(text, encoding="utf-8")
        recorder = Recorder(then)
        findings, _, _ = run_folder(work, embedder, recorder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    known = {f.story: set() for f in findings}
    for finding in findings:
        if finding.story.startswith("base-"):
            known[finding.story].add(key(finding))
    replacements = {f"case-{case.id}": (case.base, case.replacement) for case in cases}
    candidates = []
    for finding in findings:
        if finding.story == "base-seeds":
            right = any(e.span == SEEDS_DISCREPANCY for e in finding.evidence)
            candidates.append(Candidate(finding, recorder.rows[finding.id], "fit", right, "labelled"))
        if finding.story.startswith("base-"):
            continue
        base, replacement = replacements.get(finding.story, (None, None))
        if base is not None and key(finding) in known.get(f"base-{base}", set()):
            continue
        right = replacement is not None and any(replacement in e.sentence for e in finding.evidence)
        candidates.append(Candidate(finding, recorder.rows[finding.id], "fit", right, "labelled"))
    return candidates
