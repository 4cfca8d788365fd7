"""framelens evaluate: score a saved model on a gold-labelled file."""

from __future__ import annotations

import argparse
import json
import sys

from . import EXIT_OK
from ._common import read_labelled_table, require_columns
from .train import add_common_model_args, print_metrics

HELP = "score a saved model on a gold file: per-class P/R/F1, macro-F1 with bootstrap CI, alpha"
EXAMPLES = """\
examples:
  framelens evaluate frame.flmodel gold.csv --text-col text --label-col frame
  framelens evaluate bias.flmodel gold.csv --label-col bias --json > metrics.json
      metrics as JSON: macro_f1, macro_f1_ci95, accuracy, per_class {label: precision, recall, f1, support}
  framelens evaluate frame.flmodel gold.csv --label-col frame --chart confusion.png
"""


def add_parser(sub):
    p = sub.add_parser("evaluate", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", metavar="MODEL", help="a model saved by framelens train")
    p.add_argument("gold", metavar="GOLD", help="labelled table (.csv .tsv .jsonl .parquet)")
    add_common_model_args(p)
    p.set_defaults(text_col=None, label_col=None, label_sep=None)
    p.add_argument("--json", action="store_true", help="print the metrics as JSON on stdout")
    p.add_argument("--chart", metavar="FILE", default=None, help="save a confusion-matrix chart (PNG/SVG/PDF)")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap interval (default 0)")
    return p


def evaluate_model(tm, texts, labels, seed: int = 0) -> dict:
    """Metrics of a TrainedModel on texts with gold labels (single: str, multi: sets)."""
    from ..classify.validate import (binarize_labels, bootstrap_ci, classification_metrics, confusion_table,
                                     krippendorff_alpha)

    pred = tm.predict(texts)
    if tm.multilabel:
        Y, _ = binarize_labels(labels, tm.labels)
        P, _ = binarize_labels(pred, tm.labels)
        m = classification_metrics(Y, P, tm.labels, multilabel=True)
        m["macro_f1_ci95"] = list(bootstrap_ci(Y, P, multilabel=True, labels=tm.labels, seed=seed, n_boot=1000))
        m["alpha_model_human"] = krippendorff_alpha([[";".join(sorted(s)) for s in labels],
                                                     [";".join(sorted(s)) for s in pred]], level="masi")
        m["alpha_level"] = "masi"
        unknown = sorted({lab for s in labels for lab in s} - set(tm.labels))
    else:
        labs = sorted(set(tm.labels) | set(labels))
        m = classification_metrics(labels, pred, labs)
        m["macro_f1_ci95"] = list(bootstrap_ci(labels, pred, labels=labs, seed=seed))
        m["alpha_model_human"] = krippendorff_alpha([list(labels), list(pred)])
        m["alpha_level"] = "nominal"
        m["confusion"] = confusion_table(labels, pred, labs).to_dict(orient="index")
        unknown = sorted(set(labels) - set(tm.labels))
    m["labels_not_in_model"] = unknown
    return m


def run(args) -> int:
    from ..classify._io import labelled
    from ..classify.persist import load_model

    tm = load_model(args.model)
    text_col = args.text_col or tm.text_col
    label_col = args.label_col or tm.label_col
    sep = args.label_sep or tm.label_sep
    df = read_labelled_table(args.gold, "evaluate")
    require_columns(df, args.gold, {text_col: "--text-col", label_col: "--label-col"})
    texts, labels, dropped = labelled(df, args.gold, text_col, label_col, tm.multilabel, sep)
    if dropped:
        print(f"framelens: {dropped} row(s) without text or label were left out", file=sys.stderr)
    m = evaluate_model(tm, texts, labels, seed=args.seed)
    if m["labels_not_in_model"]:
        print(f"framelens: warning: gold labels the model never saw: {', '.join(m['labels_not_in_model'])}",
              file=sys.stderr)
    if args.chart and not tm.multilabel:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
        import pandas as pd

        from ..classify.validate import plot_confusion

        table = pd.DataFrame(m["confusion"]).T
        table = table[list(table.index)]
        table.index.name, table.columns.name = "true", "predicted"
        ax = plot_confusion(table, title=f"{label_col}: model vs gold (n = {len(texts)})")
        from ..io.atomic import atomic_path

        with atomic_path(args.chart) as tmp:
            ax.figure.savefig(tmp, dpi=120, bbox_inches="tight")
        plt.close(ax.figure)
    if args.json:
        print(json.dumps(m, indent=2))
    else:
        print_metrics(m, sys.stdout, f"{args.model} on {args.gold} ({label_col!r}):")
    return EXIT_OK
