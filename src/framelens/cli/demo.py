"""framelens demo: the main job (a comparative report) on the bundled fictional example corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._resources import example_corpus_dir

HELP = "compare the outlets of the bundled fictional example corpus (writes reports/demo/)"


def add_parser(sub):
    p = sub.add_parser("demo", help=HELP, description=HELP + ".\n\nThe articles are fictional, written for "
                       "framelens: one county story (an arrest, a hearing, an audit) told by six invented\n"
                       "outlets, most with several articles and two with too few to rank (the report flags them).\n"
                       "The demo is\n"
                       "  framelens compare <bundled corpus> --by outlet --out reports/demo",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="example:\n  framelens demo --out reports/demo\n  then open reports/demo/index.html\n")
    p.add_argument("--out", default="reports/demo", metavar="DIR", help="output folder (default: reports/demo)")
    return p


def run(args) -> int:
    from . import main

    corpus = str(example_corpus_dir())
    out = Path(args.out)
    print(f"framelens: demo: comparing the outlets of the bundled example corpus {corpus}", file=sys.stderr)
    code = main(["compare", corpus, "--by", "outlet", "--out", str(out)])
    if code == 0:
        print(f"framelens: demo written to {out.resolve()}/ (open index.html in a browser)", file=sys.stderr)
    return code
