"""The page cache: every raw page on disk under a hash of its URL, with its headers and redirect chain.

A rerun downloads nothing twice and ``offline=True`` rebuilds a corpus from the
cache alone. Each entry is ``<root>/<2 hex>/<sha256 of the URL>.json`` (status,
redirects, content type, error, the body's size and SHA-256) plus, for a page
with a body, ``<same>.html.gz``. Permanent failures (404, not HTML, too large)
are cached too; the caller decides which (:class:`~framelens.fetch.Fetcher`).
A corrupt or unreadable entry is ignored with a warning.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
from pathlib import Path

from ..io.atomic import atomic_write_bytes
from ..io.safetext import redact_url
from .results import PageResult

__all__ = ["CACHE_VERSION", "PageCache", "cache_key"]

log = logging.getLogger("framelens")

#: Format version of the cache entries; entries of another version are ignored.
CACHE_VERSION = 1


def cache_key(url: str) -> str:
    """The SHA-256 of the URL, hex: the name of its cache entry."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


class PageCache:
    """Pages cached under ``root`` (see the module docstring)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def paths(self, url: str) -> tuple[Path, Path]:
        """The metadata (JSON) and body (gzip) files of ``url``'s entry."""
        k = cache_key(url)
        d = self.root / k[:2]
        return d / f"{k}.json", d / f"{k}.html.gz"

    def load(self, url: str) -> PageResult | None:
        """The cached result for ``url`` (a clean URL), or None when absent, unreadable or corrupt."""
        meta_path, body_path = self.paths(url)
        if not meta_path.is_file():
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = None
            if meta.get("has_body"):
                with gzip.open(body_path, "rb") as fh:
                    body = fh.read()
                if hashlib.sha256(body).hexdigest() != meta.get("sha256"):
                    log.warning("cache entry for %s is corrupt (hash mismatch); ignoring it", redact_url(url))
                    return None
        except (OSError, ValueError, EOFError) as exc:
            log.warning("cache entry for %s unreadable (%s); ignoring it", redact_url(url), exc)
            return None
        if meta.get("cache_version") != CACHE_VERSION:
            return None
        return PageResult(url=meta["url"], final_url=meta.get("final_url"), status=meta.get("status"),
                          redirects=meta.get("redirects") or [], content_type=meta.get("content_type"), body=body,
                          error=meta.get("error"), reason=meta.get("reason"), from_cache=True,
                          fetched_at=meta.get("fetched_at"), attempts=0)

    def store(self, page: PageResult, user_agent: str) -> None:
        """Write ``page`` (body first, then the metadata that points at it; both atomically)."""
        meta_path, body_path = self.paths(page.url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "cache_version": CACHE_VERSION, "url": page.url, "final_url": page.final_url, "status": page.status,
            "redirects": page.redirects, "content_type": page.content_type, "fetched_at": page.fetched_at,
            "error": page.error, "reason": page.reason, "has_body": page.body is not None,
            "bytes": None if page.body is None else len(page.body),
            "sha256": None if page.body is None else hashlib.sha256(page.body).hexdigest(),
            "user_agent": user_agent,
        }
        if page.body is not None:
            atomic_write_bytes(body_path, gzip.compress(page.body, mtime=0))
        atomic_write_bytes(meta_path, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
