"""A company name ending in a trade noun or a legal suffix ('Kestrel Foods', 'Ardent Holdings', 'Quill Motors
Co.') is an organisation (source_types 1.5.0); a person's surname ending in -s is not. Fictional names."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Foods said it would close the plant.", [("Kestrel Foods", "organization")]),
    ("Ardent Holdings said the deal was off.", [("Ardent Holdings", "organization")]),
    ("Quill Motors Co. said sales fell in May.", [("Quill Motors Co.", "organization")]),
    ("Harbor Airways announced that it would cut routes.", [("Harbor Airways", "organization")]),
    ("Tom Williams said the plant would close.", [("Tom Williams", "person")]),
    ("Ada Roberts said sales fell in May.", [("Ada Roberts", "person")]),
])
def test_company_names(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Executives say they expect a good year.", [("Executives", "official")]),
    ("Farmers say the drought is worse than in 2012.", [("Farmers", "vague")]),
    ("Parents said the school was cold.", [("Parents", "vague")]),
    ("Williams said the plant would close.", [("Williams", "person")]),  # a surname in -s stays a person
    ("Reyes said the plant would close.", [("Reyes", "person")]),
])
def test_capitalised_plural_noun_opening_a_sentence(text, expected):
    """A plural noun capitalised because it opens the sentence is a group, not a person's name."""
    assert typed(text) == expected


def sources(text: str) -> list[tuple[str, str, str]]:
    return [(s.attrs["source"], s.attrs["source_type"], s.attrs["source_id"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # an office in a private body makes no official (round fourteen): the named holder is a person
    ("The union's president, Ana Ortiz, called the offer insulting.", [("Ana Ortiz", "person", "ana ortiz")]),
    ("A spokeswoman for the county, Dana Vale, said the road was closed.",
     [("Dana Vale", "official", "dana vale")]),
    # the name in apposition is the person of the later surname
    ("The company's chief executive, Tom Reyes, said sales fell. Reyes added that jobs were safe.",
     [("Tom Reyes", "person", "tom reyes"), ("Tom Reyes", "person", "tom reyes")]),
    ("The county's sheriff, Tom Reyes, said the road was closed. Reyes added that it would reopen.",
     [("Tom Reyes", "official", "tom reyes"), ("Tom Reyes", "official", "tom reyes")]),
])
def test_a_name_in_apposition_names_the_source(text, expected):
    assert sources(text) == expected
