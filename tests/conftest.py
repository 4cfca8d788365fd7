"""Shared test fixtures. Data from ../shared is read at run time, never copied into the repository.

Constants and plain helper functions are in tests/helpers.py (import them from there, not from here).
"""

from __future__ import annotations

import logging

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
    """The fictional example articles (one per file in examples/corpus), read once per session (treat as read-only)."""
    import framelens

    return list(framelens.read_corpus(EXAMPLES))


@pytest.fixture(scope="session")
def demo_report(tmp_path_factory):
    """``framelens demo`` run once per session: (exit code, report folder). The report is the compare report
    of the example corpus by outlet; drawing its charts takes seconds, and both the demo test and the
    fact-alignment section test read it (treat the folder as read-only)."""
    from framelens.cli import main

    out = tmp_path_factory.mktemp("demo") / "demo"
    return main(["demo", "--out", str(out)]), out


def pytest_collection_modifyitems(config, items):
    """Run the slowest file first (the plain-install test builds a venv and runs four jobs in it), so that
    with ``make test``'s parallel workers (one file per worker at a time) it does not finish alone at the end."""
    items.sort(key=lambda item: 0 if item.nodeid.startswith("tests/test_wheel.py") else 1)


#: The ``framelens`` logger as the test session found it (before any test ran the command line in-process).
_LOGGER_AT_START = (logging.getLogger("framelens").level, logging.getLogger("framelens").propagate,
                    list(logging.getLogger("framelens").handlers))


@pytest.fixture(autouse=True)
def _framelens_logger_restored():
    """Put the ``framelens`` logger back as the session found it after each test: the command line, run
    in-process by many tests (some in module-scoped fixtures), sets its level, adds a stderr handler and stops
    propagation to the root logger, which left ``caplog`` blind in every later test of the same worker (which
    tests share a worker depends on scheduling)."""
    yield
    log = logging.getLogger("framelens")
    log.setLevel(_LOGGER_AT_START[0])
    log.propagate = _LOGGER_AT_START[1]
    log.handlers[:] = _LOGGER_AT_START[2]
