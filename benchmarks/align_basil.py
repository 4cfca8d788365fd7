"""Fact alignment (framelens.align): threshold null, gold-alignment sensitivity, and the BASIL figure.

    .venv/bin/python benchmarks/align_basil.py            # gold grid on examples/ + BASIL figure
    .venv/bin/python benchmarks/align_basil.py --null     # also: the null distribution behind DEFAULT_THRESHOLD

Three parts, each printing the figures quoted in docs/validation_align.md:

1. ``--null``: the similarity of sentence pairs that cannot report the same fact. From the benchmark
   corpus (../shared/bench/news.jsonl, Baly et al. 2020), 300 pseudo-events are drawn (seed 0): three
   articles on the same AllSides topic from three different outlets, published pairwise more than 30
   days apart. Each pseudo-event is aligned exactly as a real event (same sentence filter, features
   fitted within it) and the similarities of its sentence pairs from different articles are pooled.
   DEFAULT_THRESHOLD is their 99.9th percentile, rounded to two decimals.
2. The gold alignment of the fictional example corpus (tests/data/gold_alignment.json): pairwise
   precision/recall of same-unit links and per-fact coverage recall, for a grid of thresholds.
3. BASIL (Fan et al., EMNLP 2019; ../shared/datasets/basil): for each of the 50 events (Fox News,
   NYT, HuffPost), the share of annotated informational-bias spans that fall in sentences whose unit is
   reported by only one or two of the three outlets, against the same share for sentences without any
   bias span (and for lexical-bias spans, for contrast); how many events have core facts; and with
   ``--sample N --seed S`` a random sample of N shared units printed for a hand check (the text is
   printed to the terminal only: it is copyrighted news and never goes into the repository).
4. ``--bench PATH``: the time to align a JSONL corpus with its ``topic`` as the event (the 300-article
   bench slice), analysis excluded.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASIL = SHARED / "datasets" / "basil"
BENCH = SHARED / "bench" / "news.jsonl"
GOLD = ROOT / "tests" / "data" / "gold_alignment.json"
GRID = (0.15, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35, 0.4)


def null_distribution(n_events: int = 300, seed: int = 0) -> None:
    import numpy as np
    import pandas as pd

    from framelens.coverage.align import align_tables
    from framelens.coverage.events import _day
    from framelens.coverage.similarity import anchors, sentence_similarity, stop_words

    stop = stop_words()

    rows = [json.loads(line) for line in BENCH.open(encoding="utf-8")]
    by_topic: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r.get("topic") and r.get("date") and r.get("text"):
            by_topic.setdefault(r["topic"], []).append(i)
    topics = sorted(t for t, v in by_topic.items() if len(v) >= 30)
    rng = np.random.default_rng(seed)
    sims = []
    made = 0
    tries = 0
    t0 = time.perf_counter()
    while made < n_events and tries < n_events * 50:
        tries += 1
        t = topics[rng.integers(len(topics))]
        pick = rng.choice(by_topic[t], size=3, replace=False)
        docs = [rows[i] for i in pick]
        days = [_day(d["date"]) for d in docs]
        if len({d["outlet"] for d in docs}) < 3 or any(math.isnan(x) for x in days):
            continue
        if min(abs(a - b) for k, a in enumerate(days) for b in days[k + 1:]) <= 30:
            continue
        made += 1
        dd = pd.DataFrame([{"id": f"d{k}", "outlet": d["outlet"], "date": d["date"]} for k, d in enumerate(docs)])
        res = align_tables(dd, None, {f"d{k}": d["text"] for k, d in enumerate(docs)})
        al = res.sentences[res.sentences["aligned"]]
        doc = al["doc_id"].to_numpy()
        S = sentence_similarity(list(al["text"]), [anchors(t, [], stop) for t in al["text"]])
        iu = np.triu_indices(len(doc), 1)
        cross = doc[iu[0]] != doc[iu[1]]
        sims.append(S[iu][cross])
    s = np.concatenate(sims)
    qs = [0.5, 0.9, 0.99, 0.995, 0.999, 0.9999]
    print(f"null: {made} pseudo-events (same topic, 3 outlets, pairwise > 30 days apart), {len(s):,} cross-article "
          f"sentence pairs, {time.perf_counter() - t0:.1f} s")
    print("null quantiles: " + ", ".join(f"{q * 100:g}%: {np.quantile(s, q):.3f}" for q in qs))
    for t in GRID:
        print(f"  share of null pairs >= {t:.2f}: {np.mean(s >= t):.4%}")


def gold_grid() -> None:
    import framelens
    from framelens.coverage.align import DEFAULT_THRESHOLD, align

    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "coverage")]  # helpers.py, test_align.py
    from test_align import gold_scores, load_gold  # the metric is defined once, in the test

    analysis = framelens.analyze(framelens.read_corpus(str(ROOT / "examples" / "corpus")))
    gold = load_gold(analysis)
    print(f"gold: {len(gold['facts'])} facts, {gold['n_links']} gold cross-article links")
    print("threshold  units  shared  pair-P  pair-R  pair-F1  coverage-R  cell-P")
    for t in sorted(set(GRID) | {DEFAULT_THRESHOLD}):
        res = align(analysis, event="marlow-diversion", threshold=t)
        sc = gold_scores(res, gold)
        mark = "  <- default" if t == DEFAULT_THRESHOLD else ""
        print(f"  {t:.2f}     {len(res.units):4d}   {int((res.units['n_docs'] >= 2).sum()):4d}   {sc['precision']:.3f}   "
              f"{sc['recall']:.3f}   {sc['f1']:.3f}    {sc['coverage_recall']:.3f}      {sc['cell_precision']:.3f}{mark}")


def basil(threshold: float | None = None, sample: int = 0, seed: int = 15) -> None:
    import pandas as pd

    import framelens
    from framelens.coverage.align import DEFAULT_THRESHOLD, align_tables

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    arts = pd.read_csv(BASIL / "articles.csv")
    spans = pd.read_csv(BASIL / "spans.csv")
    t0 = time.perf_counter()
    counts = {"inf": [0, 0, 0], "lex": [0, 0, 0]}  # [spans located, in a 1-2-outlet unit, in an unaligned sentence]
    clean = [0, 0]  # sentences without spans (aligned): [n, in a 1-2-outlet unit]
    by_n = {"inf": [0, 0, 0, 0], "lex": [0, 0, 0, 0], "none": [0, 0, 0, 0]}  # by outlets carrying the unit
    not_found = ambiguous = 0
    per_event = []
    results = {}
    for ev, part in arts.groupby("triplet_uuid", sort=True):
        if part["source"].nunique() != 3:
            continue
        docs = [framelens.Document(id=r.article_uuid, text=r.text, outlet=r.source, date=str(r.date),
                                   title=r.title, event=ev) for r in part.itertuples()]
        analysis = framelens.analyze(docs)
        dd = pd.DataFrame([{"id": d.id, "outlet": d.outlet, "date": d.date, "title": d.title} for d in docs])
        res = align_tables(dd, analysis.spans, {d.id: d.text for d in docs}, event=ev, threshold=threshold)
        results[ev] = res
        sent = res.sentences
        n_out = dict(zip(res.units["unit"], res.units["n_outlets"]))
        sent = sent.assign(n_outlets=sent["unit"].map(n_out))
        flagged: set[tuple[str, int]] = set()
        for r in spans[spans["triplet_uuid"] == ev].itertuples():
            text = dict(zip(part["article_uuid"], part["text"])).get(r.article_uuid)
            if text is None or not isinstance(r.txt, str):
                not_found += 1
                continue
            pos = text.find(r.txt)
            if pos < 0:
                not_found += 1
                continue
            ambiguous += text.count(r.txt) > 1
            row = sent[(sent["doc_id"] == r.article_uuid) & (sent["start"] <= pos) & (sent["end"] > pos)]
            if row.empty:
                not_found += 1
                continue
            row = row.iloc[0]
            c = counts[r.bias]
            c[0] += 1
            flagged.add((r.article_uuid, int(row["sentence"])))
            if not row["aligned"]:
                c[2] += 1
            elif row["n_outlets"] <= 2:
                c[1] += 1
            if row["aligned"]:
                by_n[r.bias][int(row["n_outlets"])] += 1
        al = sent[sent["aligned"]]
        free = al[[(d, int(s)) not in flagged for d, s in zip(al["doc_id"], al["sentence"])]]
        clean[0] += len(free)
        clean[1] += int((free["n_outlets"] <= 2).sum())
        for k in (1, 2, 3):
            by_n["none"][k] += int((free["n_outlets"] == k).sum())
        per_event.append({"event": ev, "units": len(res.units), "all3": int((res.units["n_outlets"] == 3).sum()),
                          "sentences": len(al), "core": int(res.units["core"].sum())})
    pe = pd.DataFrame(per_event)
    print(f"BASIL: {len(pe)} events, {int(pe['sentences'].sum()):,} aligned sentences, {int(pe['units'].sum()):,} "
          f"units, {int(pe['all3'].sum())} reported by all three outlets; threshold {threshold}; "
          f"{time.perf_counter() - t0:.1f} s")
    print(f"  events with core facts (carried by 2+ of the 3 outlets): {int((pe['core'] > 0).sum())} of {len(pe)}; "
          f"core facts per event: median {pe['core'].median():g}, min {pe['core'].min()}, max {pe['core'].max()}")
    print(f"  spans not located in the text: {not_found}; located more than once (first occurrence used): {ambiguous}")
    for b, (n, k, u) in counts.items():
        name = "informational" if b == "inf" else "lexical"
        aligned = n - u
        print(f"  {name} spans: {n} located, {u} in sentences too short to align; of the {aligned} in aligned "
              f"sentences, {k} ({k / max(aligned, 1):.1%}) in units reported by one or two outlets "
              f"[95% Wilson {_wilson(k, aligned)}]")
    print(f"  aligned sentences holding no bias span: {clean[0]:,}; in units reported by one or two outlets: "
          f"{clean[1]:,} ({clean[1] / max(clean[0], 1):.1%}) [95% Wilson {_wilson(clean[1], clean[0])}]")
    for b, name in (("inf", "informational spans"), ("lex", "lexical spans"), ("none", "sentences without spans")):
        v = by_n[b]
        tot = max(sum(v[1:]), 1)
        print(f"  {name}: unit reported by 1 / 2 / 3 outlets: " + " / ".join(f"{v[k]} ({v[k] / tot:.1%})" for k in (1, 2, 3)))


    if sample:
        hand_check_sample(results, sample, seed)


def hand_check_sample(results: dict, n: int, seed: int) -> None:
    """Print ``n`` shared units drawn at random (``random.Random(seed)``) for a hand check: every sentence with
    its event (first 8 characters of the BASIL triplet id), outlet and sentence index."""
    import random
    import textwrap

    pool = [(ev, u) for ev, r in sorted(results.items(), key=lambda kv: str(kv[0]))
            for u in r.units[r.units["n_docs"] >= 2]["unit"]]
    print(f"hand-check sample: {n} of {len(pool)} shared units, seed {seed}")
    for ev, u in random.Random(seed).sample(pool, min(n, len(pool))):
        r = results[ev]
        row = r.units.set_index("unit").loc[u]
        print(f"=== {ev[:8]} {u} n_docs={row['n_docs']} cohesion={row['cohesion']:.3f}")
        for x in r.unit_sentences(u).itertuples():
            print(f"  [{x.outlet} s{x.sentence}] {textwrap.shorten(x.text, 300)}")


def bench_time(path: Path) -> None:
    """Alignment time of a JSONL corpus (each ``topic`` an event), analysis excluded."""
    import pandas as pd

    import framelens
    from framelens.coverage.align import align_events

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [framelens.Document(id=r["id"], text=r["text"], outlet=r["outlet"], date=r.get("date"),
                               title=r.get("title"), event=r.get("topic")) for r in rows]
    an = framelens.analyze(docs)
    documents = pd.DataFrame([{"id": x.doc.id, "outlet": x.doc.outlet, "date": x.doc.date, "title": x.doc.title,
                               "event": x.doc.event} for x in an.results])
    t0, c0 = time.perf_counter(), time.process_time()
    res = align_events(None, documents=documents, spans=an.spans, texts={x.doc.id: x.doc.text for x in an.results},
                       events_only=True, skip_large=True)
    print(f"bench {path.name}: {len(documents)} articles, {documents['outlet'].nunique()} outlets, {len(res)} events "
          f"aligned in {time.perf_counter() - t0:.1f} s ({time.process_time() - c0:.1f} s CPU); "
          f"{sum(len(r.units) for r in res.values()):,} units, "
          f"{sum(int((r.units['n_outlets'] >= 2).sum()) for r in res.values())} shared by 2+ outlets, "
          f"{sum(int(r.units['core'].sum()) > 0 for r in res.values())} events with core facts")


def _wilson(k: int, n: int, z: float = 1.96) -> str:
    if n == 0:
        return "–"
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return f"{c - h:.1%}–{c + h:.1%}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--null", action="store_true", help="also compute the null distribution (bench corpus)")
    ap.add_argument("--threshold", type=float, default=None, help="threshold for the BASIL figure (default: the default)")
    ap.add_argument("--grid", action="store_true", help="BASIL figure at thresholds 0.2, 0.28 and 0.35")
    ap.add_argument("--sample", type=int, default=0, metavar="N", help="print N random shared BASIL units")
    ap.add_argument("--seed", type=int, default=15, help="seed of --sample (default 15)")
    ap.add_argument("--bench", type=Path, default=None, metavar="JSONL", help="time the alignment of this corpus")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if args.null:
        if not BENCH.is_file():
            print(f"bench corpus not found at {BENCH}", file=sys.stderr)
            return 1
        null_distribution()
    gold_grid()
    if not (BASIL / "articles.csv").is_file():
        print(f"BASIL not found at {BASIL}", file=sys.stderr)
        return 1
    for t in ((0.2, 0.28, 0.35) if args.grid else (args.threshold,)):
        basil(t, sample=args.sample, seed=args.seed)
    if args.bench is not None:
        bench_time(args.bench)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
