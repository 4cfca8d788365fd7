"""Loaded-language rates by group and term choice per referent."""

from __future__ import annotations

import math

from ..palette import CATEGORY_HATCHES, group_colors
from .base import NoData, OTHER, _axes, _many, _n_docs_words, _short, _swatches, _top_categories, style


def loaded_rate_chart(stats, categories, documents, colors=None, ax=None, metric: str = "loaded",
                      max_categories: int = 6):
    """Loaded terms per 1,000 words per group (pooled), stacked by category, with the CI of the total; a diamond
    marks the empirical-Bayes shrunken estimate (when ``stats`` has a ``shrunk`` column; the groups are ordered by
    it) and flagged groups (under the minimums: ``stats``' ``flagged`` column) are labelled "(flagged)" and drawn
    last, below a dashed line, never ranked. With many groups (more than ``base.MANY``): a dot plot of the pooled
    rate with its CI, ranked by the shrunken estimate, flagged groups hollow and last, one neutral colour.

    Parameters
    ----------
    stats, categories, documents : DataFrame
        ``CompareResult.stats``, ``.categories`` (group, category, count of uses) and ``.documents`` (for n).
    colors, ax, metric, max_categories : optional
        Colours; Axes to draw on (None: a new figure); the ``stats`` metric drawn; categories shown
        (the rest lumped together).
    Returns
    -------
    matplotlib.axes.Axes
    """
    st = stats[stats["metric"] == metric].set_index("group")
    if st.empty:
        raise NoData("no loaded-term counts in the documents table")
    colors = colors or group_colors(st.index)
    if _many(len(st)):
        return _many_rates(st, documents, ax)
    from .scale import _flag_label, flag_separator, ranked_rows

    shr_col = "shrunk" in st.columns
    # the order of the many-group dot plot: by the shrunken estimate when there is one, flagged groups after the
    # ranked ones (never ranked among them); bars are drawn bottom-up, so the list is reversed
    groups = list(reversed(ranked_rows(st, "shrunk" if shr_col else "pooled")[0]))
    small = {g for g in groups if "flagged" in st.columns and bool(st.loc[g, "flagged"])}
    with style():
        ax = _axes(ax, 7.5, 0.55 * len(st) + 1.8)
        categories = _top_categories(categories, max_categories)
        cats = list(dict.fromkeys(categories["category"])) if len(categories) else []
        hatch = {c: ("" if c == OTHER else CATEGORY_HATCHES[1 + i % (len(CATEGORY_HATCHES) - 1)])
                 for i, c in enumerate(cats)}
        for i, g in enumerate(groups):
            words = st.loc[g, "words"]
            left = 0.0
            part = categories[categories["group"] == g].set_index("category")["count"] if len(categories) else {}
            for c in cats:
                cnt = float(part.get(c, 0)) if len(part) else 0.0
                if cnt <= 0 or words <= 0:
                    continue
                w = cnt / words * 1000
                ax.barh(i, w, left=left, color=colors.get(g), hatch=hatch[c], edgecolor="white", linewidth=0.8)
                left += w
            lo, hi = st.loc[g, "ci_low"], st.loc[g, "ci_high"]
            val = st.loc[g, "pooled"]
            if not (math.isnan(lo) or math.isnan(hi)):
                ax.errorbar(val, i, xerr=[[max(val - lo, 0)], [max(hi - val, 0)]], fmt="none", ecolor="#222222",
                            elinewidth=1, capsize=3)
            shr = st.loc[g, "shrunk"] if "shrunk" in st.columns else math.nan
            if not math.isnan(shr):
                ax.plot([shr], [i], marker="D", markersize=4.5, color="#222222", markerfacecolor="white", zorder=4)
            n = int(st.loc[g, "n_docs"])
            ax.text(max(hi if not math.isnan(hi) else val, val) + 0.4, i,
                    f"{val:.1f}  ({n} article{'s' if n != 1 else ''}, {int(words):,} words)", va="center",
                    fontsize=8, color="#8a6d00" if g in small else "#222222")
        ax.set_yticks(range(len(groups)), [_flag_label(g, g in small, 40) for g in groups])
        flag_separator(ax, groups, small)
        _swatches(ax, groups, colors)
        ax.tick_params(axis="y", pad=12)
        xmax = max([v for v in st["ci_high"].tolist() + st["pooled"].tolist() if not math.isnan(v)] + [1])
        ax.set_xlim(0, xmax * 1.45 + 1)
        ax.set_xlabel("loaded terms per 1,000 words (pooled over the group's articles; line = 95% CI; "
                      "◇ = shrunken estimate, used for the order)" if shr_col else
                      "loaded terms per 1,000 words (pooled over the group's articles; line = 95% CI)")
        ax.set_title(f"Loaded terms per 1,000 words, by {st.index.name or 'group'} ({_n_docs_words(documents)})")
        if cats:
            from matplotlib.patches import Patch

            handles = [Patch(facecolor="white", edgecolor="#333333", hatch=hatch[c], label=c.replace("_", " "))
                       for c in cats]
            # under the axis title, not over the bars: inside the plot it covered the labels of the lowest bars
            ax.legend(handles=handles, title="category (hatching)", loc="upper center", bbox_to_anchor=(0.5, -0.2),
                      fontsize=7, title_fontsize=7.5, ncol=min(4, len(handles)), frameon=False)
    return ax


def _many_rates(st, documents, ax):
    from .scale import dot_plot

    shr = "shrunk" in st.columns

    def note(g):
        n, w = int(st.loc[g, "n_docs"]), int(st.loc[g, "words"])
        return f"{st.loc[g, 'pooled']:.1f}  ({n} art., {w:,} w.)"

    with style():
        return dot_plot(st, value="pooled", low="ci_low", high="ci_high", key="shrunk" if shr else "pooled",
                        marker_col="shrunk" if shr else None, note=note, ax=ax,
                        xlabel="loaded terms per 1,000 words (dot = pooled rate, line = 95% CI"
                               + ("; ◇ = shrunken estimate, used for the order)" if shr else ")"),
                        title=f"Loaded terms per 1,000 words, {len(st)} {st.index.name or 'group'}s "
                              f"({_n_docs_words(documents)}); hollow = flagged, not ranked")


# -- 2. term-choice heatmap ---------------------------------------------------------------------------

def term_choice_heatmap(count_matrix, quoted_matrix=None, colors=None, ax=None, n_docs=None, flagged=None):
    """Groups x variants for one referent group; cells = uses (``+q`` = of which inside quotations); flagged
    (too small) groups are marked "(flagged)" after their name.

    Parameters
    ----------
    count_matrix, quoted_matrix : DataFrame
        :func:`term_choice_matrix` of ``CompareResult.term_choice`` (``value="quoted"`` for the second).
    colors, ax, n_docs, flagged : optional
        Colours; Axes to draw on (None: a new figure); articles, for the title; flagged (too small) groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    from .scale import _flag_label

    flagged = set(flagged or ())
    if count_matrix is None or count_matrix.empty:
        raise NoData("no loaded-term entries with a referent group were found, so there is no term choice to show")
    mat = count_matrix
    colors = colors or group_colors(mat.index)
    note = ""
    many = _many(mat.shape[0])
    if many:  # rows of groups that use none of the variants say nothing; the widest variants first
        from .base import MAX_ROWS

        used = mat.sum(axis=1)
        empty = int((used == 0).sum())
        keep = used[used > 0].sort_values(ascending=False, kind="mergesort").index[:MAX_ROWS]
        more = int((used > 0).sum()) - len(keep)
        mat = mat.loc[[g for g in mat.index if g in set(keep)]]
        if quoted_matrix is not None:
            quoted_matrix = quoted_matrix.loc[mat.index]
        vcols = list(mat.sum(axis=0).sort_values(ascending=False, kind="mergesort").index[:8])
        dropped_cols = mat.shape[1] - len(vcols)
        mat = mat[[c for c in mat.columns if c in vcols]]
        if quoted_matrix is not None:
            quoted_matrix = quoted_matrix[mat.columns]
        parts = [f"{empty} groups using none of these variants not shown"] if empty else []
        parts += [f"{more} groups with fewest uses not shown"] if more > 0 else []
        parts += [f"{dropped_cols} rarer variants not shown"] if dropped_cols > 0 else []
        note = ("\n" + "; ".join(parts)) if parts else ""
        if mat.empty:
            raise NoData("no group uses any variant of this referent group")
    from .base import MAX_WIDTH_IN

    compact = many or 1.05 * mat.shape[1] + 3.2 > MAX_WIDTH_IN  # narrow cells: "3 (1q)" on one line
    with style():
        ax = (_axes(ax, min(8.6, 0.95 * mat.shape[1] + 3.4), 0.24 * mat.shape[0] + 2.4) if many else
              _axes(ax, max(6.0, 1.05 * mat.shape[1] + 3.2), 0.5 * mat.shape[0] + 2.2))
        vals = mat.to_numpy(dtype=float)
        ax.imshow(vals, cmap="Blues", aspect="auto", vmin=0, vmax=max(vals.max(), 1) * 1.15)
        for i in range(vals.shape[0]):
            for j in range(vals.shape[1]):
                v = int(vals[i, j])
                q = int(quoted_matrix.iloc[i, j]) if quoted_matrix is not None else 0
                txt = "·" if v == 0 else ((f"{v} ({q}q)" if compact else f"{v}\n({q} quoted)") if q else f"{v}")
                ax.text(j, i, txt, ha="center", va="center", fontsize=7 if compact else 8,
                        color="white" if v > vals.max() * 0.6 and v > 0 else "#222222")
        ax.set_xticks(range(mat.shape[1]), [_short(c, 34) for c in mat.columns], rotation=30, ha="right")
        ax.set_yticks(range(mat.shape[0]), [_flag_label(g, g in flagged, 34 if many else 40) for g in mat.index],
                      fontsize=7.5 if many else None)
        _swatches(ax, list(mat.index), colors)
        ax.tick_params(axis="y", pad=12)
        ax.spines[:].set_visible(False)
        ax.set_xticks(np.arange(-0.5, mat.shape[1]), minor=True)
        ax.set_yticks(np.arange(-0.5, mat.shape[0]), minor=True)
        ax.grid(which="minor", color="white", linewidth=2)
        ax.tick_params(which="minor", length=0)
        total = int(vals.sum())
        nd = f", {n_docs} articles" if n_docs is not None else ""
        ax.set_title(f"Term choice for “{str(mat.columns.name).replace('_', ' ')}”: "
                     f"uses of each variant ({total} uses{nd})" + note)
        ax.set_xlabel("variant (left = neutral, right = most loaded)" + ("; (kq) = k of them quoted" if compact else ""))
    return ax


# -- 3. reporting-verb stance profile -----------------------------------------------------------------
