"""The faster pieces of segmentation (issue 17) agree with their one-at-a-time statements.

``_word_before`` is the backward scan to the nearest white space; ``_quote_label`` skips the
word regex only where its answer is ``direct`` anyway; ``_sentences`` splits a whole text as the paragraph-by-
paragraph splitter did. Each is checked on hand-written text and on generated text.
"""

from __future__ import annotations

import dataclasses
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import segment
from framelens.text import quotes as Q
from framelens.text import segmentation as S
from framelens.text.token_table import WORD_RE

PIECES = ["Ode-Vance", "don't", "Ms.", "U.S.", "Sen.", "J.", "e.g.", "3,000", "3.5", "The", "He", "said", "It",
          "“", "”", "«", "»", '"', "'", "‘", "’", "(", ")", "(Reuters)", "[", "—", "-", ".", "!", "?", "…", "...",
          ",", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2029", "\u200b", "x", "A", "a", "b c d e f g h"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


# -- _word_before -------------------------------------------------------------------------------------------

def scan_back(text, ps, ms):
    """The plain statement: step back from ``ms`` to the nearest white space (no earlier than ``ps``)."""
    ws = ms
    while ws > ps and not text[ws - 1].isspace():
        ws -= 1
    return text[ws:ms]


def test_word_before_on_hand_checked_text():
    text = "Go to Washington, D.C. now\u00a0Sen. Ode.\nU.S."
    assert S._word_before(text, 0, 21) == "D.C"
    assert S._word_before(text, 0, 30) == "Sen"  # after a no-break space
    assert S._word_before(text, 0, 35) == "Ode"
    assert S._word_before(text, 0, 40) == "U.S"  # after a line break
    assert S._word_before(text, 33, 35) == "de"  # no earlier than the paragraph start
    assert S._word_before(text, 0, 23) == ""  # white space right before


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_word_before_is_the_backward_scan(text, data):
    ms = data.draw(st.integers(0, len(text)))
    ps = data.draw(st.integers(0, ms))
    assert S._word_before(text, ps, ms) == scan_back(text, ps, ms)


# -- _quote_label ---------------------------------------------------------------------------------------------

def label_by_words(text, cs, ce):
    """The label's rule as stated before the shortcut: every word of the content."""
    content = text[cs:ce].strip()
    words = WORD_RE.findall(content)
    if not words:
        return "partial"
    ends_clause = content[-1:] in ".,!?;:…"
    if len(words) <= 6 and not ends_clause and all(w[:1].isupper() or w.lower() in Q._TITLE_SMALL for w in words) \
            and words[0][:1].isupper():
        return "title"
    full_sentence = content[-1:] in ".!?…" and content[:1].isupper()
    return "partial" if len(words) <= 3 and not full_sentence else "direct"


def test_quote_label_on_hand_checked_text():
    for content, label in [("we will fight this all the way,", "direct"), ("Bridge to Nowhere", "title"),
                           ("thugs", "partial"), ("No.", "direct"), ("a b c d e f g", "direct"), ("— …", "partial")]:
        assert Q._quote_label(content, 0, len(content)) == label == label_by_words(content, 0, len(content))


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, st.text(max_size=120)))
def test_quote_label_is_the_rule_on_all_words(content):
    assert Q._quote_label(content, 0, len(content)) == label_by_words(content, 0, len(content))


# -- _sentences: the whole text in one pass --------------------------------------------------------------------

def sentences_by_paragraph(text):
    """The splitter as it ran before: candidates of each paragraph, then parentheticals, paragraph by paragraph."""
    abbr = S.load_abbreviations()
    out, par = [], []
    marks = [m.span() for m in S._BOUNDARY_RE.finditer(text)]
    for pi, (ps, pe) in enumerate(S._paragraphs(text)):
        local, start = [], ps
        for ms, me in marks:
            if ps <= ms < pe and start < me < pe:
                nxt = S._next_sentence_start(text, ms, me, ps, pe, abbr)
                if nxt:
                    local.append((start, me))
                    start = nxt
        local.append((start, pe))
        local = S._split_parentheticals(text, local)
        out += local
        par += [pi] * len(local)
    return out, par


def test_sentences_on_a_hand_checked_text():
    text = "Sen. Ode spoke. (He left.) Then U.S. troops came.\n\nIt rained! “Why?” she asked."
    seg = segment(text)
    got = [text[s:e] for s, e in seg.sentences]
    assert got == ["Sen. Ode spoke.", "(He left.)", "Then U.S. troops came.", "It rained!", "“Why?” she asked."]
    assert seg.sentence_paragraph == [0, 0, 0, 1, 1]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentences_are_those_of_the_paragraph_by_paragraph_splitter(text):
    seg = segment(text)
    assert (seg.sentences, seg.sentence_paragraph) == sentences_by_paragraph(text)


def test_quote_is_still_a_frozen_value():
    q = S.Quote(1, 9, 2, 8, "double", "direct")
    assert q == S.Quote(1, 9, 2, 8, "double", "direct", False, False, False) and hash(q) == hash(S.Quote(
        1, 9, 2, 8, "double", "direct"))
    assert (q.uncertain, q.continues, q.continued) == (False, False, False)
    # the written-out __init__ keeps what the generated one gave: pickling (process engines), replace, asdict
    assert pickle.loads(pickle.dumps(q)) == q
    assert dataclasses.replace(q, label="partial") == S.Quote(1, 9, 2, 8, "double", "partial")
    assert dataclasses.asdict(q)["content_end"] == 8
    try:
        q.start = 3
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("Quote must stay frozen")


# -- _boundary_candidates ----------------------------------------------------------------------------------------

def test_boundary_candidates_on_hand_checked_text():
    text = 'He left... "Why?!" U.S. troops, 3.5 km. (Done.) Ok?x'
    # a run of marks with its closing quote or bracket, before white space: the last period of "U.S." only,
    # not the period of "3.5" nor the "?" glued to "x"
    assert S._boundary_candidates(text) == [(7, 10), (15, 18), (22, 23), (38, 39), (45, 47)]
    assert [text[s:e] for s, e in S._boundary_candidates(text)] == ["...", '?!"', ".", ".", ".)"]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_boundary_candidates_are_the_regex_matches(text):
    assert S._boundary_candidates(text) == [m.span() for m in S._BOUNDARY_RE.finditer(text)]


# -- _SingleCloser ---------------------------------------------------------------------------------------------

def find_single_close(text: str, start: int, limit: int, opener: str) -> int | None:
    """The closing-mark rule of a single quotation as a plain scan (moved here from segmentation.py, where
    _SingleCloser implements it in linear time for all the openers of a paragraph)."""
    words = 0
    i = start
    closers = "’'" if opener == "'" else "’"
    while i < limit:
        c = text[i]
        if c in closers:
            prev = text[i - 1]
            nxt = text[i + 1] if i + 1 < limit else " "
            if not prev.isspace() and not nxt.isalnum():
                # "students' " (plural possessive) is ambiguous; accept the first plausible closer
                return i
        elif c.isspace():
            words += 1
            if words > 15 or c == "\n":
                return None
        elif c in "“”\"":
            return None
        i += 1
    return None


def test_single_closer_on_hand_checked_text():
    text = "the 'no vote' bloc and ‘Bridge’ plus 'students' fees"
    closer = Q._SingleCloser(text, len(text))
    assert closer.find(5, "'") == 12 and closer.find(24, "‘") == 30
    assert closer.find(38, "'") == 46 == find_single_close(text, 38, len(text), "'")  # "students'": plural possessive


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(1, 200), st.sampled_from(["'", "‘"])), max_size=6))
def test_single_closer_is_the_plain_scan(text, calls):
    closer = Q._SingleCloser(text, len(text))
    for start, opener in sorted(calls):
        if start <= len(text):
            assert closer.find(start, opener) == find_single_close(text, start, len(text), opener)
