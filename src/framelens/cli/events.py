"""framelens events: group articles into events by text similarity within a date window."""

from __future__ import annotations

import argparse
import math
import sys

from ..errors import ConfigError
from ..io.safetext import safe_message
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._common import add_input_args, read_documents

HELP = "group articles into events (TF-IDF similarity within a date window) and label each event"
EXAMPLES = """\
examples:
  framelens events corpus.jsonl --out corpus-events.jsonl
      every document gets an "event" id and an "event_label" (the event's top terms)
  framelens events corpus.jsonl --out e.jsonl --threshold 0.3 --window 7 --table events.csv
      stricter similarity, a one-week window, and a table of the events (size, dates, outlets)
  framelens events corpus.jsonl --out e.jsonl --window none
      no date window (only for corpora without dates, or a single news cycle)

method: two articles join one event when they are at most --window days apart and the mean
cosine similarity of TF-IDF vectors (title + text) between the groups being merged is at least
--threshold (average-linkage clustering). Documents whose metadata already names an event
keep it. The default 0.2 is the similarity only 1 in 1,000 pairs of articles published more
than 30 days apart reach in a 8,829-article news corpus; see docs/gathering.md and
docs/validation_gathering.md (BASIL: adjusted Rand index across thresholds).
"""


def _window(value: str) -> float:
    if value.strip().lower() in ("none", "inf", "off"):
        return math.inf
    try:
        w = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: a number of days, or none") from None
    if w < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: must be >= 0")
    return w


def add_parser(sub):
    p = sub.add_parser("events", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    g = p.add_argument_group("events")
    g.add_argument("--out", required=True, metavar="FILE.jsonl", help="the corpus written back with event fields")
    g.add_argument("--threshold", type=float, default=0.2, metavar="T",
                   help="cosine similarity (mean between merged groups) needed to share an event (default: 0.2)")
    g.add_argument("--window", type=_window, default=3.0, metavar="DAYS",
                   help="most days between two articles of one event, or none (default: 3)")
    g.add_argument("--linkage", choices=["average", "single", "complete"], default="average",
                   help="how groups merge: average (default), single (any link chains), complete (every pair)")
    g.add_argument("--label-terms", type=int, default=4, metavar="N", help="terms in each event label (default: 4)")
    g.add_argument("--table", default=None, metavar="FILE.csv", help="also write one row per event")
    return p


def run(args) -> int:
    from ..coverage.events import group_events, write_documents

    if not 0 < args.threshold <= 1:
        raise ConfigError(f"--threshold {args.threshold}: must be in (0, 1]")
    got = read_documents(args, "group")
    if got is None:
        return EXIT_FAILED
    docs, corpus = got
    res = group_events(docs, threshold=args.threshold, window=args.window, linkage=args.linkage,
                       label_terms=args.label_terms)
    write_documents(res.documents, args.out)
    if args.table:
        from ..io.safecsv import write_csv

        write_csv(res.events, args.table)  # atomic; formula-like cells protected unless --no-csv-protection
    ev = res.events
    multi = ev[ev["size"] > 1]
    print(f"framelens: {len(docs)} document(s) in {len(ev)} event(s) ({len(multi)} with 2+ documents, "
          f"{int(ev['given'].sum())} given in the metadata) -> {args.out}", file=sys.stderr)
    if not getattr(args, "quiet", False):
        for row in ev.sort_values("size", ascending=False, kind="stable").head(10).itertuples():
            print(safe_message(f"  {row.event}  {row.size:>4} doc(s)  {row.first_date or '?'}.."
                               f"{row.last_date or '?'}  {row.event_label}"), file=sys.stderr)
    return EXIT_PARTIAL if corpus.problems else EXIT_OK
