"""The comparison report: a self-contained ``index.html``, a Markdown summary, tables and charts.

``index.html`` needs nothing but itself: CSS, the small tooltip script and the
charts (SVG) are inline, and it makes no network request, so it works offline
and as an e-mail attachment. Markup is in Jinja2 templates (``templates/``),
rendered with autoescaping, so document text and metadata are escaped where
they enter the page; style and script are files in ``static/``. Spans are drawn
from sorted boundaries (:func:`highlight`), so nested and overlapping spans
never break the markup; which kinds are highlighted, how, and what their
tooltips say comes from the registered span kinds
(:func:`framelens.extract.registry.kind_specs`). The first ``inline`` articles
are shown in the page; the others get their own pages under ``articles/``
(linked), so large corpora stay usable.

Modules: :mod:`.build` (write_report), :mod:`.render` (template environment,
page shell), :mod:`.articles` (highlighting, tooltips, article pages),
:mod:`.findings`, :mod:`.summary_table`, :mod:`.charts` (the report's chart
list and captions), :mod:`.method`, :mod:`.markdown` (summary.md),
:mod:`.tables` (CSV/Parquet), :mod:`.alignment` (same facts, different words).
"""

from __future__ import annotations

from .alignment import alignment_html, write_alignment_files, write_alignment_report
from .articles import MAX_ARTICLE_PAGES, highlight, legend_items, shown_kinds, span_tip
from .build import MAX_INDEX_ROWS, write_report

__all__ = ["write_report", "write_alignment_report", "write_alignment_files", "alignment_html", "highlight",
           "span_tip", "shown_kinds", "legend_items", "MAX_ARTICLE_PAGES", "MAX_INDEX_ROWS"]
