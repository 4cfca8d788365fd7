"""The noun phrase after a cue: the source of an inverted attribution ('said Paul Maslin'), of *according to*,
or a passive's agent, and the apposition that may follow it ('said Paul Maslin, a Democratic pollster.').

Split from :mod:`.phrases` (the phrase before a cue), which it shares word lists with.
"""

from __future__ import annotations

import re

from .content import trim_end
from .phrases import source_noun
from .tokens import Token
from .words import (APOSTROPHES, CONNECTORS, DETERMINERS, DOMAIN_ENDINGS, LY_NOUNS, MONTH_NAMES, MONTHS,
                    NP_PREPOSITIONS, PARTY_LABEL_RE, QUOTE_CHARS, WEEKDAYS, AttributionWords, unpossessed)

#: Time words that can close an inverted clause after its source ('said the mayor today.').
_TIME_WORDS_LOW = frozenset(("today", "yesterday", "tonight", "tomorrow", "now", "then", "again", "too", "also",
                             "recently", "earlier", "later", "afterward", "afterwards", "ago", "before", "since"))
#: Degree words that end no noun phrase ('argued the point more vehemently').
_DEGREE = frozenset(("more", "less", "most", "least", "very", "much", "rather", "quite"))
#: Days and months: after a preposition they open a time adverbial ('said the mayor's office on Monday').
_TIME_NAMES = WEEKDAYS | MONTH_NAMES

#: A comma after an inverted source that opens an apposition: a determiner, a lower-case word (a role:
#: 'chairman of'), or a relative pronoun; not a conjunction, a participle or a quotation.
_APPOSITION_RE = re.compile(r",\s+(?=(?:a|an|the|another|his|her|their|its|one|who|which|then)\s|"
                            r"(?:Democrat|Republican|Independent)\s+(?:of|from)\s|"  # ', Democrat of Delaware'
                            r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s?\s+[a-z]|"  # ", Mr. Sanders's adviser"
                            r"\d{1,3},\s+(?:a|an|the)\s|"  # ', 30, a member of the union'
                            r"(?!(?:and|but|or|so|yet|then|while|because|as|adding|saying|noting|according|in|on|at|"
                            r"when|after|before|if|although|though|that)\b)(?![a-z]+ing\b)"
                            # a manner or degree word before a participle or adjective that closes the clause is a
                            # depiction of the speaker, no apposition ('said Bo Reyes, half joking.', ', visibly
                            # moved,', ', clearly frustrated.')
                            r"(?![a-z]+[^\S\n]+[a-z]+(?:ing|ed)[^\S\n]*[,.;!?—–])(?!(?!family|ally)[a-z]+ly[^\S\n])"
                            r"[a-z][a-z\-]*\s)")
#: A description opened by a determiner ('a former spokesman for the Marlow Mill', 'the mayor's aide'), whose
#: name may follow it as an apposition.
_DESCRIPTION_RE = re.compile(r"(?:a|an|the|another|his|her|their|its)\s", re.IGNORECASE)
#: A name of one to four capitalised words after a comma, closed by a comma or the end of the sentence (comma kept).
_NAME_APPOSITION_RE = re.compile(r",[ \u00a0]+((?:[A-Z][\w.'’\-]*[ \u00a0]+){0,3}[A-Z][\w'’\-]*)(?:,|(?=[.!?]?[\"”’']?\s*$))")
#: Days and months, capitalised: no name after a comma ('said the mayor's aide, Monday.').
_TIME_NAMES_CAP = frozenset(w.capitalize() for w in WEEKDAYS | MONTH_NAMES)
#: Where an apposition ends inside its sentence: a comma before a participle, a new clause or a preposition that
#: opens an adverbial of the report ('said Tom Vale, the head of the guild, in a statement', '..., at a rally in
#: Harlow'); *of* and *from* stay inside ('said Bo Reyes, 45, of Springfield').
_APPOSITION_END_RE = re.compile(r",\s+(?=[a-z]+ing\b|(?:and|but|adding|according|as|while|because|although|when|"
                                r"whose|in|at|on|during|after|before|with|via|through|by|for|over|amid|despite|"
                                r"without|under|outside|inside|upon|following)\b|[\"“‘'])")


def right_np(words: AttributionWords, tokens: list[Token]):
    """The noun phrase right after a cue (inversion, ``according to X``, passive agent): ``(start, end)`` or
    None."""
    def is_noun(low: str) -> bool:  # also in the plural ('by House leaders', 'said city officials')
        return source_noun(words, low)

    k = 0
    n = len(tokens)
    last_good = -1  # the last token that can end the phrase
    unknown = 0  # lower-case non-nouns since then
    seen_cap = False
    after_det = False
    while k < n and k < 24:
        t = tokens[k]
        low = t.low
        if t.is_word:
            if low in words.pronouns and k == 0:
                return (t.start, t.end)
            if low in DETERMINERS and (k == 0 or tokens[k - 1].low in CONNECTORS | NP_PREPOSITIONS):
                k += 1
                after_det = True
                continue
            if low in CONNECTORS or (low in NP_PREPOSITIONS and last_good >= 0 and is_noun(tokens[last_good].low)):
                if last_good < 0 and low == "of" and 0 < unknown <= 2 and _name_ahead(tokens, k):
                    k += 1  # a role the lists lack before a name: 'said master of ceremonies Asab Reyes'
                    continue
                if last_good < 0 or (k + 1 < n and (unpossessed(tokens[k + 1].low) in _TIME_NAMES or (
                        tokens[k + 1].low.endswith("ing") and not tokens[k + 1].cap))):
                    break  # ('said the mayor’s office on Monday': a time adverbial; 'accused by nine women of lying')
                k += 1
                continue
            if low in ("and", "&") and last_good >= 0 and tokens[last_good].cap and k + 1 < n and tokens[k + 1].cap:
                k += 1
                continue
            if low in words.stop:
                break
            if t.cap or is_noun(low) or (after_det and (k > 1 or k + 1 == n or tokens[k + 1].text in _CLAUSE_END) and
                                                 low not in words.not_source_words and low not in _DEGREE and
                                                 not (low.endswith("ly") and low not in LY_NOUNS)):
                # (a lone word after the determiner counts when the clause ends with it: 'said the 46-year-old.';
                # no adverb or function word: not 'argued the point more vehemently')
                last_good = k
                unknown = 0
                seen_cap = seen_cap or t.cap
                after_det = False
            else:
                if seen_cap and last_good == k - 1 and tokens[last_good].cap and not is_noun(low) and not (
                        k + 1 < n and tokens[k + 1].cap and tokens[k + 1].is_word) and \
                        not _role_before_name(words, tokens, k) and \
                        not tokens[last_good].low.endswith(("'s", "’s")):  # ('Quill’s top aide Tom Reyes')
                    if _head_after_name(words, tokens, k):
                        last_good = k  # ('of the New York delegation.', 'in the super-PAC’s creation,')
                    break  # the name run is over ("told the LA Times allowing ...")
                if last_good == k - 1 and not tokens[last_good].cap and (k + 1 == n or
                                                                        tokens[k + 1].text in _CLAUSE_END) and \
                        low.isalpha() and low not in words.not_source_words and low not in words.between and \
                        low not in words.stop and not low.endswith("ly") and low not in _TIME_WORDS_LOW:
                    last_good = k  # a head noun the lists lack closes the clause: 'asks the certified firearms
                    break  # instructor.'
                unknown += 1
                if unknown > 3:
                    break
        else:
            c = t.text
            if c == "." and 0 < k < n - 1 and tokens[k + 1].low in DOMAIN_ENDINGS and \
                    tokens[k - 1].end == t.start == tokens[k + 1].start - 1:
                last_good = k + 1  # a site's name: 'according to Factcheck.org', 'said ouest-france.fr'
                k += 2
                continue
            if c == "." and k > 0 and (tokens[k - 1].text in words.title_abbreviations or
                                       (len(tokens[k - 1].text) == 1 and tokens[k - 1].cap)) and \
                    k + 1 < n and (tokens[k + 1].cap or (
                        _initialism(tokens, k) and tokens[k + 1].is_word and tokens[k + 1].low not in words.stop
                        and tokens[k + 1].low not in words.between) or (
                        tokens[k - 1].low in MONTHS and tokens[k + 1].low[:1].isdigit())):
                k += 1  # ('Sen. Reyes', 'U.S. Sen. Reyes', 'by U.S. contractors', 'a Dec. 1 report')
                continue
            if c == "." and last_good == k - 1 and k > 0 and tokens[k - 1].end == t.start and \
                    tokens[k - 1].text in words.abbreviations and (k + 1 == n or tokens[k + 1].text in ",("):
                last_good = k  # the period of 'Jr.', 'Inc.' before an apposition: 'said Bo Reyes Jr., a lawyer'
                k += 1
                continue
            if c in APOSTROPHES and k > 0 and tokens[k - 1].text[-1:] in "sSzZ" and k + 1 < n and \
                    tokens[k + 1].is_word:
                k += 1
                continue
            if c in "-&" and last_good == k - 1:
                k += 1
                continue
            break
        k += 1
    if last_good < 0:
        return None
    return (tokens[0].start if tokens[0].is_word else tokens[1].start, tokens[last_good].end)


def _name_ahead(tokens: list[Token], k: int) -> bool:
    """Whether a capitalised name follows the preposition ``tokens[k]`` within three words, after lower-case words
    only ('of ceremonies Asab Reyes')."""
    for t in tokens[k + 1:k + 4]:
        if not t.is_word:
            return False
        if t.cap:
            return True
    return False


def _head_after_name(words: AttributionWords, tokens: list[Token], k: int) -> bool:
    """Whether the lower-case word ``tokens[k]`` after a capitalised run is the head noun of a phrase a determiner
    opened ('of the New York delegation', 'the Harlow Ledger newsroom'): it ends the clause, and it is no adverb,
    time or function word ('said Quill yesterday.', 'said the LA Times allowing ...')."""
    t = tokens[k]
    low = t.low
    if not low.isalpha() or k + 1 < len(tokens) and tokens[k + 1].text not in _CLAUSE_END or \
            low in words.not_source_words or low.endswith(("ly", "ing")):
        return False
    j = k - 1
    while j >= 0 and tokens[j].is_word and tokens[j].cap:
        j -= 1
    return j >= 0 and tokens[j].low in DETERMINERS  # (a name alone is the source: 'said Quill later.')


def _initialism(tokens: list[Token], k: int) -> bool:
    """Whether the period ``tokens[k]`` closes an initialism of two or more letters ('U.S.', 'U.N.'), whose
    periods are glued to single capitals."""
    return k >= 3 and tokens[k - 2].text == "." and len(tokens[k - 3].text) == 1 and tokens[k - 3].cap and \
        tokens[k - 2].start == tokens[k - 3].end


#: Marks that end the clause of an inverted source.
_CLAUSE_END = frozenset(".,;:!?")


def _role_before_name(words: AttributionWords, tokens: list[Token], k: int) -> bool:
    """Whether the lower-case word ``tokens[k]`` after a capitalised modifier opens the rest of a role phrase:
    at most two lower-case modifiers and a source noun, then a capitalised word ('said Republican political
    consultant Chris Russell', 'Democratic presidential candidate Sen. Bernie Sanders') or the end of the clause
    ('said one former GOP leadership aide.', 'said a White House press officer,')."""
    for j in range(k, min(k + 3, len(tokens))):
        t = tokens[j]
        if not t.is_word or t.cap or t.low in words.stop:
            return False
        if source_noun(words, t.low):
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            return nxt is None or nxt.text in _CLAUSE_END or (nxt.is_word and nxt.cap)
    return False


def right_mention(text: str, src_start: int, src_end: int, sentence_end: int):
    """An apposition after an inverted source ('said Paul Maslin, a Democratic pollster.'): the mention runs
    to the end of the sentence, or to a comma that opens a participle or a coordinated clause (comma
    included). ``(start, end)`` or None."""
    label = PARTY_LABEL_RE.match(text, src_end, sentence_end) if text[src_end - 1:src_end].isalpha() else None
    m = _APPOSITION_RE.match(text, label.end() if label is not None else src_end, sentence_end)
    if m is None:
        # ('said Rep. Bo Reyes (D-Ore.), a Quill endorser': the apposition after the party label)
        head = text.rfind(" ", src_start, src_end) + 1 or src_start  # the phrase's last word
        if label is None and (text[head:head + 1].islower() or _DESCRIPTION_RE.match(text, src_start)):
            name = _NAME_APPOSITION_RE.match(text, src_end, sentence_end)
            if name is not None and name.group(1) not in _TIME_NAMES_CAP:
                return (src_start, name.end())  # 'said the bureau's director, Tom B. Vale,'
        return None
    end = trim_end(text, src_end, sentence_end)
    while end > src_end and text[end - 1] in QUOTE_CHARS:
        end = trim_end(text, src_end, end - 1)
    cut = _APPOSITION_END_RE.search(text, m.end(), end)
    if cut is not None:
        end = cut.start() + 1
    return (src_start, end) if end > src_end else None
