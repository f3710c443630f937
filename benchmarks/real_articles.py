"""Distinct real articles for the speed and scale benchmarks: text nobody here recombined,
so the vector cache cannot turn a run into cache hits.

The 346 realnews_dev articles whole, the SummEdits documents (all eight domains) cut at
paragraph breaks into articles of about ten sentences, then the SummEdits summaries (each
distinct wording once, a short article each): 4,659 articles in all.
"""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def real_articles() -> list[tuple[str, str]]:
    """(file name, text) of distinct real articles, realnews_dev first."""
    articles = [(f"rn-{path.parent.name[:20]}-{path.stem}.txt", path.read_text(encoding="utf-8")) for path in sorted((EVAL / "realnews_dev").rglob("*.txt"))]
    items = json.loads((EVAL / "summedits_news_evaluation.json").read_text(encoding="utf-8"))
    for path in sorted((EVAL / "summedits_other_domains").glob("*.json")):
        items += json.loads(path.read_text(encoding="utf-8"))
    documents = list(dict.fromkeys(item["doc"] for item in items))
    for number, document in enumerate(documents):
        paragraphs = [part.strip() for part in document.split("\n") if part.strip()]
        piece: list[str] = []
        for paragraph in paragraphs:
            piece.append(paragraph)
            if sum(text.count(". ") + 1 for text in piece) >= 10:
                articles.append((f"se-doc{number}-{len(articles)}.txt", "\n\n".join(piece) + "\n"))
                piece = []
        if piece:
            articles.append((f"se-doc{number}-{len(articles)}.txt", "\n\n".join(piece) + "\n"))
    summaries = list(dict.fromkeys(text for item in items for text in (item.get("original_summary"), item["summary"]) if text))
    articles += [(f"se-summary{number}.txt", text.strip() + "\n") for number, text in enumerate(summaries)]
    return articles
