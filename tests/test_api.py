"""The public API is small and pinned; importing framelens stays light."""

from __future__ import annotations

import subprocess
import sys

import framelens

EXPECTED = [
    "__version__", "AnalysisConfig", "AnalysisResult", "Analyzer", "ConfigError", "Corpus", "DecodeError", "DocResult",
    "Document", "EmptyDocumentError", "FormatError", "FramelensError", "InputError", "LexiconError", "ModelError",
    "Problem", "Quote", "Segmentation", "Span", "analyze", "available_extractors", "iter_analyze", "read_corpus",
    "register_extractor", "segment",
]


def test_all_is_pinned():
    assert sorted(framelens.__all__) == sorted(EXPECTED)
    for name in framelens.__all__:
        assert hasattr(framelens, name), name


def test_import_is_light():
    code = ("import sys, framelens; heavy = [m for m in ('pandas', 'matplotlib', 'sklearn', 'trafilatura', 'dask', "
            "'pyarrow', 'yaml', 'ahocorasick') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_span_is_frozen_and_serialises():
    sp = framelens.Span("hedge", 0, 9, "allegedly", "attribution_hedge", "hedges@1:allegedly", "author", 0,
                        {"use": "use"})
    d = sp.to_dict()
    assert d["kind"] == "hedge" and d["use"] == "use" and d["sentence"] == 0
    try:
        sp.start = 3
    except Exception as exc:  # dataclasses.FrozenInstanceError
        assert "cannot assign" in str(exc)
    else:
        raise AssertionError("Span must be immutable")


def test_analyze_plain_string_and_streaming():
    res = framelens.analyze("Officials said the plan was “a flawed idea.” It passed.")
    assert res.documents.loc[0, "sentences"] == 2
    kinds = list(res.spans["kind"])
    assert kinds.count("sentence") == 2 and kinds.count("quote") == 1
    results = list(framelens.iter_analyze([framelens.Document("a", "One. Two."), framelens.Document("b", "Three.")]))
    assert [r.doc.id for r in results] == ["a", "b"] and [r.sentences for r in results] == [2, 1]


def test_register_custom_extractor():
    class Shouting:
        name = "shouting"
        span_fields = ()

        def __init__(self, config):
            pass

        def extract(self, doc, seg, spans):
            import re

            return [framelens.Span("shout", m.start(), m.end(), m.group(), "caps", "test:caps", seg.voice_at(m.start()),
                                   seg.sentence_at(m.start())) for m in re.finditer(r"\b[A-Z]{3,}\b", doc.text)]

        def metrics(self, doc, seg, spans):
            return {"shouts": sum(1 for s in spans if s.kind == "shout")}

    framelens.register_extractor("shouting_test", Shouting)
    res = framelens.analyze("They said WOW and then NOPE.", extractors=["shouting_test"])
    assert list(res.spans.loc[res.spans.kind == "shout", "text"]) == ["WOW", "NOPE"]
    assert res.documents.loc[0, "shouts"] == 2


def test_per_document_errors_follow_the_policy():
    class Boom:
        name = "boom"
        span_fields = ()

        def __init__(self, config):
            pass

        def extract(self, doc, seg, spans):
            if "bad" in doc.text:
                raise RuntimeError("extractor failed")
            return []

        def metrics(self, doc, seg, spans):
            return {}

    framelens.register_extractor("boom_test", Boom)
    docs = [framelens.Document("ok", "Fine text."), framelens.Document("bad", "A bad text.")]
    res = framelens.analyze(docs, extractors=["boom_test"], errors="skip")
    assert list(res.documents["id"]) == ["ok"]
    assert res.problems[0].origin == "bad" and "extractor failed" in res.problems[0].reason
    import pytest

    with pytest.raises(RuntimeError):
        framelens.analyze(docs, extractors=["boom_test"], errors="raise")
