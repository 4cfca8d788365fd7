"""framelens align: same facts, different words — group the sentences of one event's articles into fact units."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from ..io.safetext import safe_message
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._common import add_input_args, add_lexicon_args, analyzer_from_args, corpus_from_args, fail_no_documents, \
    input_parameters, report_problems
from ._progress import progress_bar

HELP = "align the articles of one event into fact units: who reports which fact, where, in which words"
EXAMPLES = """\
examples:
  framelens align examples/corpus --out reports/facts
      the bundled fictional event; open reports/facts/index.html, or read reports/facts/facts.csv
  framelens align news.jsonl --event fresh-start --out reports/fresh-start-facts
      only the articles whose event is "fresh-start" (needed when the input holds several events)
  framelens align news.jsonl --all-events --out reports/facts
      every event with two or more articles, one section each
  framelens align a.txt b.txt c.txt --out facts/
      files without event metadata are aligned together as one event
  framelens align corpus/ --out facts/ --threshold 0.35
      stricter: fewer, tighter units (the default is explained in docs/methods_align.md)

outputs (in --out):
  facts.csv      one row per (unit, article): unit, doc_id, outlet, present (true/false), sentence
                 (index, or empty), position (0-1 share of the article before it, or empty), voice
                 (reporter / attributed / quotation), text (the sentence, or empty); then event, title,
                 date, sentences (all indices), n_sentences, lede, buried
  units.csv      one row per unit: label (most central sentence), articles and outlets carrying it
  coverage.csv   per outlet: core facts (carried by a third of the outlets, at least 2) carried and
                 omitted, facts no other outlet reports, lede vs last third, reporter's statement vs attributed vs quoted
  phrasing.csv   every version of every shared unit: differing words, loaded terms, hedges,
                 reporting verb and stance, source
  sentences.csv  every sentence with its unit, position, voice
  charts/        coverage_map.png/.svg: units x articles, present/absent and position
  index.html     self-contained page: coverage, clickable fact-by-article table, versions side by side
  manifest.json  framelens version, parameters, lexicons, inputs with SHA-256

method: sentences are compared by TF-IDF of words and character n-grams plus shared numbers,
names and quotations (fitted within the event) and grouped by average-linkage clustering; see
docs/methods_align.md, and docs/validation_align.md for precision and recall on a gold alignment.
"""


def add_parser(sub):
    p = sub.add_parser("align", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    add_lexicon_args(p)
    g = p.add_argument_group("alignment")
    g.add_argument("--event", default=None, metavar="E", help="align only the documents whose event is E")
    g.add_argument("--all-events", action="store_true",
                   help="align every event with 2+ documents (default when --event is not given: the input must "
                        "hold one event, or none)")
    g.add_argument("--threshold", type=float, default=None, metavar="T",
                   help="mean similarity two units need to merge, in (0, 1] (default: 0.28, see docs/methods_align.md)")
    g.add_argument("--max-per-doc", type=int, default=None, metavar="N",
                   help="most sentences of one article in one unit (default: 3)")
    g.add_argument("--min-words", type=int, default=None, metavar="N",
                   help="shorter sentences take no part (default: 4)")
    o = p.add_argument_group("output")
    o.add_argument("--out", default="reports/align", metavar="DIR", help="output folder (default: reports/align)")
    o.add_argument("--title", default=None, help="title of the HTML page")
    return p


def _counted(docs, bar):
    """Yield ``docs``, advancing the progress ``bar`` by one for each."""
    for d in docs:
        yield d
        bar.update(1)


def run(args) -> int:
    from ..coverage import align as A
    from ..runtime.pipeline import analyze

    kw = {"threshold": A.DEFAULT_THRESHOLD if args.threshold is None else args.threshold,
          "max_per_doc": A.MAX_PER_DOC if args.max_per_doc is None else args.max_per_doc,
          "min_words": A.MIN_WORDS if args.min_words is None else args.min_words}
    if not 0 < kw["threshold"] <= 1:
        raise ConfigError(f"--threshold {kw['threshold']}: must be in (0, 1]")
    if kw["max_per_doc"] < 1 or kw["min_words"] < 1:
        raise ConfigError("--max-per-doc and --min-words must be 1 or more")
    if args.event is not None and args.all_events:
        raise ConfigError("--event and --all-events exclude each other")
    corpus = corpus_from_args(args)
    analyzer = analyzer_from_args(args)
    with progress_bar(args, unit="doc", desc="align: analyse") as bar:  # total unknown: a count
        analysis = analyze(_counted(corpus, bar), analyzer=analyzer,
                           errors="raise" if args.errors == "raise" else "skip")
    # a generator, not the Corpus, went to analyze(): add the corpus's own problems first, as analyze() does
    problems = list(corpus.problems) + list(analysis.problems)
    if not analysis.results:
        return fail_no_documents(problems, "align", args.paths)
    report_problems(problems, args)
    if args.all_events:
        alignments = A.align_events(analysis, **kw)
        if not alignments:
            print("framelens: error: no event has two or more documents", file=sys.stderr)
            return EXIT_FAILED
    else:
        res = A.align(analysis, event=args.event, **kw)
        alignments = {res.event: res}
    from ..io.lock import out_lock

    out = Path(args.out)
    with out_lock(out):
        return _write(args, out, alignments, analyzer, corpus, problems, kw)


def _write(args, out, alignments, analyzer, corpus, problems, kw) -> int:
    """The report, the manifest and the summary lines (with the --out lock held)."""
    from ..compare.report import write_alignment_report
    from ..io.manifest import build_manifest, write_manifest

    files = write_alignment_report(alignments, out, title=args.title)
    params = {**kw, "event": args.event, "all_events": args.all_events, **input_parameters(args),
              **analyzer.config.to_dict()}
    n_docs = sum(len(r.documents) for r in alignments.values())
    manifest = build_manifest(
        command="align", parameters=params, inputs=corpus.inputs, resources=analyzer.resources(), problems=problems,
        counts={"documents": n_docs, "events": len(alignments),
                "units": sum(len(r.units) for r in alignments.values()), "skipped": len(problems)},
        outputs=files, argv=getattr(args, "_argv", None), base=out)
    write_manifest(out / "manifest.json", manifest)
    for ev, r in alignments.items():
        shared = int((r.units["n_docs"] >= 2).sum())
        print(safe_message(f"framelens: event {ev if ev is not None else '(no event metadata)'}: "
                           f"{len(r.documents)} document(s), {len(r.units)} fact unit(s), {shared} reported by 2+ "
                           "documents"), file=sys.stderr)
        if not getattr(args, "quiet", False):
            for c in r.coverage.itertuples():
                print(safe_message(f"  {c.outlet}: {c.units} units; carries {c.core_carried} of {c.core} core facts "
                                   f"(carried by {c.core_min}+ outlets); {c.exclusive} reported by no other outlet"),
                      file=sys.stderr)
    print(f"framelens: wrote {out / 'facts.csv'} and {out / 'index.html'}", file=sys.stderr)
    return EXIT_PARTIAL if problems else EXIT_OK
