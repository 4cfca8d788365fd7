"""JSON Lines: one document per line, read line by line with every line's size capped."""

from __future__ import annotations

import codecs
import json
import re
from typing import Any, BinaryIO, Iterator, Mapping

from ..errors import DecodeError, FormatError, InputError, Reason
from ..model import Document
from .decoding import _decode
from .documents import row_document
from .limits import Limits, TooLong, format_size, iter_lines
from .streams import COMPRESSED_ERRORS

__all__ = ["iter_jsonl", "parse_json"]

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


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
