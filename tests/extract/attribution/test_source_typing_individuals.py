"""Source typing of one unnamed person described by who they are ('the 46-year-old', 'the retiree', 'a
grandmother of three'): ``person`` with ``named = false``, not ``vague``, which is kept for unspecified groups
('critics', 'some residents', 'two 30-year-old women') and for singular nouns of opinion or expertise ('an expert').

Ages are read by their form; the person nouns come from the ``[individual]`` section of the source word lists,
which these tests give to the typer directly (a lexicon built from the shipped one with a few such nouns), so the
rule is checked whatever the shipped list holds. Every sentence is written for these tests (fictional people and
places); the expected type was checked by hand.
"""

from __future__ import annotations

import dataclasses

import pytest

from framelens.extract.attribution.source_types import SourceTyper
from framelens.extract.attribution.tokens import TokenCache
from framelens.extract.attribution.words import AttributionWords
from framelens.lexicon.wordlists import load_abbreviations, load_source_lexicon
from framelens.text.segmentation import segment
from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, bool]]:
    """``(source span text, source_type, named)`` of every attribution of ``text``, in order."""
    return [(text[s.start:s.end], s.attrs["source_type"], s.attrs["named"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("The 46-year-old said she was scared of the river.", [("The 46-year-old", "person", False)]),
    ("A 46-year-old man said the water rose quickly.", [("A 46-year-old man", "person", False)]),
    ("Her 20-year-old son said the water rose quickly.", [("Her 20-year-old son", "person", False)]),
    # negatives: several people of an age are a group
    ("Two 30-year-old women said the water rose quickly.", [("Two 30-year-old women", "vague", False)]),
    ("Some 18-year-olds said the water rose quickly.", [("Some 18-year-olds", "vague", False)]),
    ("Every 18-year-old said the water rose quickly.", [("Every 18-year-old", "vague", False)]),
    ("Critics said the plan for Port Esker was flawed.", [("Critics", "vague", False)]),
])
def test_age_makes_one_unnamed_person(text, expected):
    assert typed(text) == expected


@pytest.fixture(scope="module")
def typer() -> SourceTyper:
    """A typer whose word lists are the shipped ones plus an ``[individual]`` section of four nouns."""
    lex = load_source_lexicon()
    words = dict(lex.words)
    words["individual"] = frozenset(("retiree", "grandmother", "neighbor", "man"))
    lex = dataclasses.replace(lex, words=words)
    return SourceTyper(AttributionWords(lex, load_abbreviations().title))


@pytest.mark.parametrize("text, source, expected", [
    ("The retiree said the fire spread fast.", "The retiree", ("person", False)),
    ("A grandmother of three said the water rose quickly.", "A grandmother of three", ("person", False)),
    ("One neighbor said the fire spread fast.", "One neighbor", ("person", False)),
    ("A 46-year-old man said the water rose quickly.", "A 46-year-old man", ("person", False)),
    # negatives: plural or quantified forms are groups; nouns of opinion stay vague; names stay named
    ("Some retirees said the fire spread fast.", "Some retirees", ("vague", False)),
    ("Neighbors said the fire spread fast.", "Neighbors", ("vague", False)),
    ("Each neighbor said the fire spread fast.", "Each neighbor", ("vague", False)),
    ("Any retiree said the fire spread fast.", "Any retiree", ("vague", False)),
    ("An expert said the fire spread fast.", "An expert", ("vague", False)),
    ("Critics said the fire spread fast.", "Critics", ("vague", False)),
    ("Ann Retiree said the fire spread fast.", "Ann Retiree", ("person", True)),  # a surname
])
def test_individual_nouns_make_one_unnamed_person(typer, text, source, expected):
    seg = segment(text)
    cache = TokenCache(text, seg, text.lower())
    start = text.index(source)
    end = start + len(source)
    cue = text.index(" said") + 1
    assert typer.type(cache, start, end, cue, 0) == expected


@pytest.mark.parametrize("text, expected", [
    # the shipped [individual] section
    ("The retiree said the fire on Elm Street spread fast.", [("The retiree", "person", False)]),
    ("A grandmother of three said the water rose quickly.", [("A grandmother of three", "person", False)]),
    ("A neighbor said the fire on Elm Street spread fast.", [("A neighbor", "person", False)]),
    ("Neighbors said the fire on Elm Street spread fast.", [("Neighbors", "vague", False)]),
    ("The person said the talks in Port Esker had stalled.", [("The person", "vague", False)]),
])
def test_shipped_individual_nouns(text, expected):
    assert typed(text) == expected
