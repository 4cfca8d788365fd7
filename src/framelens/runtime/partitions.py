"""Partitioned, streaming, resumable output of an analysis run.

A corpus is read as a stream and cut into *partitions* of ``partition_size``
consecutive documents (:func:`chunked`; the corpus is never materialised).
Each partition is analysed by an engine (:mod:`framelens.runtime.engine`) and, as soon
as it finishes, written under ``OUT/partitions/``::

    partitions/run.json                      the run's parameters (checked on --resume)
    partitions/part-000042.documents.jsonl   the partition's documents.jsonl lines
    partitions/part-000042.spans.jsonl       its spans.jsonl lines (with --nested-spans, only when
                                             jsonl is a requested format)
    partitions/part-000042.done.json         done-marker: document fingerprint, counts, problems,
                                             byte size and SHA-256 of each file above

Every file is written atomically (temporary name in the same folder, then
``os.replace``), and the done-marker is written last: a partition is *done*
only when its marker exists, names files that exist with the recorded size and
SHA-256, and its fingerprint (a SHA-256 over the ids, texts and metadata of
its documents) equals the fingerprint of the same partition read again. A run
killed at any point (even ``kill -9``) therefore leaves at worst temporary
files and partitions without markers; started again with ``resume=True`` it
re-reads the corpus stream, skips every done partition without analysing it,
and analyses the rest.

When every partition is done, the final tables are assembled in input order
into ``OUT`` (``documents.jsonl`` and ``spans.jsonl`` by concatenation, and
``documents.csv`` / ``spans.csv`` / ``*.parquet`` when asked, from the partitions'
records joined to their span rows), each written atomically; the
``partitions/`` folder is removed once the caller has written the manifest
(:meth:`PartitionStore.cleanup`). Readers therefore never see partitions:
the output folder of a finished run is the same whatever the engine, the
partition size or the number of interruptions.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import ConfigError
from ..model import META_FIELDS, Document
from ..io.atomic import atomic_write_text
from ..io.tables import FORMATS, TableWriter, join_records

__all__ = [
    "chunked",
    "partition_fingerprint",
    "count_documents",
    "PartitionStore",
    "RunSummary",
    "run_partitioned",
    "DEFAULT_PARTITION_SIZE",
]

log = logging.getLogger("framelens")

#: Documents per partition unless told otherwise: about 0.6 MB of news text, whose tables
#: (about 10 times the text: every span with its attributes, once) are held in memory until written.
DEFAULT_PARTITION_SIZE = 100
PARTS_DIR = "partitions"
_OUTPUT_NAMES = ("documents.jsonl", "spans.jsonl", "documents.csv", "spans.csv", "documents.parquet",
                 "spans.parquet", "manifest.json")


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Cut a stream into lists of ``size`` consecutive items (the last may be shorter), lazily."""
    if size < 1:
        raise ConfigError(f"partition size {size}: need at least 1 document per partition")
    it = iter(items)
    while True:
        block = list(islice(it, size))
        if not block:
            return
        yield block


def partition_fingerprint(docs: Iterable[Document]) -> str:
    """SHA-256 over the ids, texts and metadata of ``docs``, in order."""
    h = hashlib.sha256()
    for d in docs:
        meta = {k: getattr(d, k) for k in META_FIELDS}
        head = json.dumps([d.id, meta, dict(d.extra), d.origin, d.body_offset], ensure_ascii=False,
                          sort_keys=True, default=str)
        h.update(head.encode("utf-8"))
        h.update(b"\x00")
        h.update(d.text.encode("utf-8", "surrogatepass"))
        h.update(b"\x01")
    return h.hexdigest()


def count_documents(paths: Iterable[str]) -> int | None:
    """Number of documents the inputs will give, when that is cheap to know; else ``None``.

    Counts non-blank lines of plain JSONL files and one per text/HTML file
    (folders walked as the reader walks them). Compressed files, CSV, JSON
    arrays and stdin give ``None``. Lines that turn out bad make it an
    over-estimate, used only for the progress ETA.
    """
    from ..io.corpus import HTML_EXT, JSONL_EXT, TEXT_EXT

    total = 0

    def one(p: str) -> int | None:
        low = p.lower()
        if not os.path.isfile(p):  # a device or FIFO (the reader refuses it): never opened here
            return None
        if low.endswith(JSONL_EXT) and not low.endswith(".gz"):
            from ..io.limits import TooLong, iter_lines

            n = 0
            with open(p, "rb") as fh:
                for _, line in iter_lines(fh, 1 << 20):  # a line is never held whole
                    if isinstance(line, TooLong) or line.strip():
                        n += 1
            return n
        if low.endswith(TEXT_EXT + HTML_EXT):
            return 1
        return None

    for p in paths:
        p = os.fspath(p)
        if p == "-" or not os.path.exists(p):
            return None
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if f.startswith("."):
                        continue
                    n = one(os.path.join(root, f))
                    if n is None:
                        return None
                    total += n
        else:
            n = one(p)
            if n is None:
                return None
            total += n
    return total


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    from ..io.atomic import atomic_write_bytes

    atomic_write_bytes(path, data)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class _DocStub:
    __slots__ = ("id", *META_FIELDS)

    def __init__(self, rec: dict[str, Any]):
        self.id = rec["id"]
        for k in META_FIELDS:
            setattr(self, k, rec.get(k))


class _RecordResult:
    """A documents.jsonl record (and its spans.jsonl rows) presented as a DocResult to :class:`TableWriter`."""

    __slots__ = ("_rec", "stored_rows", "doc", "metrics", "words", "sentences")

    def __init__(self, rec: dict[str, Any], rows: list[dict[str, Any]] | None = None):
        self._rec = rec
        self.stored_rows = rows  # None: the record holds its spans (nested layout)
        self.doc = _DocStub(rec)
        self.metrics = rec.get("metrics", {})
        self.words = rec.get("words")
        self.sentences = rec.get("sentences")

    @property
    def stored_record(self) -> dict[str, Any]:
        """The record as read back (see :func:`framelens.schema.document_record`)."""
        return self._rec

    def to_record(self) -> dict[str, Any]:
        return self._rec


@dataclass
class RunSummary:
    """Counts of a partitioned run."""

    n_docs: int = 0
    n_spans: int = 0
    words: int = 0
    partitions: int = 0
    reused: int = 0
    problems: list[dict[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0


class PartitionStore:
    """The ``OUT/partitions/`` folder: partition files, done-markers, and the final assembly."""

    def __init__(self, out: str | os.PathLike, run_parameters: dict[str, Any], *, resume: bool = False):
        self.out = Path(out)
        self.dir = self.out / PARTS_DIR
        self.resume = resume
        self.run_parameters = json.loads(json.dumps(run_parameters, sort_keys=True, default=str))

    # -- preparation ----------------------------------------------------------
    def prepare(self) -> int:
        """Clear stale temporary files; start afresh or check the run to resume. Returns done partitions found."""
        self.out.mkdir(parents=True, exist_ok=True)
        self._clear_temporaries()
        run_file = self.dir / "run.json"
        if self.dir.exists() and not run_file.exists() and any(self.dir.iterdir()):
            raise ConfigError(f"{self.dir} exists and is not a framelens partition folder; "
                              "choose another --out or move it away")
        if self.resume and run_file.exists():
            try:
                previous = json.loads(run_file.read_text(encoding="utf-8")).get("parameters")
            except (OSError, ValueError):
                previous = None
            if previous != self.run_parameters:
                diff = sorted(k for k in set(previous or {}) | set(self.run_parameters)
                              if (previous or {}).get(k) != self.run_parameters.get(k))
                raise ConfigError(
                    f"--resume: the run in {self.dir} used different parameters ({', '.join(diff) or 'unreadable'}); "
                    "run again with the same parameters, or without --resume to start over")
            found = len(list(self.dir.glob("part-*.done.json")))
            log.info("resuming: %d partition(s) already done in %s", found, self.dir)
            return found
        if self.dir.exists():
            if self.resume:
                log.info("--resume: nothing to resume in %s; starting afresh", self.dir)
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        atomic_write_text(run_file, json.dumps({"parameters": self.run_parameters}, indent=2, sort_keys=True) + "\n")
        return 0

    def _clear_temporaries(self) -> None:
        prefixes = tuple(f".{n}." for n in _OUTPUT_NAMES)
        if self.out.is_dir():
            for p in self.out.iterdir():
                if p.is_file() and p.name.startswith(prefixes) and p.name.endswith(".tmp"):
                    p.unlink()
        staging = self.out / ".framelens-assembly"
        if staging.exists():
            shutil.rmtree(staging)
        shutil.rmtree(self.out / f".{PARTS_DIR}.removing", ignore_errors=True)
        if self.dir.is_dir():
            for p in self.dir.iterdir():
                if p.is_file() and p.name.startswith((".part-", ".run.json.")) and p.name.endswith(".tmp"):
                    p.unlink()

    # -- partitions -----------------------------------------------------------
    def _path(self, index: int, what: str) -> Path:
        return self.dir / f"part-{index:06d}.{what}"

    def done_marker(self, index: int, fingerprint: str) -> dict[str, Any] | None:
        """The partition's marker if it is done for exactly these documents, else ``None``."""
        mp = self._path(index, "done.json")
        if not mp.exists():
            return None
        try:
            marker = json.loads(mp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if marker.get("fingerprint") != fingerprint:
            log.info("partition %d: its documents changed since the interrupted run; analysing it again", index)
            return None
        for name, info in marker.get("files", {}).items():
            p = self.dir / name
            if not p.exists() or p.stat().st_size != info["bytes"] or _sha256_file(p) != info["sha256"]:
                log.info("partition %d: %s is missing or altered; analysing it again", index, name)
                return None
        return marker

    def write(self, output, fingerprint: str) -> dict[str, Any]:
        """Write one finished partition (files first, done-marker last) and return its marker."""
        files = {}
        for what, data in (("documents.jsonl", output.documents_jsonl), ("spans.jsonl", output.spans_jsonl)):
            p = self._path(output.index, what)
            _atomic_write_bytes(p, data)
            files[p.name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        marker = {
            "index": output.index,
            "fingerprint": fingerprint,
            "n_docs": output.n_docs,
            "n_spans": output.n_spans,
            "words": output.words,
            "problems": output.problems,
            "files": files,
        }
        atomic_write_text(self._path(output.index, "done.json"), json.dumps(marker, ensure_ascii=False) + "\n")
        return marker

    # -- assembly -------------------------------------------------------------
    def assemble(self, n_partitions: int, formats: list[str], span_fields: Iterable[str] = (), *,
                 nested_spans: bool = False) -> list[Path]:
        """Build the final tables in ``OUT`` from partitions ``0..n-1``, in order. Returns their paths.

        The partitions hold documents.jsonl lines in the run's layout and, unless ``nested_spans``
        without the jsonl format, spans.jsonl lines (see :class:`framelens.io.tables.TableWriter`)."""
        for i in range(n_partitions):
            if not self._path(i, "done.json").exists():
                raise RuntimeError(f"partition {i} is not done; cannot assemble")  # a bug, not a user error
        paths = [self._concat("documents.jsonl", n_partitions)]
        if not nested_spans or "jsonl" in formats:
            paths.append(self._concat("spans.jsonl", n_partitions))
        others = [f for f in formats if f != "jsonl"]
        if others:
            paths += self._tables(n_partitions, others, span_fields)
        return paths

    def _concat(self, what: str, n: int) -> Path:
        from ..io.atomic import atomic_open

        dest = self.out / what
        with atomic_open(dest, "wb") as fh:
            for i in range(n):
                with open(self._path(i, what), "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
        return dest

    def _tables(self, n: int, formats: list[str], span_fields) -> list[Path]:
        """CSV / Parquet tables, streamed from the partitions' records (joined to their span rows) through
        :class:`TableWriter`."""
        staging = self.out / ".framelens-assembly"
        if staging.exists():
            shutil.rmtree(staging)
        writer = TableWriter(staging, formats, span_fields=list(span_fields), jsonl=False)
        try:
            for i in range(n):
                docs = self._path(i, "documents.jsonl")
                with open(docs, "rb") as fh, open(self._path(i, "spans.jsonl"), "rb") as sfh:
                    for rec, rows in join_records(fh, sfh, str(docs)):
                        writer.write(_RecordResult(rec, rows))
        except BaseException:
            writer.abort()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        produced = writer.close()
        paths = []
        for p in produced:
            dest = self.out / p.name
            os.replace(p, dest)
            paths.append(dest)
        shutil.rmtree(staging, ignore_errors=True)
        return paths

    def cleanup(self) -> None:
        """Remove the partition folder (call after the manifest is written): renamed first, so an interrupted
        removal leaves ``.partitions.removing`` (cleared by the next run), never a half-removed folder."""
        if not self.dir.exists():
            return
        trash = self.out / f".{PARTS_DIR}.removing"
        shutil.rmtree(trash, ignore_errors=True)
        os.replace(self.dir, trash)
        shutil.rmtree(trash, ignore_errors=True)


def run_partitioned(
    docs: Iterable[Document],
    out: str | os.PathLike,
    engine,
    *,
    formats: Iterable[str] = ("jsonl",),
    partition_size: int = DEFAULT_PARTITION_SIZE,
    resume: bool = False,
    errors: str = "raise",
    run_parameters: dict[str, Any] | None = None,
    span_fields: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
    cleanup: bool = False,
    nested_spans: bool = False,
) -> tuple[RunSummary, PartitionStore]:
    """Analyse ``docs`` partition by partition with ``engine`` and assemble the tables in ``out``.

    ``nested_spans`` writes every span inside its documents.jsonl record (the layout before spans.jsonl
    became the one place for spans; see :class:`framelens.io.tables.TableWriter`). It is one of the run's
    parameters: a ``resume`` with the other layout is refused.

    ``progress(n_docs, words)`` is called as each partition finishes (or is
    found done, on resume). Per-document analysis problems are collected in
    :attr:`RunSummary.problems` in input order (``errors="raise"`` stops the
    run at the first instead; finished partitions stay on disk for
    ``resume``). With ``cleanup=False`` the partition folder is kept until the
    caller has written its manifest and calls ``store.cleanup()``.
    """
    formats = list(dict.fromkeys(formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown output format(s) {bad}; allowed: {', '.join(FORMATS)}")
    if errors not in ("raise", "warn", "skip"):
        raise ConfigError(f"errors={errors!r}; allowed: raise, warn, skip")
    if partition_size < 1:
        raise ConfigError(f"partition size {partition_size}: need at least 1 document per partition")
    params = dict(run_parameters or {})
    params.update({"formats": formats, "partition_size": partition_size, "nested_spans": bool(nested_spans)})
    store = PartitionStore(out, params, resume=resume)
    store.prepare()
    t0 = time.perf_counter()
    summary = RunSummary()
    markers: dict[int, dict[str, Any]] = {}
    fingerprints: dict[int, str] = {}
    spans_jsonl = not nested_spans or "jsonl" in formats

    def account(marker: dict[str, Any]) -> None:
        markers[marker["index"]] = {"n_docs": marker["n_docs"], "n_spans": marker["n_spans"],
                                    "words": marker["words"], "problems": marker["problems"]}
        if progress is not None:
            progress(marker["n_docs"] + len(marker["problems"]), marker["words"])

    def tasks():
        from .engine import PartitionTask

        for index, block in enumerate(chunked(docs, partition_size)):
            summary.partitions = index + 1
            fp = partition_fingerprint(block)
            if resume:
                marker = store.done_marker(index, fp)
                if marker is not None:
                    summary.reused += 1
                    account(marker)
                    continue
            fingerprints[index] = fp
            yield PartitionTask(index, block, spans_jsonl=spans_jsonl,
                                errors="raise" if errors == "raise" else "skip", nested_spans=nested_spans)

    for output in engine.run(tasks()):
        marker = store.write(output, fingerprints.pop(output.index))
        account(marker)
        for p in output.problems:
            if errors == "warn":
                log.warning("skipped %s: %s", p["origin"], p["reason"])
    for i in range(summary.partitions):
        m = markers[i]
        summary.n_docs += m["n_docs"]
        summary.n_spans += m["n_spans"]
        summary.words += m["words"]
        summary.problems.extend(m["problems"])
    summary.outputs = store.assemble(summary.partitions, formats, span_fields, nested_spans=nested_spans)
    summary.seconds = time.perf_counter() - t0
    if cleanup:
        store.cleanup()
    return summary, store
