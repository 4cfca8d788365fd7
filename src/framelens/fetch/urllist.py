"""Lists of URLs to fetch: a plain text file (one URL a line) or a CSV/TSV export with metadata.

Media Cloud and GDELT exports are read as they come: the URL, id, outlet,
date, title, event and author columns are found by name (:data:`COLUMN_ALIASES`);
every other column is kept as extra metadata.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import FormatError, InputError
from ..io.dates import normalize_date

__all__ = ["COLUMN_ALIASES", "UrlItem", "read_url_list"]


@dataclass(frozen=True)
class UrlItem:
    """One URL to fetch, with the metadata given next to it (outlet, date, title, event, ...)."""

    url: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""


#: Column names recognised in CSV exports, per field (first match wins; case-insensitive).
#: Media Cloud: url, publish_date, title, media_name; GDELT GKG: DocumentIdentifier, DATE,
#: SourceCommonName; GDELT events: SOURCEURL, SQLDATE; GDELT DOC API: url, seendate, domain, title.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "sourceurl", "documentidentifier", "source_url", "article_url"),
    "id": ("id", "stories_id", "gkgrecordid", "globaleventid"),
    "outlet": ("outlet", "media_name", "sourcecommonname", "domain", "source", "publisher"),
    "date": ("date", "publish_date", "seendate", "sqldate", "published", "publication_date"),
    "title": ("title", "headline"),
    "event": ("event",),
    "author": ("author", "authors", "byline"),
}


def _find_columns(header: list[str], columns: Mapping[str, str] | None, origin: str) -> dict[str, str]:
    """``{field: column name}`` for the fields found in ``header`` (``columns`` names them explicitly).

    Raises :class:`~framelens.errors.FormatError` at ``origin`` when a column named in ``columns`` is absent.
    """
    low = {h.strip().lower(): h for h in header}
    found: dict[str, str] = {}
    columns = dict(columns or {})
    for key, aliases in COLUMN_ALIASES.items():
        if columns.get(key):
            want = columns[key]
            if want not in header and want.lower() not in low:
                raise FormatError(origin, f"no {want!r} column for {key}; columns are: {', '.join(header)}")
            found[key] = want if want in header else low[want.lower()]
            continue
        for a in aliases:
            if a in low:
                found[key] = low[a]
                break
    return found


def read_url_list(path: str | os.PathLike, columns: Mapping[str, str] | None = None) -> list[UrlItem]:
    """Read URLs to fetch from ``path``.

    A ``.csv``/``.tsv`` file (or any file whose first line names a ``url``
    column) is read as a table: the URL column is found by name (see
    :data:`COLUMN_ALIASES`, or give ``columns={"url": "MyCol"}``), the
    outlet/date/title/event/author/id columns become metadata, and every other
    column is kept as extra metadata. Any other file is a plain list: one URL
    a line; blank lines and lines starting with ``#`` are ignored, and text
    after the URL on the same line (separated by whitespace) is ignored too.

    Dates are normalised to ``YYYY-MM-DD`` where recognisable (see
    :func:`normalize_date`). Raises :class:`~framelens.errors.InputError` when
    the file cannot be read or a table has no URL column.
    """
    path = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(path, f"cannot read the URL list: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "the URL list is not UTF-8 text") from None
    first = text.lstrip().split("\n", 1)[0].strip().lower() if text.strip() else ""
    sep = max(("\t", ",", ";"), key=first.count)
    header = {f.strip().strip('"').strip() for f in first.split(sep)}
    is_table = path.lower().endswith((".csv", ".tsv")) or (
        not first.startswith(("http://", "https://", "#")) and bool(header & set(COLUMN_ALIASES["url"]))
    )
    if is_table:
        return _read_url_table(text, path, columns)
    items = []
    for lineno, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        items.append(UrlItem(url=s.split()[0], meta={}, origin=f"{path}:{lineno}"))
    return items


def _read_url_table(text: str, path: str, columns: Mapping[str, str] | None) -> list[UrlItem]:
    """The rows of a CSV/TSV URL list (delimiter by extension, else guessed from the first line)."""
    sample = text[:4096]
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    if not path.lower().endswith((".csv", ".tsv")):
        first = sample.split("\n", 1)[0]
        delimiter = max(("\t", ",", ";"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return []
    found = _find_columns(header, columns, f"{path}:1")
    if "url" not in found:
        raise FormatError(f"{path}:1", f"no URL column (looked for {', '.join(COLUMN_ALIASES['url'])}); "
                                        f"columns are: {', '.join(header) or '(none)'}")
    rev = {v: k for k, v in found.items()}
    items = []
    for row in reader:
        origin = f"{path}:{reader.line_num}"
        if not any(c.strip() for c in row):
            continue
        rec = dict(zip(header, row))
        url = (rec.get(found["url"]) or "").strip()
        meta: dict[str, Any] = {}
        for col, value in rec.items():
            value = value.strip()
            if col == found["url"] or value == "":
                continue
            key = rev.get(col, col)
            if key == "date":
                value = normalize_date(value) or value
            meta[key] = value
        items.append(UrlItem(url=url, meta=meta, origin=origin))
    return items

