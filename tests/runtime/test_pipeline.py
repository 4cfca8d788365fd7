"""The Analyzer's per-document step: each span's paragraph, lede and counted, and the Span record it fills."""

from __future__ import annotations

import dataclasses
import math
import pickle

import pytest

from framelens.kinds import is_loaded, span_value
from framelens.model import Span
from framelens.runtime.pipeline import Analyzer

TEXT = ("Short headline\n\n"
        "Officials said on Tuesday that the new plan was “a flawed idea,” and critics slammed it as a gift to illegal "
        "aliens in a long first paragraph.\n\n"
        "Later, Ames said the vote would go ahead.")


def test_paragraph_lede_and_counted_are_filled_from_the_rules():
    an = Analyzer()
    res = an.analyze_document(__import__("framelens").Document("d", TEXT))
    lede_start, lede_end = 16, TEXT.index("\n\nLater")  # the first paragraph of 15+ words (the headline is not)
    kinds = an.kinds()
    for s in res.spans:
        assert s.paragraph == (0 if s.start < 16 else 1 if s.start < lede_end else 2)
        assert s.lede == (s.start < lede_end)
        assert s.counted == kinds[s.kind].counts(s)
    assert {s.kind for s in res.spans if s.counted is False} >= {"sentence"}  # structural: never counted
    loaded = [s for s in res.spans if s.kind == "loaded_term"]
    assert loaded and all(s.counted == is_loaded(s) for s in loaded)
    assert lede_start < lede_end


def test_undeclared_kinds_get_counted_none():
    an = Analyzer()
    an._count_rules = {k: v for k, v in an._count_rules.items() if k != "sentence"}  # as if nobody declared it
    res = an.analyze_document(__import__("framelens").Document("d", TEXT))
    assert {s.counted for s in res.spans if s.kind == "sentence"} == {None}


def test_span_keeps_its_dataclass_contract():
    a = Span("hedge", 3, 8, "maybe", "epistemic")
    b = Span("hedge", 3, 8, "maybe", "epistemic")
    assert a == b and a.attrs == {} and a.attrs is not b.attrs  # a new dict each time, as default_factory gave
    assert (a.entry, a.voice, a.sentence, a.paragraph, a.lede, a.counted) == (None, "author", None, None, None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.start = 4  # type: ignore[misc]
    c = dataclasses.replace(a, start=4, attrs={"use": "use"})
    assert (c.start, c.attrs, a.start) == (4, {"use": "use"}, 3)
    assert [f.name for f in dataclasses.fields(Span)][:5] == ["kind", "start", "end", "text", "label"]
    d = pickle.loads(pickle.dumps(c.with_context(2, True, False)))
    assert d == c and (d.paragraph, d.lede, d.counted) == (2, True, False)
    assert Span(kind="quote", start=0, end=1, text="x", label="direct", voice="quoted").voice == "quoted"


def test_span_value_reads_dicts_rows_and_spans():
    span = Span("hedge", 3, 8, "maybe", "epistemic", attrs={"use": "use", "score": math.nan})
    assert span_value(span, "kind") == "hedge" and span_value(span, "use") == "use"
    assert span_value(span, "score") is None and span_value(span, "missing") is None
    assert span_value({"use": "mention", "x": float("nan")}, "use") == "mention"
    assert span_value({"x": float("nan")}, "x") is None
    pd = pytest.importorskip("pandas")
    row = pd.Series({"kind": "hedge", "use": "use", "severity": math.nan})
    assert span_value(row, "use") == "use" and span_value(row, "severity") is None
