"""Words and the token table: every word of a document as parallel lists, computed once per document.

The word rule (:data:`WORD_RE`) is the one framelens counts by: a number (with
``,`` or ``.`` groups) or a run of letters and digits, joined by internal
apostrophes or hyphens. :class:`TokenTable` holds every such word of one text
as parallel lists (start and end offsets, the words as written, sentence
index, inside-quotation flag; lower-cased forms on first use), with no object
per token. :attr:`framelens.text.segmentation.Segmentation.tokens` builds it
once per document, on first use; extractors share it.

The table is built by one regular-expression pass that splits the text into
alternating gaps and words; a running sum of their lengths (C-level
``itertools.accumulate``) gives every offset, so there is no Python loop per
word. The sentence index and quotation flag of each word are filled per
sentence and per quotation (a bisection on the word starts each), not per word.
Building a table costs about one regular-expression pass over the text, so a
plain word count (:func:`count_words`) does not build one: it counts
white-space-separated chunks, most of which are one word each.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, filterfalse, repeat

__all__ = ["WORD_RE", "iter_words", "count_words", "TokenTable"]

#: A word: a number (with , or . groups) or a run of letters/digits, joined by
#: internal apostrophes or hyphens ("don't", "Serrano-Quan", "U.S" is two words).
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’\-‐‑][^\W_]+)*")

#: ``WORD_RE`` as one capturing group: ``split`` gives ``[gap, word, gap, word, ..., gap]``.
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")


def iter_words(text: str, start: int = 0, end: int | None = None):
    """Yield ``(start, end)`` of every word in ``text[start:end]``.

    Parameters
    ----------
    text : str
        The text.
    start, end : int, optional
        The part of ``text`` to read (default: all of it).

    Yields
    ------
    tuple of (int, int)
        Offsets into ``text``.
    """
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield m.span()


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]`` (same rule as :func:`iter_words`).

    Parameters
    ----------
    text : str
        The text.
    start, end : int, optional
        The part of ``text`` to count (default: all of it; clipped to the text, as ``re`` clips them).

    Returns
    -------
    int

    Notes
    -----
    A long piece is counted chunk by chunk (:func:`_count_by_chunks`), without listing its words:
    about twice as fast as one regex pass over it.
    """
    n = len(text)
    s = min(max(start, 0), n)
    e = n if end is None else min(max(end, 0), n)
    if e - s < 256:
        return len(WORD_RE.findall(text, s, e))
    return _count_by_chunks(text if s == 0 and e == n else text[s:e])


#: Characters that are not letters or digits, stripped from the ends of a chunk by :func:`_count_by_chunks`.
_EDGE_MARKS = "\"“”‘’'«»„()[]{}.,;:!?…—–-‐‑/*"


def _count_by_chunks(text: str) -> int:
    """``len(WORD_RE.findall(text))``, computed by C-level passes over white-space-separated chunks.

    A word never contains white space, so the count is the sum over chunks. A chunk of letters only is one
    word (most chunks of prose); so is a chunk whose letters-only middle is left when characters that are not
    letters or digits are stripped from its ends ("said," "(Reuters)"), since such characters neither start a
    word nor join one at a chunk's edge. The remaining chunks ("U.S.", "don't", "3,000") go through
    :data:`WORD_RE` together, in one call.
    """
    chunks = text.split()
    rest = list(filterfalse(str.isalpha, chunks))
    one_word = list(map(str.isalpha, map(str.strip, rest, repeat(_EDGE_MARKS, len(rest)))))
    others = " ".join(compress(rest, map(operator.not_, one_word)))
    return len(chunks) - len(rest) + sum(one_word) + len(WORD_RE.findall(others))


class TokenTable:
    """Every word of one text (by :data:`WORD_RE`), as parallel lists indexed by word number.

    Made by :attr:`Segmentation.tokens <framelens.text.segmentation.Segmentation.tokens>` (once per
    document, on first use), or ``TokenTable(text)`` for a text without its segmentation (then
    ``sentence`` is all 0 and ``quoted`` all 0). Word ``i`` is ``text[starts[i]:ends[i]]``; the words
    are in text order and never overlap; every piece of text that :data:`WORD_RE` matches is one
    word, so ``len(table)`` is the document's word count.

    Attributes
    ----------
    text : str
        The text.
    starts, ends : list of int
        Half-open offsets of each word into ``text``; both strictly increasing.
    forms : list of str
        The words as written: ``forms[i] == text[starts[i]:ends[i]]``.
    sentence : list of int
        Index of each word's sentence: ``Segmentation.sentence_at(starts[i])``.
    quoted : bytearray
        1 where the word starts inside a quotation's content
        (``Segmentation.voice_at(starts[i]) == "quoted"``), else 0.

    Notes
    -----
    Offsets are looked up by bisection on ``starts``/``ends`` (:meth:`index_at`, :meth:`span_range`);
    ``lower`` is built on first use. Only words are listed: punctuation and white
    space are the gaps between ``ends[i]`` and ``starts[i + 1]``.

    An extractor reads the lists by index rather than asking for objects: the words of a sentence
    ``(s, e)`` are ``range(t.first_at(s), t.first_at(e))``; the word at a hit's start is
    ``t.index_at(hit.start)``; ``t.lower[i]`` and ``t.quoted[i]`` then say what it is and whose
    voice it is in.

    Examples
    --------
    >>> t = TokenTable("Don't stop, Ms. Ode-Vance.")
    >>> len(t), t.forms, t.lower[2]
    (4, ["Don't", 'stop', 'Ms', 'Ode-Vance'], 'ms')
    >>> t.index_at(13), list(t.span_range(6, 15))
    (2, [1, 2])
    """

    __slots__ = ("text", "starts", "ends", "forms", "sentence", "quoted", "_lower")

    def __init__(self, text: str, sentence_starts=(), quote_contents=()):
        """Tokenise ``text``.

        Parameters
        ----------
        text : str
            The text.
        sentence_starts : sequence of int, optional
            Start offsets of the text's sentences, in order (fills ``sentence``).
        quote_contents : sequence of (int, int), optional
            ``(content_start, content_end)`` of the text's quotations, in order of start (fills ``quoted``).
        """
        parts = _SPLIT_RE.split(text)  # [gap, word, gap, word, ..., gap]: one regex pass
        bounds = list(accumulate(map(len, parts)))  # the end offset of each part
        self.text = text
        self.starts: list[int] = bounds[0:-1:2]  # a word starts where the gap before it ends
        self.ends: list[int] = bounds[1::2]
        self.forms: list[str] = parts[1::2]
        self._lower: list[str] | None = None
        self.sentence = self._sentence_index(sentence_starts)
        self.quoted = self._quote_flags(quote_contents)

    def _sentence_index(self, sentence_starts) -> list[int]:
        """Each word's sentence as ``Segmentation.sentence_at`` gives it (the last sentence starting at or before
        the word; sentence 0 for words before the first), filled one sentence at a time."""
        starts, n = self.starts, len(self.starts)
        out: list[int] = []
        prev = 0
        for si in range(1, len(sentence_starts)):
            k = bisect_left(starts, sentence_starts[si], prev)  # the first word of sentence si
            out += [si - 1] * (k - prev)
            prev = k
        out += [max(len(sentence_starts) - 1, 0)] * (n - prev)
        return out

    def _quote_flags(self, quote_contents) -> bytearray:
        """1 for each word that ``Segmentation.quote_at`` places in a quotation: the last quotation whose content
        starts at or before the word's start, if its content has not ended there."""
        starts = self.starts
        flags = bytearray(len(starts))
        quote_contents = list(quote_contents)
        for qi, (cs, ce) in enumerate(quote_contents):
            if qi + 1 < len(quote_contents):
                ce = min(ce, quote_contents[qi + 1][0])  # from the next content start on, quote_at looks at that one
            i = bisect_left(starts, cs)
            j = bisect_left(starts, ce, i)
            if j > i:
                flags[i:j] = b"\x01" * (j - i)
        return flags

    # -- sizes and forms ----------------------------------------------------
    def __len__(self) -> int:
        return len(self.starts)

    def __repr__(self) -> str:
        return f"<TokenTable: {len(self):,} words, {sum(self.quoted):,} quoted>"

    @property
    def lower(self) -> list[str]:
        """The words lower-cased (``str.lower`` of each form; built on first use, then kept)."""
        if self._lower is None:
            self._lower = list(map(str.lower, self.forms))
        return self._lower

    # -- lookups by offset --------------------------------------------------
    def index_at(self, pos: int) -> int | None:
        """Index of the word that contains offset ``pos`` (``starts[i] <= pos < ends[i]``), or None.

        Parameters
        ----------
        pos : int
            An offset into ``text``.

        Returns
        -------
        int or None
        """
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ends[i] else None

    def first_at(self, pos: int) -> int:
        """Index of the first word that starts at or after ``pos`` (``len(self)`` when there is none)."""
        return bisect_left(self.starts, pos)

    def span_range(self, start: int, end: int) -> range:
        """Indexes of the words that lie wholly inside ``[start, end)``.

        Parameters
        ----------
        start, end : int
            Offsets into ``text``.

        Returns
        -------
        range
        """
        i = bisect_left(self.starts, start)
        j = bisect_right(self.ends, end)
        return range(i, max(i, j))

    def count(self, start: int, end: int) -> int:
        """Number of words in ``text[start:end]``, always equal to :func:`count_words` ``(text, start, end)``.

        By bisection when no word straddles ``start`` or ``end`` (the bounds of paragraphs, sentences and
        quotation contents never cut a word); otherwise ``text[start:end]`` is counted on its own, since a word
        cut by a bound counts as its pieces there.

        Parameters
        ----------
        start, end : int
            Offsets into ``text``.

        Returns
        -------
        int
        """
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i > 0 and ends[i - 1] > start) or (j > i and ends[j - 1] > end):
            return count_words(self.text, start, end)
        return j - i
