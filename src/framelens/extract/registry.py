"""The one place where extractors and the span kinds they emit are registered.

An extractor turns one segmented document into spans, and may add document
metrics computed from all of the document's spans. Like a spaCy pipeline
factory, it *declares* what it emits and what it needs, so the Analyzer can put
its requirements before it (or refuse with a clear error) instead of silently
returning empty results, and so the tables, the report, the palette and the
comparison learn about its kinds from here. Built-in extractors are named by
import path and imported on first use, so ``import framelens`` stays light; a
researcher adds their own with :func:`register_extractor`.

The extractor protocol (duck-typed)::

    class MyExtractor:
        name = "my_extractor"            # unique
        requires = ("report_verbs",)     # extractors whose spans it reads (run first)
        emits = (KindSpec(...), ...)     # the span kinds it produces (framelens.kinds)
        def __init__(self, config): ...  # load resources once (per worker)
        def extract(self, doc, seg, spans) -> list[Span]: ...
            # ``spans``: the spans earlier extractors produced for this document
        def metrics(self, doc, seg, spans) -> dict: ...
            # ``spans``: every span of the document; flat dict of numbers/strings
        def resources(self) -> list[dict]: ...   # optional: lexicons used, for the manifest

``span_fields`` (the columns its spans carry) is derived from ``emits``; an
older extractor that only sets ``span_fields`` still works, its kinds unstyled.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from typing import Any, Iterable

from ..errors import ConfigError, Reason
from ..kinds import KindSpec

__all__ = ["register_extractor", "unregister_extractor", "available_extractors", "get_extractor_class", "DEFAULT_EXTRACTORS",
           "resolve_extractors", "kind_specs", "get_kind", "extractor_fields", "describe_extractors"]

log = logging.getLogger("framelens")

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

#: Always run first: sentences and quotations are what every other extractor and the report build on.
ALWAYS = ("structure",)


def register_extractor(name: str, cls: Any, *, default: bool = False) -> None:
    """Register an extractor class (or an ``"module:Class"`` path) under ``name``.

    Its declared kinds must not clash with another extractor's kinds, and its requirements
    must be registered extractors (checked here, so a mistake shows at once).

    Parameters
    ----------
    name : str
        The name to pass in ``analyze(..., extractors=[name])``; not a built-in extractor's name.
    cls : type or str
        The extractor class (see docs/architecture.md for its contract), or ``"module:Class"``.
    default : bool
        Add it to the extractors every analysis runs.

    Returns
    -------
    None

    Raises
    ------
    ConfigError
        A bad or built-in name, or declarations that clash or need an unregistered extractor.
    """
    if not name or not isinstance(name, str):
        raise ConfigError(f"extractor name must be a non-empty string, got {name!r}")
    if name in _BUILTIN:
        raise ConfigError(f"{name!r} is a built-in extractor; choose another name", code=Reason.CONFIG)
    if not isinstance(cls, str):
        _check_declarations(name, cls)
    _USER[name] = cls
    if default and name not in DEFAULT_EXTRACTORS:
        DEFAULT_EXTRACTORS.append(name)


def unregister_extractor(name: str) -> None:
    """Remove an extractor registered with :func:`register_extractor` (built-ins cannot be removed)."""
    if name in _BUILTIN:
        raise ConfigError(f"{name!r} is a built-in extractor and cannot be removed")
    if name not in _USER:
        raise ConfigError(f"no extractor {name!r} was registered", code=Reason.UNKNOWN_NAME)
    del _USER[name]
    if name in DEFAULT_EXTRACTORS:
        DEFAULT_EXTRACTORS.remove(name)


def _check_declarations(name: str, cls: Any) -> None:
    for spec in getattr(cls, "emits", ()):
        if not isinstance(spec, KindSpec):
            raise ConfigError(f"extractor {name!r}: emits must hold framelens.kinds.KindSpec objects, got {spec!r}")
        owner = _kind_owner(spec.name, skip=name)
        if owner is not None:
            raise ConfigError(f"extractor {name!r} emits kind {spec.name!r}, already emitted by {owner!r}")
    for req in getattr(cls, "requires", ()):
        if req not in _BUILTIN and req not in _USER:
            raise ConfigError(f"extractor {name!r} requires {req!r}, which is not registered; "
                              f"available: {', '.join(available_extractors())}", code=Reason.MISSING_REQUIREMENT)


def _kind_owner(kind: str, skip: str | None = None) -> str | None:
    for n in available_extractors():
        if n == skip:
            continue
        if any(s.name == kind for s in getattr(get_extractor_class(n), "emits", ())):
            return n
    return None


def available_extractors() -> list[str]:
    """Names of every registered extractor (built-in first).

    Returns
    -------
    list of str
    """
    return list(_BUILTIN) + [n for n in _USER if n not in _BUILTIN]


def get_extractor_class(name: str) -> Any:
    """The class registered under ``name`` (imported on first use)."""
    target = _USER.get(name) or _BUILTIN.get(name)
    if target is None:
        raise ConfigError(f"unknown extractor {name!r}; available: {', '.join(available_extractors())}",
                          code=Reason.UNKNOWN_NAME)
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)
    return target


def resolve_extractors(names: Iterable[str] | None = None, *, add_requirements: bool = True) -> list[str]:
    """The extractors to run, in a valid order: ``structure`` first, every requirement before the
    extractor that needs it, otherwise in the order given.

    ``add_requirements=False`` refuses instead of adding: a :class:`~framelens.errors.ConfigError`
    (code ``missing_requirement``) names the extractor and what it needs. A requirement cycle is
    an error too.
    """
    wanted = list(DEFAULT_EXTRACTORS if names is None else names)
    for n in wanted:
        get_extractor_class(n)  # unknown names fail here, with the list of available ones
    given = set(wanted) | set(ALWAYS)
    if not add_requirements:
        missing = [(n, req) for n in wanted for req in getattr(get_extractor_class(n), "requires", ())
                   if req not in given]
        if missing:
            need = "; ".join(f"{n!r} requires {req!r}" for n, req in missing)
            raise ConfigError(f"missing extractor requirements: {need} (extractors to run: {', '.join(wanted)}); "
                              "add them, or let framelens add them", code=Reason.MISSING_REQUIREMENT)
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(n: str, chain: tuple[str, ...]) -> None:
        if state.get(n) == "done":
            return
        if state.get(n) == "visiting":
            raise ConfigError("extractor requirements form a cycle: " + " -> ".join(chain + (n,)), code=Reason.CONFIG)
        state[n] = "visiting"
        for req in getattr(get_extractor_class(n), "requires", ()):
            visit(req, chain + (n,))
        state[n] = "done"
        order.append(n)

    for n in list(ALWAYS) + wanted:
        visit(n, ())
    added = [n for n in order if n not in given]
    if added:
        log.info("extractors %s added: required by %s", ", ".join(added), ", ".join(wanted))
    return order


def kind_specs(extractors: Iterable[str] | None = None) -> dict[str, KindSpec]:
    """Every declared span kind (of ``extractors``, default: all registered), by name, each with
    ``extractor`` set to the extractor that emits it."""
    out: dict[str, KindSpec] = {}
    for n in (available_extractors() if extractors is None else extractors):
        for spec in getattr(get_extractor_class(n), "emits", ()):
            out.setdefault(spec.name, dataclasses.replace(spec, extractor=n))
    return out


def get_kind(kind: str) -> KindSpec | None:
    """The spec of one kind, or ``None`` when no registered extractor declares it."""
    return kind_specs().get(kind)


def extractor_fields(cls: Any) -> tuple[str, ...]:
    """The kind-specific span fields of an extractor: from its ``emits`` (in order, each once),
    else its legacy ``span_fields``."""
    emits = getattr(cls, "emits", None)
    if not emits:
        return tuple(getattr(cls, "span_fields", ()))
    return tuple(dict.fromkeys(f for spec in emits for f in spec.field_names))


def describe_extractors(names: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """What each extractor of a run requires and emits (like spaCy's ``analyze_pipes``): one dict per
    extractor in run order, with ``added`` True for those put in as requirements."""
    wanted = set(DEFAULT_EXTRACTORS if names is None else names) | set(ALWAYS)
    rows = []
    for n in resolve_extractors(names):
        cls = get_extractor_class(n)
        rows.append({"name": n, "requires": list(getattr(cls, "requires", ())),
                     "emits": [s.name for s in getattr(cls, "emits", ())], "added": n not in wanted})
    return rows
