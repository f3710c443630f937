"""Tables read as sentences, one per row, so that their figures are compared with what other
drafts say in prose (Word and Markdown tables alike).

A cell is (first grid column, columns spanned, text); a header row, when the table has one,
names what each column's figures count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.lexicon import MONTH_PATTERN

Cell = tuple[int, int, str]

# A cell holding only this is a period label ("2023", "March 2023", "Q1 2024", "2022/23"), not a figure.
PERIOD = re.compile(
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_PATTERN}\.?\s+|(?:Q[1-4]|H[12]|FY)\s*)?(?:19|20)\d{{2}}(?:[/–-]\d{{2,4}})?",
    re.IGNORECASE,
)
# Words a bare figure may hold ("3 out of 5", "£1.2m", "45 per cent"); a cell with any other
# word already says what it counts, or is not a figure.
FIGURE_WORDS = re.compile(r"(?<=\d)(?:m|bn|k|p)\b|\b(?:out of|of|in|to|and|million|billion|thousand|per cent)\b", re.IGNORECASE)


def table_sentences(rows: list[list[Cell]]) -> Iterator[str]:
    """One sentence per row, read with the header row when there is one."""
    for _, sentence in numbered_table_sentences(rows):
        yield sentence


def numbered_table_sentences(rows: list[list[Cell]]) -> Iterator[tuple[int, str]]:
    """(row number as the table shows it, counted from 1 with the header row, sentence)."""
    header = rows[0] if has_header(rows) else []
    for number, cells in enumerate(rows[1:] if header else rows, start=2 if header else 1):
        yield number, row_sentence(cells, header)


def has_header(rows: list[list[Cell]]) -> bool:
    """The first row is a header when it holds no figures and rows follow it."""
    return len(rows) > 1 and not any(is_figure(text) for _, _, text in rows[0])


def row_sentence(cells: list[Cell], header: list[Cell]) -> str:
    """A row as a sentence the quantity extractor reads. It takes what a number counts from
    the words after the number, so each figure is followed by its column heading ("Barnet: 346
    children in care; 3 out of 5 areas rated inadequate."). When the heading is a period or
    missing, the figure is of what the row's label names if the label reads as a thing
    ("346 children in care in 2022; 364 children in care in 2023."), and is left bare after
    a label that names a place or body ("Barnet: 346 in 2022; 364 in 2023."). Any other cell
    keeps its heading in brackets ("Barnet: Inadequate (Judgement).")."""
    label = cells[0][2] if cells[0][0] == 0 and not is_figure(cells[0][2]) else ""
    phrases = []
    label_counted = False
    for column, _, value in cells[1:] if label else cells:
        heading = next((text for start, span, text in header if start <= column < start + span), "")
        if not is_figure(value):
            phrases.append(f"{value} ({heading})" if heading else value)
            continue
        period = heading if PERIOD.fullmatch(heading) else ""
        counted = heading if heading and not period else (label if _reads_as_thing(label) else "")
        label_counted = label_counted or (bool(counted) and counted == label)
        phrases.append(" ".join(filter(None, (value, counted and _as_running_text(counted), period and f"in {period}"))))
    lead = "" if label_counted else label
    return (f"{lead}: " if lead and phrases else lead) + "; ".join(phrases) + "."


def _reads_as_thing(label: str) -> bool:
    """ "Children in care" names what is counted; "Barnet" or "Liverpool City Council" names
    where (every word capitalised), and a figure after it counts nothing said."""
    words = label.split()
    return len(words) >= 2 and all(word[:1].islower() or not word[:1].isalpha() for word in words[1:])


def is_figure(text: str) -> bool:
    """A bare figure ("346", "3 out of 5", "£1.2m"): not a period, not a cell in words."""
    return (
        any(character.isdigit() for character in text)
        and not any(character.isalpha() for character in FIGURE_WORDS.sub("", text))
        and not PERIOD.fullmatch(text)
    )


def _as_running_text(heading: str) -> str:
    """A heading continues the sentence after its figure, so its capital goes ("£1.2m budget":
    the extractor reads what a sum is of only in lower case); acronyms keep theirs ("NHS")."""
    return heading[:1].lower() + heading[1:] if re.match(r"[A-Z][a-z]", heading) else heading
