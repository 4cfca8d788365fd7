"""The report's template environment and page shell.

Markup lives in ``templates/*.html.j2`` (Jinja2), style and script in
``static/`` (read with :mod:`importlib.resources` and inlined, so every page is
one self-contained file). The environment autoescapes: any value a template
prints is escaped unless it is a :class:`markupsafe.Markup`, and Markup is made
only by code that escapes its own text (:func:`~.articles.highlight`), by other
templates, or from files of this package and matplotlib's SVG writer (inline
charts). Nothing is patched into HTML after rendering.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup


__all__ = ["env", "render", "page", "static_text", "num", "plural", "text"]

_PKG = "framelens.compare.report"


@functools.lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file of ``static/`` as text (cached)."""
    return resources.files(_PKG).joinpath("static", name).read_text(encoding="utf-8")


def _template_source(name: str):
    path = resources.files(_PKG).joinpath("templates", name)
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8"), None, lambda: True


def num(v: Any, digits: int = 1) -> str:
    """``v`` with thousands separators and ``digits`` decimals; an en dash for missing values."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.{digits}f}"


def plural(n: int, word: str) -> str:
    """``"1 article"``, ``"2,000 articles"``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def text(v: Any) -> str:
    """Display text of a table value: empty for None, NaN and NaT; a date (or a timestamp at midnight) as
    ``YYYY-MM-DD``."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (_dt.date, _dt.datetime)):  # pandas Timestamp and NaT are datetime subclasses
        if v != v:  # NaT
            return ""
        if isinstance(v, _dt.datetime) and v.time() == _dt.time(0) and v.tzinfo is None:
            return v.strftime("%Y-%m-%d")
        return v.isoformat()
    return str(v)


@functools.lru_cache(maxsize=1)
def env() -> Environment:
    """The one Jinja2 environment of the report (autoescaping, templates from the package)."""
    e = Environment(loader=FunctionLoader(_template_source), autoescape=True, undefined=StrictUndefined,
                    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    e.filters.update(num=num, plural=plural, text=text, spaced=lambda s: str(s).replace("_", " "))
    e.globals.update(stance_names=("neutral", "endorsing", "distancing", "evaluative"))
    return e


def render(template: str, **context: Any) -> Markup:
    """Render one template of ``templates/`` to Markup (safe to embed in another template)."""
    return Markup(env().get_template(template).render(**context))


def page(title: str, body: Markup, *, extra_css: str = "") -> str:
    """A whole HTML page: the shell of ``page.html.j2`` around ``body``, with the style and script inlined."""
    from ...view.highlight import highlight_styles, kind_css, layer_css

    styles = highlight_styles()
    css = static_text("report.css") + "\n" + kind_css(styles) + "\n" + layer_css(styles) + "\n" + extra_css
    return env().get_template("page.html.j2").render(title=title, body=body, css=Markup(css),
                                                     js=Markup(static_text("report.js"))) + "\n"
