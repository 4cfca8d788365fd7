"""Reading labelled tables (CSV, TSV, JSONL, Parquet) for training, evaluation and agreement."""

from __future__ import annotations

import os
from typing import Any

from ..errors import ConfigError, FormatError, InputError


def read_table(path: str) -> Any:
    """A pandas DataFrame of a labelled file; every cell is read as text (no type guessing)."""
    import pandas as pd

    if not os.path.isfile(path):
        raise InputError(path, "no such file")
    low = path.lower()
    try:
        if low.endswith((".jsonl", ".ndjson")):
            return pd.read_json(path, lines=True, dtype=False).astype(object)
        if low.endswith(".parquet"):
            return pd.read_parquet(path)
        sep = "\t" if low.endswith((".tsv", ".tab")) else ","
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise FormatError(path, f"cannot read as a table: {exc}") from None


def labelled(df: Any, path: str, text_col: str, label_col: str, multilabel: bool = False, sep: str = ";"):
    """(texts, labels, n_dropped): rows with a text and a label; multi-label labels as frozensets."""
    from .validate import split_labels

    for col in (text_col, label_col):
        if col not in df.columns:
            raise ConfigError(f"{path}: no column {col!r}; columns are: {', '.join(map(str, df.columns))}")
    texts, labels = [], []
    dropped = 0
    for t, lab in zip(df[text_col], df[label_col]):
        t = "" if t is None or (isinstance(t, float) and t != t) else str(t)
        if not t.strip() or lab is None or (isinstance(lab, float) and lab != lab) or not str(lab).strip():
            dropped += 1
            continue
        texts.append(t)
        labels.append(split_labels(lab, sep) if multilabel else str(lab).strip())
    if not texts:
        raise ConfigError(f"{path}: no row has both a text ({text_col}) and a label ({label_col})")
    return texts, labels, dropped
