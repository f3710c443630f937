"""Settings: defaults, overridden by `factcheck.toml` (or `[tool.factcheck]` in pyproject.toml)
found in the checked folder or its parents, or by the file given with --config.

Every setting is declared once in SETTINGS below (default, what it accepts, help); the
Settings record, this file's parsing and validation, `--fail-on`'s default and the docs
table (docs/settings.md, generated) all come from those declarations.

```toml
fail_on = "medium"          # check exits 1, and a night fails, from this severity
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

import copy
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path

from factcheck.parameters import Parameter
from factcheck.provenance import PROJECT_FILE, SETTINGS_FILE
from factcheck.records import SEVERITIES, ListedPerson

CONFIG_FILE = SETTINGS_FILE


class ConfigError(ValueError):
    """A setting that cannot be used, with the file and key named in the message."""


class SettingError(ValueError):
    """A bad value inside a setting: `where` is the part of it ("quote-mismatch.min_words",
    "[2]" for the second [[people]] entry)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


@dataclass(frozen=True)
class Setting:
    """One setting, declared once: its default, what it accepts (`parse`, which returns the
    value as the code uses it or raises ValueError saying what is allowed), and its help.
    The Settings record, the settings file's parsing and validation, `--fail-on`'s default
    and the docs table are all derived from these declarations."""

    name: str
    default: object
    help: str
    parse: Callable[[object], object]
    allowed: str
    affects_findings: bool = True  # False: changing it re-uses cached stories' findings

    def initial(self) -> object:
        """A fresh default (a callable default is called: the rule list loads the rules)."""
        return self.default() if callable(self.default) else copy.deepcopy(self.default)


def number(default: float, low: float, high: float, help: str) -> tuple:
    """A number setting, parsed like a rule's Parameter (an int default takes whole numbers)."""
    parameter = Parameter(default, low, high, help)
    kind = "a whole number" if isinstance(default, int) else "a number"
    shown = (lambda value: f"{value:,}") if isinstance(default, int) else (lambda value: f"{value:g}")
    return default, help, parameter.parse, f"{kind} from {shown(low)} to {shown(high)}"


def _rule_list(values: object) -> list[str]:
    from factcheck.rules import find_rule

    if not isinstance(values, list):
        raise ValueError("must be a list of rule names or codes")
    names = []
    for value in values:
        rule = find_rule(str(value))
        if rule is None:
            raise ValueError(f"names unknown rule {value!r} (see `factcheck rules`)")
        names.append(rule.name)
    return names


def _rule_in(rule_key: str) -> str:
    from factcheck.rules import find_rule

    rule = find_rule(rule_key)
    if rule is None:
        raise SettingError(rule_key, "is not a rule (see `factcheck rules`)")
    return rule.name


def _severities(table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ValueError("must be a table of rule = severity")
    found = {}
    for rule_key, severity in table.items():
        name = _rule_in(rule_key)
        if severity not in SEVERITIES:
            raise SettingError(rule_key, f"must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        found[name] = severity
    return found


def _rule_parameters(table: object) -> dict[str, dict[str, float]]:
    if not isinstance(table, dict):
        raise ValueError("must hold a [rules.NAME] table per rule")
    from factcheck.rules import RULES

    found: dict[str, dict[str, float]] = {}
    for rule_key, values in table.items():
        name = _rule_in(rule_key)
        declared = RULES[name].declared
        for parameter, value in dict(values).items():
            if parameter not in declared:
                raise SettingError(f"{rule_key}.{parameter}", f"is unknown (known: {', '.join(declared) or 'none'})")
            try:
                found.setdefault(name, {})[parameter] = declared[parameter].parse(value)
            except ValueError as error:
                raise SettingError(f"{rule_key}.{parameter}", str(error)) from None
    return found


def _choice(choices: Sequence[str]) -> Callable[[object], str]:
    def parse(value: object) -> str:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    return parse


def _all_rules():
    from factcheck.rules import RULES

    return RULES


FAIL_ON = (*SEVERITIES, "never")

SETTINGS: tuple[Setting, ...] = (
    Setting("cluster_similarity", *number(0.55, 0.0, 1.0, "how alike two sentences must be to be compared")),
    Setting("story_similarity", *number(0.45, 0.0, 1.0, "nightly: how alike two articles must be to be one story")),
    Setting("archive_days", *number(7, 0, 3650, "nightly: compare with a story's archived articles of the last N days")),
    Setting("max_file_bytes", *number(5_000_000, 1, 10**12, "a larger draft is reported too large, never read")),
    Setting("max_draft_words", *number(20_000, 1, 10**9, "a longer draft is reported too long to check, not checked")),
    Setting("select", lambda: list(_all_rules()), "the rules that run, by name or code", _rule_list, "a list of rules; default all"),
    Setting("ignore", [], "rules that do not run, by name or code", _rule_list, "a list of rules"),
    Setting("severity", {}, "a severity per rule, re-grading what the decision layer reports", _severities, f"[severity] rule = {', '.join(SEVERITIES)}"),
    Setting("rules", {}, "each rule's own settings (`factcheck rules CODE` lists them with their ranges)", _rule_parameters, "[rules.NAME] tables"),
    Setting("people", [], "the house style sheet: people as copy must name and title them (rule house-style)", lambda v: _people(v), "[[people]] tables: name, role, aliases"),
    Setting("accepted", [], "wordings that may differ: never a finding", lambda v: _accepted(v), "a list of lists of two or more wordings"),
    Setting(
        "fail_on",
        "medium",
        "the severity from which a new finding makes check exit 1 and fails a nightly run: medium, any "
        "reported finding (a count, date or name contradicting what earlier nights published is what a night "
        "exists to catch); high, only findings reported with a calibrated confidence of 0.8 or more; low, "
        "reached only by rules graded low under [severity]; never, no finding",
        _choice(FAIL_ON),
        ", ".join(FAIL_ON),
        affects_findings=False,
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def _enabled_rules(self) -> list[str]:
    return [name for name in self.select if name not in self.ignore]


def _accepted_variants(self) -> list[list[str]]:
    """Accepted groups of wordings, each listed person's aliases among them."""
    return self.accepted + [[person.name, *person.aliases] for person in self.people if person.aliases]


Settings = make_dataclass(
    "Settings",
    [(setting.name, object, field(default_factory=setting.initial)) for setting in SETTINGS] + [("source", str | None, None)],
    namespace={
        "__doc__": "The settings in force: each a declared Setting (SETTINGS), plus the file they came from.",
        "enabled_rules": property(_enabled_rules),
        "accepted_variants": property(_accepted_variants),
    },
)


def findings_settings(settings: Settings) -> dict[str, object]:
    """The settings that can change what a run finds (what cached stories are keyed on)."""
    return {setting.name: getattr(settings, setting.name) for setting in SETTINGS if setting.affects_findings}


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
    for key, value in table.items():
        setting = BY_NAME.get(key)
        if setting is None:
            raise ConfigError(f"{source}: unknown setting '{key}' (known: {', '.join(sorted(BY_NAME))})")
        try:
            setattr(settings, key, setting.parse(value))
        except SettingError as error:
            place = f"{key}{error.where}:" if error.where.startswith("[") else f"'{key}.{error.where}'"
            raise ConfigError(f"{source}: {place} {error}") from None
        except ValueError as error:
            raise ConfigError(f"{source}: '{key}' {error}") from None
    return settings


def _people(entries: object) -> list[ListedPerson]:
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ValueError("must be a list of [[people]] tables")
    people = []
    for number, entry in enumerate(entries, start=1):
        where = f"[{number}]"
        for key in entry:
            if key not in ("name", "role", "aliases"):
                raise SettingError(where, f"unknown setting '{key}' (known: aliases, name, role)")
        name, role, aliases = entry.get("name"), entry.get("role"), entry.get("aliases", [])
        if not isinstance(name, str) or len(name.split()) < 2:
            raise SettingError(where, f"'name' must be a full name such as \"Jenny Turnross\", not {name!r}")
        if role is not None and (not isinstance(role, str) or not role.strip()):
            raise SettingError(where, f"'role' must be text, not {role!r}")
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            raise SettingError(where, f"'aliases' must be a list of names, not {aliases!r}")
        people.append(ListedPerson(" ".join(name.split()), role.strip() if role else None, tuple(aliases)))
    return people


def _accepted(groups: object) -> list[list[str]]:
    valid = isinstance(groups, list) and all(
        isinstance(group, list) and len(group) >= 2 and all(isinstance(item, str) and item.strip() for item in group)
        for group in groups
    )
    if not valid:
        raise ValueError("must be a list of lists of two or more wordings, e.g. [[\"Steve\", \"Steven\"]]")
    return [list(group) for group in groups]
