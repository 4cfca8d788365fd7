"""Sentence subjects, for cues whose source is not next to them: a participle ('Ellery slammed the ruling,
saying ...'), a verb coordinated with an earlier one ('Marr toured the plant and said ...') and a statement
object ('The agency issued a statement saying ...').

Each returns ``(start, end, n_words)`` of the subject, or None.
"""

from __future__ import annotations

import bisect
import operator
import re

from .left_subject import name_before_relative
from .phrases import left_np
from .tokens import Token, TokenCache
from .words import (AUXILIARIES, CONNECTORS, DAY_PARTS, DETERMINERS, MONTHS, NOMINATIVE_PRONOUNS, NP_PREPOSITIONS,
                    NUMBER_WORDS, OPENING_PREPOSITIONS, POSSESSIVE_DETERMINERS, RELATIVE_DAYS, SUBJECT_DETERMINERS,
                    WEEKDAYS, AttributionWords, time_adverbial_end)

#: Conjunctions that coordinate a reporting verb with an earlier verb of the same subject.
_COORDINATORS = frozenset(("and", "but", "then"))
#: Between a subject and its coordinated cue: a clause boundary or a single quotation mark that may bring another
#: subject. An apostrophe inside a word or after a final s is no quotation mark ('Rubio’s', 'Sanders’ plan');
#: double quotation marks are checked by :func:`quotes_block` (a short quotation closed before the cue is read
#: over: 'called the plan “a relic” and said').
COORD_BLOCK_RE = re.compile(r"[;«»()‘]|(?<![^\W\d_])’|(?<=[^\W\d_sSzZ])’(?![^\W\d_])|"
                            r"(?<![^\W_])(?:who|which|whose|whom|where|when|while|because|although|"
                            r"though|if|unless|whether|since|after|before|until)(?![^\W_])|(?:^|\s)'|"
                            r"(?<![sSzZ])'(?:\s|$)")
#: A short double quotation (a scare quote or a title) inside one clause.
_SHORT_QUOTATION_RE = re.compile(r"“[^“”\"\n]{1,80}”|\"[^“”\"\n]{1,80}\"")
#: ... or another reporting verb (then that verb's attribution is the one to extend, not this one).
COORD_CUE_RE = re.compile(r"(?<![^\W_])(?:said|says|say|told|tells|added|adds|wrote|writes|stated|declared|"
                          r"announced|argued|claimed|insisted)(?![^\W_])")


#: The subject's own reporting verb right after it (adverbs and auxiliaries may stand before it).
_OWN_REPORT_RE = re.compile(r"(?:[^\S\n]+(?:has|had|have|also|then|later|again|[a-z]+ly))*[^\S\n]+"
                            r"(?:said|says|told|tells|wrote|writes|stated|declared|argued|claimed|insisted|agreed|"
                            r"agrees|acknowledged|conceded)(?![^\W_])")
#: Verbs that go on with the same speaker's report: the cue of '... and added that ...'.
_CONTINUING_RE = re.compile(r"(?<![^\W_])(?:added|adds|noted|notes|continued|continues|stressed|stresses|said|"
                            r"says)\Z")
#: Number words above ten that open a time adverbial before the subject, besides those of ``NUMBER_WORDS``
#: ('Two weeks later, ...', 'Twenty years ago, ...').
_LARGER_NUMBER_WORDS = frozenset("eleven twelve twenty thirty forty fifty hundred".split())


#: Coordinating conjunctions after a comma that open a main clause with a subject of its own ('..., but his aides
#: stayed behind'); a subordinate clause (*while, though*) is not what a participle after it attaches to.
_CLAUSE_CONJUNCTIONS = frozenset(("but", "and", "yet"))


def later_clause_subject(words: AttributionWords, left: list[Token]):
    """For a participle after a comma (``left``: the tokens before it, ending with the comma), the subject of the
    last clause opened by a comma and a conjunction ('Reyes left early, but his aides stayed behind, saying' -> 'his
    aides'): ``(start, end, n_words)`` when that clause has a subject followed by a lower-case word (its verb), else
    None ('criticized the plan, the council, and the mayor, saying': the phrase after *and* ends at a comma)."""
    for b in range(len(left) - 3, 0, -1):
        if left[b].is_word and left[b].low in _CLAUSE_CONJUNCTIONS and left[b - 1].text == ",":
            rest = left[b + 1:-1]
            found = subject(words, rest) if rest else None
            if found is None:
                return None
            after = next((t for t in rest if t.start >= found[1]), None)
            return found if after is not None and after.is_word and not after.cap else None
    return None


def subject(words: AttributionWords, tokens: list[Token]):
    """A sentence-initial name or pronoun (or a determiner subject, see :func:`det_subject`)."""
    if not tokens or not tokens[0].is_word:
        return None
    dateline = _dateline_end(tokens)
    if dateline is not None:
        tokens = tokens[dateline + 1:]  # a dateline: 'WASHINGTON — President Obama declared ..., calling on',
        # 'PARIS, Aug 31 (Reuters) - Marine Le Pen voiced support ..., saying'
    if tokens[0].low in _OPENING_CONJUNCTIONS and len(tokens) > 1 and tokens[1].is_word:
        tokens = tokens[1:]  # 'And Trump has been at war with Ryan, ... tweeting': the conjunction links sentences
    after = time_adverbial_end(tokens, 0)  # a time adverbial without its comma: 'Last year Tom Reyes defended ..., saying'
    if after is not None and after < len(tokens) and tokens[after].is_word and (
            tokens[after].cap or tokens[after].low in words.pronouns or tokens[after].low in SUBJECT_DETERMINERS):
        tokens = tokens[after:]
    # skip an opening adverbial that ends in a comma: "On Friday, Mr. Trump ..., saying"; a clause opened by a
    # subordinator, however long, is skipped too ('While Quill dines with donors ... in Dover, her aides are ...,
    # writing': the main clause's subject, not the subordinate clause's)
    first_comma = next((j for j, t in enumerate(tokens if tokens[0].low in _SUBORDINATORS else tokens[:16])
                        if t.text == ","), None)
    if first_comma is not None and (tokens[0].low in words.stop or tokens[0].low in _SUBORDINATORS
                                    or tokens[0].low in words.adverbial_words
                                    or (tokens[0].low.endswith("ly") and not tokens[1].cap)  # (not 'Carly Roe')
                                    or tokens[0].low in NUMBER_WORDS
                                    or tokens[0].low in _LARGER_NUMBER_WORDS
                                    or tokens[0].low[:1].isdigit()  # ('Two weeks after Scalia died, Thomas ...')
                                    or tokens[0].low in _TIME_UNITS  # ('Hours later, she issued a statement')
                                    or _opening_adverbial(tokens, first_comma)):
        tokens = tokens[first_comma + 1:]
        if not tokens or not tokens[0].is_word:
            return None
        tokens = _after_adverbial_tail(words, tokens)
        if not tokens or not tokens[0].is_word:
            return None
    if tokens[0].low in words.pronouns:
        return (tokens[0].start, tokens[0].end, 1)
    if tokens[0].low in SUBJECT_DETERMINERS or tokens[0].low in POSSESSIVE_DETERMINERS:
        # ('His campaign sued the party, claiming ...': a possessive opens a determiner subject)
        return det_subject(words, tokens)
    titles = words.title_abbreviations
    k = dots = 0  # (eight words at most; the periods of initials and titles are not counted)
    while k < len(tokens) and k - dots < 8 and (
            (tokens[k].is_word and tokens[k].cap) or
            (tokens[k].low == "of" and k > 0 and tokens[k - 1].cap and k + 1 < len(tokens) and tokens[k + 1].cap
             and words.has("role", tokens[k - 1].low)) or  # 'Former Secretary of State Colin Powell
            (tokens[k].text == "." and k > 0 and tokens[k - 1].text in titles) or
            (tokens[k].text == "." and _initial_before(tokens, k) and k + 1 < len(tokens) and tokens[k + 1].cap) or
            (k > 0 and tokens[k].is_word and _title_word(words, tokens[k].low) and k + 1 < len(tokens) and (
                tokens[k + 1].cap or (k + 2 < len(tokens) and tokens[k + 2].cap and tokens[k + 1].is_word and
                                      _title_word(words, tokens[k + 1].low))))):
        # (lower-case roles in a title: 'Council member Tom Reyes', 'White House press secretary Ada Quill')
        dots += tokens[k].text == "."
        k += 1  # (an initial's period before a capital continues the name: 'Michael J. Petrilli', 'U.S. District')
    if k > 1 and tokens[0].low in _SUBORDINATORS and tokens[1].cap:
        tokens, k = tokens[1:], k - 1  # 'As Trump hinted by saying': the clause's subject after its subordinator
    if 0 < k < len(tokens) - 1 and tokens[k - 1].is_word and tokens[0].low not in words.stop and (
            _people_plural(words, tokens[k].low) or tokens[k].low in _COLLECTIVE_PEOPLE) and \
            (_verb_like_after(words, tokens[k + 1]) or tokens[k + 1].low in _PLURAL_PP):
        return (tokens[0].start, tokens[k].end, k + 1)  # 'Quill aides ended the talks, saying': the aides, not Quill
    if k == 1 and _people_plural_subject(words, tokens):
        return (tokens[0].start, tokens[0].end, 1)  # 'Democrats had sued the state, saying ...'
    if k == 0 or tokens[k - 1].text == "." or (k == 1 and (words.is_noun(tokens[0].low) or
                                                          tokens[0].low in _NOT_NAMES or
                                                          tokens[0].low in words.verbs_before_name or
                                                          tokens[0].low in OPENING_PREPOSITIONS or
                                                          tokens[0].low in _OPENING_CONJUNCTIONS or
                                                          tokens[0].low in _SUBORDINATORS)):
        return None  # (no name of one word: 'Last year he defended', 'Simply saying that', 'Despite his efforts')
    if k < len(tokens) and tokens[k - 1].low.endswith(("'s", "’s")) and tokens[k].is_word:
        return _possessed_subject(words, tokens)  # a possessor is not the subject: "Clinton's campaign took",
        # not "Clinton's"; "France's far-right leader, ..." gives none
    return (tokens[0].start, tokens[k - 1].end, k)


#: Prepositions that open a phrase after a plural subject ('Security experts on all sides have cast doubt').
_PLURAL_PP = frozenset(("on", "in", "at", "from", "across", "around", "inside", "outside", "within"))
#: Nouns of a group of people without a plural -s, after a name that modifies them ('Dover police').
_COLLECTIVE_PEOPLE = frozenset(("police", "staff", "staffers", "people", "leadership", "clergy"))


def _title_word(words: AttributionWords, low: str) -> bool:
    """A lower-case word of a title before a name: a role or a source noun ('member', 'press', 'secretary')."""
    return words.has("role", low) or words.is_noun(low)


def _people_plural_subject(words: AttributionWords, tokens: list[Token]) -> bool:
    """Whether ``tokens`` open with a bare plural source noun for people ('Democrats', 'Critics', 'Officials';
    not a document noun: 'Polls') followed by a lower-case word that can be its verb or an auxiliary ('Democrats
    had sued', 'Critics blasted'; not 'Democrats in Ohio', 'Critics of the plan')."""
    if len(tokens) < 2:
        return False
    if not _people_plural(words, tokens[0].low):
        return False
    after = time_adverbial_end(tokens, 1)  # ('Democrats on Monday sued')
    return _verb_like_after(words, tokens[1 if after is None or after >= len(tokens) else after])


def _people_plural(words: AttributionWords, low: str) -> bool:
    """A plural source noun that is no document noun: people or bodies ('democrats', 'officials'; not 'polls')."""
    return low.endswith("s") and words.is_noun(low) and not words.has("document", low)


def _verb_like_after(words: AttributionWords, t: Token) -> bool:
    """Whether ``t`` can be the verb (or an auxiliary or adverb before it) right after a subject: a lower-case
    word that is no function word, pronoun, determiner, connector or source noun (as in :func:`det_subject`)."""
    if not t.is_word or t.cap or words.is_noun(t.low) or t.low.endswith(("'s", "’s")):
        return False
    low = t.low
    if low in words.between:
        return True
    return low not in words.stop and low not in words.pronouns and low not in DETERMINERS and \
        low not in CONNECTORS and low not in ("and", "or")


def _initial_before(tokens: list[Token], k: int) -> bool:
    """Whether the period ``tokens[k]`` is glued to a single capital letter before it: an initial ('J.') or a
    letter of an initialism ('U.S.', 'G.K.')."""
    before = tokens[k - 1] if k > 0 else None
    return before is not None and len(before.text) == 1 and before.text.isupper() and before.end == tokens[k].start


#: Units of time that open an adverbial before the subject ('Hours later,', 'Moments after the vote,').
_TIME_UNITS = frozenset("seconds minutes hours days weeks months years moments decades minute hour day week month "
                        "year moment soon shortly".split())
#: Words of a time adverbial that may follow a document object before its participle ('issued a statement Thursday
#: night saying').
_TIME_WORDS = WEEKDAYS | RELATIVE_DAYS | DAY_PARTS
def _possessed_subject(words: AttributionWords, tokens: list[Token]):
    """A name's possession as a sentence subject: 'Rubio's campaign', 'the mayor's office' (a possessive, then
    a source noun and a lower-case word that is not a noun), or None."""
    k = next((j for j, t in enumerate(tokens[:4]) if t.is_word and t.low.endswith(("'s", "’s"))), None)
    if k is None or k + 2 >= len(tokens) or not words.is_noun(tokens[k + 1].low) or tokens[k + 2].cap or \
            not tokens[k + 2].is_word or words.is_noun(tokens[k + 2].low):
        return None
    if not (tokens[0].cap or tokens[0].low in SUBJECT_DETERMINERS):
        return None
    return (tokens[0].start, tokens[k + 1].end, k + 2)


#: Particles between a verb and its document object ('put out a statement', 'sent out a release').
_PARTICLES = frozenset(("out", "up", "off"))
#: Conjunctions that may open a sentence before its subject.
_OPENING_CONJUNCTIONS = frozenset(("and", "but", "so", "yet", "or"))
#: Subordinators that may open a sentence before its clause's subject ('As Trump hinted by saying', 'If Quill').
_SUBORDINATORS = frozenset(("as", "if", "when", "while", "although", "though", "because", "since", "unless", "once",
                            "whether", "whereas", "until", "whenever"))
#: Determiners that open the noun phrase of an 'of' or 'for' phrase inside a determiner subject.
_PP_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its"))


def _head_noun(words: AttributionWords, t: Token) -> bool:
    """A word that can end a determiner subject: a capitalised word or a source noun (also plural)."""
    return t.is_word and (t.cap or words.is_noun(t.low) or (t.low.endswith("s") and words.is_noun(t.low[:-1])))


def det_subject(words: AttributionWords, tokens: list[Token]):
    """A sentence subject opened by *the*, *a* or *an* whose head is a source noun or a name, followed by a
    lower-case word that is not a noun (its verb): 'The agency released ...', 'The Valley Water Board voted ...',
    'A spokesman for Mayor Ada Quist defended ...'. Up to five words after the determiner, none a function word,
    pronoun, auxiliary or possessive; an *of* or *for* + name after the head is part of the subject."""
    bad = words.stop | words.pronouns | words.between | DETERMINERS | CONNECTORS | {"and", "or"}
    not_verbs = bad - words.between
    titles = words.title_abbreviations
    is_noun = words.is_noun
    n = len(tokens)

    def is_verb(t: Token) -> bool:
        return t.is_word and not t.cap and t.low not in not_verbs and not is_noun(t.low) \
            and not (t.low.endswith("s") and is_noun(t.low[:-1])) and not t.low.endswith(("'s", "’s"))

    j = 1
    while j < n and j <= 5:
        t = tokens[j]
        if not t.is_word:
            if t.text == "." and tokens[j - 1].text in titles or t.text in "-‐‑":
                j += 1
                continue
            return None
        if t.low in bad or t.low.endswith(("'s", "’s")):
            return None
        if j + 1 < n and (_head_noun(words, t) or (tokens[j + 1].low in AUXILIARIES and t.low not in not_verbs)):
            # (any word before an auxiliary ends the subject: 'The retired neurosurgeon has provided ...')
            following = tokens[j + 1]
            end = j
            if following.low in ("of", "for") and j + 2 < n and tokens[j + 2].cap:
                k = j + 2  # 'A spokesman for Mayor Ada Quist of Harlow'
                while k < n and k < j + 9 and ((tokens[k].is_word and (tokens[k].cap or tokens[k].low == "of")) or (
                        tokens[k].text == "." and tokens[k - 1].text in titles)):
                    k += 1
                while k - 1 > j + 2 and not (tokens[k - 1].is_word and tokens[k - 1].cap):
                    k -= 1
                end, following = k - 1, (tokens[k] if k < n else None)
                if following is None:
                    return None
            elif following.low in ("of", "for") and j + 3 < n and tokens[j + 2].low in _PP_DETERMINERS:
                # 'A spokesman for the mayor defended ...', 'The head of the agency said': a short phrase after
                # the preposition whose last word is a source noun or a name, then the verb
                k = next((k for k in range(j + 3, min(n - 1, j + 6))
                          if _head_noun(words, tokens[k]) and is_verb(tokens[k + 1])), None)
                if k is not None and all(t.is_word and t.low not in bad for t in tokens[j + 3:k]):
                    end, following = k, tokens[k + 1]
            if not is_verb(following):
                after = time_adverbial_end(tokens, end + 1)  # 'The campaign on Monday also doubled down'
                if after is not None and after < n:
                    following = tokens[after]
            if is_verb(following):
                return (tokens[0].start, tokens[end].end, end + 1)
        j += 1
    return None


def plausible_subject(words: AttributionWords, text: str, tokens: list[Token], src_start: int, src_end: int,
                      memo: dict | None = None) -> bool:
    """Whether the sentence subject ``text[src_start:src_end]`` found by :func:`subject` is a pronoun or a name
    followed by its verb (a lower-case word), with no function word, possessive or participle in it ('Walking to
    the next address, ...', 'In TV interviews ...', 'It's ...'); a single capitalised word must be used as a name
    elsewhere in the document ('Beyond', 'Eight' open sentences too)."""
    inside = [t for t in tokens if src_start <= t.start and t.end <= src_end]
    following = next((t for t in tokens if t.start >= src_end), None)
    if following is None or not following.is_word or following.cap:
        return False
    if len(inside) == 1 and inside[0].low in words.pronouns:
        return True
    if inside and (inside[0].low in SUBJECT_DETERMINERS or inside[0].low in POSSESSIVE_DETERMINERS):
        got = det_subject(words, [t for t in tokens if t.start >= src_start])
        return got is not None and got[1] == src_end
    inside_words = [t for t in inside if t.is_word]
    k = 0
    while k < len(inside_words) - 2 and inside_words[k].cap and (words.has("role", inside_words[k].low) or
                                                               words.has("media_role", inside_words[k].low)):
        k += 1  # a title before a name of two words or more: 'Senator Ann Marr toured the plant and said'
    inside_words = inside_words[k:]
    if any(t.low in words.common and t.text not in words.title_abbreviations and not words.has("role", t.low)
           and not words.is_noun(t.low) or t.low.endswith(("'s", "’s", "ing")) for t in inside_words):
        return False
    return len(inside_words) > 1 or _name_elsewhere(text, inside_words[0].text, memo) or \
        _people_plural(words, inside_words[0].low)  # ('Democrats toured the plant and said')


def coordinated_subject(words: AttributionWords, cache: TokenCache, left: list[Token], sentence_start: int,
                        cue_end: int):
    """The subject of a cue coordinated with an earlier verb of the same subject: 'Marr toured the plant and
    said ...', 'Pell thanked the crew but said ...', 'Vance signed the order, then said ...'.

    The cue must follow *and*, *but* or *then* (with adverbs and auxiliaries between); the subject is the
    sentence's (a leading name or pronoun, as for a participle). Nothing is returned when another cue, a
    quotation mark, a semicolon or a relative clause lies between the subject and the cue, since the
    coordinated verb might then belong to another clause."""
    i = words.skip_back(left, len(left) - 1, between_only=True)
    if i < 1 or not left[i].is_word or left[i].low not in _COORDINATORS:
        return None
    conjunction = left[i]
    if conjunction.low == "then" and i >= 1 and left[i - 1].low in ("and", "but"):
        conjunction = left[i - 1]
    tokens = cache.head(sentence_start, conjunction.start, SUBJECT_TOKENS)
    found = subject(words, tokens)
    if found is None:
        return None
    src_start, src_end, _ = found
    gloss = _GLOSS_RE.match(cache.text, src_end, conjunction.start) or \
        _APPOSITION_RE.match(cache.text, src_end, conjunction.start) or \
        _RELATIVE_ASIDE_RE.match(cache.text, src_end, conjunction.start)
    # 'Gov. Rick Scott (R) blasted', 'Tom Reyes, a Democrat, voted ... and said', 'Priebus, who has ..., arrived ...
    # and acknowledged'
    after = gloss.end() if gloss else src_end
    if not _NON_SPACE_RE.search(cache.low, after, conjunction.start):
        return None
    if blocked_between(cache, after, conjunction.start):
        own = _OWN_REPORT_RE.match(cache.low, after, conjunction.start)
        if own is None or not _CONTINUING_RE.search(cache.low, max(0, cue_end - 12), cue_end) or \
                blocked_between(cache, own.end(), conjunction.start):
            return None  # (the subject's own report verb may stand between: 'Quill said the levy would pass and
            # added that ...' has one speaker; any other cue leaves the clause's subject unknown)
    if not plausible_subject(words, cache.text, [t for t in tokens if not (src_end <= t.start < after)], src_start,
                             src_end, cache.memo):
        return None
    return None if says_little(cache, cue_end) else found


def says_little(cache: TokenCache, cue_end: int) -> bool:
    """Whether *little*, *nothing* or *so* follows the cue: 'He returned ... and said little' reports nothing."""
    rest = cache.low[cue_end:cue_end + 12].split()
    return bool(rest) and rest[0].strip(".,") in ("little", "nothing", "so")


#: How many tokens before the conjunction the nominative pronoun may stand.
_NOMINATIVE_REACH = 12


def nominative_coordinated_subject(words: AttributionWords, cache: TokenCache, left: list[Token], cue_end: int):
    """For a cue after *and*, *but* or *then* whose sentence subject :func:`coordinated_subject` does not find (the
    clause opens inside the sentence): the nearest nominative personal pronoun or *who* before the conjunction,
    followed by a lower-case word (its verb), with no cue, quotation, semicolon or relative clause between
    ('Although at the mention of email she laughed and admitted ...'; 'the mayor, who toured the plant and said'
    gives the phrase *who* stands for, and *who* as the mention after it, when a comma sets the clause off before
    *who* and none closes it before the conjunction); ``(start, end, n_words)`` or None."""
    i = words.skip_back(left, len(left) - 1, between_only=True)
    if i < 2 or not left[i].is_word or left[i].low not in _COORDINATORS or says_little(cache, cue_end):
        return None
    conjunction = left[i]
    for k in range(i - 2, max(-1, i - 2 - _NOMINATIVE_REACH), -1):
        t = left[k]
        if t.text in ".!?;:":
            return None
        if not t.is_word or (t.low not in NOMINATIVE_PRONOUNS and t.low != "who"):
            continue
        verb = left[k + 1]
        if not verb.is_word or verb.cap or verb.low in words.stop or blocked_between(cache, t.end, conjunction.start):
            return None
        if t.low == "who":  # ('the mayor, who toured the plant and said ...': the phrase *who* stands for)
            if k == 0 or left[k - 1].text != "," or any(x.text == "," for x in left[k + 1:i]):
                return None  # a restrictive clause, or one closed by a comma, may end before the conjunction: 'the
                # man who defeated his wife and said' (the sentence's subject said it)
            got = name_before_relative(words, left[:k + 1]) or left_np(words, left[:k + 1])
            return None if got is None else got + ((t.start, t.end),)  # (the mention: *who*)
        return (t.start, t.end, 1)
    return None


def statement_subject(words: AttributionWords, cache: TokenCache, sentence_start: int, obj_start: int, obj_end: int):
    """For a participle cue whose left noun phrase ``text[obj_start:obj_end]`` is a document object of a verb ('The
    agency issued a statement saying', 'Vance sent an email to donors asking'): the sentence subject (a name,
    pronoun or determiner subject as for a participle), or None. The object must open with *a* or *an* and end in
    a document noun, and the word before it must be a lower-case verb."""
    obj = [t for t in cache.exact(obj_start, obj_end) if t.is_word]
    cut = next((j for j, t in enumerate(obj) if j and (t.low in NP_PREPOSITIONS or t.low in CONNECTORS
                                                      or t.low in _TIME_WORDS)), len(obj))
    if cut < 2 or obj[0].low not in ("a", "an") or not words.has("document", obj[cut - 1].low):
        return None
    last = cache.last(sentence_start, obj_start)
    if last is not None and last.low in _PARTICLES:
        last = cache.last(sentence_start, last.start)  # 'sent out a press release saying', 'put out a statement'
    if last is None or not last.is_word or last.cap or last.low in DETERMINERS or \
            last.low in words.stop or last.low in words.pronouns or words.is_noun(last.low):
        return None
    tokens = cache.head(sentence_start, obj_start, SUBJECT_TOKENS)
    found = subject(words, tokens)
    possessed = found is None and _possessed_subject(words, tokens)  # (a pattern strict enough to stand alone)
    if possessed:
        found = possessed
    if found is None:
        return None
    src_end = found[1]
    gloss = _GLOSS_RE.match(cache.text, src_end, obj_start) or _APPOSITION_RE.match(cache.text, src_end, obj_start)
    after = gloss.end() if gloss else src_end  # 'Chris Carr, the committee's director, released a statement'
    if not possessed and not plausible_subject(words, cache.text, [t for t in tokens if not (src_end <= t.start < after)],
                                               found[0], src_end, cache.memo):
        return None
    if blocked_between(cache, after, obj_start) or _match_between(cache, _COMMA_RE, after, obj_start):
        return None
    return found if after == src_end else (found[0], after, found[2])  # the source with its apposition


def _opening_adverbial(tokens: list[Token], comma: int) -> bool:
    """Whether the words before the first comma of a sentence, ``tokens[:comma]``, are an adverbial the lists of
    :func:`subject` miss: a preposition ('For months,', 'Among Republicans,', 'Despite the polls,'), a degree
    adverb ('More recently,', 'Even so,'), a participle clause of three words or more ('Arriving upon the
    scene,'; not a name in -ing: 'Manning, the quarterback,'), or a time phrase opened by a determiner and ended
    by a time word ('A few days later,', 'The next day,'; not 'The mayor, Ana Quill, said', 'A campaign official
    later walked back the comments, saying')."""
    first = tokens[0].low
    if first in OPENING_PREPOSITIONS or (first in _DEGREE_OPENERS and comma <= 3) or \
            (first in _NOT_NAMES and first not in _APPROXIMATORS):  # ('Only 32 percent of voters, ..., said')
        return True
    if first.endswith(("ing", "ed")) and comma >= 2 and not tokens[1].cap:
        return True  # ('Looking ahead,', 'Asked whether ...,'; not 'Fleming Roe,' or 'Ted,')
    return first in DETERMINERS and comma >= 2 and (tokens[comma - 1].low in _TIME_UNITS or
                                                   tokens[comma - 1].low in _TIME_ENDS)


#: Capitalised words at a sentence's start that are no name of one word: sentence adverbs, ordinals and time
#: words ('Second, ...', 'Simply saying that ...', 'Last year he ...': a one-word subject was taken from them).
_NOT_NAMES = frozenset(("second", "third", "first", "finally", "lastly", "meanwhile", "instead", "indeed", "however",
                        "moreover", "furthermore", "also", "then", "now", "today", "yesterday", "tonight", "here",
                        "there", "simply", "seemingly", "apparently", "only", "just", "nearly", "almost", "merely",
                        "perhaps", "maybe", "likewise", "similarly", "still", "last", "next", "every", "each",
                        "already", "again", "thus", "therefore", "otherwise", "regardless", "nevertheless",
                        "nonetheless", "ultimately", "eventually", "initially", "previously", "recently", "later",
                        "earlier", "currently", "separately", "overall", "notably", "clearly", "obviously"))
#: Approximators that open a subject of their own ('Nearly 40 percent of voters, a record, said').
_APPROXIMATORS = frozenset(("only", "just", "nearly", "almost", "merely"))
#: Degree and focus adverbs that open a short adverbial before the subject ('More recently,', 'Even so,').
_DEGREE_OPENERS = frozenset(("more", "most", "even", "still", "yet", "much", "far", "long", "once", "so"))
#: Words that end a time phrase ('a few days later,', 'a week ago,').
_TIME_ENDS = frozenset(("later", "earlier", "ago", "afterward", "afterwards", "before", "after"))


def _after_adverbial_tail(words: AttributionWords, tokens: list[Token]) -> list[Token]:
    """The tokens after what continues an opening adverbial past its first comma: a state or country after a
    town ('At a rally in Portsmouth, N.H., on Tuesday, Senator Reyes ...' -> 'N.H.,'), then a time or place
    phrase of its own ('on Tuesday,'). A capitalised word before a comma is a state only when it is a polity of
    the lists or abbreviated ('Calif.'): 'In Marlow, Quill, the mayor, said' keeps 'Quill'."""
    comma = next((j for j, t in enumerate(tokens[:5]) if t.text == ","), None)
    if comma is not None and comma > 0 and all((t.is_word and t.cap) or t.text == "." for t in tokens[:comma]) \
            and (tokens[comma - 1].text == "." or words.has("polity", " ".join(t.low for t in tokens[:comma]))):
        tokens = tokens[comma + 1:]
        if tokens and tokens[0].is_word and tokens[0].low in _TAIL_PREPOSITIONS:
            comma = next((j for j, t in enumerate(tokens[:7]) if t.text == ","), None)
            if comma is not None:
                tokens = tokens[comma + 1:]
    return tokens


#: Prepositions that open a second time or place phrase after a state ('..., N.H., on Tuesday,').
_TAIL_PREPOSITIONS = frozenset(("on", "in", "at", "during", "after", "before", "this", "last", "late", "early"))


def _dateline_end(tokens: list[Token]) -> int | None:
    """The index of the dash that ends a dateline opening the sentence, or None: a place in capitals, then at most
    a state, a date and an agency in parentheses ('WASHINGTON —', 'PARIS, Aug 31 (Reuters) -', 'NEW YORK (AP) —',
    'LA CROSSE, Wisc. —')."""
    if not tokens or not tokens[0].text.isupper() or len(tokens[0].text) < 2:
        return None
    for j, t in enumerate(tokens[:14]):
        if t.text in "—–-" and j > 0:
            return j if j + 1 < len(tokens) and tokens[j + 1].is_word else None
        if t.is_word and not (t.text.isupper() or t.low in MONTHS or t.low[:1].isdigit() or
                              (t.cap and _inside_parentheses(tokens, j)) or
                              (t.cap and tokens[j - 1].text == "," and j > 0)):  # a state: 'LA CROSSE, Wisc. —'
            return None
        if not t.is_word and t.text not in ",.()":
            return None
    return None


def _inside_parentheses(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` stands after an opening parenthesis not yet closed."""
    for t in reversed(tokens[:j]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


#: Tokens of a sentence's opening that :func:`subject` and :func:`plausible_subject` can read (at most about 25:
#: an opening adverbial up to its comma in the first sixteen, then a determiner subject of up to fifteen).
SUBJECT_TOKENS = 64
_NON_SPACE_RE = re.compile(r"\S")
#: A short apposition between commas right after a subject, opened by an article or an age: ', a Democrat,',
#: ', the county's chief engineer,', ', 46,'; at most eight words, no clause punctuation or quotation mark.
_APPOSITION_RE = re.compile(r",[^\S\n]+(?:(?:a|an|the)[^\S\n]+[^,;:()\"“”\n]{0,70}?|\d{1,3}),(?=[^\S\n]+[a-z])")
#: A non-restrictive relative clause between commas right after a subject, with no clause mark or quotation in it.
_RELATIVE_ASIDE_RE = re.compile(r",[^\S\n]+(?:who|whose)[^\S\n][^,;:()\"“”\n]{1,120}?,(?=[^\S\n]+[a-z])")
#: A party and state or a short gloss in parentheses right after a subject: ' (R)', ' (D-Ore.)'.
_GLOSS_RE = re.compile(r"[^\S\n]*\([^()\n]{1,12}\)")
_COMMA_RE = re.compile(",")
#: A word after a lower-case word or a comma: its text is a name used as a name (see :func:`_name_elsewhere`).
_AFTER_LOWER_RE = re.compile(r"(?<=[a-z,])\s+([^\W_]+(?:['’\-‐‑][^\W_]+)*)")
_NAME_LOOKUPS = 16  # distinct words searched one by one before every name of the document is listed at once


def blocked_between(cache: TokenCache, start: int, end: int) -> bool:
    """:func:`quotes_block`, or ``COORD_BLOCK_RE`` or ``COORD_CUE_RE`` matches in ``low[start:end]``, where
    ``start`` ends a word and ``end`` opens one (their words cannot straddle either end). A short range is
    searched in place, a long one read from the document's matches listed once (see :func:`_match_between`), so
    a rule looking from a subject to a far cue costs a bisect; the slice's own ends are checked as the slice
    would (``^'`` and ``'$`` of ``COORD_BLOCK_RE``)."""
    if end <= start:
        return False
    low = cache.low
    if low[start] == "'" or low[end - 1] == "'":
        return True
    return quotes_block(low, start, end) or _match_between(cache, COORD_BLOCK_RE, start, end) or \
        _match_between(cache, COORD_CUE_RE, start, end)


def quotes_block(low: str, start: int, end: int) -> bool:
    """Whether a double quotation mark in ``low[start:end]`` is not part of a short quotation that opens and
    closes there (at most 80 characters, one line); a range over 2,000 characters is blocked outright."""
    if end - start > _SEARCH_MAX:
        return True
    part = low[start:end]
    if '"' not in part and "“" not in part and "”" not in part:
        return False
    rest = _SHORT_QUOTATION_RE.sub("", part)
    return '"' in rest or "“" in rest or "”" in rest


_SPAN = operator.methodcaller("span")
#: Longest range searched directly by :func:`_match_between`; a longer one bisects the document's matches, so a
#: sentence that never ends costs linear time.
_SEARCH_MAX = 2000


def _match_between(cache: TokenCache, pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether a match of ``pattern`` found in one pass over the whole lower-cased text lies in ``[start, end)``
    (as :func:`.tokens.matches_between`), for the patterns of this module (single marks, whole words, a quotation
    mark next to a space) and a ``start`` that ends a word and an ``end`` that opens one.

    A short range is searched directly: no match there means no match of the whole text there either (the search
    tries every position, and sees the text before ``start``), and a match away from both ends is one of the
    whole text's (no match of the whole text can straddle into it). Otherwise the matches' ``(start, end)``,
    listed once per document without a Python loop, are bisected."""
    if end - start <= _SEARCH_MAX:
        found = pattern.search(cache.low, start, end)
        if found is None:
            return False
        if start < found.start() and found.end() < end:
            return True
    key = ("spans", pattern)
    spans = cache.memo.get(key)
    if spans is None:
        spans = cache.memo[key] = list(map(_SPAN, pattern.finditer(cache.low)))
    k = bisect.bisect_left(spans, (start,))
    return k < len(spans) and spans[k][1] <= end


def _name_elsewhere(text: str, word: str, memo: dict | None = None) -> bool:
    """Whether ``word`` is used as a proper name in ``text``: capitalised after a lower-case word or a comma.

    With a per-document ``memo``, each word is searched once, and past a few distinct words every such word of
    the document is listed in one pass (a search of the whole text per cue would make a long document
    quadratic)."""
    if memo is None:
        return _used_after_lower(text, word)
    names = memo.get("names_after_lower")
    if names is not None:
        return word in names
    seen = memo.setdefault("name_elsewhere", {})
    if word in seen:
        return seen[word]
    if len(seen) < _NAME_LOOKUPS:
        seen[word] = got = _used_after_lower(text, word)
        return got
    names = memo["names_after_lower"] = _names_after_lower(text)
    return word in names


_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _used_after_lower(text: str, word: str) -> bool:
    """``re.search(r"[a-z,]\\s+" + re.escape(word) + r"(?![\\w'’\\-])", text) is not None``, by ``str.find`` of the
    word and a look at the characters around each occurrence (no pattern compiled per word: most words are new to
    the regular-expression cache). ``\\s`` is ``str.isspace`` and ``\\w`` is ``str.isalnum`` or ``_``, character for
    character."""
    n, size = len(word), len(text)
    i = text.find(word, 1)
    while i != -1:
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if 0 < j < i and text[j - 1] in _LOWER_OR_COMMA:
            e = i + n
            if e >= size or not (text[e].isalnum() or text[e] in "_'’-"):
                return True
        i = text.find(word, i + 1)
    return False


def _names_after_lower(text: str) -> set[str]:
    """Every word ``w`` for which ``re.search(r"[a-z,]\\s+" + re.escape(w) + r"(?![\\w'’\\-])", text)`` finds a match:
    the word tokens after a lower-case letter or comma and white space, and their prefixes that end before a
    hyphen the look-ahead lets through (U+2010, U+2011)."""
    out: set[str] = set()
    n = len(text)
    for m in _AFTER_LOWER_RE.finditer(text):
        token = m.group(1)
        end = m.end(1)
        nxt = text[end] if end < n else ""
        if not (nxt and (nxt.isalnum() or nxt in "_'’-")):
            out.add(token)
        for k, ch in enumerate(token):
            if ch in "‐‑":
                out.add(token[:k])
    return out
