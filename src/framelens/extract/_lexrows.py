"""Where the lexicon hits of one document sit: each hit with its entry's fixed span fields, sentence and voice.

The lexicon extractors turn hits into spans; besides the hit itself a span needs
the entry's reference, pack and label (the same for every hit of the entry, so
worked out once per entry by :class:`~framelens.extract._lexhits.EntryFacts`)
and the sentence and voice of its start. Those two are looked up for all hits
of a kind at once: one C-level ``map`` of bisections for the sentences and one
slice assignment per quotation for the voices
(:meth:`~framelens.text.segmentation.Segmentation.sentences_of`,
:meth:`~framelens.text.segmentation.Segmentation.voices_of`), not two
bisections per hit.
"""

from __future__ import annotations

from ._lexhits import hits_by_kind

__all__ = ["placed", "placed_rows"]


def placed_rows(hits, seg, facts):
    """Each of ``hits`` (in offset order) as ``(hit, (reference, pack, label), sentence, voice)``: the entry's fixed
    fields from ``facts`` (a :class:`framelens.extract._lexhits.EntryFacts`, worked out once per entry), and the
    sentence index and voice of the hit's start, found for all hits at once
    (:meth:`~framelens.text.segmentation.Segmentation.sentences_of`, ``voices_of``)."""
    starts = [h[0] for h in hits]
    known, learn = facts.known, facts.learn
    for h, sentence, voice in zip(hits, seg.sentences_of(starts), seg.voices_of(starts)):
        lex, entry = h[2], h[3]
        got = known.get(id(entry))
        if got is None or got[0] is not lex:
            got = learn(lex, entry)
        yield h, got[1:], sentence, voice


def placed(matcher, doc, seg, kind: str, facts):
    """:func:`placed_rows` of the hits of lexicon kind ``kind`` in ``doc`` (grouped by kind once per document)."""
    return placed_rows(hits_by_kind(matcher, doc, seg).get(kind, ()), seg, facts)
