"""The ``framelens`` command: a thin layer over the library.

Exit codes (also in ``framelens --help`` and docs/cli.md):

==  =====================================================================
0   success
1   unexpected internal error (a bug: please report it with the traceback)
2   usage error: the command line itself is wrong (unknown option, bad or
    conflicting values), found before any input is read
3   finished, but some inputs or documents were skipped (listed on stderr
    and in the manifest's ``skipped`` list)
4   nothing could be done because of the input or the environment: no input
    could be read (missing file, wrong column name, not UTF-8, empty), an
    invalid lexicon, a refused model file; an output that cannot be written
    (permission denied, read-only file system, disk full, a file where a
    folder is needed) or an output folder in use by another run; one
    ``framelens: error: ...`` line per failure says what to do
==  =====================================================================

Every message printed on stderr is one line per item: control characters in ids,
file names and reasons are escaped (``\\n``, ``\\x1b``) and the ``user:password@``
of a URL is shown as ``***@`` (:mod:`framelens.io.safetext`).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import sys
import traceback

from .._version import __version__
from ..errors import ConfigError, FramelensError, LexiconError
from ..io.safecsv import csv_protection
from ..io.safetext import safe_message

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

#: Commands that write CSV files: they take ``--no-csv-protection``.
CSV_COMMANDS = ("analyze", "compare", "align", "predict", "train", "dedupe", "events")

EPILOG = """\
exit codes:
  0  success
  1  unexpected internal error (a bug)
  2  usage error: bad or conflicting option values (found before any input is read)
  3  finished, but some inputs or documents were skipped (see stderr and manifest.json)
  4  nothing could be done because of the input: missing file, wrong column name, not UTF-8,
     empty input, invalid lexicon, refused model (one error line per input says what to do);
     or because of the environment, one line each:
       "PATH: permission denied"            the folder or file is not writable (readable) by you
       "PATH: read-only file system"        choose an --out on a writable disk
       "PATH: no space left on device"      free some space, then run again (analyze: --resume)
       "PATH: exists and is not a folder"   --out names an existing file
       "OUT: in use by another framelens run (pid N)"   wait for it to end, or choose another --out

CSV files: a cell starting with = + - @ (or tab/CR) gets a ' in front so spreadsheets show it
as text, not a formula (OWASP "CSV injection"); numbers are never changed. --no-csv-protection
writes cells exactly as they are.

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
        if name in CSV_COMMANDS:
            p.add_argument("--no-csv-protection", action="store_true",
                           help="write CSV cells exactly as they are (by default a cell starting with = + - @ "
                                "gets a ' in front, so a spreadsheet does not run it as a formula)")
    return parser


class _SafeFormatter(logging.Formatter):
    """Log lines on stderr: control characters escaped, URL credentials hidden (one record, one line)."""

    def format(self, record: logging.LogRecord) -> str:
        return safe_message(super().format(record))


#: One-line explanations of the errors the environment causes, by errno.
_OS_ERRORS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOTDIR: "a file is in the way where a folder is needed",
    errno.EEXIST: "exists and is not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.EMFILE: "too many open files",
    errno.ENAMETOOLONG: "file name too long",
}


def os_error_message(exc: OSError) -> str:
    """One line for an :class:`OSError` met while reading or writing files: the path and what happened."""
    what = _OS_ERRORS.get(exc.errno) or (exc.strerror or type(exc).__name__).lower()
    path = exc.filename if exc.filename is not None else "an output"
    return f"{path}: {what}"


def _print_error(message) -> None:
    print(f"framelens: error: {safe_message(message)}", file=sys.stderr)


def _setup_logging(verbose: int, quiet: bool) -> None:
    logger = logging.getLogger("framelens")
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger.setLevel(level)
    if not any(getattr(h, "_framelens_cli", False) for h in logger.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(_SafeFormatter("framelens: %(levelname)s: %(message)s"))
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
        with csv_protection(not getattr(args, "no_csv_protection", False)):
            return int(args._run(args))
    except ConfigError as exc:
        _print_error(exc)
        return EXIT_USAGE
    except LexiconError as exc:  # one problem: one line (several: a heading, then one line each)
        if len(exc.problems) == 1:
            _print_error(f"invalid lexicon: {exc.problems[0]}")
        else:
            _print_error(f"{len(exc.problems)} problem(s) in lexicon:")
            for prob in exc.problems:
                print(f"  {safe_message(prob)}", file=sys.stderr)
        return EXIT_FAILED
    except FramelensError as exc:
        _print_error(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("framelens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the environment (permissions, disk full, read-only, a file in the way): not a bug
        if exc.errno is None:
            traceback.print_exc()
            print("framelens: internal error (exit 1); please report it with the traceback above", file=sys.stderr)
            return EXIT_ERROR
        _print_error(os_error_message(exc))
        return EXIT_FAILED
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        print("framelens: internal error (exit 1); please report it with the traceback above", file=sys.stderr)
        return EXIT_ERROR


def entry() -> None:  # console-script entry point
    sys.exit(main())
