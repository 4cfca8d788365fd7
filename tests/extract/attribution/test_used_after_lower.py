"""subjects._used_after_lower: the str.find form of the 'a name used after a lower-case word' search must
give what the regular expression it replaces gives, on any text (hypothesis) and on hand-checked cases."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.subjects import _used_after_lower


def _by_regex(text: str, word: str) -> bool:
    return re.search(r"[a-z,]\s+" + re.escape(word) + r"(?![\w'’\-])", text) is not None


@pytest.mark.parametrize("text, word, expected", [
    ("the mayor met Quill on Monday", "Quill", True),
    ("Quill met the mayor", "Quill", False),          # nothing before it
    ("A. Quill said", "Quill", False),                # a capital and a period before it
    ("met with, Quill", "Quill", True),               # a comma before it
    ("the Quill's office", "Quill", False),           # a possessive follows
    ("the Quill-Reyes bill", "Quill", False),         # a hyphen follows
    ("the Quillon", "Quill", False),                  # part of a longer word
    ("the\n\n Quill", "Quill", True),                 # any white space
    ("theQuill", "Quill", False),                     # no white space
])
def test_by_hand(text, word, expected):
    assert _used_after_lower(text, word) is expected
    assert _by_regex(text, word) is expected


_alphabet = st.sampled_from(list("aQz ,.-'’_\n\tÉé1") + ["\u00a0", "\u2009"])


@settings(max_examples=400, deadline=None)
@given(st.text(_alphabet, max_size=30), st.text(st.sampled_from(list("Qaz'.-é")), max_size=4))
def test_same_as_the_regular_expression(text, word):
    assert _used_after_lower(text, word) == _by_regex(text, word)
