"""What fetching one URL can come to: the failure codes and :class:`PageResult`.

Every failure carries a short ``error`` code (a key of :data:`ERROR_CODES`) and
a readable ``reason``. The permanent ones (:data:`PERMANENT_ERRORS`) are cached
and not retried by ``--resume``; the transient ones are tried again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ERROR_CODES", "PERMANENT_ERRORS", "PageResult"]

#: Failure codes of :attr:`FetchRecord.error`, and which of them are permanent
#: (cached, not retried by ``--resume``).
ERROR_CODES = {
    "robots": "disallowed by the site's robots.txt",
    "http": "the server answered with an HTTP error status (404, 410, 403, ...)",
    "server": "5xx or 429 still failing after the retries",
    "timeout": "no answer within the timeout, after the retries",
    "network": "connection refused/reset, DNS failure, TLS error, after the retries",
    "not_html": "the content type is not HTML (PDF, image, JSON, ...)",
    "too_large": "the page is larger than max_bytes",
    "redirects": "too many redirects, a redirect loop, or a redirect to a non-HTTP URL",
    "no_text": "trafilatura found no article text in the page",
    "bad_url": "not an http(s) URL",
    "offline": "offline run and the page is not in the cache",
}
PERMANENT_ERRORS = frozenset({"robots", "http", "not_html", "too_large", "redirects", "no_text", "bad_url"})


@dataclass
class PageResult:
    """The raw outcome of fetching one URL (before text extraction)."""

    url: str
    final_url: str | None = None
    status: int | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)  # [{"url", "status", "location"}]
    content_type: str | None = None
    body: bytes | None = None
    error: str | None = None
    reason: str | None = None
    from_cache: bool = False
    fetched_at: str | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        """True when the page was fetched and is HTML (its body is set, no error)."""
        return self.error is None and self.body is not None
