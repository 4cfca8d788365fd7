"""Nouns of saying after a possessive, with a *that* or *to* complement ("Quill's claim that", "his call to", "the
campaign's statement that"): the possessor is the source (PARC-style noun cues). Without a complement, or with a
possessor that names no speaker ('this year's call to action'), nothing is attributed. Sentences written for
these tests (fictional people and places)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import attribution_spans


def nouns(text: str) -> list[tuple[str, str, str, str]]:
    """``(source, cue, source type, stance)`` of the attributions whose rule is the noun cue."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]], s.attrs["source_type"],
             s.attrs["stance"]) for s in attribution_spans(text) if s.entry == "attribution:noun_cue"]


@pytest.mark.parametrize("text, expected", [
    ("Ada Quill's claim that fares would fall was wrong.", [("Ada Quill", "claim", "person", "distancing")]),
    ("Mr. Reyes's repeated claims that the vote was rigged spread online.",
     [("Mr. Reyes", "claims", "person", "distancing")]),
    ("The campaign's statement that it raised $5 million drew scrutiny.",
     [("The campaign", "statement", "organization", "neutral")]),
    ("Opponents mocked the mayor's promise to fix every road.", [("the mayor", "promise", "official", "neutral")]),
    ("Despite Sen. Amos Reyes's insistence that the bridge was safe, it closed.",
     [("Sen. Amos Reyes", "insistence", "official", "distancing")]),
    ("Critics rejected his call to end the program.", [("his", "call", "pronoun", "neutral")]),
    ("Mayor Ada Quill spoke on Monday. Critics mocked her promise to pave every road.",
     [("her", "promise", "official", "neutral")]),  # resolved to Ada Quill, typed as she is
    ("The union's admission that it lost the vote surprised members.",
     [("The union", "admission", "organization", "endorsing")]),
])
def test_noun_cue(text, expected):
    assert nouns(text) == expected


@pytest.mark.parametrize("text", [
    "This year's call to action was loud.",  # no speaker
    "Tuesday's statement that fares would rise was brief.",  # a day, not a speaker
    "His remarks drew applause.",  # no complement
    "Quill claims that the levy failed.",  # the verb, not a noun (found by the verb rules)
    "A claim that the bridge was unsafe spread online.",  # no possessor
])
def test_no_noun_cue(text):
    assert nouns(text) == []


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["Quill's", "the council's", "his", "Her", "Mr. Reyes's", "the nation's", "its"]),
       st.sampled_from(["", "repeated ", "new "]),
       st.sampled_from(["claim", "warning", "promise", "call", "statement", "insistence"]),
       st.sampled_from(["that", "to"]))
def test_source_is_the_possessor(possessor, modifier, noun, comp):
    """Whatever is found, the source is the possessor without its 's, and the cue is the noun."""
    text = f"Critics doubted {possessor} {modifier}{noun} {comp} the bridge would reopen."
    for src, cue, _, _ in nouns(text):
        assert cue == noun
        assert possessor.startswith(src) or possessor.replace("'s", "") == src
