"""Frame cues: ``frame_cue`` spans and each document's frame distribution.

The cues come from ``frame_cue`` lexicon packs (the shipped ``frames`` pack, or
a researcher's own); each entry's ``category`` is a frame code of the Policy
Frames Codebook (Boydstun et al. 2014), listed in :data:`FRAME_CODES`. The
extractor reuses the shared one-pass matcher and its per-document hits, grouped
by kind once (:mod:`framelens.extract._lexhits`), so frame cues cost no second
scan and no pass over the other kinds' hits. Frame cues are the most frequent
hits (about 45 per article), so the loop is written out here rather than
drawn from a generator: each entry's fixed fields are worked out once per
entry, and the sentence and voice of a cue are one bisection each.

Document metrics (docs/methods_classify.md, "Frame cues"):

* ``frame_cues``, ``frame_cues_per_1k``: cue uses (mentions such as "the
  word 'crime'" are spans but not counted);
* ``frame_counts``: frame -> cue uses; ``frame_shares``: frame -> share of all cue uses;
* ``frame_sentences``: frame -> number of sentences holding at least one of its cues;
* ``frames_present``: number of distinct frames cued;
* ``dominant_frame``: the frame with most cue uses; ties go to the frame cued in
  more sentences, then to the frame cued first in the text; ``None`` without cues;
  ``dominant_frame_share``: its share of cue uses.

The per-sentence distribution is in the spans (``sentence`` index of each
``frame_cue`` span); :func:`frame_distribution` pivots a spans table into one
row per sentence (or per document) and one column per frame.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..kinds import Field, KindSpec, Style, is_used
from ._lexhits import EntryFacts, hits_by_kind, plain_spans
from .base import LexiconExtractor, per_1k

__all__ = ["FrameExtractor", "FRAME_CODES", "FRAME_TITLES", "frame_distribution"]

#: Frame codes of the Policy Frames Codebook dimensions, in codebook order (1-15).
FRAME_CODES: tuple[str, ...] = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality", "policy_prescription",
    "crime_punishment", "security_defense", "health_safety", "quality_of_life", "cultural_identity",
    "public_opinion", "political", "external_regulation", "other",
)
#: Human-readable titles of the codes (for tables and charts).
FRAME_TITLES: dict[str, str] = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy_prescription": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defense",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
    "other": "Other",
}

FRAME_CUE = KindSpec(
    "frame_cue", "a cue word of a Policy Frames Codebook dimension (docs/methods_classify.md)",
    fields=(Field("frame", "string", "the frame code (as the label)"),
            Field("use", "string", "`use`, or `mention` when the word is talked about"),
            Field("lexicon", "string", "the pack that fired, `pack@version`")),
    label_doc="the frame code", counted=is_used, counted_doc="used (not mentioned)",
    style=Style("text-decoration:underline dashed #009E73 1px;text-underline-offset:2px",
                "frame cue (thin dashed underline; frame in the tooltip)", layer=2, mark=False,
                default_on=False),  # cues sit on many common nouns: shown on request, not when the page opens
    metric="frame_cues")

FRAME_FIELDS = FRAME_CUE.field_names


def dominant(counts: Counter, sentences: dict[str, set], first: dict[str, int]) -> str | None:
    """The dominant frame: most cue uses, then most sentences, then earliest first cue."""
    if not counts:
        return None
    return min(counts, key=lambda f: (-counts[f], -len(sentences.get(f, ())), first.get(f, 1 << 60), f))


class FrameExtractor(LexiconExtractor):
    """``frame_cue`` spans (label = frame code) and the document's frame distribution."""

    name = "frames"
    kinds = ("frame_cue",)
    emits = (FRAME_CUE,)
    requires: tuple[str, ...] = ()
    span_fields = FRAME_FIELDS

    def __init__(self, config=None):
        super().__init__(config)
        self._facts = EntryFacts()

    def extract(self, doc, seg, spans):
        return plain_spans(doc.text, seg, hits_by_kind(self.matcher, doc, seg).get("frame_cue", ()), "frame_cue",
                           self._facts, "frame")

    def metrics(self, doc, seg, spans) -> dict[str, Any]:
        cues = [s for s in spans if s.kind == "frame_cue" and s.attrs.get("use") == "use"]
        counts: Counter = Counter()
        sentences: dict[str, set] = {}
        first: dict[str, int] = {}
        for s in cues:
            counts[s.label] += 1
            sentences.setdefault(s.label, set()).add(s.sentence)
            first.setdefault(s.label, s.start)
        n = len(cues)
        top = dominant(counts, sentences, first)
        order = {f: i for i, f in enumerate(FRAME_CODES)}
        keys = sorted(counts, key=lambda f: (order.get(f, len(order)), f))
        return {
            "frame_cues": n,
            "frame_cues_per_1k": per_1k(n, seg.word_count),
            "frame_counts": {f: counts[f] for f in keys},
            "frame_shares": {f: round(counts[f] / n, 4) for f in keys},
            "frame_sentences": {f: len(sentences[f]) for f in keys},
            "frames_present": len(keys),
            "dominant_frame": top,
            "dominant_frame_share": round(counts[top] / n, 4) if top else 0.0,
        }


def frame_distribution(spans: Any, level: str = "sentence", normalize: bool = False,
                       include_mentions: bool = False) -> Any:
    """Frame-cue counts per sentence (or per document) from a spans table.

    ``spans``: the ``spans`` DataFrame of :func:`framelens.analyze` (or any table
    with ``doc_id``, ``kind``, ``label``, ``sentence`` and ``use`` columns).
    Returns a DataFrame indexed by ``(doc_id, sentence)`` (``level="sentence"``)
    or ``doc_id`` (``level="document"``) with one column per frame code that
    occurs, in codebook order; ``normalize=True`` turns each row into shares.
    Sentences without any cue are not listed.
    """
    import pandas as pd

    from ..errors import ConfigError

    if level not in ("sentence", "document"):
        raise ConfigError(f"level={level!r}; allowed: sentence, document")
    need = {"doc_id", "kind", "label", "sentence"}
    missing = need - set(getattr(spans, "columns", ()))
    if missing:
        raise ConfigError(f"spans table lacks column(s) {', '.join(sorted(missing))}")
    df = spans[spans["kind"] == "frame_cue"]
    if not include_mentions and "use" in df.columns:
        df = df[df["use"] == "use"]
    keys = ["doc_id", "sentence"] if level == "sentence" else ["doc_id"]
    if df.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=keys) if level == "sentence"
                            else pd.Index([], name="doc_id"))
    table = pd.crosstab([df[k] for k in keys], df["label"])
    order = {f: i for i, f in enumerate(FRAME_CODES)}
    table = table[sorted(table.columns, key=lambda f: (order.get(f, len(order)), f))]
    table.columns.name = None
    if normalize:
        table = table.div(table.sum(axis=1), axis=0).round(4)
    return table
