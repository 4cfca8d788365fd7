"""framelens.compare.report: span markup from sorted boundaries, escaping, files of the report."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.compare.report import SHOWN_KINDS, highlight

ROOT = Path(__file__).resolve().parents[1]


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
             {"kind": "attribution", "start": 3, "end": 8, "label": "x", "sid": "b", "source": "X"}]
    out = highlight(text, spans)
    c = check(out)
    assert c.ok and "".join(c.text) == text
    assert c.sids.count("b") == 2 and c.firsts == ["a", "b"]  # b is closed at 5 and reopened as a continuation
    assert 'class="hl k-attribution cont"' in out


def test_text_and_tooltips_are_escaped():
    text = "<script>alert(1)</script> & more"
    spans = [{"kind": "loaded_term", "start": 0, "end": 8, "label": '<img src=x onerror=alert(1)>', "sid": "z"}]
    out = highlight(text, spans)
    assert "<script>" not in out and "&lt;script&gt;" in out and "<img" not in out
    assert "".join(check(out).text) == text


_span = st.tuples(st.sampled_from(SHOWN_KINDS), st.integers(0, 40), st.integers(0, 12))


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


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from framelens.compare import run_compare

    out = tmp_path_factory.mktemp("rep") / "demo"
    r = run_compare([str(ROOT / "examples" / "corpus")], out, n_boot=200, inline=4,
                    tests=[("The Marlow Sentinel-Express", "Lakeshore Wire Service")])
    return out, r


def test_report_files(report):
    out, r = report
    for name in ("index.html", "summary.md", "manifest.json", "tables/group_stats.csv", "tables/group_stats.parquet",
                 "tables/keyness.csv", "tables/term_choice.csv", "tables/spans.csv", "charts/loaded_rate.png",
                 "charts/loaded_rate.svg", "charts/term_choice.png", "articles/4.html", "articles/5.html",
                 "articles/index.html"):
        assert (out / name).is_file(), name
    man = json.loads((out / "manifest.json").read_text())
    assert man["command"] == "compare" and man["counts"]["documents"] == 6
    assert man["parameters"]["by"] == "outlet" and man["parameters"]["n_boot"] == 200
    assert {o["path"] for o in man["outputs"]} >= {"index.html", "summary.md", "tables/group_stats.csv", "charts/loaded_rate.png"}
    assert pd.read_parquet(out / "tables" / "group_stats.parquet").shape[0] == pd.read_csv(out / "tables" / "group_stats.csv").shape[0]


def test_index_is_self_contained_and_answers_the_questions(report):
    out, _ = report
    page = (out / "index.html").read_text()
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "data:image/png;base64," in page
    assert "Most loaded terms:" in page and "The Marlow Sentinel-Express" in page
    assert "“illegal alien”" in page and "“undocumented immigrant”" in page
    assert "Hedges most:" in page
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


def test_escaping_of_malicious_metadata(tmp_path):
    from framelens.compare import run_compare

    rows = [{"id": "x1", "outlet": "<img src=x onerror=alert(1)>", "event": "e", "title": "<b>bold</b>",
             "text": "Officials said <script>alert('x')</script> the illegal aliens were released."},
            {"id": "x2", "outlet": "Plain Wire", "event": "e", "title": "t",
             "text": "Officials said the undocumented immigrants were released, reportedly."}]
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows))
    run_compare([str(src)], tmp_path / "r", n_boot=100, formats=("csv",))
    page = (tmp_path / "r" / "index.html").read_text()
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(" in page and ")&lt;/script&gt;" in page
    md = (tmp_path / "r" / "summary.md").read_text()
    assert "<img src=x onerror=alert(1)>" in md  # Markdown is plain text: the name as written


def test_cli_compare(tmp_path, capsys):
    from framelens.cli import main

    code = main(["compare", str(ROOT / "examples" / "corpus" / "wire.md"), str(ROOT / "examples" / "corpus" / "opinion.md"),
                 "--out", str(tmp_path / "r"), "--n-boot", "100", "--format", "csv", "--test",
                 "Lakeshore Wire Service", "The Harlan Falls Herald-Review (Opinion)"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "p = 1 (1 vs 1 documents, exact)" in err and (tmp_path / "r" / "index.html").is_file()
    assert main(["compare", str(ROOT / "examples" / "corpus"), "--out", str(tmp_path / "x"), "--by", "lean"]) == 2
    assert main(["compare", str(ROOT / "examples" / "corpus"), "--out", str(tmp_path / "x"), "--format", "xml"]) == 2
