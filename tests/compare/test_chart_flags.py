"""What the charts show of flagged groups (too small to support a finding) is what their captions say.

Every caption that says "“flagged” is written after their name" belongs to a chart whose drawn text marks
each flagged group it names, and no other group; every caption that says the flagged groups are "drawn after
the others, below a dashed line, never ranked" belongs to a chart that draws them after every ranked group,
below a dashed line, the ranked ones in the order of their shrunken estimate. Checked on the six-outlet example
corpus (two outlets flagged, ``example_cmp``) and on the 40-outlet fictional corpus (``scale_report``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from framelens.compare.charts.base import MANY
from framelens.compare.charts.scale import FLAG_MARK
from framelens.compare.report.charts import _specs, flag_note

#: What a caption says when its chart marks the flagged groups by name, and when it draws them last.
SAYS_MARKED = "“flagged” is written after"
SAYS_LAST = "drawn after the others, below a dashed line, never ranked"


def _texts(ax) -> list[str]:
    """Every piece of text drawn on the figure of ``ax`` (tick labels, legend entries, annotations, titles),
    after one layout pass (so tick labels are the ones drawn)."""
    from matplotlib.text import Text

    fig = ax.figure
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _names(text: str, groups) -> set:
    """The groups whose (possibly cut, "…") name starts ``text``; the longest such name wins."""
    hits = []
    for g in groups:
        if text.startswith(g):
            hits.append((len(g), g))
        else:
            m = re.match(r"(.{8,}?)…", text)
            if m and g.startswith(m.group(1)) and len(g) > len(m.group(1)):
                hits.append((len(m.group(1)), g))
    if not hits:
        return set()
    best = max(n for n, _ in hits)
    return {g for n, g in hits if n == best}


def _marks(texts, groups) -> tuple[dict, set]:
    """(group -> number of texts naming it with the flag mark, groups named without it)."""
    marked: dict = {}
    plain = set()
    for t in texts:
        for line in t.split("\n"):
            named = _names(line, groups)
            if FLAG_MARK in line:
                for g in _names(line.split(FLAG_MARK)[0], groups):
                    marked[g] = marked.get(g, 0) + 1
            else:
                plain |= named
    return marked, plain


def _rows_top_down(ax) -> list[str]:
    """The y tick labels of ``ax`` from the top of the chart down."""
    ax.figure.draw_without_rendering()
    ticks = [(t.get_position()[1], t.get_text()) for t in ax.get_yticklabels() if t.get_text()]
    ticks.sort(reverse=not ax.yaxis_inverted())
    return [t for _, t in ticks]


@pytest.fixture(scope="module")
def drawn_example(example_cmp):
    """(name, caption, Axes) of every chart of the example report, drawn by the report's own specs."""
    from framelens.compare import charts as C

    out = []
    for name, _title, caption, draw in _specs(example_cmp):
        try:
            out.append((name, caption, draw()))
        except C.NoData:
            continue
    return out


def _flagged(result) -> set:
    return set(result.flags.loc[result.flags["flagged"].astype(bool), "group"])


def test_example_corpus_has_flagged_and_ranked_groups(example_cmp):
    flagged = _flagged(example_cmp)
    assert flagged == {"CheckPoint Lakeshore", "Commonpedia"}  # 2 articles / 1 article, under 1,000 words
    assert example_cmp.documents["group"].nunique() == 6 <= MANY


def test_every_caption_that_promises_the_mark_is_kept_by_its_chart(example_cmp, drawn_example):
    flagged = _flagged(example_cmp)
    groups = sorted(example_cmp.documents["group"].unique())
    promised = 0
    for name, caption, ax in drawn_example:
        marked, plain = _marks(_texts(ax), groups)
        if SAYS_MARKED in caption:
            promised += 1
            assert set(marked) <= flagged, (name, marked)  # no group that meets the minimums is marked
            named_flagged = (set(marked) | plain) & flagged
            assert named_flagged, name  # the chart names at least one flagged group
            for g in named_flagged:  # each flagged group it names carries the mark, once
                assert marked.get(g) == 1, (name, g, marked)
                assert g not in plain, (name, g)
        else:  # a caption that says nothing about flagged groups: the chart marks none
            assert not marked, (name, marked)
    # every chart of the comparison that names groups promises it (the coverage maps of the alignment section
    # name the outlet of each article, not a group)
    assert {n for n, c, _ in drawn_example if SAYS_MARKED in c} >= {
        "loaded_rate", "term_choice", "verb_stance", "sourcing_density", "source_mix", "hedges_boosters", "frames",
        "keyness", "positions", "source_verbs"} & {n for n, _, _ in drawn_example}
    assert promised >= 10


def test_sourcing_density_bars_carry_the_flag_its_caption_promises(example_cmp, drawn_example):
    """The reported bug: the caption said flagged groups are labelled "flagged"; the bars carried no label."""
    name, caption, ax = next(d for d in drawn_example if d[0] == "sourcing_density")
    assert SAYS_MARKED in caption and SAYS_LAST in caption
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for g in _flagged(example_cmp):
        assert labels.count(g + FLAG_MARK) == 1
    assert sum(FLAG_MARK in t for t in labels) == 2


@pytest.mark.parametrize("name,metric", [("loaded_rate", "loaded"), ("sourcing_density", "attributions")])
def test_ranked_charts_draw_flagged_groups_last_below_a_dashed_line(example_cmp, drawn_example, name, metric):
    _, caption, ax = next(d for d in drawn_example if d[0] == name)
    assert SAYS_LAST in caption
    st = example_cmp.stats[example_cmp.stats["metric"] == metric].set_index("group")
    rows = [r.removesuffix(FLAG_MARK) for r in _rows_top_down(ax)]
    assert sorted(rows) == sorted(st.index)
    flagged = _flagged(example_cmp)
    ranked = [g for g in rows if g not in flagged]
    assert rows == ranked + [g for g in rows if g in flagged]  # every flagged group after every ranked one
    shr = [st.loc[g, "shrunk"] for g in ranked]
    assert shr == sorted(shr, reverse=True)  # the ranked ones by their shrunken estimate, as the findings rank
    assert [st.loc[g, "rank"] for g in ranked] == list(range(1, len(ranked) + 1))
    # a dashed horizontal line between the last ranked row and the first flagged one
    ys = {t.get_text().removesuffix(FLAG_MARK): t.get_position()[1] for t in ax.get_yticklabels()}
    lo, hi = sorted((ys[ranked[-1]], ys[[g for g in rows if g in flagged][0]]))
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--" and len(set(ln.get_ydata())) == 1]
    assert any(lo < ln.get_ydata()[0] < hi for ln in dashed)
    # the shrunken estimate the order follows is drawn (◇) and named on the axis
    assert "◇ = shrunken estimate, used for the order" in ax.get_xlabel()
    diamonds = [ln for ln in ax.get_lines() if ln.get_marker() == "D"]
    assert len(diamonds) == len(rows)


def test_caption_says_how_many_are_flagged_and_why(example_cmp, drawn_example):
    p = example_cmp.parameters
    for name, caption, _ax in drawn_example:
        if SAYS_MARKED in caption:
            assert f"2 of 6 groups are flagged as unable to support a finding (fewer than {p['min_articles']} " \
                   f"articles or under {int(p['min_words']):,} words)" in caption, name


def _result(reasons: list[str], by: str = "outlet"):
    flags = pd.DataFrame({"group": [f"g{i}" for i in range(len(reasons))], "flagged": [bool(r) for r in reasons],
                          "flag_reason": reasons})
    return SimpleNamespace(flags=flags, parameters={"min_articles": 3, "min_words": 1000}, by=by)


def test_flag_note_names_only_the_reasons_present():
    note = flag_note(_result(["", "mostly not English (2 of 3 articles)", ""]))
    assert "1 of 3 groups is flagged" in note and "(mostly not in English)" in note
    assert "fewer than" not in note and "words" not in note  # "2 of 3 articles" is not the article minimum
    assert "its name" in note and "never ranked" not in note
    note = flag_note(_result(["1 article (< 3); 444 words (< 1,000)", "no group value; 2 articles (< 3)", ""]),
                     ranked=True)
    assert "(fewer than 3 articles or under 1,000 words or without a value of outlet)" in note
    assert "2 of 3 groups are flagged" in note and SAYS_MARKED in note and SAYS_LAST in note
    assert flag_note(_result(["", ""])) == "" and flag_note(SimpleNamespace(flags=None)) == ""


def test_captions_never_add_to_the_marks_they_describe(example_cmp):
    # a caption is saved with its chart: it must not contain the mark the tests and readers count in the chart
    for _name, _title, caption, _draw in _specs(example_cmp):
        assert FLAG_MARK.strip() not in caption


# --- many groups: the 40-outlet fictional corpus of conftest.py ----------------------------------------------

@pytest.mark.parametrize("chart", ["loaded_rate", "sourcing_density", "verb_stance", "source_mix", "frames",
                                   "keyness"])
def test_forty_outlets_every_flagged_group_marked_once(scale_report, chart):
    out, result = scale_report
    flagged = _flagged(result)
    assert result.documents["group"].nunique() == 40 > MANY and 0 < len(flagged) < 40
    svg = (out / "charts" / f"{chart}.svg").read_text(encoding="utf-8")
    # every group is drawn on these charts (40 rows fit), each flagged one with the mark after its name
    assert svg.count(FLAG_MARK.strip()) == len(flagged), chart


@pytest.mark.parametrize("chart", ["verb_stance", "source_mix"])
def test_forty_outlets_share_panels_say_their_order_above_the_panels(scale_report, chart):
    out, result = scale_report
    svg = (out / "charts" / f"{chart}.svg").read_text(encoding="utf-8")
    table = result.verbs if chart == "verb_stance" else result.source_types
    m = re.search(r"ordered by the ([a-z ]+) share; hollow = flagged, last", svg)
    assert m and m.group(1).replace(" ", "_") in table.columns


def test_forty_outlets_frames_rank_by_the_first_frame_and_put_flagged_groups_last(scale_report):
    from framelens.compare import charts as C

    _out, result = scale_report
    flagged = _flagged(result)
    ax = C.frame_chart(result.frames, result.colors, flagged=flagged)
    rows = [re.sub(r"  \(n=\d+\)$", "", r) for r in _rows_top_down(ax)]
    groups = list(result.frames.index)
    names = [_names(r.removesuffix(FLAG_MARK), groups) for r in rows]  # labels are cut to 28 characters
    assert all(len(n) == 1 for n in names)
    names = [n.pop() for n in names]
    assert sorted(names) == sorted(result.frames.index)  # 40 rows fit: every group drawn
    assert [r.endswith(FLAG_MARK) for r in rows] == [g in flagged for g in names]
    ranked = [g for g in names if g not in flagged]
    assert names == ranked + [g for g in names if g in flagged]
    first = ax.get_xticklabels()[0].get_text()
    col = next(c for c in result.frames.columns if str(c).replace("_", " ") == first)
    share = result.frames[col] / result.frames.sum(axis=1)
    assert [share[g] for g in ranked] == sorted((share[g] for g in ranked), reverse=True)
    assert f"by their {first} share (flagged last)" in ax.get_title(loc="left").replace("\n", " ")


def test_a_wrapped_title_keeps_its_place_above_the_panels_that_say_what_hollow_means(tmp_path):
    """save_figure wraps a title wider than the figure; the share panels' title (its last line says "hollow =
    flagged") keeps its pad and stays above the panel titles instead of running into them."""
    from framelens.compare.charts.base import save_figure, style
    from framelens.compare.charts.scale import share_panels

    table = pd.DataFrame({"neutral": [9, 4, 7], "distancing": [1, 3, 2]},
                         index=["Fictional Ledger", "Fictional Courier", "Fictional Bulletin"])
    with style():
        ax = share_panels(table, ["neutral", "distancing"], {}, "A title much too long for one line: " * 4,
                          "share", "verbs", flagged={"Fictional Courier"})
    fig = ax.figure
    save_figure(fig, tmp_path / "panels", formats=("png",), close=False)
    renderer = fig.canvas.get_renderer()
    title = ax._left_title if ax.get_title(loc="left") else ax.title  # the Text of a left title has no getter
    assert title.get_text().count("\n") >= 2 and title.get_text().endswith("hollow = flagged, last")
    panel_tops = [sub.title.get_window_extent(renderer).y1 for sub in ax.child_axes]
    assert panel_tops and title.get_window_extent(renderer).y0 > max(panel_tops)


def test_sample_finding_counts_only_the_article_minimum_as_too_few_articles():
    """The Sample finding's reasons: a group flagged for its language ("2 of 3 articles") is not one with fewer
    articles than the minimum."""
    from framelens.compare.report.findings import _sample

    result = _result(["", "mostly not English (2 of 3 articles)", "1 article (< 3)"])
    result.documents = pd.DataFrame({"doc": range(5)})
    result.groups = ["g0", "g1", "g2"]
    text = "".join(seg.text for seg in _sample(result))
    assert "(1 with fewer than 3 articles, 1 mostly not in English)" in text
