"""Rebuild every shipped model file from the data, in the order they depend on each other:
the slot judge (factcheck/judge/judge.json), then the decision layer that reads its scores
(factcheck/decide/model.json). About two minutes on 2 cores; seed 13 throughout."""

from __future__ import annotations

from factcheck.judge import train as judge_training
from training import decision


def main() -> None:
    judge_training.main([])
    decision.main([])


if __name__ == "__main__":
    main()
