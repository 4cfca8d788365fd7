"""Small-sample safeguards, shrunken estimates and multiple comparisons of per-group rates.

Everything here works on the ``documents`` table (one row per document, a
``group`` column) and on :func:`framelens.compare.group.group_stats` rows;
docs/methods_compare.md ("Small samples", "Multiple comparisons") gives the
method, its defaults and its references.

* **Minimums.** A group with fewer than ``min_articles`` articles or fewer than
  ``min_words`` words (or whose words are mostly in documents that fail the
  language check, or whose grouping value is blank) is *flagged*: it stays in
  every table and chart, marked, and is never named in a finding nor ranked.
* **Dispersion.** Counts of a term vary more between articles than a Poisson
  model says (one article quotes a speech full of loaded words, the next none).
  ``phi`` (quasi-Poisson / NB1 dispersion: variance = phi x mean) is the Pearson
  chi-square of article counts around their group's pooled rate, divided by its
  degrees of freedom, over the whole corpus (never below 1).
* **Intervals for small groups.** A group with fewer than
  :data:`BOOTSTRAP_MIN_ARTICLES` articles cannot be resampled meaningfully; its
  interval is the exact Poisson (rates) or Clopper-Pearson (shares) interval of
  the *effective* count ``count / phi`` over ``words / phi``, so one article's
  interval is as wide as the corpus's between-article variation implies.
* **Shrinkage.** For ranking, each group's rate is pulled towards the corpus rate
  by an empirical-Bayes gamma-Poisson model (rates) or beta-binomial model
  (shares) whose prior is fitted across groups by the method of moments
  (Clayton & Kaldor 1987; Marshall 1991), on the effective counts. Small groups
  move most. ``shrunk`` is the posterior mean, ``shrunk_low``/``shrunk_high`` its
  95% posterior interval; ``rank`` (1 = highest) ranks unflagged groups by it.
* **Tests.** Per measure, a Kruskal-Wallis test across the unflagged groups and a
  Mann-Whitney U test for every pair of them, on per-article rates; p-values
  adjusted by Benjamini-Hochberg (``scipy.stats.false_discovery_control``)
  over all pairwise tests of all measures together (and, separately, over the
  all-groups tests). Effect sizes: Cliff's delta (from U) and the ratio of
  pooled rates with a 95% interval from the quasi-Poisson variance.
"""

from __future__ import annotations

import math
from typing import Any, Iterable

from ..errors import ConfigError

__all__ = ["DEFAULT_MIN_ARTICLES", "DEFAULT_MIN_WORDS", "DEFAULT_SHORT_WORDS", "BOOTSTRAP_MIN_ARTICLES",
           "TEST_METRICS", "FDR_Q", "MAX_ALL_PAIRS_GROUPS", "check_minimums", "group_flags", "dispersion", "effective_interval",
           "add_shrinkage", "group_tests"]

#: Fewer articles than this and a group is flagged: with one or two articles, one article's topic, quotations
#: and writer decide the group's rate, and between-article variation cannot be estimated within the group.
DEFAULT_MIN_ARTICLES = 3
#: Fewer words than this and a group is flagged: at a typical 3-5 loaded terms per 1,000 words, 1,000 words
#: hold only 3-5 expected hits, a relative standard error of about 50% before any between-article variation.
DEFAULT_MIN_WORDS = 1000
#: Documents with fewer words than this are marked ``short_text`` (excerpts, briefs, teasers).
DEFAULT_SHORT_WORDS = 200
#: Groups with fewer articles than this get the dispersion-adjusted interval instead of the bootstrap
#: (a bootstrap over 2-4 articles has only a handful of distinct resamples and is far too narrow).
BOOTSTRAP_MIN_ARTICLES = 5
#: Measures tested across groups by default (when their columns exist).
TEST_METRICS = ("loaded", "loaded_author", "hedges", "boosters", "attributions", "quotes",
                "verbs_distancing_evaluative_share")
#: False-discovery rate of the Benjamini-Hochberg procedure.
FDR_Q = 0.05
#: With more unflagged groups than this, pairwise tests are limited per measure to neighbours in the ranking and the
#: first against the last (every pair of 500 groups would be 124,750 tests per measure, and none would survive).
MAX_ALL_PAIRS_GROUPS = 50


def check_minimums(min_articles: int, min_words: int, short_words: int) -> None:
    """Raise ConfigError when a minimum is not a whole number >= 0 (``min_articles`` >= 1).

    Parameters
    ----------
    min_articles, min_words, short_words : int
        The group minimums and the short-text limit.

    Raises
    ------
    ConfigError
        A value out of range.
    """
    for name, v, low in (("min_articles", min_articles, 1), ("min_words", min_words, 0),
                         ("short_words", short_words, 0)):
        if not isinstance(v, int) or isinstance(v, bool) or v < low:
            raise ConfigError(f"{name}={v!r}: must be a whole number >= {low}")


def group_flags(documents, *, min_articles: int = DEFAULT_MIN_ARTICLES, min_words: int = DEFAULT_MIN_WORDS,
                unknown: str | None = None):
    """One row per group: ``group``, ``n_docs``, ``words``, ``short_docs``, ``non_english_docs``, ``flagged``,
    ``flag_reason`` (empty when not flagged; reasons joined by "; ").

    Parameters
    ----------
    documents : DataFrame
        Documents with ``group`` and ``words`` columns (``short_text`` and ``language_warning`` used when present).
    min_articles, min_words : int
        The minimums (see :data:`DEFAULT_MIN_ARTICLES`, :data:`DEFAULT_MIN_WORDS`).
    unknown : str, optional
        The label of documents without a grouping value; that group is always flagged.

    Returns
    -------
    DataFrame
    """
    import pandas as pd

    check_minimums(min_articles, min_words, 0)
    rows = []
    for g, sub in documents.groupby("group", sort=True):
        n = len(sub)
        words = int(pd.to_numeric(sub["words"], errors="coerce").fillna(0).sum()) if "words" in sub else 0
        short = int(sub["short_text"].fillna(False).astype(bool).sum()) if "short_text" in sub else 0
        lang = sub["language_warning"].fillna(False).astype(bool) if "language_warning" in sub else None
        non_en = int(lang.sum()) if lang is not None else 0
        reasons = []
        if unknown is not None and g == unknown:
            reasons.append("no group value")
        if n < min_articles:
            reasons.append(f"{n} article{'s' if n != 1 else ''} (< {min_articles})")
        if words < min_words and "words" in sub:
            reasons.append(f"{words:,} words (< {min_words:,})")
        if lang is not None and non_en and words and "words" in sub:
            w_non = float(pd.to_numeric(sub.loc[lang, "words"], errors="coerce").fillna(0).sum())
            if w_non * 2 > words:
                reasons.append(f"mostly not English ({non_en} of {n} articles)")
        rows.append({"group": g, "n_docs": n, "words": words, "short_docs": short, "non_english_docs": non_en,
                     "flagged": bool(reasons), "flag_reason": "; ".join(reasons)})
    return pd.DataFrame(rows, columns=["group", "n_docs", "words", "short_docs", "non_english_docs", "flagged",
                                       "flag_reason"])


def _pearson_terms(num, den, expected_share, kind):
    """Pearson chi-square terms of counts ``num`` against ``den x expected_share`` (Poisson or binomial variance)."""
    mu = den * expected_share
    var = mu * (1 - expected_share) if kind == "share" else mu
    ok = var > 0
    return ((num[ok] - mu[ok]) ** 2 / var[ok]), int(ok.sum())


def dispersion(num, den, groups, kind: str = "rate") -> float:
    """Quasi-Poisson (NB1) dispersion ``phi`` of per-article counts, never below 1.

    The Pearson chi-square of each article's count around its group's pooled rate over ``N - G`` degrees of
    freedom (groups with two or more articles). When no group has two articles, the corpus pooled rate
    is used instead (``N - 1`` degrees of freedom), which also counts between-group variation as noise
    (conservative).

    Parameters
    ----------
    num, den : array of float
        Per-article numerator (count) and denominator (words, or the whole of a share).
    groups : array
        Per-article group labels.
    kind : {"rate", "share"}
        Poisson (rate) or binomial (share) variance.

    Returns
    -------
    float
    """
    import numpy as np
    import pandas as pd

    num = np.asarray(num, float)
    den = np.asarray(den, float)
    g = pd.Series(np.asarray(groups)).astype(str).to_numpy()
    keep = den > 0
    num, den, g = num[keep], den[keep], g[keep]
    if len(num) < 2 or num.sum() <= 0:
        return 1.0
    chi, df = 0.0, 0
    sizes = pd.Series(g).value_counts()
    # in a fixed order: summing over a set followed the string hash seed, so the last bits of the
    # dispersion (and every interval built on it) changed from one run to the next
    multi = sorted(sizes[sizes >= 2].index)
    for name in multi:
        m = g == name
        tn, td = num[m].sum(), den[m].sum()
        if tn <= 0 or td <= 0:
            continue
        terms, k = _pearson_terms(num[m], den[m], tn / td, kind)
        chi += float(terms.sum())
        df += k - 1
    if df <= 0:
        terms, k = _pearson_terms(num, den, num.sum() / den.sum(), kind)
        chi, df = float(terms.sum()), k - 1
    if df <= 0:
        return 1.0
    return max(1.0, chi / df)


def effective_interval(k: float, d: float, phi: float, kind: str, scale: float, alpha: float = 0.05):
    """The exact interval of the effective count ``k / phi`` over ``d / phi``: Poisson (rates, Garwood) or
    Clopper-Pearson (shares), times ``scale``; ``(nan, nan)`` when ``d`` is 0.

    Parameters
    ----------
    k, d : float
        Count and denominator of the group.
    phi : float
        The dispersion (:func:`dispersion`); 1 gives the plain exact interval.
    kind : {"rate", "share"}
    scale : float
        1,000 for per 1,000 words, 100 for percentages.
    alpha : float
        1 - confidence level.

    Returns
    -------
    (float, float)
    """
    from scipy.special import betaincinv, gammaincinv  # the quantile functions, without scipy.stats' import cost

    if d <= 0:
        return math.nan, math.nan
    ke, de = k / phi, d / phi
    if kind == "share":
        lo = 0.0 if ke <= 0 else float(betaincinv(ke, de - ke + 1, alpha / 2))
        hi = 1.0 if ke >= de else float(betaincinv(ke + 1, max(de - ke, 1e-9), 1 - alpha / 2))
        return lo * scale, hi * scale
    lo = 0.0 if ke <= 0 else float(gammaincinv(ke, alpha / 2))
    hi = float(gammaincinv(ke + 1, 1 - alpha / 2))
    return lo / de * scale, hi / de * scale


def _prior(y, n, kind):
    """Method-of-moments prior (mean, variance) of group rates from effective counts ``y`` over ``n``
    (Marshall 1991's estimator of the Clayton-Kaldor gamma prior; for shares its binomial analogue)."""
    import numpy as np

    ok = n > 0
    y, n = y[ok], n[ok]
    if len(y) == 0 or n.sum() <= 0:
        return math.nan, 0.0
    m = y.sum() / n.sum()
    if len(y) < 2:
        return m, 0.0
    r = y / n
    s2 = float(np.sum(n * (r - m) ** 2) / n.sum())
    nbar = n.sum() / len(n)
    noise = m * (1 - m) / nbar if kind == "share" else m / nbar
    return m, max(s2 - noise, 0.0)


def add_shrinkage(stats, phis: dict[str, float], flags, ci: float = 0.95):
    """Add ``dispersion``, ``shrunk``, ``shrunk_low``, ``shrunk_high``, ``prior_mean``, ``flagged``,
    ``flag_reason`` and ``rank`` columns to a group_stats table (a copy).

    Parameters
    ----------
    stats : DataFrame
        :func:`~framelens.compare.group.group_stats` rows (with ``kind`` and ``scale`` of each metric given by
        its ``unit``).
    phis : dict of str to float
        Metric name -> dispersion.
    flags : DataFrame
        :func:`group_flags`.
    ci : float
        Posterior interval level.

    Returns
    -------
    DataFrame
    """
    import numpy as np
    from scipy.special import betaincinv, gammaincinv

    out = stats.copy()
    fl = flags.set_index("group") if len(flags) else None
    out["flagged"] = [bool(fl.loc[g, "flagged"]) if fl is not None and g in fl.index else False for g in out["group"]]
    out["flag_reason"] = [str(fl.loc[g, "flag_reason"]) if fl is not None and g in fl.index else ""
                          for g in out["group"]]
    for col in ("dispersion", "prior_mean", "shrunk", "shrunk_low", "shrunk_high", "rank"):
        out[col] = math.nan
    a2 = (1 - ci) / 2
    for metric, idx in out.groupby("metric").groups.items():
        part = out.loc[idx]
        share = (part["unit"].iloc[0] in ("%", "share"))
        scale = 100.0 if part["unit"].iloc[0] == "%" else 1.0 if share else 1000.0
        phi = float(phis.get(metric, 1.0))
        y = part["numerator"].to_numpy(float) / phi
        n = part["denominator"].to_numpy(float) / phi
        m, var = _prior(y, n, "share" if share else "rate")
        out.loc[idx, "dispersion"] = phi
        out.loc[idx, "prior_mean"] = m * scale if not math.isnan(m) else math.nan
        if math.isnan(m):
            continue
        lows, highs, means = [], [], []
        for yi, ni in zip(y, n):
            if ni <= 0:
                lows.append(math.nan), highs.append(math.nan), means.append(math.nan)
                continue
            if var <= 0 or m <= 0 or (share and m >= 1):  # no spread between groups beyond noise: all at the mean
                lows.append(m), highs.append(m), means.append(m)
                continue
            if share:
                c = m * (1 - m) / var - 1
                if c <= 0:  # prior wider than a uniform: no shrinkage
                    a0, b0 = 1e-6, 1e-6
                else:
                    a0, b0 = m * c, (1 - m) * c
                a, b = a0 + yi, b0 + max(ni - yi, 0.0)
                means.append(a / (a + b))
                lows.append(float(betaincinv(a, b, a2)))
                highs.append(float(betaincinv(a, b, 1 - a2)))
            else:
                a, b = m * m / var + yi, m / var + ni
                means.append(a / b)
                lows.append(float(gammaincinv(a, a2)) / b)
                highs.append(float(gammaincinv(a, 1 - a2)) / b)
        out.loc[idx, "shrunk"] = np.array(means) * scale
        out.loc[idx, "shrunk_low"] = np.array(lows) * scale
        out.loc[idx, "shrunk_high"] = np.array(highs) * scale
        elig = out.loc[idx][(~out.loc[idx, "flagged"]) & out.loc[idx, "shrunk"].notna()]
        if len(elig):
            order = elig.sort_values(["shrunk", "group"], ascending=[False, True]).index
            out.loc[order, "rank"] = np.arange(1, len(order) + 1, dtype=float)
    return out


def _pairs(groups: list[str], metric: str, stats, max_all_pairs: int) -> list[tuple[str, str]]:
    """The pairs to test: all of them, or (many groups, ``stats`` given) ranking neighbours and first vs last."""
    import itertools

    if len(groups) <= max_all_pairs or stats is None or "rank" not in stats.columns:
        return list(itertools.combinations(groups, 2))
    s = stats[(stats["metric"] == metric) & stats["group"].isin(groups) & stats["rank"].notna()].sort_values("rank")
    order = list(s["group"])
    pairs = {tuple(sorted(p)) for p in zip(order, order[1:])}
    if len(order) > 2:
        pairs.add(tuple(sorted((order[0], order[-1]))))
    return sorted(pairs)


def _cliffs_delta(u: float, n_a: int, n_b: int) -> float:
    return 2.0 * u / (n_a * n_b) - 1.0


def group_tests(documents, metrics: Iterable[Any], flags, *, q: float = FDR_Q, phis: dict[str, float] | None = None,
                stats=None, max_all_pairs: int = MAX_ALL_PAIRS_GROUPS):
    """All-groups (Kruskal-Wallis) and pairwise (Mann-Whitney U) tests of per-article rates between the
    unflagged groups, Benjamini-Hochberg adjusted; one row per test.

    Columns: ``test`` ("all groups" or "pair"), ``metric``, ``a``, ``b`` (empty for all-groups tests),
    ``n_a``, ``n_b``, ``value_a``, ``value_b`` (pooled rates), ``rate_ratio``, ``rr_low``, ``rr_high``,
    ``cliffs_delta``, ``statistic``, ``p_value``, ``p_adjusted``, ``significant``, ``family_size``,
    ``method``.

    Parameters
    ----------
    documents : DataFrame
        Documents with a ``group`` column and the metrics' columns.
    metrics : iterable of Metric
        The measures to test.
    flags : DataFrame
        :func:`group_flags` (flagged groups are left out).
    q : float
        False-discovery rate of the Benjamini-Hochberg procedure.
    phis : dict of str to float, optional
        Dispersion per metric, for the rate-ratio interval (default 1).
    stats : DataFrame, optional
        group_stats rows with ``rank``: with more than ``max_all_pairs`` unflagged groups, only pairs of
        neighbours in each measure's ranking and the first against the last are tested (every pair without it).
    max_all_pairs : int
        See ``stats``.

    Returns
    -------
    DataFrame
    """
    import numpy as np
    import pandas as pd
    from scipy import stats as st

    cols = ["test", "metric", "a", "b", "n_a", "n_b", "value_a", "value_b", "rate_ratio", "rr_low", "rr_high",
            "cliffs_delta", "statistic", "p_value", "p_adjusted", "significant", "family_size", "method"]
    if not 0 < q < 1:
        raise ConfigError(f"q={q!r}: the false-discovery rate must be between 0 and 1 (e.g. 0.05)")
    ok_groups = sorted(flags.loc[~flags["flagged"], "group"]) if len(flags) else []
    if len(ok_groups) < 2:
        return pd.DataFrame(columns=cols)
    phis = phis or {}
    rows = []
    z = st.norm.ppf(0.975)
    for m in metrics:
        per: dict[str, tuple] = {}
        for g in ok_groups:
            sub = documents[documents["group"] == g]
            num = pd.to_numeric(sub[m.numerator], errors="coerce").fillna(0).to_numpy(float)
            den = pd.to_numeric(sub[m.denominator], errors="coerce").fillna(0).to_numpy(float)
            ok = den > 0
            per[g] = (num[ok] / den[ok] * m.scale, float(num.sum()), float(den.sum()))
        samples = [per[g][0] for g in ok_groups if len(per[g][0])]
        if len(samples) >= 2:
            allv = np.concatenate(samples)
            if np.all(allv == allv[0]):
                h, p = 0.0, 1.0
            else:
                h, p = st.kruskal(*samples)
            rows.append({"test": "all groups", "metric": m.name, "a": "", "b": "", "n_a": int(sum(map(len, samples))),
                         "n_b": len(samples), "statistic": float(h), "p_value": float(p),
                         "method": "Kruskal-Wallis H on per-article rates"})
        phi = float(phis.get(m.name, 1.0))
        for a, b in _pairs(ok_groups, m.name, stats, max_all_pairs):
            xa, ya, wa = per[a]
            xb, yb, wb = per[b]
            if not len(xa) or not len(xb):
                continue
            if np.all(np.concatenate([xa, xb]) == xa[0]):
                u, p = len(xa) * len(xb) / 2.0, 1.0
            else:
                res = st.mannwhitneyu(xa, xb, alternative="two-sided")
                u, p = float(res.statistic), float(res.pvalue)
            va = ya / wa * m.scale if wa > 0 else math.nan
            vb = yb / wb * m.scale if wb > 0 else math.nan
            # rate ratio with 0.5 added to zero counts; log-scale SE from the quasi-Poisson variance
            ca, cb = (ya or 0.5), (yb or 0.5)
            rr = (ca / wa) / (cb / wb) if wa > 0 and wb > 0 else math.nan
            se = math.sqrt(phi * (1 / ca + 1 / cb))
            rows.append({"test": "pair", "metric": m.name, "a": a, "b": b, "n_a": len(xa), "n_b": len(xb),
                         "value_a": va, "value_b": vb, "rate_ratio": rr,
                         "rr_low": rr * math.exp(-z * se) if rr == rr else math.nan,
                         "rr_high": rr * math.exp(z * se) if rr == rr else math.nan,
                         "cliffs_delta": _cliffs_delta(u, len(xa), len(xb)), "statistic": u, "p_value": p,
                         "method": "Mann-Whitney U (two-sided) on per-article rates"})
    df = pd.DataFrame(rows, columns=cols)
    for kind in ("all groups", "pair"):
        mask = df["test"] == kind
        if mask.any():
            df.loc[mask, "p_adjusted"] = st.false_discovery_control(df.loc[mask, "p_value"].to_numpy(float),
                                                                    method="bh")
            df.loc[mask, "family_size"] = int(mask.sum())
    df["significant"] = df["p_adjusted"].astype(float) < q
    df["family_size"] = df["family_size"].astype("Int64")
    return df
