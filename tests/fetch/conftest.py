"""Shared fixtures of the fetch tests: a tiny web site on 127.0.0.1, a fake sleep, a quick Fetcher.

The pages served are the fictional fixtures in tests/data/fetch/ (see its README).
No test touches the internet. Timeouts, backoffs and delays are tiny or faked.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from framelens.fetch import FetchConfig, Fetcher, UrlItem

DATA = Path(__file__).parents[1] / "data" / "fetch"
FERRY = (DATA / "ferry.html").read_bytes()
LIBRARY = (DATA / "library.html").read_bytes()
NAVONLY = (DATA / "navonly.html").read_bytes()
PDF = (DATA / "report.pdf").read_bytes()
ROBOTS = (DATA / "robots.txt").read_bytes()


class Site:
    """A tiny web site in a thread: records every request; some routes change behaviour per hit."""

    def __init__(self, robots: bytes | None = ROBOTS, slow: float = 1.0):
        self.robots = robots
        self.slow = slow
        self.hits: list[tuple[str, str]] = []  # (path, user agent)
        self.counts: dict[str, int] = {}
        self.fixed = False  # /unstable answers 503 until fixed
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):  # keep pytest output clean
                pass

            def send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=(), length=True):
                self.send_response(code)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in headers:
                    self.send_header(k, v)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):  # noqa: C901 - one route table
                path = self.path
                site.hits.append((path, self.headers.get("User-Agent", "")))
                n = site.counts[path] = site.counts.get(path, 0) + 1
                if path == "/robots.txt":
                    if site.robots is None:
                        return self.send(404, b"no robots here")
                    if site.robots == b"500":
                        return self.send(500, b"oops")
                    return self.send(200, site.robots, "text/plain")
                routes = {
                    "/articles/ferry.html": lambda: self.send(200, FERRY),
                    "/articles/library.html": lambda: self.send(200, LIBRARY, "text/html"),
                    "/private/secret.html": lambda: self.send(200, FERRY),
                    "/navonly.html": lambda: self.send(200, NAVONLY),
                    "/report.pdf": lambda: self.send(200, PDF, "application/pdf"),
                    "/missing.html": lambda: self.send(404, b"<html><body>not found</body></html>"),
                    "/huge.html": lambda: self.send(200, b"<html><body>" + b"x" * 300_000 + b"</body></html>"),
                    "/huge-stream.html": lambda: self.send(200, b"<html><body>" + b"y" * 300_000 + b"</body></html>",
                                                           length=False),
                    "/r1": lambda: self.send(301, b"", headers=[("Location", "/r2")]),
                    "/r2": lambda: self.send(302, b"", headers=[("Location", "/articles/ferry.html#top")]),
                    "/loop": lambda: self.send(302, b"", headers=[("Location", "/loop")]),
                    "/to-private": lambda: self.send(302, b"", headers=[("Location", "/private/secret.html")]),
                    "/always503": lambda: self.send(503, b"busy"),
                }
                if path in routes:
                    return routes[path]()
                if path == "/flaky.html":  # 500 the first time, then the article
                    return self.send(500, b"error") if n == 1 else self.send(200, FERRY)
                if path == "/throttled.html":  # 429 with Retry-After: 7, then the article
                    return self.send(429, b"slow down", headers=[("Retry-After", "7")]) if n == 1 else \
                        self.send(200, FERRY)
                if path == "/throttled-long.html":
                    return self.send(429, b"go away", headers=[("Retry-After", "86400")])
                if path == "/unstable.html":
                    return self.send(200, LIBRARY, "text/html") if site.fixed else self.send(503, b"busy")
                if path == "/slow.html":
                    time.sleep(site.slow)
                    return self.send(200, FERRY)
                return self.send(404, b"<html><body>not found</body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.hits]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Sleeps:
    """A fake sleep that records what the fetcher asked for, without waiting."""

    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def site():
    """The fixture site with its default robots.txt (``/private/`` disallowed)."""
    s = Site()
    yield s
    s.close()


@pytest.fixture
def make_site():
    """``make_site(robots=...)``: a site with another robots.txt (``None``: 404; ``b"500"``: HTTP 500)."""
    made: list[Site] = []

    def make(**kw) -> Site:
        made.append(Site(**kw))
        return made[-1]

    yield make
    for s in made:
        s.close()


@pytest.fixture
def sleeps():
    """A fresh :class:`Sleeps` recorder."""
    return Sleeps()


@pytest.fixture
def make_fetcher(tmp_path):
    """``make_fetcher(sleeps=None, **config)``: a Fetcher with tiny timeouts and backoffs, cache in tmp_path/cache."""

    def make(sleeps=None, **kw) -> Fetcher:
        cfg = dict(timeout=2.0, retries=2, backoff=0.01, max_backoff=0.05, delay=0.0,
                   cache_dir=tmp_path / "cache", max_bytes=200_000)
        cfg.update(kw)
        return Fetcher(FetchConfig(**cfg), sleep=sleeps if sleeps is not None else Sleeps())

    return make


@pytest.fixture
def all_cases(site):
    """One URL of every kind of outcome on ``site``: 4 articles and 5 different failures."""
    return [UrlItem(site.url(p)) for p in (
        "/articles/ferry.html", "/private/secret.html", "/missing.html", "/flaky.html", "/report.pdf",
        "/huge.html", "/r1", "/navonly.html", "/articles/library.html")]
