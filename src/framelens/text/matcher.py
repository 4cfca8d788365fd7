"""One-pass lexicon matching with exact offsets, look-alike rules, stacking and mention detection.

All entries of all packs are compiled into one Aho-Corasick automaton
(pyahocorasick), which scans the lower-cased text once. Matching rules
(docs/methods.md, "Matching rules"):

* case-insensitive; whole words only (the characters around a match are not letters or digits);
* multi-word terms match across a space, a hyphen or a single line break
  (``illegal-immigrant``, ``illegal\\nimmigrant``); repeated spaces, tabs, NBSP
  and CRLF between words are treated as one space; curly and straight
  apostrophes are the same;
* inflections are expanded from each entry when the pack is loaded;
* look-alike rules of an entry (``not_followed_by``, ``not_preceded_by``,
  ``followed_by``, ``case: lower``) and stop phrases (``role: stop``) remove
  false hits; within one span kind the longest match wins and nothing is
  counted twice (stop phrases compete too and are then dropped);
* stackable modifiers (``role: modifier``) directly before a head hit of a
  category they stack onto merge with it into one hit of summed severity;
* an entry with ``gaps`` also matches with up to that many label modifiers after
  its first word ("illegal juvenile immigrants": one hit, ``modifiers`` =
  ("juvenile",)); modifier entries among them stack as they do before the label;
* context rules of an entry (``context:``) change the reading of one match:
  dropped (another sense) or a severity for that context, with the rule's
  ``sense`` recorded (:mod:`framelens.text.senses`);
* a hit that is the whole content of a quotation introduced as a word ("the
  term 'illegal alien'"), that directly follows "the term/word/phrase/label",
  or that is a label declined ("did not call them illegal aliens") is a
  *mention*, not a use.
"""

from __future__ import annotations

import bisect
import functools
import logging
import os
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..lexicon import Entry, Lexicon
from . import senses

log = logging.getLogger("framelens")

__all__ = ["Hit", "Matcher", "get_matcher"]

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions trillion dozen dozens half a an".split()
)
_ODD_WS = ("\xa0", "  ", "\t", "\r", "\u2010", "\u2011", " \n", "\n ", "\u2009", "\u202f", "\u2007", "\u200a")
_NORM_RE = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\r\n]{2,}|[\t\xa0\u2000-\u200a\u202f\r]|[\u2010\u2011]")
_META_CUE_RE = re.compile(
    r"\b(?:term|terms|word|words|phrase|phrases|label|labels|expression|expressions|name|names|called|calls|call|"
    r"calling|dubbed|dubs|describes?|described|known as|use of|using|used|uses|say|saying|says|said)\W*$"
)
_UNQUOTED_META_RE = re.compile(r"\bthe (?:term|word|phrase|label|expression|words|terms)\s*$")
_OPEN_PUNCT = " \"“‘'([«—–-"
_META_NOUNS = ("term", "word", "phrase", "label", "expression", "words", "terms")


@dataclass(frozen=True)
class Hit:
    """A lexicon match in the original text."""

    start: int
    end: int
    lexicon: Lexicon
    entry: Entry
    severity: int
    stack: tuple[Entry, ...] = ()
    use: str = "use"
    #: label modifiers inside the match, as written ("juvenile" in "illegal juvenile immigrants")
    modifiers: tuple[str, ...] = ()
    #: the ``sense`` of the entry's context rule that decided this match's severity, or None
    sense: str | None = None

    @property
    def kind(self) -> str:
        return self.lexicon.kind

    @property
    def ref(self) -> str:
        return self.lexicon.entry_ref(self.entry)


def _new_hit(start, end, lexicon, entry, severity, stack, use, modifiers=(), sense=None) -> Hit:
    """Build a :class:`Hit` without the frozen-dataclass ``__init__`` (one ``object.__setattr__`` per
    field); the matcher makes one per hit, tens of thousands per megabyte. Same object, same fields."""
    h = object.__new__(Hit)
    h.__dict__.update(start=start, end=end, lexicon=lexicon, entry=entry, severity=severity, stack=stack, use=use,
                      modifiers=modifiers, sense=sense)
    return h


def _key(phrase: str) -> str:
    """The automaton key of a normalised phrase (see ``Matcher._prepare`` for the text side)."""
    return phrase.replace("-", " ").replace("’", "'")


#: shadowing warnings already logged by this process (see ``Matcher.__init__``)
_WARNED: set[str] = set()


@dataclass(frozen=True)
class Shadow:
    """An entry that never matches on its term: an earlier pack already has that term, for the same kind.

    On the same words the earlier pack's entry wins (ties go to pack order: shipped packs first), so
    ``entry`` of ``lexicon`` scores no hit; ``by``/``by_lexicon`` is the entry that wins.
    """

    lexicon: Lexicon
    entry: Entry
    by_lexicon: Lexicon
    by: Entry
    #: forms of ``entry`` that no earlier entry holds (a quick list's unlikely inflections, e.g. "thugged")
    free_forms: tuple[str, ...] = ()

    def message(self) -> str:
        """``file:line: term 'X' is already in shipped pack 'P' (entry id E): ...`` with what to do."""
        where = f"{self.lexicon.path or self.lexicon.name}:{self.entry.line or 1}"
        shipped = _is_shipped(self.by_lexicon)
        pack = f"{'shipped ' if shipped else ''}pack {self.by_lexicon.name!r}"
        fix = ("remove it from your list (the shipped entry already counts it), or use --no-default-lexicons "
               "with your own copy of the pack to change its category" if shipped else
               "remove it from one of the two packs")
        never = "this entry will never match" + (
            f" (except as {', '.join(repr(f) for f in self.free_forms)})" if self.free_forms else "")
        return (f"{where}: term {self.entry.term!r} is already in {pack} (entry id {self.by.id}, category "
                f"{self.by.category!r}): {never}; {fix}")


def _is_shipped(lex: Lexicon) -> bool:
    from .._resources import lexicon_dir

    if not lex.path:
        return False
    return os.path.dirname(os.path.abspath(lex.path)) == os.path.abspath(str(lexicon_dir()))


def find_shadowed(lexicons: Sequence[Lexicon]) -> list[Shadow]:
    """Entries whose term is held, for the same kind, by an entry of an earlier pack (see :class:`Shadow`).

    Mirrors the matcher's rule for identical extents: the first (pack, entry) in load order wins. An earlier
    entry with look-alike context rules may decline a match, so it is not counted as shadowing.
    """
    from ..lexicon import normalize_phrase

    owner: dict[tuple[str, str], tuple[int, int]] = {}  # (kind, key) -> first (pack, entry) holding it
    out: list[Shadow] = []
    for li, lex in enumerate(lexicons):
        for ei, entry in enumerate(lex.entries):
            if entry.role != "term" or not entry.phrases:
                continue
            keys = [(lex.kind, _key(p)) for p in entry.phrases]
            head = (lex.kind, _key(normalize_phrase(entry.term)))
            if head not in keys:
                head = keys[0]
            first = owner.get(head)
            if first is not None and first[0] < li:  # its own term already belongs to an earlier pack
                free = tuple(p for p, k in zip(entry.phrases, keys) if owner.get(k) is None)
                bl, be = first
                out.append(Shadow(lex, entry, lexicons[bl], lexicons[bl].entries[be], free))
            has_context = bool(entry.not_followed_by or entry.followed_by or entry.not_preceded_by
                               or any(r.then == "drop" for r in entry.context))
            if not has_context:
                for k in keys:
                    owner.setdefault(k, (li, ei))
    return out


class Matcher:
    """Compiled matcher over a list of lexicon packs. Thread-safe for reading; build once, reuse."""

    def __init__(self, lexicons: Sequence[Lexicon]):
        import ahocorasick

        self.lexicons = list(lexicons)
        auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[int, int]]] = {}
        for li, lex in enumerate(self.lexicons):
            for ei, entry in enumerate(lex.entries):
                for phrase in entry.phrases:
                    refs = table.setdefault(_key(phrase), [])
                    if (li, ei) not in refs:
                        refs.append((li, ei))
        infos: dict[str, list[tuple]] = {}
        for key, refs in table.items():
            # each ref carries what the scan loop needs, so it looks nothing up per hit:
            # (lexicon index, entry index, kind, role, context flags: 1 look-alike rules, 2 context rules)
            info = infos[key] = []
            for li, ei in refs:
                lex = self.lexicons[li]
                entry = lex.entries[ei]
                flags = (1 if entry.not_followed_by or entry.followed_by or entry.not_preceded_by else 0) | \
                    (2 if entry.context else 0)
                info.append((li, ei, lex.kind, entry.role, flags))
        # labels with gaps: their first word is a key of its own (role "gap"), whose continuation over label
        # modifiers is checked where it occurs; self._rests[(li, ei)] = {first word: rests, longest first}
        self._rests: dict[tuple[int, int], dict[str, tuple[str, ...]]] = {}
        #: single-word modifier entries by word (a modifier inside a label stacks like one before it)
        self._modifier_words: dict[str, list[tuple[int, int]]] = {}
        for li, lex in enumerate(self.lexicons):
            for ei, entry in enumerate(lex.entries):
                if entry.role == "modifier":
                    for p in entry.phrases:
                        if " " not in p:
                            self._modifier_words.setdefault(_key(p), []).append((li, ei))
                if entry.role != "term" or not entry.gaps:
                    continue
                rests: dict[str, set[str]] = {}
                for p in entry.phrases:
                    first, _, rest = _key(p).partition(" ")
                    if rest:
                        rests.setdefault(first, set()).add(rest)
                for first, rs in rests.items():
                    self._rests.setdefault((li, ei), {})[first] = tuple(sorted(rs, key=lambda r: (-len(r), r)))
                    ref = (li, ei, lex.kind, "gap", 2 if entry.context else 0)
                    if ref not in infos.setdefault(first, []):
                        infos[first].append(ref)
        for key, info in infos.items():
            auto.add_word(key, (len(key), tuple(info)))
        self.n_keys = len(infos)
        self._ctx_cache: dict[int, tuple] = {}  # id(entry) -> compiled look-alike rules (entries live as long)
        if infos:
            auto.make_automaton()
            self._auto = auto
        else:
            self._auto = None
        self.kinds = sorted({lx.kind for lx in self.lexicons})
        #: entries that can never match (their forms belong to an earlier pack's entry of the same kind)
        self.shadowed = find_shadowed(self.lexicons)
        for sh in self.shadowed:
            if not _is_shipped(sh.lexicon):  # the user's packs: the shipped ones are the maintainers' to fix
                msg = sh.message()
                # once per process, however many matchers (runs, sets of packs, jobs) are built from the pack
                if msg not in _WARNED:
                    _WARNED.add(msg)
                    log.warning("%s", msg)

    # -- text preparation ---------------------------------------------------
    @staticmethod
    def _prepare(text: str):
        """Lower-case the text and make word separators uniform, keeping offsets where possible.

        Length-preserving replacements (fast, the common case): a line break and a hyphen become
        a space, a curly apostrophe a straight one, so ``illegal-immigrant`` and
        ``illegal\nimmigrant`` both read ``illegal immigrant``; a blank line becomes two spaces,
        which no phrase crosses. Runs of other white space (repeated spaces, tabs, NBSP, CRLF)
        are collapsed to one space, with an offset map back to the original text.
        """
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        amap = None
        if any(o in low for o in _ODD_WS):
            parts = []
            anchors_norm = [0]
            anchors_orig = [0]
            pos = 0
            npos = 0
            for m in _NORM_RE.finditer(low):
                s, e = m.span()
                run = m.group()
                if run in ("\u2010", "\u2011"):
                    rep = "-"
                elif run.count("\n") >= 2:
                    rep = "\n\n"
                elif "\n" in run:
                    rep = "\n"
                else:
                    rep = " "
                parts.append(low[pos:s])
                npos += s - pos
                parts.append(rep)
                npos += len(rep)
                pos = e
                anchors_norm.append(npos)
                anchors_orig.append(e)
            parts.append(low[pos:])
            low = "".join(parts)
            amap = (anchors_norm, anchors_orig)
        norm = low.replace("\n", " ").replace("-", " ").replace("’", "'")
        return norm, amap

    @staticmethod
    def _to_orig(pos: int, amap) -> int:
        if amap is None:
            return pos
        norm, orig = amap
        i = bisect.bisect_right(norm, pos) - 1
        return orig[i] + (pos - norm[i])

    # -- context --------------------------------------------------------------
    @staticmethod
    def _next_word_at(norm: str, e: int) -> int:
        j = e
        n = len(norm)
        while j < n and norm[j] in " -\n":
            j += 1
        return j

    @staticmethod
    def _starts_word(norm: str, j: int, word: str) -> bool:
        if not norm.startswith(word, j):
            return False
        k = j + len(word)
        return k >= len(norm) or not norm[k].isalnum()

    @staticmethod
    def _words_rx(words) -> re.Pattern | None:
        """One regex that matches at ``j`` iff some word of ``words`` starts a word there
        (``_starts_word`` for any of them: the word, then no letter or digit)."""
        words = sorted((w for w in words if w != "<NUM>"), key=lambda w: (-len(w), w))
        if not words:
            return None
        return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")

    def _context_rx(self, entry: Entry):
        """Compiled look-alike rules of ``entry`` (built once per entry and kept)."""
        got = self._ctx_cache.get(id(entry))
        if got is None:
            got = (self._words_rx(entry.not_followed_by), self._words_rx(entry.followed_by),
                   "<NUM>" in entry.followed_by)
            self._ctx_cache[id(entry)] = got
        return got

    def _context_ok(self, entry: Entry, norm: str, s: int, e: int) -> bool:
        if entry.not_followed_by or entry.followed_by:
            j = self._next_word_at(norm, e)
            not_rx, rx, num = self._context_rx(entry)
            if not_rx is not None and not_rx.match(norm, j):
                return False
            if entry.followed_by:
                ok = rx is not None and rx.match(norm, j) is not None
                if not ok and num:
                    if j < len(norm) and (norm[j].isdigit() or norm[j] in "$£€"):
                        ok = True
                    else:
                        m = re.match(r"[a-z]+", norm[j:j + 12])
                        ok = bool(m) and m.group() in NUMBER_WORDS
                if not ok:
                    return False
        if entry.not_preceded_by:
            i = s
            while i > 0 and norm[i - 1] in " -\n":
                i -= 1
            for w in entry.not_preceded_by:
                b = i - len(w)
                if b >= 0 and norm.startswith(w, b) and (b == 0 or not norm[b - 1].isalnum()):
                    return False
        return True

    @staticmethod
    def _lower_ok(text: str, s: int, seg) -> bool:
        c = text[s]
        if not c.isalpha() or c.islower():
            return True
        if seg is None:
            return s == 0
        si = seg.sentence_at(s)
        if si is None:
            return True
        ss = seg.sentences[si][0]
        return all(ch in _OPEN_PUNCT for ch in text[ss:s])

    @staticmethod
    def _use(text: str, norm: str, s: int, e: int, seg, labels: bool = False) -> str:
        """``use`` or ``mention``; ``labels``: also look for a declined label ("did not call them ...")."""
        if seg is not None:
            q = seg.quote_at(s)
            if q is not None:
                inner = text[q.content_start:q.content_end].strip(" \t\n\"'“”‘’.,;:!?")
                if len(inner) <= (e - s) + 2 and e <= q.content_end:
                    before = norm[max(0, q.start - 40):q.start].rstrip()
                    if _META_CUE_RE.search(before):
                        return "mention"
        before = norm[max(0, s - 20):s]
        # cheap necessary condition first: the regex needs one of these words right before the hit
        if before.rstrip().endswith(_META_NOUNS) and _UNQUOTED_META_RE.search(before):
            return "mention"
        if labels and senses.declined(norm, s):
            return "mention"
        return "use"

    # -- matching -----------------------------------------------------------
    def match(self, text: str, seg=None, kinds: Iterable[str] | None = None) -> list[Hit]:
        """Every hit in ``text``, sorted by offset. ``seg`` (a Segmentation) enables case and mention rules."""
        if self._auto is None or not text:
            return []
        want = set(kinds) if kinds is not None else None
        norm, amap = self._prepare(text)
        n = len(norm)
        stops: list[tuple[int, int]] = []
        lexicons = self.lexicons
        context_ok = self._context_ok
        to_orig = functools.partial(self._to_orig, amap=amap)
        by_kind: dict[str, list] = {}  # kind -> [(start, end, li, ei, role)] in norm coordinates
        extra: dict[tuple[int, int, int, int], tuple] = {}  # candidate -> (label modifiers, context rule)
        for end_idx, (klen, refs) in self._auto.iter(norm):
            s = end_idx - klen + 1
            e = end_idx + 1
            if (s > 0 and norm[s - 1].isalnum()) or (e < n and norm[e].isalnum()):
                continue
            for li, ei, kind, role, flags in refs:
                if role == "stop":
                    stops.append((s, e))
                    continue
                if want is not None and kind not in want:
                    continue
                inside: tuple[str, ...] = ()
                if role == "gap":
                    entry = lexicons[li].entries[ei]
                    got = senses.gap_end(text, norm, e, self._rests[(li, ei)][norm[s:e]], entry.gaps, to_orig)
                    if got is None:
                        continue
                    e_gap, inside = got
                    if entry.not_followed_by or entry.followed_by or entry.not_preceded_by:
                        if not context_ok(entry, norm, s, e_gap):
                            continue
                    role = "term"
                    e_cand = e_gap
                else:
                    e_cand = e
                    if flags & 1 and not context_ok(lexicons[li].entries[ei], norm, s, e):
                        continue
                rule = None
                if flags & 2:
                    rule = senses.first_rule(lexicons[li].entries[ei], text, norm, s, e_cand, to_orig, seg)
                    if rule is not None and rule.then == "drop":
                        continue
                if inside or rule is not None:
                    extra[(s, e_cand, li, ei)] = (inside, rule)
                group = by_kind.get(kind)
                if group is None:
                    group = by_kind[kind] = []
                group.append((s, e_cand, li, ei, role))
        if not by_kind:
            return []
        hits: list[Hit] = []
        for kind, group in by_kind.items():
            heads = [c[:4] for c in group if c[4] != "modifier"]
            mods = [c[:4] for c in group if c[4] == "modifier"]
            # order: start, longest first, a stop phrase before an entry of the same extent, then (lexicon,
            # entry) order (identical extents come from one automaton key, whose refs are in that order)
            items = [(s, s - e, 1, e, li, ei) for s, e, li, ei in heads]
            items += [(s, s - e, 0, e, -1, -1) for s, e in stops]
            items.sort()
            kept = []
            last = -1
            for it in items:
                if it[0] >= last:
                    if it[4] >= 0:
                        kept.append((it[0], it[3], it[4], it[5]))
                    last = it[3]
            # case rule after resolution needs the original text
            final = []
            to_orig = self._to_orig
            for s, e, li, ei in kept:
                entry = lexicons[li].entries[ei]
                if amap is None:
                    os_, oe = s, e
                else:
                    os_, oe = to_orig(s, amap), to_orig(e, amap)
                if entry.case == "lower" and not self._lower_ok(text, os_, seg):
                    continue
                got = extra.get((s, e, li, ei))
                final.append([s, e, li, ei, os_, oe, [], got])
            if mods and final:
                self._stack(final, mods, norm, lexicons, amap)
            use = self._use
            labels = kind == "loaded_term"  # labels are declined ("did not call them ..."), hedges and cues are not
            for s, e, li, ei, os_, oe, stack, got in final:
                lex = lexicons[li]
                entry = lex.entries[ei]
                sev = entry.severity
                inside: tuple[str, ...] = ()
                sense = None
                if got is not None:
                    inside, rule = got
                    if rule is not None:
                        sev, sense = rule.severity, rule.sense
                    for w in inside:  # a stacking modifier inside the label counts as one before it
                        for mli, mei in self._modifier_words.get(w.lower(), ()):
                            me = lexicons[mli].entries[mei]
                            if entry.category in me.stacks_onto and me not in stack:
                                stack.append(me)
                                break
                if stack:
                    sev += sum(m.severity for m in stack)
                hits.append((os_, -oe, kind, len(hits),
                             _new_hit(os_, oe, lex, entry, sev, tuple(stack), use(text, norm, s, e, seg, labels), inside,
                                      sense)))
        hits.sort()
        return [h[4] for h in hits]

    def _stack(self, final, mods, norm, lexicons, amap) -> None:
        mods = sorted(mods, key=lambda t: (t[1], -(t[1] - t[0])))
        ends: dict[int, list] = {}
        for m in mods:
            ends.setdefault(m[1], []).append(m)
        starts_taken = [(f[0], f[1]) for f in final]
        for f in final:
            head_entry = lexicons[f[2]].entries[f[3]]
            while True:
                j = f[0]
                # separators between modifier and head: one space, hyphen or line break
                i = j
                while i > 0 and norm[i - 1] in " -\n" and j - i < 2:
                    i -= 1
                if i == j:
                    break
                cands = ends.get(i, [])
                mod = None
                for m in cands:
                    me = lexicons[m[2]].entries[m[3]]
                    if head_entry.category in me.stacks_onto and not any(a < m[1] and m[0] < b for a, b in starts_taken if (a, b) != (f[0], f[1])):
                        mod = m
                        break
                if mod is None:
                    break
                f[6].insert(0, lexicons[mod[2]].entries[mod[3]])
                f[0] = mod[0]
                f[4] = self._to_orig(mod[0], amap)


@functools.lru_cache(maxsize=16)
def _cached(key: tuple) -> Matcher:
    from ..lexicon import load_lexicons

    specs, defaults = key
    return Matcher(load_lexicons(list(specs), defaults=defaults))


def get_matcher(specs: Iterable[str] = (), defaults: bool = True) -> Matcher:
    """A shared, cached matcher for the shipped packs (if ``defaults``) plus ``specs``."""
    return _cached((tuple(specs), bool(defaults)))
