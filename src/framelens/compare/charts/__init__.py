"""Charts of a comparison (matplotlib): pass the tables of a :class:`~framelens.compare.CompareResult`.

Every function draws on ``ax`` (a new :class:`~matplotlib.figure.Figure`, not pyplot state, when None), returns
the Axes, never calls ``plt.show()`` and styles inside :func:`style` (an ``rc_context``: rcParams stay as they were).
``colors``: group -> colour (default :func:`~framelens.compare.palette.group_colors`). Titles say what is measured
and on what n. A chart whose data is absent raises :class:`NoData` saying why (the report shows that instead).

Modules: ``base`` (style, axes, saving), ``rates`` (loaded-term rates, term choice), ``mixes`` (stance, sourcing,
source types, hedges and boosters, frames), ``words`` (keyness), ``positions`` (position in the article, sources
and their verbs, fact coverage).
"""

from __future__ import annotations

from .base import STANCE_ORDER, NoData, save_figure, style
from .mixes import frame_chart, hedges_boosters_chart, source_mix_chart, sourcing_density_chart, stance_profile_chart
from .positions import coverage_map, position_chart, source_verbs_chart
from .rates import loaded_rate_chart, term_choice_heatmap
from .words import keyness_chart

__all__ = ["NoData", "style", "save_figure", "loaded_rate_chart", "term_choice_heatmap", "stance_profile_chart",
           "sourcing_density_chart", "source_mix_chart", "hedges_boosters_chart", "frame_chart", "keyness_chart",
           "position_chart", "source_verbs_chart", "STANCE_ORDER", "coverage_map"]
