"""Shares and mixes by group: reporting-verb stance, sourcing, source types, hedges and boosters, frames."""

from __future__ import annotations

import math

from ..palette import SOURCE_TYPE_COLORS, STANCE_COLORS, group_colors
from .base import NoData, STANCE_ORDER, _axes, _n_docs_words, _short, _swatches, style


def _stacked_shares(ax, table, order, palette, colors, title, xlabel, n_label):
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
    ax.set_yticks(range(len(groups)), [_short(g) for g in groups])
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


def stance_profile_chart(verbs, colors=None, ax=None, n_docs=None):
    """Share of each reporting-verb stance per group (verbs in the reporter's voice).

    Parameters
    ----------
    verbs : DataFrame, ``CompareResult.verbs`` (counts by group and stance)
    colors, ax, n_docs : optional
        Colours; Axes to draw on (None: a new figure); articles, for the title.
    Returns
    -------
    matplotlib.axes.Axes
    """
    if verbs is None or verbs.empty or verbs.to_numpy().sum() == 0:
        raise NoData("no reporting verbs were found in the reporter's voice")
    colors = colors or group_colors(verbs.index)
    order = list(STANCE_ORDER) + [c for c in verbs.columns if c not in STANCE_ORDER]
    with style():
        ax = _axes(ax, 7.5, 0.5 * len(verbs) + 2.0)
        nd = f", {n_docs} articles" if n_docs is not None else ""
        _stacked_shares(ax, verbs, order, STANCE_COLORS, colors,
                        f"Reporting verbs by stance (share of the group's verbs; {int(verbs.to_numpy().sum())} verbs{nd})",
                        "share of reporting verbs in the reporter's own voice", "verbs")
    return ax


# -- 4. sourcing ----------------------------------------------------------------------------------------

def sourcing_density_chart(stats, colors=None, ax=None, documents=None):
    """Attributions per 1,000 words per group, with 95% CIs.

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
    st = st.sort_values("pooled")
    with style():
        ax = _axes(ax, 7.0, 0.5 * len(st) + 1.6)
        for i, (_, r) in enumerate(st.iterrows()):
            ax.barh(i, r["pooled"], color=colors.get(r["group"]), edgecolor="white")
            if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
                ax.errorbar(r["pooled"], i, xerr=[[max(r["pooled"] - r["ci_low"], 0)], [max(r["ci_high"] - r["pooled"], 0)]],
                            fmt="none", ecolor="#222222", elinewidth=1, capsize=3)
            ax.text((r["ci_high"] if not math.isnan(r["ci_high"]) else r["pooled"]) + 0.3, i,
                    f"{r['pooled']:.1f}  ({int(r['numerator'])} attributions, n={int(r['n_docs'])})", va="center",
                    fontsize=8)
        ax.set_yticks(range(len(st)), [_short(g) for g in st["group"]])
        _swatches(ax, list(st["group"]), colors)
        ax.tick_params(axis="y", pad=12)
        ax.set_xlim(0, max(st["ci_high"].fillna(st["pooled"]).max(), 1) * 1.6)
        ax.set_xlabel("attributions per 1,000 words (line = 95% CI)")
        ax.set_title(f"Sourcing density: attributions per 1,000 words"
                     f"{' (' + _n_docs_words(documents) + ')' if documents is not None else ''}")
    return ax


def source_mix_chart(source_types, colors=None, ax=None):
    """Share of each source type (person, official, anonymous, vague...) among a group's attributions.

    Parameters
    ----------
    source_types : DataFrame, ``CompareResult.source_types`` (counts by group and source type)
    colors, ax : optional
        Colours; Axes to draw on (None: a new figure).
    Returns
    -------
    matplotlib.axes.Axes
    """
    if source_types is None or source_types.empty or source_types.to_numpy().sum() == 0:
        raise NoData("no attribution spans with a source type: the attribution extractor did not run")
    colors = colors or group_colors(source_types.index)
    order = [c for c in SOURCE_TYPE_COLORS if c in source_types.columns] + \
            [c for c in source_types.columns if c not in SOURCE_TYPE_COLORS]
    with style():
        ax = _axes(ax, 7.5, 0.5 * len(source_types) + 2.0)
        _stacked_shares(ax, source_types, order, SOURCE_TYPE_COLORS, colors,
                        f"Who is cited: source types (share of attributions; "
                        f"{int(source_types.to_numpy().sum())} attributions)", "share of the group's attributions",
                        "attrib.")
    return ax


# -- 5. hedges vs boosters -----------------------------------------------------------------------------

def hedges_boosters_chart(documents, by="outlet", colors=None, ax=None, label_points: bool = False):
    """One point per article: hedges per 1,000 words (x) against boosters per 1,000 words (y).

    Parameters
    ----------
    documents, by : DataFrame, str
        ``CompareResult.documents`` and the column naming the groups (``"group"`` there).
    colors, ax, label_points : optional
        Colours; Axes to draw on (None: a new figure); write each article's id by its point.
    Returns
    -------
    matplotlib.axes.Axes
    """
    from ..group import group_column

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
    with style():
        ax = _axes(ax, 7.0, 4.6)
        for name in sorted(g.unique()):
            m = (g == name).to_numpy()
            ax.scatter(x[m], y[m], s=46, color=colors.get(name), edgecolor="#222222", linewidth=0.5,
                       label=f"{_short(name, 30)} (n={int(m.sum())})", zorder=3, alpha=0.9)
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
        ax.set_title(f"Hedging vs certainty, one point per article ({_n_docs_words(docs)})")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5)
    return ax


# -- 6. frames -------------------------------------------------------------------------------------------

def frame_chart(frames, colors=None, ax=None):
    """Share of frame cues per frame, per group (heatmap).

    Parameters
    ----------
    frames : DataFrame, ``CompareResult.frames`` (counts by group and frame)
    colors, ax : optional
        Colours; Axes to draw on (None: a new figure).
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    if frames is None or frames.empty or frames.to_numpy().sum() == 0:
        raise NoData("no frame_cue spans: the frame extractor did not run or found no frame cues")
    colors = colors or group_colors(frames.index)
    shares = frames.div(frames.sum(axis=1).replace(0, np.nan), axis=0).fillna(0)
    with style():
        ax = _axes(ax, max(6.5, 0.8 * shares.shape[1] + 3.5), 0.5 * shares.shape[0] + 2.4)
        ax.imshow(shares.to_numpy(), cmap="Greens", vmin=0, vmax=max(shares.to_numpy().max(), 0.01) * 1.1,
                  aspect="auto")
        for i in range(shares.shape[0]):
            for j in range(shares.shape[1]):
                v = shares.iat[i, j]
                ax.text(j, i, "·" if v == 0 else f"{v:.0%}", ha="center", va="center", fontsize=7.5,
                        color="white" if v > shares.to_numpy().max() * 0.6 and v > 0 else "#222222")
        ax.set_xticks(range(shares.shape[1]), [_short(str(c).replace("_", " "), 20) for c in shares.columns],
                      rotation=35, ha="right")
        labels = [f"{_short(g, 28)} (n={int(frames.loc[g].sum())})" for g in shares.index]
        ax.set_yticks(range(shares.shape[0]), labels)
        _swatches(ax, list(shares.index), colors)
        ax.tick_params(axis="y", pad=12)
        ax.spines[:].set_visible(False)
        ax.set_title(f"Frame cues: share of each frame in the group's cues ({int(frames.to_numpy().sum())} cues)")
    return ax


# -- 7. keyness -------------------------------------------------------------------------------------------
