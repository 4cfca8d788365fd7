"""The framelens exception tree.

Every error raised on purpose by framelens derives from :class:`FramelensError`.
Subclasses also inherit the builtin exception they resemble, so callers may
catch either (``except ValueError`` keeps working for a bad lexicon).

Every error carries a machine-readable ``code`` (a :class:`Reason` value), so
code that handles errors branches on ``exc.code``, never on message text.
"""

from __future__ import annotations

__all__ = [
    "Reason",
    "FramelensError",
    "InputError",
    "DecodeError",
    "EmptyDocumentError",
    "FormatError",
    "LexiconError",
    "ModelError",
    "ConfigError",
    "MissingDependencyError",
    "require_package",
]


class Reason:
    """Reason codes carried by :attr:`FramelensError.code` (plain strings, stable across releases)."""

    ERROR = "error"                      #: unspecified (the base class)
    INPUT = "input"                      #: an input could not be read as documents
    DECODE = "decode"                    #: bytes not valid in any accepted encoding
    EMPTY_DOCUMENT = "empty_document"    #: a document with no text
    FORMAT = "format"                    #: structurally bad input (JSON, columns, extension, binary)
    LEXICON = "lexicon"                  #: a lexicon pack failed validation
    MODEL = "model"                      #: a saved model was refused
    CONFIG = "config"                    #: bad parameters
    MISSING_REQUIREMENT = "missing_requirement"  #: a component needs another that is not available
    TOO_LARGE = "too_large"              #: the work asked for exceeds a documented limit
    UNKNOWN_NAME = "unknown_name"        #: an extractor, kind or pack name that is not registered
    SPECIAL_FILE = "special_file"        #: a device, FIFO or socket given as an input file (refused unread)
    SURROGATE = "surrogate"              #: a lone surrogate (e.g. JSON ``"\\ud800"``): text that is not Unicode
    TOO_DEEP = "too_deep"                #: JSON arrays/objects nested deeper than the documented limit
    FIELD_TYPE = "field_type"            #: a field of the wrong JSON type (a list where a string is expected)
    OUTPUT = "output"                    #: an output could not be written (permission, disk full, read-only, not a folder)
    IN_USE = "in_use"                    #: the output folder is locked by another running framelens
    DOC_TIMEOUT = "doc_timeout"          #: a document's analysis ran past its time budget (--doc-timeout)


class FramelensError(Exception):
    """Base class of every error framelens raises on purpose.

    Parameters
    ----------
    *args
        The message (as for :class:`Exception`).
    code : str, optional
        A :class:`Reason` value, more specific than the class's default
        (``ConfigError(msg, code=Reason.TOO_LARGE)``); read it back as ``exc.code``.
    """

    code: str = Reason.ERROR

    def __init__(self, *args, code: str | None = None):
        super().__init__(*args)
        if code is not None:
            self.code = code


class InputError(FramelensError, ValueError):
    """A corpus input could not be read as documents.

    Parameters
    ----------
    origin : str
        The file and, where known, the line or row (``"corpus.jsonl:17"``); the message starts with it.
    message : str
        What is wrong and what to do (kept as ``exc.reason``).
    code : str, optional
        A :class:`Reason` value (default ``Reason.INPUT``, or the subclass's).
    """

    code = Reason.INPUT

    def __init__(self, origin: str, message: str, *, code: str | None = None):
        self.origin = origin
        self.reason = message
        super().__init__(f"{origin}: {message}", code=code)


class DecodeError(InputError, UnicodeError):
    """Bytes that are not valid in any encoding framelens accepts.

    Parameters
    ----------
    origin, message, code
        As for :class:`InputError` (code ``Reason.DECODE``).
    """

    code = Reason.DECODE


class EmptyDocumentError(InputError):
    """A document with no text.

    Parameters
    ----------
    origin, message, code
        As for :class:`InputError` (code ``Reason.EMPTY_DOCUMENT``).
    """

    code = Reason.EMPTY_DOCUMENT


class FormatError(InputError):
    """Structurally bad input: invalid JSON line, missing column, unknown extension, binary file.

    Parameters
    ----------
    origin, message, code
        As for :class:`InputError` (code ``Reason.FORMAT``).
    """

    code = Reason.FORMAT


class LexiconError(FramelensError, ValueError):
    """A lexicon pack failed validation.

    Parameters
    ----------
    problems : list of str or str
        Every problem, as ``file:line: field: message`` (kept as ``exc.problems``).
    code : str, optional
        A :class:`Reason` value (default ``Reason.LEXICON``).
    """

    code = Reason.LEXICON

    def __init__(self, problems: list[str] | str, *, code: str | None = None):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in lexicon" if len(self.problems) > 1 else "problem in lexicon"
        super().__init__(head + ":\n" + "\n".join(self.problems), code=code)


class ModelError(FramelensError, ValueError):
    """A saved model was refused: wrong format, foreign, tampered with, or version mismatch.

    Parameters
    ----------
    *args, code
        As for :class:`FramelensError` (code ``Reason.MODEL``).
    """

    code = Reason.MODEL


class ConfigError(FramelensError, ValueError):
    """Bad parameters given to a framelens function or command.

    Parameters
    ----------
    *args, code
        As for :class:`FramelensError` (code ``Reason.CONFIG``, or e.g. ``Reason.TOO_LARGE``).
    """

    code = Reason.CONFIG


class MissingDependencyError(FramelensError, ImportError):
    """An optional package a feature needs is not installed; the message gives the install line.

    Raised before any work is done (the command exits 4: nothing could be done)."""

    code = Reason.MISSING_REQUIREMENT


def require_package(module: str, feature: str, extra: str) -> None:
    """Raise :class:`MissingDependencyError` unless ``module`` can be imported (checked without importing it)."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingDependencyError(f"{feature} needs the optional package {module}, which is not installed: "
                                     f"pip install 'framelens[{extra}]'")
