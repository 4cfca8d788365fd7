"""``framelens.display``: documents with their spans highlighted, in a notebook or as an HTML string.

In the spirit of displaCy's jupyter mode: inside Jupyter (an IPython kernel is
running) the view is shown with ``IPython.display.HTML``; elsewhere the HTML is
returned. It lives in the runtime layer because it may analyse what it is given
(a text or a Document); the HTML itself comes from :mod:`framelens.view.html`.
"""

from __future__ import annotations

import sys
from typing import Any, Iterable

from ..model import Document
from .pipeline import AnalysisConfig, AnalysisResult, Analyzer, DocResult

__all__ = ["display"]


def _in_notebook() -> bool:
    """An IPython kernel is running (Jupyter, JupyterLab, VS Code, Colab); a terminal IPython is not one."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:  # noqa: BLE001 - an odd IPython install is simply "not a notebook"
        return False
    return shell is not None and getattr(shell, "kernel", None) is not None


def display(obj: Any, kinds: Iterable[str] | None = None, jupyter: bool | None = None, *, limit: int = 5,
            **config: Any) -> str | None:
    """Show documents with their spans highlighted like the report.

    Parameters
    ----------
    obj : Document, DocResult, AnalysisResult or str
        A text or a Document is analysed first (``config`` goes to :class:`AnalysisConfig`);
        an AnalysisResult shows its first ``limit`` documents.
    kinds : iterable of str, optional
        The span kinds to highlight (default: every styled kind except ``frame_cue``).
        A kind that is not highlighted is a :class:`~framelens.errors.ConfigError` listing the others.
    jupyter : bool, optional
        ``True``: display in the notebook and return None; ``False``: return the HTML;
        ``None`` (default): display when an IPython kernel is running, else return the HTML.

    Returns
    -------
    str or None
        One self-contained ``<div class="framelens">`` (escaped text, scoped style, no script).

    >>> html = display("Critics slammed the plan.", jupyter=False)
    >>> 'class="hl k-loaded_term' in html
    True
    """
    from ..view.html import docs_html

    more = 0
    specs = None
    if isinstance(obj, (str, Document)):
        an = Analyzer(AnalysisConfig(**config))
        results = [an.analyze_document(obj if isinstance(obj, Document) else Document(id="text", text=obj))]
        specs = an.kinds()
    elif config:
        raise TypeError(f"display(): analysis parameters {sorted(config)} apply to a text or Document only")
    elif isinstance(obj, DocResult):
        results = [obj]
    elif isinstance(obj, AnalysisResult):
        results = obj.results[:limit]
        more = max(0, len(obj.results) - limit)
        specs = obj.kinds or None
    else:
        raise TypeError(f"display() takes a Document, DocResult, AnalysisResult or text, not {type(obj).__name__}")
    html = docs_html(results, kinds=kinds, specs=specs, more=more)
    if jupyter is None:
        jupyter = _in_notebook()
    if not jupyter:
        return html
    from IPython.display import HTML, display as ipython_display

    ipython_display(HTML(html))
    return None
