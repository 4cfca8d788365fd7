"""Shares and mixes by group: reporting-verb stance, sourcing, source types, hedges and boosters, frames."""

from __future__ import annotations

import math

from ..palette import SOURCE_TYPE_COLORS, STANCE_COLORS, group_colors
from .base import NoData, STANCE_ORDER, _axes, _many, _n_docs_words, _short, _swatches, style


def _stacked_shares(ax, table, order, palette, colors, title, xlabel, n_label, flagged=()):
    from .scale import _flag_label

    groups = list(table.index)
    totals = table.sum(axis=1)
    for i, g in enumerate(groups):
        left = 0.0
        tot = totals[g]
        for c in order:
            if c not in table.columns or tot <= 0:
                continue
            share = table.loc[g, c] / tot
            if share <= 0:
                continue
            ax.barh(i, share, left=left, color=palette.get(c, "#999999"), edgecolor="white", linewidth=0.8)
            if share >= 0.07:
                ax.text(left + share / 2, i, f"{share:.0%}", ha="center", va="center", fontsize=7.5, color="#111111")
            left += share
        ax.text(1.02, i, f"n={int(tot)} {n_label}", va="center", fontsize=8)
    ax.set_yticks(range(len(groups)), [_flag_label(g, g in flagged, 40) for g in groups])
    _swatches(ax, groups, colors)
    ax.tick_params(axis="y", pad=12)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    from matplotlib.patches import Patch

    present = [c for c in order if c in table.columns and table[c].sum() > 0]
    ax.legend(handles=[Patch(color=palette.get(c, "#999999"), label=c.replace("_", " ")) for c in present],
              loc="upper center", bbox_to_anchor=(0.5, -0.13 if len(groups) > 3 else -0.22), ncol=min(len(present), 8))


def stance_profile_chart(verbs, colors=None, ax=None, n_docs=None, flagged=None):
    """Share of each reporting-verb stance per group (verbs in the reporter's voice). With many groups (more
    than ``base.MANY``): small multiples, one panel per stance, a dot per group with its 95% interval.

    Parameters
    ----------
    verbs : DataFrame, ``CompareResult.verbs`` (counts by group and stance)
    colors, ax, n_docs, flagged : optional
        Colours; Axes to draw on (None: a new figure); articles, for the title; flagged (too small) groups,
        marked "(flagged)" after their name.
    Returns
    -------
    matplotlib.axes.Axes
    """
    if verbs is None or verbs.empty or verbs.to_numpy().sum() == 0:
        raise NoData("no reporting verbs were found in the reporter's voice")
    colors = colors or group_colors(verbs.index)
    order = list(STANCE_ORDER) + [c for c in verbs.columns if c not in STANCE_ORDER]
    nd = f", {n_docs} articles" if n_docs is not None else ""
    if _many(len(verbs)):
        from .scale import share_panels

        with style():
            return share_panels(verbs, order, STANCE_COLORS,
                                f"Reporting verbs by stance, {len(verbs)} groups ({int(verbs.to_numpy().sum())} "
                                f"verbs{nd})",
                                "share of the group's reporting verbs in the reporter's own voice", "verbs",
                                ax=ax, flagged=flagged)
    with style():
        ax = _axes(ax, 7.5, 0.5 * len(verbs) + 2.0)
        _stacked_shares(ax, verbs, order, STANCE_COLORS, colors,
                        f"Reporting verbs by stance (share of the group's verbs; {int(verbs.to_numpy().sum())} verbs{nd})",
                        "share of reporting verbs in the reporter's own voice", "verbs", flagged=set(flagged or ()))
    return ax


# -- 4. sourcing ----------------------------------------------------------------------------------------

def sourcing_density_chart(stats, colors=None, ax=None, documents=None):
    """Attributions per 1,000 words per group, with 95% CIs; a diamond marks the empirical-Bayes shrunken estimate
    (when ``stats`` has a ``shrunk`` column; the groups are ordered by it) and flagged groups (``stats``'
    ``flagged`` column) are labelled "(flagged)" and drawn last, below a dashed line, never ranked.

    Parameters
    ----------
    stats : DataFrame, ``CompareResult.stats``
    colors, ax, documents : optional
        Colours; Axes to draw on (None: a new figure); ``CompareResult.documents`` (n in the title).
    Returns
    -------
    matplotlib.axes.Axes
    """
    st = stats[stats["metric"] == "attributions"]
    if st.empty or st["numerator"].sum() == 0:
        raise NoData("no attribution spans: the attribution extractor did not run or found no sources")
    colors = colors or group_colors(st["group"])
    s2 = st.set_index("group")
    shr = "shrunk" in s2.columns
    if _many(len(st)):
        from .scale import dot_plot

        with style():
            return dot_plot(s2, value="pooled", low="ci_low", high="ci_high", key="shrunk" if shr else "pooled",
                            marker_col="shrunk" if shr else None, ax=ax,
                            note=lambda g: f"{s2.loc[g, 'pooled']:.1f}  ({int(s2.loc[g, 'numerator'])} attrib., "
                                           f"n={int(s2.loc[g, 'n_docs'])})",
                            xlabel="attributions per 1,000 words (dot = pooled, line = 95% CI"
                                   + ("; ◇ = shrunken estimate, used for the order)" if shr else ")"),
                            title=f"Sourcing density: attributions per 1,000 words, {len(s2)} groups"
                                  f"{' (' + _n_docs_words(documents) + ')' if documents is not None else ''}; "
                                  "hollow = flagged")
    from .scale import _flag_label, flag_separator, ranked_rows

    # the order of the many-group dot plot, drawn bottom-up: the highest ranked at the top, flagged groups last
    groups = list(reversed(ranked_rows(s2, "shrunk" if shr else "pooled")[0]))
    small = {g for g in groups if "flagged" in s2.columns and bool(s2.loc[g, "flagged"])}
    with style():
        ax = _axes(ax, 7.0, 0.5 * len(st) + 1.6)
        for i, g in enumerate(groups):
            r = s2.loc[g]
            ax.barh(i, r["pooled"], color=colors.get(g), edgecolor="white")
            if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
                ax.errorbar(r["pooled"], i, xerr=[[max(r["pooled"] - r["ci_low"], 0)], [max(r["ci_high"] - r["pooled"], 0)]],
                            fmt="none", ecolor="#222222", elinewidth=1, capsize=3)
            if shr and not math.isnan(r["shrunk"]):
                ax.plot([r["shrunk"]], [i], marker="D", markersize=4.5, color="#222222", markerfacecolor="white",
                        zorder=4)
            ax.text((r["ci_high"] if not math.isnan(r["ci_high"]) else r["pooled"]) + 0.3, i,
                    f"{r['pooled']:.1f}  ({int(r['numerator'])} attributions, n={int(r['n_docs'])})", va="center",
                    fontsize=8, color="#8a6d00" if g in small else "#222222")
        ax.set_yticks(range(len(groups)), [_flag_label(g, g in small, 40) for g in groups])
        flag_separator(ax, groups, small)
        _swatches(ax, groups, colors)
        ax.tick_params(axis="y", pad=12)
        ax.set_xlim(0, max(st["ci_high"].fillna(st["pooled"]).max(), 1) * 1.6)
        ax.set_xlabel("attributions per 1,000 words (line = 95% CI"
                      + ("; ◇ = shrunken estimate, used for the order)" if shr else ")"))
        ax.set_title(f"Sourcing density: attributions per 1,000 words"
                     f"{' (' + _n_docs_words(documents) + ')' if documents is not None else ''}")
    return ax


def source_mix_chart(source_types, colors=None, ax=None, flagged=None):
    """Share of each source type (person, official, anonymous, vague...) among a group's attributions. With many
    groups (more than ``base.MANY``): small multiples of the five commonest types (the rest as ``other``).

    Parameters
    ----------
    source_types : DataFrame, ``CompareResult.source_types`` (counts by group and source type)
    colors, ax, flagged : optional
        Colours; Axes to draw on (None: a new figure); flagged (too small) groups, marked "(flagged)" after their
        name.
    Returns
    -------
    matplotlib.axes.Axes
    """
    if source_types is None or source_types.empty or source_types.to_numpy().sum() == 0:
        raise NoData("no attribution spans with a source type: the attribution extractor did not run")
    colors = colors or group_colors(source_types.index)
    order = [c for c in SOURCE_TYPE_COLORS if c in source_types.columns] + \
            [c for c in source_types.columns if c not in SOURCE_TYPE_COLORS]
    if _many(len(source_types)):
        from .scale import share_panels

        with style():
            return share_panels(source_types, order, SOURCE_TYPE_COLORS,
                                f"Who is cited: source types, {len(source_types)} groups "
                                f"({int(source_types.to_numpy().sum())} attributions)",
                                "share of the group's attributions", "attributions", ax=ax, flagged=flagged)
    with style():
        ax = _axes(ax, 7.5, 0.5 * len(source_types) + 2.0)
        _stacked_shares(ax, source_types, order, SOURCE_TYPE_COLORS, colors,
                        f"Who is cited: source types (share of attributions; "
                        f"{int(source_types.to_numpy().sum())} attributions)", "share of the group's attributions",
                        "attrib.", flagged=set(flagged or ()))
    return ax


# -- 5. hedges vs boosters -----------------------------------------------------------------------------

def hedges_boosters_chart(documents, by="outlet", colors=None, ax=None, label_points: bool = False, flagged=None):
    """One point per article: hedges per 1,000 words (x) against boosters per 1,000 words (y); a flagged (too
    small) group is marked "(flagged)" wherever its name is written (legend, labelled points).

    Parameters
    ----------
    documents, by : DataFrame, str
        ``CompareResult.documents`` and the column naming the groups (``"group"`` there).
    colors, ax, label_points, flagged : optional
        Colours; Axes to draw on (None: a new figure); write each article's id by its point; flagged groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    from ..group import group_column
    from .scale import _flag_label

    flagged = set(flagged or ())

    need = {"hedges", "boosters", "words"}
    if not need <= set(documents.columns):
        raise NoData("hedge and booster counts are absent from the documents table")
    docs = documents[documents["words"] > 0]
    if docs.empty:
        raise NoData("no documents with words")
    g = group_column(docs, by)
    colors = colors or group_colors(g)
    x = docs["hedges"] / docs["words"] * 1000
    y = docs["boosters"] / docs["words"] * 1000
    label_points = bool(label_points)  # the colour legend names the groups; ids on request
    from ..palette import colors_identify

    legend = colors_identify({n: colors.get(n) for n in g.unique()})  # else one neutral colour: no legend
    with style():
        ax = _axes(ax, 7.0, 4.6)
        for name in sorted(g.unique()):
            m = (g == name).to_numpy()
            ax.scatter(x[m], y[m], s=46, color=colors.get(name), edgecolor="#222222", linewidth=0.5,
                       label=f"{_flag_label(name, name in flagged, 30)} (n={int(m.sum())})" if legend else None,
                       zorder=3, alpha=0.9)
        if label_points:
            for xi, yi, did in zip(x, y, docs["id"]):
                ax.annotate(_short(did, 22), (xi, yi), xytext=(4, 4), textcoords="offset points", fontsize=7,
                            color="#333333")
        lim = max(float(x.max()), float(y.max()), 1.0) * 1.15
        ax.plot([0, lim], [0, lim], color="#BBBBBB", linewidth=0.8, linestyle="--", zorder=1)
        ax.text(lim * 0.98, lim * 0.93, "equal", fontsize=7, color="#888888", ha="right")
        ax.set_xlim(-lim * 0.03, lim)
        ax.set_ylim(-lim * 0.03, lim)
        ax.set_xlabel("hedges per 1,000 words (allegedly, reportedly, may have...)")
        ax.set_ylabel("boosters per 1,000 words (clearly, undeniably...)")
        if legend:
            ax.set_title(f"Hedging vs certainty, one point per article ({_n_docs_words(docs)})")
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5)
        else:  # too many groups to tell apart by colour: name the outlying articles' groups instead
            ax.set_title(f"Hedging vs certainty, one point per article ({_n_docs_words(docs)}, "
                         f"{g.nunique()} groups; the most hedged and most boosted are labelled)")
            out = (x + y).sort_values(ascending=False, kind="mergesort").index[:6]
            for i in out:
                ax.annotate(_flag_label(g.loc[i], g.loc[i] in flagged, 26), (x.loc[i], y.loc[i]), xytext=(4, 3),
                            textcoords="offset points", fontsize=7, color="#333333")
    return ax


# -- 6. frames -------------------------------------------------------------------------------------------

def frame_chart(frames, colors=None, ax=None, flagged=None):
    """Share of frame cues per frame, per group (heatmap). With many groups (more than ``base.MANY``): compact
    rows, the ten commonest frames, at most ``base.MAX_ROWS`` groups ordered by the first frame's share, flagged
    groups after the others, below a dashed line (the middle summarised in the title).

    Parameters
    ----------
    frames : DataFrame, ``CompareResult.frames`` (counts by group and frame)
    colors, ax, flagged : optional
        Colours; Axes to draw on (None: a new figure); flagged (too small) groups, marked in their label.
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    if frames is None or frames.empty or frames.to_numpy().sum() == 0:
        raise NoData("no frame_cue spans: the frame extractor did not run or found no frame cues")
    colors = colors or group_colors(frames.index)
    shares = frames.div(frames.sum(axis=1).replace(0, np.nan), axis=0).fillna(0)
    many = _many(shares.shape[0])
    from .scale import _flag_label, flag_separator, ranked_rows

    flagged = set(flagged or ())
    if many:  # compact rows, the commonest frames (at most 10), the top and bottom rows by the first frame's share
        import pandas as pd

        cols = list(frames.sum(axis=0).sort_values(ascending=False, kind="mergesort").index[:10])
        shares = shares[[c for c in shares.columns if c in cols]]
        first = pd.DataFrame({"s": shares[shares.columns[0]], "flagged": [g in flagged for g in shares.index]})
        rows, gap, _small = ranked_rows(first, "s")  # flagged groups after the others, never ranked among them
        shares = shares.loc[[r for r in rows if r is not None]]
    with style():
        ax = (_axes(ax, 8.6, 0.22 * shares.shape[0] + 2.4) if many else
              _axes(ax, max(6.5, 0.8 * shares.shape[1] + 3.5), 0.5 * shares.shape[0] + 2.4))
        ax.imshow(shares.to_numpy(), cmap="Greens", vmin=0, vmax=max(shares.to_numpy().max(), 0.01) * 1.1,
                  aspect="auto")
        for i in range(shares.shape[0]):
            for j in range(shares.shape[1]):
                v = shares.iat[i, j]
                if many and v < 0.1:  # many rows: the shade shows small shares, figures only from 10%
                    continue
                ax.text(j, i, "·" if v == 0 else f"{v:.0%}", ha="center", va="center", fontsize=6.5 if many else 7.5,
                        color="white" if v > shares.to_numpy().max() * 0.6 and v > 0 else "#222222")
        ax.set_xticks(range(shares.shape[1]), [_short(str(c).replace("_", " "), 20) for c in shares.columns],
                      rotation=35, ha="right")
        labels = [f"{_flag_label(g, g in flagged, 28)}  (n={int(frames.loc[g].sum())})" for g in shares.index]
        ax.set_yticks(range(shares.shape[0]), labels, fontsize=7.5 if many else None)
        if many:
            flag_separator(ax, list(shares.index), flagged)
        _swatches(ax, list(shares.index), colors)
        ax.tick_params(axis="y", pad=12)
        ax.spines[:].set_visible(False)
        ax.set_title(f"Frame cues: share of each frame in the group's cues ({int(frames.to_numpy().sum())} cues)"
                     + (f"\n{frames.shape[0]} groups by their {str(shares.columns[0]).replace('_', ' ')} share"
                        + (" (flagged last)" if flagged & set(shares.index) else "")
                        + f", the commonest {shares.shape[1]} frames, figures from 10%"
                        + (f"; {gap} groups in the middle not drawn" if gap else "") if many else ""))
    return ax


# -- 7. keyness -------------------------------------------------------------------------------------------
