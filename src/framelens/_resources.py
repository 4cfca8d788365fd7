"""Locating the data files shipped with framelens (lexicon packs, abbreviations)."""

from __future__ import annotations

import functools
from pathlib import Path

from .errors import FramelensError


@functools.lru_cache(maxsize=None)
def lexicon_dir() -> Path:
    """The folder of shipped lexicon packs.

    In a wheel the packs live in ``framelens/lexicons`` (copied there at build
    time from the repository's top-level ``lexicons/``, the single source); in
    a source checkout or editable install they are read from the repository.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parents[1] / "lexicons"):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    raise FramelensError(
        "the shipped lexicon packs were not found (looked in "
        f"{here / 'lexicons'} and {here.parents[1] / 'lexicons'}); reinstall framelens"
    )


@functools.lru_cache(maxsize=None)
def example_corpus_dir() -> Path:
    """The bundled fictional example corpus (``examples/corpus`` in the repository)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "examples" / "corpus", here.parents[1] / "examples" / "corpus"):
        if candidate.is_dir():
            return candidate
    raise FramelensError("the bundled example corpus was not found; reinstall framelens")
