"""Generated drafts, and the promises every draft must keep, shared by the property tests
(tests/test_properties.py, a few hundred examples in CI) and the fuzz script
(benchmarks/fuzz/run.py, as many as a time budget allows).

Drafts are news-like sentences carrying what the extractors look for (names, titles, numbers,
dates, quotes), spliced with arbitrary Unicode, odd whitespace and line endings, so generated
text reaches deep into every extractor instead of stopping at the first non-match.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import strategies as st

NEWS = [
    "Jenny Turnross was named corporate director of children's services at Liverpool City Council.",
    "Ms Turnbull starts her new role at the council next month.",
    "Ofsted rated the council inadequate in four out of five areas after an inspection in March 2023.",
    "\u201cIt is a huge leap forward,\u201d she said.",
    'Cllr Tom Logan, cabinet member for children\'s services, said: "We are not complacent."',
    "The \u00a32.5m plan was approved by 42 votes to 7 on 13 July, up from about 30% last year.",
    "Mr O'Neill, 54, said the figure had risen by between 10 and 12 per cent since 2019.",
    "Dr. J. R. R. Smith-Jones met St. Helens officials at 9.30am on Tue. 3 Oct.",
    "\u2018We will appeal,\u2019 said the chief executive, Ms Dawn Boyer-O\u2019Hara.",
    "The inspection took place last week; the report was published earlier this year.",
    "Police said more than 300 children, aged 5-11, were affected (see p. 4).",
    "\u00c9lodie M\u00fcller-\u0141\u0105cka, 41, was not cleared of the charge, the court heard.",
]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r\n\r\n", " ", "\t", "\u2028", "\u00a0\n", "\n   \n", "\ufeff", "\x0c"]

noise = st.text(max_size=40)
news = st.sampled_from(NEWS)


@st.composite
def spliced(draw) -> str:
    """A news sentence with arbitrary text let in at an arbitrary place."""
    sentence, cut, extra = draw(news), draw(st.integers(0, 200)), draw(noise)
    cut = min(cut, len(sentence))
    return sentence[:cut] + extra + sentence[cut:]


sentences = st.one_of(news, news, spliced(), noise)
draft_texts = st.lists(st.tuples(sentences, st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(sentence + separator for sentence, separator in parts)
)
suffixes = st.sampled_from([".txt", ".md", ".html", ".docx"])


def evidence_slices_the_files(texts: list[str]) -> int:
    """Drafts written to disk and checked: every finding's evidence offsets slice the file
    text to exactly the sentence and span reported. Returns how many pieces of evidence."""
    from factcheck.config import Settings
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths

    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            (Path(folder) / f"draft {number}.txt").write_bytes(text.encode("utf-8"))
        findings = check_paths([folder], Settings(), TfidfEmbedder()).result.findings
        for finding in findings:
            for evidence in finding.evidence:
                text = Path(evidence.article).read_bytes().decode("utf-8")
                assert text[evidence.start : evidence.end] == evidence.sentence
                assert text[evidence.span_start : evidence.span_end] == evidence.span
                assert evidence.start <= evidence.span_start <= evidence.span_end <= evidence.end
        return sum(len(finding.evidence) for finding in findings)


def offsets_slice_the_file(text: str, suffix: str = ".txt") -> None:
    """One draft read from disk: every sentence and every extracted mention slices the
    article's text to exactly its own words; for .txt that text is the file's, and for .md
    (rendered) every sentence is located on a line of the file whose words include its own
    first word."""
    from factcheck.extract.claims import extract_claims
    from factcheck.ingest import read_articles
    from factcheck.segment import split_sentences

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(text.encode("utf-8"))
        articles, _ = read_articles([str(path)], max_bytes=5_000_000)
        for article in articles:
            if suffix == ".txt":
                assert article.text == text
            read = article.text
            sentences = split_sentences(article)
            for sentence in sentences:
                assert read[sentence.start : sentence.end] == sentence.text and sentence.text.strip()
                _located_on_its_line(article, sentence, text)
            for claim in extract_claims(article, sentences):
                bounds = claim.sentence
                for mention in [*claim.people, *claim.organisations, *claim.quantities, *claim.dates, *claim.quotes]:
                    assert read[mention.start : mention.end] == mention.text, mention
                    assert bounds.start <= mention.start <= mention.end <= bounds.end, mention


def _located_on_its_line(article, sentence, file_text: str) -> None:
    """The line a report gives for a sentence is a line of the file holding its first word;
    for a .txt file the column given is where the sentence starts, and rendered Markdown
    gives no column (it would not be the file's)."""
    where = article.locate(sentence.start)
    # Markdown is read as CommonMark reads it (and editors show it): a lone carriage return
    # also ends a line. A .txt file's text is kept as written, so its lines end at "\n".
    lines = file_text.split("\n") if article.verbatim else re.split(r"\r\n|\r|\n", file_text)
    assert where.line is not None and 1 <= where.line <= len(lines)
    line = lines[where.line - 1]
    first_word = re.match(r"\w+", sentence.text)
    if article.verbatim:
        assert line[where.column - 1 :].startswith(sentence.text.split("\n")[0])
    else:
        assert where.column is None
        if first_word:
            assert first_word.group() in line


def any_bytes_are_read_or_refused(data: bytes, suffix: str) -> None:
    """Whatever a file holds, reading it gives an article or a one-line error, never an
    exception."""
    from factcheck.ingest import read_articles

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        articles, errors = read_articles([str(path)], max_bytes=5_000_000)
        assert len(articles) + len(errors) == 1
        assert all(error.error and "\n" not in error.error for error in errors)


def extraction_never_raises(text: str) -> None:
    """Any Unicode at all, split into lines as paragraphs, goes through segmentation and
    every extractor without an exception."""
    import re

    from factcheck.extract.claims import extract_claims
    from factcheck.records import Article, Paragraph
    from factcheck.segment import split_sentences

    paragraphs = [Paragraph(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)]
    article = Article(path="draft.txt", text=text, title="", published=None, paragraphs=paragraphs)
    extract_claims(article, split_sentences(article))


file_name_bytes = st.binary(min_size=1, max_size=40).filter(lambda name: b"/" not in name and b"\x00" not in name and name not in (b".", b".."))


def any_file_name_is_read_and_written_safely(name: bytes, text: str) -> None:
    """A draft whose name is any bytes at all is read (or refused in one line), and every
    report format renders it with no lone surrogate left in the output."""
    import os

    from factcheck.config import Settings
    from factcheck.embed.tfidf import TfidfEmbedder
    from factcheck.pipeline import check_paths
    from factcheck.report import FORMATS, render

    with tempfile.TemporaryDirectory() as folder:
        try:
            with open(os.path.join(os.fsencode(folder), name + b".txt"), "wb") as handle:
                handle.write(("Jenny Turnross was named director. " + text).encode("utf-8", "replace"))
        except OSError:
            return  # a name this file system refuses is no draft at all
        result = check_paths([folder], Settings(), TfidfEmbedder()).result
        for name_of_format in FORMATS:
            rendered = render(result, name_of_format)
            rendered.encode("utf-8")  # a lone surrogate would raise here


sqlite_schemas = st.lists(
    st.tuples(
        st.sampled_from(["articles", "findings", "stories", "claims", "vectors", "other"]),
        st.lists(st.sampled_from(["hash", "id", "key", "model", "sentence", "vector", "story", "night", "x"]), min_size=1, max_size=5, unique=True),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda table: table[0],
)


def any_sqlite_schema_is_a_cache_rebuilt_or_an_archive_refused(tables: list) -> None:
    """A cache or archive file that is valid SQLite with any tables at all: a cache is set
    aside and rebuilt (or used, when its tables are ours), an archive is used or refused in
    one line; no run raises anything else."""
    import sqlite3
    import warnings

    from factcheck.nightly.archive import ArchiveDamaged, open_archive
    from factcheck.config import Settings
    from factcheck.records import Story
    from factcheck.story_cache import StoryCache

    with tempfile.TemporaryDirectory() as folder:
        for name in ("stories.sqlite", "archive.sqlite"):
            connection = sqlite3.connect(Path(folder) / name)
            connection.executescript("".join(f"CREATE TABLE {table} ({', '.join(columns)});" for table, columns in tables))
            connection.close()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cache = StoryCache("m", Settings(), Path(folder) / "stories.sqlite")
            assert cache.claims(Story(name="s", articles=[])) is None
        try:
            open_archive(Path(folder), "m", "c").close()
        except ArchiveDamaged as error:
            assert "\n" not in str(error)
