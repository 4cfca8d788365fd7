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


class StepBars:
    """A ``progress(step, done, total)`` callback for library code that reports its steps (e.g.
    :func:`framelens.compare.run_compare`): one tqdm bar per step on stderr, opened when the step is first
    reported and closed when the next step starts (or by :meth:`close`). Disabled like :func:`progress_bar`.

    Parameters
    ----------
    args : argparse.Namespace, optional
        The command's arguments (``--quiet``).
    """

    def __init__(self, args: Any = None):
        self.args = args
        self.step: str | None = None
        self.bar = None

    def __call__(self, step: str, done: int, total: int | None = None) -> None:
        if step != self.step:
            self.close()
            self.step = step
            self.bar = progress_bar(self.args, total=total, unit="step", desc=step)
        if self.bar is not None:
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        """Close the open bar, if any."""
        if self.bar is not None:
            self.bar.close()
        self.bar, self.step = None, None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
