"""The chart functions exported by framelens: each draws on the user's Axes, returns it, and leaves rcParams alone."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import framelens
from framelens.compare import term_choice_matrix
from framelens.compare.report.findings import top_referent


def _calls(c):
    """chart name -> a call drawing that chart from the CompareResult ``c`` on a given ``ax``."""
    ref = top_referent(c.term_choice)
    facts = next(iter(c.alignment.values()))
    return {
        "loaded_rate_chart": lambda ax: framelens.loaded_rate_chart(c.stats, c.categories, c.documents, c.colors, ax=ax),
        "term_choice_heatmap": lambda ax: framelens.term_choice_heatmap(
            term_choice_matrix(c.term_choice, ref), term_choice_matrix(c.term_choice, ref, value="quoted"), c.colors,
            ax=ax),
        "stance_profile_chart": lambda ax: framelens.stance_profile_chart(c.verbs, c.colors, ax=ax),
        "sourcing_density_chart": lambda ax: framelens.sourcing_density_chart(c.stats, c.colors, ax=ax,
                                                                              documents=c.documents),
        "source_mix_chart": lambda ax: framelens.source_mix_chart(c.source_types, c.colors, ax=ax),
        "hedges_boosters_chart": lambda ax: framelens.hedges_boosters_chart(c.documents, "group", c.colors, ax=ax),
        "frame_chart": lambda ax: framelens.frame_chart(c.frames, c.colors, ax=ax),
        "keyness_chart": lambda ax: framelens.keyness_chart(c.keyness, c.colors, ax=ax),
        "position_chart": lambda ax: framelens.position_chart(c.positions, c.colors, ax=ax),
        "source_verbs_chart": lambda ax: framelens.source_verbs_chart(c.source_verbs, c.colors, ax=ax),
        "coverage_map": lambda ax: framelens.coverage_map(facts.facts, facts.units, c.colors, ax=ax),
    }


CHARTS = ["loaded_rate_chart", "term_choice_heatmap", "stance_profile_chart", "sourcing_density_chart",
          "source_mix_chart", "hedges_boosters_chart", "frame_chart", "keyness_chart", "position_chart",
          "source_verbs_chart", "coverage_map"]


def test_every_exported_chart_is_tested():
    assert sorted(CHARTS) == sorted(n for n in framelens.__all__ if n.endswith(("_chart", "_heatmap", "_map")))


@pytest.mark.parametrize("name", CHARTS)
def test_chart_draws_on_the_users_axes_and_keeps_rcparams(example_cmp, name):
    fig = Figure(figsize=(8, 5))
    user_ax = fig.add_subplot(1, 2, 2)  # the user's figure: the chart goes on its right-hand Axes
    other = fig.add_subplot(1, 2, 1)
    before = dict(matplotlib.rcParams)
    ax = _calls(example_cmp)[name](user_ax)
    assert ax is user_ax and ax.figure is fig
    assert dict(matplotlib.rcParams) == before
    assert ax.has_data() or ax.texts or ax.patches, "nothing was drawn"
    assert not other.has_data() and not other.texts, "the chart drew on another Axes of the figure"
    FigureCanvasAgg(fig).draw()  # rendering the user's figure changes no rcParam either
    assert dict(matplotlib.rcParams) == before


def test_chart_without_ax_makes_its_own_figure(example_cmp):
    before = dict(matplotlib.rcParams)
    ax = framelens.keyness_chart(example_cmp.keyness, example_cmp.colors)
    assert isinstance(ax, matplotlib.axes.Axes) and isinstance(ax.figure, Figure)
    assert dict(matplotlib.rcParams) == before
