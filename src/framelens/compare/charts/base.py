"""What every chart shares: the style (an rc_context), axes on a new Figure, saving, labels, NoData.

The charts of a comparison (matplotlib): pass the tables of a :class:`~framelens.compare.CompareResult`.

Every function draws on ``ax`` (a new :class:`~matplotlib.figure.Figure`, not pyplot state, when None), returns
the Axes, never calls ``plt.show()`` and styles inside :func:`style` (an ``rc_context``: rcParams stay as they were).
``colors``: group -> colour (default :func:`~framelens.compare.palette.group_colors`). Titles say what is measured
and on what n. A chart whose data is absent raises :class:`NoData` saying why (the report shows that instead).
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

from ...io.atomic import atomic_path


__all__ = ["NoData", "style", "save_figure", "STANCE_ORDER", "MANY", "MAX_WIDTH_IN", "MAX_HEIGHT_IN", "quiet"]

#: More groups than this get the layouts for many groups (dot plots, small multiples, labels instead of colour).
MANY = 12
#: The largest figure drawn, in inches (the report shows 150 CSS px per inch: 1,290 x 2,325 px, under the
#: 1,400 x 2,500 px limit with the caption and the labels that stick out).
MAX_WIDTH_IN = 8.6
MAX_HEIGHT_IN = 15.5
#: The largest saved image, in inches, labels and caption included (1,400 x 2,500 px at 150 px per inch).
MAX_SAVED_IN = (9.25, 16.6)
#: Most group rows a chart draws; beyond that the top and bottom halves, the middle summarised in one row.
MAX_ROWS = 60

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


@contextlib.contextmanager
def quiet():
    """Third-party warnings (matplotlib, pandas) raised while a chart is drawn or saved stay off the terminal:
    they are logged at debug level instead (their causes are fixed where known)."""
    import logging

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        logging.getLogger("framelens").debug("chart warning: %s", w.message)


def _size(width: float, height: float) -> tuple[float, float]:
    """A figure size within :data:`MAX_WIDTH_IN` x :data:`MAX_HEIGHT_IN`."""
    return min(width, MAX_WIDTH_IN), min(height, MAX_HEIGHT_IN)


def _axes(ax, width=7.0, height=4.0):
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=_size(width, height), layout="constrained")
    return fig.add_subplot()


def _many(n: int) -> bool:
    """Whether ``n`` groups need the layouts for many groups."""
    return n > MANY


def _limit(ordered: list, max_rows: int = MAX_ROWS) -> tuple[list, int]:
    """The first and last ``max_rows // 2`` of ``ordered`` (top-N and bottom-N) and how many were left out
    between them (``None`` marks the gap in the returned list); all of them when they fit."""
    if len(ordered) <= max_rows:
        return list(ordered), 0
    half = max_rows // 2
    return list(ordered[:half]) + [None] + list(ordered[-half:]), len(ordered) - 2 * half


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
    """Colour squares next to the group tick labels (the outlet's colour); none when the colours do not tell
    the groups apart (many groups share one neutral colour)."""
    from matplotlib.transforms import blended_transform_factory

    from ..palette import colors_identify

    if not colors_identify({g: colors.get(g) for g in labels if g is not None}):
        return

    if axis == "y":
        tr = blended_transform_factory(ax.transAxes, ax.transData)
        for i, g in enumerate(labels):
            ax.scatter([-0.012], [i], marker="s", s=55, color=colors.get(g, "#777777"), transform=tr,
                       clip_on=False, zorder=5, edgecolor="#333333", linewidth=0.4)


def _wrap_titles(fig, renderer) -> bool:
    """Wrap the axes titles drawn wider than the figure onto more lines (measured); whether any was wrapped."""
    import textwrap

    changed = False
    for ax in fig.axes:
        for loc in ("left", "center", "right"):
            t = ax.get_title(loc)
            if not t:
                continue
            # the Text of a left/right title has no public getter
            obj = {"left": ax._left_title, "center": ax.title, "right": ax._right_title}[loc]
            ext = obj.get_window_extent(renderer)
            wide, room = ext.width / fig.dpi, fig.get_figwidth() - 0.1 - max(ext.x0, 0) / fig.dpi
            if ext.x1 / fig.dpi > fig.get_figwidth() - 0.05 and room > 1:
                longest = max(len(line) for line in t.split("\n"))
                width = max(int(longest * room / wide), 20)
                obj.set_text("\n".join(textwrap.fill(line, width) for line in t.split("\n")))  # set_title would reset the pad
                changed = True
    return changed


def save_figure(fig, stem: str | Path, caption: str | None = None, formats=("png", "svg"), dpi: int = 100,
                close: bool = True) -> list[Path]:
    """Save ``fig`` as ``stem.png`` and ``stem.svg`` (Agg canvas, no pyplot), with ``caption`` under it.

    The figure is laid out and measured once (one draw), then written in each format with that bounding box,
    each file atomically; PNG at ``dpi`` (100: screen resolution; the report embeds the SVG).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or Path
        The path without suffix.
    caption : str, optional
        Text set under the chart, wrapped to its width.
    formats : sequence of str, default ("png", "svg")
    dpi : int, default 100
        Resolution of raster formats.
    close : bool, default True
        Release the figure's canvas and artists afterwards (the figure cannot be drawn again).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    with style(), warnings.catch_warnings():
        # a crowded chart still saves well (the bounding box below): no terminal noise
        warnings.filterwarnings("ignore", message=".*constrained_layout not applied", category=UserWarning)
        canvas = FigureCanvasAgg(fig)
        if caption:
            import textwrap

            wrapped = textwrap.fill(caption, width=int(fig.get_figwidth() * 15))
            fig.text(0.0, -0.01, wrapped, ha="left", va="top", fontsize=7.5, color="#444444")
        # one layout and one measurement for all formats (savefig's bbox_inches="tight" draws twice per format)
        fig.draw_without_rendering()  # lays the figure out (constrained layout) without rasterising it
        bbox = fig.get_tightbbox(canvas.get_renderer()).padded(0.15)
        if bbox.width > MAX_SAVED_IN[0] and _wrap_titles(fig, canvas.get_renderer()):  # a long title sticks out
            fig.draw_without_rendering()
            bbox = fig.get_tightbbox(canvas.get_renderer()).padded(0.15)
        for _ in range(3):  # labels stick out past the limit: shrink and lay out again (text keeps its size)
            over_w, over_h = bbox.width - MAX_SAVED_IN[0], bbox.height - MAX_SAVED_IN[1]
            if not (over_w > 0 or over_h > 0) or fig.get_layout_engine() is None:
                break
            w, h = fig.get_size_inches()
            fig.set_size_inches(max(w - max(over_w, 0) - 0.1 * (over_w > 0), 3.0),
                                max(h - max(over_h, 0) - 0.1 * (over_h > 0), 2.0))
            fig.draw_without_rendering()
            if _wrap_titles(fig, canvas.get_renderer()):
                fig.draw_without_rendering()
            bbox = fig.get_tightbbox(canvas.get_renderer()).padded(0.15)
        fig.set_layout_engine(None)  # keep the positions found; None (not "none"): savefig lays out nothing again
        for fmt in formats:
            p = stem.with_suffix(f".{fmt}")
            with atomic_path(p) as tmp:
                fig.savefig(tmp, format=fmt, dpi=dpi, bbox_inches=bbox,
                            metadata={"Date": None} if fmt == "svg" else None)
            out.append(p)
    if close:
        fig.clear()
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
