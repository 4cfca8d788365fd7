"""Double quotations written with two-character marks: two apostrophes (older New York Times text, some archive
exports) and two backticks opening a quotation (LaTeX style). Hand-checked text, and a property test that any
mixture of marks gives regions inside the text that open and close on marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text.quotes import _two_character_marks
from framelens.text.segmentation import segment


def regions(text: str) -> list[tuple[str, str, bool]]:
    """``(region, content, uncertain)`` of every double quotation."""
    return [(text[q.start:q.end], text[q.content_start:q.content_end], q.uncertain)
            for q in segment(text).quotes if q.mark == "double"]


@pytest.mark.parametrize("text, expected", [
    ("''We will appeal the ruling,'' Ada Quill said.",
     [("''We will appeal the ruling,''", "We will appeal the ruling,", False)]),
    ("Quill said, ''It was a mistake.'' Then she left.",
     [("''It was a mistake.''", "It was a mistake.", False)]),
    ("He called it ``a relic'' on Monday.", [("``a relic''", "a relic", False)]),
    # an apostrophe in a word is no mark; one pair left open is an uncertain region to the paragraph's end
    ("The 1990's were ''great'' for Alder.", [("''great''", "great", False)]),
    ("He said ''no and left.\n\nThen he went home.", [("''no and left.", "no and left.", True)]),
    # a single quotation closing with the double one: the single mark closes first
    ("''He told me 'never again.''' Quill said.", [("''He told me 'never again.'''", "He told me 'never again.'",
                                                    False)]),
])
def test_two_character_marks(text, expected):
    assert regions(text) == expected


def test_attribution_reads_two_apostrophe_quotations():
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    text = "''I cannot stay silent on the levy,'' she said on Monday in Alder."
    res = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"])) \
        .analyze_document(Document(id="t", text=text))
    attrs = [(text[s.start:s.end], s.label, text[s.attrs["content_start"]:s.attrs["content_end"]])
             for s in res.spans if s.kind == "attribution"]
    assert attrs == [("she", "direct", "I cannot stay silent on the levy,")]


_PIECE = st.sampled_from(["''", "'", "'''", "``", "`", '"', "“", "”", "word", " ", "\n\n", ".", ","])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, max_size=30))
def test_regions_open_and_close_on_marks(parts):
    text = "".join(parts)
    seg = segment(text)
    wide = _two_character_marks(text)
    for q in seg.quotes:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
        if q.mark == "double" and not q.continued:
            opening = text[q.start:q.content_start]
            assert opening in ('"', "“", "„", "«", "''", "``")
            assert len(opening) == (2 if q.start in wide else 1)
