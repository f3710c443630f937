"""A typed, ranged setting as rules and the settings file declare them: imported by the
command line's help without loading the rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """A rule's setting: its default, and the range a config file may set it to. Whole-number
    settings (a word count, a number of days) are declared with an int default and only
    accept whole numbers."""

    default: float
    low: float
    high: float
    help: str

    def parse(self, value: object) -> float:
        """The value as the rule will use it; ValueError says what is allowed."""
        whole = isinstance(self.default, int)
        kind = "a whole number" if whole else "a number"
        if isinstance(value, bool) or not isinstance(value, int if whole else int | float) or not self.low <= value <= self.high:
            raise ValueError(f"must be {kind} from {self.low} to {self.high}, not {value!r}")
        return value
