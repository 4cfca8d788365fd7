"""Building a :class:`~framelens.model.Document` from a text file's contents or from one JSONL/CSV row."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from typing import Any, Mapping

from ..errors import EmptyDocumentError, FormatError
from ..model import META_FIELDS, Document

__all__ = ["read_text_document", "COLUMN_KEYS"]

#: The fields a column mapping may name.
COLUMN_KEYS = ("text", "id") + META_FIELDS

_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_DATE_LINE_RE = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?\s*", re.I)


def _clean_meta(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN from CSV
        return None
    return value


def read_text_document(text: str, origin: str, default_id: str) -> Document:
    """Build a Document from a text file's decoded contents (front matter and date line handled)."""
    meta: dict[str, Any] = {}
    offset = 0
    m = _FRONT_RE.match(text)
    if m:
        import yaml

        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = (mark.line + 2) if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise FormatError(f"{origin}:{line}", f"invalid YAML front matter: {problem}") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise FormatError(f"{origin}:2", "front matter must be a mapping of field: value")
        meta = {str(k): _clean_meta(v) for k, v in loaded.items()}
        offset = m.end()
    d = _DATE_LINE_RE.match(text, offset)
    if d:
        meta.setdefault("date", d.group(1))
        offset = d.end()
    body = text[offset:]
    if not body.strip():
        line = text[:offset].count("\n") + 1
        raise EmptyDocumentError(f"{origin}:{line}", "empty document (no text after the metadata)")
    return _make_document(meta, body, origin, default_id, offset)


def _make_document(meta: Mapping[str, Any], text: str, origin: str, default_id: str, offset: int = 0) -> Document:
    fixed = {}
    for k in META_FIELDS:
        v = meta.get(k)
        fixed[k] = None if v is None or v == "" else str(_clean_meta(v))
    extra = {k: _clean_meta(v) for k, v in meta.items() if k not in META_FIELDS and k not in ("id", "text")}
    doc_id = meta.get("id")
    doc_id = default_id if doc_id is None or str(doc_id).strip() == "" else str(doc_id)
    return Document(id=doc_id, text=text, origin=origin, body_offset=offset, extra=extra, **fixed)


def _content_id(text: str) -> str:
    return "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]


def row_document(row: Mapping[str, Any], columns: Mapping[str, str], origin: str) -> Document:
    """A Document from one JSONL/CSV/DataFrame row; ``columns`` maps each of :data:`COLUMN_KEYS` to its column."""
    c = columns
    text = row.get(c["text"])
    if text is None:
        raise FormatError(
            origin, f"no {c['text']!r} field; fields are: {', '.join(map(str, row.keys())) or '(none)'}"
        )
    if not isinstance(text, str):
        raise FormatError(origin, f"field {c['text']!r} is a {type(text).__name__}, not a string")
    if not text.strip():
        raise EmptyDocumentError(origin, "empty document (the text field is blank)")
    meta: dict[str, Any] = {}
    for k in COLUMN_KEYS:
        if k != "text" and c[k] in row:
            meta[k] = row[c[k]]
    mapped = {c[k] for k in COLUMN_KEYS}
    for k, v in row.items():
        if k not in mapped and k not in meta:
            meta[k] = v
    return _make_document(meta, text, origin, _content_id(text))
