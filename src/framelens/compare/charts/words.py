"""Distinctive words by group (keyness)."""

from __future__ import annotations

from ..palette import group_colors
from .base import MAX_ROWS, NoData, _axes, _many, _short, style


def keyness_chart(key, colors=None, ax=None, top: int = 8, flagged=None):
    """The ``top`` most distinctive terms of every group (z-score of the weighted log-odds, vs the rest); a flagged
    (too small) group is marked "(flagged)" after its name. With
    many groups (more than ``base.MANY``): one line per group, its four most distinctive terms with their z,
    at most ``base.MAX_ROWS`` groups (those with most tokens; the others counted in the title).

    Parameters
    ----------
    key : DataFrame, ``CompareResult.keyness``
    colors, ax, top, flagged : optional
        Colours; Axes to draw on (None: a new figure); terms per group; flagged (too small) groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    from .scale import _flag_label

    flagged = set(flagged or ())
    if key is None or key.empty:
        raise NoData("keyness needs at least two groups with text")
    groups = sorted(key["group"].unique())
    colors = colors or group_colors(groups)
    if _many(len(groups)):
        return _many_keyness(key, groups, ax, flagged=flagged)
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
            ax.text(0, -y, f"{_flag_label(g, g in flagged, 60)}  (n={nd} article{'s' if nd != 1 else ''}, "
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


def _many_keyness(key, groups, ax, top: int = 4, flagged=frozenset()):
    """One text line per group: its ``top`` terms with z > 0 and their z (a table drawn as a chart)."""
    from .scale import _flag_label

    tokens = key.groupby("group")["n_tokens"].first()
    shown = set(tokens.sort_values(ascending=False, kind="mergesort").index[:MAX_ROWS])
    rows = [g for g in groups if g in shown]
    with style():
        ax = _axes(ax, 8.6, 0.2 * len(rows) + 1.3)
        for i, g in enumerate(rows):
            part = key[(key["group"] == g) & (key["z"] > 0)].head(top)
            nd = int(part["n_docs"].iloc[0]) if len(part) else 0
            fl = g in flagged  # the name cut shorter by the mark: the terms start at a fixed place
            ax.text(0.0, i, f"{_flag_label(g, fl, 23 if fl else 34)} (n={nd})", fontsize=7.5, fontweight="bold",
                    va="center", color="#222222")
            words = "   ".join(f"{_short(t, 22)} ({z:.1f})" for t, z in zip(part["term"], part["z"])) or "—"
            ax.text(0.34, i, words, fontsize=7.5, va="center", color="#333333")
        ax.set_xlim(0, 1)
        ax.set_ylim(len(rows) - 0.5, -0.8)
        ax.axis("off")
        rest = len(groups) - len(rows)
        ax.set_title(f"Distinctive words of each of {len(groups)} groups: top {top} by z (in brackets)"
                     + (f"; {rest} groups with fewest tokens not drawn" if rest else ""))
    return ax
