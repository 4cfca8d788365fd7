"""A quotation opened by a double mark and closed by mistake with a single one ('"Yes,' said Quill, "and no."):
the next straight double mark after a space and before a letter opens a new quotation, and the first is marked
uncertain, so the reporter's 'said Quill' between them is not read as quoted. Hand-written text."""

from __future__ import annotations

import pytest

from framelens.text.segmentation import segment


def regions(text: str) -> list[tuple[str, bool]]:
    return [(text[q.content_start:q.content_end], q.uncertain) for q in segment(text).quotes if q.mark == "double"]


@pytest.mark.parametrize("text, expected", [
    ('"Yes,\' said Quill, "and no."', [("Yes,' said Quill, ", True), ("and no.", False)]),
    ('"We lost,\' Reyes told the Courier. "We will be back."', [("We lost,' Reyes told the Courier. ", True),
                                                               ("We will be back.", False)]),
    # well-formed text is unchanged: a straight mark before a letter closes when no single mark closed the first
    ('"Yes," said Quill, "and no."', [("Yes,", False), ("and no.", False)]),
    ('She called it "a relic" and left.', [("a relic", False)]),
])
def test_mismatched_close(text, expected):
    assert regions(text) == expected
