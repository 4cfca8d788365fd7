"""write_report: the report folder of a comparison (index.html, summary.md, tables/, charts/, articles/)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..._version import __version__
from ...io.atomic import atomic_write_text
from .alignment import alignment_section
from .articles import MAX_ARTICLE_PAGES, DocIndex, article, article_rows, legend_items
from .charts import chart_entries, inline_svg
from .findings import findings
from .markdown import markdown
from .method import method
from .render import page, render
from .summary_table import summary_table
from .tables import write_tables

__all__ = ["write_report", "MAX_INDEX_ROWS"]

#: Rows of the article list shown in index.html (the full list is in articles/index.html).
MAX_INDEX_ROWS = 500


def _pick_pair(docs: DocIndex, pair) -> tuple[int, int] | None:
    """The two articles shown side by side: ``pair`` (two document ids), else the pair on one event from
    different groups with the largest gap in loaded-term rate."""
    d = docs.docs
    if pair:
        a, b = pair
        if a not in docs.index or b not in docs.index:
            from ...errors import ConfigError

            raise ConfigError(f"--pair {a} {b}: both must be document ids of the report; e.g. {', '.join(d['id'][:4])}")
        return docs.index[a], docs.index[b]
    if "event" not in d.columns:
        return None
    best = None
    for _ev, part in d[d["event"].notna()].groupby("event"):
        if part["group"].nunique() < 2:
            continue
        rate = (part["loaded"] / part["words"].where(part["words"] > 0)).fillna(0) if "loaded" in part else part["words"] * 0
        part = part.assign(_r=rate)
        hi = part.sort_values(["_r", "id"], ascending=[False, True]).iloc[0]
        lo = part[part["group"] != hi["group"]].sort_values(["_r", "id"]).iloc[0]
        key = (part["group"].nunique(), hi["_r"] - lo["_r"])
        if best is None or key > best[0]:
            best = (key, docs.index[hi["id"]], docs.index[lo["id"]])
    return None if best is None else (best[1], best[2])


def _keyness_rows(result) -> list[dict[str, Any]]:
    rows = []
    for g, part in result.keyness.groupby("group"):
        part = part.head(12)
        rows.append({"group": g, "color": result.colors.get(g, "#777"), "n_docs": int(part["n_docs"].iloc[0]),
                     "n_tokens": int(part["n_tokens"].iloc[0]), "terms": list(zip(part["term"], part["z"]))})
    return rows


def _source_rows(result) -> list[dict[str, Any]]:
    rows = []
    for g in result.groups:
        part = result.sources[result.sources["group"] == g].head(10)
        rows.append({"group": g, "color": result.colors.get(g, "#777"),
                     "sources": [(s, t if isinstance(t, str) else "", int(c))
                                 for s, t, c in zip(part["source"], part["source_type"], part["count"])]})
    return rows


def write_report(result, out, *, inline: int = 20, pair=None, formats=("csv", "parquet"), title: str | None = None,
                 charts: bool = True, progress=None) -> list[Path]:
    """Write the report folder ``out`` for a :class:`CompareResult`; returns the files written (not article pages).

    ``charts=False`` draws no chart (index.html and summary.md then have none, nor charts/): for quick runs and
    tests of the page alone. Tables and the page are otherwise the same.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    docs = DocIndex(result, inline)
    title = title or (f"framelens comparison by {result.by}" + (f" — event {result.event}" if result.event else ""))
    files: list[Path] = list(write_tables(result, out, formats)) + _write_extra_tables(result, out, formats)
    chart_list = chart_entries(result, out, draw=charts, progress=progress)
    files += [c[k] for c in chart_list for k in ("png", "svg") if c[k]]
    facts_html, facts_files, facts_md = alignment_section(result, out, docs.href, charts=charts)
    files += facts_files
    n = len(docs.docs)
    shown = sorted(docs.inline)
    pr = _pick_pair(docs, pair)
    pair_ctx = None
    if pr:
        a, b = pr
        ev = docs.docs.iloc[a].get("event")
        pair_ctx = {"event": ev if isinstance(ev, str) else None,
                    "articles": [article(result, docs, i, id_prefix="pair-", sid_attr="data-pid") for i in (a, b)]}
    body = render(
        "report.html.j2", title=title, n=n, words=int(docs.docs["words"].sum()), n_groups=len(result.groups),
        by=result.by, event=result.event, date=_dt.date.today().isoformat(), version=__version__,
        findings=findings(result, docs), summary=summary_table(result, docs), tests=result.tests,
        charts=[{**c, "inline": inline_svg(c["svg"]) if c["svg"] else None} for c in chart_list], drawn=charts,
        term_choice=list(result.term_choice.itertuples()) if len(result.term_choice) else [],
        colors=result.colors, keyness=_keyness_rows(result) if len(result.keyness) else [],
        sources=_source_rows(result) if len(result.sources) else [], pair=pair_ctx, facts=facts_html,
        legend_items=legend_items(docs.specs), n_shown=len(shown), max_pages=MAX_ARTICLE_PAGES,
        article_list=_article_list(result, docs, MAX_INDEX_ROWS),
        inline_articles=[article(result, docs, i, collapsed=True) for i in shown], method=method(result, chart_list))
    atomic_write_text(out / "index.html", page(title, body))
    files.append(out / "index.html")
    if n > len(shown):
        _article_pages(result, docs, out, title, first=len(shown))
    md = markdown(result, chart_list, title)
    if facts_md:
        md = md + facts_md + "\n"
    atomic_write_text(out / "summary.md", md)
    files.append(out / "summary.md")
    return files


def _write_extra_tables(result, out: Path, formats, csv_protection: bool | None = None) -> list[Path]:
    """tables/comparisons and tables/group_flags (every test with its adjusted p-value; the small-sample flags),
    written like every other table (:func:`.tables.write_frame`: CSV formula protection, atomic files)."""
    import pandas as pd

    from .tables import jsonable, write_frame

    paths: list[Path] = []
    extra = {"comparisons": getattr(result, "comparisons", None), "group_flags": getattr(result, "flags", None)}
    for name, df in extra.items():
        if df is not None:
            paths += write_frame(jsonable(pd.DataFrame(df)), out / "tables", name, formats, csv_protection)
    return paths


def _article_list(result, docs: DocIndex, limit: int | None, prefix: str = ""):
    d = docs.docs
    more = len(d) - limit if limit is not None and len(d) > limit else 0
    return render("article_list.html.j2", rows=article_rows(result, docs, limit, prefix), more=more)


def _article_pages(result, docs: DocIndex, out: Path, title: str, first: int) -> None:
    """articles/<i>.html for the articles not shown in index.html (up to MAX_ARTICLE_PAGES), and articles/index.html."""
    adir = out / "articles"
    adir.mkdir(parents=True, exist_ok=True)
    items = legend_items(docs.specs)
    for i in range(first, min(len(docs.docs), MAX_ARTICLE_PAGES)):
        body = render("article_page.html.j2", article=article(result, docs, i), legend_items=items)
        atomic_write_text(adir / f"{i}.html", page(f"{docs.docs.iloc[i]['id']} — {title}", body))
    body = render("article_page.html.j2", article=None, list=_article_list(result, docs, None, prefix="../"))
    atomic_write_text(adir / "index.html", page(f"Articles — {title}", body))
