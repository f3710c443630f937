"""The publication date printed above or below a story ("Published 13 July 2023 10:00").

Only a line that is nothing but a date (with an optional weekday, time and a word such as
"Published") counts: a date inside a sentence is the date of an event, never of publication.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|first published|last updated)(?:\s+on)?:?\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})[a-z]*,?\s+\d{{4}}"
    rf"|(?:{MONTHS})[a-z]*\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]m)?(?:\s*[a-z]{2,4})?|[,\s]+\d{1,2}\s*[ap]m)?\s*$",
    re.IGNORECASE,
)
FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


def dateline_date(line: str) -> date | None:
    """The date of a dateline, or None when the line is anything else."""
    match = DATELINE.match(line.strip())
    if not match:
        return None
    written = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", match.group("date"), flags=re.IGNORECASE)
    written = re.sub(r"\bsept\b", "sep", written.replace(",", " "), flags=re.IGNORECASE)
    written = " ".join(written.split())
    for layout in FORMATS:
        try:
            return datetime.strptime(written, layout).date()
        except ValueError:
            continue
    return None
