"""The per-source table: who is cited across a corpus, how often, and with which verbs.

A function over the spans table (``AnalysisResult.spans``, or a spans file read
back with pandas): every ``attribution`` span contributes one citation of its
source, grouped by source identity (:func:`framelens.coverage.identity.identify_sources`:
the whole normalised name, or an alias table; never a surname alone). See
docs/methods_attribution.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .identity import UNNAMED_PREFIX, identify_sources

__all__ = ["source_table", "SOURCE_TABLE_COLUMNS"]

#: Columns of :func:`source_table`, in order.
SOURCE_TABLE_COLUMNS = ("source", "source_type", "count", "documents", "named", "stance_mix", "stances", "modes",
                        "outlets")


def _mix(counter: Counter) -> str:
    """``"said 2, told 2, claimed 1"``: most frequent first, ties in alphabetical order."""
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def source_table(spans: Any, *, voice: str | None = "author", include_pronouns: bool = False,
                 include_no_response: bool = True, outlets: Any = None, source_aliases: Any = None) -> Any:
    """One row per source, most cited first.

    ``spans``: the spans DataFrame (one row per span, with ``doc_id``; an
    :class:`~framelens.runtime.pipeline.AnalysisResult` is accepted too). Only
    ``attribution`` rows are used. ``voice="author"`` (default) counts the
    reporter's own attributions, not those nested inside quotations; ``None``
    counts both. Unresolved pronouns (``source_type == "pronoun"``) and agentless
    passives (no source) are left out unless ``include_pronouns``.
    ``outlets``: optional documents DataFrame (``id``, ``outlet``) or mapping
    doc id -> outlet, to list the outlets citing each source.
    ``source_aliases``: an alias table (a mapping alias -> canonical name or the
    path of an ``alias,canonical`` CSV file,
    :func:`framelens.coverage.identity.load_source_aliases`).

    Sources are grouped by identity (:func:`framelens.coverage.identity.identify_sources`):
    named sources by their whole normalised name (``"Carmen Yulín Cruz"`` and
    ``"Carmen Yulin Cruz"`` together, ``"Cruz"`` apart from ``"Ted Cruz"``) or
    the alias table; unnamed ones by their description; vague and anonymous
    sources (and unresolved pronouns, with ``include_pronouns``) by their text,
    never with a named source.

    Columns: ``source`` (the group's most frequent spelling), ``source_type``
    (the most frequent type given to it), ``count`` (citations), ``documents`` (distinct documents),
    ``named`` (share of citations with a named source), ``stance_mix`` (cue words
    with counts, e.g. ``"said 2, told 2, claimed 1"``; refusals appear as their
    cue, e.g. ``"declined to comment 1"``), ``stances`` (the same by stance:
    ``"neutral 4, distancing 1"``), ``modes`` (``"direct 2, indirect 3"``) and
    ``outlets`` (``"Outlet A 3, Outlet B 1"``, empty without ``outlets``).
    """
    import pandas as pd

    df = getattr(spans, "spans", spans)
    if df is None or len(df) == 0 or "kind" not in getattr(df, "columns", ()):
        return pd.DataFrame(columns=list(SOURCE_TABLE_COLUMNS))
    df = df[df["kind"] == "attribution"]
    if voice is not None and "voice" in df.columns:
        df = df[df["voice"] == voice]
    outlet_of: dict[Any, Any] = {}
    if outlets is not None:
        if hasattr(outlets, "columns"):
            outlet_of = dict(zip(outlets["id"], outlets["outlet"]))
        else:
            outlet_of = dict(outlets)
    ident = identify_sources(df, source_aliases)
    groups: dict[str, dict[str, Any]] = defaultdict(lambda: {
        "types": Counter(), "count": 0, "docs": set(), "named": 0, "cues": Counter(), "stances": Counter(),
        "modes": Counter(), "outlets": Counter(), "spellings": Counter()})
    has_doc = "doc_id" in df.columns
    for row, key in zip(df.itertuples(index=False), ident["source_key"]):
        r = row._asdict()
        src = r.get("source")
        stype = r.get("source_type")
        mode = r.get("mode") or r.get("label")
        if src is None or (isinstance(src, float) and src != src):
            continue
        if stype == "pronoun" and not include_pronouns:
            continue
        if mode == "no_response" and not include_no_response:
            continue
        if not isinstance(key, str):  # vague, anonymous, pronoun: grouped by their text, apart from names
            key = UNNAMED_PREFIX * 2 + str(stype) + ":" + " ".join(str(src).split()).lower()
        g = groups[key]
        g["spellings"][" ".join(str(src).split()).replace("’", "'")] += 1
        g["types"][stype] += 1
        g["count"] += 1
        doc = r.get("doc_id") if has_doc else None
        g["docs"].add(doc)
        g["named"] += 1 if r.get("named") is True or r.get("named") == 1 else 0
        g["cues"][" ".join(str(r.get("cue") or "").lower().split())] += 1
        g["stances"][r.get("stance") or "neutral"] += 1
        g["modes"][mode] += 1
        out = outlet_of.get(doc) if outlet_of else None
        if out is not None and not (isinstance(out, float) and out != out):  # None or NaN: no outlet
            g["outlets"][str(out)] += 1
    names = dict(zip(ident["source_key"], ident["source_name"]))
    rows = []
    for key, g in groups.items():
        shown = names.get(key)
        if not isinstance(shown, str):
            shown = sorted(g["spellings"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.append({
            "source": shown,
            "source_type": sorted(g["types"].items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0],
            "count": g["count"],
            "documents": len(g["docs"]),
            "named": round(g["named"] / g["count"], 4),
            "stance_mix": _mix(g["cues"]),
            "stances": _mix(g["stances"]),
            "modes": _mix(g["modes"]),
            "outlets": _mix(g["outlets"]),
        })
    rows.sort(key=lambda r: (-r["count"], -r["documents"], r["source"]))
    return pd.DataFrame(rows, columns=list(SOURCE_TABLE_COLUMNS))
