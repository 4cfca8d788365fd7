"""Shared test fixtures. Data from ../shared is read at run time, never copied into the repository.

Constants and plain helper functions are in tests/helpers.py (import them from there, not from here).
"""

from __future__ import annotations

import pytest

from helpers import EXAMPLES, SEED_DIR, shared_path


@pytest.fixture(scope="session")
def seed_doc():
    import framelens

    shared_path("corpus", "seed")
    docs = list(framelens.read_corpus(SEED_DIR))
    assert len(docs) == 1
    return docs[0]


@pytest.fixture(scope="session")
def seed_result(seed_doc):
    import framelens

    return framelens.analyze([seed_doc]).results[0]


@pytest.fixture(scope="session")
def example_docs():
    """The six fictional example articles, read once per session (treat as read-only)."""
    import framelens

    return list(framelens.read_corpus(EXAMPLES))
