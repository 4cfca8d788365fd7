"""The token table: every word of a document as parallel lists (framelens.text.token_table)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import segment
from framelens.text.token_table import WORD_RE, TokenTable, count_words

# Pieces of news-like text: words, numbers, joiners, quotation marks of every kind, white space of several kinds.
PIECES = ["Ode-Vance", "don't", "Ms.", "U.S.", "3,000", "3.5", "3rd", "x-3", "said,", "(Reuters)", "“", "”", '"',
          "'", "‘", "’", "—", "-", "‐", "_", ".", "?", "…", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0",
          "\u2029", "İstanbul", "ΟΔΟΣ", "naïve", "２０", "²", "a_b", "Ward", "he", "The"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
# long enough for count_words' chunk-by-chunk path (256 characters and more)
long_texts = st.lists(st.sampled_from(PIECES), min_size=120, max_size=200).map(" ".join)


def test_hand_checked_sentence():
    text = "Don't stop, Ms. Ode-Vance."
    t = TokenTable(text)
    assert t.forms == ["Don't", "stop", "Ms", "Ode-Vance"]
    assert list(zip(t.starts, t.ends)) == [(0, 5), (6, 10), (12, 14), (16, 25)]
    assert t.lower == ["don't", "stop", "ms", "ode-vance"]
    assert t.index_at(13) == 2 and t.index_at(11) is None and t.index_at(25) is None
    assert list(t.span_range(6, 15)) == [1, 2]
    assert t.count(0, len(text)) == 4 and t.count(5, 12) == 1
    assert t.first_at(11) == 2 and t.first_at(26) == 4


def test_sentence_index_and_quotation_flags_on_a_hand_checked_text():
    text = "Ames spoke first. “We will vote,” she said.\n\nThe ‘plan’ failed."
    seg = segment(text)
    t = seg.tokens
    assert t.forms == ["Ames", "spoke", "first", "We", "will", "vote", "she", "said", "The", "plan", "failed"]
    assert t.sentence == [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]
    assert list(t.quoted) == [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0]
    assert seg.word_count == 11 and seg.quoted_word_count() == 4


def test_numbers_split_where_the_word_rule_splits_them():
    # "3rd" is a number then a word; "x-3" is one word (a joiner between letters and digits)
    assert TokenTable("3rd x-3 1,000.5").forms == ["3", "rd", "x-3", "1,000.5"]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_are_sorted_exact_and_cover_every_word(text):
    t = TokenTable(text)
    assert t.forms == WORD_RE.findall(text)
    assert len(t) == count_words(text) == len(t.starts) == len(t.ends) == len(t.sentence) == len(t.quoted)
    prev_end = 0
    for s, e, form in zip(t.starts, t.ends, t.forms):
        assert 0 <= prev_end <= s < e <= len(text)  # inside the text, in order, never overlapping
        assert text[s:e] == form
        prev_end = e
    assert t.lower == [f.lower() for f in t.forms]
    for i, c in enumerate(text):  # every letter or digit lies in a word (a word-like run is never missed)
        if c.isalnum():
            k = t.index_at(i)
            assert k is not None and t.starts[k] <= i < t.ends[k]


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(-3, 70), st.integers(-3, 70))
def test_count_and_ranges_agree_with_the_regex(text, a, b):
    t = TokenTable(text)
    assert t.count(a, b) == count_words(text, a, b) == len(WORD_RE.findall(text, a, b))
    inside = set(t.span_range(a, b))
    for i, (s, e) in enumerate(zip(t.starts, t.ends)):
        assert (i in inside) == (a <= s and e <= b)


@settings(max_examples=200, deadline=None)
@given(st.one_of(long_texts, st.text(min_size=250, max_size=400)))
def test_count_words_by_chunks_equals_the_regex(text):
    assert count_words(text) == len(WORD_RE.findall(text))
    assert count_words(text, 3, len(text) - 2) == len(WORD_RE.findall(text, 3, len(text) - 2))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(max_size=80)))
def test_table_of_a_segmentation_matches_its_lookups(text):
    seg = segment(text)
    t = seg.tokens
    assert seg.tokens is t  # built once, then kept
    assert seg.words == list(zip(t.starts, t.ends))
    for s, si, q in zip(t.starts, t.sentence, t.quoted):
        assert si == seg.sentence_at(s)
        assert bool(q) == (seg.voice_at(s) == "quoted") == (seg.quote_at(s) is not None)
    assert seg.word_count == len(t) == len(WORD_RE.findall(text))
    assert seg.quoted_word_count() == sum(len(WORD_RE.findall(text, q.content_start, q.content_end))
                                          for q in seg.quotes)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_counts_before_and_after_the_table_is_built_agree(text):
    seg = segment(text)
    before = (seg.word_count, seg.quoted_word_count(), [seg.count_words(p, q) for p, q in seg.paragraphs])
    seg.tokens
    assert (seg.word_count, seg.quoted_word_count(), [seg.count_words(p, q) for p, q in seg.paragraphs]) == before
