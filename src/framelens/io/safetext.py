"""Text that is safe to print: no control characters, no credentials.

Document ids, file names, outlet names and URLs come from the data; printed as they are, a
newline forges a log line, an ESC sequence rewrites the terminal and a URL's
``user:password@`` shows a secret. :func:`printable` escapes the first two (as Python's
``repr`` would, but keeping the rest of the text as written); :func:`redact_url` and
:func:`redact_urls` hide the third. The command line passes every message it prints through
:func:`safe_message`.
"""

from __future__ import annotations

import re
import urllib.parse

__all__ = ["printable", "redact_url", "redact_urls", "safe_message"]

# C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# scheme://userinfo@ : the userinfo part (no '/', '?', '#', '@' or whitespace inside it)
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s\"'<>]*@")


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    cp = ord(ch)
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def printable(value) -> str:
    """``str(value)`` with every control character (newline, CR, tab, NUL, ESC, ...), line separator and
    bidirectional override written as an escape (``\\n``, ``\\x1b``, ``\\u202e``): always one line.

    Parameters
    ----------
    value : Any
        An id, a file name, a message.

    Returns
    -------
    str
        The text, safe to print on one line of a terminal or log.
    """
    return _UNSAFE.sub(_escape, str(value))


def redact_url(url: str) -> str:
    """``url`` with its ``user:password@`` part replaced by ``***@`` (``https://***@host/``); other URLs
    unchanged.

    Parameters
    ----------
    url : str
        A URL.

    Returns
    -------
    str
        The URL, safe to print or log.
    """
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return redact_urls(url)
    if "@" not in parts.netloc:
        return url
    hostport = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"***@{hostport}"))


def redact_urls(text: str) -> str:
    """``text`` with the userinfo of every ``scheme://user:password@`` in it replaced by ``***``."""
    return _USERINFO.sub(r"\1***@", str(text))


def safe_message(value) -> str:
    """A message ready to print on one line: credentials in URLs hidden (:func:`redact_urls`), control
    characters escaped (:func:`printable`)."""
    return printable(redact_urls(str(value)))
