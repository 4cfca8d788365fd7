"""Safe outputs (issue 20, part 4): CSV cells a spreadsheet would run are neutralised (OWASP "CSV
injection"), summary.md never carries markup from the data, messages on stderr are one line with no
control characters and no URL credentials.

Outlet names, titles and ids below are written for the tests (hostile on purpose, fictional).
"""

from __future__ import annotations

import csv
import io
import json
import logging

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.cli import main
from framelens.compare.report.markdown import md_code, md_table, md_text
from framelens.io.safecsv import (FORMULA_PREFIXES, SafeDictWriter, csv_protection, protect_cell, protect_frame,
                                  write_csv)
from framelens.io.safetext import printable, redact_url, redact_urls, safe_message

HOSTILE_OUTLETS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                   "\tTabbed", "<script>alert(1)</script>", "Plain [click](javascript:alert(1))"]


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- the helper

@pytest.mark.parametrize("cell,written", [
    ("=1+2", "'=1+2"), ("+1 555 0100", "'+1 555 0100"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-0.5", "-0.5"), ("+3", "+3"), ("1e-3", "1e-3"), ("a=b", "a=b"),
    ("", ""), ("plain", "plain"), (-0.5, -0.5), (None, None), (3, 3),
])
def test_protect_cell(cell, written):
    assert protect_cell(cell) == written


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_no_protected_cell_starts_a_formula(s):
    out = protect_cell(s)
    assert out == s or out == "'" + s
    assert not out.startswith(FORMULA_PREFIXES) or _is_number(out)


def test_protect_frame_keeps_numbers_and_marks_text():
    df = pd.DataFrame({"outlet": ["=cmd", "ok", "-0.5"], "score": [-0.5, 1.0, -2.0], "n": [-1, 2, 3],
                       "=head": ["a", "b", "c"]})
    out = protect_frame(df)
    assert list(out["outlet"]) == ["'=cmd", "ok", "-0.5"]
    assert list(out["score"]) == [-0.5, 1.0, -2.0] and str(out["score"].dtype) == "float64"
    assert list(out["n"]) == [-1, 2, 3]
    assert list(out.columns) == ["outlet", "score", "n", "'=head"]
    assert list(df["outlet"]) == ["=cmd", "ok", "-0.5"]  # the caller's frame is not changed
    assert protect_frame(df, protect=False) is df
    with csv_protection(False):
        assert protect_frame(df) is df
    assert write_csv(df, None).splitlines()[1] == "'=cmd,-0.5,-1,a"


def test_safe_dict_writer():
    buf = io.StringIO()
    w = SafeDictWriter(buf, fieldnames=["id", "v"])
    w.writeheader()
    w.writerow({"id": "@x", "v": -1.5})
    assert buf.getvalue().splitlines() == ["id,v", "'@x,-1.5"]


# --------------------------------------------------------------------------- every CSV of a run

def _corpus(tmp_path):
    docs = []
    for i, outlet in enumerate(HOSTILE_OUTLETS):
        for j in range(2):
            docs.append({"id": f"d{i}-{j}", "outlet": outlet, "title": "<img src=x onerror=alert(1)>",
                         "text": f"Officials said the so-called plan was a disaster, critics claimed. Item {i}{j}."})
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return p


def _cells(path):
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            yield from row


def _formula_cells(paths):
    return sorted({c for p in paths for c in _cells(p) if c.startswith(FORMULA_PREFIXES) and not _is_number(c)})


def test_analyze_csv_cells_are_protected_unless_turned_off(tmp_path, capsys):
    src = _corpus(tmp_path)
    assert main(["analyze", str(src), "--out", str(tmp_path / "a"), "--format", "csv"]) == 0
    files = [tmp_path / "a" / "documents.csv", tmp_path / "a" / "spans.csv"]
    assert _formula_cells(files) == []
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in set(_cells(files[0]))
    assert main(["analyze", str(src), "--out", str(tmp_path / "b"), "--format", "csv", "--no-csv-protection"]) == 0
    raw = _formula_cells([tmp_path / "b" / "documents.csv"])
    assert "-2+3" in raw and "@SUM(A1:A9)" in raw


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rep")
    rc = main(["compare", str(_corpus(tmp)), "--by", "outlet", "--out", str(tmp / "r"), "--no-charts"])
    assert rc == 0
    return tmp / "r"


def test_compare_tables_have_no_formula_cells(hostile_report):
    files = sorted((hostile_report / "tables").glob("*.csv"))
    assert len(files) >= 10
    assert _formula_cells(files) == []


def test_summary_md_carries_no_markup(hostile_report):
    from markdown_it import MarkdownIt

    md = (hostile_report / "summary.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md  # shown, as text
    html = MarkdownIt("commonmark", {"html": True}).render(md)  # a viewer that renders HTML
    assert "<script" not in html and "<img src=x" not in html
    assert 'href="javascript' not in html and "<a " not in html
    assert "[click](javascript:alert(1))" in html  # the outlet's name, shown as written


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_md_text_is_inert(s):
    out = md_text(s)
    assert "<" not in out and ">" not in out and "\n" not in out
    for i, ch in enumerate(out):
        if ch == "`" or (ch == "]" and out[i + 1:i + 2] in ("", "(", "[", ":")):
            assert out[i - 1] == "\\"
    from markdown_it import MarkdownIt

    # in a list item, beside text of ours, and twice (a reference defined by one value, used by the other)
    for doc in ("- " + out, f"- {out}: {out} (n)", f"{out}\n\n{out}", f"- {out}\n- {out}"):
        html = MarkdownIt("commonmark", {"html": True}).render(doc)
        assert "<img" not in html and "<code>" not in html and "<a " not in html


def test_md_code_and_table():
    assert md_code("outlet") == "`outlet`"
    assert md_code("a`b") == "a\\`b"
    assert md_text("3.2 [1.0–5.1] (4)") == "3.2 [1.0–5.1] (4)"  # brackets that cannot form a link stay as they are
    assert md_text("[x](javascript:alert(1)) [r]: http://e.example ![i](y) z]") == \
        "[x\\](javascript:alert(1)) [r\\]: http://e.example ![i\\](y) z\\]"
    assert md_table(["h"], [["a|b<i>"]]).splitlines()[-1] == "| a\\|b&lt;i&gt; |"


# --------------------------------------------------------------------------- messages

def test_printable_and_redaction():
    assert printable("id\nforged line\x1b[2J\x00\u202e") == "id\\nforged line\\x1b[2J\\x00\\u202e"
    assert printable("café – ok") == "café – ok"
    assert redact_url("https://bob:pw@news.example:8443/a?b#c") == "https://***@news.example:8443/a?b#c"
    assert redact_url("https://news.example/a") == "https://news.example/a"
    assert redact_urls("see http://u:p@h.example/x and https://h.example/") == \
        "see http://***@h.example/x and https://h.example/"
    assert safe_message("fetch http://u:p@h/\nfake") == "fetch http://***@h/\\nfake"


def test_error_line_escapes_control_characters(tmp_path, capsys):
    bad = tmp_path / "m\nframelens: all good\x1b[2J.flmodel"
    rc = main(["predict", str(bad), str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 4
    assert "\x1b" not in err and "\\x1b[2J" in err
    assert len(err.strip().splitlines()) == 1


def test_log_lines_escape_control_characters_and_credentials():
    from framelens.cli import _SafeFormatter

    buf = io.StringIO()
    handler = logging.StreamHandler(buf)
    handler.setFormatter(_SafeFormatter("framelens: %(levelname)s: %(message)s"))
    log = logging.getLogger("framelens.test_safe_outputs")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("doc %s from %s", "a\nframelens: forged", "http://u:pw@h.example/")
    finally:
        log.removeHandler(handler)
    err = buf.getvalue()
    assert err.count("\n") == 1 and "a\\nframelens: forged" in err
    assert "pw@" not in err and "***@h.example" in err
