"""Article text and metadata from a page's HTML, with trafilatura.

:func:`decode_html` turns page bytes into text (HTTP charset, ``<meta charset>``,
UTF-8, then cp1252); :func:`extract_article` runs trafilatura's
``bare_extraction`` (precision first, no comments, no tables);
:func:`looks_like_html` sniffs a body served without a content type.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import MissingDependencyError

__all__ = ["HTML_TYPES", "decode_html", "extract_article", "looks_like_html"]

#: Content types accepted as HTML pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_html(body: bytes) -> bool:
    """Whether the first kilobyte of ``body`` starts like an HTML document."""
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or b"<html" in head


def _charset(content_type: str | None, body: bytes) -> str | None:
    """The charset named by the Content-Type header, else by a ``<meta>`` in the first 4 kB, else None."""
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
        if m:
            return m.group(1)
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", body[:4096], re.I)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: the HTTP charset, else a ``<meta charset>``, else UTF-8, else cp1252."""
    for enc in (_charset(content_type, body), "utf-8"):
        if not enc:
            continue
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def extract_article(html: str | bytes, url: str | None = None, content_type: str | None = None) -> dict[str, Any] | None:
    """Article text and metadata of a page with trafilatura, or None when there is no article text.

    Returns ``{"text", "title", "date", "author", "sitename", "hostname",
    "canonical_url", "description"}`` (values None where not found). Needs the
    ``html`` extra (trafilatura and lxml_html_clean).
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingDependencyError("fetching needs the optional package trafilatura, which is not installed: "
                                     "pip install 'framelens[html]'") from None
    if isinstance(html, bytes):
        html = decode_html(html, content_type)
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        return None
    get = result.get if isinstance(result, dict) else (lambda k, d=None: getattr(result, k, d))
    text = get("text") or ""
    if not text.strip():
        return None
    return {
        "text": text,
        "title": get("title"),
        "date": get("date"),
        "author": get("author"),
        "sitename": get("sitename"),
        "hostname": get("hostname"),
        "canonical_url": get("url"),
        "description": get("description"),
    }

