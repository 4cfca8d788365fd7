"""Near-duplicate detection on the bench corpus (speed, what is found) and on BASIL (false positives).

    .venv/bin/python benchmarks/dedupe_bench.py [--out /tmp/bench_dupes.csv] [--pairs-out /tmp/bench_pairs.csv]

Reads ../shared/bench/news.jsonl (8,829 articles) and ../shared/datasets/basil/articles.csv relative
to the repository root; neither is part of the repository. Prints the figures quoted in
docs/validation_gathering.md.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "news.jsonl"
BASIL = SHARED / "datasets" / "basil" / "articles.csv"


def _with_metadata(table, by_id, columns):
    """A copy of ``table`` with outlet, date and title of the documents named in each (id column, prefix)."""
    table = table.copy()
    for col, pre in columns:
        for f in ("outlet", "date", "title"):
            table[f"{pre}_{f}"] = [getattr(by_id[i], f) for i in table[col]]
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/bench_dupes.csv", help="duplicates table (default: /tmp/bench_dupes.csv)")
    ap.add_argument("--pairs-out", default="/tmp/bench_pairs_0.2.csv",
                    help="every pair with similarity >= 0.2, for reading (default: /tmp/bench_pairs_0.2.csv)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    import framelens
    from framelens.coverage.dedupe import _jaccard_exact, dedupe

    if not BENCH.is_file():
        print(f"bench corpus not found at {BENCH}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    docs = list(framelens.read_corpus(str(BENCH)))
    t1 = time.perf_counter()
    res = dedupe(docs, "flag")
    t2 = time.perf_counter()
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    p = res.parameters
    print(f"bench corpus: {len(docs)} documents, {mb:.1f} MB of text; read {t1 - t0:.1f} s")
    print(f"dedupe (threshold {p['threshold']}, {p['shingle_size']}-word shingles, {p['bands']} bands x {p['rows']} "
          f"rows): {t2 - t1:.1f} s, {p['candidates']} candidate pairs, {len(res.pairs)} pairs >= threshold, "
          f"{len(res.duplicates)} duplicates in {res.duplicates['group'].nunique()} groups; "
          f"{p['boilerplate_shingles_removed']:,} outlet-boilerplate shingle occurrences ignored")
    by_id = {d.id: d for d in docs}
    _with_metadata(res.duplicates, by_id, (("doc_id", "doc"), ("duplicate_of", "original"))).to_csv(args.out, index=False)
    print(f"duplicates written to {args.out}")
    low = dedupe(docs, "keep", threshold=0.2)
    _with_metadata(low.pairs, by_id, (("doc_a", "a"), ("doc_b", "b"))).to_csv(args.pairs_out, index=False)
    print(f"pairs with similarity >= 0.2 written to {args.pairs_out}")
    print("pairs at or above each threshold:",
          ", ".join(f"{t}: {(low.pairs['similarity'] >= t).sum()}" for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)))
    nob = dedupe(docs, "keep", boilerplate_df=None)
    print(f"without the outlet-boilerplate filter: {len(nob.pairs)} pairs >= 0.5")

    if BASIL.is_file():
        import pandas as pd

        b = pd.read_csv(BASIL)
        sims = []
        for _, g in b.groupby("triplet_uuid"):
            for x, y in itertools.combinations(g["text"].fillna("").tolist(), 2):
                sims.append(_jaccard_exact(x, y))
        s = pd.Series(sims)
        print(f"BASIL: {len(s)} pairs of independent reports of one event by different outlets: Jaccard "
              f"median {s.median():.3f}, 95th percentile {s.quantile(0.95):.3f}, max {s.max():.3f}; "
              f"at or above 0.5: {(s >= 0.5).sum()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
