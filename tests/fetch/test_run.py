"""Tests of framelens.fetch.run and `framelens fetch`: every failure reported, resume, parallel hosts, exit codes.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import json

from framelens import __version__
from framelens.cli import main
from framelens.fetch import UrlItem, default_log_path, fetch_corpus


def test_run_reports_every_failure_and_goes_on(site, tmp_path, make_fetcher, all_cases):
    out = tmp_path / "corpus.jsonl"
    s = fetch_corpus(all_cases, out, fetcher=make_fetcher())
    assert s.total == 9 and s.ok == 4
    assert [(r.url.rsplit("/", 1)[1], r.error) for r in s.failed] == [
        ("secret.html", "robots"), ("missing.html", "http"), ("report.pdf", "not_html"),
        ("huge.html", "too_large"), ("navonly.html", "no_text")]
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    # /r1 redirects to the ferry article: same slug base, made unique
    assert ids == ["127.0.0.1/ferry", "127.0.0.1/flaky", "127.0.0.1/r1", "127.0.0.1/library"]
    assert len(default_log_path(out).read_text().splitlines()) == 9


def test_resume_continues_an_interrupted_run(site, tmp_path, make_fetcher, all_cases):
    items = all_cases + [UrlItem(site.url("/unstable.html"))]
    out = tmp_path / "corpus.jsonl"
    fetch_corpus(items[:4], out, fetcher=make_fetcher(cache_dir=None, retries=1))
    # an interruption in the middle of writing a line
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"id": "127.0.0.1/half", "text": "cut o')
    before = list(site.paths())
    s = fetch_corpus(items, out, resume=True, fetcher=make_fetcher(cache_dir=None, retries=1))
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
    s2 = fetch_corpus(items, out, resume=True, fetcher=make_fetcher(cache_dir=None, retries=0))
    assert s2.skipped_resume == 9 and s2.ok == 1
    assert [p for p in site.paths()[mark:] if p != "/robots.txt"] == ["/unstable.html"]
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()][-1] == "127.0.0.1/unstable"


def test_parallel_hosts_keep_input_order(site, tmp_path, make_fetcher):
    items = [UrlItem(site.url("/articles/ferry.html")), UrlItem(site.url("/articles/library.html", "localhost")),
             UrlItem(site.url("/missing.html")), UrlItem(site.url("/articles/library.html"))]
    out = tmp_path / "c.jsonl"
    s = fetch_corpus(items, out, fetcher=make_fetcher(workers=2))
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [
        "127.0.0.1/ferry", "localhost/library", "127.0.0.1/library"]
    assert [r.error for r in s.failed] == ["http"]


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
    assert main(["fetch", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "c.jsonl")]) == 4  # missing input
    assert main(["fetch", str(urls), "--timeout", "0"]) == 2
