"""A contracted auxiliary written onto a personal pronoun ("He's said", "They've argued") leaves the pronoun as
the source; a possessive or a passive *'s* does not make one. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import attribution_spans


def sources(text: str) -> list[tuple[str, str, str]]:
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]], s.attrs["source_type"])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("He's said he will fight on until June.", [("He", "said", "pronoun")]),
    ("They've said the levy is too high.", [("They", "said", "pronoun")]),
    ("They’ve also argued that the bridge is safe.", [("They", "argued", "pronoun")]),
    ("I'd said it before the vote.", [("I", "said", "pronoun")]),
    ("She’s describing the benefits of the plan.", [("She", "describing", "pronoun")]),
    ("Ortiz, who’s argued for years that the levy is unfair, lost the vote.", [("who", "argued", "person")]),
])
def test_contracted_auxiliary(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text", [
    "He's said to be furious about the audit.",  # passive: 'is said to be'
    "It's said that the mayor will resign.",  # agentless 'it is said'
    "Let's say the levy passes.",
    "She's expected to run again.",
])
def test_no_source_from_is(text):
    assert [src for src, _, _ in sources(text)] == []


_CONTRACTED = [("He", "'s"), ("She", "’s"), ("They", "'ve"), ("We", "’ve"), ("I", "'d"), ("They", "'d"),
               ("She", "'d")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_CONTRACTED), st.sampled_from(["", "also ", "long ", "repeatedly "]),
       st.sampled_from(["said", "argued", "claimed", "told reporters", "noted", "warned"]))
def test_source_is_the_pronoun(contracted, adverb, verb):
    """A pronoun with a contracted auxiliary before a verb of saying in the past is the source, without the
    auxiliary ("He's also argued that ..." -> "He")."""
    subject, suffix = contracted
    text = f"{subject}{suffix} {adverb}{verb} that the bridge will reopen on Monday."
    assert [src for src, _, _ in sources(text)] == [subject]
