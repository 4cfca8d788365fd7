"""The fast forms of two word-sense checks in framelens.text.senses against the plain rule they replace, on
hypothesis-made text: the ``near`` phrases as one regex, and the cue-word test before a declined label.
Words are made-up or everyday English; nothing here is news text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text import senses

_WORDS = ["call", "called", "them", "not", "never", "the", "term", "a", "an", "as", "drug", "drugs", "war",
          "first", "time", "sex", "offender", "ex", "n't", "don't", "label", "refer", "to", "stop", "dub", "x.y",
          "(a)", "c++", "no", "longer", "phrase", "word"]
_word_lists = st.lists(st.sampled_from(_WORDS), max_size=8)
_phrases = st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)
                    | st.text(alphabet=" ac.+()lt", max_size=6), max_size=6)


@settings(max_examples=400, deadline=None)
@given(_word_lists, _phrases)
def test_near_regex_finds_a_phrase_where_the_padded_substring_test_does(words, phrases):
    joined = " " + " ".join(words) + " "
    plain = any((" " + p + " ") in joined for p in phrases)
    rx = senses.near_regex(phrases)
    assert (rx is not None and rx.search(joined) is not None) == plain


_near_text = st.lists(st.sampled_from(_WORDS + [".", "!", "?", "\n\n", "-", ","]), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_near_text, st.integers(0, 40), st.integers(0, 8), _phrases, st.integers(0, 5))
def test_near_decides_as_the_phrase_by_phrase_rule(text, a, length, phrases, window):
    a = min(a, len(text))
    b = min(len(text), a + length)
    s0, s1 = senses._sentence_bounds(text, a, b, None)
    sides = [senses._last_words(text, s0, a, window), senses._first_words(text, b, s1, window)]
    plain = any(side and any((" " + p + " ") in (" " + " ".join(side) + " ") for p in phrases) for side in sides)
    assert senses.near(text, a, b, None, phrases, window) == plain


_DECLINED_CUE_RE = re.compile(r"call|label|describ|refer|brand|dub|the term|the word|the phrase")
_NEGATION_CUE_RE = re.compile(r"not|never|n't|no longer|refus|declin|stop|avoid|instead|without")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + ["describ", "brand", "refus", "declin", "avoid", "instead", "without",
                                          "the word", "the phrase"]), max_size=12).map(" ".join)
       | st.text(alphabet="calbentdrsfuhwo' ", max_size=40))
def test_declined_cues_answer_as_the_two_cue_regexes(before):
    plain = _DECLINED_CUE_RE.search(before) is not None and _NEGATION_CUE_RE.search(before) is not None
    assert senses._declined_cues(before) == plain


def test_near_on_hand_checked_sentences():
    text = "The mayor said the plan was, for the first time, about drugs. Nothing else."
    s = text.index("the plan")
    assert senses.near(text, s, s + 8, None, ("first time",), 5)
    assert not senses.near(text, s, s + 8, None, ("first time",), 2)  # "was for the" only
    assert senses.near(text, s, s + 8, None, ("said",), 1)  # the word before
    assert not senses.near(text, s, s + 8, None, ("else",), 20)  # the next sentence
    assert not senses.near(text, s, s + 8, None, (), 5)
