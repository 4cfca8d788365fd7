"""Hedging and vagueness against Wikipedia "weasel" sentences (CoNLL-2010 style, Farkas et al. 2010).

The CoNLL-2010 shared task's Wikipedia set marks sentences that hold a *weasel* cue: wording that
makes a claim uncertain or hides who holds it ("some people say", "it is believed", "may",
"critics argue"; Ganter and Strube 2009). ``../shared/datasets/weasel/train.csv`` holds such
sentences with a sentence label (1 = uncertain / hedged). This script asks, per sentence, whether
framelens finds **a hedge or a vague attribution** in it:

* every ``hedge`` span of any label (``epistemic``, ``approximator``, ``agentless_passive``,
  ``vague_source``, ``generality``, ``unknown``, ``attribution``), and
* every ``attribution`` span whose ``source_type`` is ``vague`` or ``anonymous``, or which is an
  agentless passive (no source),

and scores that sentence-level prediction against the label: precision, recall and F1 with a 95%
percentile bootstrap interval (2,000 resamples of sentences, seed 0). Beside it the script prints a
**baseline**: a sentence holds a word or phrase of a plain hedge list in the spirit of Hyland
(2005, appendix of metadiscourse items: hedges), written out below by us, matched as whole words
without context. Per label it prints how many sentences hold a hedge of that label, the share of
them labelled uncertain (precision of the label alone) and the share of uncertain sentences that
hold one (its recall alone).

The set is for measuring, not for tuning: the issue's check uses other sentences. Rules were written
from the literature's classes (Hyland 2005; Farkas et al. 2010; Ganter and Strube 2009; Lakoff 1973;
Prince, Frader and Bosk 1982), not from this file's sentences.

``--news N`` runs the hedge extractor over the first N articles of ``../shared/bench/news.jsonl``
(or ``--news-file``) and prints a fixed-seed random sample of hedge spans of the given labels, each
with its sentence, for reading by hand (precision on news text).

Usage (from the repository root; data read from ../shared at run time)::

    .venv/bin/python benchmarks/weasel.py
    .venv/bin/python benchmarks/weasel.py --json weasel.json
    .venv/bin/python benchmarks/weasel.py --errors 20          # misses and false hits, 20 each (seed 0)
    .venv/bin/python benchmarks/weasel.py --hedges-only        # hedge spans only, no attributions
    .venv/bin/python benchmarks/weasel.py --news 300 --sample 30

The full run over 7,363 sentences takes about a minute on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "weasel" / "train.csv"
DEFAULT_NEWS = ROOT.parent / "shared" / "bench" / "news.jsonl"
N_BOOT = 2000
VAGUE_TYPES = ("vague", "anonymous")
NEW_LABELS = ("agentless_passive", "vague_source", "vague_quantity", "generality", "unknown")

# A plain hedge list after Hyland (2005, Metadiscourse, appendix: hedges), written out by us from the
# categories of that list (epistemic modals and verbs, probability adverbs and adjectives, frequency
# and approximating adverbs, limiting phrases). Matched as whole words, any case, no context at all:
# the baseline a careful reader of the book would build in ten minutes.
HYLAND_HEDGES = """
about almost apparent apparently appear appeared appears approximately argue argued argues around assume
assumed broadly certain_amount certain_extent certain_level claim claimed claims could couldn't doubt doubtful
essentially estimate estimated fairly feel feels felt frequently from_my_perspective from_our_perspective
from_this_perspective generally guess indicate indicated indicates in_general in_most_cases in_most_instances
in_my_opinion in_my_view in_this_view in_our_opinion in_our_view largely likely mainly may maybe might mostly
often on_the_whole ought perhaps plausible plausibly possible possibly postulate postulated postulates
presumable presumably probable probably quite rather relatively roughly seem seemed seems should sometimes
somewhat suggest suggested suggests suppose supposed supposes suspect suspects tend_to tended_to tends_to
to_my_knowledge typical typically uncertain uncertainly unclear unclearly unlikely usually would wouldn't
""".split()


def hyland_regex() -> re.Pattern:
    words = sorted((w.replace("_", " ") for w in HYLAND_HEDGES), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])", re.IGNORECASE)


def load(path: Path) -> tuple[list[str], np.ndarray]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r["text"].strip() for r in rows], np.array([int(r["label"]) for r in rows])


def prf(tp: float, npred: float, ngold: float) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pred: np.ndarray, gold: np.ndarray, seed: int = 0) -> dict:
    """P/R/F1 of a sentence-level prediction, with percentile bootstrap CIs over sentences."""
    tp = pred & (gold == 1)
    p, r, f = prf(tp.sum(), pred.sum(), (gold == 1).sum())
    rng = np.random.default_rng(seed)
    units = np.stack([tp, pred, gold == 1], axis=1).astype(np.int64)
    stats = []
    for _ in range(N_BOOT):
        s = units[rng.integers(0, len(units), len(units))].sum(axis=0)
        stats.append(prf(*s))
    a = np.array(stats)
    ci = {k: [round(float(np.quantile(a[:, i], 0.025)), 3), round(float(np.quantile(a[:, i], 0.975)), 3)]
          for i, k in enumerate(("precision", "recall", "f1"))}
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "predicted": int(pred.sum()),
            "true_positives": int(tp.sum()), "gold": int((gold == 1).sum()), "ci95": ci}


def framelens_hits(texts: list[str], attribution: bool = True) -> list[dict]:
    """Per sentence: {"labels": set of hedge labels, "vague": vague/anonymous/agentless attributions, "spans": [...]}."""
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    ex = ["structure", "hedges"] + (["report_verbs", "attribution"] if attribution else [])
    analyzer = Analyzer(AnalysisConfig(extractors=ex, doc_timeout=None))
    out = []
    for i, t in enumerate(texts):
        res = analyzer.analyze_document(Document(id=str(i), text=t))
        labels, spans, vague = set(), [], []
        for s in res.spans:
            if s.kind == "hedge" and s.attrs.get("use") == "use":
                labels.add(s.label)
                spans.append((s.label, s.text))
            elif s.kind == "attribution":
                st = s.attrs.get("source_type")
                if st in VAGUE_TYPES or not s.attrs.get("source"):
                    vague.append((st or "agentless", s.text))
        out.append({"labels": labels, "spans": spans, "vague": vague})
    return out


def per_label(hits: list[dict], gold: np.ndarray) -> dict:
    labels = sorted({lab for h in hits for lab in h["labels"]})
    pos = int((gold == 1).sum())
    out = {}
    for lab in labels:
        has = np.array([lab in h["labels"] for h in hits])
        n = int(has.sum())
        tp = int((has & (gold == 1)).sum())
        out[lab] = {"sentences": n, "precision": round(tp / n, 3) if n else 0.0, "recall": round(tp / pos, 3)}
    has = np.array([bool(h["vague"]) for h in hits])
    n = int(has.sum())
    tp = int((has & (gold == 1)).sum())
    out["(vague attribution)"] = {"sentences": n, "precision": round(tp / n, 3) if n else 0.0,
                                  "recall": round(tp / pos, 3)}
    return out


def fmt(name: str, s: dict) -> str:
    ci = s["ci95"]
    return (f"{name:<38} P {s['precision']:.3f} [{ci['precision'][0]:.3f}-{ci['precision'][1]:.3f}]  "
            f"R {s['recall']:.3f} [{ci['recall'][0]:.3f}-{ci['recall'][1]:.3f}]  "
            f"F1 {s['f1']:.3f} [{ci['f1'][0]:.3f}-{ci['f1'][1]:.3f}]  predicted {s['predicted']}")


def news_sample(path: Path, n_docs: int, k: int, labels: tuple[str, ...], seed: int = 0) -> list[dict]:
    """A fixed-seed random sample of ``k`` hedge spans with a label in ``labels`` from the first ``n_docs``
    articles of a JSONL corpus, each with its sentence."""
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer
    from framelens.text.segmentation import segment

    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "hedges"], doc_timeout=None))
    pool = []
    counts: Counter = Counter()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= n_docs:
                break
            r = json.loads(line)
            text = r.get("text") or ""
            res = analyzer.analyze_document(Document(id=str(r.get("id", n)), text=text))
            seg = None
            for s in res.spans:
                if s.kind != "hedge":
                    continue
                counts[s.label] += 1
                if s.label not in labels:
                    continue
                seg = seg or segment(text)
                si = seg.sentence_at(s.start)
                a, b = seg.sentences[si] if si is not None else (max(0, s.start - 80), s.end + 80)
                pool.append({"doc": r.get("id", n), "label": s.label, "entry": s.entry, "text": s.text,
                             "voice": s.voice, "sentence": " ".join(text[a:b].split())})
    rng = random.Random(seed)
    sample = rng.sample(pool, min(k, len(pool)))
    return [{"counts": dict(counts), "pool": len(pool)}] + sample


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--errors", type=int, default=0, help="print N misses and N false hits (seed 0)")
    ap.add_argument("--hedges-only", action="store_true", help="hedge spans only, without vague attributions")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (a quick look)")
    ap.add_argument("--news", type=int, default=0, help="sample hedge hits from the first N news articles")
    ap.add_argument("--news-file", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--labels", default=",".join(NEW_LABELS), help="labels sampled by --news")
    args = ap.parse_args(argv)

    if args.news:
        if not args.news_file.exists():
            print(f"no news file {args.news_file}", file=sys.stderr)
            return 4
        got = news_sample(args.news_file, args.news, args.sample, tuple(args.labels.split(",")))
        head, items = got[0], got[1:]
        print(f"hedge spans by label in {args.news} articles: {head['counts']}; sampled {len(items)} of "
              f"{head['pool']} with labels {args.labels}")
        for i, it in enumerate(items, 1):
            print(f"{i:>3}. [{it['label']}] {it['text']!r} ({it['voice']}, {it['entry']})\n     {it['sentence']}")
        return 0

    if not args.data.exists():
        print(f"no data at {args.data} (the weasel set lives in ../shared/datasets/weasel)", file=sys.stderr)
        return 4
    texts, gold = load(args.data)
    if args.limit:
        texts, gold = texts[:args.limit], gold[:args.limit]
    t0 = time.process_time()
    hits = framelens_hits(texts, attribution=not args.hedges_only)
    cpu = time.process_time() - t0
    hedge_pred = np.array([bool(h["labels"]) for h in hits])
    full_pred = np.array([bool(h["labels"]) or bool(h["vague"]) for h in hits])
    rx = hyland_regex()
    base_pred = np.array([bool(rx.search(t)) for t in texts])
    res = {"sentences": len(texts), "uncertain": int(gold.sum()), "cpu_seconds": round(cpu, 1),
           "hedges": score(hedge_pred, gold), "baseline_hyland": score(base_pred, gold),
           "per_label": per_label(hits, gold)}
    if not args.hedges_only:
        res["hedge_or_vague_attribution"] = score(full_pred, gold)
    print(f"{len(texts)} sentences, {int(gold.sum())} labelled uncertain; framelens {cpu:.1f} s CPU")
    if not args.hedges_only:
        print(fmt("framelens: hedge or vague attribution", res["hedge_or_vague_attribution"]))
    print(fmt("framelens: any hedge", res["hedges"]))
    print(fmt("baseline: Hyland-style word list", res["baseline_hyland"]))
    print("\nper label (sentences holding one; share labelled uncertain; share of uncertain sentences)")
    for lab, v in res["per_label"].items():
        print(f"  {lab:<22} {v['sentences']:>5}  P {v['precision']:.3f}  R {v['recall']:.3f}")
    if args.errors:
        rng = random.Random(0)
        pred = full_pred if not args.hedges_only else hedge_pred
        miss = [i for i in range(len(texts)) if gold[i] == 1 and not pred[i]]
        false = [i for i in range(len(texts)) if gold[i] == 0 and pred[i]]
        print(f"\nmisses ({len(miss)}), {args.errors} at random:")
        for i in rng.sample(miss, min(args.errors, len(miss))):
            print("  -", texts[i][:300])
        print(f"\nfalse hits ({len(false)}), {args.errors} at random:")
        for i in rng.sample(false, min(args.errors, len(false))):
            print("  -", hits[i]["spans"], hits[i]["vague"], "|", texts[i][:300])
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
