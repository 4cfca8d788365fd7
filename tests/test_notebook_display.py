"""Notebooks: short reprs, escaped _repr_html_ views, framelens display(), the shared highlighter."""

from __future__ import annotations

import os
from itertools import islice
from pathlib import Path

import pytest

import framelens
from framelens.compare import compare
from framelens.errors import ConfigError, Reason
from framelens.model import Document
from framelens.runtime.notebook import display
from helpers import EXAMPLES, N_EXAMPLES, shared_path

LIMIT = 2048
HOSTILE = "<script>alert(1)</script>"


def _reprs(res, cmp, corpus):
    yield "AnalysisResult", repr(res)
    yield "CompareResult", repr(cmp)
    yield "Corpus", repr(corpus)
    for r in res.results:
        yield f"DocResult {r.doc.id}", repr(r)
        yield f"Document {r.doc.id}", repr(r.doc)
        for s in r.spans:
            yield f"Span {r.doc.id}:{s.start}", repr(s)
    for p in res.problems:
        yield "Problem", repr(p)


@pytest.fixture(scope="module")
def example():
    corpus = framelens.read_corpus(str(EXAMPLES))
    res = framelens.analyze(corpus)
    return corpus, res, compare(res, n_boot=200)


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    src = shared_path("bench", "news.jsonl")
    path = tmp_path_factory.mktemp("bench") / "bench300.jsonl"
    with open(src, encoding="utf-8") as fh:
        path.write_text("".join(islice(fh, 300)), encoding="utf-8")
    corpus = framelens.read_corpus(str(path))
    res = framelens.analyze(corpus)
    return corpus, res, compare(res, n_boot=200, align_facts=False)


@pytest.mark.parametrize("which", ["example", "bench"])
def test_every_repr_is_under_2_kb(which, request):
    corpus, res, cmp = request.getfixturevalue(which)
    sizes = {name: len(text) for name, text in _reprs(res, cmp, corpus)}
    too_long = {k: v for k, v in sizes.items() if v >= LIMIT}
    assert not too_long
    assert len(res.documents) == (N_EXAMPLES if which == "example" else 300)


def test_reprs_say_what_and_how_big(example):
    corpus, res, cmp = example
    n_spans = len(res.spans)
    assert repr(res).startswith(f"<AnalysisResult: {N_EXAMPLES} documents, {n_spans:,} spans (kinds: ")
    counts = res.spans["kind"].value_counts()
    assert f"loaded_term: {counts['loaded_term']}," in repr(res) and repr(res).endswith("), 0 problems>")
    r = res.results[0]
    assert repr(r).startswith(f"<DocResult: <Document {r.doc.id!r}, outlet={r.doc.outlet!r}")
    assert f"{r.words:,} words" in repr(r)
    assert repr(cmp).startswith(f"<CompareResult by 'outlet': {len(cmp.groups)} groups (")
    doc = Document(id="d1", text="Word " * 10_000, outlet="Daily", date="2024-01-02")
    assert repr(doc) == ("<Document 'd1', outlet='Daily', date='2024-01-02', 50,000 chars: "
                         "'" + ("Word " * 12)[:59] + "…'>")


def _hostile_doc(i: int = 0) -> Document:
    return Document(id=f"evil{i}\"'", outlet=HOSTILE + "\"'", title=HOSTILE + " \"quoted\" 'single'",
                    url="javascript:alert(1)", date="2024-01-01",
                    text=f"Critics slammed the plan {HOSTILE}. “It is a <b>disaster</b> & \"worse\",” "
                         "the mayor's aide allegedly said.")


def test_html_views_escape_everything():
    res = framelens.analyze([_hostile_doc(0), _hostile_doc(1)])
    views = [_hostile_doc()._repr_html_(), res.results[0]._repr_html_(), res._repr_html_(),
             compare(res, n_boot=200)._repr_html_()]
    for html in views:
        assert "<script" not in html.lower()
        assert "<b>disaster" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in views[1]
    # the document view highlights like the report: the loaded term and the hedge are marked
    assert 'class="hl k-loaded_term' in views[1] and '>slammed</mark>' in views[1]
    assert 'class="hl k-hedge' in views[1] and '>allegedly</mark>' in views[1]


def test_document_html_is_plain_and_cut():
    doc = Document(id="big", text="a" * 150_000 + "<tail>")
    html = doc._repr_html_()
    assert "&lt;tail&gt;" not in html and "50,006 more characters" in html


def test_display_returns_html_outside_notebooks():
    html = display("Critics slammed the plan. It allegedly failed. Officials said the frame of the economy.",
                   jupyter=False)
    assert html.startswith('<div class="framelens">')
    assert "k-loaded_term" in html and "k-hedge" in html
    assert 'class="hl k-frame_cue' not in html  # frame cues are off unless asked for
    only = display("Critics slammed the plan. It allegedly failed.", kinds=["hedge"], jupyter=False)
    assert 'class="hl k-hedge' in only and 'class="hl k-loaded_term' not in only
    with pytest.raises(ConfigError) as e:
        display("Text.", kinds=["no_such_kind"], jupyter=False)
    assert e.value.code == Reason.UNKNOWN_NAME and "hedge" in str(e.value)
    with pytest.raises(TypeError):
        display(42, jupyter=False)


def test_display_of_results(example):
    _, res, _ = example
    html = display(res, limit=2, jupyter=False)
    assert html.count("<article") == 2 and f"… and {N_EXAMPLES - 2} more documents" in html
    one = display(res.results[0], jupyter=False)
    assert one.count("<article") == 1 and one == res.results[0]._repr_html_()
    doc_html = display(res.results[0].doc, jupyter=False)  # a Document is analysed first
    assert doc_html.count("<article") == 1 and "k-loaded_term" in doc_html


def test_display_in_a_notebook_uses_ipython(monkeypatch):
    ipd = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(ipd, "display", lambda obj: shown.append(obj))
    assert display("Critics slammed the plan.", jupyter=True) is None
    assert len(shown) == 1 and "k-loaded_term" in shown[0].data


def test_report_keeps_the_shared_highlighter():
    from framelens.compare.report import articles
    from framelens.view import highlight

    assert articles.highlight is highlight
    html = highlight("a <b> c", [{"kind": "hedge", "start": 2, "end": 5, "sid": "x", "label": "h"}])
    assert str(html).startswith('a <mark class="hl k-hedge"') and "&lt;b&gt;</mark> c" in str(html)


# --- in a real browser --------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
def test_hostile_views_in_a_browser(tmp_path):
    missing = [m for m, ok in ((f"{CHROMIUM} is missing", Path(CHROMIUM).exists()),) if not ok]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright is not installed (pip install 'framelens[browser]')")
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("; ".join(missing))
        pytest.skip("; ".join(missing))
    res = framelens.analyze([_hostile_doc(0), _hostile_doc(1)])
    body = res.results[0]._repr_html_() + compare(res, n_boot=200)._repr_html_() + res._repr_html_() \
        + _hostile_doc()._repr_html_()
    page_file = tmp_path / "views.html"
    page_file.write_text(f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</body></html>",
                         encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.resolve().as_uri())
        page.wait_for_load_state("load")
        page.hover("mark.k-loaded_term")
        assert dialogs == [] and errors == []
        assert page.locator("script").count() == 0
        text = page.inner_text("body")
        assert text.count(HOSTILE) >= 6  # outlet, title and text, shown literally in each view
        assert "It is a <b>disaster</b> & \"worse\"" in text
        assert page.locator("a[href^='javascript']").count() == 0
        tip = page.locator("mark.k-loaded_term").first.get_attribute("data-tip")
        assert "entry:" in tip
        browser.close()
