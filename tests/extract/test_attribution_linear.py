"""The attribution extractor's work grows linearly with the length of a document (issue 20).

No wall time is asserted: the tests count work that does not depend on the machine (Python function calls, and
the tokens handed to the rules), for a text and for the same text four times as long, and compare the index-based
steps with the rules as first written (pairwise) on generated cases. All text is fictional.
"""

from __future__ import annotations

import copy
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.content import _GAP_CHARS, trim_nested
from framelens.extract.attribution.records import Attribution, Cue
from framelens.extract.attribution.subjects import _names_after_lower
from framelens.extract.attribution.tokens import TokenCache
from framelens.model import Document
from framelens.runtime.pipeline import Analyzer
from helpers import attribution_lists

ALTERNATING = '"Yes," she said. "No," he said. '
NO_ENDS = ("the council said residents claimed that \u201ca levy\u201d would allegedly fund lines and officials warned "
           "the plan was a giveaway while Quist told reporters nothing and Marr toured the plant and said ")
NESTED = ('He said "she said \u2018they said "no" to it\u2019 twice," and left. \u201cWe said \u201cnever\u201d before, '
          'Quist said. "Open and never closed, she said.\n\n')


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(doc_timeout=None)


def _calls(analyzer, text: str) -> int:
    """Python and built-in function calls made while analysing ``text``."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    analyzer.analyze_document(Document("warm", text[:200]))
    sys.setprofile(profile)
    try:
        analyzer.analyze_document(Document("x", text))
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit, n", [(ALTERNATING, 250), (NO_ENDS, 60), (NESTED, 80)],
                         ids=["alternating quotations", "no sentence end", "nested quotation marks"])
def test_calls_grow_linearly(analyzer, unit, n):
    # (before the work of issue 20, four times the alternating quotations cost sixteen times the calls)
    small, large = _calls(analyzer, unit * n), _calls(analyzer, unit * (4 * n))
    assert large <= 4 * 1.15 * small, (small, large)


def test_tokens_handed_to_the_rules_grow_linearly(analyzer, monkeypatch):
    """A sentence that never ends: the rules read the tokens near each cue, never every token up to it."""
    handed = [0]
    for name in ("get", "head", "exact"):
        original = getattr(TokenCache, name)

        def counted(self, *args, _original=original):
            out = _original(self, *args)
            handed[0] += len(out)
            return out

        monkeypatch.setattr(TokenCache, name, counted)
    counts = []
    for n in (60, 240):
        handed[0] = 0
        analyzer.analyze_document(Document("x", NO_ENDS * n))
        counts.append(handed[0])
    assert counts[1] <= 4 * 1.15 * counts[0], counts


def _trim_pairwise(text: str, attrs: list[Attribution]) -> None:
    """The nested-content rule as first written: every pair of attributions, in list order."""
    for a in attrs:
        if a.mode in ("direct", "no_response") or a.content is None:
            continue
        content_start, content_end = a.content
        for b in attrs:
            if b is a or b.content is None:
                continue
            if content_start < b.src_start < content_end and b.content[1] <= b.src_start and \
                    min(b.src_start, b.cue.start) > a.cue.end:
                end = min(b.src_start, b.cue.start)
                while end > content_start and text[end - 1] in _GAP_CHARS:
                    end -= 1
                if end > content_start:
                    content_end = end
        a.content = (content_start, content_end)


@settings(max_examples=400, deadline=None)
@given(attribution_lists())
def test_trim_nested_equals_the_pairwise_rule(case):
    text, attrs = case
    expected, got = copy.deepcopy(attrs), copy.deepcopy(attrs)
    _trim_pairwise(text, expected)
    trim_nested(text, got)
    assert [a.content for a in got] == [a.content for a in expected]


def test_trim_nested_cuts_before_the_later_source():
    text = "Harris claimed it was not the county's role, the LA Times reported."
    cue_a = Cue(7, 14, "distancing", "report_verb")
    cue_b = Cue(text.index("reported"), text.index("reported") + 8, "neutral", "report_verb")
    times = text.index("the LA Times")
    a = Attribution(0, 6, cue_a, "indirect", "person", None, True, (15, len(text) - 1), "author")
    b = Attribution(times, times + 12, cue_b, "indirect", "media", None, True, (0, times - 2), "author")
    trim_nested(text, [a, b])
    assert text[a.content[0]:a.content[1]] == "it was not the county's role"


#: Word tokens (what a subject's word can be) and, for the text around them, other pieces.
_TOKENS = ["Marr", "marr", "Quist", "Ostrava", "said", "and", "Marr\u2010Quist", "Marr's", "Marr-Lee", "Ólafsdóttir"]
_PIECES = st.sampled_from(_TOKENS + ["Quist_", "Marr'", "Marr\u2010"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from([" ", ", ", "\n", " the ", ". ", "  "])), max_size=12),
       st.sampled_from(_TOKENS))
def test_names_listed_once_equal_the_search_per_word(pieces, word):
    text = "".join(w + sep for w, sep in pieces)
    listed = word in _names_after_lower(text)
    searched = re.search(r"[a-z,]\s+" + re.escape(word) + r"(?![\w'’\-])", text) is not None
    assert listed == searched
