"""A bounded per-process cache of feature rows, one row per distinct key (a text or a text window), shared by
the framelens-count features and the sentence embeddings so that cross-validation computes each row once."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable, Sequence

__all__ = ["cached_rows"]


def cached_rows(cache: "OrderedDict[Hashable, Any]", keys: Sequence[Hashable], width: int,
                compute: Callable[[list[int]], Any], limit: int):
    """The rows of ``keys`` (an array of ``len(keys)`` x ``width``), from ``cache`` where present.

    ``compute(indices)`` gets the index of the first occurrence of each missing key, in order, and returns
    their rows. New rows are stored as copies (a view would keep its whole batch alive after eviction), and the
    least recently used are dropped beyond ``limit`` rows. An ``OrderedDict`` is kept rather than
    ``functools.lru_cache`` because rows are computed in batches, not one call per key.
    """
    import numpy as np

    out = np.empty((len(keys), width), dtype=np.float64)
    todo: dict[Hashable, list[int]] = {}
    for i, key in enumerate(keys):
        row = cache.get(key)
        if row is None:
            todo.setdefault(key, []).append(i)
        else:
            cache.move_to_end(key)
            out[i] = row
    if todo:
        missing = list(todo)
        rows = compute([todo[k][0] for k in missing])
        for key, row in zip(missing, rows):
            out[todo[key]] = row
            cache[key] = np.array(row, dtype=np.float64, copy=True)
        while len(cache) > limit:
            cache.popitem(last=False)
    return out
