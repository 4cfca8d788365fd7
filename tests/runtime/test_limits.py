"""The time budget per document: a document past its budget is skipped with reason code doc_timeout, the others
are analysed; the budget is checked inside the extractors (a clock of our own, or a budget lowered far below what
a long document needs; never a wall time asserted)."""

from __future__ import annotations

import json

import pytest

from framelens.cli import main
from framelens.errors import ConfigError
from framelens.model import Document
from framelens.runtime.deadline import DEFAULT_DOC_TIMEOUT, DOC_TIMEOUT, Deadline, DocTimeoutError
from framelens.runtime.engine import PartitionTask, analyze_partition
from framelens.runtime.pipeline import AnalysisConfig, Analyzer, iter_analyze

# fictional
ARTICLE = ('"We will appeal," Mayor Ada Quist said on Monday. The Brisk Valley Gazette reported that the levy '
           'failed. "It is a good day," said Councillor Bram Ostrava.\n\nQuist declined to comment.')


class FakeClock:
    """A clock that moves one second per reading: the n-th check sees n seconds pass (deterministic)."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 1.0
        return self.now


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(doc_timeout=None)


def test_no_budget_counts_checks_and_changes_nothing(analyzer):
    plain = analyzer.analyze_document(Document("a", ARTICLE))
    deadline = Deadline(1e9)
    timed = analyzer.analyze_document(Document("a", ARTICLE), deadline)
    assert [s.to_dict() for s in timed.spans] == [s.to_dict() for s in plain.spans]
    assert timed.metrics == plain.metrics
    # before each of the 6 extractors and before the metrics, then each sentence (4) and each cue (3 or more)
    assert deadline.checks >= 6 + 1 + 4 + 3


@pytest.mark.parametrize("budget", [0.5, 3.5, 9.5, 14.5])
def test_a_spent_budget_stops_the_document_inside_a_step(analyzer, budget):
    deadline = Deadline(budget, clock=FakeClock(), every=1)  # spent after int(budget) + 1 clock reads
    with pytest.raises(DocTimeoutError) as info:
        analyzer.analyze_document(Document("a", ARTICLE), deadline)
    assert info.value.code == DOC_TIMEOUT == "doc_timeout"
    assert isinstance(info.value, TimeoutError)
    assert deadline.checks == int(budget) + 1  # stopped at the first check past the budget
    assert info.value.where in ("segment", "structure", "loaded_terms", "hedges", "report_verbs", "attribution",
                                "frames", "metrics")


def _slow_deadline_analyzer(slow_id: str):
    """An Analyzer whose deadline for the document ``slow_id`` is already spent (a budget lowered to nothing)."""
    an = Analyzer(doc_timeout=30)
    make = an.deadline

    def analyze_document(doc, deadline=None):
        return Analyzer.analyze_document(an, doc, Deadline(-1.0) if doc.id == slow_id else make())

    an.analyze_document = analyze_document
    return an


def test_iter_analyze_skips_the_document_past_its_budget_and_goes_on():
    an = _slow_deadline_analyzer("slow")
    docs = [Document("one", ARTICLE), Document("slow", ARTICLE, origin="c.jsonl:2"), Document("three", ARTICLE)]
    problems = []
    got = list(iter_analyze(docs, analyzer=an, errors="skip", problems=problems))
    assert [r.doc.id for r in got] == ["one", "three"]
    assert len(problems) == 1
    p = problems[0]
    assert (p.origin, p.code, p.error) == ("c.jsonl:2", "doc_timeout", "DocTimeoutError")
    assert "time budget" in p.reason
    with pytest.raises(DocTimeoutError):
        list(iter_analyze(docs, analyzer=an, errors="raise"))


def test_partition_lists_the_timeout_and_keeps_the_others():
    an = _slow_deadline_analyzer("slow")
    task = PartitionTask(0, [Document("one", ARTICLE), Document("slow", ARTICLE), Document("three", ARTICLE)],
                         errors="skip")
    out = analyze_partition(an, task)
    assert out.n_docs == 2
    assert [json.loads(x)["id"] for x in out.documents_jsonl.decode().splitlines()] == ["one", "three"]
    assert [(p["origin"], p["code"]) for p in out.problems] == [("slow", "doc_timeout")]


def test_budget_in_config_and_manifest():
    assert AnalysisConfig().doc_timeout == DEFAULT_DOC_TIMEOUT == 120
    assert AnalysisConfig(doc_timeout=0).to_dict()["doc_timeout"] is None
    assert Analyzer(doc_timeout=None).deadline() is None
    assert Analyzer(doc_timeout=5).deadline().seconds == 5
    for bad in (-1, "10", float("nan"), True):
        with pytest.raises(ConfigError):
            AnalysisConfig(doc_timeout=bad)


def test_cli_doc_timeout_skips_with_reason_and_exits_3(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    long_text = '"Yes," she said. "No," he said. ' * 10000  # 320 KB of alternating quotations (fictional): seconds
    rows = [{"id": "short", "text": ARTICLE}, {"id": "long", "text": long_text}, {"id": "last", "text": ARTICLE}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    # a budget (CPU seconds) ten times below what 320 KB needs, and a hundred times above what a short article needs
    rc = main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--doc-timeout", "0.2"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    ids = [json.loads(x)["id"] for x in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert ids == ["short", "last"]
    assert rc == 3
    assert manifest["parameters"]["doc_timeout"] == 0.2
    assert [(p["origin"], p["code"]) for p in manifest["skipped"]] == [(f"{corpus}:2", "doc_timeout")]
    assert "time budget" in capsys.readouterr().err
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    assert main(["analyze", str(short), "--out", str(tmp_path / "o"), "--doc-timeout", "0"]) == 0
    m = json.loads((tmp_path / "o" / "manifest.json").read_text())
    assert m["parameters"]["doc_timeout"] is None and not m["skipped"]


def test_cli_refuses_a_negative_budget(capsys):
    assert main(["analyze", "x.txt", "--doc-timeout", "-1"]) == 2
    assert "--doc-timeout" in capsys.readouterr().err
