"""One small text input read whole (a labelled table, a URL list), with the errors a user can act on."""

from __future__ import annotations

import gzip
import os

from ..errors import InputError, Reason
from .decoding import decode_bytes
from .limits import check_regular_file, format_size, read_capped
from .streams import COMPRESSED_ERRORS

__all__ = ["read_text_file", "UTF8_ADVICE", "MAX_TEXT_FILE"]

#: What to do about a file that is not UTF-8, for inputs that have no ``--encoding`` option.
UTF8_ADVICE = "save the file as UTF-8 (spreadsheet: 'CSV UTF-8'; or iconv -f cp1252 -t utf-8)"

#: Largest table or URL list read whole (bytes, unpacked): 200 MB is about a million coded rows of a few
#: hundred characters; a larger input is refused before it is read (reason ``too_large``).
MAX_TEXT_FILE = 200_000_000


def read_text_file(path: str, purpose: str = "read", *, max_bytes: int = MAX_TEXT_FILE) -> str:
    """The text of ``path`` (``.gz`` unpacked), decoded by :func:`framelens.io.decoding.decode_bytes`.

    Parameters
    ----------
    path : str
        The file.
    purpose : str
        What the file is for, in messages (``nothing to <purpose>``).
    max_bytes : int
        Largest size read, before and after unpacking.

    Raises
    ------
    InputError
        A missing or empty file (``nothing to <purpose>``); a device, FIFO or socket (code ``special_file``);
        a file larger than ``max_bytes`` (code ``too_large``), checked before it is read.
    DecodeError
        Bytes that are not UTF-8, naming the line of the first one.
    """
    if not os.path.exists(path):
        raise InputError(path, f"no such file; check the path (relative paths start in {os.getcwd()})")
    st = check_regular_file(path)
    if st.st_size > max_bytes:
        raise InputError(path, f"file of {format_size(st.st_size)}, larger than the {format_size(max_bytes)} "
                               f"framelens reads to {purpose}", code=Reason.TOO_LARGE)
    with open(path, "rb") as fh:
        if path.lower().endswith(".gz"):
            try:
                with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                    data = read_capped(gz, max_bytes, path, "the unpacked file")
            except COMPRESSED_ERRORS as exc:
                raise InputError(path, f"cannot unpack ({type(exc).__name__}: {exc}): corrupt or not gzip") from None
        else:
            data = read_capped(fh, max_bytes, path, "the file")
    if not data.strip():
        raise InputError(path, f"the file is empty; nothing to {purpose}", code=Reason.EMPTY_DOCUMENT)
    return decode_bytes(data, path, advice=UTF8_ADVICE)
