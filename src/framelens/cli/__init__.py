"""The ``framelens`` command: a thin layer over the library.

Exit codes (also in ``framelens --help`` and docs/cli.md):

==  =====================================================================
0   success
1   unexpected internal error (a bug: please report it with the traceback)
2   usage error: the command line itself is wrong (unknown option, bad or
    conflicting values), found before any input is read
3   finished, but some inputs or documents were skipped (listed on stderr
    and in the manifest's ``skipped`` list)
4   nothing could be done because of the input: no input could be read
    (missing file, wrong column name, not UTF-8, empty), an invalid lexicon,
    a refused model file; one ``framelens: error: FILE[:LINE]: ...`` line
    per failed input says what to do
==  =====================================================================
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback

from .._version import __version__
from ..errors import ConfigError, FramelensError, LexiconError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_FAILED = 4

#: Subcommand modules, in the order --help lists them. Each defines
#: ``add_parser(subparsers)`` and ``run(args) -> int``.
COMMANDS = [
    "analyze",
    "compare",
    "align",
    "lexicon",
    "train",
    "predict",
    "evaluate",
    "agreement",
    "fetch",
    "dedupe",
    "events",
    "demo",
]

EPILOG = """\
exit codes:
  0  success
  1  unexpected internal error (a bug)
  2  usage error: bad or conflicting option values (found before any input is read)
  3  finished, but some inputs or documents were skipped (see stderr and manifest.json)
  4  nothing could be done because of the input: missing file, wrong column name, not UTF-8,
     empty input, invalid lexicon, refused model (one error line per input says what to do)

start here:
  framelens demo                          compare the outlets of the bundled fictional corpus
  framelens analyze article.txt           spans and metrics of one article
  framelens analyze corpus.jsonl --out results/ --format jsonl,csv --jobs 2
  framelens compare corpus/ --by outlet --out reports/mine    the comparative HTML report
  framelens lexicon explain "They slammed the plan."          why each lexicon entry fires
  framelens COMMAND --help                examples for each command
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit code 2 with a hint
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="framelens",
        description="Measure how news coverage frames a story: loaded terms, hedging, "
        "attribution and sourcing, frames; compare outlets covering the same event.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"framelens {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no warnings or info messages on stderr (errors and the one-line summary remain)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        mod = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def _setup_logging(verbose: int, quiet: bool) -> None:
    logger = logging.getLogger("framelens")
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger.setLevel(level)
    if not any(getattr(h, "_framelens_cli", False) for h in logger.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("framelens: %(levelname)s: %(message)s"))
        h._framelens_cli = True  # type: ignore[attr-defined]
        logger.addHandler(h)
        logger.propagate = False


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    _setup_logging(args.verbose, args.quiet)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args._argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return int(args._run(args))
    except ConfigError as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LexiconError as exc:  # one problem: one line (several: the list, one line each)
        msg = f"invalid lexicon: {exc.problems[0]}" if len(exc.problems) == 1 else str(exc)
        print(f"framelens: error: {msg}", file=sys.stderr)
        return EXIT_FAILED
    except FramelensError as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("framelens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        print("framelens: internal error (exit 1); please report it with the traceback above", file=sys.stderr)
        return EXIT_ERROR


def entry() -> None:  # console-script entry point
    sys.exit(main())
