"""framelens agreement: inter-coder agreement of a coded sample."""

from __future__ import annotations

import argparse
import json
import math
import sys

from ..errors import ConfigError
from . import EXIT_OK
from ._common import read_labelled_table, require_columns

HELP = "inter-coder agreement: Krippendorff's alpha, Cohen's kappa per coder pair, alpha per category"
EXAMPLES = """\
examples:
  framelens agreement examples/coding/coded_sentences.csv --coders frame_coder_a,frame_coder_b
      one row per unit, one column per coder (wide format)
  framelens agreement codes.csv --long --unit-col sentence_id --coder-col coder --label-col code
      one row per (unit, coder) judgement (long format)
  framelens agreement codes.csv --coders a,b,c --multilabel --label-sep ";"
      several labels per cell: alpha with the MASI distance
  framelens agreement codes.csv --coders a,b --json

what it reports (see docs/methods_classify.md):
  Krippendorff's alpha over all coders (nominal; MASI distance for multi-label), with missing
  codes allowed; Cohen's kappa and percent agreement for every pair of coders; and for each
  category the alpha of the binary "this category / not" coding, with how often each coder used it.
  Rough reading (Krippendorff 2004): alpha >= .800 reliable, .667-.800 tentative, below that not.
"""


def add_parser(sub):
    p = sub.add_parser("agreement", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", metavar="CODERS", help="coded table (.csv .tsv .jsonl .parquet)")
    p.add_argument("--coders", default=None, metavar="A,B,...",
                   help="coder columns (wide format); default: every column whose name starts with 'coder'")
    p.add_argument("--long", action="store_true", help="long format: one row per unit and coder")
    p.add_argument("--unit-col", default="id", metavar="NAME", help="unit id column for --long (default: id)")
    p.add_argument("--coder-col", default="coder", metavar="NAME", help="coder column for --long (default: coder)")
    p.add_argument("--label-col", default="label", metavar="NAME", help="label column for --long (default: label)")
    p.add_argument("--multilabel", action="store_true", help="cells hold several labels (MASI distance)")
    p.add_argument("--label-sep", default=";", metavar="SEP", help="label separator for --multilabel (default: ;)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    return p


def _fmt(v) -> str:
    return "n/a" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3f}"


def _clean(obj):
    if isinstance(obj, float) and math.isnan(obj):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def run(args) -> int:
    from ..classify.validate import agreement_report

    df = read_labelled_table(args.data, "measure")
    if args.long:
        require_columns(df, args.data, {args.unit_col: "--unit-col", args.coder_col: "--coder-col",
                                        args.label_col: "--label-col"})
        dup = df.duplicated([args.unit_col, args.coder_col])
        if dup.any():
            first = df[dup].iloc[0]
            raise ConfigError(f"{args.data}: coder {first[args.coder_col]!r} coded unit {first[args.unit_col]!r} "
                              "more than once")
        table = df.pivot(index=args.unit_col, columns=args.coder_col, values=args.label_col).reset_index()
        table.columns = [str(c) for c in table.columns]
        coders = [str(c) for c in df[args.coder_col].dropna().unique()]
    else:
        table = df
        if args.coders:
            coders = [c.strip() for c in args.coders.split(",") if c.strip()]
            require_columns(df, args.data, {c: "--coders" for c in coders})
        else:
            coders = [c for c in df.columns if str(c).lower().startswith("coder")]
            if len(coders) < 2:
                raise ConfigError(f"{args.data}: name the coder columns with --coders A,B (columns are: "
                                  f"{', '.join(map(str, df.columns))})")
    rep = agreement_report(table, coders, multilabel=args.multilabel, sep=args.label_sep)
    if args.json:
        print(json.dumps(_clean(rep), indent=2))
        return EXIT_OK
    out = sys.stdout
    print(f"agreement of {rep['n_coders']} coders on {rep['n_units']} units coded by two or more "
          f"({rep['n_rows']} rows) in {args.data}", file=out)
    print(f"  Krippendorff's alpha ({rep['level']}): {_fmt(rep['alpha'])}", file=out)
    print("  coder pairs:", file=out)
    for pr in rep["pairs"]:
        print(f"    {pr['coder_1']} / {pr['coder_2']}: units {pr['units']}, agreement "
              f"{_fmt(pr['percent_agreement'])}, Cohen's kappa {_fmt(pr['kappa'])}", file=out)
    print("  per category (alpha of 'this category or not'; uses per coder):", file=out)
    w = max([8] + [len(str(c["category"])) for c in rep["per_category"]])
    for c in rep["per_category"]:
        uses = ", ".join(f"{k[2:]} {v}" for k, v in c.items() if k.startswith("n_"))
        print(f"    {str(c['category']):<{w}}  alpha {_fmt(c['alpha'])}   ({uses})", file=out)
    return EXIT_OK
