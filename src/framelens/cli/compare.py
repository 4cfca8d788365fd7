"""framelens compare: compare outlets (or events, or any column) and write a self-contained report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._progress import enabled as progress_enabled
from ._progress import progress_bar
from ._common import add_input_args, add_lexicon_args, corpus_from_args, fail_no_documents, report_problems

HELP = "compare outlets covering the same event: aggregates with CIs, keyness, term choice, charts, HTML report"
EXAMPLES = """\
examples:
  framelens compare examples/corpus --out reports/demo
      the bundled fictional corpus, one group per outlet; open reports/demo/index.html
  framelens compare news.jsonl --by outlet --event fresh-start --out reports/fresh-start
      only the articles whose event is "fresh-start"
  framelens compare news.csv --by lean --test left right
      group by a metadata column "lean"; permutation test of loaded terms per 1,000 words, left vs right
  framelens compare articles.csv --outlet-col source --event-col main_event --text-col text
      a CSV whose outlet and event are in other columns
  framelens compare corpus/ --pair wire right-tabloid --inline 50
      choose the two articles shown side by side; show 50 articles inline (the rest get pages)

outputs (in --out):
  index.html    the report: findings, summary table, charts, term choice, distinctive words, sources,
                two articles side by side, every article highlighted (self-contained: works offline)
  summary.md    the same findings and tables in Markdown
  tables/       group_stats, keyness, term_choice, verb_stance, sources, source_verbs, frames,
                loaded_categories, loaded_positions, tests, documents, spans (CSV and Parquet)
  charts/       every chart as PNG and SVG
  articles/     pages of the articles not shown inline
  manifest.json framelens version, parameters, lexicons, inputs with SHA-256, skipped inputs
How each number is computed: docs/methods_compare.md; reading the report: docs/report.md.
"""


def add_parser(sub):
    p = sub.add_parser("compare", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    add_lexicon_args(p)
    g = p.add_argument_group("comparison")
    g.add_argument("--by", default="outlet", metavar="outlet|event|COLUMN",
                   help="group documents by this metadata field (default: outlet)")
    g.add_argument("--event", default=None, metavar="E", help="keep only documents whose event is E")
    g.add_argument("--test", nargs=2, action="append", default=[], metavar=("A", "B"),
                   help="permutation test of the difference between groups A and B (repeatable)")
    g.add_argument("--test-metric", default="loaded", metavar="METRIC",
                   help="metric of --test (default: loaded = loaded terms per 1,000 words; e.g. hedges, boosters)")
    g.add_argument("--n-boot", type=int, default=2000, metavar="N", help="bootstrap resamples for the 95%% CIs (default 2000)")
    g.add_argument("--seed", type=int, default=0, help="random seed of bootstrap and permutation test (default 0)")
    g.add_argument("--duplicates", choices=["drop", "flag", "keep"], default="flag",
                   help="near-duplicates (reposts, syndicated copies): drop them before comparing, flag them "
                        "(default: kept, listed in tables/duplicates.csv and a duplicate_of column), or keep "
                        "without checking")
    g.add_argument("--duplicate-threshold", type=float, default=None, metavar="J",
                   help="Jaccard similarity of 5-word shingles that makes a duplicate (default 0.5)")
    o = p.add_argument_group("report")
    o.add_argument("--out", default="reports/compare", metavar="DIR", help="output folder (default: reports/compare)")
    o.add_argument("--inline", type=int, default=20, metavar="N",
                   help="articles shown in index.html (default 20); the others get pages under articles/")
    o.add_argument("--pair", nargs=2, default=None, metavar=("ID1", "ID2"),
                   help="document ids of the two articles shown side by side (default: chosen automatically)")
    o.add_argument("--format", default="csv,parquet", metavar="LIST",
                   help="table formats among csv, parquet (default: csv,parquet)")
    o.add_argument("--title", default=None, help="title of the report")
    o.add_argument("--no-charts", action="store_true",
                   help="draw no chart (a quicker report: tables, findings and highlighted articles only)")
    return p


def _nothing_readable(args) -> bool:
    """Read the inputs once before the comparison (reading is fast beside the analysis): when not one
    document can be read, print one error line per failed input and return True."""
    corpus = corpus_from_args(args)
    if any(True for _ in corpus):
        return False
    fail_no_documents(corpus.problems, "compare", args.paths)
    return True


def run(args) -> int:
    from ..compare import run_compare

    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("csv", "parquet")]
    if bad or not formats:
        raise ConfigError(f"--format {args.format!r}: allowed formats are csv, parquet")
    if args.inline < 0:
        raise ConfigError(f"--inline {args.inline}: must be 0 or more")
    if "-" not in args.paths and _nothing_readable(args):  # stdin cannot be read twice
        return EXIT_FAILED
    columns = {"text": args.text_col, "id": args.id_col, "outlet": args.outlet_col, "date": args.date_col,
               "title": args.title_col, "event": args.event_col, "url": args.url_col}
    from ..runtime.partitions import count_documents

    total = count_documents(args.paths) if progress_enabled(args) and "-" not in args.paths else None
    with progress_bar(args, total=total, unit="doc", desc="compare") as bar:
        res = _run(args, run_compare, columns, formats, on_document=lambda: bar.update(1))
    return _finish(args, res)


def _run(args, run_compare, columns, formats, on_document):
    return run_compare(
        args.paths, Path(args.out), by=args.by, event=args.event, columns=columns, encoding=args.encoding,
        errors=args.errors, lexicons=args.lexicon, default_lexicons=not args.no_default_lexicons, n_boot=args.n_boot,
        seed=args.seed, tests=[tuple(t) for t in args.test], test_metric=args.test_metric, inline=args.inline,
        pair=tuple(args.pair) if args.pair else None, formats=formats, title=args.title,
        argv=getattr(args, "_argv", None), duplicates=args.duplicates,
        duplicate_threshold=args.duplicate_threshold, charts=not args.no_charts, on_document=on_document,
    )


def _finish(args, res) -> int:
    """Report duplicates, problems and tests on stderr; the exit code."""
    result = res["result"]
    dups = res.get("duplicates")
    if dups is not None and len(dups):
        verb = "dropped" if args.duplicates == "drop" else "flagged"
        print(f"framelens: {len(dups)} near-duplicate document(s) {verb} (tables/duplicates.csv):", file=sys.stderr)
        for row in dups.head(20).itertuples():
            print(f"  {row.doc_id} duplicates {row.duplicate_of} (similarity {row.similarity:.2f})", file=sys.stderr)
    report_problems(res["problems"], args)
    for t in result.tests:
        print(f"framelens: {t['metric']} {t['a']} = {t['value_a']:.2f}, {t['b']} = {t['value_b']:.2f}, "
              f"difference {t['difference']:.2f}, p = {t['p_value']:.3g} ({t['n_a']} vs {t['n_b']} documents, "
              f"{'exact' if t['exact'] else str(t['n_perm']) + ' permutations'})", file=sys.stderr)
    n = len(result.documents)
    print(f"framelens: compared {n} document(s) in {len(result.groups)} group(s) by {args.by} -> "
          f"{Path(args.out) / 'index.html'}", file=sys.stderr)
    if n == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if res["problems"] else EXIT_OK
