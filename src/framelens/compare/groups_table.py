"""Group tables: attributes of outlets (lean, owner, country, audience) joined to the documents for grouping.

``framelens compare corpus/ --groups outlets.csv --by lean`` reads a table such as::

    outlet,lean,owner
    Lakeshore Wire Service,centre,cooperative
    The Marlow Sentinel-Express,right,Halvorsen Media

and adds its columns to every document whose ``outlet`` (or ``--groups-key``
column) matches a row, so the corpus itself is never edited. Keys match after
trimming spaces and ignoring case. Documents whose key has no row are
*unmatched* and listed (their new columns stay blank, so they form the flagged
``(unknown)`` group); rows of the table that match no document are listed as
*unused*.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["read_groups_table", "join_groups"]


def _norm(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    s = " ".join(str(v).split())
    return s.casefold() or None


def read_groups_table(path: str | Path):
    """A group table read from a CSV (or TSV, by extension) file, every cell as text.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    DataFrame

    Raises
    ------
    InputError
        The file cannot be read or decoded (from :func:`framelens.io.textfile.read_text_file`).
    ConfigError
        The file holds no table.
    """
    import io

    import pandas as pd

    from ..io.textfile import read_text_file

    text = read_text_file(str(path), "read the group table")
    sep = "\t" if str(path).lower().endswith((".tsv", ".tab")) else ","
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ConfigError(f"--groups {path}: not a readable table ({exc})") from exc
    df.columns = [str(c).strip() for c in df.columns]
    return df


def join_groups(documents, table, key: str = "outlet") -> tuple[Any, dict[str, Any]]:
    """Add the columns of ``table`` to ``documents``, matching ``documents[key]`` to ``table[key]``.

    A table value fills its column for the matched documents; a document's own
    value of that column is kept where the table has none (blank cell or no row).

    Parameters
    ----------
    documents : DataFrame
        The documents table.
    table : DataFrame, str or Path
        The group table, or a CSV/TSV file of it.
    key : str, default "outlet"
        The column shared by both.

    Returns
    -------
    (DataFrame, dict)
        The documents with the table's columns, and what the join did: ``file``, ``key``, ``columns``
        (added), ``matched`` (documents), ``unmatched`` (sorted key values of documents without a row; blank
        keys as ``""``), ``unmatched_documents``, ``unused`` (table keys matching no document).

    Raises
    ------
    ConfigError
        ``key`` is not a column of both, or a key occurs twice in the table.
    """
    source = None
    if not hasattr(table, "columns"):
        source = str(table)
        table = read_groups_table(table)
    if key not in table.columns:
        raise ConfigError(f"--groups-key {key!r}: not a column of the group table; its columns are: "
                          f"{', '.join(map(str, table.columns))}")
    if key not in documents.columns:
        raise ConfigError(f"--groups-key {key!r}: not a column of the documents; columns are: "
                          f"{', '.join(map(str, documents.columns))}")
    keys = table[key].map(_norm)
    dup = keys[keys.notna() & keys.duplicated()]
    if len(dup):
        raise ConfigError(f"the group table has {key} {table.loc[dup.index[0], key]!r} on more than one row; "
                          "each key must occur once")
    rows = {k: i for i, k in zip(table.index, keys) if k is not None}
    doc_keys = documents[key].map(_norm)
    matched = doc_keys.map(lambda k: k in rows)
    out = documents.copy()
    added = [c for c in table.columns if c != key]
    for c in added:
        vals = table[c].map(lambda v: None if v is None or (isinstance(v, str) and not v.strip())
                            or (isinstance(v, float) and v != v) else v)
        lookup = {k: vals.loc[i] for k, i in rows.items()}
        new = doc_keys.map(lambda k: lookup.get(k) if k is not None else None)
        if c in out.columns:
            out[c] = new.where(new.notna(), out[c])
        else:
            out[c] = new
    shown = documents[key].map(lambda v: "" if _norm(v) is None else " ".join(str(v).split()))
    unmatched = sorted(set(shown[~matched]))
    used = set(doc_keys[matched])
    unused = sorted(str(table.loc[i, key]) for k, i in rows.items() if k not in used)
    info = {"file": source, "key": key, "columns": added, "matched": int(matched.sum()),
            "unmatched": unmatched, "unmatched_documents": int((~matched).sum()), "unused": unused}
    return out, info
