"""framelens speed and scale benchmarks (``make bench``); not tests.

Every measurement runs in a fresh Python subprocess (this script with
``--child CASE``), so each peak RSS is honest (``resource.getrusage``:
``ru_maxrss`` of the measuring process, and of its worker processes where
there are any), and all run one after the other in one invocation so that the
ratios between them hold on a noisy machine.

Cases (on the real news corpus ../shared/bench/news.jsonl, read at run time):

a  framelens full analysis, end to end: read the JSONL stream, analyse, write
   the partitioned tables and assemble documents.jsonl + spans.jsonl (serial
   engine), at 1x, 2x and 4x corpus sizes; and at 4x with every extractor but
   attribution (a peer: what the rest of the analysis costs)
b  framelens lexicon matching alone: ``get_matcher().match(text)`` over the texts
c  one pyahocorasick pass with the same phrases over the same lower-cased text,
   with the same whole-word check (the practical ceiling)
d  spaCy's blank English tokenizer + PhraseMatcher(attr="LOWER") with the same phrases
e  a naive per-phrase ``str.count`` loop (on a smaller slice: it is slow)
+  scaling: ``--jobs 1`` / ``--jobs 2`` (local processes) and a Dask LocalCluster
   of 1 / 2 workers, engine start-up excluded (reported separately)
+  time against document length: one generated fictional document (benchmarks/textgen.py) of 10 KB ...
   10 MB per run, and the slope of log(time) against log(size); then the shapes that used to take
   minutes (2 MB of alternating short quotations, of sentences that never end, of nested quotation
   marks, and an 8 MB single line); ``--length`` runs this part alone
+  lexicon growth: matching time with a pack of 100 ... 10,000 entries: 100
   shipped loaded-term entries, then synthetic ones (2-3 random words of 4+
   letters from the vocabulary of articles at the end of the corpus), written
   to a temporary CSV pack

Usage::

    .venv/bin/python benchmarks/run.py            # the full run (about 10-15 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # small slices, for iterating (about 2 minutes)

Writes the Markdown tables to docs/performance_results.md (``--out``) and prints them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "bench" / "news.jsonl"


# ---------------------------------------------------------------------------
# helpers used inside the measuring subprocess


def _rss_mb() -> dict:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"rss_mb": round(self_kb / 1024, 1), "rss_children_mb": round(kids_kb / 1024, 1)}


def _load_texts(corpus: str, n: int | None, skip: int = 0) -> list[str]:
    import framelens

    docs = islice(framelens.read_corpus(corpus), skip, None if n is None else skip + n)
    return [d.text for d in docs]


def _measure_words(texts: list[str]) -> tuple[int, int]:
    from framelens.text.segmentation import count_words

    return sum(len(t.encode("utf-8")) for t in texts), sum(count_words(t) for t in texts)


_CPU: dict[str, float] = {}


def _best(fn, repeat: int):
    """Run ``fn`` ``repeat`` times; keep the run with the least CPU time (the least disturbed by other
    processes). Returns its wall time and result; its CPU time is kept for the report."""
    best = None
    for _ in range(max(1, repeat)):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        dt, dc = time.perf_counter() - t, time.process_time() - c
        if best is None or dc < best[1]:
            best = (dt, dc, out)
    _CPU["cpu_seconds"] = best[1]
    return best[0], best[2]


def _default_phrases() -> list[str]:
    """Every phrase (with inflections) of the shipped default packs, as the matcher compiles them."""
    from framelens.text.matcher import get_matcher

    m = get_matcher()
    return sorted({p for lx in m.lexicons for e in lx.entries for p in e.phrases})


def child_matcher(a) -> dict:
    from framelens.text.matcher import get_matcher

    texts = _load_texts(a.corpus, a.docs)
    nbytes, words = _measure_words(texts)
    t = time.perf_counter()
    m = get_matcher()
    build = time.perf_counter() - t

    def once():
        hits = 0
        for text in texts:
            hits += len(m.match(text))
        return hits

    secs, hits = _best(once, a.repeat)
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": len(texts), "hits": hits,
            "setup_seconds": build, "phrases": len(_default_phrases()), "keys": m.n_keys}


def child_aho(a) -> dict:
    import ahocorasick

    texts = _load_texts(a.corpus, a.docs)
    nbytes, words = _measure_words(texts)
    phrases = _default_phrases()
    t = time.perf_counter()
    auto = ahocorasick.Automaton()
    for p in phrases:
        auto.add_word(p, len(p))
    auto.make_automaton()
    build = time.perf_counter() - t

    def once():
        hits = 0
        for text in texts:
            low = text.lower()
            n = len(low)
            for end, klen in auto.iter(low):
                s = end - klen + 1
                if (s > 0 and low[s - 1].isalnum()) or (end + 1 < n and low[end + 1].isalnum()):
                    continue
                hits += 1
        return hits

    secs, hits = _best(once, a.repeat)
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": len(texts), "hits": hits,
            "setup_seconds": build, "phrases": len(phrases)}


def child_spacy(a) -> dict:
    # benchmarks/ is sys.path[0] in a child: its weasel.py would shadow spaCy's dependency `weasel`
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != here]
    import spacy
    from spacy.matcher import PhraseMatcher

    texts = _load_texts(a.corpus, a.docs)
    nbytes, words = _measure_words(texts)
    phrases = _default_phrases()
    t = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.max_length = max([nlp.max_length] + [len(x) + 1 for x in texts])
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("LEXICON", list(nlp.tokenizer.pipe(phrases)))
    build = time.perf_counter() - t

    def once():
        hits = 0
        for text in texts:
            hits += len(matcher(nlp.make_doc(text)))
        return hits

    secs, hits = _best(once, a.repeat)
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": len(texts), "hits": hits,
            "setup_seconds": build, "phrases": len(phrases)}


def child_naive(a) -> dict:
    texts = _load_texts(a.corpus, a.docs)
    nbytes, words = _measure_words(texts)
    phrases = _default_phrases()

    def once():
        hits = 0
        for text in texts:
            low = text.lower()
            for p in phrases:
                hits += low.count(p)
        return hits

    secs, hits = _best(once, 1)
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": len(texts), "hits": hits,
            "phrases": len(phrases)}


def _slice_file(corpus: str, n: int, folder: str) -> str:
    """The first ``n`` lines of the corpus as a file of its own (what a user would analyse)."""
    path = os.path.join(folder, f"slice-{n}.jsonl")
    with open(corpus, "rb") as src, open(path, "wb") as dst:
        for line in islice(src, n):
            dst.write(line)
    return path


def child_analysis(a) -> dict:
    """End to end: stream the JSONL, analyse, write partitions, assemble the tables."""
    import framelens
    from framelens.runtime.engine import make_engine
    from framelens.runtime.partitions import run_partitioned
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    with tempfile.TemporaryDirectory() as tmp:
        path = _slice_file(a.corpus, a.docs, tmp)
        texts = _load_texts(path, None)
        nbytes, words = _measure_words(texts)
        del texts
        t = time.perf_counter()
        an = Analyzer(AnalysisConfig(extractors=a.extractors.split(",") if a.extractors else None))
        if a.engine == "processes":
            from framelens.runtime.engine import ProcessEngine

            # spawn: the workers are this process's own children, so their peak RSS is in RUSAGE_CHILDREN
            engine = ProcessEngine(an, jobs=a.jobs, start_method="spawn")
        else:
            engine = make_engine(an, a.engine, jobs=a.jobs, workers=a.workers)
        startup = 0.0
        if a.engine != "serial":
            # start the workers (each builds its Analyzer once) before the clock starts
            from framelens.runtime.engine import PartitionTask

            warm = [PartitionTask(i, [framelens.Document(f"w{i}", "Officials said the plan failed.")])
                    for i in range(a.jobs or a.workers or 1)]
            list(engine.run(warm))
        startup = time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        corpus = framelens.read_corpus(path)
        summary, store = run_partitioned(corpus, os.path.join(tmp, "out"), engine, formats=["jsonl"],
                                         partition_size=a.partition_size, span_fields=an.span_fields())
        store.cleanup()
        secs = time.perf_counter() - t
        if a.engine == "serial":  # all the work is in this process: its CPU time is the work's
            _CPU["cpu_seconds"] = time.process_time() - c
        engine.close()
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": summary.n_docs, "spans": summary.n_spans,
            "setup_seconds": startup, "partitions": summary.partitions, "workers": engine.workers}


BASE_ENTRIES = 100

#: every default extractor but attribution (attribution's requirements are all in it)
NO_ATTRIBUTION = ("structure", "loaded_terms", "hedges", "report_verbs", "frames")


def _synthetic_pack(corpus: str, entries: int, folder: str, seed: int = 20240607) -> str:
    """A CSV pack of ``entries`` entries: 100 shipped loaded-term entries, then synthetic phrases.

    Synthetic phrases join 2 or 3 words drawn at random (uniformly) from the
    vocabulary of articles at the end of the corpus (not the measured ones):
    words of 4+ letters seen at least 3 times there. Plausible-looking
    multiword terms made of real words, which rarely occur as such, so the
    growth measures the cost of a bigger automaton rather than of more hits
    (hits are reported too).
    """
    import csv
    import re
    from collections import Counter

    from framelens.text.matcher import get_matcher

    real = []
    for lx in get_matcher().lexicons:
        if lx.kind == "loaded_term":
            for e in lx.entries:
                if e.role not in ("stop", "modifier"):
                    real.append((e.term.lower(), e.category))
    rows = list(dict.fromkeys(real))[:min(entries, BASE_ENTRIES)]
    seen = {t for t, _ in rows}
    rng = random.Random(seed)
    tail = _load_texts(corpus, 400, skip=8000) or _load_texts(corpus, 400)
    vocab = Counter(w for t in tail for w in re.findall(r"[a-z]{4,}", t.lower()))
    words = sorted(w for w, n in vocab.items() if n >= 3)  # real words, not typos
    while len(rows) < entries:
        k = rng.choice((2, 2, 3))
        phrase = " ".join(rng.choices(words, k=k))
        if phrase in seen:
            continue
        seen.add(phrase)
        rows.append((phrase, rng.choice(("synthetic_a", "synthetic_b", "synthetic_c"))))
    path = os.path.join(folder, f"synthetic_{entries}.csv")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "id"])
        for i, (term, cat) in enumerate(rows):
            w.writerow([term, cat, f"e{i:05d}"])
    return path


def child_lexicon(a) -> dict:
    from framelens.text.matcher import Matcher
    from framelens.lexicon import load_lexicons

    texts = _load_texts(a.corpus, a.docs)
    nbytes, words = _measure_words(texts)
    with tempfile.TemporaryDirectory() as tmp:
        pack = _synthetic_pack(a.corpus, a.entries, tmp)
        t = time.perf_counter()
        lexicons = load_lexicons([pack], defaults=False)
        m = Matcher(lexicons)
        build = time.perf_counter() - t
    n_entries = sum(len(lx.entries) for lx in lexicons)

    def once():
        hits = 0
        for text in texts:
            hits += len(m.match(text))
        return hits

    # the same automaton's bare scan (pyahocorasick alone, over the prepared text): how much of the
    # growth is the C scan itself
    prepared = [m._prepare(t)[0] for t in texts]
    scan = None
    for _ in range(max(1, a.repeat)):
        c = time.process_time()
        for low in prepared:
            for _item in m._auto.iter(low):
                pass
        dc = time.process_time() - c
        scan = dc if scan is None else min(scan, dc)
    secs, hits = _best(once, a.repeat)
    return {"seconds": secs, "bytes": nbytes, "words": words, "docs": len(texts), "hits": hits,
            "setup_seconds": build, "entries": n_entries, "keys": m.n_keys, "scan_cpu_seconds": scan}


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def child_calibrate(a) -> dict:
    """How much parallelism the machine gives right now: a pure-Python loop on 1 and on 2 processes."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    out = {}
    for j in (1, 2):
        with ProcessPoolExecutor(j, mp_context=mp.get_context("spawn")) as ex:
            list(ex.map(_burn, [10] * j))
            t = time.perf_counter()
            list(ex.map(_burn, [2_000_000] * 8))
            out[j] = time.perf_counter() - t
    return {"seconds": out[1], "seconds_2": out[2], "bytes": 0, "words": 0, "docs": 0}


def child_length(a) -> dict:
    """One generated document of ``a.bytes`` bytes and shape ``a.kind`` (benchmarks/textgen.py), analysed once
    with every default extractor and no time budget."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import textgen

    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    text = textgen.make(a.kind, a.bytes)
    an = Analyzer(AnalysisConfig(doc_timeout=None))
    an.analyze_document(Document("warm", textgen.make(a.kind, 2000)))  # lexicons and regexes compiled
    doc = Document(f"{a.kind}-{a.bytes}", text)
    t, c = time.perf_counter(), time.process_time()
    res = an.analyze_document(doc)
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    _CPU["cpu_seconds"] = cpu
    return {"seconds": secs, "bytes": len(text.encode("utf-8")), "words": res.words, "docs": 1,
            "spans": len(res.spans), "kind": a.kind}


#: Sizes of the length benchmark (bytes of generated prose), 10 KB to 10 MB.
LENGTH_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)
#: The shapes that used to take minutes (issue 20), at the sizes named there.
HOSTILE_SHAPES = (("alternating", 2_000_000), ("no_ends", 2_000_000), ("nested", 2_000_000),
                  ("single_line", 8_000_000))


def slope(points) -> float:
    """Least-squares slope of log(seconds) against log(bytes): 1 is linear time, 2 quadratic."""
    import math

    xs = [math.log(b) for b, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def run_length(sizes=LENGTH_SIZES, shapes=HOSTILE_SHAPES) -> tuple[dict, dict]:
    """The length benchmark: each size (and each hostile shape) in a fresh subprocess."""
    print("time against document length (generated fictional prose, one document per size):", file=sys.stderr)
    growth = {n: run_child("length", "-", 1, kind="prose", bytes=n) for n in sizes}
    hostile = {}
    if shapes:
        print("shapes that used to take minutes:", file=sys.stderr)
        hostile = {(k, n): run_child("length", "-", 1, kind=k, bytes=n) for k, n in shapes}
    return growth, hostile


def render_length(growth: dict, hostile: dict, command: str) -> str:
    """The Markdown section of the length benchmark."""
    pts = [(x["bytes"], x["cpu_seconds"]) for x in growth.values()]
    fit = slope(pts)
    lines = [
        "## Time against document length",
        "",
        f"Command: `{command}`. One generated fictional document per size (benchmarks/textgen.py, news-like "
        "paragraphs with attributions, quotations, hedges and loaded words), analysed with every default "
        "extractor, each in a fresh process; CPU time of the analysis alone (lexicons loaded before).",
        "",
        _row(["size", "words", "spans", "CPU s", "wall s", "MB/s (CPU)", "peak RSS MB"]),
        _row(["---"] * 7),
    ]
    for x in growth.values():
        lines.append(_row([_fmt_bytes(x["bytes"]), f"{x['words']:,}", f"{x['spans']:,}", f"{x['cpu_seconds']:.2f}",
                           f"{x['seconds']:.2f}", f"{x['cpu_mb_s']:.2f}", f"{x['rss_mb']:.0f}"]))
    lines += ["", f"Slope of log(time) against log(size), least squares over the {len(pts)} sizes: **{fit:.2f}** "
              "(1 = time grows linearly with length, 2 = quadratically).", ""]
    if hostile:
        lines += [_row(["shape", "size", "spans", "CPU s", "wall s", "MB/s (CPU)", "peak RSS MB"]),
                  _row(["---"] * 7)]
        for (kind, _), x in hostile.items():
            lines.append(_row([kind, _fmt_bytes(x["bytes"]), f"{x['spans']:,}", f"{x['cpu_seconds']:.2f}",
                               f"{x['seconds']:.2f}", f"{x['cpu_mb_s']:.2f}", f"{x['rss_mb']:.0f}"]))
        lines.append("")
    return "\n".join(lines)


def _fmt_bytes(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{n / 1e3:.0f} KB"


CHILDREN = {"length": child_length, "calibrate": child_calibrate, "matcher": child_matcher, "aho": child_aho, "spacy": child_spacy, "naive": child_naive,
            "analysis": child_analysis, "lexicon": child_lexicon}


# ---------------------------------------------------------------------------
# the parent: run every case in a fresh subprocess, in one sequence


def run_child(case: str, corpus: str, docs: int, **kw) -> dict:
    argv = [sys.executable, __file__, "--child", case, "--corpus", corpus, "--docs", str(docs)]
    for k, v in kw.items():
        if v is not None:
            argv += [f"--{k.replace('_', '-')}", str(v)]
    t = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark case {case} failed (exit {proc.returncode})")
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["wall"] = wall
    res["case"] = case
    res["mb_s"] = res["bytes"] / 1e6 / res["seconds"] if res["seconds"] else float("nan")
    res["words_s"] = res["words"] / res["seconds"] if res["seconds"] else float("nan")
    res.setdefault("rss_mb", 0.0)
    cpu = res.get("cpu_seconds")
    res["cpu_mb_s"] = res["bytes"] / 1e6 / cpu if cpu else float("nan")
    print(f"  {case:9s} {json.dumps({k: v for k, v in kw.items() if v is not None})}: "
          f"{res['docs']:,} docs, {res['seconds']:.2f} s, {res['mb_s']:.2f} MB/s, "
          f"peak RSS {res['rss_mb']:.0f} MB (workers {res['rss_children_mb']:.0f} MB)", file=sys.stderr, flush=True)
    return res


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _fmt_words(w: float) -> str:
    return f"{w / 1e6:.2f} M" if w >= 1e6 else f"{w / 1e3:.0f} k"


def parent(a) -> int:
    if a.length:  # the length benchmark alone (no corpus needed)
        t_all = time.perf_counter()
        growth, hostile = run_length(shapes=() if a.quick else HOSTILE_SHAPES)
        md = render_length(growth, hostile, "benchmarks/run.py --length" + (" --quick" if a.quick else ""))
        print(md)
        print(f"length benchmark: {(time.perf_counter() - t_all) / 60:.1f} min", file=sys.stderr)
        return 0
    corpus = str(Path(a.corpus).resolve())
    if not os.path.exists(corpus):
        print(f"benchmark corpus {corpus} not found (../shared/bench/news.jsonl beside the repository)",
              file=sys.stderr)
        return 2
    if a.quick:
        sizes = dict(match=1000, naive=60, analysis=800, scale=400, lexicon=500)
    else:
        sizes = dict(match=a.match_docs, naive=a.naive_docs, analysis=a.analysis_docs, scale=a.scale_docs,
                     lexicon=a.lexicon_docs)
    t_all = time.perf_counter()
    load0 = os.getloadavg()[0]
    print(f"framelens benchmarks on {corpus} (sizes: {sizes})", file=sys.stderr)
    r: dict[str, dict] = {}
    print("machine check (pure-Python loop, 1 vs 2 processes):", file=sys.stderr)
    calib = [run_child("calibrate", corpus, 0)]
    print("matching methods:", file=sys.stderr)
    r["matcher"] = run_child("matcher", corpus, sizes["match"], repeat=a.repeat)
    r["aho"] = run_child("aho", corpus, sizes["match"], repeat=a.repeat)
    r["spacy"] = run_child("spacy", corpus, sizes["match"], repeat=a.repeat)
    r["naive"] = run_child("naive", corpus, sizes["naive"])
    print("full analysis as the corpus grows (serial):", file=sys.stderr)
    base = sizes["analysis"] // 4
    growth = {k: run_child("analysis", corpus, base * k, engine="serial", partition_size=a.partition_size)
              for k in (1, 2, 4)}
    # the same run without the attribution extractor (a peer, not a mode framelens offers): the ceiling of the
    # full-analysis rate while attribution keeps its present cost (docs/performance.md, "What 2 MB/s asks for")
    growth["lexical"] = run_child("analysis", corpus, base * 4, engine="serial", partition_size=a.partition_size,
                                  extractors=",".join(NO_ATTRIBUTION))
    print("scaling:", file=sys.stderr)
    calib.append(run_child("calibrate", corpus, 0))
    ps = max(10, sizes["scale"] // 20)
    scale = {
        "processes 1": run_child("analysis", corpus, sizes["scale"], engine="processes", jobs=1, partition_size=ps),
        "processes 2": run_child("analysis", corpus, sizes["scale"], engine="processes", jobs=2, partition_size=ps),
    }
    try:
        import distributed  # noqa: F401

        scale["dask 1"] = run_child("analysis", corpus, sizes["scale"], engine="dask", workers=1, partition_size=ps)
        scale["dask 2"] = run_child("analysis", corpus, sizes["scale"], engine="dask", workers=2, partition_size=ps)
    except ImportError:
        print("  dask.distributed not installed: Dask scaling skipped", file=sys.stderr)
    print("lexicon growth (matching alone):", file=sys.stderr)
    lex = {n: run_child("lexicon", corpus, sizes["lexicon"], entries=n, repeat=a.repeat)
           for n in (100, 1000, 3000, 10000)}
    length_growth, hostile = run_length(shapes=() if a.quick else HOSTILE_SHAPES)
    total = time.perf_counter() - t_all
    a.load = (load0, os.getloadavg()[0])

    a.calib = [c["seconds"] / c["seconds_2"] for c in calib]
    md = render(r, growth, scale, lex, sizes, total, a)
    md += "\n" + render_length(length_growth, hostile, "benchmarks/run.py" + (" --quick" if a.quick else ""))
    print(md)
    if a.out:
        out = Path(a.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(md, encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
    return 0


def render(r, growth, scale, lex, sizes, total, a) -> str:
    import framelens

    cpu = platform.processor() or platform.machine()
    lines = [
        "# framelens benchmark results",
        "",
        f"framelens {framelens.__version__}, Python {platform.python_version()}, {platform.platform()}, "
        f"{os.cpu_count()} CPUs ({cpu}); {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"whole run {total / 60:.1f} min; 1-minute load average {a.load[0]:.1f} at the start, {a.load[1]:.1f} "
        "at the end (above the CPU count, other processes were competing for the cores).",
        "",
        f"Command: `.venv/bin/python benchmarks/run.py{' --quick' if a.quick else ''}` "
        "(what `make bench` runs). Corpus: ../shared/bench/news.jsonl, first N articles. "
        "MB = 10^6 bytes of UTF-8 article text; words by framelens' word rule; times exclude start-up "
        "(loading packs, building automata, starting workers), shown separately. Single-process rates are "
        "given on CPU time (time.process_time of the measuring process: the work's own cost, robust to other "
        "processes competing for the cores) and on wall time; scaling is wall time. Peak RSS is the "
        "measuring process (ru_maxrss), workers separately.",
        "",
        "## Matching methods (same phrases, same texts)",
        "",
        _row(["method", "articles", "MB", "wall s", "CPU s", "MB/s (CPU)", "words/s (CPU)", "MB/s (wall)", "hits",
              "set-up s", "peak RSS MB"]),
        _row(["---"] * 11),
    ]
    names = {
        "matcher": "(b) framelens lexicon matching (`get_matcher().match`)",
        "aho": "(c) one pyahocorasick pass, whole-word check",
        "spacy": "(d) spaCy blank `en` tokenizer + PhraseMatcher(LOWER)",
        "naive": "(e) naive per-phrase `str.count` loop",
    }
    for k in ("matcher", "aho", "spacy", "naive"):
        x = r[k]
        lines.append(_row([names[k], f"{x['docs']:,}", f"{x['bytes'] / 1e6:.1f}", f"{x['seconds']:.2f}",
                           f"{x['cpu_seconds']:.2f}", f"{x['cpu_mb_s']:.2f}",
                           _fmt_words(x["words"] / x["cpu_seconds"]), f"{x['mb_s']:.2f}", f"{x['hits']:,}",
                           f"{x.get('setup_seconds', 0):.2f}", f"{x['rss_mb']:.0f}"]))
    full = growth[4]
    lines += [
        "",
        f"Phrases: {r['aho']['phrases']:,} distinct phrases (entries with their inflections) of the shipped default "
        f"packs; the framelens automaton holds {r['matcher']['keys']:,} keys. "
        "(b) also applies the look-alike rules, stop phrases, longest-match resolution and stacking; (c)-(e) "
        "count raw hits, (e) without a word-boundary check.",
        "",
        "## Full analysis, serial, as the corpus grows",
        "",
        _row(["articles", "MB", "wall s", "CPU s", "MB/s (CPU)", "words/s (CPU)", "MB/s (wall)", "spans",
              "peak RSS MB"]),
        _row(["---"] * 9),
    ]
    for k in (1, 2, 4):
        x = growth[k]
        lines.append(_row([f"{x['docs']:,} ({k}x)", f"{x['bytes'] / 1e6:.1f}", f"{x['seconds']:.2f}",
                           f"{x['cpu_seconds']:.2f}", f"{x['cpu_mb_s']:.2f}",
                           _fmt_words(x["words"] / x["cpu_seconds"]), f"{x['mb_s']:.2f}",
                           f"{x['spans']:,}", f"{x['rss_mb']:.0f}"]))
    x = growth["lexical"]
    lines.append(_row([f"{x['docs']:,} (4x), every extractor but attribution (for reference)",
                       f"{x['bytes'] / 1e6:.1f}", f"{x['seconds']:.2f}", f"{x['cpu_seconds']:.2f}",
                       f"{x['cpu_mb_s']:.2f}", _fmt_words(x["words"] / x["cpu_seconds"]), f"{x['mb_s']:.2f}",
                       f"{x['spans']:,}", f"{x['rss_mb']:.0f}"]))
    att_share = 1 - x["cpu_seconds"] / full["cpu_seconds"]
    lines += [
        "",
        f"Without attribution the same articles take {x['cpu_seconds']:.2f} CPU s instead of "
        f"{full['cpu_seconds']:.2f}: the attribution extractor is {att_share:.0%} of the full analysis's CPU time.",
        "",
        "## Scaling (same articles; engine start-up excluded)",
        "",
        _row(["engine", "articles", "seconds", "MB/s", "speed-up vs 1", "start-up s", "driver RSS MB",
              "largest worker RSS MB"]),
        _row(["---"] * 8),
    ]
    for k, x in scale.items():
        one = scale.get(k.split()[0] + " 1")
        sp = one["seconds"] / x["seconds"] if one else float("nan")
        lines.append(_row([f"{k.replace('processes', '--jobs').replace('dask', 'Dask LocalCluster, workers:')}",
                           f"{x['docs']:,}", f"{x['seconds']:.2f}", f"{x['mb_s']:.2f}", f"{sp:.2f}x",
                           f"{x['setup_seconds']:.1f}", f"{x['rss_mb']:.0f}", f"{x['rss_children_mb']:.0f}"]))
    lines += [
        "",
        "## Lexicon growth (matching alone, one pack: 100 shipped entries, then synthetic ones)",
        "",
        _row(["entries", "automaton keys", "articles", "wall s", "CPU s", "MB/s (CPU)", "CPU vs 100 entries",
              "bare automaton scan CPU s", "scan vs 100 entries", "hits", "build s"]),
        _row(["---"] * 11),
    ]
    for n, x in lex.items():
        lines.append(_row([f"{x['entries']:,}", f"{x['keys']:,}", f"{x['docs']:,}", f"{x['seconds']:.2f}",
                           f"{x['cpu_seconds']:.2f}", f"{x['cpu_mb_s']:.2f}",
                           f"{x['cpu_seconds'] / lex[100]['cpu_seconds']:.2f}x", f"{x['scan_cpu_seconds']:.2f}",
                           f"{x['scan_cpu_seconds'] / lex[100]['scan_cpu_seconds']:.2f}x", f"{x['hits']:,}",
                           f"{x['setup_seconds']:.2f}"]))
    m, ah, sp = r["matcher"], r["aho"], r["spacy"]
    cores = 1
    peak = max([x["rss_mb"] for x in growth.values()] + [x["rss_mb"] for x in scale.values()]
               + [x["rss_children_mb"] for x in scale.values()])
    s1, s2 = scale.get("processes 1"), scale.get("processes 2")
    d1, d2 = scale.get("dask 1"), scale.get("dask 2")

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    speed_vs_spacy = m["cpu_mb_s"] / sp["cpu_mb_s"]
    vs_aho = ah["cpu_mb_s"] / m["cpu_mb_s"]
    lexg = lex[10000]["cpu_seconds"] / lex[100]["cpu_seconds"]
    aho_vs_full = ah["cpu_mb_s"] / full["cpu_mb_s"]
    p2 = s1["seconds"] / s2["seconds"] if s1 and s2 else float("nan")
    lines += [
        "",
        "## Targets",
        "",
        _row(["target", "measured", "verdict"]),
        _row(["---"] * 3),
        _row(["full analysis >= 2 MB/s per core (serial, largest slice, CPU time; issue 17)",
              f"{full['cpu_mb_s'] / cores:.2f} MB/s", verdict(full["cpu_mb_s"] >= 2)]),
        _row(["one Aho-Corasick pass at most 15x faster than the full analysis (c/a, CPU time; issue 17)",
              f"{aho_vs_full:.1f}x", verdict(aho_vs_full <= 15)]),
        _row(["lexicon matching >= 8x spaCy PhraseMatcher (b/d, CPU time; issue 17)", f"{speed_vs_spacy:.1f}x",
              verdict(speed_vs_spacy >= 8)]),
        _row(["lexicon 100 -> 10,000 entries costs <= 1.3x (CPU time; issue 17)", f"{lexg:.2f}x",
              verdict(lexg <= 1.3)]),
        _row(["peak memory < 300 MB at any corpus size (issue 17)", f"{peak:.0f} MB (largest process of any run)",
              verdict(peak < 300)]),
        _row(["(for reference) lexicon matching vs one pyahocorasick pass (b/c CPU time)", f"{vs_aho:.2f}x slower",
              ""]),
        _row(["(for reference) the analysis without the attribution extractor, same slice, CPU time",
              f"{growth['lexical']['cpu_mb_s']:.2f} MB/s", ""]),
        _row(["2 processes >= 1.7x one (--jobs 2 vs --jobs 1, wall time)", f"{p2:.2f}x", verdict(p2 >= 1.7)]),
    ]
    if d1 and d2:
        lines.append(_row(["(for reference) Dask 2 workers vs 1", f"{d1['seconds'] / d2['seconds']:.2f}x", ""]))
    lines.append(_row(["(machine check) a pure-Python loop on 2 processes vs 1, before the matching cases "
                       "and before the scaling runs", " / ".join(f"{c:.2f}x" for c in a.calib),
                       "the most any engine could reach"]))
    lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the benchmark JSONL (default: ../shared/bench/news.jsonl)")
    p.add_argument("--quick", action="store_true", help="small slices for fast iteration (about 2 minutes)")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="cap every slice at N articles (e.g. --limit 1000)")
    p.add_argument("--match-docs", type=int, default=4000, help="articles for matching methods b-d (default: 4000)")
    p.add_argument("--naive-docs", type=int, default=300, help="articles for the naive str.count loop (default: 300)")
    p.add_argument("--analysis-docs", type=int, default=8829,
                   help="articles of the 4x full-analysis run (default: 8829, the whole corpus)")
    p.add_argument("--scale-docs", type=int, default=2000, help="articles for the scaling runs (default: 2000)")
    p.add_argument("--lexicon-docs", type=int, default=2000, help="articles for the lexicon-growth runs")
    p.add_argument("--partition-size", type=int, default=100,
                   help="documents per partition in the full-analysis runs (default: 100, as the command line)")
    p.add_argument("--length", action="store_true",
                   help="only the benchmark of time against document length (generated text, 10 KB to 10 MB, "
                        "and the hostile shapes; no corpus needed; about 3 minutes)")
    p.add_argument("--repeat", type=int, default=2, help="timed repetitions of matching cases; the best counts")
    p.add_argument("--out", default=str(REPO / "docs" / "performance_results.md"),
                   help="Markdown file for the results (default: docs/performance_results.md; '' = print only)")
    # child mode
    p.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    p.add_argument("--docs", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--engine", default="serial", help=argparse.SUPPRESS)
    p.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--entries", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--extractors", default=None, help=argparse.SUPPRESS)
    p.add_argument("--kind", default="prose", help=argparse.SUPPRESS)
    p.add_argument("--bytes", type=int, default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        res = CHILDREN[a.child](a)
        res.update(_rss_mb())
        res.update(_CPU)
        print(json.dumps(res))
        return 0
    if a.limit:
        for k in ("match_docs", "naive_docs", "analysis_docs", "scale_docs", "lexicon_docs"):
            setattr(a, k, min(getattr(a, k), a.limit))
    rc = parent(a)
    if a.length:
        return rc
    # issue 15: framelens compare against framelens analyze on 40 outlets (benchmarks/compare_bench.py, also standalone)
    cb = subprocess.run([sys.executable, str(REPO / "benchmarks" / "compare_bench.py")] + (["--no-300"] if a.quick else []),
                        cwd=REPO)
    return rc or cb.returncode


if __name__ == "__main__":
    sys.exit(main())
