"""robots.txt: read once per host, obeyed for every request and every redirect hop (RFC 9309).

A 4xx other than 401/403 means no rules; 401/403, 5xx, 429 and an unreachable
robots.txt mean "disallow everything"; a robots.txt larger than ``max_bytes``
is ignored. Up to five redirects are followed to find it. A ``Crawl-delay``
for framelens lengthens the per-host delay (capped by the caller at
``FetchConfig.max_crawl_delay``). Parsing is the standard library's
:class:`urllib.robotparser.RobotFileParser`.
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.robotparser
from dataclasses import dataclass
from typing import Callable

from .http import REDIRECT_CODES, Response
from .urls import host_key

__all__ = ["ROBOTS_ACCEPT", "RobotsPolicy", "read_robots", "robots_agent"]

log = logging.getLogger("framelens")

#: Accept header of robots.txt requests.
ROBOTS_ACCEPT = "text/plain,*/*;q=0.5"


def robots_agent(user_agent: str) -> str:
    """The product token matched against robots.txt ``User-agent`` lines (``framelens``)."""
    return user_agent.split("/")[0].split()[0]


@dataclass
class RobotsPolicy:
    """What a host's robots.txt allows: ``state`` is ``rules``, ``allow_all`` or ``disallow_all``."""

    state: str
    reason: str = ""
    parser: urllib.robotparser.RobotFileParser | None = None
    crawl_delay: float = 0.0

    def allows(self, url: str, agent: str) -> tuple[bool, str]:
        """Whether ``agent`` may fetch ``url``, and why."""
        if self.state == "disallow_all":
            return False, self.reason
        if self.state == "allow_all" or self.parser is None:
            return True, self.reason
        if self.parser.can_fetch(agent, url):
            return True, "allowed by robots.txt"
        return False, f"disallowed by {host_key(url)}/robots.txt for {agent!r}"


def read_robots(url: str, get: Callable[[str], Response], agent: str, max_crawl_delay: float) -> RobotsPolicy:
    """The robots.txt policy of ``url``'s host; ``get(url)`` does one GET with retries (any host)."""
    robots_url = host_key(url) + "/robots.txt"
    status, headers, body, failure, _ = get(robots_url)
    if failure is None and status in REDIRECT_CODES:
        # RFC 9309: follow up to five redirects for robots.txt
        loc = headers.get("Location") if headers is not None else None
        hops = 0
        while failure is None and status in REDIRECT_CODES and loc and hops < 5:
            hops += 1
            status, headers, body, failure, _ = get(urllib.parse.urljoin(robots_url, loc))
            loc = headers.get("Location") if headers is not None else None
    if failure is not None and failure.code == "too_large":
        return RobotsPolicy("allow_all", "robots.txt too large: ignored")
    if failure is not None or status >= 500 or status == 429:
        return RobotsPolicy("disallow_all", f"robots.txt unreachable ({failure or f'HTTP {status}'}): "
                                            "RFC 9309 says assume disallow")
    if status in (401, 403):
        return RobotsPolicy("disallow_all", f"robots.txt answered HTTP {status}")
    if status >= 400 or status in REDIRECT_CODES:
        return RobotsPolicy("allow_all", f"no robots.txt (HTTP {status})")
    rp = urllib.robotparser.RobotFileParser(robots_url)
    rp.parse((body or b"").decode("utf-8", "replace").splitlines())
    policy = RobotsPolicy("rules", parser=rp)
    cd = rp.crawl_delay(agent)
    if cd:
        try:
            policy.crawl_delay = float(cd)
        except (TypeError, ValueError):
            pass
        if policy.crawl_delay > max_crawl_delay:
            log.warning("%s asks for Crawl-delay %ss; using the maximum of %ss", robots_url, cd, max_crawl_delay)
    return policy
