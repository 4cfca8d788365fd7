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
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .._resources import lexicon_dir
from ..errors import LexiconError
from ..model import Span
from ..segment import count_words, load_abbreviations

__all__ = ["AttributionExtractor", "SourceLexicon", "load_source_lexicon", "ATTRIBUTION_FIELDS", "SOURCE_TYPES",
           "MODES"]

ATTRIBUTION_FIELDS = ("source", "source_type", "named", "cue", "cue_start", "cue_end", "stance", "mode",
                      "content_start", "content_end", "resolved_from", "uncertain", "hedged", "passive")

#: Allowed values of the ``source_type`` field.
SOURCE_TYPES = ("person", "official", "organization", "media", "document", "anonymous", "vague", "pronoun")
#: Allowed values of the ``mode`` field (and the span label).
MODES = ("direct", "indirect", "according_to", "document", "no_response")

_SECTIONS = ("pronoun", "role", "organization", "media", "media_generic", "document", "vague", "anonymous",
             "adverbial", "between", "stop", "cue", "document_cue", "no_response", "inversion")
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
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*|[^\w\s]")
_QUOTE_CHARS = frozenset("\"“”„«»‘’'")
_APOS = frozenset("'’")
_DETERMINERS = frozenset("the a an this these those his her their its our my your any another every each no".split())
_RELATIVE = frozenset(("who", "which", "that"))
_CONNECT = frozenset(("of", "for"))
_NP_PREPS = frozenset(("at", "with", "from", "in", "on", "to", "close"))
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}s?$")
_WORD_OK_RE = re.compile(r"[^\W\d_]")
_TELL = frozenset("told tell tells telling informed assured warned reminded urged".split())
_SENT_END = ".!?…"
_ADVERBS = frozenset("also first not never previously later widely once initially originally".split())


@dataclass
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return bool(_WORD_OK_RE.match(self.text)) or self.text[:1].isdigit()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


def _words_compile(forms) -> re.Pattern | None:
    forms = sorted(forms, key=len, reverse=True)
    if not forms:
        return None
    alt = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return re.compile(r"(?<![\w’'\-])(?:" + alt + r")(?![\w\-])", re.IGNORECASE)


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
        self._adverbials = tuple(sorted({tuple(p) for p in lx.phrases.get("adverbial", ())}
                                        | {(w,) for w in lx.words.get("adverbial", ())}, key=len, reverse=True))
        self._noun_sections = ("role", "organization", "media", "document", "vague", "anonymous")

    def resources(self):
        return [self.lex.info()]

    # -- cue candidates -------------------------------------------------
    def _cues(self, doc, seg, spans) -> list[_Cue]:
        text = doc.text
        cands: list[tuple[int, _Cue]] = []  # (priority, cue); lower priority value wins overlaps
        if self._noresp_re is not None:
            for m in self._noresp_re.finditer(text):
                cands.append((0, _Cue(m.start(), m.end(), "neutral", "no_response", "no_response")))
        for s in spans:
            if s.kind != "report_verb" or s.attrs.get("use", "use") != "use":
                continue
            cat = s.attrs.get("category")
            kind = "according_to" if cat == "according_to" else "report_verb"
            cands.append((1, _Cue(s.start, s.end, s.attrs.get("stance") or "neutral", kind, cat)))
        if self._doc_cue_re is not None:
            for m in self._doc_cue_re.finditer(text):
                form = " ".join(m.group().lower().split())
                if form in self.lex.cues:
                    continue  # also a general cue ("estimated"): handled as one, documents included
                cands.append((2, _Cue(m.start(), m.end(), self.lex.document_cues.get(form, "neutral"),
                                      "document_cue", "document")))
        if self._cue_re is not None:
            for m in self._cue_re.finditer(text):
                form = " ".join(m.group().lower().split())
                cands.append((3, _Cue(m.start(), m.end(), self.lex.cues.get(form, "neutral"), "cue", "cognition")))
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
        cues = self._cues(doc, seg, spans)
        if not cues:
            return []
        hedges = sorted((s.start, s.end) for s in spans if s.kind == "hedge")
        q_starts = [q.start for q in seg.quotes]
        attrs: list[_Attr] = []
        for cue in cues:
            a = self._one(text, seg, cue, q_starts)
            if a is not None:
                attrs.append(a)
        self._normalise(text, seg, attrs)
        _trim_nested(text, attrs)
        out: list[Span] = []
        for a in attrs:
            c = a.cue
            lo = min(a.src_start, c.start)
            hi = max(a.src_end, c.end)
            hedged = _overlaps_any(hedges, c.start, c.end) or _overlaps_any(hedges, lo, hi)
            out.append(Span(
                "attribution", a.src_start, a.src_end, text[a.src_start:a.src_end], a.mode,
                f"attribution:{a.rule}", a.voice, seg.sentence_at(a.src_start),
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
        if q is not None:
            ss, se = max(ss, q.content_start), min(se, q.content_end)
        return ss, se, q

    def _one(self, text, seg, cue: _Cue, q_starts) -> _Attr | None:
        ss, se, inq = self._bounds(seg, cue.start)
        if cue.start < ss or cue.end > se:
            return None
        voice = "author" if inq is None else "quoted"
        lex = self.lex
        left = _tokens(text, max(ss, cue.start - 300), cue.start)
        right = _tokens(text, cue.end, min(se, cue.end + 300))

        if cue.kind == "no_response":
            np = self._left_np(text, left, ss)
            if np is None:
                return None
            s0, s1, _ = np
            stype, named = self._type(text, s0, s1, cue.start, ss)
            return _Attr(s0, s1, cue, "no_response", stype, None, named, None, voice, rule="no_response")

        if cue.kind == "according_to":
            np = self._right_np(text, right, se)
            if np is None:
                return None
            s0, s1 = np
            stype, named = self._type(text, s0, s1, s1, ss)
            stype, named = self._media_via_modifier(text, s0, s1, stype, named)
            content = self._content_around(text, ss, se, cue.start, s1, right)
            return _Attr(s0, s1, cue, "according_to", stype, None, named, content, voice, rule="according_to")

        # passive: "it was reported", "was reported by the Courier"
        prev = len(left) - 1
        while prev >= 0 and left[prev].is_word and (left[prev].low in _ADVERBS or (
                len(left[prev].low) > 4 and left[prev].low.endswith("ly") and not left[prev].cap)):
            prev -= 1
        if prev >= 0 and left[prev].low in ("was", "were", "is", "are", "been", "be", "being") \
                and text[cue.start:cue.end].lower().endswith(("ed", "en", "told", "said", "thought")):
            if right and right[0].low == "by":
                np = self._right_np(text, right[1:], se)
                if np is None:
                    return None
                s0, s1 = np
                stype, named = self._type(text, s0, s1, s1, ss)
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
        stype, named = self._type(text, s0, s1, cue.start if rule == "left" else s1, ss)
        if cue.kind == "document_cue" and stype != "document":
            return None
        stype, named = self._media_via_modifier(text, s0, s1, stype, named)

        # content
        content = None
        mode = "indirect"
        after_pos = s1 if rule == "inverted" else cue.end
        if inq is None:
            qc = self._direct(text, seg, q_starts, min(s0, cue.start), max(s1, cue.end), ss, se)
            if qc is not None:
                content, mode = qc, "direct"
        if content is None:
            rtoks = right if rule == "left" else _tokens(text, s1, se)
            if rule == "left" and text[cue.start:cue.end].lower() in _TELL:
                rn = self._right_np(text, rtoks, se)
                if rn is not None:
                    rtoks = _tokens(text, rn[1], se)
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
            if cue.kind == "cue" and not starts_that and content[0] > cue.start and \
                    stype not in ("pronoun", "person", "official"):
                return None
        if stype == "document" and mode != "direct":
            mode = "document"
        if rule == "inverted":
            rule = "inverted"
        return _Attr(s0, s1, cue, mode, stype, None, named, content, voice, rule=rule)

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
                                                              and self._is_noun(toks[k - 2].low)))):
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
        return (toks[first].start, toks[i].end, words)

    def _is_noun(self, low: str) -> bool:
        return any(low in self.lex.words.get(s, ()) for s in self._noun_sections) or low in ("familiar", "close")

    def _right_np(self, text, toks: list[_Tok], se: int):
        """The noun phrase right after a cue (inversion, ``according to X``, passive agent)."""
        lex = self.lex
        k = 0
        n = len(toks)
        good = -1
        unknown = 0
        seen_cap = False
        while k < n and k < 24:
            t = toks[k]
            low = t.low
            if t.is_word:
                if low in lex.words["pronoun"] and k == 0:
                    return (t.start, t.end)
                if low in _DETERMINERS and (k == 0 or toks[k - 1].low in _CONNECT | _NP_PREPS):
                    k += 1
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
                if t.cap or self._is_noun(low):
                    good = k
                    unknown = 0
                    seen_cap = seen_cap or t.cap
                else:
                    if seen_cap and good == k - 1 and toks[good].cap and not self._is_noun(low) and not (
                            k + 1 < n and toks[k + 1].cap and toks[k + 1].is_word):
                        break  # the name run is over ("told the LA Times allowing ...")
                    unknown += 1
                    if unknown > 3:
                        break
                    if t.text[:1].isdigit():
                        pass
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
    def _type(self, text, s0, s1, cue_start, ss) -> tuple[str, bool]:
        """``(source_type, named)`` of the source mention ``text[s0:s1]``."""
        lex = self.lex
        toks = [t for t in _tokens(text, s0, s1) if t.is_word]
        if not toks:
            return "vague", False
        lows = [t.low for t in toks]
        if len(toks) == 1 and lows[0] in lex.words["pronoun"]:
            return "pronoun", False
        region = " " + " ".join(_TOKEN_RE.findall(text[s0:max(s1, cue_start)].lower())) + " "
        if _has(lex, "anonymous", lows, region):
            return "anonymous", False
        # head part: after the last possessive, before the first post-modifier
        head_lo = 0
        raw = _tokens(text, s0, s1)
        for idx, t in enumerate(raw):
            if t.text in _APOS and idx > 0:
                head_lo = sum(1 for x in raw[:idx] if x.is_word)
            elif t.is_word and t.text[-2:].lower() in ("'s", "’s"):
                head_lo = sum(1 for x in raw[:idx + 1] if x.is_word)
        if head_lo >= len(toks):
            head_lo = 0
        head_hi = len(toks)
        for idx in range(head_lo + 1, len(toks)):
            if lows[idx] in _CONNECT or lows[idx] in _NP_PREPS:
                head_hi = idx
                break
        head = toks[head_lo:head_hi]
        hl = [t.low for t in head]
        initial = s0 == ss or text[ss:s0].strip(" \"“‘'") == ""

        def common(w):
            return w in _DETERMINERS or any(lex.has(s, w) for s in _SECTIONS if s not in _VALUED)

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
        if any(generic.endswith(" ".join(p)) for p in lex.phrases.get("media_generic", ())):
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

    def _media_via_modifier(self, text, s0, s1, stype, named):
        """'a 2009 article from the LA Times', 'the Courier's report': a document credited to an outlet."""
        if stype != "document":
            return stype, named
        lex = self.lex
        toks = [t for t in _tokens(text, s0, s1) if t.is_word]
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
        if before is None and after is None:
            return None
        first = before or after
        last = after or before
        # a multi-paragraph quotation goes on while a region says it continues
        k = quotes.index(last)
        while quotes[k].continues and k + 1 < len(quotes) and quotes[k + 1].continued:
            k += 1
        last = quotes[k]
        k = quotes.index(first)
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
    def _normalise(self, text, seg, attrs: list[_Attr]) -> None:
        lex = self.lex
        names: dict[str, str] = {}  # surname -> full name, from this document
        for a in attrs:
            if a.source_type in ("person", "official") and a.named:
                full = self._name_part(text, a.src_start, a.src_end)
                if full and " " in full:
                    names.setdefault(full.split()[-1], full)
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
                nm = self._name_part(text, a.src_start, a.src_end) or _strip_det(mention)
                if " " not in nm:
                    nm = names.get(nm) or self._full_name(text, nm) or nm
                a.source = nm
            elif a.source_type == "media" and a.named:
                a.source = self._outlet_name(text, a.src_start, a.src_end) or _strip_det(" ".join(mention.split()))
            else:
                a.source = _strip_det(" ".join(mention.split()))
        # pronouns and generic outlet nouns ("the newspaper") take the nearest clear antecedent
        for idx, a in enumerate(attrs):
            generic_media = a.source_type == "media" and not a.named and any(
                " ".join(text[a.src_start:a.src_end].lower().split()) == " ".join(p)
                for p in lex.phrases.get("media_generic", ()))
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
            para = seg.paragraph_at(a.src_start)
            cands = []
            for b in reversed(attrs[:idx]):
                if seg.paragraph_at(b.src_start) < para - 2:
                    break
                if b.source_type in compatible and (b.named or low == "they") and b.source:
                    cands.append(b)
            distinct = {b.source for b in cands}
            same_para = {b.source for b in cands if seg.paragraph_at(b.src_start) == para}
            if cands and (len(distinct) == 1 or len(same_para) == 1 and cands[0].source in same_para):
                b = cands[0]
                a.resolved_from = text[a.src_start:a.src_end]
                a.source = b.source
                a.source_type = b.source_type
                a.named = b.named
            else:
                a.uncertain = True

    def _outlet_name(self, text, s0, s1) -> str | None:
        """The capitalised run that names the outlet ('a 2009 article from the LA Times' -> 'LA Times')."""
        toks = _tokens(text, s0, s1)
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

    def _name_part(self, text, s0, s1) -> str | None:
        """The personal name in a mention: the last run of capitalised words, titles and roles removed."""
        toks = _tokens(text, s0, s1)
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

    def _full_name(self, text, surname) -> str | None:
        """A longer form of a one-word name used in the document ('Castellano' -> 'Maren Castellano')."""
        if not surname[:1].isupper():
            return None
        pat = re.compile(r"((?:[A-Z][\w’'\-]+\s){1,2})" + re.escape(surname) + r"(?=['’]s\b|['’](?!\w)|[^\w\-'’]|$)")
        found = set()
        for m in pat.finditer(text):
            words = m.group(1).split()
            keep = []
            for w in reversed(words):
                lw = w.lower()
                if lw in self.lex.words["stop"] or lw in _DETERMINERS or self.lex.has("role", lw) \
                        or self.lex.has("organization", lw) or _media_word(self.lex, lw) \
                        or lw in self.lex.words["pronoun"] or w in self._abbr_title or lw in self.lex.words["between"]:
                    break
                keep.append(w)
            if keep:
                found.add(" ".join(reversed(keep)) + " " + surname)
        return found.pop() if len(found) == 1 else None

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
        direct_words = sum(count_words(doc.text, q.content_start, q.content_end) for q in seg.quotes
                           if q.label == "direct")
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
    return lex.has("media", low) or any(lex.has("media", w) for w in re.split(r"[\-‐‑]", low) if w)


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
            hit = 0
            for p in adverbials:
                n = len(p)
                if i + 1 >= n and all(toks[i - n + 1 + q].low == p[q] for q in range(n)):
                    hit = n
                    break
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
    for p in adverbials:
        n = len(p)
        if k + n <= len(toks) and all(toks[k + q].low == p[q] for q in range(n)):
            return n
    return 0


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
