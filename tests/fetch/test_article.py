"""Tests of framelens.fetch.article: article text and metadata from the fixture pages (trafilatura); list metadata wins.

Runs against the local site of conftest.py (127.0.0.1); no test touches the internet.
"""

from __future__ import annotations

import json

from framelens.fetch import UrlItem, default_log_path, fetch_corpus


def test_article_page_text_metadata_and_user_agent(site, tmp_path, make_fetcher):
    f = make_fetcher(user_agent="framelens/9.9 (+mailto:someone@uni.example)")
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


def test_latin1_page_is_decoded_from_its_meta_charset(site, tmp_path, make_fetcher):
    f = make_fetcher()
    rec_out = tmp_path / "c.jsonl"
    fetch_corpus([UrlItem(site.url("/articles/library.html"))], rec_out, fetcher=f)
    d = json.loads(rec_out.read_text(encoding="utf-8"))
    assert "Librarian Zoé Marchetti said" in d["text"]
    assert "The café in the reading room" in d["text"]
    assert d["outlet"] == "Dunmore Bay Courier"
    assert d["date"] == "2025-04-05"


def test_page_without_article_text(site, tmp_path, make_fetcher):
    s = fetch_corpus([UrlItem(site.url("/navonly.html"))], tmp_path / "c.jsonl", fetcher=make_fetcher())
    assert s.ok == 0
    assert [(r.error, r.reason) for r in s.failed] == [("no_text", "no article text found in the page")]


def test_metadata_given_in_the_list_wins_over_the_page(site, tmp_path, make_fetcher):
    item = UrlItem(site.url("/articles/ferry.html"),
                   meta={"id": "ferry-1", "outlet": "Gazette (print)", "event": "ferry-return", "topic": "transport"})
    out = tmp_path / "c.jsonl"
    fetch_corpus([item], out, fetcher=make_fetcher())
    d = json.loads(out.read_text())
    assert (d["id"], d["outlet"], d["event"], d["topic"], d["date"]) == (
        "ferry-1", "Gazette (print)", "ferry-return", "transport", "2025-04-02")


# URL lists
