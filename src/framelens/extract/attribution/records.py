"""What the attribution extractor works with: a cue, an attribution found for it, and the span's fields."""

from __future__ import annotations

from dataclasses import dataclass

from ...kinds import Field, KindSpec, Style, span_value

__all__ = ["ATTRIBUTION", "ATTRIBUTION_FIELDS", "ATTITUDE", "ATTITUDE_FIELDS", "SOURCE_TYPES", "MODES", "Cue",
           "Attribution"]

#: Allowed values of the ``source_type`` field.
SOURCE_TYPES = ("person", "official", "organization", "media", "document", "anonymous", "vague", "pronoun")
#: Allowed values of the ``mode`` field (and the span label).
MODES = ("direct", "indirect", "according_to", "document", "no_response")

ATTRIBUTION = KindSpec(
    "attribution", "who is cited: start/end cover the source mention (the cue for an agentless passive); "
    "see docs/methods_attribution.md",
    fields=(Field("source", "string", "the source, normalised (null for an agentless passive)"),
            Field("source_id", "string", "the source's identity key: its name without case, accents, punctuation "
                  "and titles (`ted cruz`); one per person in a document; null for unnamed, vague and anonymous "
                  "sources, unresolved pronouns and several people named together (`Varga and Rell`)"),
            Field("source_type", "string", "`" + "`, `".join(SOURCE_TYPES) + "`"),
            Field("named", "bool", "the source is named (a person's or organisation's name)"),
            Field("cue", "string", "the reporting cue (said, according to, ...)"),
            Field("cue_start", "int", "where the cue starts"),
            Field("cue_end", "int", "where the cue ends"),
            Field("stance", "string", "the cue's stance: `neutral`, `distancing`, `endorsing` or `evaluative`; "
                  "`neutral` when the cue is negated"),
            Field("negated", "bool", "the cue is negated ('had never acknowledged', 'did not confirm'): the source "
                  "is reported as not saying, admitting or confirming the content, so the cue's stance does not "
                  "apply (see docs/methods_attribution.md)"),
            Field("mode", "string", "`" + "`, `".join(MODES) + "`"),
            Field("content_start", "int", "start of the attributed content (null where there is none)"),
            Field("content_end", "int", "end of the attributed content"),
            Field("resolved_from", "string", "the pronoun or short form the source was resolved from"),
            Field("uncertain", "bool", "the rule's reading is a best guess"),
            Field("hedged", "bool", "a hedge stands in the attribution's sentence"),
            Field("passive", "bool", "a passive construction (\"was told by\", agentless passives)")),
    label_doc="the mode",
    counted=lambda s: span_value(s, "voice") == "author",
    counted_doc="in the reporter's own voice (not nested inside a quotation)",
    style=Style("text-decoration:underline dotted #332288 2px;text-underline-offset:4px",
                "attribution: who is cited, by which verb (dotted underline)", layer=1, mark=False),
    tooltip=("source", "source_type", "cue", "stance", "mode"), metric="attributions")

ATTRIBUTION_FIELDS = ATTRIBUTION.field_names

_SAME = {f.name: f for f in ATTRIBUTION.fields}
ATTITUDE = KindSpec(
    "attitude", "an attitude ascribed to a source (wants, plans, supports, opposes, knows, sees ...): start/end cover "
    "the source mention, as for `attribution`; never an attribution and never counted in the sourcing metrics; see "
    "docs/methods_attitudes.md",
    fields=(Field("source", "string", "the holder of the attitude, normalised as an attribution's source"),
            _SAME["source_id"], _SAME["source_type"], _SAME["named"],
            Field("cue", "string", "the attitude verb (wants, plans, backed, voted, knows, ...)"),
            _SAME["cue_start"], _SAME["cue_end"],
            Field("stance", "string", "`neutral` (attitude verbs carry no reporting stance)"),
            Field("negated", "bool", "the verb is negated ('does not want', 'has never backed'): the source is reported "
                  "as not holding the attitude"),
            Field("mode", "string", "`direct` (a quotation is the content) or `indirect`"),
            _SAME["content_start"], _SAME["content_end"], _SAME["resolved_from"], _SAME["uncertain"], _SAME["hedged"],
            Field("passive", "bool", "always false: an attitude is read only with its holder before the verb"),
            Field("category", "string", "the attitude class (the attitude_verbs entry's category): `desire`, "
                  "`intention`, `commitment`, `decision`, `support`, `opposition`, `belief`, `knowledge`, "
                  "`perception`, `evaluation`")),
    label_doc="the attitude class (as `category`)",
    counted=lambda s: span_value(s, "voice") == "author",
    counted_doc="in the reporter's own voice (not nested inside a quotation); counted only in `attitudes`, never in "
                "the attribution metrics",
    style=Style("text-decoration:underline dotted #AA3377 2px;text-underline-offset:6px",
                "attitude: who is said to want, plan, support or oppose something (dotted underline)", layer=1,
                mark=False, default_on=False),
    tooltip=("source", "source_type", "cue", "category", "negated"), metric="attitudes")

ATTITUDE_FIELDS = ATTITUDE.field_names


@dataclass
class Cue:
    """A candidate cue: its offsets, stance and kind (``report_verb``, ``according_to``, ``cue``,
    ``document_cue``, ``no_response``, ``call``, ``in_poll``, ``colon`` or ``noun_cue``)."""

    start: int
    end: int
    stance: str
    kind: str
    category: str | None = None


@dataclass
class Attribution:
    """An attribution found for a cue, before it becomes a span.

    ``src_start``/``src_end`` are the source phrase; ``mention`` the span's offsets when they differ from it
    (an apposition, a relative pronoun). ``rule`` names the rule that found it (the span's entry is
    ``attribution:<rule>``)."""

    src_start: int
    src_end: int
    cue: Cue
    mode: str
    source_type: str
    source: str | None
    named: bool
    content: tuple[int, int] | None
    voice: str
    passive: bool = False
    rule: str = ""
    resolved_from: str | None = None
    uncertain: bool = False
    pronoun: str | None = None
    mention: tuple[int, int] | None = None
    #: The source is a personal name (a person, an official, a journalist), set by :mod:`.resolve`.
    person: bool = False
    #: The identity key (:func:`.identity.unify_sources`).
    source_id: str | None = None
    #: The cue is negated ('did not confirm'), set by :func:`.readings.negated_cue`.
    negated: bool = False
    #: The source is a coordination of named people ('Varga and Rell said'): no one person, so no ``source_id``
    #: (set by :mod:`.resolve`).
    group: bool = False
