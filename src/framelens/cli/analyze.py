"""framelens analyze: spans and metrics for every document, written as tables plus a manifest."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from ..manifest import build_manifest, write_manifest
from ..pipeline import iter_analyze
from ..tables import FORMATS, TableWriter
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._common import (Progress, add_input_args, add_lexicon_args, analyzer_from_args, corpus_from_args,
                      input_parameters, report_problems)

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

outputs (see docs/schema.md):
  documents.jsonl  one JSON object per document: id, outlet, date, title, url, event,
                   words, sentences, metrics {...}, spans [{kind, start, end, text, label,
                   entry, voice, ...}]
  spans.jsonl / spans.csv / spans.parquet           one row per span
  documents.csv / documents.parquet                 one row per document, metrics as columns
  manifest.json    framelens version, parameters, lexicons and inputs with SHA-256, skipped inputs
"""


def add_parser(sub):
    p = sub.add_parser("analyze", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    add_lexicon_args(p)
    g = p.add_argument_group("output")
    g.add_argument("--out", default="results", metavar="DIR", help="output folder (default: results/)")
    g.add_argument("--format", default="jsonl", metavar="LIST",
                   help=f"comma-separated table formats among {', '.join(FORMATS)} (default: jsonl)")
    return p


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ConfigError(f"--format {value!r}: allowed formats are {', '.join(FORMATS)}")
    return formats


def run_analysis(args, out: Path, formats: list[str], command: str):
    """Analyse the inputs named in ``args`` into ``out``; returns (manifest, problems, n_docs)."""
    corpus = corpus_from_args(args)
    analyzer = analyzer_from_args(args)
    problems: list = []
    writer = TableWriter(out, formats, span_fields=analyzer.span_fields())
    progress = Progress()
    try:
        for res in iter_analyze(corpus, analyzer=analyzer, errors="raise" if args.errors == "raise" else "skip",
                                problems=problems):
            writer.write(res)
            progress.update(res.words)
    except BaseException:
        writer.abort()
        raise
    progress.done()
    paths = writer.close()
    problems = list(corpus.problems) + problems
    params = {"formats": formats, **input_parameters(args), **analyzer.config.to_dict()}
    manifest = build_manifest(
        command=command, parameters=params, inputs=corpus.inputs, resources=analyzer.resources(),
        problems=problems, counts={"documents": writer.n_docs, "spans": writer.n_spans, "skipped": len(problems)},
        outputs=paths, argv=getattr(args, "_argv", None),
    )
    write_manifest(out / "manifest.json", manifest)
    return manifest, problems, writer.n_docs


def run(args) -> int:
    formats = parse_formats(args.format)
    out = Path(args.out)
    manifest, problems, n = run_analysis(args, out, formats, "analyze")
    report_problems(problems, args)
    print(f"framelens: analysed {n} document(s), {manifest['counts']['spans']} spans -> {out}/", file=sys.stderr)
    if n == 0:
        print("framelens: error: no document could be analysed", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_PARTIAL if problems else EXIT_OK
