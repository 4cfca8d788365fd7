"""The output tables' encoders: orjson lines with the standard library's values, CSV cells as the dict writer
wrote them, Parquet built in chunks equal to one table of every row, and the join of spans.jsonl to
documents.jsonl."""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.errors import FormatError
from framelens.io import tables
from framelens.io.jsonl import dumps, dumps_line, loads_line
from framelens.io.safecsv import SafeDictWriter
from framelens.io.tables import join_records, nested_records, span_lines

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)  # no lone surrogates
_leaf = (st.none() | st.booleans() | st.integers(-2**63, 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False)
         | _text)
_value = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                      max_leaves=8)
_attrs = st.dictionaries(st.sampled_from(["category", "severity", "ü", "x y", "doc_id", "=cmd", "group"]) | _text,
                         _value, max_size=5)


def _std(obj) -> bytes:
    """What the standard library writes with compact separators (the reference for values and key order)."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _same_json(a: bytes, b: bytes) -> bool:
    """The same values, types and key order once parsed (number spellings may differ: 1e-05 / 0.00001)."""
    return json.dumps(json.loads(a)) == json.dumps(json.loads(b))


@settings(max_examples=200, deadline=None)
@given(_attrs)
def test_dumps_line_gives_the_standard_librarys_values(attrs):
    line = dumps_line(attrs)
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # a newline inside a string is escaped
    assert _same_json(line, _std(attrs))
    assert loads_line(line) == json.loads(line)


@pytest.mark.parametrize("value, written", [
    ({"a": 1, "b": "é “q”"}, b'{"a":1,"b":"\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"}\n'),  # UTF-8 as is, no \u escapes
    ({2: "int key", 1.5: "float", True: "bool", None: "none"},
     b'{"2":"int key","1.5":"float","true":"bool","null":"none"}\n'),
    ({"z": 1, "a": 2}, b'{"z":1,"a":2}\n'),  # insertion order, never sorted
    ([float("nan"), float("inf"), -float("inf")], b"[null,null,null]\n"),  # JSON has no NaN: null
    ([np.int64(3), np.float64(0.25), np.bool_(True), np.float32(0.5)], b"[3,0.25,true,0.5]\n"),
    ([2**64, -2**63 - 1, float("nan")], b"[18446744073709551616,-9223372036854775809,null]\n"),  # stdlib path
    ((1, "tuple"), b'[1,"tuple"]\n'),
    ("tab\tnew\nline\x00\x7f\u2028", b'"tab\\tnew\\nline\\u0000\x7f\xe2\x80\xa8"\n'),
])
def test_dumps_line_edge_values(value, written):
    assert dumps_line(value) == written
    assert dumps(value) + b"\n" == written


def test_dumps_line_refuses_what_json_cannot_hold():
    with pytest.raises(TypeError):
        dumps_line({"a": {1, 2}})
    with pytest.raises(TypeError):
        dumps_line({"a": object()})
    with pytest.raises((TypeError, UnicodeEncodeError)):
        dumps_line({"a": "lone \ud800 surrogate"})


class _Float(float):
    pass


def test_float_subclass_is_a_number():
    assert dumps_line([_Float(0.5)]) == b"[0.5]\n"


@pytest.mark.parametrize("line", [b"-9223372036854775809", b"18446744073709551616", b'{"n": NaN}',
                                  b'{"id": "1234567890123456789012", "x": 1.5}'])
def test_loads_line_keeps_every_integer_exact(line):
    """orjson would read an integer beyond 64 bits as a float: such lines go through the standard library."""
    got = loads_line(line)
    want = json.loads(line)
    assert json.dumps(got) == json.dumps(want) and type(got) is type(want)


# ---------------------------------------------------------------------------
# spans.jsonl lines: one call per document, cut at the rows' boundaries


def _rows(doc_id, attrs_list):
    base = {"kind": "hedge", "start": 0, "end": 3, "text": "a\"},{", "label": "x", "entry": None, "voice": "author",
            "sentence": 0, "paragraph": 0, "lede": True, "counted": True}
    return [{"doc_id": doc_id, **base, **{k: v for k, v in a.items() if k not in base and k != "doc_id"}}
            for a in attrs_list]


@settings(max_examples=150, deadline=None)
@given(doc_id=_text, attrs_list=st.lists(_attrs, max_size=5))
def test_span_lines_equal_one_line_per_row(doc_id, attrs_list):
    rows = _rows(doc_id, attrs_list)
    assert span_lines(rows) == b"".join(dumps_line(r) for r in rows)


def test_span_lines_with_a_nested_value_that_looks_like_a_row_boundary():
    """A span attribute holding dicts that start with the row's own doc_id: the boundary count shows it, and the
    rows are encoded one by one (still one line each)."""
    rows = _rows("d1", [{"parts": [{"doc_id": "d1", "kind": "x"}, {"doc_id": "d1", "v": 2}]}, {}])
    out = span_lines(rows)
    assert out == b"".join(dumps_line(r) for r in rows)
    assert [json.loads(x) for x in out.splitlines()] == json.loads(json.dumps(rows))
    # text that spells a boundary is escaped inside its string, so it never cuts a line
    rows = _rows("d1", [{"note": '},{"doc_id":"d1",'}, {}])
    assert span_lines(rows).count(b"\n") == 2
    assert span_lines([]) == b""


def test_span_lines_of_rows_of_other_shapes():
    rows = [{"doc_id": "a", "kind": "x"}, {"kind": "y", "doc_id": "a"}, {"doc_id": "b", "kind": "z"}]
    assert span_lines(rows) == b"".join(dumps_line(r) for r in rows)


# ---------------------------------------------------------------------------
# CSV: the cells the dict writer wrote, without a dict per written row


def _old_csv(rows, columns, protect) -> str:
    """How the table writer wrote a CSV before (SafeDictWriter, a dict of cells per row)."""
    fh = io.StringIO(newline="")
    w = SafeDictWriter(fh, fieldnames=columns + ["extra"], extrasaction="ignore", protect=protect)
    w.writeheader()
    for r in rows:
        extra = {k: v for k, v in r.items() if k not in columns}
        out = {k: tables._cell(r.get(k)) for k in columns}
        out["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
        w.writerow(out)
    return fh.getvalue()


_csv_value = st.one_of(_leaf, st.lists(_leaf, max_size=2), st.dictionaries(_text, _leaf, max_size=2),
                       st.sampled_from(["=SUM(A1)", "+1", "-0.5", "@x", "\tt", "-x", "plain"]))


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.dictionaries(st.sampled_from(["id", "kind", "=h", "text", "n", "other", "extra"]), _csv_value,
                                     max_size=6), max_size=5),
       protect=st.booleans())
def test_csv_cells_equal_the_dict_writers(rows, protect):
    columns = ["id", "kind", "=h", "text", "n"]
    fh = io.StringIO(newline="")
    table = tables._CsvTable(fh, columns, protect)
    table.write_rows(rows)
    assert fh.getvalue() == _old_csv(rows, columns, protect)


# ---------------------------------------------------------------------------
# Parquet: rows gathered as columns, an Arrow table per chunk, one row group per flush


class _Sink:
    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.path = None

    def __call__(self, name):
        from framelens.io.atomic import AtomicFile

        f = AtomicFile(self.tmp_path / name)
        self.path = f.tmp
        return f


def test_parquet_in_chunks_equals_one_table_of_every_row(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    monkeypatch.setattr(tables, "ARROW_CHUNK", 2)
    rows = [{"id": "a", "n": None, "x": 1, "tags": None}, {"id": "b", "n": None, "x": 2, "tags": ["p"]},
            {"id": "c", "n": 3, "x": 2.5, "tags": None}, {"id": "d", "n": None, "x": 4, "tags": {"k": 1}},
            {"id": "e", "n": 5, "x": 5, "tags": None, "ignored": 1}]
    sink = _Sink(tmp_path)
    t = tables._ParquetTable(sink, "t", ["id", "n", "x", "tags"])
    t.add(rows[:2])  # a chunk where n is all null, x all int
    t.add(rows[2:4])  # n int, x float
    t.add(rows[4:])  # sealed by the flush: tags all null
    t.flush()
    t.close()
    got = pq.read_table(sink.path)
    want = pa.Table.from_pylist([{k: tables._cell(r.get(k)) for k in ["id", "n", "x", "tags"]} for r in rows])
    assert got.schema == want.schema  # null, int and float chunks promoted as one inference would
    assert got.to_pylist() == want.to_pylist()
    assert got.column("x").to_pylist() == [1.0, 2.0, 2.5, 4.0, 5.0]
    assert got.column("tags").to_pylist() == [None, '["p"]', None, '{"k": 1}', None]


def test_parquet_row_groups_keep_the_first_groups_schema(tmp_path):
    import pyarrow.parquet as pq

    sink = _Sink(tmp_path)
    t = tables._ParquetTable(sink, "t")  # columns: the first row's keys
    t.add([{"id": "a", "n": None}])
    t.flush()
    t.add([{"id": "b", "n": None, "new": 1}])
    t.flush()
    t.flush()  # nothing added: no empty row group
    t.close()
    f = pq.ParquetFile(sink.path)
    assert f.metadata.num_row_groups == 2
    assert f.read().to_pylist() == [{"id": "a", "n": None}, {"id": "b", "n": None}]
    assert str(f.schema_arrow.field("n").type) == "string"  # all-null in the first group: text


# ---------------------------------------------------------------------------
# the join of spans.jsonl to documents.jsonl


def _write(folder, docs: list[dict], spans: list[dict] | None):
    folder.mkdir(exist_ok=True)
    (folder / "documents.jsonl").write_bytes(b"".join(dumps_line(d) for d in docs))
    if spans is not None:
        (folder / "spans.jsonl").write_bytes(b"".join(dumps_line(s) for s in spans))
    return folder


def test_nested_records_join_in_order(tmp_path):
    folder = _write(tmp_path / "o", [{"id": "a", "metrics": {}, "n_spans": 2}, {"id": "b", "metrics": {}, "n_spans": 0},
                                     {"id": "a~2", "metrics": {"m": 1}, "n_spans": 1}],
                    [{"doc_id": "a", "kind": "k", "start": 0}, {"doc_id": "a", "kind": "k", "start": 5},
                     {"doc_id": "a~2", "kind": "q", "start": 1}])
    got = list(nested_records(folder))
    assert got == [{"id": "a", "metrics": {}, "spans": [{"kind": "k", "start": 0}, {"kind": "k", "start": 5}]},
                   {"id": "b", "metrics": {}, "spans": []},
                   {"id": "a~2", "metrics": {"m": 1}, "spans": [{"kind": "q", "start": 1}]}]
    assert [list(r) for r in got] == [["id", "metrics", "spans"]] * 3
    assert list(nested_records(folder / "documents.jsonl")) == got


def test_nested_records_of_a_nested_folder_need_no_spans_file(tmp_path):
    folder = _write(tmp_path / "o", [{"id": "a", "spans": [{"kind": "k"}]}], None)
    assert list(nested_records(folder)) == [{"id": "a", "spans": [{"kind": "k"}]}]


@pytest.mark.parametrize("docs, spans, message", [
    ([{"id": "a", "n_spans": 1}], [{"doc_id": "b", "kind": "k"}], "belongs to doc_id 'b', not to 'a'"),
    ([{"id": "a", "n_spans": 2}], [{"doc_id": "a", "kind": "k"}], "ends after 1 of its rows"),
    ([{"id": "a", "n_spans": 1}], [{"doc_id": "a", "kind": "k"}, {"doc_id": "a", "kind": "k"}], "rows after the last"),
    ([{"id": "a"}], [], "neither n_spans nor spans"),
])
def test_nested_records_refuse_files_that_do_not_belong_together(tmp_path, docs, spans, message):
    folder = _write(tmp_path / "o", docs, spans)
    with pytest.raises(FormatError, match=message) as exc:
        list(nested_records(folder))
    assert exc.value.code == "format"


def test_join_records_reads_spans_only_when_needed():
    def spans():
        raise AssertionError("the spans file was opened for records that hold their spans")
        yield b""  # pragma: no cover

    docs = [dumps_line({"id": "a", "spans": []}), b"\n", dumps_line({"id": "b", "spans": [{"kind": "k"}]})]
    assert [rows for _, rows in join_records(docs, spans())] == [None, None]


def test_nan_is_null_in_the_tables_and_values_survive_a_round_trip():
    rec = {"id": "a", "metrics": {"share": float("nan"), "big": 2**70, "small": 1e-05, "neg0": -0.0}}
    back = loads_line(dumps_line(rec))
    assert back["metrics"]["share"] is None
    assert back["metrics"]["big"] == 2**70 and back["metrics"]["small"] == 1e-05
    assert math.copysign(1, back["metrics"]["neg0"]) == -1


def test_parquet_row_groups_by_rows_and_a_late_type_is_cast_with_a_warning(tmp_path, caplog, monkeypatch):
    import logging

    import pyarrow.parquet as pq

    sink = _Sink(tmp_path)
    t = tables._ParquetTable(sink, "spans", ["id", "n"], max_rows=3)
    monkeypatch.setattr(logging.getLogger("framelens"), "propagate", True)  # a command run earlier turned it off
    with caplog.at_level(logging.WARNING, logger="framelens"):
        for i in range(7):
            t.add([{"id": f"r{i}", "n": None if i < 3 else i}])
        t.flush()
    t.close()
    f = pq.ParquetFile(sink.path)
    assert [f.metadata.row_group(g).num_rows for g in range(f.metadata.num_row_groups)] == [3, 3, 1]
    # n was empty in the first row group, so the file holds it as text; the later integers say so
    assert f.read().column("n").to_pylist() == [None, None, None, "3", "4", "5", "6"]
    assert "column 'n' holds int64 values" in caplog.text
