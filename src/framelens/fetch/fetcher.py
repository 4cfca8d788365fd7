"""The :class:`Fetcher`: one URL to one :class:`PageResult`, politely.

For each URL: refuse anything but ``http(s)`` (:mod:`.urls`); answer from the
disk cache if the page is there (:mod:`.cache`); else, unless offline, check
robots.txt (:mod:`.robots`), GET it with pacing, limits and retries
(:mod:`.http`), follow redirects by hand (each hop checked against robots.txt,
paced, recorded; loops, non-HTTP targets and more than ``max_redirects`` hops
refused), and accept only HTML. Successes and permanent failures other than
``robots`` are cached; transient failures (timeouts, 5xx after the retries) are
not, so a later run tries them again. Requests carry a clear User-Agent:
``framelens/<version> (+<contact>)``.
"""

from __future__ import annotations

import datetime as _dt
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable

from .article import HTML_TYPES, looks_like_html
from .cache import PageCache
from .config import FetchConfig
from .http import REDIRECT_CODES, HttpClient
from .results import PERMANENT_ERRORS, PageResult
from .robots import ROBOTS_ACCEPT, read_robots, robots_agent
from .urls import clean_url, has_http_scheme, is_fetchable

__all__ = ["Fetcher"]

_PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


class Fetcher(HttpClient):
    """Polite HTTP GET of HTML pages with a disk cache (see the module docstring).

    Takes the arguments of :class:`~framelens.fetch.http.HttpClient`: a
    :class:`~framelens.fetch.FetchConfig` and, for tests, ``sleep``, ``clock``
    ``opener`` and ``resolve``. ``requests`` counts the network requests made (robots.txt
    included).
    """

    def __init__(self, config: FetchConfig | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, opener: urllib.request.OpenerDirector | None = None,
                 resolve: Callable[[str], str] | None = None):
        kw = {} if resolve is None else {"resolve": resolve}
        super().__init__(config, sleep=sleep, clock=clock, opener=opener, **kw)
        self.cache_dir = None if self.config.cache_dir is None else Path(self.config.cache_dir)
        self.cache = None if self.cache_dir is None else PageCache(self.cache_dir)

    # -- robots.txt -----------------------------------------------------
    @property
    def robots_agent(self) -> str:
        """The product token matched against robots.txt ``User-agent`` lines."""
        return robots_agent(self.config.user_agent)

    def allowed(self, url: str) -> tuple[bool, str]:
        """Whether robots.txt lets framelens fetch ``url`` (reads robots.txt on first use of a host)."""
        host = self.host(url)
        with host.robots_lock:  # one read of robots.txt per host, however many threads ask at once
            if host.robots is None:
                policy = read_robots(url, lambda u: self.get(u, self.host(u), ROBOTS_ACCEPT), self.robots_agent,
                                     self.config.max_crawl_delay)
                host.crawl_delay = policy.crawl_delay
                host.robots = policy
        return host.robots.allows(url, self.robots_agent)

    # -- cache ----------------------------------------------------------
    def cached(self, url: str) -> PageResult | None:
        """The cached result for ``url`` (successful page or permanent failure), or None."""
        return None if self.cache is None else self.cache.load(clean_url(url))

    def _store(self, page: PageResult) -> None:
        if self.cache is not None:
            self.cache.store(page, self.config.user_agent)

    # -- the public call -------------------------------------------------
    def fetch(self, url: str) -> PageResult:
        """Fetch one page: from the cache if there, else from the network (unless offline)."""
        url = clean_url(url)
        page = PageResult(url=url)
        if not is_fetchable(url):
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
        """Robots check, GET and redirects by hand, then the content-type check."""
        page = PageResult(url=url)
        current = url
        seen = {url}
        while True:
            ok, why = self.allowed(current)
            if not ok:
                page.error, page.reason = "robots", why if current == url else f"redirect target {current}: {why}"
                return page
            status, headers, body, failure, attempts = self.get(current, self.host(current), _PAGE_ACCEPT)
            page.attempts += attempts
            page.status = status or None
            page.fetched_at = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
            if failure is not None:
                page.error, page.reason = failure.code, failure.message.strip()
                if failure.code == "too_large":
                    page.reason = f"too large: {failure.message.strip()}"
                return page
            if status in REDIRECT_CODES:
                loc = headers.get("Location") if headers is not None else None
                if not loc:
                    page.error, page.reason = "http", f"HTTP {status} redirect without a Location header"
                    return page
                target = clean_url(urllib.parse.urljoin(current, loc))
                page.redirects.append({"url": current, "status": status, "location": target})
                if not has_http_scheme(target):
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
            if ctype and ctype not in HTML_TYPES:
                page.error, page.reason = "not_html", f"content type {ctype}, not HTML"
                return page
            if not ctype and not looks_like_html(body or b""):
                page.error, page.reason = "not_html", "no content type and the body does not look like HTML"
                return page
            page.body = body or b""
            return page
