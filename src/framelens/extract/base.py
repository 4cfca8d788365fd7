"""What the lexicon-driven extractors share: one compiled matcher, its per-document hits, rates.

All lexicon extractors (loaded terms, hedges and boosters, reporting verbs,
frame cues) share one :class:`~framelens.text.matcher.Matcher` (one pass over
the text for every pack of every kind); the hits of a document are computed
once and cached on its segmentation.
"""

from __future__ import annotations

from ..model import Span
from ..text.matcher import get_matcher

__all__ = ["LexiconExtractor", "lexicon_hits", "per_1k"]


def lexicon_hits(matcher, doc, seg) -> list:
    """The matcher's hits in ``doc``, computed once per document and cached on its segmentation."""
    cache = seg.__dict__.setdefault("_lexicon_hits", {})
    key = id(matcher)
    if key not in cache:
        cache[key] = matcher.match(doc.text, seg)
    return cache[key]


def per_1k(n: float, words: int) -> float:
    """``n`` per 1,000 words, rounded to 3 decimals (0 for an empty document)."""
    return round(1000.0 * n / words, 3) if words else 0.0


class LexiconExtractor:
    """Base of the lexicon-driven extractors: builds (or reuses) the shared matcher for the run's packs."""

    kinds: tuple[str, ...] = ()

    def __init__(self, config=None):
        specs = list(getattr(config, "lexicons", []) or [])
        defaults = getattr(config, "default_lexicons", True)
        self.matcher = get_matcher(specs, defaults)

    def resources(self):
        return [lx.info() for lx in self.matcher.lexicons if lx.kind in self.kinds]

    def _spans(self, doc, seg, kind: str, attrs_fn, span_kind=None) -> list[Span]:
        """Spans of the hits of lexicon kind ``kind``; ``span_kind(hit)`` names each span's kind when it
        differs from the lexicon's (a ``loaded_term`` pack's neutral variants are ``neutral_term`` spans)."""
        out = []
        text = doc.text
        voice_at, sentence_at = seg.voice_at, seg.sentence_at
        verbs = kind == "report_verb"
        for h in lexicon_hits(self.matcher, doc, seg):
            if h.kind != kind:
                continue
            start, end, entry = h.start, h.end, h.entry
            out.append(Span(kind if span_kind is None else span_kind(h), start, end, text[start:end],
                            (entry.stance or entry.category) if verbs else entry.category,
                            h.ref, voice_at(start), sentence_at(start), attrs_fn(h)))
        return out
