"""Saved web pages: the article text and metadata through trafilatura (an optional extra)."""

from __future__ import annotations

import glob
import os
from typing import Iterable

from ..errors import EmptyDocumentError, FormatError, MissingDependencyError
from ..model import Document
from .documents import _make_document
from .formats import HTML_EXT

__all__ = ["HTML_HINT", "read_html", "require_html_reader"]

HTML_HINT = "pip install 'framelens[html]'"


def _first_html(paths: Iterable[str]) -> str | None:
    """The first HTML file among ``paths`` (folders walked and globs expanded as reading does), or None."""
    for p in paths:
        if p == "-":
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if not f.startswith(".") and f.lower().endswith(HTML_EXT):
                        return os.path.join(root, f)
        elif os.path.exists(p):
            if p.lower().endswith(HTML_EXT):
                return p
        elif any(c in p for c in "*?["):
            for m in glob.glob(p, recursive=True):
                if m.lower().endswith(HTML_EXT) and os.path.isfile(m):
                    return m
    return None


def require_html_reader(paths: list[str]) -> None:
    """Refuse, before any document is read, inputs holding HTML when trafilatura is not installed.

    Raises :class:`~framelens.errors.FramelensError` with code
    ``Reason.MISSING_REQUIREMENT`` (the command line exits 4) and the one-line
    install hint. The inputs are scanned only when trafilatura is missing.
    """
    import importlib.util

    if importlib.util.find_spec("trafilatura") is not None:
        return
    html = _first_html(paths)
    if html is not None:
        raise MissingDependencyError(f"{html}: reading HTML needs the optional package trafilatura: {HTML_HINT}")


def read_html(html: str, origin: str, default_id: str) -> Document:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the install
        raise FormatError(origin, f"reading HTML needs trafilatura: {HTML_HINT}") from None
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if result is None:
        raise EmptyDocumentError(f"{origin}:1", "no article text found in the page")
    get = result.get if isinstance(result, dict) else (lambda k, d=None: getattr(result, k, d))
    text = get("text") or ""
    if not text.strip():
        raise EmptyDocumentError(f"{origin}:1", "no article text found in the page")
    meta = {
        "title": get("title"),
        "date": get("date"),
        "outlet": get("sitename") or get("hostname"),
        "author": get("author"),
        "url": get("url"),
    }
    return _make_document(meta, text, origin, default_id)

