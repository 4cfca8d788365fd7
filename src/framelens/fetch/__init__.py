"""Fetching news pages politely and turning them into a corpus.

:func:`fetch_corpus` reads a list of URLs (:func:`read_url_list`: a text file
with one URL a line, or a CSV export with a ``url`` column and optional
metadata such as Media Cloud or GDELT exports), downloads each page with a
:class:`Fetcher`, extracts the article text and metadata with trafilatura, and
writes one JSON object per article (a corpus ``framelens analyze`` reads).

One concept per module:

- :mod:`.config`: :class:`FetchConfig`, the default User-Agent and cache folder;
- :mod:`.urllist`: reading URL lists (:class:`UrlItem`, :data:`COLUMN_ALIASES`);
- :mod:`.urls`: which URLs are fetched (``http(s)`` only), their normal form, host key and slug id;
- :mod:`.results`: :class:`PageResult` and the failure codes (:data:`ERROR_CODES`);
- :mod:`.http`: one GET with pacing per host, a size limit, a timeout, retries and backoff;
- :mod:`.robots`: robots.txt (RFC 9309), read once per host;
- :mod:`.cache`: the disk cache of raw pages;
- :mod:`.fetcher`: :class:`Fetcher`, one URL to one page (cache, robots, redirects by hand, HTML only);
- :mod:`.article`: HTML to article text and metadata (trafilatura);
- :mod:`.run`: a whole list (:func:`fetch_corpus`, :func:`iter_fetch`, resume, the log).

Every failure is a :class:`FetchRecord` with a short ``error`` code (see
:data:`ERROR_CODES`) and a readable ``reason``; a run never stops for one URL.
"""

from __future__ import annotations

from ..io.dates import normalize_date  # re-exported: part of fetch's public API
from .article import decode_html, extract_article
from .config import DEFAULT_CONTACT, FetchConfig, default_cache_dir, default_user_agent
from .fetcher import Fetcher
from .http import retry_after as _retry_after  # noqa: F401 (importable from here before the split)
from .results import ERROR_CODES, PERMANENT_ERRORS, PageResult
from .run import FetchRecord, FetchSummary, default_log_path, fetch_corpus, iter_fetch
from .urllist import COLUMN_ALIASES, UrlItem, read_url_list

__all__ = [
    "DEFAULT_CONTACT",
    "ERROR_CODES",
    "FetchConfig",
    "FetchRecord",
    "FetchSummary",
    "Fetcher",
    "PageResult",
    "UrlItem",
    "default_cache_dir",
    "default_user_agent",
    "extract_article",
    "fetch_corpus",
    "iter_fetch",
    "normalize_date",
    "read_url_list",
]

# Also importable from here, as before the split (not in __all__): COLUMN_ALIASES, PERMANENT_ERRORS,
# decode_html, default_log_path (used by framelens.cli.fetch and the tests).
