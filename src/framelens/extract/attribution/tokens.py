"""The per-sentence token view of a document: tokens with offsets, cached per sentence and sliced by offsets.

The attribution rules look only at the few tokens next to a cue, so the
document is never tokenised as a whole: a sentence is tokenised on first use
(by one regular expression and C-level ``map`` calls) and its tokens are then
sliced by character offsets.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from typing import NamedTuple

#: Words (with internal apostrophes and hyphens) and single punctuation marks.
WORD_PAT = r"[^\W_]+(?:['’\-‐‑][^\W_]+)*"
PUNCT_PAT = r"[^\w\s]"
TOKEN_RE = re.compile(WORD_PAT + "|" + PUNCT_PAT)
#: ``TOKEN_RE`` with the skipped gap (white space and underscores) and the two kinds of token as groups.
_TOKEN_GAP_RE = re.compile(r"([\s_]*)(?:(" + WORD_PAT + r")|(" + PUNCT_PAT + r"))")


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


_new_token = functools.partial(tuple.__new__, Token)
_first = operator.itemgetter(0)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` (as ``TOKEN_RE.finditer(text, start, end)``), built without a Python
    loop: the gap before each token gives the offsets by a running sum."""
    found = _TOKEN_GAP_RE.findall(text, start, end)
    if not found:
        return []
    gaps, words, puncts = zip(*found)
    texts = list(map(operator.add, words, puncts))
    lengths = list(map(len, texts))
    ends = list(itertools.accumulate(map(operator.add, map(len, gaps), lengths), initial=start))
    del ends[0]
    starts = map(operator.sub, ends, lengths)
    return list(map(_new_token, zip(starts, ends, texts, map(str.lower, texts), map(bool, words),
                                    map(str.isupper, map(_first, texts)))))


class TokenCache:
    """Tokens of a document, computed per sentence on first use and sliced by offsets.

    ``memo`` holds per-document results shared by later steps (the document's full names, see
    :meth:`framelens.extract.attribution.names.NameFinder.doc_names`)."""

    __slots__ = ("text", "seg", "low", "by_sentence", "memo")

    def __init__(self, text: str, seg, low: str | None = None):
        self.memo: dict = {}
        self.text = text
        self.seg = seg
        self.low = text.lower() if low is None else low  # same length as text
        self.by_sentence: dict[int, tuple[list[int], list[Token]]] = {}

    def _sentence(self, start: int, end: int):
        """``(token starts, tokens)`` of the sentence holding ``[start, end)``, or None if it spans two."""
        index = self.seg.sentence_at(start)
        sentence_start, sentence_end = self.seg.sentences[index]
        if not (sentence_start <= start and end <= sentence_end):
            return None
        got = self.by_sentence.get(index)
        if got is None:
            tokens = tokenize(self.text, sentence_start, sentence_end)
            got = ([t.start for t in tokens], tokens)
            self.by_sentence[index] = got
        return got

    def get(self, start: int, end: int) -> list[Token]:
        """The sentence's tokens that lie in ``[start, end)`` (a token cut by ``end`` is left out)."""
        if end <= start:
            return []
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
        """``tokenize(text, start, end)``, sliced from the sentence's tokens when no token straddles a bound."""
        if end <= start:
            return []
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


def matches_between(cache: "TokenCache", pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether a match of ``pattern`` found in one pass over the whole lower-cased text lies in ``[start, end)``
    (as ``pattern.search(low, start, end)`` where no match straddles ``start`` or ``end``: callers pass a sentence
    or quotation start and a cue start). The matches are listed once per document and bisected, instead of a
    search from the sentence start for every cue (quadratic in a sentence that never ends)."""
    found = cache.memo.get(pattern)
    if found is None:
        starts, ends = [], []
        for m in pattern.finditer(cache.low):
            starts.append(m.start())
            ends.append(m.end())
        found = cache.memo[pattern] = (starts, ends)
    starts, ends = found
    k = bisect.bisect_left(starts, start)
    return k < len(starts) and ends[k] <= end
