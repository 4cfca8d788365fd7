"""What framelens did with the cue of each PolNeAR source it missed (docs/validation_attribution.md, round thirteen).

For every gold ``Attribution`` source that no predicted source overlaps (the ``missed`` class of
``polnear.py --errors``), the gold cue is looked up among the cue candidates framelens found in that article and,
when it is one, the rules' verdict on it is read from a trace of the attribution extractor:

* ``unknown cue``: no cue candidate overlaps the gold cue (framelens has no reading for the word);
* ``no context (kind)``: the cue was found, but no rule could apply (for example a document verb with no
  document noun before it in the sentence);
* ``<rule> -> NO``: the first rule with a verdict refused the source it found;
* ``<rule> -> ATT``: an attribution was made and dropped later (nested in a quotation or in another attribution's
  content, or by the attitude filters), or scored out by the voice filter;
* ``no rule applied (kind)``: every rule that could apply found no source.

The trace wraps the extractor's ``cue_context`` and rule tables for the run (a diagnostic, not an API).

Usage (from the repository root)::

    .venv/bin/python benchmarks/cue_outcomes.py                    # train, author voice, attribution + attitude
    .venv/bin/python benchmarks/cue_outcomes.py --split dev --examples 5
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402  (the benchmark's loader and scoring)


def trace(log: list):
    """Wrap the attribution extractor so that every cue's context and first verdict are appended to ``log``."""
    import framelens.extract.attribution.extractor as E
    import framelens.extract.attribution.rules as R

    orig_ctx = E.cue_context

    def cue_context(*a):
        ctx = orig_ctx(*a)
        cue = a[-1]
        log.append(("ctx", cue.start, cue.end, cue.kind, ctx is not None))
        return ctx

    def wrap(fn):
        def rule(ctx):
            verdict = fn(ctx)
            if verdict is not None:
                log.append(("rule", ctx.cue.start, ctx.cue.end, fn.__name__,
                            "NO" if verdict is R.NO_ATTRIBUTION else "ATT"))
            return verdict
        return rule

    E.cue_context = cue_context
    for table in ("_SOURCE_RULES", "_PASSIVE_RULES", "_GERUND_RULES"):
        setattr(R, table, tuple(wrap(f) for f in getattr(R, table)))
    R._OWN_RULES = {k: wrap(f) for k, f in R._OWN_RULES.items()}


def outcome(events: list, cue: tuple[int, int]) -> str:
    """The class of a missed gold source from the trace events of its article (see the module docstring)."""
    evs = [e for e in events if e[1] < cue[1] and cue[0] < e[2]]
    if not evs:
        return "unknown cue"
    contexts = [e for e in evs if e[0] == "ctx"]
    verdicts = [e for e in evs if e[0] == "rule"]
    if contexts and not any(e[4] for e in contexts):
        return f"no context ({contexts[0][3]})"
    if verdicts:
        return f"{verdicts[0][3]} -> {verdicts[0][4]}"
    return f"no rule applied ({contexts[0][3]})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--voice", default="author", choices=["author", "any"])
    ap.add_argument("--examples", type=int, default=0, metavar="N", help="print N examples of each class")
    ap.add_argument("--data", type=Path, default=polnear.DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not (args.data / "attributions.jsonl").exists():
        print(f"cue_outcomes: {args.data} not found", file=sys.stderr)
        return 0
    log: list = []
    trace(log)
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    _, rels = polnear.load(args.data, {args.split})
    errors: dict = {}
    polnear.run(args.data, [args.split], None, errors=errors, voice=args.voice, kinds=("attribution", "attitude"))
    missed = defaultdict(list)
    for (_, kind), items in errors.items():
        if kind == "missed":
            for cue_word, f, note, ctx in items:
                missed[f].append((cue_word, note, ctx))
    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"],
                                       span_kinds=["attribution", "attitude"]))
    counts: Counter = Counter()
    examples = defaultdict(list)
    untraced = 0
    for f in sorted(missed):
        text = (args.data / "text" / f"{f}.txt").read_text(encoding="utf-8")
        log.clear()
        analyzer.analyze_document(Document(id=f, text=text))
        cues = {}
        for r in rels.get(f, []):
            span = polnear.envelope(r.get("cue_spans") or [])
            if r["relation_type"] == "Attribution" and span:
                cues.setdefault(" ".join(text[span[0]:span[1]].lower().split()), span)
        for cue_word, note, ctx in missed[f]:
            span = cues.get(cue_word)
            if span is None:
                untraced += 1
                continue
            key = outcome(log, span)
            counts[key] += 1
            examples[key].append((cue_word, note, ctx))
    total = sum(counts.values())
    print(f"== {args.split}: {total + untraced} missed gold sources ({untraced} not traced back to their cue)")
    for key, n in counts.most_common():
        print(f"{n:6d}  {key}")
    known = total - counts["unknown cue"]
    print(f"cue known: {known}; unknown: {counts['unknown cue']}")
    if args.examples:
        rng = random.Random(1)
        for key, n in counts.most_common():
            print(f"\n== {key}")
            for cue_word, note, ctx in rng.sample(examples[key], min(args.examples, n)):
                print(f"  [{cue_word}] {note}\n      {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
