"""*called* as a verb of characterisation: 'called the plan "a relic"'. A quoted nickname after an object
characterises; a quoted name right after the verb only names; 'also called' is not 'so-called'. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def calls(text: str) -> list[tuple[str, str]]:
    """``(source, content)`` of every attribution whose cue is a form of *call*."""
    return [(text[s.start:s.end], text[s.attrs["content_start"]:s.attrs["content_end"]])
            for s in attribution_spans(text)
            if text[s.attrs["cue_start"]:s.attrs["cue_end"]].lower().startswith("call")]


@pytest.mark.parametrize("text, expected", [
    ("Within minutes, Ada Quill called Reyes “Little Tommy” twice.", [("Ada Quill", "Little Tommy")]),
    ("At the rally, Quill also called the Alder council “lazy” for delaying the levy.", [("Quill", "lazy")]),
    ("They joined a group called “Neighbors First” last year.", []),
    ("It is a so-called “relic” of the past, Quill said.", []),
])
def test_call_complement(text, expected):
    assert calls(text) == expected
