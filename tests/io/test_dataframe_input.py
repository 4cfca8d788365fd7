"""DataFrames wherever documents are: read_corpus(df, ...), analyze(df, ...), compare(..., by=<any column>)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import framelens
from framelens.compare import compare
from framelens.errors import ConfigError, EmptyDocumentError, FormatError, Reason

TEXTS = [
    "Critics slammed the radical plan on Monday. The council voted 5-2.",
    "The council approved the budget, officials said.",
    "The mayor allegedly ignored the warnings. “It was a disaster,” a resident said.",
]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "content": TEXTS,
        "source": ["Daily Post", "City Wire", "Daily Post"],
        "headline": ["Plan slammed", "Budget passes", "Warnings ignored"],
        "published": pd.to_datetime(["2024-03-01", "2024-03-02", "2024-03-02"]),
        "lean": ["left", "right", "left"],
    })


def test_read_corpus_maps_columns_and_keeps_the_rest(frame):
    corpus = framelens.read_corpus(frame, text="content", outlet="source", title="headline", date="published")
    docs = list(corpus)
    assert [d.text for d in docs] == TEXTS
    assert [d.outlet for d in docs] == ["Daily Post", "City Wire", "Daily Post"]
    assert [d.title for d in docs] == ["Plan slammed", "Budget passes", "Warnings ignored"]
    assert [d.date for d in docs] == ["2024-03-01", "2024-03-02", "2024-03-02"]  # Timestamp at midnight -> date
    assert [d.extra for d in docs] == [{"lean": "left"}, {"lean": "right"}, {"lean": "left"}]
    assert [d.origin for d in docs] == ["<DataFrame>:row 0", "<DataFrame>:row 1", "<DataFrame>:row 2"]
    assert corpus.problems == []
    assert corpus.inputs[0]["path"] == "<DataFrame>" and corpus.inputs[0]["rows"] == 3
    assert repr(corpus).startswith("<Corpus: DataFrame of 3 rows")


def test_analyze_dataframe_and_compare_by_an_extra_column(frame):
    res = framelens.analyze(frame, text="content", outlet="source")
    assert len(res.documents) == 3 and res.problems == []
    assert list(res.documents["outlet"]) == ["Daily Post", "City Wire", "Daily Post"]
    assert list(res.documents["lean"]) == ["left", "right", "left"]
    assert list(res.documents["words"]) == [r.words for r in res.results]
    # the same text analysed directly gives the same spans
    direct = framelens.analyze(TEXTS[0])
    assert [(s.kind, s.start, s.end) for s in res.results[0].spans] == \
        [(s.kind, s.start, s.end) for s in direct.results[0].spans]
    cmp = compare(res, by="lean", n_boot=200, align_facts=False)
    assert cmp.groups == ["left", "right"]
    assert dict(cmp.documents["group"].value_counts()) == {"left": 2, "right": 1}


def test_iter_analyze_dataframe(frame):
    out = list(framelens.iter_analyze(frame, text="content"))
    assert [r.doc.text for r in out] == TEXTS


def test_missing_column_names_it_and_the_columns_present(frame):
    with pytest.raises(ConfigError) as e:
        framelens.analyze(frame, text="body")
    assert e.value.code == Reason.FORMAT
    assert "'body'" in str(e.value) and "content, source, headline, published, lean" in str(e.value)
    with pytest.raises(ConfigError) as e:  # the default text column is absent too
        framelens.read_corpus(frame)
    assert "'text'" in str(e.value)
    with pytest.raises(ConfigError) as e:  # an explicitly mapped metadata column must exist
        framelens.read_corpus(frame, text="content", outlet="outlet_name")
    assert "'outlet_name'" in str(e.value)


def test_empty_and_missing_text_follow_errors(frame):
    df = frame.copy()
    df.loc[1, "content"] = "   "
    df.loc[2, "content"] = None
    with pytest.raises(EmptyDocumentError) as e:
        list(framelens.read_corpus(df, text="content"))
    assert e.value.origin == "<DataFrame>:row 1"
    res = framelens.analyze(df, text="content", errors="skip")
    assert len(res.documents) == 1
    assert [(p.origin, p.error) for p in res.problems] == [("<DataFrame>:row 1", "EmptyDocumentError"),
                                                           ("<DataFrame>:row 2", "EmptyDocumentError")]


def test_non_text_cell_is_a_format_problem():
    df = pd.DataFrame({"text": ["A sentence here.", 42]}, index=["a", "b"])
    corpus = framelens.read_corpus(df, errors="skip")
    assert [d.text for d in corpus] == ["A sentence here."]
    assert [(p.origin, p.error) for p in corpus.problems] == [("<DataFrame>:row b", "FormatError")]
    with pytest.raises(FormatError):
        list(framelens.read_corpus(df))


def test_numpy_and_missing_values_become_plain_python():
    df = pd.DataFrame({"text": ["One.", "Two."], "score": [1, 2], "weight": [0.5, math.nan],
                       "flag": pd.array([True, None], dtype="boolean")})
    docs = list(framelens.read_corpus(df))
    assert docs[0].extra == {"score": 1, "weight": 0.5, "flag": True}
    assert type(docs[0].extra["score"]) is int
    assert docs[1].extra == {"score": 2, "weight": None, "flag": None}


def test_duplicate_texts_get_distinct_ids():
    df = pd.DataFrame({"text": ["Same text.", "Same text."]})
    ids = [d.id for d in framelens.read_corpus(df)]
    assert ids[1] == ids[0] + "~2"


def test_column_keywords_are_checked(tmp_path, frame):
    with pytest.raises(ConfigError):  # column keywords with something that is not a DataFrame
        framelens.analyze("Some text.", text="content")
    with pytest.raises(ConfigError):  # the same field named twice
        framelens.read_corpus(frame, text="content", columns={"text": "content"})
    # on files the keywords map CSV columns like columns= does
    path = tmp_path / "a.csv"
    frame.to_csv(path, index=False)
    docs = list(framelens.read_corpus(str(path), text="content", outlet="source"))
    assert [d.outlet for d in docs] == ["Daily Post", "City Wire", "Daily Post"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=6))
def test_every_non_blank_cell_becomes_one_document_with_its_exact_text(texts):
    corpus = framelens.read_corpus(pd.DataFrame({"text": texts}), errors="skip")
    assert [d.text for d in corpus] == [t for t in texts if t.strip()]
    assert len(corpus.problems) == sum(1 for t in texts if not t.strip())


def test_analyze_progress_bar_counts_documents(capsys):
    """progress=True draws a tqdm bar (to stderr outside Jupyter) with the DataFrame's total."""
    df = pd.DataFrame({"content": ["One short text here.", "Another short text.", "A third one."],
                       "source": ["A", "B", "C"]})
    res = framelens.analyze(df, text="content", outlet="source", progress=True)
    assert len(res.documents) == 3
    assert "3/3" in capsys.readouterr().err
    framelens.analyze(df, text="content", outlet="source")
    assert capsys.readouterr().err == ""  # off by default
