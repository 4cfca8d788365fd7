"""Training speed (issue 17 part 5): the per-text feature cache, the keyness cross-fit that reuses one n-gram
matrix, the dual solver of the C search, and that the search never sees an outer test fold."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from framelens.classify import features as F
from framelens.classify.features import FramelensFeatures, KeynessPooling
from framelens.classify.pipeline import TunedLogisticRegression, make_pipeline
from framelens.classify.validate import cross_validate, stratified_folds
from helpers import TOY_X, TOY_Y

WORDS = ["illegals", "slammed", "allegedly", "clearly", "said", "the", "council", "budget", "flood", "of",
         "migrants", "radical", "left", "\u201cso-called\u201d", "reportedly", "economy", "jobs", "crime", "\"quote\"",
         "may", "have", "insisted", "Tuesday", ".", ",", "\n"]


def _reference(texts, per_words=None):
    """Features computed without the cache, one analysis per text (the transformer's rule written out again)."""
    an = F._analyzer((), True)
    from framelens.model import Document

    cols = [c for g in F.FEATURE_GROUPS.values() for c in g]
    out = np.zeros((len(texts), len(cols)))
    for i, t in enumerate(texts):
        if not t.strip():
            continue
        row = FramelensFeatures._row(an.analyze_document(Document(id="x", text=t)))
        words = row.pop("words")
        row["log_words"] = math.log1p(words)
        scale = per_words / words if per_words and words else 1.0
        out[i] = [row[c] if c in ("quoted_share", "log_words") else row[c] * scale for c in cols]
    return out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join), min_size=1, max_size=6),
       st.sampled_from([None, 100]))
def test_cache_returns_the_uncached_features(texts, per_words):
    F.clear_feature_cache()
    f = FramelensFeatures(per_words=per_words).fit(texts)
    cold = f.transform(texts)            # fills the cache
    warm = f.transform(texts[::-1])[::-1]  # every row from the cache, in another order
    ref = _reference(texts, per_words)
    assert np.array_equal(cold, ref)
    assert np.array_equal(warm, ref)
    an = F._analyzer((), True)
    assert np.array_equal(F._cached_raw_rows(an, texts), F._raw_rows(an, texts))


def test_cache_is_bounded_and_keyed_by_text(monkeypatch):
    F.clear_feature_cache()
    monkeypatch.setattr(F, "_CACHE_ROWS", 3)
    texts = [f"Critics slammed plan number {i}." for i in range(5)]
    f = FramelensFeatures().fit(texts)
    assert np.array_equal(f.transform(texts), _reference(texts))
    assert len(F._ROW_CACHE[F._analyzer((), True)]) == 3
    # a duplicate text is analysed once and gets the same row
    calls = []
    real = F._raw_rows
    monkeypatch.setattr(F, "_raw_rows", lambda an, t: calls.append(list(t)) or real(an, t))
    F.clear_feature_cache()
    out = f.transform(["Twice, allegedly.", "Twice, allegedly.", "Once."])
    assert calls == [["Twice, allegedly.", "Once."]]
    assert np.array_equal(out[0], out[1])


def test_pipeline_predictions_identical_with_and_without_cache(monkeypatch):
    X = np.asarray(TOY_X, dtype=object)
    F.clear_feature_cache()
    FramelensFeatures().fit(X).transform(X)  # warm: the fit below reads every row from the cache
    cached = make_pipeline().fit(X, TOY_Y)
    monkeypatch.setattr(F, "_cached_raw_rows", F._raw_rows)  # no cache at all
    plain = make_pipeline().fit(X, TOY_Y)
    probe = np.asarray(list(TOY_X) + ["The radical left slammed the so-called plan.", "Officials said it rained."],
                       dtype=object)
    assert list(cached.predict(probe)) == list(plain.predict(probe))
    assert np.array_equal(cached.predict_proba(probe), plain.predict_proba(probe))
    assert cached.named_steps["clf"].C_ == plain.named_steps["clf"].C_


def test_keyness_crossfit_from_one_matrix_equals_refitting_per_fold():
    texts = np.asarray(list(TOY_X) * 2, dtype=object)
    y = np.asarray(list(TOY_Y) * 2)
    k = KeynessPooling(random_state=3)
    got = k.fit_transform(texts, y)
    T = (y == "neutral")[None, :]
    want = np.zeros_like(got)
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=3).split(texts, T[0].astype(int)):
        vec, odds, _ = KeynessPooling(random_state=3)._estimate(list(texts[tr]), T[:, tr])
        want[te] = k._pool(vec, odds, list(texts[te]))
    assert np.array_equal(got, want)
    assert np.array_equal(k.transform(texts[:5]), KeynessPooling().fit(texts, y).transform(texts[:5]))


def test_dual_search_gives_the_primal_model():
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit_transform(TOY_X)
    m = TunedLogisticRegression().fit(X, TOY_Y)
    primal = LogisticRegression(C=m.C_, class_weight="balanced", solver="liblinear", max_iter=2000,
                                random_state=0).fit(X, TOY_Y)
    assert m.estimator_.dual is True  # more columns than texts
    assert list(m.predict(X)) == list(primal.predict(X))
    assert np.allclose(m.predict_proba(X), primal.predict_proba(X), atol=1e-3)


class Spy(TransformerMixin, BaseEstimator):
    """Passes texts through; records every set of texts it is fitted on (shared across clones)."""

    log: list = []

    def fit(self, X, y=None):
        Spy.log.append(list(X))
        return self

    def transform(self, X):
        return X


def test_inner_search_never_sees_the_outer_test_fold():
    X = [f"{t} Item {i}." for i, t in enumerate(TOY_X)]  # TOY_X repeats texts; these are all distinct
    y = list(TOY_Y)
    inner = make_pipeline()
    model = Pipeline([("spy", Spy()), ("features", inner.named_steps["features"]), ("clf", inner.named_steps["clf"])])
    splits = stratified_folds(np.asarray(y, dtype=object), 3, seed=0)
    Spy.log = []
    cross_validate(model, X, y, splits=splits, n_boot=10)
    assert len(Spy.log) == len(splits)
    for seen, (tr, te) in zip(Spy.log, splits):
        assert sorted(seen) == sorted(X[i] for i in tr)
        assert not set(seen) & {X[i] for i in te}
    # the C search runs on the rows it is given (the training fold) and nothing else
    rows = []

    class SpyLR(TunedLogisticRegression):
        def fit(self, Xm, yy):
            rows.append(Xm.shape[0])
            return super().fit(Xm, yy)

    m2 = Pipeline([("features", clone(inner.named_steps["features"])), ("clf", SpyLR())])
    cross_validate(m2, X, y, splits=splits, n_boot=10)
    assert rows == [len(tr) for tr, _ in splits]


@pytest.fixture(autouse=True)
def _fresh_cache():
    yield
    F.clear_feature_cache()
