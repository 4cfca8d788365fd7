"""Same facts, different words: align the sentences of one event's articles into fact units.

Method (docs/methods_align.md has the full description, docs/validation_align.md the
validation):

1. **Sentences.** Every document of the event is segmented by framelens
   (:func:`framelens.text.segmentation`); a sentence takes part in the alignment when it
   has at least ``min_words`` words and is not a heading or list line (a
   paragraph of one sentence with no closing ``.``, ``!``, ``?`` or quotation
   mark). Other sentences keep their index but belong to no unit.
2. **Representation.** Three blocks, each fitted on the event's own sentences
   (so the inverse document frequency says what is common *within this
   event*) and L2-normalised: (a) TF-IDF of lower-cased words and word pairs,
   English stop words removed; (b) TF-IDF of character 3-5-grams inside word
   boundaries (``arrested``/``arrest``, ``71%``/``71 percent``); (c) TF-IDF of
   *anchors*: the numbers of the sentence (``612``, ``2024``), its names
   (capitalised words that are not sentence-initial stop words:
   ``castellano``, ``pruitt``) and three-word shingles of the text inside its
   quotation marks (a shared quotation). The similarity of two sentences is the
   mean of the three cosines, so it lies in [0, 1].
3. **Linking.** Two sentences of different articles may link only when they share rare content
   terms (summed within-event IDF of shared words, numbers and quoted shingles of at least
   ``EVIDENCE_TERMS`` = 2 terms that each occur in about two sentences per article) and their
   similarity is at least ``threshold``. Links are taken strongest first; two units merge only when
   the merged unit passes a cohesion check: mean cross-article similarity >= ``threshold``, every
   cross-article pair >= :data:`COMPLETE_FLOOR`, at most ``max_per_doc`` sentences of any one
   article. Sentences that join nothing stay units of their own (facts reported by one article only
   are kept). Candidate pairs come from an inverted index, so no n x n matrix is built.
4. **Units.** Each unit's label is its most central sentence (highest mean
   similarity to the unit's other sentences; ties: the earliest article).
   Units are numbered in order of first report: the date of the earliest
   article carrying them, then that article's sentence order.

The default threshold (:data:`DEFAULT_THRESHOLD`) is the similarity that only
1 in 1,000 pairs of sentences from *different* events reach (articles on the
same topic published more than 30 days apart, in the benchmark news corpus:
``benchmarks/align_basil.py --null``), i.e. a false-link rate chosen in advance,
not tuned on any gold alignment.
"""

from __future__ import annotations

import difflib
import logging
import math
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..errors import ConfigError, InputError, Reason
from .similarity import (PairScorer, anchors, candidate_pairs, content_terms, link_units, sentence_similarity, stop_words,
                         term_weights)

__all__ = ["DEFAULT_THRESHOLD", "COMPLETE_FLOOR", "EVIDENCE_TERMS", "PAIR_EVIDENCE", "CORE_SHARE", "TOP_UNITS",
           "MAX_PER_DOC", "MIN_WORDS", "MAX_SENTENCES", "BURIED_FROM", "VOICES", "FACT_COLUMNS", "UNIT_COLUMNS", "AlignResult", "align", "align_events",
           "align_tables", "core_threshold", "unevenness", "top_units", "sentence_similarity", "word_diff"]

log = logging.getLogger("framelens")

#: Mean similarity two units need to merge: the 99.9th percentile of the similarity of sentence
#: pairs from different events (same topic, > 30 days apart) in the benchmark corpus; see
#: docs/methods_align.md and ``benchmarks/align_basil.py --null``.
DEFAULT_THRESHOLD = 0.28
#: Every pair of sentences of different articles inside one unit must be at least this similar (the
#: complete-link cohesion check): the 99th percentile of the same null distribution (0.121), i.e. a
#: similarity that one unrelated pair in 100 reaches.
COMPLETE_FLOOR = 0.12
#: A unit is a *core fact* of an event of ``k`` outlets when at least ``max(2, ceil(CORE_SHARE * k))``
#: outlets carry it (see :func:`core_threshold` and docs/methods_align.md for the choice of a third).
CORE_SHARE = 1 / 3
#: A linkable pair must share the information of this many terms that each occur in about two sentences per
#: article (see :func:`_min_evidence`).
EVIDENCE_TERMS = 2
#: Every pair of sentences of different articles inside one unit must share at least this share of the
#: evidence an edge needs (the complete-link check on shared rare terms; 1 = the full amount).
PAIR_EVIDENCE = 1.0
#: Shared units shown in a report section by default (the most unevenly carried; the rest in the CSV).
TOP_UNITS = 12
#: Most sentences one article may contribute to one unit ("at most a few").
MAX_PER_DOC = 3
#: Sentences with fewer words take no part in the alignment ("Fine.", "Forty.", datelines).
MIN_WORDS = 4
#: A unit is *buried* in an article when it first appears at or after this share of the text.
BURIED_FROM = 2 / 3
#: Events with more sentences than this are not aligned (probably several events mixed together).
MAX_SENTENCES = 6000
#: How a version of a fact is voiced.
VOICES = ("reporter", "attributed", "quotation")
#: The columns of ``facts.csv`` (the contract for other tools), in order.
FACT_COLUMNS = ["unit", "doc_id", "outlet", "present", "sentence", "position", "voice", "text"]
#: The columns of ``units.csv``, in order.
UNIT_COLUMNS = ["unit", "label", "label_doc", "label_sentence", "n_sentences", "n_docs", "n_outlets", "outlets",
                "doc_ids", "cohesion", "order", "core", "unevenness"]

_SPAN_FIELDS = ("doc_id", "kind", "start", "end", "text", "label", "sentence", "paragraph", "lede", "quoted_share",
                "content_start", "content_end", "mode", "source", "source_type", "cue", "stance", "severity", "use",
                "voice")
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_CLOSERS = ".!?\"”’'…)"


@dataclass
class AlignResult:
    """The alignment of one event's documents (all tables are pandas DataFrames).

    ``facts``: one row per (unit, document) — :data:`FACT_COLUMNS` first, then ``event``,
    ``title``, ``date``, ``sentences`` (all sentence indices, ``;``-separated), ``n_sentences``,
    ``lede``, ``buried``. ``units``: one row per unit (``unit``, ``label``, ``label_doc``,
    ``label_sentence``, ``n_sentences``, ``n_docs``, ``n_outlets``, ``outlets``, ``doc_ids``,
    ``cohesion`` = mean similarity between its sentences of different articles, ``order``).
    ``sentences``: one row per sentence of every document (``doc_id``, ``sentence``,
    ``start``, ``end``, ``text``, ``position``, ``lede``, ``buried``, ``voice``,
    ``quoted_share``, ``aligned`` (took part), ``unit``, ``central``, ``source``, ``cue``,
    ``stance``, ``loaded``, ``hedges``, ``boosters``, ``verbs``). ``phrasing``: one row per
    version of every unit carried by two or more documents, with ``marked`` (the sentence's
    tokens as ``[text, changed]`` pairs against the unit's label sentence) and ``changed``
    (the differing words). ``coverage``: one row per outlet (see :func:`coverage_table`).
    ``documents``: the documents aligned, in date order. ``similarity``: the similarities of the
    candidate pairs (scipy CSR, symmetric; rows = aligned sentences in ``sentences`` order; pairs that
    share no rare term are 0). Units also have ``core`` and ``unevenness`` (see :func:`coverage_table`).
    """

    event: str | None
    documents: Any
    sentences: Any
    units: Any
    facts: Any
    phrasing: Any
    coverage: Any
    texts: dict[str, str]
    parameters: dict[str, Any] = field(default_factory=dict)
    similarity: Any = None

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(self.documents["outlet"]))

    def unit_sentences(self, unit: str):
        """The sentences (rows of ``sentences``) of one unit."""
        s = self.sentences
        return s[s["unit"] == unit]

    def matrix(self):
        """Units x documents: 1 where the document carries the unit (rows in order of first report)."""
        f = self.facts
        m = f.pivot_table(index="unit", columns="doc_id", values="present", aggfunc="max", sort=False)
        return m.reindex(index=list(self.units["unit"]), columns=list(self.documents["doc_id"])).fillna(False).astype(int)


# -- sentences of one document ---------------------------------------------------------------------------

class _Structure:
    """The sentences, paragraphs and quotations of one document, as the analysis recorded them in its
    ``sentence`` and ``quote`` spans (with their ``paragraph`` and ``lede`` columns), so alignment never
    segments again; a document whose spans lack sentences is segmented here instead."""

    __slots__ = ("sentences", "sentence_paragraph", "lede", "quotes")

    def __init__(self, text: str, by_kind: dict[str, list[dict]]):
        sents = sorted((sp for sp in by_kind.get("sentence", []) if _ok(sp.get("sentence"))),
                       key=lambda sp: int(sp["sentence"]))
        if sents and all(_ok(sp.get("paragraph")) and _ok(sp.get("lede")) for sp in sents):
            self.sentences = [(int(sp["start"]), int(sp["end"])) for sp in sents]
            self.sentence_paragraph = [int(sp["paragraph"]) for sp in sents]
            self.lede = [bool(sp["lede"]) for sp in sents]
            self.quotes = [(int(q["start"]), int(q["end"]), int(q["content_start"]), int(q["content_end"]))
                           for q in sorted(by_kind.get("quote", []), key=lambda q: int(q["start"]))]
            return
        from ..text.segmentation import lede_end, segment

        seg = segment(text)
        lede_at = lede_end(text, seg)
        self.sentences = list(seg.sentences)
        self.sentence_paragraph = list(seg.sentence_paragraph)
        self.lede = [s < lede_at for s, _ in seg.sentences]
        self.quotes = [(q.start, q.end, q.content_start, q.content_end) for q in seg.quotes]

    def is_heading(self, text: str, k: int) -> bool:
        """A paragraph of one sentence that does not end like a sentence (a heading or a list line)."""
        s, e = self.sentences[k]
        paras = self.sentence_paragraph
        para = paras[k] if k < len(paras) else None
        alone = para is not None and sum(1 for p in paras if p == para) == 1
        body = text[s:e].rstrip()
        return alone and (not body or body[-1] not in _CLOSERS)


def _doc_sentences(doc_id: str, text: str, spans, min_words: int) -> list[dict[str, Any]]:
    """One record per sentence of a document, with its voice and the spans that fall in it."""
    from ..text.segmentation import count_words

    n = max(len(text), 1)
    rows = []
    by_kind: dict[str, list[dict]] = {}
    for sp in spans:
        by_kind.setdefault(sp.get("kind"), []).append(sp)
    st = _Structure(text, by_kind)
    sent_spans = {int(sp["sentence"]): sp for sp in by_kind.get("sentence", []) if _ok(sp.get("sentence"))}
    for k, (s, e) in enumerate(st.sentences):
        sp = sent_spans.get(k)
        qs = _f(sp.get("quoted_share")) if sp is not None else None
        if qs is None:
            qchars = sum(max(0, min(e, qe) - max(s, qs_)) for qs_, qe, _, _ in st.quotes)
            qs = qchars / max(e - s, 1)
        words = count_words(text, s, e)
        quoted = [text[max(cs, s):min(ce, e)] for _, _, cs, ce in st.quotes if cs < e and ce > s]
        rec = {"doc_id": doc_id, "sentence": k, "start": s, "end": e, "text": text[s:e], "words": words,
               "position": s / n, "lede": st.lede[k], "buried": s / n >= BURIED_FROM, "quoted_share": qs,
               "quoted": quoted, "aligned": words >= min_words and not st.is_heading(text, k)}
        rec.update(_sentence_spans(by_kind, k, s, e))
        rec["voice"] = "quotation" if qs >= 0.5 else ("attributed" if rec["source"] is not None else "reporter")
        rows.append(rec)
    return rows


def _ok(v: Any) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def _f(v: Any) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _sentence_spans(by_kind: dict[str, list[dict]], k: int, s: int, e: int) -> dict[str, Any]:
    """Attribution, loaded terms, hedges, boosters and reporting verbs of sentence ``k`` (``[s, e)``)."""
    def inside(sp):
        return _ok(sp.get("start")) and s <= int(sp["start"]) < e

    source = cue = stance = stype = None
    for a in by_kind.get("attribution", []):
        if str(a.get("mode")) == "no_response":
            continue
        cs, ce = _f(a.get("content_start")), _f(a.get("content_end"))
        covers = cs is not None and ce is not None and cs < e and ce > s
        if inside(a) or covers:
            source = a.get("source") if _ok(a.get("source")) else a.get("text")
            cue = a.get("cue") if _ok(a.get("cue")) else None
            stance = a.get("stance") if _ok(a.get("stance")) else None
            stype = a.get("source_type") if _ok(a.get("source_type")) else None
            if inside(a):
                break

    def items(kind):
        out = []
        for sp in by_kind.get(kind, []):
            if inside(sp):
                if kind == "loaded_term" and ((_f(sp.get("severity")) or 0) < 1 or sp.get("use") == "mention"):
                    continue
                out.append({"text": sp.get("text"), "label": sp.get("label"), "voice": sp.get("voice"),
                            "start": int(sp["start"]) - s, "end": int(sp["end"]) - s})
        return out

    return {"source": source, "source_type": stype, "cue": cue, "stance": stance,
            "loaded": items("loaded_term"), "hedges": items("hedge"), "boosters": items("booster"),
            "verbs": items("report_verb")}


# -- phrasing differences --------------------------------------------------------------------------------

def _norm_token(t: str) -> str:
    """Lower case, curly quotes and apostrophes as straight ones (typography is not a wording difference)."""
    return t.lower().translate(_QUOTE_MAP)


_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def word_diff(text: str, reference: str) -> list[tuple[str, bool]]:
    """``text`` cut into tokens (words, punctuation, white space), each marked True where it differs
    from ``reference`` (difflib over lower-cased word and punctuation tokens; white space is never marked).

    >>> [t for t, changed in word_diff("He was charged in a robbery.", "He was charged in a brutal robbery.") if changed]
    []
    >>> [t for t, changed in word_diff("He was charged in a brutal robbery.", "He was charged in a robbery.") if changed]
    ['brutal']
    """
    pieces = re.findall(r"\s+|" + _TOKEN.pattern, text)
    tok_idx = [i for i, p in enumerate(pieces) if not p.isspace()]
    a = [_norm_token(pieces[i]) for i in tok_idx]
    b = [_norm_token(t) for t in _TOKEN.findall(reference)]
    changed = [True] * len(a)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for blk in sm.get_matching_blocks():
        for x in range(blk.a, blk.a + blk.size):
            changed[x] = False
    flags = [False] * len(pieces)
    for x, i in enumerate(tok_idx):
        flags[i] = changed[x]
    for i, p in enumerate(pieces):  # white space between two changed tokens belongs to the change
        if p.isspace():
            flags[i] = 0 < i < len(pieces) - 1 and flags[i - 1] and flags[i + 1]
    out: list[tuple[str, bool]] = []
    for p, c in zip(pieces, flags):
        if out and out[-1][1] == c:
            out[-1] = (out[-1][0] + p, c)
        else:
            out.append((p, c))
    return out


# -- the alignment ---------------------------------------------------------------------------------------

def _order_docs(docs: list[dict]) -> list[dict]:
    return sorted(docs, key=lambda d: (str(d.get("date") or "9999"), str(d["doc_id"])))


def align_tables(documents, spans, texts: dict[str, str], *, event: str | None = None,
                 threshold: float = DEFAULT_THRESHOLD, max_per_doc: int = MAX_PER_DOC,
                 min_words: int = MIN_WORDS) -> AlignResult:
    """Align the documents of one event from the tables of an analysis.

    ``documents``: DataFrame (or list of dicts) with ``id`` (or ``doc_id``), ``outlet``, and
    optionally ``date``, ``title``; ``spans``: the spans DataFrame (``doc_id`` column; may be
    empty, then sentences come from segmentation alone and every version is the reporter's);
    ``texts``: doc id -> text. All documents given are aligned together.
    """
    import numpy as np
    import pandas as pd

    if not 0 < threshold <= 1:
        raise ConfigError(f"threshold={threshold!r}: must be a similarity in (0, 1]")
    if max_per_doc < 1:
        raise ConfigError(f"max_per_doc={max_per_doc!r}: must be 1 or more")
    if min_words < 1:
        raise ConfigError(f"min_words={min_words!r}: must be 1 or more")
    recs = documents.to_dict("records") if hasattr(documents, "to_dict") else [dict(d) for d in documents]
    docs = []
    for r in recs:
        did = r.get("doc_id", r.get("id"))
        if did is None:
            raise ConfigError("documents need an 'id' (or 'doc_id') column")
        outlet = r.get("outlet")
        docs.append({"doc_id": str(did), "outlet": str(outlet) if _ok(outlet) else str(did),
                     "date": r.get("date") if _ok(r.get("date")) else None,
                     "title": r.get("title") if _ok(r.get("title")) else None})
    if not docs:
        raise InputError("align", "no document to align")
    docs = _order_docs(docs)
    span_groups: dict[str, list[dict]] = {}
    if spans is not None and len(spans):
        cols = [c for c in _SPAN_FIELDS if c in spans.columns]  # only what alignment reads: to_dict is the cost
        for did, part in spans.loc[spans["doc_id"].isin([d["doc_id"] for d in docs]), cols].groupby("doc_id",
                                                                                                   sort=False):
            span_groups[str(did)] = part.to_dict("records")
    sent_rows: list[dict] = []
    for d in docs:
        text = texts.get(d["doc_id"])
        if text is None:
            raise InputError(d["doc_id"], "no text for this document")
        rows = _doc_sentences(d["doc_id"], text, span_groups.get(d["doc_id"], []), min_words)
        for r in rows:
            r["outlet"] = d["outlet"]
        d["sentences"] = len(rows)
        sent_rows += rows
    aligned_idx = [i for i, r in enumerate(sent_rows) if r["aligned"]]
    if len(aligned_idx) > MAX_SENTENCES:
        raise ConfigError(f"event {event!r}: {len(aligned_idx):,} sentences to align, more than {MAX_SENTENCES:,} "
                          "(an event this large is probably several events: split it, e.g. with framelens events)",
                          code=Reason.TOO_LARGE)
    stop = stop_words()
    a_texts = [sent_rows[i]["text"] for i in aligned_idx]
    a_anchors = [anchors(sent_rows[i]["text"], sent_rows[i]["quoted"], stop) for i in aligned_idx]
    a_terms = [content_terms(sent_rows[i]["text"], sent_rows[i]["quoted"], stop) for i in aligned_idx]
    doc_of = [sent_rows[i]["doc_id"] for i in aligned_idx]
    n_al = len(aligned_idx)
    min_evidence = _min_evidence(n_al, len(docs))
    scorer = PairScorer(a_texts, a_anchors)
    ci, cj, ev = candidate_pairs(a_terms, doc_of, min_evidence)
    cs = scorer.pairs(ci, cj) if len(ci) else np.zeros(0)
    link = cs >= threshold
    clusters = link_units(scorer, (ci[link], cj[link], cs[link]), doc_of, threshold, COMPLETE_FLOOR, max_per_doc,
                          weights=term_weights(a_terms), pair_evidence=PAIR_EVIDENCE * min_evidence)

    # order units by first report: (document rank, sentence index) of their earliest member
    rank = {d["doc_id"]: k for k, d in enumerate(docs)}
    outlet_of = {d["doc_id"]: d["outlet"] for d in docs}
    n_outlets = len(set(outlet_of.values()))
    core_min = core_threshold(n_outlets)
    keyed = sorted(clusters, key=lambda c: min((rank[doc_of[m]], sent_rows[aligned_idx[m]]["sentence"]) for m in c))
    width = max(2, len(str(len(keyed))))
    unit_rows = []
    central_of: dict[int, bool] = {}
    for u, members in enumerate(keyed, 1):
        uid = f"u{u:0{width}d}"
        if len(members) > 1:
            sub = scorer.block(members, members)
            cross = np.array([[doc_of[a] != doc_of[b] for b in members] for a in members])
            centr = (sub * cross).sum(axis=1) / np.maximum(cross.sum(axis=1), 1)
            best = max(range(len(members)), key=lambda x: (centr[x], -rank[doc_of[members[x]]], -members[x]))
            pairs = cross.sum()
            cohesion = float((sub * cross).sum() / pairs) if pairs else float("nan")
        else:
            best, cohesion = 0, float("nan")
        for x, m in enumerate(members):
            r = sent_rows[aligned_idx[m]]
            r["unit"] = uid
            central_of[aligned_idx[m]] = x == best
        lab = sent_rows[aligned_idx[members[best]]]
        mdocs = list(dict.fromkeys(doc_of[m] for m in sorted(members, key=lambda m: (rank[doc_of[m]], m))))
        outlets = list(dict.fromkeys(outlet_of[di] for di in mdocs))
        unit_rows.append({"unit": uid, "label": lab["text"], "label_doc": lab["doc_id"],
                          "label_sentence": lab["sentence"], "n_sentences": len(members), "n_docs": len(mdocs),
                          "n_outlets": len(outlets), "outlets": "; ".join(outlets), "doc_ids": "; ".join(mdocs),
                          "cohesion": cohesion, "order": u, "core": len(outlets) >= core_min,
                          "unevenness": unevenness(len(outlets), n_outlets)})
    for i, r in enumerate(sent_rows):
        r.setdefault("unit", None)
        r["central"] = central_of.get(i, False)
    sentences = pd.DataFrame(sent_rows)
    sentences = sentences.drop(columns=["quoted"])
    units = pd.DataFrame(unit_rows, columns=UNIT_COLUMNS)
    documents_df = pd.DataFrame([{k: d[k] for k in ("doc_id", "outlet", "date", "title", "sentences")} for d in docs])
    facts = _facts_table(units, sentences, docs, event)
    phrasing = _phrasing_table(units, sentences)
    coverage = coverage_table(facts, units, documents_df)
    params = {"threshold": threshold, "max_per_doc": max_per_doc, "min_words": min_words,
              "buried_from": BURIED_FROM, "similarity": "mean of word (1-2-gram), char (3-5-gram) and anchor "
              "TF-IDF cosines, fitted within the event", "min_evidence": round(min_evidence, 4),
              "complete_floor": COMPLETE_FLOOR, "linkage": "strongest edge first; merged unit: mean cross-article "
              "similarity >= threshold and every cross-article pair >= complete_floor", "core_share": CORE_SHARE,
              "core_min_outlets": core_min, "sentences": len(sent_rows), "aligned_sentences": len(aligned_idx),
              "candidate_pairs": int(len(ci)), "units": len(units)}
    log.info("align: %d documents, %d sentences (%d aligned) -> %d units (%d shared by 2+ documents)", len(docs),
             len(sent_rows), len(aligned_idx), len(units), int((units["n_docs"] >= 2).sum()) if len(units) else 0)
    return AlignResult(event=event, documents=documents_df, sentences=sentences, units=units, facts=facts,
                       phrasing=phrasing, coverage=coverage, texts={d["doc_id"]: texts[d["doc_id"]] for d in docs},
                       parameters=params, similarity=_sparse_similarity(n_al, ci, cj, cs))


def core_threshold(n_outlets: int) -> int:
    """Outlets that must carry a unit for it to be a *core fact*: ``max(2, ceil(CORE_SHARE * n_outlets))``.

    >>> [core_threshold(k) for k in (2, 3, 6, 35, 53)]
    [2, 2, 2, 12, 18]
    """
    return max(2, math.ceil(CORE_SHARE * n_outlets - 1e-9))


def unevenness(carried: int, n_outlets: int) -> float:
    """How unevenly a unit is carried: ``4 p (1 - p)`` with ``p`` = share of the outlets carrying it
    (1 when half carry it, 0 when all or none do; a one-outlet unit of a large event is near 0).

    >>> unevenness(2, 3), unevenness(3, 3), unevenness(5, 10)
    (0.8889, 0.0, 1.0)
    """
    if n_outlets < 1:
        return 0.0
    p = carried / n_outlets
    return round(4 * p * (1 - p), 4)


def top_units(units, k: int | None = TOP_UNITS):
    """The shared units (carried by two or more outlets) a report shows: the ``k`` most unevenly carried
    (ties: more outlets first, then order of first report), returned in order of first report;
    ``k=None``: all shared units."""
    shared = units[units["n_outlets"] >= 2] if len(units) else units
    if k is None or len(shared) <= k:
        return shared
    ranked = shared.sort_values(["unevenness", "n_outlets", "order"], ascending=[False, False, True], kind="stable")
    return ranked.head(k).sort_values("order")


def _min_evidence(n_sentences: int, n_docs: int) -> float:
    """Shared evidence a linkable pair needs: the information of two terms that each occur in about two
    sentences per article (``2 ln(n / (2 n_docs))``, at least 0: in a tiny event any shared term will do)."""
    if n_sentences < 1 or n_docs < 1:
        return 0.0
    return max(0.0, EVIDENCE_TERMS * math.log(n_sentences / (2 * n_docs)))


def _sparse_similarity(n: int, i, j, s):
    """The similarities of the candidate pairs as a symmetric scipy CSR matrix (other pairs: 0)."""
    import numpy as np
    from scipy import sparse

    return sparse.csr_matrix((np.concatenate([s, s]), (np.concatenate([i, j]), np.concatenate([j, i]))),
                             shape=(n, n))


def _facts_table(units, sentences, docs: list[dict], event):
    import pandas as pd

    by: dict[tuple[str, str], list[dict]] = {}  # plain dicts: one pass, no per-group frames (units x docs rows)
    for r in sentences[sentences["unit"].notna()].to_dict("records"):
        by.setdefault((r["unit"], r["doc_id"]), []).append(r)
    absent = {"present": False, "sentence": None, "position": None, "voice": "", "text": "", "sentences": "",
              "n_sentences": 0, "lede": False, "buried": False}
    rows = []
    for u in units["unit"]:
        for d in docs:
            part = by.get((u, d["doc_id"]))
            row = {"unit": u, "doc_id": d["doc_id"], "outlet": d["outlet"]}
            if part is not None:
                part = sorted(part, key=lambda r: r["sentence"])
                first = part[0]
                row.update({"present": True, "sentence": int(first["sentence"]),
                            "position": round(float(first["position"]), 4), "voice": first["voice"],
                            "text": first["text"], "sentences": ";".join(str(int(x["sentence"])) for x in part),
                            "n_sentences": len(part), "lede": any(bool(x["lede"]) for x in part),
                            "buried": bool(first["buried"])})
            else:
                row.update(absent)
            row.update({"event": event, "title": d.get("title"), "date": d.get("date")})
            rows.append(row)
    cols = FACT_COLUMNS + ["event", "title", "date", "sentences", "n_sentences", "lede", "buried"]
    df = pd.DataFrame(rows, columns=cols)
    df["sentence"] = df["sentence"].astype("Int64")
    return df


def _phrasing_table(units, sentences):
    import pandas as pd

    rows = []
    multi = units[units["n_docs"] >= 2]
    groups: dict[str, list[dict]] = {}  # plain dicts, grouped in one pass
    for r in sentences[sentences["unit"].isin(set(multi["unit"]))].to_dict("records"):
        groups.setdefault(r["unit"], []).append(r)
    for u in multi.itertuples():
        part = groups[u.unit]
        ref = next(r for r in part if r["doc_id"] == u.label_doc and r["sentence"] == u.label_sentence)
        others = [r for r in part if r["doc_id"] != ref["doc_id"]]
        for r in part:
            is_ref = r is ref
            against = ref["text"]
            if is_ref:  # the label is compared with the next most similar version of another article
                against = others[0]["text"] if others else ref["text"]
            marked = word_diff(r["text"], against)
            rows.append({"unit": u.unit, "doc_id": r["doc_id"], "outlet": r["outlet"], "sentence": r["sentence"],
                         "reference": bool(is_ref), "voice": r["voice"], "text": r["text"],
                         "marked": [[t, c] for t, c in marked],
                         "changed": " | ".join(t for t, c in marked if c),
                         "source": r["source"], "source_type": r["source_type"], "cue": r["cue"],
                         "stance": r["stance"],
                         "loaded": "; ".join(f"{x['text']} ({x['label']})" for x in r["loaded"]),
                         "hedges": "; ".join(str(x["text"]) for x in r["hedges"]),
                         "boosters": "; ".join(str(x["text"]) for x in r["boosters"]),
                         "verbs": "; ".join(f"{x['text']} ({x['label']})" for x in r["verbs"])})
    return pd.DataFrame(rows, columns=["unit", "doc_id", "outlet", "sentence", "reference", "voice", "text", "marked",
                                       "changed", "source", "source_type", "cue", "stance", "loaded", "hedges",
                                       "boosters", "verbs"])


def coverage_table(facts, units, documents):
    """Per outlet: core facts carried and omitted, facts only it reports, lede vs buried, and voices.

    With ``k`` outlets, a unit is a *core fact* when at least :func:`core_threshold` ``(k)`` =
    ``max(2, ceil(k / 3))`` outlets carry it. Columns: ``outlet``, ``documents``, ``units`` (units it
    carries), ``exclusive`` (units no other outlet carries), ``omitted`` (core facts it does not
    carry), ``core`` (core facts of the event), ``core_min`` (outlets a core fact needs),
    ``core_carried``, ``lede``, ``buried`` (of its units, first placed in the lede / in the last
    third), ``core_lede``, ``core_buried``, ``reporter``, ``attributed``, ``quotation`` (voice of its
    first version of each unit), and ``exclusive_units``, ``omitted_units``, ``buried_units`` (unit
    ids, ``;``-separated).
    """
    import pandas as pd

    outlets = list(dict.fromkeys(documents["outlet"]))
    k = len(outlets)
    core_min = core_threshold(k)
    f = facts.copy()
    carried: dict[str, set[str]] = {o: set() for o in outlets}
    first: dict[tuple[str, str], dict] = {}
    for r in f[f["present"]].sort_values(["position"]).itertuples():
        carried[r.outlet].add(r.unit)
        first.setdefault((r.outlet, r.unit), {"lede": r.lede, "buried": r.buried, "voice": r.voice})
    n_out = {u: sum(u in carried[o] for o in outlets) for u in units["unit"]}
    core = {u for u, n in n_out.items() if n >= core_min}
    rows = []
    for o in outlets:
        mine = carried[o]
        excl = [u for u in units["unit"] if u in mine and n_out[u] == 1] if k > 1 else []
        omit = [u for u in units["unit"] if u in core and u not in mine]
        info = [first[(o, u)] for u in units["unit"] if u in mine]
        buried = [u for u in units["unit"] if u in mine and first[(o, u)]["buried"]]
        rows.append({
            "outlet": o, "documents": int((documents["outlet"] == o).sum()), "units": len(mine),
            "exclusive": len(excl), "omitted": len(omit), "core": len(core), "core_min": core_min,
            "core_carried": len(mine & core),
            "lede": sum(x["lede"] for x in info), "buried": len(buried),
            "core_lede": sum(first[(o, u)]["lede"] for u in mine & core),
            "core_buried": sum(first[(o, u)]["buried"] for u in mine & core),
            "reporter": sum(x["voice"] == "reporter" for x in info),
            "attributed": sum(x["voice"] == "attributed" for x in info),
            "quotation": sum(x["voice"] == "quotation" for x in info),
            "exclusive_units": ";".join(excl), "omitted_units": ";".join(omit), "buried_units": ";".join(buried)})
    return pd.DataFrame(rows)


# -- entry points ----------------------------------------------------------------------------------------

def _analysis(docs, analyzer=None):
    from ..runtime.pipeline import AnalysisResult, analyze

    if isinstance(docs, AnalysisResult):
        return docs
    return analyze(docs, analyzer=analyzer, errors="warn")


def _frames(analysis):
    import pandas as pd

    rows = [{"id": r.doc.id, "outlet": r.doc.outlet, "date": r.doc.date, "title": r.doc.title,
             "event": r.doc.event} for r in analysis.results]
    return pd.DataFrame(rows, columns=["id", "outlet", "date", "title", "event"]), {r.doc.id: r.doc.text
                                                                                   for r in analysis.results}


def _event_groups(documents, events_only: bool = False) -> dict[str | None, list[str]]:
    """Doc ids by event; when no document has an event, all documents form one group (None),
    unless ``events_only``."""
    ev = documents["event"] if "event" in documents.columns else None
    if ev is None or not ev.map(_ok).any():
        return {} if events_only else {None: list(documents["id"])}
    groups: dict[str | None, list[str]] = {}
    missing = 0
    for did, e in zip(documents["id"], ev):
        if _ok(e) and str(e).strip():
            groups.setdefault(str(e), []).append(did)
        else:
            missing += 1
    if missing:
        log.warning("align: %d document(s) without an event are not aligned", missing)
    return groups


def align(docs, event: str | None = None, *, threshold: float = DEFAULT_THRESHOLD, max_per_doc: int = MAX_PER_DOC,
          min_words: int = MIN_WORDS, analyzer=None) -> AlignResult:
    """Align the documents of one event into fact units.

    ``docs``: an :class:`~framelens.AnalysisResult`, a corpus, or documents (analysed with the
    default settings, or with ``analyzer``). ``event``: which event to align; required when the
    documents belong to several events (see :func:`align_events` for all at once). Documents
    without any event metadata are aligned together.
    """
    analysis = _analysis(docs, analyzer)
    documents, texts = _frames(analysis)
    groups = _event_groups(documents)
    if event is None:
        if len(groups) > 1:
            raise ConfigError(f"the documents belong to {len(groups)} events; choose one with event= (--event): "
                              + ", ".join(sorted(str(g) for g in groups)[:20]))
        event = next(iter(groups), None)
    elif event not in groups:
        raise ConfigError(f"event {event!r}: no document has that event; events present: "
                          + ", ".join(sorted(str(g) for g in groups)[:20]))
    ids = set(groups.get(event, []))
    if not ids:
        raise InputError("align", "no document to align")
    return align_tables(documents[documents["id"].isin(ids)], analysis.spans, texts, event=event,
                        threshold=threshold, max_per_doc=max_per_doc, min_words=min_words)


def align_events(docs, *, min_docs: int = 2, threshold: float = DEFAULT_THRESHOLD, max_per_doc: int = MAX_PER_DOC,
                 min_words: int = MIN_WORDS, analyzer=None, documents=None, spans=None,
                 texts: dict[str, str] | None = None, events_only: bool = False,
                 skip_large: bool = False) -> dict[str | None, AlignResult]:
    """Align every event with at least ``min_docs`` documents; returns event -> :class:`AlignResult`.

    Either ``docs`` (as for :func:`align`), or ``docs=None`` with the tables ``documents`` (``id``,
    ``outlet``, ``date``, ``title``, ``event``), ``spans`` and ``texts`` of an existing analysis.
    ``events_only``: never align documents that have no event metadata (by default, when no
    document has one, all are aligned as one event). ``skip_large``: skip events with more than
    :data:`MAX_SENTENCES` sentences (with a warning) instead of raising.
    """
    if docs is not None:
        analysis = _analysis(docs, analyzer)
        documents, texts = _frames(analysis)
        spans = analysis.spans
    elif documents is None or texts is None:
        raise ConfigError("align_events: give docs, or documents + spans + texts")
    out: dict[str | None, AlignResult] = {}
    for ev, ids in sorted(_event_groups(documents, events_only).items(), key=lambda kv: str(kv[0])):
        if len(ids) < min_docs:
            continue
        try:
            out[ev] = align_tables(documents[documents["id"].isin(set(ids))], spans, texts, event=ev,
                                   threshold=threshold, max_per_doc=max_per_doc, min_words=min_words)
        except ConfigError as exc:
            if not skip_large or exc.code != Reason.TOO_LARGE:
                raise
            log.warning("align: %s; not aligned", exc)
    return out

