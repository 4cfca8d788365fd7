"""Context rules of lexicon entries (word sense), and the word list of label-internal modifiers.

A *context rule* says how the reading of an entry changes in a given context: "offender" next to
"drug" or "first-time" is the neutral term of art of criminal justice; "flood" before "waters" is
water; "Alien" inside a capitalised statute name is the law's name. Rules are declared per entry in
the pack (``context:``, docs/lexicon-format.md) and validated with the rest of the pack; the matcher
(:mod:`framelens.text.matcher`) evaluates them. The format is deliberately small and declarative, in
the spirit of spaCy's token-pattern attributes and of Wiebe-style contextual polarity rules: a few
conditions on the words around the match, and one effect.

The *label modifiers* (``lexicons/label_modifiers.txt``) are the adjectives that may stand inside a
referent label without changing its referent ("illegal *juvenile* immigrants"); nationality
adjectives are recognised by their form as well (see :func:`is_label_modifier`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from .._resources import lexicon_dir
from ..errors import LexiconError

__all__ = ["ContextRule", "parse_context", "RULE_KEYS", "THEN", "label_modifiers", "is_label_modifier",
           "MAX_GAPS", "MAX_WINDOW"]

#: what a rule may do: ``drop`` (the match is another sense: no span), ``neutral`` (severity 0)
THEN = ("drop", "neutral")
#: keys of one rule
RULE_KEYS = ("sense", "form", "followed_by", "preceded_by", "near", "window", "name", "then", "severity", "note")
_CONDITIONS = ("form", "followed_by", "preceded_by", "near", "name")
MAX_GAPS = 2
MAX_WINDOW = 10
DEFAULT_WINDOW = 4
_SENSE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ContextRule:
    """One context rule of an entry: conditions (all must hold) and an effect.

    Conditions: ``form`` (the matched words, normalised, are one of these forms: "terrorist" but not
    "terrorists"), ``followed_by`` (the words right after the match start with one of these phrases;
    ``<NUM>`` is any number), ``preceded_by`` (the words right before the match end with one of
    these), ``near`` (one of these words or phrases within ``window`` words before or after the
    match, in the same sentence), ``name`` (the match is written as part of a capitalised name:
    "Alien Enemies Act", "the War on Drugs"). Effect: ``then == "drop"`` (no span: another sense of
    the word), else the span's severity becomes ``severity`` (0: a neutral use, emitted as a
    ``neutral_term``). ``sense`` names the reading; it is recorded on the span.
    """

    sense: str
    then: str  # "drop" or "severity"
    severity: int | None = None
    form: frozenset[str] = frozenset()
    followed_by: frozenset[str] = frozenset()
    preceded_by: frozenset[str] = frozenset()
    near: tuple[str, ...] = ()
    window: int = DEFAULT_WINDOW
    name: bool = False
    note: str | None = None
    line: int | None = None


def _phrases(value: Any, normalize: Callable[[str], str]) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return [v if v.startswith("<") else normalize(v) for v in value]


def parse_context(raw: Any, where: str, line: int | None, add: Callable[[int | None, str, str], None],
                  normalize: Callable[[str], str]) -> tuple[ContextRule, ...] | None:
    """The rules of one entry's ``context:`` value; problems go to ``add(line, field, message)``.

    Returns ``None`` when there was a problem (every problem of the list is reported)."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        add(line, where, "a list of rules, each a mapping such as {near: [drug], then: neutral, sense: justice_term}")
        return None
    out: list[ContextRule] = []
    ok = True
    for i, r in enumerate(raw):
        field = f"{where}[{i}]"
        if not isinstance(r, dict):
            add(line, field, "each rule is a mapping")
            ok = False
            continue
        rl = r.get("__line__", line)
        lines = r.get("__lines__", {})
        bad = [k for k in r if k not in RULE_KEYS and not k.startswith("__")]
        for k in bad:
            add(lines.get(k, rl), f"{field}.{k}", f"unknown field; allowed: {', '.join(RULE_KEYS)}")
        good = not bad
        sense = r.get("sense")
        if not isinstance(sense, str) or not _SENSE_RE.match(sense):
            add(lines.get("sense", rl), f"{field}.sense", f"{sense!r}: required, a short snake_case name of the "
                "reading (literal, justice_term, name, ...)")
            good = False
        conds = [k for k in _CONDITIONS if k in r]
        if not conds:
            add(rl, field, f"needs at least one condition: {', '.join(_CONDITIONS)}")
            good = False
        lists = {}
        for k in ("form", "followed_by", "preceded_by", "near"):
            if k in r:
                v = _phrases(r[k], normalize)
                if v is None:
                    add(lines.get(k, rl), f"{field}.{k}", "must be a non-empty list of words or phrases")
                    good = False
                lists[k] = v or []
        if any("<NUM>" in lists.get(k, []) for k in ("form", "near", "preceded_by")):
            add(rl, field, "<NUM> is allowed in followed_by only")
            good = False
        window = r.get("window", DEFAULT_WINDOW)
        if "window" in r and "near" not in r:
            add(lines.get("window", rl), f"{field}.window", "only with near")
            good = False
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
            add(lines.get("window", rl), f"{field}.window", f"{window!r}; allowed: an integer 1-{MAX_WINDOW}")
            good = False
        name = r.get("name", False)
        if not isinstance(name, bool) or ("name" in r and name is not True):
            add(lines.get("name", rl), f"{field}.name", f"{name!r}; allowed: true")
            good = False
        then, sev = r.get("then"), r.get("severity")
        if (then is None) == (sev is None):
            add(rl, field, "give exactly one effect: `then: drop`, `then: neutral` or `severity: 0-3`")
            good = False
        elif then is not None and then not in THEN:
            add(lines.get("then", rl), f"{field}.then", f"{then!r}; allowed: {', '.join(THEN)}")
            good = False
        elif sev is not None and (isinstance(sev, bool) or not isinstance(sev, int) or not 0 <= sev <= 3):
            add(lines.get("severity", rl), f"{field}.severity", f"{sev!r}; allowed: an integer 0-3")
            good = False
        note = r.get("note")
        if note is not None and not isinstance(note, str):
            add(lines.get("note", rl), f"{field}.note", "must be text")
            good = False
        if not good:
            ok = False
            continue
        out.append(ContextRule(
            sense=sense, then="drop" if then == "drop" else "severity",
            severity=None if then == "drop" else (0 if then == "neutral" else sev),
            form=frozenset(p.replace("-", " ") for p in lists.get("form", ())), followed_by=frozenset(lists.get("followed_by", ())), preceded_by=frozenset(lists.get("preceded_by", ())),
            near=tuple(lists.get("near", ())), window=window, name=bool(name), note=note, line=rl))
    return tuple(out) if ok else None


# ---------------------------------------------------------------------------
# label modifiers (words allowed inside a referent label)

#: Endings of nationality and regional adjectives ("Honduran", "Salvadoran", "Chinese", "Somali",
#: "Irish"); a capitalised word with one of them counts as a modifier (a rule by form, because a
#: closed list of demonyms is never complete).
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:an|ian|ean|ese|ish|i|ic|ch)$")


@functools.lru_cache(maxsize=None)
def label_modifiers() -> frozenset[str]:
    """The shipped list of label-internal modifiers (``lexicons/label_modifiers.txt``), lower-cased."""
    path = lexicon_dir() / "label_modifiers.txt"
    words = set()
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        w = line.split("#", 1)[0].strip()
        if not w:
            continue
        if not re.fullmatch(r"[a-z][a-z'\-]*", w):
            problems.append(f"{path}:{n}: word: {w!r} is not one lower-case word")
            continue
        words.add(w.replace("-", " "))
    if problems:
        raise LexiconError(problems)
    return frozenset(words)


def is_label_modifier(word: str) -> bool:
    """Whether ``word`` (as written) may stand inside a referent label: a listed adjective
    (``juvenile``, ``young``, ``unaccompanied``), a listed nationality (``Thai``, ``Swiss``), or a
    capitalised word with a nationality ending (``Honduran``, ``Congolese``, ``Somali``)."""
    low = word.lower()
    if low in label_modifiers():
        return True
    return bool(_DEMONYM_RE.match(word))
