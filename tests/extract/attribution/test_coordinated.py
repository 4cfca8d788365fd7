"""A reporting verb coordinated with an earlier verb of the same subject ('Quill toured the plant and said ...'):
a possessive apostrophe or a short quotation between subject and cue does not hide the subject; an unclosed
quotation or another clause does. Sentences written for these tests (fictional people)."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def said_by(text: str) -> list[str]:
    """The source span of every attribution whose cue is 'said'."""
    return [text[s.start:s.end] for s in attribution_spans(text)
            if text[s.attrs["cue_start"]:s.attrs["cue_end"]] == "said"]


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ada Quill praised Varga’s record on roads and said the county can win.", ["Sen. Ada Quill"]),
    ("Ada Quill praised the Marlowes' plan and said it would pass.", ["Ada Quill"]),
    ("Ada Quill praised the Marlowes’ plan and said it would pass.", ["Ada Quill"]),
    ("Ada Quill called the plan “a relic” and said it would fail.", ["Ada Quill"]),
    ('Ada Quill called the plan "a relic" and said it would fail.', ["Ada Quill"]),
    # not read over: an unclosed quotation, a relative clause, a quotation long enough to be a clause of its own
    ("Ada Quill called the plan “a relic and said it would fail.", []),
    ("Ada Quill thanked the crew who built the dam and said it would hold.", []),
    ("Ada Quill read “" + "the plan is old and the plan is slow and the plan is costly and the plan is late, "
     "and nobody wants it” and said it would fail.", []),
])
def test_coordinated_subject(text, expected):
    assert said_by(text) == expected
