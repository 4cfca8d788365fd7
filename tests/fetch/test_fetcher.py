"""Tests of framelens.fetch.fetcher: HTTP errors, content types, redirects followed by hand, non-HTTP URLs refused.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import json

from framelens.fetch import UrlItem, default_log_path, fetch_corpus


def test_http_404(site, make_fetcher):
    page = make_fetcher().fetch(site.url("/missing.html"))
    assert (page.error, page.reason, page.status) == ("http", "HTTP 404", 404)


def test_pdf_is_not_html(site, make_fetcher):
    page = make_fetcher().fetch(site.url("/report.pdf"))
    assert (page.error, page.reason) == ("not_html", "content type application/pdf, not HTML")


def test_redirect_chain_is_followed_and_recorded(site, tmp_path, make_fetcher):
    out = tmp_path / "c.jsonl"
    fetch_corpus([UrlItem(site.url("/r1"))], out, fetcher=make_fetcher())
    d = json.loads(out.read_text())
    assert d["final_url"] == site.url("/articles/ferry.html")
    assert d["redirects"] == [site.url("/r1"), site.url("/r2")]
    log = json.loads(default_log_path(out).read_text())
    assert log["redirects"] == [
        {"url": site.url("/r1"), "status": 301, "location": site.url("/r2")},
        {"url": site.url("/r2"), "status": 302, "location": site.url("/articles/ferry.html")},
    ]


def test_redirect_loop(site, make_fetcher):
    page = make_fetcher().fetch(site.url("/loop"))
    assert page.error == "redirects"
    assert page.reason == f"redirect loop back to {site.url('/loop')}"


def test_bad_url(make_fetcher):
    page = make_fetcher().fetch("ftp://files.example/x.html")
    assert page.error == "bad_url"
