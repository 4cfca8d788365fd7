"""HTML views of documents and results, for notebooks (``_repr_html_``) and :func:`framelens.display`.

Markup lives in ``templates/*.html.j2`` (Jinja2 with autoescaping: every value a
template prints is escaped unless it is :class:`markupsafe.Markup`), and Markup
is made only by :func:`~framelens.view.highlight.highlight` (which escapes its own
text), from this package's CSS, or by other templates. Each view is one
self-contained ``<div class="framelens">`` with its own scoped style (no script:
notebooks do not run a result's script, so tooltips are CSS-only).

The functions read results by their attributes only (``doc``, ``spans``,
``documents``, ``stats``...), so this layer never imports the layers that build
them (:mod:`framelens.runtime`, :mod:`framelens.compare`).
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from ..errors import ConfigError, Reason
from ..extract.registry import kind_specs
from ..kinds import KindSpec
from .highlight import highlight, highlight_styles, kind_css, shown_kinds

__all__ = ["default_kinds", "docs_html", "doc_result_html", "analysis_html", "compare_html", "view_css"]

_PKG = "framelens.view"
#: Document metrics shown under a highlighted document (when the run computed them).
DOC_METRICS = ("loaded", "hedges", "boosters", "quotes", "report_verbs", "attributions", "frame_cues")
#: Documents-table columns shown in an analysis summary (when present).
DOC_COLUMNS = ("id", "outlet", "date", "title", "words", "loaded", "hedges", "boosters", "quotes")
#: Comparison metrics shown per group (rates per 1,000 words, when present in ``stats``).
COMPARE_METRICS = ("loaded", "hedges", "boosters", "report_verbs", "attributions")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")
_WEB_URL = re.compile(r"^https?://", re.I)


def _template_source(name: str):
    path = resources.files(_PKG).joinpath("templates", name)
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8"), None, lambda: True


@functools.lru_cache(maxsize=1)
def _env() -> Environment:
    e = Environment(loader=FunctionLoader(_template_source), autoescape=True, undefined=StrictUndefined,
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["spaced"] = lambda s: str(s).replace("_", " ")
    return e


def _render(template: str, **context: Any) -> str:
    return _env().get_template(template).render(**context)


@functools.lru_cache(maxsize=1)
def _base_css() -> str:
    return resources.files(_PKG).joinpath("static.css").read_text(encoding="utf-8")


def view_css(specs: Mapping[str, KindSpec] | None = None) -> Markup:
    """The views' style: the fixed rules and one rule per highlighted kind, all scoped to ``.framelens``."""
    return Markup(_base_css() + "\n" + kind_css(highlight_styles(dict(specs) if specs is not None else None),
                                                scope=".framelens "))


def _missing(v: Any) -> bool:
    """None, NaN, NaT or pd.NA (pd.NA refuses ``!=``: the caller treats that as missing too)."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or bool(v != v)


def _show(v: Any, digits: int = 2) -> str:
    """Display text of a value: empty for missing, thousands separators for numbers, dates as YYYY-MM-DD."""
    try:
        if _missing(v):
            return ""
    except (TypeError, ValueError):  # pd.NA and arrays refuse comparison
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer() and digits == 0):
        return f"{int(v):,}"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if hasattr(v, "strftime") and hasattr(v, "hour") and (v.hour, v.minute, v.second) == (0, 0, 0):
        return v.strftime("%Y-%m-%d")
    if hasattr(v, "item") and not isinstance(v, str):  # numpy scalar
        return _show(v.item(), digits)
    s = str(v)
    return s if len(s) <= 80 else s[:79] + "…"


def default_kinds(specs: Mapping[str, KindSpec] | None = None) -> tuple[str, ...]:
    """The kinds highlighted unless asked otherwise: every styled kind except ``frame_cue`` (outer layer first)."""
    return tuple(k for k in shown_kinds(dict(specs) if specs is not None else None) if k != "frame_cue")


def _check_kinds(kinds: Iterable[str] | None, specs: Mapping[str, KindSpec]) -> tuple[str, ...]:
    if kinds is None:
        return default_kinds(specs)
    if isinstance(kinds, str):
        kinds = [kinds]
    shown = shown_kinds(dict(specs))
    wanted = tuple(kinds)
    unknown = [k for k in wanted if k not in shown]
    if unknown:
        raise ConfigError(f"kinds={unknown}: not highlighted kinds; available: {', '.join(shown)}",
                          code=Reason.UNKNOWN_NAME)
    return tuple(k for k in shown if k in wanted)  # layer order


def _span_dict(s: Any) -> dict[str, Any]:
    return dict(s.to_dict()) if hasattr(s, "to_dict") else dict(s)


def _doc_item(doc: Any, spans: Iterable[Any], specs: Mapping[str, KindSpec], kinds: Sequence[str],
              metrics: Mapping[str, Any] | None = None, words: int | None = None,
              sentences: int | None = None, prefix: str = "") -> dict[str, Any]:
    """What the article macro shows of one document: title, metadata line, link, metrics, highlighted text."""
    rows = []
    for s in spans:
        d = _span_dict(s)
        if d.get("kind") in kinds:
            d["sid"] = f"s{len(rows)}"
            rows.append(d)
    meta = [doc.outlet, _show(doc.date), doc.author, f"event: {doc.event}" if doc.event else None,
            f"{words:,} words" if words is not None else None, f"id: {doc.id}"]
    url = doc.url if isinstance(doc.url, str) and _WEB_URL.match(doc.url) else None  # no javascript: links
    shown: list[tuple[str, str]] = []
    if sentences is not None:
        shown.append(("sentences", f"{sentences:,}"))
    for k in DOC_METRICS:
        if metrics and k in metrics and isinstance(metrics[k], (int, float)):
            shown.append((k, _show(metrics[k])))
    return {"id": doc.id, "title": doc.title or doc.id, "meta": [m for m in meta if m], "url": url,
            "metrics": shown, "text": highlight(doc.text, rows, id_prefix=prefix, specs=dict(specs))}


def docs_html(results: Sequence[Any], *, kinds: Iterable[str] | None = None,
              specs: Mapping[str, KindSpec] | None = None, more: int = 0) -> str:
    """HTML of documents with their spans highlighted like the report: ``results`` are DocResults
    (``.doc``, ``.spans``, ``.metrics``, ``.words``, ``.sentences``) or Documents (shown without spans)."""
    specs = kind_specs() if specs is None else specs
    shown = _check_kinds(kinds, specs)
    items = []
    for i, r in enumerate(results):
        if hasattr(r, "doc"):
            items.append(_doc_item(r.doc, r.spans, specs, shown, r.metrics, r.words, r.sentences, prefix=f"fl{i}-"))
        else:
            items.append(_doc_item(r, (), specs, shown, prefix=f"fl{i}-"))
    return _render("docs.html.j2", css=view_css(specs), kinds=shown, docs=items, more=more)


def doc_result_html(result: Any, *, kinds: Iterable[str] | None = None,
                    specs: Mapping[str, KindSpec] | None = None) -> str:
    """HTML of one DocResult: the document with its spans highlighted, and a small metrics table."""
    return docs_html([result], kinds=kinds, specs=specs)


def analysis_html(result: Any, *, top: int = 5) -> str:
    """Summary of an AnalysisResult: documents, words, spans by kind, problems, the first ``top`` rows."""
    docs, spans = result.documents, result.spans
    n = len(docs)
    words = int(docs["words"].sum()) if "words" in docs.columns and n else 0
    kinds = [(str(k), int(v)) for k, v in spans["kind"].value_counts().sort_index().items()] \
        if "kind" in spans.columns else []
    columns = [c for c in DOC_COLUMNS if c in docs.columns]
    rows = [{c: _show(r.get(c), 0 if c in ("words", "loaded", "hedges", "boosters", "quotes") else 2)
             for c in columns} for r in docs.head(top).to_dict("records")]
    numeric = {c for c in columns if c in ("words", "loaded", "hedges", "boosters", "quotes")}
    return _render("analysis.html.j2", css=view_css({}), n_docs=n, words=words, n_spans=len(spans),
                   n_problems=len(result.problems), kinds=kinds, columns=columns, rows=rows, numeric=numeric)


def compare_html(result: Any, *, max_groups: int = 20) -> str:
    """Summary of a CompareResult: per group n, words and a few rates per 1,000 words with 95% intervals."""
    st = result.stats
    present = set(st["metric"]) if len(st) else set()
    metrics = []
    for m in COMPARE_METRICS:
        if m in present:
            lab = st.loc[st["metric"] == m, "label"].iloc[0] if "label" in st.columns else m
            metrics.append((m, str(lab)))
    groups = []
    for g in result.groups[:max_groups]:
        part = st[st["group"] == g]
        docs = result.documents
        n = int((docs["group"] == g).sum())
        words = int(docs.loc[docs["group"] == g, "words"].sum()) if "words" in docs.columns else 0
        rates = []
        for m, _ in metrics:
            row = part[part["metric"] == m]
            if row.empty:
                rates.append(("", ""))
                continue
            r = row.iloc[0]
            rates.append((_show(r["pooled"]), f"[{_show(r['ci_low'])}–{_show(r['ci_high'])}]"))
        color = result.colors.get(g, "#777777")
        groups.append({"name": g, "n": f"{n:,}", "words": f"{words:,}", "rates": rates,
                       "color": color if isinstance(color, str) and _COLOR.match(color) else "#777777"})
    return _render("compare.html.j2", css=view_css({}), by=result.by, event=result.event,
                   n_groups=len(result.groups), n_docs=len(result.documents), metrics=metrics, groups=groups,
                   more=max(0, len(result.groups) - max_groups))
