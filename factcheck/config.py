"""Settings: defaults, overridden by `factcheck.toml` (or `[tool.factcheck]` in pyproject.toml)
found in the checked folder or its parents, or by the file given with --config.

```toml
cluster_similarity = 0.55   # how alike sentences must be to be compared
story_similarity = 0.45     # nightly: how alike articles must be to be one story
archive_days = 7            # nightly: compare with archived articles of the last N days
max_file_bytes = 5000000    # larger drafts are reported as errors, not read
max_draft_words = 20000     # longer drafts are reported as "too long to check", not checked
select = ["name-variant", "number-mismatch"]   # rule names or codes; default: all
ignore = ["FC201"]
accepted = [["Steve Reddy", "Stephen Reddy"]]   # wordings that may differ: never a finding
[severity]
number-mismatch = "medium"
[rules.name-variant]
min_surname_similarity = 0.65

# The house style sheet: people as copy must name and title them (rule house-style).
[[people]]
name = "Jenny Turnross"
role = "corporate director of children's services"
aliases = ["Jen Turnross"]          # other names accepted for her, never flagged
```
A misspelt key is an error naming the key: a silently ignored setting is worse than none.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.provenance import PROJECT_FILE, SETTINGS_FILE
from factcheck.records import ListedPerson
from factcheck.rules import RULES, SEVERITIES, find_rule

CONFIG_FILE = SETTINGS_FILE


class ConfigError(ValueError):
    """A setting that cannot be used, with the file and key named in the message."""


@dataclass
class Settings:
    cluster_similarity: float = 0.55
    max_file_bytes: int = 5_000_000
    max_draft_words: int = 20_000
    select: list[str] = field(default_factory=lambda: list(RULES))
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, float]] = field(default_factory=dict)
    story_similarity: float = 0.45
    archive_days: int = 7
    people: list[ListedPerson] = field(default_factory=list)
    accepted: list[list[str]] = field(default_factory=list)
    source: str | None = None

    @property
    def enabled_rules(self) -> list[str]:
        return [name for name in self.select if name not in self.ignore]

    @property
    def accepted_variants(self) -> list[list[str]]:
        """Accepted groups of wordings, each listed person's aliases among them."""
        return self.accepted + [[person.name, *person.aliases] for person in self.people if person.aliases]


def load_settings(config: Path | None, checked: Sequence[Path]) -> Settings:
    """Settings from `config`, else from the first config file above the checked paths."""
    path = config or _discover(checked)
    if path is None:
        return Settings()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from error
    if path.name == PROJECT_FILE:
        table = table.get("tool", {}).get("factcheck", {})
    return _parse(table, str(path))


def _discover(checked: Sequence[Path]) -> Path | None:
    for start in checked:
        folder = start.resolve() if start.is_dir() else start.resolve().parent
        for candidate_folder in (folder, *folder.parents):
            if (candidate_folder / CONFIG_FILE).is_file():
                return candidate_folder / CONFIG_FILE
            pyproject = candidate_folder / PROJECT_FILE
            if pyproject.is_file() and "[tool.factcheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
                return pyproject
    return None


def _parse(table: dict, source: str) -> Settings:
    settings = Settings(source=source)
    known = {
        "cluster_similarity", "max_file_bytes", "max_draft_words", "select", "ignore", "severity", "rules", "people", "accepted",
        "story_similarity", "archive_days",
    }
    for key in table:
        if key not in known:
            raise ConfigError(f"{source}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
    if "cluster_similarity" in table:
        settings.cluster_similarity = _number(table, "cluster_similarity", source, 0.0, 1.0)
    if "story_similarity" in table:
        settings.story_similarity = _number(table, "story_similarity", source, 0.0, 1.0)
    if "archive_days" in table:
        settings.archive_days = int(_number(table, "archive_days", source, 0, 3650))
    if "max_file_bytes" in table:
        settings.max_file_bytes = int(_number(table, "max_file_bytes", source, 1, float("inf")))
    if "max_draft_words" in table:
        settings.max_draft_words = int(_number(table, "max_draft_words", source, 1, float("inf")))
    if "select" in table:
        settings.select = _rule_names(table["select"], "select", source)
    if "ignore" in table:
        settings.ignore = _rule_names(table["ignore"], "ignore", source)
    for rule_key, severity in dict(table.get("severity", {})).items():
        name = _rule_names([rule_key], "severity", source)[0]
        if severity not in SEVERITIES:
            raise ConfigError(f"{source}: severity.{rule_key} must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        settings.severity[name] = severity
    for rule_key, values in dict(table.get("rules", {})).items():
        name = _rule_names([rule_key], "rules", source)[0]
        declared = RULES[name].declared
        for parameter, value in values.items():
            if parameter not in declared:
                raise ConfigError(
                    f"{source}: unknown setting 'rules.{rule_key}.{parameter}' (known: {', '.join(declared) or 'none'})"
                )
            try:
                settings.rules.setdefault(name, {})[parameter] = declared[parameter].parse(value)
            except ValueError as error:
                raise ConfigError(f"{source}: 'rules.{rule_key}.{parameter}' {error}") from error
    if "people" in table:
        settings.people = _people(table["people"], source)
    if "accepted" in table:
        settings.accepted = _accepted(table["accepted"], source)
    return settings


def _people(entries: object, source: str) -> list[ListedPerson]:
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"{source}: 'people' must be a list of [[people]] tables")
    people = []
    for number, entry in enumerate(entries, start=1):
        where = f"{source}: people[{number}]"
        for key in entry:
            if key not in ("name", "role", "aliases"):
                raise ConfigError(f"{where}: unknown setting '{key}' (known: aliases, name, role)")
        name, role, aliases = entry.get("name"), entry.get("role"), entry.get("aliases", [])
        if not isinstance(name, str) or len(name.split()) < 2:
            raise ConfigError(f"{where}: 'name' must be a full name such as \"Jenny Turnross\", not {name!r}")
        if role is not None and (not isinstance(role, str) or not role.strip()):
            raise ConfigError(f"{where}: 'role' must be text, not {role!r}")
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            raise ConfigError(f"{where}: 'aliases' must be a list of names, not {aliases!r}")
        people.append(ListedPerson(" ".join(name.split()), role.strip() if role else None, tuple(aliases)))
    return people


def _accepted(groups: object, source: str) -> list[list[str]]:
    valid = isinstance(groups, list) and all(
        isinstance(group, list) and len(group) >= 2 and all(isinstance(item, str) and item.strip() for item in group)
        for group in groups
    )
    if not valid:
        raise ConfigError(f"{source}: 'accepted' must be a list of lists of two or more wordings, e.g. [[\"Steve\", \"Steven\"]]")
    return [list(group) for group in groups]


def _number(table: dict, key: str, source: str, low: float, high: float) -> float:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"{source}: '{key}' must be a number from {low} to {high}, not {value!r}")
    return value


def _rule_names(values: object, key: str, source: str) -> list[str]:
    if not isinstance(values, list):
        raise ConfigError(f"{source}: '{key}' must be a list of rule names or codes")
    names = []
    for value in values:
        rule = find_rule(str(value))
        if rule is None:
            raise ConfigError(f"{source}: '{key}' names unknown rule {value!r} (see `factcheck rules`)")
        names.append(rule.name)
    return names
