"""``framelens lexicon suggest``: candidate lexicon entries for a researcher to review.

The ``lexicon`` command belongs to framelens.cli.lexicon; it mounts this
subcommand with ``add_suggest_parser(subparsers)`` and dispatches to
``run_suggest(args)``.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import ConfigError

HELP = "rank candidate new lexicon entries (word-level model + keyness) as a CSV quick list to review"
EXAMPLES = """\
examples:
  framelens lexicon suggest corpus.jsonl --out candidates.csv
      words that look like loaded terms in context (model trained on the shipped packs' hits)
  framelens lexicon suggest coded.csv --label-col bias --positive biased --out candidates.csv
      adds keyness: words overused in sentences coded 'biased' against the rest
  framelens lexicon suggest outlet_a/ --reference outlet_b/ --top 100 --category outlet_a_terms
  framelens lexicon suggest babe.csv --label-col label_bias --positive Biased --biased-words-col biased_words

then: open the CSV, delete the rows you reject, fill in category/severity/alternatives, and use it:
  framelens analyze corpus/ --lexicon candidates.csv

the CSV (quick-list format): term,category,severity,group,alternatives,notes - the notes say
why each term was suggested (P(bias), counts, G2). Nothing is added to any pack automatically.
"""


def add_suggest_parser(subparsers):
    from ._common import add_input_args

    p = subparsers.add_parser("suggest", help=HELP, description=HELP, epilog=EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    p.add_argument("--reference", nargs="+", default=None, metavar="PATH",
                   help="reference texts for keyness (files/folders read like the corpus)")
    p.add_argument("--label-col", default=None, metavar="NAME",
                   help="a label field of the corpus: keyness of --positive texts against the rest")
    p.add_argument("--positive", default=None, metavar="VALUE", help="the label value of the target texts")
    p.add_argument("--biased-words-col", default=None, metavar="NAME",
                   help="a field listing words annotators marked as biased: trains the word-level model on them")
    p.add_argument("--top", type=int, default=50, help="number of candidates (default 50)")
    p.add_argument("--min-count", type=int, default=3, help="minimum occurrences in the target texts (default 3)")
    p.add_argument("--max-ngram", type=int, default=2, choices=[1, 2, 3], help="longest phrase in words (default 2)")
    p.add_argument("--category", default="candidate", help="category written into the CSV (default: candidate)")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE|NAME",
                   help="extra pack: its terms are known (not suggested) and used as features (repeatable)")
    p.add_argument("--no-default-lexicons", action="store_true", help="use only the packs given with --lexicon")
    p.add_argument("--out", default="-", metavar="FILE", help="CSV to write (default: - for stdout)")
    p.add_argument("--scores", action="store_true",
                   help="add the score columns (score, keyness, log_ratio, p_bias, count, ref_count, example) for "
                        "review; delete them before loading the file as a lexicon")
    return p


def _parse_words(value) -> list[str]:
    import ast

    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    s = str(value).strip()
    if s.startswith("["):
        try:
            v = ast.literal_eval(s)
            return [str(x) for x in v] if isinstance(v, (list, tuple)) else []
        except (ValueError, SyntaxError):
            pass
    return [w.strip() for w in s.replace(";", ",").split(",") if w.strip()]


def run_suggest(args) -> int:
    from . import EXIT_FAILED, EXIT_OK
    from ._common import read_documents
    from ..io.corpus import Corpus
    from ..io.atomic import atomic_write_text
    from ..classify.wordlevel import suggest_terms

    if (args.label_col is None) != (args.positive is None):
        raise ConfigError("--label-col and --positive go together")
    if args.top < 1 or args.min_count < 1:
        raise ConfigError("--top and --min-count must be at least 1")
    got = read_documents(args, "rank")
    if got is None:
        return EXIT_FAILED
    docs, _ = got
    texts = [d.text for d in docs]
    labels = None
    if args.label_col:
        labels = [d.get(args.label_col) for d in docs]
        if all(v is None for v in labels):
            raise ConfigError(f"no document has a field {args.label_col!r}")
    biased = [_parse_words(d.get(args.biased_words_col)) for d in docs] if args.biased_words_col else None
    reference = None
    if args.reference:
        ref = Corpus(args.reference, columns={"text": args.text_col}, errors="skip", encoding=args.encoding)
        reference = [d.text for d in ref]
    df = suggest_terms(texts, reference=reference, labels=labels, positive=args.positive, biased_words=biased,
                       lexicons=tuple(args.lexicon), default_lexicons=not args.no_default_lexicons,
                       max_ngram=args.max_ngram, min_count=args.min_count, top=args.top, category=args.category)
    cols = ["term", "category", "severity", "group", "alternatives", "notes"]
    if args.scores:
        cols += ["score", "keyness", "log_ratio", "p_bias", "count", "ref_count", "example"]
    from ..io.safecsv import write_csv

    text = write_csv(df[cols], None, float_format="%.4f")
    if args.out == "-":
        sys.stdout.write(text)
    else:
        atomic_write_text(args.out, text)
        print(f"framelens: {len(df)} candidate(s) -> {args.out} (review them before use)", file=sys.stderr)
    return EXIT_OK
