"""A whole list: fetch every URL, extract its article, write the corpus and a log line per URL.

:func:`fetch_corpus` writes one JSON document a line (the corpus ``framelens
analyze`` reads) and a log line per input URL (``ok``, or ``failed`` with
``error`` and ``reason``), both flushed as they come so an interrupted run
keeps its work; ``resume=True`` skips URLs already written or permanently
failed. A run never stops for one URL. A URL given twice (the same after
:func:`~framelens.fetch.urls.normalize_url`) is fetched once; the later lines are
logged as ``duplicate`` with the line of the first. No ``user:password@`` of a URL
reaches the corpus, the log or the messages (:func:`~framelens.io.safetext.redact_url`).
"""

from __future__ import annotations

import json
import logging
import os
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import require_package
from ..io.dates import normalize_date
from ..io.safetext import redact_url, redact_urls
from .article import extract_article
from .config import FetchConfig
from .fetcher import Fetcher
from .results import PERMANENT_ERRORS, PageResult
from .urllist import UrlItem, read_url_list
from .urls import normalize_url, slug_id

__all__ = ["FetchRecord", "FetchSummary", "default_log_path", "fetch_corpus", "iter_fetch"]

log = logging.getLogger("framelens")


@dataclass
class FetchRecord:
    """What happened to one input URL: ``status`` is ``"ok"``, ``"failed"`` or ``"duplicate"`` (the same URL
    as the line ``duplicate_of``, fetched once)."""

    url: str
    status: str
    origin: str = ""
    doc_id: str | None = None
    error: str | None = None
    reason: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    from_cache: bool = False
    duplicate_of: str | None = None
    document: dict[str, Any] | None = None

    def log_dict(self) -> dict[str, Any]:
        """The record as a log line (everything but the document; credentials in URLs hidden)."""
        d = asdict(self)
        d.pop("document")
        if d["duplicate_of"] is None:
            d.pop("duplicate_of")
        for k in ("url", "final_url"):
            if d[k]:
                d[k] = redact_url(d[k])
        if d["reason"]:
            d["reason"] = redact_urls(d["reason"])
        d["redirects"] = [{k: (redact_url(v) if isinstance(v, str) else v) for k, v in r.items()}
                          for r in d["redirects"]]
        return d


@dataclass
class FetchSummary:
    """Counts of a :func:`fetch_corpus` run, and every failure with its reason."""

    total: int = 0
    ok: int = 0
    from_cache: int = 0
    skipped_resume: int = 0
    failed: list[FetchRecord] = field(default_factory=list)
    duplicates: list[FetchRecord] = field(default_factory=list)
    requests: int = 0
    out: str | None = None
    log: str | None = None

    @property
    def failures_by_code(self) -> dict[str, int]:
        """``{error code: number of URLs}`` of the failures."""
        out: dict[str, int] = {}
        for r in self.failed:
            out[r.error or "?"] = out.get(r.error or "?", 0) + 1
        return out


def _record_for(item: UrlItem, page: PageResult) -> FetchRecord:
    """The record of one fetched page: its article as a corpus document, or why there is none.

    Metadata given with the URL wins over what is found in the page.
    """
    rec = FetchRecord(url=item.url, status="failed", origin=item.origin, error=page.error, reason=page.reason,
                      http_status=page.status, final_url=page.final_url, redirects=page.redirects,
                      from_cache=page.from_cache)
    if not page.ok:
        return rec
    art = extract_article(page.body or b"", url=page.final_url or page.url, content_type=page.content_type)
    if art is None:
        rec.error, rec.reason = "no_text", "no article text found in the page"
        return rec
    meta = dict(item.meta)
    host = urllib.parse.urlsplit(page.final_url or page.url).netloc.lower()
    host = host[4:] if host.startswith("www.") else host
    doc: dict[str, Any] = {
        "id": str(meta.pop("id")) if meta.get("id") else slug_id(item.url),
        "text": art["text"],
        "outlet": meta.pop("outlet", None) or art["sitename"] or host,
        "date": meta.pop("date", None) or normalize_date(art["date"]) or art["date"],
        "title": meta.pop("title", None) or art["title"],
        "url": redact_url(item.url),
        "event": meta.pop("event", None),
        "author": meta.pop("author", None) or art["author"],
        "canonical_url": redact_url(art["canonical_url"]) if art["canonical_url"] else None,
        "final_url": redact_url(page.final_url) if page.final_url else None,
        "redirects": [redact_url(r["url"]) for r in page.redirects] or None,
        "fetched_at": page.fetched_at,
    }
    if art.get("description"):
        doc["description"] = art["description"]
    for k, v in meta.items():
        doc.setdefault(k, v)
    rec.status, rec.error, rec.reason = "ok", None, None
    rec.document = {k: v for k, v in doc.items() if v is not None}
    rec.doc_id = doc["id"]
    return rec


def iter_fetch(items: Iterable[UrlItem], fetcher: Fetcher | None = None,
               config: FetchConfig | None = None) -> Iterator[FetchRecord]:
    """Fetch and extract each item, yielding a :class:`FetchRecord` per item in input order.

    Document ids are not yet made unique here (see :func:`fetch_corpus`).
    """
    require_package("trafilatura", "fetching (article extraction)", "html")  # before any request
    fetcher = fetcher or Fetcher(config)
    items = list(items)

    def one(item: UrlItem) -> FetchRecord:
        try:
            page = fetcher.fetch(item.url)
            return _record_for(item, page)
        except Exception as exc:  # noqa: BLE001 - one URL never stops a run
            log.exception("unexpected error on %s", redact_url(item.url))
            return FetchRecord(url=item.url, status="failed", origin=item.origin, error="network",
                               reason=f"unexpected {type(exc).__name__}: {exc}")

    if fetcher.config.workers <= 1 or len(items) <= 1:
        for item in items:
            yield one(item)
        return
    from concurrent.futures import ThreadPoolExecutor

    # Per-host locks keep one request per host at a time; threads only overlap across hosts.
    with ThreadPoolExecutor(max_workers=fetcher.config.workers) as pool:
        yield from pool.map(one, items)


def _read_done(out: Path, log_path: Path) -> tuple[set[str], set[str]]:
    """URLs already settled by an earlier run (ok or permanent failure) and the doc ids written."""
    done: set[str] = set()
    ids: set[str] = set()
    good_bytes = 0
    if out.is_file():
        with open(out, "rb") as fh:
            data = fh.read()
        pos = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # a line cut off by an interruption: dropped below
            try:
                obj = json.loads(line)
            except ValueError:
                break
            pos += len(line)
            if isinstance(obj, dict):
                if isinstance(obj.get("url"), str):
                    done.add(normalize_url(obj["url"]))
                if obj.get("id"):
                    ids.add(str(obj["id"]))
        good_bytes = pos
        if good_bytes < len(data):
            log.warning("%s: dropping an incomplete last line left by an interrupted run", out)
            with open(out, "r+b") as fh:
                fh.truncate(good_bytes)
    if log_path.is_file():
        with open(log_path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(obj, dict) or not isinstance(obj.get("url"), str):
                    continue
                if obj.get("status") == "failed" and obj.get("error") in PERMANENT_ERRORS:
                    done.add(normalize_url(obj["url"]))
    return done, ids


def default_log_path(out: str | os.PathLike) -> Path:
    """``corpus.jsonl`` -> ``corpus.fetch-log.jsonl`` (one line per input URL)."""
    out = Path(out)
    name = out.name
    for ext in (".jsonl", ".ndjson", ".json"):
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    return out.with_name(name + ".fetch-log.jsonl")


def fetch_corpus(items: Iterable[UrlItem] | str | os.PathLike, out: str | os.PathLike, *,
                 config: FetchConfig | None = None, resume: bool = False, log_path: str | os.PathLike | None = None,
                 fetcher: Fetcher | None = None,
                 on_record: Callable[[FetchRecord], None] | None = None) -> FetchSummary:
    """Fetch every URL and write the articles to ``out`` (JSONL, one document a line).

    ``items`` is a list of :class:`UrlItem` or a path for :func:`read_url_list`.
    A log line per URL (``ok`` or ``failed`` with ``error`` and ``reason``) goes to
    ``log_path`` (default: ``<out>.fetch-log.jsonl``). Lines are written and
    flushed as they come, so an interrupted run keeps its work; ``resume=True``
    appends to ``out`` and skips URLs already written or permanently failed
    (transient failures are tried again). Without ``resume`` both files are
    started afresh. A URL already given on an earlier line (:func:`~framelens.fetch.urls.normalize_url`) is
    not fetched again: it gets a ``duplicate`` log line and is listed in :attr:`FetchSummary.duplicates`. ``on_record`` is called with each record (progress display). Without the ``html`` extra
    (trafilatura) nothing is fetched: :class:`~framelens.errors.MissingDependencyError` at once.
    """
    require_package("trafilatura", "fetching (article extraction)", "html")  # before any file or request
    if isinstance(items, (str, os.PathLike)):
        items = read_url_list(items)
    items = list(items)
    out = Path(out)
    log_path = Path(log_path) if log_path is not None else default_log_path(out)
    fetcher = fetcher or Fetcher(config)
    summary = FetchSummary(total=len(items), out=str(out), log=str(log_path))
    done: set[str] = set()
    ids: set[str] = set()
    if resume:
        done, ids = _read_done(out, log_path)
    todo = []
    first: dict[str, UrlItem] = {}
    dups: list[FetchRecord] = []
    for it in items:
        key = normalize_url(it.url)
        if key in first:
            dups.append(FetchRecord(url=it.url, status="duplicate", origin=it.origin,
                                    duplicate_of=first[key].origin or first[key].url,
                                    reason=f"the same URL as {first[key].origin or 'an earlier line'}"))
            continue
        first[key] = it
        if key in done:
            summary.skipped_resume += 1
        else:
            todo.append(it)
    out.parent.mkdir(parents=True, exist_ok=True)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if resume else "w"
    with open(out, mode, encoding="utf-8", newline="\n") as fout, \
            open(log_path, mode, encoding="utf-8", newline="\n") as flog:
        for rec in dups:
            summary.duplicates.append(rec)
            flog.write(json.dumps(rec.log_dict(), ensure_ascii=False) + "\n")
            if on_record is not None:
                on_record(rec)
        flog.flush()
        for rec in iter_fetch(todo, fetcher):
            if rec.status == "ok" and rec.document is not None:
                base = rec.document["id"]
                new_id, n = base, 1
                while new_id in ids:
                    n += 1
                    new_id = f"{base}~{n}"
                ids.add(new_id)
                rec.document["id"] = rec.doc_id = new_id
                fout.write(json.dumps(rec.document, ensure_ascii=False) + "\n")
                fout.flush()
                summary.ok += 1
                summary.from_cache += int(rec.from_cache)
            else:
                summary.failed.append(rec)
                log.info("failed %s: %s (%s)", redact_url(rec.url), redact_urls(rec.reason or ""), rec.error)
            flog.write(json.dumps(rec.log_dict(), ensure_ascii=False) + "\n")
            flog.flush()
            if on_record is not None:
                on_record(rec)
    summary.requests = fetcher.requests
    return summary
