"""Structure: sentence and quotation spans, quoted shares and word counts on hand-checked text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import Document, segment
from framelens.extract.structure import StructureExtractor
from framelens.text.segmentation import count_words


def run(text):
    doc = Document("d", text)
    seg = segment(text)
    ex = StructureExtractor()
    spans = ex.extract(doc, seg, [])
    return spans, ex.metrics(doc, seg, spans)


def test_hand_checked_shares_voices_and_counts():
    text = "“We will win,” Ames said. “Every vote counts.” The count ended."
    spans, m = run(text)
    sents = [s for s in spans if s.kind == "sentence"]
    assert [s.text for s in sents] == ["“We will win,” Ames said.", "“Every vote counts.”", "The count ended."]
    # 12 of 25 characters are quoted content ("We will win,"); 18 of 20 ("Every vote counts.")
    assert [s.attrs["quoted_share"] for s in sents] == [0.48, 0.9, 0.0]
    assert [s.voice for s in sents] == ["author", "quoted", "author"]
    quotes = [s for s in spans if s.kind == "quote"]
    # three words and no full sentence: a partial quote; a quoted full sentence is direct however short
    assert [(q.text, q.label, q.sentence) for q in quotes] == [("“We will win,”", "partial", 0),
                                                                ("“Every vote counts.”", "direct", 1)]
    assert m == {"paragraphs": 1, "quotes": 2, "quotes_uncertain": 0, "stray_quote_marks": 0,
                 "quoted_words": 6, "quoted_share": round(6 / 11, 4)}


PIECES = ["We", "win", "said", "Ames.", " ", "\n\n", "“", "”", '"', "'", "‘", "’", ".", ",", "3,000", "don't"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_shares_and_counts_follow_their_definitions(text):
    spans, m = run(text)
    seg = segment(text)
    for s in spans:
        assert text[s.start:s.end] == s.text
        if s.kind == "sentence":
            inside = sum(max(0, min(s.end, q.content_end) - max(s.start, q.content_start)) for q in seg.quotes)
            share = inside / (s.end - s.start)
            assert s.attrs["quoted_share"] == round(share, 4)
            assert s.voice == ("quoted" if share >= 0.5 else "author")
    quoted = sum(count_words(text, q.content_start, q.content_end) for q in seg.quotes)
    assert m["quoted_words"] == quoted
    assert m["quoted_share"] == (round(quoted / count_words(text), 4) if count_words(text) else 0.0)
