"""Grouping articles into events: text similarity within a date window.

Method (docs/gathering.md has the full description; docs/validation_gathering.md the
validation on BASIL):

1. Each document is represented by the TF-IDF vector of its title and text
   (scikit-learn ``TfidfVectorizer``: lower-cased words of two or more letters,
   English stop words removed, sublinear term frequency, smoothed IDF fitted
   on the corpus itself, rows L2-normalised), so the cosine similarity of two
   documents is the dot product of their rows.
2. Two documents can belong to one event only if their dates are at most
   ``window`` days apart (a document without a date is compared with all).
3. Documents are linked when their cosine similarity is at least
   ``threshold`` and they are inside the window. Events are then formed by
   average-linkage agglomerative clustering (``linkage="average"``, default):
   two groups merge while the *mean* similarity between their members is at
   least ``threshold`` (pairs outside the window count as similarity -1), so one
   strong link cannot chain unrelated stories together. Clustering runs inside
   each connected component of the link graph, which gives the same result as
   clustering the whole corpus at once (groups with no link above the threshold
   can never reach the mean) and keeps memory small. ``linkage="single"`` takes
   the connected components themselves.
4. Each event gets an id (``ev-0001``... in order of its first date, then input
   order) and a label: the ``label_terms`` highest-weighted terms of the mean
   TF-IDF vector of its members.

Documents that already have an ``event`` in their metadata keep it and are not
clustered; their events only get a label when they have none.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from ..errors import ConfigError
from ..model import META_FIELDS, Document

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WINDOW", "EventResult", "group_events", "write_documents",
           "document_record"]

log = logging.getLogger("framelens")

#: Default cosine-similarity threshold (see docs/gathering.md for how it was chosen).
DEFAULT_THRESHOLD = 0.2
#: Default date window in days (either side).
DEFAULT_WINDOW = 3
LINKAGES = ("average", "single", "complete")


@dataclass
class EventResult:
    """``documents``: the input documents with ``event`` and ``event_label`` set (same order);
    ``assignments``: one row per document (``doc_id``, ``event``, ``event_label``, ``given``);
    ``events``: one row per event (``event``, ``event_label``, ``size``, ``first_date``,
    ``last_date``, ``outlets``, ``given``); ``parameters``: the settings used."""

    documents: list[Document]
    assignments: Any
    events: Any
    parameters: dict[str, Any]


def _day(value: Any) -> float:
    from ..io.dates import normalize_date

    d = normalize_date(value)
    return float(_dt.date.fromisoformat(d).toordinal()) if d else float("nan")


def _vectorize(texts: list[str], min_df: int):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b",
                          sublinear_tf=True, min_df=min_df, norm="l2")
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # empty vocabulary
        return None, None
    return X.tocsr(), vec.get_feature_names_out()


def _links(X, days, threshold: float, window: float, chunk: int = 1024):
    """Pairs (i < j) with cosine >= threshold and |day_i - day_j| <= window (NaN dates: no limit).

    Rows are taken in date order, 1,024 at a time, and multiplied only with the documents whose
    dates fall inside the window of that block (plus those without a date)."""
    import numpy as np

    n = X.shape[0]
    rows, cols, vals = [], [], []
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    sorted_days = days[order]
    undated = np.flatnonzero(np.isnan(days))
    dated_order = order[~np.isnan(sorted_days)]
    dated_days = sorted_days[~np.isnan(sorted_days)]
    for start in range(0, n, chunk):
        block_idx = order[start: start + chunk]
        bd = days[block_idx]
        if math.isinf(window) or np.isnan(bd).any() or not len(dated_days):
            cand = np.arange(n)
        else:
            lo = np.searchsorted(dated_days, np.nanmin(bd) - window, side="left")
            hi = np.searchsorted(dated_days, np.nanmax(bd) + window, side="right")
            cand = np.sort(np.concatenate([dated_order[lo:hi], undated]))
        block = (X[block_idx] @ X[cand].T).toarray()
        ii, jj = np.nonzero(block >= threshold)
        gi, gj = block_idx[ii], cand[jj]
        keep = gj > gi
        ii, jj, gi, gj = ii[keep], jj[keep], gi[keep], gj[keep]
        di, dj = days[gi], days[gj]
        ok = np.isnan(di) | np.isnan(dj) | (np.abs(di - dj) <= window)
        rows.append(gi[ok])
        cols.append(gj[ok])
        vals.append(block[ii[ok], jj[ok]])
    if not rows:
        return np.empty(0, int), np.empty(0, int), np.empty(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def _cluster_component(members, X, days, threshold: float, window: float, linkage: str):
    """Average/complete linkage inside one connected component; returns a list of index lists."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage as _linkage
    from scipy.spatial.distance import squareform

    sub = X[members]
    sim = (sub @ sub.T).toarray()
    d = days[members]
    far = np.abs(d[:, None] - d[None, :]) > window  # NaN compares False: no limit
    sim[far] = -1.0
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    Z = _linkage(squareform(dist, checks=False), method=linkage)
    # merge while the linkage distance <= 1 - threshold (tiny tolerance for float error)
    labels = fcluster(Z, t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for m, lab in zip(members, labels):
        groups.setdefault(int(lab), []).append(int(m))
    return list(groups.values())


def _label(X, idx: list[int], terms, k: int) -> str:
    import numpy as np

    if X is None or not idx or k <= 0:
        return ""
    centroid = np.asarray(X[idx].mean(axis=0)).ravel()
    top = [t for t in np.argsort(-centroid, kind="stable")[:k] if centroid[t] > 0]
    return ", ".join(str(terms[t]) for t in top)


def group_events(docs: Iterable[Document], *, threshold: float = DEFAULT_THRESHOLD, window: float = DEFAULT_WINDOW,
                 linkage: str = "average", label_terms: int = 4, min_df: int = 1,
                 prefix: str = "ev-") -> EventResult:
    """Group ``docs`` into events (see the module docstring) and return them with ``event`` and
    ``event_label`` set. ``window`` is in days (``float("inf")`` for none); ``threshold`` is a
    cosine similarity in (0, 1]."""
    import numpy as np
    import pandas as pd
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not (0 < threshold <= 1):
        raise ConfigError(f"threshold={threshold!r}: must be a cosine similarity in (0, 1]")
    if not window >= 0:
        raise ConfigError(f"window={window!r}: must be a number of days >= 0 (inf for no window)")
    if linkage not in LINKAGES:
        raise ConfigError(f"linkage={linkage!r}; allowed: {', '.join(LINKAGES)}")
    docs = list(docs)
    n = len(docs)
    params = {"threshold": threshold, "window": window, "linkage": linkage, "label_terms": label_terms,
              "min_df": min_df, "representation": "tfidf(title + text), sublinear tf, english stop words"}
    texts = [((d.title or "") + "\n" + d.text) for d in docs]
    X, terms = _vectorize(texts, min_df) if n else (None, None)
    days = np.array([_day(d.date) for d in docs], dtype=float)
    given = [bool(d.event and str(d.event).strip()) for d in docs]
    free = [i for i in range(n) if not given[i]]

    clusters: list[list[int]] = []
    if free and X is not None:
        Xf = X[free]
        df_days = days[free]
        r, c, _ = _links(Xf, df_days, threshold, window)
        g = coo_matrix((np.ones(len(r)), (r, c)), shape=(len(free), len(free)))
        ncomp, comp = connected_components(g, directed=False)
        by_comp: dict[int, list[int]] = {}
        for local, k in enumerate(comp):
            by_comp.setdefault(int(k), []).append(local)
        for members in by_comp.values():
            if len(members) <= 2 or linkage == "single":
                # two linked documents: the mean of their one similarity is >= threshold
                parts = [members]
            else:
                parts = _cluster_component(np.array(members), Xf, df_days, threshold, window, linkage)
            clusters.extend([[free[m] for m in p] for p in parts])
        params["links"] = int(len(r))
    elif free:
        clusters = [[i] for i in free]

    # ids in order of first date, then first input position
    def first(idx: list[int]):
        ds = [days[i] for i in idx if not np.isnan(days[i])]
        return (min(ds) if ds else float("inf"), min(idx))

    clusters.sort(key=first)
    taken = {str(d.event) for d, gv in zip(docs, given) if gv}
    width = max(4, len(str(len(clusters))))
    event_of: dict[int, str] = {}
    label_of: dict[str, str] = {}
    k = 0
    for cl in clusters:
        k += 1
        name = f"{prefix}{k:0{width}d}"
        while name in taken:
            k += 1
            name = f"{prefix}{k:0{width}d}"
        for i in cl:
            event_of[i] = name
        label_of[name] = _label(X, sorted(cl), terms, label_terms)
    given_members: dict[str, list[int]] = {}
    for i, gv in enumerate(given):
        if gv:
            given_members.setdefault(str(docs[i].event), []).append(i)
    for name, idx in given_members.items():
        existing = [docs[i].get("event_label") for i in idx if docs[i].get("event_label")]
        label_of[name] = str(existing[0]) if existing else _label(X, idx, terms, label_terms)

    out_docs, assign = [], []
    for i, d in enumerate(docs):
        if given[i]:
            ev = str(d.event)
            lab = d.get("event_label") or label_of[ev]
        else:
            ev = event_of[i]
            lab = label_of[ev]
        extra = {**dict(d.extra), "event_label": lab}
        out_docs.append(replace(d, event=ev, extra=extra))
        assign.append({"doc_id": d.id, "event": ev, "event_label": lab, "given": given[i]})
    assignments = pd.DataFrame(assign, columns=["doc_id", "event", "event_label", "given"])
    ev_rows = []
    for ev, grp in assignments.groupby("event", sort=False):
        idx = list(grp.index)
        ds = [docs[i].date for i in idx if docs[i].date]
        outlets = sorted({docs[i].outlet for i in idx if docs[i].outlet})
        ev_rows.append({"event": ev, "event_label": grp["event_label"].iloc[0], "size": len(idx),
                        "first_date": min(ds) if ds else None, "last_date": max(ds) if ds else None,
                        "outlets": "; ".join(outlets), "given": bool(grp["given"].iloc[0])})
    events = pd.DataFrame(ev_rows, columns=["event", "event_label", "size", "first_date", "last_date", "outlets",
                                            "given"])
    params["events"] = len(events)
    log.info("events: %d documents -> %d events (%d given in the metadata)", n, len(events),
             len(given_members))
    return EventResult(out_docs, assignments, events, params)


# ---------------------------------------------------------------------------
# writing a corpus back


def document_record(doc: Document | dict) -> dict[str, Any]:
    """A JSON-ready corpus record: id, text, the metadata fields that are set, then extra fields."""
    if isinstance(doc, dict):
        return {k: v for k, v in doc.items() if v is not None}
    rec: dict[str, Any] = {"id": doc.id, "text": doc.text}
    for k in META_FIELDS:
        v = getattr(doc, k)
        if v is not None:
            rec[k] = v
    for k, v in doc.extra.items():
        if k not in rec and v is not None and not (isinstance(v, float) and v != v):
            rec[k] = v
    return rec


def write_documents(docs: Iterable[Document | dict], path: str | os.PathLike) -> Path:
    """Write documents as a JSONL corpus (one :func:`document_record` a line), atomically."""
    from ..io.atomic import atomic_write_text

    path = Path(path)
    lines = [json.dumps(document_record(d), ensure_ascii=False, default=str) for d in docs]
    atomic_write_text(path, "".join(line + "\n" for line in lines))
    return path
