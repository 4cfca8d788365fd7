"""Lexicon-driven extractors: loaded terms, hedges and boosters, reporting verbs.

All three share one compiled :class:`~framelens.text.matcher.Matcher` (one pass over
the text for every pack of every kind); the hits of a document are computed
once and cached on its segmentation.
"""

from __future__ import annotations

from collections import Counter

from ..text.matcher import Hit, get_matcher
from ..model import Span

LOADED_FIELDS = ("category", "severity", "base_severity", "group", "alternatives", "targets", "stack", "use",
                 "lexicon", "source_ref")
HEDGE_FIELDS = ("category", "use", "lexicon")
VERB_FIELDS = ("stance", "category", "use", "lexicon")


def _hits(matcher, doc, seg) -> list[Hit]:
    cache = seg.__dict__.setdefault("_lexicon_hits", {})
    key = id(matcher)
    if key not in cache:
        cache[key] = matcher.match(doc.text, seg)
    return cache[key]


def _per_1k(n: float, words: int) -> float:
    return round(1000.0 * n / words, 3) if words else 0.0


class _LexiconExtractor:
    kinds: tuple[str, ...] = ()

    def __init__(self, config=None):
        specs = list(getattr(config, "lexicons", []) or [])
        defaults = getattr(config, "default_lexicons", True)
        self.matcher = get_matcher(specs, defaults)

    def resources(self):
        return [lx.info() for lx in self.matcher.lexicons if lx.kind in self.kinds]

    def _spans(self, doc, seg, kind: str, attrs_fn) -> list[Span]:
        out = []
        text = doc.text
        for h in _hits(self.matcher, doc, seg):
            if h.kind != kind:
                continue
            out.append(Span(kind, h.start, h.end, text[h.start:h.end], h.entry.category if kind != "report_verb"
                            else (h.entry.stance or h.entry.category), h.ref, seg.voice_at(h.start),
                            seg.sentence_at(h.start), attrs_fn(h)))
        return out


class LoadedTermExtractor(_LexiconExtractor):
    """``loaded_term`` spans and loaded-language metrics.

    A hit with severity 0 is a neutral variant: it is a span (for term choice)
    but not counted as loaded. Mentions ("the term 'illegal alien'") are spans
    with ``use="mention"`` and are not counted either.
    """

    name = "loaded_terms"
    kinds = ("loaded_term",)
    span_fields = LOADED_FIELDS

    def extract(self, doc, seg, spans):
        def attrs(h: Hit):
            e = h.entry
            return {"category": e.category, "severity": h.severity, "base_severity": e.severity, "group": e.group,
                    "alternatives": list(e.alternatives), "targets": e.targets,
                    "stack": [m.id for m in h.stack], "use": h.use, "lexicon": h.lexicon.ref,
                    "source_ref": list(e.source)}
        return self._spans(doc, seg, "loaded_term", attrs)

    def metrics(self, doc, seg, spans):
        words = seg.word_count
        loaded = [s for s in spans if s.kind == "loaded_term" and s.attrs.get("use") == "use"
                  and s.attrs.get("severity", 0) > 0]
        author = [s for s in loaded if s.voice == "author"]
        quoted = [s for s in loaded if s.voice == "quoted"]
        choice: dict[str, Counter] = {}
        for s in spans:
            if s.kind == "loaded_term" and s.attrs.get("group") and s.attrs.get("use") == "use":
                choice.setdefault(s.attrs["group"], Counter())[s.entry.rsplit(":", 1)[-1]] += 1
        sev_author = sum(s.attrs["severity"] for s in author)
        return {
            "loaded": len(loaded),
            "loaded_author": len(author),
            "loaded_quoted": len(quoted),
            "loaded_per_1k": _per_1k(len(loaded), words),
            "loaded_author_per_1k": _per_1k(len(author), words),
            "loaded_quoted_per_1k": _per_1k(len(quoted), words),
            "loaded_severity": sum(s.attrs["severity"] for s in loaded),
            "loaded_severity_author": sev_author,
            "loaded_severity_author_per_1k": _per_1k(sev_author, words),
            "loaded_mentions": sum(1 for s in spans if s.kind == "loaded_term" and s.attrs.get("use") == "mention"),
            "loaded_by_category": dict(Counter(s.attrs["category"] for s in loaded)),
            "loaded_by_pack": dict(Counter(s.attrs["lexicon"].split("@")[0] for s in loaded)),
            "term_choice": {g: dict(c) for g, c in sorted(choice.items())},
        }


class HedgeExtractor(_LexiconExtractor):
    """``hedge`` and ``booster`` spans with voice, and their rates."""

    name = "hedges"
    kinds = ("hedge", "booster")
    span_fields = HEDGE_FIELDS

    def extract(self, doc, seg, spans):
        def attrs(h: Hit):
            return {"category": h.entry.category, "use": h.use, "lexicon": h.lexicon.ref}
        return self._spans(doc, seg, "hedge", attrs) + self._spans(doc, seg, "booster", attrs)

    def metrics(self, doc, seg, spans):
        words = seg.word_count
        out = {}
        for kind, key in (("hedge", "hedges"), ("booster", "boosters")):
            items = [s for s in spans if s.kind == kind and s.attrs.get("use") == "use"]
            author = sum(1 for s in items if s.voice == "author")
            out[key] = len(items)
            out[f"{key}_author"] = author
            out[f"{key}_per_1k"] = _per_1k(len(items), words)
            out[f"{key}_author_per_1k"] = _per_1k(author, words)
        return out


class ReportVerbExtractor(_LexiconExtractor):
    """``report_verb`` spans (label = stance) and the stance mix of the document's reporting verbs."""

    name = "report_verbs"
    kinds = ("report_verb",)
    span_fields = VERB_FIELDS

    def extract(self, doc, seg, spans):
        def attrs(h: Hit):
            return {"stance": h.entry.stance, "category": h.entry.category, "use": h.use, "lexicon": h.lexicon.ref}
        return self._spans(doc, seg, "report_verb", attrs)

    def metrics(self, doc, seg, spans):
        verbs = [s for s in spans if s.kind == "report_verb" and s.attrs.get("use") == "use" and s.voice == "author"]
        c = Counter(s.attrs["stance"] for s in verbs)
        n = len(verbs)
        out = {"report_verbs": n}
        for st in ("neutral", "distancing", "endorsing", "evaluative"):
            out[f"verbs_{st}"] = c.get(st, 0)
            out[f"verbs_{st}_share"] = round(c.get(st, 0) / n, 4) if n else 0.0
        return out
