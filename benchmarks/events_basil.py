"""Event grouping validated on BASIL, and the threshold's justification on the bench corpus.

    .venv/bin/python benchmarks/events_basil.py            # ARI table on BASIL
    .venv/bin/python benchmarks/events_basil.py --null     # also: the bench-corpus null distribution, timing

BASIL (Fan et al., EMNLP 2019; 150 articles, 50 events each covered by Fox News, NYT and HuffPost) is read
from ../shared/datasets/basil/articles.csv; the bench corpus from ../shared/bench/news.jsonl (relative to the
repository root). The true event of an article is its `triplet_uuid`. Prints the figures quoted in
docs/validation_gathering.md.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASIL = SHARED / "datasets" / "basil" / "articles.csv"
BENCH = SHARED / "bench" / "news.jsonl"
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
WINDOWS = (1, 3, 7, 30, math.inf)


def null_distribution(framelens) -> None:
    """Cosine similarities of bench-corpus pairs published more than 30 days apart (different events)."""
    import numpy as np

    from framelens.coverage.events import _day, _vectorize, group_events

    docs = list(framelens.read_corpus(str(BENCH)))
    X, _ = _vectorize([(d.title or "") + "\n" + d.text for d in docs], 1)
    days = np.array([_day(d.date) for d in docs])
    bins = np.linspace(0, 1, 1001)
    far = np.zeros(1000)
    near = np.zeros(1000)
    XT = X.T.tocsc()
    n = X.shape[0]
    for s in range(0, n, 1000):
        block = (X[s: s + 1000] @ XT).toarray()
        gi = np.arange(s, min(s + 1000, n))[:, None]
        j = np.arange(n)[None, :]
        dd = np.abs(days[gi] - days[j])
        upper = j > gi
        far += np.histogram(block[upper & (dd > 30)], bins)[0]
        near += np.histogram(block[upper & (dd <= 3)], bins)[0]
    for name, h in (("pairs > 30 days apart", far), ("pairs <= 3 days apart", near)):
        c = np.cumsum(h) / h.sum()
        qs = {q: bins[np.searchsorted(c, q) + 1] for q in (0.5, 0.99, 0.999, 0.9999)}
        print(f"bench {name}: {int(h.sum()):,}; cosine quantiles "
              + ", ".join(f"{q * 100:g}%: {v:.3f}" for q, v in qs.items())
              + f"; share >= 0.2: {h[200:].sum() / h.sum():.4%}")
    t0 = time.perf_counter()
    res = group_events(docs)
    dt = time.perf_counter() - t0
    sizes = res.events["size"]
    print(f"bench: group_events on {len(docs)} documents with the defaults: {dt:.1f} s, {len(sizes)} events, "
          f"{(sizes > 1).sum()} with 2+ documents, largest {sizes.max()}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--null", action="store_true", help="also compute the bench-corpus null distribution and timing")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    import framelens
    from sklearn.metrics import adjusted_rand_score

    from framelens.coverage.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW, group_events

    if not BASIL.is_file():
        print(f"BASIL not found at {BASIL}", file=sys.stderr)
        return 1
    docs = list(framelens.read_corpus(str(BASIL), columns={"id": "article_uuid", "outlet": "source"}))
    truth = [d.get("triplet_uuid") for d in docs]
    print(f"BASIL: {len(docs)} articles, {len(set(truth))} events")
    t0 = time.perf_counter()
    res = group_events(docs)
    dt = time.perf_counter() - t0
    pred = [d.event for d in res.documents]
    print(f"defaults (threshold {DEFAULT_THRESHOLD}, window {DEFAULT_WINDOW} days, average linkage): "
          f"ARI {adjusted_rand_score(truth, pred):.3f}, {len(set(pred))} events found, {dt:.2f} s")
    for linkage in ("average", "single"):
        print(f"\nARI, {linkage} linkage (rows: window in days; columns: cosine threshold)")
        print("window  " + "  ".join(f"{t:>5}" for t in THRESHOLDS))
        for w in WINDOWS:
            row = []
            for t in THRESHOLDS:
                r = group_events(docs, threshold=t, window=w, linkage=linkage)
                row.append(adjusted_rand_score(truth, [d.event for d in r.documents]))
            print(f"{'none' if math.isinf(w) else w:>6}  " + "  ".join(f"{v:5.3f}" for v in row))
    # what the default gets wrong
    from collections import Counter

    by_pred: dict[str, list[int]] = {}
    for i, p in enumerate(pred):
        by_pred.setdefault(p, []).append(i)
    mixed = [g for g in by_pred.values() if len({truth[i] for i in g}) > 1]
    split = [t for t, c in Counter(truth).items() if len({pred[i] for i in range(len(pred)) if truth[i] == t}) > 1]
    print(f"\ndefaults: {len(mixed)} predicted event(s) mixing true events, {len(split)} true event(s) split")
    for t in split:
        members = [i for i in range(len(pred)) if truth[i] == t]
        print("  split:", docs[members[0]].get("main_event"), "->",
              [(docs[i].outlet, docs[i].date, pred[i]) for i in members])
    for g in mixed:
        print("  mixed:", [(docs[i].outlet, docs[i].date, docs[i].get("main_event")) for i in g])
    if args.null:
        print()
        null_distribution(framelens)
    return 0


if __name__ == "__main__":
    sys.exit(main())
