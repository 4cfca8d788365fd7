"""URLs: which ones are fetched, their normal form, their host key and the document id made from them.

Only ``http`` and ``https`` URLs with a host are fetched; ``file:``, ``ftp:``,
``data:`` and any other scheme are refused (``bad_url``), and so is a redirect
to one (``redirects``).

Politeness must not depend on how a host is spelled: :func:`normal_host` gives one name for
every spelling of a host (case, IDNA, a trailing dot, the numeric forms of an IPv4 address such
as ``127.1``, ``2130706433`` or ``0x7f.0.0.1``), :func:`host_key` adds the scheme and a port other
than the default (the unit of robots.txt), and :func:`resolve_host` the address a name resolves
to (the unit of pacing: ``localhost`` and ``127.0.0.1`` are one server). :func:`normalize_url`
is the form in which duplicate input lines are recognised.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import urllib.parse

__all__ = ["DEFAULT_PORTS", "HTTP_SCHEMES", "clean_url", "has_http_scheme", "host_key", "is_fetchable",
           "normal_host", "normalize_url", "resolve_host", "slug_id"]

#: The port each fetched scheme uses when a URL names none.
DEFAULT_PORTS = {"http": 80, "https": 443}

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


def normal_host(host: str) -> str:
    """One spelling of a host name: lower case, no trailing dot, IDNA (``xn--``) for non-ASCII names,
    and the dotted-quad form of every numeric IPv4 spelling (``127.1``, ``2130706433``, ``0x7f.0.0.1``);
    IPv6 addresses in their compressed form (an IPv4-mapped one as its IPv4 address).

    Parameters
    ----------
    host : str
        The host part of a URL (no userinfo, no port; IPv6 without brackets).

    Returns
    -------
    str
        The normal form (``""`` for an empty host).
    """
    h = urllib.parse.unquote(host or "").strip().lower().rstrip(".")
    if not h:
        return ""
    try:
        ip = ipaddress.ip_address(h.split("%", 1)[0])
        mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is 127.0.0.1
        return str(mapped or ip)
    except ValueError:
        pass
    if re.fullmatch(r"[0-9a-fx.]+", h) and re.search(r"\d", h):
        try:  # the forms inet_aton accepts: a, a.b, a.b.c, octal and hex parts (browsers do the same)
            return socket.inet_ntoa(socket.inet_aton(h))
        except OSError:
            pass
    if not h.isascii():
        try:
            h = h.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    return h


def _host_port(url: str) -> tuple[str, str, int | None]:
    """(scheme, normal host, port or None when it is the scheme's default)."""
    p = urllib.parse.urlsplit(url)
    scheme = p.scheme.lower()
    host = normal_host(p.hostname or "")
    try:
        port = p.port
    except ValueError:  # a port that is not a number: kept out of the key, the request fails later
        port = None
    if port == DEFAULT_PORTS.get(scheme):
        port = None
    return scheme, host, port


def host_key(url: str) -> str:
    """``scheme://host[:port]``: the normal host (:func:`normal_host`), no ``user:password@``, and the port
    only when it is not the scheme's default (``https://h:443`` is ``https://h``): the unit of robots.txt."""
    scheme, host, port = _host_port(url)
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


def resolve_host(url: str) -> str:
    """The address ``url``'s host resolves to (its first ``getaddrinfo`` answer), or its normal name when
    it cannot be resolved: the unit of pacing, so every alias of one server shares one queue.

    Parameters
    ----------
    url : str
        An http(s) URL.

    Returns
    -------
    str
        An IP address in its normal form, or the normal host name.
    """
    scheme, host, port = _host_port(url)
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port or DEFAULT_PORTS.get(scheme, 80), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return host
    for family, _, _, _, addr in infos:
        try:
            return str(ipaddress.ip_address(addr[0].split("%", 1)[0]))
        except ValueError:
            continue
    return host


def normalize_url(url: str) -> str:
    """The form in which two input lines are the same URL: the scheme and host as in :func:`host_key`
    (so no ``user:password@``), an empty path as ``/``, no ``#fragment``; path and query as given."""
    url = clean_url(url)
    p = urllib.parse.urlsplit(url)
    if p.scheme.lower() not in HTTP_SCHEMES or not p.netloc:
        return url
    return host_key(url) + (p.path or "/") + (f"?{p.query}" if p.query else "")


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
