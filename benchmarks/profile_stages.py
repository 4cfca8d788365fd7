"""Where the full analysis spends its time: CPU seconds per stage, on the news corpus.

    .venv/bin/python benchmarks/profile_stages.py                 # first 1,000 articles
    .venv/bin/python benchmarks/profile_stages.py --docs 300 --tree   # plus a pyinstrument call tree

Stages: segmentation, each extractor's ``extract`` and ``metrics``, and the
serialisation of the tables (``framelens.runtime.engine._serialise``), timed with
``time.process_time`` around each call (the same work ``Analyzer.analyze_document``
does, in the same order). ``--tree`` needs ``pip install pyinstrument``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def stages(docs, an) -> Counter:
    from framelens.runtime.engine import _serialise
    from framelens.runtime.pipeline import DocResult
    from framelens.text.segmentation import segment

    tot: Counter = Counter()
    clock = time.process_time
    for d in docs:
        t = clock()
        seg = segment(d.text)
        tot["segment"] += clock() - t
        spans = []
        for ex in an.extractors:
            t = clock()
            spans.extend(ex.extract(d, seg, spans))
            tot[f"{type(ex).__name__}.extract"] += clock() - t
        spans.sort(key=lambda s: (s.start, -s.end, s.kind))
        metrics = {}
        for ex in an.extractors:
            t = clock()
            metrics.update(ex.metrics(d, seg, spans))
            tot[f"{type(ex).__name__}.metrics"] += clock() - t
        t = clock()
        _serialise(DocResult(d, spans, metrics, seg.word_count, len(seg.sentences)))
        tot["serialise tables (JSON)"] += clock() - t
    return tot


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(REPO.parent / "shared" / "bench" / "news.jsonl"))
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--tree", action="store_true", help="also print a pyinstrument call tree of analyze_document")
    a = p.parse_args(argv)
    import framelens
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    docs = list(islice(framelens.read_corpus(a.corpus), a.docs))
    an = Analyzer(AnalysisConfig())
    an.analyze_document(docs[0])  # warm caches
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    tot = stages(docs, an)
    total = sum(tot.values())
    print(f"{len(docs):,} articles, {mb:.1f} MB, {total:.2f} CPU s = {mb / total:.2f} MB/s (CPU)\n")
    print("| stage | CPU s | share |\n| --- | --- | --- |")
    for k, v in tot.most_common():
        print(f"| {k} | {v:.2f} | {100 * v / total:.1f}% |")
    if a.tree:
        from pyinstrument import Profiler

        prof = Profiler()
        prof.start()
        for d in docs:
            an.analyze_document(d)
        prof.stop()
        print()
        print(prof.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
