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


__all__ = ["NoData", "style", "save_figure", "STANCE_ORDER"]

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
