"""Frame cues: the shipped frames pack, the frames extractor and frame_distribution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framelens
from framelens.extract.frames import FRAME_CODES, FRAME_TITLES, dominant, frame_distribution
from framelens.lexicon import load_lexicon, shipped_lexicons
from framelens.extract.registry import DEFAULT_EXTRACTORS, available_extractors

TEXT = ('The court ruled that the tax break was unconstitutional. Police arrested two suspects after the robbery. '
        'Critics used the word "crime" loosely.')


def cues(text):
    res = framelens.analyze(text)
    return res, [s for s in res.results[0].spans if s.kind == "frame_cue"]


def test_pack_is_valid_and_covers_the_codebook():
    lx = load_lexicon(shipped_lexicons()["frames"])
    assert lx.kind == "frame_cue" and lx.name == "frames"
    cats = {e.category for e in lx.entries}
    assert cats == set(FRAME_CODES) - {"other"}
    assert {s["id"] for s in lx.sources} == {"boydstun2014", "card2015"}
    assert all(e.source for e in lx.entries)
    assert set(FRAME_TITLES) == set(FRAME_CODES)


def test_registered_by_default():
    assert "frames" in available_extractors()
    assert "frames" in DEFAULT_EXTRACTORS


def test_exact_spans_labels_and_offsets():
    res, spans = cues(TEXT)
    got = [(s.start, s.end, s.text, s.label, s.sentence, s.attrs["use"]) for s in spans]
    assert got == [
        (4, 9, "court", "legality", 0, "use"),
        (10, 15, "ruled", "legality", 0, "use"),
        (25, 34, "tax break", "economic", 0, "use"),
        (39, 55, "unconstitutional", "legality", 0, "use"),
        (57, 63, "Police", "crime_punishment", 1, "use"),
        (64, 72, "arrested", "crime_punishment", 1, "use"),
        (77, 85, "suspects", "crime_punishment", 1, "use"),
        (96, 103, "robbery", "crime_punishment", 1, "use"),
        (128, 133, "crime", "crime_punishment", 2, "mention"),
    ]
    for s in spans:
        assert TEXT[s.start:s.end] == s.text
        assert s.entry.startswith("frames@1.0.0:")
        assert s.attrs["frame"] == s.label


def test_document_metrics():
    res, _ = cues(TEXT)
    m = res.results[0].metrics
    assert m["frame_cues"] == 8  # the mention is not counted
    assert m["frame_counts"] == {"economic": 1, "legality": 3, "crime_punishment": 4}
    assert list(m["frame_counts"]) == ["economic", "legality", "crime_punishment"]  # codebook order
    assert m["frame_shares"] == {"economic": 0.125, "legality": 0.375, "crime_punishment": 0.5}
    assert m["frame_sentences"] == {"economic": 1, "legality": 1, "crime_punishment": 1}
    assert m["frames_present"] == 3
    assert m["dominant_frame"] == "crime_punishment"
    assert m["dominant_frame_share"] == 0.5
    assert m["frame_cues_per_1k"] == round(1000 * 8 / 22, 3)
    assert res.documents.loc[0, "dominant_frame"] == "crime_punishment"


def test_no_cues_gives_no_dominant_frame():
    res, spans = cues("Nothing to see here at all.")
    m = res.results[0].metrics
    assert spans == [] and m["frame_cues"] == 0 and m["dominant_frame"] is None and m["frame_counts"] == {}


def test_dominant_tie_breaks():
    from collections import Counter

    c = Counter({"economic": 2, "political": 2})
    # more sentences wins
    assert dominant(c, {"economic": {0}, "political": {0, 1}}, {"economic": 0, "political": 5}) == "political"
    # then the earlier first cue
    assert dominant(c, {"economic": {0}, "political": {1}}, {"economic": 9, "political": 3}) == "political"
    assert dominant(Counter(), {}, {}) is None


def test_look_alikes_and_case_rules():
    _, spans = cues("The defense attorney objected. Immigration and Customs Enforcement agents left. "
                    "Social Security checks arrive monthly.")
    labels = {(s.text, s.label) for s in spans}
    assert ("defense", "security_defense") not in {(s.text.lower(), s.label) for s in spans}
    assert not any(s.text == "Customs" for s in spans)  # capitalised name, case: lower
    assert ("Social Security", "economic") in labels  # longest match beats "security"


def test_quoted_cue_has_quoted_voice():
    text = 'The mayor said "the economy is strong" on Monday.'
    _, spans = cues(text)
    eco = [s for s in spans if s.text == "economy"]
    assert len(eco) == 1 and eco[0].voice == "quoted" and eco[0].label == "economic"


def test_frame_distribution_per_sentence_and_document():
    res = framelens.analyze(TEXT)
    sent = frame_distribution(res.spans)
    assert list(sent.columns) == ["economic", "legality", "crime_punishment"]
    assert sent.loc[("text", 0)].tolist() == [1, 3, 0]
    assert sent.loc[("text", 1)].tolist() == [0, 0, 4]
    assert ("text", 2) not in sent.index  # only a mention there
    doc = frame_distribution(res.spans, level="document", normalize=True)
    assert doc.loc["text"].tolist() == [0.125, 0.375, 0.5]
    with_mentions = frame_distribution(res.spans, include_mentions=True)
    assert with_mentions.loc[("text", 2), "crime_punishment"] == 1


def test_frame_distribution_errors_and_empty():
    res = framelens.analyze("No cues.")
    assert frame_distribution(res.spans).empty
    with pytest.raises(framelens.ConfigError):
        frame_distribution(res.spans, level="paragraph")
    import pandas as pd

    with pytest.raises(framelens.ConfigError):
        frame_distribution(pd.DataFrame({"kind": []}))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["the", "court", "tax-break", "Police", "economy", "\n", "  ", "“war”", "health",
                                 "care", "x", ".", ",", "ruling", "GOP", "voters"]), max_size=40))
def test_offsets_always_index_the_text(words):
    text = " ".join(words)
    res = framelens.analyze(text)
    r = res.results[0]
    for s in r.spans:
        if s.kind == "frame_cue":
            assert text[s.start:s.end] == s.text
            assert s.label in FRAME_CODES
    m = r.metrics
    assert m["frame_cues"] == sum(m["frame_counts"].values())
    if m["frame_cues"]:
        assert abs(sum(m["frame_shares"].values()) - 1) < 1e-3
