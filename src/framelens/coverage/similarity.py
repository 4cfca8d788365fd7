"""Sentence similarity for fact alignment, and the linking of similar sentences of different articles
into fact units (see docs/methods_align.md; used by :mod:`framelens.coverage.align`).

Two measures of a pair of sentences, both fitted on the event's own sentences:

* the **similarity** ``S``: the mean of three TF-IDF cosines (words and word pairs, character 3-5-grams,
  anchors: numbers, names, quotation shingles), in [0, 1];
* the **shared evidence** ``E``: the summed inverse document frequency (within the event) of the
  content terms both sentences contain (content words cut to their first six letters, numbers,
  three-word shingles of quoted text). A term found in most of the event's sentences ("Trump" in
  a story about Trump, "2016" in a campaign) is worth little; a term only two sentences share is
  worth a lot.

Only pairs that share content terms are ever compared (an inverted index over the terms), so the
work grows with the number of such pairs, not with the square of the number of sentences.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

__all__ = ["sentence_similarity", "anchors", "content_terms", "stop_words", "PairScorer", "candidate_pairs",
           "term_weights", "link_units", "STEM"]

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP = re.compile(r"[^\W\d_][\w'’\-]*")
#: Content words are compared by their first STEM letters ("arrested"/"arrest", "hospitals"/"hospital"):
#: prefix truncation, a crude stemmer that needs no language data (no stemmer is in the core install).
STEM = 6


# -- features --------------------------------------------------------------------------------------------

def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the list the word block of the similarity uses)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _shingles(quoted: list[str]) -> list[str]:
    out = []
    for q in quoted:
        words = [w.lower() for w in _WORD.findall(q.replace("’", "'"))]
        if len(words) < 3:
            out += ["q:" + " ".join(words)] if words else []
        else:
            out += ["q:" + " ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    return out


def anchors(text: str, quoted: list[str], stop: frozenset[str]) -> list[str]:
    """Numbers, names and quotation shingles of one sentence (the anchor tokens)."""
    t = text.replace("’", "'")
    out = ["n:" + m.group(0).replace(",", "") for m in _NUM.finditer(t)]
    first = True
    for m in _CAP.finditer(t):
        w = m.group(0)
        low = re.sub(r"'s?$", "", w.lower())
        if w[:1].isupper() and low not in stop and len(low) > 1:
            if not first or low not in stop:
                out.append("e:" + low)
        first = False
    return out + _shingles(quoted)


def content_terms(text: str, quoted: list[str], stop: frozenset[str]) -> set[str]:
    """The content terms of one sentence, as a set: words that are not stop words, lower-cased, possessive
    removed and cut to :data:`STEM` letters; a run of capitalised words (a name: "Bernie Sanders",
    "National Rifle Association") counts once, as its last word, so a two-word name is one piece of
    evidence, not two, and "Sanders" matches "Bernie Sanders"; numbers (``n:612``); three-word
    shingles of quoted text.

    >>> sorted(content_terms("Police arrested 3 men in Harlan Falls on Monday.", [], stop_words()))
    ['arrest', 'falls', 'men', 'monday', 'n:3', 'police']
    """
    t = text.replace("’", "'")
    out = {"n:" + m.group(0).replace(",", "") for m in _NUM.finditer(t)}
    words = list(_WORD.finditer(t))
    for k, m in enumerate(words):
        w = m.group(0)
        nxt = words[k + 1] if k + 1 < len(words) else None
        if (w[:1].isupper() and nxt is not None and nxt.group(0)[:1].isupper()
                and not t[m.end():nxt.start()].strip()):
            continue  # inside a name: the name counts as its last word
        low = re.sub(r"'s?$", "", w.lower())
        if len(low) > 1 and low not in stop and not low[0].isdigit():
            out.add(low[:STEM])
    return out | set(_shingles(quoted))


def _blocks(texts: Sequence[str], anchor_lists: Sequence[list[str]]):
    """The three L2-normalised TF-IDF blocks (word, character, anchor) of the sentences (None: empty)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    norm = [t.replace("’", "'").replace("‘", "'") for t in texts]
    blocks = []
    specs = [
        (dict(lowercase=True, stop_words="english", token_pattern=r"(?u)\b\w[\w']*\b", ngram_range=(1, 2),
              sublinear_tf=True), norm),
        (dict(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True), norm),
        (dict(analyzer=lambda toks: toks, lowercase=False, sublinear_tf=True), list(anchor_lists)),
    ]
    for kw, data in specs:
        vec = TfidfVectorizer(norm="l2", **kw)
        try:
            blocks.append(vec.fit_transform(data).tocsr())
        except ValueError:  # empty vocabulary (no anchors at all, no content word)
            blocks.append(None)
    return blocks


def sentence_similarity(texts: Sequence[str], anchors: Sequence[list[str]] | None = None):
    """The dense n x n similarity matrix of sentences: the mean of the word, character and anchor cosines.

    ``anchors``: per sentence, its anchor tokens (numbers ``n:612``, names ``e:castellano``,
    quotation shingles ``q:we found a``); by default computed from the text alone (no
    quotation shingles). Fitted on ``texts`` themselves (IDF within the given sentences). Memory is
    quadratic: the alignment itself scores only candidate pairs (:class:`PairScorer`).
    """
    import numpy as np

    n = len(texts)
    if anchors is None:
        stop = stop_words()
        anchors = [globals()["anchors"](t, [], stop) for t in texts]
    S = np.zeros((n, n))
    if n == 0:
        return S
    for X in _blocks(texts, anchors):
        if X is not None:
            S += (X @ X.T).toarray()
    S /= 3.0
    return np.clip(S, 0.0, 1.0)


class PairScorer:
    """The similarity ``S`` of any pairs or blocks of sentences, without the n x n matrix.

    Parameters
    ----------
    texts, anchor_lists : sequences
        The sentences and their anchor tokens (:func:`anchors`); the TF-IDF blocks are fitted on them.
    """

    def __init__(self, texts: Sequence[str], anchor_lists: Sequence[list[str]]):
        from scipy import sparse

        blocks = [X for X in _blocks(texts, anchor_lists) if X is not None] if len(texts) else []
        # one matrix [X1 X2 X3] / sqrt(3): its row products are the mean of the three cosines
        self.H = sparse.hstack(blocks).tocsr() / math.sqrt(3) if blocks else None
        self.n = len(texts)

    def pairs(self, i, j):
        """Similarities of the pairs ``(i[k], j[k])`` (numpy arrays of equal length)."""
        import numpy as np

        if self.H is None or not len(i):
            return np.zeros(len(i))
        out = np.asarray(self.H[i].multiply(self.H[j]).sum(axis=1)).ravel()
        return np.clip(out, 0.0, 1.0)

    def block(self, a: Sequence[int], b: Sequence[int]):
        """The dense ``len(a) x len(b)`` similarity matrix of two sets of sentences."""
        import numpy as np

        if self.H is None:
            return np.zeros((len(a), len(b)))
        return np.clip((self.H[list(a)] @ self.H[list(b)].T).toarray(), 0.0, 1.0)


# -- candidate pairs and their shared evidence -----------------------------------------------------------

def candidate_pairs(terms: Sequence[set[str]], doc_of: Sequence[str], min_evidence: float):
    """Pairs of sentences of *different* documents whose shared content terms weigh at least ``min_evidence``.

    The weight of a term is its inverse document frequency among the given sentences, ``ln((n + 1) / df)``;
    terms found in more than half of the sentences (and in more than two) are left out: they say
    nothing about a particular fact, and leaving them out keeps the work proportional to the pairs
    that share a rarer term. Returns ``(i, j, evidence)`` numpy arrays with ``i < j``.
    """
    import numpy as np
    from scipy import sparse

    n = len(terms)
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if n < 2:
        return empty
    df: dict[str, int] = {}
    for ts in terms:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    vocab = {t: k for k, t in enumerate(sorted(t for t, c in df.items() if 2 <= c <= max(2.0, n / 2)))}
    rows, cols = [], []
    for r, ts in enumerate(terms):
        for t in ts:
            if t in vocab:
                rows.append(r)
                cols.append(vocab[t])
    if not rows:
        return empty
    idf = np.zeros(len(vocab))
    for t, k in vocab.items():
        idf[k] = math.log((n + 1) / df[t])  # smoothed: a term of both sentences of a two-sentence event counts
    B = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
    E = sparse.triu(B.multiply(idf[None, :]).tocsr() @ B.T, k=1).tocoo()
    dix = {d: k for k, d in enumerate(dict.fromkeys(doc_of))}
    dd = np.array([dix[d] for d in doc_of])
    keep = (dd[E.row] != dd[E.col]) & (E.data >= min_evidence)
    return E.row[keep].astype(np.int64), E.col[keep].astype(np.int64), E.data[keep]


def term_weights(terms: Sequence[set[str]]) -> list[dict[str, float]]:
    """Per sentence, its rare content terms with their weight ``ln((n + 1) / df)`` (the same terms and
    weights as :func:`candidate_pairs`: found in 2 or more and in at most half of the sentences, or in 2)."""
    n = len(terms)
    df: dict[str, int] = {}
    for ts in terms:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    keep = {t: math.log((n + 1) / c) for t, c in df.items() if 2 <= c <= max(2.0, n / 2)}
    return [{t: keep[t] for t in ts if t in keep} for ts in terms]


def _evidence(wa: dict[str, float], wb: dict[str, float]) -> float:
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return sum(w for t, w in wa.items() if t in wb)


# -- linking into units ----------------------------------------------------------------------------------

@dataclass
class _Unit:
    members: list[int]
    total: float = 0.0  # sum of the similarities of its cross-document pairs
    pairs: int = 0      # number of its cross-document pairs
    low: float = 1.0    # the lowest of them


def link_units(scorer: PairScorer, edges, doc_of: Sequence[str], threshold: float, floor: float,
               max_per_doc: int, weights: Sequence[dict[str, float]] | None = None,
               pair_evidence: float = 0.0) -> list[list[int]]:
    """Group sentences into units along ``edges``, strongest first, under a cohesion check.

    ``edges``: ``(i, j, s)`` arrays of linkable pairs (different documents, enough shared evidence,
    similarity ``s >= threshold``). Edges are taken in order of decreasing similarity (ties: by
    ``i``, then ``j``); an edge joining two different units merges them only when the merged unit
    passes the check: the mean similarity of its cross-document pairs is at least ``threshold``
    (average link), *every* cross-document pair reaches ``floor`` and shares rare terms weighing at
    least ``pair_evidence`` (``weights``: per sentence, term -> weight, :func:`term_weights`)
    (complete link), and no document has more than ``max_per_doc`` sentences in it. Pairs inside one
    document are left out (they are no evidence either way). Sentences without edges stay units of
    their own.
    """
    import numpy as np

    n = len(doc_of)
    units: dict[int, _Unit] = {k: _Unit([k]) for k in range(n)}
    of = list(range(n))
    i, j, s = edges
    order = np.lexsort((j, i, -np.asarray(s)))
    for k in order:
        a, b = of[int(i[k])], of[int(j[k])]
        if a == b:
            continue
        A, B = units[a], units[b]
        counts: dict[str, int] = {}
        for m in A.members + B.members:
            counts[doc_of[m]] = counts.get(doc_of[m], 0) + 1
        if max(counts.values()) > max_per_doc:
            continue
        sub = scorer.block(A.members, B.members)
        cross = np.array([[doc_of[x] != doc_of[y] for y in B.members] for x in A.members])
        vals = sub[cross]
        total, pairs = A.total + B.total + float(vals.sum()), A.pairs + B.pairs + int(vals.size)
        low = min(A.low, B.low, float(vals.min()) if vals.size else 1.0)
        if pairs == 0 or total / pairs < threshold or low < floor:
            continue
        if weights is not None and pair_evidence > 0 and any(
                _evidence(weights[x], weights[y]) < pair_evidence
                for x in A.members for y in B.members if doc_of[x] != doc_of[y]):
            continue
        keep, gone = (a, b) if a < b else (b, a)
        merged = _Unit(units[keep].members + units[gone].members, total, pairs, low)
        units[keep] = merged
        del units[gone]
        for m in merged.members:
            of[m] = keep
    return [sorted(u.members) for _, u in sorted(units.items())]
