"""Decisions a sub-editor has made: findings accepted as they are, with the reason.

A baseline is a JSON file (`.factcheck-baseline.json` beside the drafts by default) mapping
finding ids to why they were ignored. Finding ids are fingerprints of what a finding says, so
the same disagreement keeps its id from run to run and machine to machine; an edit that
changes the cited sentences makes a new finding, which is exactly when it deserves a new look.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from factcheck.atomic import write_atomically
from factcheck.records import RunResult
from factcheck.user_cache import cache_root

BASELINE_FILE = ".factcheck-baseline.json"
SCHEMA = "factcheck.baseline/1"
FINDING_ID = re.compile(r"[a-z]+(?:-[a-z]+)*-[0-9a-f]{12}")


class BaselineError(ValueError):
    """A baseline that cannot be read or an id that cannot be a finding's."""


@dataclass(frozen=True)
class Decision:
    reason: str
    decided: str


def default_path(checked: list[Path]) -> Path:
    """Beside the drafts: in the first checked folder (or the folder of the first file)."""
    first = checked[0] if checked else Path(".")
    return (first if first.is_dir() else first.parent) / BASELINE_FILE


def load(path: Path) -> dict[str, Decision]:
    """The decisions in `path`; none when it does not exist yet."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {finding_id: Decision(**entry) for finding_id, entry in data["ignored"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{path}: not a factcheck baseline ({type(error).__name__}: {error})") from error


def ignore(path: Path, finding_id: str, reason: str) -> None:
    """Record that `finding_id` is accepted, for `reason`; recording it again updates it."""
    check_decision(finding_id, reason)
    decisions = load(path)
    decisions[finding_id] = Decision(reason.strip(), _now())
    _write(path, decisions)


def _write(path: Path, decisions: dict[str, Decision]) -> None:
    payload = {"schema": SCHEMA, "ignored": {key: vars(decisions[key]) for key in sorted(decisions)}}
    write_atomically(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def check_decision(finding_id: str, reason: str) -> None:
    """An id shaped like a finding's and a reason: what any decision needs."""
    if not FINDING_ID.fullmatch(finding_id):
        raise BaselineError(f"{finding_id!r} is not a finding id (ids look like name-variant-878c7ff214e1)")
    if not reason.strip():
        raise BaselineError("a reason is required: the next sub-editor needs to know why")


# What each baseline's drafts reported on their last check, so `factcheck ignore` can refuse an
# id no current finding has and find the right baseline from any folder. Kept in the user
# cache: the drafts folder only ever gets the baseline a sub-editor asked for.
CHECKS_FOLDER = "checks"


def remember_check(baseline: Path, finding_ids: list[str]) -> None:
    """Note the findings the drafts of `baseline` have now (a failure to note is no failure
    of the check)."""
    resolved = baseline.resolve()
    record = {"baseline": str(resolved), "findings": sorted(finding_ids), "checked": datetime.now(timezone.utc).isoformat()}
    key = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]
    try:
        write_atomically(cache_root() / CHECKS_FOLDER / f"{key}.json", json.dumps(record, indent=1) + "\n")
    except OSError:
        return


@dataclass(frozen=True)
class Check:
    """One remembered check: the baseline of its drafts and the ids it reported."""

    checked: str
    baseline: Path
    findings: frozenset[str]

    @property
    def drafts(self) -> Path:
        return self.baseline.parent


def remembered_checks() -> list[Check]:
    """The last check of every drafts folder that still exists, latest first; a record that
    is not one of ours, or whose folder is gone (a temporary folder long deleted), is passed
    over."""
    found = []
    for path in sorted((cache_root() / CHECKS_FOLDER).glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(record, dict) or not isinstance(record.get("baseline"), str) or not isinstance(record.get("findings"), list):
            continue
        check = Check(str(record.get("checked", "")), Path(record["baseline"]), frozenset(map(str, record["findings"])))
        if check.drafts.is_dir():
            found.append(check)
    return sorted(found, key=lambda check: check.checked, reverse=True)


def baseline_for(finding_id: str, here: Path, asked: Path | None = None) -> Path:
    """The baseline to record a decision on `finding_id` in: the one `asked` for, else that
    of the drafts folder you stand in (or below) if its last check reported the id, else
    that of your most recent check if it did, else the only folder that did. BaselineError
    when no check reported it, or when several did and neither rule decides."""
    checks = remembered_checks()
    reporting = [check for check in checks if finding_id in check.findings]
    if not reporting:
        raise BaselineError(f"{finding_id}: no check reported a finding with this id; run `factcheck check` on the drafts and take the id from its report")
    return asked or _chosen(finding_id, reporting, checks, here)


def baseline_holding(finding_id: str, here: Path) -> Path:
    """The baseline in which `finding_id` was accepted, chosen as `baseline_for` chooses."""
    checks = remembered_checks()
    holding = [check for check in checks if finding_id in _decisions_quietly(check.baseline)]
    if not holding:
        raise BaselineError(f"{finding_id}: not ignored in the baseline of any drafts folder checked; `factcheck ignore --list` shows what is")
    return _chosen(finding_id, holding, checks, here)


def _chosen(finding_id: str, candidates: list[Check], checks: list[Check], here: Path) -> Path:
    here = here.resolve()
    standing = [check for check in candidates if check.drafts == here or check.drafts in here.parents]
    if standing:
        return max(standing, key=lambda check: len(check.drafts.parts)).baseline
    if checks and checks[0] in candidates:
        return checks[0].baseline
    if len(candidates) == 1:
        return candidates[0].baseline
    folders = ", ".join(str(check.drafts) for check in candidates)
    raise BaselineError(f"{finding_id}: the drafts in {folders} all have it; name the drafts folder, or run the command inside it")


def _decisions_quietly(path: Path) -> dict[str, Decision]:
    try:
        return load(path)
    except BaselineError:
        return {}


def baseline_here(here: Path) -> Path | None:
    """The baseline of the drafts folder you stand in: the nearest one in this folder or a
    folder above it, else that of your most recent check; None when there is neither."""
    here = here.resolve()
    for folder in (here, *here.parents):
        if (folder / BASELINE_FILE).is_file():
            return folder / BASELINE_FILE
    checks = remembered_checks()
    return checks[0].baseline if checks else None


def unignore(path: Path, finding_id: str) -> Decision:
    """Take back the decision on `finding_id` (the finding is counted again); the decision
    that was taken back."""
    decisions = load(path)
    if finding_id not in decisions:
        raise BaselineError(f"{finding_id}: not ignored in {path}")
    undone = decisions.pop(finding_id)
    _write(path, decisions)
    return undone


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def apply(result: RunResult, decisions: dict[str, Decision], new_only: bool) -> RunResult:
    """Mark ignored findings (reports fold them away, the exit code skips them), or with
    `new_only` leave them out altogether."""
    if new_only:
        return replace(result, findings=[f for f in result.findings if f.id not in decisions], ignored={})
    return replace(result, ignored={f.id: decisions[f.id].reason for f in result.findings if f.id in decisions})
