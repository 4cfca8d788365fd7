"""Fetching news pages politely and turning them into a corpus.

:func:`fetch_corpus` reads a list of URLs (:func:`read_url_list`: a text file
with one URL a line, or a CSV export with a ``url`` column and optional
metadata such as Media Cloud or GDELT exports), downloads each page with a
:class:`Fetcher`, extracts the article text and metadata with trafilatura, and
writes one JSON object per article (a corpus ``framelens analyze`` reads).

Politeness and robustness, all in :class:`Fetcher`:

- robots.txt is read once per host (RFC 9309: 4xx other than 401/403 means
  no rules; 401/403, 5xx and unreachable mean "disallow everything") and
  obeyed for every request and every redirect hop; a ``Crawl-delay`` lengthens
  the per-host delay (up to ``FetchConfig.max_crawl_delay``);
- at most one request to a host at a time, and at least ``delay`` seconds
  between two requests to the same host;
- a timeout on every request; retries with exponential backoff on 429, 5xx,
  timeouts and connection errors, honouring ``Retry-After`` (seconds or an
  HTTP date) up to ``max_retry_after``;
- bodies larger than ``max_bytes`` are refused (by ``Content-Length`` or while
  reading), and only HTML content types are accepted;
- redirects are followed by hand (so each hop is checked against robots.txt
  and rate-limited) and recorded;
- a clear User-Agent: ``framelens/<version> (+<contact>)``.

Every raw page is cached on disk under a hash of its URL, with its headers and
redirect chain, so a rerun downloads nothing twice and ``offline=True``
rebuilds a corpus from the cache alone. Permanent failures (404, not HTML, too
large) are cached too; transient ones (timeouts, 5xx after the retries) are
not, so a later run tries them again.

Every failure is a :class:`FetchRecord` with a short ``error`` code (see
:data:`ERROR_CODES`) and a readable ``reason``; a run never stops for one URL.
"""

from __future__ import annotations

import csv
import datetime as _dt
import email.utils
import gzip
import hashlib
import io
import json
import logging
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from .._version import __version__
from ..errors import ConfigError, FormatError, InputError

__all__ = [
    "DEFAULT_CONTACT",
    "ERROR_CODES",
    "FetchConfig",
    "FetchRecord",
    "FetchSummary",
    "Fetcher",
    "PageResult",
    "UrlItem",
    "default_cache_dir",
    "default_user_agent",
    "extract_article",
    "fetch_corpus",
    "iter_fetch",
    "normalize_date",
    "read_url_list",
]

log = logging.getLogger("framelens")

#: Contact part of the default User-Agent. Researchers should name themselves
#: with ``FetchConfig(user_agent=...)`` / ``--contact`` (an email or web page).
DEFAULT_CONTACT = "https://pypi.org/project/framelens/"

#: Failure codes of :attr:`FetchRecord.error`, and which of them are permanent
#: (cached, not retried by ``--resume``).
ERROR_CODES = {
    "robots": "disallowed by the site's robots.txt",
    "http": "the server answered with an HTTP error status (404, 410, 403, ...)",
    "server": "5xx or 429 still failing after the retries",
    "timeout": "no answer within the timeout, after the retries",
    "network": "connection refused/reset, DNS failure, TLS error, after the retries",
    "not_html": "the content type is not HTML (PDF, image, JSON, ...)",
    "too_large": "the page is larger than max_bytes",
    "redirects": "too many redirects, a redirect loop, or a redirect to a non-HTTP URL",
    "no_text": "trafilatura found no article text in the page",
    "bad_url": "not an http(s) URL",
    "offline": "offline run and the page is not in the cache",
}
PERMANENT_ERRORS = frozenset({"robots", "http", "not_html", "too_large", "redirects", "no_text", "bad_url"})

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_CACHE_VERSION = 1


def default_user_agent(contact: str | None = None) -> str:
    """``framelens/<version> (+<contact>)``: names the tool, its version and whom to contact."""
    return f"framelens/{__version__} (+{contact or DEFAULT_CONTACT}; news framing research)"


def default_cache_dir() -> Path:
    """``$FRAMELENS_CACHE`` or ``$XDG_CACHE_HOME/framelens/pages`` (``~/.cache/framelens/pages``)."""
    env = os.environ.get("FRAMELENS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framelens" / "pages"


@dataclass
class FetchConfig:
    """Parameters of a :class:`Fetcher` (all times in seconds).

    ``delay`` is the minimum time between two requests to the same host;
    ``backoff`` the first retry wait (doubled each retry, capped at
    ``max_backoff``); ``max_retry_after`` the longest ``Retry-After`` honoured
    (a server asking for longer makes the URL fail with ``server``).
    ``cache_dir=None`` disables the cache. ``workers`` > 1 fetches different
    hosts in parallel threads (never two requests to one host at once).
    """

    user_agent: str = field(default_factory=default_user_agent)
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    max_backoff: float = 60.0
    max_retry_after: float = 120.0
    delay: float = 2.0
    max_crawl_delay: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 10
    cache_dir: str | os.PathLike | None = field(default_factory=default_cache_dir)
    offline: bool = False
    workers: int = 1

    def __post_init__(self) -> None:
        for name in ("timeout", "backoff", "max_backoff", "max_retry_after", "delay", "max_crawl_delay"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or v < 0 or (name == "timeout" and v == 0):
                raise ConfigError(f"{name}={v!r}: must be a number >= 0 (timeout > 0)")
        for name in ("retries", "max_redirects", "max_bytes", "workers"):
            v = getattr(self, name)
            if not isinstance(v, int) or v < 0 or (name in ("max_bytes", "workers") and v == 0):
                raise ConfigError(f"{name}={v!r}: must be a whole number >= 0 (max_bytes, workers >= 1)")
        if not self.user_agent or not self.user_agent.strip() or "\n" in self.user_agent:
            raise ConfigError(f"user_agent={self.user_agent!r}: must be one non-empty line")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["cache_dir"] = None if self.cache_dir is None else os.fspath(self.cache_dir)
        return d


# ---------------------------------------------------------------------------
# input lists


@dataclass(frozen=True)
class UrlItem:
    """One URL to fetch, with the metadata given next to it (outlet, date, title, event, ...)."""

    url: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""


#: Column names recognised in CSV exports, per field (first match wins; case-insensitive).
#: Media Cloud: url, publish_date, title, media_name; GDELT GKG: DocumentIdentifier, DATE,
#: SourceCommonName; GDELT events: SOURCEURL, SQLDATE; GDELT DOC API: url, seendate, domain, title.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "sourceurl", "documentidentifier", "source_url", "article_url"),
    "id": ("id", "stories_id", "gkgrecordid", "globaleventid"),
    "outlet": ("outlet", "media_name", "sourcecommonname", "domain", "source", "publisher"),
    "date": ("date", "publish_date", "seendate", "sqldate", "published", "publication_date"),
    "title": ("title", "headline"),
    "event": ("event",),
    "author": ("author", "authors", "byline"),
}


def _find_columns(header: list[str], columns: Mapping[str, str] | None) -> dict[str, str]:
    low = {h.strip().lower(): h for h in header}
    found: dict[str, str] = {}
    columns = dict(columns or {})
    for key, aliases in COLUMN_ALIASES.items():
        if columns.get(key):
            want = columns[key]
            if want not in header and want.lower() not in low:
                raise FormatError("", f"no {want!r} column for {key}; columns are: {', '.join(header)}")
            found[key] = want if want in header else low[want.lower()]
            continue
        for a in aliases:
            if a in low:
                found[key] = low[a]
                break
    return found


def read_url_list(path: str | os.PathLike, columns: Mapping[str, str] | None = None) -> list[UrlItem]:
    """Read URLs to fetch from ``path``.

    A ``.csv``/``.tsv`` file (or any file whose first line names a ``url``
    column) is read as a table: the URL column is found by name (see
    :data:`COLUMN_ALIASES`, or give ``columns={"url": "MyCol"}``), the
    outlet/date/title/event/author/id columns become metadata, and every other
    column is kept as extra metadata. Any other file is a plain list: one URL
    a line; blank lines and lines starting with ``#`` are ignored, and text
    after the URL on the same line (separated by whitespace) is ignored too.

    Dates are normalised to ``YYYY-MM-DD`` where recognisable (see
    :func:`normalize_date`). Raises :class:`~framelens.errors.InputError` when
    the file cannot be read or a table has no URL column.
    """
    path = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(path, f"cannot read the URL list: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "the URL list is not UTF-8 text") from None
    first = text.lstrip().split("\n", 1)[0].strip().lower() if text.strip() else ""
    sep = max(("\t", ",", ";"), key=first.count)
    header = {f.strip().strip('"').strip() for f in first.split(sep)}
    is_table = path.lower().endswith((".csv", ".tsv")) or (
        not first.startswith(("http://", "https://", "#")) and bool(header & set(COLUMN_ALIASES["url"]))
    )
    if is_table:
        return _read_url_table(text, path, columns)
    items = []
    for lineno, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        items.append(UrlItem(url=s.split()[0], meta={}, origin=f"{path}:{lineno}"))
    return items


def _read_url_table(text: str, path: str, columns: Mapping[str, str] | None) -> list[UrlItem]:
    sample = text[:4096]
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    if not path.lower().endswith((".csv", ".tsv")):
        first = sample.split("\n", 1)[0]
        delimiter = max(("\t", ",", ";"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return []
    try:
        found = _find_columns(header, columns)
    except FormatError as exc:
        raise FormatError(f"{path}:1", exc.reason) from None
    if "url" not in found:
        raise FormatError(f"{path}:1", f"no URL column (looked for {', '.join(COLUMN_ALIASES['url'])}); "
                                        f"columns are: {', '.join(header) or '(none)'}")
    rev = {v: k for k, v in found.items()}
    items = []
    for row in reader:
        origin = f"{path}:{reader.line_num}"
        if not any(c.strip() for c in row):
            continue
        rec = dict(zip(header, row))
        url = (rec.get(found["url"]) or "").strip()
        meta: dict[str, Any] = {}
        for col, value in rec.items():
            value = value.strip()
            if col == found["url"] or value == "":
                continue
            key = rev.get(col, col)
            if key == "date":
                value = normalize_date(value) or value
            meta[key] = value
        items.append(UrlItem(url=url, meta=meta, origin=origin))
    return items


from ..io.dates import normalize_date  # noqa: E402 (re-exported: part of fetch's public API)


# ---------------------------------------------------------------------------
# fetching one page


@dataclass
class PageResult:
    """The raw outcome of fetching one URL (before text extraction)."""

    url: str
    final_url: str | None = None
    status: int | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)  # [{"url", "status", "location"}]
    content_type: str | None = None
    body: bytes | None = None
    error: str | None = None
    reason: str | None = None
    from_cache: bool = False
    fetched_at: str | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib API
        return None  # urllib then raises HTTPError with the 3xx code; Fetcher follows it by hand


class _TooLarge(Exception):
    pass


class _Host:
    """Per-host state: a lock (one request at a time), the last request time, robots rules."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last: float | None = None
        self.robots: urllib.robotparser.RobotFileParser | None = None
        self.robots_state: str | None = None  # "rules", "allow_all", "disallow_all"
        self.robots_reason: str = ""
        self.crawl_delay: float = 0.0


def _cache_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _host_key(url: str) -> str:
    p = urllib.parse.urlsplit(url)
    return f"{p.scheme}://{p.netloc.lower()}"


def _clean_url(url: str) -> str:
    """Strip whitespace and the #fragment (never sent to a server)."""
    return urllib.parse.urldefrag(url.strip())[0]


def _retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    now_dt = _dt.datetime.now(_dt.timezone.utc) if now is None else _dt.datetime.fromtimestamp(now, _dt.timezone.utc)
    return max(0.0, (when - now_dt).total_seconds())


class Fetcher:
    """Polite HTTP GET of HTML pages with a disk cache (see the module docstring).

    ``sleep`` and ``clock`` can be replaced (tests pass a recorder and fake
    time); ``opener`` is a :class:`urllib.request.OpenerDirector` (by default
    one that does not follow redirects by itself and ignores proxies only if
    the environment says so).
    """

    def __init__(self, config: FetchConfig | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, opener: urllib.request.OpenerDirector | None = None):
        self.config = config or FetchConfig()
        self.sleep = sleep
        self.clock = clock
        self.opener = opener or urllib.request.build_opener(_NoRedirect())
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self.cache_dir = None if self.config.cache_dir is None else Path(self.config.cache_dir)
        self.requests = 0  # network requests made (robots.txt included)

    # -- hosts and politeness -------------------------------------------
    def _host(self, url: str) -> _Host:
        key = _host_key(url)
        with self._hosts_lock:
            h = self._hosts.get(key)
            if h is None:
                h = self._hosts[key] = _Host()
            return h

    def _wait_turn(self, host: _Host) -> None:
        """Called with host.lock held: sleep until ``delay`` has passed since the last request."""
        delay = max(self.config.delay, min(host.crawl_delay, self.config.max_crawl_delay))
        if host.last is not None:
            wait = host.last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    @property
    def robots_agent(self) -> str:
        """The product token matched against robots.txt ``User-agent`` lines."""
        return self.config.user_agent.split("/")[0].split()[0]

    def _request(self, url: str, host: _Host, accept: str) -> tuple[int, Any, bytes | None, str | None]:
        """One GET with host.lock held. Returns (status, headers, body, error); error in
        {"timeout", "network", "too_large"}; status 0 on error."""
        self._wait_turn(host)
        req = urllib.request.Request(url, headers={
            "User-Agent": self.config.user_agent,
            "Accept": accept,
            "Accept-Encoding": "identity",
        })
        self.requests += 1
        try:
            try:
                resp = self.opener.open(req, timeout=self.config.timeout)
            except urllib.error.HTTPError as exc:
                resp = exc
            with resp:
                status = resp.status if hasattr(resp, "status") and resp.status else resp.code
                headers = resp.headers
                if status >= 300:
                    body = None
                    try:
                        resp.read(65536)  # drain a little so the connection closes cleanly
                    except Exception:  # noqa: BLE001 - body of an error page is irrelevant
                        pass
                else:
                    body = self._read_limited(resp, headers)
                return status, headers, body, None
        except _TooLarge as exc:
            return 0, None, None, f"too_large:{exc}"
        except (socket.timeout, TimeoutError):
            return 0, None, None, "timeout:no answer within the timeout"
        except urllib.error.URLError as exc:
            r = exc.reason
            if isinstance(r, (socket.timeout, TimeoutError)):
                return 0, None, None, "timeout:no answer within the timeout"
            return 0, None, None, f"network:{r}"
        except (ConnectionError, OSError, ValueError) as exc:  # reset, refused, http.client errors
            return 0, None, None, f"network:{type(exc).__name__}: {exc}"
        except Exception as exc:  # noqa: BLE001 - http.client.HTTPException and friends
            return 0, None, None, f"network:{type(exc).__name__}: {exc}"
        finally:
            host.last = self.clock()

    def _read_limited(self, resp, headers) -> bytes:
        limit = self.config.max_bytes
        length = headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise _TooLarge(f"Content-Length {int(length):,} bytes exceeds the limit of {limit:,}")
        chunks = []
        size = 0
        while True:
            chunk = resp.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise _TooLarge(f"more than {limit:,} bytes (stopped reading)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _get_with_retries(self, url: str, host: _Host, accept: str) -> tuple[int, Any, bytes | None, str | None, int]:
        """GET with retries on 429/5xx/timeout/network errors. Returns (..., attempts)."""
        attempt = 0
        while True:
            attempt += 1
            with host.lock:
                status, headers, body, err = self._request(url, host, accept)
            transient = err is not None and not err.startswith("too_large") or status == 429 or status >= 500
            if not transient or attempt > self.config.retries:
                if status == 429 or status >= 500:
                    err = f"server:HTTP {status} after {attempt} attempt(s)"
                elif err and (err.startswith("timeout") or err.startswith("network")):
                    kind, msg = err.split(":", 1)
                    err = f"{kind}:{msg} (after {attempt} attempt(s))"
                return status, headers, body, err, attempt
            wait = min(self.config.backoff * (2 ** (attempt - 1)), self.config.max_backoff)
            if headers is not None and status in (429, 503):
                ra = _retry_after(headers.get("Retry-After"))
                if ra is not None:
                    if ra > self.config.max_retry_after:
                        return status, headers, body, (
                            f"server:HTTP {status} with Retry-After {ra:.0f}s, longer than the "
                            f"{self.config.max_retry_after:.0f}s allowed"), attempt
                    wait = ra
            log.info("%s: %s; retry %d/%d in %.1fs", url, err or f"HTTP {status}", attempt, self.config.retries, wait)
            if wait > 0:
                self.sleep(wait)

    # -- robots.txt -----------------------------------------------------
    def _ensure_robots(self, url: str, host: _Host) -> None:
        if host.robots_state is not None:
            return
        robots_url = _host_key(url) + "/robots.txt"
        status, headers, body, err, _ = self._get_with_retries(robots_url, host, "text/plain,*/*;q=0.5")
        if err is None and status in _REDIRECT_CODES:
            # RFC 9309: follow up to five redirects for robots.txt
            loc = headers.get("Location") if headers is not None else None
            hops = 0
            while err is None and status in _REDIRECT_CODES and loc and hops < 5:
                hops += 1
                target = urllib.parse.urljoin(robots_url, loc)
                thost = self._host(target)
                status, headers, body, err, _ = self._get_with_retries(target, thost, "text/plain,*/*;q=0.5")
                loc = headers.get("Location") if headers is not None else None
        if err is not None and err.startswith("too_large"):
            host.robots_state, host.robots_reason = "allow_all", "robots.txt too large: ignored"
        elif err is not None or status >= 500 or status == 429:
            host.robots_state = "disallow_all"
            host.robots_reason = f"robots.txt unreachable ({err or f'HTTP {status}'}): RFC 9309 says assume disallow"
        elif status in (401, 403):
            host.robots_state, host.robots_reason = "disallow_all", f"robots.txt answered HTTP {status}"
        elif status >= 400 or status in _REDIRECT_CODES:
            host.robots_state, host.robots_reason = "allow_all", f"no robots.txt (HTTP {status})"
        else:
            rp = urllib.robotparser.RobotFileParser(robots_url)
            rp.parse((body or b"").decode("utf-8", "replace").splitlines())
            host.robots = rp
            host.robots_state = "rules"
            cd = rp.crawl_delay(self.robots_agent)
            if cd:
                try:
                    host.crawl_delay = float(cd)
                except (TypeError, ValueError):
                    pass
                if host.crawl_delay > self.config.max_crawl_delay:
                    log.warning("%s asks for Crawl-delay %ss; using the maximum of %ss", robots_url,
                                cd, self.config.max_crawl_delay)

    def allowed(self, url: str) -> tuple[bool, str]:
        """Whether robots.txt lets framelens fetch ``url`` (reads robots.txt on first use of a host)."""
        host = self._host(url)
        self._ensure_robots(url, host)
        if host.robots_state == "disallow_all":
            return False, host.robots_reason
        if host.robots_state == "allow_all" or host.robots is None:
            return True, host.robots_reason
        if host.robots.can_fetch(self.robots_agent, url):
            return True, "allowed by robots.txt"
        return False, f"disallowed by {_host_key(url)}/robots.txt for {self.robots_agent!r}"

    # -- cache ----------------------------------------------------------
    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        k = _cache_key(url)
        d = self.cache_dir / k[:2]
        return d / f"{k}.json", d / f"{k}.html.gz"

    def cached(self, url: str) -> PageResult | None:
        """The cached result for ``url`` (successful page or permanent failure), or None."""
        paths = self._cache_paths(_clean_url(url))
        if paths is None or not paths[0].is_file():
            return None
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            body = None
            if meta.get("has_body"):
                with gzip.open(paths[1], "rb") as fh:
                    body = fh.read()
                if hashlib.sha256(body).hexdigest() != meta.get("sha256"):
                    log.warning("cache entry for %s is corrupt (hash mismatch); ignoring it", url)
                    return None
        except (OSError, ValueError, EOFError) as exc:
            log.warning("cache entry for %s unreadable (%s); ignoring it", url, exc)
            return None
        if meta.get("cache_version") != _CACHE_VERSION:
            return None
        return PageResult(url=meta["url"], final_url=meta.get("final_url"), status=meta.get("status"),
                          redirects=meta.get("redirects") or [], content_type=meta.get("content_type"), body=body,
                          error=meta.get("error"), reason=meta.get("reason"), from_cache=True,
                          fetched_at=meta.get("fetched_at"), attempts=0)

    def _store(self, page: PageResult) -> None:
        paths = self._cache_paths(page.url)
        if paths is None:
            return
        meta_path, body_path = paths
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "cache_version": _CACHE_VERSION, "url": page.url, "final_url": page.final_url, "status": page.status,
            "redirects": page.redirects, "content_type": page.content_type, "fetched_at": page.fetched_at,
            "error": page.error, "reason": page.reason, "has_body": page.body is not None,
            "bytes": None if page.body is None else len(page.body),
            "sha256": None if page.body is None else hashlib.sha256(page.body).hexdigest(),
            "user_agent": self.config.user_agent,
        }
        if page.body is not None:
            _atomic_write_bytes(body_path, gzip.compress(page.body, mtime=0))
        _atomic_write_bytes(meta_path, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

    # -- the public call -------------------------------------------------
    def fetch(self, url: str) -> PageResult:
        """Fetch one page: from the cache if there, else from the network (unless offline)."""
        url = _clean_url(url)
        page = PageResult(url=url)
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            page.error, page.reason = "bad_url", f"not an http(s) URL: {url!r}"
            return page
        hit = self.cached(url)
        if hit is not None:
            return hit
        if self.config.offline:
            page.error, page.reason = "offline", "offline run and the page is not in the cache"
            return page
        page = self._fetch_network(url)
        if page.error is None or page.error in PERMANENT_ERRORS - {"robots"}:
            self._store(page)
        return page

    def _fetch_network(self, url: str) -> PageResult:
        page = PageResult(url=url)
        current = url
        seen = {url}
        accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
        while True:
            ok, why = self.allowed(current)
            if not ok:
                page.error, page.reason = "robots", why if current == url else f"redirect target {current}: {why}"
                return page
            host = self._host(current)
            status, headers, body, err, attempts = self._get_with_retries(current, host, accept)
            page.attempts += attempts
            page.status = status or None
            page.fetched_at = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
            if err is not None:
                code, msg = err.split(":", 1)
                page.error, page.reason = code, msg.strip()
                if code == "too_large":
                    page.reason = f"too large: {msg.strip()}"
                return page
            if status in _REDIRECT_CODES:
                loc = headers.get("Location") if headers is not None else None
                if not loc:
                    page.error, page.reason = "http", f"HTTP {status} redirect without a Location header"
                    return page
                target = _clean_url(urllib.parse.urljoin(current, loc))
                page.redirects.append({"url": current, "status": status, "location": target})
                if urllib.parse.urlsplit(target).scheme not in ("http", "https"):
                    page.error, page.reason = "redirects", f"redirect to a non-HTTP URL {target!r}"
                    return page
                if target in seen:
                    page.error, page.reason = "redirects", f"redirect loop back to {target}"
                    return page
                if len(page.redirects) > self.config.max_redirects:
                    page.error, page.reason = "redirects", f"more than {self.config.max_redirects} redirects"
                    return page
                seen.add(target)
                current = target
                continue
            page.final_url = current
            if status >= 400:
                page.error, page.reason = "http", f"HTTP {status}"
                return page
            ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
            page.content_type = headers.get("Content-Type")
            if ctype and ctype not in _HTML_TYPES:
                page.error, page.reason = "not_html", f"content type {ctype}, not HTML"
                return page
            if not ctype and not _looks_like_html(body or b""):
                page.error, page.reason = "not_html", "no content type and the body does not look like HTML"
                return page
            page.body = body or b""
            return page


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or b"<html" in head


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    from ..io.atomic import atomic_write_bytes

    atomic_write_bytes(path, data)


# ---------------------------------------------------------------------------
# text extraction


def _charset(content_type: str | None, body: bytes) -> str | None:
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
        raise ConfigError("fetching needs trafilatura: pip install 'framelens[html]'") from None
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


# ---------------------------------------------------------------------------
# a whole list


@dataclass
class FetchRecord:
    """What happened to one input URL: ``status`` is ``"ok"`` or ``"failed"``."""

    url: str
    status: str
    origin: str = ""
    doc_id: str | None = None
    error: str | None = None
    reason: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    from_cache: bool = False
    document: dict[str, Any] | None = None

    def log_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("document")
        return d


@dataclass
class FetchSummary:
    """Counts of a :func:`fetch_corpus` run, and every failure with its reason."""

    total: int = 0
    ok: int = 0
    from_cache: int = 0
    skipped_resume: int = 0
    failed: list[FetchRecord] = field(default_factory=list)
    requests: int = 0
    out: str | None = None
    log: str | None = None

    @property
    def failures_by_code(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.failed:
            out[r.error or "?"] = out.get(r.error or "?", 0) + 1
        return out


def _slug_id(url: str) -> str:
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


def _record_for(item: UrlItem, page: PageResult) -> FetchRecord:
    rec = FetchRecord(url=item.url, status="failed", origin=item.origin, error=page.error, reason=page.reason,
                      http_status=page.status, final_url=page.final_url, redirects=page.redirects,
                      from_cache=page.from_cache)
    if not page.ok:
        return rec
    art = extract_article(page.body or b"", url=page.final_url or page.url, content_type=page.content_type)
    if art is None:
        rec.error, rec.reason = "no_text", "no article text found in the page"
        return rec
    meta = dict(item.meta)
    host = urllib.parse.urlsplit(page.final_url or page.url).netloc.lower()
    host = host[4:] if host.startswith("www.") else host
    doc: dict[str, Any] = {
        "id": str(meta.pop("id")) if meta.get("id") else _slug_id(item.url),
        "text": art["text"],
        "outlet": meta.pop("outlet", None) or art["sitename"] or host,
        "date": meta.pop("date", None) or normalize_date(art["date"]) or art["date"],
        "title": meta.pop("title", None) or art["title"],
        "url": item.url,
        "event": meta.pop("event", None),
        "author": meta.pop("author", None) or art["author"],
        "canonical_url": art["canonical_url"],
        "final_url": page.final_url,
        "redirects": [r["url"] for r in page.redirects] or None,
        "fetched_at": page.fetched_at,
    }
    if art.get("description"):
        doc["description"] = art["description"]
    for k, v in meta.items():
        doc.setdefault(k, v)
    rec.status, rec.error, rec.reason = "ok", None, None
    rec.document = {k: v for k, v in doc.items() if v is not None}
    rec.doc_id = doc["id"]
    return rec


def iter_fetch(items: Iterable[UrlItem], fetcher: Fetcher | None = None,
               config: FetchConfig | None = None) -> Iterator[FetchRecord]:
    """Fetch and extract each item, yielding a :class:`FetchRecord` per item in input order.

    Document ids are not yet made unique here (see :func:`fetch_corpus`).
    """
    fetcher = fetcher or Fetcher(config)
    items = list(items)

    def one(item: UrlItem) -> FetchRecord:
        try:
            page = fetcher.fetch(item.url)
            return _record_for(item, page)
        except Exception as exc:  # noqa: BLE001 - one URL never stops a run
            log.exception("unexpected error on %s", item.url)
            return FetchRecord(url=item.url, status="failed", origin=item.origin, error="network",
                               reason=f"unexpected {type(exc).__name__}: {exc}")

    if fetcher.config.workers <= 1 or len(items) <= 1:
        for item in items:
            yield one(item)
        return
    from concurrent.futures import ThreadPoolExecutor

    # Per-host locks keep one request per host at a time; threads only overlap across hosts.
    with ThreadPoolExecutor(max_workers=fetcher.config.workers) as pool:
        yield from pool.map(one, items)


def _read_done(out: Path, log_path: Path) -> tuple[set[str], set[str]]:
    """URLs already settled by an earlier run (ok or permanent failure) and the doc ids written."""
    done: set[str] = set()
    ids: set[str] = set()
    good_bytes = 0
    if out.is_file():
        with open(out, "rb") as fh:
            data = fh.read()
        pos = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # a line cut off by an interruption: dropped below
            try:
                obj = json.loads(line)
            except ValueError:
                break
            pos += len(line)
            if isinstance(obj, dict):
                if obj.get("url"):
                    done.add(obj["url"])
                if obj.get("id"):
                    ids.add(str(obj["id"]))
        good_bytes = pos
        if good_bytes < len(data):
            log.warning("%s: dropping an incomplete last line left by an interrupted run", out)
            with open(out, "r+b") as fh:
                fh.truncate(good_bytes)
    if log_path.is_file():
        with open(log_path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if obj.get("status") == "ok" and obj.get("url") in done:
                    continue
                if obj.get("status") == "failed" and obj.get("error") in PERMANENT_ERRORS:
                    done.add(obj["url"])
    return done, ids


def default_log_path(out: str | os.PathLike) -> Path:
    """``corpus.jsonl`` -> ``corpus.fetch-log.jsonl`` (one line per input URL)."""
    out = Path(out)
    name = out.name
    for ext in (".jsonl", ".ndjson", ".json"):
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    return out.with_name(name + ".fetch-log.jsonl")


def fetch_corpus(items: Iterable[UrlItem] | str | os.PathLike, out: str | os.PathLike, *,
                 config: FetchConfig | None = None, resume: bool = False, log_path: str | os.PathLike | None = None,
                 fetcher: Fetcher | None = None,
                 on_record: Callable[[FetchRecord], None] | None = None) -> FetchSummary:
    """Fetch every URL and write the articles to ``out`` (JSONL, one document a line).

    ``items`` is a list of :class:`UrlItem` or a path for :func:`read_url_list`.
    A log line per URL (``ok`` or ``failed`` with ``error`` and ``reason``) goes to
    ``log_path`` (default: ``<out>.fetch-log.jsonl``). Lines are written and
    flushed as they come, so an interrupted run keeps its work; ``resume=True``
    appends to ``out`` and skips URLs already written or permanently failed
    (transient failures are tried again). Without ``resume`` both files are
    started afresh. ``on_record`` is called with each record (progress display).
    """
    if isinstance(items, (str, os.PathLike)):
        items = read_url_list(items)
    items = list(items)
    out = Path(out)
    log_path = Path(log_path) if log_path is not None else default_log_path(out)
    fetcher = fetcher or Fetcher(config)
    summary = FetchSummary(total=len(items), out=str(out), log=str(log_path))
    done: set[str] = set()
    ids: set[str] = set()
    if resume:
        done, ids = _read_done(out, log_path)
    todo = []
    for it in items:
        if it.url in done:
            summary.skipped_resume += 1
        else:
            todo.append(it)
    out.parent.mkdir(parents=True, exist_ok=True)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if resume else "w"
    with open(out, mode, encoding="utf-8", newline="\n") as fout, \
            open(log_path, mode, encoding="utf-8", newline="\n") as flog:
        for rec in iter_fetch(todo, fetcher):
            if rec.status == "ok" and rec.document is not None:
                base = rec.document["id"]
                new_id, n = base, 1
                while new_id in ids:
                    n += 1
                    new_id = f"{base}~{n}"
                ids.add(new_id)
                rec.document["id"] = rec.doc_id = new_id
                fout.write(json.dumps(rec.document, ensure_ascii=False) + "\n")
                fout.flush()
                summary.ok += 1
                summary.from_cache += int(rec.from_cache)
            else:
                summary.failed.append(rec)
                log.info("failed %s: %s (%s)", rec.url, rec.reason, rec.error)
            flog.write(json.dumps(rec.log_dict(), ensure_ascii=False) + "\n")
            flog.flush()
            if on_record is not None:
                on_record(rec)
    summary.requests = fetcher.requests
    return summary
