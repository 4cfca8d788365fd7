"""The comparison's tables as files: ``tables/<name>.csv`` and ``.parquet`` (list and dict cells as JSON text)."""

from __future__ import annotations

import json
import math
from pathlib import Path

from ...io.atomic import atomic_path
from ...io.safecsv import write_csv

__all__ = ["jsonable", "write_frame", "write_tables"]



def jsonable(df):
    """A copy of ``df`` whose list, dict and tuple cells are JSON text."""
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(lambda v: json.dumps(v, ensure_ascii=False, default=str)
                              if isinstance(v, (list, dict, tuple)) else v)
    return df


def _long(wide, name: str):
    import pandas as pd

    if not len(wide):
        return pd.DataFrame(columns=["group", name, "count"])
    df = wide.stack().reset_index(name="count").rename(columns={"level_1": name})
    df.columns = ["group", name, "count"]
    return df


def write_tables(result, out: Path, formats, csv_protection: bool | None = None) -> list[Path]:
    """Write every table of ``result`` under ``out/tables`` in ``formats`` (csv, parquet); returns the paths.

    Every file is written atomically; CSV cells a spreadsheet would run as formulas get a ``'`` in front
    unless ``csv_protection=False`` (see :mod:`framelens.io.safecsv`).
    """
    import pandas as pd

    tdir = out / "tables"
    tdir.mkdir(parents=True, exist_ok=True)
    tables = {
        "group_stats": result.stats, "keyness": result.keyness, "term_choice": result.term_choice,
        "loaded_categories": result.categories, "verb_stance": _long(result.verbs, "stance"),
        "sources": result.sources, "source_verbs": result.source_verbs, "frames": _long(result.frames, "frame"),
        "loaded_positions": result.positions, "tests": pd.DataFrame(result.tests), "documents": result.documents,
        "spans": result.spans,
    }
    paths = []
    for name, df in tables.items():
        paths += write_frame(jsonable(df), tdir, name, formats, csv_protection=csv_protection)
    return paths


def write_frame(df, tdir: Path, name: str, formats, csv_protection: bool | None = None) -> list[Path]:
    """Write one table as ``tdir/<name>.csv`` and/or ``.parquet`` (``formats``), each file atomically.

    Parameters
    ----------
    df : pandas.DataFrame
        The table (list and dict cells already JSON text: see :func:`jsonable`).
    tdir : pathlib.Path
        The folder.
    name : str
        The file name without its extension.
    formats : collection of str
        ``"csv"`` and/or ``"parquet"``.
    csv_protection : bool, optional
        Formula protection of CSV cells (see :mod:`framelens.io.safecsv`; None: the current setting).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    paths = []
    if "csv" in formats:
        p = tdir / f"{name}.csv"
        write_csv(df, p, protect=csv_protection)
        paths.append(p)
    if "parquet" in formats:
        p = tdir / f"{name}.parquet"
        df2 = df.copy()  # pyarrow is a core dependency
        for c in df2.columns:  # mixed object columns -> text, so pyarrow accepts them
            if df2[c].dtype == object:
                df2[c] = df2[c].map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v))
                                    else str(v) if not isinstance(v, str) else v)
        with atomic_path(p) as tmp:
            df2.to_parquet(tmp, index=False)
        paths.append(p)
    return paths
