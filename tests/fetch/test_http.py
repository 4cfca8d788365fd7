"""Tests of framelens.fetch.http: retries, backoff, Retry-After, timeouts, size limits;
the User-Agent and FetchConfig checks.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import email.utils
import time

import pytest

from framelens import __version__
from framelens.errors import ConfigError
from framelens.fetch import FetchConfig, default_user_agent
from framelens.fetch.http import retry_after


def test_default_user_agent_names_framelens_version_and_contact():
    ua = default_user_agent()
    assert ua.startswith(f"framelens/{__version__} (+")
    assert "example" not in ua.lower()
    assert default_user_agent("mailto:a@b.edu") == f"framelens/{__version__} (+mailto:a@b.edu; news framing research)"
    assert FetchConfig().user_agent == ua


def test_bad_config_values():
    with pytest.raises(ConfigError, match="timeout"):
        FetchConfig(timeout=0)
    with pytest.raises(ConfigError, match="retries"):
        FetchConfig(retries=-1)
    with pytest.raises(ConfigError, match="user_agent"):
        FetchConfig(user_agent="two\nlines")


def test_500_then_200_is_retried_with_backoff(site, make_fetcher, sleeps):
    page = make_fetcher(sleeps, backoff=0.25, max_backoff=1).fetch(site.url("/flaky.html"))
    assert page.ok and page.attempts == 2
    assert sleeps.calls == [0.25]
    assert site.paths().count("/flaky.html") == 2


def test_429_honoursretry_after(site, make_fetcher, sleeps):
    page = make_fetcher(sleeps).fetch(site.url("/throttled.html"))
    assert page.ok
    assert sleeps.calls == [7.0]


def test_429_with_too_long_retry_after_gives_up(site, make_fetcher, sleeps):
    page = make_fetcher(sleeps, max_retry_after=60).fetch(site.url("/throttled-long.html"))
    assert page.error == "server"
    assert "Retry-After 86400s" in page.reason
    assert sleeps.calls == []
    assert site.paths().count("/throttled-long.html") == 1


def test_503_gives_up_after_the_retries_with_exponential_backoff(site, make_fetcher, sleeps):
    page = make_fetcher(sleeps, retries=3, backoff=1.0, max_backoff=3.0).fetch(site.url("/always503"))
    assert page.error == "server"
    assert page.reason == "HTTP 503 after 4 attempt(s)"
    assert sleeps.calls == [1.0, 2.0, 3.0]
    assert site.paths().count("/always503") == 4


def test_slow_page_times_out(site, make_fetcher):
    t0 = time.monotonic()
    page = make_fetcher(timeout=0.2, retries=1).fetch(site.url("/slow.html"))
    assert page.error == "timeout"
    assert page.reason == "no complete answer within the timeout of 0.2s (after 2 attempt(s))"
    assert time.monotonic() - t0 < 1.5


@pytest.mark.parametrize("path,why", [("/huge.html", "Content-Length 300,026 bytes exceeds the limit of 200,000"),
                                      ("/huge-stream.html", "more than 200,000 bytes (stopped reading)")])
def test_huge_page_is_refused(site, path, why, make_fetcher):
    page = make_fetcher().fetch(site.url(path))
    assert page.error == "too_large"
    assert page.reason == f"too large: {why}"


def test_retry_after_parsing():
    assert retry_after("120") == 120.0
    assert retry_after("soon") is None
    assert retry_after(None) is None
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after(when, now=1_000_000) == pytest.approx(30.0)
    assert retry_after(email.utils.formatdate(999_000, usegmt=True), now=1_000_000) == 0.0


# a whole run: every failure reported, cache, offline, resume
