"""The faster forms of segmentation's rules find exactly what their plain regular-expression statements find.

Each rule is written here once more in its plainest form (a regular expression over the whole text or a
paragraph, as framelens stated it before issue 17) and compared on generated text with what
framelens.text.segmentation does now.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import segment
from framelens.text import quotes as Q
from framelens.text import segmentation as S

PIECES = ["Ode-Vance", "don't", "Ms.", "U.S.", "Sen.", "Dr.", "e.g.", "3,000", "3.5", "The", "He", "said", "It",
          "“", "”", "„", "«", "»", '"', "'", "‘", "’", "(", ")", "[", "—", "-", "–", ".", "!", "?", "…", "...",
          ",", " ", "  ", "\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\n\r\n", "\n\u00a0\n", "\t", "\u2029",
          "\u2003", "5'10\"", "(RELATED: A Story)", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)

# the rules' plain statements
OPENER = re.compile(r"(?:(?<=^)|(?<=[\s(\[{“\"—–-]))['‘](?=[^\W_])")
BLANK_RUN = re.compile(r"(?:\r?\n[ \t\u00a0]*){2,}")
BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")


def plain_paragraphs(text):
    splitter = BLANK_RUN if S._BLANK_LINE_RE.search(text) else S._PARA_SPLIT_LINE
    out, pos = [], 0
    for m in splitter.finditer(text):
        piece = (pos, m.start())
        pos = m.end()
        _trim(text, *piece, out)
    _trim(text, pos, len(text), out)
    return out


def _trim(text, s, e, out):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def test_a_hand_checked_text():
    text = "He said 'no.' Then\n\n \nShe left. 'Tis late;\r\n\r\nit's 5'10\" tall."
    assert Q._single_openers(text) == [8, 32]  # not the apostrophes of "it's" and 5'10"
    assert S._paragraphs(text) == [(0, 18), (22, 42), (46, 62)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_single_openers_are_the_regex_matches(text):
    assert Q._single_openers(text) == [m.start() for m in OPENER.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_paragraphs_are_those_of_blank_line_runs(text):
    assert S._paragraphs(text) == plain_paragraphs(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_candidates_are_the_plain_regex_matches(text):
    assert [m.span() for m in S._BOUNDARY_RE.finditer(text)] == [m.span() for m in BOUNDARY.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentences_are_trimmed_and_lookups_are_consistent(text):
    seg = segment(text)
    for s, e in seg.sentences:
        assert text[s:e] == text[s:e].strip() != ""
    for pos in range(-1, len(text) + 2):
        si = seg.sentence_at(pos)
        if not seg.sentences:
            assert si is None
        else:
            assert si == max(0, max((i for i, (s, _) in enumerate(seg.sentences) if s <= pos), default=0))
        # quote_at: of the quotations whose content starts at or before pos, the last, if its content holds pos
        last = [x for x in seg.quotes if x.content_start <= pos][-1:]
        expected = last[0] if last and pos < last[0].content_end else None
        assert seg.quote_at(pos) is expected
        assert seg.voice_at(pos) == ("author" if expected is None else "quoted")
