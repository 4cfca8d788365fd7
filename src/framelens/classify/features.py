"""``FramelensFeatures``: framelens's lexicon and structure measurements as a scikit-learn transformer.

For every text the transformer runs framelens's :class:`~framelens.runtime.pipeline.Analyzer`
(segmentation, loaded terms, hedges and boosters, reporting verbs, frame cues)
and returns one row of counts:

=================  ==========================================================
group              columns
=================  ==========================================================
``loaded``         ``loaded`` (uses with severity >= 1), ``loaded_severity``
                   (sum of stacked severities), ``loaded_author``, ``loaded_quoted``
``hedge``          ``hedges``, ``hedges_author``
``booster``        ``boosters``, ``boosters_author``
``verbs``          ``verbs_neutral``, ``verbs_distancing``, ``verbs_endorsing``,
                   ``verbs_evaluative`` (reporting verbs by stance, every voice)
``quotes``         ``quotes`` (quotation spans), ``quoted_share`` (share of words
                   inside quotation marks)
``frames``         ``frame_<code>`` for the 14 substantive Policy Frames Codebook
                   codes, plus ``frame_other`` for cue categories outside them
``size``           ``log_words`` (natural log of 1 + word count)
=================  ==========================================================

Mentions ("the term 'illegal alien'") are not counted. With ``per_words=100``
every count (not ``quoted_share`` or ``log_words``) is a rate per 100 words,
which suits documents of different lengths.

It follows the scikit-learn estimator contract: parameters are stored
unchanged by ``__init__``, learned attributes end in ``_``, and it composes in
a user's own Pipeline or ColumnTransformer (a 1-D column of texts)::

    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.linear_model import LogisticRegression
    model = make_pipeline(FramelensFeatures(), StandardScaler(), LogisticRegression())
"""

from __future__ import annotations

import functools
import hashlib
import math
import weakref
from collections import OrderedDict
from typing import Any, Iterable

from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin

from ..errors import ConfigError
from ..extract.frames import FRAME_CODES

__all__ = ["FramelensFeatures", "KeynessPooling", "LogCountRatioWeights", "FEATURE_GROUPS", "clear_feature_cache"]

# the codebook's frames except "other", which is its own feature column (frame_other)
_FRAME_CODES = tuple(c for c in FRAME_CODES if c != "other")
_STANCES = ("neutral", "distancing", "endorsing", "evaluative")

#: Feature group -> column names, in output order.
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "loaded": ("loaded", "loaded_severity", "loaded_author", "loaded_quoted"),
    "hedge": ("hedges", "hedges_author"),
    "booster": ("boosters", "boosters_author"),
    "verbs": tuple(f"verbs_{s}" for s in _STANCES),
    "quotes": ("quotes", "quoted_share"),
    "frames": tuple(f"frame_{c}" for c in _FRAME_CODES) + ("frame_other",),
    "size": ("log_words",),
}
_NOT_RATES = {"quoted_share", "log_words"}
_EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs", "frames"]
#: Every column of a raw row, in the order the cache stores them (``words`` last: the word count).
_RAW_COLUMNS: tuple[str, ...] = tuple(c for cols in FEATURE_GROUPS.values() for c in cols) + ("words",)
_RAW_INDEX = {c: i for i, c in enumerate(_RAW_COLUMNS)}

#: Raw rows kept per analyzer, so that cross-validation (which transforms every text once per fold, and
#: once more for the final fit) analyses each distinct text once. The row depends only on the text and
#: the analyzer (its lexicon packs), never on fitting, so a cached row is the row. The cache lives as long
#: as its analyzer (which ``_analyzer`` keeps) and holds at most this many rows each (about 40 MB).
_CACHE_ROWS = 65_536
_ROW_CACHE: "weakref.WeakKeyDictionary[Any, OrderedDict[bytes, Any]]" = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=8)
def _analyzer(lexicons: tuple[str, ...], default_lexicons: bool):
    from ..runtime.pipeline import AnalysisConfig, Analyzer

    return Analyzer(AnalysisConfig(lexicons=list(lexicons), default_lexicons=default_lexicons,
                                   extractors=list(_EXTRACTORS)))


def _texts(X: Any) -> list[str]:
    """A list of texts from a list, tuple, 1-D array, pandas Series or one-column 2-D input."""
    if isinstance(X, str):
        raise ConfigError("X must be a sequence of texts, not one string (wrap it in a list)")
    shape = getattr(X, "shape", None)
    if shape is not None and len(shape) == 2:
        if shape[1] != 1:
            raise ConfigError(f"X has {shape[1]} columns; FramelensFeatures takes one column of texts")
        X = X.iloc[:, 0] if hasattr(X, "iloc") else [row[0] for row in X]
    out = []
    for i, t in enumerate(X):
        if t is None or (isinstance(t, float) and math.isnan(t)):
            out.append("")
        elif isinstance(t, str):
            out.append(t)
        else:
            raise ConfigError(f"X[{i}] is {type(t).__name__}; FramelensFeatures takes texts (str)")
    return out


def _text_key(text: str) -> bytes:
    """A 128-bit digest of a text: the cache key (long documents are not kept in memory)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _raw_rows(an, texts: list[str]):
    """Uncached raw rows (:data:`_RAW_COLUMNS`) of ``texts``: one analysis per text; empty texts are zeros."""
    import numpy as np

    from ..model import Document

    out = np.zeros((len(texts), len(_RAW_COLUMNS)), dtype=np.float64)
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        row = FramelensFeatures._row(an.analyze_document(Document(id=str(i), text=text)))
        out[i] = [row[c] for c in _RAW_COLUMNS]
    return out


def _cached_raw_rows(an, texts: list[str]):
    """Raw rows of ``texts`` as :func:`_raw_rows` gives them, each distinct text analysed once per process."""
    from ._rowcache import cached_rows

    cache = _ROW_CACHE.get(an)
    if cache is None:
        cache = _ROW_CACHE[an] = OrderedDict()
    return cached_rows(cache, [_text_key(t) for t in texts], len(_RAW_COLUMNS),
                       lambda first: _raw_rows(an, [texts[i] for i in first]), _CACHE_ROWS)


def clear_feature_cache() -> None:
    """Forget every cached row of :class:`FramelensFeatures` (frees the memory; results do not change)."""
    _ROW_CACHE.clear()


class TextInputMixin:
    """scikit-learn tags for a transformer whose input is one column of texts (place it before BaseEstimator)."""

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class FramelensFeatures(TextInputMixin, TransformerMixin, BaseEstimator):
    """Counts of framelens measurements per text (see the module docstring for the columns).

    Parameters
    ----------
    groups : sequence of str or None
        Feature groups to compute (keys of :data:`FEATURE_GROUPS`); None = all.
    lexicons : sequence of str
        Extra lexicon packs (files or shipped names) on top of the shipped ones.
    default_lexicons : bool
        Use the shipped packs.
    per_words : int or None
        If set, counts become rates per this many words.
    """

    def __init__(self, groups: Iterable[str] | None = None, lexicons: Iterable[str] = (),
                 default_lexicons: bool = True, per_words: int | None = None):
        self.groups = groups
        self.lexicons = lexicons
        self.default_lexicons = default_lexicons
        self.per_words = per_words

    # -- helpers ------------------------------------------------------------
    def _columns(self) -> list[str]:
        groups = list(FEATURE_GROUPS) if self.groups is None else list(self.groups)
        bad = [g for g in groups if g not in FEATURE_GROUPS]
        if bad or not groups:
            raise ConfigError(f"groups={self.groups!r}; allowed: {', '.join(FEATURE_GROUPS)} (or None for all)")
        return [c for g in FEATURE_GROUPS if g in groups for c in FEATURE_GROUPS[g]]

    def _get_analyzer(self):
        if self.per_words is not None and (isinstance(self.per_words, bool) or not isinstance(self.per_words, int)
                                           or self.per_words <= 0):
            raise ConfigError(f"per_words={self.per_words!r}; allowed: None or a positive integer")
        return _analyzer(tuple(str(x) for x in (self.lexicons or ())), bool(self.default_lexicons))

    def resources(self) -> list[dict[str, Any]]:
        """Name, version and SHA-256 of every lexicon pack the features use (recorded in saved models)."""
        return self._get_analyzer().resources()

    @staticmethod
    def _row(result) -> dict[str, float]:
        r: dict[str, float] = dict.fromkeys(c for cols in FEATURE_GROUPS.values() for c in cols)  # type: ignore[arg-type]
        for k in r:
            r[k] = 0.0
        for s in result.spans:
            use = s.attrs.get("use", "use")
            if s.kind == "quote":
                r["quotes"] += 1
                continue
            if use != "use":
                continue
            if s.kind == "loaded_term":
                if s.counted:  # the one loaded rule (framelens.kinds.is_loaded), applied by the Analyzer
                    r["loaded"] += 1
                    r["loaded_severity"] += s.attrs["severity"]
                    r["loaded_author" if s.voice == "author" else "loaded_quoted"] += 1
            elif s.kind in ("hedge", "booster"):
                key = "hedges" if s.kind == "hedge" else "boosters"
                r[key] += 1
                if s.voice == "author":
                    r[key + "_author"] += 1
            elif s.kind == "report_verb":
                stance = s.attrs.get("stance")
                if stance in _STANCES:
                    r[f"verbs_{stance}"] += 1
            elif s.kind == "frame_cue":
                key = f"frame_{s.label}"
                r[key if key in r and s.label in _FRAME_CODES else "frame_other"] += 1
        r["quoted_share"] = float(result.metrics.get("quoted_share", 0.0) or 0.0)
        r["words"] = result.words  # type: ignore[assignment]
        return r

    # -- scikit-learn API ---------------------------------------------------
    def fit(self, X, y=None):
        """Check the parameters and record the output columns; nothing is learned from the data."""
        _texts(X)
        self._get_analyzer()
        self.feature_names_out_ = list(self._columns())
        self.n_features_out_ = len(self.feature_names_out_)
        return self

    def transform(self, X):
        """An array of shape (n_texts, n_features) of counts (or rates).

        Each distinct text is analysed once per process: its raw counts are cached
        (keyed by a digest of the text, per analyzer), so cross-validation folds and
        the final fit reuse them. Nothing in the cache depends on fitting.
        """
        import numpy as np

        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        texts = _texts(X)
        raw = _cached_raw_rows(self._get_analyzer(), texts)
        words = raw[:, _RAW_INDEX["words"]]
        out = raw[:, [_RAW_INDEX[c] for c in self.feature_names_out_]]
        if "log_words" in self.feature_names_out_:
            # math.log1p, as the uncached rows have always used (numpy's can differ in the last bit)
            out[:, self.feature_names_out_.index("log_words")] = [math.log1p(w) for w in words]
        if self.per_words:
            scale = np.where(words > 0, self.per_words / np.where(words > 0, words, 1.0), 1.0)
            rates = [j for j, c in enumerate(self.feature_names_out_) if c not in _NOT_RATES]
            out[:, rates] *= scale[:, None]
        return out

    def get_feature_names_out(self, input_features=None):
        import numpy as np

        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)


class KeynessPooling(TextInputMixin, TransformerMixin, BaseEstimator):
    """Pooled keyness of a text's words: a learned, per-class loaded-word signal (supervised).

    ``fit`` estimates for every word n-gram (binary presence, ``ngram_range``) its
    smoothed log-odds of appearing in texts of a class versus all other texts
    (additive smoothing ``alpha``; the keyness statistic of a two-corpus
    comparison). ``transform`` pools the log-odds of the n-grams present in a text
    into five numbers per class: the maximum, the mean of the top three, the sum
    of positive values, the count above 1.0 (about e-times more likely in the
    class), and the mean. A linear model over TF-IDF adds up evidence from every
    word; these pooled features let it also react to "one strongly loaded word",
    which is how bias usually shows in a single sentence.

    ``fit_transform`` cross-fits: each training text is pooled with log-odds
    estimated on the other ``inner_folds - 1`` folds, so the classifier is not
    trained on features that have already seen the text's own label (the same
    scheme as scikit-learn's TargetEncoder). ``fit(X, y).transform(X)`` therefore
    differs from ``fit_transform(X, y)`` on purpose.

    Binary ``y``: five columns (for the second class in sorted order). Multi-class:
    five per class. Multi-label (a 0/1 indicator matrix): five per column.
    """

    _STATS = ("max", "top3", "pos_sum", "n_over_1", "mean")

    def __init__(self, ngram_range=(1, 2), alpha: float = 1.0, inner_folds: int = 5, min_df: int = 1,
                 random_state: int | None = 0):
        self.ngram_range = ngram_range
        self.alpha = alpha
        self.inner_folds = inner_folds
        self.min_df = min_df
        self.random_state = random_state

    def _targets(self, y):
        import numpy as np

        y = np.asarray(y)
        if y.ndim == 2:
            return y.astype(bool).T, [str(i) for i in range(y.shape[1])]
        classes = np.unique(y)
        if len(classes) < 2:
            raise ConfigError(f"KeynessPooling needs at least two classes, got {list(classes)}")
        if len(classes) == 2:
            return (y == classes[1])[None, :], [str(classes[1])]
        return np.stack([y == c for c in classes]), [str(c) for c in classes]

    def _vectorizer(self):
        import numpy as np
        from sklearn.feature_extraction.text import CountVectorizer

        return CountVectorizer(ngram_range=tuple(self.ngram_range), binary=True, lowercase=True,
                               min_df=self.min_df, token_pattern=r"(?u)\b\w[\w'’-]*\b", dtype=np.float64)

    def _odds(self, B, T):
        """Smoothed log-odds per class (rows of ``T``) of every column of the binary matrix ``B``."""
        import numpy as np

        B = B.tocsc()
        a = float(self.alpha)
        rows = []
        for t in T:
            n1 = max(int(t.sum()), 0)
            n0 = len(t) - n1
            p = np.asarray(B[t].sum(axis=0)).ravel()
            q = np.asarray(B[~t].sum(axis=0)).ravel()
            rows.append(np.log((p + a) / (n1 + 2 * a)) - np.log((q + a) / (n0 + 2 * a)))
        return np.vstack(rows)

    def _estimate(self, texts, T):
        vec = self._vectorizer()
        B = vec.fit_transform(texts)
        return vec, self._odds(B, T), B

    def _pool_rows(self, B, odds, keep=None):
        """Pooled statistics of each row of the binary matrix ``B`` (columns where ``keep`` is False ignored)."""
        import numpy as np

        B = B.tocsr()
        k = odds.shape[0]
        out = np.zeros((B.shape[0], 5 * k))
        for i in range(B.shape[0]):
            idx = B.indices[B.indptr[i]:B.indptr[i + 1]]
            if keep is not None:
                idx = idx[keep[idx]]
            if not len(idx):
                continue
            for c in range(k):
                v = np.sort(odds[c, idx])[::-1]
                out[i, 5 * c:5 * c + 5] = (v[0], v[:3].mean(), v[v > 0].sum(), float((v > 1.0).sum()), v.mean())
        return out

    def _pool(self, vec, odds, texts):
        return self._pool_rows(vec.transform(texts), odds)

    def fit(self, X, y):
        if y is None:
            raise ConfigError("KeynessPooling is supervised: fit(X, y) needs labels")
        self._fit(_texts(X), y)
        return self

    def _fit(self, texts, y):
        """Fit on ``texts``; returns their binary n-gram matrix (reused by ``fit_transform``)."""
        T, names = self._targets(y)
        self.vectorizer_, self.log_odds_, B = self._estimate(texts, T)
        self.target_names_ = names
        self.feature_names_out_ = [f"keyness_{n}_{s}" for n in names for s in self._STATS]
        return B

    def fit_transform(self, X, y=None, **fit_params):
        import numpy as np
        from sklearn.model_selection import KFold, StratifiedKFold

        if y is None:
            raise ConfigError("KeynessPooling is supervised: fit(X, y) needs labels")
        texts = np.asarray(_texts(X), dtype=object)
        B = self._fit(list(texts), y).tocsr()
        T, _ = self._targets(y)
        # with min_df=1 every fold's vocabulary is the columns of B present in its training rows: count them
        # from B instead of tokenising the texts again (the same log-odds, the same pooled values)
        reuse = isinstance(self.min_df, int) and not isinstance(self.min_df, bool) and self.min_df == 1
        folds = int(self.inner_folds)
        if folds < 2 or len(texts) < 2 * folds:
            return self.transform(texts)
        strata = T.argmax(axis=0) if T.shape[0] > 1 else T[0].astype(int)
        _, counts = np.unique(strata, return_counts=True)
        if counts.min() >= folds:
            splits = StratifiedKFold(folds, shuffle=True, random_state=self.random_state).split(texts, strata)
        else:
            splits = KFold(folds, shuffle=True, random_state=self.random_state).split(texts)
        out = np.zeros((len(texts), len(self.feature_names_out_)))
        for tr, te in splits:
            if T[:, tr].all(axis=1).any() or (~T[:, tr]).all(axis=1).any():
                out[te] = self.transform(texts[te])
                continue
            if reuse:
                Btr = B[tr]
                keep = np.asarray(Btr.sum(axis=0)).ravel() > 0
                out[te] = self._pool_rows(B[te], self._odds(Btr, T[:, tr]), keep=keep)
            else:
                vec, odds, _ = self._estimate(list(texts[tr]), T[:, tr])
                out[te] = self._pool(vec, odds, list(texts[te]))
        return out

    def transform(self, X):
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "log_odds_")
        return self._pool(self.vectorizer_, self.log_odds_, _texts(X))

    def get_feature_names_out(self, input_features=None):
        import numpy as np
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.required = True
        return tags


class LogCountRatioWeights(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Supervised term weighting: scale each n-gram column by how strongly it separates two classes.

    The naive-Bayes log-count ratio of Wang & Manning (2012, "NBSVM"). For a
    binary ``y`` ``fit`` binarises the input (presence of each column in a text)
    and computes

        r[j] = log( (p[j] / |p|) / (q[j] / |q|) )

    with ``p[j] = alpha + number of texts of one class containing j`` and
    ``q[j]`` the same over the other class (``|.|`` = sum over columns); the
    weight of column ``j`` is ``|r[j]|`` (the sign does not matter: the linear
    model learns the direction). ``transform`` multiplies each column by its
    weight, so a linear model starts from the naive-Bayes evidence and keeps the
    discriminative fit.

    The technique is defined for two classes. For a single-label target with
    more classes, ``multiclass="max"`` (default) uses the largest |r| over the
    one-vs-rest problems, the "max" globalisation of supervised term weights in
    text categorisation (Debole & Sebastiani 2003); ``"identity"`` leaves the
    columns unchanged. For a multi-label indicator matrix each label has its own
    classifier, and one shared weight would impose the frequent labels' terms on
    the rare ones: ``multilabel="identity"`` (default) leaves the columns
    unchanged, ``"max"`` applies the largest |r| over the labels. Works on sparse
    and dense input.
    """

    def __init__(self, alpha: float = 1.0, multiclass: str = "max", multilabel: str = "identity"):
        self.alpha = alpha
        self.multiclass = multiclass
        self.multilabel = multilabel

    def fit(self, X, y):
        import numpy as np
        import scipy.sparse as sp

        from sklearn.utils.multiclass import type_of_target

        if y is None:
            raise ConfigError("LogCountRatioWeights is supervised: fit(X, y) needs labels")
        a = float(self.alpha)
        if not (a > 0 and np.isfinite(a)):
            raise ConfigError(f"alpha={self.alpha!r}; give a positive finite number")
        for name in ("multiclass", "multilabel"):
            if getattr(self, name) not in ("identity", "max"):
                raise ConfigError(f"{name}={getattr(self, name)!r}; allowed: identity, max")
        B = (sp.csr_matrix(X) > 0).astype(np.float64).tocsr()
        self.n_features_in_ = B.shape[1]
        kind = type_of_target(y)
        if kind == "multilabel-indicator":
            Y = y.toarray() if sp.issparse(y) else np.asarray(y)
            T = Y.astype(bool).T
            rule = self.multilabel
        elif kind in ("binary", "multiclass"):
            from sklearn.utils.validation import column_or_1d

            yy = column_or_1d(np.asarray(y, dtype=object) if not hasattr(y, "dtype") else y)
            classes = np.unique(yy)
            if len(classes) < 2:
                raise ConfigError(f"LogCountRatioWeights needs at least two classes, got {list(classes)}")
            T = np.stack([yy == c for c in (classes[1:] if len(classes) == 2 else classes)])
            rule = self.multiclass
        else:
            raise ConfigError(f"LogCountRatioWeights needs class labels or a 0/1 indicator matrix; y is {kind}")
        if T.shape[1] != B.shape[0]:
            raise ConfigError(f"y has {T.shape[1]} rows, X has {B.shape[0]}")
        if len(T) > 1 and rule == "identity":
            self.weights_ = np.ones(B.shape[1])
            return self
        # per class: column presence counts inside (P) and outside (Q) the class, with additive smoothing
        Tm = sp.csr_matrix(T.astype(np.float64))
        P = np.asarray((Tm @ B).todense())
        Q = np.asarray(B.sum(axis=0)).ravel()[None, :] - P
        P += a
        Q += a
        R = np.abs(np.log(P / P.sum(axis=1, keepdims=True)) - np.log(Q / Q.sum(axis=1, keepdims=True)))
        self.weights_ = R.max(axis=0)
        return self

    def transform(self, X):
        import numpy as np
        import scipy.sparse as sp

        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "weights_")
        if not sp.issparse(X):
            X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ConfigError(f"X has shape {X.shape}; LogCountRatioWeights was fitted on {self.n_features_in_} columns")
        if sp.issparse(X):
            return sp.csr_matrix(X) @ sp.diags(self.weights_, format="csr")
        return np.asarray(X) * self.weights_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.target_tags.required = True
        return tags
