"""Sentence subjects, for cues whose source is not next to them: a participle ('Ellery slammed the ruling,
saying ...'), a verb coordinated with an earlier one ('Marr toured the plant and said ...') and a statement
object ('The agency issued a statement saying ...').

Each returns ``(start, end, n_words)`` of the subject, or None.
"""

from __future__ import annotations

import re

from .tokens import Token, TokenCache
from .words import CONNECTORS, DETERMINERS, NP_PREPOSITIONS, SUBJECT_DETERMINERS, AttributionWords

#: Conjunctions that coordinate a reporting verb with an earlier verb of the same subject.
_COORDINATORS = frozenset(("and", "but", "then"))
#: Between a subject and its coordinated cue: a clause boundary or quotation that may bring another subject.
COORD_BLOCK_RE = re.compile(r"[;\"“”‘’«»()]|(?<![^\W_])(?:who|which|whose|whom|where|when|while|because|although|"
                            r"though|if|unless|whether|since|after|before|until)(?![^\W_])|(?:^|\s)'|'(?:\s|$)")
#: ... or another reporting verb (then that verb's attribution is the one to extend, not this one).
COORD_CUE_RE = re.compile(r"(?<![^\W_])(?:said|says|say|told|tells|added|adds|wrote|writes|stated|declared|"
                          r"announced|argued|claimed|insisted)(?![^\W_])")


def subject(words: AttributionWords, tokens: list[Token]):
    """A sentence-initial name or pronoun (or a determiner subject, see :func:`det_subject`)."""
    if not tokens or not tokens[0].is_word:
        return None
    # skip an opening adverbial that ends in a comma: "On Friday, Mr. Trump ..., saying"
    first_comma = next((j for j, t in enumerate(tokens[:10]) if t.text == ","), None)
    if first_comma is not None and (tokens[0].low in words.stop or tokens[0].low in words.adverbial_words
                                    or tokens[0].low.endswith("ly")):
        tokens = tokens[first_comma + 1:]
        if not tokens or not tokens[0].is_word:
            return None
    if tokens[0].low in words.pronouns:
        return (tokens[0].start, tokens[0].end, 1)
    if tokens[0].low in SUBJECT_DETERMINERS:
        return det_subject(words, tokens)
    titles = words.title_abbreviations
    k = 0
    while k < len(tokens) and k < 8 and (
            (tokens[k].is_word and tokens[k].cap) or
            (tokens[k].text == "." and k > 0 and tokens[k - 1].text in titles)):
        k += 1
    if k == 0 or tokens[k - 1].text == "." or (k == 1 and words.is_noun(tokens[0].low)):
        return None
    return (tokens[0].start, tokens[k - 1].end, k)


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
        if _head_noun(words, t) and j + 1 < n:
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
            if is_verb(following):
                return (tokens[0].start, tokens[end].end, end + 1)
        j += 1
    return None


def plausible_subject(words: AttributionWords, text: str, tokens: list[Token], src_start: int, src_end: int) -> bool:
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
    if inside and inside[0].low in SUBJECT_DETERMINERS:
        got = det_subject(words, [t for t in tokens if t.start >= src_start])
        return got is not None and got[1] == src_end
    inside_words = [t for t in inside if t.is_word]
    if any(t.low in words.common and t.text not in words.title_abbreviations or t.low.endswith(("'s", "’s", "ing"))
           for t in inside_words):
        return False
    return len(inside_words) > 1 or _name_elsewhere(text, inside_words[0].text)


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
    tokens = cache.get(sentence_start, conjunction.start)
    found = subject(words, tokens)
    if found is None:
        return None
    src_start, src_end, _ = found
    between = cache.low[src_end:conjunction.start]
    if len(between.split()) < 1 or COORD_BLOCK_RE.search(between) or COORD_CUE_RE.search(between):
        return None
    if not plausible_subject(words, cache.text, tokens, src_start, src_end):
        return None
    # 'He returned ... and said little': not a report
    rest = cache.low[cue_end:cue_end + 12].split()
    if rest and rest[0].strip(".,") in ("little", "nothing", "so"):
        return None
    return found


def statement_subject(words: AttributionWords, cache: TokenCache, sentence_start: int, obj_start: int, obj_end: int):
    """For a participle cue whose left noun phrase ``text[obj_start:obj_end]`` is a document object of a verb ('The
    agency issued a statement saying', 'Vance sent an email to donors asking'): the sentence subject (a name,
    pronoun or determiner subject as for a participle), or None. The object must open with *a* or *an* and end in
    a document noun, and the word before it must be a lower-case verb."""
    obj = [t for t in cache.exact(obj_start, obj_end) if t.is_word]
    cut = next((j for j, t in enumerate(obj) if j and (t.low in NP_PREPOSITIONS or t.low in CONNECTORS)), len(obj))
    if cut < 2 or obj[0].low not in ("a", "an") or not words.has("document", obj[cut - 1].low):
        return None
    tokens = cache.get(sentence_start, obj_start)
    if not tokens or not tokens[-1].is_word or tokens[-1].cap or tokens[-1].low in DETERMINERS or \
            tokens[-1].low in words.stop or tokens[-1].low in words.pronouns or words.is_noun(tokens[-1].low):
        return None
    found = subject(words, tokens)
    if found is None or not plausible_subject(words, cache.text, tokens, found[0], found[1]):
        return None
    between = cache.low[found[1]:obj_start]
    if COORD_BLOCK_RE.search(between) or COORD_CUE_RE.search(between) or "," in between:
        return None
    return found


def _name_elsewhere(text: str, word: str) -> bool:
    """Whether ``word`` is used as a proper name in ``text``: capitalised after a lower-case word or a comma."""
    return re.search(r"[a-z,]\s+" + re.escape(word) + r"(?![\w'’\-])", text) is not None
