"""The report's findings: plain sentences answering its questions, with links to the spans they count.

A finding is a list of :class:`Seg` pieces (text, strong, em, a colour swatch, a
link), not markup: ``macros.html.j2`` renders them (escaping every text) and
:func:`plain` gives the same sentence as text for summary.md.

Every finding is made from the rows of ``result.stats`` (tables/group_stats.csv),
``result.comparisons`` (tables/comparisons.csv) and ``result.flags``, so it says
what the tables say. Rules (docs/report.md, "Findings"): a group under the
minimums (``flagged``) is never named; ranks use the shrunken estimate; every
finding gives its n; a "most" finding says whether its difference from the
runner-up survives the Benjamini-Hochberg correction; with fewer than two
unflagged groups nothing is called "most" or "least".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..termchoice import TERM_KINDS, dominant_variants
from .articles import DocIndex
from .render import num, plural

__all__ = ["Seg", "findings", "plain", "top_group", "ranked", "describe", "variant_href", "top_referent",
           "pair_test", "verbs_used", "distancing_verb"]

#: Measures named in the "most ..." findings: metric, heading, span predicate kind.
_RANKED = (("loaded", "Most loaded terms", "loaded_term"), ("hedges", "Hedges most", "hedge"),
           ("boosters", "Boosters (certainty) most", "booster"))


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


def _eligible(result) -> set[str]:
    flags = getattr(result, "flags", None)
    if flags is None or not len(flags):
        return set(result.groups)
    return set(flags.loc[~flags["flagged"].astype(bool), "group"])


def ranked(result, metric: str):
    """The stats rows of ``metric`` for the unflagged groups, highest shrunken estimate first (ties: by name).

    Falls back to the raw pooled value for a stats table without a ``shrunk`` column.
    """
    s = result.stats[result.stats["metric"] == metric]
    s = s[s["group"].isin(_eligible(result))]
    key = "shrunk" if "shrunk" in s.columns else "pooled"
    s = s.dropna(subset=[key])
    return s.sort_values([key, "group"], ascending=[False, True])


def top_group(result, metric: str) -> tuple[str, dict] | None:
    """The unflagged group ranked first on ``metric`` (highest shrunken estimate), or None when fewer than two
    groups are unflagged or nothing was counted in them."""
    s = ranked(result, metric)
    if len(s) < 2 or s["numerator"].sum() == 0:
        return None
    r = s.iloc[0]
    return r["group"], r.to_dict()


def _ci_method(r: dict) -> str:
    m = str(r.get("ci_method", ""))
    if m.startswith("bootstrap"):
        return "bootstrap over articles"
    if "dispersion" in m:
        return "NB1 interval"
    return m or "no interval"


def describe(r: dict) -> str:
    """"shrunken 3.0 per 1,000 words (95% 1.9–4.4); raw 3.2 (95% CI 1.0–5.1, bootstrap over articles); 4 in 2
    articles, 1,250 words"."""
    ci = ""
    if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
        ci = f" (95% CI {num(r['ci_low'])}–{num(r['ci_high'])}, {_ci_method(r)})"
    shr = ""
    if "shrunk" in r and not math.isnan(r["shrunk"]):
        shr = f"shrunken {num(r['shrunk'])} {r['unit']} (95% {num(r['shrunk_low'])}–{num(r['shrunk_high'])}); raw "
        raw = f"{num(r['pooled'])}{ci}"
    else:
        raw = f"{num(r['pooled'])} {r['unit']}{ci}"
    return f"{shr}{raw}; {int(r['numerator'])} in {plural(int(r['n_docs']), 'article')}, {int(r['words']):,} words"


def pair_test(result, metric: str, a: str, b: str) -> dict | None:
    """The pairwise test of ``metric`` between groups ``a`` and ``b`` (either order), or None."""
    c = getattr(result, "comparisons", None)
    if c is None or not len(c):
        return None
    m = c[(c["test"] == "pair") & (c["metric"] == metric)
          & (((c["a"] == a) & (c["b"] == b)) | ((c["a"] == b) & (c["b"] == a)))]
    return None if m.empty else m.iloc[0].to_dict()


def _noise(result, metric: str, a: str, b: str, what: str = "the difference") -> str:
    t = pair_test(result, metric, a, b)
    if t is None:
        return f"{what} was not tested"
    p = f"Mann-Whitney U, Benjamini-Hochberg adjusted p = {t['p_adjusted']:.2g}"
    if t["significant"]:
        rr = ""
        if not math.isnan(t["rate_ratio"]):
            rr = f", rate ratio {t['rate_ratio']:.2f} (95% {t['rr_low']:.2f}–{t['rr_high']:.2f})"
        return f"{what} holds up after correction ({p}; Cliff's delta {t['cliffs_delta']:+.2f}{rr})"
    return f"{what} is within noise ({p})"


def top_referent(tc) -> str:
    """The referent view with most uses in the term-choice table."""
    return tc.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]


def _variant_of(result, span: dict) -> str | None:
    tc = result.term_choice
    if not len(tc):
        return None
    m = tc[tc["entry"] == span.get("entry")]
    return None if m.empty else m["variant"].iloc[0]


def variant_href(result, docs: DocIndex, g, variant: str) -> str | None:
    """Link to the group's first use of ``variant`` in the reporter's own voice."""
    return docs.first_href(g, lambda s: s["kind"] in TERM_KINDS and s.get("voice") == "author"
                           and _variant_of(result, s) == variant)


def _who(result, docs: DocIndex | None, g, pred=None) -> list[Seg]:
    """Swatch and name of group ``g`` (linked to its first span satisfying ``pred``)."""
    href = docs.first_href(g, pred) if pred is not None and docs is not None else None
    return [Seg(kind="sw", color=result.colors.get(g, "#777")), Seg(str(g), "link", href=href)]


def _is(kind: str, **fields: Any):
    return lambda s: s["kind"] == kind and all(s.get(k) == v for k, v in fields.items())


def distancing_verb(s: dict) -> bool:
    """A distancing or evaluative reporting verb in the reporter's own voice."""
    return s["kind"] == "report_verb" and s.get("voice") == "author" and s.get("label") in ("distancing", "evaluative")


def verbs_used(result, g) -> tuple[list[str], list[str]]:
    """The distancing and the evaluative reporting verbs group ``g`` used in its own voice (lower-cased surface
    forms, most used first)."""
    sp = result.spans
    if not len(sp) or "label" not in sp.columns:
        return [], []
    ids = set(result.documents.loc[result.documents["group"] == g, "id"])
    rv = sp[(sp["kind"] == "report_verb") & (sp["voice"] == "author") & sp["doc_id"].isin(ids)]
    out = []
    for label in ("distancing", "evaluative"):
        words = rv.loc[rv["label"] == label, "text"].astype(str).str.lower()
        out.append(list(words.value_counts().sort_index().sort_values(ascending=False, kind="mergesort").index))
    return out[0], out[1]


# ---------------------------------------------------------------------------------------------------------------
# the findings, one function each


def _sample(result) -> list[Seg]:
    flags = getattr(result, "flags", None)
    p = result.parameters
    n = len(result.documents)
    groups = len(result.groups)
    segs = [Seg("Sample:", "strong"), Seg(f" {plural(n, 'article')} in {plural(groups, 'group')} by {result.by}")]
    if flags is None or not len(flags):
        return segs + [Seg(".")]
    bad = flags[flags["flagged"].astype(bool)]
    ok = groups - len(bad)
    segs.append(Seg(f"; {ok} meet the minimums ({plural(int(p.get('min_articles', 0)), 'article')} and "
                    f"{int(p.get('min_words', 0)):,} words) and are ranked by their shrunken estimate"))
    if len(bad):
        why = []
        reasons = bad["flag_reason"].astype(str)
        few = int(reasons.str.contains(r"articles? \(<", regex=True).sum())  # not "mostly not English (2 of 3 articles)"
        short = int(reasons.str.contains("words \\(<", regex=True).sum())
        lang = int(reasons.str.contains("not English").sum())
        blank = int(reasons.str.contains("no group value").sum())
        if few:
            why.append(f"{few} with fewer than {plural(int(p.get('min_articles', 0)), 'article')}")
        if short:
            why.append(f"{short} under {int(p.get('min_words', 0)):,} words")
        if lang:
            why.append(f"{lang} mostly not in English")
        if blank:
            why.append(f"{blank} made of articles without a value of {result.by}")
        segs.append(Seg(f"; {len(bad)} "))
        segs.append(Seg("flagged", "em"))
        segs.append(Seg(f" as unable to support a finding ({', '.join(why)}): shown in the tables and charts, "
                        "never ranked or named here"))
    shorts = int(result.documents["short_text"].sum()) if "short_text" in result.documents else 0
    if shorts:
        segs.append(Seg(f". {plural(shorts, 'article')} under {int(p.get('short_words', 0)):,} words "
                        f"(excerpts or briefs) {'is' if shorts == 1 else 'are'} marked short_text in "
                        "tables/documents.csv"))
    return segs + [Seg(".")]


def _tests(result) -> list[Seg]:
    c = getattr(result, "comparisons", None)
    if c is None:
        return []
    if not len(c):
        return [Seg("Tests:", "strong"), Seg(" none — fewer than two groups meet the minimums, so no difference "
                                             "between groups can be told from noise.")]
    pairs = c[c["test"] == "pair"]
    alls = c[c["test"] == "all groups"]
    measures = c["metric"].nunique()
    sig_p = int(pairs["significant"].sum())
    sig_a = int(alls["significant"].sum())
    q = result.parameters.get("fdr", 0.05)
    return [Seg("Tests:", "strong"),
            Seg(f" {len(pairs)} pairwise comparisons (Mann-Whitney U on per-article rates, {measures} measures) and "
                f"{len(alls)} all-groups tests (Kruskal-Wallis), Benjamini-Hochberg corrected (false-discovery rate "
                f"{q:.0%}) within each family: {sig_p} of {len(pairs)} pairwise and {sig_a} of {len(alls)} "
                "all-groups differences hold up; the others are within noise. Every test: tables/comparisons.csv.")]


def _most(result, docs, metric: str, heading: str, kind: str, least: bool = False) -> list[Seg] | None:
    s = ranked(result, metric)
    if s.empty:
        return None
    if len(s) < 2:
        r = s.iloc[0].to_dict()
        return [Seg(f"{heading.split(' most')[0].replace('Most ', '').capitalize()}:", "strong"),
                Seg(" only one group meets the minimums, so there is no comparison: "),
                *_who(result, docs, r["group"], _is(kind)), Seg(f" — {describe(r)}.")]
    if s["numerator"].sum() == 0:
        return [Seg(f"{heading}:", "strong"), Seg(f" none found in the {len(s)} groups that meet the minimums.")]
    top, second = s.iloc[0].to_dict(), s.iloc[1].to_dict()
    segs = [Seg(f"{heading}", "strong"), Seg(" (ranked by shrunken estimate): "),
            *_who(result, docs, top["group"], _is(kind)), Seg(f" — {describe(top)}. Next: "),
            *_who(result, None, second["group"]),
            Seg(f", shrunken {num(second.get('shrunk', second['pooled']))} (n = {plural(int(second['n_docs']), 'article')}); "
                + _noise(result, metric, top["group"], second["group"]) + ".")]
    if least and len(s) > 2:
        low = s.iloc[-1].to_dict()
        segs += [Seg(" Least: "), *_who(result, None, low["group"]), Seg(f" — {describe(low)}; "
                 + _noise(result, metric, top["group"], low["group"], "the gap from the most") + ".")]
    return segs


def _labels(result, docs) -> list[Seg] | None:
    tc = result.term_choice
    if not len(tc):
        return None
    ok = _eligible(result)
    ref = top_referent(tc)
    dom = dominant_variants(tc, ref, voice="author")
    shown = [g for g in result.groups if g in ok]
    segs = [Seg(f"Labels for “{ref.replace('_', ' ')}”", "strong"),
            Seg(" (the reporter's own voice; uses of the most-used variant of all uses): ")]
    if not shown:
        return segs + [Seg("no group meets the minimums; see the term-choice table.")]
    for k, g in enumerate(shown):
        segs += ([Seg("; ")] if k else []) + _who(result, None, g) + [Seg(": ")]
        if g in dom:
            v, n, tot = dom[g]
            segs += [Seg(f"“{v}”", "link", href=variant_href(result, docs, g, v)), Seg(f" ({n} of {tot})")]
        else:
            segs.append(Seg("none in its own voice", "em"))
    hidden = len(result.groups) - len(shown)
    tail = f" ({hidden} flagged group{'s' if hidden != 1 else ''} in the term-choice table only)" if hidden else ""
    return segs + [Seg(tail + ".")]


def _sources(result) -> list[Seg] | None:
    if len(result.sources):
        ok = _eligible(result)
        segs = [Seg("Who cites whom", "strong"), Seg(" (most-cited sources, attributions; groups that meet the "
                                                     "minimums): ")]
        first = True
        for g in result.groups:
            if g not in ok:
                continue
            part = result.sources[result.sources["group"] == g].head(3)
            if part.empty:
                continue
            n_att = int(result.sources.loc[result.sources["group"] == g, "count"].sum())
            names = ", ".join(f"{s} ({int(c)})" for s, c in zip(part["source"], part["count"]))
            segs += ([] if first else [Seg("; ")]) + _who(result, None, g) + [Seg(f": {names} of {n_att}")]
            first = False
        return None if first else segs + [Seg(".")]
    if len(result.stats[result.stats["metric"] == "verbs_distancing_share"]):
        return [Seg("Who cites whom:", "strong"),
                Seg(" no attribution spans in this analysis (the attribution extractor did not run); see "
                    "reporting verbs and quotations below.")]
    return None


def _verbs(result, docs) -> list[Seg] | None:
    metric = "verbs_distancing_evaluative_share"
    s = ranked(result, metric)
    s = s[s["denominator"] > 0]
    if len(s) < 2 or s["numerator"].sum() == 0:
        return None
    r, nxt = s.iloc[0].to_dict(), s.iloc[1].to_dict()
    g = r["group"]
    dist, ev = verbs_used(result, g)
    used = "; ".join(x for x in (", ".join(dist), ", ".join(ev)) if x)
    return [Seg("Most distancing or evaluative reporting verbs", "strong"), Seg(" (ranked by shrunken share): "),
            *_who(result, docs, g, distancing_verb),
            Seg(f" — {int(r['numerator'])} of its {int(r['denominator'])} reporting verbs in its own voice "
                f"({r['pooled']:.0f}%, shrunken {r['shrunk']:.0f}%; {plural(int(r['n_docs']), 'article')})"
                + (f": {used}" if used else "") + ". Next: "),
            *_who(result, None, nxt["group"]),
            Seg(f", shrunken {nxt['shrunk']:.0f}%; " + _noise(result, metric, g, nxt["group"]) + ".")]


def _language(result) -> list[Seg] | None:
    d = result.documents
    if "language_warning" not in d or not d["language_warning"].fillna(False).astype(bool).any():
        return None
    bad = d[d["language_warning"].fillna(False).astype(bool)]
    from ...text.language import MIN_ENGLISH_SHARE

    items = ", ".join(f"{i} ({s:.0%})" for i, s in zip(bad["id"].head(10), bad["english_share"].head(10)))
    more = f" and {len(bad) - 10} more" if len(bad) > 10 else ""
    return [Seg("Language check:", "strong"),
            Seg(f" {len(bad)} of {plural(len(d), 'article')} may not be in English (under {MIN_ENGLISH_SHARE:.0%} "
                f"common English function words): {items}{more}. The lexicons are English, so their near-zero "
                "counts are not evidence of neutral language.")]


def _data_notes(result) -> list[list[Seg]]:
    out = []
    p = result.parameters
    blank = int(p.get("blank_group_values", 0) or 0)
    if blank:
        out.append([Seg("Missing group values:", "strong"),
                    Seg(f" {plural(blank, 'article')} have no value of {result.by}; they are kept together as a "
                        "flagged group of their own, not merged into any group.")])
    join = getattr(result, "groups_join", None) or {}
    if join:
        um = join.get("unmatched", [])
        where = f" ({join['file']})" if join.get("file") else ""
        segs = [Seg("Group table:", "strong"),
                Seg(f" joined on {join['key']}{where}: {join['matched']} of {plural(len(result.documents), 'article')} "
                    f"matched")]
        if um:
            if join["key"] == result.by:
                segs.append(Seg(f"; {len(um)} {join['key']} value(s) have no row (listed under Method and limits)"))
            else:
                names = ", ".join(x or "(blank)" for x in um[:15]) + (f" and {len(um) - 15} more" if len(um) > 15 else "")
                segs.append(Seg(f"; {len(um)} {join['key']} value(s) have no row: {names}"))
        out.append(segs + [Seg(".")])
    dup = p.get("duplicates") or {}
    if isinstance(dup, dict) and dup.get("found"):
        what = {"drop": "dropped before counting", "flag": "kept in the counts, flagged",
                "credit": "counted under the original's outlet"}.get(dup.get("policy"), "flagged")
        out.append([Seg("Reposts and excerpts:", "strong"),
                    Seg(f" {plural(int(dup['found']), 'article')} {'is a near-copy' if dup['found'] == 1 else 'are near-copies'}"
                        f" of another ({int(dup.get('excerpts', 0))} found as excerpts by containment), {what} "
                        "(tables/duplicates.csv).")])
    return out


def findings(result, docs: DocIndex) -> list[list[Seg]]:
    """The findings of the report, each a list of pieces (see the module docstring for the rules).

    Parameters
    ----------
    result : CompareResult
    docs : DocIndex
        For the links to the first span each finding counts.

    Returns
    -------
    list of list of Seg
    """
    out: list[list[Seg]] = [_sample(result)]
    tests = _tests(result)
    if tests:
        out.append(tests)
    s = result.stats[result.stats["metric"] == "loaded"]
    if not len(s) or s["numerator"].sum() == 0:
        out.append([Seg("Loaded terms:", "strong"), Seg(" no loaded term (severity ≥ 1) was found in any article.")])
    else:
        out.append(_most(result, docs, "loaded", "Most loaded terms", "loaded_term")
                   or [Seg("Loaded terms:", "strong"),
                       Seg(" no group meets the minimums, so no group is named; see the At a glance table.")])
    for item in (_labels(result, docs), _most(result, docs, "hedges", "Hedges most", "hedge", least=True),
                 _most(result, docs, "boosters", "Boosters (certainty) most", "booster"), _sources(result),
                 _verbs(result, docs), _language(result)):
        if item:
            out.append(item)
    return out + _data_notes(result)
