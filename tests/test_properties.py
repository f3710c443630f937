"""Property-based tests: promises that hold for every draft, checked on generated ones.

The generators and promises live in draft_strategies.py so benchmarks/fuzz/run.py can run the
same promises for as long as it is given.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draft_strategies import (
    NEWS,
    any_bytes_are_read_or_refused,
    draft_texts,
    evidence_slices_the_files,
    extraction_never_raises,
    offsets_slice_the_file,
    suffixes,
)

# Derandomized: the suite gives the same verdict on every run; benchmarks/fuzz/run.py is
# where fresh random examples are explored.
CI = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@CI
@given(draft_texts, st.sampled_from([".txt", ".md"]))
def test_sentence_and_mention_offsets_slice_the_file_text(text, suffix):
    offsets_slice_the_file(text, suffix)


@settings(CI, max_examples=40)
@given(draft_texts, draft_texts)
def test_evidence_offsets_slice_the_files_to_the_reported_sentence(first, second):
    """Two clean drafts hold the Turnross / Turnbull pair; the generated drafts add evidence
    (or, naming another Turnbull, rightly take the finding away)."""
    evidence_slices_the_files([NEWS[0] + "\n", NEWS[1] + "\n", first, second])


def test_the_evidence_promise_has_evidence_to_check():
    assert evidence_slices_the_files([NEWS[0] + "\n", NEWS[1] + "\n"]) >= 2


@CI
@given(st.text())
def test_extraction_never_raises_on_arbitrary_unicode(text):
    extraction_never_raises(text)


@CI
@given(draft_texts)
def test_extraction_never_raises_on_news_spliced_with_unicode(text):
    extraction_never_raises(text)


@CI
@given(st.one_of(st.binary(max_size=400), draft_texts.map(lambda text: text.encode("utf-8"))), suffixes)
def test_any_file_content_is_read_or_refused_with_one_line(data, suffix):
    any_bytes_are_read_or_refused(data, suffix)
