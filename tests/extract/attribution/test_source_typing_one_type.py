"""One person, one type across an article, for the cases of the source-typing fixes: a titled name whose surname
is a noun ('Reporter Louise Story' ... 'Story added'), a new office title ('Chancellor Mira Holt' ... 'Holt'), an
office given in an apposition, and a dotted abbreviation with its plain spelling. Negatives: a lower-case 'the
story' stays a document; a surname shared by two people is not joined to either.

Every article is written for these tests (fictional people, outlets and places); the expected types, names and
keys were checked by hand.
"""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, bool, str | None]]:
    """``(source, source_type, named, source_id)`` of every attribution of ``text``, in order."""
    return [(s.attrs["source"], s.attrs["source_type"], s.attrs["named"], s.attrs["source_id"])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Senator Maria Quill said the bill would pass. Quill added that it was urgent.",
     [("Maria Quill", "official", True, "maria quill"), ("Maria Quill", "official", True, "maria quill")]),
    ("Chancellor Mira Holt said classes would resume.\n\nHolt added that exams at Brisk River College were moved.",
     [("Mira Holt", "official", True, "mira holt"), ("Mira Holt", "official", True, "mira holt")]),
    # the surname is also a document noun: the later bare 'Story' is the reporter, not a story
    ("Reporter Louise Story said the files were missing. Story added that the office was empty.",
     [("Louise Story", "media", True, "louise story"),
      ("Louise Story", "media", True, "louise story")]),
    # the surname is also a role word
    ("Sen. Amos Judge said the bill was dead. Judge added that he would vote no.",
     [("Sen. Amos Judge", "official", True, "amos judge"), ("Sen. Amos Judge", "official", True, "amos judge")]),
    # an office in an apposition types every mention
    ("Mira Holt, the provost, said the budget was tight. Holt added that fees would rise.",
     [("Mira Holt", "official", True, "mira holt"), ("Mira Holt", "official", True, "mira holt")]),
    ("The F.B.I. said the Varga file was closed. The FBI added that no charges would be filed.",
     [("F.B.I.", "organization", True, "fbi"), ("FBI", "organization", True, "fbi")]),
])
def test_one_person_one_type(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lower-case noun is no surname
    ("Reporter Louise Story said the files were missing. The story said the office was empty.",
     [("Louise Story", "media", True, "louise story"), ("story", "document", False, None)]),
    # two people named Judge: a bare 'Judge' is neither
    ("Sen. Amos Judge said the bill was dead. Reporter Ann Judge said it was not. Judge added that the vote "
     "was close.",
     [("Sen. Amos Judge", "official", True, "amos judge"), ("Reporter Ann Judge", "media", True, "ann judge"),
      ("Judge", "official", False, None)]),
])
def test_nouns_that_are_no_surname_stay_apart(text, expected):
    assert typed(text) == expected
