"""The name-run pattern (a look-ahead capture for each leading word) finds the matches of the pattern as first
written (a word's characters then a letter, backtracking). Every text is fictional or random."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.names import _NAME_RUN_PLAIN, NAME_RUN_RE

_PIECES = ["Maren", "Castellano", "Dr.", "Jr.", "O'Neil", "Ann-Marie", "Yulín", "CNN's", "Tapper", "Q", "A", "3M",
           "X2", " ", "  ", "\n", "-", "‐", "’", "'", "_", "é", "É", "said", "of", ",", "9"]
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_name_runs_are_the_plain_patterns(text):
    assert [m.span() for m in NAME_RUN_RE.finditer(text)] == [m.span() for m in _NAME_RUN_PLAIN.finditer(text)]


def test_name_runs_by_hand():
    text = "Mayor Maren Castellano met CNN's Jake Tapper and X2 Robotics' Ida Lund. A B Cole 3M Ivo Stam"
    found = [m.group() for m in NAME_RUN_RE.finditer(text)]
    # a leading word ends in a letter ('X2', "Robotics'" and the lone 'A', 'B' open no run); '3M' is one word
    assert found == ["Mayor Maren Castellano", "CNN's Jake Tapper", "Ida Lund", "Ivo Stam"]
    assert found == [m.group() for m in _NAME_RUN_PLAIN.finditer(text)]
