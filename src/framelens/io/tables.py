"""Tidy tables and their writers.

Two tables come out of every analysis (columns documented in docs/schema.md):

* ``documents``: one row per document: id, metadata, ``words``, ``sentences``,
  then every metric as its own column (a metric that is a mapping, such as
  counts by category, is one cell: a dict in pandas, JSON text in CSV/Parquet).
* ``spans``: one row per span: ``doc_id``, the fixed span fields (kind, start,
  end, text, label, entry, voice, sentence), then the kind-specific fields.

Writers stream: :class:`TableWriter` appends records as documents finish and
writes every file atomically (to a temporary name, renamed when complete).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable

from ..schema import DOC_BASE_COLUMNS, SPAN_BASE_COLUMNS, build_records, document_row, documents_frame, spans_frame
from .atomic import AtomicFile
from .safecsv import SafeDictWriter, protection_enabled

__all__ = [
    "documents_frame",
    "spans_frame",
    "document_row",
    "span_rows",
    "TableWriter",
    "FORMATS",
    "SPAN_BASE_COLUMNS",
]

FORMATS = ("jsonl", "csv", "parquet")


def _cell(v: Any) -> Any:
    """CSV/Parquet cell: lists and dicts as JSON text, everything else as is."""
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


class TableWriter:
    """Streams analysis results to ``out_dir`` in the requested formats.

    Files: ``documents.jsonl`` (always: the full nested record per document, with
    its spans), and per format: ``spans.jsonl`` / ``documents.csv`` + ``spans.csv``
    / ``documents.parquet`` + ``spans.parquet``. Parquet files are written in row
    groups of ``batch`` documents, so memory stays bounded. CSV cells a spreadsheet would
    run as formulas get a ``'`` in front unless ``csv_protection=False`` (see
    :mod:`framelens.io.safecsv`; None follows :func:`~framelens.io.safecsv.csv_protection`).
    """

    def __init__(self, out_dir: str | os.PathLike, formats: Iterable[str] = ("jsonl",), span_fields=(), batch=2000,
                 csv_protection: bool | None = None):
        self.out = Path(out_dir)
        self.csv_protection = protection_enabled(csv_protection)
        self.formats = list(dict.fromkeys(formats))
        bad = [f for f in self.formats if f not in FORMATS]
        if bad:
            from ..errors import ConfigError

            raise ConfigError(f"unknown output format(s) {bad}; allowed: {', '.join(FORMATS)}")
        self.span_columns = list(SPAN_BASE_COLUMNS) + [f for f in span_fields if f not in SPAN_BASE_COLUMNS]
        self.batch = batch
        self.n_docs = 0
        self.n_spans = 0
        self._files: dict[str, AtomicFile] = {}
        self._open("documents.jsonl")
        if "jsonl" in self.formats:
            self._open("spans.jsonl")
        self._csv_doc_writer = None
        self._csv_span_writer = None
        if "csv" in self.formats:
            f = self._open("spans.csv")
            self._csv_span_writer = SafeDictWriter(f.fh, fieldnames=self.span_columns + ["extra"],
                                                   extrasaction="ignore", protect=self.csv_protection)
            self._csv_span_writer.writeheader()
        self._pq_docs: list[dict] = []
        self._pq_spans: list[dict] = []
        self._pq_writers: dict[str, Any] = {}
        self._doc_rows_for_csv: list[dict] = []
        self._doc_columns: list[str] | None = None

    def _open(self, name: str) -> AtomicFile:
        f = AtomicFile(self.out / name)
        self._files[name] = f
        return f

    def write(self, result) -> None:
        rec, rows = build_records(result)
        self._files["documents.jsonl"].fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.n_docs += 1
        self.n_spans += len(rows)
        if "jsonl" in self.formats:
            fh = self._files["spans.jsonl"].fh
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        drow = document_row(result)
        if "csv" in self.formats:
            self._write_doc_csv(drow)
            for r in rows:
                extra = {k: v for k, v in r.items() if k not in self.span_columns}
                out = {k: _cell(r.get(k)) for k in self.span_columns}
                out["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
                self._csv_span_writer.writerow(out)
        if "parquet" in self.formats:
            self._pq_docs.append({k: _cell(v) for k, v in drow.items()})
            self._pq_spans.extend({k: _cell(r.get(k)) for k in self.span_columns} for r in rows)
            if len(self._pq_docs) >= self.batch:
                self._flush_parquet()

    def _write_doc_csv(self, row: dict) -> None:
        if self._doc_columns is None:
            self._doc_columns = list(row)
            f = self._open("documents.csv")
            self._csv_doc_writer = SafeDictWriter(f.fh, fieldnames=self._doc_columns + ["extra"], extrasaction="ignore",
                                                  protect=self.csv_protection)
            self._csv_doc_writer.writeheader()
        extra = {k: v for k, v in row.items() if k not in self._doc_columns}
        out = {k: _cell(row.get(k)) for k in self._doc_columns}
        out["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
        self._csv_doc_writer.writerow(out)

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for name, rows in (("documents", self._pq_docs), ("spans", self._pq_spans)):
            if not rows:
                continue
            writer = self._pq_writers.get(name)
            if writer is None:
                table = pa.Table.from_pylist(rows)
                f = self._open(f"{name}.parquet")
                f.fh.close()
                writer = pq.ParquetWriter(f.tmp, _stable_schema(table.schema))
                self._pq_writers[name] = writer
            schema = writer.schema
            table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)
            writer.write_table(table)
        self._pq_docs = []
        self._pq_spans = []

    def close(self) -> list[Path]:
        """Finish every file (rename into place) and return their paths."""
        if "parquet" in self.formats:
            self._flush_parquet()
            for w in self._pq_writers.values():
                w.close()
        paths = []
        for name, f in self._files.items():
            if name.endswith(".parquet"):
                os.replace(f.tmp, f.path)
            else:
                f.commit()
            paths.append(f.path)
        return paths

    def abort(self) -> None:
        for w in self._pq_writers.values():
            try:
                w.close()
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


def span_rows(result) -> list[dict[str, Any]]:
    """The spans-table rows of one result (see :func:`framelens.schema.build_records`)."""
    return build_records(result)[1]
