"""Decoding file bytes: UTF-8 with or without BOM, UTF-16 with BOM, or a named fallback encoding."""

from __future__ import annotations

import codecs

from ..errors import DecodeError, FormatError

__all__ = ["decode_bytes"]

#: What to do about bytes that are not UTF-8, for inputs that have an encoding option.
ENCODING_ADVICE = "save the file as UTF-8, or name its encoding (--encoding latin-1 / encoding='cp1252')"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF")


def decode_bytes(data: bytes, origin: str, encoding: str | None = None, *, advice: str | None = None) -> str:
    """Decode file bytes: UTF-8 with or without BOM, UTF-16 with BOM, or ``encoding`` if given.

    Raises :class:`FormatError` for binary data and :class:`DecodeError`, naming
    the line of the first bad byte, for bytes that are not valid UTF-8; ``advice`` replaces its default fix.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", origin, 3, advice)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", origin, 0, advice)
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:65536]:
        raise FormatError(f"{origin}:1", "binary file, not text (NUL bytes or a binary file signature)")
    return _decode(data, encoding or "utf-8", origin, 0, advice)


def _decode(data: bytes, enc: str, origin: str, shift: int, advice: str | None = None) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise DecodeError(
            f"{origin}:{line}",
            f"bytes are not valid {exc.encoding} (byte 0x{bad} at byte offset {exc.start + shift}); "
            + (advice or ENCODING_ADVICE),
        ) from None
    except LookupError:
        raise FormatError(origin, f"unknown encoding {enc!r}") from None

