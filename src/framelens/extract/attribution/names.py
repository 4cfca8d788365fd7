"""Names in a document: full personal names (for 'Castellano' -> 'Maren Castellano'), the name part of a source
mention, and an outlet's name in a longer mention.

The full names come from one regular-expression pass over the text per document (:meth:`NameFinder.doc_names`);
each run of capitalised words is read once per extractor (a bounded memo), and the indexes built on the list
(:class:`NameIndex`, :meth:`NameFinder.by_surname`) are kept in the document's memo.
"""

from __future__ import annotations

import re

from .source_types import vocabulary
from .tokens import Token, TokenCache
from .words import (CONNECTORS, DETERMINERS, DOMAIN_ENDINGS, INDEFINITES, MEMO_MAX, MONTH_NAMES, NP_PREPOSITIONS,
                    OPENING_PREPOSITIONS, PAGE_FURNITURE, PARTY_EPITHETS, WEEKDAYS, AttributionWords, unpossessed)

#: Two to six capitalised words in a row (a possible full name after its titles: 'Attorney General Loretta Lynch');
#: the last one is looked up as a surname.
#: The pattern opens with the capital (the look-behind follows it) so that the regex engine can skip ahead to
#: capitals instead of trying the look-behind at every position. A leading word is its whole run of word
#: characters ending in a letter (:data:`_NAME_RUN_PLAIN`'s ``[\w’'\-]*[^\W\d_]\s``, which can only match a whole
#: run, since white space is no word character), taken at once by a look-ahead capture and checked by a
#: look-behind instead of backtracking one character per word (possessive quantifiers need Python 3.11).
NAME_RUN_RE = re.compile(r"[A-Z](?<![\w’'\-].)(?=([\w’'\-]+))\1(?<=[^\W\d_])\s"
                         r"(?:[A-Z](?=([\w’'\-]+))\2(?<=[^\W\d_])\s){0,4}"
                         r"[A-Z][^\W_]+(?:[\-‐‑][A-Z][^\W_]+)?(?![\w\-])")
#: :data:`NAME_RUN_RE` as first written (the same matches; the tests compare them).
_NAME_RUN_PLAIN = re.compile(r"[A-Z](?<![\w’'\-].)[\w’'\-]*[^\W\d_]\s(?:[A-Z][\w’'\-]*[^\W\d_]\s){0,4}"
                             r"[A-Z][^\W_]+(?:[\-‐‑][A-Z][^\W_]+)?(?![\w\-])")
_POST_MODIFIER_OPENERS = CONNECTORS | NP_PREPOSITIONS
#: Lower-case particles inside a personal name (Spanish, Portuguese, Italian, French, Dutch, German, Arabic names).
NAME_PARTICLES = frozenset(("de", "del", "della", "la", "las", "los", "van", "der", "den", "von", "da", "di", "du",
                            "le", "dos", "das", "bin", "ibn", "al"))
#: A first name and particles right before a run of capitalised words ('David de la ' before 'Cruz Grajales').
_PARTICLES_BEFORE_RE = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]*[^\W\d_])[^\S\n]+"
                                  r"((?:(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) +
                                  r")[^\S\n]+){1,3})\Z")
#: Function words that open a sentence before a name and are no part of it ('And Newt Gingrich', 'For Trump'):
#: a closed class, so a constant.
NOT_NAME_START = frozenset({"and", "nor", "plus"}) | CONNECTORS | NP_PREPOSITIONS | PAGE_FURNITURE | INDEFINITES | OPENING_PREPOSITIONS
#: Generational suffixes after a surname ('John Conyers Jr.'): a closed class, so a constant.
GENERATIONAL_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
#: The word right before a position ('Mayor' in 'Mayor London Breed'); used on a bounded window.
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w.\-]*)\s+$")


#: Contracted verbs and negations, which never end a word of a name ("I'm", "We're", "Don't").
_CONTRACTED_ENDINGS = ("'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t")


#: First names and surnames in *-ing* that open a full name ('Sterling K. Brown', 'Irving Kristol').
_ING_NAMES = frozenset(("sterling", "stirling", "channing", "irving", "manning", "fleming", "browning", "harding",
                        "golding", "redding", "fielding", "darling", "cushing", "dowling", "pershing", "kipling"))


def _gerund(low: str) -> bool:
    """A word in *-ing* of five letters or more that is no name of the list: a gerund or participle opening a
    headline before a name ('Appreciating', 'Remembering', 'Joining'; not 'King', 'Ming', 'Sterling')."""
    return len(low) > 4 and low.endswith("ing") and low not in _ING_NAMES


def _introduced_names(text: str, names: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """``names`` without the full names whose surname the document uses twice or more before their first
    occurrence: news introduces a person by full name and then uses the surname, so a surname used before a full
    name ending with it is someone else's, already known ('Trump said ...' many times, then 'first lady Melania
    Trump', a headline run 'Libra Trump has considered' or 'Longtime Trump adviser'). Such a name would take every
    bare mention of the surname and credit one person with what another said. A headline before the full name
    ('Vale resigns' then 'Tom Vale, the mayor,') is one use and keeps it."""
    first: dict[str, int] = {}
    for pos, name, _ in names:
        first.setdefault(name, pos)
    dropped = set()
    for name, pos in first.items():
        surname = name.rsplit(None, 1)[-1]
        if uses_before(text, surname, pos) >= 2:
            dropped.add(name)
    return [n for n in names if n[1] not in dropped] if dropped else names


def uses_before(text: str, word: str, end: int, most: int = 2) -> int:
    """How many times ``word`` stands as a whole word in ``text[:end]`` other than after an article, counted up to
    ``most``."""
    n = 0
    for at in _whole_words(text, word, end):
        before = text[max(0, at - 12):at]
        if not before.lower().endswith(("the ", "a ", "an ")) and _CAPTION_BEFORE_RE.search(before) is None:
            n += 1  # (not a modifier after an article: 'the Trump administration', 'a Vale aide'; nor a video
            # caption's label: 'JUST WATCHED Graham on taxes', 'MUST WATCH Graham')
            if n >= most:
                break
    return n


#: An all-capital word of four letters or more right before a word (a video caption's label, 'MUST WATCH').
_CAPTION_BEFORE_RE = re.compile(r"\b[A-Z]{4,}[^\S\n]+\Z")


def _whole_words(text: str, word: str, end: int):
    """Where ``word`` starts as a whole word in ``text[:end]``, in order (``str.find`` steps: a pattern compiled per
    word would cost more than the search, as every document brings new names)."""
    size = len(word)
    at = text.find(word, 0, end)
    while at >= 0:
        if (at == 0 or not text[at - 1].isalnum()) and not text[at + size:at + size + 1].isalnum():
            yield at
        at = text.find(word, at + size, end)


def _common_first_word(text: str, name: str) -> bool:
    """Whether the first word of a full name read from a capitalised run is no first name: a month or weekday, a
    quantifier, or a word of six letters or more that the document also writes in lower case (a capitalised common
    word glued to a surname: 'Longtime Trump adviser', 'Freedom Trump awards' in a run of headlines). Shorter words
    are left alone, as many first names are common words too ('Bill', 'Mark', 'Will', 'Rose').

    A full name of the document takes every bare mention of its surname, so a false one credits one person with what
    another said; leaving a true one out only leaves its surname unexpanded."""
    first = name.split(None, 1)[0]
    low = first.lower()
    if low in _NOT_FIRST_NAMES:
        return True
    if len(low) < 6 or not first[:1].isupper() or not low.isalpha():
        return False
    return _lower_case_use(text, low)


def _lower_case_use(text: str, low: str) -> bool:
    """Whether the lower-case word ``low`` stands in ``text`` as a whole word after a space, a parenthesis, a line
    break or a quotation mark."""
    return any(at > 0 and text[at - 1] in " (\n\"“" for at in _whole_words(text, low, len(text)))


#: Capitalised words that open runs of names and are no first names: months, weekdays, quantifiers.
#: Endings of a hyphenated descriptor before a name ('Cuban-American', 'Irish-born', 'Texas-based'): not part of it.
_DESCRIPTOR_ENDINGS = tuple(h + w for h in "-‐‑" for w in ("american", "americans", "born", "based"))
_NOT_FIRST_NAMES = MONTH_NAMES | WEEKDAYS | frozenset("several many some most all both few other others each every "
                                                      "another any".split())


#: A word and *of* right before a name run ('Secretary of State ...').
_ROLE_OF_RE = re.compile(r"\b([A-Za-z]+)[^\S\n]+of[^\S\n]+$")


#: The rest of a name after *and*: capitalised words, the last one captured ('... and Water Research Center').
_AND_BODY_RE = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+(?:[A-Z][\w'’\-]*[^\S\n]+){0,5}([A-Z][\w'’\-]*)")
#: The capitalised word that ends right before ' of ' (searched up to where *of* starts).
_WORD_BEFORE_OF_RE = re.compile(r"([A-Z][a-z]+)\Z")
#: Nouns of events and venues: a capitalised run ending in one names no person ('the Harvest Conference on Soil').
_EVENT_NOUNS = frozenset(("conference", "summit", "festival", "forum", "convention", "museum", "library", "gallery",
                          "stadium", "arena", "airport", "memorial", "plaza", "expo", "symposium", "parade",
                          "olympics", "championship", "championships", "awards"))
#: Words that modify a title ('Vice President', 'Deputy Director'): a run of them and titles is no name.
_TITLE_MODIFIERS = frozenset(("vice", "deputy", "assistant", "associate", "chief", "executive", "senior", "acting",
                              "interim", "general", "former"))
#: Party members' nouns: a capitalised run ending in one is a description ('Oregon Republican'), no personal name.
_PARTY_NOUNS = PARTY_EPITHETS | {"libertarian"}


class NameFinder:
    """Personal and outlet names, with a per-extractor memo of the capitalised runs already read."""

    def __init__(self, words: AttributionWords):
        self.words = words
        self.vocab = vocabulary(words)
        self._memo: dict = {}

    def doc_names(self, text: str, cache: dict) -> list[tuple[int, str, bool]]:
        """Full personal names in the document: ``(start, name, preceded by a title)``, in text order
        (computed once per document and kept in ``cache``)."""
        if "names" in cache:
            return cache["names"]
        out = []
        role_suffixes = self.words.role_suffixes
        memo = self._memo
        commons: dict[str, bool] = {}  # names recur in a document: each first word is looked up once
        for m in NAME_RUN_RE.finditer(text):
            run = m.group()
            if run.count(" ") >= 2 and self._role_of_before(text, m.start()):
                # 'Director of National Intelligence Ada Quill', 'Secretary of State Tom Reyes': the office's body,
                # then the name (its last two words, or three with a middle initial)
                tail = _tail_name(run)
                got = self._name_of_run(tail)
                got = (len(run) - len(tail) + got[0], got[1], True) if got else ()
            else:
                got = memo.get(run)
                if got is None:
                    got = self._name_of_run(run)
                    if len(memo) >= MEMO_MAX:
                        memo.clear()
                    memo[run] = got
            start = m.start()
            particles = None
            if start > 2 and text[start - 2].islower():  # (the pattern is searched only after a particle)
                before = text[max(0, start - 7):start].split()
                if before and before[-1] in NAME_PARTICLES:
                    particles = _PARTICLES_BEFORE_RE.search(text, max(0, start - 40), start)
            if particles is not None and (not got or got[0] == 0):
                # a name with particles before the run: 'David de la Cruz Grajales', 'Luis de Leon'
                plain = self._name_of_run(particles.group(1) + " " + run)
                if plain:
                    got = (particles.start() - m.start(), text[particles.start():m.end()], plain[2])
            if not got or self._body_before_and(text, m.end()) or (not got[2] and self._body_after_of(text, m.start())):
                continue  # (a title in the run names its holder: 'Bureau of Investigation Director James Comey')
            offset, name, official = got
            common = commons.get(name)
            if common is None:
                common = commons[name] = _common_first_word(text, name)
            if common:
                continue  # 'Longtime Trump adviser', 'in February Trump said', 'Several Trump aides': no full name
            run_start = m.start()
            out.append((run_start + offset, name, official or (
                run_start > 0 and text[max(0, run_start - 6):run_start].rstrip(" .").lower().endswith(role_suffixes))
                or (offset > 0 and self._role_of_before(text, run_start))))
        if out:
            out = _introduced_names(text, out)
        cache["names"] = out
        return out

    def _role_of_before(self, text: str, run_start: int) -> bool:
        """Whether a role and *of* stand right before a run whose first words are no part of the name: 'Secretary
        of State Tom Kerrigan', 'Minister of Defence Ana Ruiz' (an office of the form *role of X*)."""
        if "of" not in text[max(0, run_start - 6):run_start]:
            return False  # (the regex only where 'of' stands right before)
        m = _ROLE_OF_RE.search(text, max(0, run_start - 30), run_start)
        return m is not None and m.group(1).lower() in self.vocab.role

    def by_surname(self, text: str, cache: dict) -> dict[str, list[tuple[int, bool]]]:
        """The document's full names by their last word lower-cased: ``{surname: [(start, preceded by a title),
        ...]}`` in text order (computed once per document and kept in ``cache``)."""
        got = cache.get("names_by_surname")
        if got is None:
            got = cache["names_by_surname"] = {}
            for pos, name, official in self.doc_names(text, cache):
                got.setdefault(name.split()[-1].lower(), []).append((pos, official))
        return got

    def _body_before_and(self, text: str, end: int) -> bool:
        """Whether the capitalised run ending at ``end`` opens an organisation's name that goes on after *and* ('the
        National Wind and Water Research Center': 'National Wind' is no person)."""
        if not text.startswith((" and ", " & "), end):
            return False
        m = _AND_BODY_RE.match(text, end)
        return m is not None and m.group(1).lower() in self.vocab.organization

    def _body_after_of(self, text: str, start: int) -> bool:
        """Whether the capitalised run at ``start`` goes on an organisation's or a venue's name after *of* ('the
        Dover Museum of Rural Farm History', 'the Department of Homeland Security'): no person."""
        if not text.startswith(" of ", start - 4):
            return False
        m = _WORD_BEFORE_OF_RE.search(text, max(0, start - 40), start - 4)
        return m is not None and (m.group(1).lower() in self.vocab.organization or m.group(1).lower() in _EVENT_NOUNS)

    def _name_of_run(self, run: str):
        """For a run of capitalised words: ``(offset of the name in the run, name, preceded by a title)``, or
        ``()`` when the run is not a personal name (fewer than two words left, a place, an organisation)."""
        words = self.words
        vocab = self.vocab
        role, honorific, media_role = vocab.role, vocab.honorific, vocab.media_role
        titles = words.title_abbreviations
        name_lead = words.name_lead
        parts = run.split()
        official = False
        k = 0
        caps_last = parts[-1].isupper()
        for j, w in enumerate(parts[:-1]):  # the name starts after the last title or non-name word
            low = w.lower().rstrip(".")
            if low in role or (w.endswith(".") and w[:-1] in titles):
                # (an office in a private body named before it is none: 'Zentrix Foods President Ada Quill')
                official = official or (low not in honorific and not words.private_body([p.lower() for p in parts[:j]]))
                k = j + 1
            elif low in media_role:  # a newsroom job as a title: 'Columnist Ada Quill', 'Host Tom Reyes'
                k = j + 1
            elif w.endswith(("'s", "’s", "'", "’")):  # "CNN's Jake Tapper": the name follows the possessive
                k = j + 1
            elif low.endswith(_DESCRIPTOR_ENDINGS):  # 'Cuban-American Ted Cruz', 'Irish-born Ada Quill': who, not a name
                k = j + 1
            elif low in name_lead or low in NOT_NAME_START or low in honorific or (
                    not caps_last and len(w) > 3 and w.isalpha() and w.isupper()) or (  # 'JUST WATCHED Graham'
                    j == k and j < len(parts) - 2 and (low in vocab.individual or _gerund(low))):
                k = j + 1  # 'Historian Tom Vale', 'Appreciating John Vickers' (a headline of a link list)
        rest = parts[k:]
        organization, document, is_media = vocab.organization, vocab.document, words.is_media
        for w in rest:
            low = w.lower()
            if low in organization or is_media(low) or low in document or low.endswith(_CONTRACTED_ENDINGS):
                return ()  # ("I'm Told": a contraction is no part of a name)
        last = rest[-1].lower()
        if last.endswith("s") and (last[:-1] in role or last[:-1] in vocab.vague or last in vocab.vague) or \
                last in _PARTY_NOUNS or last in _EVENT_NOUNS or \
                all(w.lower().rstrip(".") in role or w.lower() in _TITLE_MODIFIERS for w in rest):
            return ()  # 'United States Attorneys', 'House Democrats': people of a kind, no one's name; 'Oregon
            # Republican': a description in apposition ('Sen. Tom Marrow, Oregon Republican, said'); an event or a
            # venue ('Harvest Conference', 'Dover Museum'); a title alone ('Vice President of Dovair')
        if len(rest) < 2 or len(rest) > 3 or rest[-1].lower() in vocab.place or rest[-1].lower() in WEEKDAYS or \
                (len(rest) == 2 and vocab.phrase_ends_at("place", [w.lower() for w in rest], 1)):
            # (more than a first, middle and last name after the titles: a headline or a run of names, no one name;
            # a two-word place of the lists: 'New Jersey', 'United States'; a place and a day: 'London Thursday')
            return ()
        name = " ".join(rest)
        offset = len(run) - len(name) if run.endswith(name) else 0
        return (offset, name, official)

    def outlet_name(self, cache: TokenCache, src_start: int, src_end: int) -> str | None:
        """The capitalised run that names the outlet ('a 2009 article from the LA Times' -> 'LA Times'): the last
        run with an outlet word, or a run right after a lower-case outlet noun ('Spanish newspaper El Faro' -> 'El
        Faro')."""
        is_media = self.words.is_media
        runs: list[tuple[list[Token], bool]] = []  # (run, after a lower-case outlet noun)
        current: list[Token] = []
        after_noun = False
        previous = None
        for t in cache.exact(src_start, src_end):
            if t.is_word and t.cap:
                if not current:
                    after_noun = previous is not None and previous.is_word and is_media(previous.low)
                current.append(t)
                if t.low.endswith(("'s", "’s")):  # a possessive ends the name ("the Times's Saturday report")
                    runs.append((current, after_noun))
                    current = []
            elif current and (t.text in "-‐‑&." or t.low in ("and", "of") or _domain(current, t)):
                current.append(t)
            else:
                if current:
                    runs.append((current, after_noun))
                current = []
            previous = t
        if current:
            runs.append((current, after_noun))
        for run, after_noun in reversed(runs):
            while run and not (run[-1].is_word and (run[-1].cap or _domain(run[:-1], run[-1]))):
                run.pop()
            while run and run[0].low in DETERMINERS:
                run.pop(0)
            if run and (after_noun or any(t.is_word and is_media(unpossessed(t.low)) for t in run)):
                return unpossessed(cache.text[run[0].start:run[-1].end])  # ("the Ledger's report" -> 'Ledger')
        return None

    def name_part(self, cache: TokenCache, src_start: int, src_end: int) -> str | None:
        """The personal name in a mention: the last run of capitalised words, titles and roles removed."""
        words = self.words
        # stop at a post-modifier ("a spokesperson for Gov. Alan Whitlock" has no name of its own)
        head = []
        tokens = cache.exact(src_start, src_end)
        for k, t in enumerate(tokens):
            if t.is_word and t.low in _POST_MODIFIER_OPENERS:
                if t.low == "of" and head and head[-1].cap and words.has("role", head[-1].low):
                    rest = [x for x in tokens[k + 1:] if x.is_word]
                    if len(rest) >= 3 and all(x.cap or x.low == "the" for x in rest):
                        # an office of the form 'role of X' before a name: 'Secretary of State Tom Reyes'
                        name = _tail_name(cache.text[tokens[k + 1].start:tokens[-1].end])
                        return name if name.split()[0].lower() != "the" else None
                break
            head.append(t)
        run: list[Token] = []
        text = cache.text
        for i in range(len(head) - 1, -1, -1):
            t = head[i]
            if t.is_word and (t.low in INDEFINITES or (run and t.low.endswith(_DESCRIPTOR_ENDINGS))):
                break  # 'Everything Quill says': the name is 'Quill'; 'Cuban-American Ted Cruz': 'Ted Cruz'
            if t.is_word and t.cap and not words.has("role", t.low) and not words.has("media_role", t.low) and not (
                    t.text in words.title_abbreviations and text[t.end:t.end + 1] == "."):  # 'Jan Jambon' is a name
                if run and (text[t.end:t.end + 2] in ("'s", "’s") or t.text.endswith(("'s", "’s"))):
                    break  # "UCLA's Michael Tesler": the name follows the possessive
                run.append(t)
            elif t.is_word and t.low in NAME_PARTICLES and run and i > 0 and head[i - 1].is_word and \
                    (head[i - 1].cap or head[i - 1].low in NAME_PARTICLES) and \
                    not words.has("role", head[i - 1].low):
                run.append(t)  # a particle inside a name: 'David de la Cruz Grajales', 'Ana van der Berg'
            elif not t.is_word and t.text in "-‐‑" and run:
                continue
            elif t.text == "." and run and i > 0 and len(head[i - 1].text) == 1 and head[i - 1].cap:
                continue  # a middle initial: 'Patrick J. Leahy'
            else:
                break
        if not run:
            return None
        run.reverse()
        return text[run[0].start:run[-1].end]

    def index(self, text: str, cache: dict) -> "NameIndex":
        """The document's full names indexed by last word and by shorter tails (computed once per document and
        kept in ``cache``)."""
        got = cache.get("name_index")
        if got is None:
            got = NameIndex(self.doc_names(text, cache), text, self.words)
            cache["name_index"] = got
        return got

    def full_name(self, text: str, surname: str, cache: dict) -> tuple[str, bool] | None:
        """A longer form of a one-word name used in the document ('Castellano' -> 'Maren Castellano'), and whether
        a title preceded it; None when there is no such form or more than one."""
        if not surname[:1].isupper():
            return None
        found = self.index(text, cache).by_last.get(surname)
        if not found or len(found) != 1:
            return None
        return next(iter(found.items()))


class NameIndex:
    """A document's full names (runs of two or three capitalised words) looked up in constant time:
    ``by_last`` (last word -> {name: preceded by a title}), ``by_tail`` (a shorter tail of two or more words,
    'Yulín Cruz' -> the names ending with it) and :meth:`titles_of` (the lower-case title or role words seen right
    before a name: 'mayor', 'sen'; read on first use, since few names need them)."""

    def __init__(self, doc_names: list[tuple[int, str, bool]], text: str, words: AttributionWords):
        self.by_last: dict[str, dict[str, bool]] = {}
        self.by_tail: dict[str, set[str]] = {}
        self._text = text
        self._words = words
        self._positions: dict[str, list[int]] = {}  # name -> where it occurs, in text order
        self._titles: dict[str, set[str]] = {}
        official_of: dict[str, bool] = {}  # each name once, in order of first occurrence
        for pos, name, official in doc_names:
            official_of[name] = official_of.get(name, False) or official
            self._positions.setdefault(name, []).append(pos)
        for name, official in official_of.items():
            parts = name.split()
            lasts = (parts[-1], parts[-2]) if len(parts) >= 3 and parts[-1].rstrip(".") in GENERATIONAL_SUFFIXES \
                else (parts[-1],)
            for last in lasts:
                d = self.by_last.setdefault(last, {})
                d[name] = d.get(name, False) or official
            for k in range(1, len(parts) - 1):
                self.by_tail.setdefault(" ".join(parts[k:]), set()).add(name)

    def titles_of(self, name: str) -> set[str]:
        """The lower-case title or role words seen right before ``name`` in the document (empty if none)."""
        got = self._titles.get(name)
        if got is None:
            got = self._titles[name] = set()
            text, words = self._text, self._words
            for pos in self._positions.get(name, ()):
                before = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
                if before is not None:
                    low = before.group(1).lower().rstrip(".")
                    if words.has("role", low) or words.has("honorific", low) or \
                            before.group(1).rstrip(".") in words.title_abbreviations:
                        got.add(low)
        return got

    def longer(self, name: str) -> str | None:
        """The one full name that ends with the multi-word ``name`` and is longer ('Yulín Cruz' -> 'Carmen Yulín
        Cruz'); None when there is none or several."""
        found = self.by_tail.get(name)
        if found and len(found) == 1:
            return next(iter(found))
        return None


def strip_determiner(s: str) -> str:
    """``s`` without a leading *the*, *a* or *an*."""
    parts = s.split(None, 1)
    if len(parts) == 2 and parts[0].lower() in ("the", "a", "an"):
        return parts[1]
    return s


def _domain(run: list[Token], t: Token) -> bool:
    """Whether ``t`` is the top-level domain of a site's address glued to the period ending ``run``
    ('FactCheck.org')."""
    return len(run) >= 2 and run[-1].text == "." and run[-1].end == t.start and t.low in DOMAIN_ENDINGS and \
        run[-2].is_word and run[-2].end == run[-1].start



def _tail_name(run: str) -> str:
    """The personal name that ends a run of capitalised words after an office's body: its last two words, or three
    with a middle initial ('State Tom Reyes' -> 'Tom Reyes', 'Defense John F. Reyes' -> 'John F. Reyes')."""
    parts = run.split()
    k = len(parts) - 2
    if k >= 1 and len(parts[k].rstrip(".")) == 1:
        k -= 1
    return " ".join(parts[max(k, 0):])
