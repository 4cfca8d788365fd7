"""Tests of framelens.fetch.robots: robots.txt read once per host, obeyed on every hop; Crawl-delay per host.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import pytest

from framelens.fetch.http import Failure, Response
from framelens.fetch.robots import read_robots, robots_agent


def test_robots_disallow_never_requests_the_page(site, make_fetcher):
    f = make_fetcher()
    page = f.fetch(site.url("/private/secret.html"))
    assert page.error == "robots"
    assert "robots.txt" in page.reason
    assert site.paths() == ["/robots.txt"]
    # robots.txt is read once per host
    f.fetch(site.url("/private/other.html"))
    assert site.paths() == ["/robots.txt"]


def test_redirect_into_disallowed_path_is_refused(site, make_fetcher):
    page = make_fetcher().fetch(site.url("/to-private"))
    assert page.error == "robots"
    assert page.reason.startswith(f"redirect target {site.url('/private/secret.html')}:")
    assert "/private/secret.html" not in site.paths()


def test_missing_robots_txt_allows_everything(make_fetcher, make_site):
    s = make_site(robots=None)
    page = make_fetcher().fetch(s.url("/private/secret.html"))
    assert page.ok and page.status == 200


def test_unreachable_robots_txt_means_disallow(make_fetcher, make_site):
    s = make_site(robots=b"500")
    f = make_fetcher(retries=1)
    page = f.fetch(s.url("/articles/ferry.html"))
    assert page.error == "robots"
    assert "RFC 9309" in page.reason
    assert s.paths() == ["/robots.txt", "/robots.txt"]  # one retry, then give up


def test_crawl_delay_and_per_host_delay(make_fetcher, sleeps, make_site):
    s = make_site(robots=b"User-agent: framelens\nCrawl-delay: 4\nDisallow: /private/\n")
    f = make_fetcher(sleeps, delay=1.0)
    f.fetch(s.url("/articles/ferry.html"))
    f.fetch(s.url("/articles/library.html"))
    # robots.txt -> page 1 -> page 2: two waits, each close to the 4 s crawl delay (> the 1 s delay)
    assert len(sleeps.calls) == 2
    assert all(3.5 < w <= 4.0 for w in sleeps.calls)
    # localhost is another name of the same server: it waits in the same queue, so its robots.txt and
    # its page each wait for the crawl delay (robots.txt is read again: rules belong to a host name)
    sleeps.calls.clear()
    f.fetch(s.url("/navonly.html", host="localhost"))
    assert len(sleeps.calls) == 2 and all(3.5 < w <= 4.0 for w in sleeps.calls)
    assert s.paths()[-2:] == ["/robots.txt", "/navonly.html"]


# ---------------------------------------------------------------------------
# read_robots on its own, with a fake GET: every RFC 9309 case decided by status or Failure.code


class FakeGet:
    """Answers GETs from a table {url: Response}; records the URLs asked for."""

    def __init__(self, table):
        self.table = table
        self.asked: list[str] = []

    def __call__(self, url):
        self.asked.append(url)
        return self.table[url]


def _ok(body: bytes) -> Response:
    return Response(200, {"Content-Type": "text/plain"}, body, None, 1)


@pytest.mark.parametrize("answer,state,reason", [
    (Response(0, None, None, Failure("too_large", "more than 10 bytes (stopped reading)"), 1),
     "allow_all", "robots.txt too large: ignored"),
    (Response(0, None, None, Failure("timeout", "no answer within the timeout (after 2 attempt(s))"), 2),
     "disallow_all", "robots.txt unreachable (timeout:no answer within the timeout (after 2 attempt(s))): "
                     "RFC 9309 says assume disallow"),
    (Response(503, {}, None, Failure("server", "HTTP 503 after 1 attempt(s)"), 1),
     "disallow_all", "robots.txt unreachable (server:HTTP 503 after 1 attempt(s)): RFC 9309 says assume disallow"),
    (Response(401, {}, None, None, 1), "disallow_all", "robots.txt answered HTTP 401"),
    (Response(403, {}, None, None, 1), "disallow_all", "robots.txt answered HTTP 403"),
    (Response(404, {}, None, None, 1), "allow_all", "no robots.txt (HTTP 404)"),
    (Response(410, {}, None, None, 1), "allow_all", "no robots.txt (HTTP 410)"),
])
def test_read_robots_status_and_failure_cases(answer, state, reason):
    get = FakeGet({"https://news.example/robots.txt": answer})
    policy = read_robots("https://news.example/a/b.html", get, "framelens", 30.0)
    assert (policy.state, policy.reason) == (state, reason)
    assert policy.allows("https://news.example/a/b.html", "framelens") == (state == "allow_all", reason)


def test_read_robots_follows_redirects_then_obeys_the_rules():
    get = FakeGet({
        "https://news.example/robots.txt": Response(301, {"Location": "https://www.news.example/robots.txt"}, None,
                                                    None, 1),
        "https://www.news.example/robots.txt": _ok(b"User-agent: *\nDisallow: /drafts/\n\n"
                                                   b"User-agent: framelens\nDisallow: /private/\nCrawl-delay: 45\n"),
    })
    policy = read_robots("https://news.example/", get, "framelens", 30.0)
    assert get.asked == ["https://news.example/robots.txt", "https://www.news.example/robots.txt"]
    assert policy.state == "rules" and policy.crawl_delay == 45.0  # the caller caps it at max_crawl_delay
    assert policy.allows("https://news.example/drafts/x", "framelens") == (True, "allowed by robots.txt")
    assert policy.allows("https://news.example/private/x", "framelens") == (
        False, "disallowed by https://news.example/robots.txt for 'framelens'")


def test_read_robots_gives_up_after_five_redirects():
    table = {f"https://news.example/r{i}": Response(302, {"Location": f"/r{i + 1}"}, None, None, 1) for i in range(9)}
    table["https://news.example/robots.txt"] = Response(302, {"Location": "/r0"}, None, None, 1)
    get = FakeGet(table)
    policy = read_robots("https://news.example/", get, "framelens", 30.0)
    assert len(get.asked) == 6
    assert (policy.state, policy.reason) == ("allow_all", "no robots.txt (HTTP 302)")


def test_robots_agent_is_the_product_token():
    assert robots_agent("framelens/1.2.3 (+mailto:a@b.example)") == "framelens"
