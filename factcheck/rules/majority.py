"""Which version of a disagreement is likely right, said the same way by every rule.

Articles are counted, not mentions or substrings: one draft repeating a misspelling five
times is still one draft, and "three" occurring somewhere in an article is no vote for "three
out of five". The house style sheet outranks any count, and a tie is called a tie.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.lexicon import counted


def majority_note(versions: Sequence[str], articles: Sequence[int], style: str | None = None) -> str:
    """One sentence naming how many articles use each version and which to prefer."""
    if style is not None and style in versions:
        return f"The style sheet spells it “{style}”."
    tally = ", ".join(f"“{version}” in {counted(count, 'article')}" for version, count in zip(versions, articles))
    best = max(articles)
    leaders = [version for version, count in zip(versions, articles) if count == best]
    if len(leaders) > 1:
        return f"{tally[0].upper()}{tally[1:]}: a tie, so check the source (the reporter's notes, the person's or organisation's own page) before choosing."
    return f"{tally[0].upper()}{tally[1:]}: more articles use “{leaders[0]}”."
