"""Source typing of a personal name after a title whose surname is also a common noun: 'Reporter Louise Story'
is a journalist (media), not a document; 'Sen. Amos Judge' is an official with a name. Negatives keep the noun
readings where no title makes a name: 'the story said', 'the Mueller-style Report', 'Deputy Sheriff'.

Every sentence is written for these tests (fictional people, outlets and places); the expected type was checked
by hand.
"""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, bool]]:
    """``(source span text, source_type, named)`` of every attribution of ``text``, in order."""
    return [(text[s.start:s.end], s.attrs["source_type"], s.attrs["named"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a newsroom job before a name makes media, whatever the surname
    ("Reporter Louise Story said the files were missing.", [("Reporter Louise Story", "media", True)]),
    ("Editor Sam Record said the paper would print the letters.", [("Editor Sam Record", "media", True)]),
    ("Columnist Tom Page said the plan would fail.", [("Columnist Tom Page", "media", True)]),
    ("Ledger reporter Jane Roe said the count was late.", [("Ledger reporter Jane Roe", "media", True)]),
    # a job title before the name wins over a role word in it ('chief') and over an outlet before it
    ("Ledger chief correspondent Dana Vale reported that the count was late.",
     [("Ledger chief correspondent Dana Vale", "media", True)]),
    # an office before a name makes an official, even when the surname is a role word
    ("Sen. Amos Judge said the bill was dead.", [("Sen. Amos Judge", "official", True)]),
    # a courtesy or abbreviated title before one capitalised word: a name
    ("Mr. Story said the files were missing.", [("Mr. Story", "person", True)]),
    ("Ms. Ann Record said the clinic in Port Esker was full.", [("Ms. Ann Record", "person", True)]),
])
def test_titled_name_with_a_noun_surname(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the noun readings stay where no title makes a name
    ("The story said the mayor had left Port Esker.", [("The story", "document", False)]),
    ("A reporter's story said the mayor had left Port Esker.", [("A reporter's story", "document", False)]),
    ("Story Musgrave said the launch from Port Esker was safe.", [("Story Musgrave", "person", True)]),
    # a title followed by a title is an unnamed office holder
    ("The Deputy Sheriff said the road to Port Esker was closed.", [("The Deputy Sheriff", "official", False)]),
    # an organisation word after a newsroom job: an organisation ('Anchor' is a bank's name here)
    ("Anchor Bank said the loan to the Varga family was approved.", [("Anchor Bank", "organization", True)]),
    # a party label or 'former' before an organisation's name makes no person of it
    ("The Republican National Committee said the count was late.",
     [("The Republican National Committee", "organization", True)]),
    ("Former White House staff said the count was late.", [("Former White House staff", "vague", False)]),
    # a lower-case noun after 'Reporter' is no name
    ("Reporter surveys show the Ledger lost readers.", [("Reporter surveys", "document", False)]),
])
def test_noun_readings_kept_without_a_titled_name(text, expected):
    assert typed(text)[:1] == expected
