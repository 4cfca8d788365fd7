"""Source typing of abbreviations written with periods: 'the F.B.I.' is an organisation, as 'the FBI' is, and both
have one key.

Every sentence is written for these tests (fictional agencies' statements, fictional people); the expected type
was checked by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.identity import normalise_label
from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, bool]]:
    """``(source span text, source_type, named)`` of every attribution of ``text``, in order."""
    return [(text[s.start:s.end], s.attrs["source_type"], s.attrs["named"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("The F.B.I. said the inquiry into the Varga family was closed.", [("The F.B.I.", "organization", True)]),
    ("The FBI said the inquiry into the Varga family was closed.", [("The FBI", "organization", True)]),
    ("The U.N. said aid would reach Port Esker by Friday.", [("The U.N.", "organization", True)]),
    ("The I.R.S. said the Varga family owed nothing.", [("The I.R.S.", "organization", True)]),
    # negatives: initials inside a personal name leave the name a person; a bare pair of initials is a name
    ("J.R. Talbot said the road to Port Esker was closed.", [("J.R. Talbot", "person", True)]),
    ("Mayor Ann B. Cole said the road to Port Esker was closed.", [("Mayor Ann B. Cole", "official", True)]),
])
def test_dotted_abbreviation_types(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an outlet's initials: an outlet, as 'the AP' (only the type is checked: the span of an abbreviation holding
    # the letter A is the source finder's matter)
    ("The A.P. said the count in Marlow County was final.", "media"),
    ("The AP said the count in Marlow County was final.", "media"),
])
def test_dotted_outlet_initials(text, expected):
    assert [t for _, t, _ in typed(text)] == [expected]


def test_dotted_and_plain_abbreviation_share_a_key():
    text = "The F.B.I. said the Varga file was closed. Later the FBI said no charges would be filed."
    ids = [s.attrs["source_id"] for s in attribution_spans(text)]
    assert ids == ["fbi", "fbi"]


@pytest.mark.parametrize("text, expected", [
    ("the F.B.I.", "the fbi"),
    ("U.S", "us"),
    ("St.Louis Ledger", "st louis ledger"),  # two letters before the period: no abbreviation
    ("J. R. Talbot", "j r talbot"),          # spaced initials stay apart
])
def test_normalise_label_dotted(text, expected):
    assert normalise_label(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ABab.. \u00c9\u0130'’-x1")), max_size=40))
def test_normalise_label_dotted_is_idempotent(text):
    once = normalise_label(text)
    assert normalise_label(once) == once
    assert "." not in once
