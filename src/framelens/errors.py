"""The framelens exception tree.

Every error raised on purpose by framelens derives from :class:`FramelensError`.
Subclasses also inherit the builtin exception they resemble, so callers may
catch either (``except ValueError`` keeps working for a bad lexicon).
"""

from __future__ import annotations

__all__ = [
    "FramelensError",
    "InputError",
    "DecodeError",
    "EmptyDocumentError",
    "FormatError",
    "LexiconError",
    "ModelError",
    "ConfigError",
]


class FramelensError(Exception):
    """Base class of every error framelens raises on purpose."""


class InputError(FramelensError, ValueError):
    """A corpus input could not be read as documents.

    ``origin`` names the file and, where known, the line or row
    (``"corpus.jsonl:17"``); the message always starts with it.
    """

    def __init__(self, origin: str, message: str):
        self.origin = origin
        self.reason = message
        super().__init__(f"{origin}: {message}")


class DecodeError(InputError, UnicodeError):
    """Bytes that are not valid in any encoding framelens accepts."""


class EmptyDocumentError(InputError):
    """A document with no text."""


class FormatError(InputError):
    """Structurally bad input: invalid JSON line, missing column, unknown extension, binary file."""


class LexiconError(FramelensError, ValueError):
    """A lexicon pack failed validation. ``problems`` lists every problem as ``file:line: field: message``."""

    def __init__(self, problems: list[str] | str):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in lexicon" if len(self.problems) > 1 else "problem in lexicon"
        super().__init__(head + ":\n" + "\n".join(self.problems))


class ModelError(FramelensError, ValueError):
    """A saved model was refused: wrong format, foreign, tampered with, or version mismatch."""


class ConfigError(FramelensError, ValueError):
    """Bad parameters given to a framelens function or command."""
