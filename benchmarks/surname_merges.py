"""How often a bare surname is credited to the wrong full name: a check of source identity on real news.

A bare surname ('Trump said') takes the one full name of the article that ends with it. When the person meant is
never named in full, the full name of a relative ('first lady Melania Trump') or a junk run of capitalised words
('Libra Trump has considered', from a run of headlines) takes every bare mention, and one person is credited with
what another said. This script counts, over the first N articles of the bench corpus, the attributions whose
``source`` is a full name ending in SURNAME, split into

* ``named relatives via a bare mention``: the source is one of the full names given with ``--relatives`` and the
  mention is the bare or titled surname or a pronoun (what the reader sees as the other person);
* ``other full names``: any other name of three words or fewer ending in SURNAME that is not one of ``--real``
  (several people named together, 'Ryan and Trump', are left out).

Usage (from the repository root)::

    .venv/bin/python benchmarks/surname_merges.py                       # Trump, first 2,000 articles
    .venv/bin/python benchmarks/surname_merges.py --docs 500 --examples 10

Figures are in docs/validation_attribution.md; the corpus is read from ../shared/bench at run time.
"""

from __future__ import annotations

import argparse
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "news.jsonl"
RELATIVES = ("Melania Trump", "Ivanka Trump", "Lara Trump", "Eric Trump", "Tiffany Trump", "Barron Trump",
             "Fred Trump", "Mary Trump", "Donald Trump Jr.", "Ivana Trump")
REAL = ("Donald Trump", "Donald J. Trump", "Trump", "Donald John Trump")
BARE = ("{s}", "Mr. {s}", "President {s}", "{s}'s", "{s}’s", "he", "He", "him", "she", "She")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--surname", default="Trump")
    ap.add_argument("--relatives", nargs="*", default=list(RELATIVES), help="full names of other people")
    ap.add_argument("--real", nargs="*", default=list(REAL), help="the names of the person usually meant")
    ap.add_argument("--examples", type=int, default=0, help="print this many examples of each class")
    a = ap.parse_args(argv)
    import framelens
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    an = Analyzer(AnalysisConfig())
    bare = {b.format(s=a.surname) for b in BARE}
    relatives, real = set(a.relatives), set(a.real)
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for doc in islice(framelens.read_corpus(str(a.corpus)), a.docs):
        for s in an.analyze_document(doc).spans:
            src = s.attrs.get("source") or "" if s.kind == "attribution" else ""
            if not src.endswith(a.surname):
                continue
            if src in relatives and s.text in bare:
                kind = "named relatives via a bare mention"
            elif src not in real and src not in relatives and len(src.split()) <= 3 and " and " not in src:
                kind = "other full names"
            else:
                continue
            counts[kind] += 1
            examples.setdefault(kind, []).append(f"{doc.id}: {s.text!r} -> {src!r}")
    print(f"{a.docs:,} articles, surname {a.surname!r}")
    for kind in ("named relatives via a bare mention", "other full names"):
        print(f"  {kind}: {counts[kind]}")
        for e in examples.get(kind, [])[:a.examples]:
            print("     ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
