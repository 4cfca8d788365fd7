"""The "Method and limits" section: how the numbers were made, from the run's parameters."""

from __future__ import annotations

from markupsafe import Markup

from ..._version import __version__
from .render import render

__all__ = ["method"]


def method(result, charts: list[dict]) -> Markup:
    """The section as HTML (``method.html.j2``): lexicons used, interval method and its parameters, the notes of
    charts not drawn, skipped inputs."""
    from ...text.language import MIN_ENGLISH_SHARE

    lexicons = [f"{r.get('name')}@{r.get('version')}" for r in result.resources]
    fl = getattr(result, "flags", None)
    flagged = [] if fl is None or not len(fl) else [(r.group, r.flag_reason) for r in fl.itertuples() if r.flagged]
    d = result.documents
    language = []
    if "language_warning" in d:
        bad = d[d["language_warning"].fillna(False).astype(bool)]
        language = list(zip(bad["id"], bad["english_share"]))
    comps = getattr(result, "comparisons", None)
    return render("method.html.j2", lexicons=", ".join(lexicons) or "see manifest.json", p=result.parameters,
                  notes=[c["note"] for c in charts if c["note"]], problems=result.problems, version=__version__,
                  by=result.by, event=result.event, flagged=flagged, join=getattr(result, "groups_join", None) or {},
                  language=language, min_share=MIN_ENGLISH_SHARE, n_tests=0 if comps is None else len(comps),
                  overrides=result.parameters.get("outlet_overrides") or [])
