"""Use or mention, and the ``case: lower`` rule, for the matcher's hits.

A hit that is the whole content of a quotation introduced as a word ("the term 'illegal alien'"), that
directly follows "the term/word/phrase/label", or that is a label declined ("did not call them illegal
aliens") is a *mention*, not a use (:func:`use`). :func:`mention_sites` finds, once per document, the
few hit starts where the first two rules could apply, so every other hit is a use without a look
(labels aside). :func:`lower_ok` is the ``case: lower`` rule of an entry.
"""

from __future__ import annotations

import re

from . import senses

__all__ = ["META_HEADS", "lower_ok", "mention_sites", "use"]

_META_CUE_RE = re.compile(
    r"\b(?:term|terms|word|words|phrase|phrases|label|labels|expression|expressions|name|names|called|calls|call|"
    r"calling|dubbed|dubs|describes?|described|known as|use of|using|used|uses|say|saying|says|said)\W*$"
)
_UNQUOTED_META_RE = re.compile(r"\bthe (?:term|word|phrase|label|expression|words|terms)\s*$")
#: where ``_UNQUOTED_META_RE`` could hold: "the <noun>" then white space, up to the position of a hit
_UNQUOTED_META_AT = re.compile(r"the (?:term|word|phrase|label|expression)s?(\s+)")
#: how a match of ``_UNQUOTED_META_AT`` starts: keys of the matcher's automaton, so its scan finds where to look
META_HEADS = ("the term", "the word", "the phrase", "the label", "the expression")
_OPEN_PUNCT = " \"“‘'([«—–-"
_META_NOUNS = ("term", "word", "phrase", "label", "expression", "words", "terms")
_QUOTE_STRIP = " \t\n\"'“”‘’.,;:!?"


def lower_ok(text: str, s: int, seg) -> bool:
    """The ``case: lower`` rule for a hit starting at ``text[s]``: written in lower case, or capitalised only as
    the first word of a sentence (only opening punctuation and spaces before it)."""
    c = text[s]
    if not c.isalpha() or c.islower():
        return True
    if seg is None:
        return s == 0
    si = seg.sentence_at(s)
    if si is None:
        return True
    ss = seg.sentences[si][0]
    return not text[ss:s].strip(_OPEN_PUNCT)


def use(text: str, norm: str, s: int, e: int, seg, labels: bool = False) -> str:
    """``use`` or ``mention`` for the hit ``norm[s:e]``; ``labels``: also look for a declined label ("did not
    call them ...")."""
    if seg is not None:
        q = seg.quote_at(s)
        if q is not None:
            inner = text[q.content_start:q.content_end].strip(_QUOTE_STRIP)
            if len(inner) <= (e - s) + 2 and e <= q.content_end:
                before = norm[max(0, q.start - 40):q.start].rstrip()
                if _META_CUE_RE.search(before):
                    return "mention"
    before = norm[max(0, s - 20):s]
    # cheap necessary condition first: the regex needs one of these words right before the hit
    if before.rstrip().endswith(_META_NOUNS) and _UNQUOTED_META_RE.search(before):
        return "mention"
    if labels and senses.declined(norm, s):
        return "mention"
    return "use"


def mention_sites(text: str, norm: str, seg, heads=None) -> set[int]:
    """The hit starts at which :func:`use` could find a mention other than a declined label, found once per
    document: a start near the beginning of a quotation's content (a hit that is the whole content starts
    there), or right after "the term"-like words. Anywhere else :func:`use` says ``use`` (labels aside).

    ``heads``: where each of ``META_HEADS`` occurs in ``norm``, if the caller knows (the matcher's scan finds
    them), else they are searched for here. The words after a head do not hold another head, so a search from
    each head finds what one search through the text finds."""
    if heads is None:
        sites = {m.end() for m in _UNQUOTED_META_AT.finditer(norm)} if "the " in norm else set()
    else:
        sites = {m.end() for m in map(_UNQUOTED_META_AT.match, [norm] * len(heads), heads) if m is not None}
    if seg is not None:
        for q in seg.quotes:
            cs, ce = q.content_start, q.content_end
            # use() needs len(inner) <= (e - s) + 2 with cs <= s and e <= ce: s <= ce - len(inner) + 2
            slack = ce - cs - len(text[cs:ce].strip(_QUOTE_STRIP)) + 2
            sites.update(range(cs, cs + slack + 1))
    return sites
