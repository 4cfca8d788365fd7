"""Caps on what one input may cost: document, line and file sizes, nesting, decompression, stored problems.

Every reader streams, and every read is bounded by a :class:`Limits`: a JSONL line
or CSV row is read at most ``line_size`` bytes at a time (a longer one is skipped
as one bad document and reading goes on at the next newline, without holding the
line), a text file is measured (``os.stat``) before it is read, a compressed input
stops when it unpacks to more than ``max_decompressed`` bytes or more than
``max_ratio`` times its packed size, and devices, FIFOs and sockets are refused
before they are opened. Each refusal is an :class:`~framelens.errors.InputError`
with a reason code (``exc.code``), so a run skips it like any bad document.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from ..errors import ConfigError, InputError, Reason

__all__ = ["Limits", "DEFAULT_MAX_DOC_SIZE", "parse_size", "format_size", "check_regular_file", "iter_lines",
           "TooLong", "read_capped"]

#: Default largest document text, in UTF-8 bytes (5 MB). A long news feature is 20,000-30,000 words
#: (150-200 KB); 5 MB is 25 times that (a book-length report still fits) while it bounds what one
#: document may cost in memory and analysis time.
DEFAULT_MAX_DOC_SIZE = 5_000_000

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.I)


def parse_size(value: int | str) -> int:
    """Bytes from ``5000000``, ``"5MB"``, ``"500kB"``, ``"2MiB"`` (kB/MB/GB are powers of 10, KiB/MiB/GiB of 2).

    Raises
    ------
    ConfigError
        Not a size, or less than 1 byte.
    """
    if isinstance(value, bool):
        raise ConfigError(f"size {value!r}: give a number of bytes or e.g. '5MB'")
    if isinstance(value, int):
        n = value
    else:
        m = _SIZE_RE.match(str(value))
        if not m or m.group(2).lower() not in _UNITS:
            raise ConfigError(f"size {value!r}: give a number of bytes or a number with a unit "
                              "(kB, MB, GB, KiB, MiB, GiB), e.g. 5MB")
        n = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if n < 1:
        raise ConfigError(f"size {value!r}: must be at least 1 byte")
    return n


def format_size(n: int) -> str:
    """``5 MB``, ``300 kB``, ``12 bytes``: a size for messages."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


@dataclass(frozen=True)
class Limits:
    """What one input may cost; the defaults suit news corpora.

    Parameters
    ----------
    max_doc_size : int, default 5_000_000
        Largest document text in UTF-8 bytes; a larger document is skipped with reason ``too_large``.
    line_size : int, optional
        Largest JSONL line or CSV line in bytes (default ``4 * max_doc_size + 1 MB``: room for JSON escapes
        and metadata). A longer line is skipped (reason ``too_large``) and reading resumes at the next newline.
    file_size : int, optional
        Largest text or Markdown file (or text on stdin) in bytes, checked before reading (default
        ``max_doc_size + 1 MB`` for front matter); an HTML page may be ``line_size`` (markup is not text).
    json_size : int, default 64_000_000
        Largest ``.json`` file (read whole; larger corpora belong in JSONL, which streams).
    max_depth : int, default 64
        Deepest nesting of arrays and objects in a JSON document (reason ``too_deep``).
    max_decompressed : int, default 16_000_000_000
        Most bytes a compressed input may unpack to.
    max_ratio : float, default 100
        Most an input may unpack to per packed byte, checked once it has unpacked ``ratio_floor`` bytes
        (plain text packs 3 to 10 times).
    ratio_floor : int, default 1_000_000
        Unpacked bytes below which the ratio is not checked (small files may pack very well).
    max_problems : int, default 1000
        Problems kept with their origin and reason; past that only the count per reason is kept.
    """

    max_doc_size: int = DEFAULT_MAX_DOC_SIZE
    line_size: int | None = None
    file_size: int | None = None
    json_size: int = 64_000_000
    max_depth: int = 64
    max_decompressed: int = 16_000_000_000
    max_ratio: float = 100.0
    ratio_floor: int = 1_000_000
    max_problems: int = 1000

    @property
    def line_cap(self) -> int:
        """The largest line read (bytes)."""
        return self.line_size if self.line_size is not None else 4 * self.max_doc_size + 1_000_000

    @property
    def text_cap(self) -> int:
        """The largest text/Markdown file read (bytes)."""
        return self.file_size if self.file_size is not None else self.max_doc_size + 1_000_000

    @property
    def html_cap(self) -> int:
        """The largest HTML page read (bytes)."""
        return max(self.line_cap, self.text_cap)


_KIND = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
         (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def check_regular_file(path: str) -> os.stat_result:
    """``os.stat`` of ``path`` (symlinks followed) if it is a regular file; else InputError (code ``special_file``).

    Devices (``/dev/zero``), FIFOs and sockets are refused before they are opened: reading them never
    ends, or blocks. The message names the file and, for a symlink, what it points to.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        what = next((name for test, name in _KIND if test(st.st_mode)), "not a regular file")
        target = f" (a link to {os.path.realpath(path)})" if os.path.islink(path) else ""
        raise InputError(path, f"{what}{target}, not a regular file; framelens reads regular files only "
                               "(for a stream, pipe it to stdin: framelens analyze -)", code=Reason.SPECIAL_FILE)
    return st


@dataclass(frozen=True)
class TooLong:
    """A line longer than the cap: skipped; ``size`` is its length in bytes (newline included)."""

    size: int


def iter_lines(fh: BinaryIO, cap: int,
               update: Callable[[bytes], None] | None = None) -> Iterator[tuple[int, bytes | TooLong]]:
    """``(line number, line bytes)`` of a binary stream, never holding more than ``cap + 1`` bytes of a line.

    A longer line is read on in 1 MiB blocks (kept by nobody) up to its newline and given as
    :class:`TooLong`, so the next line is read in step. ``update`` sees every byte read (a hash).
    Size and decompression caps of the whole stream are enforced by the stream itself
    (:func:`framelens.io.streams.open_input`).
    """
    read = fh.readline  # the stdlib's readline with a size limit: no line is held whole before it is checked
    lineno = 0
    while True:
        raw = read(cap + 1)
        if not raw:
            return
        lineno += 1
        if update is not None:
            update(raw)
        if len(raw) <= cap or raw.endswith(b"\n"):
            yield lineno, raw
            continue
        size = len(raw)
        del raw
        while True:
            block = read(1 << 20)
            if not block:
                break
            size += len(block)
            if update is not None:
                update(block)
            if block.endswith(b"\n"):
                break
        yield lineno, TooLong(size)


def read_capped(fh: BinaryIO, cap: int, origin: str, what: str) -> bytes:
    """At most ``cap`` bytes of ``fh``; InputError (code ``too_large``) if there are more."""
    data = fh.read(cap + 1)
    if len(data) > cap:
        raise InputError(origin, f"{what} is larger than {format_size(cap)}; {_RAISE_HINT}", code=Reason.TOO_LARGE)
    return data


_RAISE_HINT = "skipped (raise the limit with --max-doc-size / max_doc_size=)"
