"""pandas DataFrames as corpora: one document per row, read like CSV rows."""

from __future__ import annotations

import datetime as _dt
import hashlib
import sys
from typing import Any, Mapping

from ..errors import ConfigError, Reason
from .documents import COLUMN_KEYS as _COLUMN_KEYS

__all__ = ["FRAME_ORIGIN"]

#: The origin of a DataFrame's rows in problems and the manifest (``<DataFrame>:row <index label>``).
FRAME_ORIGIN = "<DataFrame>"


def _is_dataframe(obj: Any) -> bool:
    """Whether ``obj`` is a pandas DataFrame (without importing pandas when nobody has)."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def _check_frame_columns(df: Any, columns: Mapping[str, str], required: set[str]) -> None:
    """The text column and every explicitly mapped column must be in the frame (ConfigError otherwise)."""
    present = list(df.columns)
    for key in [k for k in _COLUMN_KEYS if k in required]:
        name = columns[key]
        if name not in present:
            how = f"{key}={name!r}" if name != key else f"the default {key!r} column"
            raise ConfigError(f"DataFrame has no column {name!r} ({how}); columns are: "
                              f"{', '.join(map(str, present)) or '(none)'}", code=Reason.FORMAT)


def _frame_value(v: Any) -> Any:
    """A DataFrame cell as a plain Python value: None for NaN/NaT/NA, a date at midnight as YYYY-MM-DD,
    numpy scalars as Python numbers."""
    if v is None:
        return None
    try:
        if v != v:  # NaN, NaT
            return None
    except (TypeError, ValueError):  # pd.NA refuses comparison; arrays are ambiguous
        if type(v).__name__ == "NAType":
            return None
        return v
    if isinstance(v, _dt.datetime) and v.tzinfo is None and v.time() == _dt.time(0):
        return v.date().isoformat()
    if type(v).__module__ == "numpy" and hasattr(v, "item"):
        return v.item()
    return v


def _frame_input(df: Any) -> dict[str, Any]:
    """The manifest's record of a DataFrame input: rows, columns and a SHA-256 of pandas' row hashes."""
    import pandas as pd

    try:
        digest = hashlib.sha256(pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes()).hexdigest()
    except (TypeError, UnicodeEncodeError):  # unhashable cells (lists, dicts); lone surrogates (refused per row)
        digest = None
    return {"path": FRAME_ORIGIN, "rows": len(df), "columns": [str(c) for c in df.columns], "sha256": digest}

