"""Rebuild every shipped model file from the data: the slot judge (factcheck/judge/judge.json),
then the decision layer (factcheck/decide/model.json; see README.md on why the shipped one is
not today's refit). About two minutes on 2 cores; seed 13 throughout."""

from __future__ import annotations

from factcheck.judge import train as judge_training
from training import decision


def main() -> None:
    judge_training.main([])
    decision.main([])


if __name__ == "__main__":
    main()
