"""Dates in corpus metadata: one normalised form (``YYYY-MM-DD``) for the formats news sources use."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

__all__ = ["normalize_date"]

_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]|\s)"), (1, 2, 3)),  # ISO, Media Cloud
    (re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{6}|T\d{6}Z?)?$"), (1, 2, 3)),  # GDELT 20240725[123000]
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), (1, 2, 3)),
)


def normalize_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for ISO dates and datetimes, GDELT ``YYYYMMDD[hhmmss]`` and ``YYYY/MM/DD``;
    else ``None``. Impossible dates (2024-02-30) give ``None``."""
    if value is None:
        return None
    s = str(value).strip()
    for rx, (y, m, d) in _DATE_PATTERNS:
        mm = rx.match(s)
        if mm:
            try:
                return _dt.date(int(mm.group(y)), int(mm.group(m)), int(mm.group(d))).isoformat()
            except ValueError:
                return None
    return None
