"""'in ... poll' as a source: fronted ('In a Quill Institute poll released Monday, ...') or, in the middle of a
sentence, one named poll a figure before it is credited to. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def polls(text: str) -> list[str]:
    return [text[s.start:s.end] for s in attribution_spans(text) if s.entry == "attribution:in_poll"]


@pytest.mark.parametrize("text, expected", [
    ("In a Quill Institute poll released Monday, 52 percent backed the levy.",
     ["a Quill Institute poll released Monday"]),
    ("Sixty-one percent of Alder voters backed the levy in a Riverside College poll this month.",
     ["a Riverside College poll this month"]),
    ("Only 18 percent of renters trust the council in the latest Penrose Ledger survey.",
     ["the latest Penrose Ledger survey"]),
    # left alone: generic polls, an unnamed poll, no figure before it
    ("Quill leads in the polls by nine points.", []),
    ("Just 18 percent of voters like the plan in a new poll.", []),
    ("The levy came up in a Riverside College poll this month.", []),
])
def test_in_poll(text, expected):
    assert polls(text) == expected
