"""framelens demo: the main job on the bundled fictional example corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._resources import example_corpus_dir

HELP = "run the main job on the bundled fictional example corpus (writes reports/demo/)"


def add_parser(sub):
    p = sub.add_parser("demo", help=HELP, description=HELP + ".\n\nThe six articles are fictional, written for "
                       "framelens: one county event told by six invented outlets.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="example:\n  framelens demo --out reports/demo\n")
    p.add_argument("--out", default="reports/demo", metavar="DIR", help="output folder (default: reports/demo)")
    return p


def run(args) -> int:
    from . import main

    corpus = str(example_corpus_dir())
    print(f"framelens: demo on the bundled example corpus {corpus}", file=sys.stderr)
    code = main(["analyze", corpus, "--out", str(Path(args.out)), "--format", "jsonl,csv"])
    if code == 0:
        print(f"framelens: demo written to {Path(args.out).resolve()}/", file=sys.stderr)
    return code
