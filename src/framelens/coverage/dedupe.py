"""Near-duplicate documents: reposts and syndicated copies, by word shingles and MinHash.

Method (docs/gathering.md has the full description and its limits):

1. Each text is lower-cased and cut into words (runs of letters and digits,
   with inner apostrophes: ``don't``); its *shingles* are all runs of
   ``shingle_size`` consecutive words (default 5). A text shorter than that is
   one shingle. Shingles are hashed to 64 bits with a stable hash (the same
   numbers on every machine and run).
2. Two texts' resemblance is the Jaccard similarity of their shingle sets,
   ``|A ∩ B| / |A ∪ B|``; their containment is ``|A ∩ B| / min(|A|, |B|)``.
3. To avoid comparing all pairs, each set gets a MinHash signature of
   ``num_perm`` values (multiply-shift hashing on uint64, numpy), and the
   signature is cut into ``b`` bands of ``r`` rows (locality-sensitive
   hashing): two documents become a *candidate pair* when some band is equal.
   ``r`` is the largest value for which a pair at exactly the threshold is a
   candidate with probability >= 0.99 (``1 - (1 - t**r)**b``).
   Before that, shingles found in more than ``boilerplate_df`` (10) documents
   of the *same outlet* are removed from that outlet's documents: text an
   outlet repeats across many different articles (photo-gallery captions,
   newsletter boxes, related-story lists, disclaimers) is page furniture, and
   would otherwise make unrelated articles of that outlet look like copies.
   Text shared *across* outlets (a wire story run by many sites) is never
   removed, however many sites run it.
4. Every candidate pair's exact Jaccard similarity is computed from the shingle
   sets; pairs at or above ``threshold`` are duplicates.
5. Duplicate pairs are joined into groups (connected components). In each
   group the *original* is the copy other members name as their canonical URL,
   if any; else the earliest by date, then by input order (a missing date
   counts as later than any date). Every other member is a duplicate of it,
   with its exact similarity *to the original* (which can be below the
   threshold when A~B and B~C chain C to A; ``linked_similarity`` then gives
   the strongest direct link).

6. *Containment* (Broder 1997) catches what resemblance misses: an excerpt that
   is 60% of another article, under an introduction and comments of its own
   as long as the part it copies, has a Jaccard similarity near 0.4, yet 60%
   of it lies inside the other text. Every pair sharing shingles is found exactly from an inverted index
   (shingle -> documents; shingles in more than ``max_shared_df`` documents
   are skipped there), and a pair whose smaller document has at least
   ``min_contained_shingles`` shingles and ``|A ∩ B| / |A| >=
   containment_threshold`` (default 0.5, A the smaller) while their Jaccard
   similarity stays under ``threshold`` is a duplicate: A is an *excerpt* of B.
   The original of a group is chosen as in step 5 (canonical URL, then the
   earliest date), except that on equal or missing dates the container is
   preferred over the excerpt.

With ``duplicates="credit"`` the duplicates are kept but counted under the
original's outlet (their own outlet moves to ``host_outlet``).
:func:`outlet_overrides` applies what the metadata says: a document with an
``original_outlet`` or ``via`` field is credited to that outlet, and a letter to
the editor (``genre``, ``section`` or ``type`` mentioning letters) becomes its
own group ``"<outlet> (letters)"``.

The default threshold, Jaccard >= 0.5 over 5-word shingles, means that at
least half of all the distinct 5-word sequences of the two texts are shared:
separately written reports of one event share a few quotations, not half of
their text, while a wire story reposted with a changed headline, byline and
a trimmed or added paragraph stays far above it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from ..errors import ConfigError

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_CONTAINMENT", "DUPLICATE_POLICIES", "DedupeResult", "dedupe",
           "find_duplicates", "shingles", "lsh_params", "containment", "outlet_overrides", "override_outlet"]

log = logging.getLogger("framelens")

DEFAULT_THRESHOLD = 0.5
#: Share of the smaller document's shingles found in the other at or above which it is an excerpt of it: more than
#: half of it is the other's text. Independent reports of one event that share a quotation or two stay near 0.1-0.2;
#: a page that runs 60% of another's article under its own introduction and comments is at about 0.6.
DEFAULT_CONTAINMENT = 0.5
#: Fewer shingles than this (about 25 words) and a document is never called an excerpt by containment alone:
#: two reports may share one long quotation.
DEFAULT_MIN_CONTAINED = 20
#: Shingles found in more documents than this are skipped when counting shared shingles for containment.
DEFAULT_MAX_SHARED_DF = 200
DEFAULT_SHINGLE = 5
DEFAULT_PERM = 128
#: Shingles found in more than this many documents of one outlet are that outlet's page furniture.
DEFAULT_BOILERPLATE_DF = 10
#: What to do with duplicates: drop them, keep them flagged (``duplicate_of``), or keep them unmarked.
DUPLICATE_POLICIES = ("drop", "flag", "keep", "credit")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MASK64 = (1 << 64) - 1


def _token_hashes(words: Sequence[str], cache: dict[str, int]):
    import numpy as np

    for w in set(words).difference(cache):
        cache[w] = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
    return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))


def shingles(text: str, size: int = DEFAULT_SHINGLE, _cache: dict[str, int] | None = None):
    """Sorted unique uint64 hashes of the ``size``-word shingles of ``text`` (empty for a text without words)."""
    import numpy as np

    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    th = _token_hashes(words, {} if _cache is None else _cache)
    if len(th) < size:
        size = len(th)
    n = len(th) - size + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(size):
            # position-dependent odd multipliers, so "a b" and "b a" differ
            mult = np.uint64((0x9E3779B97F4A7C15 * (2 * j + 1)) & _MASK64)
            acc = acc * np.uint64(0x100000001B3) + th[j: j + n] * mult
        acc ^= acc >> np.uint64(29)
    acc.sort()
    return acc[np.r_[True, acc[1:] != acc[:-1]]]


def lsh_params(threshold: float, num_perm: int, min_recall: float = 0.99) -> tuple[int, int]:
    """``(bands, rows)``: the most rows per band (fewest false candidates) such that a pair with
    Jaccard exactly ``threshold`` becomes a candidate with probability >= ``min_recall``."""
    best = (num_perm, 1)
    for r in range(1, num_perm + 1):
        b = num_perm // r
        if b < 1:
            break
        if 1 - (1 - threshold ** r) ** b >= min_recall:
            best = (b, r)
    return best


def _signatures(sets, num_perm: int, seed: int):
    """MinHash signatures, one row per set: min over the set of (a_k * x + b_k) mod 2**64, top 32 bits.

    All sets are processed as one concatenated array in blocks of 4,096 shingles
    (a 4,096 x num_perm block stays small and fast)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    a = (rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1))[:, None]  # odd
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)[:, None]
    sig = np.full((len(sets), num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    sizes = np.array([s.size for s in sets], dtype=np.int64)
    if sizes.sum() == 0:
        return (sig >> np.uint64(32)).astype(np.uint32)
    x = np.concatenate([s for s in sets if s.size])
    doc = np.repeat(np.arange(len(sets)), sizes)
    block = 4096
    with np.errstate(over="ignore"):
        for start in range(0, x.size, block):
            xs, ds = x[start: start + block], doc[start: start + block]
            h = a * xs[None, :]
            h += b
            cut = np.flatnonzero(np.r_[True, ds[1:] != ds[:-1]])
            m = np.minimum.reduceat(h, cut, axis=1).T
            rows = ds[cut]
            sig[rows] = np.minimum(sig[rows], m)
    return (sig >> np.uint64(32)).astype(np.uint32)


def _candidates(sig, bands: int, rows: int, valid):
    import numpy as np

    n = sig.shape[0]
    found = []
    idx_valid = np.flatnonzero(valid)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sig[idx_valid, band * rows: (band + 1) * rows].astype(np.uint64)
            key = np.zeros(len(idx_valid), dtype=np.uint64)
            for j in range(rows):
                key = key * np.uint64(0x100000001B3) + block[:, j] * np.uint64(0x9E3779B97F4A7C15)
            order = np.argsort(key, kind="stable")
            ks = key[order]
            if len(ks) < 2:
                continue
            starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
            sizes = np.diff(np.r_[starts, len(ks)])
            for st, sz in zip(starts[sizes > 1], sizes[sizes > 1]):
                members = np.sort(idx_valid[order[st: st + sz]])
                i, j = np.triu_indices(sz, k=1)
                found.append(members[i].astype(np.int64) * n + members[j])
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    codes = np.unique(np.concatenate(found))
    return np.stack([codes // n, codes % n], axis=1)


def _drop_boilerplate(sets, outlets: list[str | None], max_df: int) -> int:
    """Remove, from each outlet's documents, the shingles found in more than ``max_df`` documents of that
    outlet (page furniture: photo-gallery captions, newsletter boxes, disclaimers). Returns how many
    shingle occurrences were removed. Documents without an outlet form one group."""
    import numpy as np

    by_outlet: dict[str | None, list[int]] = {}
    for i, o in enumerate(outlets):
        by_outlet.setdefault(o, []).append(i)
    removed = 0
    for members in by_outlet.values():
        if len(members) <= max_df:
            continue
        u, c = np.unique(np.concatenate([sets[i] for i in members]), return_counts=True)
        common = u[c > max_df]
        if common.size == 0:
            continue
        for i in members:
            keep = ~np.isin(sets[i], common, assume_unique=True)
            removed += int(keep.size - keep.sum())
            sets[i] = sets[i][keep]
    return removed


def _overlap(a, b) -> int:
    import numpy as np

    return int(np.intersect1d(a, b, assume_unique=True).size)


def _shared_counts(sets, max_df: int):
    """``(pairs, counts)``: every pair of documents (i < j) sharing a shingle found in at most ``max_df``
    documents, and how many such shingles they share (an inverted index, shingle -> documents)."""
    import numpy as np

    sizes = np.array([s.size for s in sets], dtype=np.int64)
    n = len(sets)
    if n < 2 or sizes.sum() == 0:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.int64)
    x = np.concatenate([s for s in sets if s.size])
    d = np.repeat(np.arange(n, dtype=np.int64), sizes)
    order = np.argsort(x, kind="stable")
    xs, ds = x[order], d[order]
    starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]])
    counts = np.diff(np.r_[starts, len(xs)])
    codes = []
    two = starts[counts == 2]
    if two.size:
        a, b = ds[two], ds[two + 1]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    for st, c in zip(starts[(counts > 2) & (counts <= max_df)], counts[(counts > 2) & (counts <= max_df)]):
        members = np.sort(ds[st: st + c])
        i, j = np.triu_indices(c, k=1)
        codes.append(members[i] * n + members[j])
    if not codes:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.int64)
    u, cnt = np.unique(np.concatenate(codes), return_counts=True)
    return np.stack([u // n, u % n], axis=1), cnt


def containment(a: str, b: str, size: int = DEFAULT_SHINGLE) -> float:
    """The share of ``a``'s shingles found in ``b`` (``|A ∩ B| / |A|``; 0 for a text without words).

    Parameters
    ----------
    a, b : str
        The texts.
    size : int, default 5
        Words per shingle.

    Returns
    -------
    float
    """
    sa, sb = shingles(a, size), shingles(b, size)
    return _overlap(sa, sb) / sa.size if sa.size else 0.0


def outlet_overrides(docs: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    """Credit documents to the outlet their metadata names (see the module docstring).

    A non-blank ``original_outlet`` (else ``via``) field replaces the outlet; a ``genre``, ``section`` or
    ``type`` field that mentions letters makes the outlet ``"<outlet> (letters)"``. The replaced outlet is
    kept as ``host_outlet``.

    Parameters
    ----------
    docs : iterable of Document or dict

    Returns
    -------
    (list, list of dict)
        The documents (changed ones copied) and one row per change: ``doc_id``, ``host_outlet``, ``outlet``,
        ``reason``.
    """
    out, changes = [], []
    for d in docs:
        d2, change = override_outlet(d)
        out.append(d2)
        if change:
            changes.append(change)
    return out, changes


def override_outlet(d: Any) -> tuple[Any, dict[str, Any] | None]:
    """One document of :func:`outlet_overrides`: ``(document, change)``, the change None when none applies.

    Parameters
    ----------
    d : Document or dict

    Returns
    -------
    (Document or dict, dict or None)
    """
    get = d.get
    outlet = get("outlet")
    new, reason = None, None
    for field in ("original_outlet", "via"):
        v = get(field)
        if isinstance(v, str) and v.strip() and v.strip() != outlet:
            new, reason = v.strip(), f"{field} field"
            break
    if new is None:
        for field in ("genre", "section", "type"):
            v = get(field)
            if isinstance(v, str) and re.search(r"\bletters?\b", v, re.I) and outlet:
                new, reason = f"{outlet} (letters)", f"{field}: {v.strip()}"
                break
    if new is None:
        return d, None
    did = d.get("id") if isinstance(d, dict) else d.id
    change = {"doc_id": did, "host_outlet": outlet, "outlet": new, "reason": reason}
    if isinstance(d, dict):
        return {**d, "outlet": new, "host_outlet": outlet}, change
    return replace(d, outlet=new, extra={**dict(d.extra), "host_outlet": outlet}), change


# ---------------------------------------------------------------------------
# inputs


@dataclass
class _Rows:
    ids: list[str]
    texts: list[str]
    dates: list[str | None]
    urls: list[str | None]
    canon: list[str | None]
    outlets: list[str | None]


def _rows(docs: Any, id_col: str, text_col: str, date_col: str) -> tuple[_Rows, str]:
    """Pull id/text/date/url/canonical_url from Documents, dicts or a DataFrame; returns (rows, kind)."""
    from ..io.dates import normalize_date

    def norm(v):
        if v is None or (isinstance(v, float) and v != v):
            return None
        s = str(v).strip()
        return s or None

    if hasattr(docs, "columns") and hasattr(docs, "iterrows"):  # a DataFrame
        df = docs
        for c in (id_col, text_col):
            if c not in df.columns:
                raise ConfigError(f"the documents table has no {c!r} column; columns are: {', '.join(map(str, df.columns))}")
        get = lambda c: list(df[c]) if c in df.columns else [None] * len(df)  # noqa: E731
        rows = _Rows([str(x) for x in df[id_col]], ["" if t is None or t != t else str(t) for t in df[text_col]],
                     [normalize_date(d) for d in get(date_col)], [norm(u) for u in get("url")],
                     [norm(u) for u in get("canonical_url")], [norm(o) for o in get("outlet")])
        return rows, "frame"
    ids, texts, dates, urls, canon, outlets = [], [], [], [], [], []
    kind = "documents"
    for d in docs:
        if isinstance(d, dict):
            kind = "dicts"
            ids.append(str(d.get(id_col)))
            texts.append(str(d.get(text_col) or ""))
            dates.append(normalize_date(d.get(date_col)))
            urls.append(norm(d.get("url")))
            canon.append(norm(d.get("canonical_url")))
            outlets.append(norm(d.get("outlet")))
        else:
            ids.append(d.id)
            texts.append(d.text)
            dates.append(normalize_date(d.get(date_col)))
            urls.append(norm(d.url))
            canon.append(norm(d.get("canonical_url")))
            outlets.append(norm(d.outlet))
    return _Rows(ids, texts, dates, urls, canon, outlets), kind


# ---------------------------------------------------------------------------
# the result


@dataclass
class DedupeResult:
    """``duplicates``: one row per duplicate document (``doc_id``, ``duplicate_of``, ``similarity``,
    ``containment``, ``linked_similarity``, ``group``, ``kind``: "repost" or "excerpt"); ``pairs``: every pair at or above the threshold
    (``doc_a``, ``doc_b``, ``similarity``, ``containment``); ``documents``: the input, with duplicates
    dropped, flagged (``duplicate_of``) or kept, in the input's own form (DataFrame, Documents, dicts);
    ``parameters``: the settings used, for a manifest."""

    duplicates: Any
    pairs: Any
    documents: Any
    parameters: dict[str, Any]

    @property
    def duplicate_of(self) -> dict[str, str]:
        return dict(zip(self.duplicates["doc_id"], self.duplicates["duplicate_of"]))


def _check(threshold: float, shingle_size: int, num_perm: int, policy: str) -> None:
    if not (0 < threshold <= 1):
        raise ConfigError(f"threshold={threshold!r}: must be in (0, 1] (Jaccard similarity of shingle sets)")
    if not isinstance(shingle_size, int) or shingle_size < 1:
        raise ConfigError(f"shingle_size={shingle_size!r}: must be a whole number >= 1")
    if not isinstance(num_perm, int) or num_perm < 8:
        raise ConfigError(f"num_perm={num_perm!r}: must be a whole number >= 8")
    if policy not in DUPLICATE_POLICIES:
        raise ConfigError(f"duplicates={policy!r}; allowed: {', '.join(DUPLICATE_POLICIES)}")


def dedupe(docs: Any, duplicates: str = "flag", *, threshold: float = DEFAULT_THRESHOLD,
           shingle_size: int = DEFAULT_SHINGLE, num_perm: int = DEFAULT_PERM, seed: int = 1,
           boilerplate_df: int | None = DEFAULT_BOILERPLATE_DF, id_col: str = "id", text_col: str = "text",
           date_col: str = "date", containment_threshold: float | None = DEFAULT_CONTAINMENT,
           min_contained_shingles: int = DEFAULT_MIN_CONTAINED,
           max_shared_df: int = DEFAULT_MAX_SHARED_DF) -> DedupeResult:
    """Find near-duplicates among ``docs`` and drop, flag or keep them (see the module docstring).

    ``docs`` is an iterable of :class:`~framelens.Document` (a Corpus too) or of dicts, or a pandas
    DataFrame with ``id`` and ``text`` columns (``date``, ``url``, ``canonical_url`` used when present).
    ``duplicates="drop"`` removes every document that is a duplicate of another; ``"flag"`` keeps all
    and marks duplicates (DataFrame: columns ``duplicate_of`` and ``is_duplicate``; Documents/dicts: a
    ``duplicate_of`` metadata field); ``"keep"`` returns the input unchanged (the table is still made).
    ``boilerplate_df``: shingles found in more than this many documents *of one outlet* are dropped from
    that outlet's documents before comparing (``None`` keeps everything; see the module docstring).
    Document ids must be unique.
    """
    import numpy as np
    import pandas as pd

    _check(threshold, shingle_size, num_perm, duplicates)
    if containment_threshold is not None and not (0 < containment_threshold <= 1):
        raise ConfigError(f"containment_threshold={containment_threshold!r}: must be in (0, 1] (share of the smaller "
                          "document's shingles found in the other)")
    if not hasattr(docs, "columns"):
        docs = list(docs)
    rows, kind = _rows(docs, id_col, text_col, date_col)
    n = len(rows.ids)
    if len(set(rows.ids)) != n:
        seen: set[str] = set()
        dup = next(i for i in rows.ids if i in seen or seen.add(i))
        raise ConfigError(f"document ids must be unique for dedupe; {dup!r} occurs more than once")
    cache: dict[str, int] = {}
    sets = [shingles(t, shingle_size, cache) for t in rows.texts]
    removed = _drop_boilerplate(sets, rows.outlets, boilerplate_df) if boilerplate_df else 0
    bands, r = lsh_params(threshold, num_perm)
    params = {"threshold": threshold, "shingle_size": shingle_size, "num_perm": num_perm, "bands": bands,
              "rows": r, "seed": seed, "measure": "jaccard", "duplicates": duplicates, "documents": n,
              "boilerplate_df": boilerplate_df, "boilerplate_shingles_removed": removed,
              "containment_threshold": containment_threshold, "min_contained_shingles": min_contained_shingles}
    valid = np.array([s.size > 0 for s in sets], dtype=bool)
    sig = _signatures(sets, bands * r, seed) if n else np.empty((0, bands * r), dtype=np.uint32)
    cand = _candidates(sig, bands, r, valid) if n > 1 else np.empty((0, 2), dtype=np.int64)
    params["candidates"] = int(len(cand))
    pair_rows = []
    for i, j in cand:
        inter = _overlap(sets[i], sets[j])
        union = sets[i].size + sets[j].size - inter
        sim = inter / union if union else 0.0
        if sim >= threshold:
            pair_rows.append((int(i), int(j), sim, inter / min(sets[i].size, sets[j].size)))
    # containment: (contained, container) pairs, exact overlaps from the inverted index
    contained: dict[int, int] = {}
    if containment_threshold is not None and n > 1:
        seen = {(i, j) for i, j, _, _ in pair_rows}
        sp, cnt = _shared_counts(sets, max_shared_df)
        for (i, j), inter in zip(sp.tolist(), cnt.tolist()):
            small, big = (i, j) if (sets[i].size, j) <= (sets[j].size, i) else (j, i)
            if sets[small].size < min_contained_shingles:
                continue
            cont = inter / sets[small].size
            if cont < containment_threshold:
                continue
            if (i, j) in seen:  # similar enough already: a repost, not an excerpt
                continue
            contained.setdefault(small, big)
            inter = _overlap(sets[i], sets[j])
            pair_rows.append((i, j, inter / (sets[i].size + sets[j].size - inter), cont))
    params["containment_pairs"] = len(contained)
    log.info("dedupe: %d documents, %d candidate pairs (%d bands x %d rows), %d pairs >= %.2f or contained",
             n, len(cand), bands, r, len(pair_rows), threshold)

    # groups (union-find)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best_link: dict[int, float] = {}
    for i, j, sim, _ in pair_rows:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
        best_link[i] = max(best_link.get(i, 0.0), sim)
        best_link[j] = max(best_link.get(j, 0.0), sim)
    groups: dict[int, list[int]] = {}
    for i in best_link:
        groups.setdefault(find(i), []).append(i)

    dup_rows = []
    for gno, (_, members) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1])), 1):
        members.sort()
        named = {rows.canon[m] for m in members if rows.canon[m]}
        canonical = [m for m in members if rows.urls[m] and rows.urls[m] in named]
        pool = canonical or members
        # earliest first; on equal or missing dates a container before an excerpt, then input order
        orig = min(pool, key=lambda m: (rows.dates[m] is None, rows.dates[m] or "", m in contained, m))
        for m in members:
            if m == orig:
                continue
            inter = _overlap(sets[m], sets[orig])
            union = sets[m].size + sets[orig].size - inter
            dup_rows.append({
                "doc_id": rows.ids[m], "duplicate_of": rows.ids[orig],
                "similarity": round(inter / union, 4) if union else 0.0,
                "containment": round(inter / min(sets[m].size, sets[orig].size), 4),
                "linked_similarity": round(best_link[m], 4), "group": gno,
                "kind": "excerpt" if m in contained else "repost", "_pos": m,
            })
    dup_rows.sort(key=lambda d: d["_pos"])
    table = pd.DataFrame(dup_rows, columns=["doc_id", "duplicate_of", "similarity", "containment",
                                            "linked_similarity", "group", "kind", "_pos"]).drop(columns="_pos")
    pairs = pd.DataFrame(
        [{"doc_a": rows.ids[i], "doc_b": rows.ids[j], "similarity": round(s, 4), "containment": round(c, 4)}
         for i, j, s, c in sorted(pair_rows, key=lambda p: (-p[2], p[0], p[1]))],
        columns=["doc_a", "doc_b", "similarity", "containment"])
    of = dict(zip(table["doc_id"], table["duplicate_of"]))
    credit = None
    if duplicates == "credit":
        outlet_of = dict(zip(rows.ids, rows.outlets))
        credit = {d: outlet_of.get(o) for d, o in of.items()}
    return DedupeResult(table, pairs, _apply(docs, kind, rows.ids, of, duplicates, id_col, credit), params)


def _apply(docs: Any, kind: str, ids: list[str], of: dict[str, str], policy: str, id_col: str,
           credit: dict[str, str | None] | None = None) -> Any:
    if policy == "keep":
        return docs
    credit = credit or {}
    if kind == "frame":
        import pandas as pd

        df = docs
        keys = [str(x) for x in df[id_col]]
        if policy == "drop":
            return df[[k not in of for k in keys]].copy()
        out = df.copy()
        out["duplicate_of"] = pd.Series([of.get(k) for k in keys], index=out.index, dtype=object)
        out["is_duplicate"] = out["duplicate_of"].notna()
        if policy == "credit" and "outlet" in out.columns:
            out["host_outlet"] = [o if k in credit else None for k, o in zip(keys, out["outlet"])]
            out["outlet"] = [credit.get(k) or o if k in credit else o for k, o in zip(keys, out["outlet"])]
        return out
    out_list = []
    for d, key in zip(docs, ids):
        if key in of:
            if policy == "drop":
                continue
            new = credit.get(key) if policy == "credit" else None
            if kind == "dicts":
                d = {**d, "duplicate_of": of[key]}
                if new:
                    d.update(host_outlet=d.get("outlet"), outlet=new)
            elif new:
                d = replace(d, outlet=new, extra={**dict(d.extra), "duplicate_of": of[key], "host_outlet": d.outlet})
            else:
                d = replace(d, extra={**dict(d.extra), "duplicate_of": of[key]})
        out_list.append(d)
    return out_list


def find_duplicates(docs: Any, **kwargs) -> Any:
    """Only the duplicates table of :func:`dedupe` (doc_id, duplicate_of, similarity, ...)."""
    kwargs.setdefault("duplicates", "keep")
    return dedupe(docs, **kwargs).duplicates


def _jaccard_exact(a: str, b: str, size: int = DEFAULT_SHINGLE) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (used by tests and the docs)."""
    sa, sb = shingles(a, size), shingles(b, size)
    if sa.size == 0 and sb.size == 0:
        return 0.0
    inter = _overlap(sa, sb)
    return inter / (sa.size + sb.size - inter)

