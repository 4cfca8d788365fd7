"""Shared test fixtures. Data from ../shared is read at run time, never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared"))
SEED_DIR = SHARED / "corpus" / "seed"
EXAMPLES = REPO / "examples" / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent (a user's clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{p} is missing in CI: ../shared must sit beside the repository")
        pytest.skip(f"{p} not present (the shared research data sits beside the repository only for developers and CI)")
    return p


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
