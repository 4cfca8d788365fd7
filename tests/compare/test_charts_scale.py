"""Charts of many groups (issue 15): within the size limits, one neutral colour beyond ten groups, every group
labelled, flagged groups marked, no warning; drawn once each, the same files from one or two processes."""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path

import pytest

from framelens.compare import charts as C
from framelens.compare.charts.base import MANY, _limit
from framelens.compare.palette import (MAX_COLORED, NEUTRAL, OUTLET_COLORS, SOURCE_TYPE_COLORS, STANCE_COLORS,
                                       colors_identify, group_colors)

#: The report's limits at screen resolution (CSS px): inline SVG at 150 px per inch, PNG at its pixel size.
MAX_W, MAX_H = 1400, 2500
PX_PER_PT = 150 / 72

# Fictional sentences (invented towns, people and a ferry dispute), written for this test.
_SENTS = [
    "The ferry board in {town} voted on {day} to raise fares for the winter crossing.",
    "{person} said the new timetable would reportedly cut two evening sailings.",
    "Critics slammed the so-called savings plan as a giveaway to the operator.",
    "\"We clearly cannot run boats without crews,\" {person} told reporters in {town}.",
    "The harbour master claimed that the pier may have been damaged in the storm.",
    "Officials acknowledged that illegal aliens were not involved in the dispute, according to the police.",
    "Residents of {town} allegedly blocked the ramp for an hour, the council confirmed.",
    "A flood of complaints reached the radical left mayor, who insisted the budget is fair.",
    "Undocumented immigrants who work at the terminal said the night shift is unsafe.",
    "The fare rise is an economic question and a legal one, experts say.",
]
_TOWNS = ["Pellworth", "Oskaby", "Marrow Point", "Lindqvist Bay"]
_PEOPLE = ["Inge Farrelly", "Oluwaseun Brandt", "Kip Moravec"]
_DAYS = ["Monday", "Wednesday", "Saturday"]


def _rows(n_outlets: int, seed: int = 4) -> list[dict]:
    rnd = random.Random(seed)
    rows = []
    for k in range(n_outlets):
        for j in range(1 + (k % 3 == 0) * 2):  # every third outlet has three articles, the others one
            sents = [rnd.choice(_SENTS).format(town=rnd.choice(_TOWNS), person=rnd.choice(_PEOPLE),
                                               day=rnd.choice(_DAYS)) for _ in range(rnd.randint(6, 12))]
            text = "\n\n".join(" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3))
            rows.append({"id": f"f{k:02d}-{j}", "outlet": f"Ferry Gazette {k:02d}", "event": "ferry-fares",
                         "title": f"Fares and ferries {k}-{j}", "date": "2026-01-05", "text": text})
    return rows


@pytest.fixture(scope="module")
def many():
    """A 40-outlet fictional corpus compared (n_boot=100; fact alignment on its one event)."""
    import framelens
    from framelens.compare import compare

    docs = [framelens.Document(**r) for r in _rows(40)]
    return compare(framelens.analyze(docs), n_boot=100)


def _svg_px(path: Path) -> tuple[float, float]:
    head = Path(path).read_text(encoding="utf-8")[:2000]
    w = float(re.search(r'<svg[^>]*?\swidth="([0-9.]+)pt"', head).group(1))
    h = float(re.search(r'<svg[^>]*?\sheight="([0-9.]+)pt"', head).group(1))
    return w * PX_PER_PT, h * PX_PER_PT


def _png_px(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as im:
        return im.size


def test_palette_colours_only_up_to_ten_groups():
    ten = group_colors([f"g{i}" for i in range(MAX_COLORED)])
    assert sorted(ten.values()) == sorted(OUTLET_COLORS[:MAX_COLORED]) and colors_identify(ten)
    six = group_colors(["b", "a", "c", "f", "e", "d"])
    assert [six[g] for g in "abcdef"] == list(OUTLET_COLORS[:6])  # unchanged for a handful of groups
    eleven = group_colors([f"g{i}" for i in range(MAX_COLORED + 1)])
    assert set(eleven.values()) == {NEUTRAL} and not colors_identify(eleven)


def test_limit_keeps_top_and_bottom_and_counts_the_middle():
    rows, gap = _limit(list(range(70)), 60)
    assert rows[:30] == list(range(30)) and rows[30] is None and rows[31:] == list(range(40, 70)) and gap == 10
    assert _limit([1, 2, 3], 60) == ([1, 2, 3], 0)


@pytest.fixture(scope="module")
def drawn(many, tmp_path_factory):
    """The report's charts of ``many`` drawn in this process, with every progress call and every warning that
    chart_entries kept off the terminal (logged at debug level as "chart warning")."""
    import logging

    from framelens.compare.report.charts import chart_entries

    seen: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    log = logging.getLogger("framelens")
    h, level = Catch(logging.DEBUG), log.level
    log.addHandler(h)
    log.setLevel(logging.DEBUG)
    calls: list = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # outside chart_entries' capture a warning would fail here
            entries = chart_entries(many, tmp_path_factory.mktemp("drawn"), jobs=1,
                                    progress=lambda *a: calls.append(a))
    finally:
        log.removeHandler(h)
        log.setLevel(level)
    return entries, calls, [m for m in seen if m.startswith("chart warning")]


def test_forty_groups_fit_use_one_colour_label_every_group_and_warn_nothing(many, drawn):
    groups = sorted(many.documents["group"].unique())
    assert len(groups) == 40 > MANY
    assert set(many.colors.values()) == {NEUTRAL}
    entries, _calls, caught = drawn
    assert caught == []  # no warning was raised while drawing, not even one kept off the terminal
    files = {e["name"]: [Path(e["png"]), Path(e["svg"])] for e in entries if e["svg"]}
    assert {"loaded_rate", "verb_stance", "sourcing_density", "source_mix", "frames", "keyness", "positions",
            "hedges_boosters"} <= set(files)
    for name, (png, svg) in files.items():
        w, h = _svg_px(svg)
        assert w <= MAX_W and h <= MAX_H, (name, w, h)
        pw, ph = _png_px(png)
        assert pw <= MAX_W and ph <= MAX_H, (name, pw, ph)
        text = svg.read_text(encoding="utf-8").lower()
        meaning = {c.lower() for c in list(STANCE_COLORS.values()) + list(SOURCE_TYPE_COLORS.values())}
        identifying = [c for c in OUTLET_COLORS if c.lower() not in meaning | {NEUTRAL.lower()} and c.lower() in text]
        assert not identifying, (name, identifying)  # no group colour: one neutral colour and labels
    rate = files["loaded_rate"][1].read_text(encoding="utf-8")
    for g in groups:  # direct labels: every group is named on the ranked charts
        assert g in rate
    flagged = set(many.flags.loc[many.flags["flagged"], "group"])
    assert flagged and rate.count("(flagged)") == len(flagged)


def test_ranked_dot_plot_puts_flagged_groups_last_and_orders_by_the_shrunken_estimate(many):
    from framelens.compare.charts.scale import ranked_rows

    st = many.stats[many.stats["metric"] == "loaded"].set_index("group")
    rows, gap, small = ranked_rows(st, "shrunk")
    assert gap == 0 and small == set(st.index[st["flagged"].astype(bool)])
    ranked = [g for g in rows if g not in small]
    assert rows[:len(ranked)] == ranked  # flagged ones after every ranked one
    vals = [st.loc[g, "shrunk"] for g in ranked]
    assert vals == sorted(vals, reverse=True)


def test_more_rows_than_fit_show_top_and_bottom_and_say_how_many_are_left_out(tmp_path):
    import pandas as pd

    from framelens.compare.charts.scale import GAP_NOTE, dot_plot

    n = 75
    st = pd.DataFrame({"v": [float(i) for i in range(n)], "lo": [i - 0.5 for i in range(n)],
                       "hi": [i + 0.5 for i in range(n)], "flagged": [False] * n},
                      index=[f"Outlet {i:02d}" for i in range(n)])
    ax = dot_plot(st, value="v", low="lo", high="hi", note=lambda g: "", xlabel="x", title="t")
    png, svg = C.save_figure(ax.figure, tmp_path / "dots", formats=("png", "svg"))
    text = svg.read_text(encoding="utf-8")
    assert GAP_NOTE.format(k=15).replace("…", "") .strip() in text.replace("…", "")
    assert "Outlet 74" in text and "Outlet 00" in text and "Outlet 37" not in text
    assert _svg_px(svg)[1] <= MAX_H


def test_coverage_map_of_forty_articles_fits(many, tmp_path):
    from framelens.coverage.align import align_events

    res = next(iter(align_events(None, documents=many.documents, spans=many.spans, texts=many.texts,
                                 events_only=True, skip_large=True).values()))
    ax = C.coverage_map(res.facts, res.units)
    _png, svg = C.save_figure(ax.figure, tmp_path / "map")
    w, h = _svg_px(svg)
    assert w <= MAX_W and h <= MAX_H
    assert "other articles in the CSV" in svg.read_text(encoding="utf-8")


def test_chart_entries_reports_progress_and_one_or_two_processes_write_the_same_files(many, drawn, tmp_path):
    from framelens.compare.report.charts import chart_entries

    one, calls, _caught = drawn
    two = chart_entries(many, tmp_path / "two", jobs=2)
    assert [c[1] for c in calls] == list(range(1, len(one) + 1)) and {c[0] for c in calls} == {"charts"}
    for a, b in zip(one, two):
        assert a["note"] == b["note"]
        if a["svg"] is not None:
            assert Path(a["svg"]).read_bytes() == Path(b["svg"]).read_bytes(), a["name"]


def test_step_bars_open_one_bar_per_step(monkeypatch, capsys):
    from framelens.cli import _progress

    monkeypatch.setattr(_progress, "_is_tty", lambda stream: True)
    with _progress.StepBars() as bars:
        bars("compare", 0, 1)
        bars("compare", 1, 1)
        bars("charts", 10, 10)
    err = capsys.readouterr().err
    assert "compare: 100%" in err and "charts: 100%" in err and "10/10" in err
