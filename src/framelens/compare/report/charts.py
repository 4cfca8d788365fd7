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

__all__ = ["chart_entries", "inline_svg", "ci_note"]


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
    fl = getattr(result, "flags", None)
    nflag = int(fl["flagged"].sum()) if fl is not None and len(fl) else 0
    if nflag:
        out += (f". {nflag} group{'s are' if nflag != 1 else ' is'} flagged (fewer than {p.get('min_articles')} "
                f"articles or {int(p.get('min_words', 0)):,} words): labelled “flagged”, never ranked")
    return out + "."


def _specs(result) -> list[tuple[str, str, str, Callable[[], Any]]]:
    """(name, title, caption, draw) of every chart of the report, in page order."""
    docs = result.documents
    n_docs = len(docs)
    fl = getattr(result, "flags", None)
    flagged = set(fl.loc[fl["flagged"].astype(bool), "group"]) if fl is not None and len(fl) and "group" in fl else set()
    nw = f"{n_docs} articles, {int(docs['words'].sum()):,} words"
    ci = ci_note(result)
    many = result.documents["group"].nunique() > C.base.MANY if "group" in result.documents else False
    out = [("loaded_rate", "Loaded terms by group",
            (f"Loaded-term uses (severity ≥ 1; mentions and neutral variants excluded) per 1,000 words, pooled over "
             f"each group's articles (dot, with its 95% interval; one neutral colour: too many groups to tell apart "
             f"by colour; by category in tables/loaded_categories.csv), ordered by the empirical-Bayes shrunken estimate "
             f"(◇); flagged groups hollow and last, never ranked; with more than {C.base.MAX_ROWS} groups the top "
             f"and bottom {C.base.MAX_ROWS // 2} are drawn and the rest counted; {nw}.{ci}") if many else
            f"Loaded-term uses (severity ≥ 1; mentions and neutral variants excluded) per 1,000 words, pooled over "
            f"each group's articles, split by lexicon category (hatching); ◇ = empirical-Bayes shrunken estimate "
            f"(used for ranking); {nw}.{ci}",
            lambda: C.loaded_rate_chart(result.stats, result.categories, docs, result.colors))]
    tc = result.term_choice
    if len(tc):
        ref = top_referent(tc)
        out.append(("term_choice", "Term choice",
                    f"Uses of each variant for the referent group “{ref.replace('_', ' ')}” (the group with most uses), "
                    f"per {result.by}; “(k quoted)” or “(kq)” = of which inside quotations. Mentions (a term discussed as a "
                    f"word) are excluded. {nw}.",
                    lambda: C.term_choice_heatmap(term_choice_matrix(tc, ref),
                                                  term_choice_matrix(tc, ref, value="quoted"), result.colors,
                                                  n_docs=n_docs)))
    else:
        def no_terms():
            raise C.NoData("no loaded-term entries with a referent group were found, so there is no term choice "
                           "to show")
        out.append(("term_choice", "Term choice", "", no_terms))
    out += [
        ("verb_stance", "Reporting-verb stance",
         f"Reporting verbs in the reporter's own voice by stance: neutral (said), endorsing (acknowledged, confirmed), "
         f"distancing (claimed, insisted), evaluative (slammed, boasted); share of each group's verbs; {nw}.",
         lambda: C.stance_profile_chart(result.verbs, result.colors, n_docs=n_docs, flagged=flagged)),
        ("sourcing_density", "Sourcing density",
         f"Attributions (someone cited as the source of a statement) per 1,000 words, pooled; {nw}.{ci}",
         lambda: C.sourcing_density_chart(result.stats, result.colors, documents=docs)),
        ("source_mix", "Source types",
         f"Share of attributions by type of source (named person, official, organization, media, document, "
         f"anonymous, vague such as “experts say”, pronoun); {nw}.",
         lambda: C.source_mix_chart(result.source_types, result.colors, flagged=flagged)),
        ("hedges_boosters", "Hedges vs boosters",
         f"One point per article: hedges per 1,000 words against boosters per 1,000 words, both voices; {nw}. "
         "Points above the dashed line use more certainty markers than hedges.",
         lambda: C.hedges_boosters_chart(docs, "group", result.colors)),
        ("frames", "Frame cues",
         f"Share of each frame among each group's frame-cue hits (lexicon cues, not a classifier); {nw}.",
         lambda: C.frame_chart(result.frames, result.colors, flagged=flagged)),
        ("keyness", "Distinctive words",
         "Words most distinctive of each group against all other groups pooled: z-score of the weighted log-odds "
         "ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); words used at least twice in "
         f"the corpus; {nw}. z > 1.96 is nominally significant for one word; many words are tested.",
         lambda: C.keyness_chart(result.keyness, result.colors)),
        ("positions", "Where loaded terms fall",
         f"Each dot is a loaded term at its position in the article; filled = reporter's own voice, hollow = inside "
         f"a quotation. Lede = the first paragraph of at least {result.parameters.get('lede_min_words', 15)} words "
         f"and anything above it (headline lines); {nw}.",
         lambda: C.position_chart(result.positions, result.colors)),
        ("source_verbs", "Verbs for shared sources",
         f"For sources cited by two or more groups (persons and officials matched by surname): the verbs each group "
         f"uses to introduce them, box coloured by the dominant stance; {nw}.",
         lambda: C.source_verbs_chart(result.source_verbs, result.colors)),
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
