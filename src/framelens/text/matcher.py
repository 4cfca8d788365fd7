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
a hit is only looked at closely where one could apply; hits are named tuples.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
import functools
import logging
import os
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from ..lexicon import Entry, Lexicon
from . import senses

log = logging.getLogger("framelens")

__all__ = ["Hit", "Matcher", "get_matcher"]

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions trillion dozen dozens half a an".split()
)
#: characters and pairs that need the slow, offset-mapping normalisation (single characters first: they are
#: found by a fast one-character search; see ``Matcher._prepare``)
_ODD_CHARS = ("\xa0", "\t", "\r", "\u2010", "\u2011", "\u2009", "\u202f", "\u2007", "\u200a")
_NORM_RE = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\r\n]{2,}|[\t\xa0\u2000-\u200a\u202f\r]|[\u2010\u2011]")
_META_CUE_RE = re.compile(
    r"\b(?:term|terms|word|words|phrase|phrases|label|labels|expression|expressions|name|names|called|calls|call|"
    r"calling|dubbed|dubs|describes?|described|known as|use of|using|used|uses|say|saying|says|said)\W*$"
)
_UNQUOTED_META_RE = re.compile(r"\bthe (?:term|word|phrase|label|expression|words|terms)\s*$")
#: where ``_UNQUOTED_META_RE`` could hold: "the <noun>" then white space, up to the position of a hit
_UNQUOTED_META_AT = re.compile(r"the (?:term|word|phrase|label|expression)s?(\s+)")
_OPEN_PUNCT = " \"“‘'([«—–-"
_META_NOUNS = ("term", "word", "phrase", "label", "expression", "words", "terms")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LETTERS = re.compile("[a-z]+")
_NON_ASCII_NEXT = re.compile("[ \n-]*[^\x00-\x7f]")  # the next character after separators is not ASCII
_SEPARATORS = 6  # separators between a not_preceded_by word and a hit that one regex search covers
_SEPARATOR_RUN = " " * (_SEPARATORS + 1)


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


class _Automaton:
    """The automaton keys compiled by ``ahocorasick_rs`` (a contiguous NFA: its scan time grows little with the
    number of keys, where a DFA's outgrows the processor caches). :meth:`iter` returns every match, overlapping
    ones included, as ``(key index, start, end)`` in order of end, in one call."""

    def __init__(self, keys: list[str]):
        import ahocorasick_rs

        self.keys = keys
        self._ac = ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def iter(self, norm: str) -> list[tuple[int, int, int]]:
        """Every key occurrence in ``norm`` (character offsets), overlapping ones included."""
        try:
            return self._ac.find_matches_as_indexes(norm, overlapping=True)
        except UnicodeEncodeError:
            # lone surrogates (a JSON "\\ud800" escape) do not encode; no key holds one and, like them, U+FFFD is
            # neither letter nor digit, so replacing them keeps every match and every word boundary
            return self._ac.find_matches_as_indexes(_SURROGATE_RE.sub("\ufffd", norm), overlapping=True)


class _LookAlike:
    """An entry's look-alike rules, compiled once: each word list is one regex, and each rule a check that the
    scan calls directly (:meth:`checks`). Words may be separated by spaces, hyphens and line breaks."""

    def __init__(self, entry: Entry):
        #: matches at the end of a hit when a ``not_followed_by`` word follows
        self.not_followed = senses.words_regex(entry.not_followed_by, "[ \\n-]*", senses.WORD_END)
        #: matches at the end of a hit when a ``followed_by`` word follows
        self.followed_rx = senses.words_regex(entry.followed_by, "[ \\n-]*", senses.WORD_END)
        self.followed = bool(entry.followed_by)
        self.number = "<NUM>" in entry.followed_by  # any number follows
        #: with ``<NUM>``: a followed_by word, an ASCII digit, a currency sign or a number word follows; where it
        #: does not and a non-ASCII character follows (a digit of another script?) :meth:`followed_after` decides
        self.followed_num_rx = None
        if self.number:
            words = [re.escape(w) for w in sorted(entry.followed_by, key=lambda w: (-len(w), w)) if w != "<NUM>"]
            numbers = "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w)))
            self.followed_num_rx = re.compile(
                "[ \\n-]*(?:" + ("(?:" + "|".join(words) + ")" + senses.WORD_END + "|" if words else "")
                + "[0-9$£€]|(?:" + numbers + ")(?![a-z]))")
        #: searched right before a hit (separators skipped): a ``not_preceded_by`` word ends there
        self.not_preceded = senses.words_regex(entry.not_preceded_by, senses.WORD_START, r"\Z")
        #: the same, with up to any number of separators before the hit (searched in a window: see checks)
        self.not_preceded_sep = senses.words_regex(entry.not_preceded_by, senses.WORD_START, r"[ \n-]*\Z")
        self.longest_preceding = max((len(w) for w in entry.not_preceded_by), default=0)
        ends = {w[-1:] for w in entry.not_preceded_by}  # last characters; None where one is empty or a separator
        self.preceding_ends = None if ends & {"", " ", "\n", "-"} else "".join(sorted(ends))

    def checks(self) -> tuple:
        """``(vetoed_after, required_after, vetoed_before)``, each None or what the scan calls for the rule: a hit
        ``norm[s:e]`` is dropped when ``vetoed_after(norm, e)`` is truthy, when ``required_after`` = ``(match,
        exact)`` does not find the word or number after it, or when ``vetoed_before`` = ``(search, reach,
        preceded, ends)`` finds a word before it (see the scan; ``ends``: :attr:`preceding_ends`)."""
        required = None
        if self.number:
            required = (self.followed_num_rx.match, self.followed_after)
        elif self.followed:
            required = (self.followed_rx.match, None)
        before = None
        if self.not_preceded is not None:
            # the word, up to _SEPARATORS separators, the hit: one regex search ending at the hit; longer runs of
            # separators (a few blank lines) go to the exact method
            before = (self.not_preceded_sep.search, self.longest_preceding + _SEPARATORS, self.preceded,
                      self.preceding_ends)
        return (None if self.not_followed is None else self.not_followed.match, required, before)

    def followed_after(self, norm: str, e: int) -> bool:
        """A ``followed_by`` word, or (``<NUM>``) a number, follows ``norm[:e]``."""
        if self.followed_rx is not None and self.followed_rx.match(norm, e):
            return True
        if not self.number:
            return False
        j = e
        n = len(norm)
        while j < n and norm[j] in " -\n":
            j += 1
        c = norm[j:j + 1]
        if c.isdigit() or (c and c in "$£€"):
            return True
        m = _LETTERS.match(norm, j, j + 12)
        return bool(m) and m.group() in NUMBER_WORDS

    def preceded(self, norm: str, s: int) -> bool:
        """A ``not_preceded_by`` word ends right before ``norm[s:]`` (separators between)."""
        i = s
        while i > 0 and norm[i - 1] in " -\n":
            i -= 1
        return self.not_preceded.search(norm, max(0, i - self.longest_preceding), i) is not None


class _Ref(NamedTuple):
    """What the scan needs of one (pack, entry) pair, computed once with the matcher."""

    lexicon: Lexicon
    entry: Entry
    slot: int  # index of the pack's kind in ``Matcher.kinds``
    flags: int  # 1: look-alike rules, 2: context rules
    lookalike: _LookAlike | None
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
                self._refs.append(_Ref(lex, entry, slot_of[lex.kind], flags, _LookAlike(entry) if lookalike else None,
                                       entry.case == "lower", senses.compile_rules(entry)))
                for phrase in entry.phrases:
                    refs = table.setdefault(_key(phrase), [])
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
                            self._modifier_words.setdefault(_key(p), []).append(entry)
                if entry.role != "term" or not entry.gaps:
                    continue
                rests: dict[str, set[str]] = {}
                for p in entry.phrases:
                    first, _, rest = _key(p).partition(" ")
                    if rest:
                        rests.setdefault(first, set()).add(rest)
                for first, rs in rests.items():
                    self._rests.setdefault(r, {})[first] = tuple(sorted(rs, key=lambda x: (-len(x), x)))
                    ref = (r, "gap", self._refs[r].slot, self._refs[r].flags)
                    if ref not in table.setdefault(first, []):
                        table[first].append(ref)
        keys = list(table)
        # the payload of each key: (kind slot, ref) for the common key (one plain entry: no rules, no role),
        # else None and the key's refs in self._complex
        self._simple: list[tuple[int, int] | None] = []
        self._complex: list[tuple] = []
        for key in keys:
            refs = table[key]
            plain = len(refs) == 1 and refs[0][1] == "term" and refs[0][3] == 0
            self._simple.append((refs[0][2], refs[0][0]) if plain else None)
            self._complex.append(() if plain else tuple(self._payload(*x) for x in refs))
        #: per ref, what a hit of it starts from: (pack, entry, severity, case: lower)
        self._info = [(x.lexicon, x.entry, x.entry.severity, x.lower) for x in self._refs]
        #: the kind slot whose hits are labels (looked at for a declined label), or -1
        self._loaded_slot = slot_of.get("loaded_term", -1)
        self._max_gaps = max((self._refs[r].entry.gaps for rs in table.values() for r, role, *_ in rs if role == "gap"),
                             default=0)
        self.n_keys = len(keys)
        self._auto = _Automaton(keys) if keys else None
        #: entries that can never match (their forms belong to an earlier pack's entry of the same kind)
        self.shadowed = find_shadowed(self.lexicons)
        for sh in self.shadowed:
            if not _is_shipped(sh.lexicon):  # the user's packs: the shipped ones are the maintainers' to fix
                msg = sh.message()
                # once per process, however many matchers (runs, sets of packs, jobs) are built from the pack
                if msg not in _WARNED:
                    _WARNED.add(msg)
                    log.warning("%s", msg)

    def _payload(self, r: int, role: str, slot: int, flags: int) -> tuple:
        """What the scan needs of one ref of a key that is not a plain entry: ``(ref, role, kind slot, look-alike
        checks (3, see _LookAlike.checks), compiled context rules or None)``."""
        ref = self._refs[r]
        checks = ref.lookalike.checks() if flags & 1 else (None, None, None)
        return (r, role, slot) + checks + (ref.rules if flags & 2 else None,)

    # -- text preparation ---------------------------------------------------
    @staticmethod
    def _prepare(text: str):
        """Lower-case the text and make word separators uniform, keeping offsets where possible.

        Length-preserving replacements (fast, the common case): a line break and a hyphen become a space, a curly
        apostrophe a straight one, so ``illegal-immigrant`` and ``illegal\nimmigrant`` both read ``illegal
        immigrant``; a blank line becomes two spaces, which no phrase crosses. Runs of other white space (repeated
        spaces, tabs, NBSP, CRLF) are collapsed to one space, with an offset map back to the original text.
        """
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        amap = None
        if any(o in low for o in _ODD_CHARS) or "  " in low or ("\n" in low and (" \n" in low or "\n " in low)):
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
        return not text[ss:s].strip(_OPEN_PUNCT)  # only opening punctuation and spaces before it

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

    @staticmethod
    def _mention_sites(text: str, norm: str, seg) -> set[int]:
        """The hit starts at which :meth:`_use` could find a mention other than a declined label, found once per
        document: a start near the beginning of a quotation's content (a hit that is the whole content starts
        there), or right after "the term"-like words. Anywhere else :meth:`_use` says ``use`` (labels aside)."""
        sites = {m.end() for m in _UNQUOTED_META_AT.finditer(norm)} if "the " in norm else set()
        if seg is not None:
            for q in seg.quotes:
                cs, ce = q.content_start, q.content_end
                # _use needs len(inner) <= (e - s) + 2 with cs <= s and e <= ce: s <= ce - len(inner) + 2
                slack = ce - cs - len(text[cs:ce].strip(" \t\n\"'“”‘’.,;:!?")) + 2
                sites.update(range(cs, cs + slack + 1))
        return sites

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
        norm, amap = self._prepare(text)
        pad = norm + " "  # pad[-1] and pad[n]: a space, so the word-boundary test needs no range checks
        refs = self._refs
        simple = self._simple
        complex_ = self._complex
        # candidates of all kinds in one list: (start, -end, 1, kind slot, ref) for a head, (start, -end, 0, -1,
        # -1) for a stop phrase (a stop phrase competes in every kind); sorted, each kind's in its resolution order
        cand: list[tuple[int, int, int, int, int]] = []
        mods: dict[int, list] = {}  # kind slot -> [(start, end, ref)] of modifier hits
        extra: dict[tuple[int, int, int], tuple] = {}  # (start, end, ref) -> (label modifiers, context rule)
        to_orig = functools.partial(self._to_orig, amap=amap)
        for k, s, e in self._auto.iter(pad):
            if pad[s - 1].isalnum() or pad[e].isalnum():
                continue
            p = simple[k]
            if p is not None:
                cand.append((s, -e, 1) + p)
                continue
            steps = None
            for r, role, slot, vetoed_after, required_after, vetoed_before, rules in complex_[k]:
                if role == "stop":
                    cand.append((s, -e, 0, -1, -1))
                    continue
                inside: tuple[str, ...] = ()
                if role == "gap":
                    if steps is None:  # the modifiers after this first word, shared by every label it starts
                        steps = senses.gap_steps(text, norm, e, self._max_gaps, to_orig)
                    got = senses.gap_rest(norm, steps, self._rests[r][norm[s:e]], refs[r].entry.gaps) if steps else None
                    if got is None:
                        continue
                    e_cand, inside = got
                    role = "term"
                else:
                    e_cand = e
                if vetoed_after is not None and vetoed_after(norm, e_cand):
                    continue
                if required_after is not None:
                    found, exact = required_after
                    if not found(norm, e_cand) and (
                            exact is None or not _NON_ASCII_NEXT.match(norm, e_cand) or not exact(norm, e_cand)):
                        continue
                if vetoed_before is not None:
                    search, reach, preceded, ends = vetoed_before
                    # the search can only find a word ending in the last non-separator character (1-2 back)
                    c = norm[s - 1] if s else " "
                    if c in " \n-" and s > 1:
                        c = norm[s - 2]
                    if (ends is None or c in ends or c in " \n-") and search(norm, s - reach, s) or (
                            s > _SEPARATORS and norm.startswith(_SEPARATOR_RUN, s - _SEPARATORS - 1) and preceded(norm, s)):
                        continue
                rule = None
                if rules is not None:
                    rule = senses.first_compiled(rules, text, norm, s, e_cand, to_orig, seg)
                    if rule is not None and rule.then == "drop":
                        continue
                if inside or rule is not None:
                    extra[(s, e_cand, r)] = (inside, rule)
                if role == "modifier":
                    mods.setdefault(slot, []).append((s, e_cand, r))
                else:
                    cand.append((s, -e_cand, 1, slot, r))
        if not cand:
            return []
        # longest match wins, within each kind: by start, longest first, a stop phrase before an entry of the
        # same extent, then kind, then pack and entry order; the kept hits come out in the order of match()
        cand.sort()
        n_kinds = len(self.kinds)
        want = None if kinds is None else {i for i, k in enumerate(self.kinds) if k in set(kinds)}
        loaded = self._loaded_slot  # labels are declined ("did not call them ..."), hedges and cues are not
        lower_ok = self._lower_ok
        sites = self._mention_sites(text, norm, seg)
        last = [-1] * n_kinds
        info = self._info
        hits: list[Hit] = []
        stacked: dict[int, list] = {}  # kind slot -> kept heads, where modifiers may stack
        for s, ne, head, slot, r in cand:
            if not head:
                for i in range(n_kinds):
                    if s >= last[i]:
                        last[i] = -ne
                continue
            if s < last[slot]:
                continue
            e = last[slot] = -ne
            if want is not None and slot not in want:
                continue
            if mods and slot in mods:
                stacked.setdefault(slot, []).append((s, e, r))
                continue
            lexicon, entry, sev, lower = info[r]
            if amap is None:
                os_, oe = s, e
            else:
                os_, oe = to_orig(s), to_orig(e)
            if lower and not lower_ok(text, os_, seg):
                continue
            stack: tuple[Entry, ...] = ()
            inside = ()
            sense = None
            if extra:
                got = extra.get((s, e, r))
                if got is not None:
                    inside, rule = got
                    if rule is not None:
                        sev, sense = rule.severity, rule.sense
                    stack = self._inside_stack(entry, inside, [])
                    sev += sum(m.severity for m in stack)
            if s in sites:
                use = self._use(text, norm, s, e, seg, slot == loaded)
            elif slot == loaded and senses.declined(norm, s):
                use = "mention"
            else:
                use = "use"
            hits.append(_new_tuple(Hit, (os_, oe, lexicon, entry, sev, stack, use, inside, sense)))
        if stacked:
            for slot, kept in stacked.items():
                hits += self._stacked(text, norm, seg, amap, kept, extra, mods[slot], sites, slot == loaded)
            slot_of = {k: i for i, k in enumerate(self.kinds)}
            hits.sort(key=lambda h: (h[0], -h[1], slot_of[h[2].kind]))
        return hits

    def _inside_stack(self, entry: Entry, inside: tuple[str, ...], stack: list) -> tuple[Entry, ...]:
        """``stack`` plus the stacking modifiers among the label modifiers ``inside`` the hit of ``entry``."""
        for w in inside:  # a stacking modifier inside the label counts as one before it
            for me in self._modifier_words.get(w.lower(), ()):
                if entry.category in me.stacks_onto and me not in stack:
                    stack.append(me)
                    break
        return tuple(stack)

    def _stacked(self, text, norm, seg, amap, kept, extra, mods, sites, labels) -> list[Hit]:
        """The hits of one kind with modifier hits about: stacked modifiers merge with the head after them."""
        refs = self._refs
        final = []
        for s, e, r in kept:
            ref = refs[r]
            if amap is None:
                os_, oe = s, e
            else:
                os_, oe = self._to_orig(s, amap), self._to_orig(e, amap)
            if ref.lower and not self._lower_ok(text, os_, seg):
                continue
            final.append([s, e, r, os_, oe, [], extra.get((s, e, r))])
        if final:
            self._stack(final, mods, norm, amap)
        hits = []
        for s, e, r, os_, oe, stack, got in final:
            ref = refs[r]
            entry = ref.entry
            sev = entry.severity
            inside: tuple[str, ...] = ()
            sense = None
            if got is not None:
                inside, rule = got
                if rule is not None:
                    sev, sense = rule.severity, rule.sense
            stack = self._inside_stack(entry, inside, stack)
            if stack:
                sev += sum(m.severity for m in stack)
            if s in sites:
                use = self._use(text, norm, s, e, seg, labels)
            elif labels and senses.declined(norm, s):
                use = "mention"
            else:
                use = "use"
            hits.append(_new_tuple(Hit, (os_, oe, ref.lexicon, entry, sev, stack, use, inside, sense)))
        return hits

    def _stack(self, final, mods, norm, amap) -> None:
        refs = self._refs
        mods = sorted(mods, key=lambda t: (t[1], -(t[1] - t[0])))
        ends: dict[int, list] = {}
        for m in mods:
            ends.setdefault(m[1], []).append(m)
        starts_taken = [(f[0], f[1]) for f in final]
        for f in final:
            head_entry = refs[f[2]].entry
            while True:
                j = f[0]
                # separators between modifier and head: one space, hyphen or line break
                i = j
                while i > 0 and norm[i - 1] in " -\n" and j - i < 2:
                    i -= 1
                if i == j:
                    break
                mod = None
                for m in ends.get(i, ()):
                    me = refs[m[2]].entry
                    if head_entry.category in me.stacks_onto and not any(
                            a < m[1] and m[0] < b for a, b in starts_taken if (a, b) != (f[0], f[1])):
                        mod = m
                        break
                if mod is None:
                    break
                f[5].insert(0, refs[mod[2]].entry)
                f[0] = mod[0]
                f[3] = self._to_orig(mod[0], amap)


@functools.lru_cache(maxsize=16)
def _cached(key: tuple) -> Matcher:
    from ..lexicon import load_lexicons

    specs, defaults = key
    return Matcher(load_lexicons(list(specs), defaults=defaults))


def get_matcher(specs: Iterable[str] = (), defaults: bool = True) -> Matcher:
    """A shared, cached matcher for the shipped packs (if ``defaults``) plus ``specs``."""
    return _cached((tuple(specs), bool(defaults)))
