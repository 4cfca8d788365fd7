"""One-pass lexicon matching with exact offsets, look-alike rules, stacking and mention detection.

All entries of all packs are compiled into one Aho-Corasick automaton
(``ahocorasick_rs``), which scans the lower-cased text once and returns every
match in one call. Matching rules (docs/methods.md, "Matching rules"):

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

How the work is kept out of the per-hit loop: each automaton key carries a
payload built once with the matcher (most keys: one plain entry, whose hit needs
nothing but a place in its kind's list); each entry's look-alike word lists are
compiled into one regex per rule; the mention rules are first tested once per
document (is there any quotation introduced as a word, any "the term ..."), so
a hit is only looked at closely where one could apply; a plain entry's hit is
its offsets plus fields worked out once per entry; hits are named tuples. The
automaton also holds a few keys of its own, so that the one scan says what
used to take whole-text searches: whether the text has white space to
collapse (then it is normalised with an offset map and scanned again), where
"the term"-like mention cues are, and where the naming words a declined label
needs are ("call", "describ", ...: a label with none shortly before it is not
tested). The text scanned keeps the line breaks of its blank lines where it
can, so that paragraph breaks are not pairs of spaces the scan reports
(:func:`~framelens.text.matcher_text.scanned`); its keys are added in sorted
order (an automaton's states lie in memory as its keys were added). Only the
heads with a modifier hit right before them take the stacking path.

The parts live beside this module: the text side and the scan
(:mod:`~framelens.text.matcher_text`), look-alike rules
(:mod:`~framelens.text.matcher_lookalike`), use or mention and ``case: lower``
(:mod:`~framelens.text.matcher_mentions`), stacking
(:mod:`~framelens.text.matcher_stack`) and shadowed entries
(:mod:`~framelens.text.matcher_shadow`).
"""

from __future__ import annotations

import bisect
import functools
import logging
import operator
from collections import defaultdict
from typing import Iterable, NamedTuple, Sequence

from ..lexicon import Entry, Lexicon
from . import senses
from .matcher_lookalike import NUMBER_WORDS  # noqa: F401  (imported from here by tests)
from .matcher_lookalike import NON_ASCII_NEXT, SEPARATOR_RUN, SEPARATORS, LookAlike
from .matcher_mentions import META_HEADS, lower_ok, mention_sites, use
from .matcher_shadow import Shadow, find_shadowed, is_shipped  # noqa: F401  (Shadow, find_shadowed: the CLI's)
from .matcher_stack import inside_stack, may_stack, stacked_hits
from .matcher_text import MAP_PAIRS as _MAP_PAIRS
from .matcher_text import ODD_CHARS, SCAN_KEYS, Automaton, key, lower, prepare, quick, scanned, to_orig

log = logging.getLogger("framelens")

__all__ = ["Hit", "Matcher", "get_matcher"]

# the names this module had before its parts moved out (tests, benchmarks and the command line import them)
_LookAlike = LookAlike
_Automaton = Automaton
_key = key
_is_shipped = is_shipped


class Hit(NamedTuple):
    """A lexicon match in the original text (a named tuple: the matcher makes one per hit)."""

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
        """The span kind of the pack that fired."""
        return self.lexicon.kind

    @property
    def ref(self) -> str:
        """``pack@version:entry_id``."""
        return self.lexicon.entry_ref(self.entry)


_new_tuple = tuple.__new__  # Hit without its Python-level __new__: one C call per hit
#: what a match of a key the matcher adds to the lexicon's says (Matcher._special): not what the scan of the quick
#: normalisation holds (matcher_text.SCAN_KEYS), where a mention cue starts (matcher_mentions.META_HEADS), where a
#: naming word that a declined label needs ends (senses.NAMING_CUES); the last two are bits of one code
_PAIR, _ODD, _HEAD, _CUE = 1, 2, 4, 8
_NO_SITES: frozenset[int] = frozenset()
#: a ref's role in a key's payload (Matcher._payload): a term is 0 (the common case: one truth test)
_TERM, _MODIFIER, _GAP, _STOP = 0, 1, 2, 3
_ROLE_CODES = {"term": _TERM, "modifier": _MODIFIER, "gap": _GAP, "stop": _STOP}
_start = operator.itemgetter(0)

#: shadowing warnings already logged by this process (see ``Matcher.__init__``)
_WARNED: set[str] = set()


class _Ref(NamedTuple):
    """What the scan needs of one (pack, entry) pair, computed once with the matcher."""

    lexicon: Lexicon
    entry: Entry
    slot: int  # index of the pack's kind in ``Matcher.kinds``
    flags: int  # 1: look-alike rules, 2: context rules
    lookalike: LookAlike | None
    lower: bool  # ``case: lower``
    rules: tuple  # the context rules, compiled (senses.compile_rules)


def group_by_kind(hits) -> dict[str, list[Hit]]:
    """``hits`` by their lexicon's span kind, each list in the order of ``hits``."""
    out: defaultdict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        out[h[2].kind].append(h)
    return dict(out)


class Matcher:
    """Compiled matcher over a list of lexicon packs. Thread-safe for reading; build once, reuse."""

    # the text side and the mention rules, where they were before they moved to modules of their own
    _prepare = staticmethod(prepare)
    _to_orig = staticmethod(to_orig)
    _use = staticmethod(use)
    _lower_ok = staticmethod(lower_ok)
    _mention_sites = staticmethod(mention_sites)

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = list(lexicons)
        self.kinds = sorted({lx.kind for lx in self.lexicons})
        slot_of = {k: i for i, k in enumerate(self.kinds)}
        # every (pack, entry) pair, in pack and entry order: identical extents are resolved in this order
        self._refs: list[_Ref] = []
        ref_of: dict[tuple[int, int], int] = {}
        table: dict[str, list[tuple[int, str, int, int]]] = {}  # key -> [(ref, role, kind slot, flags)]
        for li, lex in enumerate(self.lexicons):
            for ei, entry in enumerate(lex.entries):
                lookalike = bool(entry.not_followed_by or entry.followed_by or entry.not_preceded_by)
                flags = (1 if lookalike else 0) | (2 if entry.context else 0)
                r = ref_of[(li, ei)] = len(self._refs)
                self._refs.append(_Ref(lex, entry, slot_of[lex.kind], flags, LookAlike(entry) if lookalike else None,
                                       entry.case == "lower", senses.compile_rules(entry)))
                for phrase in entry.phrases:
                    refs = table.setdefault(key(phrase), [])
                    if not any(x[0] == r for x in refs):
                        refs.append((r, entry.role, slot_of[lex.kind], flags))
        # labels with gaps: their first word is a key of its own (role "gap"), whose continuation over label
        # modifiers is checked where it occurs; self._rests[ref] = {first word: rests, longest first}
        self._rests: dict[int, dict[str, tuple[str, ...]]] = {}
        #: single-word modifier entries by word (a modifier inside a label stacks like one before it)
        self._modifier_words: dict[str, list[Entry]] = {}
        for li, lex in enumerate(self.lexicons):
            for ei, entry in enumerate(lex.entries):
                r = ref_of[(li, ei)]
                if entry.role == "modifier":
                    for p in entry.phrases:
                        if " " not in p:
                            self._modifier_words.setdefault(key(p), []).append(entry)
                if entry.role != "term" or not entry.gaps:
                    continue
                rests: dict[str, set[str]] = {}
                for p in entry.phrases:
                    first, _, rest = key(p).partition(" ")
                    if rest:
                        rests.setdefault(first, set()).add(rest)
                for first, rs in rests.items():
                    self._rests.setdefault(r, {})[first] = tuple(sorted(rs, key=lambda x: (-len(x), x)))
                    ref = (r, "gap", self._refs[r].slot, self._refs[r].flags)
                    if ref not in table.setdefault(first, []):
                        table[first].append(ref)
        # in sorted order: the automaton's states are laid out as its keys are added, so a sorted list keeps the
        # states of one prefix together (a tenth less scan time for the shipped packs)
        keys = sorted(table)
        # the payload of each key: (1, kind slot, ref) for the common key (one plain entry: no rules, no role), the
        # tail of its candidate tuple; else None and the key's refs in self._complex
        self._simple: list[tuple[int, int, int] | None] = []
        self._complex: list[tuple] = []
        for k in keys:
            refs = table[k]
            plain = len(refs) == 1 and refs[0][1] == "term" and refs[0][3] == 0
            self._simple.append((1, refs[0][2], refs[0][0]) if plain else None)
            self._complex.append(() if plain else tuple(self._payload(*x) for x in refs))
        #: per ref, what a hit of it starts from: (pack, entry, severity, case: lower)
        self._info = [(x.lexicon, x.entry, x.entry.severity, x.lower) for x in self._refs]
        #: the kind slot whose hits are labels (looked at for a declined label), or -1
        self._loaded_slot = slot_of.get("loaded_term", -1)
        #: per ref, every field of its hit but the offsets, where nothing about the hit can change them: no
        #: ``case: lower``, no context rule, no label modifiers inside, not a label (see _resolve); a stop phrase
        #: is the ref one past the last
        self._tails: list[tuple | None] = [
            (x.lexicon, x.entry, x.entry.severity, (), "use", (), None)
            if not (x.lower or x.flags & 2 or x.entry.gaps or x.slot == self._loaded_slot) else None
            for x in self._refs] + [None]
        self._plain_for: dict[tuple, list[bool]] = {}  # (wanted slots, slots with modifiers) -> plain ref flags
        self._none_plain = [False] * len(self._tails)  # where offsets need mapping back to the text
        self._all_plain = self._plain(None, frozenset())  # every kind asked for, no modifier hits
        self._slot_of_pack = {id(lx): slot_of[lx.kind] for lx in self.lexicons}
        self._max_gaps = max((self._refs[r].entry.gaps for rs in table.values() for r, role, *_ in rs if role == "gap"),
                             default=0)
        self.n_keys = len(keys)
        #: whether a scan of the text that keeps its blank lines (matcher_text.scanned) finds what one of the quick
        #: normalisation finds: no key starts or ends with a space, or holds two in a row or a line break
        self._keeps_lines = not any(k[:1] == " " or k[-1:] == " " or "  " in k or "\n" in k for k in keys)
        self._special = self._scan_keys(keys)
        self._auto = Automaton(keys) if self.n_keys else None
        #: entries that can never match (their forms belong to an earlier pack's entry of the same kind)
        self.shadowed = find_shadowed(self.lexicons)
        for sh in self.shadowed:
            if not is_shipped(sh.lexicon):  # the user's packs: the shipped ones are the maintainers' to fix
                msg = sh.message()
                # once per process, however many matchers (runs, sets of packs, jobs) are built from the pack
                if msg not in _WARNED:
                    _WARNED.add(msg)
                    log.warning("%s", msg)

    def _scan_keys(self, keys: list[str]) -> list[int]:
        """Add to ``keys`` those the scan also looks for (matcher_text.SCAN_KEYS, matcher_mentions.META_HEADS,
        senses.NAMING_CUES: the same key serves an entry where one holds it); returns per key what its match says (0:
        an entry's)."""
        special = [0] * len(keys)
        index = {k: i for i, k in enumerate(keys)}
        codes: dict[str, int] = {k: _ODD if k in ODD_CHARS else _PAIR for k in SCAN_KEYS}
        for h in META_HEADS:
            codes[h] = codes.get(h, 0) | _HEAD
        for c in senses.NAMING_CUES if self._loaded_slot >= 0 else ():  # only labels are declined
            codes[c] = codes.get(c, 0) | _CUE
        for k, code in codes.items():
            i = index.get(k)
            if i is None:
                keys.append(k)
                special.append(code)
                self._simple.append(None)
                self._complex.append(())
                continue
            special[i] = code
            if self._simple[i] is not None:  # an entry's key too: its payload goes where the scan looks closer
                _, slot, r = self._simple[i]
                self._simple[i] = None
                self._complex[i] = (self._payload(r, "term", slot, 0),)
        return special

    def _payload(self, r: int, role: str, slot: int, flags: int) -> tuple:
        """What the scan needs of one ref of a key that is not a plain entry: ``(role code, ref, kind slot,
        look-alike checks (3, see LookAlike.checks), compiled context rules or None)``."""
        ref = self._refs[r]
        checks = ref.lookalike.checks() if flags & 1 else (None, None, None)
        return (_ROLE_CODES[role], r, slot) + checks + (ref.rules if flags & 2 else None,)

    def _plain(self, want, mod_slots) -> list[bool]:
        """Per ref (and the stop phrase's ref): whether its hit is its offsets plus its tail, when the hits of the
        slots ``want`` (None: all) are asked for and the slots ``mod_slots`` have modifier hits to stack."""
        got = self._plain_for.get((want, mod_slots))
        if got is None:
            got = self._plain_for[(want, mod_slots)] = [
                t is not None and (want is None or t_slot in want) and t_slot not in mod_slots
                for t, t_slot in zip(self._tails, [x.slot for x in self._refs] + [-1])]
        return got

    # -- matching -----------------------------------------------------------
    def match(self, text: str, seg=None, kinds: Iterable[str] | None = None) -> list[Hit]:
        """Every hit in ``text``, sorted by offset (then longest first, then kind).

        ``seg`` (a Segmentation) enables case and mention rules; ``kinds`` keeps only hits of these span kinds.
        """
        if self._auto is None or not text:
            return []
        return self._match(text, seg, kinds)

    def match_by_kind(self, text: str, seg=None) -> dict[str, list[Hit]]:
        """The hits of :meth:`match` by span kind (each list in the order of :meth:`match`)."""
        return group_by_kind(self.match(text, seg))

    def _match(self, text: str, seg, kinds) -> list[Hit]:
        low = seg.lower if seg is not None and seg.text is text else lower(text)  # (the segmentation's: made once)
        amap = None
        scan, norm = scanned(low) if self._keeps_lines else (quick(low),) * 2
        cand, rest, spec = self._scan(scan)
        cues: list[int] = []  # where the naming words of a declined label end
        heads = self._heads(spec, low, cues)
        if heads is None:  # white space to collapse: the text with its offset map, scanned again
            norm, amap = prepare(text)
            cand, rest, spec = self._scan(norm)
            cues = []
            heads = self._heads(spec, None, cues)
        mods: dict[int, list] = {}  # kind slot -> [(start, end, ref)] of modifier hits
        extra: dict[tuple[int, int, int], tuple] = {}  # (start, end, ref) -> (label modifiers, context rule)
        if rest:
            self._checked(rest, text, norm, amap, seg, cand, mods, extra)
        if not cand:
            return []
        cand.sort()
        return self._resolve(cand, text, norm, amap, seg, kinds, mods, extra, heads, cues)

    def _heads(self, spec, low: str | None, cues: list[int] | None = None) -> list[int] | None:
        """From the matches of the keys the scan adds (see :meth:`_scan`): where a mention cue starts, or None
        where ``low`` (the lower-cased text of a quick normalisation; None: the text as prepare() made it) asks
        for the offset map (matcher_text.needs_map, in one pass). Where each naming word of senses.NAMING_CUES ends
        is added to ``cues``, in order (the scan's matches come in order of end)."""
        heads: list[int] = []
        if not spec:
            return heads
        special = self._special
        for k, s, e in spec:
            code = special[k]
            if code >= _HEAD:  # a mention cue, a naming word, or both
                if code & _HEAD:
                    heads.append(s)
                if cues is not None and code & _CUE:
                    cues.append(e)
            elif low is not None and (code == _ODD or low.startswith(_MAP_PAIRS, s)):
                return None
        return heads

    def _scan(self, norm: str):
        """One scan of ``norm`` (or of the text matcher_text.scanned gives, the same but for line breaks): the
        candidates of the whole-word matches of keys of one plain entry (see :meth:`_match`), the other whole-word
        matches, and the matches of the keys the scan adds (any, whole words or not), each as the automaton gives
        them (key, start, end)."""
        # pad[-1] and pad[n]: a space, so the word-boundary test needs no range checks; pad[n + 1] for a pair of
        # spaces ending the text (no key holds a NUL)
        pad = norm + " \0"
        simple = self._simple
        special = self._special
        # candidates of all kinds in one list: (start, -end, 1, kind slot, ref) for a head, (start, -end, 0,
        # n_kinds, stop ref) for a stop phrase (a stop phrase competes in every kind); sorted, each kind's in its
        # resolution order. Keys with look-alike rules, context rules, several entries or a role wait in `rest`.
        cand: list[tuple[int, int, int, int, int]] = []
        rest = []
        spec = []
        add = cand.append  # bound once: the commonest step of the loop (a tenth of its time)
        for m in self._auto.iter(pad):
            k, s, e = m
            if pad[e].isalnum() or pad[s - 1].isalnum():
                if special[k]:
                    spec.append(m)
                continue
            p = simple[k]
            if p is None:
                rest.append(m)
                if special[k]:
                    spec.append(m)
            else:
                add((s, -e) + p)
        return cand, rest, spec

    def _checked(self, found, text, norm, amap, seg, cand, mods, extra) -> None:
        """The candidates of the keys in ``found`` that are not one plain entry, added to ``cand`` (heads and stop
        phrases), ``mods`` (modifier hits by kind slot) and ``extra`` (label modifiers and context rule of a
        candidate): each of the key's refs passes its look-alike rules, its label continues over its modifiers,
        its context rules do not drop it."""
        refs = self._refs
        complex_ = self._complex
        stop = (len(self.kinds), len(refs))
        to_orig_ = functools.partial(to_orig, amap=amap)
        add = cand.append
        first_compiled = senses.first_compiled
        for k, s, e in found:
            steps = None
            for role, r, slot, vetoed_after, required_after, vetoed_before, rules in complex_[k]:
                inside: tuple[str, ...] = ()
                e_cand = e
                if role:  # not a term
                    if role == _STOP:
                        add((s, -e, 0) + stop)
                        continue
                    if role == _GAP:
                        if steps is None:  # the modifiers after this first word, shared by every label it starts
                            steps = senses.gap_steps(text, norm, e, self._max_gaps, to_orig_)
                        got = (senses.gap_rest(norm, steps, self._rests[r][norm[s:e]], refs[r].entry.gaps)
                               if steps else None)
                        if got is None:
                            continue
                        e_cand, inside = got
                        role = _TERM
                if vetoed_after is not None and vetoed_after(norm, e_cand):
                    continue
                if required_after is not None:
                    found_after, exact = required_after
                    if not found_after(norm, e_cand) and (
                            exact is None or not NON_ASCII_NEXT.match(norm, e_cand) or not exact(norm, e_cand)):
                        continue
                if vetoed_before is not None:
                    search, reach, preceded, ends = vetoed_before
                    # the search can only find a word ending in the last non-separator character (1-2 back)
                    c = norm[s - 1] if s else " "
                    if c in " \n-" and s > 1:
                        c = norm[s - 2]
                    if (ends is None or c in ends or c in " \n-") and search(norm, s - reach, s) or (
                            s > SEPARATORS and norm.startswith(SEPARATOR_RUN, s - SEPARATORS - 1)
                            and preceded(norm, s)):
                        continue
                rule = None
                if rules is not None:
                    rule = first_compiled(rules, text, norm, s, e_cand, to_orig_, seg)
                    if rule is not None and rule.then == "drop":
                        continue
                if inside or rule is not None:
                    extra[(s, e_cand, r)] = (inside, rule)
                if role == _MODIFIER:
                    mods.setdefault(slot, []).append((s, e_cand, r))
                else:
                    add((s, -e_cand, 1, slot, r))

    def _resolve(self, cand, text, norm, amap, seg, kinds, mods, extra, heads, cues=None) -> list[Hit]:
        """The hits of the sorted candidates: within each kind the longest match wins (by start, longest first, a
        stop phrase before an entry of the same extent, then kind, then pack and entry order); the kept hits come
        out in the order of match(). ``cues``: where the naming words of a declined label end (see :meth:`_heads`),
        so that only labels with one before them are tested; None: every label is."""
        n_kinds = len(self.kinds)
        want = None if kinds is None else frozenset(i for i, k in enumerate(self.kinds) if k in set(kinds))
        # a plain ref's hit is its offsets and its tail, unless offsets need mapping or its kind stacks modifiers
        if amap is not None:
            plain = self._none_plain
        elif want is None and not mods:
            plain = self._all_plain
        else:
            plain = self._plain(want, frozenset(mods))
        tails = self._tails
        loaded = self._loaded_slot  # labels are declined ("did not call them ..."), hedges and cues are not
        sites = mention_sites(text, norm, seg, heads) if heads or seg is not None else _NO_SITES
        last = [-1] * (n_kinds + 1)  # per kind slot, the end of its last kept hit; the stop phrases' slot stays -1
        info = self._info
        hits: list[Hit] = []
        append = hits.append
        stacked: dict[int, list] = {}  # kind slot -> kept heads, where modifiers may stack
        mod_ends = {slot: {m[1] for m in ms} for slot, ms in mods.items()}  # kind slot -> where its modifiers end
        taken: dict[int, list] = {slot: [] for slot in mods}  # kind slot -> its other kept heads (start, end)
        for s, ne, head, slot, r in cand:
            if s < last[slot]:
                continue
            e = last[slot] = -ne
            if plain[r] and s not in sites:
                append(_new_tuple(Hit, (s, e) + tails[r]))
                continue
            if not head:  # a stop phrase: the end of the last kept hit of every kind it does not overlap
                last[slot] = -1
                for i in range(n_kinds):
                    if s >= last[i]:
                        last[i] = e
                continue
            if want is not None and slot not in want:
                continue
            if slot in mods and may_stack(norm, s, mod_ends[slot]):
                stacked.setdefault(slot, []).append((s, e, r))
                continue
            lexicon, entry, sev, lower = info[r]
            if amap is None:
                os_, oe = s, e
            else:
                os_, oe = to_orig(s, amap), to_orig(e, amap)
            if lower and not lower_ok(text, os_, seg):
                continue
            if slot in mods:
                taken[slot].append((s, e))
            stack: tuple[Entry, ...] = ()
            inside = ()
            sense = None
            if extra:
                got = extra.get((s, e, r))
                if got is not None:
                    inside, rule = got
                    if rule is not None:
                        sev, sense = rule.severity, rule.sense
                    stack = inside_stack(entry, inside, [], self._modifier_words)
                    sev += sum(m.severity for m in stack)
            if s in sites:
                u = use(text, norm, s, e, seg, slot == loaded)
            elif slot == loaded and (cues is None or cues and senses.naming_cue_before(cues, s)) and senses.declined(
                    norm, s):
                u = "mention"
            else:
                u = "use"
            append(_new_tuple(Hit, (os_, oe, lexicon, entry, sev, stack, u, inside, sense)))
        if stacked:  # the heads with a modifier before them, merged with the modifiers that stack, put in place
            self._merge(hits, [_new_tuple(Hit, h) for slot, kept in stacked.items()
                               for h in stacked_hits(self._refs, self._modifier_words, text, norm, seg, amap, kept,
                                                     taken[slot], extra, mods[slot], sites, slot == loaded)])
        return hits


    def _merge(self, hits: list[Hit], merged: list[Hit]) -> None:
        """Put the ``merged`` hits (heads with their stacked modifiers) among ``hits`` in the order of match():
        by start, longest first, then kind. ``hits`` are in that order already, and one of ``merged`` goes after
        any others of the same place, as a stable sort of the two lists joined would put it."""
        slot_of = self._slot_of_pack
        for h in merged:
            place = (-h[1], slot_of[id(h[2])])
            i = bisect.bisect_left(hits, h[0], key=_start)  # the first hit starting where h starts, or later
            while i < len(hits) and hits[i][0] == h[0] and (-hits[i][1], slot_of[id(hits[i][2])]) <= place:
                i += 1
            hits.insert(i, h)


@functools.lru_cache(maxsize=16)
def _cached(spec: tuple) -> Matcher:
    from ..lexicon import load_lexicons

    specs, defaults = spec
    return Matcher(load_lexicons(list(specs), defaults=defaults))


def get_matcher(specs: Iterable[str] = (), defaults: bool = True) -> Matcher:
    """A shared, cached matcher for the shipped packs (if ``defaults``) plus ``specs``."""
    return _cached((tuple(specs), bool(defaults)))
