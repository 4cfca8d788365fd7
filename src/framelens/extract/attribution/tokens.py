"""The per-sentence token view of a document: tokens with offsets, cached per sentence and sliced by offsets.

The attribution rules look only at the few tokens next to a cue, so the
document is never tokenised as a whole: a sentence is tokenised on first use
(by one regular expression and C-level ``map`` calls) and its tokens are then
sliced by character offsets. The cues of a sentence come one after another, so
the sentence used last is kept at hand.

:func:`matches_between` asks whether a pattern matches between two offsets: a
pattern of whole words (:func:`word_set_pattern`) is searched in place when the
range is short; any other is listed once per document and bisected.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import sys
from typing import NamedTuple

#: Words (with internal apostrophes and hyphens) and single punctuation marks.
WORD_PAT = r"[^\W_]+(?:['’\-‐‑][^\W_]+)*"
PUNCT_PAT = r"[^\w\s]"
TOKEN_RE = re.compile(WORD_PAT + "|" + PUNCT_PAT)
#: ``TOKEN_RE`` as one capturing group: ``split`` gives ``[gap, token, gap, token, ..., gap]``. Its repeats are
#: possessive (``++``, ``*+``): nothing follows them in the pattern, so the greedy match is the one ``TOKEN_RE``
#: finds and no backtracking state need be kept (the split about 7% faster). Python 3.10 (which the package
#: supports) reads no possessive repeat: there the plain greedy ones, with the same matches.
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_TOKEN_SPLIT_RE = re.compile(r"([^\W_]+" + _POSSESSIVE + r"(?:['’\-‐‑][^\W_]+" + _POSSESSIVE + r")*" + _POSSESSIVE +
                             "|" + PUNCT_PAT + ")")

#: ``_TOKEN_SPLIT_RE`` for a text whose letters and digits are all ASCII (:data:`_NON_ASCII_ALNUM_RE` finds none):
#: there ``[^\W_]`` is ``[A-Za-z0-9]`` and ``[^\w\s]`` is ``[^A-Za-z0-9_\s]``, the same sets, tested by a bitmap
#: instead of a Unicode category look-up per character (the split about 18% faster; the same parts, tested).
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z0-9]+" + _POSSESSIVE + r"(?:['’\-‐‑][A-Za-z0-9]+" + _POSSESSIVE + r")*" +
                             _POSSESSIVE + r"|[^A-Za-z0-9_\s])")
#: A letter or digit outside ASCII (a character outside ASCII that ``[^\W_]`` matches).
_NON_ASCII_ALNUM_RE = re.compile(r"[^\x00-\x7f](?<=[^\W_])")


class Token(NamedTuple):
    """A token with its offsets, lower-cased text, and whether it is a word and capitalised.

    A named tuple, so that a list of tokens is built by C-level ``map`` calls (:func:`tokenize`) rather than
    one Python ``__init__`` per token."""

    start: int
    end: int
    text: str
    low: str
    is_word: bool
    cap: bool


_first = operator.itemgetter(0)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` (as ``TOKEN_RE.finditer(text, start, end)``), built without a Python
    loop (see :func:`tokenize_with_starts`)."""
    return tokenize_with_starts(text, start, end)[1]


def tokenize_with_starts(text: str, start: int, end: int) -> tuple[list[int], list[Token]]:
    """``(token starts, tokens)`` of ``text[start:end]``: one regular-expression ``split`` of the piece into
    alternating gaps and tokens, whose running sum of lengths (C-level ``itertools.accumulate``) gives every
    offset; a token is a word when its first character is a letter or digit (``TOKEN_RE``'s punctuation
    alternative never starts with one)."""
    n = len(text)
    start, end = min(max(start, 0), n), min(max(end, 0), n)  # clipped as the regular-expression engine clips
    piece = text[start:end]  # sliced first: TOKEN_RE looks at nothing outside a match
    # (most pieces have no letter or digit outside ASCII: curly quotation marks and dashes are no word characters)
    parts = (_ASCII_SPLIT_RE if piece.isascii() or _NON_ASCII_ALNUM_RE.search(piece) is None
             else _TOKEN_SPLIT_RE).split(piece)
    if len(parts) == 1:
        return [], []
    bounds = list(itertools.accumulate(map(len, parts), initial=start))
    starts = bounds[1:-1:2]  # a token starts where the gap before it ends
    texts = parts[1::2]
    firsts = list(map(_first, texts))
    # tuple.__new__(Token, fields) for each token, mapped with the class repeated (no partial object per call)
    return starts, list(map(tuple.__new__, itertools.repeat(Token),
                            zip(starts, bounds[2::2], texts, map(str.lower, texts),
                                map(str.isalnum, firsts), map(str.isupper, firsts))))

class TokenCache:
    """Tokens of a document, computed per sentence on first use and sliced by offsets.

    ``memo`` holds per-document results shared by later steps (the document's full names, see
    :meth:`framelens.extract.attribution.names.NameFinder.doc_names`)."""

    __slots__ = ("text", "seg", "low", "by_sentence", "memo", "_last", "_exact")

    def __init__(self, text: str, seg, low: str | None = None):
        self.memo: dict = {}
        self.text = text
        self.seg = seg
        self.low = text.lower() if low is None else low  # same length as text
        self.by_sentence: dict[int, tuple[list[int], list[Token]]] = {}
        #: ``(index, sentence start, sentence end, next sentence's start or None, (token starts, tokens))`` of
        #: the sentence :meth:`_sentence` returned last
        self._last = None
        #: ``(start, end, tokens)`` of the last :meth:`exact` call: the verb rules read one source phrase through
        #: several helpers in a row (trimming, the not-a-source test, the modal test, the typer)
        self._exact: tuple = (-1, -1, [])

    def _sentence(self, start: int, end: int):
        """``(token starts, tokens)`` of the sentence holding ``[start, end)``, or None if it spans two."""
        last = self._last
        # the sentence used last, if it is the one seg.sentence_at(start) finds (the last one opening at or
        # before start) and holds the range
        if last is not None and last[1] <= start and end <= last[2] and (last[3] is None or last[3] > start):
            return last[4]
        sentences = self.seg.sentences
        index = self.seg.sentence_at(start)
        sentence_start, sentence_end = sentences[index]
        if not (sentence_start <= start and end <= sentence_end):
            return None
        got = self.by_sentence.get(index)
        if got is None:
            got = self.by_sentence[index] = tokenize_with_starts(self.text, sentence_start, sentence_end)
        self._last = (index, sentence_start, sentence_end,
                      sentences[index + 1][0] if index + 1 < len(sentences) else None, got)
        return got

    def get(self, start: int, end: int) -> list[Token]:
        """The sentence's tokens that lie in ``[start, end)`` (a token cut by ``end`` is left out)."""
        if end <= start:
            return []
        last = self._last  # the test of _sentence for the sentence used last, written out (most calls end here)
        if last is not None and last[1] <= start and end <= last[2] and (last[3] is None or last[3] > start):
            got = last[4]
        else:
            got = self._sentence(start, end)
            if got is None:
                return tokenize(self.text, start, end)
        starts, tokens = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        while j > i and tokens[j - 1].end > end:
            j -= 1
        return tokens[i:j]

    def exact(self, start: int, end: int) -> list[Token]:
        """``tokenize(text, start, end)``, sliced from the sentence's tokens when no token straddles a bound.

        The list returned last is returned again for the same range (callers only read it)."""
        if end <= start:
            return []
        last_start, last_end, tokens = self._exact
        if last_start == start and last_end == end:
            return tokens
        tokens = self._exact_tokens(start, end)
        self._exact = (start, end, tokens)
        return tokens

    def _exact_tokens(self, start: int, end: int) -> list[Token]:
        """:meth:`exact` without the memo."""
        last = self._last  # (as in get)
        if last is not None and last[1] <= start and end <= last[2] and (last[3] is None or last[3] > start):
            got = last[4]
        else:
            got = self._sentence(start, end)
            if got is None:
                return tokenize(self.text, start, end)
        starts, tokens = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if (i > 0 and tokens[i - 1].end > start) or (j > 0 and tokens[j - 1].end > end):
            return tokenize(self.text, start, end)
        return tokens[i:j]

    def head(self, start: int, end: int, limit: int) -> list[Token]:
        """The first ``limit`` tokens of :meth:`get` ``(start, end)``, without slicing the rest (rules that read a
        sentence's opening words stay constant-time in a sentence that never ends)."""
        if end <= start:
            return []
        got = self._sentence(start, end)
        if got is None:
            return self.get(start, end)[:limit]
        starts, tokens = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        while j > i and tokens[j - 1].end > end:
            j -= 1
        return tokens[i:min(j, i + limit)]

    def last(self, start: int, end: int) -> Token | None:
        """The last token of :meth:`get` ``(start, end)``, or None."""
        if end <= start:
            return None
        got = self._sentence(start, end)
        if got is None:
            tokens = self.get(start, end)
            return tokens[-1] if tokens else None
        starts, tokens = got
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        while j > i and tokens[j - 1].end > end:
            j -= 1
        return tokens[j - 1] if j > i else None


def trie_pattern(words) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (fast on long lists)."""
    # hand-written: twenty lines; a trie-regex package would be a dependency for this one function
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


#: Patterns made by :func:`word_set_pattern`: their matches are whole runs of letters and digits.
_WORD_SETS: set[re.Pattern] = set()
#: Longest range searched in place by :func:`matches_between` (past it, the document's matches are listed once).
_IN_PLACE_CHARS = 4000


def word_set_pattern(words) -> re.Pattern:
    """A pattern matching any of ``words`` as a whole word in the lower-cased text (no letter or digit on either
    side: ``(?<![^\\W_])(?:...)(?![^\\W_])``). When every word is made of letters and digits only, each match is a
    whole run of them, wherever a search starts, so :func:`matches_between` may search a short range in place."""
    words = sorted(words)
    pattern = re.compile(r"(?<![^\W_])(?:" + trie_pattern(words) + r")(?![^\W_])")
    if words and all(w.isalnum() for w in words):
        _WORD_SETS.add(pattern)
    return pattern


class _Listing:
    """The matches of a pattern over the whole lower-cased text, listed as far as the queries so far needed."""

    __slots__ = ("starts", "ends", "rest")

    def __init__(self, matches):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.rest = matches  # the finditer, or None once exhausted

    def first_from(self, pos: int) -> int:
        """Index of the first match starting at or after ``pos`` (``len(starts)`` if there is none)."""
        starts = self.starts
        if self.rest is not None and (not starts or starts[-1] < pos):
            for m in self.rest:
                starts.append(m.start())
                self.ends.append(m.end())
                if starts[-1] >= pos:
                    break
            else:
                self.rest = None
        return bisect.bisect_left(starts, pos)


def matches_between(cache: "TokenCache", pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether a match of ``pattern`` found in one pass over the whole lower-cased text lies in ``[start, end)``
    (as ``pattern.search(low, start, end)`` where no match straddles ``start`` or ``end``: callers pass a sentence
    or quotation start and a cue start).

    A pattern of :func:`word_set_pattern` over a short range is searched in place (its matches are whole words, so
    only a word cut by ``end`` can differ from the whole-text pass, and that is checked). Any other pattern's
    matches are listed once per document, as far as needed, and bisected, instead of a search from the sentence
    start for every cue (quadratic in a sentence that never ends)."""
    low = cache.low
    if end - start <= _IN_PLACE_CHARS and pattern in _WORD_SETS:
        m = pattern.search(low, start, end)
        if m is None:
            return False
        # a match ending at ``end`` is a word of the whole text only if no letter or digit follows it there
        return m.end() < end or end >= len(low) or not low[end].isalnum()
    found = cache.memo.get(pattern)
    if found is None:
        found = cache.memo[pattern] = _Listing(pattern.finditer(low))
    k = found.first_from(start)
    return k < len(found.starts) and found.ends[k] <= end
