"""CSV and TSV files read row by row (never whole), with every row's size capped."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from typing import BinaryIO, Iterator, Mapping

from ..errors import DecodeError, FormatError, InputError, Reason
from ..model import Document
from .decoding import _BINARY_MAGIC, ENCODING_ADVICE
from .documents import row_document
from .limits import Limits, TooLong, format_size, iter_lines
from .streams import COMPRESSED_ERRORS

__all__ = ["iter_csv"]

_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


class _Lines:
    """The decoded lines of a CSV stream for :class:`csv.DictReader`, with the bytes read counted.

    A line over the cap is given as an empty line (the csv module then starts a new row) and noted in
    :attr:`pending` as a problem; bytes that are not in the encoding stop the file (a row may span lines, so
    there is no next row to go on from).
    """

    def __init__(self, fh: BinaryIO, path: str, limits: Limits, encoding: str | None):
        self.path = path
        self.cap = limits.line_cap
        self.pending: list[InputError] = []
        self.consumed = 0  # characters or bytes read so far
        enc = encoding or "utf-8"
        try:
            wide = codecs.lookup(enc).name in _WIDE
        except LookupError:
            raise FormatError(path, f"unknown encoding {enc!r}") from None
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and encoding is None:
            enc, wide = "utf-16", True
        self.enc = enc
        self._it = self._wide(fh) if wide else self._narrow(fh)

    def __iter__(self):
        return self

    def __next__(self) -> str:
        return next(self._it)

    def _too_long(self, lineno: int, size: int) -> None:
        self.pending.append(InputError(f"{self.path}:{lineno}", f"line of {format_size(size)} is longer than the "
                                       f"{format_size(self.cap)} a line may have: skipped (raise the limit with "
                                       "--max-doc-size / max_doc_size=)", code=Reason.TOO_LARGE))

    def _narrow(self, fh) -> Iterator[str]:
        """Byte lines decoded one by one: the line and byte offset of a bad byte are exact."""
        offset = 0
        for lineno, raw in iter_lines(fh, self.cap):
            if isinstance(raw, TooLong):
                self._too_long(lineno, raw.size)
                offset += raw.size
                self.consumed += raw.size
                yield ""
                continue
            shift = 0
            if lineno == 1:
                if raw.startswith(codecs.BOM_UTF8):
                    raw, shift = raw[3:], 3
                elif raw.startswith(_BINARY_MAGIC):
                    raise FormatError(f"{self.path}:1", "binary file, not text (a binary file signature)")
            if b"\x00" in raw:
                raise FormatError(f"{self.path}:{lineno}", "binary file, not text (NUL bytes)")
            try:
                line = raw.decode(self.enc)
            except UnicodeDecodeError as exc:
                bad = raw[exc.start : exc.start + 1].hex()
                raise DecodeError(f"{self.path}:{lineno}", f"bytes are not valid {exc.encoding} (byte 0x{bad} at "
                                  f"byte offset {offset + shift + exc.start}); {ENCODING_ADVICE}; the rest of the "
                                  "file is skipped") from None
            offset += len(raw) + shift
            self.consumed += len(raw) + shift
            yield line

    def _wide(self, fh) -> Iterator[str]:
        """UTF-16/32 text through an incremental decoder, lines read at most ``cap`` characters at a time."""
        text = io.TextIOWrapper(fh, encoding=self.enc, newline="")
        lineno = 0
        try:
            while True:
                line = text.readline(self.cap + 1)
                if not line:
                    return
                lineno += 1
                self.consumed += len(line)
                if len(line) > self.cap and not line.endswith("\n"):
                    size = len(line)
                    while True:
                        more = text.readline(1 << 20)
                        size += len(more)
                        if not more or more.endswith("\n"):
                            break
                    self.consumed += size - len(line)
                    self._too_long(lineno, size)
                    yield ""
                    continue
                yield line
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{self.path}:{lineno + 1}", f"bytes are not valid {exc.encoding}; the rest of the "
                                                           "file is skipped") from None
        finally:
            text.detach()


def iter_csv(fh: BinaryIO, path: str, *, columns: Mapping[str, str], limits: Limits,
             encoding: str | None = None) -> Iterator[Document | InputError]:
    """A Document, or the InputError saying why not, for every row of a CSV/TSV stream (origin ``path:line``).

    The file is read line by line through :class:`csv.DictReader` (quoted fields may span lines); a line or
    a field longer than ``limits.line_cap`` is one ``too_large`` problem. The delimiter is a tab for
    ``.tsv`` paths. Raises :class:`FormatError` when the header has no text column.
    """
    delimiter = "\t" if ".tsv" in path.lower() else ","
    lines = _Lines(fh, path, limits, encoding)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1, limits.line_cap))
    try:
        reader = csv.DictReader(lines, delimiter=delimiter)
        try:
            fields = reader.fieldnames or []
        except (InputError, csv.Error) as exc:
            yield exc if isinstance(exc, InputError) else FormatError(f"{path}:1", f"malformed CSV: {exc}")
            return
        if columns["text"] not in fields:
            raise FormatError(
                f"{path}:1",
                f"no {columns['text']!r} column; columns are: {', '.join(map(str, fields)) or '(none)'} "
                "(map one with --text-col / columns={'text': ...})",
            )
        rowno = 0
        while True:
            start = lines.consumed
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # the reader starts afresh at the next line
                big = lines.consumed - start > limits.line_cap
                yield FormatError(f"{path}:{reader.line_num}",
                                  f"row longer than the {format_size(limits.line_cap)} a row may have: skipped"
                                  if big else f"malformed CSV: {exc}", code=Reason.TOO_LARGE if big else None)
                continue
            except InputError as exc:  # bytes not in the encoding, binary data, the decompression cap
                yield exc if exc.origin != path else InputError(f"{path}:{reader.line_num + 1}", exc.reason,
                                                                code=exc.code)
                break
            except COMPRESSED_ERRORS as exc:
                yield FormatError(f"{path}:{reader.line_num + 1}", f"cannot read on ({type(exc).__name__}: {exc}): "
                                  "corrupt or truncated compressed data; the rest of the file is skipped")
                break
            while lines.pending:
                yield lines.pending.pop(0)
            rowno += 1
            origin = f"{path}:{reader.line_num}"
            if None in row:
                yield FormatError(origin, f"row {rowno} has more fields than the header")
                continue
            try:
                yield row_document(row, columns, origin, max_doc_size=limits.max_doc_size, check=False)
            except InputError as exc:
                yield exc
        yield from lines.pending
    finally:
        csv.field_size_limit(old_limit)
