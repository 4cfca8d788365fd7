"""Quotation regions with exact character offsets: double quotations (straight, curly, guillemets, and the
two-character marks of some archives: two apostrophes or two backticks) and short single-quoted titles and
scare quotes. Used by :mod:`.segmentation`; nothing here raises on odd input (unbalanced or stray marks are
flagged on the region, not fatal).

Speed: quotation marks are found with ``str.find`` (a C scan per mark character); Python runs only at the marks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .token_table import WORD_RE


DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIG = '"'
#: Punctuation and a single closing mark before white space: how a quotation opened by a double mark is sometimes
#: closed by mistake ('"Yes,' said Quill').
_SINGLE_CLOSE_RE = re.compile(r"[,.?!]['’](?=\s)")
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
#: What may stand before an opening single mark besides white space (see :func:`_single_openers`).
_SINGLE_OPEN_AFTER = frozenset("([{“\"—–-")
_OPENERS_BEFORE = set(" \t\r\n\u00a0([{—–-/")


@dataclass(frozen=True, init=False)
class Quote:
    """A quotation region.

    Parameters
    ----------
    start, end : int
        The region including the quote marks.
    content_start, content_end : int
        The text between the marks.
    mark : str
        ``"double"`` or ``"single"``.
    label : str
        ``direct`` (a quoted sentence or clause), ``partial`` (a short quoted phrase: a partial
        quote or scare quotes) or ``title`` (a short Title-Case name in quotes, e.g. a programme's name).
    uncertain : bool
        The marks did not balance and the extent is a best guess.
    continues, continued : bool
        A multi-paragraph quote goes on in the next paragraph; this region is such a continuation.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    mark: str
    label: str
    uncertain: bool = False
    continues: bool = False
    continued: bool = False

    # Written out, as framelens.model.Span's is: the generated __init__ of a frozen dataclass sets each field
    # through object.__setattr__; this one fills the instance's dict directly (a third of the cost).
    def __init__(self, start: int, end: int, content_start: int, content_end: int, mark: str, label: str,
                 uncertain: bool = False, continues: bool = False, continued: bool = False):
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["content_start"] = content_start
        d["content_end"] = content_end
        d["mark"] = mark
        d["label"] = label
        d["uncertain"] = uncertain
        d["continues"] = continues
        d["continued"] = continued


def _quote_label(text: str, cs: int, ce: int) -> str:
    content = text[cs:ce].strip()
    # most quotations: seven runs of letters among the first 64 characters are seven words or more, which makes
    # the quotation ``direct`` whatever else holds (each run is at least one word), without the word regex
    if sum(map(str.isalpha, content[:64].split())) >= 7:
        return "direct"
    # the label reads at most the first 7 words (a quotation of 7 or more is ``direct``): the words of its first
    # 64 characters do when there are 8 or more of them (the 8th may be cut, the first 7 are whole)
    words = WORD_RE.findall(content, 0, 64)
    if len(words) < 8 and len(content) > 64:
        words = WORD_RE.findall(content)
    if not words:
        return "partial"
    ends_clause = content[-1:] in ".,!?;:…"
    if len(words) <= 6 and not ends_clause and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words) \
            and words[0][:1].isupper():
        return "title"
    full_sentence = content[-1:] in ".!?…" and content[:1].isupper()
    if len(words) <= 3 and not full_sentence:
        return "partial"
    return "direct"


_TITLE_SMALL = {"a", "an", "the", "of", "on", "in", "and", "or", "to", "for", "at", "by", "with"}


def _find_double_quotes(text: str, paragraphs: list[tuple[int, int]]):
    """Double-quote regions, paragraph by paragraph; returns (quotes, stray mark offsets)."""
    quotes: list[Quote] = []
    stray: list[int] = []
    carry = False  # previous paragraph left a quote open that this one should continue
    marks = _offsets_of(text, DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIG)
    wide = _two_character_marks(text) if "''" in text or "``" in text else None
    if wide:
        marks = sorted(marks + list(wide))
    n_marks = len(marks)
    open_width = 1
    k = 0
    for pi, (ps, pe) in enumerate(paragraphs):
        open_pos = None
        continued = False
        first = True
        while k < n_marks and marks[k] < pe:
            pos = marks[k]
            k += 1
            if pos < ps:  # (never: a mark is no white space, so it lies in a paragraph)
                continue
            c = text[pos]
            width = 1
            if wide and pos in wide:
                c, width = wide[pos], 2  # two apostrophes (ambiguous, as a straight mark) or two backticks (opening)
            if open_pos is None:
                if c in DOUBLE_CLOSE:
                    # A closing mark with nothing open.
                    if first and carry:
                        # continuation paragraph whose opening mark is missing
                        quotes.append(Quote(ps, pos + width, ps, pos, "double", _quote_label(text, ps, pos),
                                            uncertain=True, continued=True))
                    else:
                        stray.append(pos)
                elif c == '"' and width == 1 and pos > ps and text[pos - 1].isdigit() and not (
                        pos + 1 < pe and text[pos + 1].isalpha()):
                    pass  # an inch mark: 5'10"
                else:
                    open_pos = pos
                    open_width = width
                    continued = first and carry
            else:
                # an opening mark closes when it follows a non-space and precedes a space or punctuation
                after = pos + width
                if (c in DOUBLE_OPEN and not (pos > ps and not text[pos - 1].isspace() and (
                        after >= pe or text[after].isspace() or text[after] in ".,;:!?)"))) or (
                        c == '"' and width == 1 and text[pos - 1].isspace() and after < pe and text[after].isalnum()
                        and _SINGLE_CLOSE_RE.search(text, open_pos, pos)):
                    # a straight mark after a space and before a letter opens when the open quotation was closed by
                    # a single mark ('"Yes,' said Quill, "and no.': a mismatched pair)
                    # a new opening mark while one is open: close the first as uncertain
                    quotes.append(_make(text, open_pos, pos, pos, uncertain=True, continued=continued,
                                        width=open_width))
                    open_pos = pos
                    open_width = width
                    continued = False
                else:
                    quotes.append(_make(text, open_pos, after, pos, continued=continued, width=open_width))
                    open_pos = None
                    continued = False
            first = False
        carry = False
        if open_pos is not None:
            end = pe
            while end > open_pos + open_width and text[end - 1].isspace():
                end -= 1
            nxt_open = False
            if pi + 1 < len(paragraphs):
                ns = paragraphs[pi + 1][0]
                nxt_open = ns < len(text) and (text[ns] in DOUBLE_OPEN + DOUBLE_AMBIG or
                                               (bool(wide) and ns in wide))
            quotes.append(
                _make(text, open_pos, end, end, uncertain=not nxt_open, continues=nxt_open, continued=continued,
                      width=open_width)
            )
            carry = nxt_open
    return quotes, stray


def _make(text, start, end, content_end, *, uncertain=False, continues=False, continued=False,
          width: int = 1) -> Quote:
    cs = start + width
    ce = max(cs, content_end)
    return Quote(start, end, cs, ce, "double", _quote_label(text, cs, ce), uncertain, continues, continued)


def _two_character_marks(text: str) -> dict[int, str]:
    """Double quotation marks written as two characters, by offset: two apostrophes (as in older New York Times
    text and some archive exports; they open or close, like a straight double mark) and two backticks (an
    opening mark in LaTeX-style text). In a run of three apostrophes the pair is the first two before a letter
    or digit (an opening pair before a single mark) and the last two otherwise (a single mark closes first);
    longer runs are no marks."""
    out: dict[int, str] = {}
    for m in _TWO_MARKS_RE.finditer(text):
        run = m.group()
        start = m.start()
        if run == "``":
            out[start] = DOUBLE_OPEN[0]
        elif run == "''":
            out[start] = DOUBLE_AMBIG
        elif run == "'''":
            after = m.end()
            opening = after < len(text) and text[after].isalnum()
            out[start if opening else start + 1] = DOUBLE_AMBIG
    return out


#: Runs of apostrophes or backticks (each run read whole: see :func:`_two_character_marks`).
_TWO_MARKS_RE = re.compile(r"'+|`+")


def _offsets_of(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of any of ``chars`` in ``text``, in order. Found with ``str.find``, a C scan per
    character: quotation marks are few, and the regex engine's search for a character class reads every
    character of the text in its own, much slower loop."""
    out: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _single_openers(text: str) -> list[int]:
    """Offsets of the marks that may open a single quotation: ``'`` or ``‘`` at the text's start or after white
    space, a bracket, an opening double mark or a dash, and before a letter or digit."""
    n = len(text)
    return [i for i in _offsets_of(text, "'‘") if i + 1 < n and text[i + 1].isalnum() and (
        i == 0 or text[i - 1].isspace() or text[i - 1] in _SINGLE_OPEN_AFTER)]


def _find_single_quotes(text: str, paragraphs, doubles: list[Quote]) -> list[Quote]:
    """Single-quoted titles and scare quotes outside double quotes (within one paragraph, at most 15 words)."""
    out: list[Quote] = []
    opens = _single_openers(text)
    n_opens = len(opens)
    if not n_opens:
        return out
    dstarts = [q.start for q in doubles]
    k = 0
    for ps, pe in paragraphs:
        pos = ps
        closer = None
        while True:
            while k < n_opens and opens[k] < pos:
                k += 1
            if k == n_opens or opens[k] >= pe:
                break
            o = opens[k]
            i = bisect.bisect_right(dstarts, o) - 1
            if i >= 0 and doubles[i].start <= o < doubles[i].end:
                pos = doubles[i].end
                continue
            opener = text[o]
            if closer is None:
                closer = _SingleCloser(text, pe)
            close = closer.find(o + 1, opener)
            if close is None or (i + 1 < len(dstarts) and close >= dstarts[i + 1]):
                pos = o + 1  # (no close, or one inside the next double quotation: "'0''" would overlap it)
                continue
            out.append(Quote(o, close + 1, o + 1, close, "single", _quote_label(text, o + 1, close)))
            pos = close + 1
    return out


#: A closing single mark as :meth:`_SingleCloser.find` accepts it: not after white space, not before a letter or
#: digit (the paragraph's end counts as a space).
_CLOSE_ANY_RE = re.compile(r"['’](?<=\S['’])(?![^\W_])")
_CLOSE_CURLY_RE = re.compile(r"’(?<=\S’)(?![^\W_])")
_CLOSE_STOP_RE = re.compile("[\n“”\"]")
_SPACE_RE = re.compile(r"\s")


class _SingleCloser:
    """Where the single quotation opened at each opener of one paragraph closes, openers taken in text order, in
    linear time (tests/text/test_segmentation_fast.py states the rule as a plain scan and checks against it).

    The scan from an opener ends at the first acceptable closing mark, unless a double mark or a line break, or
    the 16th white space, comes first. The next closing mark and the next stop are found by a regular
    expression and kept while the openers pass them, and the white space is listed once, so each character of
    the paragraph is read a bounded number of times however many openers there are (a scan per opener was
    quadratic: 60 KB of ``-'a`` took a minute)."""

    def __init__(self, text: str, limit: int):
        self.text, self.limit = text, limit
        self.next = {}  # pattern -> the last match found (its start), or limit + 1 for none
        self.spaces: list[int] = []
        self.space_iter = None
        self.k = 0  # first index of self.spaces at or after the last start

    def _after(self, pattern: re.Pattern, start: int) -> int:
        got = self.next.get(pattern)
        if got is None or got < start:
            m = pattern.search(self.text, start, self.limit)
            got = self.next[pattern] = m.start() if m else self.limit + 1
        return got

    def _space(self, start: int, n: int, before: int) -> bool:
        """Whether the ``n``-th white space at or after ``start`` comes before ``before``."""
        spaces = self.spaces
        if self.space_iter is None:
            self.space_iter = _SPACE_RE.finditer(self.text, start, self.limit)
        while self.k < len(spaces) and spaces[self.k] < start:
            self.k += 1
        need = self.k + n - 1
        while len(spaces) <= need and (not spaces or spaces[-1] < before):
            m = next(self.space_iter, None)
            if m is None:
                break
            spaces.append(m.start())
            if spaces[-1] < start:
                self.k = len(spaces)
                need = self.k + n - 1
        return need < len(spaces) and spaces[need] < before

    def find(self, start: int, opener: str) -> int | None:
        """The closing mark for ``opener`` (``'`` or ``‘``) at or after ``start``, or None; ``start`` never decreases
        between calls."""
        close = self._after(_CLOSE_ANY_RE if opener == "'" else _CLOSE_CURLY_RE, start)
        if close >= self.limit or self._after(_CLOSE_STOP_RE, start) < close or self._space(start, 16, close):
            return None
        return close
