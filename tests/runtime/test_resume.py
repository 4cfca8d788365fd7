"""Resumable runs: kill -9 mid-run, --resume finishes with no duplicate and no lost document."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framelens
from framelens.cli import main
from framelens.runtime.engine import SerialEngine
from framelens.errors import ConfigError
from framelens.runtime.partitions import PartitionStore, run_partitioned
from framelens.runtime.pipeline import AnalysisConfig, Analyzer

from helpers import REPO

N_DOCS = 480
PART = 4


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory, example_docs) -> Path:
    """A JSONL corpus of N_DOCS distinct documents built from the fictional example articles."""
    bodies = example_docs
    path = tmp_path_factory.mktemp("resume") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_DOCS):
            d = bodies[i % len(bodies)]
            text = d.text + f"\n\nCorrection {i}: an earlier version of this article misstated a date."
            fh.write(json.dumps({"id": f"doc-{i:04d}", "outlet": d.outlet, "text": text}) + "\n")
    return path


def _args(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["analyze", str(corpus), "--out", str(out), "--partition-size", str(PART), *extra]


def _cli(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "framelens", *_args(corpus, out, *extra)]


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_kill_9_then_resume(corpus_file, tmp_path):
    """The run that is killed is a real process; the uninterrupted reference run and the resumed run go
    through the same command line in this process (framelens.cli.main), which saves two interpreter starts."""
    ref = tmp_path / "ref"
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    assert main(["-q", *_args(corpus_file, ref)]) == 0

    proc = subprocess.Popen(_cli(corpus_file, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parts = out / "partitions"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if parts.is_dir() and len(list(parts.glob("part-*.done.json"))) >= 3:
                break
            if proc.poll() is not None:
                pytest.fail("the run finished before it could be killed: " + proc.stderr.read().decode())
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    markers = sorted(p.name for p in parts.glob("part-*.done.json"))
    total_parts = N_DOCS // PART
    assert 3 <= len(markers) < total_parts, "killed part-way"
    # nothing that looks complete: no final tables, no manifest
    assert not (out / "documents.jsonl").exists() and not (out / "manifest.json").exists()

    assert main(["-q", *_args(corpus_file, out, "--resume")]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["partitions"] == total_parts
    # every partition finished before the kill was reused, not analysed again
    assert manifest["counts"]["partitions_reused"] >= len(markers)
    assert manifest["counts"]["partitions_reused"] < total_parts
    assert manifest["counts"]["documents"] == N_DOCS
    assert manifest["parameters"]["engine"]["resumed"] is True
    ids = _ids(out / "documents.jsonl")
    assert ids == [f"doc-{i:04d}" for i in range(N_DOCS)]  # none lost, none twice, input order
    assert (out / "documents.jsonl").read_bytes() == (ref / "documents.jsonl").read_bytes()
    assert (out / "spans.jsonl").read_bytes() == (ref / "spans.jsonl").read_bytes()
    assert not parts.exists()
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# ---------------------------------------------------------------------------
# the done rule, in process


def _docs(n: int, start: int = 0):
    return [framelens.Document(f"d{i}", f"Officials said plan {i} had allegedly failed.") for i in range(start, n)]


def _partitioned(docs, out, *, resume=False, size=2, params=None, errors="raise", analyzer=None):
    an = analyzer or Analyzer(AnalysisConfig())
    return run_partitioned(iter(docs), out, SerialEngine(an), partition_size=size, resume=resume,
                           run_parameters=params or {"run": 1}, errors=errors)


class _CountingAnalyzer(Analyzer):
    def __init__(self):
        super().__init__(AnalysisConfig())
        self.seen: list[str] = []

    def analyze_document(self, doc):
        self.seen.append(doc.id)
        return super().analyze_document(doc)


def test_resume_redoes_only_what_is_not_done(tmp_path):
    docs = _docs(10)
    summary, store = _partitioned(docs, tmp_path)
    full = (tmp_path / "documents.jsonl").read_bytes()
    parts = store.dir
    # simulate a crash: partition 1 lost its marker, partition 3 has a truncated file, 4 was never written
    (parts / "part-000001.done.json").unlink()
    data = (parts / "part-000003.documents.jsonl").read_bytes()
    (parts / "part-000003.documents.jsonl").write_bytes(data[: len(data) // 2])
    for p in parts.glob("part-000004.*"):
        p.unlink()
    (tmp_path / "documents.jsonl").unlink()
    (parts / ".part-000004.documents.jsonl.abc123.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".documents.jsonl.xyz.tmp").write_text("half", encoding="utf-8")
    an = _CountingAnalyzer()
    summary2, _ = _partitioned(docs, tmp_path, resume=True, analyzer=an)
    assert an.seen == ["d2", "d3", "d6", "d7", "d8", "d9"]
    assert summary2.reused == 2 and summary2.partitions == 5 and summary2.n_docs == 10
    assert (tmp_path / "documents.jsonl").read_bytes() == full
    assert not (tmp_path / ".documents.jsonl.xyz.tmp").exists()
    assert not (parts / ".part-000004.documents.jsonl.abc123.tmp").exists()


def test_resume_notices_changed_documents(tmp_path):
    _partitioned(_docs(6), tmp_path)
    changed = _docs(6)
    changed[3] = framelens.Document("d3", "A different text altogether.")
    an = _CountingAnalyzer()
    summary, _ = _partitioned(changed, tmp_path, resume=True, analyzer=an)
    assert an.seen == ["d2", "d3"] and summary.reused == 2
    assert _ids(tmp_path / "documents.jsonl") == [f"d{i}" for i in range(6)]
    rec = json.loads((tmp_path / "documents.jsonl").read_text().splitlines()[3])
    assert rec["words"] == 4


def test_resume_refuses_other_parameters(tmp_path):
    _partitioned(_docs(4), tmp_path, params={"lexicons": ["a.yaml"]})
    with pytest.raises(ConfigError, match="different parameters \\(lexicons\\)"):
        _partitioned(_docs(4), tmp_path, resume=True, params={"lexicons": ["b.yaml"]})
    with pytest.raises(ConfigError, match="partition_size"):
        _partitioned(_docs(4), tmp_path, resume=True, params={"lexicons": ["a.yaml"]}, size=3)


def test_without_resume_starts_afresh(tmp_path):
    _partitioned(_docs(4), tmp_path)
    an = _CountingAnalyzer()
    summary, _ = _partitioned(_docs(4), tmp_path, analyzer=an)
    assert an.seen == ["d0", "d1", "d2", "d3"] and summary.reused == 0


def test_resume_with_nothing_to_resume_runs_everything(tmp_path):
    an = _CountingAnalyzer()
    summary, _ = _partitioned(_docs(3), tmp_path, resume=True, analyzer=an)
    assert an.seen == ["d0", "d1", "d2"] and summary.n_docs == 3


def test_foreign_partitions_folder_is_left_alone(tmp_path):
    (tmp_path / "partitions").mkdir()
    (tmp_path / "partitions" / "mine.txt").write_text("not framelens", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a framelens partition folder"):
        _partitioned(_docs(2), tmp_path)
    assert (tmp_path / "partitions" / "mine.txt").exists()


def test_error_stops_run_and_resume_continues(tmp_path):
    docs = _docs(6)

    class Failing(Analyzer):
        def analyze_document(self, doc):
            if doc.id == "d4":
                raise RuntimeError("boom")
            return super().analyze_document(doc)

    with pytest.raises(RuntimeError):
        _partitioned(docs, tmp_path, analyzer=Failing(AnalysisConfig()))
    assert not (tmp_path / "documents.jsonl").exists()
    assert sorted(p.name for p in (tmp_path / "partitions").glob("*.done.json")) == [
        "part-000000.done.json", "part-000001.done.json"]
    an = _CountingAnalyzer()
    summary, _ = _partitioned(docs, tmp_path, resume=True, analyzer=an)
    assert an.seen == ["d4", "d5"] and summary.n_docs == 6
    # with errors="skip" the failing document is a problem and the others are kept
    summary, _ = _partitioned(docs, tmp_path / "skip", analyzer=Failing(AnalysisConfig()), errors="skip")
    assert summary.n_docs == 5 and [p["origin"] for p in summary.problems] == ["d4"]


def test_partition_store_write_is_checked(tmp_path):
    from framelens.runtime.engine import PartitionOutput

    store = PartitionStore(tmp_path, {"x": 1})
    store.prepare()
    marker = store.write(PartitionOutput(0, b'{"id": "a"}\n', b"", 1, 0, 3), "fp")
    assert marker["files"]["part-000000.documents.jsonl"]["bytes"] == 12
    assert store.done_marker(0, "fp") == marker
    assert store.done_marker(0, "other") is None
    assert store.done_marker(1, "fp") is None


def test_cli_resume_on_a_finished_run_redoes_it(tmp_path, corpus_file):
    """A finished run removed its partitions, so --resume has nothing to reuse and gives the same tables."""
    out = tmp_path / "o"
    small = tmp_path / "small.jsonl"
    small.write_text("".join(corpus_file.read_text(encoding="utf-8").splitlines(keepends=True)[:12]),
                     encoding="utf-8")
    assert main(["-q", "analyze", str(small), "--out", str(out), "--partition-size", "4"]) == 0
    ref = (out / "documents.jsonl").read_bytes()
    m = json.loads((out / "manifest.json").read_text())
    assert m["counts"]["partitions"] == 3 and m["counts"]["partitions_reused"] == 0
    assert main(["-q", "analyze", str(small), "--out", str(out), "--partition-size", "4", "--resume"]) == 0
    m = json.loads((out / "manifest.json").read_text())
    assert m["counts"]["partitions_reused"] == 0 and m["counts"]["documents"] == 12
    assert (out / "documents.jsonl").read_bytes() == ref
