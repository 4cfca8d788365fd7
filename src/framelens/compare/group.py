"""Per-group aggregates with bootstrap confidence intervals, and a permutation test.

Everything here is a function over the ``documents`` table (one row per
document; see docs/schema.md): pandas in, pandas out. A *metric* is a ratio of
two document columns, a numerator (a count such as ``loaded``) over a
denominator (``words`` for rates, ``report_verbs`` for verb shares), times a
scale (1,000 for "per 1,000 words"). For each group it is reported two ways:

* ``pooled``: sum of numerators / sum of denominators x scale (every word
  weighs the same; long articles weigh more);
* ``mean``: the mean of the per-document ratios (every article weighs the
  same; documents with a zero denominator are left out of the mean).

Confidence intervals of groups with at least ``BOOTSTRAP_MIN_ARTICLES`` (5)
articles resample *documents* within the group with replacement (percentile
bootstrap, ``n_boot`` resamples, seeded). Smaller groups get an exact interval
of their *effective* count (count / phi over words / phi, where phi is the
corpus's quasi-Poisson / NB1 dispersion between articles; see
:mod:`framelens.compare.stats`), so that one article's interval is as wide as
the variation between articles implies; ``ci_method`` says which. Every row
also carries the group's small-sample flag and an empirical-Bayes shrunken
estimate used for ranking. See docs/methods_compare.md for the limits.
"""

from __future__ import annotations

import itertools
import math
import zlib
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import ConfigError

__all__ = ["Metric", "METRICS", "available_metrics", "group_column", "group_stats", "permutation_test",
           "UNKNOWN_GROUP"]

#: Label for documents whose grouping field is empty.
UNKNOWN_GROUP = "(unknown)"


@dataclass(frozen=True)
class Metric:
    """``numerator / denominator * scale``, computed per group."""

    name: str
    numerator: str
    denominator: str = "words"
    scale: float = 1000.0
    label: str = ""
    kind: str = "rate"  # "rate" (count per words: Poisson) or "share" (part of a whole: binomial)

    @property
    def unit(self) -> str:
        if self.kind == "share":
            return "%" if self.scale == 100 else "share"
        return f"per {self.scale:,.0f} words"


def _rate(name, label):
    return Metric(name, name, "words", 1000.0, label, "rate")


def _share(name, den, label):
    return Metric(f"{name}_share", name, den, 100.0, label, "share")


#: Metrics aggregated by default when their columns exist in the documents table.
METRICS: dict[str, Metric] = {m.name: m for m in [
    _rate("loaded", "loaded terms (severity >= 1)"),
    _rate("loaded_author", "loaded terms in the reporter's voice"),
    _rate("loaded_quoted", "loaded terms inside quotations"),
    _rate("hedges", "hedges"),
    _rate("hedges_author", "hedges in the reporter's voice"),
    _rate("boosters", "boosters"),
    _rate("boosters_author", "boosters in the reporter's voice"),
    _rate("report_verbs", "reporting verbs (reporter's voice)"),
    _rate("quotes", "quotations"),
    _rate("attributions", "attributions"),
    _rate("frame_cues", "frame cues"),
    _share("verbs_neutral", "report_verbs", "neutral reporting verbs"),
    _share("verbs_distancing", "report_verbs", "distancing reporting verbs"),
    _share("verbs_endorsing", "report_verbs", "endorsing reporting verbs"),
    _share("verbs_evaluative", "report_verbs", "evaluative reporting verbs"),
    _share("verbs_distancing_evaluative", "report_verbs", "distancing or evaluative reporting verbs"),
    _share("quoted_words", "words", "words inside quotations"),
]}


def available_metrics(documents) -> list[Metric]:
    """The default metrics whose numerator and denominator columns exist in ``documents``."""
    cols = set(documents.columns)
    return [m for m in METRICS.values() if m.numerator in cols and m.denominator in cols]


def _resolve_metrics(documents, metrics) -> list[Metric]:
    if metrics is None:
        return available_metrics(documents)
    out = []
    for m in metrics:
        if isinstance(m, str):
            if m in METRICS:
                m = METRICS[m]
            elif m in documents.columns:
                m = Metric(m, m, "words", 1000.0, m, "rate")
            else:
                raise ConfigError(f"unknown metric {m!r}; known: {', '.join(METRICS)} or any numeric column of "
                                  f"the documents table")
        for col in (m.numerator, m.denominator):
            if col not in documents.columns:
                raise ConfigError(f"metric {m.name!r} needs column {col!r}, absent from the documents table")
        out.append(m)
    return out


def group_column(documents, by: str):
    """The grouping values of ``documents[by]`` as strings, empty values as ``(unknown)``."""
    import pandas as pd

    if by not in documents.columns:
        raise ConfigError(f"--by {by!r}: no such column; available: {', '.join(map(str, documents.columns))}")
    col = documents[by]
    return col.map(lambda v: UNKNOWN_GROUP if v is None or (isinstance(v, float) and math.isnan(v))
                   or (isinstance(v, str) and not v.strip()) or v is pd.NA else str(v))


def _seed_for(seed: int, *parts: str) -> list[int]:
    """A seed sequence that depends on the run seed and the group/metric names only, so adding a group
    or a metric never changes another one's interval."""
    return [int(seed)] + [zlib.crc32(p.encode("utf-8")) for p in parts]


def _bootstrap(num, den, scale, n_boot, rng, alpha):
    """Percentile intervals of the pooled ratio and of the mean of per-document ratios."""
    # Hand-written rather than scipy.stats.bootstrap: one vectorised pass gives both statistics from the same
    # resamples of (count, words) pairs, and keeps the seeded numbers of earlier versions.
    import numpy as np

    n = len(num)
    pooled = np.empty(n_boot)
    means = np.empty(n_boot)
    ratio = np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)
    batch = max(1, min(n_boot, 4_000_000 // max(n, 1)))
    done = 0
    while done < n_boot:
        b = min(batch, n_boot - done)
        idx = rng.integers(0, n, size=(b, n))
        sn = num[idx].sum(axis=1)
        sd = den[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            pooled[done:done + b] = np.where(sd > 0, sn / np.where(sd > 0, sd, 1), np.nan) * scale
            r = ratio[idx]
            ok = ~np.isnan(r)
            cnt = ok.sum(axis=1)
            means[done:done + b] = np.where(cnt > 0, np.where(ok, r, 0).sum(axis=1) / np.maximum(cnt, 1), np.nan) * scale
        done += b
    q = [100 * alpha / 2, 100 * (1 - alpha / 2)]
    pl = np.nanpercentile(pooled, q) if np.isfinite(pooled).any() else [math.nan, math.nan]
    ml = np.nanpercentile(means, q) if np.isfinite(means).any() else [math.nan, math.nan]
    return float(pl[0]), float(pl[1]), float(ml[0]), float(ml[1])


def group_stats(
    documents,
    by: str = "outlet",
    metrics: Iterable[str | Metric] | None = None,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
    min_articles: int | None = None,
    min_words: int | None = None,
):
    """Per-group aggregates of each metric, with confidence intervals, small-sample flags and shrunken estimates.

    Returns a long DataFrame, one row per (group, metric): ``group``, ``metric``,
    ``label``, ``unit``, ``n_docs``, ``words``, ``numerator`` (summed count),
    ``denominator``, ``pooled``, ``ci_low``, ``ci_high`` (interval of the pooled
    value), ``mean``, ``mean_ci_low``, ``mean_ci_high`` (per-document mean and its
    interval), ``ci_method``, ``n_boot``, ``seed``, then (see
    :mod:`framelens.compare.stats`) ``flagged`` and ``flag_reason`` (the group is
    under a minimum), ``dispersion`` (phi), ``prior_mean``, ``shrunk``,
    ``shrunk_low``, ``shrunk_high`` (empirical-Bayes estimate and its 95% interval)
    and ``rank`` (1 = highest shrunken value among unflagged groups). Same inputs
    and seed give the same numbers.

    Parameters
    ----------
    documents : DataFrame
        The documents table.
    by : str
        The grouping column.
    metrics : iterable of str or Metric, optional
        Default: :func:`available_metrics`.
    n_boot, seed, ci
        Bootstrap resamples, seed and interval level.
    min_articles, min_words : int, optional
        Group minimums (default :data:`framelens.compare.stats.DEFAULT_MIN_ARTICLES` and
        ``DEFAULT_MIN_WORDS``).

    Returns
    -------
    DataFrame
    """
    from . import stats as S

    import numpy as np
    import pandas as pd

    if not 0 < ci < 1:
        raise ConfigError(f"ci={ci!r}: must be between 0 and 1 (e.g. 0.95)")
    if n_boot < 100:
        raise ConfigError(f"n_boot={n_boot!r}: use at least 100 resamples (2000 is the default)")
    mets = _resolve_metrics(documents, metrics)
    alpha = 1 - ci
    groups = group_column(documents, by)
    min_articles = S.DEFAULT_MIN_ARTICLES if min_articles is None else min_articles
    min_words = S.DEFAULT_MIN_WORDS if min_words is None else min_words
    S.check_minimums(min_articles, min_words, 0)
    phis = {}
    for m in mets:
        phis[m.name] = S.dispersion(pd.to_numeric(documents[m.numerator], errors="coerce").fillna(0).to_numpy(float),
                                    pd.to_numeric(documents[m.denominator], errors="coerce").fillna(0).to_numpy(float),
                                    groups.to_numpy(), m.kind)
    rows = []
    for g in sorted(groups.unique()):
        sub = documents[groups == g]
        words = int(pd.to_numeric(sub["words"], errors="coerce").fillna(0).sum()) if "words" in sub else 0
        for m in mets:
            num = pd.to_numeric(sub[m.numerator], errors="coerce").fillna(0).to_numpy(dtype=float)
            den = pd.to_numeric(sub[m.denominator], errors="coerce").fillna(0).to_numpy(dtype=float)
            n = len(num)
            tn, td = float(num.sum()), float(den.sum())
            pooled = tn / td * m.scale if td > 0 else math.nan
            ok = den > 0
            mean = float(np.mean(num[ok] / den[ok]) * m.scale) if ok.any() else math.nan
            used_boot = False
            if n >= S.BOOTSTRAP_MIN_ARTICLES and td > 0:
                rng = np.random.default_rng(_seed_for(seed, g, m.name))
                lo, hi, mlo, mhi = _bootstrap(num, den, m.scale, n_boot, rng, alpha)
                method = f"bootstrap over documents ({n_boot} resamples)"
                used_boot = True
            elif n >= 1 and td > 0:
                lo, hi = S.effective_interval(tn, td, phis[m.name], m.kind, m.scale, alpha)
                method = (f"{'Clopper-Pearson' if m.kind == 'share' else 'exact Poisson'} on the count / dispersion "
                          f"{phis[m.name]:.2f} (NB1; {n} document{'s' if n != 1 else ''}, fewer than "
                          f"{S.BOOTSTRAP_MIN_ARTICLES})")
                mlo, mhi = lo, hi
                if n >= 2:
                    rng = np.random.default_rng(_seed_for(seed, g, m.name))
                    mlo, mhi = _bootstrap(num, den, m.scale, n_boot, rng, alpha)[2:]
                    used_boot = True
            else:
                lo = hi = mlo = mhi = math.nan
                method = "none"
            rows.append({
                "group": g, "metric": m.name, "label": m.label, "unit": m.unit, "n_docs": n, "words": words,
                "numerator": tn, "denominator": td, "pooled": pooled, "ci_low": lo, "ci_high": hi,
                "mean": mean, "mean_ci_low": mlo, "mean_ci_high": mhi, "ci_level": ci, "ci_method": method,
                "n_boot": n_boot if used_boot else 0, "seed": seed,
            })
    table = pd.DataFrame(rows, columns=[
        "group", "metric", "label", "unit", "n_docs", "words", "numerator", "denominator", "pooled", "ci_low",
        "ci_high", "mean", "mean_ci_low", "mean_ci_high", "ci_level", "ci_method", "n_boot", "seed"])
    flags = S.group_flags(documents.assign(group=groups.to_numpy()), min_articles=min_articles, min_words=min_words,
                          unknown=UNKNOWN_GROUP if (groups == UNKNOWN_GROUP).any() and _has_blank(documents, by)
                          else None)
    return S.add_shrinkage(table, phis, flags, ci)


def _has_blank(documents, by: str) -> bool:
    """Whether the ``(unknown)`` group comes from blank values (not from a value spelt "(unknown)")."""
    col = documents[by]
    return bool((col.isna() | col.map(lambda v: isinstance(v, str) and not v.strip())).any())


def permutation_test(
    documents,
    a: str,
    b: str,
    metric: str | Metric = "loaded",
    *,
    by: str = "outlet",
    statistic: str = "pooled",
    n_perm: int = 10000,
    seed: int = 0,
) -> dict[str, Any]:
    """Two-sided permutation test of the difference in ``metric`` between groups ``a`` and ``b``.

    The documents of both groups are pooled and their group labels shuffled
    (``n_perm`` times, seeded; or every possible split when there are at most
    ``n_perm`` of them, which gives the exact p-value). The statistic is the
    difference ``a - b`` of the ``pooled`` ratio (default) or of the per-document
    ``mean``. ``p_value`` = (1 + number of splits at least as extreme) / (1 + splits
    drawn) for the random form, the exact share for the exhaustive form.

    Returns a dict: a, b, metric, statistic, n_a, n_b, words_a, words_b, value_a,
    value_b, difference, p_value, n_perm, exact, seed.
    """
    # Hand-written rather than scipy.stats.permutation_test: scipy's two-sided p is 2 x the smaller one-sided p,
    # not the share of splits with |difference| >= observed used here, and its draws would change seeded p-values.
    import numpy as np

    if statistic not in ("pooled", "mean"):
        raise ConfigError(f"statistic={statistic!r}; allowed: pooled, mean")
    (m,) = _resolve_metrics(documents, [metric])
    groups = group_column(documents, by)
    known = sorted(groups.unique())
    for name in (a, b):
        if name not in known:
            raise ConfigError(f"group {name!r} not found in column {by!r}; groups: {', '.join(known)}")
    if a == b:
        raise ConfigError("the two groups of a permutation test must differ")
    sa, sb = documents[groups == a], documents[groups == b]

    def arrays(sub):
        import pandas as pd

        return (pd.to_numeric(sub[m.numerator], errors="coerce").fillna(0).to_numpy(float),
                pd.to_numeric(sub[m.denominator], errors="coerce").fillna(0).to_numpy(float))

    na_, da_ = arrays(sa)
    nb_, db_ = arrays(sb)
    num = np.concatenate([na_, nb_])
    den = np.concatenate([da_, db_])
    n_a, n_tot = len(na_), len(num)

    def stat(mask):
        if statistic == "pooled":
            va = num[mask].sum() / den[mask].sum() * m.scale if den[mask].sum() > 0 else math.nan
            vb = num[~mask].sum() / den[~mask].sum() * m.scale if den[~mask].sum() > 0 else math.nan
        else:
            def mean(sel):
                ok = den[sel] > 0
                return float(np.mean(num[sel][ok] / den[sel][ok]) * m.scale) if ok.any() else math.nan
            va, vb = mean(mask), mean(~mask)
        return va, vb

    obs_mask = np.zeros(n_tot, bool)
    obs_mask[:n_a] = True
    va, vb = stat(obs_mask)
    obs = va - vb
    n_splits = math.comb(n_tot, n_a)
    eps = 1e-12 * max(1.0, abs(obs))
    if n_splits <= n_perm:
        extreme = 0
        for combo in itertools.combinations(range(n_tot), n_a):
            mask = np.zeros(n_tot, bool)
            mask[list(combo)] = True
            x, y = stat(mask)
            if abs(x - y) >= abs(obs) - eps:
                extreme += 1
        p = extreme / n_splits
        exact, drawn = True, n_splits
    else:
        rng = np.random.default_rng(_seed_for(seed, a, b, m.name, statistic))
        extreme = 0
        for _ in range(n_perm):
            perm = rng.permutation(n_tot)
            mask = np.zeros(n_tot, bool)
            mask[perm[:n_a]] = True
            x, y = stat(mask)
            if abs(x - y) >= abs(obs) - eps:
                extreme += 1
        p = (extreme + 1) / (n_perm + 1)
        exact, drawn = False, n_perm
    return {
        "a": a, "b": b, "by": by, "metric": m.name, "unit": m.unit, "statistic": statistic,
        "n_a": n_a, "n_b": n_tot - n_a, "words_a": float(da_.sum()) if m.denominator == "words" else None,
        "words_b": float(db_.sum()) if m.denominator == "words" else None,
        "value_a": va, "value_b": vb, "difference": obs, "p_value": float(p), "n_perm": drawn, "exact": exact,
        "seed": seed,
    }


def _fmt(v: float, digits: int = 1) -> str:
    return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:,.{digits}f}"


def describe(row) -> str:
    """A one-line description of one group_stats row: value, interval and n (never a bare number)."""
    ci = ""
    if not (math.isnan(row["ci_low"]) or math.isnan(row["ci_high"])):
        ci = f" [{_fmt(row['ci_low'])}–{_fmt(row['ci_high'])}]"
    return (f"{_fmt(row['pooled'])} {row['unit']}{ci} (n = {int(row['n_docs'])} doc"
            f"{'s' if row['n_docs'] != 1 else ''}, {int(row['words']):,} words)")
