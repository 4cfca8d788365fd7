"""Sentence similarity for fact alignment: anchor tokens (numbers, names, quotation shingles) and
TF-IDF blocks, and the constrained agglomerative clustering that turns similar sentences of different
articles into fact units (see docs/methods_align.md; used by :mod:`framelens.coverage.align`)."""

from __future__ import annotations

import re
from typing import Sequence

__all__ = ["sentence_similarity", "anchors", "cluster", "stop_words"]

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP = re.compile(r"[^\W\d_][\w'’\-]*")


# -- features --------------------------------------------------------------------------------------------

def stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


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
    for q in quoted:
        words = [w.lower() for w in _WORD.findall(q.replace("’", "'"))]
        if len(words) < 3:
            out += ["q:" + " ".join(words)] if words else []
        else:
            out += ["q:" + " ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    return out


def _blocks(texts: Sequence[str], anchors: Sequence[list[str]]):
    """The three L2-normalised TF-IDF blocks (word, character, anchor) of the sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    norm = [t.replace("’", "'").replace("‘", "'") for t in texts]
    blocks = []
    specs = [
        (dict(lowercase=True, stop_words="english", token_pattern=r"(?u)\b\w[\w']*\b", ngram_range=(1, 2),
              sublinear_tf=True), norm),
        (dict(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True), norm),
        (dict(analyzer=lambda toks: toks, lowercase=False, sublinear_tf=True), list(anchors)),
    ]
    for kw, data in specs:
        vec = TfidfVectorizer(norm="l2", **kw)
        try:
            blocks.append(vec.fit_transform(data).tocsr())
        except ValueError:  # empty vocabulary (no anchors at all, no content word)
            blocks.append(None)
    return blocks


def sentence_similarity(texts: Sequence[str], anchors: Sequence[list[str]] | None = None):
    """The n x n similarity matrix of sentences: the mean of the word, character and anchor cosines.

    ``anchors``: per sentence, its anchor tokens (numbers ``n:612``, names ``e:castellano``,
    quotation shingles ``q:we found a``); by default computed from the text alone (no
    quotation shingles). Fitted on ``texts`` themselves (IDF within the given sentences).
    """
    import numpy as np

    n = len(texts)
    if anchors is None:
        stop = stop_words()
        anchors = [anchors(t, [], stop) for t in texts]
    S = np.zeros((n, n))
    if n == 0:
        return S
    for X in _blocks(texts, anchors):
        if X is not None:
            S += (X @ X.T).toarray()
    S /= 3.0
    return np.clip(S, 0.0, 1.0)


# -- clustering ------------------------------------------------------------------------------------------

def cluster(S, doc_of, threshold: float, max_per_doc: int) -> list[list[int]]:
    """Average-linkage clustering of the similarity matrix ``S`` with a per-document cap.

    The linkage of two clusters is the mean similarity over their pairs of sentences from
    *different* documents (pairs within one document are left out: they are no evidence either
    way); clusters with no such pair never merge. Merging stops when the best linkage is below
    ``threshold``; a merge that would give one document more than ``max_per_doc`` sentences in a
    cluster is skipped (and stays forbidden: clusters only grow).
    """
    import numpy as np

    n = S.shape[0]
    if n == 0:
        return []
    docs = {d: k for k, d in enumerate(dict.fromkeys(doc_of))}
    dix = np.array([docs[d] for d in doc_of])
    counts = np.zeros((n, len(docs)), dtype=np.int32)
    counts[np.arange(n), dix] = 1
    cross = dix[:, None] != dix[None, :]
    W = np.where(cross, S, 0.0).astype(float)
    C = cross.astype(float)  # number of cross-document sentence pairs between two clusters
    active = np.ones(n, dtype=bool)
    forbidden = np.eye(n, dtype=bool)
    members = [[i] for i in range(n)]
    with np.errstate(divide="ignore", invalid="ignore"):
        while True:
            avg = np.where(C > 0, W / np.where(C > 0, C, 1.0), -np.inf)
            avg[forbidden] = -np.inf
            avg[~active, :] = -np.inf
            avg[:, ~active] = -np.inf
            k = int(np.argmax(avg))
            i, j = divmod(k, n)
            if not avg[i, j] >= threshold:
                break
            if i > j:
                i, j = j, i
            if int((counts[i] + counts[j]).max()) > max_per_doc:
                forbidden[i, j] = forbidden[j, i] = True  # clusters only grow: the pair stays forbidden
                continue
            W[i, :] += W[j, :]
            W[:, i] += W[:, j]
            C[i, :] += C[j, :]
            C[:, i] += C[:, j]
            counts[i] += counts[j]
            forbidden[i, :] |= forbidden[j, :]
            forbidden[:, i] |= forbidden[:, j]
            forbidden[i, i] = True
            active[j] = False
            members[i] += members[j]
            members[j] = []
    return [sorted(m) for m in members if m]
