"""Progress bars of the command line (tqdm), on stderr, only on a terminal and never with ``--quiet``.

Every command that runs for more than a moment wraps its unit of work (documents, URLs, stages) in
:func:`progress_bar`; the bar never writes to stdout and never changes an output file.
"""

from __future__ import annotations

import sys
from typing import Any


def _is_tty(stream) -> bool:
    """Whether ``stream`` is a terminal (tests monkeypatch this to force the bar on)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def enabled(args: Any = None) -> bool:
    """True when a bar should be drawn: stderr is a terminal and ``--quiet`` was not given."""
    return not getattr(args, "quiet", False) and _is_tty(sys.stderr)


def progress_bar(args: Any = None, *, total: int | None = None, unit: str = "doc", desc: str | None = None,
                 iterable=None):
    """A ``tqdm`` bar on stderr: totals and ETA when ``total`` is known, a plain count otherwise.

    Disabled (a no-op with the same interface) when stderr is not a terminal or with ``--quiet``.
    """
    from tqdm import tqdm

    return tqdm(iterable, total=total, unit=unit, desc=desc, file=sys.stderr, disable=not enabled(args),
                dynamic_ncols=True, leave=True)
