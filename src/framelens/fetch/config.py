"""Fetch settings: :class:`FetchConfig`, the default User-Agent and the default cache folder."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ConfigError

__all__ = ["DEFAULT_CONTACT", "FetchConfig", "default_cache_dir", "default_user_agent"]

#: Contact part of the default User-Agent. Researchers should name themselves
#: with ``FetchConfig(user_agent=...)`` / ``--contact`` (an email or web page).
DEFAULT_CONTACT = "https://pypi.org/project/framelens/"


def default_user_agent(contact: str | None = None) -> str:
    """``framelens/<version> (+<contact>)``: names the tool, its version and whom to contact."""
    return f"framelens/{__version__} (+{contact or DEFAULT_CONTACT}; news framing research)"


def default_cache_dir() -> Path:
    """``$FRAMELENS_CACHE`` or ``$XDG_CACHE_HOME/framelens/pages`` (``~/.cache/framelens/pages``)."""
    env = os.environ.get("FRAMELENS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framelens" / "pages"


@dataclass
class FetchConfig:
    """Parameters of a :class:`~framelens.fetch.Fetcher` (all times in seconds).

    ``delay`` is the minimum time between two requests to the same host;
    ``backoff`` the first retry wait (doubled each retry, capped at
    ``max_backoff``); ``max_retry_after`` the longest ``Retry-After`` honoured
    (a server asking for longer makes the URL fail with ``server``).
    ``cache_dir=None`` disables the cache. ``workers`` > 1 fetches different
    hosts in parallel threads (never two requests to one host at once).
    """

    user_agent: str = field(default_factory=default_user_agent)
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    max_backoff: float = 60.0
    max_retry_after: float = 120.0
    delay: float = 2.0
    max_crawl_delay: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 10
    cache_dir: str | os.PathLike | None = field(default_factory=default_cache_dir)
    offline: bool = False
    workers: int = 1

    def __post_init__(self) -> None:
        for name in ("timeout", "backoff", "max_backoff", "max_retry_after", "delay", "max_crawl_delay"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or v < 0 or (name == "timeout" and v == 0):
                raise ConfigError(f"{name}={v!r}: must be a number >= 0 (timeout > 0)")
        for name in ("retries", "max_redirects", "max_bytes", "workers"):
            v = getattr(self, name)
            if not isinstance(v, int) or v < 0 or (name in ("max_bytes", "workers") and v == 0):
                raise ConfigError(f"{name}={v!r}: must be a whole number >= 0 (max_bytes, workers >= 1)")
        if not self.user_agent or not self.user_agent.strip() or "\n" in self.user_agent:
            raise ConfigError(f"user_agent={self.user_agent!r}: must be one non-empty line")

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain JSON-ready values (``cache_dir`` as a string or None)."""
        d = asdict(self)
        d["cache_dir"] = None if self.cache_dir is None else os.fspath(self.cache_dir)
        return d
