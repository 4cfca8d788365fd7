"""Where a source mention starts and ends: page furniture and words that refer to no one dropped from its start
('Advertisement Brandt' -> 'Brandt'), phrases that are no source at all ('On Sunday'), and the apposition or
relative pronoun that belongs to the mention ('Paul Maslin, a Democratic pollster, said').

Split from :mod:`.phrases` (which finds the phrase itself).
"""

from __future__ import annotations

import re

from .phrases import dash_before
from .tokens import Token, TokenCache
from .words import (ARTICLES_AND_POSSESSIVES, CAPTION_PAIRS, DAY_PARTS, FURNITURE_PAIRS, MODALS, NEGATORS,
                    NON_REFERENTIAL_WORDS, NP_PREPOSITIONS, PAGE_FURNITURE, PARTY_LABEL_RE, PHOTO_CREDITS,
                    RELATIVE_PRONOUNS, AttributionWords, time_adverbial_end)

#: Nouns of time after 'this' ('this morning', 'this week'): no source.
_THIS_TIMES = DAY_PARTS | frozenset(("week", "weekend", "month", "year", "spring", "summer", "fall", "autumn", "winter",
                                     "season", "term", "session", "cycle", "time", "afternoon", "evening", "morning",
                                     "happen"))
#: A clock time glued to the word after it in live blogs ('1:35PMChris Christie' -> the token '35PMChris').
_TIMESTAMP_RE = re.compile(r"\d{1,2}(?:AM|PM|am|pm)(?=[A-Z])")


def trim_non_referential(cache: TokenCache, src_start: int, src_end: int) -> int | None:
    """Where a source phrase starts once the page furniture and non-referential words that open it are dropped
    ('Advertisement Brandt' -> 'Brandt'; see :data:`.words.NON_REFERENTIAL`); None when nothing else is left
    ('Share', 'There', 'that'). Furniture words and pairs ('Story highlights') count only capitalised (site chrome
    is), adverbs in any case."""
    tokens = cache.exact(src_start, src_end)
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].cap and (tokens[k].low, tokens[k + 1].low) in CAPTION_PAIRS:
            tokens = tokens[k + 2:]  # a video or image caption's label before the source: '... on your device
            break  # Media caption Justice department says' -> 'Justice department'
    head = next((t for t in reversed(tokens) if t.is_word), None)
    if head is not None and ((head.cap and head.low in PAGE_FURNITURE) or head.low in NON_REFERENTIAL_WORDS):
        return None  # the head word is page furniture ('... Share Comments (69)') or refers to no one ('There')
    named = _name_after_fronted_phrase(cache, tokens, src_start)
    if named is not None:
        return named
    skip = time_adverbial_end(tokens, 0) or 0  # 'Last year Tom Reyes said', 'On Monday the council voted': a time,
    # then the source
    if skip and (skip >= len(tokens) or not tokens[skip].is_word):
        skip = 0
    elif skip and tokens[skip].low in _AFTER_TIME_PREPOSITIONS:
        return None  # ('a tour this week for Rubio revealed': the phrase's head is not in it)
    for k, t in enumerate(tokens):
        if k == 0 and t.is_word and not skip:
            stamp = _TIMESTAMP_RE.match(t.text)
            if stamp is not None and stamp.end() < len(t.text):
                return t.start + stamp.end()  # a live blog's time glued to the name: '35PMChris Christie'
        if skip:
            skip -= 1
            continue
        if not t.is_word:
            continue
        if t.low == "this" and k + 1 < len(tokens) and tokens[k + 1].is_word and \
                tokens[k + 1].low not in _THIS_TIMES:
            return t.start  # a determiner: 'this reporter', 'This group' ('this' alone refers to no source, 'this
            # morning' to a time)
        if t.low in NON_REFERENTIAL_WORDS or (t.low in NEGATORS and not _first_name(cache.text, t)) or \
                t.low == "t" or t.low.endswith(("n't", "n’t")) \
                or (t.cap and t.low in PAGE_FURNITURE):
            continue
        if t.cap and k + 2 < len(tokens) and (t.low, tokens[k + 1].low) in PHOTO_CREDITS and tokens[k + 2].cap:
            skip = 1  # 'AP Photo Tillerson urges' -> 'Tillerson'
            continue
        if t.cap and k + 1 < len(tokens) and (t.low, tokens[k + 1].low) in FURNITURE_PAIRS:
            skip = 1  # 'Story highlights Conservatives said' -> 'Conservatives'
            continue
        return t.start
    return None


#: A preposition that opens its sentence (or paragraph) right before a source phrase: 'During the rally Reyes ...'.
_FRONTED_PREPOSITION_RE = re.compile(r"(?:^|[.!?\"”’]\s+|\n\s*)(?:During|At|In|After|Before|Following|Since|"
                                     r"Despite|On|From|With|Throughout|Amid)\s+$")
_OBJECT_DETERMINERS = ARTICLES_AND_POSSESSIVES | {"this", "that"}


def _name_after_fronted_phrase(cache: TokenCache, tokens: list[Token], src_start: int) -> int | None:
    """Where the name starts when a source phrase is a fronted prepositional phrase's object run into the name
    after it for want of a comma ('During the rally Reyes criticized', 'In her statement Ms. Quill said'): the
    object is a determiner and one to three lower-case words, the rest of the phrase capitalised words. None
    otherwise."""
    if len(tokens) < 3 or tokens[0].low not in _OBJECT_DETERMINERS or \
            _FRONTED_PREPOSITION_RE.search(cache.text, max(0, src_start - 16), src_start) is None:
        return None
    k = 1
    while k < len(tokens) and tokens[k].is_word and not tokens[k].cap and tokens[k].low not in _OBJECT_DETERMINERS \
            and tokens[k].low not in NP_PREPOSITIONS and tokens[k].low != "of":
        k += 1  # (not 'the release of the CBO report': the object has a phrase of its own)
    if not 2 <= k <= 4 or k >= len(tokens) or not tokens[k].cap or \
            not all(t.cap or t.text == "." for t in tokens[k:]):
        return None
    return tokens[k].start


#: Prepositions after a time adverbial inside a phrase ('a tour this week for Rubio'): what follows is no source.
_AFTER_TIME_PREPOSITIONS = NP_PREPOSITIONS | frozenset(("for", "of", "by", "about", "than"))
#: The word a source mention ends with, read back from its end: letters, and the periods and hyphens of an
#: initialism ('U.S', 'A.F.L.-C.I.O').
_LAST_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.\-]*\Z")
#: An initialism with its inner periods ('U.S', 'D.C', 'A.F.L.-C.I.O') or a single capital (an initial: 'J').
_INITIALISM_RE = re.compile(r"(?:[A-Z]{1,3}\.-?)+[A-Z]{1,3}|[A-Z]")


def abbreviation_end(words: AttributionWords, text: str, src_start: int, src_end: int) -> int:
    """Where a source mention ends once the period of the abbreviation it ends with is kept ('opposed by the
    U.S.', 'said Richard Roe, president of the A.F.L.-C.I.O.', 'Joseph R. Biden Jr.'): the period belongs to
    the word even when it also ends the sentence. A word counts when it is an initial, an initialism with inner
    periods, or an abbreviation of the list written as listed ('Jr', 'Inc', 'Calif'); 'said Quill.' keeps its
    end."""
    if text[src_end:src_end + 1] != "." or src_end <= src_start:
        return src_end
    m = _LAST_WORD_RE.search(text, max(src_start, src_end - 30), src_end)
    if m is None or (m.start() > src_start and text[m.start() - 1].isalnum()):
        return src_end
    word = m.group()
    if _INITIALISM_RE.fullmatch(word) or (word in words.abbreviations and word[:1].isupper()):
        return src_end + 1
    return src_end


def mention_end(words: AttributionWords, text: str, start: int, end: int) -> int:
    """Where a source mention ends with what belongs to its last word: the period of an abbreviation
    (:func:`abbreviation_end`) and a party label ('Sen. Chris Murphy (D-Conn.) said' -> the mention is
    'Sen. Chris Murphy (D-Conn.)'; the source stays the name) and the closing quotation mark after a comma set
    inside it ('Tom Reyes, the author of "Dover Days,"': :func:`.left_subject.comma_out_of_title`)."""
    if text[end - 1:end] == "," and text[end:end + 1] in ('"', "”"):
        return end + 1
    end = abbreviation_end(words, text, start, end)
    m = PARTY_LABEL_RE.match(text, end)
    return m.end() if m is not None and text[end - 1:end].isalpha() else end


def _first_name(text: str, t: Token) -> bool:
    """Whether a capitalised negator's letters are a first name ('Don Roe'), not a contraction ("Don't")."""
    return t.cap and text[t.end:t.end + 1] not in "'’" and text[t.end + 1:t.end + 2].isupper()


def not_a_source(words: AttributionWords, cache: TokenCache, src_start: int, src_end: int,
                 cue_start: int | None = None) -> bool:
    """A phrase made only of time words, adverbs, numbers and function words ('On Sunday', 'Meanwhile'); a lone
    *another* right before its verb (at ``cue_start``) is a source ('while another says')."""
    function_words = words.not_source_words
    tokens = cache.exact(src_start, src_end)
    if len(tokens) == 1 and tokens[0].low == "another" and cue_start is not None and \
            cache.text[src_end:cue_start].isspace():
        return False  # 'One voter praised the plan, while another says': a pronoun right before its verb
    if (tokens and tokens[0].low in ("let", "lets") and (len(tokens) == 1 or tokens[1].low in ("me", "us"))) or \
            (len(tokens) == 1 and tokens[0].low in ("let’s", "let's")):
        return True  # 'Let me add one thing', "Let's say": the writer's or speaker's own offer, nobody cited
    if len(tokens) == 2 and tokens[0].low in ("a", "an") and not tokens[1].cap and \
            tokens[1].low.endswith(_ADJECTIVE_ENDINGS) and not words.is_noun(tokens[1].low) and \
            not words.is_noun(tokens[1].low + "s"):
        # 'an amusing thought experiment', 'on an optimistic note': a singular indefinite with an adjective and no
        # noun (a noun of people whose plural is listed stays: 'a conservative said')
        return True
    for t in tokens:
        if t.is_word and not (t.low in function_words or _NUMBER_RE.match(t.low)):
            return False
        if t.cap and t.low in words.between:
            return False  # a name spelt like an auxiliary or adverb: 'Will wrote', 'Long said'
    return True


#: Endings of adjectives ('amusing', 'optimistic', 'hopeful', 'dangerous', 'massive', 'political').
_ADJECTIVE_ENDINGS = ("ing", "ic", "ous", "ful", "ive", "less", "able", "ible", "al", "ish")
#: A number, year, ordinal, share or time ('2016', '1990s', '3rd', '52%', '10:30'); not a compound such as
#: '46-year-old', which names a person.
_NUMBER_RE = re.compile(r"\d[\d,.:/%]*(?:s|st|nd|rd|th|am|pm|m|bn|k)?$")


def left_mention(words: AttributionWords, left: list[Token], src_start: int, src_end: int):
    """The mention as written when it is more than the source phrase before the cue.

    An apposition or non-restrictive clause between the source and the cue belongs to the mention
    ('Paul Maslin, a Democratic pollster, said' -> the span runs to the second comma; ``source`` stays
    'Paul Maslin'); a relative pronoun right before the cue is the mention itself ('Barkley, who said' ->
    'who', ``source`` 'Barkley', ``resolved_from`` 'who'). ``(start, end)`` or None."""
    i = words.skip_back(left, len(left) - 1)
    if i < 0:
        return None
    t = left[i]
    if t.start >= src_end and dash_before(left, i) is not None:
        return (src_start, t.end)  # 'Democrats — and some Republicans — say'
    if t.text in ",)" and t.start >= src_end:
        if t.text == "," and _adverbial_aside(words, left, i, src_end):
            return None  # 'Sanders, meanwhile, said', 'officials, in fact, insist': an aside, not an apposition
        return (src_start, t.end)
    if t.is_word and t.low in RELATIVE_PRONOUNS and t.start >= src_end:
        return (t.start, t.end)
    return None


def _adverbial_aside(words: AttributionWords, left: list[Token], i: int, src_end: int) -> bool:
    """Whether the words between the source phrase (ending at ``src_end``) and the comma ``left[i]`` are only an
    adverbial aside (', meanwhile,', ', in fact,', ', once again,', ', too,'), or open with a preposition, a
    subordinator or a participle (:func:`_opens_aside`)."""
    k = i - 1
    inner = []
    while k >= 0 and left[k].start >= src_end and left[k].text != ",":
        inner.append(left[k])
        k -= 1
    if not inner or any(not t.is_word for t in inner):
        return False
    if k >= 0 and left[k].start <= src_end and _opens_aside(inner[::-1]):
        return True  # (the aside opens at the comma right after the source, not inside a clause before it)
    n = words.adverbials.ending_at(left, i - 1)
    if n == len(inner):
        return True
    return all(t.low in words.adverbial_words or t.low in words.between or t.low in _ASIDE_WORDS or
               (len(t.low) > 4 and t.low.endswith("ly")) for t in inner)


def _opens_aside(inner: list[Token]) -> bool:
    """Whether the words between two commas after a source open an adverbial, not an apposition: a preposition, a
    subordinator or a participle ('Mr. Trump, in a brief interview on Saturday, said', "Powell's office, when
    contacted by Reuters, said", 'Sen. Reyes, noting the size of the crowd, said'). An affiliation (', at the
    Harlow Institute,'), a role in -ing (', managing director of'), a list (', including the Ledger,') and *as
    well as* stay part of the mention."""
    first = inner[0]
    second = inner[1].low if len(inner) > 1 else ""
    if first.cap or first.low in _NOT_ASIDE_ING or (first.low == "as" and second == "well"):
        return False
    if first.low == "at" and len(inner) > 1 and (inner[1].cap or (second == "the" and len(inner) > 2 and
                                                                  inner[2].cap)):
        return False  # an affiliation: 'Pantucci, at the Royal United Services Institute, said'
    return first.low in _ASIDE_OPENERS or (len(first.low) > 5 and first.low.endswith("ing"))


#: Prepositions and subordinators that open an adverbial aside between commas ('Gates, in contrast, told').
_ASIDE_OPENERS = frozenset(("in", "at", "on", "during", "after", "before", "with", "without", "for", "from",
                            "despite", "unlike", "when", "while", "as", "if", "although", "though", "since", "once",
                            "upon", "amid", "through", "throughout", "via", "speaking", "asked", "contacted",
                            "reached", "interviewed"))
#: Words in -ing that open an apposition or a list, not an aside ('Bo Reyes, managing director of ...', 'six
#: newspapers, including the Ledger, said').
_NOT_ASIDE_ING = frozenset(("including", "managing", "ranking", "presiding", "founding", "leading", "outgoing",
                            "incoming", "acting", "reigning", "sitting", "retiring", "governing", "visiting",
                            "consulting", "supervising", "commanding", "polling", "marketing", "reporting",
                            "campaigning", "publishing", "editing", "longstanding", "rising", "wing"))
#: Short adverbs that make an aside between commas ('he, too, said').
_ASIDE_WORDS = frozenset(("too", "though", "again", "once", "soon", "later", "also", "then", "now", "still",
                          "fact", "in", "for", "his", "her", "their", "its", "part", "turn", "of", "course"))


#: Subject pronouns that may open a source phrase read as more than the pronoun ('I sometimes', 'They showed ...').
_SUBJECT_PRONOUNS = frozenset(("i", "he", "she", "we", "they"))
#: Words after a subject pronoun that keep the phrase a source ('We all', 'They both', 'He himself', 'We women').
_PRONOUN_COMPANIONS = frozenset(("all", "both", "each", "alone", "too", "themselves", "himself", "herself",
                                 "ourselves", "myself", "yourself", "women", "men", "voters", "americans", "parents"))
#: Modal verbs after a subject pronoun: the speech act they govern did not take place ('I may argue', 'I must
#: ask'); with the contracted stems of "can't" and "won't".
_PRONOUN_MODALS = MODALS | {"cannot", "wanna", "gonna", "ca", "wo"}


#: Object pronouns (the speaker of a cue after a verb of perception: 'heard him say') and passive auxiliaries.
_OBJECTS_AND_PASSIVES = frozenset(("him", "her", "them", "me", "us", "get", "gets", "got", "getting", "been", "be",
                                   "being"))


def pronoun_led_end(cache: TokenCache, src_start: int, src_end: int) -> int | None:
    """For a source phrase that opens with a subject pronoun and holds more words ('I sometimes', 'She started',
    'I heard Sen. Reyes', 'They showed 36 percent of voters'): where the source ends when only adverbs,
    auxiliaries and verbs that take the cue as their complement follow the pronoun (the pronoun's end), -1 when
    a modal or an object of the pronoun's own verb stands there (no source of this cue), or None when the phrase
    is no such phrase ('We all', 'He himself', 'We women')."""
    tokens = cache.exact(src_start, src_end)
    words = [t for t in tokens if t.is_word]
    if len(words) < 2 or words[0].low not in _SUBJECT_PRONOUNS or words[1].low in _PRONOUN_COMPANIONS or \
            words[1].low in ("and", "or", "nor") or tokens[1].text == "." or \
            any(t.low in RELATIVE_PRONOUNS for t in words[1:]):
        return None  # ('She and her aides', 'I. Charles McCullough III', 'They passed out bottles that said': a
        # coordination, an initial, a relative clause read elsewhere)
    rest = words[1:]
    if any(t.low in _PRONOUN_MODALS or t.low.endswith(("n't", "n’t")) and t.low[:-3] in _PRONOUN_MODALS
           for t in rest):
        return -1
    if any(t.cap or t.low in _OBJECTS_AND_PASSIVES for t in rest):
        return -1  # the pronoun's verb has an object of its own ('I heard Sen. Reyes say', 'I haven't heard him
        # say') or the cue is a passive ('We don't get challenged')
    if len(rest) <= 3:
        return words[0].end  # adverbs and verbs of the chain: 'I sometimes asked', 'She winds up answering'
    return -1


#: A hover card's closing word, in capitals ('... testimony MORE (R-S.C.) said').
_HOVER_MORE_RE = re.compile(r"(?<![\w'’])MORE(?![\w'’])")
#: Words of a hover card, with their offsets.
_NON_SPACE_RE = re.compile(r"\S+")


def hover_card_name(text: str, sentence_start: int, src_start: int, src_end: int) -> tuple[int, int] | None:
    """The name a web page's hover card follows, when the source phrase ends inside one: 'Sen. Jeff Flake Jeffrey
    (Jeff) Lane FlakeFlake tells GOP: ... in 2020 MORE (R-Az.) called' -> 'Sen. Jeff Flake'. Such a card (one
    outlet's pages) repeats the person's full name glued to the first of a run of headlines and ends in *MORE*;
    the glued word starts with the surname written just before the card. ``(start, end)`` of the name as written
    before the card, or None (no *MORE* in the phrase, or no glued surname within 600 characters before it)."""
    more = _HOVER_MORE_RE.search(text, src_start, src_end)
    if more is None:
        return None
    card = _hover_card(text, sentence_start, more.start())
    return None if card is None else card[:2]


def inside_hover_card(text: str, sentence_start: int, sentence_end: int, cue_start: int, cue_end: int) -> bool:
    """Whether a cue stands inside a hover card (see :func:`hover_card_name`): a headline's verb ('FlakeFlake tells
    GOP: ...'), no report of the article."""
    more = _HOVER_MORE_RE.search(text, cue_end, min(sentence_end, cue_end + 500))
    if more is None:
        return False
    card = _hover_card(text, sentence_start, more.start())
    return card is not None and card[2] <= cue_start


def _hover_card(text: str, sentence_start: int, more_start: int) -> tuple[int, int, int] | None:
    """``(name start, name end, card start)`` of the hover card that ends at the *MORE* at ``more_start``: the card
    starts at the first word that begins with a capitalised word written at most six words before it and goes on
    with a capital ('FlakeFlake', 'McConnellGOP'); the name is the run of capitalised words ending with that word."""
    lo = max(sentence_start, more_start - 600)
    words = [(m.start(), m.group()) for m in _NON_SPACE_RE.finditer(text, lo, more_start)]
    for i, (at, word) in enumerate(words):
        for j in range(max(0, i - 6), i):
            surname = words[j][1]
            if surname[:1].isupper() and len(word) > len(surname) and word.startswith(surname) and \
                    word[len(surname)].isupper() and surname.isalpha():
                k = j  # the name written before the card: capitalised words (and titles) ending with the surname
                while k > 0 and words[k - 1][1][:1].isupper() and not words[k - 1][1].endswith((",", ":", ";")):
                    k -= 1
                return words[k][0], words[j][0] + len(surname), words[j + 1][0]
    return None
