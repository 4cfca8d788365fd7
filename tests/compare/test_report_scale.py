"""The report at scale (issue 15): a 40-outlet fictional corpus (``scale_report`` in conftest.py) gives a small
index.html whose articles are collapsed, whose tables carry sortable values, whose highlight layers are switched
by checkboxes that start as each kind's Style.default_on says, and which escapes every outlet name and title.
The same page in a browser: tests/compare/test_browser.py."""

from __future__ import annotations

import html
import re

import pytest
from markupsafe import Markup

from framelens.kinds import KindSpec, Style


def _page(scale_report) -> str:
    return (scale_report[0] / "index.html").read_text(encoding="utf-8")


def test_index_is_small_and_lists_every_article(scale_report):
    out, result = scale_report
    size = (out / "index.html").stat().st_size
    assert size < 3_000_000, size
    page = _page(scale_report)
    n = len(result.documents)
    assert n == 60 and result.documents["group"].nunique() == 40
    # the compact index: one row per article, each linking to the article in this page or on its own page
    rows = re.search(r'<table class="articles sortable sticky" id="article-list".*?</table>', page, re.S).group(0)
    hrefs = re.findall(r'<a href="([^"]+)">', rows)
    assert len(hrefs) == n
    inline = [h for h in hrefs if h.startswith("#doc-")]
    assert len(inline) == 20  # write_report's default inline=20
    for h in hrefs:
        if not h.startswith("#"):
            assert (out / h.split("#")[0]).is_file(), h
    # the 20 articles of this page are collapsed: one <details> each, none open, each holding its anchor
    boxes = re.findall(r'<details class="doc-box" id="(doc-\d+)"[^>]*>', page)
    assert sorted(boxes) == sorted(h[1:] for h in inline)
    assert "<details class=\"doc-box\" open" not in page and " open>" not in page


def test_summary_table_carries_the_numbers_it_sorts_by(scale_report):
    _, result = scale_report
    page = _page(scale_report)
    table = re.search(r'<table class="summary sortable sticky" id="summary-table" data-filter="outlet">(.*?)</table>',
                      page, re.S).group(1)
    got = {html.unescape(g): float(v) for v, g in
           re.findall(r'data-v="([^"]+)" data-metric="loaded" data-group="([^"]*)"', table)}
    assert len(got) == 40
    for g, v in got.items():
        assert v == pytest.approx(result.stat(g, "loaded")["pooled"])
    counts = [int(v) for v in re.findall(r'<td class="num" data-v="(\d+)">\d+<br>', table)]
    assert sorted(counts) == sorted(result.documents.groupby("group").size().tolist())
    for name in ("termchoice", "keyness", "sources"):  # wide tables scroll in their own box
        sec = page[page.index(f'<h2 id="{name}">'):]
        sec = sec[:sec.index("<h2", 5)]
        assert sec.count("<table") == sec.count('<div class="scroll"><table') >= 1, name


def test_layer_checkboxes_follow_default_on(scale_report):
    from framelens.compare.report import legend_items
    from framelens.compare.report.render import env
    from framelens.extract.registry import kind_specs
    from framelens.view.highlight import highlight_styles, layer_css

    page = _page(scale_report)
    styles = highlight_styles()
    for k, st in styles.items():
        box = re.search(rf'<input type="checkbox" id="layer-{k}" data-kind="{k}"( checked)?>', page)
        assert box is not None, k
        assert bool(box.group(1)) == st.default_on, k
        assert f"body:has(#layer-{k}:not(:checked)) .text .k-{k}{{" in page  # the CSS that hides the layer
    assert kind_specs()["frame_cue"].style.default_on is False  # issue 15: frame cues off when the page opens
    assert kind_specs()["attitude"].style.default_on is False  # issue 19: attitudes too
    assert "Off when the page opens: attitude, frame cue" in page
    # a researcher's kind declared off by default starts unticked, and the legend says so
    specs = {"quote": KindSpec("quote", "q", style=Style("background:#eee", "quotation (background)", layer=0)),
             "claim": KindSpec("claim", "c", style=Style("background:#abc", "claim (checkable)", layer=3,
                                                         default_on=False))}
    items = legend_items(specs)
    assert [(i["kind"], i["on"]) for i in items] == [("quote", True), ("claim", False)]
    macro = env().from_string('{% from "macros.html.j2" import legend %}{{ legend(items) }}')
    legend = Markup(macro.render(items=items))
    assert '<input type="checkbox" id="layer-claim" data-kind="claim">' in legend
    assert '<input type="checkbox" id="layer-quote" data-kind="quote" checked>' in legend
    assert "Off when the page opens: claim" in legend
    assert layer_css(highlight_styles(specs)).count("body:has(") == 2


def test_outlet_names_and_titles_with_markup_are_escaped(scale_report, scale_markup):
    out, result = scale_report
    page = _page(scale_report)
    for raw in scale_markup:
        assert raw not in page
        assert str(html.escape(raw, quote=False)) in page
    assert page.count("<script") == 1  # the page's own script only
    for p in (out / "articles").glob("*.html"):
        text = p.read_text(encoding="utf-8")
        assert all(raw not in text for raw in scale_markup) and text.count("<script") == 1, p
