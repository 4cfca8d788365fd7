"""Where things stand: loaded terms by position in the article, who is cited with which verbs, fact coverage."""

from __future__ import annotations

import math
import textwrap

from ..palette import STANCE_COLORS, group_colors
from .base import MAX_ROWS, NoData, STANCE_ORDER, _axes, _many, _short, _swatches, style


def position_chart(positions, colors=None, ax=None, flagged=None):
    """Where loaded terms fall in each article: relative position (0 = first character, 1 = last); a flagged (too
    small) group is marked "(flagged)" after its name.

    Parameters
    ----------
    positions : DataFrame
        ``CompareResult.positions`` (group, doc_id, rel_pos, in_lede, voice). Filled dot = reporter's
        voice, hollow = inside a quotation; the right margin counts terms in the lede.
    colors, ax, flagged : optional
        Colours; Axes to draw on (None: a new figure); flagged (too small) groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    from .scale import _flag_label

    flagged = set(flagged or ())
    if positions is None or positions.empty:
        raise NoData("no loaded terms (severity >= 1) were found, so there is nothing to place")
    groups = sorted(positions["group"].unique())
    colors = colors or group_colors(groups)
    rng = np.random.default_rng(0)
    many = _many(len(groups))
    rest = 0
    if many:  # compact rows; at most MAX_ROWS groups, those with most loaded terms
        cnt = positions.groupby("group").size()
        shown = set(cnt.sort_values(ascending=False, kind="mergesort").index[:MAX_ROWS])
        rest = len(groups) - len(shown)
        groups = [g for g in groups if g in shown]
    with style():
        ax = _axes(ax, 7.5, 0.22 * len(groups) + 1.9) if many else _axes(ax, 7.5, 0.55 * len(groups) + 1.9)
        if many:  # one scatter per voice for all rows (one neutral colour): not two per group
            row = {g: i for i, g in enumerate(groups)}
            p = positions[positions["group"].isin(row)]
            y = p["group"].map(row).to_numpy(dtype=float) + rng.uniform(-0.18, 0.18, len(p)) * 0.8
            auth = (p["voice"] == "author").to_numpy()
            c = [colors.get(g, "#777777") for g in p["group"]]
            ax.scatter(p["rel_pos"][auth], y[auth], s=16, color=[x for x, a in zip(c, auth) if a], edgecolor="#222222",
                       linewidth=0.5, zorder=3)
            ax.scatter(p["rel_pos"][~auth], y[~auth], s=16, facecolor="white",
                       edgecolor=[x for x, a in zip(c, auth) if not a], linewidth=1.2, zorder=3)
            lede = p.groupby("group")["in_lede"].sum()
            n = p.groupby("group").size()
            for g, i in row.items():
                ax.text(1.03, i, f"{int(lede.get(g, 0))} of {int(n.get(g, 0))} in lede", va="center", fontsize=7)
        for i, g in enumerate(groups if not many else []):
            p = positions[positions["group"] == g]
            jitter = rng.uniform(-0.18, 0.18, len(p))
            auth = (p["voice"] == "author").to_numpy()
            c = colors.get(g)
            ax.scatter(p["rel_pos"][auth], i + jitter[auth], s=34, color=c, edgecolor="#222222", linewidth=0.5,
                       zorder=3)
            ax.scatter(p["rel_pos"][~auth], i + jitter[~auth], s=34, facecolor="white", edgecolor=c,
                       linewidth=1.4, zorder=3)
            ax.text(1.03, i, f"{int(p['in_lede'].sum())} of {len(p)} in lede", va="center", fontsize=8)
        ax.set_yticks(range(len(groups)), [_flag_label(g, g in flagged, 34 if many else 40) for g in groups],
                      fontsize=7.5 if many else None)
        _swatches(ax, groups, colors)
        ax.tick_params(axis="y", pad=12)
        ax.set_xlim(-0.02, 1.0)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.xaxis.set_major_formatter(lambda x, _: {0.0: "start", 1.0: "end"}.get(round(x, 2), f"{x:.0%}"))
        ax.set_xlabel("position in the article (share of its characters before the term)")
        from matplotlib.lines import Line2D

        ax.legend(handles=[
            Line2D([], [], marker="o", linestyle="", color="#555555", markeredgecolor="#222222", label="reporter's voice"),
            Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#555555",
                   label="inside a quotation")], loc="upper center",
            bbox_to_anchor=(0.5, -0.9 / (0.22 * len(groups) + 1.9) if many else -0.2 if len(groups) > 3 else -0.3),
            ncol=2)
        if many:
            ax.set_ylim(len(groups) - 0.5, -0.6)
        n_docs = positions["doc_id"].nunique()
        ax.set_title(f"Where loaded terms fall ({len(positions)} loaded terms in {n_docs} articles)"
                     + (f"; {rest} groups with fewest terms not drawn" if rest else ""))
    return ax


# -- 9. verbs for a source cited by several groups -----------------------------------------------------

def source_verbs_chart(source_verbs, colors=None, ax=None, max_sources: int = 8, flagged=None):
    """For each source cited by several groups: the cue verbs each group uses for it, coloured by stance; a
    flagged (too small) group is marked "(flagged)" after its name. With
    many groups (more than ``base.MANY``) the table turns: groups are rows (those citing at least one of the five
    most cited shared sources, at most ``base.MAX_ROWS``), sources columns, two verbs per cell.

    Parameters
    ----------
    source_verbs : DataFrame
        ``CompareResult.source_verbs``: source, group, cue, stance, count (one row per verb form).
    colors, ax, max_sources, flagged : optional
        Colours; Axes to draw on (None: a new figure); sources shown; flagged (too small) groups.
    Returns
    -------
    matplotlib.axes.Axes
    """
    from .scale import _flag_label

    flagged = set(flagged or ())
    if source_verbs is None or source_verbs.empty:
        raise NoData("no source is cited by two or more groups (or the attribution extractor did not run)")
    by_src = source_verbs.groupby("source")["group"].nunique()
    shared = by_src[by_src >= 2]
    if shared.empty:
        raise NoData("no source is cited by two or more groups")
    tot = source_verbs[source_verbs["source"].isin(shared.index)].groupby("source")["count"].sum()
    sources = list(tot.sort_values(ascending=False, kind="mergesort").index[:max_sources])
    groups = sorted(source_verbs["group"].unique())
    colors = colors or group_colors(groups)
    if _many(len(groups)):
        return _many_source_verbs(source_verbs, sources[:5], groups, flagged=flagged)
    with style():
        ax = _axes(ax, max(7.0, 1.8 * len(groups) + 2.0), 0.75 * len(sources) + 2.0)
        for i, s in enumerate(sources):
            for j, g in enumerate(groups):
                part = source_verbs[(source_verbs["source"] == s) & (source_verbs["group"] == g)]
                if part.empty:
                    ax.text(j, i, "—", ha="center", va="center", color="#BBBBBB", fontsize=8)
                    continue
                part = part.sort_values("count", ascending=False).head(3)
                # a long cue ("did not immediately respond to a request for comment") wrapped: it ran over the
                # cells beside it
                lines = [textwrap.fill(f"{r['cue']}" + (f" ×{int(r['count'])}" if r["count"] > 1 else ""), 20)
                         for _, r in part.iterrows()]
                dom = part.groupby("stance")["count"].sum().sort_values(ascending=False).index[0]
                ax.text(j, i, "\n".join(lines), ha="center", va="center", fontsize=7.5,
                        bbox=dict(boxstyle="round,pad=0.3", facecolor=STANCE_COLORS.get(dom, "#DDDDDD"),
                                  edgecolor="none", alpha=0.85))
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(groups)), [_flag_label(g, g in flagged, 22) for g in groups], rotation=20, ha="left")
        ax.set_yticks(range(len(sources)), [_short(s, 30) for s in sources])
        ax.set_xlim(-0.6, len(groups) - 0.4)
        ax.set_ylim(len(sources) - 0.5, -0.5)
        ax.spines[:].set_visible(False)
        ax.tick_params(length=0)
        for j, g in enumerate(groups):
            ax.plot([j - 0.45, j + 0.45], [-0.5, -0.5], color=colors.get(g), linewidth=4, clip_on=False,
                    solid_capstyle="butt")
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=STANCE_COLORS[c], label=c) for c in STANCE_ORDER],
                  title="box colour = stance of the verbs", loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=4)
        ax.set_title(f"How each group introduces the sources several groups cite ({len(sources)} sources)")
    return ax


def _many_source_verbs(source_verbs, sources, groups, ax=None, flagged=frozenset()):
    """Groups as rows, ``sources`` as columns: each cell the group's two commonest verbs for the source."""
    from .scale import _flag_label

    sv = source_verbs[source_verbs["source"].isin(sources)]
    cited = sv.groupby("group")["count"].sum()
    rows = [g for g in groups if g in set(cited.sort_values(ascending=False, kind="mergesort").index[:MAX_ROWS])]
    silent = len(groups) - len(rows)
    cells = {k: part for k, part in sv.groupby(["group", "source"])}
    with style():
        ax = _axes(ax, 8.6, 0.22 * len(rows) + 2.2)
        for i, g in enumerate(rows):
            for j, s in enumerate(sources):
                part = cells.get((g, s))
                if part is None:
                    ax.text(j, i, "—", ha="center", va="center", color="#BBBBBB", fontsize=7)
                    continue
                part = part.sort_values("count", ascending=False, kind="mergesort")
                txt = ", ".join(f"{r.cue}" + (f" ×{int(r.count)}" if r.count > 1 else "")
                                for r in part.head(2).itertuples())
                dom = part.groupby("stance")["count"].sum().sort_values(ascending=False).index[0]
                ax.text(j, i, _short(txt, 26), ha="center", va="center", fontsize=6.5,
                        bbox=dict(boxstyle="round,pad=0.2", facecolor=STANCE_COLORS.get(dom, "#DDDDDD"),
                                  edgecolor="none", alpha=0.85))
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(sources)), [_short(s, 24) for s in sources], fontsize=7.5)
        ax.set_yticks(range(len(rows)), [_flag_label(g, g in flagged, 34) for g in rows], fontsize=7.5)
        ax.set_xlim(-0.6, len(sources) - 0.4)
        ax.set_ylim(len(rows) - 0.5, -0.6)
        ax.spines[:].set_visible(False)
        ax.tick_params(length=0)
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=STANCE_COLORS[c], label=c) for c in STANCE_ORDER],
                  title="box colour = stance of the verbs", loc="upper center",
                  bbox_to_anchor=(0.5, -0.3 / (0.22 * len(rows) + 2.2)), ncol=4)
        ax.set_title(f"How {len(rows)} groups introduce the {len(sources)} sources most cited by several groups"
                     + (f" ({silent} groups cite none of them)" if silent else ""), pad=6)
    return ax


# -- 10. fact-by-outlet coverage map (framelens.align) -------------------------------------------------

#: Most article columns of a coverage map of many articles (more than ``base.MANY``).
MANY_DOCS = 10


def coverage_map(facts, units=None, colors=None, ax=None, min_docs: int = 2, max_units: int = 60,
                 label_width: int = 60):
    """Which article carries which fact unit: units (rows, in order of first report) x documents (columns).

    Parameters
    ----------
    facts, units : DataFrame
        Tables of an :class:`~framelens.coverage.align.AlignResult` (``CompareResult.alignment[event]``). A carried
        unit is a cell in the outlet's colour with its position (``L`` = lede; bold frame = last third).
    colors, ax, min_docs, max_units, label_width : optional
        Colours; Axes to draw on (None: a new figure); units in fewer than ``min_docs`` documents are left
        out (counted in the title); at most ``max_units`` rows; labels cut to ``label_width`` characters.
        With more than ``base.MANY`` articles, the :data:`MANY_DOCS` carrying most of the drawn units (the others
        counted in the title).
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    from matplotlib.patches import Rectangle

    if facts is None or len(facts) == 0:
        raise NoData("no fact units were found (no sentence long enough to align)")
    order = list(dict.fromkeys(facts["unit"])) if units is None else list(units["unit"])
    n_docs = facts[facts["present"].astype(bool)].groupby("unit")["doc_id"].nunique()
    keep = [u for u in order if n_docs.get(u, 0) >= min_docs]
    dropped_small = len([u for u in order if n_docs.get(u, 0) < min_docs])
    if not keep:
        raise NoData(f"no fact unit is carried by {min_docs} or more articles")
    dropped_many = max(0, len(keep) - max_units)
    keep = keep[:max_units]
    docs = list(dict.fromkeys(facts["doc_id"]))
    outlet_of = dict(zip(facts["doc_id"], facts["outlet"]))
    colors = colors or group_colors(outlet_of.values())
    labels = {}
    if units is not None:
        labels = dict(zip(units["unit"], units["label"]))
    cells = {(r.unit, r.doc_id): r for r in facts.itertuples()}
    dropped_docs = 0
    if _many(len(docs)):  # the articles carrying most of the drawn units, in their order; the others counted
        ks = set(keep)
        carried = facts[facts["present"].astype(bool) & facts["unit"].isin(ks)].groupby("doc_id")["unit"].nunique()
        top = set(carried.reindex(docs).fillna(0).sort_values(ascending=False, kind="mergesort").index[:MANY_DOCS])
        dropped_docs = len(docs) - len(top)
        docs = [d for d in docs if d in top]
        label_width = min(label_width, 34)
    nrow, ncol = len(keep), len(docs)
    with style():
        ax = (_axes(ax, 2.4 + 0.42 * ncol + label_width * 0.055, 0.26 * nrow + 2.2) if dropped_docs else
              _axes(ax, 3.2 + 1.05 * ncol + label_width * 0.055, 0.32 * nrow + 2.2))
        for i, u in enumerate(keep):
            for j, d in enumerate(docs):
                r = cells.get((u, d))
                present = bool(r is not None and r.present)
                if present:
                    col = colors.get(outlet_of[d], "#777777")
                    buried = bool(getattr(r, "buried", False))
                    ax.add_patch(Rectangle((j - 0.45, i - 0.4), 0.9, 0.8, facecolor=col, alpha=0.9,
                                           edgecolor="#000000" if buried else "white", linewidth=1.8 if buried else 0.5))
                    pos = getattr(r, "position", None)
                    lede = bool(getattr(r, "lede", False))
                    txt = "L" if lede else ("" if pos is None or (isinstance(pos, float) and math.isnan(pos))
                                            else f"{float(pos):.0%}")
                    rgb = [int(col.lstrip("#")[k:k + 2], 16) for k in (0, 2, 4)] if col.startswith("#") else [0, 0, 0]
                    light = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) > 150
                    ax.text(j, i, txt, ha="center", va="center", fontsize=7.5, fontweight="bold" if lede else "normal",
                            color="#111111" if light else "white")
                else:
                    ax.add_patch(Rectangle((j - 0.45, i - 0.4), 0.9, 0.8, facecolor="#F2F2F2", edgecolor="#DDDDDD",
                                           linewidth=0.5))
                    ax.text(j, i, "–", ha="center", va="center", fontsize=8, color="#AAAAAA")
        ax.set_xlim(-0.55, ncol - 0.45)
        ax.set_ylim(nrow - 0.5, -0.5)
        ylabels = [f"{u}  {_short(labels.get(u, ''), label_width)}" if labels else u for u in keep]
        ax.set_yticks(range(nrow), ylabels, fontsize=7.5)
        ax.xaxis.tick_top()
        ax.set_xticks(range(ncol), [_short(outlet_of[d], 24) for d in docs], rotation=30 if not dropped_docs else 45,
                      ha="left", fontsize=7 if dropped_docs else None)
        ax.spines[:].set_visible(False)
        ax.tick_params(length=0)
        for j, d in enumerate(docs):
            ax.plot([j - 0.45, j + 0.45], [-0.62, -0.62], color=colors.get(outlet_of[d], "#777777"), linewidth=4,
                    clip_on=False, solid_capstyle="butt")
        carried = np.array([[bool(cells.get((u, d)) is not None and cells[(u, d)].present) for d in docs] for u in keep])
        for j in range(ncol):
            ax.text(j, nrow - 0.5 + 0.35, f"{int(carried[:, j].sum())}/{nrow}", ha="center", va="top", fontsize=7.5,
                    color="#444444")
        extra = []
        if dropped_small:
            extra.append(f"{dropped_small} more carried by fewer than {min_docs} articles")
        if dropped_many:
            extra.append(f"{dropped_many} more not drawn")
        if dropped_docs:
            extra.append(f"the {ncol} articles carrying most of them; {dropped_docs} other articles in the CSV")
        ax.set_title(f"Which article reports which fact: {nrow} fact units carried by {min_docs}+ of {ncol} articles"
                     + (f" ({'; '.join(extra)})" if extra else "")
                     + "\ncell = position of the first version (L = lede), bold frame = last third; – = omitted",
                     pad=34)
    return ax
