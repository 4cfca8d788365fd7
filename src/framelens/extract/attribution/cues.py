"""Finding the candidate reporting cues of a document.

Cues come from the ``report_verb`` spans of the report_verbs pack, the
``cue``/``document_cue``/``no_response`` sections of ``source_types.txt``, and
three patterns of their own: *call* as a verb of characterisation, a fronted
'in a ... poll' and a speaker label ('Marr: ...'), and the attitude verbs of the
``attitude_verb`` packs (:mod:`.attitude`: their hits come from the shared
lexicon matcher, like the report verbs). Where candidates overlap, the one of the
lower priority value wins; an attitude verb has the highest value, so it never
displaces a reporting cue and the reporting cues are those found without it.

The word lists are looked for in one Aho-Corasick pass over the lower-cased
text (``ahocorasick_rs``, every match in one call): the automaton holds the
first word of every cue form and the key words of refusals to comment, and
Python runs only where it reports one. There the lists' compiled trie patterns are matched, so that the cues
found are those of one regular-expression pass over the whole text (leftmost,
longest, not overlapping; any white space between the words of a multi-word
form), which a pass of the patterns themselves costs several times more.
"""

from __future__ import annotations

import bisect
import operator
import re

import ahocorasick_rs

from .attitude import CATEGORY_PREFIX
from .records import Cue
from .words import MONTHS, AttributionWords, trie_pattern

#: *call* as a verb of characterisation ('called the plan "a relic"'); see :func:`.content.call_complement`.
CALL_RE = re.compile(r"call(?:ed|s|ing)?")
#: 'in' + a poll or survey ('In a Quill Institute poll released Monday, 52 percent ...', 'leads in the polls'): up
#: to six words of the noun phrase before the noun, none a clause word (checked by the in_poll rule). No word
#: character may stand right before 'in': tested after the literal 'in' (as ``(?<![^\W_])in``, but the literal
#: first lets the regular-expression engine jump from one 'in' to the next).
IN_POLL_RE = re.compile(r"in(?<![^\W_]in)\s+((?:[^\s,;:()\"“”‘’]+\s+){0,6}?(?:polls?|surveys?))"
                        r"(?![^\W_\-‐‑])")
#: What may follow the poll noun within its phrase: when it was released or taken, and by whom.
IN_POLL_TAIL_RE = re.compile(
    r"(?:\s+(?:released|conducted|published|taken)(?:\s+(?:on|in|last|this|earlier|late|early))?"
    r"(?:\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|"
    + "|".join(sorted(MONTHS)) + r"))"
    r"|\s+(?:last|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)"
    r"|\s+(?:released|conducted|published|commissioned|taken)\s+by\s+[^,;:.!?\"“”()]{1,60}?(?=,))(?![^\W_])",
    re.IGNORECASE)
#: A speaker label at the start of a sentence: one to six capitalised words (titles, initials, hyphens, a short
#: gloss in parentheses, 'and', 'of' or a lower-case noun such as 'camp' between them), a colon, and then text.
_LABEL_WORD = r"(?:[A-Z][\w’'\-]*\.?|\([^()\n]{1,12}\))"
COLON_LABEL_RE = re.compile(r"[\"“‘']?(" + _LABEL_WORD + r"(?:[^\S\n](?:" + _LABEL_WORD + r"|and|of|&|[a-z]+))"
                            r"{0,5}):(?=[^\S\n]+[\"“‘'A-Z]|[\"“‘'])")

#: A verb of regarding with its object and *as* ('see Quill as a threat', 'viewed the deal as a betrayal',
#: 'regard it as unfair', Levin 29.2 characterize verbs): the verb is an attitude cue of belief; *cast* ('cast
#: himself as an outsider') is a characterisation made in speech, a report verb (not 'cast their votes as'). One
#: to four words of object, no clause mark; after *as* no pronoun, time or degree word ('see the results as they
#: come in', 'saw it as soon as', 'see them as well'). The bare forms *see*/*saw*/*view* are no cues without *as*.
REGARD_AS_RE = re.compile(
    r"(?<![\w'’\-])(see|saw|seen|view|views|regard|regards|regarded|regarding|cast|casts|casting)\s+"
    r"(?!(?:(?:a|an|the|his|her|their|its|our)\s+)?(?:votes?|ballots?|lots?|doubts?|shadows?|nets?|spells?)\b)"
    r"(?:(?!as\b)[\w'’\-]+\s+){0,3}(?!as\b)[\w'’\-]+\s+as\s+"
    r"(?!(?:i|you|he|she|it|we|they|well|soon|long|much|many|far|if|though|usual|expected|part|of|to|for|"
    r"many|much|the\s+(?:result|results|day|days|year|years|week|weeks))\b)(?=[\w\"“])")
#: *as* as a whole word, where a regarding construction ends (searched first: tried at every position, the
#: pattern above cost about 3% of the analysis; read back from each *as* it costs a tenth of that).
_AS_RE = re.compile(r"\sas\s")
#: A light verb with a noun of speech as its object: 'offered his condolences', 'gave a blunt assessment', 'raised
#: concerns about', 'made the accusation', 'took issue with' (a speech act PARC-style coding counts as an
#: attribution; Levin 1993 and Pareti 2016 for the classes, the noun lists written for framelens). The verb is the
#: cue; up to two words may stand between it and the noun after an optional determiner or possessive. Each verb
#: family takes its own nouns (:data:`LIGHT_SPEECH_NOUNS`): nouns that only name a speech already reported ('made
#: his remarks', 'took questions') give no cue.
_SPEECH_NOUNS = frozenset((
    "praise criticism criticisms critique critiques warning warnings apology apologies assessment assessments "
    "explanation explanations response responses defense defence endorsement endorsements prediction predictions "
    "rebuttal retort thanks condolences congratulations promise promises pledge assurance assurances allegation "
    "allegations accusation accusations plea appeal argument arguments observation objection objections complaint "
    "complaints concern concerns answer answers reply compliment compliments tribute vow vows guarantee denial "
    "denials admission ultimatum threat threats testimony testimonials shout-out shoutout eulogy caveat rebuke "
    "reprimand doubts").split())
#: The nouns each family of light verbs takes (by the family's first letters, see :data:`_LIGHT_FAMILY`).
LIGHT_SPEECH_NOUNS = {
    "offer": _SPEECH_NOUNS, "give": _SPEECH_NOUNS, "deliver": _SPEECH_NOUNS, "voice": _SPEECH_NOUNS,
    "sound": frozenset(("warning", "warnings", "caveat", "note", "alarm")),
    "issue": _SPEECH_NOUNS, "lodge": _SPEECH_NOUNS, "level": _SPEECH_NOUNS,
    "raise": frozenset(("concern", "concerns", "objection", "objections", "doubts", "allegation", "allegations",
                        "complaint", "complaints", "alarm")),
    "make": frozenset(("accusation", "accusations", "allegation", "allegations", "argument", "plea", "appeal",
                       "promise", "promises", "pledge", "prediction", "predictions", "vow", "vows", "threat",
                       "threats", "observation", "admission", "guarantee", "apology", "complaint", "complaints")),
    "take": frozenset(("issue", "swipe", "swipes", "jab", "jabs", "dig", "digs")),
}
_LIGHT_FAMILY = {form: family for family, forms in (
    ("offer", "offer offers offered offering"), ("give", "give gives gave given giving"),
    ("deliver", "deliver delivers delivered delivering"), ("voice", "voice voices voiced voicing"),
    ("sound", "sound sounds sounded sounding"), ("issue", "issue issues issued issuing"),
    ("lodge", "lodge lodges lodged lodging"), ("level", "leveled levelled leveling levelling"),
    ("raise", "raise raises raised raising"), ("make", "make makes made making"),
    ("take", "take takes took taken taking")) for form in forms.split()}
_ALL_LIGHT_NOUNS = sorted(frozenset().union(*LIGHT_SPEECH_NOUNS.values()), key=len, reverse=True)
#: The light verb before a noun of speech, read back from the noun: the pattern ends where the noun starts. The
#: nouns are found first by one Aho-Corasick pass (a pattern opening with the sixty verb forms, tried at every
#: position of the text, cost about 4% of the analysis).
_LIGHT_VERB_BEFORE_RE = re.compile(
    r"(?<![\w'’\-])(" + "|".join(sorted(_LIGHT_FAMILY, key=len, reverse=True)) + r")\s+(?:[a-z]+ly\s+)?"
    r"(?:(?:a|an|the|his|her|their|its|our|my|your|some|several|two|three|few|no|more|this|these|new)\s+)?"
    r"(?:(?!(?:of|to|for|in|on|at|with|by|from|about|and|or|as)\s)[a-z][a-z\-]*\s+){0,2}\Z")
_LIGHT_NOUN_AC = ahocorasick_rs.AhoCorasick(_ALL_LIGHT_NOUNS, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _whole_word(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` stands alone: no letter, digit, underscore, apostrophe or hyphen on either side
    (stricter after the word than :func:`word_bounded`, which lets a possessive apostrophe follow)."""
    return not ((start and (low[start - 1].isalnum() or low[start - 1] in "_'’-")) or
                (end < len(low) and (low[end].isalnum() or low[end] in "_'’-")))


def light_speech_cues(low: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, noun, noun_end)`` of the light verbs of the lower-cased text whose noun of speech is one
    their family takes ('offered his condolences', 'raised concerns about', 'took issue with';
    :data:`LIGHT_SPEECH_NOUNS`)."""
    out = []
    read = 0  # where the last verb and its first noun end: that noun decides, and no verb opens inside them
    for _, start, end in _ac_matches(_LIGHT_NOUN_AC, low):
        if not _whole_word(low, start, end):
            continue
        m = _LIGHT_VERB_BEFORE_RE.search(low, max(0, start - 80, read), start)
        if m is None:
            continue
        read = end
        noun = low[start:end]
        if noun in LIGHT_SPEECH_NOUNS[_LIGHT_FAMILY[m.group(1)]]:
            out.append((m.start(1), m.end(1), noun, end))
    return out


def regard_as_cues(low: str):
    """The matches of :data:`REGARD_AS_RE` in the lower-cased text, read back from each *as*."""
    done = -1
    for a in _AS_RE.finditer(low):  # (a space before 'as': a look-behind there would be tried at every position)
        lo = max(done, a.start() - 60, 0)
        window = low[lo:a.start()]
        if "see" not in window and "saw" not in window and "view" not in window and "regard" not in window and \
                "cast" not in window:
            continue  # (no verb of regarding before this 'as': most are comparisons or clauses)
        m = REGARD_AS_RE.search(low, lo, min(len(low), a.end() + 40))
        while m is not None and m.end() <= a.start() + 1:
            m = REGARD_AS_RE.search(low, m.end(), min(len(low), a.end() + 40))
        if m is not None and m.start() < a.end():
            done = m.end()
            yield m
#: A participle after a comma later in the clause ('delivered a defense of "Harlow values," saying ...').
_PARTICIPLE_AFTER_RE = re.compile(r"[^.!?;:\n]{0,120}?,[\"”’']?\s+[a-z]+ing(?![\w])")
#: 'took issue' is a speech act only with *with* ('took issue with the ruling').
_ISSUE_WITH_RE = re.compile(r"\s+with(?![\w])")
#: A noun of saying credited with *from* ('criticism from Democrats', 'praise from the mayor', 'calls for his
#: resignation from party leaders'): up to three words between the noun and *from*, no clause mark; then a name,
#: a determiner or a capitalised word opens the source. *calls* counts only with *for* or *to* after it (not
#: phone calls from voters); *questions*, *threats* and *support* are left out (Q&A, acts, attitudes).
NOUN_FROM_NOUNS = {"criticism": "neutral", "criticisms": "neutral", "praise": "neutral", "condemnation": "neutral",
                   "condemnations": "neutral", "warnings": "neutral", "pushback": "neutral", "objections": "neutral",
                   "complaints": "neutral", "accusations": "neutral", "allegations": "distancing",
                   "denials": "neutral", "demands": "neutral", "calls": "neutral", "rebukes": "neutral",
                   "denunciations": "neutral", "appeals": "neutral", "pleas": "neutral"}
_NOUN_FROM_AC = ahocorasick_rs.AhoCorasick(sorted(NOUN_FROM_NOUNS),
                                           matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
#: From the noun's end: the words up to *from* (group 1) and where the source opens (group 2).
NOUN_FROM_TAIL_RE = re.compile(r"((?:[^\S\n]+[\w'’\-]+){0,3}?)[^\S\n]+from[^\S\n]+(?=([\"“]?[A-Za-z]))")


def noun_from_cues(low: str) -> list[tuple[int, int, str]]:
    """``(start, end, noun)`` of the nouns of saying followed by *from* and a source ('criticism from Democrats')."""
    out = []
    for _, start, end in _ac_matches(_NOUN_FROM_AC, low):
        if not _whole_word(low, start, end):
            continue
        m = NOUN_FROM_TAIL_RE.match(low, end)
        if m is None:
            continue
        gap = m.group(1).split()
        noun = low[start:end]
        if noun == "calls" and not (gap and gap[0] in ("for", "to")):
            continue  # ('calls from voters': telephone calls)
        if any(w in _NOUN_FROM_STOPS for w in gap):
            continue  # a clause between ('criticism that came from'), or another noun phrase's verb
        out.append((start, end, noun))
    return out


#: Words that may not stand between the noun and *from*.
_NOUN_FROM_STOPS = frozenset(("that", "which", "who", "and", "but", "or", "is", "was", "are", "were", "has", "have",
                              "had", "came", "come", "comes", "coming", "he", "she", "they", "it", "we", "i", "you",
                              "him", "her", "them", "us", "me", "away", "nominee", "nominees"))
#: The second word of the noun compounds of 'think' ('think tank', 'think pieces'), after it.
_THINK_NOUN_RE = re.compile(r"[^\S\n]+(?:tanks?|pieces?)(?![^\W_])")
#: What follows a physical 'point to' (a photo caption's 'points to a map', 'pointed to the crowd'): a thing one
#: points at with a hand, a determiner and a few common adjectives before it, and after it punctuation, a
#: preposition or a conjunction, not another noun ('points to the floor vote', 'the debt ceiling' stay cues).
_POINT_AT_THING_RE = re.compile(
    r"[^\S\n]+(?:(?:a|an|the|his|her|their|its|my|our|your)[^\S\n]+)?"
    r"(?:(?:large|big|giant|huge|small|nearby|cheering|packed|waiting|gathered|video)[^\S\n]+)?"
    r"(?:maps?|crowds?|audiences?|sky|skies|screens?|monitors?|doors?|windows?|ceiling|floor|stage|podium|lectern|"
    r"cameras?|flags?|walls?|whiteboard|scoreboard|reporters|supporters|spectators|fans|balcony|gallery|chest|"
    r"wrist|watch)"
    r"(?=[^\S\n]*(?:[.,;:!?)\"”]|$)|[^\S\n]+(?:of|in|at|on|during|behind|above|below|near|as|while|after|"
    r"before|and|with|from|to|outside|inside|across|during)(?![^\W_]))")
#: After and before a spoken quotation mark ('wrote, quote, "...", unquote'): a comma or colon, then the quotation.
_QUOTE_MARKER_RE = re.compile(r"[^\S\n]*[,:]?[^\S\n]*[\"“‘']")
_MARKER_BEFORE_RE = re.compile(r"[,:][^\S\n]*$")
#: Page furniture holding a cue word of the lists: 'Story Continued Below' (between paragraphs of web pages),
#: 'Continued on Page 4'. Each alternative opens with its letter and then looks behind it for a word character
#: (as ``(?<![^\W_])`` before the group, the same matches), so that the regular-expression engine jumps from one
#: 's' or 'c' to the next instead of trying the look-behind at every position (2.3x faster).
_FURNITURE_CUE_RE = re.compile(r"(?:s(?<![^\W_]s)tory\s+continue[sd]\s+below"
                               r"|c(?<![^\W_]c)ontinue[sd]\s+(?:on|from)\s+page)(?![^\W_])")
#: A noun of saying after a possessive and before its *that* or *to* complement ("Quill's claim that", "his call
#: to", "the campaign's repeated insistence that"): group 1 is the noun, with its stance (see :data:`NOUN_CUES`).
NOUN_CUES = {
    "claim": "distancing", "claims": "distancing", "assertion": "distancing", "assertions": "distancing",
    "allegation": "distancing", "allegations": "distancing", "insistence": "distancing", "contention": "distancing",
    "admission": "endorsing", "acknowledgment": "endorsing", "acknowledgement": "endorsing", "boast": "evaluative",
    "accusation": "neutral", "accusations": "neutral", "charge": "neutral", "charges": "neutral", "denial": "neutral",
    "warning": "neutral", "warnings": "neutral", "promise": "neutral", "promises": "neutral", "pledge": "neutral",
    "vow": "neutral", "threat": "neutral", "threats": "neutral", "call": "neutral", "calls": "neutral",
    "demand": "neutral", "demands": "neutral", "suggestion": "neutral", "prediction": "neutral",
    "predictions": "neutral", "argument": "neutral", "statement": "neutral", "announcement": "neutral",
    "remarks": "neutral", "comments": "neutral", "testimony": "neutral"}
#: What stands before a noun of saying, searched in the lower-cased text: a possessive pronoun (group 1), or a word
#: (group 2) with 's or a plural's bare apostrophe (group 3), then at most one modifier ("quill's repeated claim").
#: The cue finder and the ``noun_cue`` rule read the same pattern, so every noun cue found has its possessor.
NOUN_CUE_POSSESSOR_RE = re.compile(r"(?:(?<![^\W_])(his|her|their|its|our)|(?<![^\W_])([^\W_][^\s'’]*?)(['’]s?))"
                                   r"[^\S\n]+(?:[a-z\-]+[^\S\n]+)?$")
#: The nouns of saying with their complement word ('claim that', 'call to'), one space between, for one
#: Aho-Corasick pass (a regular expression of the alternatives, tried at every position, cost ten times more).
_NOUN_CUE_FORMS = [f"{noun} {comp}" for noun in NOUN_CUES for comp in ("that", "to")]
_NOUN_CUE_AC = ahocorasick_rs.AhoCorasick(_NOUN_CUE_FORMS, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def noun_cues(low: str) -> list[tuple[int, int, str]]:
    """``(start, end, noun)`` of every noun of saying in the lower-cased text that stands after a possessive and
    before *that* or *to* ("quill's claim that", "his call to"), as whole words."""
    out = []
    n = len(low)
    try:
        found = _NOUN_CUE_AC.find_matches_as_indexes(low)
    except UnicodeEncodeError:  # lone surrogates: see _all_matches
        found = _NOUN_CUE_AC.find_matches_as_indexes(_SURROGATE_RE.sub("\ufffd", low))
    for i, start, end in found:
        if (start and (low[start - 1].isalnum() or low[start - 1] == "_")) or \
                (end < n and (low[end].isalnum() or low[end] == "_")):
            continue
        if NOUN_CUE_POSSESSOR_RE.search(low, max(0, start - 60), start):
            noun = _NOUN_CUE_FORMS[i].split(" ", 1)[0]
            out.append((start, start + len(noun), noun))
    return out


# priorities: a lower value wins an overlap (a noun of saying after a possessive wins over its verb reading:
# "Quill's claims that" is no verb 'claims')
_NOUN_CUE = -1
_NO_RESPONSE, _REPORT_VERB, _DOCUMENT_CUE, _CUE, _COLON, _CALL, _IN_POLL = 0, 1, 2, 3, 4, 5, 6
#: The priority of an attitude verb: after every other cue, so that it never changes which of them are kept.
ATTITUDE_PRIORITY = 7
# what the automaton's keys open (bit flags: a key may open forms of several lists)
_CUE_KEY, _DOCUMENT_CUE_KEY, _NO_RESPONSE_KEY = 1, 2, 4
_by_priority_and_start = operator.itemgetter(0, 1)


def words_compile(forms) -> re.Pattern | None:
    """A case-sensitive trie pattern for lower-case ``forms``, run on the lower-cased text (much faster than
    IGNORECASE); word boundaries are checked on each match by :func:`find_words`."""
    forms = [f.lower() for f in forms]
    if not forms:
        return None
    # multi-word forms are matched with single spaces replaced by any white space
    pattern = trie_pattern(forms).replace(r"\ ", r"\s+").replace(" ", r"\s+")
    return re.compile(pattern)


def first_words(forms) -> list[str] | None:
    """The literal opening of each lower-case form of :func:`words_compile`'s pattern (up to its first space,
    where the pattern allows any white space), or None when one has none."""
    out = []
    for f in forms:
        head = f.lower().split(" ", 1)[0]
        if not head or "\\" in head:
            return None
        out.append(head)
    return out


#: Lone surrogates (a JSON "\\ud800" escape), which ``ahocorasick_rs`` cannot encode.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _ac_matches(automaton, low: str) -> list[tuple[int, int, int]]:
    """The non-overlapping matches of ``automaton`` in ``low`` (lone surrogates replaced, see
    :func:`_all_matches`)."""
    try:
        return automaton.find_matches_as_indexes(low)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE_RE.sub("\ufffd", low))


def _all_matches(automaton, low: str) -> list[tuple[int, int, int]]:
    """Every ``(key index, start, end)`` of ``automaton`` in ``low``, overlapping ones included, in one call."""
    try:
        return automaton.find_matches_as_indexes(low, overlapping=True)
    except UnicodeEncodeError:
        # no key holds a lone surrogate or U+FFFD, and both are one character: the same matches at the same places
        return automaton.find_matches_as_indexes(_SURROGATE_RE.sub("\ufffd", low), overlapping=True)


def finditer_at(pattern: re.Pattern, low: str, starts) -> list[tuple[int, int]]:
    """``(start, end)`` of the matches of ``pattern.finditer(low)``, tried only at ``starts`` (sorted): the same
    matches when every place where ``pattern`` can match is among ``starts`` (finditer takes the leftmost match,
    then looks again from its end; a start listed twice changes nothing)."""
    out = []
    last = 0
    match = pattern.match
    for p in starts:
        if p < last:
            continue
        m = match(low, p)
        if m is not None:
            last = m.end()
            out.append((p, last))
    return out


def word_bounded(found, low: str):
    """The ``(start, end)`` of ``found`` that are a whole word or word sequence in ``low`` (no letter, digit,
    underscore, hyphen or apostrophe before; no letter, digit, underscore or hyphen after)."""
    n = len(low)
    for start, end in found:
        if start > 0:
            c = low[start - 1]
            if c.isalnum() or c in "_’'-":
                continue
        if end < n:
            c = low[end]
            if c.isalnum() or c in "_-":
                continue
        yield start, end


def find_words(pattern: re.Pattern, low: str):
    """``(start, end)`` of every match of ``pattern`` in ``low`` that is a whole word or word sequence."""
    return word_bounded((m.span() for m in pattern.finditer(low)), low)


#: Prefixes a hyphen joins to a verb that stays a verb ('re-tweeted', 'co-wrote', 'cross-examined').
_VERB_PREFIXES = frozenset(("re", "co", "pre", "mis", "cross", "counter", "over", "under", "out", "up", "down",
                            "back", "fore", "inter", "de", "dis", "un"))


def _compound_before(low: str, start: int) -> bool:
    """Whether the word glued by the hyphen before ``low[start]`` makes an adjective compound of the verb form
    after it ('court-ordered', 'self-described', 'long-promised'), not a prefixed verb ('re-tweeted')."""
    i = start - 1
    j = i
    while j > 0 and low[j - 1].isalpha():
        j -= 1
    return j < i and low[j:i] not in _VERB_PREFIXES


class CueFinder:
    """The cue patterns of one extractor's word lists, compiled once, and the automaton of their first words."""

    def __init__(self, words: AttributionWords):
        lex = words.lex
        self.cues = lex.cues
        self.document_cues = lex.document_cues
        self.cue_re = words_compile(lex.cues)
        self.document_cue_re = words_compile(lex.document_cues)
        self.no_response_re = re.compile(
            r"(?<![\w’'])(?:" + "|".join(f"(?:{p})" for p in lex.no_response) + r")(?![\w])",
            re.IGNORECASE) if lex.no_response else None
        self.no_response_key_re = words.no_response_key_re
        # the automaton's keys, each with the lists whose forms it opens (flags); a list whose forms have no
        # literal opening is searched by its own pattern instead (self._scanned lacks its flag)
        keys: dict[str, int] = {}
        self._scanned = 0
        for flag, forms in ((_CUE_KEY, lex.cues), (_DOCUMENT_CUE_KEY, lex.document_cues),
                            (_NO_RESPONSE_KEY, words.no_response_keys)):
            heads = first_words(forms)
            if forms and heads is not None:
                self._scanned |= flag
                for head in heads:
                    keys[head] = keys.get(head, 0) | flag
        self._keys = list(keys)
        self._key_flags = [keys[k] for k in self._keys]
        self._automaton = None  # built on first use (and again after unpickling: it does not pickle)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_automaton"] = None
        return state

    def _openings(self, low: str) -> tuple[list[int], list[int], list[int]]:
        """Where a key of each list (cues, document cues, refusal keys) opens in ``low``: sorted starts (a start
        may repeat)."""
        cue: list[int] = []
        document: list[int] = []
        refusal: list[int] = []
        if self._keys:
            if self._automaton is None:
                self._automaton = ahocorasick_rs.AhoCorasick(self._keys)
            lists = (None, (cue,), (document,), (cue, document), (refusal,), (cue, refusal), (document, refusal),
                     (cue, document, refusal))  # by the key's flags
            flags = self._key_flags
            for key, start, _ in _all_matches(self._automaton, low):
                for starts in lists[flags[key]]:
                    starts.append(start)
            cue.sort()
            document.sort()
            refusal.sort()
        return cue, document, refusal

    def _matches(self, pattern: re.Pattern, flag: int, low: str, starts: list[int]) -> list[tuple[int, int]]:
        """The matches of ``pattern.finditer(low)``: tried at the automaton's ``starts`` when its list is in the
        automaton."""
        if self._scanned & flag:
            return finditer_at(pattern, low, starts)
        return [m.span() for m in pattern.finditer(low)]

    def find(self, text: str, seg, spans, low: str, attitudes=()) -> list[Cue]:
        """The cues of a document in text order, overlaps resolved by priority.

        ``attitudes``: ``(start, end, class)`` of the attitude verbs (:func:`.attitude.attitude_hits`); each becomes
        a cue of kind ``cue`` and category ``attitude:<class>`` unless it overlaps another cue."""
        cue_starts, document_starts, refusal_starts = self._openings(low)
        # candidates: (priority, start, end, stance, kind, category); a Cue is made only for those kept
        candidates: list[tuple] = self._no_responses(text, low, refusal_starts)
        for s in [s for s in spans if s.kind == "report_verb"]:  # (a filter first: most spans are of other kinds)
            if s.attrs.get("use", "use") != "use" or (
                    low[s.start - 1:s.start] == "-" and _compound_before(low, s.start)) or (
                    low[s.end:s.end + 1] == "-" and low[s.end + 1:s.end + 2].isalpha()):
                continue  # ('a court-ordered release', 'the self-described expert', 'add-on measures', 'a tell-all
                # book': a compound)
            if low.startswith("quote", s.start, s.end) and _QUOTE_MARKER_RE.match(low, s.end) and \
                    _MARKER_BEFORE_RE.search(low, max(0, s.start - 3), s.start):
                continue  # 'said, quote, "..."': the spoken mark of a quotation, no verb
            category = s.attrs.get("category")
            kind = "according_to" if category == "according_to" else "report_verb"
            candidates.append((_REPORT_VERB, s.start, s.end, s.attrs.get("stance") or "neutral", kind, category))
        if self.document_cue_re is not None:
            for start, end in word_bounded(self._matches(self.document_cue_re, _DOCUMENT_CUE_KEY, low,
                                                         document_starts), low):
                form = " ".join(low[start:end].split())
                if form in self.cues:
                    continue  # also a general cue ("estimated"): handled as one, documents included
                candidates.append((_DOCUMENT_CUE, start, end, self.document_cues.get(form, "neutral"),
                                   "document_cue", "document"))
        if self.cue_re is not None:
            furniture = [m.span() for m in _FURNITURE_CUE_RE.finditer(low)] if "continue" in low else []
            for start, end in word_bounded(self._matches(self.cue_re, _CUE_KEY, low, cue_starts), low):
                if furniture and any(a <= start and end <= b for a, b in furniture):
                    continue  # 'Story Continued Below' between paragraphs: page furniture, not a cue
                form = " ".join(low[start:end].split())
                if form == "think" and _THINK_NOUN_RE.match(low, end):
                    continue  # 'a think tank', 'a think piece': a noun compound, no verb of cognition
                if form[:5] == "point" and _POINT_AT_THING_RE.match(low, end):
                    continue  # 'points to a map', 'pointed to the crowd': a gesture, nobody's claim
                candidates.append((_CUE, start, end, self.cues.get(form, "neutral"), "cue", "cognition"))
        for start, end in find_words(CALL_RE, low):  # 'Marr called the plan "a relic"'
            candidates.append((_CALL, start, end, "neutral", "call", "call"))
        for start, end, noun in noun_cues(low):  # "Quill's claim that ...": the possessor is the source
            candidates.append((_NOUN_CUE, start, end, NOUN_CUES[noun], "noun_cue", "speech"))
        for start, end, noun in noun_from_cues(low):  # 'criticism from Democrats': the source after 'from'
            candidates.append((_NOUN_CUE, start, end, NOUN_FROM_NOUNS[noun], "noun_from", "speech"))
        # 'in a Quill Institute poll': the poll is the source (every match holds 'poll' or 'survey': a text with
        # neither, three in four news articles, is not scanned)
        if "poll" in low or "survey" in low:
            for m in IN_POLL_RE.finditer(low):
                candidates.append((_IN_POLL, m.start(), m.start() + 2, "neutral", "in_poll", "document"))
        # a speaker label: 'Marr: We will appeal.' (only a sentence with a colon can hold one; the sentences are
        # in order and do not overlap, so each colon's sentence is the last one opening at or before it, and the
        # sentences are read once each, in order, without a pass over those with no colon)
        sentences = seg.sentences
        done = -1
        colon = text.find(":")
        while colon >= 0:
            index = seg.sentence_at(colon)
            sentence_start, sentence_end = sentences[index]
            if index != done and sentence_start <= colon < sentence_end:
                done = index
                m = COLON_LABEL_RE.match(text, sentence_start, sentence_end)
                if m is not None:
                    candidates.append((_COLON, m.end(1), m.end(1) + 1, "neutral", "colon", "colon"))
            colon = text.find(":", colon + 1)
        for start, end, noun, noun_end in light_speech_cues(low):  # ('offered his condolences', 'raised concerns')
            if (noun == "issue" and not _ISSUE_WITH_RE.match(low, noun_end)) or \
                    _PARTICIPLE_AFTER_RE.match(low, noun_end):
                continue  # ('raised the issue': no speech act of its own; 'delivered a defense of X, saying ...':
                # the participle reports the same act)
            candidates.append((_REPORT_VERB, start, end, "neutral", "report_verb", "speech"))
        for start, end, category in attitudes:
            candidates.append((ATTITUDE_PRIORITY, start, end, "neutral", "cue", CATEGORY_PREFIX + category))
        if " as " in low:
            for m in regard_as_cues(low):  # ('voters see Quill as a threat')
                if m.group(1).startswith("cast"):  # 'cast himself as an outsider': a characterisation, said
                    candidates.append((_REPORT_VERB, m.start(1), m.end(1), "evaluative", "report_verb",
                                       "characterization"))
                else:
                    candidates.append((ATTITUDE_PRIORITY, m.start(1), m.end(1), "neutral", "cue",
                                       CATEGORY_PREFIX + "belief"))
        return _resolve_overlaps(candidates)

    def _no_responses(self, text: str, low: str, key_starts: list[int]) -> list[tuple]:
        """Refusals to comment, looked for only near one of their key words."""
        if self.no_response_re is None:
            return []
        found = []
        seen = -1
        for key_start, key_end in self._matches(self.no_response_key_re, _NO_RESPONSE_KEY, low, key_starts):
            if key_start < seen:
                continue
            window_start = max(0, key_start - 60)
            for m in self.no_response_re.finditer(text, window_start, min(len(text), key_end + 80)):
                if m.start() >= seen:
                    found.append((_NO_RESPONSE, m.start(), m.end(), "neutral", "no_response", "no_response"))
                    seen = m.end()
            seen = max(seen, key_end)
        return found


def _resolve_overlaps(candidates: list[tuple]) -> list[Cue]:
    """Keep each candidate that overlaps no candidate of a lower priority value (or an earlier one of the same);
    a document verb that coincides with a report verb ("the data said") keeps the report verb."""
    candidates.sort(key=_by_priority_and_start)  # stable: equal keys keep the order they were found in
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for _, start, end, stance, kind, category in candidates:
        i = bisect.bisect_left(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        taken.insert(i, (start, end))
        out.append(Cue(start, end, stance, kind, category))
    out.sort(key=operator.attrgetter("start"))
    return out
