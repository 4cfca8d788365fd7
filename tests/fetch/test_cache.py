"""Tests of framelens.fetch.cache: a rerun fetches nothing, offline rebuilds the corpus,
transient failures are not cached.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from framelens.fetch import PageResult, UrlItem, fetch_corpus
from framelens.fetch.cache import PageCache

FERRY = (Path(__file__).parents[1] / "data" / "fetch" / "ferry.html").read_bytes()


def test_cache_means_a_rerun_fetches_nothing_and_offline_rebuilds(site, tmp_path, make_fetcher, all_cases):
    first = tmp_path / "a.jsonl"
    fetch_corpus(all_cases, first, fetcher=make_fetcher())
    n_hits = len(site.hits)
    # a new fetcher (new process) with the same cache: only robots.txt-free cache reads
    second = tmp_path / "b.jsonl"
    s2 = fetch_corpus(all_cases, second, fetcher=make_fetcher())
    assert len(site.hits) == n_hits + 1  # the robots-blocked page needs robots.txt again; nothing else
    assert site.hits[-1][0] == "/robots.txt"
    assert s2.from_cache == 4
    assert first.read_text().replace('"fetched_at"', "") == second.read_text().replace('"fetched_at"', "")
    # offline: same corpus, no request at all; the robots-blocked URL is "offline" (never cached)
    third = tmp_path / "c.jsonl"
    s3 = fetch_corpus(all_cases + [UrlItem(site.url("/never-seen.html"))], third,
                      fetcher=make_fetcher(offline=True))
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


def test_transient_failures_are_not_cached(site, make_fetcher):
    f = make_fetcher(retries=0)
    assert f.fetch(site.url("/unstable.html")).error == "server"
    site.fixed = True
    assert make_fetcher().fetch(site.url("/unstable.html")).ok


def test_page_cache_round_trip_and_damaged_entries_are_ignored(tmp_path, caplog):
    cache = PageCache(tmp_path / "k")
    page = PageResult(url="https://news.example/a", final_url="https://news.example/a", status=200,
                      content_type="text/html", body=FERRY, fetched_at="2025-04-02T08:00:00+00:00", attempts=1)
    cache.store(page, "framelens/test")
    meta_path, body_path = cache.paths(page.url)
    assert meta_path.parent.name == meta_path.name[:2] and body_path.name.endswith(".html.gz")
    back = cache.load(page.url)
    assert back.body == FERRY and back.from_cache and back.attempts == 0
    assert (back.url, back.status, back.content_type) == (page.url, 200, "text/html")
    # a body that no longer matches its recorded SHA-256 is ignored, with a warning
    body_path.write_bytes(gzip.compress(b"<html>tampered</html>"))
    assert cache.load(page.url) is None
    assert "corrupt" in caplog.text
    # a permanent failure has no body file; an entry of another cache version is ignored
    miss = PageResult(url="https://news.example/gone", status=404, error="http", reason="HTTP 404")
    cache.store(miss, "framelens/test")
    assert not cache.paths(miss.url)[1].exists()
    assert (cache.load(miss.url).error, cache.load(miss.url).reason) == ("http", "HTTP 404")
    meta = json.loads(cache.paths(miss.url)[0].read_text())
    cache.paths(miss.url)[0].write_text(json.dumps({**meta, "cache_version": 0}))
    assert cache.load(miss.url) is None
