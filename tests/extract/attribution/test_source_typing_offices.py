"""Source typing of office titles: a name after an office held (Chancellor, Provost, Comptroller, Whip, Marshal,
Magistrate, the '-elect' titles, and the offices typed before) is an official, and so is the unnamed holder ('the
chancellor'). Negatives: a plural or quantified group of office holders is vague; a title that is a common first
name is not in the list ('Dean Hollis' stays a person).

Every sentence is written for these tests (fictional people and places); the expected type was checked by hand.
"""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, bool]]:
    """``(source, source_type, named)`` of every attribution of ``text``, in order."""
    return [(s.attrs["source"], s.attrs["source_type"], s.attrs["named"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("title", [
    "Chancellor", "Provost", "Commissioner", "Comptroller", "Treasurer", "Alderman", "Councilwoman",
    "Superintendent", "Ambassador", "Attorney General", "Speaker", "Whip", "Sheriff", "Marshal", "Prosecutor",
    "Magistrate", "Justice", "Judge", "President-elect", "Governor-elect",
])
def test_office_before_a_name_makes_an_official(title):
    text = f"{title} Mira Holt said the vote in Marlow County would go ahead."
    assert typed(text) == [("Mira Holt", "official", True)]


@pytest.mark.parametrize("text, expected", [
    ("The chancellor said classes at Brisk River College would resume.", [("chancellor", "official", False)]),
    ("The provost said the budget of Brisk River College was tight.", [("provost", "official", False)]),
    ("The fire marshal said the blaze on Elm Street began in a kitchen.", [("fire marshal", "official", False)]),
    # an apposition giving an office makes the person an official in every mention
    ("Mira Holt, the chancellor, said classes would resume. Holt added that exams were moved.",
     [("Mira Holt", "official", True), ("Mira Holt", "official", True)]),
])
def test_unnamed_office_holders_and_appositions(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unspecified number of office holders is a vague source
    ("Some magistrates said the new rules in Marlow County were unclear.", [("Some magistrates", "vague", False)]),
    # 'Dean' is a first name too, so it is no title: the name stays a person
    ("Dean Hollis said the vote in Marlow County would go ahead.", [("Dean Hollis", "person", True)]),
])
def test_office_negatives(text, expected):
    assert typed(text) == expected
