"""Segmentation with exact character offsets: paragraphs, sentences, words and quotation regions.

Everything here works on the original text: no character is changed, removed
or normalised, so every offset indexes ``document.text`` directly. The
functions never raise on odd input (unbalanced or stray quote marks are
flagged, not fatal).

Sentence splitting is a rule-based splitter tuned for news prose (a
candidate boundary is a ``.``, ``!``, ``?`` or ellipsis, optionally followed by
closing quotes or brackets, then white space, then an upper-case letter,
digit, opening quote or bracket). Abbreviations come from the data file
``lexicons/abbreviations.txt``: *title* abbreviations (``Sen.``, ``Dist.``,
``Jan.``) never end a sentence; *other* abbreviations (``U.S.``, ``Inc.``,
``Calif.``) end one only when the next word is a typical sentence opener.
See docs/methods.md for the rules and their limits.

Quotation regions are found by :mod:`.quotes`. Speed: quotation marks and the first mark of each sentence-end
candidate are found with ``str.find`` (a C scan per mark character), and the rest of a
candidate by a regular-expression match at that mark; Python runs only at those
marks. The sentences of all paragraphs come from one pass over the candidates
of the whole text, and a quotation of seven or more runs of letters is labelled
``direct`` without the word regex. Words
live in :mod:`.token_table`: :attr:`Segmentation.tokens` is the document's one
table of words (offsets, forms, sentence index, quotation flag), built on first
use and shared by the extractors; the word counts read it once it is built and
otherwise count without listing the words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..lexicon.wordlists import Abbreviations, load_abbreviations
from .quotes import Quote, _find_double_quotes, _find_single_quotes, _offsets_of
from .matcher_text import lower as _lower_text
from .token_table import WORD_RE, TokenTable, count_words, iter_words

__all__ = ["Quote", "Segmentation", "segment", "iter_words", "count_words", "load_abbreviations", "lede_end",
           "LEDE_MIN_WORDS", "TokenTable", "WORD_RE"]


#: The lede is the first paragraph of at least this many words (shorter first paragraphs are
#: headlines, datelines or bylines); see docs/methods_compare.md.
LEDE_MIN_WORDS = 15


def lede_end(text: str, seg: "Segmentation") -> int:
    """Where the lede ends: the end offset of the first paragraph of ``LEDE_MIN_WORDS``+ words
    (the whole text when no paragraph is that long)."""
    count = seg.count_words if seg.text is text else lambda s, e: count_words(text, s, e)
    for ps, pe in seg.paragraphs:
        if count(ps, pe) >= LEDE_MIN_WORDS:
            return pe
    return len(text)


# ---------------------------------------------------------------------------
# abbreviations


#: Words that typically open a sentence; after an "other" abbreviation
#: (``U.S.``, ``Inc.``) a boundary is accepted only before one of these.
SENTENCE_OPENERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our My This That These Those There
    But And Or So Yet In On At As After Before When While If Since Although Though Because
    Some Many Most Several Few No None Other Others One Two Three Still Meanwhile However
    Instead Also Then Now Later Earlier Last Next Asked According Under For From With Without
    What Who Why How Where Which""".split()
)

_INITIALS_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")

# ---------------------------------------------------------------------------
# paragraphs and sentences

_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0\r]*\n")
# one blank line (only spaces, tabs or NBSP, maybe a CR); a longer run of them leaves pieces of white space
# between its matches, which are dropped, so the paragraphs are those of the whole run as one separator
_PARA_SPLIT_BLANK = re.compile(r"\n[ \t\u00a0]*\r?\n")
# one break character at a time: a CRLF gives an empty piece between CR and LF, which is dropped
_PARA_SPLIT_LINE = re.compile(r"[\r\n\u2029]")
# a run of sentence-final marks (an ellipsis "..." is three of them), closing quotes or brackets, then space
_BOUNDARY_RE = re.compile(r"[.!?…][.!?…]*[\"”’'»)\]]*(?=\s)")
_OPEN_PUNCT = "\"“‘'«([{—–-"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    splitter = _PARA_SPLIT_BLANK if _BLANK_LINE_RE.search(text) else _PARA_SPLIT_LINE
    out = []
    pos = 0
    for m in splitter.finditer(text):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, s: int, e: int, out: list) -> None:
    """Append ``(s, e)`` without white space at either end (``str.strip`` strips what ``str.isspace`` calls white
    space), unless nothing is left."""
    piece = text[s:e]
    body = piece.lstrip()
    if body:
        s += len(piece) - len(body)
        out.append((s, s + len(body.rstrip())))


def _word_before(text: str, ps: int, ms: int) -> str:
    """The white-space-free run of characters that ends at ``ms`` (starting no earlier than ``ps``), as a backward
    scan to the nearest white space gives it: found with ``str.rfind`` for a space, then checked for other white
    space (a line break, NBSP), which only the rare non-printable run can hold."""
    token = text[text.rfind(" ", ps, ms) + 1 or ps:ms]  # (rfind gives -1, so 0, when no space follows ps)
    if not token.isprintable():  # white space other than " " (or another non-printable character) in the run
        token = "" if token[-1].isspace() else token.split()[-1]
    return token


def _next_sentence_start(text: str, ms: int, end: int, ps: int, pe: int, abbr: Abbreviations) -> int:
    """Where the next sentence starts if the candidate ``text[ms:end]`` (a run of sentence-final marks) ends one,
    else 0: the first character after the white space that follows it, in the paragraph ``[ps, pe)``."""
    j = end
    while j < pe and text[j].isspace():
        j += 1
    if j >= pe:
        return 0
    k = j
    while k < pe and text[k] in _OPEN_PUNCT:
        k += 1
    if k >= pe:
        return 0
    nc = text[k]
    if not (nc.isupper() or nc.isdigit() or (k > j and text[j] in "“\"‘'(")):
        return 0
    if text[ms] != "." or text.startswith("...", ms):
        return j
    token = _word_before(text, ps, ms).lstrip(_OPEN_PUNCT)  # the token before the period
    if not token:
        return j
    if token in abbr.title:
        return 0
    # (initials, "U.S" or "J", have a period second or are one letter: the regex only runs on those)
    if token in abbr.other or ((len(token) == 1 or token[1] == ".") and _INITIALS_RE.match(token)):
        if k > j:  # next sentence opens with a quote or bracket
            return j
        nw = WORD_RE.match(text, k)
        return j if nw and nw.group() in SENTENCE_OPENERS else 0
    return j


#: :data:`_BOUNDARY_RE` after its first mark (see :func:`_boundary_candidates`)
_BOUNDARY_TAIL_RE = re.compile(r"[.!?…]*[\"”’'»)\]]*(?=\s)")


def _boundary_candidates(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _BOUNDARY_RE.finditer(text)]``: the sentence-end candidates of the whole text.

    The marks that can start one are found with ``str.find`` (:func:`_offsets_of`, a C scan per mark) and the
    rest of the pattern is matched at each (a mark inside the previous candidate starts none, as ``finditer``
    resumes after a match): a third faster than letting the regular expression look for its first character in
    every position of the text."""
    out: list[tuple[int, int]] = []
    end = 0
    match = _BOUNDARY_TAIL_RE.match
    for i in _offsets_of(text, ".!?…"):
        if i >= end:
            m = match(text, i + 1)
            if m is not None:
                end = m.end()
                out.append((i, end))
    return out


def _sentences(text: str, paragraphs: list[tuple[int, int]], abbr: Abbreviations, check) -> tuple[list, list]:
    """The sentences of ``text`` and the paragraph index of each, in one pass over the sentence-end candidates of
    the whole text (one regular-expression pass finds them) alongside the paragraphs; ``check()`` runs once per
    paragraph. Every sentence starts at a non-space character (the paragraph's start, or the first one after a
    boundary) and ends at one (a boundary's last mark, or the paragraph's end), so none needs trimming. A
    sentence that opens with a parenthesis is then split after it (:func:`_split_parentheticals`)."""
    sentences: list[tuple[int, int]] = []
    sent_par: list[int] = []
    marks = _boundary_candidates(text)
    n = len(marks)
    k = 0
    for pi, (ps, pe) in enumerate(paragraphs):
        check()
        first = len(sentences)
        start = ps
        while k < n:
            ms, me = marks[k]
            if ms >= pe:
                break
            k += 1
            # (a candidate at the paragraph's very end is no boundary: nothing follows it in the paragraph)
            if start < me < pe:
                nxt = _next_sentence_start(text, ms, me, ps, pe, abbr)
                if nxt:
                    sentences.append((start, me))
                    start = nxt
        sentences.append((start, pe))
        sent_par += [pi] * (len(sentences) - first)
    if "(" in text:
        for i in reversed([i for i, (s, _) in enumerate(sentences) if text[s] == "("]):
            pieces = _split_parentheticals(text, [sentences[i]])
            if len(pieces) > 1:
                sentences[i:i + 1] = pieces
                sent_par[i:i + 1] = [sent_par[i]] * len(pieces)
    return sentences, sent_par


def _split_parentheticals(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in sents:
        while text[s] == "(":
            depth = 0
            close = None
            for i in range(s, e):
                if text[i] == "(":
                    depth += 1
                elif text[i] == ")":
                    depth -= 1
                    if depth == 0:
                        close = i
                        break
            if close is None or close + 1 >= e:
                break
            rest = close + 1
            while rest < e and text[rest].isspace():
                rest += 1
            if rest >= e or not (text[rest].isupper() or text[rest] in "“\"'‘"):
                break
            out.append((s, close + 1))
            s = rest
        out.append((s, e))
    return out


# ---------------------------------------------------------------------------
# the segmentation object


class _Unlimited:
    """A time budget that never runs out (``check()`` does nothing)."""

    __slots__ = ()
    checks = 0
    where = ""

    def check(self) -> None:
        """Do nothing."""

    def expired(self) -> None:
        """Do nothing."""

    def __repr__(self) -> str:
        return "UNLIMITED"


#: The default ``Segmentation.deadline``: no time budget.
UNLIMITED = _Unlimited()


@dataclass
class Segmentation:
    """Paragraphs, sentences and quotation regions of one text, with helpers to locate an offset.

    Made by :func:`segment`. All offsets are half-open ``(start, end)`` into :attr:`text`.

    Parameters
    ----------
    text : str
        The text segmented.
    paragraphs, sentences : list of (int, int)
        Paragraph and sentence extents, in order.
    sentence_paragraph : list of int
        The paragraph index of each sentence.
    quotes : list of Quote
        Quotation regions, in order of start.
    stray_quote_marks : list of int
        Offsets of quote marks that open or close nothing.
    """

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    sentence_paragraph: list[int]
    quotes: list[Quote]
    stray_quote_marks: list[int] = field(default_factory=list)

    def __repr__(self) -> str:
        head = self.text[:40].replace("\n", " ")
        return (f"<Segmentation: {len(self.text):,} characters, {len(self.paragraphs)} paragraphs, "
                f"{len(self.sentences)} sentences, {len(self.quotes)} quotations; text {head!r}"
                f"{'...' if len(self.text) > 40 else ''}>")

    def __post_init__(self) -> None:
        self._sent_starts = [s for s, _ in self.sentences]
        self._par_starts = [s for s, _ in self.paragraphs]
        self._q_cstarts = [q.content_start for q in self.quotes]
        self._q_cends = [q.content_end for q in self.quotes]
        self._tokens: TokenTable | None = None
        self._word_count: int | None = None
        self._lower: str | None = None
        #: The document's time budget: extractors call ``seg.deadline.check()`` in their loops (see
        #: :mod:`framelens.runtime.deadline`; the Analyzer sets it, the default never expires).
        self.deadline = UNLIMITED

    # -- lookups (called tens of thousands of times per corpus: one bisection each, nothing else) ----------
    def sentence_at(self, pos: int) -> int | None:
        """Index of the sentence containing offset ``pos`` (the nearest preceding one between sentences; sentence 0
        before the first; None when there are no sentences)."""
        i = bisect_right(self._sent_starts, pos)
        return i - 1 if i else (0 if self._sent_starts else None)

    def paragraph_at(self, pos: int) -> int | None:
        """Index of the paragraph containing offset ``pos`` (as :meth:`sentence_at` does for sentences)."""
        i = bisect_right(self._par_starts, pos)
        return i - 1 if i else (0 if self._par_starts else None)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation region whose content contains ``pos``, if any: of the regions whose content starts at or
        before ``pos``, the last one, when its content holds ``pos``."""
        i = bisect_right(self._q_cstarts, pos)
        return self.quotes[i - 1] if i and pos < self._q_cends[i - 1] else None

    def voice_at(self, pos: int) -> str:
        """``"quoted"`` if ``pos`` lies inside a quotation's content (:meth:`quote_at`), else ``"author"``."""
        i = bisect_right(self._q_cstarts, pos)
        return "quoted" if i and pos < self._q_cends[i - 1] else "author"

    @property
    def lower(self) -> str:
        """:attr:`text` lower-cased character by character, every offset kept (a character whose lower case is
        longer stays as it is; :func:`framelens.text.matcher_text.lower`), computed once: the lexicon matcher and
        the attribution extractor both read it."""
        if self._lower is None:
            self._lower = _lower_text(self.text)
        return self._lower

    # -- words ----------------------------------------------------------
    @property
    def tokens(self) -> TokenTable:
        """The document's words as one :class:`~framelens.text.token_table.TokenTable` (offsets, forms, sentence
        index, quotation flag, lower-cased forms), built on first use and then kept: extractors that need
        words or per-word lookups read this table rather than tokenising again."""
        if self._tokens is None:
            self._tokens = TokenTable(self.text, self._sent_starts, list(zip(self._q_cstarts, self._q_cends)))
        return self._tokens

    @property
    def words(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every word (from :attr:`tokens`)."""
        tokens = self.tokens
        return list(zip(tokens.starts, tokens.ends))

    @property
    def word_count(self) -> int:
        """Number of words: ``len(self.tokens)`` once the table is built; until then counted without listing the
        words (:func:`~framelens.text.token_table.count_words`, half the cost of building the table), once."""
        if self._tokens is not None:
            return len(self._tokens)
        if self._word_count is None:
            self._word_count = count_words(self.text)
        return self._word_count

    def count_words(self, start: int, end: int) -> int:
        """``count_words(text, start, end)``: read from :attr:`tokens` once the table is built, else counted.

        Parameters
        ----------
        start, end : int
            Offsets into :attr:`text`.

        Returns
        -------
        int
        """
        if self._tokens is not None:
            return self._tokens.count(start, end)
        return count_words(self.text, start, end)

    def quoted_word_count(self) -> int:
        """Words inside quotation regions (double and single): the sum of :meth:`count_words` over their contents
        (read from :attr:`tokens` once the table is built; else the contents are counted together, joined by
        spaces, which no word crosses)."""
        if self._tokens is not None:
            count = self._tokens.count
            return sum(count(cs, ce) for cs, ce in zip(self._q_cstarts, self._q_cends))
        text = self.text
        return count_words(" ".join([text[cs:ce] for cs, ce in zip(self._q_cstarts, self._q_cends)]))


def segment(text: str, *, abbreviations: Abbreviations | None = None, deadline=None) -> Segmentation:
    """Segment ``text`` into paragraphs, sentences and quotation regions.

    Never raises on any ``str`` (but see ``deadline``); offsets index ``text`` unchanged.

    Parameters
    ----------
    text : str
        The text.
    abbreviations : Abbreviations, optional
        Abbreviations that do not end a sentence (default: the shipped English list).
    deadline : Deadline, optional
        A time budget (:class:`framelens.runtime.deadline.Deadline`), checked once per paragraph and kept as
        the result's ``deadline`` for the extractors; its ``check()`` raises when the budget is spent.

    Returns
    -------
    Segmentation
    """
    abbr = abbreviations or load_abbreviations()
    check = (deadline or UNLIMITED).check
    paragraphs = _paragraphs(text)
    sentences, sent_par = _sentences(text, paragraphs, abbr, check)
    doubles, stray = _find_double_quotes(text, paragraphs)
    singles = _find_single_quotes(text, paragraphs, doubles)
    quotes = sorted(doubles + singles, key=lambda q: q.start)
    seg = Segmentation(text, paragraphs, sentences, sent_par, quotes, stray)
    if deadline is not None:
        seg.deadline = deadline
    return seg
