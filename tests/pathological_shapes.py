"""Drafts shaped to be slow: long runs of one token, of quote marks, of numbers, of
capitalised words, of names. Shared by the linear-time test, the fuzz script and
benchmarks/pathological, so all three try the same shapes."""

from __future__ import annotations

import random
from collections.abc import Callable

WORDS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Smith", "Jones"]


def _run(unit: Callable[[random.Random], str], size: int, seed: int = 1) -> str:
    """Units joined by spaces up to about `size` characters."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        part = unit(rng)
        parts.append(part)
        length += len(part) + 1
    return " ".join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "one token (Mr Mr Mr ...)": lambda size: _run(lambda rng: "Mr", size) + ".",
    "capitalised words": lambda size: _run(lambda rng: rng.choice(WORDS), size) + ".",
    "names (Mr Abcdef ...)": lambda size: _run(lambda rng: "Mr " + "".join(rng.choice("abcdefghijklmnop") for _ in range(6)).title(), size) + ".",
    "numbers": lambda size: _run(lambda rng: str(rng.randint(1, 9999)), size) + ".",
    "counts (3 children ...)": lambda size: _run(lambda rng: f"{rng.randint(1, 99)} children", size) + ".",
    "quote marks": lambda size: "He said " + '"' * size + ".",
    "quotations (\"x\" said Mr Smith, ...)": lambda size: _run(lambda rng: f'"a {rng.choice(WORDS).lower()}" said Mr Smith,', size) + ".",
    "dates (March April ...)": lambda size: _run(lambda rng: rng.choice(["March", "April", "in May 2023", "on 3 June"]), size) + ".",
}


def pathological_draft(shape: str, size: int) -> str:
    """A draft of about `size` characters: a headline, then one paragraph of `shape`."""
    return "Headline\n\n" + SHAPES[shape](size) + "\n"
