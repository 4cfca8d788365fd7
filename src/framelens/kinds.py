"""Span kinds, declared once: what a kind's spans carry, whether they are counted, how they look.

Every extractor declares the kinds it emits as :class:`KindSpec` objects
(``emits = (KindSpec(...), ...)``, see :mod:`framelens.extract.registry`). The
spans table's columns, docs/schema.md, the report's highlight layers, legend and
tooltips, the palette and the comparison's per-kind counts are all read from
these specs, so a new kind (from a researcher's own extractor) appears
everywhere without editing framelens.

What counts as *loaded* is decided in one place, :func:`is_loaded`: a
``loaded_term`` span used (not mentioned) with severity of at least 1. Neutral
variants of a referent ("undocumented immigrant") and words a context rule reads
in their neutral sense are spans of their own kind, ``neutral_term``, which is
never counted, so a row's kind says what it is. The spans table exposes the
decision of every kind's own rule as the ``counted`` column (see
:meth:`KindSpec.counts`): loaded terms in a spans frame are
``spans["kind"].eq("loaded_term") & spans["counted"].eq(True)`` (docs/schema.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Field", "Style", "KindSpec", "is_loaded", "is_used", "span_value", "DTYPES"]

#: Column types a span field may declare (pandas dtype each becomes in the spans table).
DTYPES = {
    "string": "string",  # text (pandas "string" in typed frames; str/None in JSONL)
    "int": "Int64",  # integer, may be missing (nullable)
    "float": "float64",
    "bool": "boolean",  # may be missing (nullable)
    "list": "object",  # a list (JSON text in CSV and Parquet)
    "dict": "object",  # a mapping (JSON text in CSV and Parquet)
}


@dataclass(frozen=True)
class Field:
    """One kind-specific span field: its column name, type (a key of :data:`DTYPES`) and meaning."""

    name: str
    dtype: str
    doc: str

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"field {self.name!r}: dtype {self.dtype!r}; allowed: {', '.join(DTYPES)}")


@dataclass(frozen=True)
class Style:
    """How a kind's spans are highlighted in the HTML report.

    ``css``: the highlight's declarations; ``legend``: its legend text; ``layer``:
    nesting order (lower = outer element); ``mark``: use ``<mark>`` (a highlight of
    words) rather than ``<span>`` (a structural region); ``variant_field``: a field
    whose value adds the class ``st-<value>``, coloured by ``variant_colors``
    (``(value, "#RRGGBB")`` pairs; verb stance colours);
    ``default_on``: whether the layer is shown when the page opens.
    """

    css: str
    legend: str
    layer: int = 50
    mark: bool = True
    variant_field: str | None = None
    variant_colors: tuple[tuple[str, str], ...] = ()
    default_on: bool = True


#: type -> whether its instances are mappings (``isinstance(x, Mapping)`` is a Python-level ABC call; asked once a type)
_MAPPING_TYPES: dict[type, bool] = {}


def span_value(span: Mapping[str, Any] | Any, key: str) -> Any:
    """A field of a span given as a dict, a table row or a :class:`~framelens.model.Span`;
    ``None`` for missing values (absent, None or NaN).

    Called for every span by the counting rules, so it is kept cheap: whether the span is a mapping
    is asked once per type, and ``v != v`` tests for NaN."""
    is_mapping = _MAPPING_TYPES.get(type(span))
    if is_mapping is None:
        is_mapping = _MAPPING_TYPES[type(span)] = isinstance(span, Mapping)
    if is_mapping:
        v = span.get(key)
    else:
        v = getattr(span, key, None)
        if v is None:
            attrs = getattr(span, "attrs", None)
            if attrs is not None:
                v = attrs.get(key)
    if v is None or v.__class__ is str:  # (most values: no NaN test needed)
        return v
    if isinstance(v, float) and v != v:  # NaN
        return None
    return v


def _label_line(span: Mapping[str, Any]) -> str:
    return f"{str(span_value(span, 'kind')).replace('_', ' ')}: {span_value(span, 'label')}"


@dataclass(frozen=True)
class KindSpec:
    """Everything framelens needs to know about one span kind.

    ``fields``: the kind-specific columns its spans carry (after the fixed
    columns of every span). ``counted``: ``None`` (structural: never counted) or
    a predicate over one span (dict, row or Span) that says whether it counts in
    the kind's totals; ``counted_doc`` says the rule in words (docs/schema.md).
    ``style``: report highlight (``None``: not highlighted). ``tooltip``: fields
    shown as ``name: value`` lines; ``describe``: optional function giving the
    tooltip's lines instead (for kinds whose tooltip needs wording);
    ``show_voice``: add the reporter's-voice / quotation line. ``metric``: the
    documents-table column of the kind's count per document, when an extractor
    writes one (otherwise the comparison counts spans).
    """

    name: str
    doc: str
    fields: tuple[Field, ...] = ()
    label_doc: str = ""
    counted: Callable[[Any], bool] | None = None
    counted_doc: str = "not counted (structural)"
    style: Style | None = None
    tooltip: tuple[str, ...] = ()
    describe: Callable[[Mapping[str, Any]], list[str]] | None = None
    show_voice: bool = True
    metric: str | None = None
    extractor: str | None = field(default=None, compare=False)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def counts(self, span: Any) -> bool:
        """Whether ``span`` counts in this kind's totals (the ``counted`` column)."""
        return bool(self.counted(span)) if self.counted is not None else False

    def tooltip_lines(self, span: Mapping[str, Any]) -> list[str]:
        """The plain-text tooltip of one span (a dict or a spans-table row)."""
        lines = [_label_line(span)]
        if self.describe is not None:
            lines.extend(self.describe(span))
        else:
            for key in self.tooltip:
                v = span_value(span, key)
                if v is not None and v != "" and v != []:
                    lines.append(f"{key.replace('_', ' ')}: {v}")
        if self.show_voice:
            lines.append("voice: " + ("reporter's own" if span_value(span, "voice") == "author" else "inside a quotation"))
        if span_value(span, "entry"):
            lines.append(f"entry: {span_value(span, 'entry')}")
        return lines


def is_used(span: Any) -> bool:
    """A lexicon hit used as language (``use == "use"``), not mentioned as a word."""
    return span_value(span, "use") == "use"


def is_loaded(span: Any) -> bool:
    """THE rule for what counts as loaded language: a ``loaded_term`` span that is used (not a
    mention such as "the term 'illegal alien'" or a declined label, "did not call them illegal
    aliens") with severity of at least 1. Neutral variants are ``neutral_term`` spans (severity 0,
    kept for term choice) and never count; the severity test also keeps a table written before
    ``neutral_term`` existed (severity-0 ``loaded_term`` rows) right."""
    if span_value(span, "kind") != "loaded_term" or not is_used(span):
        return False
    sev = span_value(span, "severity")
    try:
        return sev is not None and float(sev) >= 1
    except (TypeError, ValueError):
        return False
