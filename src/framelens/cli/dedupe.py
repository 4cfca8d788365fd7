"""framelens dedupe: list near-duplicate documents (reposts, syndicated copies) with their similarity."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._common import add_input_args, read_documents

HELP = "find near-duplicate documents (reposts, wire copies) by word shingles and MinHash"
EXAMPLES = """\
examples:
  framelens dedupe corpus.jsonl
      list each duplicate with the copy it duplicates and their similarity (dupes.csv)
  framelens dedupe corpus.jsonl --threshold 0.8 --out strict.csv
      only near-identical copies
  framelens dedupe corpus.jsonl --pairs --out pairs.csv
      every pair at or above the threshold, not only duplicate -> original links
  framelens dedupe corpus.jsonl --write-corpus flagged.jsonl --duplicates flag
      also write the corpus back with a duplicate_of field (or --duplicates drop to remove them)

similarity is the Jaccard similarity of the two texts' sets of 5-word sequences (shingles):
1.0 = the same words in the same order; the default threshold 0.5 means half of all their
distinct 5-word sequences are shared. containment = shared / the smaller set (1.0 when one
text is contained in the other). Each group of copies is linked to its original: the copy
named by the others' canonical URL, else the earliest by date, then by input order.
See docs/gathering.md for the method and its limits.
"""


def add_parser(sub):
    p = sub.add_parser("dedupe", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    g = p.add_argument_group("duplicates")
    g.add_argument("--threshold", type=float, default=0.5, metavar="T",
                   help="Jaccard similarity of 5-word shingle sets at or above which two texts are duplicates "
                        "(default: 0.5)")
    g.add_argument("--shingle", type=int, default=5, metavar="K", help="words per shingle (default: 5)")
    g.add_argument("--num-perm", type=int, default=128, metavar="N", help="MinHash signature length (default: 128)")
    g.add_argument("--out", default="dupes.csv", metavar="FILE", help="CSV of duplicates (default: dupes.csv)")
    g.add_argument("--pairs", action="store_true", help="list every pair above the threshold instead")
    g.add_argument("--write-corpus", default=None, metavar="FILE.jsonl",
                   help="also write the corpus back, with duplicates handled as --duplicates says")
    g.add_argument("--duplicates", choices=["drop", "flag", "keep"], default="flag",
                   help="with --write-corpus: drop duplicates, flag them (duplicate_of field; default) or keep")
    return p


def run(args) -> int:
    from ..coverage.dedupe import dedupe
    from ..coverage.events import write_documents

    if not 0 < args.threshold <= 1:
        raise ConfigError(f"--threshold {args.threshold}: must be in (0, 1]")
    got = read_documents(args, "compare")
    if got is None:
        return EXIT_FAILED
    docs, corpus = got
    res = dedupe(docs, args.duplicates, threshold=args.threshold, shingle_size=args.shingle, num_perm=args.num_perm)
    by_id = {d.id: d for d in docs}
    if args.pairs:
        table = res.pairs.copy()
        cols = [("doc_a", "a"), ("doc_b", "b")]
    else:
        table = res.duplicates.copy()
        cols = [("doc_id", "doc"), ("duplicate_of", "original")]
    for col, prefix in cols:
        for field in ("outlet", "date", "title"):
            table[f"{prefix}_{field}"] = [getattr(by_id[i], field) for i in table[col]]
    from ..io.safecsv import write_csv

    out = Path(args.out)
    write_csv(table, out)  # atomic; formula-like cells protected unless --no-csv-protection
    if args.write_corpus:
        write_documents(res.documents, args.write_corpus)
    p = res.parameters
    print(f"framelens: {len(docs)} document(s), {p['candidates']} candidate pair(s) from MinHash LSH "
          f"({p['bands']} bands x {p['rows']} rows), {len(res.pairs)} pair(s) with similarity >= {args.threshold}, "
          f"{len(res.duplicates)} duplicate(s) in {res.duplicates['group'].nunique()} group(s) -> {out}",
          file=sys.stderr)
    return EXIT_PARTIAL if corpus.problems else EXIT_OK
