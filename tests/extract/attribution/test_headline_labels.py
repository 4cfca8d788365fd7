"""A headline's group or role label before a colon ('Historians: ...', 'Sheriff: ...') is a source; section labels
('Analysis:', 'Update:') and bare labels that name nobody are not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def labels(text: str) -> list[tuple[str, str]]:
    """``(source, source type)`` of the attributions whose cue is a colon."""
    return [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text)
            if text[s.attrs["cue_start"]:s.attrs["cue_end"]] == ":"]


@pytest.mark.parametrize("text, expected", [
    ("Historians: Quill and Reyes will be linked no matter what happens.\n\nMore text.", [("Historians", "vague")]),
    ("Experts: The Alder bridge needs urgent repairs before winter.", [("Experts", "vague")]),
    ("Sheriff: Two deputies were hurt in the crash on Main Street.", [("Sheriff", "official")]),
    ("Analysis: The Alder bridge will reopen on Monday morning.", []),
    ("Update: The Alder bridge will reopen on Monday morning.", []),
    ("Key Takeaways: The levy passed by a wide margin on Tuesday.", []),
    ("Experts: Maybe.", []),  # too short to be something said
])
def test_headline_label(text, expected):
    assert labels(text) == expected
