"""He and she resolve only against names the text does not state to be of the other gender (courtesy and gendered
titles, .gender); two-word places are no names. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.gender import gender_evidence, pronoun_gender
from helpers import attribution_spans


@pytest.mark.parametrize("text, names, expected", [
    ("Mr. Reyes left early.", {"Tom Reyes"}, {"Tom Reyes": "m"}),
    ("Councilwoman Ada Quill spoke.", {"Ada Quill"}, {"Ada Quill": "f"}),
    ("Mrs. Quill and Mr. Quill spoke.", {"Ada Quill", "Tom Quill"}, {}),  # two Quills: the surname says nothing
    ("Mr. Reyes spoke, and Mrs. Reyes spoke.", {"Tom Reyes"}, {}),  # evidence both ways: none
    ("his lady friend and the queen of the fair", {"Ada Quill"}, {}),  # lower-case words are no titles
    ("Spokesman Tom Reyes Monday said no.", {"Tom Reyes"}, {"Tom Reyes": "m"}),
])
def test_gender_evidence_by_hand(text, names, expected):
    assert gender_evidence(text, names) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Mr. sQuilRyeAdTomCnwa,'\n")), max_size=80))
def test_gender_evidence_names_only_given_names(text):
    """Whatever the text, evidence is only ever given for the names passed in, as "m" or "f"."""
    names = {"Ada Quill", "Tom Reyes"}
    got = gender_evidence(text, names)
    assert set(got) <= names and set(got.values()) <= {"m", "f"}


def test_pronoun_gender():
    assert (pronoun_gender("She"), pronoun_gender("his"), pronoun_gender("they")) == ("f", "m", None)


def sources(text: str) -> list[tuple[str, str | None]]:
    """(cue, normalised source) of every attribution."""
    return [(s.attrs["cue"], s.attrs["source"]) for s in attribution_spans(text)]


def test_she_skips_a_man_named_as_such():
    text = ("Mr. Tom Varga spoke first. Later, Councilwoman Ada Quill said the fee was fair. She added that it "
            "would pass.")
    assert sources(text)[-1] == ("added", "Ada Quill")


def test_she_does_not_resolve_to_the_only_name_when_it_is_a_man():
    text = "Mayor Tom Reyes said the fee was fair. Mr. Reyes left. She added that it would pass."
    added = attribution_spans(text)[-1]
    assert added.attrs["cue"] == "added" and added.attrs["source_type"] == "pronoun" and added.attrs["uncertain"]


def test_a_name_with_no_evidence_is_still_a_candidate_of_both():
    assert sources("Ada Quill said the fee was fair. She added that it would pass.")[-1] == ("added", "Ada Quill")


def test_two_word_places_are_no_antecedents():
    text = "Tom Reyes toured New Jersey on Monday. He said the plant was safe."
    assert sources(text)[-1] == ("said", "Tom Reyes")
