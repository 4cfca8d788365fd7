"""Engines: where documents get analysed (one process, local processes, or a Dask cluster).

Every engine does the same thing behind one interface: it takes *partitions*
(consecutive runs of documents, see :mod:`framelens.runtime.partitions`) and returns,
for each, the serialised ``documents.jsonl`` lines and ``spans.jsonl`` lines
(in the layout the task asks for, see :mod:`framelens.io.tables`), the counts and
the per-document problems. Work is done by
:func:`analyze_partition`, the same function in every engine, so the same
input and parameters give byte-identical tables whatever the engine.

* :class:`SerialEngine` — in this process (the default; best for small inputs).
* :class:`ProcessEngine` — ``jobs`` local worker processes
  (:class:`concurrent.futures.ProcessPoolExecutor`); each worker builds its
  :class:`~framelens.runtime.pipeline.Analyzer` once, in the pool initializer.
* :class:`DaskEngine` — Dask ``distributed`` futures, one per partition, on an
  existing scheduler (``scheduler="tcp://host:8786"``) or on a
  ``LocalCluster`` of ``workers`` single-threaded processes. Each worker
  process builds its Analyzer once (cached per configuration) and reuses it.

Engines keep at most a small window of partitions in flight (``2 x workers``
by default), pulling the next partition from the stream only when one is
finished, so memory stays flat however large the corpus. Results come back in
*completion* order; :mod:`framelens.runtime.partitions` puts them back in input order.

Dask is an optional extra (``pip install "framelens[dask]"``), imported only
when a Dask engine is started.
"""

from __future__ import annotations

import json
import logging
import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..errors import ConfigError, require_package
from ..io.tables import document_line, span_lines
from ..model import Document
from ..schema import document_record, span_rows

__all__ = [
    "PartitionTask",
    "PartitionOutput",
    "Engine",
    "SerialEngine",
    "ProcessEngine",
    "DaskEngine",
    "make_engine",
    "analyze_partition",
    "ENGINES",
]

log = logging.getLogger("framelens")

#: Engine names accepted by :func:`make_engine` (and ``framelens analyze --engine``).
ENGINES = ("serial", "processes", "dask")


@dataclass
class PartitionTask:
    """One partition to analyse: its position in the input, its documents, and what to serialise
    (``spans_jsonl``: the spans.jsonl lines; ``nested_spans``: every span inside its documents.jsonl record)."""

    index: int
    docs: list[Document]
    spans_jsonl: bool = True
    errors: str = "raise"
    nested_spans: bool = False


@dataclass
class PartitionOutput:
    """What an engine returns for one partition (small: serialised text plus counts)."""

    index: int
    documents_jsonl: bytes  # UTF-8, one JSON record per line
    spans_jsonl: bytes
    n_docs: int
    n_spans: int
    words: int
    problems: list[dict[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------
# the one worker function


def analyze_partition(analyzer, task: PartitionTask) -> PartitionOutput:
    """Analyse one partition with ``analyzer`` and serialise its records.

    The lines are exactly those :class:`framelens.io.tables.TableWriter` writes
    (:func:`~framelens.io.tables.document_line`, :func:`~framelens.io.tables.span_lines`),
    so partitions concatenated in input order equal a single-process ``documents.jsonl``
    and ``spans.jsonl``. A document whose analysis fails follows ``task.errors``:
    ``"raise"`` re-raises, otherwise it becomes a problem entry and the rest of the
    partition goes on.
    """
    from .pipeline import analysis_problem

    # lines are encoded at once into one growing buffer: no per-line object outlives its document,
    # and UTF-8 is the most compact form to hold and to send back (pure-ASCII text costs 1 byte a character)
    doc_buf = bytearray()
    span_buf = bytearray()
    n_docs = 0
    problems: list[dict[str, str]] = []
    n_spans = 0
    words = 0
    for doc in task.docs:
        try:
            res = analyzer.analyze_document(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a run
            if task.errors == "raise":
                raise
            problems.append(analysis_problem(doc, exc).to_dict())
            continue
        doc_line, spans, n = _serialise(res, task.nested_spans)
        doc_buf += doc_line
        n_docs += 1
        n_spans += n
        words += res.words
        if task.spans_jsonl:
            span_buf += spans
    return PartitionOutput(task.index, bytes(doc_buf), bytes(span_buf), n_docs, n_spans, words, problems)


def _serialise(res, nested: bool = False) -> tuple[bytes, bytes, int]:
    """The documents.jsonl line, the spans.jsonl lines (joined) and the number of spans of one result.

    The record and each span row are built once (:func:`framelens.schema.document_record`,
    :func:`~framelens.schema.span_rows`: one dict per span) and encoded by orjson
    (:func:`framelens.io.jsonl.dumps_line`); ``nested`` puts the spans inside the record too.
    """
    rows = span_rows(res)
    keyed = getattr(res, "stored_record", None) is None  # rows span_row built: each starts with the same doc_id
    return document_line(document_record(res), rows, nested), span_lines(rows, keyed), len(rows)


# Per-process cache of analyzers (one per configuration), so a worker process
# loads lexicons and models once however many partitions it analyses.
_WORKER_ANALYZERS: dict[str, Any] = {}


def _config_key(config_dict: dict[str, Any]) -> str:
    return json.dumps(config_dict, sort_keys=True, default=str)


def _worker_analyzer(config_dict: dict[str, Any]):
    key = _config_key(config_dict)
    an = _WORKER_ANALYZERS.get(key)
    if an is None:
        from .pipeline import AnalysisConfig, Analyzer

        an = Analyzer(AnalysisConfig(**config_dict))
        _WORKER_ANALYZERS[key] = an
        log.debug("worker %d: analyzer built", os.getpid())
    return an


def _process_init(config_dict: dict[str, Any], log_level: int) -> None:
    logging.getLogger("framelens").setLevel(log_level)
    _worker_analyzer(config_dict)


def _process_task(config_dict: dict[str, Any], task: PartitionTask) -> PartitionOutput:
    return analyze_partition(_worker_analyzer(config_dict), task)


def config_dict_of(analyzer) -> dict[str, Any]:
    """The keyword arguments that rebuild ``analyzer``'s configuration in a worker process."""
    import dataclasses

    return dataclasses.asdict(analyzer.config)


# ---------------------------------------------------------------------------
# engines


class Engine(ABC):
    """Interface: ``run(tasks)`` yields a :class:`PartitionOutput` per task, in completion order.

    Use as a context manager (``with make_engine(...) as eng:``) so worker
    processes or a local cluster are shut down at the end.
    """

    name = "engine"
    workers = 1

    def __init__(self, analyzer):
        self.analyzer = analyzer
        self.config_dict = config_dict_of(analyzer)

    @abstractmethod
    def run(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionOutput]:
        """Analyse every task's documents; yield one PartitionOutput per task, in task order."""

    def close(self) -> None:
        pass

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "workers": self.workers}

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SerialEngine(Engine):
    """Analyse partitions one after the other in this process."""

    name = "serial"

    def run(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionOutput]:
        for task in tasks:
            yield analyze_partition(self.analyzer, task)


def _windowed(tasks: Iterable[PartitionTask], submit, wait_first, window: int) -> Iterator[PartitionOutput]:
    """Keep at most ``window`` tasks in flight; yield results as they complete."""
    pending: set = set()
    it = iter(tasks)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            try:
                task = next(it)
            except StopIteration:
                exhausted = True
                break
            pending.add(submit(task))
        if not pending:
            return
        done, pending = wait_first(pending)
        for fut in done:
            yield fut.result()


class ProcessEngine(Engine):
    """``jobs`` local worker processes; each builds its Analyzer once (pool initializer).

    ``start_method``: multiprocessing start method (default ``forkserver`` where
    available, else ``spawn``; never ``fork``, which is unsafe in a process
    holding threads).
    """

    name = "processes"

    def __init__(self, analyzer, jobs: int | None = None, window: int | None = None,
                 start_method: str | None = None):
        super().__init__(analyzer)
        self.start_method = start_method
        jobs = jobs or os.cpu_count() or 1
        if jobs < 1:
            raise ConfigError(f"jobs={jobs}: need at least 1 worker process")
        self.workers = jobs
        self.window = window or 2 * jobs
        self._pool = None

    def _start(self):
        if self._pool is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            method = self.start_method
            if method is None:
                # forkserver/spawn avoid forking a process that may hold threads (Dask, logging handlers)
                method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
            ctx = mp.get_context(method)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=ctx, initializer=_process_init,
                initargs=(self.config_dict, logging.getLogger("framelens").getEffectiveLevel()),
            )
        return self._pool

    def run(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionOutput]:
        from concurrent.futures import FIRST_COMPLETED, wait

        pool = self._start()

        def submit(task):
            return pool.submit(_process_task, self.config_dict, task)

        def wait_first(pending):
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return done, set(rest)

        yield from _windowed(tasks, submit, wait_first, self.window)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskEngine(Engine):
    """Dask ``distributed`` futures over partitions.

    ``scheduler``: address of a running scheduler (``"tcp://10.0.0.5:8786"``), or
    ``None`` to start a ``LocalCluster`` of ``workers`` processes with one
    thread each (the analysis is pure Python, so threads would share one
    core). ``client``: an existing ``distributed.Client`` to use instead.
    """

    name = "dask"

    def __init__(self, analyzer, scheduler: str | None = None, workers: int | None = None,
                 client: Any = None, window: int | None = None, memory_limit: str | None = "auto"):
        require_package("distributed", "the Dask engine", "dask")  # before any work: exit 4 with the install line
        super().__init__(analyzer)
        self.scheduler = scheduler
        self._requested = workers
        self.memory_limit = memory_limit
        self._client = client
        self._own_client = client is None
        self._cluster = None
        self._window = window
        self.workers = workers or 0

    def _start(self):
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("the Dask engine needs dask.distributed: pip install \"framelens[dask]\"") from exc
        if self.scheduler:
            self._client = Client(self.scheduler)
        else:
            n = self._requested or os.cpu_count() or 1
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                         memory_limit=self.memory_limit, dashboard_address=None)
            self._client = Client(self._cluster)
        return self._client

    def run(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionOutput]:
        from distributed import wait

        client = self._start()
        n = len(client.scheduler_info().get("workers", {})) or (self._requested or 1)
        self.workers = n
        window = self._window or 2 * n

        def submit(task):
            # pure=False: a partition is computed once per submission, never served from another run's cache
            return client.submit(_process_task, self.config_dict, task, pure=False)

        def wait_first(pending):
            res = wait(list(pending), return_when="FIRST_COMPLETED")
            return set(res.done), set(res.not_done)

        yield from _windowed(tasks, submit, wait_first, window)

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "workers": self.workers, "scheduler": self.scheduler or "LocalCluster"}

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_engine(analyzer, engine: str = "serial", *, jobs: int | None = None, scheduler: str | None = None,
                workers: int | None = None) -> Engine:
    """Build the named engine (``serial`` | ``processes`` | ``dask``) around ``analyzer``'s configuration.

    ``jobs`` is the number of local processes; ``processes`` with ``jobs=1``
    is still a separate process (useful to measure scaling honestly). For
    ``dask``, give ``scheduler`` (an address) or ``workers`` (a LocalCluster size).
    """
    if engine not in ENGINES:
        raise ConfigError(f"engine={engine!r}; allowed: {', '.join(ENGINES)}")
    if jobs is not None and jobs < 1:
        raise ConfigError(f"jobs={jobs}: need at least 1")
    if workers is not None and workers < 1:
        raise ConfigError(f"workers={workers}: need at least 1")
    if engine == "serial":
        return SerialEngine(analyzer)
    if engine == "processes":
        return ProcessEngine(analyzer, jobs=jobs)
    return DaskEngine(analyzer, scheduler=scheduler, workers=workers)
