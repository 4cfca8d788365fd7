"""Typing a source mention: person, official, organization, media, document, anonymous, vague or pronoun, and
whether it is named."""

from __future__ import annotations

import re

from .tokens import TOKEN_RE, TokenCache
from .words import APOSTROPHES, CONNECTORS, DETERMINERS, MEMO_MAX, NP_PREPOSITIONS, AttributionWords

_LEADING_MARKS_RE = re.compile("[ \"“‘']*")  # only these before the source (as str.strip(...) == ""), without a slice

_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}s?$")
#: Words that end the head part of a source phrase (its post-modifier begins).
_POST_MODIFIER_OPENERS = CONNECTORS | NP_PREPOSITIONS | {"by", "who", "that", "which"}


#: Quantifiers that make a plural role an unspecified group ('some lawmakers', 'many officials').
_VAGUE_QUANTIFIERS = frozenset(("some", "many", "several", "few", "most", "other", "others", "numerous", "various",
                                "countless", "plenty"))


class SourceTyper:
    """``(source_type, named)`` of source mentions, memoised per extractor."""

    def __init__(self, words: AttributionWords):
        self.words = words
        self._memo: dict = {}

    def type(self, cache: TokenCache, src_start: int, src_end: int, cue_start: int,
             sentence_start: int) -> tuple[str, bool]:
        """``(source_type, named)`` of the source mention ``text[src_start:src_end]``.

        The result depends only on the mention, the text between it and the cue, and whether the mention
        opens its sentence, so it is memoised on those (sources recur: "he said", "Trump said")."""
        text = cache.text
        initial = src_start == sentence_start or _LEADING_MARKS_RE.fullmatch(text, sentence_start, src_start) is not None
        key = (text[src_start:max(src_end, cue_start)], src_end - src_start, initial)
        got = self._memo.get(key)
        if got is None:
            got = self._type_uncached(cache, src_start, src_end, cue_start, initial)
            if len(self._memo) >= MEMO_MAX:
                self._memo.clear()
            self._memo[key] = got
        return got

    def _type_uncached(self, cache: TokenCache, src_start: int, src_end: int, cue_start: int,
                       initial: bool) -> tuple[str, bool]:
        words = self.words
        has = words.has
        all_tokens = cache.exact(src_start, src_end)
        tokens = [t for t in all_tokens if t.is_word]
        if not tokens:
            return "vague", False
        lows = [t.low for t in tokens]
        if len(tokens) == 1 and lows[0] in words.pronouns:
            return "pronoun", False
        anonymous = words.lex.words["anonymous"]
        if any(w in anonymous for w in lows):
            return "anonymous", False
        if words.anonymous_re is not None:
            region = " " + " ".join(TOKEN_RE.findall(cache.text[src_start:max(src_end, cue_start)].lower())) + " "
            if words.anonymous_re.search(region):
                return "anonymous", False
        head = tokens[slice(*_head_part(all_tokens, lows))]
        head_lows = [t.low for t in head]

        common = words.common.__contains__

        def proper(ts):
            # a capitalised word that is not a title; at the start of a sentence only if not a common word
            return [t for t in ts if t.cap and not (t is tokens[0] and initial and common(t.low))
                    and t.low not in DETERMINERS and not has("role", t.low.rstrip("."))]

        last = head_lows[-1] if head_lows else ""
        named_any = bool(proper(tokens))
        roles = [j for j, w in enumerate(head_lows) if has("role", w) or words.phrase_ends_at("role", head_lows, j)]
        media_cap = any(t.cap and words.is_media(t.low) for t in head)
        org_cap = any(t.cap and has("organization", t.low) for t in head)
        if " ".join(lows).endswith(words.generic_media):
            return "media", False
        # the head noun (last word of the head part) decides first
        if has("document", last):
            return "document", named_any
        if has("organization", last) or words.phrase_ends_at("organization", head_lows, len(head_lows) - 1):
            return ("media" if media_cap else "organization"), named_any
        if has("media", last) and not head[-1].cap:
            return "media", named_any  # "the newspaper", "right-wing outlets"
        if has("media_role", last) or words.phrase_ends_at("media_role", head_lows, len(head_lows) - 1):
            return "media", False  # "a reporter for the Daily Ledger": a journalist, unnamed
        if has("role", last) or words.phrase_ends_at("role", head_lows, len(head_lows) - 1):
            # an unnamed office holder: a name before the role is a modifier ("a Trump administration
            # official", "one longtime Clinton adviser"), not that person; an unspecified number of them ('some
            # lawmakers', 'many officials') is a vague source
            return ("vague" if lows[0] in _VAGUE_QUANTIFIERS else "official"), False
        if has("vague", last):
            return "vague", False
        if head and head[-1].cap:
            # a name: an official if a title or role precedes it with no organisation or outlet word after the role
            if roles and not any(has("organization", w) or words.is_media(w) for w in head_lows[roles[-1] + 1:]):
                return "official", True
            if any(has("media_role", w) for w in head_lows[:-1]):
                return "media", True  # "Ledger reporter Jane Roe", "correspondent Ana Ruiz"
            if media_cap:
                return "media", True
            if org_cap or (_ACRONYM_RE.match(head[-1].text) and not has("role", last)):
                return "organization", True
            if proper(head) or (initial and len(head) == 1):
                return "person", True
        # a lower-case head that is none of the above: a document noun earlier in the head ("court documents filed")
        if any(has("document", w) for w in head_lows):
            return "document", named_any
        if roles:
            return "official", False
        return "vague", False

    def media_via_modifier(self, cache: TokenCache, src_start: int, src_end: int, source_type: str,
                           named: bool) -> tuple[str, bool]:
        """'a 2009 article from the LA Times', 'the Courier's report': a document credited to an outlet."""
        if source_type != "document":
            return source_type, named
        if any(t.cap and self.words.is_media(t.low) for t in cache.exact(src_start, src_end) if t.is_word):
            return "media", True
        return source_type, named


def _head_part(all_tokens, lows: list[str]) -> tuple[int, int]:
    """Word indexes ``[lo, hi)`` of the head part of a source phrase: after the last possessive, before the
    first post-modifier ("a spokesperson for the sheriff's office" -> "a spokesperson")."""
    stop_at = next((j for j in range(1, len(lows)) if lows[j] in _POST_MODIFIER_OPENERS), len(lows))
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
    return head_lo, stop_at
