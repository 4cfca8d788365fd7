"""Which person a pronoun stands for (docs/methods_attribution.md "Pronoun resolution"): people mentioned by
surname count where they are mentioned, the last speaker is taken when no one else is named, mentions inside
a quotation are not the reporter's, and a pronoun left unresolved is not skipped by the next one of its kind.
Texts written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def sources(text: str) -> list[tuple[str, str, str]]:
    """(mention, source, source type) of every attribution in ``text``, in order."""
    return [(s.text, s.attrs["source"], s.attrs["source_type"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a surname mention is the person's: the full name further back is not the nearest person any more
    ("Bo Reyes shot the mayor in 1968.\n\nTom Marr, a city clerk, was at the hall that night.\n\n"
     "The next day Marr told the mayor's children. It was, he later said, the hardest thing he ever had to do.",
     ("he", "Tom Marr")),
    # the last speaker, with no one else named in the pronoun's paragraph
    ("Tom Marr lost the race by 300 votes to Bo Reyes.\n\nMarr said the campaign would ask for a recount.\n\n"
     "\"We also know the count was rushed,\" he said.", ("he", "Tom Marr")),
    # a name inside the quotation is the quoted speaker's mention, not the reporter's
    ("Tom Marr spoke at the rally on Friday.\n\n"
     "\"Ada Quill said yesterday that there is no hope,\" he said. \"But I think she meant the past.\"",
     ("he", "Tom Marr")),
])
def test_pronoun_takes_the_person_the_text_points_to(text, expected):
    assert expected in [(mention, source) for mention, source, kind in sources(text)]


@pytest.mark.parametrize("text, mention, not_source", [
    # two people named by surname in the paragraph and neither the last speaker: no antecedent is clear
    ("Tom Marr and Bo Reyes met on Monday.\n\nMarr shook hands with Reyes, and he later said the talks went well.",
     "he", "Bo Reyes"),
    # a surname two full names share stands for either of them
    ("Tom Marr and Lena Marr ran the shop for forty years.\n\nMarr said the rent had tripled, and she "
     "said the landlord would not talk to them.", "she", "Tom Marr"),
])
def test_pronoun_stays_unresolved_rather_than_merging(text, mention, not_source):
    got = [(m, s) for m, s, kind in sources(text) if m == mention]
    assert got and all(s != not_source for m, s in got)


@pytest.mark.parametrize("text, mention, expected", [
    # a pronoun inside a quotation stands for someone named inside it, never the quotation's speaker (who says I)
    ("\"I don't think Mayor Tom Marr looked in the mirror. And he chastised them,\" said Bo Reyes.",
     "he", "Tom Marr"),
    ("Ada Quill spoke after the vote. \"I went to the clerks. You know what they said? 'Wait,'\" Quill said.",
     "they", "they"),
])
def test_pronoun_inside_a_quotation(text, mention, expected):
    assert (mention, expected) in [(m, s) for m, s, kind in sources(text)]


def test_pronoun_inside_a_quotation_is_not_its_speaker():
    text = ("\"The clerks never listened,\" Bo Reyes says. \"I don't think the mayor looked in the mirror. "
            "And he chastised them.\"")
    got = [(m, s) for m, s, kind in sources(text) if m == "he"]
    assert got and all(s != "Bo Reyes" for m, s in got)
