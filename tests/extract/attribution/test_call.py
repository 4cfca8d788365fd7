"""*called* as a verb of characterisation: 'called the plan "a relic"'. A quoted nickname after an object
characterises; a quoted name right after the verb only names; 'also called' is not 'so-called'. Unquoted
complements ('called him divisive', 'called Quill a liar', 'called the levy a giveaway') characterise too;
particles, time words, auxiliaries and naming participles ('a group called Neighbors First') do not. Sentences
written for these tests (fictional people and places)."""

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


# unquoted complements

@pytest.mark.parametrize("text, expected", [
    ("Mayor Ada Quill called him reckless on Tuesday.", [("Mayor Ada Quill", "him reckless on Tuesday")]),
    ("Opponents called the levy a giveaway to developers.", [("Opponents", "the levy a giveaway to developers")]),
    ("Reyes calls Quill unqualified, and the council agrees.", [("Reyes", "Quill unqualified")]),
    ("They called him a political opportunist.", [("They", "him a political opportunist")]),
    ("Ortiz called the offer insulting and left.", [("Ortiz", "the offer insulting and left")]),
    ("She called the ruling outrageous.", [("She", "the ruling outrageous")]),
    ("Some residents call it the worst road in Alder County.", [("Some residents", "it the worst road in Alder County")]),
])
def test_unquoted_complement(text, expected):
    assert calls(text) == expected


@pytest.mark.parametrize("text", [
    "Quill called the police.",  # an object without a complement
    "She called him back on Monday.",  # particle
    "The mayor called Ms. Ortiz on Tuesday.",  # preposition
    "He called the fire department immediately.",  # no article or adjective ending after a determiner phrase
    "Reyes called it quits after ten years.",  # idiom
    "Quill called Reyes earlier this month to ask about the levy.",  # time word
    "A group called Neighbors First met on Monday.",  # naming participle after an indefinite phrase
    "A new neighbourhood association called Alder Watch filed suit.",
    "The roll call itself was short.",  # the noun
    "The so-called reform passed.",
    "Quill called him repeatedly.",  # an -ly adverb
    "Reyes called the building manager on Friday.",  # a noun after the determiner phrase
])
def test_not_a_characterisation(text):
    assert calls(text) == []
