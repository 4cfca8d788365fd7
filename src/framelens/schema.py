"""The record schema: the columns and dtypes of the documents and spans tables, and the functions
that turn an analysed document into its record and span rows.

Everything that writes or builds a table goes through :func:`document_record` (a document's
documents.jsonl record, without spans) and :func:`span_rows` (its spans-table rows, ``doc_id``
first): ``documents.jsonl`` and ``spans.jsonl`` (:mod:`framelens.io.tables`, and the engines'
serialiser), CSV and Parquet, and the pandas frames of :func:`framelens.analyze`
(:func:`documents_frame`, :func:`spans_frame`), which ``compare`` consumes as given.
:func:`build_records` gives the nested record (spans inside, the layout of ``--nested-spans``
and of ``DocResult.to_record()``). docs/schema.md is generated from the
definitions here (:func:`schema_markdown`; a test keeps it in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .kinds import DTYPES, KindSpec
from .model import META_FIELDS

__all__ = ["Column", "DOCUMENT_COLUMNS", "SPAN_COLUMNS", "DOC_BASE_COLUMNS", "SPAN_BASE_COLUMNS", "RECORD_TAIL",
           "build_records", "document_record", "span_row", "span_rows", "document_row", "documents_frame",
           "spans_frame", "typed_spans", "typed_documents", "schema_markdown"]


@dataclass(frozen=True)
class Column:
    """One fixed column: name, type (a key of :data:`framelens.kinds.DTYPES`) and meaning."""

    name: str
    dtype: str
    doc: str


#: The fixed fields of every documents.jsonl record, in order.
DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "document id: given in the input, else the file path (without extension) relative to the "
           "folder given, else `h` + 15 hex digits of the text's SHA-256 for JSONL/CSV rows without an id; made "
           "unique within a run by appending `~2`, `~3`"),
    *(Column(k, "string", "metadata from front matter, columns or the web page (null where unknown); in the pandas "
             "frame `date` is a datetime column when every date given is a valid ISO date") for k in META_FIELDS),
    Column("words", "int", "word count (a word is a run of letters/digits, with internal apostrophes or hyphens: "
           "`don't`, `Serrano-Quan` are one word each; numbers with `,`/`.` groups are one word)"),
    Column("sentences", "int", "sentence count"),
)
#: The fixed fields of every span, in order (``doc_id`` only in the spans table).
SPAN_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "the document's `id` (spans table only)"),
    Column("kind", "string", "the span kind (table below)"),
    Column("start", "int", "character offset where the span starts (half-open, into the document's text)"),
    Column("end", "int", "character offset where the span ends"),
    Column("text", "string", "the covered text: `document_text[start:end]`"),
    Column("label", "string", "kind-specific label (category, stance, quote type, ...)"),
    Column("entry", "string", "what fired: `pack@version:entry_id` for lexicon hits, else the rule "
           "(`segment:quote:double`)"),
    Column("voice", "string", "`author` (the reporter's own voice) or `quoted` (inside a quotation)"),
    Column("sentence", "int", "index of the sentence holding `start`"),
    Column("paragraph", "int", "index of the paragraph holding `start`"),
    Column("lede", "bool", "`start` lies in the lede (the first paragraph of 15 or more words)"),
    Column("counted", "bool", "the span counts in its kind's totals, by the kind's rule (table below); "
           "null for a kind no extractor declared"),
)
DOC_BASE_COLUMNS = [c.name for c in DOCUMENT_COLUMNS]
SPAN_BASE_COLUMNS = [c.name for c in SPAN_COLUMNS]


#: The keys of a documents.jsonl record after :data:`DOCUMENT_COLUMNS`, in order.
RECORD_TAIL: tuple[Column, ...] = (
    Column("metrics", "object", "every document metric (see Document metrics below)"),
    Column("meta", "object", "other metadata fields of the input (only when the input had any)"),
    Column("origin", "string", "file and line the document came from (`corpus.jsonl:17`)"),
    Column("n_spans", "int", "the number of the document's rows in spans.jsonl, which hold its spans (they follow "
           "the previous document's rows, in order; a reader checks the join with it). With `--nested-spans` the "
           "record has `spans` (array: every span, without `doc_id`) here instead"),
)
_SPAN_FIXED = len(SPAN_COLUMNS)  # doc_id + the span's own fixed fields


def document_record(result) -> dict[str, Any]:
    """The documents.jsonl record of one :class:`~framelens.runtime.pipeline.DocResult`, without its spans.

    Keys, in order: ``id``, the metadata fields, ``words``, ``sentences``, ``metrics``, ``meta`` (only
    when the input had other fields), ``origin``. A result read back from a table (``stored_record``, as
    partitioned runs reassemble their output) gives its record as is, less ``spans`` and ``n_spans``.
    """
    stored = getattr(result, "stored_record", None)
    if stored is not None:
        return {k: v for k, v in stored.items() if k != "spans" and k != "n_spans"}
    d = result.doc
    rec: dict[str, Any] = {"id": d.id}
    for k in META_FIELDS:
        rec[k] = getattr(d, k)
    rec["words"] = result.words
    rec["sentences"] = result.sentences
    rec["metrics"] = result.metrics
    if d.extra:
        rec["meta"] = dict(d.extra)
    rec["origin"] = d.origin
    return rec


def span_row(doc_id: str, span) -> dict[str, Any]:
    """One row of the spans table: ``doc_id``, the span's fixed fields, then its other attributes.

    The fields of :meth:`framelens.model.Span.to_dict` with ``doc_id`` in front, built as one dict (the
    writers' hot path: one dict per span, not two). An attribute named like a fixed column (``doc_id``
    included: it is the join key of spans.jsonl and documents.jsonl) is left out, as ``to_dict`` does.
    """
    row = {"doc_id": doc_id, "kind": span.kind, "start": span.start, "end": span.end, "text": span.text,
           "label": span.label, "entry": span.entry, "voice": span.voice, "sentence": span.sentence,
           "paragraph": span.paragraph, "lede": span.lede, "counted": span.counted}
    attrs = span.attrs
    if attrs:
        row.update(attrs)
        if len(row) != _SPAN_FIXED + len(attrs):  # an attribute replaced a fixed field: build it the slow way
            row = {"doc_id": doc_id, **span.to_dict()}
            row["doc_id"] = doc_id
    return row


def span_rows(result) -> list[dict[str, Any]]:
    """The spans-table rows of one result (:func:`span_row` for each span, in order). A result read back from
    a table gives its stored rows (``stored_rows``), or the rows of its record's ``spans`` list."""
    stored = getattr(result, "stored_record", None)
    if stored is not None:
        rows = getattr(result, "stored_rows", None)
        if rows is not None:
            return rows
        doc_id = stored["id"]
        out = []
        for sd in stored.get("spans", ()):
            row = {"doc_id": doc_id, **sd}
            row["doc_id"] = doc_id
            out.append(row)
        return out
    doc_id = result.doc.id
    out = []
    append = out.append
    for s in result.spans:  # span_row written out: the writers' hot path (one dict literal per span, no call)
        attrs = s.attrs
        row = {"doc_id": doc_id, "kind": s.kind, "start": s.start, "end": s.end, "text": s.text, "label": s.label,
               "entry": s.entry, "voice": s.voice, "sentence": s.sentence, "paragraph": s.paragraph, "lede": s.lede,
               "counted": s.counted, **attrs}
        # an attribute named like a fixed column replaced it: span_row leaves such an attribute out
        append(row if len(row) == _SPAN_FIXED + len(attrs) else span_row(doc_id, s))
    return out


def build_records(result) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The nested documents.jsonl record of one :class:`~framelens.runtime.pipeline.DocResult` (the layout
    of ``--nested-spans``, and of ``DocResult.to_record()``) and its span rows.

    Record keys, in order: those of :func:`document_record`, then ``spans`` (each span as
    :meth:`~framelens.model.Span.to_dict` gives it). The rows are :func:`span_rows`.
    """
    rec = document_record(result)
    rows = span_rows(result)
    if getattr(result, "stored_record", None) is not None:
        spans = []
        for row in rows:
            sd = dict(row)
            del sd["doc_id"]
            spans.append(sd)
    else:
        spans = [s.to_dict() for s in result.spans]
    rec["spans"] = spans
    return rec, rows


def document_row(result) -> dict[str, Any]:
    """One flat row of the documents table: fixed columns, then every metric as its own column (a metric
    that is a mapping, such as counts by category, stays one cell)."""
    d = result.doc
    row: dict[str, Any] = {"id": d.id}
    for k in META_FIELDS:
        row[k] = getattr(d, k)
    row["words"] = result.words
    row["sentences"] = result.sentences
    for k, v in result.metrics.items():
        row[str(k)] = v
    return row


def _pandas_dtype(dtype: str) -> str:
    return DTYPES[dtype]


def typed_spans(df, kinds: Mapping[str, KindSpec] | None = None):
    """Give a spans DataFrame the documented dtypes: offsets int, sentence/paragraph nullable ints,
    ``lede``/``counted`` nullable booleans, kind fields as their specs declare (ints and booleans
    nullable, since other kinds' rows have no value)."""
    types: dict[str, str] = {c.name: c.dtype for c in SPAN_COLUMNS}
    for spec in (kinds or {}).values():
        for f in spec.fields:
            types.setdefault(f.name, f.dtype)
    for name, dtype in types.items():
        if name not in df.columns or dtype not in ("int", "bool", "float"):
            continue
        target = _pandas_dtype(dtype)
        if name in ("start", "end") and not df[name].isna().any():
            target = "int64"
        try:
            df[name] = df[name].astype(target)
        except (TypeError, ValueError):  # a user extractor's value that does not fit its declared type: keep as is
            pass
    return df


def typed_documents(df):
    """Give a documents DataFrame the documented dtypes: counts int, ``date`` datetime when every date
    given is a valid ISO date (``YYYY-MM-DD``), else left as text."""
    import pandas as pd

    for name in ("words", "sentences"):
        if name in df.columns and not df[name].isna().any():
            df[name] = df[name].astype("int64")
    if "date" in df.columns and len(df):
        given = df["date"].dropna()
        if len(given) and given.map(lambda v: isinstance(v, str) and len(v) == 10).all():
            parsed = pd.to_datetime(given, format="%Y-%m-%d", errors="coerce")
            if not parsed.isna().any():
                df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    return df


def documents_frame(results: Iterable) -> Any:
    """The documents table (one row per document) of analysed results, typed."""
    import pandas as pd

    results = list(results)
    rows = [document_row(r) for r in results]
    if not rows:
        return pd.DataFrame(columns=DOC_BASE_COLUMNS)
    df = pd.DataFrame(rows)
    # other metadata of the input (lean, topic, ...) as columns, so tables can be grouped by them;
    # a field named like a column already present is left out (it stays in documents.jsonl's ``meta``)
    extra_rows = [dict(r.doc.extra) for r in results]
    if any(extra_rows):
        extra = pd.DataFrame(extra_rows)
        for c in extra.columns:
            if c not in df.columns:
                df[c] = extra[c].to_numpy()
    return typed_documents(df)


def spans_frame(results: Iterable, fields: Iterable[str] | None = None,
                kinds: Mapping[str, KindSpec] | None = None) -> Any:
    """The spans table (one row per span): the fixed columns, then ``fields`` (the run's kind-specific
    columns, in order), then any other field a span carries; typed by :func:`typed_spans`."""
    import pandas as pd

    rows = [row for r in results for row in span_rows(r)]
    columns = list(SPAN_BASE_COLUMNS)
    for f in fields or []:
        if f not in columns:
            columns.append(f)
    seen = set(columns)
    for row in rows:
        for k in row:
            if k not in seen:
                columns.append(k)
                seen.add(k)
    return typed_spans(pd.DataFrame(rows, columns=columns), kinds)


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def schema_markdown(kinds: Mapping[str, KindSpec]) -> str:
    """The generated part of docs/schema.md: fixed columns, and per kind its fields, label and counting rule."""
    parts = ["### Fixed fields of every document record", "",
             _table(["field", "type", "meaning"], [[f"`{c.name}`", c.dtype, c.doc] for c in DOCUMENT_COLUMNS]),
             "", "### Then, in every documents.jsonl record", "",
             _table(["field", "type", "meaning"], [[f"`{c.name}`", c.dtype, c.doc] for c in RECORD_TAIL]),
             "", "### Fixed fields of every span", "",
             _table(["field", "type", "meaning"], [[f"`{c.name}`", c.dtype, c.doc] for c in SPAN_COLUMNS]),
             "", "### Span kinds", "",
             _table(["kind", "extractor", "what it marks", "label", "counted when"],
                    [[f"`{k}`", f"`{s.extractor}`" if s.extractor else "", s.doc, s.label_doc or "", s.counted_doc]
                     for k, s in kinds.items()]),
             "", "### Kind-specific fields", ""]
    rows = []
    seen: dict[tuple, str] = {}  # a kind declaring the same fields as an earlier one gets one line
    for k, s in kinds.items():
        if s.fields and s.fields in seen:
            rows.append([f"`{k}`", "(all)", "", f"the same fields as `{seen[s.fields]}`"])
            continue
        seen.setdefault(s.fields, k)
        for f in s.fields:
            rows.append([f"`{k}`", f"`{f.name}`", f.dtype, f.doc])
    parts.append(_table(["kind", "field", "type", "meaning"], rows))
    return "\n".join(parts) + "\n"
