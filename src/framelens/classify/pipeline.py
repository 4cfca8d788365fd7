"""``make_pipeline``: the default framelens text classifier as a standard scikit-learn Pipeline.

::

    Pipeline([
      ("features", FeatureUnion([
          ("word", Pipeline([("tfidf", TfidfVectorizer(word 1-2 grams, sublinear tf)),
                             ("weigh", LogCountRatioWeights())])),
          ("char", Pipeline([("tfidf", TfidfVectorizer(char_wb 2-5 grams, sublinear tf)),
                             ("weigh", LogCountRatioWeights())])),
          ("framelens", Pipeline([("counts", FramelensFeatures()), ("scale", StandardScaler())])),   # weight 0.3
          ("keyness", Pipeline([("pool", KeynessPooling()), ("scale", StandardScaler())])),          # weight 0.3
          # only with embeddings="wordllama" or "minilm" (optional extras):
          ("embeddings", Pipeline([("embed", SentenceEmbeddings(backend)),
                                   ("scale", StandardScaler())])),                      # weight 1/sqrt(dim)
      ])),
      ("clf", TunedLogisticRegression(class_weight="balanced"))      # or OneVsRestClassifier(...) for multi-label
    ])

The n-gram columns are weighted by their naive-Bayes log-count ratio
(:class:`~framelens.classify.features.LogCountRatioWeights`, after Wang & Manning
2012; for more than two classes the largest one-vs-rest ratio; multi-label
targets are left unweighted).
The TF-IDF-only baseline (:func:`make_baseline`) is the plain
word + char TF-IDF logistic regression: no weighting, no framelens blocks.

``C="auto"`` picks the inverse regularisation strength by an *inner* stratified
cross-validation on the training data only (:class:`TunedLogisticRegression`),
so an outer cross-validation stays honest. Sentence level uses raw counts of
the framelens features; document level uses rates per 100 words and caps the
vocabulary. Multi-label models take a 0/1 indicator matrix as ``y`` (see
:func:`framelens.classify.validate.binarize_labels`).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone

from ..errors import ConfigError

__all__ = ["make_pipeline", "make_baseline", "TunedLogisticRegression", "DEFAULT_CS"]

#: The C grid searched by ``C="auto"``.
DEFAULT_CS: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 4.0)


class TunedLogisticRegression(ClassifierMixin, BaseEstimator):
    """Logistic regression whose C is chosen by inner stratified k-fold CV on the training data.

    Unlike :class:`sklearn.linear_model.LogisticRegressionCV` it keeps only the
    refitted model (``estimator_``), the chosen ``C_`` and the mean inner score
    per C (``cv_scores_``), so saved models stay small.

    Parameters: ``Cs`` (grid; a single number skips the search), ``inner_folds``,
    ``scoring`` (a scikit-learn scorer name), ``class_weight``, ``max_iter``,
    ``random_state``.
    """

    def __init__(self, Cs: Sequence[float] | float = DEFAULT_CS, inner_folds: int = 3, scoring: str = "f1_macro",
                 class_weight: Any = "balanced", max_iter: int = 2000, random_state: int | None = 0):
        self.Cs = Cs
        self.inner_folds = inner_folds
        self.scoring = scoring
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state

    def _lr(self, C: float, dual: bool = False):
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=C, class_weight=self.class_weight, max_iter=self.max_iter, solver="liblinear",
                                dual=dual, random_state=self.random_state)
        if self._binary:
            return lr
        # multi-class: one-vs-rest liblinear models (fast and reliable on large sparse n-gram matrices)
        from sklearn.multiclass import OneVsRestClassifier

        return OneVsRestClassifier(lr)

    def fit(self, X, y):
        from sklearn.metrics import get_scorer
        from sklearn.model_selection import StratifiedKFold

        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ConfigError(f"need at least two classes to train, got {list(self.classes_)}")
        self._binary = len(self.classes_) == 2
        # liblinear's dual solver when there are more columns than texts (always so with n-grams): the same
        # L2-regularised objective as the primal one, solved 7-12x faster on BABE (docs/validation_classify.md)
        dual = bool(X.shape[1] > X.shape[0])
        grid = [float(self.Cs)] if np.isscalar(self.Cs) else [float(c) for c in self.Cs]
        if not grid or any(c <= 0 for c in grid):
            raise ConfigError(f"Cs={self.Cs!r}; give positive numbers")
        scores: dict[float, float] = {}
        smallest = int(np.min(np.unique(y, return_counts=True)[1]))
        folds = min(int(self.inner_folds), smallest)
        if len(grid) > 1 and folds >= 2:
            scorer = get_scorer(self.scoring)
            cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
            splits = list(cv.split(np.zeros(len(y)), y))
            for C in grid:
                vals = []
                for tr, te in splits:
                    m = self._lr(C, dual).fit(X[tr], y[tr])
                    vals.append(scorer(m, X[te], y[te]))
                scores[C] = float(np.mean(vals))
            best = max(grid, key=lambda c: (round(scores[c], 10), -abs(np.log(c))))
        else:
            best = grid[len(grid) // 2] if len(grid) > 1 else grid[0]
        self.C_ = best
        self.cv_scores_ = {repr(c): s for c, s in scores.items()}
        self.estimator_ = self._lr(best, dual).fit(X, y)
        if self._binary:
            self.coef_ = self.estimator_.coef_
            self.intercept_ = self.estimator_.intercept_
        else:
            self.coef_ = np.vstack([e.coef_ for e in self.estimator_.estimators_])
            self.intercept_ = np.concatenate([e.intercept_ for e in self.estimator_.estimators_])
        del self._binary
        return self

    def predict(self, X):
        return self.estimator_.predict(X)

    def predict_proba(self, X):
        return self.estimator_.predict_proba(X)

    def decision_function(self, X):
        return self.estimator_.decision_function(X)


def _check_level(level: str) -> None:
    if level not in ("sentence", "document"):
        raise ConfigError(f"level={level!r}; allowed: sentence, document")


def _vectorizers(level: str, word_ngram_range, char_ngram_range, max_features):
    from sklearn.feature_extraction.text import TfidfVectorizer

    doc = level == "document"
    word = TfidfVectorizer(ngram_range=tuple(word_ngram_range), sublinear_tf=True, min_df=1 if not doc else 2,
                           max_features=max_features, lowercase=True, strip_accents="unicode", dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngram_range), sublinear_tf=True,
                           min_df=2, max_features=max_features, lowercase=True, strip_accents="unicode",
                           dtype=np.float64)
    return word, char


def _classifier(C, multilabel: bool, random_state, inner_folds: int):
    Cs = DEFAULT_CS if (isinstance(C, str) and C == "auto") else C
    if isinstance(Cs, str) or (np.isscalar(Cs) and float(Cs) <= 0):
        raise ConfigError(f"C={C!r}; allowed: 'auto' or a positive number")
    clf = TunedLogisticRegression(Cs=Cs, inner_folds=inner_folds, class_weight="balanced",
                                  scoring="f1_macro", random_state=random_state)
    if multilabel:
        from sklearn.multiclass import OneVsRestClassifier

        clf.set_params(scoring="f1")
        return OneVsRestClassifier(clf)
    return clf


def make_pipeline(level: str = "sentence", multilabel: bool = False, *, C: float | str = "auto",
                  framelens_features: bool = True, word_ngram_range=(1, 2), char_ngram_range=(2, 5),
                  max_features: int | None = None, framelens_weight: float = 0.3, keyness: bool = True,
                  keyness_weight: float = 0.3, lexicons: Sequence[str] = (),
                  default_lexicons: bool = True, inner_folds: int = 3, random_state: int | None = 0,
                  term_weighting: bool | None = None, embeddings: str | None = None,
                  embeddings_weight: float | None = None):
    """The default framelens classifier: word + character TF-IDF + framelens features -> balanced logistic regression.

    ``level``: ``"sentence"`` (short texts: raw counts) or ``"document"`` (rates per
    100 words; vocabulary capped at 200,000 n-grams per block unless ``max_features``).
    ``multilabel``: one-vs-rest over a 0/1 indicator matrix ``y``.
    ``C``: ``"auto"`` (inner CV over :data:`DEFAULT_CS`) or a number.
    ``framelens_features=False`` gives the TF-IDF-only baseline of the same shape
    (it also drops the keyness block, which belongs to the framelens features).
    ``framelens_weight`` and ``keyness_weight`` multiply the standardised blocks
    (0.3: each dense block then weighs about as much as a few strong n-grams).
    ``keyness=False`` leaves out :class:`~framelens.classify.features.KeynessPooling`.
    ``term_weighting``: weight the n-gram columns by their log-count ratio
    (default: on with the framelens features, off for the baseline).
    ``embeddings``: ``None`` (default; scikit-learn only), ``"wordllama"`` or
    ``"minilm"`` adds a block of standardised sentence embeddings from an optional
    extra (:mod:`framelens.classify.embeddings`) with ``embeddings_weight``; the
    default 1/sqrt(dimensions) gives the standardised block an expected squared
    norm of 1, the norm of a TF-IDF row before term weighting.
    """
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import StandardScaler

    from .features import FramelensFeatures, KeynessPooling

    _check_level(level)
    if max_features is None and level == "document":
        max_features = 200_000
    word, char = _vectorizers(level, word_ngram_range, char_ngram_range, max_features)
    if term_weighting is None:
        term_weighting = bool(framelens_features)
    if term_weighting:
        from .features import LogCountRatioWeights

        word = Pipeline([("tfidf", word), ("weigh", LogCountRatioWeights())])
        char = Pipeline([("tfidf", char), ("weigh", LogCountRatioWeights())])
    blocks: list[tuple[str, Any]] = [("word", word), ("char", char)]
    weights = {"word": 1.0, "char": 1.0}
    if framelens_features:
        feats = FramelensFeatures(lexicons=tuple(lexicons), default_lexicons=default_lexicons,
                                  per_words=100 if level == "document" else None)
        blocks.append(("framelens", Pipeline([("counts", feats), ("scale", StandardScaler())])))
        weights["framelens"] = float(framelens_weight)
        if keyness:
            blocks.append(("keyness", Pipeline([("pool", KeynessPooling(random_state=random_state)),
                                                ("scale", StandardScaler())])))
            weights["keyness"] = float(keyness_weight)
    if embeddings is not None:
        from .embeddings import SentenceEmbeddings, backend_info

        dim = backend_info(str(embeddings))["dim"]   # a clear error now if the extra is missing, not after the CV
        blocks.append(("embeddings", Pipeline([("embed", SentenceEmbeddings(backend=str(embeddings))),
                                               ("scale", StandardScaler())])))
        weights["embeddings"] = float(embeddings_weight) if embeddings_weight is not None else 1.0 / float(dim) ** 0.5
    elif embeddings_weight is not None:
        raise ConfigError("embeddings_weight is set but embeddings is None; name a backend (e.g. embeddings='minilm')")
    if embeddings is not None and not weights["embeddings"] > 0:
        raise ConfigError(f"embeddings_weight={embeddings_weight!r}; give a positive number")
    union = FeatureUnion(blocks, transformer_weights=weights)
    return Pipeline([("features", union), ("clf", _classifier(C, multilabel, random_state, inner_folds))])


def make_baseline(level: str = "sentence", multilabel: bool = False, *, C: float | str = "auto", **kw):
    """The TF-IDF-only baseline (word + character n-grams, same classifier, no framelens features)."""
    return make_pipeline(level, multilabel, C=C, framelens_features=False, **kw)


def clone_pipeline(model):
    """An unfitted copy (``sklearn.base.clone``)."""
    return clone(model)
