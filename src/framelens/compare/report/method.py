"""The "Method and limits" section: how the numbers were made, from the run's parameters."""

from __future__ import annotations

from markupsafe import Markup

from ..._version import __version__
from .render import render

__all__ = ["method"]


def method(result, charts: list[dict]) -> Markup:
    """The section as HTML (``method.html.j2``): lexicons used, interval method and its parameters, the notes of
    charts not drawn, skipped inputs."""
    lexicons = [f"{r.get('name')}@{r.get('version')}" for r in result.resources]
    return render("method.html.j2", lexicons=", ".join(lexicons) or "see manifest.json", p=result.parameters,
                  notes=[c["note"] for c in charts if c["note"]], problems=result.problems, version=__version__,
                  by=result.by, event=result.event)
