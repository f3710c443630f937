"""Detection benchmark: how often each rule finds what it should, and how often it cries wolf.

    python benchmarks/detection/run.py            # all five parts, about ten minutes on 2 cores
    python benchmarks/detection/run.py --part labelled

Five parts, all run through the real pipeline (ingest -> ... -> rules -> decision layer) with the bundled model,
every story a subfolder of one run (``--story-per-folder``):

1. labelled: the cases in training/data/cases.yaml, each one story with one injected discrepancy, plus clean
   stories. Recall per expected rule (a case counts as found when a finding cites the edited
   sentence: one edit makes one finding, whichever rule speaks for it); precision per rule (a finding is correct when its
   evidence includes the edited sentence, whichever rule made it; findings the untouched story
   already had are not counted); false alarms per 1,000 sentences on the clean stories.
2. summedits: the SummEdits news evaluation split, each item a story of the article and the
   summary; an item is flagged when a finding cites the summary. Balanced accuracy, the
   paper's metric, and recall per edit type.
3. names: person-name pairs, each put into two short articles that give the person the same
   role; precision and recall of name-variant. Identical pairs are left out (nothing to flag),
   and ALL-CAPS names are written in title case, as news copy prints them.
4. domains: the seven other SummEdits domains, balanced accuracy per domain.
5. realnews: realnews_dev (real stories by many outlets) as a sub-editor gets it: precision of
   every reported finding against the hand verdicts, false alarms per 1,000 sentences, the
   real disagreements found by reading 10 held-out stories and how many are flagged, and
   recall of injected edits under paraphrase, each by story half (see realnews.py).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.config import Settings  # noqa: E402
from factcheck.embed import load_embedder  # noqa: E402
from factcheck.pipeline import check_paths  # noqa: E402
from factcheck.records import Finding  # noqa: E402
from factcheck.rules import RULES  # noqa: E402
from training.injected import story_half  # noqa: E402
from training.labelled import CASES, EVAL, SEEDS, Case, base_files, build_case, clean_stories, key, summedits_docs  # noqa: E402

HERE = Path(__file__).resolve().parent
NAME_ROLE = "{name}, director of finance at the city council, said the budget for next year had been balanced."
NAME_ROLE_AGAIN = "The council's director of finance, {name}, told councillors on Monday that the budget was balanced."


def write_story(root: Path, name: str, files: dict[str, str]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")


def run_stories(stories: dict[str, dict[str, str]], embedder) -> tuple[dict[str, list[Finding]], dict[str, int]]:
    """Findings and sentence counts per story, from one pipeline run over all of them."""
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        for name, files in stories.items():
            write_story(work, name, files)
        analysis = check_paths([str(work)], Settings(), embedder, story_per_folder=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in analysis.result.findings:
        findings[finding.story].append(finding)
    sentences: Counter[str] = Counter()
    story_of = analysis.story_of
    for sentence in analysis.result.sentences:
        sentences[story_of[sentence.article]] += 1
    return findings, dict(sentences)


def labelled(embedder) -> str:
    cases = [build_case(Case(**raw)) for raw in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    stories = {f"case-{case.id}": case.files for case in cases}
    bases = {case.base for case in cases}
    stories.update({f"base-{base}": base_files(base) for base in bases})
    clean = clean_stories()
    stories.update(clean)
    findings, sentences = run_stories(stories, embedder)

    hits: Counter[str] = Counter()
    expected: Counter[str] = Counter(case.rule for case in cases)
    correct: Counter[str] = Counter()
    made: Counter[str] = Counter()
    misses = []
    for case in cases:
        known = {key(f) for f in findings.get(f"base-{case.base}", [])}
        new = [f for f in findings.get(f"case-{case.id}", []) if key(f) not in known]
        touching = [f for f in new if any(case.replacement in e.sentence for e in f.evidence)]
        if touching:
            hits[case.rule] += 1
        else:
            misses.append(f"{case.id} ({case.rule}): got {sorted({f.rule for f in touching}) or 'nothing'}")
        for f in new:
            made[f.rule] += 1
            correct[f.rule] += f in touching
    alarms: Counter[str] = Counter(f.rule for name in clean for f in findings.get(name, []))
    for rule, count in alarms.items():
        made[rule] += count
    clean_sentences = sum(sentences.get(name, 0) for name in clean)

    lines = [
        f"Labelled set: {len(cases)} injected cases, {len(clean)} clean stories ({clean_sentences} sentences).",
        "",
        "| rule | cases | recall | findings | precision | false alarms / 1,000 clean sentences |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        recall = f"{hits[rule] / expected[rule]:.2f}" if expected[rule] else "–"
        precision = f"{correct[rule] / made[rule]:.2f}" if made[rule] else "–"
        lines.append(f"| {rule} | {expected[rule]} | {recall} | {made[rule]} | {precision} | {1000 * alarms[rule] / max(clean_sentences, 1):.1f} |")
    total_hits, total_made = sum(hits.values()), sum(made.values())
    lines.append(f"| all | {len(cases)} | {total_hits / len(cases):.2f} | {total_made} | {sum(correct.values()) / max(total_made, 1):.2f} | {1000 * sum(alarms.values()) / max(clean_sentences, 1):.1f} |")
    if misses:
        lines += ["", "Missed: " + "; ".join(misses)]
    return "\n".join(lines)


def flagged_items(items: list[dict], embedder) -> list[bool]:
    """Each SummEdits item as a two-article story (the document and the summary); flagged
    when a finding cites the summary."""
    stories = {f"item-{n:04d}": {"article.txt": item["doc"], "summary.txt": item["summary"] + "\n"} for n, item in enumerate(items)}
    findings, _ = run_stories(stories, embedder)
    return [
        any(e.article.endswith("summary.txt") for f in findings.get(f"item-{n:04d}", []) for e in f.evidence)
        for n in range(len(items))
    ]


def balanced_accuracy(items: list[dict], flagged: list[bool]) -> tuple[float, float, float]:
    """(balanced accuracy, recall on inconsistent, specificity on consistent)."""
    consistent = [flag for item, flag in zip(items, flagged) if int(item["label"]) == 1]
    inconsistent = [flag for item, flag in zip(items, flagged) if int(item["label"]) == 0]
    recall = sum(inconsistent) / max(len(inconsistent), 1)
    specificity = 1 - sum(consistent) / max(len(consistent), 1)
    return (recall + specificity) / 2, recall, specificity


def summedits(embedder) -> str:
    items = json.loads((EVAL / "summedits_news_evaluation.json").read_text(encoding="utf-8"))
    flagged = flagged_items(items, embedder)
    accuracy, recall, specificity = balanced_accuracy(items, flagged)
    by_type: dict[str, list[bool]] = defaultdict(list)
    for item, flag in zip(items, flagged):
        if int(item["label"]) == 0:
            for edit in item["edit_types"]:
                by_type[edit].append(flag)
    lines = [
        f"SummEdits news, evaluation split (never used to fit or tune): {len(items)} items "
        f"({sum(int(item['label']) == 0 for item in items)} inconsistent).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| balanced accuracy | {accuracy:.3f} |",
        f"| recall on inconsistent | {recall:.3f} |",
        f"| specificity on consistent | {specificity:.3f} |",
    ]
    lines += [f"| recall, {edit} ({len(flags)}) | {sum(flags) / len(flags):.3f} |" for edit, flags in sorted(by_type.items())]
    lines.append("| published: SummaC-Conv / QAFactEval / GPT-4 | 0.619 / 0.744 / 0.833 |")
    return "\n".join(lines)


def domains(embedder) -> str:
    """The seven other SummEdits domains, all splits, each measured alike (none used to fit)."""
    lines = ["| domain | items | balanced accuracy | recall on inconsistent | specificity |", "|---|---|---|---|---|"]
    for path in sorted((EVAL / "summedits_other_domains").glob("summedits_*.json")):
        items = json.loads(path.read_text(encoding="utf-8"))
        accuracy, recall, specificity = balanced_accuracy(items, flagged_items(items, embedder))
        lines.append(f"| {path.stem.removeprefix('summedits_')} | {len(items)} | {accuracy:.3f} | {recall:.3f} | {specificity:.3f} |")
    return "\n".join(lines)


def as_printed(name: str) -> str:
    return name.title() if name.isupper() else name


def names(embedder) -> str:
    rows = list(csv.DictReader((EVAL / "person_name_pairs.csv").open(encoding="utf-8")))
    pairs = [(as_printed(r["name1"]), as_printed(r["name2"]), r["is_match"] == "true") for r in rows]
    pairs = [pair for pair in pairs if pair[0] != pair[1]]
    stories = {
        f"pair-{n:03d}": {"a.txt": NAME_ROLE.format(name=first) + "\n", "b.txt": NAME_ROLE_AGAIN.format(name=second) + "\n"}
        for n, (first, second, _) in enumerate(pairs)
    }
    findings, _ = run_stories(stories, embedder)
    predicted = [any(f.rule == "name-variant" for f in findings.get(f"pair-{n:03d}", [])) for n in range(len(pairs))]
    truth = [match for _, _, match in pairs]
    tp = sum(p and t for p, t in zip(predicted, truth))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(truth), 1)
    one_letter = [flag for (first, second, match), flag in zip(pairs, predicted) if match and one_letter_apart(first, second)]
    different = [flag for (_, _, match), flag in zip(pairs, predicted) if not match]
    return "\n".join([
        f"Person-name pairs: {len(pairs)} pairs ({sum(truth)} same person), {len(rows) - len(pairs)} identical pairs left out.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| name-variant precision | {precision:.3f} |",
        f"| name-variant recall (every same-person pair: initials, nicknames, word order, transliteration...) | {recall:.3f} |",
        f"| one-letter change in one word of the name, flagged ({len(one_letter)} pairs) | {sum(one_letter) / max(len(one_letter), 1):.3f} |",
        f"| different people, flagged ({len(different)} pairs) | {sum(different) / max(len(different), 1):.3f} |",
        f"| flagged | {sum(predicted)} |",
    ])


def one_letter_apart(first: str, second: str) -> bool:
    """Same words but one, and that one a single letter added, dropped or changed."""
    from rapidfuzz.distance import Levenshtein

    a, b = first.split(), second.split()
    if len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b) if x != y]
    return len(changed) == 1 and Levenshtein.distance(*changed[0]) == 1


def realnews(embedder) -> str:
    """What a sub-editor gets on real stories: every reported finding matched to its hand
    verdict, by story half; unjudged findings are listed in realnews_unjudged.json for judging."""
    from training.candidates import disagreements, flags, injected_candidates, realnews_candidates

    reported, sentences = realnews_candidates(embedder)
    unjudged = [item.finding for item in reported if item.right is None]
    (HERE / "realnews_unjudged.json").write_text(
        json.dumps([{"id": f.id, "rule": f.rule, "story": f.story, "message": f.message,
                     "evidence": [{"article": Path(e.article).name, "sentence": e.sentence, "span": e.span, "start": e.start} for e in f.evidence]}
                    for f in unjudged], indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    lines = [
        f"realnews_dev, {sum(sentences.values())} sentences; every reported finding judged by hand (unjudged: {len(unjudged)}).",
        "",
        "| half | rule | reported | right | precision | false alarms / 1,000 sentences |",
        "|---|---|---|---|---|---|",
    ]
    for half in ("fit", "held-out", "all"):
        items = [item for item in reported if half in ("all", item.half)]
        count = sentences["fit"] + sentences["held-out"] if half == "all" else sentences[half]
        for rule in sorted({item.finding.rule for item in items}) + ["all"]:
            chosen = [item for item in items if rule in ("all", item.finding.rule)]
            right = sum(bool(item.right) for item in chosen)
            wrong = sum(item.right is False for item in chosen)
            precision = f"{right / (right + wrong):.2f}" if right + wrong else "–"
            lines.append(f"| {half} | {rule} | {len(chosen)} | {right} | {precision} | {1000 * wrong / max(count, 1):.2f} |")
    found = disagreements()
    findings = [item.finding for item in reported]
    flagged = [entry for entry in found if any(flags(f, entry) for f in findings)]
    kinds = Counter(entry["kind"] for entry in found)
    flagged_kinds = Counter(entry["kind"] for entry in flagged)
    lines += [
        "",
        f"Real disagreements found by reading 10 held-out stories whole: {len(found)}; flagged by factcheck: {len(flagged)}.",
        "",
        "| kind | found by reading | flagged |",
        "|---|---|---|",
        *[f"| {kind} | {count} | {flagged_kinds[kind]} |" for kind, count in sorted(kinds.items())],
    ]
    cases, by_case = injected_candidates(embedder)
    lines += ["", "Injected edits under paraphrase (a fact two articles state in their own words, changed in one):", "",
              "| kind | fit cases | fit recall | held-out cases | held-out recall |", "|---|---|---|---|---|"]
    for kind in sorted({case.kind for case in cases}):
        cells = []
        for half in ("fit", "held-out"):
            chosen = [case for case in cases if case.kind == kind and story_half(case.story) == half]
            hit = sum(bool(by_case[case.id]) for case in chosen)
            cells += [str(len(chosen)), f"{hit / len(chosen):.2f}" if chosen else "–"]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


PARTS = {"labelled": labelled, "summedits": summedits, "domains": domains, "names": names, "realnews": realnews}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=sorted(PARTS), action="append", help="run only this part (repeatable)")
    parser.add_argument("--output", type=Path, default=HERE / "results.md", help="where the tables are written")
    parser.add_argument("--backend", default="onnx", help="embedding backend (onnx, torch, static, tfidf)")
    arguments = parser.parse_args()
    embedder = load_embedder(backend=arguments.backend).embedder
    sections = []
    for part in arguments.part or list(PARTS):
        started = time.perf_counter()
        table = PARTS[part](embedder)
        sections.append(f"### {part}\n\n{table}\n\n({time.perf_counter() - started:.0f} s)")
        print(sections[-1], flush=True)
    arguments.output.write_text("\n\n".join(sections) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
