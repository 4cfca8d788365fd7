"""Checks on the noun phrase found before a verb cue (:func:`.phrases.left_np`) that read the words around it: a
phrase that is the object of a preposition is no subject, and a time span before a subject is no part of it.

Kept apart from :mod:`.phrases` (which finds the phrase): each check here looks at one or two tokens next to the
phrase and returns the phrase, a shorter one, or None.
"""

from __future__ import annotations

import operator

from .phrases import left_np
from .tokens import Token
from .words import APOSTROPHES, CLOSING_DOUBLE, DETERMINERS, OPENING_DOUBLE, QUOTE_CHARS, AttributionWords

#: Prepositions whose object a noun phrase right after them is, never a subject ('a war against Western
#: thought.'). Left out: those that also open a clause or a quantity (*after, before, since, until, as, like, than;
#: about, around, over, under, up to*: 'after Vale said', 'About 40 percent said').
_OBJECT_PREPOSITIONS = frozenset(("of", "in", "on", "at", "against", "from", "into", "onto",
                                  "through", "during", "among", "amongst", "between", "toward", "towards", "across",
                                  "despite", "amid", "amidst", "via", "within", "beyond", "upon", "throughout",
                                  "behind", "beside", "inside", "outside", "for"))
#: (*with* and *without* are left out too: their object is the subject of a participle after it, 'with polls
#: showing Vale ahead'.)
#: Spans of time that stand before a subject after *for*, *over* or *in* ('for decades some critics had
#: predicted', 'who for weeks had highlighted').
_TIME_SPANS = frozenset(("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
                         "generations", "ages"))
#: Prepositions before a time span ('for weeks', 'over decades').
_SPAN_PREPOSITIONS = frozenset(("for", "over", "in", "within", "after"))
#: Auxiliaries that stand before their subject in a question or after *nor* ('Nor did ... respond').
_INVERTED_AUXILIARIES = frozenset(("did", "do", "does", "has", "have", "had", "will", "would", "can", "could",
                                   "should", "is", "are", "was", "were"))
#: Determiners and quantifiers that open a noun phrase of their own after a time span.
_OPENERS = DETERMINERS | frozenset(("some", "many", "most", "several", "few", "all", "both", "other", "others"))


def refine_left(words: AttributionWords, left: list[Token], found, participle: bool = False):
    """``found`` (``(start, end, n_words)`` of :func:`.phrases.left_np` over ``left``, the tokens before the cue)
    checked against the words around it: None when the phrase is a preposition's object or only a time span; a
    shorter phrase when a time span opens it or an auxiliary ends it. ``participle``: the cue is a participle in
    *-ing*, whose subject may follow a preposition.

    Runs for every verb cue with a phrase before it, so the common case (none of these) reads three tokens and
    builds no list."""
    if found is None:
        return None
    start, end, n_words = found
    k = index_at(left, start)
    if k is None:
        return found
    if left[-1].low == "who" and len(left) >= 2 and left[-2].text == ",":
        return _who_names(words, left, k, found)
    share = _share_inside(left, k, end)
    if share is not None:
        return (left[share].start, end, sum(1 for x in left[share:] if x.is_word and x.end <= end))
    t = left[k]
    if t.is_word and not t.cap and t.low in _TIME_SPANS:
        return _after_time_span(words, left, k, end, participle)
    if not t.cap and t.low in _INVERTED_AUXILIARIES and k + 1 < len(left) and left[k + 1].is_word and \
            left[k + 1].end <= end:  # (lower case only: 'Will Estrada said' is a name)
        # an auxiliary before its subject ('Nor did the senator's office respond', 'And do leftists believe'): the
        # subject starts after it
        return refine_left(words, left, (left[k + 1].start, end, n_words - 1), participle)
    e = k
    while e + 1 < len(left) and left[e + 1].end <= end:
        e += 1  # the phrase's last token
    last = left[e]
    between = words.between
    if e > k and last.is_word and not last.cap and last.low in between:
        while e > k and left[e].is_word and not left[e].cap and left[e].low in between:
            e -= 1  # an auxiliary before a parenthetical: 'The State Department did, however, tell' -> the department
        end = left[e].end
        n_words = sum(1 for x in left[k:e + 1] if x.is_word)
    before = left[k - 1] if k > 0 else None
    if before is not None and before.is_word and not before.cap and before.low in _OBJECT_PREPOSITIONS and \
            not participle and e == k and not t.low[:1].isdigit() and \
            all(x.is_word and x.low in between for x in left[k + 1:]):
        # one word after a preposition, right before the cue, is its object ('a war against Western thought.', 'the
        # regime in Damascus worries'); not 'with Priebus, who has said' (the relative pronoun is the subject) nor a
        # participle's subject ('groups supporting', 'with polls showing'); a share keeps its number ('85% of
        # Democrats said')
        share = _share_start(left, k - 1)
        return None if share is None else (share, end, n_words + 2)
    if before is not None and before.low == "of" and k >= 2 and t.low not in words.pronouns:
        share = _share_start(left, k - 1)  # a share keeps its number before a longer phrase too: '77% of Dover
        if share is not None:  # residents believe'
            return (share, end, n_words + 2)
    return (start, end, n_words)


#: Prepositions after a noun that is no person, before the name a comma and *who* stand for ('a win for Tom Reyes,
#: who said', 'a campaign issue for Mrs. Quill, who said').
_WHO_PREPOSITIONS = frozenset(("for", "to", "of", "with", "from", "against", "by", "over", "about"))


#: Endings of nouns of people the lists may lack ('a producer for Tom Reyes, who', 'a strategist for', 'an ally of').
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ally", "aide")


def _who_names(words: AttributionWords, left: list[Token], k: int, found):
    """The antecedent of a comma and *who* after the phrase ``found`` (starting at ``left[k]``): the name that ends
    it when the noun before the name's preposition is no noun of people or organisations ('a campaign issue for Mrs.
    Quill, who said' -> Mrs. Quill: *who* stands for a person); else ``found`` ('the deputy mayor of Dover, who
    spoke', 'supporters of Tom Reyes, who say')."""
    e = len(left) - 3  # the phrase's last token, before ', who'
    j = e
    while j > k and (left[j].cap or (left[j].text == "." and left[j - 1].text in words.title_abbreviations)):
        j -= 1
    if j == e or j <= k or not left[j].is_word or left[j].low not in _WHO_PREPOSITIONS or \
            not left[j - 1].is_word or left[j - 1].cap or words.is_noun(left[j - 1].low) or \
            left[j - 1].low.endswith(_AGENT_ENDINGS) or left[j + 1].low in words.pronouns:
        return found
    return (left[j + 1].start, left[e].end, sum(1 for t in left[j + 1:e + 1] if t.is_word))


def name_before_relative(words: AttributionWords, left: list[Token]):
    """For a cue right after *who* set off by a comma after a capitalised name, when no phrase was found before it
    ('made no mention of Jeb Bush, who announced ...'): the name, ``(start, end, n_words)``, which the relative
    pronoun stands for; else None. The name is the run of capitalised words (and initials' or titles' periods)
    before the comma."""
    n = len(left)
    if n < 3 or left[-1].low != "who" or left[-2].text != "," or not (left[-3].is_word and left[-3].cap):
        return None
    k = n - 3
    titles = words.title_abbreviations
    while k > 0 and ((left[k - 1].is_word and left[k - 1].cap) or
                     (left[k - 1].text == "." and k > 1 and (left[k - 2].text in titles or len(left[k - 2].text) == 1))):
        k -= 1
    if left[k].low in words.pronouns or left[k].low in words.stop:
        return None
    return (left[k].start, left[n - 3].end, sum(1 for t in left[k:n - 2] if t.is_word))


def _after_time_span(words: AttributionWords, left: list[Token], k: int, end: int, participle: bool):
    """The phrase that opens with the time span ``left[k]``: from the determiner or quantifier after it ('for decades
    some critics had been predicting' -> 'some critics'); with none, the subject before *for weeks* ('Sanders, who
    for weeks had highlighted' -> who), or None."""
    inside = [x for x in left[k:] if x.end <= end and x.is_word]
    rest = next((x for x in inside[1:] if x.low in _OPENERS), None)
    if rest is None:
        if len(inside) == 1 and k >= 2 and left[k - 1].low in _SPAN_PREPOSITIONS:
            return refine_left(words, left[:k - 1], left_np(words, left[:k - 1]), participle)
        return None
    return refine_left(words, left, (rest.start, end, sum(1 for x in inside if x.start >= rest.start)), participle)


def _share_inside(left: list[Token], k: int, end: int) -> int | None:
    """The index of a share that opens the subject inside the phrase ``left[k:]`` (up to ``end``) after an opening
    prepositional phrase with no comma ('In that same poll 72 percent of Democrats say' -> '72 percent of Democrats';
    'Among Democrats 60 percent say') or after a poll's *found* ('The poll found 37 percent of voters said'): a number
    right after a word and before *percent* or *%*; else None ('A staggering 54 percent said' keeps its words)."""
    if _PERCENT.isdisjoint(map(_LOW, left[k + 1:])):
        return None  # (most phrases: no share in them, tested by C-level iteration)
    opening = any(x.is_word and x.low in _OPENING_PREPOSITIONS for x in left[max(0, k - 3):k + 1])
    for j in range(k + 1, len(left) - 1):
        t = left[j]
        if t.end > end:
            break
        if t.is_word and t.low[:1].isdigit() and left[j - 1].is_word and not left[j - 1].low[:1].isdigit() and \
                left[j + 1].low in ("percent", "%") and (
                    (opening and left[j - 1].low not in _SHARE_LEADS) or left[j - 1].low in _FINDING_VERBS):
            return j
    return None


_PERCENT = frozenset(("percent", "%"))
_LOW = operator.attrgetter("low")
#: Prepositions that open a sentence's adverbial phrase before its subject ('In that poll', 'Among Democrats').
_OPENING_PREPOSITIONS = frozenset(("in", "among", "across", "at", "for", "from", "on", "within", "of"))
#: Verbs of a poll's finding before a share that is the next verb's subject ('the poll found 37 percent of voters
#: said').
_FINDING_VERBS = frozenset(("found", "finds", "find", "showed", "shows", "show", "showing", "finding"))


#: Words that belong to a share before its number ('about 40 percent', 'nearly 60 percent', 'the 72 percent').
_SHARE_LEADS = frozenset(("about", "around", "nearly", "almost", "roughly", "some", "over", "under", "only", "just",
                          "fully", "the", "a", "than", "of", "and", "or", "to", "between", "least", "most", "another",
                          "approximately", "an", "estimated", "additional", "exactly", "barely", "more", "less"))


def _share_start(left: list[Token], of: int) -> int | None:
    """Where a share or count before *of* at ``left[of]`` starts ('85% of', '42 percent of', 'two of'), or None."""
    if left[of].low != "of" or of < 1:
        return None
    j = of - 1
    if left[j].low in ("%", "percent") and j >= 1:
        j -= 1
    t = left[j]
    if t.low[:1].isdigit() or t.low in _COUNTS:
        return t.start
    return None


#: Count words before *of* ('two of the delegates said', 'half of voters say').
_COUNTS = frozenset("one two three four five six seven eight nine ten dozens hundreds thousands half most many "
                    "some all none both each several few majority minority".split())




def comma_out_of_title(tokens: list[Token]) -> list[Token]:
    """``tokens`` (the words before a cue) with a comma set inside the closing quotation mark of a short quotation
    inside a phrase moved after the mark, where the comma belongs: the co-host of "The Five," said', 'speaking on
    "Face the Nation," said', 'a member of the "Gang of Eight," noted' (American punctuation puts the comma inside).
    Only when a word stands right before the opening mark (the quotation continues a phrase; a quotation that opens
    the clause, '"We lost," said', stays as it is) and a comma opened the phrase earlier in the window. The tokens
    themselves keep their offsets; otherwise ``tokens`` unchanged."""
    n = len(tokens)
    if n < 6 or tokens[-1].text not in CLOSING_DOUBLE or tokens[-2].text != "," or tokens[-2].end != tokens[-1].start:
        return tokens
    q = n - 3
    while q >= n - 16 and q >= 1:
        c = tokens[q].text
        if c in OPENING_DOUBLE:
            break
        if c in QUOTE_CHARS and c not in APOSTROPHES or c in ";:":
            return tokens
        q -= 1
    else:
        return tokens
    if q > n - 4 or q < 2 or not tokens[q - 1].is_word or not any(t.text == "," for t in tokens[:q - 1]):
        return tokens
    return tokens[:-2] + [tokens[-1], tokens[-2]]


def index_at(tokens: list[Token], start: int) -> int | None:
    """The index of the token starting at ``start``, or None."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].start == start:
            return k
        if tokens[k].start < start:
            return None
    return None
