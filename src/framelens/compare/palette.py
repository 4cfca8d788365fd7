"""Colours: one fixed colour per outlet (group) in every chart and in the report.

Outlets get the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"),
which stays distinguishable under the common forms of colour-vision deficiency,
followed by Paul Tol's "muted" set for corpora with more than seven groups, up to
:data:`MAX_COLORED` groups. Beyond that, colours could no longer be told apart (nor
remembered across charts), so every group gets the one neutral colour :data:`NEUTRAL`
and the charts name groups by label instead. The assignment depends only on the
sorted group names, so the same outlet gets the same colour in every chart of a
report and in every report on the same outlets.

Verb stances have their own fixed colours, chosen so that text highlighted in
the report stays readable (light backgrounds, dark text). How each span kind is
highlighted is declared with the kind (:class:`framelens.kinds.Style`).
"""

from __future__ import annotations

import logging

from ..extract.lexical import STANCE_COLORS as _STANCE_COLORS

__all__ = ["OKABE_ITO", "OUTLET_COLORS", "MAX_COLORED", "NEUTRAL", "group_colors", "colors_identify", "STANCE_COLORS", "CATEGORY_HATCHES", "SOURCE_TYPE_COLORS"]

log = logging.getLogger("framelens")

#: Okabe-Ito, in their published order (black first).
OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")

#: The order outlets receive colours: Okabe-Ito without black and with yellow
#: last (pale yellow bars are hard to see on white), then Tol's muted set.
OUTLET_COLORS = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
)

#: Most groups that get a colour of their own (the first ten of :data:`OUTLET_COLORS`); more groups all get
#: :data:`NEUTRAL` (readers cannot match more than about ten hues to a legend, least of all with a colour-vision
#: deficiency).
MAX_COLORED = 10

#: The one colour of every group when there are more than :data:`MAX_COLORED` (a mid blue-grey).
NEUTRAL = "#5B7083"

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
    """A colour for every group name, fixed by sorted order (same input -> same colours).

    Parameters
    ----------
    groups : iterable
        Group names (repeats allowed).

    Returns
    -------
    dict of str to str
        Name -> colour: distinct colour-blind-safe colours for up to :data:`MAX_COLORED` groups, otherwise
        :data:`NEUTRAL` for all (the charts then label groups directly).
    """
    names = sorted({str(g) for g in groups})
    if len(names) > MAX_COLORED:
        log.info("%d groups: more than %d, so one neutral colour for all; charts label the groups",
                 len(names), MAX_COLORED)
        return {n: NEUTRAL for n in names}
    return {n: OUTLET_COLORS[i] for i, n in enumerate(names)}


def colors_identify(colors) -> bool:
    """Whether ``colors`` (group -> colour) tells groups apart: no colour is shared by two groups."""
    vals = list((colors or {}).values())
    return bool(vals) and len(set(vals)) == len(vals)
