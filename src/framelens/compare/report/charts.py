"""The report's charts: which are drawn, their captions (from the run's parameters), and inline SVG.

Each chart is written to ``charts/<name>.png`` and ``.svg``; the page embeds the
SVG inline (text stays text, about a quarter of a base64 PNG's size). A chart
whose data is absent gets a note saying why instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup

from .. import charts as C
from ..termchoice import term_choice_matrix
from .findings import top_referent

__all__ = ["chart_entries", "inline_svg", "ci_note", "flag_note"]


#: Screen pixels per point of a chart: the charts used to be 150-dpi PNGs shown at their natural size, and
#: the inline SVGs keep that size (a point is 1/72 inch).
PX_PER_PT = 150 / 72


def inline_svg(path: str | Path) -> dict[str, Any]:
    """An SVG file written by matplotlib (which escapes the text it draws) for embedding in a page: ``svg``,
    the markup without its XML prolog, and ``width``, the width to show it at (CSS pixels)."""
    src = Path(path).read_text(encoding="utf-8")
    root = src[src.index("<svg"):].strip()
    m = re.match(r'<svg[^>]*?\swidth="([0-9.]+)pt"', root)
    return {"svg": Markup(root), "width": round(float(m.group(1)) * PX_PER_PT) if m else None}


def ci_note(result) -> str:
    """How the intervals were computed, from the run's parameters (resamples, seed, dispersion, minimums)."""
    p = result.parameters
    boot = f"{int(p.get('n_boot', 0)):,} resamples, seed {p.get('seed')}"
    kmin = int(p.get("bootstrap_min_articles", 5))
    st = result.stats
    small = bool(len(st)) and bool((st.groupby("group")["n_docs"].first() < kmin).any())
    out = f" Intervals: bootstrap over articles ({boot}) for groups of {kmin} or more articles"
    if small:
        out += ("; smaller groups get an exact interval of their count divided by the corpus's between-article "
                "dispersion (NB1 / quasi-Poisson)")
    return out + "."


def _flagged(result) -> set:
    """The groups flagged as unable to support a finding (``result.flags``)."""
    fl = getattr(result, "flags", None)
    if fl is None or not len(fl) or "group" not in fl:
        return set()
    return set(fl.loc[fl["flagged"].astype(bool), "group"])


def flag_note(result, ranked: bool = False) -> str:
    """What a chart shows of the flagged groups, for its caption ("" when none is flagged): how many, why (the
    reasons of ``result.flags``), that the charts write "(flagged)" after their name and, when the chart
    orders its groups by a measure (``ranked``), that they come last, below a dashed line, never ranked."""
    fl = getattr(result, "flags", None)
    if fl is None or not len(fl) or "flag_reason" not in fl:
        return ""
    bad = fl[fl["flagged"].astype(bool)]
    if not len(bad):
        return ""
    p = result.parameters
    reasons = bad["flag_reason"].astype(str)
    why = []
    if reasons.str.contains(r"articles? \(<", regex=True).any():
        why.append(f"fewer than {int(p.get('min_articles', 0))} articles")
    if reasons.str.contains(r"words \(<", regex=True).any():
        why.append(f"under {int(p.get('min_words', 0)):,} words")
    if reasons.str.contains("not English", regex=False).any():
        why.append("mostly not in English")
    if reasons.str.contains("no group value", regex=False).any():
        why.append(f"without a value of {result.by}")
    n = len(bad)
    # the mark is quoted without its brackets: a caption never adds to the marks counted in a chart's text
    out = (f" {n} of {len(fl)} groups {'is' if n == 1 else 'are'} flagged as unable to support a finding"
           f"{' (' + ' or '.join(why) + ')' if why else ''}: “flagged” is written after "
           f"{'its' if n == 1 else 'their'} name")
    if ranked:
        out += f" and {'it is' if n == 1 else 'they are'} drawn after the others, below a dashed line, never ranked"
    return out + "."


def _specs(result) -> list[tuple[str, str, str, Callable[[], Any]]]:
    """(name, title, caption, draw) of every chart of the report, in page order."""
    docs = result.documents
    n_docs = len(docs)
    flagged = _flagged(result)
    nw = f"{n_docs} articles, {int(docs['words'].sum()):,} words"
    ci = ci_note(result)
    many = result.documents["group"].nunique() > C.base.MANY if "group" in result.documents else False
    # every chart writes "(flagged)" after a flagged group's name; those ordering groups by a measure draw them last
    ranked_flags, named_flags = flag_note(result, ranked=True), flag_note(result)
    out = [("loaded_rate", "Loaded terms by group",
            (f"Loaded-term uses (severity ≥ 1; mentions and neutral variants excluded) per 1,000 words, pooled over "
             f"each group's articles (dot, with its 95% interval; one neutral colour: too many groups to tell apart "
             f"by colour; by category in tables/loaded_categories.csv), ordered by the empirical-Bayes shrunken estimate "
             f"(◇); flagged groups hollow; with more than {C.base.MAX_ROWS} groups the top "
             f"and bottom {C.base.MAX_ROWS // 2} are drawn and the rest counted; {nw}.{ranked_flags}{ci}") if many else
            f"Loaded-term uses (severity ≥ 1; mentions and neutral variants excluded) per 1,000 words, pooled over "
            f"each group's articles, split by lexicon category (hatching); ◇ = empirical-Bayes shrunken estimate "
            f"(used for the order and the ranking); {nw}.{ranked_flags}{ci}",
            lambda: C.loaded_rate_chart(result.stats, result.categories, docs, result.colors))]
    tc = result.term_choice
    if len(tc):
        ref = top_referent(tc)
        out.append(("term_choice", "Term choice",
                    f"Uses of each variant for the referent group “{ref.replace('_', ' ')}” (the group with most uses), "
                    f"per {result.by}; “(k quoted)” or “(kq)” = of which inside quotations. Mentions (a term discussed as a "
                    f"word) are excluded. {nw}.{named_flags}",
                    lambda: C.term_choice_heatmap(term_choice_matrix(tc, ref),
                                                  term_choice_matrix(tc, ref, value="quoted"), result.colors,
                                                  n_docs=n_docs, flagged=flagged)))
    else:
        def no_terms():
            raise C.NoData("no loaded-term entries with a referent group were found, so there is no term choice "
                           "to show")
        out.append(("term_choice", "Term choice", "", no_terms))
    out += [
        ("verb_stance", "Reporting-verb stance",
         f"Reporting verbs in the reporter's own voice by stance: neutral (said), endorsing (acknowledged, confirmed), "
         f"distancing (claimed, insisted), evaluative (slammed, boasted); share of each group's verbs; {nw}."
         f"{ranked_flags if many else named_flags}",
         lambda: C.stance_profile_chart(result.verbs, result.colors, n_docs=n_docs, flagged=flagged)),
        ("sourcing_density", "Sourcing density",
         f"Attributions (someone cited as the source of a statement) per 1,000 words, pooled; ◇ = empirical-Bayes "
         f"shrunken estimate (used for the order); {nw}.{ranked_flags}{ci}",
         lambda: C.sourcing_density_chart(result.stats, result.colors, documents=docs)),
        ("source_mix", "Source types",
         f"Share of attributions by type of source (named person, official, organization, media, document, "
         f"anonymous, vague such as “experts say”, pronoun); {nw}.{ranked_flags if many else named_flags}",
         lambda: C.source_mix_chart(result.source_types, result.colors, flagged=flagged)),
        ("hedges_boosters", "Hedges vs boosters",
         f"One point per article: hedges per 1,000 words against boosters per 1,000 words, both voices; {nw}. "
         f"Points above the dashed line use more certainty markers than hedges.{named_flags}",
         lambda: C.hedges_boosters_chart(docs, "group", result.colors, flagged=flagged)),
        ("frames", "Frame cues",
         f"Share of each frame among each group's frame-cue hits (lexicon cues, not a classifier); {nw}."
         f"{ranked_flags if many else named_flags}",
         lambda: C.frame_chart(result.frames, result.colors, flagged=flagged)),
        ("keyness", "Distinctive words",
         "Words most distinctive of each group against all other groups pooled: z-score of the weighted log-odds "
         "ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); words used at least twice in "
         f"the corpus; {nw}. z > 1.96 is nominally significant for one word; many words are tested.{named_flags}",
         lambda: C.keyness_chart(result.keyness, result.colors, flagged=flagged)),
        ("positions", "Where loaded terms fall",
         f"Each dot is a loaded term at its position in the article; filled = reporter's own voice, hollow = inside "
         f"a quotation. Lede = the first paragraph of at least {result.parameters.get('lede_min_words', 15)} words "
         f"and anything above it (headline lines); {nw}.{named_flags}",
         lambda: C.position_chart(result.positions, result.colors, flagged=flagged)),
        ("source_verbs", "Verbs for shared sources",
         f"For sources cited by two or more groups (persons and officials matched by surname): the verbs each group "
         f"uses to introduce them, box coloured by the dominant stance; {nw}.{named_flags}",
         lambda: C.source_verbs_chart(result.source_verbs, result.colors, flagged=flagged)),
    ]
    return out


#: The specs of the report being drawn, read by the forked chart workers (inherited, never pickled: the draw
#: functions are closures over the result).
_PENDING: list = []


def _draw(k: int, out: Path) -> tuple[str | None, str | None, str | None]:
    """Draw and save chart ``k`` of :data:`_PENDING`: (png, svg, note)."""
    from ..charts.base import quiet

    name, title, caption, fn = _PENDING[k]
    try:
        with quiet():
            ax = fn()
            png, svg = C.save_figure(ax.figure, out / "charts" / name, caption=caption)[:2]
        return str(png), str(svg), None
    except C.NoData as exc:
        return None, None, f"{title}: not drawn — {exc}."


def _workers(result, jobs: int | None) -> int:
    """Processes drawing the charts: ``jobs`` if given; else 2 when there are many groups (heavy charts), two or
    more CPUs and the fork start method (the specs are inherited, not pickled); else 1 (this process)."""
    import multiprocessing
    import os

    if jobs is not None:
        return max(1, int(jobs))
    many = len(result.documents["group"].unique()) > C.base.MANY if "group" in result.documents else False
    fork = "fork" in multiprocessing.get_all_start_methods()
    return 2 if many and fork and (os.cpu_count() or 1) >= 2 else 1


def chart_entries(result, out: Path, *, draw: bool = True, progress: Callable[[str, int, int], None] | None = None,
                  jobs: int | None = None) -> list[dict[str, Any]]:
    """Draw every chart into ``out/charts`` (PNG and SVG); one entry per chart: name, title, caption, png, svg
    (paths, None when not drawn) and note (why not drawn). ``draw=False``: nothing is drawn or noted.

    Each chart is drawn once and saved once (one layout for both formats), its figure released afterwards;
    third-party warnings raised while drawing are logged at debug level, never shown on the terminal.
    ``progress(step, done, total)`` is called after each chart (``step`` = ``"charts"``). ``jobs``: processes
    drawing charts (default: see :func:`_workers`; forked, each drawing whole charts, so the files are the same).
    """
    global _PENDING
    specs = _specs(result)
    entries = [{"name": n, "title": t, "caption": c, "png": None, "svg": None, "note": None} for n, t, c, _ in specs]
    if not draw:
        return entries
    out = Path(out)
    _PENDING = specs
    try:
        n = _workers(result, jobs)
        if n > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
                futs = {pool.submit(_draw, k, out): k for k in range(len(specs))}
                for done, f in enumerate(as_completed(futs), 1):
                    png, svg, note = f.result()
                    e = entries[futs[f]]
                    e["png"], e["svg"], e["note"] = (Path(png) if png else None), (Path(svg) if svg else None), note
                    if progress is not None:
                        progress("charts", done, len(specs))
        else:
            for k, e in enumerate(entries):
                png, svg, e["note"] = _draw(k, out)
                e["png"], e["svg"] = (Path(png) if png else None), (Path(svg) if svg else None)
                if progress is not None:
                    progress("charts", k + 1, len(specs))
    finally:
        _PENDING = []
    return entries
