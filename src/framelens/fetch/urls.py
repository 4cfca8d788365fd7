"""URLs: which ones are fetched, their normal form, their host key and the document id made from them.

Only ``http`` and ``https`` URLs with a host are fetched; ``file:``, ``ftp:``,
``data:`` and any other scheme are refused (``bad_url``), and so is a redirect
to one (``redirects``).
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse

__all__ = ["HTTP_SCHEMES", "clean_url", "has_http_scheme", "host_key", "is_fetchable", "slug_id"]

#: The only URL schemes framelens requests.
HTTP_SCHEMES = ("http", "https")


def clean_url(url: str) -> str:
    """Strip whitespace and the #fragment (never sent to a server); the rest is kept exactly as given.

    Cut at the first ``#`` by hand: ``urllib.parse.urldefrag`` rebuilds the URL and drops an empty query
    (``https://a.example/?`` became ``https://a.example/``), which is another URL to a server."""
    return url.strip().split("#", 1)[0]


def has_http_scheme(url: str) -> bool:
    """Whether ``url`` is ``http:`` or ``https:`` (the test applied to redirect targets)."""
    return urllib.parse.urlsplit(url).scheme in HTTP_SCHEMES


def is_fetchable(url: str) -> bool:
    """Whether ``url`` is an ``http(s)`` URL with a host: the test applied to every input URL."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in HTTP_SCHEMES and bool(parts.netloc)


def host_key(url: str) -> str:
    """``scheme://host[:port]`` (host lower-cased): the unit of politeness and of robots.txt."""
    p = urllib.parse.urlsplit(url)
    return f"{p.scheme}://{p.netloc.lower()}"


def slug_id(url: str) -> str:
    """A readable document id: ``host/last-path-segment`` (``www.`` and ``.html``-like endings dropped).

    A URL with no path segment but a query gets ``q`` + 8 hex digits of the
    query's hash; a bare host is just the host.
    """
    p = urllib.parse.urlsplit(url)
    host = p.netloc.lower().split("@")[-1].split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    segs = [s for s in p.path.split("/") if s]
    last = segs[-1] if segs else ""
    last = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", last, flags=re.I)
    last = re.sub(r"[^a-z0-9._-]+", "-", urllib.parse.unquote(last).lower()).strip("-.")[:60]
    if not last and p.query:
        last = "q" + hashlib.sha256(p.query.encode()).hexdigest()[:8]
    return f"{host}/{last}" if last else host
