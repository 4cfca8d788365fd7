"""Score the attribution extractor on tests/data/attribution_handcoded.tsv (issue 19 part 5).

The set was written before framelens was run on it (fictional sentences in the style of US local and
political news). Per row, the prediction scored is the attribution whose cue overlaps the gold cue's first
occurrence. Printed: sources found (recall over rows with a source), correct sources (normalised, without
case or a leading determiner), source-type accuracy on correct sources, negation accuracy, and false hits on
the negative rows ('-').

Usage::

    .venv/bin/python benchmarks/handcoded.py            # summary
    .venv/bin/python benchmarks/handcoded.py --rows     # every row with what was predicted
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "attribution_handcoded.tsv"


def load_rows(path: Path = DATA) -> list[dict]:
    """The rows of the hand-coded set."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def norm_source(s) -> str:
    """A source without case, a leading determiner or outer punctuation."""
    s = " ".join(str(s or "").replace("’", "'").split()).lower().strip(" ,.")
    return re.sub(r"^(the|a|an)\s+", "", s)


def predicted(analyzer, row: dict):
    """The author-voice attribution whose cue overlaps the row's gold cue, or None."""
    from framelens.model import Document

    text = row["text"]
    res = analyzer.analyze_document(Document(id=row["id"], text=text))
    i = text.lower().find(row["cue"].lower())
    lo, hi = (i, i + len(row["cue"])) if i >= 0 else (0, len(text))
    for s in res.spans:
        if s.kind == "attribution" and s.attrs["cue_start"] < hi and lo < s.attrs["cue_end"]:
            return s
    return None


def score(rows=None, analyzer=None, show=False) -> dict:
    """Counts and rates over the rows (see the module docstring)."""
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    rows = rows if rows is not None else load_rows()
    analyzer = analyzer or Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs",
                                                               "attribution"]))
    c = dict.fromkeys(("gold", "found", "correct", "typed", "neg_gold", "neg_ok", "negatives", "false_hits"), 0)
    failures = []
    for row in rows:
        s = predicted(analyzer, row)
        got = None if s is None else (s.attrs.get("source"), s.attrs.get("source_type"), s.attrs.get("negated"))
        if row["source"] == "-":
            c["negatives"] += 1
            if s is not None:
                c["false_hits"] += 1
                failures.append((row["id"], "false hit", got))
            continue
        c["gold"] += 1
        ok = False
        if s is not None:
            c["found"] += 1
            if norm_source(s.attrs.get("source")) == norm_source(row["source"]):
                ok = True
                c["correct"] += 1
                c["typed"] += s.attrs.get("source_type") == row["source_type"]
        if row["negated"] == "yes":
            c["neg_gold"] += 1
            c["neg_ok"] += bool(s is not None and s.attrs.get("negated"))
        if not ok or (s is not None and s.attrs.get("source_type") != row["source_type"]):
            failures.append((row["id"], f"gold {row['source']!r}/{row['source_type']}", got))
        if show:
            print(row["id"], row["text"][:70], "->", got)
    c["recall_found"] = round(c["found"] / c["gold"], 3) if c["gold"] else 0.0
    c["source_accuracy"] = round(c["correct"] / c["gold"], 3) if c["gold"] else 0.0
    c["type_accuracy"] = round(c["typed"] / c["correct"], 3) if c["correct"] else 0.0
    c["failures"] = failures
    return c


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    c = score(show="--rows" in argv)
    print(f"{c['gold']} rows with a source: found {c['found']} ({c['recall_found']}), correct source "
          f"{c['correct']} ({c['source_accuracy']}), type right on correct {c['typed']} ({c['type_accuracy']}); "
          f"negated cues recorded {c['neg_ok']}/{c['neg_gold']}; negative rows {c['negatives']}, false hits "
          f"{c['false_hits']}")
    for f in c["failures"]:
        print("  ", *f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
