"""The extractor registry: declared requirements, declared kinds, and one contract every extractor meets
(the idea of scikit-learn's parametrize_with_checks: one check list, run for every component)."""

from __future__ import annotations

import json

import pytest

import framelens
from framelens.errors import ConfigError, Reason
from framelens.extract.registry import (DEFAULT_EXTRACTORS, available_extractors, describe_extractors,
                                        extractor_fields, get_extractor_class, kind_specs, register_extractor,
                                        resolve_extractors, unregister_extractor)
from framelens.kinds import KindSpec
from framelens.model import Document
from framelens.text.segmentation import segment

# Hand-written, fictional: two attributions in the reporter's voice ("said" with a named source,
# "according to" with an organisation), one hedge, one loaded term, one quotation.
TEXT = ('Mayor Ada Quill said the new ferry schedule "will work for everyone." '
        "The plan will allegedly cost $4 million, according to the Harbor Board. "
        "Critics called it a reckless giveaway.")


def test_attribution_alone_gets_its_requirements_and_the_same_attributions():
    full = framelens.analyze(TEXT).spans
    alone = framelens.analyze(TEXT, extractors=["attribution"]).spans
    cols = ["start", "end", "text", "label", "source", "source_type", "cue"]
    a = full[full.kind == "attribution"][cols].reset_index(drop=True)
    b = alone[alone.kind == "attribution"][cols].reset_index(drop=True)
    assert list(a["text"]) == ["Mayor Ada Quill", "the Harbor Board", "Critics"]  # checked by hand
    assert a.equals(b)


def test_requirements_come_first_in_declared_order():
    order = resolve_extractors(["attribution"])
    assert order[0] == "structure"
    assert order[-1] == "attribution"
    for req in get_extractor_class("attribution").requires:
        assert order.index(req) < order.index("attribution")
    assert resolve_extractors(None) == DEFAULT_EXTRACTORS


def test_missing_requirement_refused_with_its_reason_code():
    with pytest.raises(ConfigError) as err:
        framelens.Analyzer(extractors=["attribution"], add_requirements=False)
    assert err.value.code == Reason.MISSING_REQUIREMENT
    assert "report_verbs" in str(err.value)


def test_unknown_extractor_names_the_available_ones():
    with pytest.raises(ConfigError) as err:
        resolve_extractors(["attributions"])
    assert err.value.code == Reason.UNKNOWN_NAME
    assert "attribution" in str(err.value)


class _A:
    name = "cyc_a"
    requires = ("cyc_b",)
    emits = ()

    def __init__(self, config=None):
        pass


class _B(_A):
    name = "cyc_b"
    requires = ("cyc_a",)


def test_requirement_cycle_is_an_error():
    register_extractor("cyc_b", "tests.never:imported")  # registered by path so _A's requirement exists
    try:
        register_extractor("cyc_a", _A)
        register_extractor("cyc_b", _B)
        with pytest.raises(ConfigError, match="cycle"):
            resolve_extractors(["cyc_a"])
    finally:
        unregister_extractor("cyc_a")
        unregister_extractor("cyc_b")


def test_a_kind_cannot_be_declared_twice():
    class Dup:
        name = "dup"
        requires = ()
        emits = (KindSpec("hedge", "another hedge kind"),)

    with pytest.raises(ConfigError, match="already emitted by 'hedges'"):
        register_extractor("dup", Dup)
    assert "dup" not in available_extractors()


def test_describe_extractors_marks_the_added_ones():
    rows = {r["name"]: r for r in describe_extractors(["attribution"])}
    assert rows["attribution"]["added"] is False
    assert rows["report_verbs"]["added"] is True
    assert rows["hedges"]["emits"] == ["hedge", "booster"]


# -- one contract for every registered extractor ----------------------------------------------------------

SAMPLE = Document(id="sample", text=TEXT + "\n\nOfficials clearly said the economy was booming. "
                  "The term 'illegal alien' was not used by the board.")


@pytest.mark.parametrize("name", list(DEFAULT_EXTRACTORS))
def test_extractor_contract(name):
    cls = get_extractor_class(name)
    assert cls.name == name
    assert isinstance(cls.requires, tuple) and all(r in available_extractors() for r in cls.requires)
    assert cls.emits and all(isinstance(s, KindSpec) for s in cls.emits)
    declared = {s.name: s for s in cls.emits}
    # fields and kind names are unique and typed; every styled kind has a legend
    for spec in cls.emits:
        assert len(set(spec.field_names)) == len(spec.field_names)
        if spec.style is not None:
            assert spec.style.css and spec.style.legend
    # what it produces, run with its requirements, is of its declared kinds with its declared fields only
    an = framelens.Analyzer(extractors=[name])
    res = an.analyze_document(SAMPLE)
    own = [s for s in res.spans if s.kind in declared]
    assert own, f"{name} found nothing in the sample text"
    for s in own:
        assert SAMPLE.text[s.start:s.end] == s.text
        assert set(s.attrs) <= set(declared[s.kind].field_names)
        assert s.counted is (declared[s.kind].counts(s) if declared[s.kind].counted else False)
    json.dumps(res.metrics)  # metrics are JSON-ready
    assert set(extractor_fields(cls)) >= {f for spec in cls.emits for f in spec.field_names}


def test_every_kind_has_exactly_one_extractor():
    specs = kind_specs()
    assert set(specs) >= {"sentence", "quote", "loaded_term", "hedge", "booster", "report_verb", "attribution",
                          "frame_cue"}
    assert specs["attribution"].extractor == "attribution"
    assert specs["loaded_term"].metric == "loaded"


def test_segment_is_run_once_per_document(monkeypatch):
    """The Analyzer segments each document once; every extractor shares that segmentation."""
    import framelens.runtime.pipeline as P

    calls = []

    def counting(text):
        calls.append(1)
        return segment(text)

    monkeypatch.setattr(P, "segment", counting)
    framelens.analyze([SAMPLE])
    assert len(calls) == 1
