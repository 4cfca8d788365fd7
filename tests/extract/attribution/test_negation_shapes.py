"""Negated cues of more shapes: 'neither ... nor', 'hardly', a cue in the 'to' complement of a verb of not doing
('failed to mention', 'declined to criticize'), a participle after a denial ('denied saying' is the denial, not a
second statement), a source in a negated coordination ('Neither Quill nor Reyes commented'). A negated cue is no
endorsement: its stance is neutral. Sentences written for these tests (fictional people)."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def found(text: str) -> list[tuple[str, str, bool, str]]:
    return [(text[s.start:s.end], s.attrs["cue"], s.attrs["negated"], s.attrs["stance"])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("The sheriff would neither confirm nor deny the report.", [("The sheriff", "confirm", True, "neutral")]),
    ("The mayor hardly ever praises her staff.", [("The mayor", "praises", True, "neutral")]),
    ("Reyes failed to mention the deficit.", [("Reyes", "mention", True, "neutral")]),
    ("Quill declined to criticize the board.", [("Quill", "criticize", True, "neutral")]),
    ("Reyes denied saying the levy was unfair.", [("Reyes", "denied", False, "neutral")]),
    ("Neither Quill nor Reyes commented on the audit.", [("Reyes", "commented", True, "neutral")]),
    # not negated
    ("Quill said she would not run.", [("Quill", "said", False, "neutral")]),
    ("Reyes confirmed that the levy failed.", [("Reyes", "confirmed", False, "endorsing")]),
])
def test_negation(text, expected):
    assert found(text) == expected
