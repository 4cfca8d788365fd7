"""Attribution extraction against PolNeAR (Newell, Margolin and Ruths, LREC 2018).

PolNeAR annotates attribution relations (source, cue, content) with character
spans in 2016 US election news. This script runs framelens' ``attribution``
extractor over the articles of the train and/or dev split and scores the
predicted *sources* and *cues* against the annotated ones.

Scoring (per article, then summed over the split):

* gold items are the distinct source spans (relations of type
  ``Attribution``; ``Attribution-no-source`` has none) and the distinct cue
  spans (all relations); a discontinuous span is scored by its envelope
  (first start to last end);
* predicted items are the distinct ``(start, end)`` of every attribution
  span's source mention and of its cue (agentless passives have a cue and
  no source), in either voice (PolNeAR also annotates attributions nested in
  quotations); with ``--kinds attribution,attitude`` the ``attitude`` spans
  (what a source wants, plans, supports, knows: docs/methods_attitudes.md)
  are scored together with the attributions, as PolNeAR counts both (the
  default, ``attribution``, gives the figures of framelens' attribution
  extractor alone, as before attitudes existed);
* **exact**: a predicted span equals a gold span; **overlap**: they share at
  least one character. Precision = matched predictions / predictions,
  recall = matched gold spans / gold spans, F1 their harmonic mean;
* **pair**: a predicted attribution whose source and cue both overlap the
  source and cue of one gold relation.

Articles annotated by several annotators (the inter-annotator sample) are
scored against the alphabetically first annotator only.

Usage (from the repository root; the data are read from ../shared at run time)::

    .venv/bin/python benchmarks/polnear.py                      # train and dev, full
    .venv/bin/python benchmarks/polnear.py --split dev --limit 20   # quick look
    .venv/bin/python benchmarks/polnear.py --json results.json
    .venv/bin/python benchmarks/polnear.py --split train --errors 20   # error classes with examples
    .venv/bin/python benchmarks/polnear.py --speed 500   # attribution extractor alone, MB/s
    .venv/bin/python benchmarks/polnear.py --kinds attribution,attitude   # attitudes scored too
    .venv/bin/python benchmarks/polnear.py --voice author   # only attributions in the reporter's voice

The full run over 924 articles takes well under a minute on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "polnear"


def load(data: Path, splits: set[str]):
    """``{file: [relations]}`` for the chosen splits, one annotator per file."""
    meta = {}
    with open(data / "metadata.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] in splits:
                meta[row["filename"]] = row["compartment"]
    rels: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    with open(data / "attributions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["file"] in meta:
                rels[r["file"]][r["annotator"]].append(r)
    out = {}
    for f, by_ann in rels.items():
        out[f] = by_ann[sorted(by_ann)[0]]
    return meta, out


def envelope(spans):
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e for _, e in spans))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


class Score:
    def __init__(self):
        self.tp_p = self.n_p = self.tp_r = self.n_g = 0

    def add(self, pred: set, gold: set, exact: bool):
        self.n_p += len(pred)
        self.n_g += len(gold)
        if exact:
            hit = pred & gold
            self.tp_p += len(hit)
            self.tp_r += len(hit)
        else:
            gl = sorted(gold)
            self.tp_p += sum(1 for p in pred if any(overlaps(p, g) for g in gl))
            self.tp_r += sum(1 for g in gl if any(overlaps(p, g) for p in pred))

    def prf(self):
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_r / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def run(data: Path, splits: list[str], limit: int | None, errors: dict | None = None,
        kinds: tuple[str, ...] = ("attribution",), voice: str = "any"):
    """The scores of each split (see the module's docstring); ``kinds``: the span kinds scored (``attribution``,
    ``attitude``); ``voice``: ``any`` scores every predicted span, ``author`` only those in the reporter's voice
    (the attributions framelens' sourcing metrics count; the ones nested in quotations are left out)."""
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    meta, rels = load(data, set(splits))
    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"],
                                       span_kinds=list(kinds)))
    results = {}
    for split in splits:
        files = sorted(f for f, s in meta.items() if s == split and (data / "text" / f"{f}.txt").exists())
        if limit:
            files = files[:limit]
        scores = {k: Score() for k in ("source_exact", "source_overlap", "cue_exact", "cue_overlap")}
        pair = Score()
        by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # kind -> [sources, overlapping, exact]
        chars = 0
        t0 = time.perf_counter()
        elapsed = 0.0
        for f in files:
            text = (data / "text" / f"{f}.txt").read_text(encoding="utf-8")
            chars += len(text)
            t1 = time.perf_counter()
            res = analyzer.analyze_document(Document(id=f, text=text))
            elapsed += time.perf_counter() - t1
            if voice == "author":
                res.spans = [s for s in res.spans if s.voice == "author"]
            pred_src, pred_cue, pred_pairs = set(), set(), set()
            for s in res.spans:
                cue = (s.attrs["cue_start"], s.attrs["cue_end"])
                pred_cue.add(cue)
                src = (s.start, s.end)
                if src != cue:  # an agentless passive ("it was reported") covers its cue and has no source
                    pred_src.add(src)
                    pred_pairs.add((src, cue))
            gold_src, gold_cue, gold_pairs = set(), set(), set()
            for r in rels.get(f, []):
                cue = envelope(r.get("cue_spans") or [])
                if cue:
                    gold_cue.add(cue)
                src = envelope(r.get("source_spans") or []) if r["relation_type"] == "Attribution" else None
                if src:
                    gold_src.add(src)
                    if cue:
                        gold_pairs.add((src, cue))
            if errors is not None:
                collect_errors(errors, split, f, text, rels.get(f, []), res.spans)
            seen_src: set = set()
            order = {k: i for i, k in enumerate(kinds)}
            for s in sorted(res.spans, key=lambda s: order.get(s.kind, len(order))):
                # each distinct source once, credited to the first of ``kinds`` that predicts it
                src = (s.start, s.end)
                if src == (s.attrs["cue_start"], s.attrs["cue_end"]) or src in seen_src:
                    continue
                seen_src.add(src)
                counts = by_kind[s.kind]
                counts[0] += 1
                counts[1] += any(overlaps(src, g) for g in gold_src)
                counts[2] += src in gold_src
            scores["source_exact"].add(pred_src, gold_src, True)
            scores["source_overlap"].add(pred_src, gold_src, False)
            scores["cue_exact"].add(pred_cue, gold_cue, True)
            scores["cue_overlap"].add(pred_cue, gold_cue, False)
            pair.n_p += len(pred_pairs)
            pair.n_g += len(gold_pairs)
            pair.tp_p += sum(1 for ps, pc in pred_pairs
                             if any(overlaps(ps, gs) and overlaps(pc, gc) for gs, gc in gold_pairs))
            pair.tp_r += sum(1 for gs, gc in gold_pairs
                             if any(overlaps(ps, gs) and overlaps(pc, gc) for ps, pc in pred_pairs))
        wall = time.perf_counter() - t0
        row = {"articles": len(files), "characters": chars, "gold_sources": scores["source_exact"].n_g,
               "gold_cues": scores["cue_exact"].n_g, "seconds_analysis": round(elapsed, 2),
               "seconds_total": round(wall, 2), "mb_per_s": round(chars / 1e6 / elapsed, 2) if elapsed else None}
        for k, sc in list(scores.items()) + [("pair_overlap", pair)]:
            p, r, f1 = sc.prf()
            row[k] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                      "predicted": sc.n_p, "gold": sc.n_g}
        row["sources_by_kind"] = {k: {"predicted": n, "overlap_precision": round(o / n, 3) if n else 0.0,
                                      "exact_precision": round(e / n, 3) if n else 0.0}
                                  for k, (n, o, e) in sorted(by_kind.items())}
        results[split] = row
    return results


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).replace("\n", " ")


def collect_errors(errors: dict, split: str, f: str, text: str, rels: list, spans) -> None:
    """Record, per gold ``Attribution`` relation, how the extractor fared (see ``--errors``).

    Classes: ``missed`` (no predicted attribution overlaps the gold cue or source), ``cue_only`` (the cue is
    found but its source does not overlap the gold source), ``source_bounds`` (source overlaps but its
    offsets differ). Predictions that overlap no gold source go to ``spurious``."""
    preds = [((s.start, s.end), (s.attrs["cue_start"], s.attrs["cue_end"])) for s in spans]
    gold_srcs = []
    for r in rels:
        if r["relation_type"] != "Attribution":
            continue
        src = envelope(r.get("source_spans") or [])
        cue = envelope(r.get("cue_spans") or [])
        if not src or not cue:
            continue
        gold_srcs.append(src)
        cue_word = " ".join(text[cue[0]:cue[1]].lower().split())
        by_cue = [ps for ps, pc in preds if overlaps(pc, cue)]
        if any(ps == src for ps in by_cue) or any(ps == src for ps, _ in preds):
            continue
        if any(overlaps(ps, src) for ps, _ in preds):
            kind = "source_bounds"
            got = next((ps for ps, _ in preds if overlaps(ps, src)))
            note = f"gold {text[src[0]:src[1]]!r} predicted {text[got[0]:got[1]]!r}"
        elif by_cue:
            kind = "cue_only"
            note = f"gold {text[src[0]:src[1]]!r} predicted {text[by_cue[0][0]:by_cue[0][1]]!r}"
        else:
            kind = "missed"
            note = f"gold source {text[src[0]:src[1]]!r}"
        ctx = _context(text, min(src[0], cue[0]), max(src[1], cue[1]))
        errors.setdefault((split, kind), []).append((cue_word, f, note, ctx))
    for ps, pc in preds:
        if ps != pc and not any(overlaps(ps, g) for g in gold_srcs):
            ctx = _context(text, min(ps[0], pc[0]), max(ps[1], pc[1]))
            errors.setdefault((split, "spurious"), []).append(
                (" ".join(text[pc[0]:pc[1]].lower().split()), f, f"predicted {text[ps[0]:ps[1]]!r}", ctx))


def print_errors(errors: dict, n: int) -> None:
    """The error classes of ``collect_errors``: counts by cue word, then ``n`` examples of each class."""
    from collections import Counter

    for (split, kind), items in sorted(errors.items()):
        counts = Counter(cue for cue, *_ in items)
        print(f"\n== {split} / {kind}: {len(items)}; by cue: "
              + ", ".join(f"{c} {k}" for c, k in counts.most_common(25)))
        step = max(1, len(items) // n) if n else 0
        for cue, f, note, ctx in items[::step][:n]:
            print(f"  [{cue}] {note}\n      {ctx}")


#: words skipped when looking for a cue's head word (auxiliaries, negation, frequent adverbs, "to")
_NOT_HEAD = {"has", "have", "had", "was", "were", "is", "are", "be", "been", "not", "never", "also", "would", "will",
             "could", "should", "may", "might", "did", "does", "do", "to", "just", "still", "later", "n’t", "n't",
             "don’t", "doesn’t", "didn’t", "don't", "doesn't", "didn't", "repeatedly", "publicly", "recently",
             "already"}


def cue_head(cue: str) -> str:
    """A rough head word of a gold cue: its first word that is not an auxiliary, negation, adverb of the list
    or "to", with a plural or tense ending stripped (``wanted`` -> ``want``; ``says`` -> ``say``). A
    grouping for error analysis, not a lemmatiser."""
    import re

    words = re.findall(r"[a-z’']+|:", cue)
    if not words:
        return cue
    head = next((w for w in words if w not in _NOT_HEAD), words[-1])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if head.endswith(suffix) and len(head) - len(suffix) >= 3:
            return head[: -len(suffix)] + repl
    return head


def print_heads(errors: dict, n: int) -> None:
    """The missed gold sources (``--errors``' class ``missed``) grouped by the head word of their cue: how
    many distinct heads, the ``n`` most frequent, and how much of the misses they cover."""
    from collections import Counter

    for (split, kind), items in sorted(errors.items()):
        if kind != "missed":
            continue
        counts = Counter(cue_head(cue) for cue, *_ in items)
        top = counts.most_common(n)
        covered = sum(c for _, c in top)
        print(f"\n== {split} / missed by cue head: {len(items)} missed gold sources, {len(counts)} distinct heads; "
              f"the {len(top)} most frequent cover {covered} ({covered / max(1, len(items)):.0%})")
        print(", ".join(f"{h} {c}" for h, c in top))


def speed(n: int, repeats: int = 3) -> dict:
    """MB/s of the attribution extractor alone on the first ``n`` articles of ../shared/bench/news.jsonl: the
    CPU time of analysing them with structure, hedges, report_verbs and attribution minus the time without
    attribution (best of ``repeats`` alternating runs, so that a busy machine affects both alike)."""
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    docs = []
    with open(ROOT.parent / "shared" / "bench" / "news.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= n:
                break
            r = json.loads(line)
            docs.append(Document(id=r["id"], text=r["text"]))
    mb = sum(len(d.text) for d in docs) / 1e6
    base = ["structure", "hedges", "report_verbs"]
    runs = {"without": Analyzer(AnalysisConfig(extractors=base)),
            "with": Analyzer(AnalysisConfig(extractors=base + ["attribution"]))}
    best = {k: float("inf") for k in runs}
    for _ in range(repeats):
        for k, an in runs.items():
            t = time.process_time()
            for d in docs:
                an.analyze_document(d)
            best[k] = min(best[k], time.process_time() - t)
    alone = best["with"] - best["without"]
    return {"articles": len(docs), "mb": round(mb, 2), "seconds_without": round(best["without"], 2),
            "seconds_with": round(best["with"], 2),
            "attribution_mb_per_s": round(mb / alone, 2) if alone > 0 else None,
            "pipeline_mb_per_s": round(mb / best["with"], 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"PolNeAR folder (default {DEFAULT_DATA})")
    ap.add_argument("--split", default="train,dev", help="comma-separated splits (train, dev)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each split")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print the error classes (missed, cue_only, source_bounds, spurious) with counts by cue "
                         "word and N evenly spaced examples of each, with context; develop on train, not dev")
    ap.add_argument("--heads", type=int, default=0, metavar="N",
                    help="group the missed gold sources by the head word of their cue and print the N most "
                         "frequent heads with the share of the misses they cover (error analysis; train only)")
    ap.add_argument("--voice", choices=("any", "author"), default="any",
                    help="score every predicted span (any, the default) or only those in the reporter's voice "
                         "(author: the attributions sourcing metrics count; nested ones in quotations left out)")
    ap.add_argument("--kinds", default="attribution",
                    help="comma-separated span kinds scored as predicted attributions: attribution (default, the "
                         "figures of the attribution spans alone) or attribution,attitude (attitudes too, as PolNeAR "
                         "annotates both)")
    ap.add_argument("--speed", type=int, default=0, metavar="N",
                    help="only measure the attribution extractor's speed on the first N articles of "
                         "../shared/bench/news.jsonl (with minus without attribution)")
    args = ap.parse_args(argv)
    if args.speed:
        r = speed(args.speed)
        print(f"{r['articles']} articles, {r['mb']} MB: without attribution {r['seconds_without']} s, with "
              f"{r['seconds_with']} s; attribution alone {r['attribution_mb_per_s']} MB/s, pipeline "
              f"{r['pipeline_mb_per_s']} MB/s (CPU time, best of 3)")
        return 0
    if not (args.data / "attributions.jsonl").exists():
        print(f"PolNeAR not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    splits = [s.strip() for s in args.split.split(",") if s.strip()]
    errors: dict | None = {} if (args.errors or args.heads) else None
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = sorted(set(kinds) - {"attribution", "attitude"})
    if not kinds or unknown:
        print(f"--kinds: {', '.join(unknown) or '(empty)'}; allowed: attribution, attitude", file=sys.stderr)
        return 2
    results = run(args.data, splits, args.limit, errors, kinds, args.voice)
    for split, row in results.items():
        print(f"== {split}: {row['articles']} articles, {row['gold_sources']} gold sources, {row['gold_cues']} gold "
              f"cues; analysis {row['seconds_analysis']} s ({row['mb_per_s']} MB/s)")
        print(f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'pred':>8}{'gold':>8}")
        for k in ("source_exact", "source_overlap", "cue_exact", "cue_overlap", "pair_overlap"):
            v = row[k]
            print(f"{k:16}{v['precision']:7.3f}{v['recall']:7.3f}{v['f1']:7.3f}{v['predicted']:8d}{v['gold']:8d}")
        if len(kinds) > 1:
            print("distinct predicted sources by kind: " + "; ".join(
                f"{k} {v['predicted']} (precision overlap {v['overlap_precision']:.3f}, exact {v['exact_precision']:.3f})"
                for k, v in row["sources_by_kind"].items()))
    if errors is not None and args.errors:
        print_errors(errors, args.errors)
    if errors is not None and args.heads:
        print_heads(errors, args.heads)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
