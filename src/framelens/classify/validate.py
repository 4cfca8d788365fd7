"""Validation: cross-validation with out-of-fold predictions, per-class metrics, bootstrap intervals,
confusion matrices, and inter-coder agreement (Krippendorff's alpha, Cohen's kappa) (docs/methods_classify.md).

Precision, recall, F1, confusion matrices and Cohen's kappa come from :mod:`sklearn.metrics`;
the folds from :mod:`sklearn.model_selection`. Written here: the macro-F1 inside the bootstrap
loop (vectorised, for speed) and Krippendorff's alpha with the MASI distance (scikit-learn has none).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from ..errors import ConfigError

__all__ = [
    "CVResult", "cross_validate", "classification_metrics", "bootstrap_ci", "confusion_table", "plot_confusion",
    "krippendorff_alpha", "cohen_kappa", "masi_distance", "agreement_report", "binarize_labels", "split_labels",
    "percent_agreement",
]


# ---------------------------------------------------------------------------
# labels

def split_labels(value: Any, sep: str = ";") -> frozenset[str]:
    """A multi-label cell (``"economic; legality"``) as a set; empty/NaN -> empty set."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return frozenset()
    if isinstance(value, (set, frozenset, list, tuple)):
        return frozenset(str(v).strip() for v in value if str(v).strip())
    return frozenset(p.strip() for p in str(value).split(sep) if p.strip())


def binarize_labels(label_sets: Sequence[Iterable[str]], classes: Sequence[str] | None = None):
    """A 0/1 indicator matrix (n, n_classes) and the class list (sorted unless given)."""
    sets = [frozenset(s) for s in label_sets]
    cls = sorted(set().union(*sets)) if classes is None else list(classes)
    index = {c: i for i, c in enumerate(cls)}
    Y = np.zeros((len(sets), len(cls)), dtype=np.int64)
    for r, s in enumerate(sets):
        for c in s:
            if c in index:
                Y[r, index[c]] = 1
    return Y, cls


# ---------------------------------------------------------------------------
# classification metrics

def _per_class(T, P, labels: list, multilabel: bool) -> dict:
    """Per-class precision, recall, F1 (0 where undefined), support and predicted count, by scikit-learn."""
    from sklearn.metrics import precision_recall_fscore_support

    if len(T) == 0 or not labels:  # scikit-learn refuses empty input; every figure is 0
        zeros = np.zeros(len(labels))
        p = r = f = sup = pred = zeros
    elif multilabel:  # column by column as binary problems: one column would otherwise read as a 0/1 label
        prfs = [precision_recall_fscore_support(T[:, j], P[:, j], labels=[1], average=None, zero_division=0)
                for j in range(T.shape[1])]
        p, r, f, sup = (np.array([x[i][0] for x in prfs]) for i in range(4))
        pred = P.sum(axis=0)
    else:
        p, r, f, sup = precision_recall_fscore_support(T, P, labels=labels, average=None, zero_division=0)
        pred = np.array([np.sum(P == lab) for lab in labels])
    return {lab: {"precision": float(p[j]), "recall": float(r[j]), "f1": float(f[j]), "support": int(sup[j]),
                  "predicted": int(pred[j])} for j, lab in enumerate(labels)}


def classification_metrics(y_true, y_pred, labels: Sequence[str] | None = None, multilabel: bool = False) -> dict:
    """Per-class precision, recall, F1 and support; macro-F1, micro-F1, accuracy (exact match for multi-label).

    Single-label: ``y_true``/``y_pred`` are 1-D label sequences. Multi-label: 0/1
    indicator matrices with ``labels`` naming the columns. A class with no true
    and no predicted items gets F1 = 0 and is left out of the macro average only
    when it has support 0 in ``y_true`` *and* no prediction (it was never in play).
    The per-class figures and micro-F1 are scikit-learn's
    (``precision_recall_fscore_support`` with ``zero_division=0``).
    """
    from sklearn.metrics import precision_recall_fscore_support

    if multilabel:
        T = np.asarray(y_true).astype(bool)
        P = np.asarray(y_pred).astype(bool)
        if T.shape != P.shape or T.ndim != 2:
            raise ConfigError("multi-label metrics need two indicator matrices of the same shape")
        labels = list(labels) if labels is not None else [str(i) for i in range(T.shape[1])]
        per = _per_class(T.astype(np.int64), P.astype(np.int64), labels, True)
        # micro-F1 pools every (item, label) cell: the binary F1 of the flattened matrices
        micro = (precision_recall_fscore_support(T.ravel().astype(np.int64), P.ravel().astype(np.int64), labels=[1],
                                                 average="micro", zero_division=0)[2] if T.size else 0.0)
        acc = float(np.mean(np.all(T == P, axis=1))) if len(T) else 0.0
        n = int(T.shape[0])
    else:
        yt = np.asarray(y_true, dtype=object)
        yp = np.asarray(y_pred, dtype=object)
        if yt.shape != yp.shape:
            raise ConfigError(f"y_true has {len(yt)} items, y_pred {len(yp)}")
        labels = list(labels) if labels is not None else sorted(set(yt.tolist()) | set(yp.tolist()), key=str)
        per = _per_class(yt, yp, labels, False)
        acc = float(np.mean(yt == yp)) if len(yt) else 0.0
        micro = acc
        n = int(len(yt))
    in_play = [v["f1"] for v in per.values() if v["support"] or v["predicted"]]
    macro = float(np.mean(in_play)) if in_play else 0.0
    return {"n": n, "labels": [str(x) for x in labels], "per_class": {str(k): v for k, v in per.items()},
            "macro_f1": macro, "micro_f1": float(micro), "accuracy": acc}


def _macro_f1_fast(yt_idx: np.ndarray, yp_idx: np.ndarray, k: int) -> float:
    # Hand-written on purpose: called n_boot (2,000) times per CV; one bincount is ~250x quicker than sklearn.metrics.
    cm = np.bincount(yt_idx * k + yp_idx, minlength=k * k).reshape(k, k).astype(float)
    return _macro_f1_of_counts(np.diag(cm), cm.sum(axis=0), cm.sum(axis=1))


def _macro_f1_of_counts(tp: np.ndarray, pred: np.ndarray, sup: np.ndarray) -> float:
    """Macro-F1 over the labels that occur (in truth or prediction), from per-label true positives,
    predicted and true counts (the shared tail of the two fast bootstrap metrics)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(pred > 0, tp / pred, 0.0)
        r = np.where(sup > 0, tp / sup, 0.0)
        f = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    play = (sup > 0) | (pred > 0)
    return float(f[play].mean()) if play.any() else 0.0


def _macro_f1_multilabel_fast(T: np.ndarray, P: np.ndarray) -> float:
    # Hand-written on purpose, like _macro_f1_fast: sklearn.metrics inside the 2,000 resamples is ~240x slower.
    return _macro_f1_of_counts((T & P).sum(axis=0).astype(float), P.sum(axis=0).astype(float),
                               T.sum(axis=0).astype(float))


def bootstrap_ci(y_true, y_pred, metric: str | Callable = "macro_f1", n_boot: int = 2000, level: float = 0.95,
                 seed: int = 0, multilabel: bool = False, labels: Sequence[str] | None = None) -> tuple[float, float]:
    """Percentile bootstrap interval of a metric over items (resampling items with replacement).

    ``metric``: ``"macro_f1"`` (fast path), or a function ``f(y_true, y_pred) -> float``.
    The interval reflects sampling variation of the evaluated items only, not of
    training (a model trained on other data would score differently).
    """
    rng = np.random.default_rng(seed)
    n = len(y_true)
    if n == 0:
        return (float("nan"), float("nan"))
    if not 0 < level < 1:
        raise ConfigError(f"level={level!r}; give a number between 0 and 1")
    vals = np.empty(n_boot)
    if metric == "macro_f1" and not multilabel:
        yt = np.asarray(y_true, dtype=object)
        yp = np.asarray(y_pred, dtype=object)
        cls = list(labels) if labels is not None else sorted(set(yt.tolist()) | set(yp.tolist()), key=str)
        idx = {c: i for i, c in enumerate(cls)}
        ti = np.array([idx[v] for v in yt]); pi = np.array([idx.get(v, -1) for v in yp])
        if (pi < 0).any():
            cls.append("__other__"); pi[pi < 0] = len(cls) - 1
        k = len(cls)
        for b in range(n_boot):
            s = rng.integers(0, n, n)
            vals[b] = _macro_f1_fast(ti[s], pi[s], k)
    else:
        if metric == "macro_f1":
            def fn(a, b):
                return _macro_f1_multilabel_fast(a.astype(bool), b.astype(bool))
        elif callable(metric):
            fn = metric
        else:
            raise ConfigError(f"metric={metric!r}; give 'macro_f1' or a function")
        yt = np.asarray(y_true, dtype=object if not multilabel else None)
        yp = np.asarray(y_pred, dtype=object if not multilabel else None)
        for b in range(n_boot):
            s = rng.integers(0, n, n)
            vals[b] = fn(yt[s], yp[s])
    a = (1 - level) / 2
    return float(np.quantile(vals, a)), float(np.quantile(vals, 1 - a))


def confusion_table(y_true, y_pred, labels: Sequence[str] | None = None):
    """Confusion matrix as a DataFrame (rows: true label, columns: predicted label)."""
    import pandas as pd

    from sklearn.metrics import confusion_matrix

    yt = [str(v) for v in y_true]
    yp = [str(v) for v in y_pred]
    labels = [str(x) for x in labels] if labels is not None else sorted(set(yt) | set(yp))
    known = set(labels)
    if any(a in known for a in yt):  # items whose true or predicted label is not in ``labels`` are left out
        cm = confusion_matrix(yt, yp, labels=labels).astype(np.int64)
    else:  # scikit-learn refuses a table none of whose true labels occur; it is all zeros
        cm = np.zeros((len(labels), len(labels)), dtype=np.int64)
    return pd.DataFrame(cm, index=pd.Index(labels, name="true"), columns=pd.Index(labels, name="predicted"))


def plot_confusion(table, ax=None, normalize: bool = True, title: str | None = None, cmap: str = "Blues"):
    """Draw a confusion matrix (a :func:`confusion_table` DataFrame) on ``ax``; returns the Axes.

    ``normalize=True`` colours by row share (recall per true class) and prints
    ``count`` and row percentage in each cell. Never calls ``plt.show()``.
    """
    import matplotlib.pyplot as plt

    cm = np.asarray(table.values, dtype=float)
    labels = [str(x) for x in table.index]
    if ax is None:
        size = max(3.5, 0.55 * len(labels) + 2)
        _, ax = plt.subplots(figsize=(size + 1, size))
    rows = cm.sum(axis=1, keepdims=True)
    share = np.divide(cm, rows, out=np.zeros_like(cm), where=rows > 0)
    data = share if normalize else cm
    im = ax.imshow(data, cmap=cmap, vmin=0, vmax=1 if normalize else max(1.0, cm.max()))
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.set_xlabel("predicted label")
    ax.set_ylabel("true label")
    for i in range(len(labels)):
        for j in range(len(labels)):
            txt = f"{int(cm[i, j])}\n{share[i, j]:.0%}" if normalize else f"{int(cm[i, j])}"
            ax.text(j, i, txt, ha="center", va="center", fontsize=8,
                    color="white" if data[i, j] > (0.6 if normalize else 0.6 * cm.max()) else "black")
    ax.figure.colorbar(im, ax=ax, fraction=0.046, pad=0.04, label="share of true class" if normalize else "count")
    ax.set_title(title or f"Confusion matrix (n = {int(cm.sum())})")
    return ax


# ---------------------------------------------------------------------------
# cross-validation

@dataclass
class CVResult:
    """Out-of-fold predictions of a stratified k-fold cross-validation and their metrics."""

    labels: list[str]
    y_true: Any
    y_pred: Any
    proba: Any
    fold: np.ndarray
    metrics: dict
    macro_f1_ci: tuple[float, float]
    fold_macro_f1: list[float]
    multilabel: bool = False
    params: dict = field(default_factory=dict)

    @property
    def macro_f1(self) -> float:
        return self.metrics["macro_f1"]

    def per_class_table(self):
        """Per-class precision, recall, F1, support as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.metrics["per_class"]).T[["precision", "recall", "f1", "support", "predicted"]]

    def confusion(self):
        """Confusion matrix DataFrame (single-label only)."""
        if self.multilabel:
            raise ConfigError("a confusion matrix is for single-label models; see per_class_table()")
        return confusion_table(self.y_true, self.y_pred, self.labels)

    def to_dict(self) -> dict:
        return {"folds": int(self.fold.max()) + 1 if len(self.fold) else 0, "n": self.metrics["n"],
                "labels": self.labels, "macro_f1": self.metrics["macro_f1"],
                "macro_f1_ci95": list(self.macro_f1_ci), "micro_f1": self.metrics["micro_f1"],
                "accuracy": self.metrics["accuracy"], "per_class": self.metrics["per_class"],
                "fold_macro_f1": self.fold_macro_f1, "multilabel": self.multilabel, **self.params}


def stratified_folds(y, folds: int, seed: int = 0, multilabel: bool = False) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs of a shuffled stratified k-fold split.

    Multi-label: stratified on each item's rarest label (a simple, deterministic
    stand-in for iterative stratification); falls back to plain shuffled k-fold
    when a stratum is smaller than ``folds``.
    """
    from sklearn.model_selection import KFold, StratifiedKFold

    n = len(y)
    if folds < 2 or folds > n:
        raise ConfigError(f"folds={folds}; need 2 <= folds <= number of items ({n})")
    if multilabel:
        Y = np.asarray(y)
        freq = Y.sum(axis=0)
        strata = np.array([int(np.argmin(np.where(row > 0, freq, np.inf))) if row.any() else -1 for row in Y])
    else:
        strata = np.asarray(y, dtype=object).astype(str)
    _, counts = np.unique(strata, return_counts=True)
    if counts.min() >= folds:
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        return list(cv.split(np.zeros(n), strata))
    if not multilabel:
        small = {str(v): int(c) for v, c in zip(*np.unique(strata, return_counts=True)) if c < folds}
        raise ConfigError(f"{folds}-fold stratified CV needs at least {folds} items per class; too few: {small}. "
                          "Use fewer folds (--folds) or merge rare classes")
    cv = KFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(cv.split(np.zeros(n)))


def cross_validate(model, texts: Sequence[str], y, folds: int = 5, seed: int = 0, multilabel: bool = False,
                   labels: Sequence[str] | None = None, n_boot: int = 2000, splits=None,
                   on_fold: Callable[[int], None] | None = None) -> CVResult:
    """Stratified k-fold CV of ``model`` (cloned for every fold); metrics on the pooled out-of-fold predictions.

    ``y``: labels (single-label) or a 0/1 indicator matrix with ``labels`` naming
    its columns (multi-label). ``splits`` overrides the folds (a list of
    train/test index pairs), e.g. to compare two models on the SAME folds.
    Macro-F1 is computed on all out-of-fold predictions pooled; the 95% interval
    is a percentile bootstrap over items; ``fold_macro_f1`` lists each fold's score.
    ``on_fold``: called with the fold's index when it is done (progress display).
    """
    from sklearn.base import clone

    X = np.asarray(list(texts), dtype=object)
    if multilabel:
        Y = np.asarray(y)
        labels = list(labels) if labels is not None else [str(i) for i in range(Y.shape[1])]
    else:
        Y = np.asarray(list(y), dtype=object)
        labels = list(labels) if labels is not None else sorted(set(Y.tolist()), key=str)
    if len(X) != len(Y):
        raise ConfigError(f"{len(X)} texts but {len(Y)} labels")
    splits = splits if splits is not None else stratified_folds(Y, folds, seed, multilabel)
    n = len(X)
    fold = np.full(n, -1)
    pred = np.zeros(Y.shape, dtype=Y.dtype) if multilabel else np.empty(n, dtype=object)
    proba = np.full((n, len(labels)), np.nan)
    fold_scores = []
    for k, (tr, te) in enumerate(splits):
        m = clone(model).fit(X[tr], Y[tr])
        p = m.predict(X[te])
        pred[te] = p
        fold[te] = k
        if hasattr(m, "predict_proba"):
            pr = np.asarray(m.predict_proba(X[te]))
            if multilabel:
                proba[te] = pr
            else:
                order = {str(c): i for i, c in enumerate(m.classes_)}
                for j, lab in enumerate(labels):
                    if str(lab) in order:
                        proba[te, j] = pr[:, order[str(lab)]]
        fold_scores.append(classification_metrics(Y[te], p, labels, multilabel)["macro_f1"])
        if on_fold is not None:
            on_fold(k)
    mask = fold >= 0
    metrics = classification_metrics(Y[mask], pred[mask], labels, multilabel)
    ci = bootstrap_ci(Y[mask], pred[mask], n_boot=n_boot, seed=seed, multilabel=multilabel, labels=labels)
    return CVResult(list(map(str, labels)), Y, pred, proba, fold, metrics, ci, fold_scores, multilabel,
                    {"seed": seed})


# ---------------------------------------------------------------------------
# agreement

def masi_distance(a: Iterable[str], b: Iterable[str]) -> float:
    """MASI distance between two label sets (Passonneau 2006): 1 - Jaccard * monotonicity.

    Monotonicity is 1 for identical sets, 2/3 when one is a subset of the other,
    1/3 when they overlap otherwise, 0 when disjoint. Two empty sets: distance 0.
    """
    a, b = frozenset(a), frozenset(b)
    if a == b:
        return 0.0
    inter = len(a & b)
    union = len(a | b)
    if inter == 0:
        return 1.0
    m = 2 / 3 if (a <= b or b <= a) else 1 / 3
    return 1.0 - (inter / union) * m


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, str) and not v.strip():
        return True
    return False


def krippendorff_alpha(data: Sequence[Sequence[Any]], level: str = "nominal",
                       distance: Callable[[Any, Any], float] | None = None) -> float:
    """Krippendorff's alpha for a coders x units table (``None``/NaN/"" = missing).

    ``level``: ``"nominal"`` (distance 0 if equal else 1) or ``"masi"`` (values are
    label sets or ``;``-separated strings; MASI distance), or pass ``distance``.
    Computed from the coincidence matrix over pairable values (units coded by
    at least two coders): alpha = 1 - D_o / D_e (Krippendorff 2011, "Computing
    Krippendorff's alpha-reliability"). Returns NaN when there is no variation
    to measure against (D_e = 0) or no pairable values.
    """
    # Hand-written: scikit-learn and scipy have no Krippendorff's alpha (nor MASI); nltk's is the tests' oracle.
    if level not in ("nominal", "masi") and distance is None:
        raise ConfigError(f"level={level!r}; allowed: nominal, masi (or pass distance=)")
    rows = [list(r) for r in data]
    if not rows:
        raise ConfigError("no coders")
    n_units = len(rows[0])
    if any(len(r) != n_units for r in rows):
        raise ConfigError("every coder needs one value per unit (use None for missing)")
    if distance is None:
        if level == "masi":
            distance = masi_distance
        else:
            def distance(a, b):
                return 0.0 if a == b else 1.0

    def norm(v):
        if level == "masi" and distance is masi_distance:
            return split_labels(v)
        return v

    units = []
    for u in range(n_units):
        vals = [norm(r[u]) for r in rows if not _missing(r[u])]
        if len(vals) >= 2:
            units.append(vals)
    if not units:
        return float("nan")
    values = sorted({v for vals in units for v in vals}, key=lambda v: (str(sorted(v)) if isinstance(v, frozenset) else str(v)))
    idx = {v: i for i, v in enumerate(values)}
    k = len(values)
    o = np.zeros((k, k))
    for vals in units:
        m = len(vals)
        counts = np.zeros(k)
        for v in vals:
            counts[idx[v]] += 1
        o += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    nc = o.sum(axis=1)
    n = nc.sum()
    delta = np.array([[distance(a, b) for b in values] for a in values], dtype=float)
    d_o = float((o * delta).sum() / n)
    d_e = float((np.outer(nc, nc) * delta).sum() / (n * (n - 1)))
    if d_e == 0:
        return float("nan")
    return 1.0 - d_o / d_e


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's kappa of two coders over the units both coded (missing values skipped).

    kappa = (p_o - p_e) / (1 - p_e), with p_e from each coder's own marginals
    (scikit-learn's ``cohen_kappa_score``). NaN when p_e = 1 (both coders used
    one and the same label throughout).
    """
    from sklearn.metrics import cohen_kappa_score

    if len(a) != len(b):
        raise ConfigError(f"coder lists differ in length ({len(a)} vs {len(b)})")
    pairs = [(x, y) for x, y in zip(a, b) if not _missing(x) and not _missing(y)]
    if not pairs or len({p for pair in pairs for p in pair}) == 1:  # no units, or p_e = 1: undefined
        return float("nan")
    x, y = zip(*pairs)
    return float(cohen_kappa_score(list(x), list(y)))


def percent_agreement(a: Sequence[Any], b: Sequence[Any]) -> float:
    pairs = [(x, y) for x, y in zip(a, b) if not _missing(x) and not _missing(y)]
    return float(np.mean([x == y for x, y in pairs])) if pairs else float("nan")


def agreement_report(table, coders: Sequence[str], multilabel: bool = False, sep: str = ";") -> dict:
    """Agreement among ``coders`` (columns of ``table``, one row per unit).

    Returns a dict: ``n_units``, ``n_coders``, ``alpha`` (nominal, or MASI for
    multi-label), ``level``, ``pairs`` (per coder pair: units coded by both,
    percent agreement, Cohen's kappa - for multi-label on the exact label set),
    and ``per_category`` (per label: alpha of the binary "label present" coding,
    and how often each coder used it).
    """
    if len(coders) < 2:
        raise ConfigError(f"agreement needs at least two coder columns, got {list(coders)}")
    missing = [c for c in coders if c not in table.columns]
    if missing:
        raise ConfigError(f"no column(s) {missing} in the table; columns are {list(table.columns)}")
    cols = {c: list(table[c]) for c in coders}
    if multilabel:
        sets = {c: [None if _missing(v) else split_labels(v, sep) for v in vals] for c, vals in cols.items()}
        alpha = krippendorff_alpha([sets[c] for c in coders], level="masi")
        cats = sorted({lab for vals in sets.values() for s in vals if s is not None for lab in s})
        coded = sets
        keyed = {c: [None if s is None else ";".join(sorted(s)) for s in sets[c]] for c in coders}
    else:
        coded = {c: [None if _missing(v) else str(v).strip() for v in vals] for c, vals in cols.items()}
        alpha = krippendorff_alpha([coded[c] for c in coders], level="nominal")
        cats = sorted({v for vals in coded.values() for v in vals if v is not None})
        keyed = coded
    pairs = []
    for x, y in itertools.combinations(coders, 2):
        both = sum(1 for p, q in zip(keyed[x], keyed[y]) if p is not None and q is not None)
        pairs.append({"coder_1": x, "coder_2": y, "units": both,
                      "percent_agreement": percent_agreement(keyed[x], keyed[y]),
                      "kappa": cohen_kappa(keyed[x], keyed[y])})
    per_cat = []
    for cat in cats:
        if multilabel:
            binary = [[None if s is None else int(cat in s) for s in coded[c]] for c in coders]
        else:
            binary = [[None if v is None else int(v == cat) for v in coded[c]] for c in coders]
        rec = {"category": cat, "alpha": krippendorff_alpha(binary, level="nominal")}
        for c, col in zip(coders, binary):
            rec[f"n_{c}"] = int(sum(v for v in col if v is not None))
        per_cat.append(rec)
    n_units = sum(1 for i in range(len(table)) if sum(keyed[c][i] is not None for c in coders) >= 2)
    return {"n_units": n_units, "n_rows": int(len(table)), "n_coders": len(coders), "coders": list(coders),
            "level": "masi" if multilabel else "nominal", "alpha": alpha, "pairs": pairs, "per_category": per_cat}
