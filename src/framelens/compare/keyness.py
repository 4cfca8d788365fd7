"""Keyness: the terms most distinctive of each group against the rest of the coverage.

Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
& Quinn 2008, "Fightin' Words", *Political Analysis* 16(4), section 3.5). For
term *w*, group *i* and the rest of the corpus *j* (every other group pooled)::

    a_w   = a_0 * y_w / n                  prior: the term's share of the whole corpus
    d_w   = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
          - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w   = d_w / sqrt(var_w)

where ``y`` are term counts and ``n`` token totals. ``a_0`` (``prior_strength``)
defaults to the corpus size ``n``, i.e. the pooled corpus itself is the prior,
which shrinks rare terms strongly towards "not distinctive". A positive z means
the group uses the term more than the rest; |z| > 1.96 is the conventional
two-sided 5% threshold for one term, with no correction for the many terms tested.

Tokens are words as framelens counts them (``segment.WORD_RE``), lower-cased,
keeping only tokens with a letter; no stop-word list is applied (function
words that are equally frequent everywhere get z close to 0 on their own).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..errors import ConfigError
from ..text.segmentation import WORD_RE

__all__ = ["tokenize", "keyness"]


def tokenize(text: str, ngram: int = 1) -> list[str]:
    """Lower-cased word tokens with at least one letter; with ``ngram=2`` adjacent pairs too."""
    toks = [m.group(0).lower().replace("’", "'") for m in WORD_RE.finditer(text)]
    toks = [t for t in toks if any(c.isalpha() for c in t)]
    if ngram <= 1:
        return toks
    out = list(toks)
    for k in range(2, ngram + 1):
        out.extend(" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1))
    return out


def keyness(
    texts: Iterable[str],
    groups: Iterable[str],
    *,
    prior_strength: float | None = None,
    min_count: int = 2,
    ngram: int = 1,
    top: int | None = None,
):
    """Distinctive terms of every group against all other groups pooled.

    ``texts`` and ``groups`` are parallel (one group label per document). Terms
    used fewer than ``min_count`` times in the whole corpus are left out. Returns
    a DataFrame sorted by group then descending z: ``group``, ``term``, ``count``
    (in the group), ``count_rest``, ``per_1k`` and ``per_1k_rest`` (per 1,000
    tokens), ``log_odds`` (d), ``se``, ``z``, ``n_tokens``, ``n_tokens_rest``,
    ``n_docs``. With ``top``, only the ``top`` highest-z terms of each group.
    Needs at least two groups.
    """
    import numpy as np
    import pandas as pd

    texts = list(texts)
    groups = [str(g) for g in groups]
    if len(texts) != len(groups):
        raise ConfigError(f"keyness: {len(texts)} texts but {len(groups)} group labels")
    names = sorted(set(groups))
    cols = ["group", "term", "count", "count_rest", "per_1k", "per_1k_rest", "log_odds", "se", "z",
            "n_tokens", "n_tokens_rest", "n_docs"]
    if len(names) < 2:
        return pd.DataFrame(columns=cols)
    counts: dict[str, Counter] = {g: Counter() for g in names}
    ndocs = Counter(groups)
    for t, g in zip(texts, groups):
        counts[g].update(tokenize(t or "", ngram))
    total = Counter()
    for c in counts.values():
        total.update(c)
    vocab = sorted(w for w, c in total.items() if c >= min_count)
    if not vocab:
        return pd.DataFrame(columns=cols)
    y = np.array([total[w] for w in vocab], dtype=float)
    n = float(sum(total.values()))
    a0 = n if prior_strength is None else float(prior_strength)
    if a0 <= 0:
        raise ConfigError(f"prior_strength={prior_strength!r}: must be positive")
    a = a0 * y / n
    frames = []
    for g in names:
        yi = np.array([counts[g][w] for w in vocab], dtype=float)
        ni = float(sum(counts[g].values()))
        yj = y - yi
        nj = n - ni
        d = (np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a)))
        se = np.sqrt(1.0 / (yi + a) + 1.0 / (yj + a))
        z = d / se
        df = pd.DataFrame({
            "group": g, "term": vocab, "count": yi.astype(int), "count_rest": yj.astype(int),
            "per_1k": yi / ni * 1000 if ni else np.nan, "per_1k_rest": yj / nj * 1000 if nj else np.nan,
            "log_odds": d, "se": se, "z": z, "n_tokens": int(ni), "n_tokens_rest": int(nj), "n_docs": ndocs[g],
        })
        df = df.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
        if top is not None:
            df = df.head(top)
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return out[cols]
