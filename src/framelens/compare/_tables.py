"""Per-group tables built from the spans table (loaded-term categories, verbs, sources, frames, positions),
per-document counts of declared kinds, and readable variant labels."""

from __future__ import annotations

import re
from typing import Any

__all__: list[str] = []


def _group_spellings(a, overall, source_aliases=None):
    """Per row, how its source is named in its own group's tables: the corpus-wide display name when that
    spelling occurs in the group (one name across groups where possible) or is a canonical name of the user's
    alias table, else the group's most frequent spelling (issue 14: a group's table shows only spellings that
    occur in that group)."""
    import pandas as pd

    from ..coverage.identity import load_source_aliases
    from ..extract.attribution.identity import normalise_name

    canon = set(load_source_aliases(source_aliases).values()) if source_aliases is not None else set()

    sp = a["source"].map(lambda s: " ".join(str(s).split()).replace("\u2019", "'"))
    t = pd.DataFrame({"group": a["group"], "key": a["key"], "sp": sp, "overall": sp.eq(overall)})
    t = t[t["key"].notna()]
    if not len(t):
        return overall
    n = t.groupby(["group", "key", "sp"], dropna=False).agg(n=("overall", "size"), overall=("overall", "max"))
    n = n.reset_index().sort_values(["group", "key", "overall", "n", "sp"], ascending=[True, True, False, False, True])
    best = n.drop_duplicates(["group", "key"]).set_index(["group", "key"])["sp"]
    return pd.Series([o if k is None or k != k or (canon and normalise_name(o) in canon) else best.get((g, k), o)
                      for g, k, o in zip(a["group"], a["key"], overall)], index=a.index)


def _loaded_mask(sp):
    """Which rows of a spans table count as loaded: the ``counted`` column that
    :func:`framelens.kinds.is_loaded` filled (recomputed by the same rule for a table without it)."""
    from ..kinds import is_loaded

    if "counted" in sp.columns and not sp["counted"].isna().any():
        return sp["counted"].astype(bool)
    return sp.apply(lambda r: is_loaded(r.to_dict()), axis=1).astype(bool) if len(sp) else sp["kind"] == ""


def _span_tables(documents, spans, texts, by, source_aliases=None):
    """The per-group tables built from spans (categories, verbs, sources, frames, positions); sources are
    grouped by identity (:func:`framelens.coverage.identity.identify_sources`, with ``source_aliases``)."""
    import pandas as pd

    from .group import group_column

    gmap = dict(zip(documents["id"], group_column(documents, by)))
    sp = spans[spans["doc_id"].isin(gmap)].copy()
    sp["group"] = sp["doc_id"].map(gmap)

    def col(name):
        return sp[name] if name in sp.columns else pd.Series([None] * len(sp), index=sp.index)

    loaded = sp[(sp["kind"] == "loaded_term") & _loaded_mask(sp)]
    categories = (loaded.groupby(["group", "label"]).size().reset_index(name="count")
                  .rename(columns={"label": "category"}))

    rv = sp[(sp["kind"] == "report_verb") & (sp["voice"] == "author")]
    verbs = rv.groupby(["group", "label"]).size().unstack(fill_value=0) if len(rv) else pd.DataFrame()

    at = sp[sp["kind"] == "attribution"]
    if len(at) and "source_type" in at.columns:
        source_types = at.groupby(["group", "source_type"]).size().unstack(fill_value=0)
    else:
        source_types = pd.DataFrame()
    if len(at) and "source" in at.columns:
        from ..coverage.identity import identify_sources

        a = at.copy()
        ident = identify_sources(a, source_aliases)
        a["key"] = ident["source_key"]
        a["source_name"] = _group_spellings(a, ident["source_name"], source_aliases)
        a["stype"] = ident["source_type"]
        a = a[a["key"].notna()]
        sources = (a.groupby(["group", "key", "source_name", "stype"], dropna=False).size().reset_index(name="count")
                   .drop(columns="key").rename(columns={"source_name": "source", "stype": "source_type"})
                   .sort_values(["group", "count", "source"], ascending=[True, False, True]))
        cue = a["cue"] if "cue" in a.columns else pd.Series(["?"] * len(a), index=a.index)
        stance = a["stance"] if "stance" in a.columns else pd.Series(["other"] * len(a), index=a.index)
        a["cue_l"] = cue.fillna("?").astype(str).str.lower()
        a["stance_l"] = stance.fillna("other").astype(str)
        source_verbs = (a.groupby(["key", "source_name", "group", "cue_l", "stance_l"]).size()
                        .reset_index(name="count").drop(columns="key")
                        .rename(columns={"source_name": "source", "cue_l": "cue", "stance_l": "stance"}))
    else:
        sources = pd.DataFrame(columns=["group", "source", "source_type", "count"])
        source_verbs = pd.DataFrame(columns=["source", "group", "cue", "stance", "count"])

    fc = sp[sp["kind"] == "frame_cue"]
    frames = fc.groupby(["group", "label"]).size().unstack(fill_value=0) if len(fc) else pd.DataFrame()

    rows = []
    for did, part in loaded.groupby("doc_id"):
        n = max(len(texts.get(did, "")), 1)
        for r in part.itertuples(index=False):
            rows.append({"group": r.group, "doc_id": did, "start": int(r.start), "text": r.text,
                         "rel_pos": int(r.start) / n, "in_lede": bool(r.lede), "voice": r.voice})
    positions = pd.DataFrame(rows, columns=["group", "doc_id", "start", "text", "rel_pos", "in_lede", "voice"])
    return categories, verbs, source_types, sources, source_verbs, frames, positions


def _kind_count_column(spec) -> str:
    """The documents-table column holding a kind's per-document count: the extractor's own metric when it
    writes one, else ``<kind>_count`` (counted spans)."""
    return spec.metric or f"{spec.name}_count"


def _add_kind_counts(documents, spans, kinds):
    """Per-document counts of every declared kind that is counted, when the documents table lacks them
    (a kind from a researcher's own extractor, or a spans table without the extractor's metrics);
    returns the documents table and the metrics to aggregate for those kinds."""
    from .group import METRICS, Metric

    extra_metrics = []
    for kind, spec in kinds.items():
        if spec.counted is None:
            continue
        col = _kind_count_column(spec)
        if col not in documents.columns:
            mask = spans["kind"] == kind
            if "counted" in spans.columns:
                mask &= spans["counted"].fillna(False).astype(bool)
            counts = spans[mask].groupby("doc_id").size()
            if not len(counts) and kind not in set(spans["kind"]):
                continue
            documents[col] = documents["id"].map(counts).fillna(0).astype(int)
        if col not in METRICS:
            extra_metrics.append(Metric(col, col, "words", 1000.0, f"{kind.replace('_', ' ')} spans", "rate"))
    return documents, extra_metrics


def _entry_terms(analyzer) -> dict[str, str]:
    """entry ref -> the lexicon's canonical term, for readable variant labels (``analyzer=None``: shipped packs)."""
    from ..lexicon import load_lexicons

    try:
        if analyzer is None:  # the shipped packs
            lexs = load_lexicons((), defaults=True)
        else:
            lexs = load_lexicons(analyzer.config.lexicons, defaults=analyzer.config.default_lexicons)
    except Exception:  # noqa: BLE001 - labels fall back to surface forms
        return {}
    # pattern entries have a pattern as their term ("(in|into) the (country|...)"): use surface forms for those
    return {lx.entry_ref(e): e.term for lx in lexs for e in lx.entries if not re.search(r"[()|\[\]?*+\\]", e.term)}
