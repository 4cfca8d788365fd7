"""Politeness that cannot be bypassed (issue 20, part 5): every spelling of one server shares one queue,
``--timeout`` bounds the whole request, a URL given twice is fetched once, credentials are never written.

Local servers on 127.0.0.1 only; timeouts are a fraction of a second.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from framelens.cli import main
from framelens.fetch import FetchConfig, Fetcher, UrlItem, fetch_corpus
from framelens.fetch.urls import host_key, normal_host, normalize_url

from .conftest import FERRY


@pytest.mark.parametrize("host,normal", [
    ("127.0.0.1", "127.0.0.1"),
    ("127.1", "127.0.0.1"),            # a.b: the last part fills three bytes
    ("2130706433", "127.0.0.1"),       # one 32-bit number
    ("0x7f.0.0.1", "127.0.0.1"),       # hexadecimal part
    ("0177.0.0.1", "127.0.0.1"),       # octal part
    ("News.Example.", "news.example"),  # case and the trailing dot of a fully qualified name
    ("bücher.example", "xn--bcher-kva.example"),  # IDNA
    ("::FFFF:7F00:1", "127.0.0.1"),    # IPv4-mapped IPv6
    ("[::1]".strip("[]"), "::1"),
    ("", ""),
])
def test_normal_host(host, normal):
    assert normal_host(host) == normal


@pytest.mark.parametrize("url,key", [
    ("https://news.example:443/a", "https://news.example"),       # the default port is no other host
    ("http://news.example:80/a", "http://news.example"),
    ("http://news.example:8080/a", "http://news.example:8080"),
    ("https://user:secret@News.Example/a", "https://news.example"),  # no userinfo
    ("http://[::1]:8000/a", "http://[::1]:8000"),
])
def test_host_key_has_one_spelling_per_host(url, key):
    assert host_key(url) == key


def test_normalize_url_finds_the_same_url():
    same = ["https://News.Example/a?b=1", "https://news.example:443/a?b=1#top", "https://u:p@news.example/a?b=1"]
    assert {normalize_url(u) for u in same} == {"https://news.example/a?b=1"}
    assert normalize_url("https://news.example") == normalize_url("https://news.example/")
    # path case and query are the server's business: kept
    assert normalize_url("https://news.example/A?b=1") != normalize_url("https://news.example/a?b=1")
    assert normalize_url("https://news.example/a?b=2") != normalize_url("https://news.example/a?b=1")


class CountingServer:
    """Counts connections open at the same time; each answer takes ``hold`` seconds."""

    def __init__(self, hold: float = 0.05, drip: float | None = None, drip_headers: bool = False):
        self.active = 0
        self.max_active = 0
        self.requests = 0
        self.paths: list[str] = []
        lock = threading.Lock()
        srv = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with lock:
                    srv.active += 1
                    srv.requests += 1
                    srv.max_active = max(srv.max_active, srv.active)

            def done(self):
                """This connection stops counting as open: called just before the last bytes are written (the
                client cannot start its next request before it has them; counting until finish() would race with
                the client's next connection and report an overlap that did not happen)."""
                with lock:
                    if not getattr(self, "_done", False):
                        self._done = True
                        srv.active -= 1

            def finish(self):
                self.done()
                super().finish()

            def do_GET(self):
                srv.paths.append(self.path)
                try:
                    if drip is not None and drip_headers:  # the status line itself, one byte at a time
                        for b in b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + FERRY:
                            self.wfile.write(bytes([b]))
                            self.wfile.flush()
                            time.sleep(drip)
                        return
                    if self.path == "/robots.txt":
                        body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
                    else:
                        body, ctype = FERRY, "text/html"
                    time.sleep(hold)
                    self.send_response(200)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if drip is None:
                        self.done()
                        self.wfile.write(body)
                        return
                    for i in range(len(body)):  # a body at one byte per `drip` seconds
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def counting():
    made: list[CountingServer] = []

    def make(**kw) -> CountingServer:
        made.append(CountingServer(**kw))
        return made[-1]

    yield make
    for s in made:
        s.close()


def _fetcher(tmp_path, **kw) -> Fetcher:
    cfg = dict(timeout=2.0, retries=0, backoff=0.01, delay=0.0, cache_dir=None, workers=8)
    cfg.update(kw)
    return Fetcher(FetchConfig(**cfg))


def test_aliases_of_one_server_never_get_two_connections_at_once(counting, tmp_path):
    srv = counting(hold=0.05)
    p = srv.port
    aliases = ["127.0.0.1", "localhost", "127.1", "2130706433", "0x7f.0.0.1", "LocalHost", "0177.0.0.1"]
    urls = [f"http://{h}:{p}/story-{i}.html" for i, h in enumerate(aliases)]
    f = _fetcher(tmp_path)
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        pages = list(pool.map(f.fetch, urls))
    assert all(pg.ok for pg in pages), [(pg.url, pg.reason) for pg in pages]
    # 7 pages and robots.txt once per host name spelling that differs after normalisation
    # (127.0.0.1 / 127.1 / 2130706433 / 0x7f.0.0.1 / 0177.0.0.1 are one; localhost / LocalHost another)
    assert srv.requests == 7 + 2
    assert srv.max_active == 1


def test_the_delay_holds_across_aliases(counting, tmp_path):
    srv = counting(hold=0.0)
    p = srv.port
    f = _fetcher(tmp_path, delay=0.3)
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(f.fetch, [f"http://127.0.0.1:{p}/a.html", f"http://localhost:{p}/b.html",
                                f"http://127.1:{p}/c.html"]))
    # 5 requests (2 robots.txt, 3 pages) one after the other with 0.3 s between: at least 4 gaps
    assert srv.requests == 5 and time.monotonic() - t0 >= 4 * 0.3 - 0.05


def test_a_slow_drip_body_is_cut_at_the_timeout(counting, tmp_path):
    srv = counting(hold=0.0, drip=0.02)  # the 1.5 KB page would take about 30 s
    f = _fetcher(tmp_path, timeout=0.5, workers=1)
    f.host(f"http://127.0.0.1:{srv.port}/").robots = _allow_all()
    t0 = time.monotonic()
    page = f.fetch(f"http://127.0.0.1:{srv.port}/drip.html")
    took = time.monotonic() - t0
    assert page.error == "timeout" and page.body is None
    assert "within the timeout of 0.5s" in page.reason
    assert took < 2.0


def test_slow_drip_headers_are_cut_at_the_timeout(counting, tmp_path):
    srv = counting(drip=0.05, drip_headers=True)
    f = _fetcher(tmp_path, timeout=0.4, workers=1)
    f.host(f"http://127.0.0.1:{srv.port}/").robots = _allow_all()
    t0 = time.monotonic()
    page = f.fetch(f"http://127.0.0.1:{srv.port}/drip.html")
    assert page.error == "timeout"
    assert time.monotonic() - t0 < 2.0


def _allow_all():
    from framelens.fetch.robots import RobotsPolicy

    return RobotsPolicy("allow_all", "test")


def test_duplicate_lines_make_one_request(counting, tmp_path):
    pytest.importorskip("trafilatura", reason="article extraction needs the html extra")
    srv = counting(hold=0.0)
    p = srv.port
    same = [f"http://127.0.0.1:{p}/a.html", f"http://127.0.0.1:{p}/a.html", f"HTTP://127.0.0.1:{p}/a.html#x",
            f"http://127.1:{p}/a.html"]
    items = [UrlItem(u, origin=f"urls.txt:{i}") for i, u in enumerate(same, 1)]
    out = tmp_path / "c.jsonl"
    s = fetch_corpus(items, out, fetcher=_fetcher(tmp_path, workers=2))
    assert srv.paths.count("/a.html") == 1
    assert s.ok == 1 and len(s.duplicates) == 3
    assert [r.duplicate_of for r in s.duplicates] == ["urls.txt:1"] * 3
    log = [json.loads(x) for x in (tmp_path / "c.fetch-log.jsonl").read_text().splitlines()]
    assert sorted(r["status"] for r in log) == ["duplicate", "duplicate", "duplicate", "ok"]
    assert len(out.read_text().splitlines()) == 1


def test_credentials_never_reach_the_corpus_log_or_stderr(counting, tmp_path, capsys):
    pytest.importorskip("trafilatura", reason="article extraction needs the html extra")
    srv = counting(hold=0.0)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://alice:s3cret-pw@127.0.0.1:{srv.port}/a.html\n"
                    f"http://bob:hunter2@127.0.0.1:1/none.html\n", encoding="utf-8")
    out = tmp_path / "c.jsonl"
    rc = main(["fetch", str(urls), "--out", str(out), "--no-cache", "--delay", "0", "--retries", "0",
               "--timeout", "1"])
    err = capsys.readouterr().err
    written = out.read_text() + (tmp_path / "c.fetch-log.jsonl").read_text()
    assert rc in (0, 3, 4)
    for secret in ("s3cret-pw", "hunter2", "alice", "bob"):
        assert secret not in err and secret not in written
    assert "***@127.0.0.1" in written
