"""framelens predict: analyse documents and add a saved model's labels and probabilities to the tables."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from . import EXIT_OK, EXIT_PARTIAL
from ._common import (add_input_args, add_lexicon_args, analyzer_from_args, corpus_from_args, fail_no_documents,
                      input_parameters, report_problems)
from ._progress import enabled as progress_enabled
from ._progress import progress_bar

HELP = "label documents (or their sentences) with a saved model; adds labels and probabilities to the tables"
EXAMPLES = """\
examples:
  framelens predict frame.flmodel corpus.jsonl --out predicted/
  framelens predict bias.flmodel examples/corpus --out out/bias --format jsonl,csv
  framelens predict frame.flmodel new_sentences.csv --text-col text --out out/frames

what is added (see docs/methods_classify.md):
  a sentence-level model labels every sentence: the spans table's sentence rows get
  model_label and model_proba ({label: probability}); each document gets
  model_label (its most frequent sentence label), model_label_counts, model_label_shares
  and model_proba (mean over its sentences).
  a document-level model labels each document: model_label and model_proba in the
  documents table.
  multi-label models give lists of labels; probabilities are per label.
  manifest.json records the model file's hash, its framelens and lexicon versions.
"""


def add_parser(sub):
    from .analyze import add_layout_arg

    p = sub.add_parser("predict", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", metavar="MODEL", help="a model saved by framelens train")
    add_input_args(p)
    add_lexicon_args(p)
    g = p.add_argument_group("output")
    g.add_argument("--out", default="results", metavar="DIR", help="output folder (default: results/)")
    g.add_argument("--format", default="jsonl", metavar="LIST",
                   help="comma-separated table formats among jsonl, csv, parquet (default: jsonl); documents.jsonl "
                        "(one record per document) and spans.jsonl (one row per span) are always written")
    add_layout_arg(g)
    return p


def _labels_out(tm, pred):
    return list(pred) if tm.multilabel else pred


def label_result(tm, res):
    """A copy of a DocResult with the model's labels in its metrics (and sentence spans)."""
    text = res.doc.text
    metrics = dict(res.metrics)
    if tm.level == "document":
        pred = tm.predict([text])[0]
        proba = tm.predict_proba([text])[0]
        metrics["model_label"] = _labels_out(tm, pred)
        metrics["model_proba"] = {lab: round(float(p), 4) for lab, p in zip(tm.labels, proba)}
        return replace(res, metrics=metrics)
    sents = [s for s in res.spans if s.kind == "sentence"]
    if not sents:
        metrics.update({"model_label": None, "model_label_counts": {}, "model_label_shares": {}, "model_proba": {}})
        return replace(res, metrics=metrics)
    texts = [s.text for s in sents]
    preds = tm.predict(texts)
    probas = tm.predict_proba(texts)
    new = {}
    counts: Counter = Counter()
    for s, pr, pb in zip(sents, preds, probas):
        attrs = dict(s.attrs)
        attrs["model_label"] = _labels_out(tm, pr)
        attrs["model_proba"] = {lab: round(float(p), 4) for lab, p in zip(tm.labels, pb)}
        new[id(s)] = replace(s, attrs=attrs)
        for lab in (pr if tm.multilabel else [pr]):
            counts[lab] += 1
    spans = [new.get(id(s), s) for s in res.spans]
    n = len(sents)
    mean = probas.mean(axis=0)
    if tm.multilabel:
        top = [lab for lab in tm.labels if counts.get(lab, 0) * 2 >= n and counts.get(lab, 0)]
    else:
        top = min(counts, key=lambda lab: (-counts[lab], tm.labels.index(lab) if lab in tm.labels else 0))
    metrics["model_label"] = top
    metrics["model_label_counts"] = {lab: counts.get(lab, 0) for lab in tm.labels}
    metrics["model_label_shares"] = {lab: round(counts.get(lab, 0) / n, 4) for lab in tm.labels}
    metrics["model_proba"] = {lab: round(float(p), 4) for lab, p in zip(tm.labels, mean)}
    return replace(res, spans=spans, metrics=metrics)


def run(args) -> int:
    from ..classify.persist import load_model
    from ..io.lock import out_lock
    from .analyze import parse_formats

    formats = parse_formats(args.format)
    tm = load_model(args.model)
    out = Path(args.out)
    with out_lock(out):
        return _label_all(args, tm, out, formats)


def _label_all(args, tm, out: Path, formats: list[str]) -> int:
    """Analyse and label every input document into ``out`` (with the --out lock held)."""
    from ..io.manifest import build_manifest, file_sha256, write_manifest
    from ..runtime.partitions import count_documents
    from ..runtime.pipeline import iter_analyze
    from ..io.tables import TableWriter

    corpus = corpus_from_args(args)
    analyzer = analyzer_from_args(args)
    problems: list = []
    fields = analyzer.span_fields() + ["model_label", "model_proba"]
    nested_spans = bool(getattr(args, "nested_spans", False))
    writer = TableWriter(out, formats, span_fields=fields, nested_spans=nested_spans)
    # counting the inputs costs a pass over them: done only when a bar is drawn
    total = count_documents(args.paths) if progress_enabled(args) else None
    try:
        with progress_bar(args, total=total, unit="doc", desc="predict") as bar:
            for res in iter_analyze(corpus, analyzer=analyzer, errors="raise" if args.errors == "raise" else "skip",
                                    problems=problems):
                writer.write(label_result(tm, res))
                bar.update(1)
    except BaseException:
        writer.abort()
        raise
    paths = writer.close()
    problems = list(corpus.problems) + problems
    params = {"formats": formats, "nested_spans": nested_spans, **input_parameters(args), **analyzer.config.to_dict(),
              "model": {"path": str(args.model), "sha256": file_sha256(args.model), "labels": tm.labels,
                        "level": tm.level, "multilabel": tm.multilabel, "framelens_version": tm.framelens_version,
                        "lexicons": tm.lexicons, "created": tm.created}}
    manifest = build_manifest(command="predict", parameters=params, inputs=corpus.inputs,
                              resources=analyzer.resources(), problems=problems,
                              counts={"documents": writer.n_docs, "spans": writer.n_spans, "skipped": len(problems)},
                              outputs=paths, argv=getattr(args, "_argv", None))
    write_manifest(out / "manifest.json", manifest)
    if writer.n_docs == 0:
        return fail_no_documents(problems, "label", args.paths)
    report_problems(problems, args)
    print(f"framelens: labelled {writer.n_docs} document(s) with {args.model} ({tm.level} level) -> {out}/",
          file=sys.stderr)
    return EXIT_PARTIAL if problems else EXIT_OK
