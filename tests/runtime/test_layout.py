"""The output layout: each span written once (documents.jsonl without spans, spans.jsonl the one place for
them), the way back to the nested records (nested_records, --nested-spans), and resume across layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import framelens
from framelens.cli import main
from framelens.errors import ConfigError
from framelens.io.tables import TableWriter, nested_records
from framelens.model import META_FIELDS
from framelens.runtime.engine import SerialEngine
from framelens.runtime.partitions import run_partitioned
from framelens.runtime.pipeline import AnalysisConfig, Analyzer, iter_analyze

from helpers import EXAMPLES, N_EXAMPLES, read_jsonl

TABLES = ("documents.csv", "spans.csv", "documents.parquet", "spans.parquet")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The example corpus analysed twice by the command: the default layout and --nested-spans."""
    base = tmp_path_factory.mktemp("layout")
    for name, extra in (("flat", []), ("nested", ["--nested-spans"])):
        assert main(["-q", "analyze", str(EXAMPLES), "--out", str(base / name), "--format", "jsonl,csv,parquet",
                     *extra]) == 0
    return base


def test_documents_jsonl_holds_no_spans_and_says_how_many(runs):
    docs = read_jsonl(runs / "flat" / "documents.jsonl")
    spans = read_jsonl(runs / "flat" / "spans.jsonl")
    assert len(docs) == N_EXAMPLES
    for rec in docs:
        keys = list(rec)
        assert keys[: 3 + len(META_FIELDS)] == ["id", *META_FIELDS, "words", "sentences"]
        tail = keys[3 + len(META_FIELDS):]
        assert tail in (["metrics", "origin", "n_spans"], ["metrics", "meta", "origin", "n_spans"])
    # the rows of each document follow each other, in the documents' order, n_spans of them
    i = 0
    for rec in docs:
        mine = spans[i: i + rec["n_spans"]]
        assert rec["n_spans"] > 0 and [r["doc_id"] for r in mine] == [rec["id"]] * rec["n_spans"]
        i += rec["n_spans"]
    assert i == len(spans)
    assert all(next(iter(r)) == "doc_id" for r in spans)
    manifest = json.loads((runs / "flat" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["nested_spans"] is False and manifest["counts"]["spans"] == len(spans)


def test_nested_records_are_the_records_of_before(runs, example_docs):
    """nested_records(folder) gives, value for value and key for key, the records with their spans as framelens
    wrote them (DocResult.to_record(), the --nested-spans file)."""
    got = list(nested_records(runs / "flat"))
    want = [json.loads(json.dumps(r.to_record(), ensure_ascii=False)) for r in framelens.analyze(example_docs).results]
    nested_file = read_jsonl(runs / "nested" / "documents.jsonl")
    as_text = json.dumps  # compares key order too
    assert len(got) == N_EXAMPLES
    assert as_text(got) == as_text(want) == as_text(nested_file)
    assert all(list(r)[-1] == "spans" and "n_spans" not in r for r in got)
    text = {d.id: d.text for d in example_docs}
    assert all(text[r["id"]][s["start"]:s["end"]] == s["text"] for r in got for s in r["spans"])
    assert list(nested_records(runs / "nested")) == nested_file


def test_nested_spans_keeps_the_old_files(runs, tmp_path):
    """--nested-spans writes the earlier layout: spans.jsonl only with the jsonl format; CSV/Parquet as ever."""
    assert sorted(p.name for p in (runs / "nested").iterdir()) == sorted(
        ["documents.jsonl", "spans.jsonl", "manifest.json", *TABLES])
    for name in TABLES + ("spans.jsonl",):
        assert (runs / "nested" / name).read_bytes() == (runs / "flat" / name).read_bytes(), name
    out = tmp_path / "csv"
    assert main(["-q", "analyze", str(EXAMPLES), "--out", str(out), "--format", "csv", "--nested-spans",
                 "--partition-size", "5"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "manifest.json", "spans.csv"]
    assert (out / "documents.jsonl").read_bytes() == (runs / "nested" / "documents.jsonl").read_bytes()
    assert (out / "spans.csv").read_bytes() == (runs / "flat" / "spans.csv").read_bytes()
    # without --nested-spans, spans.jsonl is written whatever the formats: it is the one place for spans
    out = tmp_path / "csv2"
    assert main(["-q", "analyze", str(EXAMPLES), "--out", str(out), "--format", "csv"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "manifest.json", "spans.csv",
                                                     "spans.jsonl"]
    assert (out / "spans.jsonl").read_bytes() == (runs / "flat" / "spans.jsonl").read_bytes()


@pytest.mark.parametrize("nested", [False, True])
def test_partitioned_tables_equal_the_plain_writer(example_docs, tmp_path, nested):
    """Partitions assembled (CSV/Parquet from the partitions' records joined to their span rows) give the files
    one TableWriter gives, in either layout."""
    formats = ["jsonl", "csv", "parquet"]
    an = Analyzer(AnalysisConfig())
    w = TableWriter(tmp_path / "ref", formats, span_fields=an.span_fields(), nested_spans=nested)
    for res in iter_analyze(example_docs, analyzer=an):
        w.write(res)
    w.close()
    summary, store = run_partitioned(iter(example_docs), tmp_path / "parts", SerialEngine(an), formats=formats,
                                     partition_size=4, span_fields=an.span_fields(), nested_spans=nested)
    store.cleanup()
    names = sorted(p.name for p in (tmp_path / "ref").iterdir())
    assert names == sorted(["documents.jsonl", "spans.jsonl", *TABLES])
    for name in names:
        assert (tmp_path / "parts" / name).read_bytes() == (tmp_path / "ref" / name).read_bytes(), name
    assert summary.n_spans == w.n_spans == len((tmp_path / "ref" / "spans.jsonl").read_bytes().splitlines())


def _docs(n: int):
    return [framelens.Document(f"d{i}", f"Officials said plan {i} had allegedly failed.") for i in range(n)]


def test_resume_with_the_other_layout_is_refused(tmp_path):
    an = Analyzer(AnalysisConfig())
    _, store = run_partitioned(iter(_docs(4)), tmp_path, SerialEngine(an), partition_size=2, run_parameters={"r": 1})
    assert store.dir.exists()  # kept until the caller's cleanup: as after an interrupted run
    run_json = json.loads((store.dir / "run.json").read_text(encoding="utf-8"))
    assert run_json["parameters"]["nested_spans"] is False
    with pytest.raises(ConfigError, match=r"different parameters \(nested_spans\)"):
        run_partitioned(iter(_docs(4)), tmp_path, SerialEngine(an), partition_size=2, run_parameters={"r": 1},
                        resume=True, nested_spans=True)
    # the same layout resumes, reusing every partition
    summary, _ = run_partitioned(iter(_docs(4)), tmp_path, SerialEngine(an), partition_size=2,
                                 run_parameters={"r": 1}, resume=True)
    assert summary.reused == 2 and summary.n_docs == 4


def test_resume_of_a_run_from_before_the_layout_change_is_refused(tmp_path):
    """A partition folder written before the layout was a run parameter holds nested records: not reused."""
    an = Analyzer(AnalysisConfig())
    _, store = run_partitioned(iter(_docs(2)), tmp_path, SerialEngine(an), partition_size=2, run_parameters={"r": 1})
    run_file: Path = store.dir / "run.json"
    params = json.loads(run_file.read_text(encoding="utf-8"))
    del params["parameters"]["nested_spans"]
    run_file.write_text(json.dumps(params), encoding="utf-8")
    with pytest.raises(ConfigError, match="nested_spans"):
        run_partitioned(iter(_docs(2)), tmp_path, SerialEngine(an), partition_size=2, run_parameters={"r": 1},
                        resume=True)


def test_cli_resume_with_the_other_layout_is_refused(tmp_path, capsys):
    """The command records the layout among the run's parameters; --resume with the other one stops (exit 2)."""
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text}) for d in _docs(3)] + ["{not json"]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # the bad last line stops the run (--errors raise) after the partitions before it are done
    assert main(["-q", "analyze", str(corpus), "--out", str(out), "--partition-size", "1", "--errors", "raise"]) == 4
    assert len(list((out / "partitions").glob("part-*.done.json"))) == 3
    capsys.readouterr()
    assert main(["-q", "analyze", str(corpus), "--out", str(out), "--partition-size", "1", "--errors", "raise",
                 "--resume", "--nested-spans"]) == 2
    assert "different parameters (nested_spans)" in capsys.readouterr().err
