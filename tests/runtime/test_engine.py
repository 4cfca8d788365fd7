"""Engines give identical tables; partitions stream; progress reports; CLI engine options."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framelens
from framelens.cli import main
from framelens.runtime.engine import (PartitionTask, ProcessEngine, SerialEngine, _windowed, analyze_partition,
                              make_engine)
from framelens.errors import ConfigError
from framelens.model import Document
from framelens.runtime.partitions import chunked, count_documents, partition_fingerprint, run_partitioned
from framelens.runtime.pipeline import AnalysisConfig, Analyzer, iter_analyze
from framelens.io.tables import TableWriter

from helpers import EXAMPLES, shared_path

OUTPUTS = ("documents.jsonl", "spans.jsonl", "documents.csv", "spans.csv", "documents.parquet", "spans.parquet")


def _reference(docs, out: Path, formats) -> None:
    """The tables written the plain way: one Analyzer, one TableWriter, no partitions."""
    an = Analyzer(AnalysisConfig())
    w = TableWriter(out, formats, span_fields=an.span_fields())
    for res in iter_analyze(docs, analyzer=an):
        w.write(res)
    w.close()


def _run(docs, out: Path, engine: str, formats, partition_size: int, **kw):
    an = Analyzer(AnalysisConfig())
    with make_engine(an, engine, **kw) as eng:
        summary, store = run_partitioned(iter(docs), out, eng, formats=formats, partition_size=partition_size,
                                         span_fields=an.span_fields())
    store.cleanup()
    return summary


def _same_files(a: Path, b: Path, names) -> None:
    for name in names:
        assert (a / name).exists(), name
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between {a} and {b}"


# ---------------------------------------------------------------------------
# identical tables, whatever the engine (fictional corpus: always runs)


def test_serial_partitions_equal_plain_writer(example_docs, tmp_path):
    formats = ["jsonl", "csv", "parquet"]
    _reference(example_docs, tmp_path / "ref", formats)
    summary = _run(example_docs, tmp_path / "serial", "serial", formats, partition_size=4)
    _same_files(tmp_path / "ref", tmp_path / "serial", OUTPUTS)
    n = len(example_docs)  # the example corpus grows now and then: counts follow it
    assert summary.n_docs == n and summary.partitions == -(-n // 4) and summary.reused == 0
    assert not (tmp_path / "serial" / "partitions").exists()
    ids = [json.loads(line)["id"] for line in (tmp_path / "serial" / "documents.jsonl").read_text().splitlines()]
    assert ids == [d.id for d in example_docs]


def test_processes_equal_serial(example_docs, tmp_path):
    formats = ["jsonl", "csv"]
    _run(example_docs, tmp_path / "serial", "serial", formats, partition_size=6)
    # partitions of one document, two processes: completion order differs from input order
    summary = _run(example_docs, tmp_path / "proc", "processes", formats, partition_size=1, jobs=2)
    _same_files(tmp_path / "serial", tmp_path / "proc", ["documents.jsonl", "spans.jsonl", "documents.csv",
                                                         "spans.csv"])
    assert summary.partitions == len(example_docs)
    n_spans = sum(json.loads(x)["n_spans"] for x in (tmp_path / "proc" / "documents.jsonl").open())
    assert summary.n_spans == n_spans == len((tmp_path / "proc" / "spans.jsonl").read_bytes().splitlines()) > 0


def test_dask_local_cluster_equals_serial(example_docs, tmp_path):
    pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed] (pip install framelens[dask])")
    _run(example_docs, tmp_path / "serial", "serial", ["jsonl"], partition_size=6)
    summary = _run(example_docs, tmp_path / "dask", "dask", ["jsonl"], partition_size=2, workers=2)
    _same_files(tmp_path / "serial", tmp_path / "dask", ["documents.jsonl", "spans.jsonl"])
    assert summary.partitions == -(-len(example_docs) // 2)


def test_bench_slice_identical_on_every_engine(tmp_path):
    """300 real news articles: serial, --jobs 2 and a 2-worker Dask LocalCluster give the same documents.jsonl."""
    news = shared_path("bench", "news.jsonl")
    pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed] (pip install framelens[dask])")
    docs = list(islice(framelens.read_corpus(news), 300))
    assert len(docs) == 300
    _run(docs, tmp_path / "serial", "serial", ["jsonl"], partition_size=300)
    _run(docs, tmp_path / "proc", "processes", ["jsonl"], partition_size=37, jobs=2)
    _run(docs, tmp_path / "dask", "dask", ["jsonl"], partition_size=50, workers=2)
    _same_files(tmp_path / "serial", tmp_path / "proc", ["documents.jsonl", "spans.jsonl"])
    _same_files(tmp_path / "serial", tmp_path / "dask", ["documents.jsonl", "spans.jsonl"])
    lines = (tmp_path / "serial" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [d.id for d in docs]


# ---------------------------------------------------------------------------
# the worker function and the engines' window


class _FailingAnalyzer:
    """Analyses like the real one, but fails on the document with id 'bad'."""

    def __init__(self):
        self.real = Analyzer(AnalysisConfig())

    def analyze_document(self, doc):
        if doc.id == "bad":
            raise ValueError("cannot analyse this one")
        return self.real.analyze_document(doc)


def test_analyze_partition_skips_a_failing_document():
    docs = [Document("a", "Officials said the plan failed."), Document("bad", "x", origin="in.jsonl:2"),
            Document("c", "It reportedly passed.")]
    out = analyze_partition(_FailingAnalyzer(), PartitionTask(7, docs, errors="skip"))
    assert out.index == 7 and out.n_docs == 2
    assert [json.loads(x)["id"] for x in out.documents_jsonl.splitlines()] == ["a", "c"]
    assert out.problems == [{"origin": "in.jsonl:2", "reason": "analysis failed: ValueError: cannot analyse this one",
                             "error": "ValueError"}]
    assert out.words == 5 + 3
    with pytest.raises(ValueError):
        analyze_partition(_FailingAnalyzer(), PartitionTask(0, docs, errors="raise"))


def test_analyze_partition_lines_match_table_writer(tmp_path):
    docs = [Document("a", "Critics slammed the so-called reform, which “clearly failed,” she said.")]
    out = analyze_partition(Analyzer(AnalysisConfig()), PartitionTask(0, docs))
    _reference(docs, tmp_path, ["jsonl"])
    assert out.documents_jsonl == (tmp_path / "documents.jsonl").read_bytes()
    assert out.spans_jsonl == (tmp_path / "spans.jsonl").read_bytes()
    assert out.n_spans == len(out.spans_jsonl.splitlines()) > 0
    assert analyze_partition(Analyzer(AnalysisConfig()), PartitionTask(0, docs, spans_jsonl=False)).spans_jsonl == b""


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_window_bounds_work_in_flight():
    pulled = []

    def tasks():
        for i in range(10):
            pulled.append(i)
            yield i

    in_flight_max = 0
    pending_sizes = []

    def submit(task):
        return _Done(task * 10)

    def wait_first(pending):
        nonlocal in_flight_max
        in_flight_max = max(in_flight_max, len(pending))
        pending_sizes.append(len(pending))
        first = min(pending, key=lambda f: f.value)
        return {first}, pending - {first}

    gen = _windowed(tasks(), submit, wait_first, window=3)
    assert next(gen) == 0
    assert len(pulled) == 3  # never more than the window ahead of what is consumed
    assert list(gen) == [10 * i for i in range(1, 10)]
    assert in_flight_max == 3


def test_serial_engine_is_lazy():
    an = Analyzer(AnalysisConfig())
    pulled = []

    def tasks():
        for i in range(5):
            pulled.append(i)
            yield PartitionTask(i, [Document(f"d{i}", "The plan passed.")])

    gen = SerialEngine(an).run(tasks())
    assert next(gen).index == 0 and pulled == [0]


def test_make_engine_validates():
    an = Analyzer(AnalysisConfig())
    with pytest.raises(ConfigError, match="allowed: serial, processes, dask"):
        make_engine(an, "threads")
    with pytest.raises(ConfigError, match="at least 1"):
        make_engine(an, "processes", jobs=0)
    eng = make_engine(an, "processes", jobs=2)
    assert isinstance(eng, ProcessEngine) and eng.workers == 2 and eng.window == 4
    eng.close()


# ---------------------------------------------------------------------------
# streaming partitions


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(), max_size=40), st.integers(min_value=1, max_value=12))
def test_chunked_keeps_every_item_in_order(items, size):
    parts = list(chunked(items, size))
    assert [x for p in parts for x in p] == items
    assert all(len(p) == size for p in parts[:-1])
    assert (not parts) or 1 <= len(parts[-1]) <= size
    assert len(parts) == -(-len(items) // size)


def test_chunked_does_not_read_ahead():
    pulled = []

    def stream():
        for i in range(100):
            pulled.append(i)
            yield i

    gen = chunked(stream(), 10)
    assert next(gen) == list(range(10))
    assert len(pulled) == 10
    with pytest.raises(ConfigError):
        next(chunked([1], 0))


def test_fingerprint_sees_text_id_and_metadata():
    a = Document("a", "Text one.", outlet="X")
    base = partition_fingerprint([a])
    assert partition_fingerprint([Document("a", "Text one.", outlet="X")]) == base
    assert partition_fingerprint([Document("a", "Text one!", outlet="X")]) != base
    assert partition_fingerprint([Document("b", "Text one.", outlet="X")]) != base
    assert partition_fingerprint([Document("a", "Text one.", outlet="Y")]) != base
    assert partition_fingerprint([Document("a", "Text one.", outlet="X", extra={"k": 1})]) != base
    b = Document("b", "Two.")
    assert partition_fingerprint([a, b]) != partition_fingerprint([b, a])


def test_count_documents(tmp_path):
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "d" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("no", encoding="utf-8")
    assert count_documents([tmp_path / "c.jsonl"]) == 3
    assert count_documents([tmp_path / "c.jsonl", tmp_path / "d"]) == 5
    (tmp_path / "e.csv").write_text("text\nx\n", encoding="utf-8")
    assert count_documents([tmp_path / "e.csv"]) is None
    assert count_documents(["-"]) is None
    assert count_documents([EXAMPLES]) == len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")])


# ---------------------------------------------------------------------------
# command line


def test_cli_jobs_gives_the_same_files_and_records_the_engine(tmp_path):
    assert main(["-q", "analyze", str(EXAMPLES), "--out", str(tmp_path / "a")]) == 0
    assert main(["-q", "analyze", str(EXAMPLES), "--out", str(tmp_path / "b"), "--jobs", "2",
                 "--partition-size", "2"]) == 0
    _same_files(tmp_path / "a", tmp_path / "b", ["documents.jsonl", "spans.jsonl"])
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["documents.jsonl", "manifest.json", "spans.jsonl"]
    ma = json.loads((tmp_path / "a" / "manifest.json").read_text())
    mb = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert ma["parameters"]["engine"]["engine"] == "serial"
    assert mb["parameters"]["engine"] == {"engine": "processes", "workers": 2, "partition_size": 2, "resumed": False}
    n = ma["counts"]["documents"]
    assert mb["counts"] == {"documents": n, "spans": ma["counts"]["spans"], "skipped": 0, "partitions": -(-n // 2),
                            "partitions_reused": 0}


@pytest.mark.parametrize("argv, message", [
    (["--engine", "serial", "--jobs", "2"], "--jobs is an option of --engine processes"),
    (["--engine", "processes", "--workers", "2"], "--scheduler/--workers are options of --engine dask"),
    (["--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "not both"),
])
def test_cli_rejects_mixed_engine_options(tmp_path, capsys, argv, message):
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path), *argv]) == 2
    assert message in capsys.readouterr().err


def test_cli_rejects_bad_numbers(tmp_path, capsys):
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path), "--jobs", "0"]) == 2
    assert "must be 1 or more" in capsys.readouterr().err
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path), "--partition-size", "many"]) == 2
    assert "not a whole number" in capsys.readouterr().err


_json_leaf = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=8)
_json_value = st.recursive(_json_leaf, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


def _nulled(v):
    """A value as the tables hold it: NaN and infinity are null (orjson), tuples are lists."""
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return None
    if isinstance(v, dict):
        return {k: _nulled(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_nulled(x) for x in v]
    return v


@settings(max_examples=80, deadline=None)
@given(doc_id=st.text(min_size=1, max_size=6), metrics=st.dictionaries(st.text(max_size=6), _json_value, max_size=4),
       attrs=st.lists(st.dictionaries(st.sampled_from(["doc_id", "category", "ü", "kind", "x"]), _json_value,
                                      max_size=3), max_size=4))
def test_serialise_writes_the_records(doc_id, metrics, attrs):
    """The serialiser writes the record without its spans plus n_spans, and one row per span with doc_id in
    front (an attribute named like a fixed column, doc_id included, is left out); with nested=True the record
    with its spans. Values and key order as json.dumps of the records gives them, infinity as null."""
    from framelens.runtime.engine import _serialise
    from framelens.model import Span
    from framelens.runtime.pipeline import DocResult

    text = "Ein “Zitat” – said officials."
    spans = [Span("hedge", 0, 3, text[0:3], "lab", None, "author", 0, a) for a in attrs]
    res = DocResult(Document(doc_id, text, outlet="Ö"), spans, metrics, 4, 1)
    line, span_bytes, n = _serialise(res)
    rec = res.to_record()
    nested = [{k: v for k, v in sd.items() if k != "doc_id"} for sd in rec.pop("spans")]
    as_read = json.dumps  # key order and values of a parsed line, compared as text
    assert n == len(spans) and line.endswith(b"\n") and line.count(b"\n") == 1
    assert as_read(json.loads(line)) == as_read(_nulled({**rec, "n_spans": n}))
    assert [as_read(json.loads(x)) for x in span_bytes.splitlines()] == [
        as_read(_nulled({"doc_id": doc_id, **sd})) for sd in nested]
    nested_line, span_bytes2, _ = _serialise(res, nested=True)
    assert span_bytes2 == span_bytes
    assert as_read(json.loads(nested_line)) == as_read(_nulled({**rec, "spans": nested}))
