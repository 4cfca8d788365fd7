"""The one place where extractors are registered.

An extractor turns one segmented document into spans, and may add document
metrics computed from all of the document's spans. Built-in extractors are
named here by import path and imported on first use, so ``import framelens``
stays light; a researcher can add their own with :func:`register_extractor`.

The extractor protocol (duck-typed)::

    class MyExtractor:
        name = "my_kind"                 # unique
        span_fields = ("field", ...)     # the attrs its spans carry (documented columns)
        def __init__(self, config): ...  # load resources once (per worker)
        def extract(self, doc, seg, spans) -> list[Span]: ...
            # ``spans``: the spans earlier extractors produced for this document
        def metrics(self, doc, seg, spans) -> dict: ...
            # ``spans``: every span of the document; flat dict of numbers/strings
        def resources(self) -> list[dict]: ...   # optional: lexicons used, for the manifest
"""

from __future__ import annotations

import importlib
from typing import Any

from ..errors import ConfigError

__all__ = ["register_extractor", "available_extractors", "get_extractor_class", "DEFAULT_EXTRACTORS"]

_BUILTIN: dict[str, str] = {
    "structure": "framelens.extract.structure:StructureExtractor",
    "loaded_terms": "framelens.extract.lexical:LoadedTermExtractor",
    "hedges": "framelens.extract.lexical:HedgeExtractor",
    "report_verbs": "framelens.extract.lexical:ReportVerbExtractor",
    "attribution": "framelens.extract.attribution:AttributionExtractor",
    "frames": "framelens.extract.frames:FrameExtractor",
}
_USER: dict[str, Any] = {}

#: Extractors run by default, in this order.
DEFAULT_EXTRACTORS: list[str] = ["structure", "loaded_terms", "hedges", "report_verbs", "attribution", "frames"]


def register_extractor(name: str, cls: Any, *, default: bool = False) -> None:
    """Register an extractor class (or an ``"module:Class"`` path) under ``name``."""
    if not name or not isinstance(name, str):
        raise ConfigError(f"extractor name must be a non-empty string, got {name!r}")
    _USER[name] = cls
    if default and name not in DEFAULT_EXTRACTORS:
        DEFAULT_EXTRACTORS.append(name)


def available_extractors() -> list[str]:
    """Names of every registered extractor (built-in first)."""
    return list(_BUILTIN) + [n for n in _USER if n not in _BUILTIN]


def get_extractor_class(name: str) -> Any:
    target = _USER.get(name) or _BUILTIN.get(name)
    if target is None:
        raise ConfigError(f"unknown extractor {name!r}; available: {', '.join(available_extractors())}")
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)
    return target
