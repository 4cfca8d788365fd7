"""JSON Lines: one document per line, read line by line with every line's size capped; and the one
encoder (:func:`dumps_line`) and decoder (:func:`loads_line`) of the JSON Lines tables framelens writes.

The tables are encoded by orjson (about 8 times the standard library's speed): compact separators
(``{"a":1,"b":[1,2]}``), UTF-8 as is (the standard library's ``ensure_ascii=False``), keys in
insertion order, non-string keys as the standard library writes them (``1`` -> ``"1"``), numpy
scalars as numbers, and NaN / infinity as ``null`` (JSON has no NaN; the standard library wrote
``NaN``, which most JSON readers refuse). What orjson refuses (integers beyond 64 bits) goes through
the standard library with the same conventions.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from typing import Any, BinaryIO, Iterator, Mapping

import orjson

from ..errors import DecodeError, FormatError, InputError, Reason
from ..model import Document
from .decoding import _decode
from .documents import row_document
from .limits import Limits, TooLong, format_size, iter_lines
from .streams import COMPRESSED_ERRORS

__all__ = ["iter_jsonl", "parse_json", "dumps", "dumps_line", "loads_line"]

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_LINE_OPTIONS = _OPTIONS | orjson.OPT_APPEND_NEWLINE
# 19 digits in a row: possibly an integer orjson would read as a float (beyond -2**63 .. 2**64-1)
_LONG_NUMBER = re.compile(rb"\d{19}")


def _plain(obj: Any) -> Any:
    """A value orjson does not know, as the plain Python value it stands for (float and int subclasses,
    numpy scalars); anything else is a TypeError, as for ``json.dumps``."""
    if isinstance(obj, float):
        return float(obj)
    if isinstance(obj, int):
        return int(obj)
    if type(obj).__module__ == "numpy" and hasattr(obj, "item"):
        return obj.item()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _finite(obj: Any) -> Any:
    """``obj`` with every NaN / infinity replaced by None (the standard-library path writes what orjson would)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    if type(obj).__module__ == "numpy" and hasattr(obj, "item"):
        return _finite(obj.item())
    return obj


def dumps(obj: Any) -> bytes:
    """The compact JSON text of ``obj`` as UTF-8 bytes, by the conventions of :func:`dumps_line` (no newline)."""
    try:
        return orjson.dumps(obj, _plain, _OPTIONS)
    except orjson.JSONEncodeError:  # integers beyond 64 bits: the standard library, with orjson's conventions
        return json.dumps(_finite(obj), ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")


def dumps_line(obj: Any) -> bytes:
    """One JSON Lines line (UTF-8 bytes, ending in ``\\n``) of a table framelens writes.

    Parameters
    ----------
    obj : Any
        A record: dicts, lists, strings, numbers, booleans, None (numpy scalars too).

    Returns
    -------
    bytes
        The compact JSON text of ``obj`` and a newline; NaN and infinity are written as ``null``.

    Raises
    ------
    TypeError
        A value JSON cannot hold (a set, an object).
    UnicodeEncodeError
        A string with a lone surrogate.
    """
    try:
        return orjson.dumps(obj, _plain, _LINE_OPTIONS)
    except orjson.JSONEncodeError:
        return dumps(obj) + b"\n"


def loads_line(line: bytes | str) -> Any:
    """The value of one JSON Lines line (orjson; the standard library for a line that may hold an integer
    beyond 64 bits, which orjson would read as a float, or NaN written by an older framelens)."""
    if isinstance(line, str):
        line = line.encode("utf-8", "surrogatepass")
    if _LONG_NUMBER.search(line) is None:
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line)


def parse_json(text: str | bytes, origin: str, *, whole_file: bool = False) -> Any:
    """``json.loads`` with its failures as :class:`FormatError`: invalid JSON (code ``format``; for a
    ``whole_file`` the origin gets the line) and nesting too deep for the parser (code ``too_deep``, where
    the standard library raises RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{origin}:{exc.lineno}" if whole_file else origin
        raise FormatError(where, f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise FormatError(origin, "arrays/objects nested too deep to parse", code=Reason.TOO_DEEP) from None


def iter_jsonl(fh: BinaryIO, path: str, *, columns: Mapping[str, str], limits: Limits,
               encoding: str | None = None) -> Iterator[Document | InputError]:
    """A Document, or the InputError saying why not, for every non-blank line of ``fh`` (origin ``path:line``).

    A line longer than ``limits.line_cap`` is one ``too_large`` problem and is never held whole; a lone
    surrogate, deep nesting or a field of the wrong type is a problem of its line. A stream that cannot be
    read on (a corrupt or capped compressed file) ends with one problem naming the line reached.
    """
    cap = limits.line_cap
    enc = encoding or "utf-8"
    depth = limits.max_depth
    lines = iter_lines(fh, cap)
    lineno = 0
    while True:
        try:
            lineno, raw = next(lines)
        except StopIteration:
            return
        except InputError as exc:  # the decompression cap (raised by a read: see streams.open_input)
            yield InputError(f"{path}:{lineno + 1}", exc.reason, code=exc.code)
            return
        except COMPRESSED_ERRORS as exc:
            yield FormatError(f"{path}:{lineno + 1}", f"cannot read on ({type(exc).__name__}: {exc}): corrupt "
                                                     "or truncated compressed data; the rest of the file is skipped")
            return
        origin = f"{path}:{lineno}"
        if isinstance(raw, TooLong):
            yield InputError(origin, f"line of {format_size(raw.size)} is longer than the {format_size(cap)} a "
                                     "line may have: skipped (raise the limit with --max-doc-size / max_doc_size=)",
                             code=Reason.TOO_LARGE)
            continue
        try:
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if b"\x00" in raw:
                raise FormatError(origin, "binary data (NUL bytes) in a JSONL line")
            line = _decode(raw, enc, path, 0).strip()
            if not line:
                continue
            obj = parse_json(line, origin)
            if not isinstance(obj, dict):
                raise FormatError(origin, f"a JSONL line must be an object, got {type(obj).__name__}")
            # a lone surrogate can only come from a \ud800-\udfff escape: the full check of every string runs only
            # on lines that have one (row_document checks nested values of every row anyway)
            check = _SURROGATE_ESCAPE.search(raw) is not None
            yield row_document(obj, columns, origin, max_doc_size=limits.max_doc_size, check=check, max_depth=depth)
        except DecodeError as exc:
            yield DecodeError(origin, exc.reason, code=exc.code)
        except InputError as exc:
            yield exc
