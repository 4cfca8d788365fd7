"""Tests of framelens.fetch.urls: which URLs are fetched, their clean form, host key and slug id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framelens.fetch.urls import clean_url, has_http_scheme, host_key, is_fetchable, slug_id


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://files.example/x.html", "data:text/html,<p>hi</p>",
                                 "javascript:alert(1)", "mailto:a@b.example", "http://", "https:///path-only",
                                 "www.example.com/news/a.html", ""])
def test_only_http_urls_with_a_host_are_fetchable(url):
    assert not is_fetchable(url)


def test_http_and_https_are_fetchable():
    assert is_fetchable("http://news.example/a") and is_fetchable("HTTPS://News.Example:8443/a?b=1")
    assert has_http_scheme("https://x.example/") and not has_http_scheme("file:///tmp/x.html")


def test_clean_url_and_host_key():
    assert clean_url("  https://a.example/story.html#comments \n") == "https://a.example/story.html"
    assert host_key("https://News.Example:8080/a/b?c") == "https://news.example:8080"


@pytest.mark.parametrize("url,slug", [
    ("https://www.latimes.com/archives/la-xpm-2009-jun-22-me-harris22-story.html",
     "latimes.com/la-xpm-2009-jun-22-me-harris22-story"),
    ("https://news.example/2025/04/02/ferry-returns/", "news.example/ferry-returns"),
    ("http://user@Paper.Example:8080/caf%C3%A9%20news.php", "paper.example/caf-news"),
    ("https://paper.example/", "paper.example"),
])
def test_slug_id_examples(url, slug):
    assert slug_id(url) == slug


def test_slug_id_of_a_query_only_url_hashes_the_query():
    s = slug_id("https://paper.example/?p=123")
    assert s.startswith("paper.example/q") and len(s) == len("paper.example/q") + 8
    assert s != slug_id("https://paper.example/?p=124")


_url = st.builds(lambda host, path: f"https://{host}.example/{path}",
                 st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
                 st.from_regex(r"[A-Za-z0-9_./%?=&-]{0,30}", fullmatch=True))


@given(_url, st.text(max_size=20), st.sampled_from(["", " ", "\n", "\t "]))
def test_clean_url_drops_the_fragment_and_surrounding_space(url, fragment, space):
    assert clean_url(space + url + "#" + fragment + space) == url
    assert clean_url(url) == url and is_fetchable(url)


@given(st.text(max_size=60))
def test_clean_url_never_keeps_a_fragment(text):
    assert "#" not in clean_url(text)
