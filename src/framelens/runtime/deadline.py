"""A cooperative time budget per document.

Pure Python cannot stop a running function safely from outside (a signal or a
thread cannot interrupt a regular-expression call, and killing a worker loses
its partition), so the budget is *cooperative*: the
:class:`~framelens.runtime.pipeline.Analyzer` makes one :class:`Deadline` per
document, hands it to the segmentation (``seg.deadline``) and checks it between
extractors, and the extractors' loops over sentences, quotations and cues call
``seg.deadline.check()``. The budget is CPU time of the analysing thread
(:func:`time.thread_time`), not wall time, so whether a document is skipped does
not depend on what else the machine is doing; the clock (about 0.7 µs a read) is
read every 32nd check, so a check costs a counter increment and the budget
nothing measurable. Once the time is up the next reading raises
:class:`DocTimeoutError` and the document is skipped and listed with the reason
code ``doc_timeout``. Since every extractor is linear in the length of the
document, the time between two readings stays short whatever the document.
"""

from __future__ import annotations

import time

from ..errors import FramelensError, Reason
from ..text.segmentation import UNLIMITED as NO_DEADLINE  # the budget of an analysis without one

__all__ = ["Deadline", "NO_DEADLINE", "DocTimeoutError", "DOC_TIMEOUT", "DEFAULT_DOC_TIMEOUT"]

#: The reason code of a document skipped for its time budget (``Problem.code``, ``exc.code``).
DOC_TIMEOUT = Reason.DOC_TIMEOUT

#: Default time budget per document, in CPU seconds of the thread analysing it. The slowest shape measured (short
#: quotations alternating with their attributions: the most attributions per byte) runs at about 0.13 MB/s of CPU
#: on the 2-core development machine, so the largest document the readers admit by default (5 MB,
#: ``--max-doc-size``) needs about 40 s, and 5 MB of ordinary prose about 15 s; 120 s leaves a margin of three for
#: the worst shape on a slower machine, and still ends any document within two minutes of CPU
#: (docs/performance.md, "Time against document length").
DEFAULT_DOC_TIMEOUT = 120.0


class DocTimeoutError(FramelensError, TimeoutError):
    """A document's analysis ran past its time budget (code ``doc_timeout``); the document is skipped.

    Parameters
    ----------
    seconds : float
        The budget that ran out.
    where : str, optional
        The step that was running (an extractor's name, ``"segment"``).
    """

    code = DOC_TIMEOUT

    def __init__(self, seconds: float, where: str = ""):
        self.seconds = seconds
        self.where = where
        step = f" (in {where})" if where else ""
        super().__init__(f"analysis took longer than the time budget of {seconds:g} CPU seconds per document{step}; "
                         "skipped (raise it with --doc-timeout SECONDS / doc_timeout=, or 0 for none)")


class Deadline:
    """The time budget of one document: :meth:`check` raises :class:`DocTimeoutError` once it is spent.

    Parameters
    ----------
    seconds : float
        The budget, from now.
    clock : callable, optional
        A clock in seconds (default :func:`time.thread_time`: CPU time of this thread); tests pass their own.
    every : int, default 32
        Read the clock at every ``every``-th check (1: at each).

    Attributes
    ----------
    checks : int
        How many times :meth:`check` was called (a count of the extractors' loop steps).
    where : str
        The step running now (set by the Analyzer; named in the error).
    """

    __slots__ = ("seconds", "end", "clock", "checks", "where", "every")

    def __init__(self, seconds: float, clock=time.thread_time, every: int = 32):
        self.seconds = seconds
        self.clock = clock
        self.every = every
        self.end = clock() + seconds
        self.checks = 0
        self.where = ""

    def check(self) -> None:
        """Raise :class:`DocTimeoutError` if the budget is spent (the clock is read at every ``every``-th check)."""
        self.checks += 1
        if self.checks % self.every == 0 and self.clock() > self.end:
            raise DocTimeoutError(self.seconds, self.where)

    def expired(self) -> None:
        """Raise :class:`DocTimeoutError` if the budget is spent, reading the clock now (between steps)."""
        self.checks += 1
        if self.clock() > self.end:
            raise DocTimeoutError(self.seconds, self.where)

    def __repr__(self) -> str:
        return f"<Deadline: {self.seconds:g} s, {self.checks:,} checks>"
