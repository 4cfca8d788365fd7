"""Corpus reading: formats, metadata, ids, encodings and bad input."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framelens
from framelens import Corpus, DecodeError, EmptyDocumentError, FormatError, InputError
from framelens.io.corpus import decode_bytes, read_text_document

from helpers import ARTICLE, make_bad_folder, write


def test_front_matter_and_offsets(tmp_path):
    src = "---\nid: a1\noutlet: Lakeshore Wire\ndate: 2025-03-10\ntitle: \"A: title\"\ntopic: courts\n---\n" + ARTICLE
    p = write(tmp_path / "a.md", src)
    (doc,) = list(Corpus(p))
    assert (doc.id, doc.outlet, doc.date, doc.title) == ("a1", "Lakeshore Wire", "2025-03-10", "A: title")
    assert doc.extra == {"topic": "courts"}
    assert doc.text == ARTICLE
    assert src[doc.body_offset:] == doc.text


def test_leading_date_line_like_the_seed():
    doc = read_text_document(" date 2024-07-25 As the district attorney said.", "x.txt", "x")
    assert doc.date == "2024-07-25" and doc.text == "As the district attorney said."
    doc = read_text_document("date: 2024-07-25\n\nBody here.", "x.txt", "x")
    assert doc.date == "2024-07-25" and doc.text == "Body here."


def test_original_characters_are_kept(tmp_path):
    raw = "Line one\u00a0with NBSP.\r\nLine “two”.\r\n"
    (doc,) = list(Corpus(write(tmp_path / "crlf.txt", raw)))
    assert doc.text == raw


def test_encodings(tmp_path):
    text = "Caf\u00e9 “owners” said no.\n"
    (a,) = list(Corpus(write(tmp_path / "bom8.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))))
    (b,) = list(Corpus(write(tmp_path / "u16.txt", text.encode("utf-16"))))
    assert a.text == text and b.text == text
    latin = write(tmp_path / "latin.txt", "Line one.\nCaf\u00e9 here.\n".encode("latin-1"))
    with pytest.raises(DecodeError) as err:
        list(Corpus(latin))
    assert err.value.origin == f"{latin}:2"
    assert "latin-1" in str(err.value)
    (c,) = list(Corpus(latin, encoding="latin-1"))
    assert "Caf\u00e9" in c.text


def test_ids_from_paths_and_hashes(tmp_path):
    write(tmp_path / "c" / "sub" / "one.txt", ARTICLE)
    write(tmp_path / "c" / "rows.jsonl", json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"id": 7, "text": "Other text."}) + "\n")
    docs = list(Corpus(tmp_path / "c"))
    ids = sorted(d.id for d in docs)
    assert "sub/one" in ids and "7" in ids
    hashed = [i for i in ids if i.startswith("h")]
    assert len(hashed) == 1 and len(hashed[0]) == 16
    # the same text gives the same id in another run
    assert hashed == [d.id for d in Corpus(tmp_path / "c" / "rows.jsonl") if d.id.startswith("h")]


def test_duplicate_ids_are_made_unique(tmp_path):
    p = write(tmp_path / "d.jsonl", "\n".join(json.dumps({"id": "x", "text": f"Text {i}."}) for i in range(3)))
    assert [d.id for d in Corpus(p)] == ["x", "x~2", "x~3"]


def test_csv_and_column_mapping(tmp_path):
    p = write(tmp_path / "c.csv", 'body,source,when\n"Hello, world. It rained.",Wire,2025-01-02\n" ",Blank,\n')
    c = Corpus(p, columns={"text": "body", "outlet": "source", "date": "when"}, errors="skip")
    docs = list(c)
    assert len(docs) == 1 and docs[0].outlet == "Wire" and docs[0].date == "2025-01-02"
    assert [(pr.origin, pr.error) for pr in c.problems] == [(f"{p}:3", "EmptyDocumentError")]
    with pytest.raises(FormatError, match="no 'text' column; columns are: body, source, when"):
        list(Corpus(p))


def test_tsv_and_json_array(tmp_path):
    docs = list(Corpus([write(tmp_path / "t.tsv", "text\toutlet\nSome text.\tX\n"),
                        write(tmp_path / "a.json", json.dumps([{"text": "A."}, {"text": "B.", "id": "b"}]))]))
    assert [d.text for d in docs] == ["Some text.", "A.", "B."]


def test_html_page(tmp_path):
    html = """<html><head><title>Board approves budget | Lakeshore Wire</title>
    <meta property="og:site_name" content="Lakeshore Wire"><meta name="date" content="2025-03-10"></head>
    <body><nav>Home | News | Sports</nav><article><h1>Board approves budget</h1>
    <p>The Marlow County board approved its budget on Monday after a long debate among supervisors.</p>
    <p>“We did our best with limited funds,” said the board chair, who asked residents for patience.</p>
    <p>The vote was four to one, according to county records released after the meeting.</p></article>
    <footer>Copyright</footer></body></html>"""
    (doc,) = list(Corpus(write(tmp_path / "page.html", html)))
    assert "approved its budget on Monday" in doc.text
    assert "Copyright" not in doc.text and "Home | News" not in doc.text
    assert doc.title.startswith("Board approves budget")
    assert doc.outlet == "Lakeshore Wire"
    assert doc.date == "2025-03-10"


def test_stdin_text_and_jsonl():
    (doc,) = list(Corpus("-", stdin=io.BytesIO(ARTICLE.encode())))
    assert doc.id == "stdin" and doc.text == ARTICLE
    docs = list(Corpus("-", stdin=io.BytesIO(b'{"text": "A."}\n{"text": "B."}\n')))
    assert [d.text for d in docs] == ["A.", "B."]


def test_glob(tmp_path):
    for n in "abc":
        write(tmp_path / f"{n}.txt", f"Article {n}.")
    assert [d.id for d in Corpus(str(tmp_path / "[ab].txt"))] == ["a", "b"]


def test_mixed_folder_every_good_document_and_every_bad_one_listed(tmp_path):
    root = make_bad_folder(tmp_path / "mixed")
    c = Corpus(root, errors="skip")
    ids = sorted(d.id for d in c)
    assert ids == ["good", "good~2", "r1", "r3"] or ids == sorted(["good", "good~2", "r1", "r3"])
    reasons = {p.origin: (p.error, p.reason) for p in c.problems}
    assert set(reasons) == {
        f"{root}/binary.txt:1", f"{root}/empty.txt:1", f"{root}/latin1.txt:1", f"{root}/notes.docx", f"{root}/rows.jsonl:2",
    }
    assert reasons[f"{root}/binary.txt:1"][0] == "FormatError" and "binary" in reasons[f"{root}/binary.txt:1"][1]
    assert reasons[f"{root}/empty.txt:1"][0] == "EmptyDocumentError"
    assert reasons[f"{root}/latin1.txt:1"][0] == "DecodeError"
    assert "unknown file extension .docx" in reasons[f"{root}/notes.docx"][1]
    assert reasons[f"{root}/rows.jsonl:2"][1].startswith("invalid JSON")


def test_errors_raise_stops_at_first_problem(tmp_path):
    root = make_bad_folder(tmp_path / "mixed")
    with pytest.raises(InputError):
        list(Corpus(root, errors="raise"))


def test_missing_path_and_bad_policy(tmp_path):
    c = Corpus(tmp_path / "nope", errors="skip")
    assert list(c) == [] and c.problems[0].reason == "no such file or folder"
    with pytest.raises(framelens.ConfigError, match="allowed: raise, warn, skip"):
        Corpus(tmp_path, errors="ignore")


def test_error_classes_inherit_builtins():
    assert issubclass(DecodeError, UnicodeError) and issubclass(FormatError, ValueError)
    assert issubclass(EmptyDocumentError, framelens.FramelensError)
    assert issubclass(framelens.LexiconError, ValueError)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decode_never_crashes_unexpectedly(data):
    try:
        text = decode_bytes(data, "f.txt")
    except InputError as exc:
        assert exc.origin.startswith("f.txt")
    else:
        assert isinstance(text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_text_document_body_offset_points_into_the_file(text):
    try:
        doc = read_text_document(text, "f.txt", "f")
    except (EmptyDocumentError, FormatError):
        return
    assert text[doc.body_offset:] == doc.text
