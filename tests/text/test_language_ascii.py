"""english_share reads a lower-cased text with no letter beyond ASCII with a simpler word pattern: the words and
the share must be those of the general pattern, on any text (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text.language import _WORD, FUNCTION_WORDS, english_share


def _general(text: str):
    words = _WORD.findall(text.lower())
    if not words:
        return 0, None
    return len(words), sum(w in FUNCTION_WORDS for w in words) / len(words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Tha'’ -.,1\nÉéßİıΣς") + ["the ", "and ", "of "]), max_size=30).map("".join))
def test_same_words_and_share_as_the_general_pattern(text):
    n, share = english_share(text)
    expected_n, expected_share = _general(text)
    assert n == expected_n
    if expected_share is not None:
        assert share == expected_share


def test_by_hand():
    assert english_share("The board and the chair of it.")[0] == 7
    assert english_share("Él y la junta")[0] == 4  # a letter beyond ASCII: the general pattern
