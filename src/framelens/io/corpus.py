"""Reading corpora: text and Markdown files, saved web pages, JSONL, CSV/TSV, folders, globs and stdin.

Readers stream: a JSONL or CSV file is read row by row, a folder file by file,
stdin line by line, so a corpus never has to fit in memory; every read is capped
(:class:`~framelens.io.limits.Limits`: document, line and file sizes, nesting,
decompression), devices and FIFOs are refused unread, and past
``Limits.max_problems`` problems are only counted. Every document keeps its original
characters; only front matter and a leading ``date YYYY-MM-DD`` line are
taken off the top (``Document.body_offset`` says how many characters).

Bad input never stops a corpus run on its own: each problem is a
:class:`Problem` naming the file and line or row, and what happens next
follows ``errors``: ``"raise"`` raises the :class:`~framelens.errors.InputError`,
``"warn"`` logs a warning and skips the document, ``"skip"`` skips it quietly.
Every skipped document is listed in :attr:`Corpus.problems` either way.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from ..errors import ConfigError, FormatError, InputError, Reason
from ..model import Document
from .csvread import iter_csv
from .decoding import decode_bytes
from .documents import COLUMN_KEYS as _COLUMN_KEYS
from .documents import _clean_meta, _content_id, _make_document  # noqa: F401  (names kept for importers)
from .documents import check_text_size, read_text_document, row_document
from .formats import CSV_EXT, EXTENSIONS, HTML_EXT, JSON_EXT, JSONL_EXT, TEXT_EXT  # noqa: F401
from .frames import FRAME_ORIGIN, _check_frame_columns, _frame_input, _frame_value, _is_dataframe  # noqa: F401
from .html import HTML_HINT, read_html, require_html_reader  # noqa: F401
from .jsonl import iter_jsonl, parse_json
from .limits import Limits, check_regular_file, format_size, parse_size, read_capped
from .problems import Problem, ProblemLog
from .streams import metered, open_input, peek_stream

__all__ = ["Corpus", "Problem", "read_corpus", "read_text_document", "decode_bytes", "EXTENSIONS"]

log = logging.getLogger("framelens")

ERROR_POLICIES = ("raise", "warn", "skip")


# ---------------------------------------------------------------------------
# the corpus


class Corpus:
    """A stream of :class:`Document` objects from files, folders, globs or stdin (``"-"``).

    Parameters
    ----------
    paths : str, os.PathLike, iterable of them, or pandas.DataFrame
        Files, folders (read recursively, in sorted order; dotfiles are
        ignored), glob patterns (``"news/**/*.jsonl"``) or ``"-"`` for stdin;
        or a pandas DataFrame with one document per row (read like CSV rows:
        columns other than the mapped ones go to :attr:`Document.extra`).
    columns : mapping of str to str, optional
        Column mapping for JSONL/CSV/DataFrames: framelens field -> column name, e.g.
        ``{"text": "body", "outlet": "source"}``. Unmapped fields use their own name.
        For a DataFrame, a mapped column (and the text column) must exist:
        :class:`~framelens.errors.ConfigError` names it and the columns present.
    errors : {"raise", "warn", "skip"}, default "raise"
        For per-document problems: raise the :class:`~framelens.errors.InputError`,
        or skip the document with a logged warning, or quietly.
    encoding : str, optional
        Fallback encoding for files that are not UTF-8/UTF-16 with BOM
        (e.g. ``"latin-1"``). By default such files are reported as problems.
    stdin : binary file, optional
        The stream read for ``"-"`` (default: ``sys.stdin.buffer``).
    limits : Limits, optional
        Caps on document, line and file sizes, nesting, decompression and problems kept
        (:class:`~framelens.io.limits.Limits`; its defaults by default).
    max_doc_size : int or str, optional
        Largest document text in UTF-8 bytes (``5_000_000`` or ``"5MB"``); overrides
        ``limits.max_doc_size`` (default 5 MB). A larger document is a problem with code ``too_large``.

    Attributes
    ----------
    problems : ProblemLog
        What was skipped so far: a list of the first ``limits.max_problems`` problems, with
        ``problems.total`` and ``problems.counts`` (per reason code) counting every one.
    inputs : list of dict
        Each input read, with its size and SHA-256 (for the manifest).

    Raises
    ------
    ConfigError
        No paths, ``errors`` not allowed, an unknown ``columns`` key, or a
        DataFrame without a mapped column or the text column (code ``format``).
    MissingDependencyError
        HTML input without trafilatura (code ``missing_requirement``).
    InputError
        While iterating, with ``errors="raise"``: the first problem (a
        ``DecodeError``, ``EmptyDocumentError``, ``FormatError`` or plain InputError);
        ``exc.code`` says why (e.g. ``too_large``, ``surrogate``, ``too_deep``,
        ``field_type``, ``special_file``).

    Notes
    -----
    Iterating yields documents; a repeated id is renamed ``id~2``, ``id~3``, ...
    """

    def __init__(
        self,
        paths: str | os.PathLike | Iterable[str | os.PathLike],
        *,
        columns: Mapping[str, str] | None = None,
        errors: str = "raise",
        encoding: str | None = None,
        stdin: BinaryIO | None = None,
        limits: Limits | None = None,
        max_doc_size: int | str | None = None,
    ):
        self.frame = paths if _is_dataframe(paths) else None
        if self.frame is not None:
            paths = [FRAME_ORIGIN]
        elif isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        self.paths = [os.fspath(p) for p in paths]
        if not self.paths:
            raise ConfigError("no input paths given")
        if errors not in ERROR_POLICIES:
            raise ConfigError(f"errors={errors!r}; allowed: {', '.join(ERROR_POLICIES)}")
        columns = dict(columns or {})
        unknown = [k for k in columns if k not in _COLUMN_KEYS]
        if unknown:
            raise ConfigError(f"unknown column mapping key(s) {unknown}; allowed: {', '.join(_COLUMN_KEYS)}")
        self.columns = {k: columns.get(k, k) for k in _COLUMN_KEYS}
        if self.frame is not None:
            _check_frame_columns(self.frame, self.columns, set(columns) | {"text"})
        self.errors = errors
        self.encoding = encoding
        self.stdin = stdin
        self.limits = limits or Limits()
        if max_doc_size is not None:
            self.limits = replace(self.limits, max_doc_size=parse_size(max_doc_size))
        self.problems = ProblemLog(self.limits.max_problems)
        self.inputs: list[dict[str, Any]] = []
        self._seen_ids: dict[str, int] = {}
        require_html_reader(self.paths)

    def __repr__(self) -> str:
        if self.frame is not None:
            src = f"DataFrame of {len(self.frame):,} rows"
        else:
            shown = ", ".join(repr(p if len(p) <= 60 else p[:59] + "…") for p in self.paths[:3])
            src = f"{len(self.paths)} path{'s' if len(self.paths) != 1 else ''} ({shown}{', …' if len(self.paths) > 3 else ''})"
        return f"<Corpus: {src}, errors={self.errors!r}, {len(self.problems)} problems so far>"

    # -- problems -------------------------------------------------------
    def _problem(self, exc: InputError) -> None:
        if self.errors == "raise":
            raise exc
        p = Problem(exc.origin, exc.reason, type(exc).__name__, exc.code)
        self.problems.append(p)
        if self.errors == "warn":
            if self.problems.total <= self.problems.limit:
                log.warning("skipped %s: %s", p.origin, p.reason)
            elif self.problems.total == self.problems.limit + 1:
                log.warning("more than %d problems: the rest are only counted (Corpus.problems.counts)",
                            self.problems.limit)

    def _unique(self, doc: Document) -> Document:
        n = self._seen_ids.get(doc.id, 0) + 1
        self._seen_ids[doc.id] = n
        if n == 1:
            return doc
        new_id = f"{doc.id}~{n}"
        log.warning("%s: duplicate document id %r renamed to %r", doc.origin, doc.id, new_id)
        return replace(doc, id=new_id)

    # -- expansion ------------------------------------------------------
    def _expand(self) -> Iterator[tuple[str, str]]:
        """Yield (file path, id prefix root) for every input."""
        for p in self.paths:
            if p == "-":
                yield "-", ""
            elif os.path.isdir(p):
                found = False
                for root, dirs, files in os.walk(p):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for f in sorted(files):
                        if f.startswith("."):
                            continue
                        found = True
                        yield os.path.join(root, f), p
                if not found:
                    self._problem(InputError(p, "folder holds no files"))
            elif os.path.exists(p):
                yield p, os.path.dirname(p)
            elif any(c in p for c in "*?["):
                matches = sorted(glob.glob(p, recursive=True))
                files = [m for m in matches if os.path.isfile(m)]
                if not files:
                    self._problem(InputError(p, "glob pattern matched no files"))
                for m in files:
                    yield m, os.path.dirname(m)
            else:
                self._problem(InputError(p, "no such file or folder"))

    def __iter__(self) -> Iterator[Document]:
        if self.frame is not None:
            for item in self._read_frame():
                if isinstance(item, InputError):
                    self._problem(item)
                else:
                    yield self._unique(item)
            return
        for path, root in self._expand():
            try:
                for item in self._read_path(path, root):
                    if isinstance(item, InputError):
                        self._problem(item)
                    else:
                        yield self._unique(item)
            except InputError as exc:
                self._problem(exc)

    # -- readers --------------------------------------------------------
    def _read_path(self, path: str, root: str) -> Iterator[Document | InputError]:
        if path == "-":
            yield from self._read_stdin()
            return
        low = path.lower()
        if not low.endswith(EXTENSIONS):
            ext = os.path.splitext(path)[1] or "(none)"
            raise FormatError(
                f"{path}", f"unknown file extension {ext}; framelens reads {', '.join(sorted(set(EXTENSIONS)))}"
            )
        st = check_regular_file(path)  # devices, FIFOs and sockets refused before they are opened
        if low.endswith(JSONL_EXT):
            yield from self._read_stream(path, iter_jsonl)
        elif low.endswith(CSV_EXT):
            yield from self._read_stream(path, iter_csv)
        else:
            lim = self.limits
            cap = lim.json_size if low.endswith(JSON_EXT) else lim.html_cap if low.endswith(HTML_EXT) else lim.text_cap
            if st.st_size > cap:
                what = ("a .json file may have (save a large corpus as JSONL, which is read line by line)"
                        if low.endswith(JSON_EXT) else
                        f"allowed for one document (--max-doc-size {format_size(lim.max_doc_size)} and room for "
                        "metadata or markup)")
                raise InputError(path, f"file of {format_size(st.st_size)}, more than the {format_size(cap)} "
                                       f"{what}: skipped unread", code=Reason.TOO_LARGE)
            data = self._read_bytes(path, cap)
            text = decode_bytes(data, path, self.encoding)
            default_id = _path_id(path, root)
            if low.endswith(HTML_EXT):
                doc = read_html(text, path, default_id)
                yield self._checked(doc)
            elif low.endswith(JSON_EXT):
                yield from self._read_json(text, path)
            else:
                yield read_text_document(text, path, default_id, max_doc_size=self.limits.max_doc_size)

    def _checked(self, doc: Document) -> Document:
        check_text_size(doc.text, self.limits.max_doc_size, doc.origin)
        return doc

    def _read_bytes(self, path: str, cap: int) -> bytes:
        try:
            with open(path, "rb") as fh:
                data = read_capped(fh, cap, path, "the file")  # the file may have grown since it was measured
        except OSError as exc:
            raise InputError(path, f"cannot read file: {exc.strerror or exc}") from None
        self.inputs.append({"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        return data

    def _row_doc(self, row: Mapping[str, Any], origin: str) -> Document:
        return row_document(row, self.columns, origin, max_doc_size=self.limits.max_doc_size,
                            max_depth=self.limits.max_depth)

    def _read_stream(self, path: str, reader) -> Iterator[Document | InputError]:
        """Rows of a JSONL or CSV file (``reader``: :func:`iter_jsonl` or :func:`iter_csv`), hashed as read."""
        tally = _Tally()
        fh = open_input(path, self.limits, tally.update)
        try:
            yield from reader(fh, path, columns=self.columns, limits=self.limits, encoding=self.encoding)
        finally:
            fh.close()
        self.inputs.append(tally.record(path))

    def _read_json(self, text: str, path: str) -> Iterator[Document | InputError]:
        obj = parse_json(text, path, whole_file=True)
        rows = obj if isinstance(obj, list) else [obj]
        for i, row in enumerate(rows, 1):
            origin = f"{path}:item {i}"
            if not isinstance(row, dict):
                yield FormatError(origin, f"expected an object, got {type(row).__name__}")
                continue
            try:
                yield self._row_doc(row, origin)
            except InputError as exc:
                yield exc

    def _read_frame(self, chunk: int = 1000) -> Iterator[Document | InputError]:
        """Rows of a DataFrame as documents, like CSV rows (``<DataFrame>:row <index label>`` as origin);
        read in chunks so a large frame is never copied whole into dicts."""
        df = self.frame
        self.inputs.append(_frame_input(df))
        text_col = self.columns["text"]
        for begin in range(0, len(df), chunk):
            part = df.iloc[begin:begin + chunk]
            for label, row in zip(part.index, part.to_dict("records")):
                origin = f"{FRAME_ORIGIN}:row {label}"
                clean = {k: _frame_value(v) for k, v in row.items()}
                if clean.get(text_col) is None:
                    clean[text_col] = ""  # a missing cell is an empty document, as in a CSV file
                try:
                    yield self._row_doc(clean, origin)
                except InputError as exc:
                    yield exc

    def _read_stdin(self) -> Iterator[Document | InputError]:
        """stdin: JSONL (its first non-blank byte is ``{``) read line by line, else one text document (capped)."""
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        tally = _Tally()
        head, fh = peek_stream(stream)
        fh = metered(fh, tally.update)
        try:
            if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
                yield from iter_jsonl(fh, "<stdin>", columns=self.columns, limits=self.limits,
                                      encoding=self.encoding)
            else:
                data = read_capped(fh, self.limits.text_cap, "<stdin>", "the text on stdin")
                text = decode_bytes(data, "<stdin>", self.encoding)
                yield read_text_document(text, "<stdin>", "stdin", max_doc_size=self.limits.max_doc_size)
        finally:
            self.inputs.append(tally.record("-"))


class _Tally:
    """Size and SHA-256 of an input, fed block by block as it is read (for the manifest's inputs)."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    def update(self, data: bytes) -> None:
        self.digest.update(data)
        self.size += len(data)

    def record(self, path: str) -> dict:
        return {"path": path, "bytes": self.size, "sha256": self.digest.hexdigest()}


def _path_id(path: str, root: str) -> str:
    rel = os.path.relpath(path, root) if root else os.path.basename(path)
    if rel.startswith(".."):
        rel = os.path.basename(path)
    stem = rel
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    return Path(stem).as_posix()


def read_corpus(paths, *, columns: Mapping[str, str] | None = None, text: str | None = None, id: str | None = None,
                outlet: str | None = None, date: str | None = None, title: str | None = None,
                url: str | None = None, event: str | None = None, author: str | None = None, **kwargs) -> Corpus:
    """Shorthand for :class:`Corpus` (see there for the parameters).

    Parameters
    ----------
    paths : str, os.PathLike, iterable of them, or pandas.DataFrame
        Files, folders, globs, ``"-"`` for stdin, or a DataFrame, as for :class:`Corpus`.
    columns : mapping of str to str, optional
        Column mapping (framelens field -> column name), as for :class:`Corpus`.
    text, id, outlet, date, title, url, event, author : str, optional
        The column holding each field, for DataFrames, CSV and JSONL alike; they
        add to ``columns``.
    **kwargs
        ``errors``, ``encoding``, ``stdin``, ``limits``, ``max_doc_size``: as for :class:`Corpus`.

    Returns
    -------
    Corpus

    Raises
    ------
    ConfigError
        A field named both as a keyword and in ``columns``; otherwise as for :class:`Corpus`.

    Examples
    --------
    >>> import pandas as pd, framelens
    >>> df = pd.DataFrame({"content": ["The plan passed."], "source": ["Daily"], "lean": ["left"]})
    >>> doc = next(iter(framelens.read_corpus(df, text="content", outlet="source")))
    >>> doc.outlet, doc.extra["lean"]
    ('Daily', 'left')
    """
    named = {k: v for k, v in (("text", text), ("id", id), ("outlet", outlet), ("date", date), ("title", title),
                               ("url", url), ("event", event), ("author", author)) if v is not None}
    both = sorted(set(named) & set(columns or {}))
    if both:
        raise ConfigError(f"column(s) {both} given both as keywords and in columns=; give each once")
    merged = {**(columns or {}), **named}
    return Corpus(paths, columns=merged or None, **kwargs)
