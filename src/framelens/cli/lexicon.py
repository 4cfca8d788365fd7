"""framelens lexicon: list, show, validate and explain lexicon packs; suggest new entries."""

from __future__ import annotations

import argparse
import sys

from ..errors import LexiconError
from . import EXIT_FAILED, EXIT_OK, EXIT_USAGE

HELP = "list, show, validate and explain lexicon packs (and suggest new entries)"
EXAMPLES = """\
examples:
  framelens lexicon list
      every shipped pack: name, version, kind, entries, license
  framelens lexicon show immigration
      the pack's sources and entries (id, term, category, severity, group, alternatives)
  framelens lexicon show immigration --entry illegal_alien
      one entry in full, with its citation
  framelens lexicon validate my_terms.csv
      check a pack; every problem is listed as file:line: field: message (exit 4 if any)
  framelens lexicon explain "Officials slammed the criminal illegal aliens, allegedly."
      which entries fire on a sentence, and why (voice, stacking, look-alike rules)
  framelens lexicon suggest corpus.jsonl --out candidates.csv
      rank candidate new entries (word-level bias model + keyness) for you to review

A quick CSV pack needs only two columns:
  term,category
  border jumpers,person_label
Use it with: framelens analyze corpus/ --lexicon my_terms.csv
"""


def add_parser(sub):
    p = sub.add_parser("lexicon", help=HELP, description=HELP, epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    s = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    s.add_parser("list", help="list the shipped packs (and any given with --lexicon)").add_argument(
        "--lexicon", action="append", default=[], metavar="FILE")
    sh = s.add_parser("show", help="show a pack's metadata and entries")
    sh.add_argument("name", help="a shipped pack name or a file")
    sh.add_argument("--entry", metavar="ID", help="show one entry in full")
    v = s.add_parser("validate", help="validate pack files; lists every problem as file:line: field: message")
    v.add_argument("files", nargs="+", metavar="FILE")
    ex = s.add_parser("explain", help="show which entries fire on a text, and why")
    ex.add_argument("text", help="the sentence(s) to explain (use - to read stdin)")
    ex.add_argument("--lexicon", action="append", default=[], metavar="FILE|NAME")
    ex.add_argument("--no-default-lexicons", action="store_true")
    from .suggest import add_suggest_parser

    add_suggest_parser(s)
    return p


def _pack(name):
    from ..lexicon import _resolve, load_lexicon

    return load_lexicon(_resolve(name))


def run(args) -> int:
    cmd = getattr(args, "lexicon_command", None)
    if cmd is None:
        print("framelens lexicon: choose an action: list, show, validate, explain (see --help)", file=sys.stderr)
        return EXIT_USAGE
    if cmd == "suggest":
        from .suggest import run_suggest

        return run_suggest(args)
    return {"list": _list, "show": _show, "validate": _validate, "explain": _explain}[cmd](args)


def _list(args) -> int:
    from ..lexicon import load_lexicons

    packs = load_lexicons(args.lexicon)
    print(f"{'name':<14} {'version':<8} {'kind':<12} {'entries':>7}  license")
    for lx in packs:
        counted = sum(1 for e in lx.entries if e.role != "stop")
        print(f"{lx.name:<14} {lx.version:<8} {lx.kind:<12} {counted:>7}  {lx.license}")
    return EXIT_OK


def _show(args) -> int:
    lx = _pack(args.name)
    if args.entry:
        e = lx.get(args.entry)
        if e is None:
            print(f"framelens: error: no entry {args.entry!r} in {lx.ref}", file=sys.stderr)
            return EXIT_USAGE
        print(f"{lx.entry_ref(e)}  ({lx.path}:{e.line})")
        for k in ("term", "category", "severity", "group", "targets", "stance", "role", "case"):
            v = getattr(e, k)
            if v not in (None, ""):
                print(f"  {k}: {v}")
        for k in ("alternatives", "stacks_onto"):
            if getattr(e, k):
                print(f"  {k}: {', '.join(getattr(e, k))}")
        for k in ("not_followed_by", "not_preceded_by", "followed_by"):
            if getattr(e, k):
                print(f"  {k}: {', '.join(sorted(getattr(e, k)))}")
        print(f"  matches: {', '.join(e.phrases)}")
        if e.notes:
            print(f"  notes: {e.notes}")
        for s in e.source:
            print(f"  source [{s}]: {lx.source_citation(s)}")
        return EXIT_OK
    print(f"{lx.ref}  kind={lx.kind}  language={lx.language}  license={lx.license}")
    print(f"file: {lx.path}")
    if lx.description:
        print(f"\n{lx.description}\n")
    print("sources:")
    for s in lx.sources:
        print(f"  [{s['id']}] {s['citation']}" + (f" <{s['url']}>" if s.get("url") else ""))
    print(f"\nentries ({len(lx.entries)}):")
    for e in lx.entries:
        extra = []
        if lx.kind == "report_verb" and e.stance:
            extra.append(f"stance={e.stance}")
        if e.group:
            extra.append(f"group={e.group}")
        if e.role != "term":
            extra.append(f"role={e.role}")
        alts = f"  -> {'; '.join(e.alternatives)}" if e.alternatives else ""
        print(f"  {e.id:<32} {e.term!s:<36} {e.category:<22} sev={e.severity} {' '.join(extra)}{alts}")
    return EXIT_OK


def _shadowed_by_shipped(lx):
    """The entries of pack ``lx`` that a shipped pack shadows when both are loaded (shipped packs come first)."""
    from ..lexicon import load_lexicons
    from ..text.matcher import find_shadowed

    shipped = [s for s in load_lexicons() if s.name != lx.name]
    return [sh for sh in find_shadowed([*shipped, lx]) if sh.lexicon is lx]


def _validate(args) -> int:
    from ..lexicon import load_lexicon

    problems = []
    for f in args.files:
        try:
            lx = load_lexicon(f)
            shadowed = _shadowed_by_shipped(lx)
            more = f", {len(shadowed)} shadowed by shipped packs" if shadowed else ""
            print(f"{f}: ok ({lx.ref}, kind {lx.kind}, {len(lx.entries)} entries{more})")
            for sh in shadowed:
                print(f"framelens: warning: {sh.message()}", file=sys.stderr)
        except LexiconError as exc:
            problems.extend(exc.problems)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"framelens: {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _explain(args) -> int:
    from ..text.matcher import get_matcher
    from ..text.segmentation import segment

    text = sys.stdin.read() if args.text == "-" else args.text
    matcher = get_matcher(args.lexicon, not args.no_default_lexicons)
    seg = segment(text)
    hits = matcher.match(text, seg)
    if not hits:
        print("no lexicon entry fires on this text")
        return EXIT_OK
    for h in hits:
        e = h.entry
        voice = seg.voice_at(h.start)
        print(f"[{h.start}:{h.end}] {text[h.start:h.end]!r}")
        print(f"    {h.kind} <- {h.ref} (term {e.term!r}, category {e.category})")
        why = [f"voice: {voice}" + (" (inside a quotation)" if voice == "quoted" else " (reporter's own words)")]
        if h.use == "mention":
            why.append("use: mention (the term is talked about as a word, so it is not counted)")
        if h.kind == "loaded_term":
            sev = f"severity {h.severity}"
            if h.stack:
                sev += f" = {e.severity} ({e.id}) + " + " + ".join(f"{m.severity} ({m.id})" for m in h.stack) + " stacked"
            if h.severity == 0:
                sev += " (neutral_term: counted for term choice only)"
            why.append(sev)
            if getattr(h, "sense", None):
                why.append(f"read as: {h.sense} (context rule)")
            if getattr(h, "modifiers", None):
                why.append("modifiers inside the label: " + ", ".join(h.modifiers))
            if e.group:
                why.append(f"referent group: {e.group}")
            if e.alternatives:
                why.append(f"neutral alternatives: {'; '.join(e.alternatives)}")
        if e.stance:
            why.append(f"stance: {e.stance}")
        rules = []
        if e.not_followed_by:
            rules.append("not followed by " + "/".join(sorted(e.not_followed_by)))
        if e.not_preceded_by:
            rules.append("not preceded by " + "/".join(sorted(e.not_preceded_by)))
        if e.followed_by:
            rules.append("must be followed by " + "/".join(sorted(e.followed_by)))
        if e.case == "lower":
            rules.append("only in lower case")
        if rules:
            why.append("look-alike rules passed: " + "; ".join(rules))
        if e.source:
            why.append("source: " + "; ".join(f"{s}" for s in e.source))
        for w in why:
            print(f"    {w}")
    return EXIT_OK
