"""Layouts for many groups (more than :data:`~framelens.compare.charts.base.MANY`): dot plots with intervals,
small multiples of shares, one neutral colour and direct labels, at most :data:`~.base.MAX_ROWS` rows.

The chart functions of ``rates``, ``mixes``, ``words`` and ``positions`` switch to these when there are many
groups; up to :data:`~.base.MANY` groups they draw as before. Flagged groups (too small) are drawn with hollow
markers, "(flagged)" in their label, below the ranked groups and never ranked among them.
"""

from __future__ import annotations

import math

from ..palette import NEUTRAL
from .base import MAX_ROWS, _axes, _limit, _short

#: Row height (inches) of a group in the layouts for many groups.
ROW_IN = 0.2
#: Where the rows of the middle of a ranking that were not drawn are counted.
GAP_NOTE = "… {k} groups in the middle of the ranking not drawn (all are in tables/group_stats.csv)"


#: What every chart writes after the name of a flagged group (too small to support a finding).
FLAG_MARK = "  (flagged)"


def _flag_label(g, flagged: bool, width: int = 34) -> str:
    """A group's label cut to ``width`` characters, with :data:`FLAG_MARK` after it (never cut) when flagged."""
    return _short(g, width) + (FLAG_MARK if flagged else "")


def flag_separator(ax, rows, small, axis: str = "y") -> None:
    """A dashed line between the ranked rows and the flagged ones drawn after them (``rows`` in drawing order,
    row ``i`` at ``i``; ``small`` the flagged groups); none when every row, or none, is flagged."""
    pos = [i for i, g in enumerate(rows) if g in small]
    if pos and len(pos) < len([g for g in rows if g is not None]):
        # the flagged rows are one block: after the ranked rows, or before them (bar charts drawn bottom-up)
        at = max(pos) + 0.5 if pos[0] == 0 else min(pos) - 0.5
        (ax.axhline if axis == "y" else ax.axvline)(at, color="#BBBBBB", linewidth=0.8, linestyle="--")


def ranked_rows(st, key: str):
    """Group order for a ranking: the groups that are not flagged by ``key`` (descending), then the flagged ones
    (descending, never ranked among the others), cut to :data:`MAX_ROWS` rows with a gap (``None``)."""
    flagged = st["flagged"].astype(bool) if "flagged" in st.columns else st[key] != st[key]
    vals = st[key].fillna(-math.inf)
    ranked = list(vals[~flagged].sort_values(ascending=False, kind="mergesort").index)
    small = list(vals[flagged].sort_values(ascending=False, kind="mergesort").index)
    rows, gap = _limit(ranked + small)
    return rows, gap, set(small)


def dot_plot(st, *, value: str, low: str, high: str, note, xlabel: str, title: str, ax=None, key: str | None = None,
             marker_col: str | None = None):
    """One row per group: a dot at ``value`` with a line from ``low`` to ``high``, a diamond at ``marker_col``
    (the shrunken estimate), ``note(group)`` written at the right; ordered by ``key`` (default ``value``).

    Parameters
    ----------
    st : DataFrame
        Indexed by group; the named columns and optionally ``flagged``.
    value, low, high, note, xlabel, title, ax, key, marker_col
        Columns, a text per group, axis label and title; Axes (None: a new figure); the ranking column and the
        column drawn as a diamond.
    Returns
    -------
    matplotlib.axes.Axes
    """
    rows, gap, small = ranked_rows(st, key or value)
    ax = _axes(ax, 8.2, ROW_IN * len(rows) + 1.7)
    vals_ = [v for v in st[value].tolist() if v == v and not math.isinf(v)]
    his = [v for v in st[high].tolist() if v == v and not math.isinf(v)]
    # the scale follows the estimates: an interval reaching past twice the largest one is cut at the edge
    xmax = max(vals_ + [min(h, 2 * max(vals_ + [1e-9])) for h in his] + [1e-9])
    labels = []
    ys, lows, highs, vals, hollow, marks, mys = [], [], [], [], [], [], []
    for i, g in enumerate(rows):
        if g is None:
            labels.append("")
            ax.text(0, i, GAP_NOTE.format(k=gap), va="center", fontsize=7.5, color="#555555", style="italic")
            continue
        r = st.loc[g]
        fl = g in small
        labels.append(_flag_label(g, fl))
        if r[low] == r[low] and r[high] == r[high]:
            ys.append(i), lows.append(r[low]), highs.append(r[high])
        vals.append((i, r[value], fl))
        if marker_col and r[marker_col] == r[marker_col]:
            marks.append(r[marker_col]), mys.append(i)
        right = min(max(v for v in (r[value], r[high]) if v == v), xmax * 1.02) if r[value] == r[value] else 0
        ax.text(right + xmax * 0.02, i, note(g), va="center", fontsize=7, color="#8a6d00" if fl else "#333333",
                bbox=dict(facecolor="white", edgecolor="none", pad=0.6), zorder=5)  # readable over a cut interval
    # one collection per mark type (not one artist per row): a fraction of the drawing time
    ax.hlines(ys, lows, [min(h, xmax * 1.45) for h in highs], color=NEUTRAL, linewidth=1.2, zorder=2)
    _dots(ax, vals, 28)
    if marks:
        ax.scatter(marks, mys, marker="D", s=12, color="white", edgecolor="#222222", linewidth=1.0, zorder=4)
    flag_separator(ax, rows, small)
    ax.set_yticks(range(len(rows)), labels, fontsize=7.5)
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.set_xlim(0, xmax * 1.45)
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return ax


def _dots(ax, vals, size):
    """Dots at (value, row): filled, or hollow for flagged groups; ``vals`` = [(row, value, flagged)]."""
    for hollow in (False, True):
        pts = [(v, i) for i, v, fl in vals if fl == hollow and v == v]
        if pts:
            x, y = zip(*pts)
            ax.scatter(x, y, s=size, color="white" if hollow else NEUTRAL, edgecolor=NEUTRAL, linewidth=1.2,
                       zorder=3)


def _wilson(k, n):
    """95% Wilson score intervals of shares ``k / n`` (arrays; NaN where ``n`` is 0). Written out because
    scipy's ``binomtest(...).proportion_ci`` computes the same one share per call, 50x slower over a chart."""
    import numpy as np
    from scipy.stats import norm

    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    z = norm.ppf(0.975)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        den = 1 + z * z / n
        mid = (p + z * z / (2 * n)) / den
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return np.clip(mid - half, 0, 1), np.clip(mid + half, 0, 1)


def share_panels(table, order, palette, title: str, xlabel: str, n_label: str, ax=None, max_panels: int = 5,
                 flagged=None):
    """Small multiples of shares: one panel per category (the ``max_panels`` largest; the rest lumped into
    ``other``), one row per group, a dot at the group's share with its 95% Wilson interval; groups ordered by
    the share of the first panel's category (said on the title's second line), flagged groups hollow, with
    "(flagged)" after their name, after the others and below a dashed line; direct labels, one neutral colour (the
    panel title names the category).

    Parameters
    ----------
    table : DataFrame
        Counts, groups x categories.
    order, palette : list, dict
        Category order and category -> colour.
    title, xlabel, n_label, ax, max_panels, flagged
        Title; axis label; unit of the counts ("verbs"); Axes (None: a new figure); panels; flagged groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    import pandas as pd

    flagged = set(flagged or ())
    cols = [c for c in order if c in table.columns and table[c].sum() > 0]
    cols = sorted(cols, key=lambda c: -float(table[c].sum()))  # largest first, stable for ties
    cols = [c for c in order if c in cols[:max_panels]]
    rest = [c for c in table.columns if c not in cols]
    t = table[cols].copy()
    if rest and float(table[rest].to_numpy().sum()) > 0:
        t["other"] = table[rest].sum(axis=1)
    totals = table.sum(axis=1)
    share0 = (t[cols[0]] / totals.replace(0, float("nan"))).fillna(-1)
    st = pd.DataFrame({"s": share0, "flagged": [g in flagged for g in t.index]}, index=t.index)
    rows, gap, small = ranked_rows(st, "s")
    k = t.shape[1]
    ax = _axes(ax, 8.6, ROW_IN * len(rows) + 1.9)
    labels = [("" if g is None else f"{_flag_label(g, g in small, 28)}  n={int(totals[g])}") for g in rows]
    ax.set_yticks(range(len(rows)), labels, fontsize=7.5)
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.set_xticks([])
    ax.spines[:].set_visible(False)
    # the order and the flag marks on a line of their own: a title wrapped later would lose its pad
    ax.set_title(f"{title}\nordered by the {str(cols[0]).replace('_', ' ')} share"
                 + ("; hollow = flagged, last" if small else ""), pad=22)
    ax.set_xlabel(f"{xlabel} (dot = share, line = 95% Wilson interval; n = {n_label})", labelpad=18)
    gapw = 0.04
    width = (1 - gapw * (k - 1)) / k
    for j, c in enumerate(t.columns):
        sub = ax.inset_axes([j * (width + gapw), 0, width, 1], sharey=ax)
        sub.tick_params(axis="y", left=False, labelleft=False)
        sub.spines[["top", "right", "left"]].set_visible(False)
        sub.set_xlim(0, 1)
        sub.set_xticks([0, 0.5, 1], ["0", "50%", "100%"], fontsize=7)
        sub.grid(axis="x", color="#EEEEEE", linewidth=0.6)
        sub.set_axisbelow(True)
        sub.set_title(str(c).replace("_", " "), fontsize=8, fontweight="bold", loc="center")
        real = [g for g in rows if g is not None]
        lows, highs = _wilson([t.loc[g, c] for g in real], [totals[g] for g in real])
        ci = {g: (lo, hi) for g, lo, hi in zip(real, lows, highs)}
        ys, lo, hi, vals = [], [], [], []
        for i, g in enumerate(rows):
            if g is None:
                if j == 0:
                    sub.text(0, i, GAP_NOTE.format(k=gap), fontsize=7, va="center", color="#555555",
                             style="italic", clip_on=False)
                continue
            n = int(totals[g])
            if n <= 0:
                continue
            ys.append(i), lo.append(ci[g][0]), hi.append(ci[g][1])
            vals.append((i, float(t.loc[g, c]) / n, g in small))
        sub.hlines(ys, lo, hi, color=NEUTRAL, linewidth=1.1)
        _dots(sub, vals, 20)
        flag_separator(sub, rows, small)
    return ax
