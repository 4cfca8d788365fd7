"""BABE benchmark (Spinde et al. 2021): sentence-level bias and word-level biased words.

Sentence level: 5-fold stratified CV (seed 0) on every sentence labelled Biased or
Non-biased ("No agreement" dropped); the framelens default pipeline, its
ablations and the TF-IDF-only baseline all use the SAME folds; C is tuned by an
inner CV on each training fold only. Reports pooled out-of-fold macro-F1 with a
95% bootstrap CI, per-fold scores, and a paired bootstrap of the difference to
the baseline (same resampled sentences for both models).

Word level: the word-level model (framelens.classify.wordlevel) trained on the
words the experts marked (``biased_words``), 5-fold CV over sentences;
token-level precision/recall/F1 at P >= 0.5, and top-1 accuracy (is the
highest-scored word of a Biased sentence one of the marked words).

Run from the repository root (needs ../shared/datasets/babe):

    .venv/bin/python benchmarks/babe.py                 # everything, ~15 min on 2 cores
    .venv/bin/python benchmarks/babe.py --quick         # default pipeline vs baseline only
    .venv/bin/python benchmarks/babe.py --json out.json
    .venv/bin/python benchmarks/babe.py --quick --no-words --embeddings wordllama   # framelens[embeddings]
    .venv/bin/python benchmarks/babe.py --train-time    # `framelens train` on 80% of BABE: CPU and wall seconds

Training time (issue 17): the stratified 80% sample (seed 0, 2,938 sentences) is written to a temporary
CSV and `framelens train --folds 5` runs on it in this process; CPU time from resource.getrusage.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "babe" / "final_labels_SG2.csv"


def load():
    import pandas as pd

    if not DATA.exists():
        sys.exit(f"BABE not found at {DATA} (see ../shared/datasets/README.md)")
    d = pd.read_csv(DATA)
    d = d[d.label_bias.isin(["Biased", "Non-biased"])].reset_index(drop=True)
    return d


def paired_diff(y, pa, pb, n_boot=2000, seed=0):
    from framelens.classify.validate import _macro_f1_fast

    labels = sorted(set(y))
    idx = {c: i for i, c in enumerate(labels)}
    t = np.array([idx[v] for v in y]); a = np.array([idx[v] for v in pa]); b = np.array([idx[v] for v in pb])
    rng = np.random.default_rng(seed)
    diffs = np.empty(n_boot)
    for i in range(n_boot):
        s = rng.integers(0, len(t), len(t))
        diffs[i] = _macro_f1_fast(t[s], a[s], len(labels)) - _macro_f1_fast(t[s], b[s], len(labels))
    return float(np.quantile(diffs, 0.025)), float(np.quantile(diffs, 0.975)), float(np.mean(diffs <= 0))


def sentence_level(d, quick=False, folds=5, seed=0, embeddings=()):
    from framelens.classify.pipeline import make_baseline, make_pipeline
    from framelens.classify.validate import cross_validate, stratified_folds

    X = d.text.tolist()
    y = d.label_bias.tolist()
    splits = stratified_folds(y, folds, seed)
    configs = [("framelens default pipeline", make_pipeline()),
               ("baseline: word+char TF-IDF, tuned C", make_baseline())]
    if not quick:
        configs += [
            ("baseline: word+char TF-IDF, C=1", make_baseline(C=1.0)),
            ("TF-IDF + log-count-ratio weighting only", make_baseline(term_weighting=True)),
            ("default without log-count-ratio weighting", make_pipeline(term_weighting=False)),
            ("default without framelens counts", make_pipeline(framelens_weight=0.0)),
            ("default without keyness pooling", make_pipeline(keyness=False)),
        ]
    for backend in embeddings:
        configs += [(f"default + {backend} embeddings (optional extra)", make_pipeline(embeddings=backend)),
                    (f"baseline + {backend} embeddings", make_baseline(embeddings=backend))]
    out = {}
    for name, model in configs:
        t = time.time()
        r = cross_validate(model, X, y, splits=splits, labels=["Biased", "Non-biased"])
        out[name] = {"macro_f1": r.macro_f1, "ci95": list(r.macro_f1_ci), "fold_macro_f1": r.fold_macro_f1,
                     "per_class": r.metrics["per_class"], "seconds": round(time.time() - t, 1),
                     "_pred": list(r.y_pred)}
        print(f"{name:48s} macro-F1 {r.macro_f1:.4f}  CI {r.macro_f1_ci[0]:.3f}-{r.macro_f1_ci[1]:.3f}  "
              f"folds {' '.join(f'{v:.3f}' for v in r.fold_macro_f1)}  ({time.time() - t:.0f}s)", flush=True)
    base = out["baseline: word+char TF-IDF, tuned C"]["_pred"]
    for name, rec in out.items():
        if name.startswith("baseline: word+char TF-IDF, tuned"):
            continue
        lo, hi, p = paired_diff(y, rec["_pred"], base)
        rec["diff_vs_baseline"] = {"diff": rec["macro_f1"] - out["baseline: word+char TF-IDF, tuned C"]["macro_f1"],
                                   "ci95": [lo, hi], "p_le_0": p}
        print(f"  {name}: difference to tuned baseline {rec['diff_vs_baseline']['diff']:+.4f} "
              f"(paired bootstrap 95% CI {lo:+.4f} to {hi:+.4f}; share of resamples <= 0: {p:.3f})", flush=True)
    wins = [a > b for a, b in zip(out["framelens default pipeline"]["fold_macro_f1"],
                                  out["baseline: word+char TF-IDF, tuned C"]["fold_macro_f1"])]
    print(f"  framelens pipeline beats the baseline in {sum(wins)} of {len(wins)} folds", flush=True)
    for rec in out.values():
        rec.pop("_pred")
    return out


def word_level(d, folds=5, seed=0):
    from sklearn.model_selection import KFold

    from framelens.classify.wordlevel import WordBiasModel, _analyzer, match_biased_words, tokens

    an = _analyzer((), True)
    toks = [tokens(t, an) for t in d.text]
    words = [ast.literal_eval(b) if isinstance(b, str) and b.startswith("[") else [] for b in d.biased_words]
    labs = [match_biased_words(tk, w) for tk, w in zip(toks, words)]
    tp = fp = fn = 0
    top1 = n_top = 0
    t0 = time.time()
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(toks):
        m = WordBiasModel().fit_tokens([toks[i] for i in tr], [labs[i] for i in tr])
        for i in te:
            if not toks[i]:
                continue
            p = np.asarray(m.predict_tokens(toks[i]))
            g = np.asarray(labs[i]) == 1
            hit = p >= 0.5
            tp += int((hit & g).sum()); fp += int((hit & ~g).sum()); fn += int((~hit & g).sum())
            if d.label_bias.iloc[i] == "Biased" and g.any():
                n_top += 1
                top1 += int(g[int(np.argmax(p))])
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    res = {"precision": P, "recall": R, "f1": F, "marked_tokens": int(sum(map(sum, labs))),
           "tokens": int(sum(map(len, labs))), "top1_accuracy": top1 / n_top if n_top else 0.0,
           "biased_sentences_with_marked_words": n_top, "seconds": round(time.time() - t0, 1)}
    print(f"word level: P {P:.3f} R {R:.3f} F1 {F:.3f} (threshold 0.5; {res['marked_tokens']} marked of "
          f"{res['tokens']} tokens); top-1 accuracy on Biased sentences {res['top1_accuracy']:.3f} "
          f"(n = {n_top})", flush=True)
    return res


def train_time(d, seed=0):
    """Seconds (wall and CPU) and macro-F1 of `framelens train` (5-fold CV + final fit) on 80% of BABE."""
    import os
    import resource
    import tempfile

    from sklearn.model_selection import train_test_split

    from framelens.cli import main as cli

    sample, _ = train_test_split(d, train_size=0.8, stratify=d.label_bias, random_state=seed)
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "babe80.csv"
        sample[["text", "label_bias"]].to_csv(csv, index=False)
        load = os.getloadavg()[0]
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        rc = cli(["train", str(csv), "--label-col", "label_bias", "--folds", "5", "--seed", str(seed),
                  "--out", str(Path(tmp) / "m.flmodel"), "--json"])
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        metrics = json.loads((Path(tmp) / "m.flmodel.report" / "cv_metrics.json").read_text(encoding="utf-8"))
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    res = {"n": len(sample), "exit": rc, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
           "load_1min_before": round(load, 2), "load_1min_after": round(os.getloadavg()[0], 2),
           "macro_f1": metrics["macro_f1"], "fold_macro_f1": metrics["fold_macro_f1"]}
    print(f"framelens train on {len(sample)} BABE sentences (5-fold CV + final fit): {wall:.1f} s wall, "
          f"{cpu:.1f} s CPU (load {load:.1f} -> {res['load_1min_after']:.1f}); macro-F1 {metrics['macro_f1']:.4f}",
          file=sys.stderr, flush=True)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="only the default pipeline and the tuned baseline")
    ap.add_argument("--no-words", action="store_true", help="skip the word-level benchmark")
    ap.add_argument("--json", default=None, help="write the results as JSON")
    ap.add_argument("--embeddings", action="append", default=[], choices=["wordllama", "minilm"],
                    help="also run the default pipeline and the baseline with these sentence embeddings "
                         "(needs the optional extra; repeatable)")
    ap.add_argument("--train-time", action="store_true",
                    help="only time `framelens train` (5-fold CV) on a stratified 80%% sample (issue 17)")
    args = ap.parse_args(argv)
    d = load()
    if args.train_time:
        res = {"train_time": train_time(d)}
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
        return
    print(f"BABE: {len(d)} sentences ({(d.label_bias == 'Biased').sum()} Biased)", flush=True)
    res = {"n": len(d), "sentence_level": sentence_level(d, args.quick, embeddings=args.embeddings)}
    if not args.no_words and not args.quick:
        res["word_level"] = word_level(d)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
