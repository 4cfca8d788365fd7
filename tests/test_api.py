"""The public API is small and pinned; importing framelens stays light."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import framelens

EXPECTED = [
    "__version__", "AnalysisConfig", "AnalysisResult", "Analyzer", "CompareResult", "ConfigError", "Corpus",
    "DecodeError", "DocResult", "Document", "EmptyDocumentError", "FormatError", "FramelensError", "InputError",
    "LexiconError", "ModelError", "Problem", "Quote", "Segmentation", "Span", "analyze", "available_extractors",
    "compare_groups", "display", "iter_analyze", "read_corpus", "register_extractor", "run_compare", "segment",
    # public subpackages (documented by pdoc, reachable without an import statement)
    "compare", "kinds",
    # the charts of framelens.compare.charts
    "coverage_map", "frame_chart", "hedges_boosters_chart", "keyness_chart", "loaded_rate_chart", "position_chart",
    "source_mix_chart", "source_verbs_chart", "sourcing_density_chart", "stance_profile_chart", "term_choice_heatmap",
]


def test_all_is_pinned():
    assert sorted(framelens.__all__) == sorted(EXPECTED)
    for name in framelens.__all__:
        assert hasattr(framelens, name), name


def test_import_is_light():
    code = ("import sys, framelens; heavy = [m for m in ('pandas', 'matplotlib', 'sklearn', 'trafilatura', 'dask', "
            "'pyarrow', 'yaml', 'ahocorasick', 'ahocorasick_rs') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_does_not_load_pandas_or_matplotlib():
    """The comparison and chart names are exported lazily: importing framelens loads neither."""
    code = ("import sys, framelens; print(framelens.__all__ and ','.join(m for m in ('pandas', 'matplotlib') "
            "if m in sys.modules))")
    assert _run(code) == ""


def test_lazy_names_are_the_library_objects():
    from framelens.compare import CompareResult, compare, run_compare
    from framelens.compare import charts

    assert framelens.compare_groups is compare and framelens.run_compare is run_compare
    assert framelens.CompareResult is CompareResult
    for name in EXPECTED:
        if name.endswith(("_chart", "_heatmap", "_map")):
            assert getattr(framelens, name) is getattr(charts, name), name
    assert set(EXPECTED) <= set(dir(framelens))
    assert framelens.display is importlib.import_module("framelens.runtime.notebook").display
    with pytest.raises(AttributeError):
        framelens.no_such_name  # noqa: B018


@pytest.mark.parametrize("first", ["import framelens", "import framelens.compare", "from framelens.compare import charts",
                                   "import framelens.compare as fc"])
def test_compare_is_the_subpackage_whatever_is_imported_first(first):
    """``framelens.compare`` is always the subpackage and ``framelens.compare_groups`` its function, in either
    import order (a function and a subpackage sharing one name would shadow each other: issue 13)."""
    code = (f"{first}\nimport types, framelens, framelens.compare as m\n"
            "assert isinstance(framelens.compare, types.ModuleType) and m is framelens.compare\n"
            "assert framelens.compare_groups is framelens.compare.compare\n"
            "assert framelens.compare.run_compare is framelens.run_compare\n"
            "from framelens import compare_groups, compare\n"
            "assert compare is m and callable(compare_groups)\n"
            "print('ok')")
    assert _run(code) == "ok"


def test_compare_groups_runs_on_an_analysis():
    res = framelens.analyze([framelens.Document("a", "Officials said the plan failed.", outlet="A"),
                             framelens.Document("b", "Critics claimed the plan failed badly.", outlet="B")])
    importlib.import_module("framelens.compare")  # importing the subpackage does not shadow the function

    cmp = framelens.compare_groups(res, by="outlet", n_boot=100)
    assert isinstance(cmp, framelens.CompareResult) and cmp.groups == ["A", "B"]


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
