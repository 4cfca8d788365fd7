"""Source identity within a document: name keys, the offices and newsroom jobs a person is given in the text, and
one source id with one type per person.

The key of a name (:func:`normalise_name`) is what documents are compared on later
(:mod:`framelens.coverage.identity`): case, accents, punctuation and leading titles removed, so
``"Mayor Carmen Yulín Cruz"`` and ``"Carmen Yulin Cruz"`` share the key ``"carmen yulin cruz"``. Every step is
one pass over the string, so the work is linear in its length. See docs/methods_attribution.md, "Source
identity".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ...lexicon.wordlists import load_source_lexicon
from .records import Attribution
from .words import (CONNECTORS, NP_PREPOSITIONS, PUBLIC_BODIES, PUBLIC_PLACES, AttributionWords, unpossessed)

__all__ = ["normalise_name", "normalise_label", "NAME_KEY_MAX", "role_evidence", "apposition_kind", "unify_sources"]

#: Longest key :func:`normalise_name` returns (characters); longer names are cut at a word boundary.
NAME_KEY_MAX = 160
#: Characters of a name read at most (a source string longer than this is not a name; bounds the work).
_NAME_READ_MAX = 4 * NAME_KEY_MAX
_WORD_RE = re.compile(r"[^\W_]+")
_APOSTROPHES = "'’`ʼ"
#: Types whose named sources are people (their keys drop leading titles).
PERSON_TYPES = ("person", "official", "media")
#: Words that end the head of an apposition ('a reporter *for* the Daily Ledger').
_POST_MODIFIER_OPENERS = CONNECTORS | NP_PREPOSITIONS | {"who", "that", "which", "and", "or", "but", "since",
                                                         "until", "when", "where", "while", "said", "says",
                                                         # a verb after an age is no apposition ('Butz, 49, told
                                                         # reporters' is not 'a reporter')
                                                         "told", "tells", "wrote", "writes", "added", "adds",
                                                         "asked", "asks", "explained", "noted"}
#: An apposition or copula right after a name: 'Mark Ellis, the district attorney,', 'Jane Roe is a reporter
#: for ...'. Bounded: at most 80 characters of the noun phrase are read, stopping at the first clause mark (the period
#: of a rank, 'the Senate's No. 2 Republican', is none).
_APPOSITION_RE = re.compile(r"(?:\s*,\s*(?:\d{1,3}\s*,\s*)?(?:who\s+(?:is|was)\s+)?|\s+(?:is|was|as)\s+)"
                            r"(?P<np>(?:a|an|the|its|his|her|their)\s"
                            r"(?:[^,.;:!?()\[\]\"“”\n]|(?<=No)\.(?=\s?\d)){1,80}"
                            r"|[^\W\d_](?:[^,.;:!?()\[\]\"“”\n]|(?<=No)\.(?=\s?\d)){0,80})")
#: How far before a name a lower-case role or newsroom job is looked for ('district attorney Mark Ellis').
_BEFORE = 40
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w.\-'’]*)\s+$")
#: The characters of that word, and its first letter (:func:`_word_before`).
_WORD_BEFORE_RUN_RE = re.compile(r"[\w.\-'’]*")
_LETTER_RE = re.compile(r"[^\W\d_]")
#: An abbreviation written with periods between single letters ('F.B.I.', 'U.N.', 'U.S'): its letters are one word.
_DOTTED_RE = re.compile(r"\b[^\W\d_](?:\.[^\W\d_]\b)+\.?")
#: Types a surname may be mistaken for when it is also a common noun ('Story' -> document, 'Judge' -> an unnamed
#: official): such a mention of a person named in full in the document is that person (:func:`unify_sources`).
_NOUN_TYPES = ("document", "vague", "official", "media")


@functools.lru_cache(maxsize=4)
def _default_titles(path: str | None = None) -> frozenset[str]:
    lex = load_source_lexicon(path)
    words = set(lex.words.get("role", ())) | set(lex.words.get("honorific", ())) | set(lex.words.get("media_role", ()))
    return frozenset(w.replace(".", "") for w in words)


@functools.lru_cache(maxsize=4)
def _newsroom_words(path: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """``(newsroom jobs, outlet words)`` of the word lists (``[media_role]``, ``[media]``)."""
    lex = load_source_lexicon(path)
    return lex.words.get("media_role", frozenset()), lex.words.get("media", frozenset())


def _journalist(source: str) -> bool:
    """Whether a named media source is a journalist rather than an outlet: a newsroom job and no outlet word
    among its words ('Reporter Ann Judge'; not 'the Daily Ledger')."""
    jobs, outlets = _newsroom_words()
    lows = _WORD_RE.findall(source.lower())
    return not jobs.isdisjoint(lows) and outlets.isdisjoint(lows)


def _fold(s: str) -> str:
    """Lower case without accents: NFKD, combining marks dropped, case-folded (twice, because a compatibility
    decomposition can yield a capital: U+3381 -> 'nA')."""
    if s.isascii():  # (most names) no decomposition, no combining mark, and case-folding ASCII is lower-casing it
        return s.lower()
    for _ in range(2):
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return s


def _words(name: object, dotted: bool = False) -> list[str]:
    if not isinstance(name, str):
        return []
    s = name[:_NAME_READ_MAX].strip()
    if dotted:  # 'F.B.I.' is 'FBI' (a personal name keeps its initials apart: 'J. K.' and 'J.K.' stay one key)
        s = _DOTTED_RE.sub(lambda m: m.group().replace(".", ""), s)
    for a in _APOSTROPHES:  # possessive: "Trump's", "Harris'"
        if s.endswith(a + "s") or s.endswith(a + "S"):
            s = s[:-2]
        elif s.endswith(a):
            s = s[:-1]
    for a in _APOSTROPHES:  # an apostrophe inside a name joins its parts: O'Rourke -> orourke
        s = s.replace(a, "")
    return _WORD_RE.findall(_fold(s))


def _bounded(words: list[str]) -> str:
    out = " ".join(words)
    if len(out) > NAME_KEY_MAX:
        out = out[:NAME_KEY_MAX].rsplit(" ", 1)[0] if " " in out[:NAME_KEY_MAX] else out[:NAME_KEY_MAX]
    return out


def normalise_label(s: object) -> str:
    """A source string compared without its case, accents and punctuation (``"The  Times"`` -> ``"the times"``);
    an abbreviation with periods is one word (``"the F.B.I."`` -> ``"the fbi"``, as ``"the FBI"``).

    Never raises (anything but a string gives ``""``); the result is at most :data:`NAME_KEY_MAX` characters;
    applying it twice gives the same result.
    """
    return _bounded(_words(s, dotted=True))


def normalise_name(name: object, titles: Iterable[str] | None = None) -> str:
    """The key of a personal name: lower case, accents and punctuation removed, leading titles dropped.

    Parameters
    ----------
    name : str
        A name as written (``"Sen. Ted Cruz"``, ``"Mayor Carmen Yulín Cruz"``, ``"Trump's"``,
        ``"Reporter Louise Story"``).
    titles : iterable of str, optional
        Lower-case words dropped from the start (default: the ``[role]``, ``[honorific]`` and ``[media_role]``
        words of ``lexicons/source_types.txt``, periods removed). A name made only of titles keeps its last word
        (``"the Mayor"`` -> ``"mayor"``).

    Returns
    -------
    str
        ``"ted cruz"``, ``"carmen yulin cruz"``, ``"trump"``; ``""`` for anything that is not a string or has
        no letters or digits. Never raises; at most :data:`NAME_KEY_MAX` characters; idempotent. Linear in
        the length of ``name`` (at most the first few hundred characters are read).
    """
    words = _words(name)
    drop = _default_titles() if titles is None else frozenset(t.lower().replace(".", "") for t in titles)
    k = 0
    while k < len(words) - 1 and words[k] in drop:
        k += 1
    if k and k == len(words) - 1 and words[k] in drop:
        k = len(words) - 1
    return _bounded(words[k:])


def _np_kind(words: AttributionWords, np: str) -> str | None:
    """``"official"``, ``"media"`` or None for the noun phrase of an apposition: its head (after the last
    possessive, before the first post-modifier) ends in a public office (``[office]``), a profession of public staff
    (``the Justice Department lawyer``), a leading role in a public body (``chairman of the County Board of
    Supervisors``) or a newsroom job (``[media_role]``); an office held in a private body (``president of Dover
    College``, ``a spokeswoman for Zentrix Foods``) is None, a person's job
    (:meth:`.words.AttributionWords.private_body`)."""
    lows: list[str] = []
    possessors: list[str] = []
    split = np.split()
    rest: list[str] = []
    for k, w in enumerate(split):
        low = w.lower().strip("\"'“”‘’")
        if low in _POST_MODIFIER_OPENERS or (low.endswith("ing") and lows and (
                words.has("individual", lows[-1]) or words.has("role", lows[-1]))):
            rest = split[k:]  # (a participle after the head: 'the Justice Department lawyer representing the IRS')
            break
        if low.endswith(("'s", "’s")) or low.endswith(("'", "’")) and len(low) > 1:
            possessors = lows + [unpossessed(low)]  # (whose office it is: "Google's vice president")
            lows = []  # "the city's mayor": the head comes after the possessive
            continue
        lows.append(low.rstrip(".").removeprefix("ex-"))  # ('the ex-prosecutor' held the office)
    if not lows:
        return None
    if words.has("media_role", lows[-1]) or words.phrase_ends_at("media_role", lows, len(lows) - 1):
        return "media"
    outlet = rest[2 if len(rest) > 2 and rest[1].lower() == "the" else 1] if len(rest) > 1 else ""
    if rest and rest[0].lower() in _AT_OUTLET and outlet[:1].isupper() and \
            words.is_media(outlet.lower().strip(".,")) and not words.has("office", lows[-1]):
        return "media"  # 'a writer for the Ledger', 'a producer for NBC News': a job at an outlet (the outlet's name
        # right after the preposition: 'a familiar presence for viewers of Fox News' is no job there)
    body = [unpossessed(w.lower().strip("\"“”‘").strip(",;:")) for w in rest[1:9]]
    if (rest and rest[0].lower() in _AT_OUTLET | {"of"} and words.private_body(body)) or words.private_body(possessors):
        return None  # an office in a private body: 'president of the Dover advocacy group Fair Homes', "Google's vice
        # president of search" are people
    if words.has("office", lows[-1]) or words.phrase_ends_at("office", lows, len(lows) - 1):
        return "official"
    if len(lows) > 1 and lows[-2] in _INSTITUTIONS and words.has("individual", lows[-1]):
        return "official"  # public staff: 'the Justice Department lawyer' (not 'a Laramie County participant')
    if _WHITE_HOUSE in " ".join(lows[:-1]) and words.is_noun(lows[-1]):
        return "official"  # the president's staff: 'the White House communications director', '... chief strategist'
    if rest and _SERVED_AT_WHITE_HOUSE_RE.match(" ".join(rest)):
        return "official"  # former staff: 'a political adviser who worked in President Carter's White House'
    if words.has("role", lows[-1]) and (not _PARTY_WORDS.isdisjoint(lows[:-1]) or (
            rest and _OF_PARTY_RE.match(" ".join(rest)))):
        return "official"  # a party officer: 'the county GOP chairman', 'chairman of the Dover Republican Party'
    if possessors and possessors[-1] in _CHAMBERS and lows[-1] in _PARTY_MEMBERS:
        return "official"  # a legislator by party rank: "the Senate's No. 2 Republican", "the House's top Democrat"
    if rest and rest[0].lower() in ("of", "at", "on") and (words.has("role", lows[-1]) or lows[-1] == "member") \
            and not PUBLIC_BODIES.isdisjoint(_body_name(rest[1:9], body)):
        return "official"  # a leading role in a public body: 'chairman of the Dover County Board of Supervisors'
    return None


_WHITE_HOUSE = "white house"
#: A plural office title, one name and *and* right before a name ('Sens. Tom Reyes and ', 'representatives Ada
#: Quill and '): the title governs both names.
_PLURAL_TITLE_RE = re.compile(r"(?<![\w.])(?:Reps|Sens|Govs|[Rr]epresentatives|[Ss]enators|[Gg]overnors|[Cc]ongressmen|"
                              r"[Cc]ongresswomen|[Mm]ayors)\.?[^\S\n]+(?:[A-Z][\w'’.\-]*[^\S\n]+){0,2}[A-Z][\w'’.\-]*"
                              r"(?:,[^\S\n]*[DRI]-[A-Z][\w.]*,|[^\S\n]*\([DRI](?:-[A-Z][\w.]*)?\))?"  # a party label
                              r"[^\S\n]+and[^\S\n]+\Z")
#: 'White House' and one or two lower-case words of a post right before a name ('White House press secretary ').
_WHITE_HOUSE_BEFORE_RE = re.compile(r"White House(?:[^\S\n]+[a-z]+){1,2}[^\S\n]+\Z")
#: Legislative chambers whose members are ranked by party ("the Senate's No. 2 Republican").
_CHAMBERS = frozenset(("senate", "house", "chamber", "assembly", "legislature", "congress"))
_PARTY_MEMBERS = frozenset(("republican", "democrat", "independent", "conservative", "liberal"))
#: A relative clause of service at the White House after a noun ('who worked in the Carter White House').
_SERVED_AT_WHITE_HOUSE_RE = re.compile(r"who (?:(?:has|had) )?(?:worked|served) (?:in|at|for) (?:[\w.’']+ ){0,4}White "
                                       r"House\b")
#: A party's name after a role ('chairman of the Arizona Republican Party'; not 'head of Tea Party Patriots').
_OF_PARTY_RE = re.compile(r"of (?:the )?(?:[A-Z][\w.’'\-]* )+Party(?![\w’'\-]| [A-Z])")
#: Words that make a role before them a party's office (party officers are officials, as with a title before a name).
_PARTY_WORDS = frozenset(("gop", "republican", "democratic", "party", "libertarian", "green"))
#: Public bodies by what they are, not by where ('a Justice Department lawyer'; 'a Dover County voter' is none).
_INSTITUTIONS = PUBLIC_BODIES - PUBLIC_PLACES - {"federal", "presidential"} | {"police", "pentagon", "army", "navy",
                                                                               "military"}


def _body_name(split: list[str], body: list[str]) -> list[str]:
    """The words of ``body`` (``split`` lower-cased) up to the end of the body's name: a comma, or *for*, *on* or
    *to* after a capitalised word, which open a group's purpose ('the Committee for a Responsible Federal Budget',
    'the Partnership for New York City'; not 'head of counterterrorism for the Metropolitan Police')."""
    for k, w in enumerate(split):
        if w.endswith(","):
            return body[:k + 1]
        if k and body[k] in ("for", "on", "to") and split[k - 1][:1].isupper():
            return body[:k]
    return body


def role_evidence(words: AttributionWords, text: str, doc_names: list[tuple[int, str, bool]],
                  canonical, wanted: set[str] | None = None, memo: dict | None = None) -> dict[str, set[str]]:
    """What the document says each named person is: ``{name: {"official", "media"}}``.

    ``doc_names`` are the document's full names (:meth:`.names.NameFinder.doc_names`), ``canonical`` maps a
    name to its full form in the document. A person is an official when a title or role precedes the name
    (``Mayor London Breed``, ``district attorney Mark Ellis``) or an apposition or copula after it ends in a
    role (``Mark Ellis, the district attorney,``); media when that word is a newsroom job (``Jane Roe, a
    reporter for the Daily Ledger``, ``Ledger columnist Jane Roe``). Each occurrence reads a bounded window,
    so the work is linear in the document's length.

    With ``wanted`` (full names), only the names whose full form is one of them are read: a name's full form is
    the name or a longer name ending with it, so the other names are passed over by a set look-up. ``memo`` (a
    dictionary kept for one document) keeps what each occurrence says, which depends on the text alone, for the
    next call on the same document.
    """
    out: dict[str, set[str]] = {}
    tails = None
    if wanted is not None:
        tails = set(wanted)
        for w in wanted:
            parts = w.split()
            tails.update(" ".join(parts[k:]) for k in range(len(parts)))
    for pos, name, official in doc_names:
        if tails is not None and name not in tails:
            continue
        full = canonical(name)
        if wanted is not None and full not in wanted:
            continue
        found = out.setdefault(full, set())
        key = (pos, name, official)
        kinds = memo.get(key) if memo is not None else None
        if kinds is None:
            kinds = _occurrence_kinds(words, text, pos, name, official)
            if memo is not None:
                memo[key] = kinds
        found.update(kinds)
    if wanted is not None:
        for w in wanted:  # a one-word name no full name of the document ends with ('Obama' after 'President Obama')
            if " " not in w and w not in out:
                out[w] = set()
    if out:
        _titled_surnames(words, text, doc_names, out, memo)
    return {k: v for k, v in out.items() if v or " " in k}


def _titled_surnames(words: AttributionWords, text: str, doc_names: list[tuple[int, str, bool]],
                     out: dict[str, set[str]], memo: dict | None = None) -> None:
    """Add ``official`` for a person of ``out`` not yet known as one whose surname alone stands after an office
    title elsewhere in the document ('Sen. Sanders' after 'Bernie Sanders'), when no other full name of the
    document ends with that surname (two Sanderses: nothing is added, different people are never merged)."""
    titled = memo.get(_TITLED_KEY) if memo is not None else None
    if titled is None:  # the words after an office title, in one pass over the document (kept for the next call)
        titled = {_POSSESSIVE_END_RE.sub("", m.group(1)) for m in _title_re(words).finditer(text)
                  if (not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._")) and
                  _RELATION_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) is None}
        if memo is not None:
            memo[_TITLED_KEY] = titled
    if not titled:
        return
    by_surname: dict[str, set[str]] = {}
    for _, name, _ in doc_names:
        by_surname.setdefault(name.rsplit(None, 1)[-1], set()).add(name)
    for full, kinds in out.items():
        if "official" in kinds:
            continue
        surname = full.rsplit(None, 1)[-1]
        # (a full name: no other full name ends with its surname; a one-word name: none does)
        if surname in titled and len(by_surname.get(surname, ())) <= (1 if " " in full else 0):
            kinds.add("official")  # 'Sen. Sanders', 'Governor Quill' (not 'Mr. Quill')


#: A kinship or staff relation right before a title: the titled person is someone else than the one described
#: ('Greg Vance, ... the brother of Vice President Vance', 'an aide to Sen. Vale').
_RELATION_BEFORE_RE = re.compile(
    r"\b(?:(?:brother|sister|son|daughter|wife|husband|father|mother|nephew|niece|cousin|uncle|aunt|widow|widower|"
    r"grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|in-law|friend|ally|rival|critic)"
    r"[^\S\n]+of|(?:aide|adviser|advisor|spokesman|spokeswoman|spokesperson|assistant|deputy|counsel|lawyer)"
    r"[^\S\n]+(?:to|for))[^\S\n]+(?:[\w.\-]+[^\S\n]+){0,3}$", re.IGNORECASE)  # ('of the former Vice ')
_POSSESSIVE_END_RE = re.compile(r"['’]s?\Z")  # ('President Trump’s' -> 'Trump')
_TITLED_KEY = "titled surnames"  # (a string key: the memo's other keys are tuples)
#: Abbreviations of the list that are no office ('Aug.', 'No.', 'Fig.', 'vs.').
_NOT_OFFICES = frozenset(("jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
                          "fig", "figs", "vol", "vols", "approx", "v", "vs", "mt", "ft", "a.d", "dist", "ch"))


def _title_re(words: AttributionWords) -> re.Pattern:
    """An office title, capitalised, and the capitalised word after it (group 1): 'Sen. Sanders', 'Governor
    Quill'; built once per word lists."""
    got = getattr(words, "_title_re", None)  # (kept on the word lists themselves: an id() key could be reused)
    if got is None:
        titles = {w.capitalize() for w in words.sections.get("office", ()) if w.replace("-", "").isalpha()}
        titles |= {a for a in words.title_abbreviations if a.lower() not in _NOT_OFFICES and
                   not words.has("honorific", a.lower())}
        by_first: dict[str, list[str]] = {}
        for t in titles:
            by_first.setdefault(t[0], []).append(re.escape(t[1:]))
        # grouped by first letter with no look-behind before them, so that the engine skips to those letters (six
        # times faster than the plain alternation behind a look-behind); the word boundary before a title is
        # tested on each match
        alternation = "|".join(re.escape(k) + "(?:" + "|".join(sorted(v, key=len, reverse=True)) + ")"
                               for k, v in sorted(by_first.items()))
        got = words._title_re = re.compile(r"(?:" + alternation + r")\.?[ \u00a0]+([A-Z][\w'’\-]+)(?![\w])")
    return got


def _occurrence_kinds(words: AttributionWords, text: str, pos: int, name: str, official: bool) -> tuple[str, ...]:
    """What one occurrence of a full name at ``pos`` says the person is (:func:`role_evidence`): ``official`` and
    ``media``, from a title before it, the word before it and an apposition after it."""
    found: list[str] = []
    if official:
        found.append("official")
    before = _word_before(text, max(0, pos - _BEFORE), pos)
    if before is not None:
        low = before.lower().rstrip(".").removeprefix("ex-")
        stem = low[:-2] if low.endswith(("'s", "’s")) else low[:-1] if low.endswith(("'", "’")) else None
        if words.has("media_role", low) or (stem and words.is_media(stem)):
            found.append("media")  # "Ledger columnist Jane Roe", "CNN's Jake Tapper"
        elif before.islower() and words.is_media(low) and text[pos + len(name):pos + len(name) + 1] in _CLOSING_MARKS:
            found.append("media")  # an outlet's name after an outlet noun: 'told the Dover newspaper La Voz.' (not
            # 'the newspaper Ada Quill owns')
        elif (words.has("office", low) or (before.rstrip(".") in words.title_abbreviations
                                           and not words.has("honorific", low))) and \
                not words.private_body([unpossessed(w.lower().strip(",;:")) for w in
                                  text[max(0, pos - 60):pos].split()[-4:-1]]):
            found.append("official")  # an office, not a courtesy title ('Mr.'), nor one in a private body named
            # before it ('Zentrix Foods President Ada Quill', 'the union's president Ana Ortiz')
        elif words.is_noun(low) and _WHITE_HOUSE_BEFORE_RE.search(text, max(0, pos - _BEFORE), pos):
            found.append("official")  # the president's staff: 'White House chief strategist Tom Reyes'
        elif low == "and" and _PLURAL_TITLE_RE.search(text, max(0, pos - _BEFORE - 20), pos):
            found.append("official")  # the second of two names after a plural title: 'Reps. Tom Reyes and Ada Quill'
    kind = apposition_kind(words, text, pos + len(name))
    if kind:
        found.append(kind)
    return tuple(found)


#: Marks that may follow a name which ends its phrase (and the end of the text).
_CLOSING_MARKS = frozenset(("", ".", ",", ";", ":", ")", '"', "”", "'", "’", "!", "?"))


def _word_before(text: str, lo: int, pos: int) -> str | None:
    """``_WORD_BEFORE_RE.search(text, lo, pos).group(1)`` (or None), read from the end: white space must end the
    range, and the word is the run of word characters, periods, hyphens and apostrophes before it from its first
    letter on. The pattern, searched forward, tried every position of the range (five times slower)."""
    piece = text[lo:max(pos, 0)]  # (a negative end is the start, as for the pattern)
    stripped = piece.rstrip()  # (str.rstrip strips what ``\s`` matches)
    if len(stripped) == len(piece):
        return None
    run = _WORD_BEFORE_RUN_RE.match(stripped[::-1]).end()
    first = _LETTER_RE.search(stripped, len(stripped) - run)
    return None if first is None else stripped[first.start():]


#: Prepositions that give the outlet a person works at ('a writer at The Atlantic', 'a producer for NBC News').
_AT_OUTLET = frozenset(("at", "for", "with"))


def apposition_kind(words: AttributionWords, text: str, end: int) -> str | None:
    """``"official"`` or ``"media"`` when an apposition or copula right after ``text[:end]`` (a name) gives an
    office or a newsroom job ('Ellis, the district attorney,'); None otherwise. Reads at most 100 characters."""
    m = _APPOSITION_RE.match(text, end, min(len(text), end + 100))
    return _np_kind(words, m.group("np")) if m is not None else None


@functools.lru_cache(maxsize=1 << 16)
def _name_key(source: str) -> str:
    """:func:`normalise_name` of a source string, memoised (sources recur across documents)."""
    return normalise_name(source)


@functools.lru_cache(maxsize=1 << 16)
def _label_key(source: str) -> str:
    """:func:`normalise_label` of a source string, memoised."""
    return normalise_label(source)


def person_type(types: Iterable[str], evidence: set[str]) -> str:
    """One type for a person in a document: ``official`` if any mention or the text gives them an office,
    else ``media`` if any gives them a newsroom job, else ``person``."""
    found = set(types) | evidence
    if "official" in found:
        return "official"
    if "media" in found:
        return "media"
    return "person"


def unify_sources(attrs: list[Attribution], evidence: dict[str, set[str]]) -> None:
    """Give every attribution its ``source_id`` and each person one type across the document.

    A named source's id is its key (:func:`normalise_name` for people, :func:`normalise_label` for
    organisations, outlets and documents); unnamed, vague and anonymous sources and unresolved pronouns get
    none. All attributions of one person (same id, a personal name) then get one type (:func:`person_type`),
    from every mention and from ``evidence`` (:func:`role_evidence`).

    A mention typed by a common noun that is a person's surname or full name in the document ('Story added'
    after 'Reporter Louise Story said': typed ``document`` by the noun *story*) is that person: it takes the
    person's name, id and type (see :func:`_adopt_surnames`).
    """
    people: dict[str, list[Attribution]] = {}
    keys: dict[tuple[str, bool], str] = {}  # sources recur in a document: each is normalised once
    for a in attrs:
        a.source_id = None
        if not a.source or not a.named or a.source_type in ("pronoun", "anonymous", "vague") or a.group:
            continue  # (several people named together are no one person: 'Varga and Rell')
        if not a.person and (a.source_type in ("person", "official") or a.source_type == "media"
                             and _journalist(a.source)):
            # a named person, official or journalist is a person even when no personal name was read out of the
            # mention (a surname that is also a role: 'Sen. Amos Judge', 'Reporter Ann Judge')
            a.person = True
        key = keys.get((a.source, a.person))
        if key is None:
            key = keys[(a.source, a.person)] = (_name_key if a.person else _label_key)(a.source)
        a.source_id = key or None
        if a.person and key:
            people.setdefault(key, []).append(a)
    _bodies_named_alone(attrs, people, keys)
    adopted = _adopt_surnames(attrs, people)
    for key, group in people.items():
        ev: set[str] = set()
        for a in group:
            ev |= evidence.get(a.source, set())
        kind = person_type((a.source_type for a in group), ev)
        for a in group:
            a.source_type = kind
        for a in adopted.get(key, ()):
            a.source_type = kind


def _bodies_named_alone(attrs: list[Attribution], people: dict[str, list[Attribution]],
                        keys: dict[tuple[str, bool], str]) -> None:
    """A name typed ``person`` for want of evidence that the document also gives as an organisation's ('The law
    firm Perkins Vale said ...' then 'Perkins Vale said ...') is that organisation: its mentions leave ``people``
    and take the organisation's type and id. Only when no mention of the name has a title or office."""
    bodies = {a.source for a in attrs if a.source_type == "organization" and a.named and not a.person and a.source}
    if not bodies:
        return
    for key in [k for k, group in people.items() if all(a.source_type == "person" and a.source in bodies
                                                          for a in group)]:
        for a in people.pop(key):
            a.person = False
            a.source_type = "organization"
            a.source_id = keys.get((a.source, False)) or _label_key(a.source) or None


def _adopt_surnames(attrs: list[Attribution], people: dict[str, list[Attribution]]) -> dict[str, list[Attribution]]:
    """The mentions of the document's named people that were typed by a common noun, by person key.

    A mention qualifies when it is no personal name already, is typed as a common noun would be
    (:data:`_NOUN_TYPES`), is written in capitalised words only, and its key is a person's key or it is one word
    that is the last word of exactly one person's key ('Story' with 'Louise Story' in the document; 'the story'
    is lower case, and 'Story' with two people named Story stays as it is). Each such mention takes the
    person's name (as first written), id and ``person`` flag, and is ``named``; its type is set by the caller
    from the person's other mentions (a mistaken type is not evidence)."""
    adopted: dict[str, list[Attribution]] = {}
    if not people:
        return adopted
    by_last: dict[str, set[str]] = {}
    for key in people:
        by_last.setdefault(key.rsplit(" ", 1)[-1], set()).add(key)
    for a in attrs:
        if a.person or a.source_type not in _NOUN_TYPES or not a.source:
            continue
        parts = a.source.split()
        if not all(p[:1].isupper() for p in parts):
            continue
        key = _name_key(a.source)
        if key not in people:
            keys = by_last.get(key, ()) if " " not in key else ()
            if len(keys) != 1:
                continue
            key = next(iter(keys))
        a.source = people[key][0].source
        a.source_id = key
        a.person = True
        a.named = True
        adopted.setdefault(key, []).append(a)
    return adopted
