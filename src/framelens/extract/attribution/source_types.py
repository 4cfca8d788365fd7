"""Typing a source mention: person, official, organization, media, document, anonymous, vague or pronoun, and
whether it is named.

The type of a mention depends on its own words, on whether it opens its sentence and, for the anonymous phrases
('an official who spoke on condition of anonymity'), on the text up to the cue. The part that depends on the
mention alone is memoised on its exact string (sources recur: "he said", "Trump said", across documents too);
only the anonymous-phrase test of the text up to the cue is made per call. Word look-ups go to plain sets
(:class:`Vocabulary`), and multi-word entries are looked up by their last word.
"""

from __future__ import annotations

import functools
import re

from .tokens import TOKEN_RE, TokenCache
from .words import (APOSTROPHES, BODY_UNITS, CONNECTORS, DETERMINERS, DOMAIN_ENDINGS, MEMO_MAX, NP_PREPOSITIONS,
                    PARTITIVES, PARTY_EPITHETS, PUBLIC_PLACES, QUANTITY_PARTITIVES, RELATIVE_HEADS, AttributionWords,
                    trie_pattern, unpossessed)

_LEADING_MARKS_RE = re.compile("[ \"“‘']*")  # only these before the source (as str.strip(...) == ""), without a slice

_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}s?$")
#: An age used as a noun or before one ('the 46-year-old', 'a 30-year-old man'): one person, unnamed.
_AGE_RE = re.compile(r"^\d{1,3}-years?-old$")
#: Words that end the head part of a source phrase (its post-modifier begins).
_POST_MODIFIER_OPENERS = CONNECTORS | NP_PREPOSITIONS | {"by", "who", "that", "which", "outside", "inside", "near",
                                                           "during", "aboard", "among", "across", "within", "without"}


#: Quantifiers that stand alone for people ('All say', 'Both agree'): a vague source, never a name.
_LONE_QUANTIFIERS = frozenset(("all", "both", "each", "either", "neither", "none", "half"))
#: Quantifiers that make a plural role an unspecified group ('some lawmakers', 'many officials').
_VAGUE_QUANTIFIERS = frozenset(("some", "many", "several", "few", "most", "others", "numerous", "various",
                                "countless", "plenty"))  # ('other officials' are officials: *other* counts no one)

#: Prepositions that give the body a role is held in ('president of', 'a spokeswoman for', 'an officer at').
_OF_BODY = frozenset(("of", "at", "for", "with"))

#: Determiners that make a singular person noun anyone of a kind ('any voter', 'each patient'): a vague source.
_ANYONE = frozenset(("any", "every", "each", "no"))


class Vocabulary:
    """The sections of the word lists as the per-word code reads them: each section's single-word entries as a
    set (``vocabulary.role``, ...; the same answers as ``words.has(section, w)`` without a method call per word)
    and its multi-word entries indexed by their last word (:meth:`phrase_ends_at`)."""

    SECTIONS = ("role", "honorific", "organization", "media", "media_role", "document", "vague", "anonymous", "polity",
                "place", "office", "individual")

    def __init__(self, words: AttributionWords):
        lex = words.lex
        for section in self.SECTIONS:
            setattr(self, section, lex.words.get(section, frozenset()))
        # a former office holder written with *ex-* is typed as one written with *former* ('the ex-prosecutor')
        self.role = self.role | frozenset("ex-" + w for w in self.role)
        self.office = self.office | frozenset("ex-" + w for w in self.office)
        self._by_last: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        for section, phrases in lex.phrases.items():
            index: dict[str, list[tuple[str, ...]]] = {}
            for p in phrases:
                index.setdefault(p[-1], []).append(p)
            self._by_last[section] = {last: tuple(ps) for last, ps in index.items()}
        #: the multi-word names of countries and states ('united states', 'new jersey')
        self.polity_phrases = frozenset(lex.phrases.get("polity", ()))
        #: the last words of the multi-word roles: only where one of them stands can such a role end
        self.role_phrase_ends = frozenset(self._by_last.get("role", ()))
        #: words that stand before a personal name as its title: offices and roles, newsroom jobs, courtesy titles
        self.title = self.role | self.media_role | self.honorific
        #: titles after which a single capitalised word is a name ('Mr. Story', 'Sen. Judge'): the abbreviated
        #: titles of lexicons/abbreviations.txt ('Sen', 'Dr', 'Mr'), compared with the case they are written in
        self.short_titles = words.title_abbreviations
        # the anonymous phrases between spaces, as words.anonymous_re, factored as a trie (it is searched for
        # every source phrase: the alternation of every phrase tried at every space costs more than the typing)
        anonymous = lex.phrases.get("anonymous", ())
        self.anonymous_re = re.compile(" (?:" + trie_pattern(sorted({" ".join(p) for p in anonymous})) + ") ") \
            if words.anonymous_re is not None and anonymous else None
        #: the first words of the anonymous phrases: a text with none of them among its tokens has no such phrase
        self.anonymous_first = frozenset(p[0] for p in anonymous)

    def phrase_ends_at(self, section: str, lows: list[str], j: int) -> bool:
        """Whether a multi-word entry of ``section`` ends at word ``j`` of ``lows`` (as
        :meth:`.words.AttributionWords.phrase_ends_at`, trying only the entries whose last word is ``lows[j]``)."""
        if not 0 <= j < len(lows):
            return False
        for p in self._by_last.get(section, {}).get(lows[j], ()):
            n = len(p)
            if j + 1 >= n and tuple(lows[j + 1 - n:j + 1]) == p:
                return True
        return False


@functools.lru_cache(maxsize=8)
def vocabulary(words: AttributionWords) -> Vocabulary:
    """The :class:`Vocabulary` of an extractor's word lists (built once per word lists)."""
    return Vocabulary(words)


class SourceTyper:
    """``(source_type, named)`` of source mentions, memoised per extractor."""

    def __init__(self, words: AttributionWords):
        self.words = words
        self.vocab = vocabulary(words)
        self._memo: dict = {}

    def type(self, cache: TokenCache, src_start: int, src_end: int, cue_start: int,
             sentence_start: int) -> tuple[str, bool]:
        """``(source_type, named)`` of the source mention ``text[src_start:src_end]``.

        The result depends only on the mention, whether it opens its sentence, and whether an anonymous phrase
        stands in the text from the mention to the cue (``cue_start``); the rest is memoised on the first two."""
        text = cache.text
        initial = src_start == sentence_start or _LEADING_MARKS_RE.fullmatch(text, sentence_start, src_start) is not None
        key = (text[src_start:src_end], initial)
        got = self._memo.get(key)
        if got is None:
            got = self._type_of_mention(cache, src_start, src_end, initial)
            if len(self._memo) >= MEMO_MAX:
                self._memo.clear()
            self._memo[key] = got
        decided, anonymous_in_mention, rest = got
        if decided is not None:
            return decided
        anonymous_re = self.vocab.anonymous_re
        if anonymous_re is not None:
            if cue_start <= src_end or text[src_end:cue_start].isspace():
                found = anonymous_in_mention  # white space after the mention adds no token
            else:
                found = _has_phrase(anonymous_re, self.vocab.anonymous_first, text[src_start:cue_start])
            if found:
                return "anonymous", False
        return rest

    def _type_of_mention(self, cache: TokenCache, src_start: int, src_end: int, initial: bool):
        """``(decided, anonymous phrase in the mention, rest)``: the type when the mention's words decide it before
        the anonymous phrases are looked for (else None), and the type when no anonymous phrase is found."""
        words = self.words
        all_tokens = cache.exact(src_start, src_end)
        tokens = [t for t in all_tokens if t.is_word]
        if not tokens:
            return ("vague", False), False, None
        lows = [t.low for t in tokens]
        if len(tokens) == 1 and lows[0] in words.pronouns:
            return ("pronoun", False), False, None
        if lows == ["another"]:
            return ("vague", False), False, None  # 'while another says': someone of a group, unnamed
        vocab = self.vocab
        anonymous = vocab.anonymous
        if not anonymous.isdisjoint(lows):
            return ("anonymous", False), False, None
        anonymous_re = vocab.anonymous_re
        mention = cache.text[src_start:src_end]
        # an ASCII mention lower-cased and tokenised has the lower-cased forms of its own tokens
        in_mention = anonymous_re is not None and _has_phrase(
            anonymous_re, vocab.anonymous_first, mention, [t.low for t in all_tokens] if mention.isascii() else None)
        return None, in_mention, self._type_by_head(tokens, all_tokens, lows, initial)

    def _type_by_head(self, tokens, all_tokens, lows: list[str], initial: bool) -> tuple[str, bool]:
        """The type of a mention with no anonymous word, from its head part (see :func:`_head_part`)."""
        words = self.words
        vocab = self.vocab
        role, organization, media, media_role, document = (vocab.role, vocab.organization, vocab.media,
                                                           vocab.media_role, vocab.document)
        ends = vocab.phrase_ends_at
        is_media = words.is_media
        head_lo, head_hi = _head_part(all_tokens, lows, tokens)
        head = tokens[head_lo:head_hi]
        if 0 < head_hi < len(lows) - 2 and lows[head_hi] == "of" and tokens[head_hi - 1].cap and \
                lows[head_hi - 1] in vocab.role and all(t.cap or t.low == "the" for t in tokens[head_hi + 1:]) and \
                tokens[-1].cap and tokens[-2].cap:
            return "official", True  # an office of the form 'role of X' before a name: 'Secretary of State Tom Reyes'
        if head_lo >= 2 and lows[head_lo - 2] in QUANTITY_PARTITIVES and lows[head_lo - 1] == "of":
            # 'dozens of economists', 'a majority of Iowans': an unspecified number of people, a vague source;
            # 'a number of emails' are documents
            return ("document" if not document.isdisjoint(lows[head_lo:head_hi]) else "vague"), False
        if len(lows) == 1 and lows[0] in _LONE_QUANTIFIERS:
            return "vague", False  # 'All say ...', 'Both say ...' (capitalised at a sentence start: no name)
        some = lows[0] in _VAGUE_QUANTIFIERS
        if some and len(head) == 2 and head[0].low == lows[0] and head[1].cap and head[1].low.endswith("s") and \
                not head[1].low.endswith(("'s", "’s", "ss")):
            return "vague", False  # 'Some Haitians say', 'Many Marlowians say': a group, never one person's name
        head_lows = [t.low for t in head]
        common = words.common
        first = tokens[0]

        def proper(t) -> bool:
            # a capitalised word that is not a title; at the start of a sentence only if not a common word
            return t.cap and not (t is first and initial and t.low in common) and t.low not in DETERMINERS \
                and t.low.rstrip(".") not in role

        def named_any() -> bool:
            return any(map(proper, tokens))

        if " ".join(lows).endswith(words.generic_media):
            return "media", False
        if self._polity(head, head_lows):
            return "organization", True  # 'Russia denied', 'The United States said': a government
        if len(lows) == 2 and lows[0] == "the" and tokens[1].cap and lows[1].endswith("s") and \
                not lows[1].endswith(("'s", "’s", "ss", "us")) and not is_media(lows[1]) and \
                lows[1] not in organization and lows[1] not in document:
            return "vague", False  # 'The Libertarians said', 'The Greens say': a group, never one person's name
        if len(lows) > 2 and lows[0] in RELATIVE_HEADS and lows[1] in ("who", "that"):
            return "vague", False  # 'Those who helped Tom Reyes said': people the clause describes, not Reyes
        if len(lows) <= 5 and lows[0] == "the" and lows[-1] in PARTY_EPITHETS and all(t.cap for t in tokens[1:]):
            return "official", False  # 'The Wisconsin Republican said': a politician by state and party, no name
        last = head_lows[-1] if head_lows else ""
        j_last = len(head_lows) - 1

        def media_cap() -> bool:
            return any(t.cap and is_media(t.low) for t in head)

        if last in DOMAIN_ENDINGS and len(head) > 1 and _site(all_tokens, head[-1]):
            # a web site by its address ('according to FactCheck.org', 'Vox.com reported'): an outlet when its
            # name is an outlet word, else an organisation, named
            return ("media" if media_cap() else "organization"), True

        # a personal name after a title ('Reporter Louise Story', 'Sen. Amos Judge', 'Mr. Story'): its last word is
        # a surname even when it is also a document, role or group noun; the title gives the type
        if head and head[-1].cap and len(head) > 1:
            ti = self._title_of_name(head, head_lows)
            if ti >= 0:
                title = head_lows[ti]
                if (title in role or ends("role", head_lows, ti)) and not words.private_body(head_lows[:ti]):
                    return "official", True  # (not an office in a private body: 'Zentrix Foods President Ada Quill')
                if title in media_role or ends("media_role", head_lows, ti):
                    return "media", True
                if any(w in role or ends("role", head_lows, j) for j, w in enumerate(head_lows[:ti])):
                    return "official", True  # a courtesy title after a role: 'GOP candidate Dr. Ben Carson'
                return "person", True
        # the head noun (last word of the head part) decides first
        plural = not head[-1].cap and last[-1:] == "s" and "and" not in head_lows  # an unnamed plural head
        singular = _singular(last)
        if last in document or (plural and singular != last and singular in document) or \
                (not head[-1].cap and ends("document", head_lows, j_last)):  # ('the Facebook post said')
            return "document", named_any()  # ('the letters show', 'his first videos show')
        if last in organization or ends("organization", head_lows, j_last):
            return ("media" if media_cap() else "organization"), named_any()
        if plural and singular != last and singular in organization and not is_media(last) and \
                not is_media(singular) and not any(is_media(w) for w in head_lows[:-1]):
            # organisations unnamed, in the plural ('intelligence agencies', 'advocacy groups'), as 'officials' are
            # official; quantified ('some companies') they are vague, as 'some lawmakers' are; a coordination with
            # people ('Democrats and civil rights groups') and outlets ('TV networks') are left to the rules below
            return ("vague" if some else "organization"), False
        if last in media and not head[-1].cap:
            return "media", named_any()  # "the newspaper", "right-wing outlets"
        if last in media_role or ends("media_role", head_lows, j_last):
            return "media", False  # "a reporter for the Daily Ledger": a journalist, unnamed
        if (plural and singular != last and singular in role) or last in role or ends("role", head_lows, j_last):
            # an unnamed office holder: a name before the role is a modifier ("a Trump administration
            # official", "one longtime Clinton adviser"), not that person; an unspecified number of them ('some
            # lawmakers', 'many officials') is a vague source; roles in the plural the lists lack ('Senate
            # leaders', 'party chiefs') as 'officials'. A role in a private body speaks for that body: 'a
            # spokeswoman for Zentrix Foods', 'the president of the Dover advocacy group Fair Homes'
            if (head_hi < len(lows) and lows[head_hi] in _OF_BODY and
                    words.private_body(lows[head_hi + 1:head_hi + 9])) \
                    or (head_lo and words.private_body([unpossessed(w) for w in lows[:head_lo]])) \
                    or words.private_body(head_lows[:-1]):  # ('a Google spokesman', 'a Zentrix Foods spokesman')
                return ("vague" if some else "organization"), False  # ('the union's president', possessive)
            return ("vague" if some else "official"), False
        if last in vocab.individual and not head[-1].cap and len(head_lows) > 1 and head_lows[-2] in PUBLIC_PLACES:
            return ("vague" if some else "official"), False  # 'a county engineer', 'the city planner': public staff
        if (last in vocab.individual and not head[-1].cap) or _AGE_RE.match(last) or _aged_one(head_lows):
            # one unnamed person described by who they are ('the retiree', 'a grandmother of three', 'the
            # 46-year-old', 'a 46-year-old man'): a person, not a vague group; 'some retirees' stays vague (a
            # capitalised noun may be a surname: 'Ann Neighbor'); 'any voter', 'each patient' are anyone, vague
            return ("vague" if some or lows[0] in _ANYONE else "person"), False
        if last in vocab.vague and not (last in vocab.individual and head[-1].cap and len(head) > 1 and
                                        proper(head[-2])):
            # (a singular noun of who someone is after a first name is a surname: 'Ann Neighbor', 'Adam Driver')
            return "vague", False
        role_ends = vocab.role_phrase_ends
        roles = [j for j, w in enumerate(head_lows) if w in role or (w in role_ends and ends("role", head_lows, j))]
        if head and head[-1].cap:
            acronym, after_the = _dotted_acronym(all_tokens, head)
            if is_media(acronym) and acronym:  # 'the A.P.', 'A.P.': an outlet, as 'the AP'
                return "media", True
            if len(acronym) >= 3 or (acronym and after_the):  # 'the F.B.I.', 'the U.N.': as 'the FBI'
                return "organization", True
            run = len(head) - 1
            while run > 0 and head[run - 1].cap:
                run -= 1
            if run > 0 and is_media(head_lows[run - 1]):
                return "media", True  # an outlet's name after an outlet noun: 'Spanish newspaper El Faro'
            if run > 0 and lows[0] == "the" and not head[run - 1].cap and head_lows[run - 1] not in BODY_UNITS and (
                    head_lows[run - 1] in organization or ends("organization", head_lows, run - 1)):
                return "organization", True  # a body's name after its noun: 'the law firm Perkins Vale'
            # a name: an official if a title or role precedes it with no organisation or outlet word after the role
            if roles and not any(w in organization or is_media(w) for w in head_lows[roles[-1] + 1:]):
                # a named office holder; in a private body a person ('Facebook CEO Zuckerberg')
                return ("person" if words.private_body(head_lows[:roles[-1]]) else "official"), True
            if not media_role.isdisjoint(head_lows[:-1]):
                return "media", True  # "Ledger reporter Jane Roe", "correspondent Ana Ruiz"
            if _described_name(head, head_lows, vocab.individual, organization, is_media):
                return "person", True  # 'Harlow University historian Tom Vale': the name after the description
            if media_cap():
                return "media", True
            if any(t.cap and t.low in organization for t in head) or (_ACRONYM_RE.match(head[-1].text)
                                                                      and last not in role):
                return "organization", True
            if initial and len(head) == 1:
                # ('Executives say', 'Farmers say': a plural noun capitalised to open the sentence)
                if singular in role:
                    return "official", False
                if singular in organization:
                    return "organization", False  # 'Unions said'
                if singular in vocab.individual or words.is_noun(singular):
                    return "vague", False
            if any(map(proper, head)) or (initial and len(head) == 1):
                return "person", True
        # a lower-case head that is none of the above: a document noun earlier in the head ("court documents filed")
        if not document.isdisjoint(head_lows):
            return "document", named_any()
        if roles:
            return "official", False
        return "vague", False

    def _polity(self, head, head_lows: list[str]) -> bool:
        """Whether the head is only the name of a country or US state, capitalised ('Russia', 'the United
        States', 'New Jersey')."""
        name = head_lows[1:] if head_lows[:1] == ["the"] else head_lows
        if not name or not all(t.cap for t in head[len(head_lows) - len(name):]):
            return False
        if len(name) == 1:
            return name[0] in self.vocab.polity
        return len(name) <= 4 and tuple(name) in self.vocab.polity_phrases

    def _title_of_name(self, head, head_lows: list[str]) -> int:
        """The index of the title before the personal name that ends ``head``, or -1 when ``head`` does not end in
        a titled name.

        The name is the run of capitalised words at the end of the head that are no title, organisation or outlet
        word (its last word may be any word but an organisation or outlet word: 'Story', 'Judge'); the word before it must be a title
        (:attr:`Vocabulary.title`, or the last word of a multi-word role or newsroom job). A one-word name
        counts only after an abbreviated title ('Mr. Story', 'Dr. Report') and if it is no title itself: after a
        full word, as in 'Police Chief Report' or 'Deputy Sheriff', the last word is read as the noun it is."""
        vocab = self.vocab
        title, organization, is_media = vocab.title, vocab.organization, self.words.is_media
        last = len(head) - 1
        if head_lows[last] in organization or is_media(head_lows[last]):
            return -1  # 'Republican National Committee', 'Anchor Bank': an organisation's or outlet's name
        i = last - 1
        while i >= 0:
            t = head[i]
            low = t.low
            if low in title or vocab.phrase_ends_at("role", head_lows, i) or \
                    vocab.phrase_ends_at("media_role", head_lows, i):
                break
            if not t.cap or low in organization or is_media(low) or low in DETERMINERS:
                return -1
            i -= 1
        if i < 0:
            return -1
        if i == last - 1 and (head_lows[last] in title or head[i].text not in vocab.short_titles):
            # one capitalised word after a full-word title ('Reporter Story', 'Attorney General Report'), or a
            # title after a title ('Deputy Sheriff', 'Sen. Whip'): the last word is read as the noun it is
            return -1
        return i

    def media_via_modifier(self, cache: TokenCache, src_start: int, src_end: int, source_type: str,
                           named: bool) -> tuple[str, bool]:
        """'a 2009 article from the LA Times', 'the Courier's report': a document credited to an outlet."""
        if source_type != "document":
            return source_type, named
        if any(t.cap and self.words.is_media(unpossessed(t.low)) for t in cache.exact(src_start, src_end) if t.is_word):
            return "media", True  # (also in a possessive: "the Ledger's report")
        return source_type, named


def _has_phrase(pattern: re.Pattern, first_words: frozenset[str], region: str,
                tokens: list[str] | None = None) -> bool:
    """Whether ``pattern`` (phrases between spaces) matches the words and marks of ``region`` joined by spaces
    (``tokens``: those of the lower-cased ``region``, when known).

    A match is a run of whole tokens, so a region with none of the phrases' ``first_words`` among its tokens
    has none, and is not joined and searched."""
    if tokens is None:
        tokens = TOKEN_RE.findall(region.lower())
    if first_words.isdisjoint(tokens):
        return False
    return pattern.search(" " + " ".join(tokens) + " ") is not None


#: Determiners before an age that make it one person ('a 46-year-old man', 'their 20-year-old son').
_ONE_PERSON_DETERMINERS = (DETERMINERS - {"these", "those"}) | {"one"}


def _aged_one(head_lows: list[str]) -> bool:
    """Whether the head is one person described by age: an age right before the head noun, after a singular
    determiner or nothing ('a 46-year-old man', '46-year-old woman'; not 'two 30-year-old women')."""
    n = len(head_lows)
    if n < 2 or not _AGE_RE.match(head_lows[-2]):
        return False
    return n == 2 or head_lows[-3] in _ONE_PERSON_DETERMINERS


def _dotted_acronym(all_tokens, head) -> tuple[str, bool]:
    """``(letters, after 'the')`` of an abbreviation with periods that ends ``head`` ('the F.B.I.' -> ('fbi',
    True)): two or more single capital letters joined by periods, lower case; ``('', False)`` if there is none.
    The caller takes three letters, or two after 'the' ('the U.N.'), for an organisation: a bare 'A.J.' may be a
    person's initials."""
    last = head[-1]
    if len(last.text) != 1 or not last.text.isupper():
        return "", False
    k = next((j for j in range(len(all_tokens) - 1, -1, -1) if all_tokens[j] is last), -1)
    letters = [last.low]
    while k >= 2:
        dot, prev = all_tokens[k - 1], all_tokens[k - 2]
        if not (dot.text == "." and dot.start == prev.end and all_tokens[k].start == dot.end and prev.is_word
                and len(prev.text) == 1 and prev.text.isupper()):
            break
        letters.append(prev.low)
        k -= 2
    if len(letters) < 2:
        return "", False
    return "".join(reversed(letters)), k >= 1 and all_tokens[k - 1].low == "the"


def _site(all_tokens, last) -> bool:
    """Whether the word token ``last`` ends a site's address: a period glued between it and a capitalised word
    ('FactCheck.org', 'Vox.com')."""
    k = next((j for j in range(len(all_tokens) - 1, 0, -1) if all_tokens[j] is last), 0)
    if k < 2:
        return False
    dot, name = all_tokens[k - 1], all_tokens[k - 2]
    return dot.text == "." and name.end == dot.start and dot.end == last.start and name.is_word and name.cap


def _head_part(all_tokens, lows: list[str], tokens) -> tuple[int, int]:
    """Word indexes ``[lo, hi)`` of the head part of a source phrase (``tokens``: its word tokens, ``lows`` their
    lower-cased forms): after the last possessive, before the first post-modifier ("a spokesperson for the
    sheriff's office" -> "a spokesperson"); after a partitive's *of* ("a batch of emails released Friday" ->
    "emails")."""
    stop_at = _post_modifier_at(lows, 1, tokens)
    lo = 0
    if stop_at + 1 < len(lows) and lows[stop_at] == "of" and (lows[stop_at - 1] in PARTITIVES or
                                                               lows[stop_at - 1] in QUANTITY_PARTITIVES):
        lo = stop_at + 1
        stop_at = _post_modifier_at(lows, lo + 1, tokens)
    head_lo = 0
    n_words = 0
    for t in all_tokens:
        if t.is_word:
            n_words += 1
            if n_words > stop_at:
                break
            if t.text[-2:].lower() in ("'s", "’s"):
                head_lo = n_words
        elif t.text in APOSTROPHES and n_words:
            head_lo = n_words
    if head_lo >= stop_at:
        head_lo = 0
    return max(head_lo, lo), stop_at


def _post_modifier_at(lows: list[str], start: int, tokens) -> int:
    """The index of the first word from ``start`` on that opens a post-modifier (``len(lows)`` if none)."""
    return next((j for j in range(start, len(lows)) if lows[j] in _POST_MODIFIER_OPENERS or (
        # a participle after the head noun ('a court document filed Thursday', 'polls released Sunday'), or one
        # in -ing with its object ('a protester holding a sign'; not 'the acting director', 'a tracking poll'); a
        # capitalised word in -ed is a name ('Fire Chief Ted Reyes')
        j >= 2 and j + 1 < len(lows) and not lows[j - 1].endswith("ly") and (
            (lows[j].endswith("ed") and not tokens[j].cap) or
            (lows[j].endswith("ing") and lows[j + 1] in DETERMINERS)))), len(lows))


def _described_name(head, head_lows: list[str], individual, organization, is_media) -> bool:
    """Whether ``head`` ends in a personal name right after a lower-case noun of who someone is ([individual]:
    'Harlow University historian Tom Vale', 'retired teacher Ana Ruiz'): the capitalised words after that noun
    are a name, not an organisation's or outlet's."""
    i = len(head) - 1
    while i >= 0 and head[i].cap:
        i -= 1
    if i < 0 or i == len(head) - 1 or head_lows[i] not in individual:
        return False
    return not any(w in organization or is_media(w) for w in head_lows[i + 1:])




def _singular(low: str) -> str:
    """The singular a plural noun would have ('executives' -> 'executive', 'counties' -> 'county', 'farmers' ->
    'farmer'); the word itself when it does not end in -s (a rough rule for source nouns, not a lemmatiser)."""
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low
