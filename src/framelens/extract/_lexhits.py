"""The lexicon hits of one document by span kind, shared by the lexicon extractors.

The shared matcher scans a document once for every pack of every kind
(:func:`framelens.extract.base.lexicon_hits` keeps its hits on the
segmentation); each lexicon extractor then reads only the hits of its own kinds
from one grouping made per document, instead of filtering the whole list again.
Each entry's fixed span fields (its reference, label and pack) are worked out
once per entry, not once per hit, and the sentence and voice of each hit are
found by one bisection each in lists made once per document (the rules of
``Segmentation.sentence_at`` and ``Segmentation.voice_at``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..model import Span
from ..text.matcher import group_by_kind
from .base import lexicon_hits

__all__ = ["hits_by_kind", "EntryFacts", "Where", "placed_hits", "plain_spans"]


def hits_by_kind(matcher, doc, seg) -> dict[str, list]:
    """The matcher's hits in ``doc`` by span kind (each list in offset order), grouped once per document."""
    cache = seg.__dict__.setdefault("_lexicon_hits_by_kind", {})
    key = id(matcher)
    got = cache.get(key)
    if got is None:
        got = cache[key] = group_by_kind(lexicon_hits(matcher, doc, seg))
    return got


class EntryFacts:
    """Per (pack, entry): what every span of its hits repeats, computed on first use.

    ``known.get(id(entry))`` is ``(pack, entry ref "pack@version:id", pack ref "pack@version", label)`` once
    :meth:`learn` has seen the entry (check that the pack is the hit's); the label is the entry's category, or for
    reporting verbs its stance (the category where it has none).
    """

    def __init__(self, stance_label: bool = False):
        self._stance = stance_label
        self.known: dict[int, tuple[Any, str, str, str]] = {}

    def learn(self, lexicon, entry) -> tuple[Any, str, str, str]:
        """The facts of ``entry`` of ``lexicon`` (kept; the pack keeps the entry, and so its id, alive)."""
        label = (entry.stance or entry.category) if self._stance else entry.category
        got = self.known[id(entry)] = (lexicon, lexicon.entry_ref(entry), lexicon.ref, label)
        return got


class Where:
    """The sentence and voice of offsets of one document, by bisection (as ``Segmentation.sentence_at`` and
    ``Segmentation.voice_at`` find them), from lists made once per document and kept on its segmentation."""

    __slots__ = ("starts", "first", "quote_starts", "quote_ends")

    def __init__(self, seg):
        self.starts = [a for a, _ in seg.sentences]
        self.first = 0 if self.starts else None  # before the first sentence: sentence 0; no sentences: None
        self.quote_starts = [q.content_start for q in seg.quotes]
        self.quote_ends = [q.content_end for q in seg.quotes]

    @classmethod
    def of(cls, seg) -> "Where":
        """The lists of ``seg``, made on first use."""
        got = seg.__dict__.get("_lexicon_where")
        if got is None:
            got = seg.__dict__["_lexicon_where"] = cls(seg)
        return got

    def sentence(self, pos: int) -> int | None:
        """Index of the sentence holding ``pos`` (the nearest preceding one between sentences)."""
        i = bisect_right(self.starts, pos)
        return i - 1 if i else self.first

    def voice(self, pos: int) -> str:
        """``"quoted"`` inside a quotation's content, else ``"author"`` (quotation regions do not nest)."""
        i = bisect_right(self.quote_starts, pos)
        return "quoted" if i and pos < self.quote_ends[i - 1] else "author"


def placed_hits(matcher, doc, seg, kind: str, facts: EntryFacts):
    """Each hit of ``kind`` in ``doc``, in offset order, as ``(hit, (reference, pack, label), sentence, voice)``:
    the entry's facts from ``facts`` (worked out once per entry), the sentence index and the voice of the hit's
    start (one bisection each, see :class:`Where`). The one loop every lexicon extractor runs."""
    known, learn = facts.known, facts.learn
    where = Where.of(seg)
    starts, first, quote_starts, quote_ends = where.starts, where.first, where.quote_starts, where.quote_ends
    for h in hits_by_kind(matcher, doc, seg).get(kind, ()):
        start, lex, entry = h[0], h[2], h[3]
        got = known.get(id(entry))
        if got is None or got[0] is not lex:
            got = learn(lex, entry)
        i = bisect_right(starts, start)
        q = bisect_right(quote_starts, start)
        yield (h, got[1:], i - 1 if i else first,
               "quoted" if q and start < quote_ends[q - 1] else "author")


def plain_spans(text: str, seg, hits, kind: str, facts: EntryFacts, label_field: str) -> list:
    """The spans of lexicon ``hits`` that need nothing but their entry's facts, sentence and voice: ``kind``
    spans labelled with the entry's label, which is also stored as ``attrs[label_field]`` beside ``use`` and
    ``lexicon`` (hedges, boosters, frame cues). The loop of :func:`placed_hits` written out into one list: these
    kinds have the most hits, and a generator's step per hit costs more than the span it makes."""
    known, learn = facts.known, facts.learn
    where = Where.of(seg)
    starts, first, quote_starts, quote_ends = where.starts, where.first, where.quote_starts, where.quote_ends
    out = []
    for h in hits:
        start, end, lex, entry, _, _, use = h[:7]
        got = known.get(id(entry))
        if got is None or got[0] is not lex:
            got = learn(lex, entry)
        _, ref, pack, label = got
        i = bisect_right(starts, start)  # sentence and voice: see Where
        q = bisect_right(quote_starts, start)
        out.append(Span(kind, start, end, text[start:end], label, ref,
                        "quoted" if q and start < quote_ends[q - 1] else "author", i - 1 if i else first,
                        {label_field: label, "use": use, "lexicon": pack}))
    return out
