"""framelens: measure how news coverage frames a story, and compare outlets covering the same event.

The public API (pinned by tests/test_api.py)::

    import framelens
    corpus = framelens.read_corpus("examples/corpus")
    result = framelens.analyze(corpus)          # .documents and .spans DataFrames
    for r in framelens.iter_analyze(corpus):    # streaming form
        ...
    cmp = framelens.compare_groups(result, by="outlet")     # a CompareResult: .stats, .keyness, ...
    ax = framelens.loaded_rate_chart(cmp.stats, cmp.categories, cmp.documents, cmp.colors, ax=None)

``framelens.compare`` is the comparison subpackage (``framelens.compare.run_compare``,
``framelens.compare.charts``); its main function is exported as :func:`compare_groups`, so the
name ``framelens.compare`` means the same thing whatever was imported first.

Nothing heavy is imported here: pandas, matplotlib, trafilatura and Dask load only when a
function needs them; the comparison names load on first use (PEP 562 ``__getattr__``).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .io.corpus import Corpus, Problem, read_corpus
from .errors import (ConfigError, DecodeError, EmptyDocumentError, FormatError, FramelensError, InputError,
                     LexiconError, ModelError)
from .model import Document, Span
from .runtime.pipeline import AnalysisConfig, AnalysisResult, Analyzer, DocResult, analyze, iter_analyze
from .extract.registry import available_extractors, register_extractor
from .text.segmentation import Quote, Segmentation, segment

logging.getLogger("framelens").addHandler(logging.NullHandler())

#: The chart functions of :mod:`framelens.compare.charts`, exported here.
_CHARTS = ("loaded_rate_chart", "term_choice_heatmap", "stance_profile_chart", "sourcing_density_chart",
           "source_mix_chart", "hedges_boosters_chart", "frame_chart", "keyness_chart", "position_chart",
           "source_verbs_chart", "coverage_map")
#: Public name -> (module, attribute), imported on first use so that ``import framelens`` stays light.
_LAZY = {
    "compare_groups": ("framelens.compare", "compare"),
    "run_compare": ("framelens.compare", "run_compare"),
    "CompareResult": ("framelens.compare", "CompareResult"),
    "display": ("framelens.runtime.notebook", "display"),
    **{name: ("framelens.compare.charts", name) for name in _CHARTS},
}
#: Public subpackages, reachable as attributes without an import statement (``framelens.compare.run_compare``)
#: and listed in ``__all__`` so that the API reference (pdoc) documents them.
_SUBPACKAGES = ("compare", "kinds")

if TYPE_CHECKING:  # for type checkers and IDEs; at run time these load in __getattr__
    from . import compare, kinds
    from .compare import CompareResult, run_compare
    from .runtime.notebook import display
    from .compare import compare as compare_groups
    from .compare.charts import (coverage_map, frame_chart, hedges_boosters_chart, keyness_chart, loaded_rate_chart,
                                 position_chart, source_mix_chart, source_verbs_chart, sourcing_density_chart,
                                 stance_profile_chart, term_choice_heatmap)


def __getattr__(name: str) -> Any:
    """Load a lazily exported name (PEP 562) on first access and keep it in the module's namespace."""
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBPACKAGES))


__all__ = [
    "__version__",
    "AnalysisConfig",
    "AnalysisResult",
    "Analyzer",
    "CompareResult",
    "ConfigError",
    "Corpus",
    "DecodeError",
    "DocResult",
    "Document",
    "EmptyDocumentError",
    "FormatError",
    "FramelensError",
    "InputError",
    "LexiconError",
    "ModelError",
    "Problem",
    "Quote",
    "Segmentation",
    "Span",
    "analyze",
    "available_extractors",
    "display",
    "compare",
    "compare_groups",
    "coverage_map",
    "frame_chart",
    "hedges_boosters_chart",
    "iter_analyze",
    "keyness_chart",
    "kinds",
    "loaded_rate_chart",
    "position_chart",
    "read_corpus",
    "register_extractor",
    "run_compare",
    "segment",
    "source_mix_chart",
    "source_verbs_chart",
    "sourcing_density_chart",
    "stance_profile_chart",
    "term_choice_heatmap",
]
