"""A random sample of resolved pronouns, with their context, for judging pronoun resolution by hand.

Pronoun resolution has no gold standard in ../shared, so it is checked by reading: this script analyses a
slice of the bench corpus, lists every attribution whose source was a pronoun (he, she, they, it, his, her)
and prints a seeded random sample of those resolved to a name, each with the text before it, so that a
reader can mark each one right or wrong (docs/validation_attribution.md, "Round nine").

    .venv/bin/python benchmarks/pronoun_sample.py --start 0 --docs 600 --sample 30 --seed 101
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "news.jsonl"
PRONOUNS = frozenset(("he", "she", "they", "his", "her", "it", "him"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--start", type=int, default=0, help="first article of the slice")
    ap.add_argument("--docs", type=int, default=600, help="articles in the slice")
    ap.add_argument("--sample", type=int, default=30, help="resolved pronouns to print")
    ap.add_argument("--seed", type=int, default=101)
    args = ap.parse_args(argv)

    import framelens
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"]))
    pronouns = resolved = 0
    rows = []
    for doc in itertools.islice(framelens.read_corpus(args.corpus), args.start, args.start + args.docs):
        for s in analyzer.analyze_document(doc).spans:
            if s.kind != "attribution" or s.text.lower() not in PRONOUNS:
                continue
            pronouns += 1
            if s.attrs["source_type"] != "pronoun":
                resolved += 1
                before = " ".join(doc.text[max(0, s.start - 300):s.end + 60].split())
                rows.append((doc.id, s.start, s.text, s.attrs["source"], s.attrs["source_type"], before))
    print(f"{pronouns} pronoun sources in articles {args.start}-{args.start + args.docs}, {resolved} resolved")
    for doc_id, start, mention, source, kind, context in random.Random(args.seed).sample(
            rows, min(args.sample, len(rows))):
        print(f"\n{doc_id}:{start}  {mention!r} -> {source!r} ({kind})\n    ...{context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
