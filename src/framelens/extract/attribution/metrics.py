"""The document metrics of attributions: how much is attributed, to which kinds of source, in which mode, how
much is directly quoted, and which evaluative sentences in the reporter's voice have no source."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter

from ...kinds import is_loaded
from ...text.segmentation import count_words
from .records import MODES, SOURCE_TYPES


def attribution_metrics(doc, seg, spans) -> dict:
    """The sourcing metrics of a document (docs/methods_attribution.md, "Metrics")."""
    words = seg.word_count
    attrs = [s for s in spans if s.kind == "attribution" and s.voice == "author"]
    n = len(attrs)
    sentences_with = set()
    for s in attrs:
        sentences_with.add(s.sentence)
        sentences_with.add(seg.sentence_at(s.attrs["cue_start"]))
    n_sentences = len(seg.sentences)
    types = Counter(s.attrs["source_type"] for s in attrs)
    modes = Counter(s.label for s in attrs)
    distinct = {s.attrs["source"] for s in attrs if s.attrs["source"] and s.attrs["source_type"] != "pronoun"}
    named = sum(1 for s in attrs if s.attrs.get("named"))
    direct_words = _direct_quote_words(doc, seg, attrs)
    unsourced, author_sents = _unsourced_evaluative(seg, spans, attrs, sentences_with)
    return {
        "attributions": n,
        "attributions_per_100w": round(100.0 * n / words, 3) if words else 0.0,
        "attributed_sentence_share": round(len(sentences_with) / n_sentences, 4) if n_sentences else 0.0,
        "sources_distinct": len(distinct),
        "sources_named_share": round(named / n, 4) if n else 0.0,
        "sources_anonymous": types.get("anonymous", 0),
        "sources_vague": types.get("vague", 0),
        "sources_media_share": round(types.get("media", 0) / n, 4) if n else 0.0,
        "sources_by_type": {t: types[t] for t in SOURCE_TYPES if types.get(t)},
        "attributions_by_mode": {m: modes[m] for m in MODES if modes.get(m)},
        "no_responses": modes.get("no_response", 0),
        "direct_quote_words": direct_words,
        "direct_quote_share": round(direct_words / words, 4) if words else 0.0,
        "unsourced_evaluative": len(unsourced),
        "unsourced_evaluative_share": round(len(unsourced) / len(author_sents), 4) if author_sents else 0.0,
        "unsourced_evaluative_sentences": unsourced,
        **attitude_metrics(spans, words),
    }


def attitude_metrics(spans, words: int) -> dict:
    """The attitude counts of a document (docs/methods_attitudes.md): ``attitude`` spans in the reporter's voice,
    per 100 words, and by attitude class. Attitudes never enter the attribution metrics above."""
    held = Counter(s.label for s in spans if s.kind == "attitude" and s.voice == "author")
    n = sum(held.values())
    return {"attitudes": n, "attitudes_per_100w": round(100.0 * n / words, 3) if words else 0.0,
            "attitudes_by_category": dict(sorted(held.items()))}


def _direct_quote_words(doc, seg, attrs) -> int:
    """Words in direct quotations: quotations the segmenter labels direct (a quoted sentence or clause), plus
    shorter ones that are the content of a direct attribution ('"We will appeal," Haldane said')."""
    direct_spans = sorted((s.attrs["content_start"], s.attrs["content_end"]) for s in attrs if s.label == "direct")
    # whether a quotation lies inside some direct content: among the contents starting at or before the
    # quotation's start (a prefix of the sorted starts), the furthest end must reach its end (one bisect a quote)
    starts = [a for a, _ in direct_spans]
    reach = list(itertools.accumulate((b for _, b in direct_spans), max))
    text = doc.text
    pieces = []
    for q in seg.quotes:
        if q.label == "direct":
            pieces.append(text[q.content_start:q.content_end])
        elif q.label != "title":
            k = bisect.bisect_right(starts, q.content_start)
            if k and reach[k - 1] >= q.content_end:
                pieces.append(text[q.content_start:q.content_end])
    # the quotations' words counted together, joined by spaces (no word crosses one), as
    # Segmentation.quoted_word_count does: one count per document rather than one per quotation
    return count_words(" ".join(pieces)) if pieces else 0


#: Kinds that can make a sentence evaluative (a loaded term, a booster, an evaluative report verb).
_EVALUATIVE_KINDS = frozenset(("loaded_term", "booster", "report_verb"))


def _unsourced_evaluative(seg, spans, attrs, sentences_with: set) -> tuple[list[int], set]:
    """Evaluative language in the reporter's voice, in sentences with no attribution (neither a source, a cue nor
    an attributed content): ``(sorted sentence indexes, the reporter-voice sentences)``."""
    evaluative_sents = set()
    author_sents = set()
    any_sentence = False
    for s in spans:  # one pass: only the kinds that can count are read further
        kind = s.kind
        if kind == "sentence":
            any_sentence = True
            if s.voice == "author":
                author_sents.add(s.sentence)
        elif kind in _EVALUATIVE_KINDS and s.voice == "author" and s.attrs.get("use", "use") == "use" and (
                kind == "booster" or (kind == "loaded_term" and is_loaded(s))
                or (kind == "report_verb" and s.attrs.get("stance") == "evaluative")):
            evaluative_sents.add(s.sentence)
    if not any_sentence:
        author_sents = set(range(len(seg.sentences)))
    # the sentences of every attributed content, as merged ranges (a range per content could hold every sentence
    # of a long quotation, once per attribution)
    ranges = []
    for s in attrs:
        content_start, content_end = s.attrs.get("content_start"), s.attrs.get("content_end")
        if content_start is not None and content_end is not None and content_end > content_start:
            ranges.append((seg.sentence_at(content_start), seg.sentence_at(max(content_start, content_end - 1))))
    ranges.sort()
    firsts: list[int] = []
    lasts: list[int] = []
    for first, last in ranges:
        if lasts and first <= lasts[-1] + 1:
            lasts[-1] = max(lasts[-1], last)
        else:
            firsts.append(first)
            lasts.append(last)

    def covered(i: int) -> bool:
        if i in sentences_with:
            return True
        k = bisect.bisect_right(firsts, i) - 1
        return k >= 0 and lasts[k] >= i

    unsourced = sorted(i for i in evaluative_sents if i is not None and i in author_sents and not covered(i))
    return unsourced, author_sents
