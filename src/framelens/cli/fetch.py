"""framelens fetch: download news pages politely and write them as a corpus (JSONL)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ConfigError
from ..io.safetext import safe_message
from . import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from ._common import check_text_file
from ._progress import progress_bar

HELP = "download news pages (robots.txt, rate limits, cache) and extract their text into a corpus"
EXAMPLES = """\
examples:
  framelens fetch urls.txt --out corpus.jsonl
      one URL a line (# comments allowed); writes corpus.jsonl and corpus.fetch-log.jsonl
  framelens fetch mediacloud-export.csv --out corpus.jsonl --contact mailto:you@university.edu
      a CSV with a url column (Media Cloud, GDELT and similar exports are recognised);
      outlet/date/title/event columns become metadata; name yourself in the User-Agent
  framelens fetch urls.txt --out corpus.jsonl --resume
      continue an interrupted run: URLs already written or failed for good are skipped
  framelens fetch urls.txt --out corpus.jsonl --offline
      rebuild the corpus from the page cache alone, without any network access

politeness (always on): robots.txt is obeyed for every page and redirect hop; one request
at a time per server with --delay seconds between them (longer if robots.txt sets a
Crawl-delay); every spelling of one server (localhost and 127.0.0.1, h and h:443, user@h,
HOST. and host) shares that one queue; retries with backoff on 429/5xx/timeouts, honouring
Retry-After. --timeout bounds each whole request, however slowly a server sends.
A URL given twice is fetched once (the later lines are logged as duplicates), and the
user:password@ of a URL is never written to the corpus, the log or the screen.

every URL that fails is listed with its reason: robots, http (404...), server (5xx/429
after retries), timeout, network, not_html, too_large, redirects, no_text, bad_url, offline.
exit code 0: all fetched; 3: some failed; 4: none fetched.
"""


def add_parser(sub):
    from ..fetch import COLUMN_ALIASES, default_cache_dir

    p = sub.add_parser("fetch", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("urls", metavar="URLS", help="a text file of URLs, or a CSV/TSV with a url column")
    p.add_argument("--out", default="corpus.jsonl", metavar="FILE", help="output corpus (default: corpus.jsonl)")
    p.add_argument("--log", default=None, metavar="FILE",
                   help="per-URL log, one JSON line each (default: OUT with .fetch-log.jsonl)")
    p.add_argument("--resume", action="store_true", help="append to OUT, skipping URLs settled by an earlier run")
    p.add_argument("--offline", action="store_true", help="use the page cache only; no network access")
    g = p.add_argument_group("cache")
    g.add_argument("--cache", default=None, metavar="DIR",
                   help=f"page cache folder (default: $FRAMELENS_CACHE or {default_cache_dir()})")
    g.add_argument("--no-cache", action="store_true", help="do not read or write the page cache")
    g = p.add_argument_group("politeness and limits")
    g.add_argument("--user-agent", default=None, metavar="UA",
                   help="the whole User-Agent string (default: framelens/VERSION (+CONTACT; news framing research))")
    g.add_argument("--contact", default=None, metavar="EMAIL|URL",
                   help="your contact in the default User-Agent, e.g. mailto:you@university.edu")
    g.add_argument("--delay", type=float, default=2.0, metavar="S",
                   help="seconds between two requests to the same host (default: 2)")
    g.add_argument("--timeout", type=float, default=20.0, metavar="S", help="time limit of each whole request: connection, headers and body (default: 20)")
    g.add_argument("--retries", type=int, default=3, metavar="N", help="retries on 429/5xx/timeouts (default: 3)")
    g.add_argument("--backoff", type=float, default=2.0, metavar="S",
                   help="first retry wait, doubled each retry (default: 2)")
    g.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                   help="largest page accepted, in bytes (default: 5000000)")
    g.add_argument("--workers", type=int, default=1, metavar="N",
                   help="fetch up to N different hosts at once (never two requests to one host; default: 1)")
    g = p.add_argument_group("CSV columns (found by name when not given)")
    for key in ("url", "id", "outlet", "date", "title", "event"):
        g.add_argument(f"--{key}-col", default=None, metavar="NAME",
                       help=f"column for {key} (recognised: {', '.join(COLUMN_ALIASES[key])})")
    return p


def run(args) -> int:
    from ..fetch import FetchConfig, Fetcher, default_cache_dir, default_user_agent, fetch_corpus, read_url_list

    check_text_file(args.urls, "fetch")
    if args.user_agent and args.contact:
        raise ConfigError("give either --user-agent or --contact, not both")
    cache = None if args.no_cache else (Path(args.cache) if args.cache else default_cache_dir())
    if args.offline and cache is None:
        raise ConfigError("--offline needs the page cache (drop --no-cache)")
    config = FetchConfig(
        user_agent=args.user_agent or default_user_agent(args.contact), timeout=args.timeout, retries=args.retries,
        backoff=args.backoff, delay=args.delay, max_bytes=args.max_bytes, cache_dir=cache, offline=args.offline,
        workers=args.workers,
    )
    columns = {k: getattr(args, f"{k}_col") for k in ("url", "id", "outlet", "date", "title", "event")
               if getattr(args, f"{k}_col")}
    items = read_url_list(args.urls, columns=columns)
    if not items:
        print(f"framelens: error: no URL in {args.urls}", file=sys.stderr)
        return EXIT_FAILED
    with progress_bar(args, total=len(items), unit="URL", desc="fetch") as bar:
        summary = fetch_corpus(items, args.out, config=config, resume=args.resume, log_path=args.log,
                               fetcher=Fetcher(config), on_record=lambda rec: bar.update(1))
    if summary.failed:
        print(f"framelens: {len(summary.failed)} URL(s) failed:", file=sys.stderr)
        for r in summary.failed:
            print(safe_message(f"  {r.url}: {r.reason} [{r.error}]"), file=sys.stderr)
    if summary.duplicates:
        print(f"framelens: {len(summary.duplicates)} duplicate URL line(s), fetched once:", file=sys.stderr)
        for r in summary.duplicates[:20]:
            print(safe_message(f"  {r.origin or r.url}: same URL as {r.duplicate_of}"), file=sys.stderr)
        if len(summary.duplicates) > 20:
            print(f"  ... and {len(summary.duplicates) - 20} more (see the log)", file=sys.stderr)
    resumed = f", {summary.skipped_resume} settled earlier (--resume)" if summary.skipped_resume else ""
    unique = summary.total - len(summary.duplicates)
    print(safe_message(f"framelens: fetched {summary.ok} of {unique} URL(s) ({summary.from_cache} from the cache, "
                       f"{summary.requests} network request(s){resumed}) -> {summary.out}; log: {summary.log}"),
          file=sys.stderr)
    if summary.ok == 0 and summary.skipped_resume == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if summary.failed else EXIT_OK
