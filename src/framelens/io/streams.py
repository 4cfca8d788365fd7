"""Opening inputs as bounded binary streams: compressed files with a size and ratio cap, stdin with a look ahead."""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO, Callable

from ..errors import InputError, Reason
from .limits import Limits, format_size

__all__ = ["open_input", "peek_stream", "COMPRESSED_ERRORS"]

#: What a corrupt or truncated compressed stream raises while it is read.
COMPRESSED_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError)
try:  # zlib is optional in a CPython build; gzip raises zlib.error for a corrupt deflate stream
    import zlib

    COMPRESSED_ERRORS = (OSError, EOFError, zlib.error)
except ImportError:  # pragma: no cover - depends on the build
    pass


def open_input(path: str, limits: Limits) -> tuple[BinaryIO, Callable[[int], None] | None]:
    """``(binary stream, guard)`` for ``path``; ``.gz`` files are unpacked on the fly.

    The guard (None for a plain file) is called with the bytes unpacked so far and raises
    :class:`~framelens.errors.InputError` (code ``too_large``) past ``limits.max_decompressed`` bytes, or
    past ``limits.max_ratio`` unpacked bytes per packed byte once ``limits.ratio_floor`` bytes are unpacked:
    a small file that unpacks to gigabytes (a "zip bomb") stops there.
    """
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not path.lower().endswith(".gz"):
        return raw, None

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
    stream.close_raw = raw  # type: ignore[attr-defined]  # closed with the stream (see close_input)
    return stream, guard


def close_input(fh: BinaryIO) -> None:
    """Close a stream from :func:`open_input` (and the file under a compressed one)."""
    fh.close()
    raw = getattr(fh, "close_raw", None)
    if raw is not None:
        raw.close()


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
