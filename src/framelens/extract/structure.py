"""Structure: sentence and quotation spans, and the document's size and quotation metrics.

The sentences and the quotation contents are both in text order, so one pass
over the two (a merge, not a search per sentence) gives each sentence's quoted
share. The word counts come from the segmentation (:attr:`Segmentation.word_count`,
:meth:`Segmentation.quoted_word_count`), which reads them from the document's
token table once it is built.
"""

from __future__ import annotations

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
        out: list[Span] = []
        quotes = seg.quotes
        q_starts = [q.content_start for q in quotes]
        q_ends = [q.content_end for q in quotes]
        n_quotes = len(quotes)
        qi = 0
        check = getattr(seg, "deadline", UNLIMITED).check  # the document's time budget (runtime.deadline)
        for i, (s, e) in enumerate(seg.sentences):
            check()
            # characters of this sentence inside quotation content
            inside = 0
            while qi < n_quotes and q_ends[qi] <= s:
                qi += 1
            j = qi
            while j < n_quotes and q_starts[j] < e:
                inside += max(0, min(e, q_ends[j]) - max(s, q_starts[j]))
                j += 1
            if inside and e > s:
                share = inside / (e - s)
                voice = "quoted" if share >= 0.5 else "author"  # (decided on the share before rounding)
                share = round(share, 4)
            else:  # most sentences: nothing quoted
                share, voice = 0.0, "author"
            out.append(Span("sentence", s, e, text[s:e], "sentence", "segment:sentence", voice, i,
                            {"quoted_share": share}))
        for q in quotes:
            out.append(
                Span(
                    "quote", q.start, q.end, text[q.start:q.end], q.label, f"segment:quote:{q.mark}", "quoted",
                    seg.sentence_at(q.start),
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
