"""Structure: sentence and quotation spans, and the document's size and quotation metrics.

Each quotation's content is laid over the sentences it overlaps (found by
bisection on the sentence starts), so a sentence with nothing quoted costs
nothing but its span. The word counts come from the segmentation (:attr:`Segmentation.word_count`,
:meth:`Segmentation.quoted_word_count`), which reads them from the document's
token table once it is built.
"""

from __future__ import annotations

from bisect import bisect_right

from ..kinds import Field, KindSpec, Style, span_value
from ..model import Span
from ..text.segmentation import UNLIMITED

SENTENCE = KindSpec(
    "sentence", "a sentence (voice `quoted` when at least half of its characters lie inside quotations)",
    fields=(Field("quoted_share", "float", "share of the sentence's characters inside quotations"),),
    label_doc="`sentence`")


def _quote_tip(span) -> list[str]:
    return ["quotation marks did not balance: extent is a best guess"] if span_value(span, "uncertain") else []


QUOTE = KindSpec(
    "quote", "a quotation, marks included (always voice `quoted`)",
    fields=(Field("mark", "string", "`double` or `single`"),
            Field("uncertain", "bool", "the marks did not balance: the extent is a best guess"),
            Field("continues", "bool", "the quotation goes on in the next paragraph"),
            Field("continued", "bool", "the quotation goes on from the previous paragraph"),
            Field("content_start", "int", "start of the quoted words (inside the marks)"),
            Field("content_end", "int", "end of the quoted words (inside the marks)")),
    label_doc="`direct`, `partial` or `title`",
    counted=lambda span: True, counted_doc="every quotation",
    style=Style("background:#E8EEF7;border-bottom:2px solid #7A9CC6", "quotation (background layer)", layer=0,
                mark=False),
    describe=_quote_tip, show_voice=False, metric="quotes")

SENTENCE_FIELDS = SENTENCE.field_names
QUOTE_FIELDS = QUOTE.field_names


#: The document's time budget is checked once per this many sentences (a few hundred microseconds of work).
_CHECK_EVERY = 256


def _quoted_shares(sentences: list[tuple[int, int]], quotes) -> tuple[list[float], list[str]]:
    """Each sentence's share of characters inside quotation contents (rounded to 4 places) and its voice
    (``quoted`` from a share of one half up, decided before rounding), for sentences and quotations in text order.

    Only the sentences that a quotation's content overlaps are visited (found by bisection on the sentence
    starts); every other sentence keeps the share 0.0 and the voice ``author``.
    """
    n = len(sentences)
    shares = [0.0] * n
    voices = ["author"] * n
    if not quotes:
        return shares, voices
    starts = [s for s, _ in sentences]
    inside: dict[int, int] = {}  # sentence index -> characters inside quotation contents
    for q in quotes:
        cs, ce = q.content_start, q.content_end
        # the sentences that end after cs and start before ce: from the last one starting at or before cs
        i = max(bisect_right(starts, cs) - 1, 0)
        while i < n and starts[i] < ce:
            s, e = sentences[i]
            got = min(e, ce) - max(s, cs)
            if got > 0:
                inside[i] = inside.get(i, 0) + got
            i += 1
    for i, chars in inside.items():
        s, e = sentences[i]
        if e > s:
            share = chars / (e - s)
            voices[i] = "quoted" if share >= 0.5 else "author"  # (decided on the share before rounding)
            shares[i] = round(share, 4)
    return shares, voices


class StructureExtractor:
    """``sentence`` spans (label ``sentence``; ``voice`` is ``quoted`` when at least half of the
    sentence's characters lie inside quotations) and ``quote`` spans (label ``direct``,
    ``partial`` or ``title``; always ``voice="quoted"``)."""

    name = "structure"
    emits = (SENTENCE, QUOTE)
    requires: tuple[str, ...] = ()
    span_fields = SENTENCE_FIELDS + QUOTE_FIELDS

    def __init__(self, config=None):
        self.config = config

    def extract(self, doc, seg, spans):
        text = doc.text
        sentences = seg.sentences
        check = getattr(seg, "deadline", UNLIMITED).check  # the document's time budget (runtime.deadline)
        shares, voices = _quoted_shares(sentences, seg.quotes)
        out: list[Span] = []
        for lo in range(0, len(sentences), _CHECK_EVERY):
            check()
            hi = lo + _CHECK_EVERY
            out += [Span("sentence", s, e, text[s:e], "sentence", "segment:sentence", voice, i, {"quoted_share": share})
                    for i, (s, e), share, voice in zip(range(lo, hi), sentences[lo:hi], shares[lo:hi], voices[lo:hi])]
        quotes = seg.quotes
        for q, sentence in zip(quotes, seg.sentences_of([q.start for q in quotes])):
            out.append(
                Span(
                    "quote", q.start, q.end, text[q.start:q.end], q.label, f"segment:quote:{q.mark}", "quoted",
                    sentence,
                    {"mark": q.mark, "uncertain": q.uncertain, "continues": q.continues, "continued": q.continued,
                     "content_start": q.content_start, "content_end": q.content_end},
                )
            )
        return out

    def metrics(self, doc, seg, spans):
        words = seg.word_count
        quoted = seg.quoted_word_count()
        return {
            "paragraphs": len(seg.paragraphs),
            "quotes": len(seg.quotes),
            "quotes_uncertain": sum(1 for q in seg.quotes if q.uncertain),
            "stray_quote_marks": len(seg.stray_quote_marks),
            "quoted_words": quoted,
            "quoted_share": round(quoted / words, 4) if words else 0.0,
        }

    def resources(self):
        return []
