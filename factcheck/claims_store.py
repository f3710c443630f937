"""The extracted claims of a run, as a table anyone can open with pandas.

One row per sentence; list columns hold the structured claims. Written as JSON Lines so that
`pandas.read_json(path, lines=True)` opens it with no extra dependency, atomically so a killed
run never leaves half a table behind.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from factcheck.atomic import write_atomically
from factcheck.records import Claim

COLUMNS = ("article", "story", "sentence", "start", "end", "text", "people", "organisations", "quantities", "dates", "quotes")


def claims_table(claims: list[Claim], stories: dict[str, str]) -> pd.DataFrame:
    """`stories` maps an article path to its story name."""
    rows = [
        {
            "article": claim.sentence.article,
            "story": stories.get(claim.sentence.article, ""),
            "sentence": claim.sentence.index,
            "start": claim.sentence.start,
            "end": claim.sentence.end,
            "text": claim.sentence.text,
            "people": [asdict(mention) for mention in claim.people],
            "organisations": [asdict(mention) for mention in claim.organisations],
            "quantities": [asdict(mention) for mention in claim.quantities],
            "dates": [asdict(mention) for mention in claim.dates],
            "quotes": [asdict(mention) for mention in claim.quotes],
        }
        for claim in claims
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def write_claims(claims: list[Claim], stories: dict[str, str], path: Path) -> Path:
    table = claims_table(claims, stories).to_json(orient="records", lines=True, force_ascii=False)
    return write_atomically(path, table)
