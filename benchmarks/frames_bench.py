"""Frame benchmarks: narrative frames in climate articles (Frermann et al. 2023) and the Gun
Violence Frame Corpus headlines (Liu et al. 2019).

1. narrative_frames (428 articles, five boolean frames RE, HI, CO, MO, EC): a document-level
   multi-label classifier (framelens pipeline vs TF-IDF-only baseline, same 5 folds, C tuned by
   inner CV); per-frame F1 and macro-F1. And the shipped frame-cue lexicon without training:
   ROC AUC of a document's economic cue share for EC and morality cue share for MO (the two
   dimensions the Policy Frames Codebook shares with that scheme).
2. GVFC (2,990 headlines, first theme: 9 frames or 99 = none): a sentence-level multi-class
   classifier, framelens vs baseline on the same 5 folds; and the cue lexicon alone for the
   themes that map onto codebook dimensions (economic, political, public opinion, mental
   health -> health and safety, society/culture -> cultural identity): precision and recall
   of "the headline has a cue of that dimension".

Run from the repository root (needs ../shared/datasets):

    .venv/bin/python benchmarks/frames_bench.py [--json out.json] [--only narrative|gvfc] [--embeddings wordllama]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
NF = ["RE", "HI", "CO", "MO", "EC"]
GV_NAMES = {1: "gun_rights", 2: "gun_control", 3: "politics", 4: "mental_health", 5: "school_safety", 6: "race",
            7: "public_opinion", 8: "society_culture", 9: "economic", 99: "none"}
GV_TO_CODEBOOK = {"economic": "economic", "politics": "political", "public_opinion": "public_opinion",
                  "mental_health": "health_safety", "society_culture": "cultural_identity"}


def _bool(v) -> bool:
    return str(v).strip().lower().startswith("true")


def cue_shares(texts, frames):
    import framelens

    an = framelens.Analyzer(framelens.AnalysisConfig(extractors=["frames"]))
    out = {f: [] for f in frames}
    present = {f: [] for f in frames}
    for i, t in enumerate(texts):
        m = an.analyze_document(framelens.Document(id=str(i), text=t)).metrics
        for f in frames:
            out[f].append(m["frame_shares"].get(f, 0.0))
            present[f].append(m["frame_counts"].get(f, 0) > 0)
    return out, present


def narrative(res, embeddings=()):
    import pandas as pd
    from sklearn.metrics import roc_auc_score

    from framelens.classify.pipeline import make_baseline, make_pipeline
    from framelens.classify.validate import cross_validate, stratified_folds

    d = pd.read_csv(SHARED / "narrative_frames" / "articles.tsv", sep="\t")
    Y = np.column_stack([[int(_bool(v)) for v in d[f]] for f in NF])
    texts = d.text.astype(str).tolist()
    print(f"narrative_frames: {len(d)} articles; frame counts {dict(zip(NF, Y.sum(axis=0).tolist()))}", flush=True)
    splits = stratified_folds(Y, 5, 0, multilabel=True)
    out = {"n": len(d), "prevalence": dict(zip(NF, Y.mean(axis=0).round(3).tolist()))}
    models = [("framelens pipeline", make_pipeline("document", multilabel=True)),
              ("baseline TF-IDF", make_baseline("document", multilabel=True))]
    models += [(f"framelens + {b} embeddings", make_pipeline("document", multilabel=True, embeddings=b))
               for b in embeddings]
    for name, model in models:
        t = time.time()
        r = cross_validate(model, texts, Y, splits=splits, multilabel=True, labels=NF)
        out[name] = {"macro_f1": r.macro_f1, "ci95": list(r.macro_f1_ci),
                     "per_frame_f1": {k: v["f1"] for k, v in r.metrics["per_class"].items()},
                     "seconds": round(time.time() - t, 1)}
        print(f"  {name:20s} macro-F1 {r.macro_f1:.3f} (CI {r.macro_f1_ci[0]:.3f}-{r.macro_f1_ci[1]:.3f}); per frame "
              + " ".join(f"{k} {v:.2f}" for k, v in out[name]["per_frame_f1"].items()) + f"  ({time.time() - t:.0f}s)",
              flush=True)
    shares, _ = cue_shares(texts, ["economic", "morality"])
    out["cue_auc"] = {"EC~economic": float(roc_auc_score(Y[:, 4], shares["economic"])),
                      "MO~morality": float(roc_auc_score(Y[:, 3], shares["morality"]))}
    print(f"  cue lexicon, no training: ROC AUC of economic cue share for EC {out['cue_auc']['EC~economic']:.3f}, "
          f"of morality cue share for MO {out['cue_auc']['MO~morality']:.3f}", flush=True)
    res["narrative_frames"] = out


def gvfc(res, cues_only=False, embeddings=()):
    import pandas as pd

    from framelens.classify.pipeline import make_baseline, make_pipeline
    from framelens.classify.validate import classification_metrics, cross_validate, stratified_folds

    d = pd.read_csv(SHARED / "gvfc" / "headlines.csv")
    d = d[d["Q3 Theme1"].isin(GV_NAMES)].reset_index(drop=True)
    y = [GV_NAMES[int(v)] for v in d["Q3 Theme1"]]
    texts = d.news_title.astype(str).tolist()
    print(f"GVFC: {len(d)} headlines; {len(set(y))} classes", flush=True)
    splits = stratified_folds(y, 5, 0)
    out = {"n": len(d)}
    models = [] if cues_only else [("framelens pipeline", make_pipeline()), ("baseline TF-IDF", make_baseline())]
    if not cues_only:
        models += [(f"framelens + {b} embeddings", make_pipeline(embeddings=b)) for b in embeddings]
    for name, model in models:
        t = time.time()
        r = cross_validate(model, texts, y, splits=splits)
        out[name] = {"macro_f1": r.macro_f1, "ci95": list(r.macro_f1_ci), "accuracy": r.metrics["accuracy"],
                     "per_class_f1": {k: v["f1"] for k, v in r.metrics["per_class"].items()},
                     "seconds": round(time.time() - t, 1)}
        print(f"  {name:20s} macro-F1 {r.macro_f1:.3f} (CI {r.macro_f1_ci[0]:.3f}-{r.macro_f1_ci[1]:.3f}), "
              f"accuracy {r.metrics['accuracy']:.3f}  ({time.time() - t:.0f}s)", flush=True)
    _, present = cue_shares(texts, sorted(set(GV_TO_CODEBOOK.values())))
    cue = {}
    for theme, code in GV_TO_CODEBOOK.items():
        gold = np.array([v == theme for v in y])
        pred = np.array(present[code])
        m = classification_metrics(gold.astype(int), pred.astype(int), labels=[1])["per_class"]["1"]
        cue[f"{theme}~{code}"] = {"precision": m["precision"], "recall": m["recall"], "f1": m["f1"],
                                  "support": m["support"]}
        print(f"  cue lexicon {theme:16s} ~ {code:18s} P {m['precision']:.3f} R {m['recall']:.3f} "
              f"F1 {m['f1']:.3f} (n = {m['support']})", flush=True)
    out["cue_lexicon"] = cue
    res["gvfc"] = out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", default=None)
    ap.add_argument("--only", choices=["narrative", "gvfc"], default=None)
    ap.add_argument("--cues-only", action="store_true", help="GVFC: only the cue-lexicon part (no classifiers)")
    ap.add_argument("--embeddings", action="append", default=[], choices=["wordllama", "minilm"],
                    help="also run the framelens pipeline with these sentence embeddings (optional extra; repeatable)")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        sys.exit(f"datasets not found at {SHARED}")
    res: dict = {}
    if args.only in (None, "narrative"):
        narrative(res, embeddings=args.embeddings)
    if args.only in (None, "gvfc"):
        gvfc(res, cues_only=args.cues_only, embeddings=args.embeddings)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
