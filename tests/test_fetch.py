"""Tests for framelens.fetch and `framelens fetch`, against a local HTTP server on 127.0.0.1.

The pages served are the fictional fixtures in tests/data/fetch/ (see its README).
No test touches the internet. Timeouts, backoffs and delays are tiny or faked.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import __version__
from framelens.cli import main
from framelens.errors import ConfigError, FormatError
from framelens.fetch import (FetchConfig, Fetcher, UrlItem, _retry_after, default_log_path, default_user_agent,
                             fetch_corpus, normalize_date, read_url_list)

DATA = Path(__file__).parent / "data" / "fetch"
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


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


class Sleeps:
    """A fake sleep that records what the fetcher asked for, without waiting."""

    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_fetcher(tmp_path, sleeps=None, **kw) -> Fetcher:
    cfg = dict(timeout=2.0, retries=2, backoff=0.01, max_backoff=0.05, delay=0.0,
               cache_dir=tmp_path / "cache", max_bytes=200_000)
    cfg.update(kw)
    return Fetcher(FetchConfig(**cfg), sleep=sleeps if sleeps is not None else Sleeps())


# ---------------------------------------------------------------------------
# single pages


def test_article_page_text_metadata_and_user_agent(site, tmp_path):
    f = make_fetcher(tmp_path, user_agent="framelens/9.9 (+mailto:someone@uni.example)")
    items = [UrlItem(site.url("/articles/ferry.html"))]
    out = tmp_path / "corpus.jsonl"
    summary = fetch_corpus(items, out, fetcher=f)
    assert summary.ok == 1 and summary.failed == []
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 1
    d = docs[0]
    assert d["id"] == "127.0.0.1/ferry"
    assert d["title"] == "Night ferry to Dunmore Bay returns after two-year pause"
    assert d["date"] == "2025-04-02"
    assert d["author"] == "Ines Marrow"
    assert d["outlet"] == "Port Elling Gazette"
    assert d["url"] == site.url("/articles/ferry.html")
    assert d["final_url"] == site.url("/articles/ferry.html")
    assert d["canonical_url"] == "https://gazette.port-elling.example/news/night-ferry-returns"
    assert d["text"].startswith("Night ferry to Dunmore Bay returns after two-year pause\nThe night ferry between")
    assert "“People asked for it at every meeting we held,” Vell said." in d["text"]
    assert "All rights reserved" not in d["text"] and "Sport" not in d["text"]
    # robots.txt first, then the page; both with our User-Agent
    assert site.hits == [("/robots.txt", "framelens/9.9 (+mailto:someone@uni.example)"),
                         ("/articles/ferry.html", "framelens/9.9 (+mailto:someone@uni.example)")]
    log = [json.loads(x) for x in default_log_path(out).read_text().splitlines()]
    assert log[0]["status"] == "ok" and log[0]["doc_id"] == "127.0.0.1/ferry"


def test_default_user_agent_names_framelens_version_and_contact():
    ua = default_user_agent()
    assert ua.startswith(f"framelens/{__version__} (+")
    assert "example" not in ua.lower()
    assert default_user_agent("mailto:a@b.edu") == f"framelens/{__version__} (+mailto:a@b.edu; news framing research)"
    assert FetchConfig().user_agent == ua


def test_latin1_page_is_decoded_from_its_meta_charset(site, tmp_path):
    f = make_fetcher(tmp_path)
    rec_out = tmp_path / "c.jsonl"
    fetch_corpus([UrlItem(site.url("/articles/library.html"))], rec_out, fetcher=f)
    d = json.loads(rec_out.read_text(encoding="utf-8"))
    assert "Librarian Zoé Marchetti said" in d["text"]
    assert "The café in the reading room" in d["text"]
    assert d["outlet"] == "Dunmore Bay Courier"
    assert d["date"] == "2025-04-05"


def test_robots_disallow_never_requests_the_page(site, tmp_path):
    f = make_fetcher(tmp_path)
    page = f.fetch(site.url("/private/secret.html"))
    assert page.error == "robots"
    assert "robots.txt" in page.reason
    assert site.paths() == ["/robots.txt"]
    # robots.txt is read once per host
    f.fetch(site.url("/private/other.html"))
    assert site.paths() == ["/robots.txt"]


def test_redirect_into_disallowed_path_is_refused(site, tmp_path):
    page = make_fetcher(tmp_path).fetch(site.url("/to-private"))
    assert page.error == "robots"
    assert page.reason.startswith(f"redirect target {site.url('/private/secret.html')}:")
    assert "/private/secret.html" not in site.paths()


def test_missing_robots_txt_allows_everything(tmp_path):
    s = Site(robots=None)
    try:
        page = make_fetcher(tmp_path).fetch(s.url("/private/secret.html"))
        assert page.ok and page.status == 200
    finally:
        s.close()


def test_unreachable_robots_txt_means_disallow(tmp_path):
    s = Site(robots=b"500")
    try:
        f = make_fetcher(tmp_path, retries=1)
        page = f.fetch(s.url("/articles/ferry.html"))
        assert page.error == "robots"
        assert "RFC 9309" in page.reason
        assert s.paths() == ["/robots.txt", "/robots.txt"]  # one retry, then give up
    finally:
        s.close()


def test_crawl_delay_and_per_host_delay(tmp_path):
    s = Site(robots=b"User-agent: framelens\nCrawl-delay: 4\nDisallow: /private/\n")
    try:
        sleeps = Sleeps()
        f = make_fetcher(tmp_path, sleeps, delay=1.0)
        f.fetch(s.url("/articles/ferry.html"))
        f.fetch(s.url("/articles/library.html"))
        # robots.txt -> page 1 -> page 2: two waits, each close to the 4 s crawl delay (> the 1 s delay)
        assert len(sleeps.calls) == 2
        assert all(3.5 < w <= 4.0 for w in sleeps.calls)
        # another host (localhost is a different host name for the same server) does not wait for this one:
        # its robots.txt goes at once, only its page waits for its own crawl delay
        sleeps.calls.clear()
        f.fetch(s.url("/navonly.html", host="localhost"))
        assert len(sleeps.calls) == 1 and 3.5 < sleeps.calls[0] <= 4.0
    finally:
        s.close()


def test_http_404(site, tmp_path):
    page = make_fetcher(tmp_path).fetch(site.url("/missing.html"))
    assert (page.error, page.reason, page.status) == ("http", "HTTP 404", 404)


def test_500_then_200_is_retried_with_backoff(site, tmp_path):
    sleeps = Sleeps()
    page = make_fetcher(tmp_path, sleeps, backoff=0.25, max_backoff=1).fetch(site.url("/flaky.html"))
    assert page.ok and page.attempts == 2
    assert sleeps.calls == [0.25]
    assert site.paths().count("/flaky.html") == 2


def test_429_honours_retry_after(site, tmp_path):
    sleeps = Sleeps()
    page = make_fetcher(tmp_path, sleeps).fetch(site.url("/throttled.html"))
    assert page.ok
    assert sleeps.calls == [7.0]


def test_429_with_too_long_retry_after_gives_up(site, tmp_path):
    sleeps = Sleeps()
    page = make_fetcher(tmp_path, sleeps, max_retry_after=60).fetch(site.url("/throttled-long.html"))
    assert page.error == "server"
    assert "Retry-After 86400s" in page.reason
    assert sleeps.calls == []
    assert site.paths().count("/throttled-long.html") == 1


def test_503_gives_up_after_the_retries_with_exponential_backoff(site, tmp_path):
    sleeps = Sleeps()
    page = make_fetcher(tmp_path, sleeps, retries=3, backoff=1.0, max_backoff=3.0).fetch(site.url("/always503"))
    assert page.error == "server"
    assert page.reason == "HTTP 503 after 4 attempt(s)"
    assert sleeps.calls == [1.0, 2.0, 3.0]
    assert site.paths().count("/always503") == 4


def test_slow_page_times_out(site, tmp_path):
    t0 = time.monotonic()
    page = make_fetcher(tmp_path, timeout=0.2, retries=1).fetch(site.url("/slow.html"))
    assert page.error == "timeout"
    assert page.reason == "no answer within the timeout (after 2 attempt(s))"
    assert time.monotonic() - t0 < 1.5


@pytest.mark.parametrize("path,why", [("/huge.html", "Content-Length 300,026 bytes exceeds the limit of 200,000"),
                                      ("/huge-stream.html", "more than 200,000 bytes (stopped reading)")])
def test_huge_page_is_refused(site, tmp_path, path, why):
    page = make_fetcher(tmp_path).fetch(site.url(path))
    assert page.error == "too_large"
    assert page.reason == f"too large: {why}"


def test_pdf_is_not_html(site, tmp_path):
    page = make_fetcher(tmp_path).fetch(site.url("/report.pdf"))
    assert (page.error, page.reason) == ("not_html", "content type application/pdf, not HTML")


def test_redirect_chain_is_followed_and_recorded(site, tmp_path):
    out = tmp_path / "c.jsonl"
    fetch_corpus([UrlItem(site.url("/r1"))], out, fetcher=make_fetcher(tmp_path))
    d = json.loads(out.read_text())
    assert d["final_url"] == site.url("/articles/ferry.html")
    assert d["redirects"] == [site.url("/r1"), site.url("/r2")]
    log = json.loads(default_log_path(out).read_text())
    assert log["redirects"] == [
        {"url": site.url("/r1"), "status": 301, "location": site.url("/r2")},
        {"url": site.url("/r2"), "status": 302, "location": site.url("/articles/ferry.html")},
    ]


def test_redirect_loop(site, tmp_path):
    page = make_fetcher(tmp_path).fetch(site.url("/loop"))
    assert page.error == "redirects"
    assert page.reason == f"redirect loop back to {site.url('/loop')}"


def test_page_without_article_text(site, tmp_path):
    s = fetch_corpus([UrlItem(site.url("/navonly.html"))], tmp_path / "c.jsonl", fetcher=make_fetcher(tmp_path))
    assert s.ok == 0
    assert [(r.error, r.reason) for r in s.failed] == [("no_text", "no article text found in the page")]


def test_bad_url(tmp_path):
    page = make_fetcher(tmp_path).fetch("ftp://files.example/x.html")
    assert page.error == "bad_url"


def test_bad_config_values():
    with pytest.raises(ConfigError, match="timeout"):
        FetchConfig(timeout=0)
    with pytest.raises(ConfigError, match="retries"):
        FetchConfig(retries=-1)
    with pytest.raises(ConfigError, match="user_agent"):
        FetchConfig(user_agent="two\nlines")


def test_retry_after_parsing():
    assert _retry_after("120") == 120.0
    assert _retry_after("soon") is None
    assert _retry_after(None) is None
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert _retry_after(when, now=1_000_000) == pytest.approx(30.0)
    assert _retry_after(email.utils.formatdate(999_000, usegmt=True), now=1_000_000) == 0.0


# ---------------------------------------------------------------------------
# a whole run: every failure reported, cache, offline, resume


def all_cases(site):
    return [UrlItem(site.url(p)) for p in (
        "/articles/ferry.html", "/private/secret.html", "/missing.html", "/flaky.html", "/report.pdf",
        "/huge.html", "/r1", "/navonly.html", "/articles/library.html")]


def test_run_reports_every_failure_and_goes_on(site, tmp_path):
    out = tmp_path / "corpus.jsonl"
    s = fetch_corpus(all_cases(site), out, fetcher=make_fetcher(tmp_path))
    assert s.total == 9 and s.ok == 4
    assert [(r.url.rsplit("/", 1)[1], r.error) for r in s.failed] == [
        ("secret.html", "robots"), ("missing.html", "http"), ("report.pdf", "not_html"),
        ("huge.html", "too_large"), ("navonly.html", "no_text")]
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    # /r1 redirects to the ferry article: same slug base, made unique
    assert ids == ["127.0.0.1/ferry", "127.0.0.1/flaky", "127.0.0.1/r1", "127.0.0.1/library"]
    assert len(default_log_path(out).read_text().splitlines()) == 9


def test_cache_means_a_rerun_fetches_nothing_and_offline_rebuilds(site, tmp_path):
    first = tmp_path / "a.jsonl"
    fetch_corpus(all_cases(site), first, fetcher=make_fetcher(tmp_path))
    n_hits = len(site.hits)
    # a new fetcher (new process) with the same cache: only robots.txt-free cache reads
    second = tmp_path / "b.jsonl"
    s2 = fetch_corpus(all_cases(site), second, fetcher=make_fetcher(tmp_path))
    assert len(site.hits) == n_hits + 1  # the robots-blocked page needs robots.txt again; nothing else
    assert site.hits[-1][0] == "/robots.txt"
    assert s2.from_cache == 4
    assert first.read_text().replace('"fetched_at"', "") == second.read_text().replace('"fetched_at"', "")
    # offline: same corpus, no request at all; the robots-blocked URL is "offline" (never cached)
    third = tmp_path / "c.jsonl"
    s3 = fetch_corpus(all_cases(site) + [UrlItem(site.url("/never-seen.html"))], third,
                      fetcher=make_fetcher(tmp_path, offline=True))
    assert len(site.hits) == n_hits + 1
    assert third.read_text() == second.read_text()
    assert {r.url.rsplit("/", 1)[1]: r.error for r in s3.failed} == {
        "secret.html": "offline", "missing.html": "http", "report.pdf": "not_html", "huge.html": "too_large",
        "navonly.html": "no_text", "never-seen.html": "offline"}
    # cache files: JSON metadata plus the gzipped raw page
    metas = list((tmp_path / "cache").glob("*/*.json"))
    bodies = list((tmp_path / "cache").glob("*/*.html.gz"))
    assert len(metas) == 8 and len(bodies) == 5  # 4 articles + the page with no text; 404/pdf/huge: no body
    assert FERRY in [gzip.decompress(b.read_bytes()) for b in bodies]


def test_transient_failures_are_not_cached(site, tmp_path):
    f = make_fetcher(tmp_path, retries=0)
    assert f.fetch(site.url("/unstable.html")).error == "server"
    site.fixed = True
    assert make_fetcher(tmp_path).fetch(site.url("/unstable.html")).ok


def test_resume_continues_an_interrupted_run(site, tmp_path):
    items = all_cases(site) + [UrlItem(site.url("/unstable.html"))]
    out = tmp_path / "corpus.jsonl"
    fetch_corpus(items[:4], out, fetcher=make_fetcher(tmp_path, cache_dir=None, retries=1))
    # an interruption in the middle of writing a line
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"id": "127.0.0.1/half", "text": "cut o')
    before = list(site.paths())
    s = fetch_corpus(items, out, resume=True, fetcher=make_fetcher(tmp_path, cache_dir=None, retries=1))
    # ferry, secret (robots), missing (404) and flaky (500 then 200) were settled: not requested again
    assert s.skipped_resume == 4
    new = site.paths()[len(before):]
    assert new == ["/robots.txt", "/report.pdf", "/huge.html", "/r1", "/r2", "/articles/ferry.html", "/navonly.html",
                   "/articles/library.html", "/unstable.html", "/unstable.html"]
    docs = [json.loads(x) for x in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == ["127.0.0.1/ferry", "127.0.0.1/flaky", "127.0.0.1/r1", "127.0.0.1/library"]
    assert s.failures_by_code == {"not_html": 1, "too_large": 1, "no_text": 1, "server": 1}
    # the 503 was transient: a second resume tries it again, and only it
    site.fixed = True
    mark = len(site.hits)
    s2 = fetch_corpus(items, out, resume=True, fetcher=make_fetcher(tmp_path, cache_dir=None, retries=0))
    assert s2.skipped_resume == 9 and s2.ok == 1
    assert [p for p in site.paths()[mark:] if p != "/robots.txt"] == ["/unstable.html"]
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()][-1] == "127.0.0.1/unstable"


def test_parallel_hosts_keep_input_order(site, tmp_path):
    items = [UrlItem(site.url("/articles/ferry.html")), UrlItem(site.url("/articles/library.html", "localhost")),
             UrlItem(site.url("/missing.html")), UrlItem(site.url("/articles/library.html"))]
    out = tmp_path / "c.jsonl"
    s = fetch_corpus(items, out, fetcher=make_fetcher(tmp_path, workers=2))
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [
        "127.0.0.1/ferry", "localhost/library", "127.0.0.1/library"]
    assert [r.error for r in s.failed] == ["http"]


def test_metadata_given_in_the_list_wins_over_the_page(site, tmp_path):
    item = UrlItem(site.url("/articles/ferry.html"),
                   meta={"id": "ferry-1", "outlet": "Gazette (print)", "event": "ferry-return", "topic": "transport"})
    out = tmp_path / "c.jsonl"
    fetch_corpus([item], out, fetcher=make_fetcher(tmp_path))
    d = json.loads(out.read_text())
    assert (d["id"], d["outlet"], d["event"], d["topic"], d["date"]) == (
        "ferry-1", "Gazette (print)", "ferry-return", "transport", "2025-04-02")


# ---------------------------------------------------------------------------
# URL lists


def test_read_plain_url_list(tmp_path):
    p = tmp_path / "urls.txt"
    p.write_text("# coverage of the ferry story\n\nhttps://a.example/one  first copy\n  http://b.example/two\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert [(i.url, i.origin) for i in items] == [("https://a.example/one", f"{p}:3"), ("http://b.example/two", f"{p}:4")]


def test_read_media_cloud_csv(tmp_path):
    p = tmp_path / "mc.csv"
    p.write_text("stories_id,publish_date,title,url,media_name,language\n"
                 "101,2025-04-02 08:15:00,Ferry returns,https://a.example/ferry,Port Elling Gazette,en\n"
                 ",,,,,\n"
                 "102,2025-04-05 10:00:00,\"Library, Sundays\",https://b.example/library,Dunmore Bay Courier,en\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert [i.url for i in items] == ["https://a.example/ferry", "https://b.example/library"]
    assert dict(items[1].meta) == {"id": "102", "date": "2025-04-05", "title": "Library, Sundays",
                                   "outlet": "Dunmore Bay Courier", "language": "en"}
    assert items[1].origin == f"{p}:4"


def test_read_gdelt_style_tsv_without_extension(tmp_path):
    p = tmp_path / "gdelt.export"
    p.write_text("SQLDATE\tSourceCommonName\tDocumentIdentifier\n20250402\tgazette.example\thttps://a.example/ferry\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert items[0].url == "https://a.example/ferry"
    assert dict(items[0].meta) == {"date": "2025-04-02", "outlet": "gazette.example"}


def test_csv_without_url_column(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("title,outlet\nA,B\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"x.csv:1: no URL column"):
        read_url_list(p)


def test_normalize_date_examples():
    assert normalize_date("2024-07-25T10:00:00Z") == "2024-07-25"
    assert normalize_date("20240725123000") == "2024-07-25"
    assert normalize_date("2024/7/5") == "2024-07-05"
    assert normalize_date("2024-02-30") is None
    assert normalize_date("July 25, 2024") is None


@given(st.dates(), st.sampled_from(["{}", "{}T12:30:00Z", "{} 08:00:00", "{c}", "{c}101500"]))
def test_normalize_date_property(d, form):
    s = form.format(d.isoformat(), c=d.strftime("%Y%m%d")) if d.year >= 1000 else None
    if s is not None:
        assert normalize_date(s) == d.isoformat()


_url = st.builds(lambda host, path: f"https://{host}.example/{path}",
                 st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
                 st.from_regex(r"[A-Za-z0-9_./%?=&-]{0,30}", fullmatch=True))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_url, st.sampled_from(["", "\n", "\n# note\n", "\n   \n"])), max_size=8))
def test_url_list_round_trip(tmp_path_factory, pairs):
    p = tmp_path_factory.mktemp("urls") / "u.txt"
    p.write_text("".join(u + "\n" + junk for u, junk in pairs), encoding="utf-8")
    assert [i.url for i in read_url_list(p)] == [u for u, _ in pairs]


# ---------------------------------------------------------------------------
# the command


def test_cli_fetch_reports_failures_and_exit_code(site, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(site.url(p) for p in ("/articles/ferry.html", "/missing.html", "/report.pdf")) + "\n")
    out = tmp_path / "corpus.jsonl"
    argv = ["fetch", str(urls), "--out", str(out), "--cache", str(tmp_path / "cache"), "--delay", "0",
            "--timeout", "2", "--retries", "0", "--contact", "mailto:tester@uni.example"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    assert f"{site.url('/missing.html')}: HTTP 404 [http]" in err
    assert f"{site.url('/report.pdf')}: content type application/pdf, not HTML [not_html]" in err
    assert "fetched 1 of 3" in err
    assert site.hits[0][1] == f"framelens/{__version__} (+mailto:tester@uni.example; news framing research)"
    # offline rerun from the cache: same document, no request
    n = len(site.hits)
    assert main(argv + ["--offline"]) == 3
    assert len(site.hits) == n
    assert len(out.read_text().splitlines()) == 1


def test_cli_fetch_all_failed_and_usage_errors(tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text("ftp://nothing.example/a\n")
    assert main(["fetch", str(urls), "--out", str(tmp_path / "c.jsonl"), "--cache", str(tmp_path / "k")]) == 4
    assert main(["fetch", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "c.jsonl")]) == 2
    assert main(["fetch", str(urls), "--timeout", "0"]) == 2
