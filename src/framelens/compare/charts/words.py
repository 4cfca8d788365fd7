"""Distinctive words by group (keyness)."""

from __future__ import annotations

from ..palette import group_colors
from .base import NoData, _axes, _short, style


def keyness_chart(key, colors=None, ax=None, top: int = 8):
    """The ``top`` most distinctive terms of every group (z-score of the weighted log-odds, vs the rest).

    Parameters
    ----------
    key : DataFrame, ``CompareResult.keyness``
    colors, ax, top : optional
        Colours; Axes to draw on (None: a new figure); terms per group.
    Returns
    -------
    matplotlib.axes.Axes
    """
    if key is None or key.empty:
        raise NoData("keyness needs at least two groups with text")
    groups = sorted(key["group"].unique())
    colors = colors or group_colors(groups)
    rows = []
    for g in groups:
        part = key[(key["group"] == g) & (key["z"] > 0)].head(top)
        rows.append((g, part))
    n_rows = sum(len(p) + 1 for _, p in rows)
    with style():
        ax = _axes(ax, 7.0, 0.19 * n_rows + 1.4)
        y = 0
        ticks, labels = [], []
        for g, part in rows:
            nd = int(part["n_docs"].iloc[0]) if len(part) else 0
            ax.text(0, -y, f"{_short(g, 60)}  (n={nd} article{'s' if nd != 1 else ''}, "
                    f"{int(part['n_tokens'].iloc[0]) if len(part) else 0:,} tokens)",
                    fontsize=8, fontweight="bold", va="center", color="#222222")
            y += 1
            for _, r in part.iterrows():
                ax.barh(-y, r["z"], color=colors.get(g), height=0.75, edgecolor="none")
                ticks.append(-y)
                labels.append(f"{r['term']}  ({int(r['count'])}×)")
                y += 1
        ax.axvline(1.96, color="#888888", linewidth=0.8, linestyle=":")
        ax.text(1.96, -y + 0.2, " z = 1.96", fontsize=7, color="#666666", va="bottom")
        ax.set_yticks(ticks, labels, fontsize=7.5)
        ax.set_ylim(-y, 1.2)
        ax.set_xlim(0, max(float(key["z"].max()), 2.2) * 1.08)
        ax.set_xlabel("z-score of weighted log-odds vs all other groups (informative Dirichlet prior)")
        ax.set_title(f"Distinctive words of each group (top {top} by z; {int(key['n_tokens'].iloc[0] + key['n_tokens_rest'].iloc[0]):,} tokens)")
    return ax


# -- 8. position of loaded terms -----------------------------------------------------------------------
