"""The per-sentence token view of the attribution extractor: offsets agree with the token pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.tokens import TOKEN_RE, TokenCache, tokenize
from framelens.text.segmentation import segment

_PIECES = ["Harris", "said", " ", "  ", "\n\n", ",", ".", "'", "’", "-", "_", "don't", "co-op", "“", "”", "É", "ß",
           "Sen.", "3", "İ"]
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=30).map("".join)


def test_tokenize_by_hand():
    text = "Sen. Ada Quist's co-op said: “No.”"
    got = [(t.start, t.end, t.text, t.is_word, t.cap) for t in tokenize(text, 0, len(text))]
    assert got[:4] == [(0, 3, "Sen", True, True), (3, 4, ".", False, False), (5, 8, "Ada", True, True),
                       (9, 16, "Quist's", True, True)]
    assert got[4:] == [(17, 22, "co-op", True, False), (23, 27, "said", True, False), (27, 28, ":", False, False),
                       (29, 30, "“", False, False), (30, 32, "No", True, True), (32, 33, ".", False, False),
                       (33, 34, "”", False, False)]


@settings(max_examples=200, deadline=None)
@given(_texts, st.integers(0, 40), st.integers(0, 40))
def test_tokenize_agrees_with_the_token_pattern(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    want = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]
    got = tokenize(text, start, end)
    assert [(t.start, t.end, t.text) for t in got] == want
    assert all(t.low == t.text.lower() and t.cap == t.text[0].isupper() for t in got)


@settings(max_examples=200, deadline=None)
@given(_texts, st.integers(0, 40), st.integers(0, 40))
def test_cache_slices_agree_with_tokenize(text, a, b):
    seg = segment(text)
    if not seg.sentences:
        return
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    cache = TokenCache(text, seg)
    assert cache.exact(start, end) == (tokenize(text, start, end) if end > start else [])
    # get(): the tokens lying wholly inside [start, end), never one cut by end
    for t in cache.get(start, end):
        assert start <= t.start and t.end <= end
