"""Colours: one fixed colour per outlet (group) in every chart and in the report.

Outlets get the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"),
which stays distinguishable under the common forms of colour-vision deficiency,
followed by Paul Tol's "muted" set for corpora with more than seven groups;
beyond that the colours repeat and :func:`group_colors` logs a warning. The
assignment depends only on the sorted group names, so the same outlet gets the
same colour in every chart of a report and in every report on the same outlets.

Verb stances have their own fixed colours, chosen so that text highlighted in
the report stays readable (light backgrounds, dark text). How each span kind is
highlighted is declared with the kind (:class:`framelens.kinds.Style`).
"""

from __future__ import annotations

import logging

from ..extract.lexical import STANCE_COLORS as _STANCE_COLORS

__all__ = ["OKABE_ITO", "OUTLET_COLORS", "group_colors", "STANCE_COLORS", "CATEGORY_HATCHES", "SOURCE_TYPE_COLORS"]

log = logging.getLogger("framelens")

#: Okabe-Ito, in their published order (black first).
OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")

#: The order outlets receive colours: Okabe-Ito without black and with yellow
#: last (pale yellow bars are hard to see on white), then Tol's muted set.
OUTLET_COLORS = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
)

#: Reporting-verb stances: declared with the report_verb kind (its highlight style), used here for charts.
STANCE_COLORS = dict(_STANCE_COLORS)

#: Source types of attributions (lightness steps so the mix reads in greyscale too).
SOURCE_TYPE_COLORS = {
    "person": "#004488",
    "official": "#6699CC",
    "organization": "#997700",
    "media": "#EECC66",
    "document": "#994455",
    "anonymous": "#EE99AA",
    "vague": "#555555",
    "pronoun": "#BBBBBB",
}

#: Hatches that distinguish loaded-term categories inside an outlet-coloured bar.
#: Line hatches only: dot and circle hatches ("...", "ooo") are drawn as hundreds of curves and made one
#: SVG chart over 1 MB.
CATEGORY_HATCHES = ("", "///", "\\\\\\", "xxx", "---", "|||", "+++", "//", "\\\\", "x", "-")


def group_colors(groups) -> dict[str, str]:
    """A colour for every group name, fixed by sorted order (same input -> same colours)."""
    names = sorted({str(g) for g in groups})
    if len(names) > len(OUTLET_COLORS):
        log.warning("%d groups but only %d distinct colours: colours repeat; read the labels",
                    len(names), len(OUTLET_COLORS))
    return {n: OUTLET_COLORS[i % len(OUTLET_COLORS)] for i, n in enumerate(names)}
