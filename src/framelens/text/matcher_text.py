"""The matcher's text side: the normalised copy of a document it scans, and the automaton scan.

:func:`prepare` lower-cases a text and makes word separators uniform (a line break and a hyphen become
a space, a curly apostrophe a straight one), keeping character offsets wherever it can; :func:`key`
gives the automaton key of a lexicon phrase, normalised the same way; :class:`Automaton` finds every
key in the prepared text in one call (``ahocorasick_rs``); :func:`scanned` gives the copy of the quick
normalisation that the matcher scans.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["Automaton", "MAP_PAIRS", "SCAN_KEYS", "key", "lower", "needs_map", "prepare", "quick", "scanned",
           "to_orig"]

#: characters that need the slow, offset-mapping normalisation (found by a fast one-character search each)
ODD_CHARS = ("\xa0", "\t", "\r", "\u2010", "\u2011", "\u2009", "\u202f", "\u2007", "\u200a")
_NORM_RE = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\r\n]{2,}|[\t\xa0\u2000-\u200a\u202f\r]|[\u2010\u2011]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def key(phrase: str) -> str:
    """The automaton key of a normalised phrase (see :func:`prepare` for the text side)."""
    return phrase.replace("-", " ").replace("’", "'")


#: keys the matcher's automaton holds besides the lexicon's, so that its scan also says whether the quick
#: normalisation of a text (:func:`lower` plus the length-preserving replacements) is the one :func:`prepare`
#: makes: two separators in a row (see :func:`needs_map`; a separator next to a line break where the scanned text
#: keeps its line breaks, see :func:`scanned`) and the characters of ``ODD_CHARS``
SCAN_KEYS = ("  ", " \n", "\n ") + ODD_CHARS


_ASCII = bytes(range(128))


def lower(text: str) -> str:
    """``text`` lower-cased character by character (a character whose lower case is longer stays as it is), so
    that offsets hold.

    Most news text is ASCII but for a few quotation marks and dashes, which make ``str.lower`` take its slow path
    for every character; where every character beyond ASCII is its own lower case (``str.lower`` maps one character
    at a time, but for a capital sigma, which is not), the text's UTF-8 bytes are lower-cased instead (ASCII
    letters only) and decoded: the same string in about two thirds of the time.
    """
    if not text.isascii():
        raw = text.encode("utf-8", "surrogatepass")
        # the characters beyond ASCII, in order: every byte of their UTF-8 sequences is beyond ASCII
        wide = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if wide.lower() == wide:
            return raw.lower().decode("utf-8", "surrogatepass")
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def quick(low: str) -> str:
    """The normalised text of :func:`prepare` where it needs no offset map (see :func:`needs_map`)."""
    return low.replace("\n", " ").replace("-", " ").replace("’", "'")


#: the pairs of characters of a lower-cased text that ask for the offset map (see :func:`needs_map`)
MAP_PAIRS = ("  ", " \n", "\n ")

#: a line break with none next to it (nor a run of three or more: a rarer case left to the plain path)
_LONE_BREAK = re.compile(r"\n(?<!\n\n)(?!\n)")


def scanned(low: str) -> tuple[str, str]:
    """``(scan, norm)``: the text the matcher scans, and :func:`quick` ``(low)``.

    Where no line break of ``low`` stands alone (each is one of a blank line, as in most news text) the scanned
    text keeps its line breaks, so that a blank line is not two spaces there: the scan's pairs of separators are
    then (nearly) only those that ask for the offset map (:data:`MAP_PAIRS`), not one per paragraph. No phrase
    crosses a blank line, so every lexicon key matches this text where it matches ``norm``. Where a line break
    stands alone (a phrase may go on after it) the scanned text is ``norm``. Either way the pairs of :data:`SCAN_KEYS`
    found in it are where ``low`` may hold one of :data:`MAP_PAIRS` (:func:`needs_map`).
    """
    kept = low.replace("-", " ").replace("’", "'")
    norm = kept.replace("\n", " ")
    if norm is kept or _LONE_BREAK.search(low) is not None:
        return norm, norm
    return kept, norm


def needs_map(low: str, odd: bool, pairs) -> bool:
    """Whether :func:`prepare` collapses white space in ``low`` (and so maps offsets), from what a scan of
    :func:`scanned` ``(low)`` found: ``odd``, whether it found one of ``ODD_CHARS``; ``pairs``, the starts of the
    pairs of separators of :data:`SCAN_KEYS` there. A pair of spaces in the quick text is a pair of spaces, a
    space and a line break, or two line breaks, a hyphen and a space or a line break in ``low``; a space or a hyphen
    next to a line break in the text that keeps line breaks is a space and a line break or a hyphen and a line
    break in ``low``. Only a pair of spaces and a space next to a line break (not a blank line, not a hyphen) ask
    for the map."""
    return odd or any(low.startswith(MAP_PAIRS, i) for i in pairs)


def prepare(text: str):
    """Lower-case the text and make word separators uniform, keeping offsets where possible.

    Length-preserving replacements (fast, the common case): a line break and a hyphen become a space, a curly
    apostrophe a straight one, so ``illegal-immigrant`` and ``illegal\\nimmigrant`` both read ``illegal
    immigrant``; a blank line becomes two spaces, which no phrase crosses. Runs of other white space (repeated
    spaces, tabs, NBSP, CRLF) are collapsed to one space, with an offset map back to the original text.

    Returns ``(norm, amap)``: the normalised text and None, or the map that :func:`to_orig` reads.
    """
    low = lower(text)
    amap = None
    if any(o in low for o in ODD_CHARS) or "  " in low or ("\n" in low and (" \n" in low or "\n " in low)):
        parts = []
        anchors_norm = [0]
        anchors_orig = [0]
        pos = 0
        npos = 0
        for m in _NORM_RE.finditer(low):
            s, e = m.span()
            run = m.group()
            if run in ("\u2010", "\u2011"):
                rep = "-"
            elif run.count("\n") >= 2:
                rep = "\n\n"
            elif "\n" in run:
                rep = "\n"
            else:
                rep = " "
            parts.append(low[pos:s])
            npos += s - pos
            parts.append(rep)
            npos += len(rep)
            pos = e
            anchors_norm.append(npos)
            anchors_orig.append(e)
        parts.append(low[pos:])
        low = "".join(parts)
        amap = (anchors_norm, anchors_orig)
    return quick(low), amap


def to_orig(pos: int, amap) -> int:
    """The offset in the original text of offset ``pos`` of the normalised text (``amap`` from :func:`prepare`)."""
    if amap is None:
        return pos
    norm, orig = amap
    i = bisect.bisect_right(norm, pos) - 1
    return orig[i] + (pos - norm[i])


class Automaton:
    """The automaton keys compiled by ``ahocorasick_rs`` (a contiguous NFA: its scan time grows little with the
    number of keys, where a DFA's outgrows the processor caches). :meth:`iter` returns every match, overlapping
    ones included, as ``(key index, start, end)`` in order of end, in one call."""

    def __init__(self, keys: list[str]):
        import ahocorasick_rs

        self.keys = keys
        self._ac = ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def iter(self, norm: str) -> list[tuple[int, int, int]]:
        """Every key occurrence in ``norm`` (character offsets), overlapping ones included."""
        try:
            return self._ac.find_matches_as_indexes(norm, overlapping=True)
        except UnicodeEncodeError:
            # lone surrogates (a JSON "\\ud800" escape) do not encode; no key holds one and, like them, U+FFFD is
            # neither letter nor digit, so replacing them keeps every match and every word boundary
            return self._ac.find_matches_as_indexes(_SURROGATE_RE.sub("\ufffd", norm), overlapping=True)
