"""Attribution and sourcing: who says what, with which verb, and how the document is sourced.

One ``attribution`` span per attribution found. The span's ``start``/``end``
cover the *source mention* (``Harris``, ``the LA Times``, ``she``); its fields
say who the source is (``source``, normalised; ``source_type``), which cue
attributes (``cue``, ``cue_start``, ``cue_end``, ``stance``), what is attributed
(``content_start``, ``content_end``, null where there is no content) and how
(``mode``: ``direct``, ``indirect``, ``according_to``, ``document``,
``no_response``; also the span's label). docs/methods_attribution.md describes
every rule and its limits.

The extractor is rule-based over the segmentation (sentences and quotation
regions) and the ``report_verb`` spans of the report_verbs pack, plus the word
lists of ``lexicons/source_types.txt`` (source typing, extra cues, refusals to
comment). It needs no tagger or model. It works locally around each cue: the
text is scanned by C-level regular expressions once per document, and Python
loops run only over the few tokens next to a cue.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .._resources import lexicon_dir
from ..errors import LexiconError
from ..model import Span
from ..text.segmentation import count_words, load_abbreviations

__all__ = ["AttributionExtractor", "SourceLexicon", "load_source_lexicon", "ATTRIBUTION_FIELDS", "SOURCE_TYPES",
           "MODES"]

ATTRIBUTION_FIELDS = ("source", "source_type", "named", "cue", "cue_start", "cue_end", "stance", "mode",
                      "content_start", "content_end", "resolved_from", "uncertain", "hedged", "passive")

#: Allowed values of the ``source_type`` field.
SOURCE_TYPES = ("person", "official", "organization", "media", "document", "anonymous", "vague", "pronoun")
#: Allowed values of the ``mode`` field (and the span label).
MODES = ("direct", "indirect", "according_to", "document", "no_response")

_SECTIONS = ("pronoun", "role", "organization", "media", "media_generic", "document", "vague", "anonymous",
             "adverbial", "between", "stop", "cue", "document_cue", "no_response", "inversion", "place")
_VALUED = ("cue", "document_cue")
_STANCES = ("neutral", "distancing", "endorsing", "evaluative")


# ---------------------------------------------------------------------------
# the word lists


@dataclass
class SourceLexicon:
    """The sections of ``source_types.txt``: sets of lowercased words and word sequences."""

    path: str
    name: str
    version: str
    sha256: str
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # single-word entries per section
    phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # multi-word entries
    cues: dict[str, str] = field(default_factory=dict)  # form -> stance
    document_cues: dict[str, str] = field(default_factory=dict)
    no_response: tuple[str, ...] = ()
    entries: int = 0

    def has(self, section: str, word: str) -> bool:
        return word in self.words.get(section, ())

    def info(self) -> dict:
        return {"name": self.name, "version": self.version, "kind": "source_types", "entries": self.entries,
                "sha256": self.sha256, "path": self.path}


def load_source_lexicon(path: str | Path | None = None) -> SourceLexicon:
    """Read a ``source_types.txt`` file (format in its header). Every problem is reported at once."""
    p = Path(path) if path is not None else lexicon_dir() / "source_types.txt"
    return _load_cached(str(p))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> SourceLexicon:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconError([f"{path}:1: (file): cannot read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError([f"{path}:1: (file): not valid UTF-8"]) from None
    problems: list[str] = []
    meta = {"name": Path(path).stem, "version": "0"}
    sections: dict[str, list[tuple[int, str]]] = {s: [] for s in _SECTIONS}
    current: str | None = None
    for ln, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            m = re.match(r"#\s*(name|version):\s*(\S+)\s*$", stripped)
            if m:
                meta[m.group(1)] = m.group(2)
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
            if current not in sections:
                problems.append(f"{path}:{ln}: section: unknown section [{current}]; allowed: "
                                + ", ".join(_SECTIONS))
                current = None
                continue
            continue
        if current is None:
            problems.append(f"{path}:{ln}: entry: {stripped!r} is outside any known section")
            continue
        sections[current].append((ln, line.rstrip("\r\n")))
    lex = SourceLexicon(path, meta["name"], meta["version"], hashlib.sha256(raw).hexdigest())
    n = 0
    for sec in _SECTIONS:
        singles: set[str] = set()
        multi: set[tuple[str, ...]] = set()
        for ln, line in sections[sec]:
            n += 1
            if sec in _VALUED:
                parts = line.split("\t")
                if len(parts) != 2 or parts[1].strip() not in _STANCES:
                    problems.append(f"{path}:{ln}: {sec}: expected 'form<TAB>stance' with stance one of "
                                    f"{', '.join(_STANCES)}, got {line.strip()!r}")
                    continue
                form, stance = " ".join(parts[0].lower().split()), parts[1].strip()
                (lex.cues if sec == "cue" else lex.document_cues)[form] = stance
                continue
            if sec == "no_response":
                try:
                    re.compile(line.strip())
                except re.error as exc:
                    problems.append(f"{path}:{ln}: no_response: bad regular expression {line.strip()!r}: {exc}")
                    continue
                lex.no_response += (line.strip(),)
                continue
            words = tuple(line.lower().split())
            if len(words) == 1:
                singles.add(words[0])
            else:
                multi.add(words)
        lex.words[sec] = frozenset(singles)
        lex.phrases[sec] = tuple(sorted(multi, key=len, reverse=True))
    for sec in ("pronoun", "role", "document", "vague", "between", "stop"):
        if not sections[sec]:
            problems.append(f"{path}:1: [{sec}]: section is missing or empty")
    if problems:
        raise LexiconError(problems)
    lex.entries = n
    return lex


# ---------------------------------------------------------------------------
# tokens

#: Words (with internal apostrophes and hyphens) and single punctuation marks.
_WORD_PAT = r"[^\W_]+(?:['’\-‐‑][^\W_]+)*"
_PUNCT_PAT = r"[^\w\s]"
_TOKEN_RE = re.compile(_WORD_PAT + "|" + _PUNCT_PAT)
_QUOTE_CHARS = frozenset("\"“”„«»‘’'")
_APOS = frozenset("'’")
_DETERMINERS = frozenset("the a an this these those his her their its our my your any another every each no".split())
_RELATIVE = frozenset(("who", "which", "that"))
_CONNECT = frozenset(("of", "for"))
_NP_PREPS = frozenset(("at", "with", "from", "in", "on", "to", "close"))
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}s?$")
_TELL = frozenset("told tell tells telling informed assured warned reminded urged".split())
_SENT_END = ".!?…"
_MONTHS = frozenset("january february march april may june july august september october november december jan feb "
                    "mar apr jun jul aug sep sept oct nov dec".split())
#: Two or three capitalised words in a row (a possible full name); the last one is looked up as a surname.
#: The pattern opens with the capital (the look-behind follows it) so that the regex engine can skip ahead to
#: capitals instead of trying the look-behind at every position.
_NAME_RUN_RE = re.compile(r"[A-Z](?<![\w’'\-].)[\w’'\-]*[^\W\d_]\s(?:[A-Z][\w’'\-]*[^\W\d_]\s)?"
                          r"[A-Z][^\W_]+(?:[\-‐‑][A-Z][^\W_]+)?(?![\w\-])")
_PASSIVE_FORM = operator.methodcaller("endswith", ("ed", "en", "told", "said", "thought"))
_BE_FORMS = ("was", "were", "is", "are", "been", "be", "being")
_BE_RE = re.compile(r"(?<![^\W_])(?:" + "|".join(_BE_FORMS) + r")(?![^\W_])")
_MEMO_MAX = 200_000  # entries of a per-extractor memo before it is emptied (bounds memory on large corpora)
#: A speaker label at the start of a sentence: one to six capitalised words (titles, initials, hyphens, a short
#: gloss in parentheses, 'and', 'of' or a lower-case noun such as 'camp' between them), a colon, and then text.
_LABEL_WORD = r"(?:[A-Z][\w’'\-]*\.?|\([^()\n]{1,12}\))"
_COLON_LABEL_RE = re.compile(r"[\"“‘']?(" + _LABEL_WORD + r"(?:[^\S\n](?:" + _LABEL_WORD + r"|and|of|&|[a-z]+))"
                             r"{0,5}):(?=[^\S\n]+[\"“‘'A-Z]|[\"“‘'])")
#: *call* as a verb of characterisation ('called the plan "a relic"'); see _call_complement.
_CALL_RE = re.compile(r"call(?:ed|s|ing)?")
#: Between *called* and its quoted complement: no clause punctuation (an abbreviation's period is allowed).
_CALL_GAP_BAD_RE = re.compile(r"[,;:!?()\[\]—–]|(?<![A-Z])\.(?!\w)")
#: A word right after *called* that makes it another verb: 'called for', 'called on', 'called off', 'called in'.
_CALL_NOT_OBJECT = frozenset("for on upon off up out back in into to at from over about by with it's".split())
#: Conjunctions that coordinate a reporting verb with an earlier verb of the same subject.
_COORD = frozenset(("and", "but", "then"))
#: Between a subject and its coordinated cue: a clause boundary or quotation that may bring another subject.
_COORD_BLOCK_RE = re.compile(r"[;\"“”‘’«»()]|(?<![^\W_])(?:who|which|whose|whom|where|when|while|because|although|though|"
                             r"if|unless|whether|since|after|before|until)(?![^\W_])|(?:^|\s)'|'(?:\s|$)")
#: ... or another reporting verb (then that verb's attribution is the one to extend, not this one).
_COORD_CUE_RE = re.compile(r"(?<![^\W_])(?:said|says|say|told|tells|added|adds|wrote|writes|stated|declared|announced|"
                           r"argued|claimed|insisted)(?![^\W_])")
#: Determiners that open a sentence subject found by _det_subject ('The agency released the figures and said').
_SUBJECT_DETS = frozenset(("the", "a", "an"))
_ADVERBS = frozenset("also first not never previously later widely once initially originally".split())
#: 'in' + a poll or survey ('In a Quill Institute poll released Monday, 52 percent ...', 'leads in the polls'): up
#: to six words of the noun phrase before the noun, none a clause word (checked in _in_poll).
_IN_POLL_RE = re.compile(r"(?<![^\W_])in\s+((?:[^\s,;:()\"“”‘’]+\s+){0,6}?(?:polls?|surveys?))(?![^\W_\-‐‑])")
#: What may follow the poll noun within its phrase: when it was released or taken, and by whom.
_IN_POLL_TAIL_RE = re.compile(
    r"(?:\s+(?:released|conducted|published|taken)(?:\s+(?:on|in|last|this|earlier|late|early))?"
    r"(?:\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|"
    + "|".join(sorted(_MONTHS)) + r"))"
    r"|\s+(?:last|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)"
    r"|\s+(?:released|conducted|published|commissioned|taken)\s+by\s+[^,;:.!?\"“”()]{1,60}?(?=,))(?![^\W_])",
    re.IGNORECASE)
#: What may open a sentence before a fronted 'In a ... poll,': quotation marks and a conjunction.
_IN_POLL_LEAD_RE = re.compile(r"[\s\"“‘'(]*(?:(?:but|and|yet|still|meanwhile|also)\s+)?$", re.IGNORECASE)


class _Tok(NamedTuple):
    """A token with its offsets, lower-cased text, and whether it is a word and capitalised.

    A named tuple, so that a list of tokens is built by C-level ``map`` calls (:func:`_tokens`) rather than
    one Python ``__init__`` per token."""

    start: int
    end: int
    text: str
    low: str
    is_word: bool
    cap: bool


#: ``_TOKEN_RE`` with the skipped gap (white space and underscores) and the two kinds of token as groups.
_TOKEN_GAP_RE = re.compile(r"([\s_]*)(?:(" + _WORD_PAT + r")|(" + _PUNCT_PAT + r"))")
_new_tok = functools.partial(tuple.__new__, _Tok)
_first = operator.itemgetter(0)


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens of ``text[start:end]`` (as ``_TOKEN_RE.finditer(text, start, end)``), built without a Python
    loop: the gap before each token gives the offsets by a running sum."""
    found = _TOKEN_GAP_RE.findall(text, start, end)
    if not found:
        return []
    gaps, words, puncts = zip(*found)
    toks = list(map(operator.add, words, puncts))
    lens = list(map(len, toks))
    ends = list(itertools.accumulate(map(operator.add, map(len, gaps), lens), initial=start))
    del ends[0]
    starts = map(operator.sub, ends, lens)
    return list(map(_new_tok, zip(starts, ends, toks, map(str.lower, toks), map(bool, words),
                                  map(str.isupper, map(_first, toks)))))


class _TokCache:
    """Tokens of a document, computed per sentence on first use and sliced by offsets."""

    __slots__ = ("text", "seg", "low", "by_sent", "memo")

    def __init__(self, text: str, seg, low: str | None = None):
        self.memo: dict = {}  # per-document results shared with _normalise (the document's full names)
        self.text = text
        self.seg = seg
        self.low = text.lower() if low is None else low  # same length as text
        self.by_sent: dict[int, tuple[list[int], list[_Tok]]] = {}

    def _sentence(self, start: int, end: int):
        si = self.seg.sentence_at(start)
        ss, se = self.seg.sentences[si]
        if not (ss <= start and end <= se):
            return None
        got = self.by_sent.get(si)
        if got is None:
            toks = _tokens(self.text, ss, se)
            got = ([t.start for t in toks], toks)
            self.by_sent[si] = got
        return got

    def get(self, start: int, end: int) -> list[_Tok]:
        """The sentence's tokens that lie in ``[start, end)`` (a token cut by ``end`` is left out)."""
        if end <= start:
            return []
        got = self._sentence(start, end)
        if got is None:
            return _tokens(self.text, start, end)
        starts, toks = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        while j > i and toks[j - 1].end > end:
            j -= 1
        return toks[i:j]

    def exact(self, start: int, end: int) -> list[_Tok]:
        """``_tokens(text, start, end)``, sliced from the sentence's tokens when no token straddles a bound."""
        if end <= start:
            return []
        got = self._sentence(start, end)
        if got is None:
            return _tokens(self.text, start, end)
        starts, toks = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if (i > 0 and toks[i - 1].end > start) or (j > 0 and toks[j - 1].end > end):
            return _tokens(self.text, start, end)
        return toks[i:j]


def _trie_pattern(words) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (fast on long lists)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _words_compile(forms) -> re.Pattern | None:
    """A case-sensitive trie pattern for lower-case ``forms``, run on the lower-cased text (much faster than
    IGNORECASE); word boundaries are checked on each match by :func:`_find_words`."""
    forms = [f.lower() for f in forms]
    if not forms:
        return None
    # multi-word forms are matched with single spaces replaced by any white space
    pat = _trie_pattern(forms).replace(r"\ ", r"\s+").replace(" ", r"\s+")
    return re.compile(pat)


def _find_words(pattern: re.Pattern, low: str):
    """``(start, end)`` of every match of ``pattern`` in ``low`` that is a whole word or word sequence."""
    n = len(low)
    for m in pattern.finditer(low):
        s, e = m.span()
        if s > 0:
            c = low[s - 1]
            if c.isalnum() or c in "_’'-":
                continue
        if e < n:
            c = low[e]
            if c.isalnum() or c in "_-":
                continue
        yield s, e


# ---------------------------------------------------------------------------
# the extractor


@dataclass
class _Cue:
    start: int
    end: int
    stance: str
    kind: str  # report_verb | according_to | cue | document_cue | no_response
    category: str | None = None


@dataclass
class _Attr:
    src_start: int
    src_end: int
    cue: _Cue
    mode: str
    source_type: str
    source: str | None
    named: bool
    content: tuple[int, int] | None
    voice: str
    passive: bool = False
    rule: str = ""
    resolved_from: str | None = None
    uncertain: bool = False
    pronoun: str | None = None
    mention: tuple[int, int] | None = None  # the span's offsets when they differ from the source phrase


class AttributionExtractor:
    """``attribution`` spans and the document's sourcing metrics (docs/methods_attribution.md).

    Runs after the ``report_verbs`` extractor (whose spans are the main cue
    candidates) and the ``loaded_terms`` and ``hedges`` extractors (used for the
    unsourced evaluative sentences metric and the ``hedged`` field).
    """

    name = "attribution"
    span_fields = ATTRIBUTION_FIELDS

    def __init__(self, config=None):
        self.config = config
        path = getattr(config, "source_lexicon", None)
        self.lex = load_source_lexicon(path)
        lx = self.lex
        self._abbr_title = load_abbreviations().title
        self._cue_re = _words_compile(lx.cues)
        self._doc_cue_re = _words_compile(lx.document_cues)
        self._noresp_re = re.compile(r"(?<![\w’'])(?:" + "|".join(f"(?:{p})" for p in lx.no_response) + r")(?![\w])",
                                     re.IGNORECASE) if lx.no_response else None
        # refusals are looked for only near one of their key words (one fast pass over the text)
        self._noresp_key = re.compile(_trie_pattern(
            "comment respon repl return answer reached available interview discuss elaborate speak inquir request "
            "message call email question".split()))
        self._adverbials = _Phrases({tuple(p) for p in lx.phrases.get("adverbial", ())}
                                    | {(w,) for w in lx.words.get("adverbial", ())})
        self._type_memo: dict = {}  # see _type
        self._name_memo: dict = {}  # see _doc_names
        self._noun_sections = ("role", "organization", "media", "document", "vague", "anonymous")
        # sets and indexes computed once, so that the per-cue code does set look-ups only
        self._nouns = frozenset().union(*(lx.words.get(s, ()) for s in self._noun_sections)) | {"familiar", "close"}
        self._common = frozenset().union(*(lx.words.get(s, ()) for s in _SECTIONS if s not in _VALUED)) | \
            _DETERMINERS
        self._name_lead = (lx.words["stop"] | _DETERMINERS | lx.words["pronoun"] | lx.words["between"]
                           | lx.words.get("adverbial", frozenset()))
        self._not_source_words = (lx.words.get("adverbial", frozenset()) | lx.words["between"] | lx.words["stop"]
                                  | _DETERMINERS | _MONTHS)
        self._coord_verbs = lx.words.get("inversion", frozenset()) - {"continued", "posted"}
        self._role_suffixes = tuple(sorted(w for w in lx.words["role"] if len(w) > 2))
        self._generic_media = tuple(" ".join(p) for p in lx.phrases.get("media_generic", ()))
        anon = lx.phrases.get("anonymous", ())
        self._anon_re = re.compile(" (?:" + "|".join(re.escape(" ".join(p)) for p in anon) + ") ") if anon else None
        # any document noun as a whole word (a superset of the token test in _type)
        self._doc_word_re = re.compile(r"(?<![^\W_])(?:" + _trie_pattern(sorted(lx.words["document"])) + r")(?![^\W_])")

    def resources(self):
        return [self.lex.info()]

    # -- cue candidates -------------------------------------------------
    def _cues(self, doc, seg, spans, low: str) -> list[_Cue]:
        text = doc.text
        cands: list[tuple[int, _Cue]] = []  # (priority, cue); lower priority value wins overlaps
        if self._noresp_re is not None:
            seen = -1
            for k in self._noresp_key.finditer(low):
                if k.start() < seen:
                    continue
                lo = max(0, k.start() - 60)
                for m in self._noresp_re.finditer(text, lo, min(len(text), k.end() + 80)):
                    if m.start() >= seen:
                        cands.append((0, _Cue(m.start(), m.end(), "neutral", "no_response", "no_response")))
                        seen = m.end()
                seen = max(seen, k.end())
        for s in spans:
            if s.kind != "report_verb" or s.attrs.get("use", "use") != "use":
                continue
            cat = s.attrs.get("category")
            kind = "according_to" if cat == "according_to" else "report_verb"
            cands.append((1, _Cue(s.start, s.end, s.attrs.get("stance") or "neutral", kind, cat)))
        if self._doc_cue_re is not None:
            for ms, me in _find_words(self._doc_cue_re, low):
                form = " ".join(low[ms:me].split())
                if form in self.lex.cues:
                    continue  # also a general cue ("estimated"): handled as one, documents included
                cands.append((2, _Cue(ms, me, self.lex.document_cues.get(form, "neutral"),
                                      "document_cue", "document")))
        if self._cue_re is not None:
            for ms, me in _find_words(self._cue_re, low):
                form = " ".join(low[ms:me].split())
                cands.append((3, _Cue(ms, me, self.lex.cues.get(form, "neutral"), "cue", "cognition")))
        for ms, me in _find_words(_CALL_RE, low):  # 'Marr called the plan "a relic"'
            cands.append((5, _Cue(ms, me, "neutral", "call", "call")))
        for m in _IN_POLL_RE.finditer(low):  # 'in a Quill Institute poll': the poll is the source
            cands.append((6, _Cue(m.start(), m.start() + 2, "neutral", "in_poll", "document")))
        for ss, se in seg.sentences:  # a speaker label: 'Marr: We will appeal.', 'FENWICK: I disagree.'
            m = _COLON_LABEL_RE.match(text, ss, se)
            if m is not None:
                cands.append((4, _Cue(m.end(1), m.end(1) + 1, "neutral", "colon", "colon")))
        cands.sort(key=lambda c: (c[0], c[1].start))
        taken: list[tuple[int, int]] = []
        out: list[_Cue] = []
        for _, c in cands:
            i = bisect.bisect_left(taken, (c.start, c.end))
            clash = (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end)
            if clash:
                # a document verb that coincides with a report verb ("the data said") keeps the report verb
                continue
            taken.insert(i, (c.start, c.end))
            out.append(c)
        out.sort(key=lambda c: c.start)
        return out

    # -- extraction -----------------------------------------------------
    def extract(self, doc, seg, spans):
        text = doc.text
        if not seg.sentences:
            return []
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased (e.g. dotted capital I)
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        cues = self._cues(doc, seg, spans, low)
        if not cues:
            return []
        hedges = sorted((s.start, s.end) for s in spans if s.kind == "hedge")
        q_starts = [q.start for q in seg.quotes]
        attrs: list[_Attr] = []
        tc = _TokCache(text, seg, low)
        for cue in cues:
            a = self._one(text, seg, cue, q_starts, tc)
            if a is not None:
                attrs.append(a)
        if any(a.rule == "in_poll" for a in attrs):
            # 'the voters in the survey said': the poll is part of another source, not a source of its own
            others = [(a.src_start, a.src_end) for a in attrs if a.rule != "in_poll"]
            attrs = [a for a in attrs if a.rule != "in_poll" or not any(
                o0 < a.src_end and a.src_start < o1 for o0, o1 in others)]
        self._normalise(text, seg, attrs, tc)
        _trim_nested(text, attrs)
        out: list[Span] = []
        for a in attrs:
            c = a.cue
            lo = min(a.src_start, c.start)
            hi = max(a.src_end, c.end)
            hedged = _overlaps_any(hedges, c.start, c.end) or _overlaps_any(hedges, lo, hi)
            m0, m1 = a.mention or (a.src_start, a.src_end)
            if a.mention and a.mention[0] > a.src_start and a.resolved_from is None:
                a.resolved_from = text[m0:m1]  # a relative pronoun standing for its antecedent
            out.append(Span(
                "attribution", m0, m1, text[m0:m1], a.mode,
                f"attribution:{a.rule}", a.voice, seg.sentence_at(m0),
                {"source": a.source, "source_type": a.source_type, "named": a.named,
                 "cue": text[c.start:c.end], "cue_start": c.start, "cue_end": c.end, "stance": c.stance,
                 "mode": a.mode,
                 "content_start": a.content[0] if a.content else None,
                 "content_end": a.content[1] if a.content else None,
                 "resolved_from": a.resolved_from, "uncertain": a.uncertain, "hedged": hedged,
                 "passive": a.passive},
            ))
        return out

    def _bounds(self, seg, pos: int) -> tuple[int, int, object]:
        """The sentence around ``pos``, clipped to the quotation holding ``pos`` if any."""
        si = seg.sentence_at(pos)
        ss, se = seg.sentences[si]
        q = seg.quote_at(pos)
        if q is not None and q.uncertain:
            q = None  # unbalanced marks: the quotation's extent is a guess, so a cue inside it is read as the reporter's
        if q is not None:
            ss, se = max(ss, q.content_start), min(se, q.content_end)
        return ss, se, q

    def _one(self, text, seg, cue: _Cue, q_starts, tc: _TokCache) -> _Attr | None:
        ss, se, inq = self._bounds(seg, cue.start)
        if cue.start < ss or cue.end > se:
            return None
        voice = "author" if inq is None else "quoted"
        if voice == "quoted" and cue.kind == "cue":
            return None  # "I think", "we believe" inside a quotation are the speaker's own hedges, not sourcing
        lex = self.lex
        if cue.kind == "document_cue" and not self._doc_word_re.search(tc.low, ss, cue.start) and not (
                _PASSIVE_FORM(tc.low[cue.start:cue.end]) and _BE_RE.search(tc.low, ss, cue.start)):
            # a document verb needs a document noun in its subject, or a passive ("was found by"): with neither
            # anywhere before it in the sentence, nothing below can succeed, so the sentence is not tokenised
            return None
        complement = None
        if cue.kind == "call":
            complement = self._call_complement(text, seg, cue, q_starts, se, inq)
            if complement is None:
                return None
        left = tc.get(max(ss, cue.start - 240), cue.start)
        right = tc.get(cue.end, min(se, cue.end + 200))

        if cue.kind == "no_response":
            np = self._left_np(text, left, ss)
            if np is None:
                return None
            s0, s1, _ = np
            stype, named = self._type(tc, text, s0, s1, cue.start, ss)
            return _Attr(s0, s1, cue, "no_response", stype, None, named, None, voice, rule="no_response",
                         mention=self._left_mention(left, s0, s1))

        if cue.kind == "in_poll":
            return self._in_poll(text, cue, tc, ss, se, voice, right)

        if cue.kind == "colon":
            return self._colon(text, seg, cue, q_starts, tc, ss, se, voice)

        if cue.kind == "according_to":
            np = self._right_np(text, right, se)
            if np is None:
                return None
            s0, s1 = np
            stype, named = self._type(tc, text, s0, s1, s1, ss)
            stype, named = self._media_via_modifier(tc, text, s0, s1, stype, named)
            content = self._content_around(text, ss, se, cue.start, s1, right)
            return _Attr(s0, s1, cue, "according_to", stype, None, named, content, voice, rule="according_to")

        # passive: "it was reported", "was reported by the Courier"
        prev = len(left) - 1
        while prev >= 0 and left[prev].is_word and (left[prev].low in _ADVERBS or (
                len(left[prev].low) > 4 and left[prev].low.endswith("ly") and not left[prev].cap)):
            prev -= 1
        if prev >= 0 and left[prev].low in _BE_FORMS \
                and _PASSIVE_FORM(text[cue.start:cue.end].lower()):
            if right and right[0].low == "by":
                np = self._right_np(text, right[1:], se)
                if np is None:
                    return None
                s0, s1 = np
                stype, named = self._type(tc, text, s0, s1, s1, ss)
                content = self._content_around(text, ss, se, cue.start, s1, right)
                return _Attr(s0, s1, cue, "indirect", stype, None, named, content, voice, passive=True,
                             rule="passive_by")
            subj = prev - 1
            if subj >= 0 and left[subj].low == "it":
                content = self._content_after(text, right, se, cue)
                if content is None:
                    return None
                return _Attr(cue.start, cue.end, cue, "indirect", "vague", None, False, content, voice,
                             passive=True, rule="passive_it")
            return None  # "Harris was told", "he was asked": the subject is the addressee
        prev = _skip_back(left, lex, len(left) - 1, between_only=True)
        if prev >= 0 and left[prev].low in ("when", "if", "as", "after", "before", "while", "once") \
                and cue.kind != "document_cue":
            return None  # "when asked", "as reported": no source here

        inversion = False
        np = None
        last = left[-1] if left else None
        if last is None or last.text in _QUOTE_CHARS or last.text in ":;—–(" or \
                (last.text in ".!?" and last.start < ss):
            inversion = True
        else:
            np = self._left_np(text, left, ss)
            inversion = np is None and last.text == ","
        rule = "left"
        if cue.kind == "call" and tc.low[cue.start:cue.end] == "calling":
            # a participle: ', calling the plan "a relic"' takes the sentence's subject; without a comma it modifies
            # a noun ('signs calling the mayor "a liar"') and is not attributed
            if last is None or last.text != ",":
                return None
            np, inversion = None, False
        if np is None and last is not None and last.text == "," and text[cue.start:cue.end].lower().endswith("ing"):
            stoks = tc.get(ss, cue.start)
            np = self._subject(stoks)  # "Ellery slammed the ruling, saying that ..."
            if np is not None and cue.kind == "call" and not self._plausible_subject(text, stoks, np[0], np[1]):
                np = None
            if np is not None:
                rule = "participle"
        if np is None and not inversion and voice == "author" and cue.kind == "report_verb" and \
                tc.low[cue.start:cue.end] in self._coord_verbs:
            np = self._coordinated(tc, text, left, ss, cue)  # "Marr toured the plant and said ..."
            if np is not None:
                rule = "coordinated"
        if np is None:
            cue_form = " ".join(text[cue.start:cue.end].lower().split())
            if not inversion or cue.kind in ("document_cue",) or not self.lex.has("inversion", cue_form):
                return None
            rnp = self._right_np(text, right, se)
            if rnp is None:
                return None
            s0, s1 = rnp
            rule = "inverted"
        else:
            s0, s1, _ = np
            if rule == "left" and voice == "author" and cue.kind == "report_verb" and \
                    tc.low[cue.start:cue.end].endswith("ing"):
                sub = self._statement_subject(tc, text, ss, s0, s1)
                if sub is not None:  # 'The agency issued a statement saying ...': the agency, not the statement
                    s0, s1, _ = sub
                    rule = "statement"
        if self._not_a_source(tc, text, s0, s1):
            return None
        stype, named = self._type(tc, text, s0, s1, s1 if rule == "inverted" else cue.start, ss)
        if cue.kind == "document_cue" and stype != "document":
            return None
        doc_head = stype == "document"
        stype, named = self._media_via_modifier(tc, text, s0, s1, stype, named)

        # content
        content = None
        mode = "indirect"
        after_pos = s1 if rule == "inverted" else cue.end
        if complement is not None:
            direct, content = complement
            if direct and stype not in ("person", "official", "pronoun") and \
                    set(text[cue.end:content[0]].lower().split()) <= {"the", "a", "an", "\"", "“", "‘", "'"}:
                return None  # 'a group called "Neighbors First"', 'a formula called the "chained index"': naming
            mode = "direct" if direct else "indirect"
        elif inq is None:
            qc = self._direct(text, seg, q_starts, min(s0, cue.start), max(s1, cue.end), ss, se)
            if qc is not None:
                content, mode = qc, "direct"
        if content is None:
            rtoks = tc.get(s1, se) if rule == "inverted" else right
            if rule == "left" and text[cue.start:cue.end].lower() in _TELL:
                rn = self._right_np(text, rtoks, se)
                if rn is not None:
                    rtoks = tc.get(rn[1], se)
            content = self._content_after(text, rtoks, se, cue)
            if content is None or (cue.kind != "document_cue" and rule == "left" and content[1] - content[0] < 2):
                # the content precedes: "..., the LA Times reported."
                content = self._content_before(text, ss, min(s0, cue.start))
            if content is None:
                return None
            starts_that = text[content[0]:content[0] + 5].lower().startswith("that ") or \
                text[after_pos:content[0]].lower().strip(" ,:").endswith("that")
            if cue.stance == "evaluative" and not starts_that and content[0] > cue.start:
                return None  # "boasts a long history": an evaluative verb with an object, not reported speech
        if (stype == "document" or doc_head) and mode != "direct":
            mode = "document"
        mention = None
        if rule == "left":
            mention = self._left_mention(left, s0, s1)
        elif rule == "inverted":
            mention = self._right_mention(text, s0, s1, se)
        return _Attr(s0, s1, cue, mode, stype, None, named, content, voice, rule=rule, mention=mention)

    def _in_poll(self, text, cue: _Cue, tc: _TokCache, ss: int, se: int, voice: str, right) -> _Attr | None:
        """A fronted 'in' + a poll or survey: 'In a Quill Institute poll released Monday, 52 percent backed the levy'.
        The source is the noun phrase after 'in' (with when it was released, or a 'by' agent); the content is the
        rest of the sentence. Only at the start of a sentence in the reporter's voice, with a comma after the
        phrase, and not when a word of the phrase is a function word or a pronoun ('In response to the survey').
        'leads in the polls' (mid-sentence) is left alone: PolNeAR's annotators mark it only now and then."""
        if voice != "author" or not _IN_POLL_LEAD_RE.match(text, ss, cue.start):
            return None
        m = _IN_POLL_RE.match(tc.low, cue.start, se)
        if m is None:
            return None
        s0, s1 = m.span(1)
        lex = self.lex
        toks = [t for t in tc.exact(s0, s1) if t.is_word]
        if not toks or any(t.low in lex.words["stop"] or t.low in lex.words["pronoun"] or t.low in _RELATIVE
                           or t.low in ("and", "or", "to", "for", "with") for t in toks[:-1]):
            return None
        head_end = s1
        tail = _IN_POLL_TAIL_RE.match(text, s1, se)
        if tail is not None:
            s1 = tail.end()
        if not text.startswith(",", s1):
            return None
        stype, named = self._type(tc, text, s0, head_end, head_end, ss)  # typed on the phrase up to the poll noun
        stype, named = self._media_via_modifier(tc, text, s0, head_end, stype, named)
        content = self._content_around(text, ss, se, cue.start, s1, tc.get(s1, se))
        if content is None:
            return None
        return _Attr(s0, s1, cue, "document", stype, None, named, content, voice, rule="in_poll")

    def _call_complement(self, text, seg, cue: _Cue, q_starts, se: int, inq):
        """What *called* ascribes: ``(True, quotation content)`` for 'called the plan "a relic"' or 'what Marr
        called "a relic"', where at most six words (the object) stand between the verb and a quotation in the
        same sentence; None otherwise ('called for', 'called the police', 'a call for calm', 'so-called')."""
        quotes = seg.quotes
        k = bisect.bisect_left(q_starts, cue.end)
        if k >= len(quotes):
            return None
        q = quotes[k]
        if q.start >= se or q.label == "title" or (inq is not None and q.start >= inq.content_end):
            return None
        gap = text[cue.end:q.start]
        words = gap.split()
        if len(words) > 6 or _CALL_GAP_BAD_RE.search(gap):
            return None
        if words and words[0].lower() in _CALL_NOT_OBJECT:
            return None
        prev = text[max(0, cue.start - 4):cue.start].lower()
        if prev.endswith(("so ", "so-")):
            return None
        return (True, (q.content_start, q.content_end))

    def _colon(self, text, seg, cue: _Cue, q_starts, tc: _TokCache, ss: int, se: int, voice: str) -> _Attr | None:
        """A speaker label opening a sentence: 'Lena Marr: We will appeal.' (headline style), 'MARR: I disagree.'
        (transcript style), 'Marr: "We will appeal."'. The label must be a name used as a name elsewhere in the
        document (its last word ends a full name found there, in any case), or name an outlet or organisation by
        one of their words (`NY Ledger:`), or be a document noun (`Poll:`); so 'Update:', 'Ratio: 3 to 1' or
        'Bottom Line:' are not sources."""
        toks = tc.get(ss, cue.start)
        while toks and toks[0].text in _QUOTE_CHARS:
            toks = toks[1:]
        words = [t for t in toks if t.is_word]
        if not words or len(words) > 6 or len(words[-1].text) < 2:
            return None
        s0, s1 = toks[0].start, toks[-1].end
        lex = self.lex
        if any(t.low.endswith(("'s", "’s")) or t.low[:1].isdigit() for t in words):
            return None
        if any(not t.cap and t.low not in ("and", "of") and not self._is_noun(t.low) for t in words):
            return None  # 'Marr said:', 'Marr added this:' are left to the verb
        if words[0].low in _DETERMINERS or any(t.low in lex.words["stop"] or t.low in lex.words["between"]
                                               or t.low in lex.words["pronoun"] for t in words if t.low != "of"):
            return None  # 'The One Thing Both Sides Want:', 'Why It Matters:'
        caps = all(t.text.isupper() for t in words if t.low not in ("and", "of"))
        lows = [t.low for t in words]
        stype, named = None, True
        surname = words[-1].text.lower()
        # a full name elsewhere in the document (not this label) ending with the label's last word
        found = [official for pos, nm, official in self._doc_names(text, tc.memo)
                 if not (s0 <= pos < s1) and nm.split()[-1].lower() == surname]
        if found and not any(lex.has("organization", w) or _media_word(lex, w) or lex.has("document", w)
                             for w in lows):
            stype = "official" if any(found) or any(lex.has("role", w.rstrip(".")) for w in lows) else "person"
        elif not caps and any(t.cap and (lex.has("organization", t.low) or _media_word(lex, t.low)) for t in words):
            stype, named = self._type(tc, text, s0, s1, cue.start, ss)
            if stype not in ("organization", "media"):
                return None
        elif not caps and lex.has("document", lows[-1]) and len(words) <= 3:
            stype, named = "document", any(t.cap for t in words[:-1])
        else:
            return None
        # content: a quotation right after the colon, else the rest of the paragraph
        qc = self._direct(text, seg, q_starts, s0, cue.end, ss, se) if voice == "author" else None
        if qc is not None:
            content, mode = qc, "direct"
        else:
            pe = seg.paragraphs[seg.paragraph_at(cue.end)][1]
            c0 = cue.end
            while c0 < pe and text[c0].isspace():
                c0 += 1
            c1 = _trim_end(text, c0, pe)
            if len(text[c0:c1].split()) < 4:
                return None  # a section header ('Marr: A long shot.'), not something said
            content, mode = (c0, c1), ("document" if stype == "document" else "indirect")
        return _Attr(s0, s1, cue, mode, stype, None, named, content, voice, rule="colon")

    def _left_mention(self, left: list[_Tok], s0: int, s1: int) -> tuple[int, int] | None:
        """The mention as written when it is more than the source phrase ``text[s0:s1]`` before the cue.

        An apposition or non-restrictive clause between the source and the cue belongs to the mention
        ('Paul Maslin, a Democratic pollster, said' -> the span runs to the second comma; ``source`` stays
        'Paul Maslin'); a relative pronoun right before the cue is the mention itself ('Barkley, who said' ->
        'who', ``source`` 'Barkley', ``resolved_from`` 'who')."""
        i = _skip_back(left, self.lex, len(left) - 1, adverbials=self._adverbials)
        if i < 0:
            return None
        t = left[i]
        if t.text in ",)" and t.start >= s1:
            return (s0, t.end)
        if t.is_word and t.low in _RELATIVE and t.start >= s1:
            return (t.start, t.end)
        return None

    def _right_mention(self, text: str, s0: int, s1: int, se: int) -> tuple[int, int] | None:
        """An apposition after an inverted source ('said Paul Maslin, a Democratic pollster.'): the mention runs
        to the end of the sentence, or to a comma that opens a participle or a coordinated clause (comma
        included)."""
        m = _APPOSITION_RE.match(text, s1, se)
        if m is None:
            return None
        end = _trim_end(text, s1, se)
        while end > s1 and text[end - 1] in _QUOTE_CHARS:
            end = _trim_end(text, s1, end - 1)
        cut = _APPOSITION_END_RE.search(text, m.end(), end)
        if cut is not None:
            end = cut.start() + 1
        return (s0, end) if end > s1 else None

    # -- source phrases -------------------------------------------------
    def _left_np(self, text, toks: list[_Tok], ss: int):
        """The noun phrase that ends right before the cue: ``(start, end, n_words)`` or None."""
        lex = self.lex
        i = _skip_back(toks, lex, len(toks) - 1, adverbials=self._adverbials)
        if i < 0:
            return None
        t = toks[i]
        if t.text == ",":
            # an appositive or parenthetical between source and cue: "Dunmore, a Republican ..., said"
            j = i - 1
            while j >= 0 and toks[j].text not in ",;:" and toks[j].text not in _QUOTE_CHARS and i - j < 40:
                j -= 1
            if j < 0 or toks[j].text != "," or i - j < 2:
                return None
            i = j - 1
            if i < 0:
                return None
            t = toks[i]
            if t.is_word and t.low[:1].isdigit() and i >= 2 and toks[i - 1].text == "," and toks[i - 2].is_word:
                i -= 2  # an age before the apposition: "Marley Anderson, 21, a junior from Las Vegas, said"
                t = toks[i]
        if t.text == ")":
            # a party and state or a short gloss in parentheses: "Sen. Bernie Sanders (I-Vt.) said"
            j = i - 1
            while j >= 0 and toks[j].text not in "()" and i - j < 8:
                j -= 1
            if j < 1 or toks[j].text != "(" or not toks[j - 1].is_word:
                return None
            i = j - 1
            t = toks[i]
        if not t.is_word:
            return None
        if t.low in lex.words["pronoun"]:
            return (t.start, t.end, 1)
        if t.low in _RELATIVE:
            # "Barrientos, who directs the coalition, said" is handled above; "outlets that described",
            # "a lawyer who said": the source is the noun phrase before the relative pronoun
            j = i - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j < 0 or not toks[j].is_word or toks[j].low in lex.words["stop"]:
                return None
            return self._left_np(text, toks[:j + 1], ss)
        if t.text[-2:].lower() in ("'s", "’s") or (t.text[-1:] in _APOS):
            return None  # a possessive is not a subject: "the county's (nationally praised) ..."
        k = i
        first = i + 1
        words = 0
        while k >= 0:
            t = toks[k]
            low = t.low
            if t.is_word:
                if low == "by" and k >= 2 and k < i and toks[k - 1].low.endswith("ed") and \
                        self._is_noun(toks[k - 2].low):
                    k -= 1  # "emails obtained by the Ledger", "records reviewed by the Gazette"
                    continue
                if low in lex.words["stop"] and low not in _CONNECT:
                    if low in _NP_PREPS and k > 0 and toks[k - 1].is_word and self._is_noun(toks[k - 1].low) \
                            and k < i:
                        k -= 1
                        continue
                    break
                if low in lex.words["pronoun"] and not t.cap:
                    break
                if low == "and" or low == "&":
                    if 0 < k < i and toks[k - 1].cap and toks[k + 1].cap:
                        k -= 1
                        continue
                    break
                if low in _CONNECT and (k == i or k == 0):
                    break
                first = k
                words += 1
                if words > 10:
                    return None
                if low in _DETERMINERS and not (k > 0 and (toks[k - 1].low in _CONNECT or toks[k - 1].text in _APOS
                                                          or (toks[k - 1].low in _NP_PREPS and k > 1
                                                              and self._is_noun(toks[k - 2].low))
                                                          or (toks[k - 1].low == "by" and k > 2
                                                              and toks[k - 2].low.endswith("ed")
                                                              and self._is_noun(toks[k - 3].low)))):
                    break  # a determiner opens the noun phrase
            else:
                c = t.text
                if c == "." and k > 0 and (toks[k - 1].text in self._abbr_title or
                                           (len(toks[k - 1].text) == 1 and toks[k - 1].cap)):
                    k -= 1
                    continue
                if c in _APOS and k > 0 and toks[k - 1].text[-1:] in "sSzZ" and k < i:
                    k -= 1
                    continue
                if c in "-&" and k < i:
                    k -= 1
                    continue
                break
            k -= 1
        # drop leading connectors and lower-case non-nouns that cannot open a source phrase
        while first <= i and toks[first].low in _CONNECT | {"and", "&"}:
            first += 1
        if first > i:
            return None
        if toks[first].low == "no" and not (first < i and toks[first + 1].low == "one"):
            return None  # "no questions asked", "no official said": a negated subject is nobody
        if first > 0 and toks[first - 1].is_word and toks[first - 1].low not in ("and", "but", "or", "so", "yet",
                                                                                  "while", "because", "as"):
            # a subject with a restrictive relative clause: "officials who spoke on condition of anonymity said",
            # "an official who was not authorized to speak said": the clause runs back to "who"
            j = first - 1
            while j >= 0 and toks[j].low != "who" and toks[j].text not in ",;:" and \
                    toks[j].text not in _QUOTE_CHARS and i - j < 18:
                j -= 1
            if j > 0 and toks[j].low == "who" and toks[j - 1].is_word and toks[j - 1].low not in lex.words["stop"]:
                sub = self._left_np(text, toks[:j], ss)
                if sub is not None:
                    end = i
                    while end + 1 < len(toks) and toks[end + 1].is_word and toks[end + 1].low.endswith("ly") \
                            and not toks[end + 1].cap:
                        end += 1  # "... not authorized to speak publicly said"
                    return (sub[0], toks[end].end, sub[2] + (end - j + 1))
        return (toks[first].start, toks[i].end, words)

    def _not_a_source(self, tc, text, s0, s1) -> bool:
        """A phrase made only of time words, adverbs, numbers and function words ('On Sunday', 'Meanwhile')."""
        function_words = self._not_source_words
        for t in tc.exact(s0, s1):
            if t.is_word and not (t.low in function_words or t.low[:1].isdigit()):
                return False
        return True

    def _coordinated(self, tc, text, left: list[_Tok], ss: int, cue: _Cue):
        """The subject of a cue coordinated with an earlier verb of the same subject: 'Marr toured the plant and
        said ...', 'Pell thanked the crew but said ...', 'Vance signed the order, then said ...'.

        The cue must follow *and*, *but* or *then* (with adverbs and auxiliaries between); the subject is the
        sentence's (a leading name or pronoun, as for a participle). Nothing is returned when another cue, a
        quotation mark, a semicolon or a relative clause lies between the subject and the cue, since the
        coordinated verb might then belong to another clause."""
        i = _skip_back(left, self.lex, len(left) - 1, between_only=True)
        if i < 1 or not left[i].is_word or left[i].low not in _COORD:
            return None
        conj = left[i]
        if conj.low == "then" and i >= 1 and left[i - 1].low in ("and", "but"):
            conj = left[i - 1]
        toks = tc.get(ss, conj.start)
        np = self._subject(toks)
        if np is None:
            return None
        s0, s1, n = np
        between = tc.low[s1:conj.start]
        if len(between.split()) < 1 or _COORD_BLOCK_RE.search(between) or _COORD_CUE_RE.search(between):
            return None
        if not self._plausible_subject(text, toks, s0, s1):
            return None
        # 'He returned ... and said little': not a report
        rest = tc.low[cue.end:cue.end + 12].split()
        if rest and rest[0].strip(".,") in ("little", "nothing", "so"):
            return None
        return np

    def _statement_subject(self, tc, text, ss: int, s0: int, s1: int):
        """For a participle cue whose left noun phrase ``text[s0:s1]`` is a document object of a verb ('The agency
        issued a statement saying', 'Vance sent an email to donors asking'): the sentence subject (a name, pronoun
        or determiner subject as for a participle), or None. The object must open with *a* or *an* and end in a
        document noun, and the word before it must be a lower-case verb."""
        obj = [t for t in tc.exact(s0, s1) if t.is_word]
        cut = next((j for j, t in enumerate(obj) if j and (t.low in _NP_PREPS or t.low in _CONNECT)), len(obj))
        if cut < 2 or obj[0].low not in ("a", "an") or not self.lex.has("document", obj[cut - 1].low):
            return None
        toks = tc.get(ss, s0)
        lex = self.lex
        if not toks or not toks[-1].is_word or toks[-1].cap or toks[-1].low in _DETERMINERS or \
                toks[-1].low in lex.words["stop"] or toks[-1].low in lex.words["pronoun"] or self._is_noun(toks[-1].low):
            return None
        np = self._subject(toks)
        if np is None or not self._plausible_subject(text, toks, np[0], np[1]):
            return None
        between = tc.low[np[1]:s0]
        if _COORD_BLOCK_RE.search(between) or _COORD_CUE_RE.search(between) or "," in between:
            return None
        return np

    def _plausible_subject(self, text, toks: list[_Tok], s0: int, s1: int) -> bool:
        """Whether the sentence subject ``text[s0:s1]`` found by :meth:`_subject` is a pronoun or a name followed by
        its verb (a lower-case word), with no function word, possessive or participle in it ('Walking to the next
        address, ...', 'In TV interviews ...', 'It's ...'); a single capitalised word must be used as a name
        elsewhere in the document ('Beyond', 'Eight' open sentences too)."""
        sub = [t for t in toks if s0 <= t.start and t.end <= s1]
        nxt = next((t for t in toks if t.start >= s1), None)
        if nxt is None or not nxt.is_word or nxt.cap:
            return False
        if len(sub) == 1 and sub[0].low in self.lex.words["pronoun"]:
            return True
        if sub and sub[0].low in _SUBJECT_DETS:
            got = self._det_subject([t for t in toks if t.start >= s0])
            return got is not None and got[1] == s1
        words = [t for t in sub if t.is_word]
        if any(t.low in self._common and t.text not in self._abbr_title or t.low.endswith(("'s", "’s", "ing"))
               for t in words):
            return False
        return len(words) > 1 or _name_elsewhere(text, words[0].text)

    def _subject(self, toks: list[_Tok]):
        """A sentence-initial name or pronoun: ``(start, end, n_words)`` or None."""
        lex = self.lex
        if not toks or not toks[0].is_word:
            return None
        # skip an opening adverbial that ends in a comma: "On Friday, Mr. Trump ..., saying"
        first_comma = next((j for j, t in enumerate(toks[:10]) if t.text == ","), None)
        if first_comma is not None and (toks[0].low in lex.words["stop"] or toks[0].low in lex.words["adverbial"]
                                        or toks[0].low.endswith("ly")):
            toks = toks[first_comma + 1:]
            if not toks or not toks[0].is_word:
                return None
        if toks[0].low in lex.words["pronoun"]:
            return (toks[0].start, toks[0].end, 1)
        if toks[0].low in _SUBJECT_DETS:
            return self._det_subject(toks)
        k = 0
        while k < len(toks) and k < 8 and (
                (toks[k].is_word and toks[k].cap) or
                (toks[k].text == "." and k > 0 and toks[k - 1].text in self._abbr_title)):
            k += 1
        if k == 0 or toks[k - 1].text == "." or (k == 1 and self._is_noun(toks[0].low)):
            return None
        return (toks[0].start, toks[k - 1].end, k)

    def _is_noun(self, low: str) -> bool:
        return low in self._nouns

    def _head_noun(self, t: _Tok) -> bool:
        """A word that can end a determiner subject: a capitalised word or a source noun (also plural)."""
        return t.is_word and (t.cap or self._is_noun(t.low) or (t.low.endswith("s") and self._is_noun(t.low[:-1])))

    def _det_subject(self, toks: list[_Tok]):
        """A sentence subject opened by *the*, *a* or *an* whose head is a source noun or a name, followed by a
        lower-case word that is not a noun (its verb): 'The agency released ...', 'The Valley Water Board voted ...',
        'A spokesman for Mayor Ada Quist defended ...'. Up to five words after the determiner, none a function word,
        pronoun, auxiliary or possessive; an *of* or *for* + name after the head is part of the subject.
        ``(start, end, n_words)`` or None."""
        lex = self.lex
        bad = lex.words["stop"] | lex.words["pronoun"] | lex.words["between"] | _DETERMINERS | _CONNECT | {"and", "or"}
        n = len(toks)

        def is_verb(t: _Tok) -> bool:
            return t.is_word and not t.cap and t.low not in bad - lex.words["between"] and not self._is_noun(t.low) \
                and not (t.low.endswith("s") and self._is_noun(t.low[:-1])) and not t.low.endswith(("'s", "’s"))

        j = 1
        while j < n and j <= 5:
            t = toks[j]
            if not t.is_word:
                if t.text == "." and toks[j - 1].text in self._abbr_title or t.text in "-‐‑":
                    j += 1
                    continue
                return None
            if t.low in bad or t.low.endswith(("'s", "’s")):
                return None
            if self._head_noun(t) and j + 1 < n:
                nxt = toks[j + 1]
                end = j
                if nxt.low in ("of", "for") and j + 2 < n and toks[j + 2].cap:
                    k = j + 2  # 'A spokesman for Mayor Ada Quist of Harlow'
                    while k < n and k < j + 9 and ((toks[k].is_word and (toks[k].cap or toks[k].low == "of")) or (
                            toks[k].text == "." and toks[k - 1].text in self._abbr_title)):
                        k += 1
                    while k - 1 > j + 2 and not (toks[k - 1].is_word and toks[k - 1].cap):
                        k -= 1
                    end, nxt = k - 1, (toks[k] if k < n else None)
                    if nxt is None:
                        return None
                if is_verb(nxt):
                    return (toks[0].start, toks[end].end, end + 1)
            j += 1
        return None

    def _right_np(self, text, toks: list[_Tok], se: int):
        """The noun phrase right after a cue (inversion, ``according to X``, passive agent)."""
        lex = self.lex
        k = 0
        n = len(toks)
        good = -1
        unknown = 0
        seen_cap = False
        after_det = False
        while k < n and k < 24:
            t = toks[k]
            low = t.low
            if t.is_word:
                if low in lex.words["pronoun"] and k == 0:
                    return (t.start, t.end)
                if low in _DETERMINERS and (k == 0 or toks[k - 1].low in _CONNECT | _NP_PREPS):
                    k += 1
                    after_det = True
                    continue
                if low in _CONNECT or (low in _NP_PREPS and good >= 0 and self._is_noun(toks[good].low)):
                    if good < 0:
                        break
                    k += 1
                    continue
                if low in ("and", "&") and good >= 0 and toks[good].cap and k + 1 < n and toks[k + 1].cap:
                    k += 1
                    continue
                if low in lex.words["stop"]:
                    break
                if t.cap or self._is_noun(low) or (after_det and k > 1):
                    good = k
                    unknown = 0
                    seen_cap = seen_cap or t.cap
                    after_det = False
                else:
                    if seen_cap and good == k - 1 and toks[good].cap and not self._is_noun(low) and not (
                            k + 1 < n and toks[k + 1].cap and toks[k + 1].is_word):
                        break  # the name run is over ("told the LA Times allowing ...")
                    unknown += 1
                    if unknown > 3:
                        break
            else:
                c = t.text
                if c == "." and k > 0 and (toks[k - 1].text in self._abbr_title or
                                           (len(toks[k - 1].text) == 1 and toks[k - 1].cap)) and \
                        k + 1 < n and toks[k + 1].cap:
                    k += 1
                    continue
                if c in _APOS and k > 0 and toks[k - 1].text[-1:] in "sSzZ" and k + 1 < n and toks[k + 1].is_word:
                    k += 1
                    continue
                if c in "-&" and good == k - 1:
                    k += 1
                    continue
                break
            k += 1
        if good < 0:
            return None
        return (toks[0].start if toks[0].is_word else toks[1].start, toks[good].end)

    # -- typing -----------------------------------------------------------
    def _type(self, tc, text, s0, s1, cue_start, ss) -> tuple[str, bool]:
        """``(source_type, named)`` of the source mention ``text[s0:s1]``.

        The result depends only on the mention, the text between it and the cue, and whether the mention
        opens its sentence, so it is memoised on those (sources recur: "he said", "Trump said")."""
        initial = s0 == ss or text[ss:s0].strip(" \"“‘'") == ""
        key = (text[s0:max(s1, cue_start)], s1 - s0, initial)
        got = self._type_memo.get(key)
        if got is None:
            got = self._type_uncached(tc, text, s0, s1, cue_start, initial)
            if len(self._type_memo) >= _MEMO_MAX:
                self._type_memo.clear()
            self._type_memo[key] = got
        return got

    def _type_uncached(self, tc, text, s0, s1, cue_start, initial) -> tuple[str, bool]:
        lex = self.lex
        all_toks = tc.exact(s0, s1)
        toks = [t for t in all_toks if t.is_word]
        if not toks:
            return "vague", False
        lows = [t.low for t in toks]
        if len(toks) == 1 and lows[0] in lex.words["pronoun"]:
            return "pronoun", False
        anonymous = lex.words["anonymous"]
        if any(w in anonymous for w in lows):
            return "anonymous", False
        if self._anon_re is not None:
            region = " " + " ".join(_TOKEN_RE.findall(text[s0:max(s1, cue_start)].lower())) + " "
            if self._anon_re.search(region):
                return "anonymous", False
        # head part: after the last possessive, before the first post-modifier
        # the first post-modifier ("a spokesperson for the sheriff's office") ends the head part
        stop_at = next((j for j in range(1, len(toks)) if lows[j] in _CONNECT or lows[j] in _NP_PREPS
                        or lows[j] in ("by", "who", "that", "which")), len(toks))
        head_lo = 0
        nword = 0
        for t in all_toks:
            if t.is_word:
                nword += 1
                if nword > stop_at:
                    break
                if t.text[-2:].lower() in ("'s", "’s"):
                    head_lo = nword
            elif t.text in _APOS and nword:
                head_lo = nword
        if head_lo >= stop_at:
            head_lo = 0
        head_hi = stop_at
        head = toks[head_lo:head_hi]
        hl = [t.low for t in head]

        common = self._common.__contains__

        def proper(ts):
            # a capitalised word that is not a title; at the start of a sentence only if not a common word
            return [t for t in ts if t.cap and not (t is toks[0] and initial and common(t.low))
                    and t.low not in _DETERMINERS and not lex.has("role", t.low.rstrip("."))]

        last = hl[-1] if hl else ""
        named_any = bool(proper(toks))
        roles = [j for j, w in enumerate(hl) if lex.has("role", w) or _phrase_in(lex, "role", hl, j)]
        media_cap = any(t.cap and _media_word(lex, t.low) for t in head)
        org_cap = any(t.cap and lex.has("organization", t.low) for t in head)
        generic = " ".join(lows)
        if generic.endswith(self._generic_media):
            return "media", False
        # the head noun (last word of the head part) decides first
        if lex.has("document", last):
            return "document", named_any
        if lex.has("organization", last) or _phrase_in(lex, "organization", hl, len(hl) - 1):
            return ("media" if media_cap else "organization"), named_any
        if lex.has("media", last) and not head[-1].cap:
            return "media", named_any  # "the newspaper", "right-wing outlets"
        if lex.has("role", last) or _phrase_in(lex, "role", hl, len(hl) - 1):
            return "official", bool(proper(head))
        if lex.has("vague", last):
            return "vague", False
        if head and head[-1].cap:
            # a name: an official if a title or role precedes it with no organisation or outlet word after the role
            if roles and not any(lex.has("organization", w) or _media_word(lex, w) for w in hl[roles[-1] + 1:]):
                return "official", True
            if media_cap:
                return "media", True
            if org_cap or (_ACRONYM_RE.match(head[-1].text) and not lex.has("role", last)):
                return "organization", True
            if proper(head) or (initial and len(head) == 1):
                return "person", True
        # a lower-case head that is none of the above: a document noun earlier in the head ("court documents filed")
        if any(lex.has("document", w) for w in hl):
            return "document", named_any
        if roles:
            return "official", bool(proper(head))
        return "vague", False

    def _media_via_modifier(self, tc, text, s0, s1, stype, named):
        """'a 2009 article from the LA Times', 'the Courier's report': a document credited to an outlet."""
        if stype != "document":
            return stype, named
        lex = self.lex
        toks = [t for t in tc.exact(s0, s1) if t.is_word]
        if any(t.cap and _media_word(lex, t.low) for t in toks):
            return "media", True
        return stype, named

    # -- content ----------------------------------------------------------
    def _direct(self, text, seg, q_starts, a0, a1, ss, se):
        """Quoted content next to the attribution ``text[a0:a1]``: ``(start, end)`` or None."""
        quotes = seg.quotes
        pi = seg.paragraph_at(a0)
        ps, pe = seg.paragraphs[pi]
        i = bisect.bisect_left(q_starts, a1)  # first quote starting at/after the attribution
        before = None
        j = i - 1
        while j >= 0 and quotes[j].end > a0:
            j -= 1
        if j >= 0 and quotes[j].start >= ps and quotes[j].label != "title":
            gap = text[quotes[j].end:a0]
            if _only_punct(gap):
                before = quotes[j]
        after = None
        if i < len(quotes) and quotes[i].start < pe and quotes[i].label != "title":
            q = quotes[i]
            gap = text[a1:q.start]
            if before is not None:
                # split quote: '"...," she said. "..."' or '"...," Harris told the outlet, "..."'
                ok = _few_words(gap, 6) and (q.start < se or _sentence_start(seg, q.start))
            else:
                ok = _only_punct(gap.replace(":", "")) or (_few_words(gap, 4) and gap.rstrip()[-1:] in ":,")
            if ok:
                after = q
        if before is None and after is None and text[a1:pe].strip() == ":" and i < len(quotes) \
                and pi + 1 < len(seg.paragraphs) and quotes[i].start == seg.paragraphs[pi + 1][0]:
            after = quotes[i]  # 'Brandt said:' closing a paragraph, the quotation opening the next one
        if before is None and after is None:
            return None
        first = before or after
        last = after or before
        # a multi-paragraph quotation goes on while a region says it continues
        k = _index_of(quotes, q_starts, last)
        while quotes[k].continues and k + 1 < len(quotes) and quotes[k + 1].continued:
            k += 1
        last = quotes[k]
        k = _index_of(quotes, q_starts, first)
        while quotes[k].continued and k > 0 and quotes[k - 1].continues:
            k -= 1
        first = quotes[k]
        return (first.content_start, last.content_end)

    def _content_after(self, text, toks: list[_Tok], se: int, cue: _Cue):
        """Indirect content: from after the cue (and 'that') to the end of the sentence."""
        k = 0
        n = len(toks)
        while k < n:
            t = toks[k]
            if t.text in ",:" or t.low == "that":
                k += 1
                continue
            hit = _adverbial_at(toks, k, self._adverbials)
            if hit:
                k += hit
                continue
            break
        if k >= n:
            return None
        start = toks[k].start
        end = _trim_end(text, start, se)
        if end <= start:
            return None
        return (start, end)

    def _content_before(self, text, ss, a0):
        """Content that precedes its attribution: 'X happened, the LA Times reported.'"""
        end = a0
        while end > ss and text[end - 1] in " ,;:—–\t\n\u00a0":
            end -= 1
        start = ss
        while start < end and text[start] in " \"“‘'":
            start += 1
        if end - start < 2:
            return None
        return (start, end)

    def _content_around(self, text, ss, se, cue_start, np_end, right):
        """Content of 'according to X': the rest of the sentence on either side."""
        before = self._content_before(text, ss, cue_start)
        after_start = np_end
        while after_start < se and text[after_start] in " ,;:—–":
            after_start += 1
        end = _trim_end(text, after_start, se)
        if before is not None and (end - after_start) < 3:
            return before
        if before is None and end - after_start >= 3:
            return (after_start, end)
        if before is not None:
            return (before[0], end)
        return None

    # -- normalisation and pronouns ----------------------------------------
    def _normalise(self, text, seg, attrs: list[_Attr], tc: _TokCache) -> None:
        cache = tc.memo
        names: dict[str, tuple[str, bool]] = {}  # surname -> (full name, is official), from this document's sources
        for a in attrs:
            if a.source_type in ("person", "official") and a.named:
                full = self._name_part(tc, text, a.src_start, a.src_end)
                if full and " " in full:
                    names.setdefault(full.split()[-1], (full, a.source_type == "official"))
        for a in attrs:
            mention = text[a.src_start:a.src_end]
            if a.source_type == "pronoun":
                a.pronoun = mention
                a.source = mention
                continue
            if a.passive and a.rule == "passive_it":
                a.source = None
                continue
            if a.source_type in ("person", "official") and a.named:
                nm = self._name_part(tc, text, a.src_start, a.src_end) or _strip_det(mention)
                if " " not in nm:
                    hit = names.get(nm) or self._full_name(text, nm, cache)
                    if hit is None and nm.isupper() and a.rule == "colon":  # a transcript label: 'DUNLOP:'
                        hit = names.get(nm.title()) or self._full_name(text, nm.title(), cache)
                    if hit:
                        nm = hit[0]
                        if hit[1]:
                            a.source_type = "official"  # "Pilbeam" after "State Sen. Agnes Pilbeam"
                a.source = nm
            elif a.source_type == "media" and a.named:
                a.source = self._outlet_name(tc, text, a.src_start, a.src_end) or _strip_det(" ".join(mention.split()))
            else:
                a.source = _strip_det(" ".join(mention.split()))
            a.source = a.source.replace("’", "'")
        # a short form of an organisation or outlet named in full elsewhere in the document
        full_forms = {a.source for a in attrs if a.source_type in ("media", "organization") and a.named and a.source}
        for a in attrs:
            if a.source_type in ("media", "organization") and a.named and a.source:
                longer = {f for f in full_forms if f.endswith(" " + a.source)}
                if len(longer) == 1:
                    a.source = longer.pop()
        # pronouns and generic outlet nouns ("the newspaper") take the nearest clear antecedent
        paras: list[int] | None = None
        generic_forms = frozenset(self._generic_media)
        for idx, a in enumerate(attrs):
            generic_media = a.source_type == "media" and not a.named and \
                " ".join(text[a.src_start:a.src_end].lower().split()) in generic_forms
            if a.source_type != "pronoun" and not generic_media:
                continue
            low = text[a.src_start:a.src_end].lower()
            if generic_media:
                compatible = ("media",)
            elif low in ("he", "she"):
                compatible = ("person", "official")
            elif low == "they":
                compatible = ("organization", "vague", "anonymous", "official")
            elif low == "it":
                compatible = ("organization", "media", "document")
            else:
                a.uncertain = True
                continue
            if paras is None:
                paras = [seg.paragraph_at(b.src_start) for b in attrs]
            para = paras[idx]
            cands: list[tuple[int, str, str, bool]] = []  # (position, source, type, named)
            for bi, b in enumerate(attrs[:idx]):
                if paras[bi] >= para - 2 and b.source_type in compatible and \
                        (b.named or low == "they") and b.source and b.src_start < a.src_start:
                    cands.append((b.src_start, b.source, b.source_type, b.named))
            if low in ("he", "she"):
                # people named in the text before the pronoun, even if not quoted ("Lorcan Pell runs the shelter")
                doc_names = self._doc_names(text, cache)
                if "name_paras" not in cache:
                    cache["name_paras"] = [seg.paragraph_at(pos) for pos, _, _ in doc_names]
                for (pos, nm, official), npara in zip(doc_names, cache["name_paras"]):
                    if pos >= a.src_start:
                        break
                    if npara >= para - 2:
                        known = names.get(nm.split()[-1])
                        cands.append((pos, nm, "official" if official or (known and known[1]) else "person", True))
            if not cands:
                a.uncertain = True
                continue
            cands.sort()
            merged = {}
            for c in cands:
                merged[c[1]] = c  # the latest mention of each name
            distinct = set(merged)
            nearest = cands[-1]
            same_para = {c[1] for c in cands if seg.paragraph_at(c[0]) == para}
            if len(distinct) == 1 or (len(same_para) == 1 and nearest[1] in same_para):
                a.resolved_from = text[a.src_start:a.src_end]
                _, a.source, a.source_type, a.named = nearest
            else:
                a.uncertain = True

    def _doc_names(self, text, cache: dict) -> list[tuple[int, str, bool]]:
        """Full personal names in the document: ``(start, name, preceded by a title)``, in text order."""
        if "names" in cache:
            return cache["names"]
        out = []
        role_suffixes = self._role_suffixes
        memo = self._name_memo
        for m in _NAME_RUN_RE.finditer(text):
            group = m.group()
            got = memo.get(group)
            if got is None:
                got = self._name_of_run(group)
                if len(memo) >= _MEMO_MAX:
                    memo.clear()
                memo[group] = got
            if not got:
                continue
            offset, name, official = got
            ms = m.start()
            out.append((ms + offset, name, official or (ms > 0 and text[max(0, ms - 6):ms]
                                                       .rstrip(" .").lower().endswith(role_suffixes))))
        cache["names"] = out
        return out

    def _name_of_run(self, group: str):
        """For a run of capitalised words: ``(offset of the name in the run, name, preceded by a title)``, or
        ``()`` when the run is not a personal name (fewer than two words left, a place, an organisation)."""
        lex = self.lex
        ws = group.split()
        official = False
        k = 0
        for w in ws:
            lw = w.lower().rstrip(".")
            if lex.has("role", lw) or w in self._abbr_title:
                official = True
                k += 1
                continue
            if lw in self._name_lead:
                k += 1
                continue
            break
        rest = ws[k:]
        if len(rest) < 2 or lex.has("place", rest[-1].lower()) or any(
                lex.has("organization", w.lower()) or _media_word(lex, w.lower()) or lex.has("document", w.lower())
                for w in rest):
            return ()
        name = " ".join(rest)
        offset = len(group) - len(name) if group.endswith(name) else 0
        return (offset, name, official)

    def _outlet_name(self, tc, text, s0, s1) -> str | None:
        """The capitalised run that names the outlet ('a 2009 article from the LA Times' -> 'LA Times')."""
        toks = tc.exact(s0, s1)
        runs: list[list[_Tok]] = []
        cur: list[_Tok] = []
        for t in toks:
            if t.is_word and t.cap:
                cur.append(t)
            elif cur and (t.text in "-‐‑&." or t.low in ("and", "of")):
                cur.append(t)
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for run in reversed(runs):
            while run and not (run[-1].is_word and run[-1].cap):
                run.pop()
            while run and run[0].low in _DETERMINERS:
                run.pop(0)
            if run and any(t.is_word and _media_word(self.lex, t.low) for t in run):
                return text[run[0].start:run[-1].end]
        return None

    def _name_part(self, tc, text, s0, s1) -> str | None:
        """The personal name in a mention: the last run of capitalised words, titles and roles removed."""
        toks = tc.exact(s0, s1)
        # stop at a post-modifier ("a spokesperson for Gov. Alan Whitlock" has no name of its own)
        words = []
        for t in toks:
            if t.is_word and t.low in _CONNECT | _NP_PREPS:
                break
            words.append(t)
        run: list[_Tok] = []
        for t in reversed(words):
            if t.is_word and t.cap and not self.lex.has("role", t.low) and t.text not in self._abbr_title:
                run.append(t)
            elif not t.is_word and t.text in "-‐‑" and run:
                continue
            else:
                break
        if not run:
            return None
        run.reverse()
        return text[run[0].start:run[-1].end]

    def _full_name(self, text, surname, cache: dict) -> tuple[str, bool] | None:
        """A longer form of a one-word name used in the document ('Castellano' -> 'Maren Castellano'), and whether
        a title preceded it; None when there is no such form or more than one."""
        if not surname[:1].isupper():
            return None
        found = {}
        for _, nm, official in self._doc_names(text, cache):
            if nm.split()[-1] == surname:
                found[nm] = found.get(nm, False) or official
        if len(found) != 1:
            return None
        return next(iter(found.items()))

    # -- metrics ------------------------------------------------------------
    def metrics(self, doc, seg, spans):
        words = seg.word_count
        attrs = [s for s in spans if s.kind == "attribution" and s.voice == "author"]
        n = len(attrs)
        sentences_with = set()
        for s in attrs:
            sentences_with.add(s.sentence)
            sentences_with.add(seg.sentence_at(s.attrs["cue_start"]))
        nsent = len(seg.sentences)
        types = Counter(s.attrs["source_type"] for s in attrs)
        modes = Counter(s.label for s in attrs)
        distinct = {s.attrs["source"] for s in attrs if s.attrs["source"] and s.attrs["source_type"] != "pronoun"}
        named = sum(1 for s in attrs if s.attrs.get("named"))
        # words in direct quotations: quotations the segmenter labels direct (a quoted sentence or clause),
        # plus shorter ones that are the content of a direct attribution ('"We will appeal," Haldane said')
        direct_spans = [(s.attrs["content_start"], s.attrs["content_end"]) for s in attrs if s.label == "direct"]
        direct_words = sum(count_words(doc.text, q.content_start, q.content_end) for q in seg.quotes
                           if q.label == "direct" or (q.label != "title" and any(
                               a <= q.content_start and q.content_end <= b for a, b in direct_spans)))
        # evaluative language in the reporter's voice, in sentences with no attribution
        evaluative_sents = set()
        for s in spans:
            if s.voice != "author" or s.attrs.get("use", "use") != "use":
                continue
            if (s.kind == "loaded_term" and s.attrs.get("severity", 0) > 0) or s.kind == "booster" or \
                    (s.kind == "report_verb" and s.attrs.get("stance") == "evaluative"):
                evaluative_sents.add(s.sentence)
        author_sents = {s.sentence for s in spans if s.kind == "sentence" and s.voice == "author"}
        if not any(s.kind == "sentence" for s in spans):
            author_sents = set(range(nsent))
        covered = set(sentences_with)
        for s in attrs:
            cs, ce = s.attrs.get("content_start"), s.attrs.get("content_end")
            if cs is not None and ce is not None and ce > cs:
                a, b = seg.sentence_at(cs), seg.sentence_at(max(cs, ce - 1))
                covered.update(range(a, b + 1))
        unsourced = sorted(i for i in evaluative_sents if i is not None and i in author_sents and i not in covered)
        return {
            "attributions": n,
            "attributions_per_100w": round(100.0 * n / words, 3) if words else 0.0,
            "attributed_sentence_share": round(len(sentences_with) / nsent, 4) if nsent else 0.0,
            "sources_distinct": len(distinct),
            "sources_named_share": round(named / n, 4) if n else 0.0,
            "sources_anonymous": types.get("anonymous", 0),
            "sources_vague": types.get("vague", 0),
            "sources_media_share": round(types.get("media", 0) / n, 4) if n else 0.0,
            "sources_by_type": {t: types[t] for t in SOURCE_TYPES if types.get(t)},
            "attributions_by_mode": {m: modes[m] for m in MODES if modes.get(m)},
            "no_responses": modes.get("no_response", 0),
            "direct_quote_words": direct_words,
            "direct_quote_share": round(direct_words / words, 4) if words else 0.0,
            "unsourced_evaluative": len(unsourced),
            "unsourced_evaluative_share": round(len(unsourced) / len(author_sents), 4) if author_sents else 0.0,
            "unsourced_evaluative_sentences": unsourced,
        }


# ---------------------------------------------------------------------------
# helpers


def _trim_nested(text: str, attrs: list[_Attr]) -> None:
    """End an indirect content where a later attribution's own source begins.

    In "Harris claimed it was not the county's role, the LA Times reported" the
    content of *claimed* stops before ", the LA Times reported".
    """
    for a in attrs:
        if a.mode in ("direct", "no_response") or a.content is None:
            continue
        c0, c1 = a.content
        for b in attrs:
            if b is a or b.content is None:
                continue
            if c0 < b.src_start < c1 and b.content[1] <= b.src_start and min(b.src_start, b.cue.start) > a.cue.end:
                end = min(b.src_start, b.cue.start)
                while end > c0 and text[end - 1] in " ,;:—–\t\n\u00a0":
                    end -= 1
                if end > c0:
                    c1 = end
        a.content = (c0, c1)


def _has(lex: SourceLexicon, section: str, lows: list[str], region: str) -> bool:
    if any(lex.has(section, w) for w in lows):
        return True
    return any(" " + " ".join(p) + " " in region for p in lex.phrases.get(section, ()))


def _phrase_in(lex: SourceLexicon, section: str, hl: list[str], j: int) -> bool:
    """Whether a multi-word entry of ``section`` ends at word ``j`` of ``hl``."""
    for p in lex.phrases.get(section, ()):
        n = len(p)
        if j + 1 >= n and tuple(hl[j + 1 - n:j + 1]) == p:
            return True
    return False


def _media_word(lex: SourceLexicon, low: str) -> bool:
    """A media word, also as part of a hyphenated name ('Courier-Ledger')."""
    media = lex.words.get("media", frozenset())
    if low in media:
        return True
    if "-" in low or "‐" in low or "‑" in low:
        return any(w in media for w in _HYPHEN_RE.split(low) if w)
    return False


_HYPHEN_RE = re.compile(r"[\-‐‑]")


def _skip_back(toks: list[_Tok], lex: SourceLexicon, i: int, *, between_only: bool = False, adverbials=()) -> int:
    """Index of the last token before ``i`` (inclusive) that is not an auxiliary, adverb or adverbial."""
    while i >= 0:
        t = toks[i]
        low = t.low
        if t.is_word and (low in lex.words["between"] or (len(low) > 4 and low.endswith("ly") and not t.cap)):
            i -= 1
            continue
        if t.is_word and low.endswith(("n't", "n’t")):
            i -= 1
            continue
        if not between_only and adverbials:
            hit = adverbials.ending_at(toks, i)
            if hit:
                i -= hit
                continue
        if not between_only and t.text in _APOS and i > 0 and toks[i - 1].low in ("didn", "doesn", "hasn",
                                                                                    "haven", "wasn"):
            i -= 1
            continue
        break
    return i


def _adverbial_at(toks: list[_Tok], k: int, adverbials) -> int:
    return adverbials.starting_at(toks, k)


class _Phrases:
    """Word sequences indexed by first and last word, for matching at a token position."""

    def __init__(self, phrases):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=len, reverse=True):
            self.by_first.setdefault(p[0], []).append(p)
            self.by_last.setdefault(p[-1], []).append(p)

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def starting_at(self, toks, k: int) -> int:
        for p in self.by_first.get(toks[k].low, ()):
            n = len(p)
            if k + n <= len(toks) and all(toks[k + q].low == p[q] for q in range(1, n)):
                return n
        return 0

    def ending_at(self, toks, i: int) -> int:
        for p in self.by_last.get(toks[i].low, ()):
            n = len(p)
            if i + 1 >= n and all(toks[i - n + 1 + q].low == p[q] for q in range(n - 1)):
                return n
        return 0


#: A comma after an inverted source that opens an apposition: a determiner, a lower-case word (a role:
#: 'chairman of'), or a relative pronoun; not a conjunction, a participle or a quotation.
_APPOSITION_RE = re.compile(r",\s+(?=(?:a|an|the|another|his|her|their|its|one|who|which)\s|"
                            r"(?!(?:and|but|or|so|yet|then|while|because|as|adding|saying|noting|according|in|on|at|"
                            r"when|after|before|if|although|though)\b)[a-z][a-z\-]*\s)")
#: Where an apposition ends inside its sentence: a comma before a participle or a new clause.
_APPOSITION_END_RE = re.compile(r",\s+(?=[a-z]+ing\b|(?:and|but|adding|according|as|while|because|although|when)\b"
                                r"|[\"“‘'])")


def _name_elsewhere(text: str, word: str) -> bool:
    """Whether ``word`` is used as a proper name in ``text``: capitalised after a lower-case word or a comma."""
    return re.search(r"[a-z,]\s+" + re.escape(word) + r"(?![\w'’\-])", text) is not None


def _index_of(quotes, q_starts: list[int], q) -> int:
    """Position of the quotation ``q`` in ``quotes`` (found by its start; compared by identity, not equality)."""
    k = bisect.bisect_left(q_starts, q.start)
    while k < len(quotes) and quotes[k] is not q and q_starts[k] == q.start:
        k += 1
    if k < len(quotes) and quotes[k] is q:
        return k
    return quotes.index(q)


def _only_punct(s: str) -> bool:
    return all(not ch.isalnum() for ch in s) and len(s) <= 6


def _few_words(s: str, limit: int) -> bool:
    return len(_TOKEN_RE.findall(s)) <= limit * 2 and sum(1 for w in _TOKEN_RE.findall(s) if w[0].isalnum()) <= limit


def _sentence_start(seg, pos: int) -> bool:
    si = seg.sentence_at(pos)
    return seg.sentences[si][0] == pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SENT_END or text[end - 1] in ",;:"):
        end -= 1
    return end


def _strip_det(s: str) -> str:
    parts = s.split(None, 1)
    if len(parts) == 2 and parts[0].lower() in ("the", "a", "an"):
        return parts[1]
    return s


def _overlaps_any(ranges: list[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect.bisect_left(ranges, (b, b))
    while i > 0:
        i -= 1
        s, e = ranges[i]
        if e > a and s < b:
            return True
        if e <= a and s < a - 2000:
            break
    return False
