"""`framelens compare` against `framelens analyze` on the same articles: CPU, wall time and peak memory.

Each command runs in its own subprocess (so its peak RSS is its own, read from
``resource.getrusage(RUSAGE_CHILDREN)`` right after it ends: the maximum over the
children waited for so far, and analyze, which runs first, is the smaller).

Inputs (none is copied into the repository):

* ``b40``: the first article of each of the first 40 outlets of ``../shared/bench/news.jsonl``
  (written to a temporary folder at run time);
* ``bench300``: ``/work/golden/bench300.jsonl`` (300 articles, 53 outlets), when present.

Done (issue 15) when, on ``b40``, compare takes at most 3x the analysis time plus 10 s and its
peak memory is under 400 MB. Run: ``python benchmarks/compare_bench.py`` (or ``make bench``).
Exit code 1 when the criterion fails.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "bench" / "news.jsonl"
BENCH300 = Path("/work/golden/bench300.jsonl")
LIMIT_RATIO, LIMIT_PLUS_S, LIMIT_RSS_MB = 3.0, 10.0, 400.0


def first_of_outlets(src: Path, n: int, dest: Path) -> Path:
    """The first article of each of the first ``n`` outlets of ``src`` (JSONL), written to ``dest``."""
    seen: set[str] = set()
    lines = []
    with src.open(encoding="utf-8") as f:
        for line in f:
            outlet = json.loads(line).get("outlet")
            if outlet in seen:
                continue
            seen.add(outlet)
            lines.append(line)
            if len(lines) == n:
                break
    dest.write_text("".join(lines), encoding="utf-8")
    return dest


def _framelens() -> list[str]:
    exe = Path(sys.executable).with_name("framelens")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "framelens"]


def run(cmd: list[str]) -> dict:
    """Wall time, CPU time (user + system) and peak RSS (MB) of one subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(after.ru_maxrss / 1024, 1),
            "exit": proc.returncode, "stderr": proc.stderr}


def bench(path: Path, work: Path) -> dict:
    """analyze then compare on ``path``; the figures and the ratio."""
    fl = _framelens()
    an = run(fl + ["analyze", str(path), "--out", str(work / "analyze")])
    cmp_ = run(fl + ["compare", str(path), "--out", str(work / "compare")])
    for name, r in (("analyze", an), ("compare", cmp_)):
        if r["exit"] not in (0, 3):
            raise SystemExit(f"framelens {name} {path} failed (exit {r['exit']}):\n{r['stderr']}")
    limit = LIMIT_RATIO * an["wall_s"] + LIMIT_PLUS_S
    # what a user sees on the terminal beyond framelens's own lines (framelens: ...)
    third = [ln for ln in cmp_["stderr"].splitlines() if "Warning" in ln and not ln.startswith("framelens")]
    return {"input": str(path), "analyze": {k: v for k, v in an.items() if k != "stderr"},
            "compare": {k: v for k, v in cmp_.items() if k != "stderr"},
            "ratio": round(cmp_["wall_s"] / max(an["wall_s"], 1e-9), 2), "limit_s": round(limit, 2),
            "ok": cmp_["wall_s"] <= limit and cmp_["peak_rss_mb"] < LIMIT_RSS_MB and cmp_["exit"] in (0, 3),
            "third_party_warnings": third}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, default=NEWS, help="JSONL to draw the 40 outlets from")
    ap.add_argument("--no-300", action="store_true", help="skip the 300-article run")
    args = ap.parse_args(argv)
    if not args.news.is_file():
        print(f"compare_bench: {args.news} not found: skipped", file=sys.stderr)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="framelens-compare-bench-") as tmp:
        tmp = Path(tmp)
        b40 = first_of_outlets(args.news, 40, tmp / "b40.jsonl")
        # each input in a fresh interpreter: RUSAGE_CHILDREN's peak is a maximum over all children so far
        rows.append(("40 articles, 40 outlets", bench(b40, tmp / "b40")))
        if BENCH300.is_file() and not args.no_300:
            code = ("import json,sys; sys.path.insert(0, %r); import compare_bench as b; from pathlib import Path; "
                    "print(json.dumps(b.bench(Path(%r), Path(%r))))" % (str(Path(__file__).parent), str(BENCH300),
                                                                       str(tmp / "b300")))
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            rows.append(("bench300 (300 articles)", json.loads(out.stdout)))
    print("| input | analyze wall s | analyze CPU s | analyze peak MB | compare wall s | compare CPU s | "
          "compare peak MB | ratio | limit s (3x+10) | third-party warnings |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in rows:
        a, c = r["analyze"], r["compare"]
        print(f"| {name} | {a['wall_s']} | {a['cpu_s']} | {a['peak_rss_mb']} | {c['wall_s']} | {c['cpu_s']} | "
              f"{c['peak_rss_mb']} | {r['ratio']} | {r['limit_s']} | {len(r['third_party_warnings'])} |")
    ok = rows[0][1]["ok"]
    print(f"\ncompare on 40 articles: {'within' if ok else 'OVER'} 3x analyze + 10 s and 400 MB", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":

    sys.exit(main())
