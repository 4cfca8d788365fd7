"""Loaded-language spans against human annotation: BASIL lexical bias, BABE biased words, our hand-coded set.

    .venv/bin/python benchmarks/lexical_basil.py                      # all three sets, about 1 minute
    .venv/bin/python benchmarks/lexical_basil.py --basil DIR          # another BASIL half (articles.csv, spans.csv)
    .venv/bin/python benchmarks/lexical_basil.py --json out.json --errors 25

What is predicted: every span framelens's library API (``framelens.analyze(..., extractors=["loaded_terms"])``)
returns that counts as loaded language under the one counting rule ``framelens.kinds.is_loaded``
(a used, not mentioned, loaded-term hit; neutral variants never count). Hits in quotations count
too, as BASIL annotates loaded wording inside quotations as well.

1. BASIL (Fan et al., EMNLP 2019; ``../shared/datasets/basil``): every span with ``bias == lex`` is
   gold. spans.csv carries the span text (``txt``) and its sentence (``span_id`` ``pN``: sentence N of
   the article, the title being sentence 0; the published offsets are relative to that sentence, so
   we locate the text instead): the span is found in the article text (curly and straight quotes alike,
   case-insensitive); when it occurs more than once, the occurrence whose sentence (framelens's
   segmentation, title = 0) is nearest N is taken. Spans that cannot be found are reported and left
   out of recall. Overlap match: a gold span is recalled when any predicted span overlaps it by at
   least one character; a predicted span is correct when it overlaps any gold lexical span. P, R and
   F1 are pooled over articles, with a 95% percentile bootstrap CI that resamples articles (2,000
   resamples, seed 0). Breakdowns: precision and recalled spans per pack and per pack:category, recall
   per gold ``aim``, ``polarity``, ``quote`` and outlet. As context only, the share of predicted spans
   that overlap an *informational* bias span is also printed (not counted as correct).
2. BABE (Spinde et al., Findings of EMNLP 2021; ``../shared/datasets/babe``): sentences labelled
   Biased or Non-biased; gold tokens are the words experts listed in ``biased_words``; a token is
   predicted when it lies inside a predicted span. Token-level P/R/F1 (pooled) with a bootstrap CI
   over sentences.
3. ``tests/data/loaded_handcoded.tsv``: fictional sentences we wrote with the loaded spans we expect,
   in every political direction, plus look-alikes that should give nothing. Overlap P/R per direction.

Nothing here is tuned to single sentences; docs/validation_lexical.md has the tables and how to read them.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
HANDCODED = ROOT / "tests" / "data" / "loaded_handcoded.tsv"
N_BOOT = 2000

# Quote marks mapped one character to one character, so offsets in the folded text are offsets in the original.
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-",
                       "\u00a0": " "})


def fold(text: str) -> str:
    """Lower case with curly quotes straight (same length as the input)."""
    return text.translate(_FOLD).lower()


def loaded_spans(texts: list[str]) -> list[list[dict]]:
    """Predicted loaded spans per text: dicts with start, end, text, pack, category, entry, voice."""
    import framelens
    from framelens.kinds import is_loaded

    docs = [framelens.Document(id=str(i), text=t) for i, t in enumerate(texts)]
    res = framelens.analyze(docs, extractors=["loaded_terms"], errors="skip")
    out: list[list[dict]] = [[] for _ in texts]
    for row in res.spans.to_dict("records"):
        if row["kind"] != "loaded_term" or not is_loaded(row):
            continue
        lex = str(row.get("lexicon") or "").split("@")[0]
        out[int(row["doc_id"])].append({"start": int(row["start"]), "end": int(row["end"]), "text": row["text"],
                                        "pack": lex, "category": f"{lex}:{row.get('category') or row.get('label')}",
                                        "entry": row["entry"], "voice": row.get("voice")})
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bootstrap(units: np.ndarray, seed: int = 0) -> dict[str, list[float]]:
    """Percentile CIs of pooled P/R/F1; ``units`` rows are (tp_pred, n_pred, tp_gold, n_gold)."""
    rng = np.random.default_rng(seed)
    stats = []
    for _ in range(N_BOOT):
        s = units[rng.integers(0, len(units), len(units))].sum(axis=0)
        stats.append(prf(*s))
    a = np.array(stats)
    return {k: [float(np.quantile(a[:, i], 0.025)), float(np.quantile(a[:, i], 0.975))]
            for i, k in enumerate(("precision", "recall", "f1"))}


# ---------------------------------------------------------------------------------------------- BASIL

def locate(text: str, txt: str, sent_idx: int | None, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Offsets of a BASIL span's text in its article, nearest its annotated sentence when repeated."""
    t, q = fold(text), fold(txt).strip()
    if not q:
        return None
    found = [m.start() for m in re.finditer(re.escape(q), t)]
    if not found:
        # annotators sometimes dropped or added the surrounding quotation marks
        q2 = q.strip("\"' ")
        found = [m.start() for m in re.finditer(re.escape(q2), t)] if q2 else []
        q = q2
    if not found:
        return None
    if len(found) == 1 or sent_idx is None:
        return found[0], found[0] + len(q)
    starts = [s for s, _ in sentences]

    def sent_of(pos: int) -> int:
        import bisect
        return max(0, bisect.bisect_right(starts, pos) - 1)

    best = min(found, key=lambda p: (abs(sent_of(p) - sent_idx), p))
    return best, best + len(q)


def basil(folder: Path, n_errors: int = 0) -> dict:
    import pandas as pd

    import framelens

    arts = pd.read_csv(folder / "articles.csv")
    spans = pd.read_csv(folder / "spans.csv")
    arts = arts[arts.text.notna()].reset_index(drop=True)
    texts = arts.text.tolist()
    t0 = time.time()
    preds = loaded_spans(texts)
    seconds = time.time() - t0
    gold: list[list[dict]] = [[] for _ in texts]
    inf: list[list[tuple[int, int]]] = [[] for _ in texts]
    by_uuid = {u: i for i, u in enumerate(arts.article_uuid)}
    not_found = 0
    sentences: dict[int, list[tuple[int, int]]] = {}
    for r in spans.itertuples():
        i = by_uuid.get(r.article_uuid)
        if i is None or not isinstance(r.txt, str):
            not_found += r.bias == "lex"
            continue
        m = re.match(r"p(\d+)$", str(getattr(r, "span_id", "")))
        if i not in sentences:
            sentences[i] = framelens.segment(texts[i]).sentences
        sents = sentences[i]
        loc = locate(texts[i], r.txt, int(m.group(1)) if m else None, sents)
        if loc is None:
            not_found += r.bias == "lex"
            continue
        if r.bias == "lex":
            gold[i].append({"span": loc, "aim": getattr(r, "aim", None), "polarity": getattr(r, "polarity", None),
                            "quote": getattr(r, "quote", None), "outlet": arts.source[i] if "source" in arts else None,
                            "txt": r.txt})
        else:
            inf[i].append(loc)
    units = []
    pack_pred: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cat_pred: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pack_gold: Counter = Counter()
    attr: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    on_inf = 0
    voice = Counter()
    fps: Counter = Counter()
    per_entry: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for i in range(len(texts)):
        g = gold[i]
        p = preds[i]
        p_ok = [any(overlaps((s["start"], s["end"]), x["span"]) for x in g) for s in p]
        g_ok = [any(overlaps((s["start"], s["end"]), x["span"]) for s in p) for x in g]
        units.append((sum(p_ok), len(p), sum(g_ok), len(g)))
        for s, ok in zip(p, p_ok):
            pack_pred[s["pack"]][0] += ok
            pack_pred[s["pack"]][1] += 1
            cat_pred[s["category"]][0] += ok
            cat_pred[s["category"]][1] += 1
            voice[(s["voice"], bool(ok))] += 1
            per_entry[s["entry"].split("@")[0] + ":" + s["entry"].split(":")[-1]][0] += ok
            per_entry[s["entry"].split("@")[0] + ":" + s["entry"].split(":")[-1]][1] += 1
            if not ok:
                fps[(s["entry"], s["text"].lower())] += 1
                on_inf += any(overlaps((s["start"], s["end"]), x) for x in inf[i])
        for x, ok in zip(g, g_ok):
            for key in ("aim", "polarity", "quote", "outlet"):
                attr[key][str(x[key])][0] += ok
                attr[key][str(x[key])][1] += 1
            if ok:
                for pk in {s["pack"] for s in p if overlaps((s["start"], s["end"]), x["span"])}:
                    pack_gold[pk] += 1
            else:
                misses.append(x["txt"])
    u = np.array(units, dtype=float)
    tot = u.sum(axis=0)
    P, R, F = prf(*tot)
    res = {"articles": len(texts), "gold_lex_spans": int(tot[3]), "lex_spans_not_located": int(not_found),
           "predicted": int(tot[1]), "precision": P, "recall": R, "f1": F, "ci95": bootstrap(u),
           "predicted_on_inf_span_only": int(on_inf), "analysis_seconds": round(seconds, 1),
           "per_pack": {k: {"predicted": v[1], "correct": v[0], "precision": v[0] / v[1] if v[1] else 0.0,
                            "gold_recalled": int(pack_gold[k])} for k, v in sorted(pack_pred.items())},
           "per_category": {k: {"predicted": v[1], "correct": v[0], "precision": v[0] / v[1] if v[1] else 0.0}
                            for k, v in sorted(cat_pred.items())},
           "recall_by": {k: {a: {"gold": b[1], "recalled": b[0], "recall": b[0] / b[1] if b[1] else 0.0}
                             for a, b in sorted(v.items())} for k, v in attr.items()},
           "per_entry": {k: {"predicted": v[1], "correct": v[0]} for k, v in sorted(per_entry.items())},
           "predicted_by_voice": {f"{k[0]}/{'correct' if k[1] else 'wrong'}": n for k, n in sorted(voice.items())}}
    print(f"BASIL ({folder}): {len(texts)} articles, {res['gold_lex_spans']} lexical-bias spans located "
          f"({not_found} not found), {res['predicted']} predicted loaded spans ({seconds:.1f} s)")
    ci = res["ci95"]
    print(f"  overlap precision {P:.3f} ({ci['precision'][0]:.3f}-{ci['precision'][1]:.3f})  "
          f"recall {R:.3f} ({ci['recall'][0]:.3f}-{ci['recall'][1]:.3f})  "
          f"F1 {F:.3f} ({ci['f1'][0]:.3f}-{ci['f1'][1]:.3f})")
    print(f"  wrong predictions that overlap an informational-bias span instead: {on_inf}")
    print("  per pack: predicted, correct, precision, gold spans recalled")
    for k, v in res["per_pack"].items():
        print(f"    {k:22s} {v['predicted']:5d} {v['correct']:5d}  {v['precision']:.3f}  {v['gold_recalled']:4d}")
    print("  per category (pack:category): predicted, correct, precision")
    for k, v in sorted(res["per_category"].items(), key=lambda kv: -kv[1]["predicted"]):
        print(f"    {k:44s} {v['predicted']:5d} {v['correct']:5d}  {v['precision']:.3f}")
    for key, v in res["recall_by"].items():
        print(f"  recall by {key}: " + ", ".join(f"{a} {b['recalled']}/{b['gold']}" for a, b in v.items()))
    if n_errors:
        print(f"  most frequent wrong predictions (entry, text: n), top {n_errors}:")
        for (e, t), n in fps.most_common(n_errors):
            print(f"    {n:3d}  {e}  {t!r}")
        print("  entries with the most predictions (pack:entry predicted/correct): " + ", ".join(
            f"{k} {v[1]}/{v[0]}" for k, v in sorted(per_entry.items(), key=lambda kv: -kv[1][1])[:3 * n_errors]))
        print(f"  missed gold spans (first {n_errors}): " + " | ".join(misses[:n_errors]))
    return res


# ----------------------------------------------------------------------------------------------- BABE

_TOK = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")


def babe(path: Path) -> dict:
    import pandas as pd

    d = pd.read_csv(path)
    d = d[d.label_bias.isin(["Biased", "Non-biased"])].reset_index(drop=True)
    texts = d.text.astype(str).tolist()
    preds = loaded_spans(texts)
    units = []
    for text, bw, p in zip(texts, d.biased_words, preds):
        words = ast.literal_eval(bw) if isinstance(bw, str) and bw.startswith("[") else []
        gold_words = {fold(w).strip() for w in words}
        tp = n_pred = n_gold = 0
        for m in _TOK.finditer(text):
            g = fold(m.group()) in gold_words
            hit = any(overlaps((m.start(), m.end()), (s["start"], s["end"])) for s in p)
            n_gold += g
            n_pred += hit
            tp += g and hit
        units.append((tp, n_pred, tp, n_gold))
    u = np.array(units, dtype=float)
    tot = u.sum(axis=0)
    P, R, F = prf(*tot)
    res = {"sentences": len(texts), "gold_tokens": int(tot[3]), "predicted_tokens": int(tot[1]),
           "precision": P, "recall": R, "f1": F, "ci95": bootstrap(u)}
    ci = res["ci95"]
    print(f"BABE biased words ({len(texts)} sentences, {res['gold_tokens']} marked tokens, "
          f"{res['predicted_tokens']} predicted): P {P:.3f} ({ci['precision'][0]:.3f}-{ci['precision'][1]:.3f})  "
          f"R {R:.3f} ({ci['recall'][0]:.3f}-{ci['recall'][1]:.3f})  F1 {F:.3f}")
    return res


# ------------------------------------------------------------------------------------------ hand-coded

def read_handcoded(path: Path = HANDCODED) -> list[dict]:
    """Rows of the hand-coded set: id, direction, text, expected (list of (start, end))."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            exp = []
            for part in (r["expected"] or "").split("|"):
                part = part.strip()
                if not part:
                    continue
                pos = r["text"].find(part)
                if pos < 0:
                    raise ValueError(f"{path}: row {r['id']}: expected span {part!r} not in its text")
                exp.append((pos, pos + len(part)))
            rows.append({"id": r["id"], "direction": r["direction"], "text": r["text"], "expected": exp})
    return rows


def handcoded(path: Path = HANDCODED, show: bool = False) -> dict:
    rows = read_handcoded(path)
    preds = loaded_spans([r["text"] for r in rows])
    by_dir: dict[str, list] = defaultdict(list)
    for r, p in zip(rows, preds):
        ps = [(s["start"], s["end"]) for s in p]
        unit = (sum(any(overlaps(a, b) for b in r["expected"]) for a in ps), len(ps),
                sum(any(overlaps(b, a) for a in ps) for b in r["expected"]), len(r["expected"]))
        by_dir[r["direction"]].append(unit)
        if show and (unit[0] < unit[1] or unit[2] < unit[3]):
            print(f"    {r['id']}: expected {[r['text'][a:b] for a, b in r['expected']]} "
                  f"got {[r['text'][a:b] for a, b in ps]}")
    out = {}
    allu = np.array([u for v in by_dir.values() for u in v], dtype=float)
    P, R, F = prf(*allu.sum(axis=0))
    out["all"] = {"sentences": len(rows), "expected": int(allu[:, 3].sum()), "predicted": int(allu[:, 1].sum()),
                  "precision": P, "recall": R, "f1": F}
    for k, v in sorted(by_dir.items()):
        a = np.array(v, dtype=float).sum(axis=0)
        p, r, f = prf(*a)
        out[k] = {"sentences": len(v), "expected": int(a[3]), "predicted": int(a[1]), "precision": p, "recall": r,
                  "f1": f}
    print(f"hand-coded set ({path.name}): " + "; ".join(
        f"{k}: n={v['sentences']} P {v['precision']:.3f} R {v['recall']:.3f} ({v['predicted']} pred, "
        f"{v['expected']} expected)" for k, v in out.items()))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--basil", type=Path, default=SHARED / "basil", help="folder with articles.csv and spans.csv")
    ap.add_argument("--babe", type=Path, default=SHARED / "babe" / "final_labels_SG2.csv")
    ap.add_argument("--handcoded", type=Path, default=HANDCODED)
    ap.add_argument("--only", choices=["basil", "babe", "handcoded"], action="append",
                    help="run only these parts (repeatable)")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent wrong and missed BASIL spans")
    ap.add_argument("--show", action="store_true", help="print the hand-coded rows that differ")
    ap.add_argument("--json", default=None, help="write the results as JSON")
    args = ap.parse_args(argv)
    import framelens

    parts = args.only or ["basil", "babe", "handcoded"]
    res: dict = {"framelens": framelens.__version__}
    if "basil" in parts:
        if not (args.basil / "spans.csv").exists():
            print(f"BASIL not found at {args.basil} (see ../shared/datasets/README.md)", file=sys.stderr)
            return 4
        res["basil"] = basil(args.basil, args.errors)
    if "babe" in parts:
        if not args.babe.exists():
            print(f"BABE not found at {args.babe}", file=sys.stderr)
            return 4
        res["babe"] = babe(args.babe)
    if "handcoded" in parts and args.handcoded.exists():
        res["handcoded"] = handcoded(args.handcoded, args.show)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
