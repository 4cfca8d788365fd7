"""The report's findings: plain sentences answering its four questions, with links to the spans they count.

A finding is a list of :class:`Seg` pieces (text, strong, em, a colour swatch, a
link), not markup: ``macros.html.j2`` renders them (escaping every text) and
:func:`plain` gives the same sentence as text for summary.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..termchoice import dominant_variants
from .articles import DocIndex
from .render import num, plural

__all__ = ["Seg", "findings", "plain", "top_group", "describe", "variant_href", "top_referent"]


@dataclass(frozen=True)
class Seg:
    """One piece of a finding: ``kind`` text | strong | em | sw (swatch of ``color``) | link (to ``href``)."""

    text: str = ""
    kind: str = "text"
    href: str | None = None
    color: str | None = None


def plain(segs: list[Seg]) -> str:
    """The finding as plain text (swatches have none)."""
    return "".join(s.text for s in segs)


def top_group(result, metric: str) -> tuple[str, dict] | None:
    """The group with the highest pooled value of ``metric`` (ties: by name), or None when nothing was counted."""
    s = result.stats[(result.stats["metric"] == metric)].dropna(subset=["pooled"])
    if s.empty or s["numerator"].sum() == 0:
        return None
    r = s.sort_values(["pooled", "group"], ascending=[False, True]).iloc[0]
    return r["group"], r.to_dict()


def describe(r: dict) -> str:
    """"3.2 per 1,000 words (95% CI 1.0–5.1); 4 in 2 articles, 1,250 words"."""
    ci = ""
    if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
        ci = f" (95% CI {num(r['ci_low'])}–{num(r['ci_high'])})"
    return (f"{num(r['pooled'])} {r['unit']}{ci}; {int(r['numerator'])} in {plural(int(r['n_docs']), 'article')}, "
            f"{int(r['words']):,} words")


def top_referent(tc) -> str:
    """The referent group with most uses in the term-choice table."""
    return tc.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]


def _variant_of(result, span: dict) -> str | None:
    tc = result.term_choice
    if not len(tc):
        return None
    m = tc[tc["entry"] == span.get("entry")]
    return None if m.empty else m["variant"].iloc[0]


def variant_href(result, docs: DocIndex, g, variant: str) -> str | None:
    """Link to the group's first use of ``variant`` in the reporter's own voice."""
    return docs.first_href(g, lambda s: s["kind"] == "loaded_term" and s.get("voice") == "author"
                           and _variant_of(result, s) == variant)


def _who(result, docs: DocIndex | None, g, pred=None) -> list[Seg]:
    """Swatch and name of group ``g`` (linked to its first span satisfying ``pred``)."""
    href = docs.first_href(g, pred) if pred is not None and docs is not None else None
    return [Seg(kind="sw", color=result.colors.get(g, "#777")), Seg(str(g), "link", href=href)]


def _is(kind: str, **fields: Any):
    return lambda s: s["kind"] == kind and all(s.get(k) == v for k, v in fields.items())


def findings(result, docs: DocIndex) -> list[list[Seg]]:
    """The findings of the report, each a list of pieces."""
    out: list[list[Seg]] = []
    top = top_group(result, "loaded")
    if top:
        g, r = top
        out.append([Seg("Most loaded terms:", "strong"), Seg(" "), *_who(result, docs, g, _is("loaded_term")),
                    Seg(f" — {describe(r)}.")])
    else:
        out.append([Seg("Loaded terms:", "strong"),
                    Seg(" no loaded term (severity ≥ 1) was found in any article.")])
    tc = result.term_choice
    if len(tc):
        ref = top_referent(tc)
        dom = dominant_variants(tc, ref, voice="author")
        segs = [Seg(f"Labels for “{ref.replace('_', ' ')}”", "strong"),
                Seg(" (the reporter's own voice; uses of the most-used variant of all uses): ")]
        for k, g in enumerate(result.groups):
            segs += ([Seg("; ")] if k else []) + _who(result, None, g) + [Seg(": ")]
            if g in dom:
                v, n, tot = dom[g]
                segs += [Seg(f"“{v}”", "link", href=variant_href(result, docs, g, v)), Seg(f" ({n} of {tot})")]
            else:
                segs.append(Seg("none in its own voice", "em"))
        out.append(segs + [Seg(".")])
    top = top_group(result, "hedges")
    if top:
        g, r = top
        low = result.stats[result.stats["metric"] == "hedges"].sort_values(["pooled", "group"]).iloc[0]
        out.append([Seg("Hedges most:", "strong"), Seg(" "), *_who(result, docs, g, _is("hedge")),
                    Seg(f" — {describe(r)}. Least: "), *_who(result, None, low["group"]),
                    Seg(f" — {describe(low.to_dict())}.")])
    top = top_group(result, "boosters")
    if top:
        g, r = top
        out.append([Seg("Boosters (certainty) most:", "strong"), Seg(" "), *_who(result, docs, g, _is("booster")),
                    Seg(f" — {describe(r)}.")])
    if len(result.sources):
        segs = [Seg("Who cites whom", "strong"), Seg(" (most-cited sources, attributions): ")]
        first = True
        for g in result.groups:
            part = result.sources[result.sources["group"] == g].head(3)
            if part.empty:
                continue
            names = ", ".join(f"{s} ({int(c)})" for s, c in zip(part["source"], part["count"]))
            segs += ([] if first else [Seg("; ")]) + _who(result, None, g) + [Seg(f": {names}")]
            first = False
        out.append(segs + [Seg(".")])
    elif len(result.stats[result.stats["metric"] == "verbs_distancing_share"]):
        out.append([Seg("Who cites whom:", "strong"),
                    Seg(" no attribution spans in this analysis (the attribution extractor did not run); see "
                        "reporting verbs and quotations below.")])
    sv = result.stats[result.stats["metric"].isin(["verbs_distancing_share", "verbs_evaluative_share"])]
    if len(sv) and sv["numerator"].sum() > 0:
        tot = sv.groupby("group")[["numerator", "denominator"]].sum()
        tot["den"] = result.stats[result.stats["metric"] == "verbs_distancing_share"].set_index("group")["denominator"]
        tot["share"] = tot["numerator"] / tot["den"].where(tot["den"] > 0)
        tot = tot.dropna(subset=["share"]).sort_values(["share"], ascending=False)
        if len(tot):
            g = tot.index[0]
            out.append([Seg("Most distancing or evaluative reporting verbs:", "strong"), Seg(" "),
                        *_who(result, docs, g, distancing_verb),
                        Seg(f" — {tot.loc[g, 'share']:.0%} of its {int(tot.loc[g, 'den'])} reporting verbs in its "
                            "own voice (claimed, insisted; slammed, blasted).")])
    return out


def distancing_verb(s: dict) -> bool:
    """A distancing or evaluative reporting verb in the reporter's own voice."""
    return s["kind"] == "report_verb" and s.get("voice") == "author" and s.get("label") in ("distancing", "evaluative")
