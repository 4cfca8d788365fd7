"""framelens.compare.report: span markup from sorted boundaries, kinds from the registry, escaping, files of the report."""

from __future__ import annotations

import csv
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.compare.report import highlight, shown_kinds, span_tip
from framelens.kinds import KindSpec, Style

ROOT = Path(__file__).resolve().parents[2]


class _Checker(HTMLParser):
    """Checks that tags nest properly and collects the text and the span ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.sids, self.firsts = [], [], [], []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("br", "img", "meta", "hr", "input"):
            self.stack.append(tag)
        if "data-sid" in a:
            self.sids.append(a["data-sid"])
            if "tabindex" in a:
                self.firsts.append(a["data-sid"])

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.bad = (tag, list(self.stack[-3:]))
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def check(markup):
    c = _Checker()
    c.feed(markup)
    c.close()
    return c


def test_nested_term_in_quote_renders_as_nested_elements():
    text = 'He said "the illegal aliens must go" today.'
    spans = [{"kind": "quote", "start": 8, "end": 36, "label": "direct", "sid": "q"},
             {"kind": "loaded_term", "start": 13, "end": 27, "label": "person_label", "sid": "t",
              "alternatives": json.dumps(["undocumented immigrants"]), "severity": 3, "voice": "quoted"},
             {"kind": "report_verb", "start": 3, "end": 7, "label": "neutral", "stance": "neutral", "sid": "v"},
             {"kind": "sentence", "start": 0, "end": 43, "label": "s", "sid": "s"}]
    out = highlight(text, spans)
    c = check(out)
    assert c.ok and "".join(c.text) == text
    assert sorted(c.firsts) == ["q", "t", "v"]  # sentences are not highlighted
    assert re.search(r'<span class="hl k-quote"[^>]*>"the <mark class="hl k-loaded_term"', out)
    tip = re.search(r'id="t" tabindex="0" data-tip="([^"]*)"', out).group(1)
    assert html.unescape(tip).splitlines()[:3] == ["loaded term: person_label", "severity 3",
                                                   "neutral alternative: undocumented immigrants"]


def test_crossing_spans_are_split_not_broken():
    text = "abcdefghij"
    spans = [{"kind": "quote", "start": 0, "end": 5, "label": "q", "sid": "a"},
             {"kind": "report_verb", "start": 3, "end": 8, "label": "neutral", "sid": "b", "stance": "neutral"}]
    out = highlight(text, spans)
    c = check(out)
    assert c.ok and "".join(c.text) == text
    assert c.sids.count("b") == 2 and c.firsts == ["a", "b"]  # b is closed at 5 and reopened as a continuation
    assert 'class="hl k-report_verb cont st-neutral"' in out


def test_text_and_tooltips_are_escaped():
    text = "<script>alert(1)</script> & more"
    spans = [{"kind": "loaded_term", "start": 0, "end": 8, "label": '<img src=x onerror=alert(1)>', "sid": "z"}]
    out = highlight(text, spans)
    assert "<script>" not in out and "&lt;script&gt;" in out and "<img" not in out
    assert "".join(check(out).text) == text


def test_built_in_kinds_are_highlighted_in_layers():
    # every kind a built-in extractor emits is highlighted except sentences; quotes outermost, terms innermost
    assert set(shown_kinds()) == {"quote", "attribution", "attitude", "frame_cue", "report_verb", "loaded_term",
                                  "neutral_term", "hedge", "booster"}
    order = shown_kinds()
    assert order[0] == "quote" and order.index("report_verb") < order.index("loaded_term") < order.index("hedge")


_span = st.tuples(st.sampled_from(shown_kinds()), st.integers(0, 40), st.integers(0, 12))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab <>&"\'\n“”'), min_size=0, max_size=40), st.lists(_span, max_size=12))
def test_any_spans_give_well_formed_markup(text, raw):
    spans = []
    for i, (kind, s, ln) in enumerate(raw):
        s = min(s, len(text))
        spans.append({"kind": kind, "start": s, "end": min(s + ln, len(text)), "label": "l", "sid": f"s{i}"})
    out = highlight(text, spans)
    c = check(out)
    assert c.ok and not c.stack
    assert "".join(c.text) == text
    assert sorted(c.firsts) == sorted(s["sid"] for s in spans)


@pytest.fixture
def report(example_report):
    return example_report


def test_report_files(report):
    out, r = report
    for name in ("index.html", "summary.md", "manifest.json", "tables/group_stats.csv", "tables/group_stats.parquet",
                 "tables/keyness.csv", "tables/term_choice.csv", "tables/spans.csv", "charts/loaded_rate.png",
                 "charts/loaded_rate.svg", "charts/term_choice.png", "articles/4.html", "articles/5.html",
                 "articles/index.html"):
        assert (out / name).is_file(), name
    man = json.loads((out / "manifest.json").read_text())
    assert man["command"] == "compare" and man["counts"]["documents"] == 19
    for name in ("comparisons.csv", "group_flags.csv", "duplicates.csv"):
        assert (out / "tables" / name).is_file(), name
    dups = pd.read_csv(out / "tables" / "duplicates.csv")
    assert dups[["doc_id", "duplicate_of", "kind"]].values.tolist() == [["left-tabloid-brief", "wire-hearing", "excerpt"]]
    assert man["parameters"]["by"] == "outlet" and man["parameters"]["n_boot"] == 200
    assert {o["path"] for o in man["outputs"]} >= {"index.html", "summary.md", "tables/group_stats.csv", "charts/loaded_rate.png"}
    assert pd.read_parquet(out / "tables" / "group_stats.parquet").shape[0] == pd.read_csv(out / "tables" / "group_stats.csv").shape[0]


def test_index_is_self_contained_and_answers_the_questions(report):
    out, _ = report
    page = (out / "index.html").read_text()
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<img" not in page and page.count('<div class="chart" role="img"') >= 8  # charts are inline SVG
    assert len(page.encode()) < 1_500_000  # 19 articles, 4 inline, fact maps of 4 events
    assert "Most loaded terms</strong> (ranked by shrunken estimate)" in page and "The Marlow Sentinel-Express" in page
    assert "“illegal alien”" in page and "undocumented immigrant" in page
    assert "Hedges most</strong>" in page
    # the safeguards at work on the example corpus: two outlets flagged, never named in the findings
    findings = page.split('<ul class="findings">', 1)[1].split("</ul>", 1)[0]
    assert "2 <em>flagged</em>" in findings or "2 flagged" in findings
    assert "CheckPoint Lakeshore" not in findings and "Commonpedia" not in findings
    assert "2 of 6 groups are" in page and 'class="flag"' in page
    c = check(page.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    assert c.ok, getattr(c, "bad", None)


def test_summary_numbers_link_to_existing_spans(report):
    out, _ = report
    page = (out / "index.html").read_text()
    ids = set(re.findall(r'id="([^"]+)"', page))
    table = page.split('id="summary-table"', 1)[1].split("</table>", 1)[0]
    links = re.findall(r'href="([^"]+)"', table)
    assert links
    for href in links:
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            fname, anchor = href.split("#")
            assert anchor in (out / fname).read_text(), href


def test_markdown_summary(report):
    out, _ = report
    md = (out / "summary.md").read_text()
    assert md.startswith("# framelens comparison by outlet")
    assert "| outlet | articles | words | loaded /1k [CI] (n) |" in md
    assert "![Loaded terms by group](charts/loaded_rate.png)" in md
    assert "## Permutation tests" in md


HOSTILE = [
    {"id": "x1", "outlet": "<img src=x onerror=alert(1)>", "event": "e", "title": "<b>bold</b>",
     "text": "Officials said <script>alert('x')</script> the illegal aliens were released."},
    {"id": "x2", "outlet": "<script>alert('outlet')</script>", "event": "e", "title": '"><script>alert(2)</script>',
     "url": 'javascript:alert(3)" onmouseover="alert(4)', "text": "The undocumented immigrants were released, reportedly."},
    {"id": "x3", "outlet": "Plain Wire", "event": "e", "title": "t",
     "text": "Officials said the undocumented immigrants were released, reportedly."},
]


def test_escaping_of_malicious_metadata(html_report):
    out = html_report(HOSTILE)
    page = (out / "index.html").read_text()
    body = page.split("<body>", 1)[1]
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert body.count("<script>") == 1  # the page's own tooltip script, nothing else
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(" in page and ")&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt;" in page  # the outlet, as text
    assert 'onmouseover="alert' not in page and "onmouseover=&#34;alert(4)" in page  # an attribute can't be closed
    c = check(body.rsplit("</body>", 1)[0])
    assert c.ok, getattr(c, "bad", None)
    assert "<script>alert('outlet')</script>" in "".join(c.text)  # what the reader sees is the name as written
    md = (out / "summary.md").read_text()
    # summary.md shows the name as written without ever becoming HTML (markdown.md_text: &<> as entities)
    assert "<img src=x" not in md and "&lt;img src=x onerror=alert(1)&gt;" in md


# -- span kinds come from the registry (framelens.kinds.KindSpec) --------------------------------------------

def _claims_extractor():
    """A researcher's own extractor declaring two kinds: ``claim`` (styled) and ``aside`` (no style)."""
    class Claims:
        emits = (KindSpec("claim", "a checkable claim", style=Style("background:#ABCDEF", "claim (checkable statement)",
                                                                      layer=7), tooltip=("confidence",)),
                 KindSpec("aside", "an aside (not highlighted)"))

        def __init__(self, config=None):
            pass

        def extract(self, doc, seg, spans):
            return []
    return Claims


@pytest.fixture
def claims_registered():
    from framelens.extract.registry import register_extractor, unregister_extractor

    register_extractor("claims_for_test", _claims_extractor())
    yield
    unregister_extractor("claims_for_test")


def test_a_registered_kind_with_a_style_is_highlighted_and_one_without_is_not(claims_registered):
    from markupsafe import Markup

    from framelens.compare.report import legend_items
    from framelens.compare.report.render import page

    text = "The mayor said crime fell 40%."
    spans = [{"kind": "claim", "start": 15, "end": 29, "label": "statistic", "sid": "c", "confidence": "high",
              "voice": "author"},
             {"kind": "aside", "start": 0, "end": 9, "label": "x", "sid": "a"}]
    out = highlight(text, spans)
    assert re.fullmatch(r'The mayor said <mark class="hl k-claim" data-sid="c" data-kind="claim" id="c" tabindex="0" '
                        r'data-tip="[^"]+">crime fell 40%</mark>\.', out), out
    assert "claim" in shown_kinds() and "aside" not in shown_kinds()
    assert shown_kinds()[-1] == "claim"  # layer 7: inside every built-in highlight
    assert {"kind": "claim", "note": "checkable statement", "on": True, "variants": False,
            "variants_label": ""} in legend_items()
    assert ".k-claim{background:#ABCDEF}" in page("t", Markup(""))  # its style is in every page


def test_tooltips_come_from_the_kind_spec(claims_registered):
    from framelens.extract.registry import get_kind

    span = {"kind": "claim", "label": "statistic", "confidence": "high", "voice": "quoted", "entry": "claims:pct"}
    assert span_tip(span) == "claim: statistic\nconfidence: high\nvoice: inside a quotation\nentry: claims:pct"
    out = highlight("crime fell", [{**span, "start": 0, "end": 10, "sid": "s"}])
    assert html.unescape(re.search(r'data-tip="([^"]*)"', out).group(1)) == span_tip(span)
    verb = {"kind": "report_verb", "label": "distancing", "stance": "distancing", "voice": "author",
            "entry": "report_verbs@1.0.0:claim"}
    assert span_tip(verb).splitlines() == get_kind("report_verb").tooltip_lines(verb)
    assert span_tip(verb).splitlines()[1] == "stance: distancing"
    # a kind nobody declares still gets the generic lines
    assert span_tip({"kind": "mystery", "label": "m", "voice": "author"}) == "mystery: m\nvoice: reporter's own"


def test_cli_compare(tmp_path, capsys):
    from framelens.cli import main

    code = main(["compare", str(ROOT / "examples" / "corpus" / "wire.md"), str(ROOT / "examples" / "corpus" / "opinion.md"),
                 "--out", str(tmp_path / "r"), "--n-boot", "100", "--format", "csv", "--no-charts", "--test",
                 "Lakeshore Wire Service", "The Harlan Falls Herald-Review (Opinion)"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "p = 1 (1 vs 1 documents, exact)" in err and (tmp_path / "r" / "index.html").is_file()
    assert not (tmp_path / "r" / "charts").exists()  # --no-charts
    assert json.loads((tmp_path / "r" / "manifest.json").read_text())["parameters"]["charts"] is False
    assert main(["compare", str(ROOT / "examples" / "corpus"), "--out", str(tmp_path / "x"), "--by", "lean"]) == 2
    assert main(["compare", str(ROOT / "examples" / "corpus"), "--out", str(tmp_path / "x"), "--format", "xml"]) == 2


def test_compare_report_includes_the_fact_section(example_report):
    """The compare report of the example corpus (run_compare by outlet, the session's shared report) has the
    fact-alignment section for each of its four events."""
    report, _ = example_report
    with open(report / "tables" / "facts.csv", newline="", encoding="utf-8") as fh:
        assert {r["event"] for r in csv.DictReader(fh)} == {"marlow-diversion", "marlow-hearing", "marlow-audit",
                                                             "marlow-shelter"}  # the events in result.alignment
    assert json.loads((report / "manifest.json").read_text())["parameters"]["align"]["events"] == 4
    page = (report / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="facts">' in page and 'href="#facts"' in page
    assert 'id="facts-e1-u01"' in page
    # versions link to the highlighted article in the same page
    assert re.search(r'href="#doc-\d+">in the article</a>', page)
    assert (report / "tables" / "facts.csv").is_file()
    assert (report / "charts" / "coverage_map_1.png").is_file()  # one map per event
    assert "## Same facts, different words" in (report / "summary.md").read_text(encoding="utf-8")
