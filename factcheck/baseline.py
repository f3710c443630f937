"""Decisions a sub-editor has made: findings accepted as they are, with the reason.

A baseline is a JSON file (`.factcheck-baseline.json` beside the drafts by default) mapping
finding ids to why they were ignored. Finding ids are fingerprints of what a finding says, so
the same disagreement keeps its id from run to run and machine to machine; an edit that
changes the cited sentences makes a new finding, which is exactly when it deserves a new look.
"""

from __future__ import annotations

import hashlib
import json
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
    key = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
    try:
        write_atomically(cache_root() / CHECKS_FOLDER / f"{key}.json", json.dumps(record, indent=1) + "\n")
    except OSError:
        return


def baselines_reporting(finding_id: str) -> list[Path]:
    """The baselines whose drafts reported `finding_id` on their last check, latest first;
    a record that is not one of ours is passed over."""
    records = []
    for path in sorted((cache_root() / CHECKS_FOLDER).glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(record, dict) or not isinstance(record.get("baseline"), str) or not isinstance(record.get("findings"), list):
            continue
        if finding_id in record["findings"]:
            records.append((str(record.get("checked", "")), Path(record["baseline"])))
    return [baseline for _, baseline in sorted(records, reverse=True)]


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def apply(result: RunResult, decisions: dict[str, Decision], new_only: bool) -> RunResult:
    """Mark ignored findings (reports fold them away, the exit code skips them), or with
    `new_only` leave them out altogether."""
    if new_only:
        return replace(result, findings=[f for f in result.findings if f.id not in decisions], ignored={})
    return replace(result, ignored={f.id: decisions[f.id].reason for f in result.findings if f.id in decisions})
