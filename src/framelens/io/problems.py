"""What could not be read: one :class:`Problem` per skipped input or document."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem"]


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
    """

    origin: str  # "path", "path:line" or "path:row N"
    reason: str
    error: str  # the exception class name

    def to_dict(self) -> dict[str, str]:
        """``origin``, ``reason`` and ``error`` as a dict (for the manifest)."""
        return {"origin": self.origin, "reason": self.reason, "error": self.error}

