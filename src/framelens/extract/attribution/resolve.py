"""After every cue of a document is read: the normalised ``source`` of each attribution (a full name for a
surname, a title and surname or a shorter tail of a name, an outlet's name, no leading determiner), short forms
of organisations named in full elsewhere, pronouns or generic outlet nouns ('the newspaper') resolved to the
nearest clear antecedent, and one source id and one type per person (:mod:`.identity`).

Every step uses indexes built once per document (dictionaries, a sliding window over the text), so the work
is linear in the number of attributions and names, not quadratic. Work that some documents do not need is done
on demand: the names of the text are listed when a source needs them, a short name is expanded once per name
and title, the title before a name is read when two people share a surname, the candidates of a pronoun that
lie before its window are passed over, and what the text says of a person (:func:`.identity.role_evidence`)
is read only for the people who are sources.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import deque

import ahocorasick_rs

from .gender import gender_evidence, pronoun_gender
from .identity import apposition_kind, role_evidence, unify_sources
from .known_names import _last_words, _Names
from .names import NOT_NAME_START, NameFinder, strip_determiner
from .records import Attribution
from .tokens import TokenCache
from .words import BODY_UNITS, PAGE_FURNITURE, PARTY_LABEL_RE, RELATIVE_HEADS

#: Types a pronoun (or a generic outlet noun) may stand for, and whether the antecedent must be named.
#: Possessive pronouns (the sources of noun cues: 'his claim that') and the pronoun class they resolve as.
_POSSESSIVE_CLASS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_COMPATIBLE = {"he": (("person", "official", "media"), True), "she": (("person", "official", "media"), True),
               "they": (("organization", "vague", "anonymous", "official"), False),
               "it": (("organization", "media", "document"), True), "media": (("media",), True)}
#: How many paragraphs back an antecedent is looked for.
_WINDOW_PARAGRAPHS = 2


def normalise_sources(names: NameFinder, seg, attrs: list[Attribution], cache: TokenCache) -> None:
    """Fill ``source`` (and upgrade ``source_type``, set ``resolved_from``/``uncertain``, ``person`` and
    ``source_id``) on ``attrs``."""
    if not attrs:
        return
    text = cache.text
    known = _Names(names, text, cache.memo)
    # the personal name in each mention of a named person, official or journalist (read once, used twice)
    # (memoised per document: the attitudes normalise copies of the attributions again, with the same mentions)
    memo = cache.memo.get(_PERSONAL_MEMO)
    if memo is None:
        memo = cache.memo[_PERSONAL_MEMO] = {}
    personal = []
    for a in attrs:
        if a.source_type in ("person", "official", "media") and a.named:
            key = (a.src_start, a.src_end, a.source_type == "media")
            full = memo.get(key, _MISSING)
            if full is _MISSING:
                full = memo[key] = _personal_name(names, cache, a)
            personal.append(full)
        else:
            personal.append(None)
    for a, full in zip(attrs, personal):
        if full and " " in full and _plausible_full_name(names, full):
            known.add_source(full, a.source_type == "official", _title_before(names, cache, a, full))
    for a, full in zip(attrs, personal):
        _source_string(names, text, a, known, cache, full)
    _expand_short_forms(attrs)
    _resolve_antecedents(names, text, seg, attrs, known, cache.memo)
    # what the text says of each person who is a source (the only names unify_sources reads evidence for)
    wanted = {a.source for a in attrs if a.person and a.source}
    evidence = role_evidence(names.words, text, names.doc_names(text, cache.memo), known.canonical, wanted,
                             cache.memo.setdefault(_EVIDENCE_MEMO, {})) if wanted else {}
    appositions = cache.memo.setdefault(_APPOSITION_MEMO, {})  # by where the mention ends: the text decides
    for a in attrs:
        if a.person and a.resolved_from is None:  # 'Ellis, the district attorney, said'
            kind = appositions.get(a.src_end, _MISSING)
            if kind is _MISSING:
                kind = appositions[a.src_end] = apposition_kind(names.words, text, a.src_end)
            if kind:
                evidence.setdefault(a.source, set()).add(kind)
    unify_sources(attrs, evidence)


#: Key of the document memo of :func:`_personal_name` by ``(src_start, src_end, is a media mention)``, the only
#: fields of the attribution it reads.
_PERSONAL_MEMO = "personal_names"
#: Key of the document memo of :func:`.identity.role_evidence` (what each occurrence of a full name says).
_EVIDENCE_MEMO = "role_evidence"
#: Key of the document memo of :func:`.identity.apposition_kind` by the end of a mention.
_APPOSITION_MEMO = "appositions"
_MISSING = object()


def _personal_name(names: NameFinder, cache: TokenCache, a: Attribution) -> str | None:
    """The personal name in a mention, without leading words that are no part of a name ('And Newt Gingrich',
    'Does Trump', 'Democrat Bernie Sanders'); for a ``media`` mention only a name without an outlet word ('reporter Jane Roe', not 'the
    Daily Ledger')."""
    name = names.name_part(cache, a.src_start, a.src_end)
    if not name:
        return None
    parts = name.split()
    k = 0
    w = names.words
    while k < len(parts) - 1 and (parts[k].lower() in w.name_lead or parts[k].lower() in NOT_NAME_START
                                  or parts[k].lower() in PAGE_FURNITURE
                                  or w.has("honorific", parts[k].lower().rstrip("."))
                                  # a capitalised description before a name of two words or more ('Historian
                                  # Tom Vale said'; not 'Adam Driver')
                                  or (k < len(parts) - 2 and w.has("individual", parts[k].lower()))):
        k += 1
    if k:
        name = " ".join(parts[k:])
    if a.source_type == "media" and any(w.is_media(x.lower()) for x in name.split()):
        return None
    return name


def _plausible_full_name(names: NameFinder, full: str) -> bool:
    """Whether a capitalised run from a source mention can be a person's full name: no organisation, outlet or
    document word, not ending in a place word ('Congress Trump' is not)."""
    w = names.words
    lows = [p.lower() for p in full.split()]
    return not (w.has("place", lows[-1]) or any(w.has("organization", x) or w.is_media(x) or w.has("document", x)
                                                for x in lows))


def _title_before(names: NameFinder, cache: TokenCache, a: Attribution, name: str) -> str | None:
    """The title or role word right before the name in the mention ('Sen. Cruz' -> 'sen')."""
    mention = cache.text[a.src_start:a.src_end]
    at = mention.rfind(name)
    if at <= 0:
        return None
    words = mention[:at].split()
    if not words:
        return None
    low = words[-1].lower().rstrip(".")
    w = names.words
    return low if w.has("role", low) or w.has("honorific", low) or words[-1].rstrip(".") in w.title_abbreviations \
        else None


#: Where a restrictive relative clause opens in a source phrase.
_RELATIVE_CLAUSE_RE = re.compile(r",?\s+(?:who|whom|whose|which|that)\s+")


#: Two or more capitalised names joined by commas and *and* or *&* ('Varga and Rell', 'Sen. Ana Quill and Rep. Bo
#: Reyes', 'Forbes, Kudlow, Laffer and Moore', 'Procter & Gamble'): each name one to four capitalised words.
_NAME_PART = r"(?:[A-Z][\w'’.\-]*[^\S\n]+){0,3}[A-Z][\w'’\-]*\.?"
_LABELLED_PART = _NAME_PART + "(?:" + PARTY_LABEL_RE.pattern + ")?"  # ('Sen. Ana Quill (D-Ore.)')
_NAMES_COORDINATED_RE = re.compile(_LABELLED_PART + r"(?:,[^\S\n]+" + _LABELLED_PART + r")*,?[^\S\n]+(?:and|&)"
                                   r"[^\S\n]+" + _LABELLED_PART)

#: A name in apposition after an unnamed source phrase: ', Ana Ortiz,' (two to four capitalised words).
#: A personal name in parentheses right after a description: 'A longtime aide (Ada Quill) told reporters'.
_NAME_IN_PARENTHESES_RE = re.compile(r"[^\S\n]*\([^\S\n]*((?:[A-Z][\w’'.\-]*[^\S\n]+){1,2}[A-Z][\w’'\-]+)"
                                     r"[^\S\n]*\)[^\S\n]*")
_APPOSED_NAME_RE = re.compile(r",[^\S\n]+((?:[a-z][\w'’\-]*[^\S\n]+){0,3})"
                              r"((?:[A-Z][\w'’\-]*\.?[^\S\n]+){1,3}[A-Z][\w'’\-]+),?[^\S\n]*")
#: (group 1: lower-case title words before the name, ', public defender Ines Marsh,'; group 2: the name)
#: Sections whose words may end the title before a name in apposition.
_TITLE_SECTIONS = ("office", "role", "media_role", "individual", "honorific")


#: Types of an unnamed source phrase that a name in apposition after it names (an organisation: a role in a private
#: body, 'the president of Zentrix Foods, Ana Ortiz,').
_APPOSED_TYPES = frozenset(("official", "person", "media", "vague", "organization"))


def _source_string(names: NameFinder, text: str, a: Attribution, known: _Names, cache: TokenCache,
                   personal: str | None) -> None:
    """Set ``a.source`` (and ``a.person``, ``a.pronoun``); ``personal`` is :func:`_personal_name` of a named
    person, official or journalist, else None."""
    mention = text[a.src_start:a.src_end]
    if a.source_type == "pronoun":
        a.pronoun = mention
        a.source = mention
        return
    if not a.named and a.mention is not None and a.source_type in _APPOSED_TYPES and a.mention[1] > a.src_end:
        named = _NAME_IN_PARENTHESES_RE.fullmatch(text, a.src_end, a.mention[1])
        if named is not None:  # 'another great moderate (Raymond Aron) said': the person is the name given
            a.source = named.group(1)
            a.named = a.person = True
            if a.source_type in ("vague", "organization"):
                a.source_type = "person"  # (an official or a journalist keeps the description's type)
            return
        apposed = _APPOSED_NAME_RE.fullmatch(text, a.src_end, a.mention[1])
        title = apposed.group(1).split() if apposed is not None else []
        w = names.words
        if title and not any(w.has(section, title[-1]) or w.phrase_ends_at(section, title, len(title) - 1)
                             for section in _TITLE_SECTIONS):
            apposed = None  # ('Critics, including Tom Vale,': no title before the name, several people)
        if apposed is not None:  # "The union's president, Ana Ortiz, said": the person is the name in apposition
            a.source = apposed.group(2)
            a.named = a.person = True
            if a.source_type == "organization":
                a.source_type = "person"  # an office in a private body: 'The union's president, Ana Ortiz,'
            elif title and (w.has("office", title[-1]) or w.phrase_ends_at("office", title, len(title) - 1)):
                a.source_type = "official"  # 'His lawyer, public defender Ines Marsh,': the title's office
            elif a.source_type == "vague":
                a.source_type = "person"
            return
    if a.passive and a.rule == "passive_it":
        a.source = None
        return
    if a.source_type in ("person", "official", "organization") and a.named and _NAMES_COORDINATED_RE.fullmatch(mention):
        # 'Varga and Rell said', 'Forbes, Kudlow, Laffer and Moore said': several people, not the last one named;
        # 'Procter & Gamble' is one company's name
        a.source = " ".join(PARTY_LABEL_RE.sub("", mention).split())
        if "&" in mention:
            a.source_type = "organization"
        else:
            a.group = True
        return
    if a.source_type in ("person", "official") and a.named or personal and a.source_type == "media":
        name = personal or strip_determiner(mention)
        hit = known.expand(name, _title_before(names, cache, a, name))
        if hit is None and " " not in name and name.isupper() and a.rule == "colon":  # a transcript label: 'DUNLOP:'
            hit = known.expand(name.title(), None)
        if hit:
            name = hit[0]
            if hit[1] and a.source_type == "person":
                a.source_type = "official"  # "Pilbeam" after "State Sen. Agnes Pilbeam"
        a.source = name
        a.person = personal is not None
    elif a.source_type == "media" and a.named:
        a.source = names.outlet_name(cache, a.src_start, a.src_end) or strip_determiner(" ".join(mention.split()))
    else:
        # the source without a restrictive relative clause: 'officials who reviewed the footage' -> 'officials'
        # (the span keeps the clause, as PARC marks it); an anonymous source keeps the clause that makes it one
        # ('an official who was not authorized to speak publicly')
        if a.source_type != "anonymous" and ("wh" in mention or "that" in mention):  # (else no relative pronoun)
            head = _RELATIVE_CLAUSE_RE.split(mention, 1)[0]
            if head.strip().lower() not in RELATIVE_HEADS:  # ('those who helped Quill' keeps the clause that names
                mention = head  # them: 'those' alone is no one)
        a.source = strip_determiner(" ".join(mention.split()))
        if a.source_type == "organization" and a.named:
            a.source = _body_name(names.words, a.source)
    a.source = a.source.replace("’", "'")


def _body_name(words, source: str) -> str:
    """An organisation's name without the lower-case noun of what it is before it ('law firm Perkins Vale' ->
    'Perkins Vale', as 'Spanish newspaper El Faro' is 'El Faro'), so that 'Perkins Vale said' later is the same
    source."""
    parts = source.split()
    i = len(parts) - 1
    while i >= 0 and (parts[i][:1].isupper() or parts[i] in ("&", "of", "and")):
        i -= 1
    lows = [x.lower() for x in parts]
    if 0 <= i < len(parts) - 1 and parts[i + 1][:1].isupper() and lows[i] not in BODY_UNITS and (
            words.has("organization", lows[i]) or words.phrase_ends_at("organization", lows, i)):
        return " ".join(parts[i + 1:])
    return source


def _expand_short_forms(attrs: list[Attribution]) -> None:
    """A short form of an organisation or outlet named in full elsewhere in the document takes the full form
    (one dictionary of word tails, so each look-up is constant time)."""
    tails: dict[str, set[str]] = {}
    for a in attrs:
        if a.source_type in ("media", "organization") and a.named and a.source and not a.person:
            parts = a.source.split()
            for k in range(max(1, len(parts) - 8), len(parts)):  # tails of up to eight words
                tails.setdefault(" ".join(parts[k:]), set()).add(a.source)
    for a in attrs:
        if a.source_type in ("media", "organization") and a.named and a.source and not a.person:
            longer = tails.get(a.source, set()) - {a.source}
            if len(longer) == 1:
                a.source = longer.pop()


class _Window:
    """The antecedent candidates of one kind of pronoun within the last paragraphs: a queue in text order with
    a count per name, and the same for the current paragraph (amortised constant time per step).

    The counts are plain dictionaries holding no zero count (a ``Counter`` costs a Python-level ``__init__`` per
    window and a ``__missing__`` call per new name; a document makes five windows per quotation read)."""

    __slots__ = ("people", "queue", "counts", "para", "para_counts", "last_unnamed", "speaker")

    def __init__(self, people: bool = False):
        #: whether the last speaker may be picked among other names (he and she; not they, it, the newspaper)
        self.people = people
        #: (position, paragraph, name as counted, source, type, named, person, a speaker: an attribution's source)
        self.queue: deque = deque()
        self.counts: dict[str, int] = {}
        self.para: int | None = None
        self.para_counts: dict[str, int] = {}
        self.last_unnamed = -1  # position of the latest unnamed singular person-like source (blocks he/she)
        #: position of the latest source this kind of pronoun could stand for, or of such a pronoun left unresolved
        self.speaker = -1

    def push(self, item) -> None:
        self.queue.append(item)
        if item[7]:
            self.speaker = item[0]
        name = item[2]
        counts = self.counts
        counts[name] = counts.get(name, 0) + 1
        if item[1] == self.para:
            counts = self.para_counts
            counts[name] = counts.get(name, 0) + 1

    def advance(self, para: int) -> None:
        queue, counts = self.queue, self.counts
        while queue and queue[0][1] < para - _WINDOW_PARAGRAPHS:
            name = queue.popleft()[2]
            left = counts[name] - 1
            if left:
                counts[name] = left
            else:
                del counts[name]
        if para != self.para:
            self.para = para
            self.para_counts = para_counts = {}
            for item in reversed(queue):  # the current paragraph's items are the queue's tail
                if item[1] != para:
                    break
                para_counts[item[2]] = para_counts.get(item[2], 0) + 1

    def pick(self):
        """The nearest candidate when it is clear and no pronoun of this kind was left unresolved since it
        (:attr:`speaker`): every candidate names the same source; or exactly one source is named in the
        pronoun's paragraph and it is the nearest; or the nearest is the last speaker (the source of the latest
        attribution this pronoun could stand for), in this paragraph or the one before, and no one else is
        named in this paragraph ('Moore said the campaign was looking into a recount. / "God is in control," he
        said.'); else None."""
        if not self.queue:
            return None
        nearest = self.queue[-1]
        speaker = self.speaker
        if speaker > nearest[0]:
            return None  # a pronoun of this kind left unresolved since ('... she said.', then 'she added')
        para_counts = self.para_counts
        if len(self.counts) == 1 or (len(para_counts) == 1 and nearest[1] == self.para):
            return nearest
        if self.people and nearest[0] == speaker and nearest[7] and nearest[1] >= self.para - 1 and (
                not para_counts or (len(para_counts) == 1 and nearest[2] in para_counts)):
            return nearest
        return None


#: Key of the document memo of the full names' stated genders (:func:`.gender.gender_evidence`).
_GENDERS = "name_genders"
#: Key of the document memo of the full names as antecedent events, ``(position, 0, (name, type))``.
_NAME_EVENTS = "name_events"
_POSITION_AND_KIND = operator.itemgetter(0, 1)
_POSITION = operator.itemgetter(0)


def _resolve_antecedents(names: NameFinder, text: str, seg, attrs: list[Attribution], known: _Names,
                         memo: dict) -> None:
    """Pronouns and generic outlet nouns ("the newspaper") take the nearest clear antecedent within two
    paragraphs; when the antecedent is unclear they are marked ``uncertain``. *he/she* also need that no
    unnamed person-like source ("a neighbor", "the official") stands between the antecedent and the pronoun."""
    generic_forms = frozenset(names.words.generic_media)
    wanted: list[tuple[int, str]] = []  # (index in attrs, pronoun class)
    for idx, a in enumerate(attrs):
        if a.source_type == "pronoun":
            low = text[a.src_start:a.src_end].lower()
            low = _POSSESSIVE_CLASS.get(low, low)  # 'his claim that' (a noun cue): as 'he'
            if low in _COMPATIBLE:
                wanted.append((idx, low))
            else:
                a.uncertain = True
        elif a.source_type == "media" and not a.named and \
                " ".join(text[a.src_start:a.src_end].lower().split()) in generic_forms:
            wanted.append((idx, "media"))
    if not wanted:
        return
    paragraph_at = seg.paragraph_at
    # the candidate stream in text order: named attributions and, for he/she, full names in the text
    name_events = memo.get(_NAME_EVENTS)
    if name_events is None:  # the same for every call on the document (the attitudes' call is the second)
        name_events = memo[_NAME_EVENTS] = [(pos, 0, (name, "official" if official else "person"))
                                            for pos, name, official in names.doc_names(text, memo)]
    # only the events from the first pronoun's window (see the loop below: the ones before it are passed over) to
    # the last pronoun are ever read: the others are not made
    starts = [attrs[idx].src_start for idx, _ in wanted]
    last = max(starts)
    first_para = paragraph_at(min(starts))
    lo = seg.paragraphs[first_para - _WINDOW_PARAGRAPHS][0] \
        if first_para is not None and first_para - _WINDOW_PARAGRAPHS >= 1 else 0
    events: list[tuple[int, int, object]] = [(a.src_start, 1, a) for a in attrs
                                             if a.source_type != "pronoun" and lo <= a.src_start < last]
    events += name_events[bisect.bisect_left(name_events, lo, key=_POSITION):
                          bisect.bisect_left(name_events, last, key=_POSITION)]  # (in text order)
    events += _surname_events(text, seg, name_events, attrs, known, memo, lo, last)
    events.sort(key=_POSITION_AND_KIND)
    positions = [e[0] for e in events]
    genders = memo.get(_GENDERS)
    if genders is None:  # what the text states of each full name's gender (.gender): he and she read it
        genders = memo[_GENDERS] = gender_evidence(text, {known.canonical(e[2][0]) for e in name_events} |
                                                   {a.source for a in attrs if a.person and a.source})
    # one set of windows for what the reporter mentions outside quotations, read by a pronoun in the reporter's
    # voice ('"Michelle Obama said there is no hope," he said': he is not the quoted speaker's subject), and one per
    # quotation for what is mentioned inside it, read by a pronoun inside that quotation (whose speaker says
    # 'I': 'said Rose. "... President Obama ... And he chastised them."' is Obama, not Rose)
    reporter = _windows()
    quoted: dict[int, dict[str, _Window]] | None = {} if any(attrs[idx].voice != "author" for idx, _ in wanted) \
        else None  # (with no pronoun inside a quotation, what is inside quotations is not kept)
    order = sorted(wanted, key=lambda w: attrs[w[0]].src_start)
    people: dict = {}  # name -> (full form, form counted, gender): see _push_event
    ei = 0
    for idx, cls in order:
        a = attrs[idx]
        para = paragraph_at(a.src_start)
        if para is not None and para - _WINDOW_PARAGRAPHS >= 1:
            # the candidates before the window's first paragraph would leave every window before they are read
            # (and the latest unnamed person among them lies before every candidate picked): pass over them
            ei = max(ei, bisect.bisect_left(positions, seg.paragraphs[para - _WINDOW_PARAGRAPHS][0]))
        while ei < len(events) and events[ei][0] < a.src_start:
            event = events[ei]
            windows = _windows_of(event[0], event[1] and event[2].voice == "author", seg, reporter, quoted)
            if windows is not None:
                _push_event(windows, event, paragraph_at, known, genders, people)
            ei += 1
        windows = _windows_of(a.src_start, a.voice == "author", seg, reporter, quoted)
        win = windows[cls] if windows is not None else None
        if win is not None:
            win.advance(para)
        pick = win.pick() if win is not None else None
        if pick is not None and cls == "they" and _people_before(names.words, text, seg, pick[0], a.src_start,
                                                                 pick[3]):
            pick = None  # a group named in the pronoun's own sentence that is no source: 'Many conservatives did
            # not look at the evidence because they believed' is not the source of an earlier sentence
        if pick is None or (cls in ("he", "she") and win.last_unnamed > pick[0]):
            a.uncertain = True
            if win is not None:
                win.speaker = a.src_start  # the next pronoun of its kind may not skip it
            continue
        a.resolved_from = text[a.src_start:a.src_end]
        _, _, _, a.source, a.source_type, a.named, a.person, _ = pick
        # a resolved pronoun is a candidate for the next one ("Breed said ... She said ... She added")
        _push_attr(windows, a, para, known, genders)


_WORD_RE = re.compile(r"[A-Za-z][a-z]+s\b")  # a plural-looking word
_WORDS_RE = re.compile(r"[A-Za-z’'-]+")
#: Words after which a noun phrase is a clause's subject ('because they', 'when tobacco executives testified').
_CLAUSE_OPENERS = frozenset(("when", "because", "as", "while", "and", "but", "if", "since", "though", "although",
                             "so", "where", "after", "before", "until", "once", "whereas"))


def _people_before(words, text: str, seg, candidate: int, pos: int, source: str | None) -> bool:
    """Whether the sentence holding the pronoun at ``pos`` opens a clause with a group of people before it (a
    plural noun of people at the sentence's start or after *when, because, and, ...*, at most two words between:
    'Many conservatives did not look ... because they', 'Residents gathered outside, and they') while the
    candidate antecedent at ``candidate`` lies before that sentence and is not named by the same noun: the group is
    the nearer antecedent, though no source."""
    start = seg.sentences[seg.sentence_at(pos)][0]
    if candidate >= start:
        return False
    source_low = (source or "").lower()
    for m in _WORD_RE.finditer(text, start, pos):
        low = m.group().lower()
        if low == "others" or low in source_low or not (
                words.has("vague", low) or words.has("role", low[:-1]) or words.has("individual", low[:-1]) or
                words.has("role", low)):
            continue
        before = _WORDS_RE.findall(text, max(start, m.start() - 40), m.start())[-3:]
        lows = [w.lower() for w in before]
        if lows and lows[-1] in _PREPOSITIONS_BEFORE_GROUP:
            continue  # an object ('with Trump and others', 'among voters')
        if len(_WORDS_RE.findall(text, start, m.start())) <= 2 or any(w in _CLAUSE_OPENERS for w in lows):
            return True
    return False


#: Prepositions whose object a group is, never a subject.
_PREPOSITIONS_BEFORE_GROUP = frozenset(("of", "in", "with", "by", "for", "to", "from", "at", "on", "about",
                                        "among", "against", "between", "than", "like"))


def _windows() -> dict[str, _Window]:
    """A set of candidate windows, one per kind of pronoun."""
    return {k: _Window(k in ("he", "she")) for k in ("he", "she", "they", "it", "media")}


def _windows_of(pos: int, author: bool, seg, reporter: dict, quoted: dict | None) -> dict[str, _Window] | None:
    """The windows a mention or pronoun at ``pos`` belongs to: the reporter's outside quotations (an attribution
    in the reporter's voice, ``author``, is outside), else its quotation's (None when those are not kept)."""
    quote = None if author else seg.quote_at(pos)
    if quote is None:
        return reporter
    if quoted is None:
        return None
    got = quoted.get(quote.content_start)
    if got is None:
        got = quoted[quote.content_start] = _windows()
    return got


#: A digit after a word: 'May 6' is a date, not Theresa May.
_DIGIT_AFTER_RE = re.compile(r"\s+\d")


def _surname_events(text: str, seg, name_events: list, attrs: list[Attribution], known: _Names,
                    memo: dict, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, tuple[str, str]]]:
    """Every later mention of a full name's surname alone ('Donald Trump ... Trump said ... he added') as an
    antecedent event of that person, so that the nearest person mentioned, not the nearest full name, is what a
    pronoun is read against. A surname that two full names of the document share ('Bill Clinton', 'Hillary
    Clinton') gives an event for each of them, so a pronoun after it stays unresolved rather than merging them.
    Names cited only by surname ('Trump said', with no full name in the document) count as their own
    surname. A mention inside a source phrase is that attribution's own event, and one inside a quotation is
    not the reporter's mention ('"What Mr. Trump does ...," he said': he is the speaker). Each surname's
    positions are found once per document (kept in ``memo``: the attitudes' call reads them again), those of all
    the surnames a call needs in one Aho-Corasick pass (:func:`_words_positions`), not with a pattern compiled per
    document (a compile per document cost more than the search). Only the mentions from ``lo`` to before ``hi``
    (None: the end) are listed."""
    by_surname: dict[str, dict[str, str]] = {}
    read: dict[str, tuple] = {}  # name -> (full form, its last words): names recur
    for _, _, (name, stype) in name_events:
        got = read.get(name)
        if got is None:
            canonical = known.canonical(name)
            got = read[name] = (canonical, _last_words(canonical.split()))
        canonical, lasts = got
        for last in lasts:
            by_surname.setdefault(last, {})[canonical] = stype
    for a in attrs:
        if a.person and a.named and a.source and a.source_type != "pronoun":
            parts = a.source.split()
            if len(parts) == 1 and parts[0] in by_surname:
                continue  # a surname of a full name already listed
            for last in _last_words(parts):
                by_surname.setdefault(last, {}).setdefault(a.source, a.source_type)
    if not by_surname:
        return []
    # each surname's mentions outside full names and quotations: the same for every call on the document (the
    # full names are the document's, memoised), so kept in ``memo`` with the positions
    positions = memo.setdefault(_SURNAME_POSITIONS, {})
    quote_at = seg.quote_at
    in_full_name = memo.get(_FULL_NAME_SURNAMES)  # where the last word of each full name of the text stands
    if in_full_name is None:
        in_full_name = memo[_FULL_NAME_SURNAMES] = {pos + len(name) - len(name.split()[-1])
                                                    for pos, _, (name, _) in name_events}
    sources = sorted((a.src_start, a.src_end) for a in attrs)
    source_starts = [s for s, _ in sources]
    source_ends = [e for _, e in sources]
    out = []
    append = out.append
    missing = [surname for surname in by_surname if surname not in positions]
    if missing:
        for surname, found in _words_positions(text, missing).items():
            positions[surname] = [start for start in found if start not in in_full_name and quote_at(start) is None]
    for surname, people in by_surname.items():
        found = positions[surname]
        items = list(people.items())
        for start in found[bisect.bisect_left(found, lo):len(found) if hi is None else bisect.bisect_left(found, hi)]:
            k = bisect.bisect_right(source_starts, start) - 1
            if k >= 0 and start < source_ends[k]:
                continue  # inside a source phrase: the attribution's own event
            for item in items:
                append((start, 0, item))
    return out


#: Key of the document memo of where the last word of each full name of the text stands.
_FULL_NAME_SURNAMES = "full_name_surnames"
#: Key of the document memo of each surname's positions (:func:`_word_positions`) outside the document's full names
#: and its quotations.
_SURNAME_POSITIONS = "surname_positions"


def _word_positions(text: str, word: str) -> list[int]:
    r"""Where ``word`` stands in ``text`` as a whole word (no word character, apostrophe or hyphen before it, no
    word character or hyphen after it) and is no date ('May 6'): as ``re.finditer(r"(?<![\w’'\-])" + word +
    r"(?![\w\-])")`` with a digit check after it, by ``str.find`` (``\w`` is ``str.isalnum`` or ``_``)."""
    out = []
    n, size = len(word), len(text)
    i = text.find(word) if word else -1
    while i != -1:
        end = i + n
        before = text[i - 1] if i else " "
        after = text[end] if end < size else " "
        # (``\s+\d`` can only match where white space follows: the pattern runs only there)
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-") and \
                not (after.isspace() and _DIGIT_AFTER_RE.match(text, end)):
            out.append(i)
        i = text.find(word, i + 1)
    return out


_CONTIGUOUS = ahocorasick_rs.Implementation.ContiguousNFA
#: Fewest words searched in one pass by :func:`_words_positions` (measured on the bench articles: below ten words
#: the ``str.find`` scans take less time and fewer instructions).
_ONE_PASS_WORDS = 10


def _words_positions(text: str, words: list[str]) -> dict[str, list[int]]:
    """``{word: _word_positions(text, word)}`` for distinct ``words``, found in one pass over the text for all of
    them (an Aho-Corasick automaton of the words, every overlapping occurrence, as ``str.find`` from each hit
    finds them) rather than one ``str.find`` scan of the text per word, when there are many words (a document with
    a dozen surnames: 2 to 3 times faster); for fewer words the scans are quicker than building the automaton."""
    if len(words) < _ONE_PASS_WORDS:
        return {word: _word_positions(text, word) for word in words}
    out: dict[str, list[int]] = {word: [] for word in words}
    keys = [word for word in words if word]  # (no empty key in an automaton; an empty word stands nowhere)
    if not keys:
        return out
    size = len(text)
    automaton = ahocorasick_rs.AhoCorasick(keys, implementation=_CONTIGUOUS)  # (the quickest to build and scan here)
    for k, i, end in automaton.find_matches_as_indexes(text, overlapping=True):
        # the test of _word_positions
        before = text[i - 1] if i else " "
        after = text[end] if end < size else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-") and \
                not (after.isspace() and _DIGIT_AFTER_RE.match(text, end)):
            out[keys[k]].append(i)
    return out


def _push_event(windows: dict, event, paragraph_at, known: _Names, genders: dict[str, str], people: dict) -> None:
    """Push an antecedent event (an attribution, or a person named in the text); ``people`` keeps each name's
    full form, the form it is counted by and its stated gender (the same for every event of one call: names recur)."""
    pos, is_attr, item = event
    para = paragraph_at(pos)
    if is_attr:
        _push_attr(windows, item, para, known, genders)
    else:
        name, stype = item
        got = people.get(name)
        if got is None:
            full = known.canonical(name)
            got = people[name] = (full, known.fold(full), genders.get(full))
        full, counted_as, gender = got
        _push_person(windows, (pos, para, counted_as, full, stype, True, True, False), gender)


def _push_person(windows: dict, item, gender: str | None) -> None:
    """A person as a candidate of *he* and of *she*, unless the text states the other gender (:mod:`.gender`)."""
    if gender != "f":
        windows["he"].push(item)
    if gender != "m":
        windows["she"].push(item)


def _push_attr(windows: dict, b: Attribution, para: int, known: _Names, genders: dict[str, str]) -> None:
    if not b.source:
        return
    item = (b.src_start, para, known.fold(b.source) if b.person else b.source, b.source, b.source_type, b.named,
            b.person, True)
    for cls, (types, need_named) in _COMPATIBLE.items():
        if cls == "she" or b.source_type not in types or (need_named and not b.named):
            continue
        if (cls == "he" and b.source_type == "media" and not b.person) or (cls in ("it", "media", "they") and b.person):
            continue  # he/she: people only (a journalist, not an outlet); it/media/they: no one person's name
        if cls == "he":  # he and she: by what the text states of the person, or by the pronoun it was resolved from
            _push_person(windows, item, genders.get(b.source) or
                         (pronoun_gender(b.resolved_from) if b.resolved_from else None))
            continue
        windows[cls].push(item)
    if not b.named and b.source_type in ("person", "official", "anonymous", "vague") and \
            not b.source.lower().endswith("s"):
        # 'a neighbor said ... He said': he may be the neighbour; counted from the cue, so that a name inside the
        # unnamed source's own mention is before it ('the Arizona senator, a critic of Donald Trump, complained')
        windows["he"].last_unnamed = windows["she"].last_unnamed = max(b.src_start, b.cue.start)
