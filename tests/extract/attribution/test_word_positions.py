"""resolve._word_positions, the str.find search for a surname's mentions, must give what the regular
expression it replaces gives (hypothesis), and read hand-checked text as expected."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.resolve import _DIGIT_AFTER_RE, _word_positions


def _by_regex(text: str, word: str) -> list[int]:
    pattern = re.compile(r"(?<![\w’'\-])" + re.escape(word) + r"(?![\w\-])")
    return [m.start() for m in pattern.finditer(text) if not _DIGIT_AFTER_RE.match(text, m.end())]


def test_by_hand():
    text = "Quill said. Quill's aide, Quillon and Marr-Quill met on May 6; May said Quill-like plans fail."
    assert _word_positions(text, "Quill") == [0, 12]  # not in Quillon, Marr-Quill or Quill-like
    assert _word_positions(text, "May") == [text.index("May said")]  # 'May 6' is a date


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Quill", "Quil", "l", "'", "’", "-", "_", " ", "\n", "6", ",", "é", "Q"]),
                max_size=20).map("".join),
       st.sampled_from(["Quill", "Q", "l", "May"]))
def test_same_as_the_regular_expression(text, word):
    assert _word_positions(text, word) == _by_regex(text, word)
