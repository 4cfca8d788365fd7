"""The record schema: one builder for every table, documented columns, dtypes, one loaded rule."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

import framelens
from helpers import EXAMPLES, REPO
from framelens.kinds import is_loaded
from framelens.schema import SPAN_BASE_COLUMNS, build_records


def _example():
    return framelens.analyze(framelens.read_corpus(EXAMPLES))


def test_docs_schema_is_generated_from_the_code():
    proc = subprocess.run([sys.executable, str(REPO / "docs" / "gen_schema.py"), "--check"], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr


def test_record_and_rows_come_from_one_builder():
    res = _example()
    r = res.results[0]
    rec, rows = build_records(r)
    assert rec == r.to_record()
    assert [{k: v for k, v in row.items() if k != "doc_id"} for row in rows] == rec["spans"]
    assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec


def test_spans_frame_columns_and_dtypes():
    sp = _example().spans
    assert list(sp.columns[:len(SPAN_BASE_COLUMNS) - 1]) == SPAN_BASE_COLUMNS[:-1] or \
        list(sp.columns[:len(SPAN_BASE_COLUMNS)]) == SPAN_BASE_COLUMNS
    assert sp["start"].dtype == "int64" and sp["end"].dtype == "int64"
    assert str(sp["lede"].dtype) == "boolean" and str(sp["counted"].dtype) == "boolean"
    assert str(sp["severity"].dtype) == "Int64"
    assert str(sp["paragraph"].dtype) == "Int64" and not sp["paragraph"].isna().any()


def test_documents_frame_dates_and_counts():
    docs = _example().documents
    assert pd.api.types.is_datetime64_any_dtype(docs["date"])  # every example date is a valid ISO date
    assert docs["words"].dtype == "int64"
    mixed = framelens.analyze([framelens.Document("a", "One sentence here.", date="2024-02-30"),
                               framelens.Document("b", "Another one here.", date="2024-03-01")]).documents
    assert mixed["date"].tolist() == ["2024-02-30", "2024-03-01"]  # an impossible date: left as text, not lost


def test_one_loaded_rule_everywhere(seed_result):
    """The `counted` column of loaded_term rows, the document's `loaded` metric and kinds.is_loaded agree."""
    res = framelens.analyze([seed_result.doc])
    sp = res.spans
    lt = sp[sp.kind == "loaded_term"]
    assert (lt["counted"].astype(bool) == lt.apply(lambda r: is_loaded(r.to_dict()), axis=1)).all()
    assert int(lt["counted"].sum()) == int(res.documents.loc[0, "loaded"])
    # a neutral variant (severity 0) is a neutral_term span; a mention is a loaded_term span; neither counts
    hand = framelens.analyze('The term "illegal alien" is contested; undocumented immigrants arrived.').spans
    rows = hand[hand.kind.isin(["loaded_term", "neutral_term"])][["kind", "text", "use", "severity", "counted"]]
    assert {(r.kind, r.text, bool(r.counted)) for r in rows.itertuples()} == {
        ("loaded_term", "illegal alien", False), ("neutral_term", "undocumented immigrants", False)}


def _doc_count_line() -> str:
    """The one line of pandas that docs/schema.md gives for counting loaded terms."""
    import re

    text = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"^n_loaded = .+$", text, flags=re.M)
    return line


# fictional: two loaded uses (one stacked with a modifier inside the label), a mention, a declined label,
# neutral variants, a neutral sense ("first-time drug offenders") and a literal "terrorist attack"
_HAND = ("Deputies said illegal juvenile immigrants and two illegal aliens crossed. The term 'illegals' is "
         "contested; the sheriff did not call them thugs. Undocumented immigrants, migrants and asylum seekers "
         "waited. The program serves first-time drug offenders. Officials called it a terrorist attack.")


def test_counting_loaded_terms_as_docs_schema_says(tmp_path):
    """A pandas user follows docs/schema.md: the documented line counts loaded terms, not neutral variants,
    mentions or neutral senses, on the analyze() frame and on spans.jsonl read back with pandas."""
    line = _doc_count_line()
    res = framelens.analyze(_HAND)
    scope = {"spans": res.spans}
    exec(line, {}, scope)  # noqa: S102 - the documented line, run as a user would
    assert int(scope["n_loaded"]) == 2  # "illegal juvenile immigrants", "illegal aliens" (hand-counted)
    assert int(scope["n_loaded"]) == int(res.documents["loaded"].sum())
    loaded_texts = set(res.spans[res.spans["kind"].eq("loaded_term") & res.spans["counted"].eq(True)]["text"])
    assert loaded_texts == {"illegal juvenile immigrants", "illegal aliens"}
    neutral = set(res.spans[res.spans["kind"] == "neutral_term"]["text"])
    assert {"Undocumented immigrants", "migrants", "asylum seekers", "offenders", "terrorist"} <= neutral
    # the same line on the written table
    from framelens.cli import main

    out = tmp_path / "o"
    doc = tmp_path / "a.txt"
    doc.write_text(_HAND, encoding="utf-8")
    assert main(["analyze", str(doc), "--out", str(out)]) == 0
    scope = {"spans": pd.read_json(out / "spans.jsonl", lines=True)}
    exec(line, {}, scope)  # noqa: S102
    assert int(scope["n_loaded"]) == 2


def test_paragraph_and_lede_columns(seed_result):
    from framelens.text.segmentation import lede_end, segment

    doc = seed_result.doc
    sp = framelens.analyze([doc]).spans
    seg = segment(doc.text)
    lede_at = lede_end(doc.text, seg)
    for r in sp.itertuples():
        assert r.paragraph == seg.paragraph_at(r.start) or r.kind != "sentence"
        assert bool(r.lede) == (r.start < lede_at)
