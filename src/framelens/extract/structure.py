"""Structure: sentence and quotation spans, and the document's size and quotation metrics."""

from __future__ import annotations

from ..model import Span
from ..text.segmentation import count_words

SENTENCE_FIELDS = ("paragraph", "quoted_share")
QUOTE_FIELDS = ("mark", "uncertain", "continues", "continued", "content_start", "content_end")


class StructureExtractor:
    """``sentence`` spans (label ``sentence``; ``voice`` is ``quoted`` when at least half of the
    sentence's characters lie inside quotations) and ``quote`` spans (label ``direct``,
    ``partial`` or ``title``; always ``voice="quoted"``)."""

    name = "structure"
    span_fields = SENTENCE_FIELDS + QUOTE_FIELDS

    def __init__(self, config=None):
        self.config = config

    def extract(self, doc, seg, spans):
        text = doc.text
        out: list[Span] = []
        quotes = seg.quotes
        qi = 0
        for i, (s, e) in enumerate(seg.sentences):
            # characters of this sentence inside quotation content
            inside = 0
            while qi < len(quotes) and quotes[qi].content_end <= s:
                qi += 1
            j = qi
            while j < len(quotes) and quotes[j].content_start < e:
                q = quotes[j]
                inside += max(0, min(e, q.content_end) - max(s, q.content_start))
                j += 1
            share = inside / (e - s) if e > s else 0.0
            out.append(
                Span(
                    "sentence", s, e, text[s:e], "sentence", "segment:sentence",
                    "quoted" if share >= 0.5 else "author", i,
                    {"paragraph": seg.sentence_paragraph[i], "quoted_share": round(share, 4)},
                )
            )
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
        quoted = sum(count_words(doc.text, q.content_start, q.content_end) for q in seg.quotes)
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
