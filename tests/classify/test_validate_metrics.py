"""classify.validate on scikit-learn: hand-checked figures, the edge cases sklearn refuses, and the fast paths.

Every expected number below was worked out by hand from the counts written beside it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.classify.validate import (_macro_f1_fast, _macro_f1_multilabel_fast, bootstrap_ci,
                                         classification_metrics, cohen_kappa, confusion_table)


def test_single_label_hand_checked():
    # a: tp 2 (items 0, 1), fn 1 (item 2 -> b), fp 1 (item 4 b -> a): P 2/3, R 2/3, F1 2/3
    # b: tp 1 (item 3), fn 1 (item 4), fp 1 (item 2): P 1/2, R 1/2, F1 1/2
    # c: predicted once (item 5), never true; d: true once (item 5), never predicted
    yt = ["a", "a", "a", "b", "b", "d"]
    yp = ["a", "a", "b", "b", "a", "c"]
    m = classification_metrics(yt, yp)
    assert m["labels"] == ["a", "b", "c", "d"]
    assert m["per_class"]["a"] == {"precision": 2 / 3, "recall": 2 / 3, "f1": pytest.approx(2 / 3, abs=1e-15),
                                   "support": 3, "predicted": 3}
    assert m["per_class"]["b"]["f1"] == 0.5
    # c: predicted once, never true -> P 0, R 0 (undefined, 0), F1 0, in play; d: true once, never predicted -> 0
    assert m["per_class"]["c"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "predicted": 1}
    assert m["per_class"]["d"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "predicted": 0}
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.5) / 4)
    assert m["accuracy"] == m["micro_f1"] == pytest.approx(3 / 6)


def test_a_label_never_in_play_is_left_out_of_the_macro_average():
    m = classification_metrics(["a", "b"], ["a", "b"], labels=["a", "b", "z"])
    assert m["per_class"]["z"]["f1"] == 0.0
    assert m["macro_f1"] == 1.0


def test_empty_input_gives_zeros_not_an_error():
    m = classification_metrics([], [], labels=["a", "b"])
    assert m["n"] == 0 and m["macro_f1"] == 0.0 and m["per_class"]["a"]["support"] == 0
    m = classification_metrics(np.zeros((0, 2)), np.zeros((0, 2)), labels=["x", "y"], multilabel=True)
    assert m["n"] == 0 and m["micro_f1"] == 0.0


def test_multilabel_hand_checked_and_one_column():
    # column x: T 1,1,0  P 1,0,1 -> tp 1 fp 1 fn 1: F1 1/2; column y: T 0,1,1  P 0,1,1 -> F1 1
    T = np.array([[1, 0], [1, 1], [0, 1]])
    P = np.array([[1, 0], [0, 1], [1, 1]])
    m = classification_metrics(T, P, ["x", "y"], multilabel=True)
    assert m["per_class"]["x"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2, "predicted": 2}
    assert m["per_class"]["y"]["f1"] == 1.0
    assert m["macro_f1"] == 0.75
    # micro: tp 3, fp 1, fn 1 -> P 3/4, R 3/4, F1 3/4; exact-match accuracy: only the first row matches -> 1/3
    assert m["micro_f1"] == 0.75
    assert m["accuracy"] == pytest.approx(1 / 3)
    # a single column must stay one label (scikit-learn alone would read it as a binary 0/1 target)
    one = classification_metrics(T[:, :1], P[:, :1], ["x"], multilabel=True)
    assert one["per_class"]["x"] == m["per_class"]["x"]
    assert one["micro_f1"] == 0.5


def test_confusion_table_leaves_out_unknown_labels_and_survives_none_known():
    ct = confusion_table(["a", "a", "b", "q"], ["a", "b", "b", "a"], labels=["a", "b"])
    assert ct.values.tolist() == [[1, 1], [0, 1]]
    assert list(ct.index) == ["a", "b"] and ct.index.name == "true" and ct.columns.name == "predicted"
    assert confusion_table(["q"], ["a"], labels=["a", "b"]).values.tolist() == [[0, 0], [0, 0]]


def test_cohen_kappa_hand_checked_and_undefined():
    # 2x2: a/a 20, a/b 5, b/a 10, b/b 15 -> po .7, pe .5*.6 + .5*.4 = .5, kappa .4
    a = ["a"] * 25 + ["b"] * 25
    b = ["a"] * 20 + ["b"] * 5 + ["a"] * 10 + ["b"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))  # one label throughout: p_e = 1
    assert math.isnan(cohen_kappa([None, ""], ["a", "b"]))  # no unit coded by both
    assert cohen_kappa(["a", None, "b", "b"], ["a", "b", None, "b"]) == 1.0  # missing pairs skipped


labels3 = st.sampled_from(["a", "b", "c"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(labels3, labels3), min_size=1, max_size=30))
def test_fast_macro_f1_agrees_with_the_metrics(pairs):
    yt = [p[0] for p in pairs]
    yp = [p[1] for p in pairs]
    idx = {"a": 0, "b": 1, "c": 2}
    fast = _macro_f1_fast(np.array([idx[v] for v in yt]), np.array([idx[v] for v in yp]), 3)
    assert fast == pytest.approx(classification_metrics(yt, yp, ["a", "b", "c"])["macro_f1"], abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda k: st.lists(
    st.tuples(st.lists(st.booleans(), min_size=k, max_size=k), st.lists(st.booleans(), min_size=k, max_size=k)),
    min_size=1, max_size=20)))
def test_fast_multilabel_macro_f1_agrees_with_the_metrics(rows):
    T = np.array([r[0] for r in rows])
    P = np.array([r[1] for r in rows])
    expected = classification_metrics(T, P, multilabel=True)["macro_f1"]
    assert _macro_f1_multilabel_fast(T, P) == pytest.approx(expected, abs=1e-12)


def test_multilabel_bootstrap_is_seeded_and_brackets_the_estimate():
    rng = np.random.default_rng(3)
    T = rng.integers(0, 2, (60, 4))
    P = np.where(rng.random((60, 4)) < 0.8, T, 1 - T)
    lo, hi = bootstrap_ci(T, P, multilabel=True, n_boot=300, seed=5)
    assert (lo, hi) == bootstrap_ci(T, P, multilabel=True, n_boot=300, seed=5)
    assert lo <= classification_metrics(T, P, multilabel=True)["macro_f1"] <= hi
