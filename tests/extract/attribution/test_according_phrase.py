"""*According to* credits what follows it, up to the clause's punctuation, even when that is no noun phrase the
phrase reader knows ('according to the results', 'according to him'). Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def according(text: str) -> list[tuple[str, str]]:
    """``(source span text, source type)`` of every *according to* attribution."""
    return [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text) if s.label == "according_to"]


@pytest.mark.parametrize("text, expected", [
    ("According to the results, Quill widened her lead in Penrose.", [("the results", "document")]),  # results are data (source_types 1.7.0)
    ("The mill closed in May, according to two workers present who asked not to be named.",
     [("two workers present who asked not to be named", "anonymous")]),
    ("The dam cost $4 million, according to calculations by Ines Hale of Larkin College.",
     [("calculations by Ines Hale of Larkin College", "vague")]),
    ("He left Alder after, according to him, the council cut his pay.", [("him", "pronoun")]),
    # still found by the noun-phrase reader, as before
    ("The fund ran dry, according to the Brisk Valley Gazette.", [("the Brisk Valley Gazette", "media")]),
    # not a source: an idiom, and a clause word
    ("The vote went according to plan.", []),
    ("Prices rose, according to which the levy failed.", []),
])
def test_according_to_source(text, expected):
    assert according(text) == expected


@pytest.mark.parametrize("text", [
    "Two officials, who spoke on condition of anonymity, said the mill would close.",
    "The mill will close, according to officials who spoke on condition of anonymity.",
    "Two workers who asked not to be named said the mill closed.",
    "The mill closed, according to a clerk who requested anonymity.",
])
def test_anonymity_clause_is_no_attribution_of_its_own(text):
    """The clause that says why a source is unnamed is part of that source's mention, not a second attribution
    whose source is 'who'; the source it modifies is typed anonymous."""
    attrs = [s for s in attribution_spans(text)]
    assert len(attrs) == 1
    assert attrs[0].attrs["source_type"] == "anonymous"
    assert "who" not in text[attrs[0].start:attrs[0].start + 4].lower()
