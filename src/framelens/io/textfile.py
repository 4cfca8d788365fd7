"""One small text input read whole (a labelled table, a URL list), with the errors a user can act on."""

from __future__ import annotations

import gzip
import os

from ..errors import InputError, Reason
from .corpus import decode_bytes

__all__ = ["read_text_file", "UTF8_ADVICE"]

#: What to do about a file that is not UTF-8, for inputs that have no ``--encoding`` option.
UTF8_ADVICE = "save the file as UTF-8 (spreadsheet: 'CSV UTF-8'; or iconv -f cp1252 -t utf-8)"


def read_text_file(path: str, purpose: str = "read") -> str:
    """The text of ``path`` (``.gz`` unpacked), decoded by :func:`framelens.io.corpus.decode_bytes`.

    Raises :class:`~framelens.errors.InputError` for a missing or empty file (``nothing to <purpose>``) and
    :class:`~framelens.errors.DecodeError` naming the line of the first byte that is not UTF-8.
    """
    if not os.path.isfile(path):
        raise InputError(path, f"no such file; check the path (relative paths start in {os.getcwd()})")
    with open(path, "rb") as fh:
        data = fh.read()
    if path.lower().endswith(".gz"):
        data = gzip.decompress(data)
    if not data.strip():
        raise InputError(path, f"the file is empty; nothing to {purpose}", code=Reason.EMPTY_DOCUMENT)
    return decode_bytes(data, path, advice=UTF8_ADVICE)
