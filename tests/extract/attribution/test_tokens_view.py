"""The token view's shortcuts (issue 17) give the answers of the plain computations: a whole-word pattern
searched in place, the sentence kept at hand between calls, the word-list look-ups by index. Every text is
fictional or random."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import AttributionExtractor
from framelens.extract.attribution import tokens as tokens_module
from framelens.extract.attribution.tokens import (TOKEN_RE, Token, TokenCache, matches_between, tokenize,
                                                  word_set_pattern)
from framelens.extract.attribution.words import media_word
from framelens.text.segmentation import segment

_PIECES = ["was", "is", "be", "being", "been", "report", "reports", "data", "poll", "Was", "IS", " ", "  ", "\n",
           ",", ".", "-", "_", "'", "’", "x", "3", "é", "İ", "wash", "this", "\"", "said"]
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


def _listed(pattern: re.Pattern, low: str, start: int, end: int) -> bool:
    """The rule as stated: the first match of one pass over the whole text at or after ``start`` ends by
    ``end``."""
    for m in pattern.finditer(low):
        if m.start() >= start:
            return m.end() <= end
    return False


@settings(max_examples=300, deadline=None)
@given(_texts, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_matches_between_is_the_whole_text_pass(text, a, b, in_place):
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    seg = segment(text) if text.strip() else None
    cache = TokenCache(text, seg, low)
    start, end = min(a, len(low)), min(b, len(low))
    limit = 10_000 if in_place else 0  # 0: every range is read from the document's listed matches
    old = tokens_module._IN_PLACE_CHARS
    tokens_module._IN_PLACE_CHARS = limit
    try:
        for pattern in (word_set_pattern(["was", "is", "be", "being", "been"]), word_set_pattern(["report", "data"]),
                        re.compile(r",|\bwas\b"), word_set_pattern(["op-ed", "poll"])):
            assert matches_between(cache, pattern, start, end) == _listed(pattern, low, start, end)
    finally:
        tokens_module._IN_PLACE_CHARS = old


def test_matches_between_by_hand():
    text = "The report was washed out. It is, he said, being read."
    cache = TokenCache(text, segment(text))
    be = word_set_pattern(["was", "is", "be", "being", "been"])
    assert matches_between(cache, be, 0, 15)  # 'was' ends at 14
    assert not matches_between(cache, be, 0, 13)  # 'was' cut by the range's end
    assert not matches_between(cache, be, 15, 20)  # 'washed' is no form of 'be' (the word goes on)
    assert not matches_between(cache, be, 15, 18)  # 'was' of 'washed' cut by the end is no word either
    assert matches_between(cache, be, 27, 33)  # 'is'
    # only words made of letters and digits are searched in place; others are listed
    assert word_set_pattern(["was", "is"]) in tokens_module._WORD_SETS
    assert word_set_pattern(["op-ed"]) not in tokens_module._WORD_SETS


@settings(max_examples=150, deadline=None)
@given(_texts, st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(1, 5)), max_size=12))
def test_cache_keeps_answers_with_the_sentence_at_hand(text, queries):
    seg = segment(text)
    if not seg.sentences:
        return
    cache = TokenCache(text, seg)
    n = len(text)
    for a, b, limit in queries:
        start, end = min(a, n), min(b, n)
        fresh = TokenCache(text, seg)  # nothing at hand: the sentence is looked up
        assert cache.get(start, end) == fresh.get(start, end)
        assert cache.exact(start, end) == fresh.exact(start, end)
        assert cache.head(start, end, limit) == fresh.head(start, end, limit)
        assert cache.last(start, end) == fresh.last(start, end)
        assert cache.exact(start, end) == (tokenize(text, start, end) if end > start else [])  # from the memo


def test_tokenize_clips_offsets_as_the_regex_engine_does():
    text = "Ada said: no."
    for start, end in ((-5, 4), (0, 99), (9, 3), (-3, -1), (4, 4)):
        want = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]
        assert [(t.start, t.end) for t in tokenize(text, start, end)] == want
    tokens = tokenize(text, 0, len(text))
    assert all(type(t) is Token for t in tokens)  # named tuples, built by tuple.__new__
    assert [(t.text, t.low, t.is_word, t.cap) for t in tokens] == [
        ("Ada", "ada", True, True), ("said", "said", True, False), (":", ":", False, False), ("no", "no", True, False),
        (".", ".", False, False)]


@pytest.fixture(scope="module")
def words():
    return AttributionExtractor().words


def test_word_list_lookups_agree_with_the_lexicon(words):
    lex = words.lex
    for section, entries in lex.words.items():
        for w in list(entries)[:50] + ["xyzzy", ""]:
            assert words.has(section, w) == lex.has(section, w)
    assert not words.has("no such section", "said")
    for w in ("courier", "courier-ledger", "ledger-x", "x-y", "-", "reuters", "the"):
        assert words.is_media(w) == media_word(lex, w)
    for section, phrases in lex.phrases.items():
        for p in phrases[:20]:
            lows = ["the"] + list(p) + ["said"]
            for j in range(-2, len(lows) + 2):
                want = any(j + 1 >= len(q) and tuple(lows[j + 1 - len(q):j + 1]) == q for q in phrases)
                assert words.phrase_ends_at(section, lows, j) == want
    assert not words.phrase_ends_at("no such section", ["a", "b"], 1)
