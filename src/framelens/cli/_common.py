"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import os
import re
import sys

from ..errors import FormatError, InputError, Reason
from ..io.corpus import Corpus
from ..io.limits import DEFAULT_MAX_DOC_SIZE, format_size, parse_size
from ..io.safetext import safe_message
from ..io.textfile import read_text_file
from ..runtime.pipeline import AnalysisConfig, Analyzer


def add_input_args(p) -> None:
    g = p.add_argument_group("input")
    g.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .md .html .jsonl .csv .tsv .json), folders, globs, or - for stdin")
    g.add_argument("--text-col", default="text", metavar="NAME", help="JSONL/CSV field holding the text (default: text)")
    g.add_argument("--id-col", default="id", metavar="NAME", help="field holding the document id (default: id)")
    g.add_argument("--outlet-col", default="outlet", metavar="NAME", help="field holding the outlet (default: outlet)")
    g.add_argument("--date-col", default="date", metavar="NAME")
    g.add_argument("--title-col", default="title", metavar="NAME")
    g.add_argument("--event-col", default="event", metavar="NAME")
    g.add_argument("--url-col", default="url", metavar="NAME")
    g.add_argument("--encoding", default=None, metavar="ENC",
                   help="fallback encoding for files that are not UTF-8 (e.g. latin-1)")
    g.add_argument("--errors", choices=["raise", "warn", "skip"], default="warn",
                   help="bad documents: raise = stop at the first; warn (default) = report on stderr and skip; "
                        "skip = skip quietly. Skipped documents are always listed in manifest.json")
    g.add_argument("--max-doc-size", type=_size, default=DEFAULT_MAX_DOC_SIZE, metavar="SIZE",
                   help=f"largest document, e.g. 5MB, 500kB, 2MiB (default: {format_size(DEFAULT_MAX_DOC_SIZE)}): "
                        "a longer text, JSONL line or CSV row is skipped and listed with reason too_large "
                        "(exit code 3); a text file more than this (plus 1 MB of metadata) is skipped unread")


def _size(value: str) -> int:
    """argparse type of --max-doc-size: bytes from ``5MB`` (exit 2 with the rule otherwise)."""
    import argparse

    from ..errors import ConfigError

    try:
        return parse_size(value)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_lexicon_args(p) -> None:
    g = p.add_argument_group("lexicons")
    g.add_argument("--lexicon", action="append", default=[], metavar="FILE|NAME",
                   help="add a lexicon pack: a YAML or CSV file, or the name of a shipped pack (repeatable)")
    g.add_argument("--no-default-lexicons", action="store_true",
                   help="use only the packs given with --lexicon")


def corpus_from_args(args) -> Corpus:
    columns = {
        "text": args.text_col, "id": args.id_col, "outlet": args.outlet_col, "date": args.date_col,
        "title": args.title_col, "event": args.event_col, "url": args.url_col,
    }
    # "warn" is reported once, as a list at the end of the run (see report_problems)
    errors = "raise" if args.errors == "raise" else "skip"
    return Corpus(args.paths, columns=columns, errors=errors, encoding=args.encoding,
                  max_doc_size=getattr(args, "max_doc_size", None))


def analyzer_from_args(args) -> Analyzer:
    return Analyzer(AnalysisConfig(lexicons=list(getattr(args, "lexicon", []) or []),
                                   default_lexicons=not getattr(args, "no_default_lexicons", False),
                                   extractors=getattr(args, "extractors", None)))


def input_parameters(args) -> dict:
    return {
        "columns": {k: getattr(args, f"{k}_col") for k in ("text", "id", "outlet", "date", "title", "event", "url")},
        "encoding": args.encoding,
        "errors": args.errors,
        "max_doc_size": getattr(args, "max_doc_size", DEFAULT_MAX_DOC_SIZE),
    }


#: Problems printed on stderr; the rest are counted there and listed in manifest.json.
MAX_PRINTED_PROBLEMS = 50


def _total(problems) -> int:
    """Problems counted (a :class:`~framelens.io.problems.ProblemLog` counts more than it keeps)."""
    return max(getattr(problems, "total", 0), len(problems))


def _shown(problems) -> list:
    """The problems printed: the first :data:`MAX_PRINTED_PROBLEMS`, then the first of each reason not yet
    shown (so the one compressed file that stopped is not hidden behind a million empty lines)."""
    shown, seen = [], set()
    for p in problems:
        key = getattr(p, "code", "") or getattr(p, "error", "")
        if len(shown) < MAX_PRINTED_PROBLEMS or key not in seen:
            shown.append(p)
            seen.add(key)
    return shown


def _more_line(problems, shown: int) -> str | None:
    """``... and N more`` with the count per reason code, or None when every problem was shown."""
    more = _total(problems) - shown
    if more <= 0:
        return None
    counts = getattr(problems, "counts", None)
    if counts:
        by = "; by reason: " + ", ".join(f"{k} {n:,}" for k, n in sorted(counts.items()))
    else:
        by = ""
    return f"  ... and {more:,} more (in manifest.json: the first 1,000 and the count per reason{by})"


def report_problems(problems, args=None, stream=None) -> None:
    """Print the skipped inputs/documents on stderr (at most :data:`MAX_PRINTED_PROBLEMS`), unless ``--errors skip``."""
    stream = stream or sys.stderr
    if args is not None and getattr(args, "errors", "warn") == "skip":
        return
    if problems:
        print(f"framelens: skipped {_total(problems):,} input(s)/document(s):", file=stream)
        shown = _shown(problems)
        for p in shown:
            print(f"  {safe_message(f'{p.origin}: {p.reason}')}", file=stream)
        more = _more_line(problems, len(shown))
        if more:
            print(more, file=stream)


_ORIGIN_TAIL = re.compile(r":(?:\d+|row \d+|item \d+)$")


def _head(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(4096)


def _file_of(origin: str) -> str:
    """The path part of a problem origin (``"a.csv:3"`` -> ``"a.csv"``)."""
    return _ORIGIN_TAIL.sub("", origin)


def explain_problem(origin: str, reason: str, purpose: str) -> str:
    """``origin: reason`` plus what to do, for the cases the file system tells apart (missing, empty)."""
    path = _file_of(origin)
    if path.startswith("<") or path == "-":  # <stdin>, <DataFrame>: no file to look at
        return f"{origin}: {reason}"
    if not os.path.exists(path):
        return f"{path}: no such file or folder; check the path (relative paths start in {os.getcwd()})"
    if os.path.isfile(path) and os.path.getsize(path) <= 4096 and not _head(path).strip():
        return f"{path}: the file is empty; nothing to {purpose}"
    return f"{origin}: {reason}"


def fail_no_documents(problems, purpose: str, paths=()) -> int:
    """Print why nothing could be done, ONE line per failed input, and return EXIT_FAILED (4).

    Used when not a single document could be read: the inputs' problems are the error itself,
    so they are printed as errors (not as a "skipped" list followed by a summary).
    """
    from . import EXIT_FAILED

    shown = _shown(problems)
    for p in shown:
        print(f"framelens: error: {safe_message(explain_problem(p.origin, p.reason, purpose))}", file=sys.stderr)
    more = _more_line(problems, len(shown))
    if more:
        print(f"framelens: error: {more.strip()}", file=sys.stderr)
    if not problems:
        where = ", ".join(map(str, paths)) or "the input"
        print(f"framelens: error: {where}: no document to {purpose}; give files or folders of "
              ".txt .md .html .jsonl .csv .tsv .json documents", file=sys.stderr)
    return EXIT_FAILED


def read_documents(args, purpose: str):
    """Read every input document into a list (for commands that need the whole corpus at once).

    Reports skipped inputs as ``--errors`` says; returns ``(docs, corpus)``, or ``None`` after
    printing one error line per failed input when no document could be read (the caller then
    exits with EXIT_FAILED).
    """
    corpus = corpus_from_args(args)
    docs = list(corpus)
    if not docs:
        fail_no_documents(corpus.problems, purpose, args.paths)
        return None
    report_problems(corpus.problems, args)
    return docs, corpus


def check_text_file(path: str, purpose: str) -> None:
    """Raise :class:`InputError` (missing or empty file) or :class:`DecodeError` (not UTF-8), naming the file
    (and the line of the first bad byte) and saying what to do. Exit code 4 through ``main``."""
    read_text_file(path, purpose)


def read_labelled_table(path: str, purpose: str):
    """A labelled table (train, evaluate, agreement): a missing, empty or non-UTF-8 file, and a table
    without rows, raise :class:`InputError` (exit 4).
    """
    from ..classify._io import read_table

    df = read_table(path, purpose)
    if len(df) == 0:
        raise InputError(path, f"the table has a header but no rows; nothing to {purpose}",
                         code=Reason.EMPTY_DOCUMENT)
    return df


def require_columns(df, path: str, wanted: dict[str, str]) -> None:
    """Raise :class:`FormatError` (exit 4) naming the first column of ``wanted`` ({column: option}) not in ``df``."""
    for col, option in wanted.items():
        if col not in df.columns:
            raise FormatError(path, f"no column {col!r}; columns are: {', '.join(map(str, df.columns))}; "
                                    f"name the right one with {option}")
