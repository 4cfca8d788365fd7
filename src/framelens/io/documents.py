"""Building a :class:`~framelens.model.Document` from a text file's contents or from one JSONL/CSV row."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from typing import Any, Mapping

from ..errors import DecodeError, EmptyDocumentError, FormatError, InputError, Reason
from ..model import META_FIELDS, Document
from .limits import DEFAULT_MAX_DOC_SIZE, format_size

__all__ = ["read_text_document", "row_document", "check_value", "check_text_size", "check_document", "COLUMN_KEYS"]

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


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: Metadata values kept as they are (a date, a datetime) or as their text (a number); lists, dicts and
#: booleans where a string is expected are refused (reason ``field_type``).
_SCALARS = (str, int, float, _dt.date)


def _surrogate_error(origin: str, field: str, s: str, pos: int) -> DecodeError:
    return DecodeError(origin, f"field {field} holds a lone surrogate (U+{ord(s[pos]):04X}) at character {pos}: "
                               "not valid Unicode text, which cannot be hashed or written; fix the source (in "
                               "Python: value.encode('utf-8', 'replace').decode())", code=Reason.SURROGATE)


def check_value(value: Any, origin: str, field: str, max_depth: int = 64) -> None:
    """Refuse lone surrogates anywhere in ``value`` (strings, keys, nested lists and dicts) and nesting deeper
    than ``max_depth``; iterative, so no input can exhaust the recursion limit.

    Raises
    ------
    DecodeError
        A lone surrogate (code ``surrogate``); the message names the field (``outlet``, ``tags[2]``).
    FormatError
        Nesting deeper than ``max_depth`` (code ``too_deep``).
    """
    stack = [(value, field, 0)]
    while stack:
        v, name, depth = stack.pop()
        if isinstance(v, str):
            if not v.isascii():
                try:
                    v.encode("utf-8")  # strict UTF-8 fails at the first lone surrogate (5x faster than the pattern)
                except UnicodeEncodeError as e:
                    raise _surrogate_error(origin, repr(name or "(value)"), v, e.start) from None
            continue
        if isinstance(v, dict):
            items = list(v.items())
        elif isinstance(v, (list, tuple)):
            items = [(f"[{i}]", x) for i, x in enumerate(v)]
        else:
            continue
        if depth >= max_depth:
            where = repr(name) if name else "the row"
            raise FormatError(origin, f"{where} nests arrays/objects more than {max_depth} deep",
                              code=Reason.TOO_DEEP)
        for k, x in reversed(items):  # popped in field order: the first bad field is the one named
            if isinstance(v, dict):
                key = str(k)
                if not key.isascii() and _SURROGATE_RE.search(key):
                    raise _surrogate_error(origin, f"name {ascii(key)}", key, _SURROGATE_RE.search(key).start())
                sub = key if name == "" else f"{name}.{key}"
            else:
                sub = f"{name}{k}"
            stack.append((x, sub, depth + 1))


def check_text_size(text: str, max_size: int | None, origin: str) -> None:
    """InputError (code ``too_large``) if ``text`` is more than ``max_size`` bytes in UTF-8 (None: no limit)."""
    if max_size is None or len(text) * 4 <= max_size:  # at most 4 bytes a character: no need to count
        return
    exact = len(text) <= max_size  # else the character count already says enough (each is 1 byte or more)
    size = len(text.encode("utf-8", "surrogatepass")) if exact else len(text)
    if size > max_size:
        size_text = format_size(size) if exact else f"at least {format_size(size)}"
        raise InputError(origin, f"document of {size_text}, larger than the limit of "
                                 f"{format_size(max_size)}: skipped (raise it with --max-doc-size / "
                                 "max_doc_size=)", code=Reason.TOO_LARGE)


def check_document(doc: Document, max_doc_size: int | None = None) -> Document:
    """``doc`` if its text and metadata are valid Unicode (and its text at most ``max_doc_size`` bytes), for
    documents made outside a :class:`~framelens.io.corpus.Corpus` (``framelens.analyze("...")``).

    Raises
    ------
    DecodeError
        A lone surrogate (code ``surrogate``, a ValueError), naming the field: ``text``, ``outlet``, ...
    InputError
        A text larger than ``max_doc_size`` (code ``too_large``).
    """
    origin = doc.origin or doc.id
    check_value(doc.text, origin, "text")
    for k in ("id",) + META_FIELDS:
        check_value(getattr(doc, k, None), origin, k)
    if doc.extra:
        check_value(dict(doc.extra), origin, "")
    check_text_size(doc.text, max_doc_size, origin)
    return doc


def _check_field(name: str, value: Any, origin: str) -> None:
    """A metadata field must be a string, a number, a date or empty (FormatError, code ``field_type``)."""
    if value is None or (isinstance(value, _SCALARS) and not isinstance(value, bool)):
        return
    raise FormatError(origin, f"field {name!r} is a {type(value).__name__}; expected a string (or a number)",
                      code=Reason.FIELD_TYPE)


def read_text_document(text: str, origin: str, default_id: str, *, max_doc_size: int | None = None) -> Document:
    """Build a Document from a text file's decoded contents (front matter and date line handled).

    ``max_doc_size`` (UTF-8 bytes of the text after the metadata; None: no limit) refuses a larger document
    (InputError, code ``too_large``); front matter values are checked as :func:`check_value` does.
    """
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
        check_value(loaded, f"{origin}:2", "")
        for k in ("id",) + META_FIELDS:
            _check_field(k, loaded.get(k), f"{origin}:2")
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
    check_text_size(body, max_doc_size, origin)
    return _make_document(meta, body, origin, default_id, offset)


def _make_document(meta: Mapping[str, Any], text: str, origin: str, default_id: str | None,
                   offset: int = 0) -> Document:
    """The Document; ``default_id`` None: a hash of the text (computed only when the id is missing)."""
    fixed = {}
    for k in META_FIELDS:
        v = meta.get(k)
        fixed[k] = None if v is None or v == "" else str(_clean_meta(v))
    extra = {k: _clean_meta(v) for k, v in meta.items() if k not in META_FIELDS and k not in ("id", "text")}
    doc_id = meta.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        doc_id = default_id if default_id is not None else _content_id(text)
    else:
        doc_id = str(doc_id)
    return Document(id=doc_id, text=text, origin=origin, body_offset=offset, extra=extra, **fixed)


def _content_id(text: str) -> str:
    return "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]


def row_document(row: Mapping[str, Any], columns: Mapping[str, str], origin: str, *,
                 max_doc_size: int | None = DEFAULT_MAX_DOC_SIZE, check: bool = True, max_depth: int = 64) -> Document:
    """A Document from one JSONL/CSV/DataFrame row; ``columns`` maps each of :data:`COLUMN_KEYS` to its column.

    Parameters
    ----------
    row : mapping
        The row's fields.
    columns : mapping of str to str
        framelens field -> the row's field name.
    origin : str
        ``path:line`` (or ``<DataFrame>:row N``), for messages.
    max_doc_size : int or None
        Largest text in UTF-8 bytes (None: no limit).
    check : bool, default True
        Look for lone surrogates and deep nesting in every value (:func:`check_value`); a reader that knows
        there can be no surrogate in its strings (a JSON line without a ``\\ud8``-``\\udf`` escape) passes
        False; nested lists and dicts are checked either way.
    max_depth : int, default 64
        Deepest nesting allowed when checking.

    Raises
    ------
    InputError
        ``FormatError`` (no text field; codes ``field_type``, ``too_deep``), ``EmptyDocumentError``,
        ``DecodeError`` (code ``surrogate``) or InputError (code ``too_large``).
    """
    c = columns
    text = row.get(c["text"])
    if text is None:
        raise FormatError(
            origin, f"no {c['text']!r} field; fields are: {', '.join(map(str, row.keys())) or '(none)'}"
        )
    if not isinstance(text, str):
        raise FormatError(origin, f"field {c['text']!r} is a {type(text).__name__}, not a string",
                          code=Reason.FIELD_TYPE)
    if check:
        check_value(row, origin, "", max_depth)
    else:  # nested values are walked whatever the caller knows: their depth is not known from the line
        for k, v in row.items():
            if isinstance(v, (dict, list)):
                check_value(v, origin, str(k), max_depth - 1)
    if not text.strip():
        raise EmptyDocumentError(origin, "empty document (the text field is blank)")
    check_text_size(text, max_doc_size, origin)
    meta: dict[str, Any] = {}
    for k in COLUMN_KEYS:
        if k != "text" and c[k] in row:
            v = row[c[k]]
            if v is not None and type(v) is not str:
                _check_field(c[k], v, origin)
            meta[k] = v
    mapped = {c[k] for k in COLUMN_KEYS}
    for k, v in row.items():
        if k not in mapped and k not in meta:
            meta[k] = v
    return _make_document(meta, text, origin, None)
