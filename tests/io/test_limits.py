"""Hostile and huge input (issue 20): every read is capped, bad data is one bad document, never a crashed run.

Large inputs are made small by lowering the limits (``Limits(...)``); the sparse file and the device
tests use the real defaults, since they cost nothing to make.
"""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens import Corpus, DecodeError, FormatError, InputError
from framelens.errors import LexiconError, Reason
from framelens.io.limits import Limits, TooLong, iter_lines, parse_size
from framelens.io.manifest import build_manifest
from framelens.io.problems import Problem, ProblemLog

from helpers import write

GOOD = "The council said the plan would pass."


def _line(**fields) -> str:
    return json.dumps({"text": GOOD, **fields}) + "\n"


def _codes(corpus) -> dict[str, str]:
    return {p.origin: p.code for p in corpus.problems}


# -- bounded line reads ------------------------------------------------------------------------------------

def test_over_long_jsonl_line_is_one_bad_document_and_reading_goes_on(tmp_path):
    p = write(tmp_path / "c.jsonl", _line(id="a") + json.dumps({"text": "x" * 500}) + "\n" + _line(id="b"))
    c = Corpus(p, errors="skip", limits=Limits(line_size=200))
    assert [d.id for d in c] == ["a", "b"]
    (prob,) = c.problems
    assert prob.origin == f"{p}:2" and prob.code == Reason.TOO_LARGE and "longer than the 200 bytes" in prob.reason
    # the manifest's hash covers every byte, the skipped line included
    assert c.inputs[0]["bytes"] == os.path.getsize(p)


def test_iter_lines_never_holds_more_than_the_cap():
    data = b"short\n" + b"y" * 5000 + b"\nlast"
    fh = io.BufferedReader(io.BytesIO(data))
    got = list(iter_lines(fh, 100))
    assert got == [(1, b"short\n"), (2, TooLong(5001)), (3, b"last")]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=1, max_value=40))
def test_iter_lines_accounts_for_every_byte(data, cap):
    seen = bytearray()
    got = list(iter_lines(io.BufferedReader(io.BytesIO(data)), cap, seen.extend))
    assert bytes(seen) == data
    assert sum(len(x) if isinstance(x, bytes) else x.size for _, x in got) == len(data)
    assert [n for n, _ in got] == list(range(1, len(got) + 1))
    for _, x in got:
        assert isinstance(x, TooLong) or len(x) <= cap or x.endswith(b"\n")


# -- per-document size limit -------------------------------------------------------------------------------

def test_max_doc_size_skips_larger_documents_in_every_format(tmp_path):
    big = "word " * 400  # 2,000 bytes
    files = [write(tmp_path / "big.txt", big), write(tmp_path / "small.txt", GOOD),
             write(tmp_path / "rows.jsonl", _line(id="ok") + json.dumps({"id": "huge", "text": big}) + "\n"),
             write(tmp_path / "rows.csv", f"id,text\nc1,{GOOD}\nc2,{big}\n")]
    c = Corpus(files, errors="skip", max_doc_size="1kB")
    assert sorted(d.id for d in c) == ["c1", "ok", "small"]
    assert sorted(_codes(c).items()) == sorted({f"{files[0]}": Reason.TOO_LARGE, f"{files[2]}:2": Reason.TOO_LARGE,
                                                f"{files[3]}:3": Reason.TOO_LARGE}.items())
    with pytest.raises(InputError) as err:
        list(Corpus(files[0], max_doc_size=1000))
    assert err.value.code == Reason.TOO_LARGE


def test_a_text_slightly_over_the_limit_after_its_front_matter_is_measured(tmp_path):
    p = write(tmp_path / "a.md", "---\ntitle: T\n---\n" + "é" * 600)  # 1,200 bytes of text in 600 characters
    c = Corpus(p, errors="skip", max_doc_size=1000)
    assert list(c) == [] and c.problems[0].code == Reason.TOO_LARGE
    assert [d.text for d in Corpus(p, max_doc_size=1200)] == ["é" * 600]


@pytest.mark.parametrize("text, expected", [("5MB", 5_000_000), ("500kB", 500_000), ("2MiB", 2 * 2**20),
                                            ("1.5 GB", 1_500_000_000), ("123", 123), (77, 77)])
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("bad", ["", "5XB", "-1", "0", "MB", True])
def test_parse_size_refuses(bad):
    from framelens import ConfigError

    with pytest.raises(ConfigError):
        parse_size(bad)


# -- files measured and refused before they are read --------------------------------------------------------

def test_sparse_5gb_text_file_is_refused_unread(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(5 * 10**9)  # sparse: no disk used
    c = Corpus(str(p), errors="skip")
    assert list(c) == [] and c.problems[0].code == Reason.TOO_LARGE and "skipped unread" in c.problems[0].reason
    assert c.inputs == []


@pytest.mark.parametrize("name", ["zero.txt", "zero.jsonl", "zero.csv", "zero.json"])
def test_symlink_to_a_device_is_refused_naming_the_file(tmp_path, name):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError) as err:
        list(Corpus(str(link)))
    assert err.value.code == Reason.SPECIAL_FILE and err.value.origin == str(link)
    assert "character device" in err.value.reason and "/dev/zero" in err.value.reason


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # opening it for reading would block for ever
    c = Corpus([str(fifo), write(tmp_path / "ok.txt", GOOD)], errors="skip")
    assert [d.id for d in c] == ["ok"]
    assert c.problems[0].code == Reason.SPECIAL_FILE and "FIFO" in c.problems[0].reason


# -- decompression caps -----------------------------------------------------------------------------------

def test_gzip_bomb_stops_at_the_ratio_cap_with_flat_problem_list(tmp_path):
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(gzip.compress(b"{}\n" * 200_000, 9))  # 600 kB from about 1 kB
    # the cap is checked block by block (64 KiB): a floor of 100 kB stops it at the second block
    c = Corpus(str(p), errors="skip", limits=Limits(ratio_floor=100_000, max_ratio=50, max_problems=20))
    assert list(c) == []
    assert len(c.problems) == 21 and c.problems.total < 200_000  # the first 20, and the first of a new reason
    assert c.problems[-1].code == Reason.TOO_LARGE and "compression bomb" in c.problems[-1].reason
    assert c.problems.counts[Reason.TOO_LARGE] == 1 and c.problems.counts[Reason.FORMAT] == c.problems.total - 1
    assert c.problems.total > 10_000  # it read up to the cap, not less


def test_gzip_size_cap_and_corrupt_stream(tmp_path):
    p = tmp_path / "many.jsonl.gz"
    p.write_bytes(gzip.compress(_line().encode() * 3000))  # 150 kB unpacked
    c = Corpus(str(p), errors="skip", limits=Limits(max_decompressed=100_000))
    docs = list(c)
    assert 0 < len(docs) < 3000 and [pr.code for pr in c.problems] == [Reason.TOO_LARGE]
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(_line().encode() * 50)[:-30] + b"garbage-garbage-garbage")
    c = Corpus(str(bad), errors="skip")
    docs = list(c)
    assert c.problems[-1].error == "FormatError" and "compressed data" in c.problems[-1].reason


# -- problems are capped, counted per reason, and the manifest stays small -----------------------------------

def test_two_thousand_empty_objects_keep_a_small_problem_list_and_manifest(tmp_path):
    p = write(tmp_path / "empty.jsonl", "{}\n" * 2000 + _line(id="last"))
    c = Corpus(p, errors="skip", limits=Limits(max_problems=10))
    assert [d.id for d in c] == ["last"]
    assert len(c.problems) == 10 and c.problems.total == 2000 and c.problems.omitted == 1990
    assert dict(c.problems.counts) == {Reason.FORMAT: 2000}
    m = build_manifest(command="t", parameters={}, inputs=[], resources=[], problems=c.problems, counts={})
    assert len(m["skipped"]) == 10 and m["skipped_total"] == 2000 and m["skipped_by_reason"] == {"format": 2000}
    assert len(json.dumps(m)) < 5000


def test_problem_log_is_a_list_of_the_first_problems():
    log = ProblemLog(2)
    log.extend(Problem(f"f:{i}", "bad", "FormatError", "format") for i in range(5))
    log += [Problem("g", "bad", "InputError")]
    assert [p.origin for p in log] == ["f:0", "f:1", "g"] and log.total == 6  # the first of each reason is kept
    assert dict(log.counts) == {"format": 5, "InputError": 1} and log.omitted == 3


# -- bad data is a bad document -----------------------------------------------------------------------------

def test_surrogates_deep_nesting_and_odd_types_are_bad_lines(tmp_path):
    lines = [
        _line(id="good1"),
        '{"id": "s1", "text": "Bad \\ud800 text."}\n',
        '{"id": "s2", "outlet": "Wire \\udfff", "text": "Fine text."}\n',
        '{"id": "s3", "text": "Fine.", "tags": ["a", {"k": "\\ud9ea"}]}\n',
        '{"id": "deep", "text": "Fine.", "x": ' + "[" * 2000 + "]" * 2000 + "}\n",
        '{"id": "deep2", "text": "Fine.", "x": ' + "[" * 100 + "]" * 100 + "}\n",
        json.dumps({"id": "t1", "text": "Fine.", "outlet": ["a", "b"]}) + "\n",
        json.dumps({"id": {"x": 1}, "text": "Fine."}) + "\n",
        json.dumps({"id": "t3", "text": 12}) + "\n",
        json.dumps({"id": "t4", "text": "Fine.", "title": True}) + "\n",
        json.dumps({"id": 17, "text": "A numbered row.", "date": 20240725, "tags": ["ok"], "n": {"k": [1]}}) + "\n",
        '{"id": "pair", "text": "An emoji \\ud83d\\ude00 is fine."}\n',
        _line(id="good2"),
    ]
    p = write(tmp_path / "bad.jsonl", "".join(lines))
    c = Corpus(p, errors="skip")
    docs = list(c)
    assert [d.id for d in docs] == ["good1", "17", "pair", "good2"]
    assert docs[1].extra == {"tags": ["ok"], "n": {"k": [1]}} and docs[1].date == "20240725"
    codes = _codes(c)
    assert codes == {f"{p}:2": Reason.SURROGATE, f"{p}:3": Reason.SURROGATE, f"{p}:4": Reason.SURROGATE,
                     f"{p}:5": Reason.TOO_DEEP, f"{p}:6": Reason.TOO_DEEP, f"{p}:7": Reason.FIELD_TYPE,
                     f"{p}:8": Reason.FIELD_TYPE, f"{p}:9": Reason.FIELD_TYPE, f"{p}:10": Reason.FIELD_TYPE}
    reasons = {pr.origin: pr.reason for pr in c.problems}
    assert "'text'" in reasons[f"{p}:2"] and "U+D800" in reasons[f"{p}:2"]
    assert "'outlet'" in reasons[f"{p}:3"] and "'tags[1].k'" in reasons[f"{p}:4"]
    assert "'outlet' is a list" in reasons[f"{p}:7"] and "'title' is a bool" in reasons[f"{p}:10"]
    with pytest.raises(DecodeError) as err:
        list(Corpus(p))
    assert err.value.origin == f"{p}:2" and isinstance(err.value, ValueError)


def test_front_matter_with_a_list_title_or_a_surrogate_escape(tmp_path):
    a = write(tmp_path / "a.md", "---\ntitle: [a, b]\n---\nBody text.")
    b = write(tmp_path / "b.md", '---\ntitle: "bad \\ud800"\n---\nBody text.')
    c = Corpus([a, b], errors="skip")
    assert list(c) == []
    assert [p.code for p in c.problems] == [Reason.FIELD_TYPE, Reason.SURROGATE]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
                          st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                                       lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=4),
                                                                                                kids, max_size=3),
                                       max_leaves=10).map(json.dumps)), max_size=6))
def test_jsonl_reader_never_crashes(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    c = Corpus("-", stdin=io.BytesIO(b"{}\n" + data), errors="skip", limits=Limits(line_size=64))
    for d in c:
        d.text.encode("utf-8")  # every document is valid Unicode
    assert c.problems.total >= 1


# -- CSV is streamed ------------------------------------------------------------------------------------------

def test_csv_rows_stream_with_long_rows_skipped_and_quoted_newlines_kept(tmp_path):
    rows = "id,text\nr1,\"Two\nlines.\"\nr2," + "z" * 300 + "\nr3,Last row.\n"
    p = write(tmp_path / "c.csv", rows)
    c = Corpus(p, errors="skip", limits=Limits(line_size=100))
    docs = list(c)
    assert [(d.id, d.text) for d in docs] == [("r1", "Two\nlines."), ("r3", "Last row.")]
    assert [(pr.origin, pr.code) for pr in c.problems] == [(f"{p}:4", Reason.TOO_LARGE)]
    assert c.inputs[0]["bytes"] == len(rows.encode())


def test_csv_bad_byte_keeps_the_rows_before_it(tmp_path):
    data = b"id,text\nr1,Fine.\nr2,Caf\xe9 here.\nr3,Never read.\n"
    p = write(tmp_path / "c.csv", data)
    c = Corpus(p, errors="skip")
    assert [d.id for d in c] == ["r1"]
    (prob,) = c.problems
    assert prob.origin == f"{p}:3" and prob.error == "DecodeError"
    assert "byte 0xe9 at byte offset 23" in prob.reason  # 8 + 9 + len("r2,Caf")
    assert [d.text for d in Corpus(p, encoding="latin-1")][1] == "Caf\u00e9 here."


def test_utf16_csv_and_gzip_csv(tmp_path):
    text = "id,text\nu1,\u201cQuoted\u201d words.\n"
    a = write(tmp_path / "u.csv", text.encode("utf-16"))
    b = tmp_path / "g.csv.gz"
    b.write_bytes(gzip.compress(text.replace("u1", "g1").encode()))
    assert [(d.id, d.text) for d in Corpus([a, str(b)])] == [("u1", "\u201cQuoted\u201d words."),
                                                              ("g1", "\u201cQuoted\u201d words.")]


# -- stdin is streamed ----------------------------------------------------------------------------------------

class _Endless(io.RawIOBase):
    """A stream that never ends (like /dev/urandom on stdin), counting what was read from it."""

    def __init__(self, pattern: bytes):
        self.pattern, self.read_bytes = pattern, 0

    def readable(self):
        return True

    def readinto(self, buf):
        n = len(buf)
        buf[:n] = (self.pattern * (n // len(self.pattern) + 1))[:n]
        self.read_bytes += n
        return n


def test_stdin_text_is_capped_and_jsonl_is_read_line_by_line():
    endless = _Endless(b"words ")
    c = Corpus("-", stdin=endless, errors="skip", max_doc_size=10_000)
    assert list(c) == [] and c.problems[0].code == Reason.TOO_LARGE
    assert endless.read_bytes < 2_000_000
    docs = list(Corpus("-", stdin=io.BytesIO(b"\n\n" + _line(id="a").encode() + b"\xff\n" + _line(id="b").encode()),
                       errors="skip"))
    assert [d.id for d in docs] == ["a", "b"]


# -- the other whole-file reads ----------------------------------------------------------------------------------

def test_lexicon_and_table_files_are_capped(tmp_path):
    from framelens.io.textfile import read_text_file
    from framelens.lexicon import _read_lexicon_bytes, load_lexicon

    big = write(tmp_path / "big.csv", "term,category\n" + "word,x\n" * 100)
    with pytest.raises(LexiconError) as err:
        _read_lexicon_bytes(big, limit=100)
    assert err.value.code == Reason.TOO_LARGE
    with pytest.raises(InputError) as err:
        read_text_file(big, "read", max_bytes=100)
    assert err.value.code == Reason.TOO_LARGE
    if os.path.exists("/dev/zero"):
        (tmp_path / "z.yaml").symlink_to("/dev/zero")
        with pytest.raises(LexiconError, match="not a regular file"):
            load_lexicon(tmp_path / "z.yaml")
        with pytest.raises(InputError) as err:
            read_text_file(str(tmp_path / "z.yaml"))
        assert err.value.code == Reason.SPECIAL_FILE


def test_dataframe_rows_with_surrogates_are_refused_naming_the_column():
    pd = pytest.importorskip("pandas")
    # object columns: pandas' Arrow-backed strings cannot hold a lone surrogate at all
    df = pd.DataFrame({"text": ["Good text.", "Bad \ud9ea text."], "outlet": ["A", "B\udc00"]}, dtype=object)
    with pytest.raises(DecodeError) as err:
        list(Corpus(df))
    assert err.value.code == Reason.SURROGATE and err.value.origin == "<DataFrame>:row 1"
    assert "'text'" in err.value.reason
    c = Corpus(df, errors="skip")
    assert [d.text for d in c] == ["Good text."] and c.problems[0].code == Reason.SURROGATE


def test_format_error_is_still_the_class_for_type_problems(tmp_path):
    p = write(tmp_path / "t.jsonl", json.dumps({"text": ["a"]}) + "\n")
    with pytest.raises(FormatError) as err:
        list(Corpus(p))
    assert err.value.code == Reason.FIELD_TYPE


def test_check_document_for_documents_made_outside_a_corpus():
    from framelens.io.documents import check_document
    from framelens.model import Document

    ok = Document(id="a", text="The plan passed.", outlet="Wire")
    assert check_document(ok) is ok
    for doc, field in ((Document(id="text", text="\ud9ea"), "'text'"),
                       (Document(id="b", text="Fine.", title="T\udfff"), "'title'"),
                       (Document(id="c", text="Fine.", extra={"tags": ["x", "\ud800"]}), "'tags[1]'")):
        with pytest.raises(ValueError) as err:  # a DecodeError: an InputError, so a ValueError too
            check_document(doc)
        assert err.value.code == Reason.SURROGATE and field in str(err.value)
    with pytest.raises(InputError) as err:
        check_document(Document(id="d", text="x" * 50), max_doc_size=10)
    assert err.value.code == Reason.TOO_LARGE


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                                 max_size=20), min_size=1,
                         max_size=3), max_size=8),
       st.integers(min_value=12, max_value=60))  # the header line "id,text,x\r\n" is 11 bytes
def test_csv_reader_never_crashes_and_keeps_every_short_row(rows, cap):
    import csv as _csv

    buf = io.StringIO()
    w = _csv.writer(buf)
    w.writerow(["id", "text", "x"])
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    # a row is kept when its text is not blank and no line of the file is longer than the cap
    c = Corpus("-", stdin=io.BytesIO(b""), errors="skip")  # a Corpus for its settings; the stream read directly
    from framelens.io.csvread import iter_csv

    out = list(iter_csv(io.BufferedReader(io.BytesIO(data)), "t.csv", columns=c.columns,
                        limits=Limits(line_size=cap)))
    docs = [x for x in out if not isinstance(x, InputError)]
    for d in docs:
        assert d.text.strip()
    if max(len(ln) for ln in data.split(b"\n")) + 1 <= cap:
        expected = [r[1] for r in rows if len(r) > 1 and r[1].strip() and len(r) <= 3]
        assert [d.text for d in docs] == expected
