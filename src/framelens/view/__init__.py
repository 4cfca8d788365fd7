"""HTML views: the span highlighter shared by the report and notebooks, and the notebook reprs.

:mod:`.highlight` turns a text and its spans into escaped, properly nested HTML
(:func:`highlight`; the comparison report re-exports it), and :mod:`.html`
renders documents, analyses and comparisons for ``_repr_html_`` and
:func:`framelens.display`. This layer sits between :mod:`framelens.runtime` and
:mod:`framelens.extract`: it reads the registered span kinds, and reads results
by their attributes without importing the layers that build them.
"""

from __future__ import annotations

from .highlight import SAFE_NAME, highlight, highlight_styles, kind_css, shown_kinds, span_tip

__all__ = ["SAFE_NAME", "highlight", "highlight_styles", "kind_css", "shown_kinds", "span_tip"]
