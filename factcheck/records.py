"""The plain records passed from one pipeline stage to the next.

Data flows one way: ``ingest -> segment -> extract -> embed -> cluster -> rules -> report``.
Every offset in these records is a character offset into ``Article.text`` (the text as read:
the decoded file for .txt, the rendered text for .md, the extracted main text for .html and
.docx), so any record can be traced back to the exact words a sub-editor will see; and
``Article.locate`` turns an offset into the paragraph and line a person finds them at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class Paragraph:
    """A block of story content; boilerplate lines never become paragraphs."""

    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where words sit in a draft as a person sees it: the story paragraph (counted from 1,
    furniture left out); for files a person reads by line (.txt, .md) the line of the file;
    and where the text is the file itself (.txt) the column too (counted from 1). Word files
    and web pages have no lines to speak of."""

    paragraph: int
    line: int | None = None
    column: int | None = None
    table_row: int | None = None  # in a Word table: the row, as the table shows it

    def describe(self) -> str:
        """ "paragraph 9, line 30": what a report tells a person (nobody counts characters)."""
        if self.table_row is not None:
            return f"table row {self.table_row}"
        return f"paragraph {self.paragraph}" + (f", line {self.line}" if self.line is not None else "")


@dataclass
class Article:
    """One draft as read from disk, before it is split into sentences.

    ``lines`` ties the text to the file's lines: each (offset, line) says that the text from
    ``offset`` on starts at ``line`` of the file and follows it line for line up to the next
    pair. A .txt file is one pair, (0, 1); rendered Markdown has one per line of the file it
    shows; a Word file or web page has none. ``verbatim`` says the text is the file's own
    (.txt), so columns in it are the file's columns.
    """

    path: str
    text: str
    title: str
    published: date | None
    paragraphs: list[Paragraph]
    story: str = ""
    warnings: list[str] = field(default_factory=list)
    lines: tuple[tuple[int, int], ...] = ()
    verbatim: bool = False
    # A Word file's blocks as Word shows them: (offset, paragraph, table row or 0), headings
    # and every other visible paragraph counted.
    places: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> Location:
        """The paragraph, line and column of a character offset into ``text``."""
        placed = [place for place in self.places if place[0] <= offset]
        if placed:
            _, paragraph, row = placed[-1]
            return Location(paragraph, table_row=row or None)
        paragraph = 1 + sum(1 for p in self.paragraphs if p.end <= offset)
        anchors = [anchor for anchor in self.lines if anchor[0] <= offset]
        if not anchors:
            return Location(paragraph)
        start, line = anchors[-1]
        line_start = max(self.text.rfind("\n", start, offset) + 1, start)
        column = offset - line_start + 1 if self.verbatim else None
        return Location(paragraph, line + self.text.count("\n", start, offset), column)


@dataclass(frozen=True)
class ReadError:
    """A file that could not be read; the run goes on without it."""

    path: str
    error: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of story content, located in its article's text."""

    article: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """Words inside a sentence, by absolute offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PersonMention(Mention):
    """A person named in a sentence.

    ``canonical`` is the fullest form of the name found in the same article ("Ms Turnross"
    becomes "Jenny Turnross" when exactly one Turnross has a given name there).
    ``role`` is a title or job given with the name ("corporate director of children's services").
    """

    honorific: str | None = None
    given: str | None = None
    surname: str = ""
    canonical: str = ""
    role: str | None = None


@dataclass(frozen=True)
class Quantity(Mention):
    """A number with what it counts, as a structured value.

    "four out of five of the key areas" is value 4, of_total 5, thing "areas";
    "£977.76" is value 977.76, unit "GBP"; "more than 300 children" has qualifier "more than";
    "between 10 and 20 staff" is value 10, upper 20, qualifier "between".
    """

    value: float = 0.0
    of_total: float | None = None
    upper: float | None = None
    unit: str | None = None
    thing: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class DateMention(Mention):
    """A point or period in time. ``value`` is ISO, as precise as the text allows
    ("2023", "2023-03", "2023-07-13"); ``relative`` marks words like "last week" whose
    value depends on the article's publication date (None when that is unknown)."""

    value: str | None = None
    relative: bool = False


@dataclass(frozen=True)
class Quote(Mention):
    """Quoted words (without the quote marks) and who said them, when the text says."""

    speaker: str | None = None


@dataclass
class Claim:
    """Everything extracted from one sentence."""

    sentence: Sentence
    people: list[PersonMention] = field(default_factory=list)
    organisations: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """One sentence a finding rests on, and the conflicting words inside it."""

    article: str
    sentence: str
    start: int
    end: int
    span: str
    span_start: int
    span_end: int
    speaker: str | None = None  # who says the cited quotation, where the sentence tells

    @classmethod
    def of(cls, sentence: Sentence, mention: Mention, speaker: str | None = None) -> Evidence:
        return cls(
            article=sentence.article,
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            span=mention.text,
            span_start=mention.start,
            span_end=mention.end,
            speaker=speaker,
        )


class Severity(StrEnum):
    """How much a finding matters, most severe first. A str, so reports print "high"."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITIES = tuple(Severity)


@dataclass(frozen=True)
class Finding:
    """A probable disagreement, with a plain message and the sentences that show it."""

    rule: str
    severity: Severity
    confidence: float
    story: str
    message: str
    evidence: tuple[Evidence, ...]
    id: str = ""
    # The first evidence shows the version likely wrong and the others the one likely right
    # ("Ms Turnbull" against "Jenny Turnross"); False where neither side is favoured.
    variant_first: bool = False


@dataclass(frozen=True)
class ListedPerson:
    """A person on the house style sheet: the spelling and title copy must use. `aliases`
    are other names accepted for them (a nickname, a maiden name)."""

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def given(self) -> str | None:
        words = self.name.split()
        return words[0] if len(words) > 1 else None


@dataclass
class Story:
    """Articles compared with each other."""

    name: str
    articles: list[Article]


@dataclass
class RunResult:
    """What one run found: the input to every report format."""

    stories: list[Story]
    sentences: list[Sentence]
    findings: list[Finding]
    errors: list[ReadError]
    warnings: list[str] = field(default_factory=list)
    # Finding id -> why a sub-editor accepted it (from the baseline): shown, but not counted.
    ignored: dict[str, str] = field(default_factory=dict)
    # Finding id -> the night it was first reported, for findings an earlier night reported.
    seen: dict[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        return [article for story in self.stories for article in story.articles]

    @property
    def open_findings(self) -> list[Finding]:
        """Findings nobody has accepted yet: these set the exit code and the counts."""
        return [finding for finding in self.findings if finding.id not in self.ignored]
