"""Opening inputs as bounded binary streams: compressed files with a size and ratio cap, stdin with a look ahead."""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO, Callable

from ..errors import InputError, Reason
from .limits import Limits, format_size

__all__ = ["open_input", "metered", "peek_stream", "COMPRESSED_ERRORS"]

#: What a corrupt or truncated compressed stream raises while it is read.
COMPRESSED_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError)
try:  # zlib is optional in a CPython build; gzip raises zlib.error for a corrupt deflate stream
    import zlib

    COMPRESSED_ERRORS = (OSError, EOFError, zlib.error)
except ImportError:  # pragma: no cover - depends on the build
    pass


class _Metered(io.RawIOBase):
    """A stream that hashes and counts what is read through it, and calls a guard with the count, block by
    block (not line by line: a 64 KiB block costs one Python call)."""

    def __init__(self, inner: BinaryIO, update: Callable[[bytes], None] | None,
                 guard: Callable[[int], None] | None):
        self._inner = inner
        self._update = update
        self._guard = guard
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        read1 = getattr(self._inner, "read1", None)
        data = read1(len(buf)) if read1 is not None else self._inner.read(len(buf))
        n = len(data)
        buf[:n] = data
        if n:
            self.count += n
            if self._update is not None:
                self._update(data)
            if self._guard is not None:
                self._guard(self.count)
        return n

    def close(self) -> None:
        self._inner.close()
        raw = getattr(self._inner, "close_raw", None)
        if raw is not None:
            raw.close()
        super().close()


def metered(inner: BinaryIO, update: Callable[[bytes], None] | None = None,
            guard: Callable[[int], None] | None = None) -> BinaryIO:
    """A buffered stream over ``inner`` that hashes (``update``) and guards (``guard(bytes so far)``) every
    block read; closing it closes ``inner``."""
    return io.BufferedReader(_Metered(inner, update, guard), buffer_size=1 << 16)


def open_input(path: str, limits: Limits, update: Callable[[bytes], None] | None = None) -> BinaryIO:
    """A buffered binary stream of ``path``, ``.gz`` files unpacked on the fly; ``update`` sees every byte
    (unpacked) as it is read.

    A compressed file stops with :class:`~framelens.errors.InputError` (code ``too_large``) raised by a read
    past ``limits.max_decompressed`` unpacked bytes, or past ``limits.max_ratio`` unpacked bytes per packed
    byte once ``limits.ratio_floor`` bytes are unpacked: a small file that unpacks to gigabytes (a
    "compression bomb") stops there.
    """
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not path.lower().endswith(".gz"):
        return metered(raw, update)

    def guard(unpacked: int) -> None:
        if unpacked > limits.max_decompressed:
            raise InputError(path, f"unpacks to more than {format_size(limits.max_decompressed)}: the rest of "
                                   "the file is skipped", code=Reason.TOO_LARGE)
        if unpacked > limits.ratio_floor:
            packed = max(raw.tell(), 1)
            if unpacked > limits.max_ratio * packed:
                raise InputError(path, f"unpacks to more than {limits.max_ratio:g} times its packed size "
                                       f"({format_size(unpacked)} from {format_size(packed)}; a compression "
                                       "bomb?): the rest of the file is skipped", code=Reason.TOO_LARGE)

    stream = gzip.GzipFile(fileobj=raw, mode="rb")
    stream.close_raw = raw  # type: ignore[attr-defined]  # closed with the stream
    return metered(stream, update, guard)


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream (so stdin can be looked into)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head.nbytes:
            n = min(len(buf), self._head.nbytes)
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._rest, "read1", None)
        data = read1(len(buf)) if read1 is not None else self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def peek_stream(stream: BinaryIO, want: int = 65536) -> tuple[bytes, BinaryIO]:
    """``(head, stream)``: up to ``want`` bytes read until one is not blank, and a buffered stream that
    gives them again followed by the rest (nothing is read whole)."""
    head = b""
    read1 = getattr(stream, "read1", None)
    while len(head) < want:
        chunk = read1(want - len(head)) if read1 is not None else stream.read(want - len(head))
        if not chunk:
            break
        head += chunk
        if head.lstrip():
            break
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
