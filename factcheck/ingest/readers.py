"""One reader per file kind, chosen by suffix. A reader turns bytes into the text a
sub-editor would call the article, plus what the file itself says about title and date.

For .txt the text is the decoded file, unchanged, so every offset in a report slices the file
as it is on disk. For .md it is the rendered text (what a reader sees, markup gone), for .html
and .docx the extracted main text; ``Document.lines`` ties .txt and .md text to the file's
lines, so reports can still say "line 14".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser

import yaml

from factcheck.ingest.document import Document
from factcheck.ingest.encoding import UnreadableFile, decode
from factcheck.ingest.tables import Cell, has_header, row_sentence
from factcheck.ingest.word import read_docx
from factcheck.lexicon import counted

LINE_END = re.compile(r"\r\n|\r|\n")  # as CommonMark (and markdown-it) end a line
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def read_text(data: bytes) -> Document:
    text, warning = decode(data)
    return Document(text=text, warnings=[warning] if warning else [], lines=((0, 1),), verbatim=True)


# Inline tokens that carry words a reader sees; every other inline token is markup.
MARKDOWN_WORDS = frozenset({"text", "code_inline", "image"})
MARKDOWN_BREAKS = frozenset({"softbreak", "hardbreak"})


def read_markdown(data: bytes) -> Document:
    """Markdown rendered to the words a reader sees: emphasis marks, link targets, list
    markers, struck-out words and raw HTML never reach a sentence, so evidence quotes the
    draft cleanly; a table is read one sentence per row, as in Word. YAML front matter
    (title, date) is metadata, not story text."""
    source = read_text(data)
    text = source.text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    body_start = match.end() if match else 0
    rendered = render_markdown(text[body_start:], first_line=1 + text.count("\n", 0, body_start))
    document = Document(text=rendered.text, warnings=source.warnings + rendered.warnings, lines=tuple(rendered.lines))
    if match:
        _take_front_matter(document, match.group("yaml"))
    return document


def _take_front_matter(document: Document, front_matter: str) -> None:
    try:
        meta = yaml.safe_load(front_matter) or {}
    except yaml.YAMLError:
        document.warnings.append("front matter is not valid YAML; ignored")
        return
    if isinstance(meta, dict):
        document.title = str(meta.get("title") or "")
        document.published = as_date(meta.get("date"))


@dataclass
class RenderedMarkdown:
    """Plain text, one block a paragraph (blank line between), a heading kept as "# words" so
    the paragraph finder takes it for a heading; ``lines`` as Article.lines, one anchor per
    line of the file that text comes from."""

    text: str = ""
    lines: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_block(self, pieces: list[tuple[str, int]]) -> None:
        """A block's words, each piece with the line of the file it is on."""
        if not "".join(words for words, _ in pieces).strip():
            return
        if self.text:
            self.text += "\n\n"
        for words, line in pieces:
            if not self.lines or self.lines[-1][1] != line:
                self.lines.append((len(self.text), line))
            self.text += words


def render_markdown(source: str, first_line: int = 1) -> RenderedMarkdown:
    from markdown_it import MarkdownIt

    rendered = RenderedMarkdown()
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(source)
    source_lines = LINE_END.split(source)
    html_blocks = 0
    position = 0
    while position < len(tokens):
        token = tokens[position]
        line = first_line + token.map[0] if token.map else first_line
        if token.type == "table_open":
            position = _add_table(rendered, tokens, position, first_line)
            continue
        if token.type == "heading_open":
            inline = tokens[position + 1]
            rendered.add_block([("#" * int(token.tag[1:]) + " ", line), *_inline_pieces(inline, line)])
            position += 3
            continue
        if token.type == "inline":
            rendered.add_block(_inline_pieces(token, line + _blank_lines_before(source_lines, token.map)))
        elif token.type in ("code_block", "fence"):
            rendered.add_block([(text, line + offset) for offset, text in enumerate(token.content.rstrip("\n").split("\n"))])
        elif token.type == "html_block":
            html_blocks += 1
        position += 1
    if html_blocks:
        rendered.warnings.append(f"{counted(html_blocks, 'HTML block')} not read")
    return rendered


def _blank_lines_before(source_lines: list[str], lines: list[int] | None) -> int:
    """Lines at the start of a block that hold only Unicode white space (a no-break space,
    say): markdown-it trims them from the block's text but counts the block from the first."""
    if not lines:
        return 0
    blank = 0
    for text in source_lines[lines[0] : lines[1]]:
        if text.strip():
            break
        blank += 1
    return blank


def _inline_pieces(token, line: int) -> list[tuple[str, int]]:
    """An inline block's words with their lines: text and code as written, images by their
    alt text, struck-out words left out; a line break in the file is a space in the text,
    so a wrapped paragraph stays one paragraph."""
    pieces: list[tuple[str, int]] = []
    struck = 0
    for child in token.children or ():
        if child.type == "s_open":
            struck += 1
        elif child.type == "s_close":
            struck -= 1
        elif child.type in MARKDOWN_BREAKS:
            line += 1
            pieces.append((" ", line))
        elif child.type in MARKDOWN_WORDS and not struck:
            pieces.append((child.content, line))
    return pieces


def _add_table(rendered: RenderedMarkdown, tokens: list, position: int, first_line: int) -> int:
    """A table's rows as sentences (see factcheck.ingest.tables), each on its row's line;
    returns the position after the table."""
    rows: list[tuple[list[Cell], int]] = []
    column = 0
    while tokens[position].type != "table_close":
        token = tokens[position]
        if token.type == "tr_open":
            rows.append(([], first_line + token.map[0]))
            column = 0
        elif token.type in ("th_open", "td_open"):
            column += 1
        elif token.type == "inline" and rows:
            words = "".join(text for text, _ in _inline_pieces(token, 0)).strip()
            if words:
                rows[-1][0].append((column - 1, 1, words))
        position += 1
    filled = [(cells, line) for cells, line in rows if cells]
    header = filled[0][0] if filled and has_header([cells for cells, _ in filled]) else []
    for cells, line in filled[1:] if header else filled:
        rendered.add_block([(row_sentence(cells, header), line)])
    return position + 1


def read_html(data: bytes) -> Document:
    """The main text of a web page, without navigation, scripts or comments. A page nested
    deeper than a parser's tree goes is read as a stream of tags instead (see _Paragraphs)."""
    import trafilatura

    streamed = _streamed(data)
    if streamed.deepest > PARSER_DEPTH:
        return _every_paragraph(streamed)
    # The publication date comes from the page's metadata (meta tags, JSON-LD, <time>), never
    # from a year the body mentions ("an inspection in 2018" is not a date of publication).
    extracted = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or not (extracted.text or "").strip():
        raise UnreadableFile("no article text found in the page")
    return Document(text=extracted.text, title=extracted.title or "", published=as_date(extracted.date))


# Past this depth libxml2 (under trafilatura) stops building the tree and the text is lost.
PARSER_DEPTH = 255
HTML_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre td th dd dt div section article br".split())
HTML_SKIPPED = frozenset("script style noscript template nav header footer aside form button select svg head".split())


class _Paragraphs(HTMLParser):
    """Paragraph texts of a page, read as a stream of tags with no tree, so a page nested
    any depth is read in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.words: list[str] = []
        self.skipping = 0
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if tag in HTML_SKIPPED:
            self.skipping += 1
        elif tag in HTML_BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(self.depth - 1, 0)
        if tag in HTML_SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in HTML_BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words.extend(data.split())

    def flush(self) -> None:
        if self.words:
            self.paragraphs.append(" ".join(self.words))
        self.words = []


def _streamed(data: bytes) -> _Paragraphs:
    try:
        text, _ = decode(data)
    except UnreadableFile:
        text = data.decode("utf-8", "replace")
    reader = _Paragraphs()
    reader.feed(text)
    reader.close()
    reader.flush()
    return reader


def _every_paragraph(reader: _Paragraphs) -> Document:
    """Every paragraph outside scripts, navigation, headers and footers, with a warning."""
    if not reader.paragraphs:
        raise UnreadableFile(f"no article text found in the page (nested {reader.deepest:,} elements deep)")
    return Document(
        text="\n\n".join(reader.paragraphs),
        warnings=[f"nested {reader.deepest:,} elements deep, too deep for the main-text extractor: every paragraph was read, menus and all"],
    )


def as_date(value: object) -> date | None:
    """A date from front matter or page metadata, which may be a date, a datetime or ISO text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()[:10]).date()
        except ValueError:
            return None
    return None


READERS: dict[str, Callable[[bytes], Document]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}
