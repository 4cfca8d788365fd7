"""Tidy tables, their writers, and the way back to nested records.

Two tables come out of every analysis (columns documented in docs/schema.md):

* ``documents``: one row per document: id, metadata, ``words``, ``sentences``,
  then every metric as its own column (a metric that is a mapping, such as
  counts by category, is one cell: a dict in pandas, JSON text in CSV/Parquet).
* ``spans``: one row per span: ``doc_id``, the fixed span fields (kind, start,
  end, text, label, entry, voice, sentence, ...), then the kind-specific fields.

As JSON Lines they are ``documents.jsonl`` (one record per document: id,
metadata, words, sentences, ``metrics``, ``meta``, ``origin`` and ``n_spans``)
and ``spans.jsonl`` (one row per span, ``doc_id`` first, in the documents'
order): each span is written once. ``nested_spans=True`` (``--nested-spans``)
writes the older layout instead, every span inside its document's record
(``spans``, the last key); :func:`nested_records` reads either layout back as
those nested records. The lines are encoded by :func:`framelens.io.jsonl.dumps_line`
(orjson: compact separators, NaN as ``null``).

Writers stream: :class:`TableWriter` appends records as documents finish and
writes every file atomically (to a temporary name, renamed when complete).
CSV rows are written as they come; Parquet rows are gathered as columns and
turned into Arrow tables every :data:`ARROW_CHUNK` rows, and written in row
groups of ``batch`` documents (spans: at most :data:`ROW_GROUP_ROWS` rows), so
no batch of row dicts is held.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..schema import (DOC_BASE_COLUMNS, SPAN_BASE_COLUMNS, document_record, document_row, documents_frame,
                      span_rows, spans_frame)
from .atomic import AtomicFile
from .jsonl import dumps, dumps_line, loads_line
from .safecsv import FORMULA_PREFIXES, protect_cell, protection_enabled

__all__ = [
    "documents_frame",
    "spans_frame",
    "document_row",
    "span_rows",
    "document_line",
    "span_lines",
    "join_records",
    "nested_records",
    "TableWriter",
    "FORMATS",
    "SPAN_BASE_COLUMNS",
    "DOC_BASE_COLUMNS",
]

FORMATS = ("jsonl", "csv", "parquet")

log = logging.getLogger("framelens")

#: Parquet rows gathered as Python columns before they become one Arrow table.
ARROW_CHUNK = 16384
#: At most this many span rows in one row group of spans.parquet (else ``batch`` documents' rows), so the
#: Arrow tables held before a row group is written stay a few tens of MB.
ROW_GROUP_ROWS = 65536

_NESTED = (list, tuple, dict)
# CSV/Parquet cells keep the standard library's JSON text (``["a", "b"]``), as they always had;
# one encoder made once (json.dumps with arguments builds a new one per call)
_CELL_JSON = json.JSONEncoder(ensure_ascii=False)


def _cell(v: Any) -> Any:
    """CSV/Parquet cell: lists and dicts as JSON text, everything else as is."""
    if isinstance(v, _NESTED):
        return _CELL_JSON.encode(v)
    return v


def _cells(values: list) -> list:
    """A column of cells (:func:`_cell`), converted only when it holds a list or dict."""
    if any(issubclass(t, _NESTED) for t in set(map(type, values))):
        return [_cell(v) for v in values]
    return values


# ---------------------------------------------------------------------------
# JSON Lines


def document_line(record: dict[str, Any], rows: list[dict[str, Any]], nested: bool = False) -> bytes:
    """The documents.jsonl line of a record (:func:`framelens.schema.document_record`) and its span rows.

    Parameters
    ----------
    record : dict
        The record without spans (not changed).
    rows : list of dict
        Its spans-table rows (``doc_id`` first).
    nested : bool
        False: the record then ``n_spans`` (its spans are in spans.jsonl). True: the record then
        ``spans``, every row without its ``doc_id`` (the layout of ``--nested-spans``).

    Returns
    -------
    bytes
        One line of UTF-8 JSON, newline included.
    """
    if nested:
        spans = []
        for row in rows:
            sd = dict(row)
            del sd["doc_id"]
            spans.append(sd)
        return dumps_line({**record, "spans": spans})
    return dumps_line({**record, "n_spans": len(rows)})


def span_lines(rows: list[dict[str, Any]], keyed: bool = False) -> bytes:
    """The spans.jsonl lines of one document's span rows (:func:`framelens.schema.span_rows`), joined.

    One orjson call encodes the rows as an array, which is cut into lines at the rows' boundaries (half the
    time of one call per row). Every row starts with ``{"doc_id":<id>,``, and in compact JSON the bytes
    ``},{"doc_id":<id>,`` are such a boundary or a nested dict starting with that key and value (never text:
    inside a JSON string every ``"`` is escaped). The cut is made only when the rows are as expected and
    the boundaries number one less than the rows; otherwise each row is encoded on its own. ``keyed=True``
    says the rows are known to start with the same ``doc_id`` (the rows :func:`~framelens.schema.span_row`
    builds for one analysed document), so that is not checked row by row.
    """
    if not rows:
        return b""
    doc_id = rows[0].get("doc_id")
    if keyed or all(next(iter(r)) == "doc_id" and r["doc_id"] == doc_id for r in rows):
        body = dumps(rows)
        boundary = b'},{"doc_id":' + dumps(doc_id) + b","
        if body.count(boundary) == len(rows) - 1:
            return body[1:-1].replace(boundary, b"}\n" + boundary[2:]) + b"\n"
    return b"".join(map(dumps_line, rows))


def join_records(doc_lines: Iterable[bytes], span_lines: Iterable[bytes],
                 where: str = "documents.jsonl") -> Iterator[tuple[dict[str, Any], list[dict[str, Any]] | None]]:
    """Read documents.jsonl lines and the spans.jsonl lines beside them as ``(record, rows)`` pairs, in order.

    A record of the separate layout takes the next ``n_spans`` rows of ``span_lines``, each of which must
    carry the record's ``id`` as ``doc_id``; a nested record (with ``spans``) comes with ``rows=None`` and
    takes none. ``span_lines`` is only read when a record needs it (it may be a generator that opens its file
    on the first read).

    Raises
    ------
    FormatError
        The two files do not belong together: a record without ``n_spans`` or ``spans``, too few span rows,
        a row of another document, or rows left over at the end.
    """
    from ..errors import FormatError

    spans_it = iter(span_lines)
    used = False
    n_rows = 0
    for lineno, line in enumerate(doc_lines, 1):
        if not line.strip():
            continue
        rec = loads_line(line)
        if "spans" in rec:
            yield rec, None
            continue
        n = rec.get("n_spans")
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise FormatError(f"{where}:{lineno}", "record has neither n_spans nor spans: not a framelens "
                                                   "documents.jsonl")
        rows = []
        used = True
        while len(rows) < n:
            raw = next(spans_it, None)
            if raw is None:
                raise FormatError(f"{where}:{lineno}", f"record {rec.get('id')!r} has n_spans={n} but spans.jsonl "
                                                       f"ends after {len(rows)} of its rows")
            if not raw.strip():
                continue
            n_rows += 1
            row = loads_line(raw)
            if row.get("doc_id") != rec.get("id"):
                raise FormatError(f"{where}:{lineno}", f"spans.jsonl row {n_rows} belongs to doc_id "
                                                       f"{row.get('doc_id')!r}, not to {rec.get('id')!r}: the "
                                                       "spans file does not match this documents file")
            rows.append(row)
        yield rec, rows
    if used:
        for raw in spans_it:
            if raw.strip():
                raise FormatError(where, f"spans.jsonl has rows after the last document's ({n_rows} expected)")


def _lines(path: Path) -> Iterator[bytes]:
    """The lines of ``path``, opened only when the first line is asked for."""
    with open(path, "rb") as fh:
        yield from fh


def nested_records(folder: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The documents.jsonl records of an output folder with every span inside, as framelens wrote them before
    the spans moved to spans.jsonl alone: streaming, in input order.

    ``documents.jsonl`` records are joined to ``spans.jsonl`` rows by ``doc_id`` (checked against the
    record's ``n_spans``); each record comes with ``spans`` (the rows without ``doc_id``) as its last key
    and without ``n_spans``. A folder written with ``--nested-spans`` gives its records as they are.

    Parameters
    ----------
    folder : path-like
        An output folder of ``framelens analyze`` / ``predict`` (or its documents.jsonl).

    Yields
    ------
    dict
        One record per document::

            for rec in nested_records("results"):
                rec["id"], rec["metrics"], rec["spans"]

    Raises
    ------
    FormatError
        spans.jsonl does not belong to documents.jsonl (see :func:`join_records`).
    FileNotFoundError
        documents.jsonl is missing, or spans.jsonl when the records need it.
    """
    path = Path(folder)
    docs = path if path.is_file() else path / "documents.jsonl"
    spans = _lines(docs.parent / "spans.jsonl")
    try:
        with open(docs, "rb") as fh:
            for rec, rows in join_records(fh, spans, str(docs)):
                if rows is not None:
                    del rec["n_spans"]
                    for row in rows:
                        del row["doc_id"]
                    rec["spans"] = rows
                yield rec
    finally:
        spans.close()


# ---------------------------------------------------------------------------
# CSV and Parquet


class _CsvTable:
    """One CSV file: the given columns, then ``extra`` (a row's other fields as JSON text); lists and dicts as
    JSON text; text cells protected as :func:`framelens.io.safecsv.protect_cell` says (the cells
    :class:`~framelens.io.safecsv.SafeDictWriter` writes, without a dict per written row)."""

    def __init__(self, fh, columns: list[str], protect: bool):
        self.columns = list(columns)
        self._index = {c: i for i, c in enumerate(self.columns)}
        self._protect = protect
        self._writer = csv.writer(fh)  # the dialect of csv.DictWriter (excel)
        header = self.columns + ["extra"]
        self._writer.writerow([protect_cell(c) for c in header] if protect else header)

    def write_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        index = self._index
        protect = self._protect
        n = len(self.columns)
        out = []
        for r in rows:
            cells: list[Any] = [None] * n
            extra = None
            for k, v in r.items():
                i = index.get(k)
                if i is None:
                    if extra is None:
                        extra = {}
                    extra[k] = v
                    continue
                if isinstance(v, str):
                    if protect and v[:1] in FORMULA_PREFIXES:
                        v = protect_cell(v)
                elif isinstance(v, _NESTED):
                    v = _CELL_JSON.encode(v)
                cells[i] = v
            cells.append(_CELL_JSON.encode(extra) if extra else "")
            out.append(cells)
        self._writer.writerows(out)


class _ParquetTable:
    """One Parquet file: rows gathered as Python columns, made an Arrow table every :data:`ARROW_CHUNK` rows
    (types inferred per chunk, then promoted across the row group as a single inference would), written as a
    row group on :meth:`flush` (or when ``max_rows`` rows wait). The first row group fixes the schema (an
    all-null column becomes text; a later value of another type is cast to it, with a warning)."""

    def __init__(self, open_file, name: str, columns: list[str] | None = None, max_rows: int | None = None):
        self._open_file = open_file
        self.name = name
        self.columns = list(columns) if columns is not None else None  # None: the first row's keys
        self.max_rows = max_rows
        self._cols: dict[str, list] = {c: [] for c in self.columns or ()}
        self._n = 0
        self._waiting = 0  # rows added since the last row group
        self._tables: list = []
        self._writer = None

    def add(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.columns is None:
            self.columns = list(rows[0])
            self._cols = {c: [] for c in self.columns}
        for c, col in self._cols.items():
            col.extend([r.get(c) for r in rows])
        self._n += len(rows)
        self._waiting += len(rows)
        if self.max_rows is not None and self._waiting >= self.max_rows:
            self.flush()
        elif self._n >= ARROW_CHUNK:
            self._seal()

    def _seal(self) -> None:
        if not self._n:
            return
        import pyarrow as pa

        self._tables.append(pa.table({c: _cells(col) for c, col in self._cols.items()}))
        self._cols = {c: [] for c in self.columns}
        self._n = 0

    def flush(self) -> None:
        """Write what was added since the last flush as one row group (nothing when no row was added)."""
        self._seal()
        if not self._tables:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables, self._tables = self._tables, []
        self._waiting = 0
        table = tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="permissive")
        if self._writer is None:
            f = self._open_file(f"{self.name}.parquet")
            f.fh.close()
            self._writer = pq.ParquetWriter(f.tmp, _stable_schema(table.schema))
        schema = self._writer.schema
        for field in table.schema:
            want = schema.field(field.name).type
            if field.type != want and not pa.types.is_null(field.type):
                log.warning("%s.parquet: column %r holds %s values after a first row group that fixed it as %s: "
                            "written as %s", self.name, field.name, field.type, want, want)
        self._writer.write_table(table.cast(schema))

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


class TableWriter:
    """Streams analysis results to ``out_dir`` in the requested formats.

    Files: ``documents.jsonl`` and ``spans.jsonl`` (always; with ``nested_spans=True`` the spans go
    inside every documents.jsonl record instead, and spans.jsonl is written only when ``jsonl`` is among
    the formats), and per format: ``documents.csv`` + ``spans.csv`` / ``documents.parquet`` +
    ``spans.parquet``. ``jsonl=False`` writes only the CSV/Parquet files (the partition assembly, whose
    JSON Lines files are concatenated). Parquet files are written in row groups of ``batch`` documents
    (spans.parquet: at most :data:`ROW_GROUP_ROWS` rows), so memory stays bounded. CSV cells a spreadsheet would run as formulas get a ``'`` in front unless
    ``csv_protection=False`` (see :mod:`framelens.io.safecsv`; None follows
    :func:`~framelens.io.safecsv.csv_protection`).
    """

    def __init__(self, out_dir: str | os.PathLike, formats: Iterable[str] = ("jsonl",), span_fields=(), batch=2000,
                 csv_protection: bool | None = None, *, nested_spans: bool = False, jsonl: bool = True):
        self.out = Path(out_dir)
        self.csv_protection = protection_enabled(csv_protection)
        self.formats = list(dict.fromkeys(formats))
        bad = [f for f in self.formats if f not in FORMATS]
        if bad:
            from ..errors import ConfigError

            raise ConfigError(f"unknown output format(s) {bad}; allowed: {', '.join(FORMATS)}")
        self.span_columns = list(SPAN_BASE_COLUMNS) + [f for f in span_fields if f not in SPAN_BASE_COLUMNS]
        self.batch = batch
        self.nested_spans = nested_spans
        self.n_docs = 0
        self.n_spans = 0
        self._files: dict[str, AtomicFile] = {}
        # the JSON Lines files get bytes only (dumps_line): written through the text file's buffer
        self._docs_fh = self._spans_fh = None
        if jsonl:
            self._docs_fh = self._open("documents.jsonl").fh.buffer
            if not nested_spans or "jsonl" in self.formats:
                self._spans_fh = self._open("spans.jsonl").fh.buffer
        self._csv_docs: _CsvTable | None = None
        self._csv_spans: _CsvTable | None = None
        if "csv" in self.formats:
            self._csv_spans = _CsvTable(self._open("spans.csv").fh, self.span_columns, self.csv_protection)
        self._pq_docs = self._pq_spans = None
        if "parquet" in self.formats:
            self._pq_docs = _ParquetTable(self._open, "documents")
            self._pq_spans = _ParquetTable(self._open, "spans", self.span_columns, max_rows=ROW_GROUP_ROWS)
        self._pq_pending = 0

    def _open(self, name: str) -> AtomicFile:
        f = AtomicFile(self.out / name)
        self._files[name] = f
        return f

    def write(self, result) -> None:
        """Append one analysed document (a DocResult, or a record read back) to every table."""
        rec = document_record(result)
        rows = span_rows(result)
        self.n_docs += 1
        self.n_spans += len(rows)
        if self._docs_fh is not None:
            self._docs_fh.write(document_line(rec, rows, self.nested_spans))
        if self._spans_fh is not None and rows:
            self._spans_fh.write(span_lines(rows, getattr(result, "stored_record", None) is None))
        if self._csv_spans is None and self._pq_docs is None:
            return
        drow = document_row(result)
        if self._csv_spans is not None:
            if self._csv_docs is None:  # the documents' columns: those of the first document
                self._csv_docs = _CsvTable(self._open("documents.csv").fh, list(drow), self.csv_protection)
            self._csv_docs.write_rows([drow])
            self._csv_spans.write_rows(rows)
        if self._pq_docs is not None:
            self._pq_docs.add([drow])
            self._pq_spans.add(rows)
            self._pq_pending += 1
            if self._pq_pending >= self.batch:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        self._pq_docs.flush()
        self._pq_spans.flush()
        self._pq_pending = 0

    def close(self) -> list[Path]:
        """Finish every file (rename into place) and return their paths."""
        if self._pq_docs is not None:
            self._flush_parquet()
            self._pq_docs.close()
            self._pq_spans.close()
        paths = []
        for name, f in self._files.items():
            if name.endswith(".parquet"):
                os.replace(f.tmp, f.path)
            else:
                f.commit()
            paths.append(f.path)
        return paths

    def abort(self) -> None:
        for t in (self._pq_docs, self._pq_spans):
            if t is not None:
                try:
                    t.close()
                except Exception:  # noqa: BLE001
                    pass
        for f in self._files.values():
            f.abort()


def _stable_schema(schema):
    """Columns whose first batch was all-null become strings, so later batches fit."""
    import pyarrow as pa

    fields = []
    for f in schema:
        fields.append(pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f)
    return pa.schema(fields)
