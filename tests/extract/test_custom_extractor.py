"""A researcher's own extractor, registered from outside the package, shows up everywhere without
editing framelens: the spans table, the documents' counts, the comparison's per-group statistics,
and the report's highlights, legend and tooltips."""

from __future__ import annotations

import re

import pytest

import framelens
from framelens.compare import compare
from framelens.compare.report import write_report
from framelens.extract.registry import register_extractor, unregister_extractor
from framelens.kinds import Field, KindSpec, Style, span_value
from framelens.model import Span
from helpers import EXAMPLES

# numbers with a unit: "$4 million", "12 percent", "3,000 residents" (a deliberately simple rule for the test)
_FIGURE = re.compile(r"\$?\d[\d,.]*\s?(million|billion|percent|%|residents|people|dollars)?", re.I)

STATISTIC = KindSpec(
    "statistic", "a figure quoted in the text (test extractor)",
    fields=(Field("value", "float", "the number"), Field("unit", "string", "the unit word, if any")),
    label_doc="`figure`",
    counted=lambda s: span_value(s, "voice") == "author", counted_doc="in the reporter's voice",
    style=Style("background:#E3F6E3;box-shadow:inset 0 -2px 0 #117733", "statistic (a figure)", layer=7),
    tooltip=("unit",))


class StatisticExtractor:
    name = "statistics"
    requires = ("structure",)
    emits = (STATISTIC,)

    def __init__(self, config=None):
        pass

    def extract(self, doc, seg, spans):
        out = []
        for m in _FIGURE.finditer(doc.text):
            if not any(ch.isdigit() for ch in m.group(0)):
                continue
            start, end = m.start(), m.end()
            while end > start and doc.text[end - 1] in ",. ":  # trailing space or punctuation is not the figure
                end -= 1
            digits = re.sub(r"[^\d.]", "", doc.text[start:end]).strip(".")
            out.append(Span("statistic", start, end, doc.text[start:end], "figure", "test:figure",
                            seg.voice_at(start), seg.sentence_at(start),
                            {"value": float(digits) if digits else None, "unit": (m.group(1) or None)}))
        return out

    def metrics(self, doc, seg, spans):
        return {}


@pytest.fixture
def statistics_registered():
    register_extractor("statistics", StatisticExtractor, default=True)
    yield
    unregister_extractor("statistics")


def test_new_kind_reaches_tables_comparison_and_report(statistics_registered, tmp_path):
    analysis = framelens.analyze(framelens.read_corpus(EXAMPLES))
    sp = analysis.spans
    stats_rows = sp[sp.kind == "statistic"]
    assert len(stats_rows) > 0
    assert {"value", "unit"} <= set(sp.columns)
    for r in stats_rows.itertuples():  # offsets hold for the new kind too
        text = next(d.doc.text for d in analysis.results if d.doc.id == r.doc_id)
        assert text[r.start:r.end] == r.text
    assert (stats_rows["counted"].astype(bool) == (stats_rows["voice"] == "author")).all()

    result = compare(analysis, n_boot=200, align_facts=False)
    assert "statistic_count" in result.documents.columns
    per_doc = stats_rows[stats_rows["counted"].astype(bool)].groupby("doc_id").size()
    for did, n in zip(result.documents["id"], result.documents["statistic_count"]):
        assert n == per_doc.get(did, 0)
    rows = result.stats[result.stats["metric"] == "statistic_count"]
    assert set(rows["group"]) == set(result.documents["group"])
    assert int(rows["numerator"].sum()) == int(per_doc.sum())

    write_report(result, tmp_path, charts=False)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "k-statistic" in page  # highlighted, with the spec's style in the CSS
    assert "#E3F6E3" in page
    assert "statistic (a figure)" in page or "a figure" in page  # in the legend
    with_unit = stats_rows[stats_rows["unit"].notna()]
    assert len(with_unit) >= 1  # "612 people", "71 percent" in the encyclopedic summary
    assert f"unit: {with_unit.iloc[0]['unit']}" in page  # tooltip lines come from the spec
    assert f"statistic: figure" in page


def test_unregistered_after_the_test():
    assert "statistic" not in set(framelens.analyze("It cost $4 million.").spans["kind"])
