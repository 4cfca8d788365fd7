"""What the attribution extractor works with: a cue, an attribution found for it, and the span's fields."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ATTRIBUTION_FIELDS", "SOURCE_TYPES", "MODES", "Cue", "Attribution"]

ATTRIBUTION_FIELDS = ("source", "source_type", "named", "cue", "cue_start", "cue_end", "stance", "mode",
                      "content_start", "content_end", "resolved_from", "uncertain", "hedged", "passive")

#: Allowed values of the ``source_type`` field.
SOURCE_TYPES = ("person", "official", "organization", "media", "document", "anonymous", "vague", "pronoun")
#: Allowed values of the ``mode`` field (and the span label).
MODES = ("direct", "indirect", "according_to", "document", "no_response")


@dataclass
class Cue:
    """A candidate cue: its offsets, stance and kind (``report_verb``, ``according_to``, ``cue``,
    ``document_cue``, ``no_response``, ``call``, ``in_poll`` or ``colon``)."""

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
