"""Source phrases: the noun phrase before a cue ('Harris said'), after it ('said Harris', 'according to the LA
Times', 'was reported by the Courier'), and how far the written mention runs (appositions, relative pronouns).

Each function works on the few tokens next to a cue and returns offsets; a
left phrase is ``(start, end, n_words)``, a right phrase ``(start, end)``.
"""

from __future__ import annotations

import operator
import re

from .tokens import Token
from .words import (APOSTROPHES, AUXILIARIES, CLOSING_DOUBLE, CONNECTORS, DAY_PARTS, DETERMINERS, INDEFINITES,
                    IRREGULAR_PARTICIPLES, MONTH_NAMES, NON_REFERENTIAL_WORDS, NP_PREPOSITIONS, NUMBER_WORDS,
                    OPENING_DOUBLE, OPENING_PREPOSITIONS, PARTY_LABEL_RE, POSSESSIVE_DETERMINERS, QUOTE_CHARS,
                    RAISING_PARTICIPLES, RELATIVE_PRONOUNS, WEEKDAYS, AttributionWords)

_CONNECTORS_AND = CONNECTORS | {"and", "&"}


def left_np(words: AttributionWords, tokens: list[Token]):
    """The noun phrase that ends right before the cue (``tokens`` run up to it): ``(start, end, n_words)`` or
    None."""
    if len(tokens) > 4:
        tokens = _without_inner_party_labels(tokens)
    i = words.skip_back(tokens, len(tokens) - 1)
    if i < 0:
        return None
    t = tokens[i]
    if t.text == "," and i >= 1 and tokens[i - 1].text == ")" and not _apposition_before(tokens, i):
        # a comma after a gloss in parentheses closes no apposition: "Sen. Jack Reed (D-R.I.), said"
        i -= 1
        t = tokens[i]
    dash = dash_before(tokens, i)
    if dash is not None:
        # a parenthetical between dashes: "Democrats — and some Republicans — say", "Reynolds - his aide - told"
        i = dash - 1
        if i < 0:
            return None
        t = tokens[i]
    elif t.text == ",":
        # an appositive or parenthetical between source and cue: "Dunmore, a Republican ..., said"
        j = _apposition_open(tokens, i)
        if j < 0 or tokens[j].text != "," or i - j < 2:
            return None
        who = _relative_clause_open(tokens, i)
        if who is not None and who < j:
            j = who  # a relative clause with commas of its own: 'Phillips, who lost ... in Aurora, Colorado, in 2012,'
        elif i - j <= 3 and all(x.cap or x.text == "." for x in tokens[j + 1:i]) and j > 0 and \
                tokens[j - 1].cap and tokens[j - 1].low not in words.pronouns:
            # 'a delegate from Houston, Texas, said': the segment is the state of a place ending the apposition;
            # the apposition opens at the comma before it
            k = j - 1
            while k >= 0 and tokens[k].text not in ",;:" and tokens[k].text not in QUOTE_CHARS and i - k < 40:
                k -= 1
            if k >= 1 and tokens[k].text == "," and j - k >= 2 and not tokens[k + 1].cap:
                j = k
        i = j - 1
        if i < 0:
            return None
        t = tokens[i]
        if t.is_word and t.low[:1].isdigit() and i >= 2 and tokens[i - 1].text == "," and tokens[i - 2].is_word:
            i -= 2  # an age before the apposition: "Marley Anderson, 21, a junior from Las Vegas, said"
            t = tokens[i]
        aside = words.adverbials.ending_at(tokens, i) if t.is_word else 0
        if aside and i - aside >= 1 and tokens[i - aside].text == "," and tokens[i - aside - 1].is_word:
            i -= aside + 1  # an aside before the apposition: "Sanders, meanwhile, who has no such backing, said"
            t = tokens[i]
    if t.text == ")":
        # a party and state or a gloss in parentheses: "Sen. Bernie Sanders (I-Vt.) said", a long gloss after a name
        j = i - 1  # ("Sen. Ada Vell (a Democrat so young she has been mistaken for an aide) says")
        while j >= 0 and tokens[j].text not in "()" and i - j < 30:
            j -= 1
        if j < 1 or tokens[j].text != "(" or not tokens[j - 1].is_word or (i - j >= 8 and not tokens[j - 1].cap):
            return None
        i = j - 1
        t = tokens[i]
    if t.text == "%" and i >= 1 and tokens[i - 1].is_word and tokens[i - 1].low[:1].isdigit() and \
            tokens[i - 1].end == t.start:
        return (tokens[i - 1].start, t.end, 1)  # a share of respondents: '42% say'
    end = t.end
    if t.is_word and t.low.endswith("ed") and not t.cap:
        # a participle's time adverbial belongs to the phrase: 'New polls released Sunday show', 'A court
        # document filed Thursday says' (skipped above as an adverbial between source and cue)
        k = i + 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].low in _PARTICIPLE_TIMES:
            k += 1
        if k > i + 1:
            end = tokens[k - 1].end
    abbreviation = _abbreviation_period(words, tokens, i)
    if abbreviation:
        # a name or organisation ending in an abbreviation: "the F.B.I. has said", "Joseph R. Biden Jr. warned";
        # the phrase is read back from the abbreviation (a lone 'I' of 'F.B.I.' is no pronoun) and ends at its period
        i -= 1
        t = tokens[i]
    elif not t.is_word:
        return None
    if t.low in words.pronouns and not abbreviation:
        return (t.start, t.end, 1)
    if t.low in RELATIVE_PRONOUNS and not abbreviation:
        # "Barrientos, who directs the coalition, said" is handled above; "outlets that described",
        # "a lawyer who said": the source is the noun phrase before the relative pronoun
        j = i - 1
        restrictive = True
        if j >= 0 and tokens[j].text == ",":
            j -= 1
            restrictive = False
        if j < 0 or not tokens[j].is_word or tokens[j].low in words.stop:
            return None
        if restrictive and not tokens[j].cap and not words.is_noun(tokens[j].low) and \
                tokens[j].low not in _SHARE_NOUNS and not _plural_noun(tokens[j].low) and \
                not (tokens[j].low[:1].isdigit() and j >= 2 and tokens[j - 1].low in ("in", "of")):
            return None  # 'a candidate who promised', 'the women who claimed': a description, not a source cited
        return left_np(words, tokens[:j + 1])
    if t.text[-2:].lower() in ("'s", "’s") or (t.text[-1:] in APOSTROPHES):
        return None  # a possessive is not a subject: "the county's (nationally praised) ..."
    first, n_words = _scan_back(words, tokens, i)
    if first is None:
        return None
    if 0 < first <= i and (_number(tokens[first].low) or tokens[first].low == "half"):
        # 'about 4 in 10', 'more than half', 'at least 6 in 10': the approximator belongs to the share
        if tokens[first - 1].low in _APPROXIMATORS:
            first -= 1
        elif first > 1 and (tokens[first - 2].low, tokens[first - 1].low) in _APPROXIMATOR_PAIRS:
            first -= 2
    # drop leading connectors and lower-case non-nouns that cannot open a source phrase
    if 0 < first < i and tokens[first].low == "least" and tokens[first - 1].low == "at":
        first -= 1  # 'At least half of voters': the scan stopped at the preposition
    while first <= i and (tokens[first].low in _CONNECTORS_AND or (
            first < i and tokens[first].cap and tokens[first].low in OPENING_PREPOSITIONS
            and (tokens[first].low, tokens[first + 1].low) not in _APPROXIMATOR_PAIRS)):
        first += 1  # ('Despite polls showing ...': a capitalised preposition opens the sentence, not the phrase)
    if first > i:
        return None
    if dash is not None and not any(x.is_word and (x.cap or x.low in words.pronouns or source_noun(words, x.low))
                                    for x in tokens[first:i + 1]):
        return None  # 'He was tired — exhausted, really — said his wife': no noun phrase before the dashes
    if tokens[first].low == "no" and not (first < i and tokens[first + 1].low == "one"):
        return None  # "no questions asked", "no official said": a negated subject is nobody
    if first >= 2 and tokens[first - 1].low in _PLACE_PREPOSITIONS and dash is None:
        subject = _subject_before_adverbial(words, tokens, first, end, n_words)
        if subject is not None:
            return subject
    if first > 0 and tokens[first - 1].is_word and tokens[first - 1].low not in ("and", "but", "or", "so", "yet",
                                                                                  "while", "because", "as"):
        with_clause = _restrictive_relative(words, tokens, first, i)
        if with_clause is not None:
            return with_clause
    if first >= 2 and tokens[first - 1].low in ("and", "&") and dash is None:
        joined = _first_conjunct(words, tokens, first - 1)
        if joined is None and first >= 4 and tokens[first - 2].text == "," and tokens[first - 1].low == "and":
            # a list with a comma before its last 'and': 'Marr, Quill, and Reyes said'
            second = _conjunct_start(words, tokens, first - 2)
            joined = _list_start(words, tokens, second) if second is not None and second > 0 and \
                tokens[second - 1].text == "," else None
        if joined is not None:
            return (tokens[joined].start, end, n_words + first - joined - 1)
    elif first >= 2 and tokens[first - 1].text == "," and dash is None and \
            any(t.low in ("and", "&") for t in tokens[first + 1:i]) and \
            all(t.cap or t.low in ("and", "&") for t in tokens[first:i + 1] if t.is_word):
        listed = _list_start(words, tokens, first)  # 'Marr, Quill and Reyes said' (names only: 'the home of NATO,
        # ... leaders inside Belgium and beyond' is no list)
        if listed is not None:
            return (tokens[listed].start, end, n_words + first - listed - 1)
    return (tokens[first].start, end, n_words)


#: Prepositions of place and occasion that open an adverbial between a named subject and its verb.
_PLACE_PREPOSITIONS = frozenset(("in", "at", "on", "with", "from", "during", "inside", "outside", "near", "aboard"))


def _subject_before_adverbial(words: AttributionWords, tokens: list[Token], first: int, end: int, n_words: int):
    """'Reyes in Harlow on Monday said', 'Quill at a rally in Marlow said': the phrase found before the cue (from
    ``tokens[first]`` to ``end``) is the object of a preposition of place or occasion after a name or a subject
    pronoun, which is then the source. The phrase must be a capitalised place or a determiner phrase ('a rally');
    up to three such prepositional phrases, with time adverbials between them, are read back. A noun before them
    keeps them as its modifiers ('Voters at a rally in Marlow said' is the whole phrase). The subject must open
    its clause (:func:`_opens_clause`: 'shipped it to Boise with a note expressing' has none), and a name must be
    capitalised words only ('Quill thanked Marr with a note saying' is no subject). ``left_np``'s answer, or
    None to keep the phrase found."""
    if not (tokens[first].cap or tokens[first].low in DETERMINERS) or \
            all(t.low in DETERMINERS for t in tokens[first:] if t.is_word):
        return None  # ('with the thought that': a determiner alone is no place)
    k = first - 1  # the preposition
    for _ in range(3):
        p = words.skip_back(tokens, k - 1)  # past 'on Monday', 'in a statement'
        if p < 0 or any(t.low in AUXILIARIES for t in tokens[p + 1:k]):
            return None  # 'Members are still on the Floor speaking': a predicate, no adverbial
        prev = tokens[p]
        low = prev.low
        if prev.is_word and (low in _SUBJECT_PRONOUNS or (
                prev.cap and low not in words.common and low not in words.stop and low not in OPENING_PREPOSITIONS
                and low not in _TIME_NAMES and not low.endswith(_NOT_NAME_ENDINGS))):
            got = left_np(words, tokens[:p + 1])
            if got is None:
                return None
            start = _index_at(tokens, got[0], p)
            if start is None or not _opens_clause(tokens, start) or \
                    any(t.is_word and not t.cap and t.low not in _NP_GLUE and t.low not in _SUBJECT_PRONOUNS
                        and not (i > start and source_noun(words, t.low))  # ('RNC spokesman Sean Reyes')
                        for i, t in enumerate(tokens[start:p + 1], start)):
                return None
            return got
        if prev.is_word and (source_noun(words, low) or _plural_noun(low)):
            got = left_np(words, tokens[:p + 1])
            if got is None:
                return None
            start = _index_at(tokens, got[0], p)
            if start is None or not _opens_clause(tokens, start) or tokens[start].low.endswith("ing"):
                return None  # ('returning five lines later with': a participle clause, no subject)
            return (got[0], end, got[2] + n_words + sum(1 for t in tokens[p + 1:first] if t.is_word))
        # a lower-case occasion before this preposition: 'at a rally in Marlow', 'in an interview with the Ledger'
        j = p
        while j >= 0 and tokens[j].is_word and not tokens[j].cap and tokens[j].low not in DETERMINERS and p - j < 4:
            j -= 1
        if j < 2 or tokens[j].low not in DETERMINERS or tokens[j - 1].low not in _PLACE_PREPOSITIONS:
            return None
        k = j - 1
    return None


#: Endings of capitalised words that open a sentence without being a name ('Based on', 'Nowhere in', 'Clearly').
_NOT_NAME_ENDINGS = ("ed", "ing", "ly", "where")


def _first_conjunct(words: AttributionWords, tokens: list[Token], k: int) -> int | None:
    """When the source phrase after the *and* ``tokens[k]`` is the second of two coordinated subjects ('she and
    her aides', 'Bush and his rivals', 'The State Department and the Department of Homeland Security'): the
    index where the first conjunct opens (with a leading *both*), else None. The first conjunct must end in a
    subject pronoun, a capitalised word or a source noun, and open its clause: nothing before it in the window, or
    clause punctuation, a quotation mark, *that* or a subordinator; otherwise the *and* may join two clauses
    ('Quill beat Marr and Reyes said'). A list before it ('Marr, Quill and Reyes said') opens where the list does
    (:func:`_list_start`)."""
    start = _conjunct_start(words, tokens, k)
    if start is None:
        return None
    if start > 0 and tokens[start - 1].low == "both":
        start -= 1
    if not _opens_clause(tokens, start):
        return None
    listed = _list_start(words, tokens, start) if start > 0 and tokens[start - 1].text == "," else None
    return start if listed is None else listed


def _conjunct_start(words: AttributionWords, tokens: list[Token], k: int) -> int | None:
    """Where the conjunct that ends right before ``tokens[k]`` (an *and* or a list's comma) opens: a noun
    phrase ending in a subject pronoun, a capitalised word, a source noun or a plural noun, with no lower-case
    word between a capitalised word and a capitalised word or determiner after it (a verb: 'Quill beat Marr',
    'Quill beat the mayor'). None if there is none."""
    prev = tokens[k - 1]
    if not prev.is_word:
        if prev.text != ")":
            return None
    elif not (prev.low in _SUBJECT_PRONOUNS or (prev.cap and prev.low not in words.stop) or
              source_noun(words, prev.low) or _plural_noun(prev.low)):
        return None
    if prev.low in words.pronouns:
        return k - 1
    got = left_np(words, tokens[:k])
    if got is None:
        return None
    start = _index_at(tokens, got[0], k - 1)
    if start is None:
        return None
    for j in range(start + 1, k - 1):  # a lower-case word after a capitalised one, before a name or determiner
        t, after = tokens[j], tokens[j + 1]
        if t.is_word and not t.cap and tokens[j - 1].is_word and tokens[j - 1].cap and \
                t.low not in _NP_GLUE and not source_noun(words, t.low) and not _plural_noun(t.low) and \
                ((after.is_word and (after.cap or after.low in DETERMINERS)) or t.low.endswith("ed")):
            return None  # ('Lincoln cultivated reporters and Jefferson declared')
    lows = [t.low for t in tokens[start:k] if t.is_word]
    if all(w in words.not_source_words or w in _TIME_NAMES for w in lows) or \
            (len(lows) == 1 and (lows[0] in _INTERJECTIONS or lows[0].endswith("ly"))):
        return None  # 'Yesterday, Marr and Quill said', 'Yeah, Lina and Alia', 'Apparently, ...': no conjunct
    return start


#: Words that open a sentence before a comma and are no conjunct ('Yeah, Lina and Alia mentioned ...').
_INTERJECTIONS = NON_REFERENTIAL_WORDS | {"yeah", "no", "well", "sure"}


def _list_start(words: AttributionWords, tokens: list[Token], start: int) -> int | None:
    """Where a list of subjects opens whose last-but-one conjunct opens at ``tokens[start]``, after a comma
    ('Marr, Quill and Reyes said', 'Labor unions, farm groups, and many lawmakers oppose'): every conjunct as
    :func:`_conjunct_start` finds it, the first one opening its clause; None when the words before the comma
    are no conjunct or the list opens no clause ('In Harlow, Quill and Reyes said')."""
    for _ in range(8):
        if start < 1 or tokens[start - 1].text != ",":
            break
        got = _conjunct_start(words, tokens, start - 1)
        if got is None or any(t.low in ("and", "&") for t in tokens[got:start - 1]):
            return None  # (an 'and' inside an earlier conjunct: appositions, 'the home of NATO and the capital')
        start = got
    if start > 0 and tokens[start - 1].is_word and tokens[start - 1].low not in _LIST_OPENERS:
        return None  # 'After the attacks in Brussels, leaders ...': a fronted phrase, no list
    return start if _opens_clause(tokens, start) else None


def _index_at(tokens: list[Token], pos: int, last: int) -> int | None:
    """The index of the token that starts at character ``pos``, looking back from ``tokens[last]``; None if none
    does."""
    return next((j for j in range(last, -1, -1) if tokens[j].start == pos), None)


def _opens_clause(tokens: list[Token], start: int) -> bool:
    """Whether a subject at ``tokens[start]`` opens its clause: nothing before it in the window, or clause
    punctuation, an opening quotation mark, *that* or a subordinator (:data:`_CONJUNCT_OPENERS`)."""
    if start == 0:
        return True
    before = tokens[start - 1]
    if before.is_word:
        return before.low in _CONJUNCT_OPENERS
    if before.text in QUOTE_CHARS:  # an opening mark only: a closing one ends another clause ('... to have" state IDs')
        return before.text in "“‘" or start < 2 or not tokens[start - 2].is_word
    return before.text in ",;:("


#: Days and months: after a preposition they open a time adverbial ('on Monday', 'in March').
_TIME_NAMES = WEEKDAYS | MONTH_NAMES
#: Time words that may follow a participle inside a source phrase ('released Sunday', 'filed last week').
_PARTICIPLE_TIMES = _TIME_NAMES | DAY_PARTS | frozenset(("today", "yesterday", "last", "this", "week", "month",
                                                        "year"))
#: Lower-case words inside a name-led noun phrase ('Secretary of State', 'Department for Education').
_NP_GLUE = frozenset(("of", "for", "and", "the", "de", "la", "van", "von", "du"))
#: Subject pronouns that may open two coordinated subjects ('she and her aides said').
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
#: Words after which two coordinated subjects may open a clause ('... that she and her aides had said').
_CONJUNCT_OPENERS = frozenset(("that", "but", "when", "while", "because", "as", "if", "though", "although",
                               "since", "after", "before", "where", "whereas", "so"))
#: Words after which a list of subjects may open: those of :data:`_CONJUNCT_OPENERS` that take no noun phrase.
_LIST_OPENERS = _CONJUNCT_OPENERS - {"as", "since", "after", "before"}


def source_noun(words: AttributionWords, low: str) -> bool:
    """A source noun of the lists, also in the plural ('officials', 'counties')."""
    return words.is_noun(low) or (low.endswith("s") and words.is_noun(low[:-1])) or \
        (low.endswith("ies") and words.is_noun(low[:-3] + "y"))


def _apposition_open(tokens: list[Token], i: int) -> int:
    """From the comma ``tokens[i]`` back to the mark that stops an apposition (a comma, semicolon, colon or a
    quotation mark, at most 40 tokens back): its index, or -1. A possessive apostrophe ('Sanders’ campaign
    manager') and a short quotation inside the apposition ('the co-author of "Going Viral," about ...') are read
    over."""
    j = i - 1
    while j >= 0 and i - j < 40:
        c = tokens[j].text
        if c in ",;:":
            return j
        if c in QUOTE_CHARS:
            if c in APOSTROPHES and j > 0 and tokens[j - 1].end == tokens[j].start and \
                    tokens[j - 1].text[-1:] in "sSzZ":
                j -= 1  # a possessive apostrophe
                continue
            opening = _quotation_open(tokens, j) if c in CLOSING_DOUBLE else -1
            if opening < 1 or i - opening >= 40:
                return j
            j = opening - 1
            continue
        j -= 1
    return j


#: The dashes that set off a parenthetical or a participle.
DASHES = frozenset("—–")


def _quotation_open(tokens: list[Token], j: int) -> int:
    """The index of the double quotation mark that opens a short quotation (at most 12 tokens) closed by
    ``tokens[j]``, or -1."""
    k = j - 1
    while k >= 0 and j - k <= 12:
        c = tokens[k].text
        if c in OPENING_DOUBLE:
            return k if k < j - 1 else -1
        if c in QUOTE_CHARS and c not in APOSTROPHES or c in ";:":
            return -1
        k -= 1
    return -1


def _is_dash(tokens: list[Token], k: int) -> int:
    """How many tokens the dash ending at ``tokens[k]`` takes: 1 for an em or en dash or a hyphen with space on
    both sides (' - '), 2 for a double hyphen ('--'); 0 when there is none."""
    t = tokens[k]
    if t.text in DASHES:
        return 1
    if t.text == "-":
        if k > 0 and tokens[k - 1].text == "-" and tokens[k - 1].end == t.start:
            return 2
        if k > 0 and tokens[k - 1].end < t.start and (k + 1 == len(tokens) or t.end < tokens[k + 1].start):
            return 1  # (the last token of a cue's left context: the cue follows)
    return 0


def dash_before(tokens: list[Token], i: int) -> int | None:
    """When ``tokens[i]`` closes a parenthetical between dashes of the same form ('Democrats — and some
    Republicans — say'): the index of the opening dash's first token, or None. The parenthetical holds at least
    one word and at most 30 tokens, and no clause punctuation or quotation mark."""
    width = _is_dash(tokens, i)
    if not width:
        return None
    form = tokens[i].text
    j = i - width
    word = False
    while j >= 0 and i - j <= 30:
        c = tokens[j].text
        if c in ";:" or c in QUOTE_CHARS and c not in APOSTROPHES:
            return None
        w = _is_dash(tokens, j)
        if w:
            if tokens[j].text != form or w != width or not word:
                return None
            return j - w + 1
        word = word or tokens[j].is_word
        j -= 1
    return None


def _relative_clause_open(tokens: list[Token], i: int) -> int | None:
    """The comma before *who* or *whose* that opens a relative clause ending at the comma ``tokens[i]``, when the
    clause holds commas of its own (at most 40 tokens back; no semicolon, colon, double quotation mark or
    comma + *and/but/or* between), or None."""
    k = i - 1
    while k > 0 and i - k < 40:
        c = tokens[k].text
        if c in ";:" or (c in QUOTE_CHARS and c not in APOSTROPHES) or \
                (tokens[k].low in ("and", "but", "or") and tokens[k - 1].text == ","):
            return None  # another clause or a second conjunct ('..., and Tom Reyes, a lawyer, said')
        if tokens[k].low in ("who", "whose") and tokens[k - 1].text == ",":
            return k - 1
        k -= 1
    return None


def _apposition_before(tokens: list[Token], i: int) -> bool:
    """Whether a comma opens, within 40 tokens before the comma ``tokens[i]``, an apposition that it closes."""
    j = _apposition_open(tokens, i)
    return j >= 0 and tokens[j].text == ","


def _abbreviation_period(words: AttributionWords, tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is the period of an abbreviation right before it (no space between): a listed
    abbreviation ('Jr.', 'Inc.', 'Ind.') or a single capital letter ('F.B.I.', 'U.S.')."""
    if i < 1 or tokens[i].text != ".":
        return False
    prev = tokens[i - 1]
    if not prev.is_word or prev.end != tokens[i].start:
        return False
    if len(prev.text) == 1:
        return prev.cap
    return prev.text in words.abbreviations


def _scan_back(words: AttributionWords, tokens: list[Token], head: int) -> tuple[int | None, int]:
    """From the head word ``tokens[head]`` back to where the noun phrase opens: ``(first token, n_words)``;
    ``(None, n)`` when the phrase runs over ten words."""
    documents = words.sections.get("document", ())
    k = head
    first = head + 1
    n_words = 0
    while k >= 0:
        t = tokens[k]
        low = t.low
        if t.is_word:
            if low in ("be", "have") and k >= 3 and k < head and tokens[k - 1].low == "to" and \
                    tokens[k - 2].low in RAISING_PARTICIPLES and source_noun(words, tokens[k - 3].low):
                k -= 3  # 'officials thought to be close to the mayor': the noun before the participle
                continue
            if k < head and _participle_pp(words, tokens, k):
                k -= 1  # "emails obtained by the Ledger", "records reviewed by the Gazette"
                continue
            if low == "by" and 0 < k < head and tokens[k - 1].low in documents:
                k -= 1  # "a poll by the Ledger", "a report by the inspector general": the author of a document
                continue
            if low in ("in", "of") and 0 < k < head and _number(tokens[k - 1].low) and _number(tokens[k + 1].low):
                k -= 1  # 'Six in 10 say', 'four of five said': a share of poll respondents
                continue
            if low in words.stop and low not in CONNECTORS:
                before = tokens[k - 1] if k > 0 else None
                if low in NP_PREPOSITIONS and before is not None and before.is_word and \
                        source_noun(words, before.low) and k < head and \
                        not (low == "like" and before.low in words.sections.get("document", ())):
                    k -= 1
                    continue
                break
            if low in _PHRASE_BREAKERS:
                break  # ('despite polls showing', 'with Trump despite announcing': no part of a source phrase)
            if (low in words.pronouns and not t.cap) or (low in INDEFINITES and k < head):
                break  # ('anything Trump had said': an indefinite before a name opens a clause, not the phrase)
            if k < head and not t.cap and low in words.verbs_before_name and tokens[k + 1].cap:
                break  # a verb before a name: 'A video shows Quill saying', 'polls suggest Reyes leads'

            if low == "and" or low == "&":
                if 0 < k < head and ((tokens[k - 1].cap and tokens[k + 1].cap) or (
                        source_noun(words, tokens[k - 1].low) and source_noun(words, tokens[k + 1].low))):
                    k -= 1  # 'Marr and Quill said', 'friends and allies said'
                    continue
                if low == "and" and 0 < k < head - 1 and _coordinated_modifier(words, tokens, k):
                    k -= 1  # 'current and former officials said'
                    continue
                if low == "and" and 0 < k < head and _noun_before_and(words, tokens, k, head):
                    k -= 1  # 'Democrats and civil rights groups said', 'the senator and his allies say'
                    continue
                break
            if low in CONNECTORS and (k == head or k == 0):
                break
            first = k
            n_words += 1
            if n_words > 10:
                return None, n_words
            if low in DETERMINERS and not (k > 0 and _continues_phrase(words, tokens, k)) and not (
                    t.text == "A" and k + 1 < len(tokens) and tokens[k + 1].text == "."
                    and tokens[k + 1].start == t.end):
                break  # a determiner opens the noun phrase (a capital 'A' glued to a period is a letter: 'the C.I.A.')
        else:
            c = t.text
            if c == "." and k > 0 and (tokens[k - 1].text in words.title_abbreviations or
                                       (len(tokens[k - 1].text) == 1 and tokens[k - 1].cap)):
                k -= 1
                continue
            if c in APOSTROPHES and k > 0 and tokens[k - 1].text[-1:] in "sSzZ" and k < head:
                k -= 1
                continue
            if (c in "-&" or (c == "/" and k > 0 and tokens[k - 1].end == t.start and t.end == tokens[k + 1].start)) \
                    and k < head and not (c == "-" and _is_dash(tokens, k)):
                k -= 1  # 'Courier - Ledger' style joins, 'Johnson & Johnson', 'a CNN/ORC poll'; a spaced dash ends
                # the phrase
                continue
            break
        k -= 1
    return first, n_words


_APPROXIMATORS = frozenset(("about", "nearly", "almost", "roughly", "only", "just", "over", "under", "some"))
_APPROXIMATOR_PAIRS = frozenset((("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least")))


def _number(low: str) -> bool:
    """A number written in digits or as a word up to ten ('6', 'six')."""
    return low[:1].isdigit() or low in NUMBER_WORDS


#: A share of respondents as a subject: 'Six in 10', 'about 4 in 10', 'more than half', '42%'.
SHARE_RE = re.compile(r"(?:(?:about|nearly|almost|roughly|some|only|just|over|under|more than|fewer than|less than|"
                      r"at least)\s+)?(?:\w+\s+(?:in|of|out of)\s+(?:\d+|ten|five|four|three)|half|\d+(?:\.\d+)?%)$")


def _people_noun(words: AttributionWords, low: str) -> bool:
    """A noun of people of the lists, in the singular or plural ('Republicans', 'officials', 'voter')."""
    sections = words.sections
    return any(low in sections.get(s, ()) or (low.endswith("s") and low[:-1] in sections.get(s, ()))
               for s in ("vague", "role", "individual"))


def _noun_before_and(words: AttributionWords, tokens: list[Token], k: int, head: int) -> bool:
    """Whether the *and* ``tokens[k]`` joins two noun phrases of people: a noun of people ends the first (of the
    lists, or a plural of people) and the second is a noun of people with only modifiers before it ('Democrats
    and civil rights groups', 'many marchers and spectators', 'the senator and his allies'). Names are left to
    the coordination of names; 'Quill rejected the offer and Democrats said' has no noun of people before *and*,
    'decamped to Citigroup and began writing op-eds' no noun of people after it."""
    before = tokens[k - 1]
    if not before.is_word or before.cap or tokens[k + 1].cap or not _person_word(words, before.low):
        return False  # (a capital after 'and' may open a clause: 'Quill thanked the donors and Democrats said')
    if not _person_word(words, tokens[head].low):
        return False
    return all(t.is_word and t.low not in words.stop and t.low not in words.between and not t.low[:1].isdigit()
               for t in tokens[k + 1:head]) or tokens[k + 1].low in POSSESSIVE_DETERMINERS


def _person_word(words: AttributionWords, low: str) -> bool:
    """A lower-case noun of people: of the lists (singular or plural) or of :data:`_PEOPLE_PLURALS`."""
    return _people_noun(words, low) or low in _PEOPLE_PLURALS or \
        any(low in words.sections.get(s, ()) or (low.endswith("s") and low[:-1] in words.sections.get(s, ()))
            for s in ("organization", "media"))


#: Plural nouns of people the lists lack, common before *and* in a coordinated subject.
_PEOPLE_PLURALS = frozenset(("marchers", "protesters", "protestors", "demonstrators", "activists", "supporters",
                             "critics", "opponents", "allies", "donors", "voters", "residents", "students",
                             "parents", "teachers", "workers", "lawmakers", "legislators", "politicians",
                             "pollsters", "strategists", "analysts", "experts", "economists", "scholars",
                             "advocates", "leaders", "members", "officials", "spectators", "delegates"))


#: Prepositions and subordinators the stop list lacks that never belong to a source phrase.
_PHRASE_BREAKERS = frozenset(("despite", "amid", "amidst", "unlike", "regarding", "concerning", "whether",
                              "although", "though", "unless", "whereas"))


_TOKEN_TEXT = operator.attrgetter("text")


def _without_inner_party_labels(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a party label that stands between a name and a word after it ('Rep. Carlos Reyes (R) of
    Florida has told': the phrase runs over the label; its offsets still span it). A label right before the cue
    is kept, as its own rules read it."""
    if "(" not in map(_TOKEN_TEXT, tokens):  # (C-level: most phrases hold no parenthesis)
        return tokens
    out: list[Token] = []
    k = 0
    n = len(tokens)
    while k < n:
        t = tokens[k]
        if t.text == "(" and out and out[-1].is_word and out[-1].cap:
            j = k + 1
            while j < n and j - k <= 5 and tokens[j].text != ")":
                j += 1
            if j < n - 1 and tokens[j].text == ")" and tokens[j + 1].is_word and \
                    PARTY_LABEL_RE.fullmatch("".join(x.text for x in tokens[k:j + 1])):
                k = j + 1
                continue
        out.append(t)
        k += 1
    return out


def _coordinated_modifier(words: AttributionWords, tokens: list[Token], k: int) -> bool:
    """Whether the *and* ``tokens[k]`` joins two modifiers of one noun ('current and former officials', 'three past
    and present employees'): a lower-case word that is no source noun before it, opening the phrase (after a
    determiner, a number, clause punctuation or nothing), and a lower-case modifier after it."""
    before, after = tokens[k - 1], tokens[k + 1]
    if not (before.is_word and after.is_word) or before.cap or after.cap or source_noun(words, before.low) or \
            source_noun(words, after.low) or before.low in words.stop or after.low in words.stop:
        return False
    if k == 1:
        return True
    opener = tokens[k - 2]
    return opener.low in DETERMINERS or _number(opener.low) or opener.text in ",;:(“\"" or \
        (opener.cap and opener.low in NUMBER_WORDS)


def _participle_pp(words: AttributionWords, tokens: list[Token], k: int) -> bool:
    """Whether the preposition ``tokens[k]`` continues a participle after a source noun, with time words between
    ('emails obtained by the Ledger', 'a poll released Sunday by the Ledger', 'people briefed on the talks',
    'exit polls taken in Ohio')."""
    if tokens[k].low not in _PARTICIPLE_PREPOSITIONS:
        return False
    j = k - 1
    while j >= 2 and tokens[j].low in _PARTICIPLE_TIMES and k - j <= 3:
        j -= 1
    noun = tokens[j - 1] if j >= 1 else None
    participle = tokens[j].low
    if noun is None or tokens[j].cap or not (participle.endswith("ed") or participle in IRREGULAR_PARTICIPLES or (
            len(participle) > 5 and participle.endswith("ing") and
            noun.low not in words.sections.get("document", ()))) or not source_noun(words, noun.low):
        return False  # (not after a document noun: 'officials speaking on condition of', but 'ad spending in')
    # a capitalised noun only as the first word of its sentence ('Officials involved in') or as a noun of people
    # ('several Republicans interviewed by'): a name before a past tense is its subject ('the Ledger resulted in')
    return not noun.cap or (not noun.text.isupper() and (
        j == 1 or tokens[j - 2].text in _SENTENCE_END or _people_noun(words, noun.low)))


#: Marks that end a sentence or open a quotation before its first word.
_SENTENCE_END = frozenset('.!?"“')
#: Prepositions that may follow a participle inside a source phrase.
_PARTICIPLE_PREPOSITIONS = NP_PREPOSITIONS | {"by", "about", "into", "for", "over"}


def _continues_phrase(words: AttributionWords, tokens: list[Token], k: int) -> bool:
    """Whether the determiner ``tokens[k]`` continues a longer noun phrase rather than opening it: after *of* or
    *for*, a possessive apostrophe, a noun + preposition ('officials at the'), a noun + participle + *by*, or a
    document noun + *by* ('a report by the inspector general')."""
    before = tokens[k - 1]
    return (before.low in CONNECTORS or before.text in APOSTROPHES
            or (before.low in NP_PREPOSITIONS and k > 1 and source_noun(words, tokens[k - 2].low))
            or _participle_pp(words, tokens, k - 1)
            or (before.low == "by" and k > 1 and tokens[k - 2].low in words.sections.get("document", ())))


def _restrictive_relative(words: AttributionWords, tokens: list[Token], first: int, head: int):
    """A subject with a restrictive relative clause: "officials who spoke on condition of anonymity said", "an
    official who was not authorized to speak said": the clause runs back to "who". None if there is none."""
    j = first - 1
    while j >= 0 and tokens[j].low != "who" and tokens[j].text not in ",;:" and \
            tokens[j].text not in QUOTE_CHARS and head - j < 18:
        j -= 1
    if j > 0 and tokens[j].low == "who" and tokens[j - 1].is_word and tokens[j - 1].low not in words.stop:
        antecedent = left_np(words, tokens[:j])
        if antecedent is not None:
            end = head
            while end + 1 < len(tokens) and tokens[end + 1].is_word and tokens[end + 1].low.endswith("ly") \
                    and not tokens[end + 1].cap:
                end += 1  # "... not authorized to speak publicly said"
            return (antecedent[0], tokens[end].end, antecedent[2] + (end - j + 1))
    return None


def _plural_noun(low: str) -> bool:
    """A lower-case word that reads as a plural noun ('leaders', 'women', 'activists'; not 'press', 'bus')."""
    return (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))) or \
        low in ("women", "men", "people", "children")


#: Nouns of a share of respondents before a restrictive relative clause ('the 30 percent who say').
_SHARE_NOUNS = frozenset(("percent", "%", "per cent", "majority", "minority", "plurality", "half", "third", "quarter"))
