"""framelens analyze: spans and metrics for every document, written as tables plus a manifest."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from ..errors import ConfigError
from ..extract.registry import DEFAULT_EXTRACTORS
from ..io.manifest import build_manifest, write_manifest
from ..io.tables import FORMATS
from . import EXIT_OK, EXIT_PARTIAL
from ._common import (add_input_args, add_lexicon_args, analyzer_from_args, corpus_from_args, fail_no_documents,
                      input_parameters, report_problems)
from ._progress import enabled as progress_enabled
from ._progress import progress_bar

HELP = "analyse documents: spans with exact offsets, per-document metrics, tables and a manifest"
EXAMPLES = """\
examples:
  framelens analyze article.txt
      one article; writes results/ (documents.jsonl, spans.jsonl, manifest.json)
  framelens analyze examples/corpus --out out/demo --format jsonl,csv,parquet
      a folder, all three table formats
  framelens analyze news.jsonl --text-col body --outlet-col source --errors skip
      a JSONL corpus whose text is in "body"; bad lines skipped quietly (still listed in manifest.json)
  cat article.txt | framelens analyze -
      one document from stdin
  framelens analyze corpus.csv --lexicon my_terms.csv
      add your own two-column CSV lexicon (term,category) to the shipped packs
  framelens analyze news.jsonl --out out/news --jobs 2
      two local worker processes; the tables are identical to a one-process run
  framelens analyze news.jsonl --doc-timeout 10
      skip (and list in manifest.json, reason code doc_timeout) any document whose analysis takes over 10 CPU s
  framelens analyze news.jsonl --out out/news --jobs 2 --resume
      after an interrupted run (Ctrl-C, kill, crash): skip the partitions already done
  framelens analyze news.jsonl --out out/news --engine dask --scheduler tcp://10.0.0.5:8786
      on a running Dask cluster (see docs/cluster.md); --workers 4 starts a local one instead
  framelens analyze news.jsonl --extractors loaded_terms,hedges,frames
      only these extractors (and what they need): no attribution, a much faster run on a large corpus
  framelens analyze news.jsonl --nested-spans
      every span also inside its document's documents.jsonl record (the earlier layout; in
      Python, framelens.io.tables.nested_records("results") reads either layout that way)

outputs (see docs/schema.md):
  documents.jsonl  one JSON object per document: id, outlet, date, title, url, event,
                   words, sentences, metrics {...}, origin, n_spans
  spans.jsonl      one JSON object per span: doc_id, kind, start, end, text, label, entry,
                   voice, ... (the n_spans rows of each document follow the previous one's)
  spans.csv / spans.parquet                         one row per span
  documents.csv / documents.parquet                 one row per document, metrics as columns
  manifest.json    framelens version, parameters, lexicons and inputs with SHA-256, skipped inputs
  partitions/      only while a run is going on or was interrupted: finished partitions and their
                   done-markers, used by --resume; removed when the run completes (docs/performance.md)
"""


def add_parser(sub):
    p = sub.add_parser("analyze", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    add_lexicon_args(p)
    g = p.add_argument_group("output")
    g.add_argument("--out", default="results", metavar="DIR", help="output folder (default: results/)")
    g.add_argument("--format", default="jsonl", metavar="LIST",
                   help=f"comma-separated table formats among {', '.join(FORMATS)} (default: jsonl); "
                        "documents.jsonl (one record per document) and spans.jsonl (one row per span) are always "
                        "written whatever the formats")
    add_layout_arg(g)
    g = p.add_argument_group("analysis")
    g.add_argument("--extractors", type=extractor_list, default=None, metavar="LIST",
                   help="comma-separated extractors to run (default: all of them: " + ", ".join(DEFAULT_EXTRACTORS)
                        + "); the ones they need are added. Attribution is most of a run's time: without it a "
                          "large corpus is analysed several times faster (docs/performance.md)")
    add_engine_args(p)
    return p


def extractor_list(value: str) -> list[str]:
    """The extractor names of ``--extractors``, checked against the registry (an unknown name is a usage error)."""
    from ..extract.registry import available_extractors

    names = [n.strip() for n in value.split(",") if n.strip()]
    known = available_extractors()
    unknown = [n for n in names if n not in known]
    if not names or unknown:
        raise argparse.ArgumentTypeError(f"unknown extractor(s) {', '.join(map(repr, unknown))}; available: "
                                         f"{', '.join(known)}" if unknown else "no extractor named")
    return names


def add_layout_arg(g) -> None:
    """``--nested-spans`` (analyze and predict)."""
    g.add_argument("--nested-spans", action="store_true",
                   help="write every span inside its document's documents.jsonl record (key \"spans\"), the "
                        "layout of framelens before spans.jsonl became the one place for spans; spans.jsonl is "
                        "then written only with --format jsonl. Outputs are larger and slower to write "
                        "(docs/schema.md)")


def add_engine_args(p) -> None:
    from ..runtime.deadline import DEFAULT_DOC_TIMEOUT
    from ..runtime.engine import ENGINES
    from ..runtime.partitions import DEFAULT_PARTITION_SIZE

    g = p.add_argument_group("speed and scale (docs/performance.md, docs/cluster.md)")
    g.add_argument("--engine", choices=list(ENGINES), default=None,
                   help="where documents are analysed: serial = this process; processes = local worker processes "
                        "(--jobs); dask = a Dask cluster (--scheduler or --workers). Default: dask if --scheduler "
                        "or --workers is given, processes if --jobs is more than 1, else serial. The tables are "
                        "identical whatever the engine")
    g.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="local worker processes for --engine processes (default: the number of CPUs)")
    g.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (--engine dask)")
    g.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="start a local Dask cluster of N single-threaded worker processes (--engine dask)")
    g.add_argument("--partition-size", type=_positive, default=DEFAULT_PARTITION_SIZE, metavar="N",
                   help=f"documents per partition: the unit of work, of streaming output and of --resume "
                        f"(default: {DEFAULT_PARTITION_SIZE})")
    g.add_argument("--doc-timeout", type=_seconds, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                   help=f"time budget per document in CPU seconds (default: {DEFAULT_DOC_TIMEOUT:g}); a document "
                        "whose analysis runs longer is skipped and listed in manifest.json with the reason code doc_timeout "
                        "(exit code 3), the others go on; 0 = no budget")
    g.add_argument("--resume", action="store_true",
                   help="continue an interrupted run into the same --out with the same parameters: partitions "
                        "already done (OUT/partitions/) are kept, the rest analysed")


def _seconds(value: str) -> float:
    try:
        t = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not t >= 0 or t == float("inf"):
        raise argparse.ArgumentTypeError(f"{value}: must be 0 (no budget) or more")
    return t


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value}: must be 1 or more")
    return n


def engine_options(args) -> dict:
    """Engine name and sizes from the options (``run_analysis`` callers without them get the serial engine)."""
    engine = getattr(args, "engine", None)
    jobs = getattr(args, "jobs", None)
    scheduler = getattr(args, "scheduler", None)
    workers = getattr(args, "workers", None)
    if engine is None:
        engine = "dask" if (scheduler or workers) else "processes" if (jobs or 1) > 1 else "serial"
    if engine != "dask" and (scheduler or workers):
        raise ConfigError(f"--scheduler/--workers are options of --engine dask, not --engine {engine}")
    if engine != "processes" and jobs and jobs > 1:
        raise ConfigError(f"--jobs is an option of --engine processes, not --engine {engine} "
                          "(for Dask, use --workers N or --scheduler ADDRESS)")
    if scheduler and workers:
        raise ConfigError("give --scheduler (a running cluster) or --workers (a local cluster), not both")
    return {"engine": engine, "jobs": jobs, "scheduler": scheduler, "workers": workers}


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ConfigError(f"--format {value!r}: allowed formats are {', '.join(FORMATS)}")
    return formats


def run_analysis(args, out: Path, formats: list[str], command: str):
    """Analyse the inputs named in ``args`` into ``out``; returns (manifest, problems, n_docs).

    Documents go through the engine chosen by the options (serial by default),
    partition by partition into ``out/partitions/``; the final tables are
    assembled from the partitions, the manifest written, then the partitions removed.
    """
    from ..io.corpus import Problem
    from ..runtime.engine import make_engine
    from ..runtime.partitions import DEFAULT_PARTITION_SIZE, count_documents, run_partitioned

    corpus = corpus_from_args(args)
    analyzer = analyzer_from_args(args)
    if hasattr(args, "doc_timeout"):  # before the engine copies the configuration to its workers
        analyzer.config = dataclasses.replace(analyzer.config, doc_timeout=args.doc_timeout or None)
    eng_opts = engine_options(args)
    partition_size = getattr(args, "partition_size", None) or DEFAULT_PARTITION_SIZE
    resume = bool(getattr(args, "resume", False))
    # counting the inputs costs a pass over them: done only when a bar is drawn
    total = count_documents(args.paths) if progress_enabled(args) else None
    nested_spans = bool(getattr(args, "nested_spans", False))
    params = {"formats": formats, "nested_spans": nested_spans, **input_parameters(args),
              **analyzer.config.to_dict()}
    # what must not change between an interrupted run and its --resume
    run_params = {**params, "inputs": [str(p) for p in args.paths], "lexicon_hashes": analyzer.resources()}
    with make_engine(analyzer, eng_opts["engine"], jobs=eng_opts["jobs"], scheduler=eng_opts["scheduler"],
                     workers=eng_opts["workers"]) as engine, \
            progress_bar(args, total=total, unit="doc", desc=command) as bar:
        summary, store = run_partitioned(
            _checking_language(corpus, args), out, engine, formats=formats, partition_size=partition_size, resume=resume,
            errors="raise" if args.errors == "raise" else "skip", run_parameters=run_params,
            span_fields=analyzer.span_fields(), progress=lambda n, w: bar.update(n), nested_spans=nested_spans,
        )
        engine_info = engine.describe()
    problems = corpus.problems  # a ProblemLog: the first 1,000 listed, every one counted per reason
    problems.extend(Problem(**p) for p in summary.problems)
    params["engine"] = {**engine_info, "partition_size": partition_size, "resumed": resume}
    manifest = build_manifest(
        command=command, parameters=params, inputs=corpus.inputs, resources=analyzer.resources(),
        problems=problems,
        counts={"documents": summary.n_docs, "spans": summary.n_spans, "skipped": problems.total,
                "partitions": summary.partitions, "partitions_reused": summary.reused},
        outputs=summary.outputs, argv=getattr(args, "_argv", None), base=out,
    )
    write_manifest(out / "manifest.json", manifest)
    store.cleanup()
    return manifest, problems, summary.n_docs


def run(args) -> int:
    from ..io.lock import out_lock

    formats = parse_formats(args.format)
    out = Path(args.out)
    with out_lock(out):  # a second run on the same --out stops at once: "in use" (exit 4)
        manifest, problems, n = run_analysis(args, out, formats, "analyze")
    if n == 0:
        return fail_no_documents(problems, "analyse", args.paths)
    report_problems(problems, args)
    for line in getattr(args, "_language_warnings", ()):
        print(line, file=sys.stderr)
    print(f"framelens: analysed {n} document(s), {manifest['counts']['spans']} spans -> {out}/", file=sys.stderr)
    return EXIT_PARTIAL if problems else EXIT_OK


#: language warnings printed one per document; beyond this, one line says there are more.
MAX_LANGUAGE_LINES = 50


def _checking_language(docs, args):
    """``docs`` as they are read, each checked for English on the way (framelens.text.language; linear, and no
    second read of the input); the warnings are kept on ``args._language_warnings`` for after the summary."""
    from ..io.safetext import safe_message
    from ..text.language import MIN_ENGLISH_SHARE, check_english

    warnings = args._language_warnings = []
    n = 0
    for doc in docs:
        c = check_english(doc.text)
        if c.warning:
            n += 1
            if n == MAX_LANGUAGE_LINES + 1:
                warnings.append(f"framelens: warning: ... more documents probably not in English (only the first "
                                f"{MAX_LANGUAGE_LINES} are listed)")
            if n > MAX_LANGUAGE_LINES:
                continue  # the output stays readable for a corpus in another language; memory stays flat
            warnings.append(safe_message(f"framelens: warning: {doc.id}: probably not English ({c.share:.0%} common "
                                         f"English function words, under {MIN_ENGLISH_SHARE:.0%}); the English "
                                         "lexicons find almost nothing in it"))
        yield doc
