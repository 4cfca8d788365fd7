"""Same facts, different words (framelens.align): the fact-by-article section, its files, and the page of
``framelens align``."""

from __future__ import annotations

import datetime as _dt
import json
import logging
import math
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup

from ..._version import __version__
from ...coverage.align import TOP_UNITS, top_units
from ...io.atomic import atomic_write_text
from ...io.safecsv import write_csv
from .charts import inline_svg
from .markdown import alignment_markdown
from .render import page, render, static_text
from .tables import jsonable

__all__ = ["alignment_html", "write_alignment_files", "write_alignment_report", "alignment_section"]

log = logging.getLogger("framelens")

_VOICES = {"reporter": "reporter's statement", "attributed": "attributed claim", "quotation": "quotation"}


def _cut(text: Any, width: int) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= width else t[: width - 1] + "…"


def _fmt_pos(r) -> str:
    if r is None or not bool(r.get("present")):
        return "–"
    if bool(r.get("lede")):
        return "lede"
    pos = r.get("position")
    return "–" if pos is None or (isinstance(pos, float) and math.isnan(pos)) else f"{float(pos):.0%}"


def _pieces(marked) -> list[tuple[str, bool]]:
    """(text, differs) pieces of a version compared with the label version."""
    if isinstance(marked, str):
        marked = json.loads(marked)
    return [(str(t), bool(c)) for t, c in marked]


def _version_meta(v: dict, s: dict) -> str:
    bits = [f"sentence {int(s['sentence'])}", "lede" if s.get("lede") else f"at {float(s['position']):.0%}"
            + (" (last third)" if s.get("buried") else ""), _VOICES.get(str(s.get("voice")), str(s.get("voice")))]
    if v.get("source") is not None and isinstance(v.get("source"), str):
        cue = f" — “{v['cue']}”" if isinstance(v.get("cue"), str) else ""
        st = f" ({v['stance']})" if isinstance(v.get("stance"), str) else ""
        bits.append(f"source: {v['source']}{cue}{st}")
    for key in ("loaded", "hedges", "boosters", "verbs"):
        if isinstance(v.get(key), str) and v[key]:
            bits.append(f"{key}: {v[key]}")
    return " · ".join(bits)


#: Above this many articles an event's fact table lists the outlets carrying each fact instead of one column
#: per article, unit boxes show only the versions (absent articles in one line), and no coverage map is drawn.
MAX_GRID_DOCS = 12
#: links to omitted core facts listed per outlet in the coverage table (the rest are counted: "and N more").
MAX_OMITTED_LINKS = 4
#: fact units shown open per event when the event is small enough for the grid (the others are one line each).
OPEN_UNITS = 3
#: Events shown in full in the compare report (those with the most articles); the others get one table row.
MAX_EVENTS = 12


def _names(names: list[str], width: int = 8) -> str:
    """At most ``width`` names, then "and n more"."""
    names = list(names)
    head = ", ".join(names[:width])
    return head + (f" and {len(names) - width} more" if len(names) > width else "")


def alignment_html(res, colors: dict[str, str], *, key: str = "e1", chart_png: Path | None = None,
                   doc_href: Callable[[str], str | None] | None = None, max_units: int | None = TOP_UNITS,
                   css: bool = True) -> Markup:
    """HTML of one event's fact alignment, bounded in size: the per-outlet summary of core facts, and the
    ``max_units`` most unevenly carried shared facts (:func:`framelens.coverage.align.top_units`) as a
    clickable fact table and side-by-side versions with the differing words marked; every other unit is
    only in the CSV tables. Anchors: ``{key}-{unit}`` for a unit, ``{key}-{unit}-d{k}`` for its version in
    the k-th document. All text is escaped (``alignment.html.j2``).

    Parameters
    ----------
    res : AlignResult
    colors : dict
        Outlet -> colour.
    key : str
        Prefix of the anchors.
    chart_png : Path, optional
        The coverage map (its ``.svg`` sibling is embedded inline).
    doc_href : callable, optional
        Doc id -> link to the highlighted article (the compare report).
    max_units : int or None
        Shared units shown (None: all of them).
    css : bool
        Include the section's stylesheet (once per page is enough).
    """
    docs = list(res.documents["doc_id"])
    outlet = dict(zip(res.documents["doc_id"], res.documents["outlet"]))
    grid = len(docs) <= MAX_GRID_DOCS
    facts = {(r["unit"], r["doc_id"]): r for r in res.facts.to_dict("records")}
    sents = res.sentences[res.sentences["unit"].notna()]
    phr = {(r["unit"], r["doc_id"], int(r["sentence"])): r for r in res.phrasing.to_dict("records")}
    units = res.units
    shared = units[units["n_outlets"] >= 2] if len(units) else units
    shown = top_units(units, max_units)
    shown_ids = set(shown["unit"])
    n_outlets = len(set(outlet.values()))
    columns = [{"outlet": outlet[d], "color": colors.get(outlet[d]), "short": _cut(outlet[d], 22)} for d in docs]
    cover = []
    for r in res.coverage.to_dict("records"):
        omitted = [u for u in str(r["omitted_units"]).split(";") if u]
        listed = [u for u in omitted if u in shown_ids][:MAX_OMITTED_LINKS]  # one short line per outlet
        cover.append({**r, "color": colors.get(r["outlet"]), "omitted_shown": listed,
                      "omitted_more": len(omitted) - len(listed)})
    fact_rows = []
    for u in shown.to_dict("records"):
        cells = []
        for k, d in enumerate(docs if grid else []):
            f = facts.get((u["unit"], d))
            on = f is not None and bool(f["present"])
            cells.append({"on": on, "k": k, "color": colors.get(outlet[d], "#ccc"), "pos": _fmt_pos(f) if on else ""})
        fact_rows.append({"unit": u["unit"], "label": _cut(u["label"], 110), "cells": cells, "core": bool(u["core"]),
                          "n_outlets": int(u["n_outlets"]), "unevenness": f"{u['unevenness']:.2f}",
                          "outlets": _names(str(u["outlets"]).split("; "))})
    unit_boxes = []
    for u in shown.to_dict("records"):
        mine = sents[sents["unit"] == u["unit"]]
        boxes, absent = [], []
        for k, d in enumerate(docs):
            part = mine[mine["doc_id"] == d].sort_values("sentence")
            versions = []
            for s in part.to_dict("records"):
                v = phr.get((u["unit"], d, int(s["sentence"])), {})
                pieces = _pieces(v["marked"]) if v.get("marked") is not None else [(str(s["text"]), False)]
                versions.append({"pieces": pieces, "meta": _version_meta(v, s)})
            if versions or grid:
                boxes.append({"k": k, "outlet": outlet[d], "color": colors.get(outlet[d], "#777"),
                              "versions": versions, "href": doc_href(d) if doc_href and versions else None})
            else:
                absent.append(outlet[d])
        unit_boxes.append({"unit": u["unit"], "label": _cut(u["label"], 160), "n_docs": u["n_docs"],
                           "n_outlets": int(u["n_outlets"]), "cohesion": f"{u['cohesion']:.2f}", "boxes": boxes,
                           "absent": _names(list(dict.fromkeys(absent)), 12)})
    chart = None
    if grid and chart_png is not None and Path(chart_png).with_suffix(".svg").is_file():
        chart = inline_svg(Path(chart_png).with_suffix(".svg"))
    core_min = int(res.coverage["core_min"].iloc[0]) if len(res.coverage) else 2
    return render("alignment.html.j2", css=Markup(static_text("align.css")) if css else None, key=key,
                  event=res.event if res.event is not None else "(all documents)", n_docs=len(docs),
                  n_outlets=n_outlets, n_units=len(units), n_shared=len(shared), n_core=int(units["core"].sum())
                  if len(units) else 0, core_min=core_min, threshold=res.parameters.get("threshold"), chart=chart,
                  cover=cover, columns=columns if grid else [], grid=grid, fact_rows=fact_rows, units=unit_boxes,
                  open_units=OPEN_UNITS,
                  more=len(shared) - len(shown), n_single=int((units["n_outlets"] < 2).sum()) if len(units) else 0)


def write_alignment_files(alignments: dict, out: Path, colors: dict[str, str], *, tables_dir: Path | None = None,
                          charts_dir: Path | None = None, formats=("csv",), charts: bool = True,
                          top: int | None = TOP_UNITS, chart_events=None) -> tuple[list[Path], dict]:
    """Write facts/units/coverage/phrasing/sentences tables (all events together, with an ``event`` column,
    every unit) and a coverage-map chart of the ``top`` most unevenly carried units of each event in
    ``chart_events`` (None: every event) with at most :data:`MAX_GRID_DOCS` articles (none with
    ``charts=False``). Returns (files, {event: png path or None})."""
    import pandas as pd

    from .. import charts as C

    out = Path(out)
    tables_dir = tables_dir or out
    charts_dir = charts_dir or out / "charts"
    files: list[Path] = []
    pngs: dict = {}
    multi = len(alignments) > 1
    for k, (ev, res) in enumerate(alignments.items(), 1):
        if not charts or len(res.documents) > MAX_GRID_DOCS or (chart_events is not None and ev not in chart_events):
            pngs[ev] = None
            continue
        try:
            ax = C.coverage_map(res.facts, top_units(res.units, top), colors)
        except C.NoData as exc:
            log.info("coverage map of event %s not drawn: %s", ev, exc)
            pngs[ev] = None
            continue
        stem = charts_dir / (f"coverage_map_{k}" if multi else "coverage_map")
        paths = C.save_figure(ax.figure, stem, caption=f"Event {ev}: the most unevenly carried fact units "
                              f"(rows, in order of first report) x articles; cell = position of the first version (L = lede), "
                              f"bold frame = last third; – = not reported. framelens.align, threshold "
                              f"{res.parameters.get('threshold')}.")
        files += paths
        pngs[ev] = paths[0]

    def cat(attr, add_event=True):
        frames = []
        for ev, res in alignments.items():
            df = getattr(res, attr).copy()
            if add_event and "event" not in df.columns:
                df.insert(0, "event", ev)
            frames.append(df)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    tables = {"facts": cat("facts", add_event=False), "fact_units": cat("units"), "fact_coverage": cat("coverage"),
              "fact_phrasing": cat("phrasing"), "fact_sentences": cat("sentences")}
    tables_dir.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df = jsonable(df)
        for c in ("present", "lede", "buried", "aligned", "central", "reference"):
            if c in df.columns and df[c].dtype == bool:  # the facts.csv contract: true/false
                df[c] = df[c].map({True: "true", False: "false"})
        if "csv" in formats:
            p = tables_dir / f"{name}.csv"
            write_csv(df, p)
            files.append(p)
    return files, pngs


def write_alignment_report(alignments: dict, out, *, title: str | None = None, colors: dict[str, str] | None = None,
                           top: int | None = TOP_UNITS) -> list[Path]:
    """The output folder of ``framelens align``: facts.csv (the contract), units.csv, coverage.csv,
    phrasing.csv, sentences.csv, charts/coverage_map*.png/svg and a self-contained index.html showing the
    ``top`` most unevenly carried shared units of each event (None: all)."""
    from ..palette import group_colors

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    colors = colors or group_colors({o for r in alignments.values() for o in r.documents["outlet"]})
    files, pngs = write_alignment_files(alignments, out, colors, top=top)
    renames = {"fact_units": "units", "fact_coverage": "coverage", "fact_phrasing": "phrasing",
               "fact_sentences": "sentences"}
    final = []
    for p in files:
        stem = Path(p).stem
        if Path(p).suffix == ".csv" and stem in renames:
            target = Path(p).with_name(renames[stem] + ".csv")
            Path(p).replace(target)
            final.append(target)
        else:
            final.append(Path(p))
    title = title or "framelens: same facts, different words"
    sections = [alignment_html(res, colors, key=f"e{k}", chart_png=pngs.get(ev), max_units=top, css=k == 1)
                for k, (ev, res) in enumerate(alignments.items(), 1)]
    body = render("alignment_page.html.j2", title=title, n=len(alignments), date=_dt.date.today().isoformat(),
                  version=__version__, events=list(alignments), sections=sections)
    atomic_write_text(out / "index.html", page(title, body))
    final.append(out / "index.html")
    return final


def _shown_events(alignments: dict, n: int = MAX_EVENTS) -> list:
    """The events shown in full: the ``n`` with the most articles (ties: more fact units shared, then name)."""
    ranked = sorted(alignments, key=lambda ev: (-len(alignments[ev].documents),
                                                -int((alignments[ev].units["n_outlets"] >= 2).sum()), str(ev)))
    return ranked[:n]


def alignment_section(result, out: Path, doc_href: Callable[[str], str | None], *, charts: bool = True,
                      top: int | None = TOP_UNITS, max_events: int = MAX_EVENTS) -> tuple[Markup, list[Path], str]:
    """The compare report's "Same facts" section (HTML, files written, Markdown); empty when no event is shared.

    Its size is bounded: the ``max_events`` events with the most articles are shown, each with its
    ``top`` most unevenly carried shared facts; the other events get one row of a summary table, and
    every unit of every event is in the tables (``tables/facts.csv``, ``tables/fact_units.csv``).
    ``charts=False``: no coverage map."""
    alignments = getattr(result, "alignment", None) or {}
    if not alignments:
        return Markup(""), [], ""
    colors = result.colors if result.by == "outlet" else None
    if colors is None:
        from ..palette import group_colors

        colors = group_colors({o for r in alignments.values() for o in r.documents["outlet"]})
    shown = _shown_events(alignments, max_events)
    files, pngs = write_alignment_files(alignments, out, colors, tables_dir=out / "tables", charts_dir=out / "charts",
                                        formats=("csv",), charts=charts, top=top, chart_events=set(shown))
    keys = {ev: f"facts-e{k}" for k, ev in enumerate(alignments, 1)}
    parts = [alignment_html(alignments[ev], colors, key=keys[ev], chart_png=pngs.get(ev), doc_href=doc_href,
                            max_units=top, css=i == 0) for i, ev in enumerate(shown)]
    rest = [{"event": ev, "key": keys[ev], "n_docs": len(r.documents), "n_outlets": r.documents["outlet"].nunique(),
             "n_units": len(r.units), "n_shared": int((r.units["n_outlets"] >= 2).sum()),
             "n_core": int(r.units["core"].sum())} for ev, r in alignments.items() if ev not in set(shown)]
    html = render("alignment_section.html.j2", n_events=len(alignments), shown=len(shown), parts=parts, rest=rest)
    return html, files, alignment_markdown(alignments)
