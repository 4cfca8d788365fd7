"""framelens: measure how news coverage frames a story, and compare outlets covering the same event.

The public API (pinned by tests/test_api.py)::

    import framelens
    corpus = framelens.read_corpus("examples/corpus")
    result = framelens.analyze(corpus)          # .documents and .spans DataFrames
    for r in framelens.iter_analyze(corpus):    # streaming form
        ...

Nothing heavy is imported here: pandas, matplotlib, trafilatura and Dask load
only when a function needs them.
"""

from __future__ import annotations

import logging

from ._version import __version__
from .io.corpus import Corpus, Problem, read_corpus
from .errors import (ConfigError, DecodeError, EmptyDocumentError, FormatError, FramelensError, InputError,
                     LexiconError, ModelError)
from .model import Document, Span
from .runtime.pipeline import AnalysisConfig, AnalysisResult, Analyzer, DocResult, analyze, iter_analyze
from .extract.registry import available_extractors, register_extractor
from .text.segmentation import Quote, Segmentation, segment

logging.getLogger("framelens").addHandler(logging.NullHandler())

__all__ = [
    "__version__",
    "AnalysisConfig",
    "AnalysisResult",
    "Analyzer",
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
    "iter_analyze",
    "read_corpus",
    "register_extractor",
    "segment",
]
