"""A cue inside a fronted adverbial clause reports only up to the comma that closes the clause; the main clause
after it keeps its own attribution. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def found(text: str) -> list[tuple[str, str, str]]:
    """``(source, cue, content)`` of every attribution."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]],
             text[s.attrs["content_start"]:s.attrs["content_end"]]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Although Ada Quill said the levy failed, Tom Reyes kept the office.",
     [("Ada Quill", "said", "the levy failed")]),
    ("When Ada Quill accused Reyes of waste, he said that the audit was late.",
     [("Ada Quill", "accused", "Reyes of waste"), ("he", "said", "the audit was late")]),
    # not fronted: the content runs to the end of the sentence, commas included
    ("Ada Quill said the levy failed, and Tom Reyes kept the office.",
     [("Ada Quill", "said", "the levy failed, and Tom Reyes kept the office")]),
])
def test_fronted_clause_content(text, expected):
    assert found(text) == expected
