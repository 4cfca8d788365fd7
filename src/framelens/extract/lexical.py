"""Lexicon-driven extractors: loaded and neutral terms, hedges and boosters, reporting verbs.

A ``loaded_term`` pack's hits become spans of two kinds: ``loaded_term`` (severity 1-3) and
``neutral_term`` (severity 0: the neutral variants of a referent group, "undocumented immigrant",
"asylum seeker", and loaded words that a context rule reads in their neutral sense, "first-time drug
offenders"). Only ``loaded_term`` spans are ever counted as loaded (:func:`framelens.kinds.is_loaded`);
term choice reads both.

All three share one compiled :class:`~framelens.text.matcher.Matcher` (one pass over
the text for every pack of every kind); the hits of a document are computed
once, cached on its segmentation and grouped by kind once
(:mod:`framelens.extract._lexhits`), so each extractor reads only its own.
"""

from __future__ import annotations

from collections import Counter

from ..kinds import Field, KindSpec, Style, is_loaded, is_used, span_value
from ..model import Span
from ._lexhits import EntryFacts, hits_by_kind, placed_hits, plain_spans
from .base import LexiconExtractor, per_1k
from .hedging import holder_verbs, quantified_holders

_USE = Field("use", "string", "`use`, or `mention` when the word is talked about (\"the term 'illegal alien'\")")
_LEXICON = Field("lexicon", "string", "the pack that fired, `pack@version`")
_CATEGORY = Field("category", "string", "the entry's category in its pack")


def _loaded_tip(span) -> list[str]:
    lines = []
    sev = span_value(span, "severity")
    if sev is not None:
        lines.append(f"severity {sev:g}" + (" (neutral: not counted as loaded)" if sev == 0 else ""))
    if span_value(span, "sense"):
        lines.append(f"read as: {span_value(span, 'sense')} (context rule)")
    mods = span_value(span, "modifiers")
    if isinstance(mods, str) and mods.startswith("["):
        import json

        mods = json.loads(mods)
    if mods:
        lines.append("modifiers inside the label: " + ", ".join(map(str, mods)))
    alts = span_value(span, "alternatives")
    if isinstance(alts, str) and alts.startswith("["):
        import json

        alts = json.loads(alts)
    if alts:
        lines.append("neutral alternative: " + ("; ".join(map(str, alts)) if isinstance(alts, list) else str(alts)))
    if span_value(span, "group"):
        fam = span_value(span, "family")
        lines.append(f"referent group: {span_value(span, 'group')}" + (f" ({fam} family)" if fam else ""))
    if span_value(span, "use") == "mention":
        lines.append("mentioned as a word, not used")
    return lines


_TERM_FIELDS = (
    _CATEGORY,
    Field("severity", "int", "0-3: the entry's severity, or its context rule's (`sense`), plus the severity of "
          "stacked modifiers; 0 only in `neutral_term` rows"),
    Field("base_severity", "int", "the entry's own severity"),
    Field("group", "string", "referent group for term choice, or null"),
    Field("view", "string", "referent view: the groups term choice compares together (default: `group`)"),
    Field("family", "string", "word family of the label (`immigrant`, `migrant`, `alien`...), or null"),
    Field("alternatives", "list", "neutral alternatives given by the entry"),
    Field("targets", "string", "`left`/`right`/`none` or null: whom the term is aimed at"),
    Field("stack", "list", "ids of merged modifier entries"),
    Field("modifiers", "list", "label modifiers inside the phrase, as written (`[\"juvenile\"]` in \"illegal "
          "juvenile immigrants\")"),
    Field("sense", "string", "the `sense` of the entry's context rule that set the severity (`justice_term`, "
          "`literal`, `name`...), or null"),
    _USE, _LEXICON,
    Field("source_ref", "list", "source ids cited by the entry"))

LOADED_TERM = KindSpec(
    "loaded_term", "a loaded term (severity 1-3) from a loaded-language pack",
    fields=_TERM_FIELDS,
    label_doc="the entry's category",
    counted=is_loaded, counted_doc="used (not mentioned) with severity >= 1 (framelens.kinds.is_loaded)",
    style=Style("background:#FFD3C4;box-shadow:inset 0 -2px 0 #D55E00", "loaded term (reporter's voice or quoted)",
                layer=4),
    describe=_loaded_tip, metric="loaded")
NEUTRAL_TERM = KindSpec(
    "neutral_term", "a neutral term from a loaded-language pack (severity 0): a referent's neutral variant "
    "(undocumented immigrant, asylum seeker) or a word a context rule reads in its neutral sense; for term choice",
    fields=_TERM_FIELDS,
    label_doc="the entry's category",
    counted=None, counted_doc="never (neutral: recorded for term choice, not loaded)",
    style=Style("border-bottom:1.5px dotted #0072B2", "neutral term (a referent's neutral label; not counted)",
                layer=4),
    describe=_loaded_tip)

_HEDGE_FIELDS = (_CATEGORY, _USE, _LEXICON)

#: The classes of hedges (the ``label`` of a ``hedge`` span, the entry's category in the shipped pack), with what
#: each means; docs/methods.md, "Hedges and boosters", gives the literature behind them.
HEDGE_LABELS = (
    ("epistemic", "withheld commitment: an epistemic modal, probability adverb or evidential verb (may, perhaps, "
                  "appears to, suggest)"),
    ("approximator", "a rounder before a number (about 40, some 300) or an adaptor (somewhat, sort of)"),
    ("agentless_passive", "a belief or report with no one named as holding it (is considered, is expected to, "
                          "it is believed)"),
    ("vague_source", "an unnamed or quantified holder of a view (critics argue, some say, reportedly)"),
    ("vague_quantity", "a vague quantifier in place of a number (many, several, numerous)"),
    ("generality", "a claim widened to an unstated majority or norm (generally, typically, often described as)"),
    ("unknown", "an open question stated as such (it is unclear, not known, remains to be seen)"),
)
_HEDGE_MEANING = dict(HEDGE_LABELS)


def _hedge_tip(span) -> list[str]:
    meaning = _HEDGE_MEANING.get(str(span_value(span, "label")))
    return [meaning] if meaning else []


HEDGE = KindSpec(
    "hedge", "a hedge: a word or phrase that weakens a claim or leaves open who holds it (allegedly, may have, "
    "is believed to, critics say, many)", fields=_HEDGE_FIELDS,
    label_doc="the hedge class: " + ", ".join(f"`{k}`" for k, _ in HEDGE_LABELS) + " (the entry's category)",
    counted=is_used, counted_doc="used (not mentioned)",
    style=Style("background:#FFF1B8;box-shadow:inset 0 -2px 0 #B08800", "hedge (allegedly, may have...)", layer=5),
    describe=_hedge_tip, metric="hedges")
BOOSTER = KindSpec(
    "booster", "a booster: a word that strengthens a claim (clearly, undeniably)", fields=_HEDGE_FIELDS,
    label_doc="the entry's category", counted=is_used, counted_doc="used (not mentioned)",
    style=Style("background:#D9F0FF;box-shadow:inset 0 -2px 0 #0072B2", "booster (clearly, undeniably...)", layer=6),
    metric="boosters")


#: Reporting-verb stance colours (greys for neutral; distinct in lightness as well as hue), used by the
#: report's highlights, the notebook views and the stance chart (framelens.compare.palette.STANCE_COLORS).
STANCE_COLORS = (("neutral", "#BBBBBB"), ("endorsing", "#44AA99"), ("distancing", "#DDAA33"),
                 ("evaluative", "#BB5566"), ("other", "#777777"))


def _author_verb(span) -> bool:
    return is_used(span) and span_value(span, "voice") == "author"


REPORT_VERB = KindSpec(
    "report_verb", "a reporting verb or phrase (said, claimed, admitted, slammed, according to)",
    fields=(Field("stance", "string", "`neutral`, `distancing`, `endorsing` or `evaluative`"), _CATEGORY, _USE,
            _LEXICON),
    label_doc="the stance (the category where the entry has none)",
    counted=_author_verb, counted_doc="used, in the reporter's own voice",
    style=Style("outline:1.5px solid #555;outline-offset:-1px;border-radius:2px",
                "reporting verb (stance in the tooltip)", layer=3, mark=False, variant_field="stance",
                variant_colors=STANCE_COLORS),
    tooltip=("stance",), metric="report_verbs")

LOADED_FIELDS = LOADED_TERM.field_names
HEDGE_FIELDS = HEDGE.field_names
VERB_FIELDS = REPORT_VERB.field_names


class LoadedTermExtractor(LexiconExtractor):
    """``loaded_term`` and ``neutral_term`` spans and loaded-language metrics.

    A hit with severity 0 (after context rules and stacking) is a ``neutral_term``
    span: recorded for term choice, never counted as loaded. Mentions ("the term
    'illegal alien'", "did not call them illegal aliens") are spans with
    ``use="mention"`` and are not counted either.
    """

    name = "loaded_terms"
    kinds = ("loaded_term",)
    emits = (LOADED_TERM, NEUTRAL_TERM)
    requires: tuple[str, ...] = ()
    span_fields = LOADED_FIELDS

    def __init__(self, config=None):
        super().__init__(config)
        self._facts = EntryFacts()

    def extract(self, doc, seg, spans):
        text = doc.text
        out = []
        for h, (ref, pack, label), sentence, voice in placed_hits(self.matcher, doc, seg, "loaded_term",
                                                                  self._facts):
            start, end, _, e, severity, stack, use, modifiers, sense = h
            surface = text[start:end]
            out.append(Span("loaded_term" if severity >= 1 else "neutral_term", start, end, surface, label, ref,
                            voice, sentence, {
                                "category": e.category, "severity": severity, "base_severity": e.severity,
                                "group": e.group, "view": e.view, "family": e.family_of(surface) if e.family else None,
                                "alternatives": list(e.alternatives), "targets": e.targets,
                                "stack": [m.id for m in stack], "modifiers": list(modifiers), "sense": sense,
                                "use": use, "lexicon": pack, "source_ref": list(e.source)}))
        return out

    def metrics(self, doc, seg, spans):
        words = seg.word_count
        terms = [s for s in spans if s.kind == "loaded_term" or s.kind == "neutral_term"]  # one pass over all spans
        loaded = [s for s in terms if s.kind == "loaded_term" and is_loaded(s)]
        author = [s for s in loaded if s.voice == "author"]
        n_quoted = sum(1 for s in loaded if s.voice == "quoted")
        choice: dict[str, Counter] = {}
        mentions = 0
        for s in terms:
            a = s.attrs
            use = a.get("use")
            if use == "use":
                if a.get("group"):
                    choice.setdefault(a["group"], Counter())[s.entry.rsplit(":", 1)[-1]] += 1
            elif use == "mention" and s.kind == "loaded_term":
                mentions += 1
        sev_author = sum(s.attrs["severity"] for s in author)
        return {
            "loaded": len(loaded),
            "loaded_author": len(author),
            "loaded_quoted": n_quoted,
            "loaded_per_1k": per_1k(len(loaded), words),
            "loaded_author_per_1k": per_1k(len(author), words),
            "loaded_quoted_per_1k": per_1k(n_quoted, words),
            "loaded_severity": sum(s.attrs["severity"] for s in loaded),
            "loaded_severity_author": sev_author,
            "loaded_severity_author_per_1k": per_1k(sev_author, words),
            "loaded_mentions": mentions,
            "loaded_by_category": dict(Counter(s.attrs["category"] for s in loaded)),
            "loaded_by_pack": dict(Counter(s.attrs["lexicon"].split("@")[0] for s in loaded)),
            "term_choice": {g: dict(c) for g, c in sorted(choice.items())},
        }


class HedgeExtractor(LexiconExtractor):
    """``hedge`` and ``booster`` spans with voice, and their rates.

    A hedge span's ``label`` is its class (:data:`HEDGE_LABELS`): ``epistemic``, ``approximator``,
    ``agentless_passive``, ``vague_source``, ``vague_quantity``, ``generality`` or ``unknown``; the
    ``hedges_by_label`` metric counts the used hedges of a document by class. Which modal uses count
    (epistemic, not ability, permission or obligation) is decided by the pack's context rules.
    """

    name = "hedges"
    kinds = ("hedge", "booster")
    emits = (HEDGE, BOOSTER)
    requires: tuple[str, ...] = ()
    span_fields = HEDGE_FIELDS

    def __init__(self, config=None):
        super().__init__(config)
        self._holder_verbs = holder_verbs(self.matcher.lexicons)
        self._facts = EntryFacts()

    def extract(self, doc, seg, spans):
        by_kind = hits_by_kind(self.matcher, doc, seg)
        hedges = quantified_holders(doc.text, seg, self._kind_spans(doc, seg, by_kind.get("hedge", ()), "hedge"),
                                    self._holder_verbs)
        return hedges + self._kind_spans(doc, seg, by_kind.get("booster", ()), "booster")

    def _kind_spans(self, doc, seg, hits, kind: str) -> list[Span]:
        return plain_spans(doc.text, seg, hits, kind, self._facts, "category")

    def metrics(self, doc, seg, spans):
        words = seg.word_count
        out = {}
        used: dict[str, list] = {"hedge": [], "booster": []}  # one pass over all spans
        for s in spans:
            if (s.kind == "hedge" or s.kind == "booster") and s.attrs.get("use") == "use":
                used[s.kind].append(s)
        for kind, key in (("hedge", "hedges"), ("booster", "boosters")):
            items = used[kind]
            author = sum(1 for s in items if s.voice == "author")
            out[key] = len(items)
            out[f"{key}_author"] = author
            out[f"{key}_per_1k"] = per_1k(len(items), words)
            out[f"{key}_author_per_1k"] = per_1k(author, words)
            if kind == "hedge":
                out["hedges_by_label"] = dict(Counter(s.label for s in items))
        return out


class ReportVerbExtractor(LexiconExtractor):
    """``report_verb`` spans (label = stance) and the stance mix of the document's reporting verbs."""

    name = "report_verbs"
    kinds = ("report_verb",)
    emits = (REPORT_VERB,)
    requires: tuple[str, ...] = ()
    span_fields = VERB_FIELDS

    def __init__(self, config=None):
        super().__init__(config)
        self._facts = EntryFacts(stance_label=True)

    def extract(self, doc, seg, spans):
        text = doc.text
        out = []
        for h, (ref, pack, label), sentence, voice in placed_hits(self.matcher, doc, seg, "report_verb", self._facts):
            start, end, e, use = h[0], h[1], h[3], h[6]
            out.append(Span("report_verb", start, end, text[start:end], label, ref, voice, sentence,
                            {"stance": e.stance, "category": e.category, "use": use, "lexicon": pack}))
        return out

    def metrics(self, doc, seg, spans):
        verbs = [s for s in spans if s.kind == "report_verb" and s.attrs.get("use") == "use" and s.voice == "author"]
        c = Counter(s.attrs["stance"] for s in verbs)
        n = len(verbs)
        out = {"report_verbs": n}
        for st in ("neutral", "distancing", "endorsing", "evaluative"):
            out[f"verbs_{st}"] = c.get(st, 0)
            out[f"verbs_{st}_share"] = round(c.get(st, 0) / n, 4) if n else 0.0
        return out
