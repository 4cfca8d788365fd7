"""structure._quoted_shares: each sentence's quoted share and voice, laid quotation by quotation (issue 17).

The shares must be those of the definition (characters of the sentence inside any quotation's content, over
the sentence's length), whatever the layout: a quotation over several sentences, several in one sentence,
sentences with no quotation at all.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.structure import _quoted_shares


def by_definition(sentences, quotes):
    shares, voices = [], []
    for s, e in sentences:
        inside = sum(max(0, min(e, q.content_end) - max(s, q.content_start)) for q in quotes)
        share = inside / (e - s) if inside and e > s else 0.0
        shares.append(round(share, 4))
        voices.append("quoted" if inside and e > s and share >= 0.5 else "author")
    return shares, voices


def quote(cs, ce):
    return SimpleNamespace(content_start=cs, content_end=ce)


def test_hand_checked_layout():
    # sentences 0-10, 11-20, 21-40; one quotation over the end of the first and the start of the second,
    # two small ones in the third
    sentences = [(0, 10), (11, 20), (21, 40)]
    quotes = [quote(6, 15), quote(22, 25), quote(30, 31)]
    shares, voices = _quoted_shares(sentences, quotes)
    assert shares == [0.4, round(4 / 9, 4), round(4 / 19, 4)]
    assert voices == ["author", "author", "author"]
    shares, voices = _quoted_shares(sentences, [quote(0, 5), quote(11, 20)])
    assert shares == [0.5, 1.0, 0.0] and voices == ["quoted", "quoted", "author"]
    assert _quoted_shares([], [quote(1, 2)]) == ([], [])


@st.composite
def layouts(draw):
    cuts = sorted(set(draw(st.lists(st.integers(0, 200), max_size=30))))
    sentences = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
    starts = sorted(draw(st.lists(st.integers(0, 200), max_size=8)))
    quotes = [quote(s, s + draw(st.integers(0, 60))) for s in starts]
    return sentences, quotes


@settings(max_examples=400, deadline=None)
@given(layouts())
def test_shares_are_those_of_the_definition(layout):
    sentences, quotes = layout
    assert _quoted_shares(sentences, quotes) == by_definition(sentences, quotes)
