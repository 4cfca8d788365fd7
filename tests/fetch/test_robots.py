"""Tests of framelens.fetch.robots: robots.txt read once per host, obeyed on every hop; Crawl-delay per host.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations


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
    # another host (localhost is a different host name for the same server) does not wait for this one:
    # its robots.txt goes at once, only its page waits for its own crawl delay
    sleeps.calls.clear()
    f.fetch(s.url("/navonly.html", host="localhost"))
    assert len(sleeps.calls) == 1 and 3.5 < sleeps.calls[0] <= 4.0
