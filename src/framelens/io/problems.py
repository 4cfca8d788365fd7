"""What could not be read: one :class:`Problem` per skipped input or document, kept in a capped list."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = ["Problem", "ProblemLog", "DEFAULT_MAX_PROBLEMS"]

#: Problems listed with their origin and reason; past that only counted (a manifest stays small).
DEFAULT_MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class Problem:
    """A document or input that could not be analysed, and why.

    Parameters
    ----------
    origin : str
        Where: ``"path"``, ``"path:line"`` or ``"path:row N"`` (a document id if nothing else is known).
    reason : str
        What is wrong.
    error : str
        The exception class name (e.g. ``"DecodeError"``).
    code : str, optional
        The reason code (:class:`framelens.errors.Reason`, e.g. ``"too_large"``), when known.
    """

    origin: str  # "path", "path:line" or "path:row N"
    reason: str
    error: str  # the exception class name
    code: str = ""

    def to_dict(self) -> dict[str, str]:
        """``origin``, ``reason``, ``error`` (and ``code`` when known) as a dict (for the manifest)."""
        d = {"origin": self.origin, "reason": self.reason, "error": self.error}
        if self.code:
            d["code"] = self.code
        return d


class ProblemLog(list):
    """A list of :class:`Problem` that keeps the first ``limit`` (and the first of each reason) and counts every one.

    ``len()`` and iteration give the problems kept; :attr:`total` counts all of them and
    :attr:`counts` counts them per reason code (the exception class name when a problem has no code),
    so two million bad lines cost a counter, not two million entries. Past ``limit``, the first problem of a
    reason not seen before is still kept (one per reason), so a rare reason (the compressed file that
    stopped) is never hidden behind a common one.

    Parameters
    ----------
    limit : int, default 1000
        Problems kept with their origin and reason.
    """

    def __init__(self, limit: int = DEFAULT_MAX_PROBLEMS, items: Iterable[Problem] = ()):
        super().__init__()
        self.limit = limit
        self.total = 0
        self.counts: Counter[str] = Counter()
        self.extend(items)

    def append(self, problem: Problem) -> None:
        """Count ``problem``; keep it if fewer than ``limit`` are kept or it is the first of its reason."""
        self.total += 1
        key = getattr(problem, "code", "") or getattr(problem, "error", "") or "error"
        self.counts[key] += 1
        if len(self) < self.limit or self.counts[key] == 1:
            super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """:meth:`append` each of ``problems``."""
        for p in problems:
            self.append(p)

    def __iadd__(self, problems: Iterable[Problem]) -> "ProblemLog":
        self.extend(problems)
        return self

    @property
    def omitted(self) -> int:
        """Problems counted but not kept."""
        return self.total - len(self)

    def summary(self) -> dict[str, Any]:
        """``{"total", "listed", "by_reason"}`` for the manifest."""
        return {"total": self.total, "listed": len(self), "by_reason": dict(sorted(self.counts.items()))}
