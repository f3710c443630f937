"""Fill the generated parts of the docs from the benchmarks' results files, so no results
table is ever copied by hand:

    python docs/generate.py            # rewrite docs/benchmarks.md, docs/settings.md's table and the README's summary
    python docs/generate.py --check    # exit 1 if either is out of date (the tests run this)

docs/benchmarks.md holds blocks `<!-- results PATH -->` ... `<!-- /results -->`, each the
whole of that results file; the README holds `<!-- summary -->` ... `<!-- /summary -->`, a
short table of headline figures read out of the results files; docs/settings.md holds
`<!-- settings -->` ... `<!-- /settings -->`, every setting as factcheck.config declares it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS_DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- results (?P<path>\S+) -->\n).*?(<!-- /results -->)", re.S)
SUMMARY = re.compile(r"(<!-- summary -->\n).*?(<!-- /summary -->)", re.S)
SETTINGS_DOC = ROOT / "docs" / "settings.md"
SETTINGS_TABLE = re.compile(r"(<!-- settings -->\n).*?(<!-- /settings -->)", re.S)


def settings_table() -> str:
    """Every setting as factcheck.config declares it: name, default, what it accepts, help."""
    sys.path.insert(0, str(ROOT))
    from factcheck.config import SETTINGS

    lines = ["| setting | default | accepts | what it does |", "|---|---|---|---|"]
    for setting in SETTINGS:
        default = "all rules" if callable(setting.default) else f"`{setting.default!r}`".replace("'", '"')
        lines.append(f"| `{setting.name}` | {default} | {setting.allowed} | {setting.help} |")
    return "\n".join(lines) + "\n"


def results(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8").strip("\n")


def row(text: str, starts: str, cells: int | None = None) -> list[str]:
    """The cells of the first table row of `text` that starts with `starts` (and has
    `cells` cells, where tables share a first column)."""
    for line in text.splitlines():
        found = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith(starts) and (cells is None or len(found) == cells):
            return found
    raise ValueError(f"no row starting {starts!r}")


def summary() -> str:
    """Headline figures, each from the results file named beside it."""
    detection = results("benchmarks/detection/results.md")
    judge = results("benchmarks/judge/results.md")
    held_out = row(detection, "| held-out | all |")
    found = re.search(r"Real disagreements found by reading (\d+) held-out stories whole: (\d+); flagged by factcheck: (\d+)", detection)
    injected = {kind: row(detection, f"| {kind} |", cells=5)[4] for kind in ("count", "date", "name", "quote")}
    summedits = row(detection, "| balanced accuracy |")[1]
    one_letter = row(detection, "| one-letter change in one word of the name")[1]
    different = row(detection, "| different people, flagged")[1]
    labelled = row(detection, "| all | ")
    judge_all = row(judge, "| all |")
    speed = {size: row(results("benchmarks/speed/results.md"), f"| {size} | onnx |") for size in ("100", "1000")}
    lines = [
        "| measure (data never used to fit or tune, unless said) | value | source |",
        "|---|---|---|",
        f"| realnews_dev held-out stories: findings reported / right (precision) | {held_out[2]} / {held_out[3]} ({held_out[4]}) | detection |",
        f"| real disagreements found by reading {found.group(1)} held-out stories, flagged | {found.group(3)} of {found.group(2)} | detection |",
        "| injected edits under paraphrase, held-out recall: counts / dates / names / quotes | "
        f"{injected['count']} / {injected['date']} / {injected['name']} / {injected['quote']} | detection |",
        f"| SummEdits news, evaluation split: balanced accuracy | {summedits} | detection |",
        f"| person-name pairs: one-letter change flagged / different people flagged | {one_letter} / {different} | detection |",
        f"| hand-written labelled cases (fitting data): recall / precision | {labelled[2]} / {labelled[4]} | detection |",
        f"| slot judge, held-out pairs: AUC | {judge_all[3]} | judge |",
        *(
            f"| speed, {size} real articles: cold / warm (unchanged drafts), peak memory | {cells[3]} / {cells[4]}, {cells[7]} | speed |"
            for size, cells in speed.items()
        ),
    ]
    return "\n".join(lines) + "\n"


def generated(text: str, pattern: re.Pattern, fill) -> str:
    return pattern.sub(lambda match: match.group(1) + fill(match) + match.group(len(match.groups())), text)


def refreshed() -> dict[Path, str]:
    benchmarks = generated(BENCHMARKS_DOC.read_text(encoding="utf-8"), BLOCK, lambda m: results(m.group("path")) + "\n")
    readme = generated(README.read_text(encoding="utf-8"), SUMMARY, lambda m: summary())
    settings = generated(SETTINGS_DOC.read_text(encoding="utf-8"), SETTINGS_TABLE, lambda m: settings_table())
    return {BENCHMARKS_DOC: benchmarks, README: readme, SETTINGS_DOC: settings}


def main(argv: list[str]) -> int:
    stale = [path for path, text in refreshed().items() if path.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python docs/generate.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in refreshed().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
