"""The agent of a passive reporting verb is the source, also in a reduced passive clause with no form of *be*
('Asked by Tom Reyes whether ...', 'when asked by a reporter', 'as reported by the Larkin Gazette').
Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def attributions(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("When asked by Ines Hale on Thursday about the levy, Quill said it would pass.",
     [("Ines Hale", "asked"), ("Quill", "said")]),
    ("Asked by Tom Reyes whether she had practiced, Quill said no.", [("Tom Reyes", "Asked"), ("Quill", "said")]),
    ("As reported by the Larkin Gazette, investigators found 2,200 emails.", [("the Larkin Gazette", "reported")]),
    ("Ada Quill was told by aides that the levy failed.", [("aides", "told")]),
    # no agent: a time after 'by', a participle that opens no clause
    ("The levy, announced by March, failed.", []),
    ("The levy was reported by Monday to have failed.", []),
    ("Quill said the report was widely shared by Friday.", [("Quill", "said")]),
])
def test_passive_agent(text, expected):
    assert attributions(text) == expected
