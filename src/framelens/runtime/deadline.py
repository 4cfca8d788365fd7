"""A cooperative time budget per document.

Pure Python cannot stop a running function safely from outside (a signal or a
thread cannot interrupt a regular-expression call, and killing a worker loses
its partition), so the budget is *cooperative*: the
:class:`~framelens.runtime.pipeline.Analyzer` makes one :class:`Deadline` per
document, hands it to the segmentation (``seg.deadline``) and checks it between
extractors, and the extractors' loops over sentences, quotations and cues call
``seg.deadline.check()``. A check is one clock read and one comparison (about
0.1 µs), so the budget costs nothing measurable; once the time is up the next
check raises :class:`DocTimeoutError` and the document is skipped and listed
with the reason code ``doc_timeout``. Since every extractor is linear in the
length of the document, the time between two checks stays short whatever the
document.
"""

from __future__ import annotations

import time

from ..errors import FramelensError
from ..text.segmentation import UNLIMITED as NO_DEADLINE  # the budget of an analysis without one

__all__ = ["Deadline", "NO_DEADLINE", "DocTimeoutError", "DOC_TIMEOUT", "DEFAULT_DOC_TIMEOUT"]

#: The reason code of a document skipped for its time budget (``Problem.code``, ``exc.code``).
DOC_TIMEOUT = "doc_timeout"

#: Default time budget per document, in seconds. The slowest shape measured (short quotations alternating with
#: their attributions: the most attributions per byte) runs at about 0.3 MB/s on the 2-core development machine,
#: so the largest document the readers admit by default (5 MB, ``--max-doc-size``) takes about 15 s; 60 s leaves a
#: margin of four for a slower or busy machine while still ending a stalled document within a minute
#: (docs/performance.md, "Time against document length").
DEFAULT_DOC_TIMEOUT = 60.0


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
        super().__init__(f"analysis took longer than the time budget of {seconds:g} s per document{step}; "
                         "skipped (raise it with --doc-timeout SECONDS / doc_timeout=, or 0 for none)")


class Deadline:
    """The time budget of one document: :meth:`check` raises :class:`DocTimeoutError` once it is spent.

    Parameters
    ----------
    seconds : float
        The budget, from now.
    clock : callable, optional
        A clock in seconds (default :func:`time.monotonic`); tests pass their own.

    Attributes
    ----------
    checks : int
        How many times :meth:`check` was called (a count of the extractors' loop steps).
    where : str
        The step running now (set by the Analyzer; named in the error).
    """

    __slots__ = ("seconds", "end", "clock", "checks", "where")

    def __init__(self, seconds: float, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.end = clock() + seconds
        self.checks = 0
        self.where = ""

    def check(self) -> None:
        """Raise :class:`DocTimeoutError` if the budget is spent."""
        self.checks += 1
        if self.clock() > self.end:
            raise DocTimeoutError(self.seconds, self.where)

    def __repr__(self) -> str:
        return f"<Deadline: {self.seconds:g} s, {self.checks:,} checks>"
