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
  framelens compare corpus/ --groups outlets.csv --by lean
      join a table outlet -> lean (owner, country, ...) and group by its column "lean"; outlets without a
      row are listed on stderr and in the report
  framelens compare corpus/ --min-articles 5 --min-words 2000
      stricter small-sample minimums: smaller groups are shown flagged, never ranked or named in findings

outputs (in --out):
  index.html    the report: findings, summary table, charts, term choice, distinctive words, sources,
                two articles side by side, every article highlighted (self-contained: works offline)
  summary.md    the same findings and tables in Markdown
  tables/       group_stats (raw and shrunken rates, intervals, flags), comparisons (every test, Benjamini-
                Hochberg adjusted), group_flags, keyness, term_choice, verb_stance, sources, source_verbs,
                frames, loaded_categories, loaded_positions, tests, documents, spans (CSV and Parquet)
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
    g.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                   help="time budget per document in CPU seconds (default 120; 0 = none): a longer one is skipped "
                        "and listed, reason code doc_timeout")
    g.add_argument("--test", nargs=2, action="append", default=[], metavar=("A", "B"),
                   help="permutation test of the difference between groups A and B (repeatable)")
    g.add_argument("--test-metric", default="loaded", metavar="METRIC",
                   help="metric of --test (default: loaded = loaded terms per 1,000 words; e.g. hedges, boosters)")
    g.add_argument("--n-boot", type=int, default=2000, metavar="N", help="bootstrap resamples for the 95%% CIs (default 2000)")
    g.add_argument("--seed", type=int, default=0, help="random seed of bootstrap and permutation test (default 0)")
    g.add_argument("--duplicates", choices=["drop", "flag", "credit", "keep"], default="flag",
                   help="near-duplicates (reposts, syndicated copies, excerpts): drop them before comparing, flag "
                        "them (default: kept, listed in tables/duplicates.csv and a duplicate_of column), credit "
                        "them to the original's outlet, or keep without checking")
    g.add_argument("--duplicate-threshold", type=float, default=None, metavar="J",
                   help="Jaccard similarity of 5-word shingles that makes a duplicate (default 0.5)")
    g.add_argument("--containment-threshold", type=float, default=None, metavar="C",
                   help="share of a document's 5-word shingles found inside another that makes it an excerpt "
                        "of it (default 0.5: more than half of it is the other's text)")
    g.add_argument("--no-outlet-overrides", action="store_true",
                   help="ignore original_outlet / via fields and letters-to-the-editor sections (by default such "
                        "documents are credited to the outlet their metadata names)")
    s = p.add_argument_group("small samples and group tables")
    s.add_argument("--min-articles", type=int, default=None, metavar="N",
                   help="groups with fewer articles are flagged: shown, never ranked or named in findings (default 3)")
    s.add_argument("--min-words", type=int, default=None, metavar="N",
                   help="groups with fewer words are flagged (default 1000)")
    s.add_argument("--short-words", type=int, default=None, metavar="N",
                   help="articles with fewer words are marked short_text (default 200)")
    s.add_argument("--groups", default=None, metavar="FILE.csv",
                   help="a table of group attributes (e.g. outlet,lean,owner) joined to the documents, so --by can "
                        "name one of its columns without editing the corpus")
    s.add_argument("--groups-key", default="outlet", metavar="COL",
                   help="the column --groups is keyed by (default: outlet)")
    s.add_argument("--source-aliases", default=None, metavar="FILE.csv",
                   help="a table alias,canonical of source names to merge across articles (e.g. 'Donald J. "
                        "Trump,Donald Trump'); without it sources merge only on their whole name, never a surname")
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
    from ..io.lock import out_lock

    # one run per --out: a second run stops at once with "in use" (exit 4)
    from ._progress import StepBars

    with out_lock(Path(args.out)), progress_bar(args, total=total, unit="doc", desc="compare") as bar, \
            StepBars(args) as steps:
        res = _run(args, run_compare, columns, formats, on_document=lambda: bar.update(1), progress=steps)
    return _finish(args, res)


def _run(args, run_compare, columns, formats, on_document, progress=None):
    return run_compare(
        args.paths, Path(args.out), by=args.by, event=args.event, columns=columns, encoding=args.encoding,
        errors=args.errors, lexicons=args.lexicon, default_lexicons=not args.no_default_lexicons, n_boot=args.n_boot,
        seed=args.seed, tests=[tuple(t) for t in args.test], test_metric=args.test_metric, inline=args.inline,
        pair=tuple(args.pair) if args.pair else None, formats=formats, title=args.title,
        argv=getattr(args, "_argv", None), duplicates=args.duplicates,
        duplicate_threshold=args.duplicate_threshold, charts=not args.no_charts, on_document=on_document, progress=progress,
        containment_threshold=args.containment_threshold, outlet_overrides=not args.no_outlet_overrides,
        groups=args.groups, groups_key=args.groups_key, source_aliases=args.source_aliases, doc_timeout=args.doc_timeout,
        **_minimums(args),
    )


def _minimums(args) -> dict:
    """The --min-articles, --min-words and --short-words given (library defaults otherwise)."""
    names = {"min_articles": args.min_articles, "min_words": args.min_words, "short_words": args.short_words}
    for k, v in names.items():
        if v is not None and v < (1 if k == "min_articles" else 0):
            raise ConfigError(f"--{k.replace('_', '-')} {v}: must be {'1' if k == 'min_articles' else '0'} or more")
    return {k: v for k, v in names.items() if v is not None}


def _say(message: str) -> None:
    """One message on stderr, with ids, outlets and group values made safe to print (control characters
    escaped, URL credentials hidden)."""
    from ..io.safetext import safe_message

    print(safe_message(message), file=sys.stderr)


def _warnings(result, args) -> None:
    """Language warnings per document, flagged groups, blank group values and an unmatched group table, on stderr."""
    from ..text.language import MIN_ENGLISH_SHARE

    d = result.documents
    if "language_warning" in d:
        for r in d[d["language_warning"].fillna(False).astype(bool)].itertuples():
            _say(f"framelens: warning: {r.id}: probably not English ({r.english_share:.0%} common English function "
                 f"words, under {MIN_ENGLISH_SHARE:.0%}); the English lexicons find almost nothing in it")
    blank = int(result.parameters.get("blank_group_values", 0) or 0)
    if blank:
        _say(f"framelens: warning: {blank} document(s) have no value of {args.by}; they form a flagged group "
             "of their own")
    join = result.groups_join or {}
    if join.get("unmatched"):
        um = join["unmatched"]
        _say(f"framelens: warning: --groups: {len(um)} {join['key']} value(s) have no row in the group table "
             f"({join['unmatched_documents']} document(s)): {', '.join(x or '(blank)' for x in um)}")
    if join.get("unused"):
        _say(f"framelens: --groups: rows matching no document: {', '.join(join['unused'])}")
    fl = result.flags
    if fl is not None and len(fl) and fl["flagged"].any():
        p = result.parameters
        _say(f"framelens: {int(fl['flagged'].sum())} of {len(fl)} group(s) flagged as unable to support a finding "
             f"(fewer than {p['min_articles']} articles or {p['min_words']:,} words, mostly not English, or no "
             "group value): shown, never ranked or named in findings (tables/group_flags.csv)")


def _finish(args, res) -> int:
    """Report duplicates, problems and tests on stderr; the exit code."""
    result = res["result"]
    dups = res.get("duplicates")
    if dups is not None and len(dups):
        verb = {"drop": "dropped", "credit": "credited to the original's outlet"}.get(args.duplicates, "flagged")
        _say(f"framelens: {len(dups)} near-duplicate document(s) {verb} (tables/duplicates.csv):")
        for row in dups.head(20).itertuples():
            kind = getattr(row, "kind", "repost")
            _say(f"  {row.doc_id} {'is an excerpt of' if kind == 'excerpt' else 'duplicates'} {row.duplicate_of} "
                 f"(similarity {row.similarity:.2f}, containment {row.containment:.2f})")
    _warnings(result, args)
    report_problems(res["problems"], args)
    for t in result.tests:
        _say(f"framelens: {t['metric']} {t['a']} = {t['value_a']:.2f}, {t['b']} = {t['value_b']:.2f}, "
             f"difference {t['difference']:.2f}, p = {t['p_value']:.3g} ({t['n_a']} vs {t['n_b']} documents, "
             f"{'exact' if t['exact'] else str(t['n_perm']) + ' permutations'})")
    n = len(result.documents)
    _say(f"framelens: compared {n} document(s) in {len(result.groups)} group(s) by {args.by} -> "
         f"{Path(args.out) / 'index.html'}")
    if n == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if res["problems"] else EXIT_OK
