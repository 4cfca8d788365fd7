"""framelens.compare.charts: every chart draws on a fresh or given Axes, says its n, leaves rcParams alone."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from framelens.compare import charts as C
from framelens.compare import term_choice_matrix
from framelens.compare.palette import OKABE_ITO, group_colors

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cmp(example_cmp):
    """The example corpus compared (shared by the session, see conftest.py)."""
    return example_cmp


def all_charts(c):
    tc = c.term_choice
    return {
        "loaded_rate": lambda ax=None: C.loaded_rate_chart(c.stats, c.categories, c.documents, c.colors, ax=ax),
        "term_choice": lambda ax=None: C.term_choice_heatmap(term_choice_matrix(tc), term_choice_matrix(tc, value="quoted"),
                                                             c.colors, ax=ax, n_docs=6),
        "stance": lambda ax=None: C.stance_profile_chart(c.verbs, c.colors, ax=ax, n_docs=6),
        "hedges": lambda ax=None: C.hedges_boosters_chart(c.documents, "group", c.colors, ax=ax),
        "keyness": lambda ax=None: C.keyness_chart(c.keyness, c.colors, ax=ax),
        "positions": lambda ax=None: C.position_chart(c.positions, c.colors, ax=ax),
    }


def test_every_chart_returns_axes_with_n_in_title_and_keeps_rcparams(cmp):
    before = dict(matplotlib.rcParams)
    for name, fn in all_charts(cmp).items():
        ax = fn()
        assert isinstance(ax, matplotlib.axes.Axes), name
        title = ax.get_title(loc="left") or ax.get_title()
        assert any(w in title for w in ("n =", "articles", "uses", "verbs", "tokens", "loaded terms")), (name, title)
    after = dict(matplotlib.rcParams)
    assert before == after


def test_charts_draw_on_a_given_axes(cmp):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert C.loaded_rate_chart(cmp.stats, cmp.categories, cmp.documents, ax=ax) is ax


def test_loaded_rate_chart_bars_sum_to_pooled_rate(cmp):
    ax = C.loaded_rate_chart(cmp.stats, cmp.categories, cmp.documents, cmp.colors)
    st = cmp.stats[cmp.stats.metric == "loaded"].set_index("group")
    labels = [t.get_text().removesuffix("  (flagged)") for t in ax.get_yticklabels()]  # flagged groups: marked
    widths = {}
    for p in ax.patches:
        y = round(p.get_y() + p.get_height() / 2)
        widths[y] = widths.get(y, 0) + p.get_width()
    for i, g in enumerate(labels):
        assert widths.get(i, 0.0) == pytest.approx(st.loc[g, "pooled"], abs=1e-9)
    # bars take the outlet's colour
    sentinel = labels.index("The Marlow Sentinel-Express")
    face = [p.get_facecolor() for p in ax.patches if round(p.get_y() + p.get_height() / 2) == sentinel][0]
    assert matplotlib.colors.to_hex(face).lower() == cmp.colors["The Marlow Sentinel-Express"].lower()


def test_attribution_and_frame_charts_or_clear_no_data(cmp):
    for fn in (lambda: C.sourcing_density_chart(cmp.stats, cmp.colors, documents=cmp.documents),
               lambda: C.source_mix_chart(cmp.source_types, cmp.colors),
               lambda: C.frame_chart(cmp.frames, cmp.colors),
               lambda: C.source_verbs_chart(cmp.source_verbs, cmp.colors)):
        try:
            assert isinstance(fn(), matplotlib.axes.Axes)
        except C.NoData as exc:  # the extractor is absent: a sentence the report shows instead
            assert "extractor" in str(exc) or "cited by two" in str(exc)


def test_no_data_when_columns_are_absent():
    empty = pd.DataFrame()
    with pytest.raises(C.NoData, match="attribution"):
        C.source_mix_chart(empty)
    with pytest.raises(C.NoData, match="frame"):
        C.frame_chart(empty)
    with pytest.raises(C.NoData, match="attribution"):
        C.sourcing_density_chart(pd.DataFrame({"metric": ["loaded"], "numerator": [1]}))
    with pytest.raises(C.NoData):
        C.source_verbs_chart(pd.DataFrame(columns=["source", "group", "cue", "stance", "count"]))
    with pytest.raises(C.NoData, match="hedge"):
        C.hedges_boosters_chart(pd.DataFrame({"id": ["a"], "words": [3]}))


def test_source_verbs_chart_with_attribution_contract():
    sv = pd.DataFrame({"source": ["Castellano", "Castellano", "Castellano", "Pruitt"],
                       "group": ["Wire", "Tabloid", "Tabloid", "Wire"], "cue": ["said", "slammed", "claimed", "said"],
                       "stance": ["neutral", "evaluative", "distancing", "neutral"], "count": [3, 1, 1, 1]})
    ax = C.source_verbs_chart(sv)
    texts = [t.get_text() for t in ax.texts]
    assert "said ×3" in texts and "slammed\nclaimed" in texts
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Castellano"]  # Pruitt is cited by one group only


def test_save_figure_png_and_svg_with_dollar_in_names(tmp_path):
    stats = pd.DataFrame({"group": ["$ weird $ outlet", "B"], "metric": ["loaded"] * 2, "pooled": [2.0, 1.0],
                          "ci_low": [1.0, 0.5], "ci_high": [3.0, 1.5], "n_docs": [2, 2], "words": [1000, 1000],
                          "numerator": [2, 1]})
    cats = pd.DataFrame({"group": ["$ weird $ outlet", "B"], "category": ["label", "label"], "count": [2, 1]})
    docs = pd.DataFrame({"id": list("abcd"), "words": [500] * 4})
    ax = C.loaded_rate_chart(stats, cats, docs)
    paths = C.save_figure(ax.figure, tmp_path / "chart", caption="A caption.")
    assert [p.suffix for p in paths] == [".png", ".svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "A caption." in paths[1].read_text()


def test_palette_is_stable_and_colour_blind_safe_first():
    a = group_colors(["Wire", "Tabloid", "Daily"])
    b = group_colors(["Daily", "Wire", "Tabloid", "Daily"])
    assert a == b and len(set(a.values())) == 3
    assert set(a.values()) <= set(OKABE_ITO)


# -- term choice: one referent view holds the immigrant, migrant and alien labels ------------------------------

_OUTLETS = {  # fictional outlets and sentences, written for this test
    "The Ferry Gazette": "Illegal juvenile immigrants crossed the river. Officials counted illegal immigrants "
                         "and illegal aliens at the depot.",
    "Valley Wire": "Migrants waited at the shelter. Undocumented Honduran migrants and other migrants asked "
                   "for water.",
    "North Ledger": "Undocumented immigrants and immigrants without legal status filled the hall; immigrants "
                    "from three counties came.",
}


@pytest.fixture(scope="module")
def own_cmp():
    import framelens
    from framelens.compare import compare

    docs = [framelens.Document(f"d{i}", text, outlet=outlet) for i, (outlet, text) in enumerate(_OUTLETS.items())]
    return compare(framelens.analyze(docs), by="outlet", n_boot=100)


def test_term_choice_view_puts_migrant_beside_immigrant_labels(own_cmp):
    tc = own_cmp.term_choice
    mat = term_choice_matrix(tc)  # the view with most uses
    assert mat.columns.name == "immigrants"
    cols = list(mat.columns)
    for variant in ("migrant", "undocumented migrant", "immigrant", "undocumented immigrant",
                    "illegal immigrant", "illegal alien", "immigrants without legal status"):
        assert variant in cols, (variant, cols)
    # neutral first, loaded last; modifiers inside a label do not make a variant of their own
    assert cols.index("migrant") < cols.index("illegal immigrant") < cols.index("illegal alien")
    assert not any("juvenile" in c or "honduran" in c for c in cols)
    assert mat.loc["The Ferry Gazette", "illegal immigrant"] == 2  # "illegal juvenile immigrants" + one
    assert mat.loc["Valley Wire", "migrant"] == 2 and mat.loc["Valley Wire", "undocumented migrant"] == 1
    # the distinction is kept as columns of the long table
    fam = tc.drop_duplicates("variant").set_index("variant")
    assert fam.loc["migrant", "family"] == "migrant" and fam.loc["immigrant", "family"] == "immigrant"
    assert fam.loc["illegal alien", "family"] == "alien"
    assert fam.loc["migrant", "referent_group"] == "migrants_general"
    assert fam.loc["illegal immigrant", "referent_group"] == "unauthorized_immigrants"
    # a fine referent group can still be shown alone
    sub = term_choice_matrix(tc, "unauthorized_immigrants")
    assert "migrant" not in sub.columns and "illegal immigrant" in sub.columns


def test_term_choice_heatmap_labels_show_the_view(own_cmp):
    tc = own_cmp.term_choice
    ax = C.term_choice_heatmap(term_choice_matrix(tc), term_choice_matrix(tc, value="quoted"), own_cmp.colors,
                               n_docs=3)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "migrant" in ticks and "illegal immigrant" in ticks and "undocumented immigrant" in ticks
    assert "“immigrants”" in " ".join(ax.get_title(loc=loc) for loc in ("left", "center", "right"))
    import matplotlib.pyplot as plt

    plt.close(ax.figure)
