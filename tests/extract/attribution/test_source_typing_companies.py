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
