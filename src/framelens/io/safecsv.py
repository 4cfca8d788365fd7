"""CSV files a spreadsheet cannot run: every CSV framelens writes goes through here.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by Excel, LibreOffice and Google Sheets as a formula ("CSV injection", OWASP). An
outlet name, a title or a term taken from a scraped page can be such a cell. By default
(as OWASP recommends) such a cell is written with a single quote in front (``'=1+2``),
which spreadsheets show as text; numbers stay numbers (a numeric column is never touched,
and a text cell that is just a number, such as ``-0.5``, is kept as it is).

Protection is on unless turned off: per call (``protect=False``), or for a block of code
with :func:`csv_protection` (the command line's ``--no-csv-protection`` uses it), which
also reaches writers called deep inside :func:`framelens.compare`.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import os
import re
from typing import Any, Iterator

__all__ = ["FORMULA_PREFIXES", "csv_protection", "protect_cell", "protect_frame", "protect_row",
           "protection_enabled", "SafeDictWriter", "write_csv"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# A plain decimal number (optionally signed, with exponent): harmless, and left as it is.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

_ENABLED: contextvars.ContextVar[bool] = contextvars.ContextVar("framelens_csv_protection", default=True)


def protection_enabled(protect: bool | None = None) -> bool:
    """``protect`` if given, else the setting of the innermost :func:`csv_protection` block (default True)."""
    return _ENABLED.get() if protect is None else bool(protect)


@contextlib.contextmanager
def csv_protection(enabled: bool) -> Iterator[None]:
    """Turn formula protection on or off for every CSV written inside the ``with`` block.

    Parameters
    ----------
    enabled : bool
        False writes cells exactly as they are (for tools that read the CSV back, not spreadsheets).
    """
    token = _ENABLED.set(bool(enabled))
    try:
        yield
    finally:
        _ENABLED.reset(token)


def protect_cell(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is text a spreadsheet would run as a formula.

    Parameters
    ----------
    value : Any
        A cell. Only ``str`` values are changed; a string that is a plain number (``-0.5``) is kept.

    Returns
    -------
    Any
        The cell to write.
    """
    if isinstance(value, str) and value[:1] in FORMULA_PREFIXES and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def protect_row(row: dict, protect: bool | None = None) -> dict:
    """A copy of the mapping ``row`` with every cell passed through :func:`protect_cell` (when protection is on)."""
    if not protection_enabled(protect):
        return row
    return {k: protect_cell(v) for k, v in row.items()}


def protect_frame(df, protect: bool | None = None):
    """A copy of the DataFrame ``df`` whose text cells (and column names) are protected.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to write. Numeric, boolean and datetime columns are never changed.
    protect : bool, optional
        Override the :func:`csv_protection` setting for this call.

    Returns
    -------
    pandas.DataFrame
        ``df`` itself when protection is off or nothing needs changing, else a protected copy.
    """
    if not protection_enabled(protect):
        return df
    import pandas as pd

    out = None
    for c in df.columns:
        col = df[c]
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_datetime64_any_dtype(col):
            continue
        new = col.map(protect_cell)
        if not new.equals(col):
            if out is None:
                out = df.copy()
            out[c] = new
    names = [protect_cell(c) for c in df.columns]
    if names != list(df.columns):
        out = (df.copy() if out is None else out)
        out.columns = names
    return df if out is None else out


def write_csv(df, path: str | os.PathLike | None = None, *, protect: bool | None = None, **to_csv_args):
    """Write ``df`` as CSV with formula protection, atomically; with ``path=None`` return the text.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : path-like, optional
        Where to write (through :func:`framelens.io.atomic.atomic_write_text`); None returns the CSV text.
    protect : bool, optional
        Override the :func:`csv_protection` setting.
    **to_csv_args
        Passed to :meth:`pandas.DataFrame.to_csv` (``index=False`` unless given).

    Returns
    -------
    str or None
        The CSV text when ``path`` is None.
    """
    to_csv_args.setdefault("index", False)
    text = protect_frame(df, protect).to_csv(**to_csv_args)
    if path is None:
        return text
    from .atomic import atomic_write_text

    atomic_write_text(path, text)
    return None


class SafeDictWriter(csv.DictWriter):
    """:class:`csv.DictWriter` whose rows (and header) are protected as :func:`protect_row` says.

    Takes the arguments of :class:`csv.DictWriter` plus ``protect`` (default: the
    :func:`csv_protection` setting when the writer is made).
    """

    def __init__(self, f, fieldnames, *args, protect: bool | None = None, **kwargs):
        super().__init__(f, fieldnames, *args, **kwargs)
        self.protect = protection_enabled(protect)

    def writeheader(self):
        header = {f: (protect_cell(f) if self.protect else f) for f in self.fieldnames}
        return self.writer.writerow([header[f] for f in self.fieldnames])

    def writerow(self, rowdict):
        return super().writerow(protect_row(rowdict, self.protect))
