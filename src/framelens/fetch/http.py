"""HTTP transport: one polite GET, with a size limit, a timeout, retries and per-host pacing.

:class:`HttpClient` is the network half of :class:`~framelens.fetch.Fetcher`:

- at most one request to a server at a time, and at least ``delay`` seconds
  between two requests to it (longer if robots.txt asks for a ``Crawl-delay``,
  up to ``max_crawl_delay``). Pacing is shared by every spelling of a server:
  the :class:`Pace` of a :class:`HostState` is keyed on the address its name
  resolves to (:func:`~framelens.fetch.urls.resolve_host`), so ``localhost``,
  ``127.0.0.1``, ``127.1``, ``user@host`` and ``host:443`` wait in one queue;
- ``timeout`` bounds the whole request (connection, headers and body: a
  :class:`~framelens.fetch.deadline.Deadline`), not each socket read, so a
  server that drips one byte a second is cut at ``timeout``; retries with exponential backoff on 429, 5xx,
  timeouts and connection errors, honouring ``Retry-After`` (seconds or an
  HTTP date) up to ``max_retry_after``;
- bodies larger than ``max_bytes`` are refused, by ``Content-Length`` or while
  reading; pages are asked for with ``Accept-Encoding: identity``, so no
  compressed body is ever inflated (no gzip bomb can grow past the limit);
- redirects are not followed here (:class:`NoRedirect`): the caller follows
  them by hand, so every hop is checked against robots.txt and paced.

A failed request gives a :class:`Failure` (a code of
:data:`~framelens.fetch.ERROR_CODES` and a readable message), never an exception.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

from ..io.safetext import redact_url
from .config import FetchConfig
from .deadline import Deadline, deadline_opener
from .urls import host_key, resolve_host

__all__ = ["REDIRECT_CODES", "Failure", "HostState", "HttpClient", "NoRedirect", "Pace", "Response", "retry_after"]

log = logging.getLogger("framelens")

#: Statuses that carry a ``Location`` to follow.
REDIRECT_CODES = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Failure:
    """Why a request gave no usable answer: ``code`` is ``timeout``, ``network``, ``too_large`` or ``server``."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}:{self.message}"


class Response(NamedTuple):
    """The outcome of :meth:`HttpClient.get`: ``status`` is 0 when ``failure`` is set."""

    status: int
    headers: Any
    body: bytes | None
    failure: Failure | None
    attempts: int


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Makes urllib hand back 3xx answers instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib API
        return None  # urllib then raises HTTPError with the 3xx code; Fetcher follows it by hand


class TooLarge(Exception):
    """A body over ``max_bytes`` (its message says how it was found out)."""


class Pace:
    """The pacing of one server (one resolved address): a lock (one request at a time), the time of the last
    request and the longest Crawl-delay any of its host names asked for."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last: float | None = None
        self.crawl_delay: float = 0.0


class HostState:
    """Per-host state: the robots.txt policy of one ``scheme://host[:port]`` and the :class:`Pace` of the
    server it resolves to (shared with the other names of that server)."""

    def __init__(self, pace: Pace | None = None) -> None:
        self.pace = pace or Pace()
        self.robots = None  # a robots.RobotsPolicy once robots.txt has been read
        self.robots_lock = threading.Lock()

    @property
    def lock(self) -> threading.Lock:
        """The server's lock: held for the whole of each request."""
        return self.pace.lock

    @property
    def last(self) -> float | None:
        """When the server's last request ended (the client's clock)."""
        return self.pace.last

    @last.setter
    def last(self, value: float | None) -> None:
        self.pace.last = value

    @property
    def crawl_delay(self) -> float:
        """The longest Crawl-delay of the server's host names."""
        return self.pace.crawl_delay

    @crawl_delay.setter
    def crawl_delay(self, value: float) -> None:
        self.pace.crawl_delay = max(self.pace.crawl_delay, float(value or 0.0))


def retry_after(value: str | None, now: float | None = None) -> float | None:
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


class HttpClient:
    """Paced GETs with retries (see the module docstring).

    ``sleep`` and ``clock`` can be replaced (tests pass a recorder and fake
    time); ``opener`` is a :class:`urllib.request.OpenerDirector` (by default
    one that does not follow redirects by itself and ignores proxies only if
    the environment says so). ``resolve(url)`` names the server of a URL for
    pacing (default :func:`~framelens.fetch.urls.resolve_host`).
    """

    def __init__(self, config: FetchConfig | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, opener: urllib.request.OpenerDirector | None = None,
                 resolve: Callable[[str], str] = resolve_host):
        self.config = config or FetchConfig()
        self.sleep = sleep
        self.clock = clock
        self.opener = opener or deadline_opener(NoRedirect())
        self.resolve = resolve
        self._hosts: dict[str, HostState] = {}
        self._paces: dict[str, Pace] = {}
        self._hosts_lock = threading.Lock()
        self.requests = 0  # network requests made (robots.txt included)

    def host(self, url: str) -> HostState:
        """The state of ``url``'s host (made on first use; its server's :class:`Pace` looked up once)."""
        key = host_key(url)
        with self._hosts_lock:
            h = self._hosts.get(key)
            if h is not None:
                return h
        server = self.resolve(url)  # DNS outside the lock; the same answer for the same key
        with self._hosts_lock:
            h = self._hosts.get(key)
            if h is None:
                pace = self._paces.setdefault(server, Pace())
                h = self._hosts[key] = HostState(pace)
            return h

    def _wait_turn(self, host: HostState) -> None:
        """Called with host.lock held: sleep until ``delay`` has passed since the last request."""
        delay = max(self.config.delay, min(host.crawl_delay, self.config.max_crawl_delay))
        if host.last is not None:
            wait = host.last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _request(self, url: str, host: HostState, accept: str) -> tuple[int, Any, bytes | None, Failure | None]:
        """One GET with host.lock held. Returns (status, headers, body, failure); failure code in
        {"timeout", "network", "too_large"}; status 0 on failure."""
        self._wait_turn(host)
        req = urllib.request.Request(url, headers={
            "User-Agent": self.config.user_agent,
            "Accept": accept,
            "Accept-Encoding": "identity",
        })
        self.requests += 1
        late = Failure("timeout", f"no complete answer within the timeout of {self.config.timeout:g}s")
        deadline = Deadline(self.config.timeout)
        try:
            with deadline:
                try:
                    resp = self.opener.open(req, timeout=deadline.remaining())
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
                        body = self._read_limited(resp, headers, deadline)
                if deadline.expired:  # the sockets were shut at the deadline: what was read is cut short
                    return 0, None, None, late
                return status, headers, body, None
        except TooLarge as exc:
            return 0, None, None, Failure("too_large", str(exc))
        except (socket.timeout, TimeoutError):
            return 0, None, None, late
        except urllib.error.URLError as exc:
            r = exc.reason
            if deadline.expired or isinstance(r, (socket.timeout, TimeoutError)):
                return 0, None, None, late
            return 0, None, None, Failure("network", str(r))
        except Exception as exc:  # noqa: BLE001 - reset, refused, http.client errors and friends
            if deadline.expired:
                return 0, None, None, late
            return 0, None, None, Failure("network", f"{type(exc).__name__}: {exc}")
        finally:
            host.last = self.clock()

    def _read_limited(self, resp, headers, deadline: Deadline | None = None) -> bytes:
        """The body, refused (:class:`TooLarge`) by its Content-Length or as soon as it passes ``max_bytes``."""
        limit = self.config.max_bytes
        length = headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            raise TooLarge(f"Content-Length {int(length):,} bytes exceeds the limit of {limit:,}")
        chunks = []
        size = 0
        read = getattr(resp, "read1", None) or resp.read  # read1: what has arrived, without waiting for 64 KB
        while True:
            if deadline is not None and deadline.expired:
                raise TimeoutError("the request took longer than the timeout")
            chunk = read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"more than {limit:,} bytes (stopped reading)")
            chunks.append(chunk)
        return b"".join(chunks)

    def get(self, url: str, host: HostState, accept: str) -> Response:
        """GET with retries on 429/5xx/timeout/network errors (one attempt at a time per host)."""
        attempt = 0
        while True:
            attempt += 1
            with host.lock:
                status, headers, body, failure = self._request(url, host, accept)
            transient = failure is not None and failure.code != "too_large" or status == 429 or status >= 500
            if not transient or attempt > self.config.retries:
                if status == 429 or status >= 500:
                    failure = Failure("server", f"HTTP {status} after {attempt} attempt(s)")
                elif failure is not None and failure.code in ("timeout", "network"):
                    failure = Failure(failure.code, f"{failure.message} (after {attempt} attempt(s))")
                return Response(status, headers, body, failure, attempt)
            wait = min(self.config.backoff * (2 ** (attempt - 1)), self.config.max_backoff)
            if headers is not None and status in (429, 503):
                ra = retry_after(headers.get("Retry-After"))
                if ra is not None:
                    if ra > self.config.max_retry_after:
                        return Response(status, headers, body, Failure(
                            "server", f"HTTP {status} with Retry-After {ra:.0f}s, longer than the "
                                      f"{self.config.max_retry_after:.0f}s allowed"), attempt)
                    wait = ra
            log.info("%s: %s; retry %d/%d in %.1fs", redact_url(url), str(failure) if failure else f"HTTP {status}",
                     attempt, self.config.retries, wait)
            if wait > 0:
                self.sleep(wait)
