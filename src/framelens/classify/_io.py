"""Reading labelled tables (CSV, TSV, JSONL, Parquet) for training, evaluation and agreement."""

from __future__ import annotations

import os
from typing import Any

from ..errors import ConfigError, FormatError, InputError
from ..io.textfile import read_text_file


def read_table(path: str, purpose: str = "read") -> Any:
    """A pandas DataFrame of a labelled file; every cell is read as text (no type guessing).

    The file is read once; a missing or empty file, or one that is not UTF-8, raises the error of
    :func:`framelens.io.textfile.read_text_file` (``purpose`` completes "nothing to ...").
    """
    import io

    import pandas as pd

    if not os.path.isfile(path):
        raise InputError(path, f"no such file; check the path (relative paths start in {os.getcwd()})")
    low = path.lower()
    try:
        if low.endswith(".parquet"):
            return pd.read_parquet(path)
        text = io.StringIO(read_text_file(path, purpose))
        if low.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            return pd.read_json(text, lines=True, dtype=False).astype(object)
        sep = "\t" if low.endswith((".tsv", ".tab", ".tsv.gz")) else ","
        return pd.read_csv(text, sep=sep, dtype=str, keep_default_na=False, na_values=[""])
    except (ValueError, OSError) as exc:
        if isinstance(exc, InputError):  # the reader's own errors (missing, empty, not UTF-8) as they are
            raise
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
