"""The light-verb and regarding cues are found by reading back from their noun or their *as* (for speed); these
tests compare each with the plain scan of the whole text it replaced, on generated text and hand-checked
sentences."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import cues as C

#: The plain scan: the light verb, then up to two words, then a noun of speech (the form used before).
_PLAIN_LIGHT_RE = re.compile(
    r"(?<![\w'’\-])(" + "|".join(sorted(C._LIGHT_FAMILY, key=len, reverse=True)) + r")\s+(?:[a-z]+ly\s+)?"
    r"(?:(?:a|an|the|his|her|their|its|our|my|your|some|several|two|three|few|no|more|this|these|new)\s+)?"
    r"(?:(?!(?:of|to|for|in|on|at|with|by|from|about|and|or|as)\s)[a-z][a-z\-]*\s+){0,2}?"
    r"(" + "|".join(re.escape(n) for n in C._ALL_LIGHT_NOUNS) + r")(?![\w'’\-])")


def plain_light(low: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _PLAIN_LIGHT_RE.finditer(low)
            if m.group(2) in C.LIGHT_SPEECH_NOUNS[C._LIGHT_FAMILY[m.group(1)]]]


def plain_regard(low: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in C.REGARD_AS_RE.finditer(low)]


_WORDS = ["offered", "gave", "raised", "made", "took", "issued", "sounded", "his", "a", "the", "blunt", "new",
          "strongly", "condolences", "concerns", "praise", "issue", "remarks", "accusation", "questions", "with",
          "of", "to", "and", "as", "see", "saw", "viewed", "regards", "cast", "quill", "reyes", "voters", "plan",
          "threat", "mistake", "well", "they", "it", "soon", "votes", "cast-iron", "oversee", "made-up", "the",
          "warning", "alarm", "note", "swipe", "at", "plea"]
_SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", " - "]


@st.composite
def texts(draw):
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps))


@settings(max_examples=400, deadline=None)
@given(texts())
def test_light_verbs_read_back_from_the_noun_match_the_plain_scan(low):
    assert [(s, e) for s, e, _noun, _end in C.light_speech_cues(low)] == plain_light(low)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_regarding_read_back_from_as_matches_the_plain_scan(low):
    assert [m.span(1) for m in C.regard_as_cues(low)] == plain_regard(low)


def test_hand_checked_sentences():
    low = "quill offered his condolences. reyes gave a blunt assessment and voters see quill as a threat."
    assert [low[s:e] for s, e, _n, _e in C.light_speech_cues(low)] == ["offered", "gave"]
    assert [low[m.start(1):m.end(1)] for m in C.regard_as_cues(low)] == ["see"]
    # a noun outside its verb's family, and 'as' opening a clause, give nothing
    low = "quill made his remarks. we will see the results as they come in."
    assert C.light_speech_cues(low) == [] and list(C.regard_as_cues(low)) == []
