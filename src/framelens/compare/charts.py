"""Charts of a comparison (matplotlib): pass the tables of a :class:`~framelens.compare.CompareResult`.

Every function draws on ``ax`` (a new :class:`~matplotlib.figure.Figure`, not pyplot state, when None), returns
the Axes, never calls ``plt.show()`` and styles inside :func:`style` (an ``rc_context``: rcParams stay as they were).
``colors``: group -> colour (default :func:`~framelens.compare.palette.group_colors`). Titles say what is measured
and on what n. A chart whose data is absent raises :class:`NoData` saying why (the report shows that instead).
"""

from __future__ import annotations

import contextlib
import math
import warnings
from pathlib import Path

from .palette import CATEGORY_HATCHES, SOURCE_TYPE_COLORS, STANCE_COLORS, group_colors

__all__ = ["NoData", "style", "save_figure", "loaded_rate_chart", "term_choice_heatmap", "stance_profile_chart",
           "sourcing_density_chart", "source_mix_chart", "hedges_boosters_chart", "frame_chart", "keyness_chart",
           "position_chart", "source_verbs_chart", "STANCE_ORDER", "coverage_map"]

STANCE_ORDER = ("neutral", "endorsing", "distancing", "evaluative")

_RC = {
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.labelsize": 9,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "hatch.linewidth": 0.6,
    "svg.fonttype": "none",
    "svg.hashsalt": "framelens",  # stable element ids: the same chart gives the same SVG
    "figure.dpi": 100,
}


class NoData(ValueError):
    """The data a chart needs is absent; ``str(exc)`` says why, for the report."""


@contextlib.contextmanager
def style():
    """The framelens chart style, applied only inside the ``with`` block."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        yield


def _axes(ax, width=7.0, height=4.0):
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig.add_subplot()


def _n_docs_words(documents) -> str:
    n = len(documents)
    w = int(documents["words"].sum()) if "words" in documents else 0
    return f"n = {n} article{'s' if n != 1 else ''}, {w:,} words"


def _short(name: str, width: int = 40) -> str:
    """A label cut to ``width`` characters, with ``$`` escaped (matplotlib would read it as mathtext)."""
    name = str(name)
    name = name if len(name) <= width else name[: width - 1] + "…"
    return name.replace("$", r"\$")


def _swatches(ax, labels, colors, axis="y"):
    """Colour squares next to the group tick labels (the outlet's colour)."""
    from matplotlib.transforms import blended_transform_factory

    if axis == "y":
        tr = blended_transform_factory(ax.transAxes, ax.transData)
        for i, g in enumerate(labels):
            ax.scatter([-0.012], [i], marker="s", s=55, color=colors.get(g, "#777777"), transform=tr,
                       clip_on=False, zorder=5, edgecolor="#333333", linewidth=0.4)


def save_figure(fig, stem: str | Path, caption: str | None = None, formats=("png", "svg"), dpi: int = 150) -> list[Path]:
    """Save ``fig`` as ``stem.png`` and ``stem.svg`` (Agg canvas, no pyplot), with ``caption`` under it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    with style():
        FigureCanvasAgg(fig)
        if caption:
            import textwrap

            wrapped = textwrap.fill(caption, width=int(fig.get_figwidth() * 15))
            fig.text(0.0, -0.01, wrapped, ha="left", va="top", fontsize=7.5, color="#444444")
        out = []
        for fmt in formats:
            p = stem.with_suffix(f".{fmt}")
            with warnings.catch_warnings():  # a crowded chart still saves well (bbox_inches="tight"): no terminal noise
                warnings.filterwarnings("ignore", message=".*constrained_layout not applied", category=UserWarning)
                fig.savefig(p, format=fmt, dpi=dpi, bbox_inches="tight", pad_inches=0.15,
                            metadata={"Date": None} if fmt == "svg" else None)
            out.append(p)
    return out


# -- 1. loaded-term rate by outlet, stacked by category --------------------------------------------------

OTHER = "other categories"


def _top_categories(categories, k: int):
    """Keep the ``k`` categories with most uses overall (ordered by uses); lump the rest as ``other categories``."""
    if not len(categories):
        return categories
    tot = categories.groupby("category")["count"].sum().sort_values(ascending=False, kind="mergesort")
    keep = list(tot.index[:k]) if len(tot) > k + 1 else list(tot.index)
    c = categories.copy()
    c["category"] = c["category"].where(c["category"].isin(keep), OTHER)
    c = c.groupby(["group", "category"], as_index=False)["count"].sum()
    order = {name: i for i, name in enumerate(keep + [OTHER])}
    return c.sort_values(by="category", key=lambda col: col.map(order), kind="mergesort")


def loaded_rate_chart(stats, categories, documents, colors=None, ax=None, metric: str = "loaded",
                      max_categories: int = 6):
    """Loaded terms per 1,000 words per group (pooled), stacked by category, with the CI of the total.

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
    with style():
        ax = _axes(ax, 7.5, 0.55 * len(st) + 1.8)
        groups = list(st.sort_values("pooled", ascending=True).index)
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
            n = int(st.loc[g, "n_docs"])
            ax.text(max(hi if not math.isnan(hi) else val, val) + 0.4, i,
                    f"{val:.1f}  ({n} article{'s' if n != 1 else ''}, {int(words):,} words)", va="center", fontsize=8)
        ax.set_yticks(range(len(groups)), [_short(g) for g in groups])
        _swatches(ax, groups, colors)
        ax.tick_params(axis="y", pad=12)
        xmax = max([v for v in st["ci_high"].tolist() + st["pooled"].tolist() if not math.isnan(v)] + [1])
        ax.set_xlim(0, xmax * 1.45 + 1)
        ax.set_xlabel("loaded terms per 1,000 words (pooled over the group's articles; line = 95% CI)")
        ax.set_title(f"Loaded terms per 1,000 words, by {st.index.name or 'group'} ({_n_docs_words(documents)})")
        if cats:
            from matplotlib.patches import Patch

            handles = [Patch(facecolor="white", edgecolor="#333333", hatch=hatch[c], label=c.replace("_", " "))
                       for c in cats]
            ax.legend(handles=handles, title="category (hatching)", loc="lower right", fontsize=7,
                      title_fontsize=7.5, ncol=1 if len(cats) < 6 else 2)
    return ax


# -- 2. term-choice heatmap ---------------------------------------------------------------------------

def term_choice_heatmap(count_matrix, quoted_matrix=None, colors=None, ax=None, n_docs=None):
    """Groups x variants for one referent group; cells = uses (``+q`` = of which inside quotations).

    Parameters
    ----------
    count_matrix, quoted_matrix : DataFrame
        :func:`term_choice_matrix` of ``CompareResult.term_choice`` (``value="quoted"`` for the second).
    colors, ax, n_docs : optional
        Colours; Axes to draw on (None: a new figure); articles, for the title.
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    if count_matrix is None or count_matrix.empty:
        raise NoData("no loaded-term entries with a referent group were found, so there is no term choice to show")
    mat = count_matrix
    colors = colors or group_colors(mat.index)
    with style():
        ax = _axes(ax, max(6.0, 1.05 * mat.shape[1] + 3.2), 0.5 * mat.shape[0] + 2.2)
        vals = mat.to_numpy(dtype=float)
        ax.imshow(vals, cmap="Blues", aspect="auto", vmin=0, vmax=max(vals.max(), 1) * 1.15)
        for i in range(vals.shape[0]):
            for j in range(vals.shape[1]):
                v = int(vals[i, j])
                q = int(quoted_matrix.iloc[i, j]) if quoted_matrix is not None else 0
                txt = "·" if v == 0 else (f"{v}\n({q} quoted)" if q else f"{v}")
                ax.text(j, i, txt, ha="center", va="center", fontsize=8,
                        color="white" if v > vals.max() * 0.6 and v > 0 else "#222222")
        ax.set_xticks(range(mat.shape[1]), [_short(c, 34) for c in mat.columns], rotation=30, ha="right")
        ax.set_yticks(range(mat.shape[0]), [_short(g) for g in mat.index])
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
                     f"uses of each variant ({total} uses{nd})")
        ax.set_xlabel("variant (left = neutral, right = most loaded)")
    return ax


# -- 3. reporting-verb stance profile -----------------------------------------------------------------

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
    from .group import group_column

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

def position_chart(positions, colors=None, ax=None):
    """Where loaded terms fall in each article: relative position (0 = first character, 1 = last).

    Parameters
    ----------
    positions : DataFrame
        ``CompareResult.positions`` (group, doc_id, rel_pos, in_lede, voice). Filled dot = reporter's
        voice, hollow = inside a quotation; the right margin counts terms in the lede.
    colors, ax : optional
        Colours; Axes to draw on (None: a new figure).
    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    if positions is None or positions.empty:
        raise NoData("no loaded terms (severity >= 1) were found, so there is nothing to place")
    groups = sorted(positions["group"].unique())
    colors = colors or group_colors(groups)
    rng = np.random.default_rng(0)
    with style():
        ax = _axes(ax, 7.5, 0.55 * len(groups) + 1.9)
        for i, g in enumerate(groups):
            p = positions[positions["group"] == g]
            jitter = rng.uniform(-0.18, 0.18, len(p))
            auth = (p["voice"] == "author").to_numpy()
            c = colors.get(g)
            ax.scatter(p["rel_pos"][auth], i + jitter[auth], s=34, color=c, edgecolor="#222222", linewidth=0.5,
                       zorder=3)
            ax.scatter(p["rel_pos"][~auth], i + jitter[~auth], s=34, facecolor="white", edgecolor=c,
                       linewidth=1.4, zorder=3)
            ax.text(1.03, i, f"{int(p['in_lede'].sum())} of {len(p)} in lede", va="center", fontsize=8)
        ax.set_yticks(range(len(groups)), [_short(g) for g in groups])
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
                   label="inside a quotation")], loc="upper center", bbox_to_anchor=(0.5, -0.2 if len(groups) > 3 else -0.3),
            ncol=2)
        n_docs = positions["doc_id"].nunique()
        ax.set_title(f"Where loaded terms fall ({len(positions)} loaded terms in {n_docs} articles)")
    return ax


# -- 9. verbs for a source cited by several groups -----------------------------------------------------

def source_verbs_chart(source_verbs, colors=None, ax=None, max_sources: int = 8):
    """For each source cited by several groups: the cue verbs each group uses for it, coloured by stance.

    Parameters
    ----------
    source_verbs : DataFrame
        ``CompareResult.source_verbs``: source, group, cue, stance, count (one row per verb form).
    colors, ax, max_sources : optional
        Colours; Axes to draw on (None: a new figure); sources shown.
    Returns
    -------
    matplotlib.axes.Axes
    """
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
    with style():
        ax = _axes(ax, max(7.0, 1.8 * len(groups) + 2.0), 0.75 * len(sources) + 2.0)
        for i, s in enumerate(sources):
            for j, g in enumerate(groups):
                part = source_verbs[(source_verbs["source"] == s) & (source_verbs["group"] == g)]
                if part.empty:
                    ax.text(j, i, "—", ha="center", va="center", color="#BBBBBB", fontsize=8)
                    continue
                part = part.sort_values("count", ascending=False).head(3)
                lines = [f"{r['cue']}" + (f" ×{int(r['count'])}" if r["count"] > 1 else "") for _, r in part.iterrows()]
                dom = part.groupby("stance")["count"].sum().sort_values(ascending=False).index[0]
                ax.text(j, i, "\n".join(lines), ha="center", va="center", fontsize=7.5,
                        bbox=dict(boxstyle="round,pad=0.3", facecolor=STANCE_COLORS.get(dom, "#DDDDDD"),
                                  edgecolor="none", alpha=0.85))
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(groups)), [_short(g, 22) for g in groups], rotation=20, ha="left")
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


# -- 10. fact-by-outlet coverage map (framelens.align) -------------------------------------------------

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
    nrow, ncol = len(keep), len(docs)
    with style():
        ax = _axes(ax, 3.2 + 1.05 * ncol + label_width * 0.055, 0.32 * nrow + 2.2)
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
        ax.set_xticks(range(ncol), [_short(outlet_of[d], 24) for d in docs], rotation=30, ha="left")
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
        ax.set_title(f"Which article reports which fact: {nrow} fact units carried by {min_docs}+ of {ncol} articles"
                     + (f" ({'; '.join(extra)})" if extra else "")
                     + "\ncell = position of the first version (L = lede), bold frame = last third; – = omitted",
                     pad=34)
    return ax
