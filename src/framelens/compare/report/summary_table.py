"""The "At a glance" table: one row per group, every number linked to the first span it counts."""

from __future__ import annotations

import math
from typing import Any, Callable

from markupsafe import Markup

from ..termchoice import dominant_variants
from .articles import DocIndex
from .findings import distancing_verb, top_group, top_referent, variant_href
from .render import num, render

__all__ = ["stat_cell", "summary_table"]


def stat_cell(result, docs: DocIndex, g, metric: str, pred: Callable | None = None, digits: int = 1,
              top: bool = False) -> dict[str, Any]:
    """One statistic of a group as a table cell: value (linked), interval and count."""
    r = result.stat(g, metric)
    if r is None:
        return {"kind": "stat", "missing": True, "top": top}
    ci = None
    if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
        ci = f"[{num(r['ci_low'], digits)}–{num(r['ci_high'], digits)}] · {int(r['numerator'])}×"
    else:
        ci = f"{int(r['numerator'])}×"
    shrunk = r.get("shrunk")
    shrunk = None if shrunk is None or math.isnan(shrunk) else num(shrunk, digits)
    return {"kind": "stat", "missing": False, "value": num(r["pooled"], digits), "v": r["pooled"], "ci": ci,
            "metric": metric,
            "group": g, "top": top, "href": docs.first_href(g, pred) if pred else None, "shrunk": shrunk}


def _kind(kind: str, author: bool = False):
    return lambda s: s["kind"] == kind and (not author or s.get("voice") == "author")


def summary_table(result, docs: DocIndex) -> Markup:
    """The table as HTML (``summary_table.html.j2``)."""
    tc = result.term_choice
    ref, dom = None, {}
    if len(tc):
        ref = top_referent(tc)
        dom = dominant_variants(tc, ref, voice="author")
    has_attr = "attributions" in result.documents.columns
    fl = getattr(result, "flags", None)
    flags = ({} if fl is None or not len(fl)
             else dict(zip(fl["group"], fl["flag_reason"].where(fl["flagged"].astype(bool), ""))))
    top = {m: (top_group(result, m) or (None,))[0] for m in ("loaded", "loaded_author", "hedges", "boosters")}
    rows = []
    for g in result.groups:
        sub = result.documents[result.documents["group"] == g]
        cells: list[dict[str, Any]] = [
            stat_cell(result, docs, g, "loaded", _kind("loaded_term"), top=top["loaded"] == g),
            stat_cell(result, docs, g, "loaded_author", _kind("loaded_term", True), top=top["loaded_author"] == g)]
        if g in dom:
            v, k, tot = dom[g]
            cells.append({"kind": "variant", "variant": v, "href": variant_href(result, docs, g, v),
                          "note": f"{k} of {tot}"})
        else:
            cells.append({"kind": "variant", "variant": None})
        cells.append(stat_cell(result, docs, g, "hedges", _kind("hedge"), top=top["hedges"] == g))
        cells.append(stat_cell(result, docs, g, "boosters", _kind("booster"), top=top["boosters"] == g))
        rd = result.stat(g, "verbs_distancing_evaluative_share") or result.stat(g, "verbs_distancing_share")
        re_ = None if rd and rd["metric"] == "verbs_distancing_evaluative_share" else result.stat(g, "verbs_evaluative_share")
        if rd and rd["denominator"] > 0:
            k = int(rd["numerator"] + (re_["numerator"] if re_ else 0))
            n = int(rd["denominator"])
            cells.append({"kind": "verbs", "value": f"{k / n:.0%}", "v": k / n,
                          "href": docs.first_href(g, distancing_verb),
                          "note": f"{k} of {n} verbs"})
        else:
            cells.append({"kind": "verbs", "value": None})
        if has_attr:
            cells.append(stat_cell(result, docs, g, "attributions", _kind("attribution")))
            part = result.sources[result.sources["group"] == g].head(2) if len(result.sources) else []
            names = ", ".join(f"{s} ({int(c)})" for s, c in zip(part["source"], part["count"])) if len(part) else "–"
            cells.append({"kind": "text", "text": names})
        else:
            cells.append(stat_cell(result, docs, g, "quotes", _kind("quote")))
        flag = flags.get(g, "")
        rows.append({"group": g, "color": result.colors.get(g, "#777"), "n": len(sub),
                     "words": int(sub["words"].sum()), "cells": cells, "flag": flag,
                     "short": int(sub["short_text"].sum()) if "short_text" in sub else 0,
                     "non_english": int(sub["language_warning"].sum()) if "language_warning" in sub else 0})
    p = result.parameters
    return render("summary_table.html.j2", by=result.by, referent=(ref or "referent").replace("_", " "),
                  has_attr=has_attr, rows=rows, n_flagged=sum(1 for r in rows if r["flag"]),
                  min_articles=p.get("min_articles"), min_words=p.get("min_words"))
