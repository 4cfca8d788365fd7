"""LogCountRatioWeights: naive-Bayes log-count-ratio term weighting (Wang & Manning 2012), hand-checked."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from framelens.classify.features import LogCountRatioWeights
from framelens.classify.pipeline import make_baseline, make_pipeline
from framelens.errors import ConfigError

# 4 texts, 3 columns; column 0 only in class "b", column 1 in both classes once, column 2 only in "a"
X4 = sp.csr_matrix(np.array([[0.5, 0.2, 0.0],
                             [0.7, 0.0, 0.0],
                             [0.0, 0.3, 0.9],
                             [0.0, 0.0, 0.4]]))
Y4 = ["b", "b", "a", "a"]
# class "b" (texts 0,1): presence p = 1 + [2, 1, 0] = [3, 2, 1], |p| = 6; the others q = 1 + [0, 1, 2] = [1, 2, 3]
EXPECTED4 = np.abs(np.log(np.array([3, 2, 1]) / 6) - np.log(np.array([1, 2, 3]) / 6))


def test_binary_hand_values_sparse_and_dense():
    w = LogCountRatioWeights(alpha=1.0).fit(X4, Y4)
    assert np.allclose(w.weights_, EXPECTED4)
    assert w.weights_[1] == pytest.approx(0.0) and w.weights_[0] == pytest.approx(np.log(3))
    out = w.transform(X4)
    assert sp.issparse(out)
    assert np.allclose(out.toarray(), X4.toarray() * EXPECTED4)
    assert np.allclose(w.transform(X4.toarray()), X4.toarray() * EXPECTED4)
    assert np.allclose(w.transform(X4.toarray().tolist()), X4.toarray() * EXPECTED4)  # plain lists too
    # the weights do not depend on which class is called positive
    assert np.allclose(LogCountRatioWeights().fit(X4, ["a", "a", "b", "b"]).weights_[::-1], EXPECTED4)
    # alpha = 2: p = [4, 3, 2]/9, q = [2, 3, 4]/9
    w2 = LogCountRatioWeights(alpha=2.0).fit(X4, Y4)
    assert np.allclose(w2.weights_, np.abs(np.log([4 / 2, 3 / 3, 2 / 4])))


def test_target_shapes_series_column_and_indicator():
    for y in (pd.Series(Y4), np.array(Y4, dtype=object).reshape(-1, 1), [1, 1, 0, 0]):
        assert np.allclose(LogCountRatioWeights().fit(X4, y).weights_, EXPECTED4)
    # an indicator matrix is multi-label: left unweighted by default
    Y = np.array([[1, 0], [0, 1], [1, 1]])
    assert np.array_equal(LogCountRatioWeights().fit(sp.eye(3, format="csr"), Y).weights_, np.ones(3))
    with pytest.raises(ConfigError, match="rows"):
        LogCountRatioWeights().fit(X4, ["a", "b", "a"])
    with pytest.raises(ConfigError, match="class labels or a 0/1 indicator"):
        LogCountRatioWeights().fit(X4, [0.5, 1.5, 2.5, 3.7])


def test_multiclass_and_multilabel_max_hand_values():
    X = sp.eye(3, format="csr")
    # multi-class: each column appears in exactly one class; for that class p = [2,1,1]/4, q = [1,2,2]/5
    w3 = LogCountRatioWeights().fit(X, ["x", "y", "z"])
    assert np.allclose(w3.weights_, abs(np.log(2 / 4) - np.log(1 / 5)))
    assert np.array_equal(LogCountRatioWeights(multiclass="identity").fit(X, ["x", "y", "z"]).weights_, np.ones(3))
    # multi-label "max", X = identity (text i contains only column i):
    # label 0 (texts 0, 2): p = [2,1,2]/5, q = [1,2,1]/4 -> |r| = [0.470, 0.916, 0.470]
    # label 1 (texts 1, 2): p = [1,2,2]/5, q = [2,1,1]/4 -> |r| = [0.916, 0.470, 0.470]
    Y = sp.csr_matrix(np.array([[1, 0], [0, 1], [1, 1]]))
    wl = LogCountRatioWeights(multilabel="max").fit(X, Y)
    big, small = abs(np.log(1 / 5) - np.log(2 / 4)), abs(np.log(2 / 5) - np.log(1 / 4))
    assert wl.weights_ == pytest.approx([big, big, small])  # neither label alone gives this


def test_errors_and_contract():
    with pytest.raises(ConfigError, match="needs labels"):
        LogCountRatioWeights().fit(X4, None)
    with pytest.raises(ConfigError, match="two classes"):
        LogCountRatioWeights().fit(X4, ["a", "a", "a", "a"])
    for bad in (0, -1, float("inf")):
        with pytest.raises(ConfigError, match="alpha"):
            LogCountRatioWeights(alpha=bad).fit(X4, Y4)
    with pytest.raises(ConfigError, match="multiclass"):
        LogCountRatioWeights(multiclass="mean").fit(X4, Y4)
    with pytest.raises(ConfigError, match="multilabel"):
        LogCountRatioWeights(multilabel="sum").fit(X4, Y4)
    w = LogCountRatioWeights().fit(X4, Y4)
    with pytest.raises(ConfigError, match="3 columns"):
        w.transform(sp.csr_matrix(np.ones((1, 4))))
    c = clone(LogCountRatioWeights(alpha=0.5, multiclass="identity"))
    assert c.get_params() == {"alpha": 0.5, "multiclass": "identity", "multilabel": "identity"}
    # feature names pass through, so a pipeline's get_feature_names_out keeps working
    m = Pipeline([("tfidf", TfidfVectorizer()), ("weigh", LogCountRatioWeights())])
    m.fit(["alpha beta", "beta gamma", "gamma delta", "delta alpha"], [0, 0, 1, 1])
    assert list(m.get_feature_names_out()) == ["alpha", "beta", "delta", "gamma"]


def test_default_pipeline_weights_ngrams_and_baseline_does_not():
    m = make_pipeline(C=1.0)
    blocks = dict(m.named_steps["features"].transformer_list)
    assert [n for n, _ in blocks["word"].steps] == ["tfidf", "weigh"]
    assert [n for n, _ in blocks["char"].steps] == ["tfidf", "weigh"]
    base = dict(make_baseline(C=1.0).named_steps["features"].transformer_list)
    assert type(base["word"]).__name__ == "TfidfVectorizer" and type(base["char"]).__name__ == "TfidfVectorizer"
    assert "embeddings" not in blocks  # the default stays scikit-learn only
    with pytest.raises(ConfigError, match="embeddings_weight"):
        make_pipeline(embeddings_weight=0.5)
    X = ["Critics slammed the radical plan.", "The council met on Tuesday."] * 6
    fitted = make_pipeline(C=1.0).fit(np.asarray(X, dtype=object), ["b", "n"] * 6)
    names = fitted.named_steps["features"].get_feature_names_out()
    assert any(n.startswith("word__") for n in names) and any(n.startswith("framelens__") for n in names)
