"""Word sense around a match (framelens.text.senses) and labels with modifiers inside them, through the matcher.
Sentences are fictional, written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.lexicon.context import is_label_modifier
from framelens.text import senses
from framelens.text.matcher import get_matcher
from framelens.text.segmentation import segment


def labels(text):
    """(surface, entry id, modifiers, stack ids, severity) of the referent-label hits of ``text``."""
    return [(text[h.start:h.end], h.entry.id, h.modifiers, tuple(m.id for m in h.stack), h.severity)
            for h in get_matcher().match(text, segment(text)) if h.kind == "loaded_term" and h.entry.group]


GAPS = [
    ("Police arrested illegal juvenile immigrants near the depot.",
     [("illegal juvenile immigrants", "illegal_immigrant", ("juvenile",), (), 2)]),
    ("Undocumented Honduran migrants waited at the shelter.",
     [("Undocumented Honduran migrants", "undocumented_migrant", ("Honduran",), (), 0)]),
    ("The flyer blamed illegal criminal aliens for the fire.",  # a stacking modifier inside the label stacks
     [("illegal criminal aliens", "illegal_alien", ("criminal",), ("mod_criminal",), 4)]),
    ("Deputies found illegal young Salvadoran immigrants in the truck.",
     [("illegal young Salvadoran immigrants", "illegal_immigrant", ("young", "Salvadoran"), (), 2)]),
    ("The farm hired undocumented day laborers.",
     [("undocumented day laborers", "undocumented_worker", ("day",), (), 0)]),
    ("Illegal\njuvenile immigrants were named in the memo.",
     [("Illegal\njuvenile immigrants", "illegal_immigrant", ("juvenile",), (), 2)]),
    ("Illegal juvenile-immigrants, the memo said.",
     [("Illegal juvenile-immigrants", "illegal_immigrant", ("juvenile",), (), 2)]),
    # look-alikes: a noun, a conjunction, punctuation, a quotation mark, a sentence boundary or three
    # modifiers between the parts: no joined label
    ("Voters oppose illegal drugs and immigrants.", [("immigrants", "immigrant", (), (), 0)]),
    ("The illegal, juvenile immigrants left.", [("immigrants", "immigrant", (), (), 0)]),
    ("He wrote illegal 'juvenile' immigrants.", [("immigrants", "immigrant", (), (), 0)]),
    ("It was illegal. Juvenile immigrants left.", [("immigrants", "immigrant", (), (), 0)]),
    ("Agents met illegal young male Honduran immigrants.", [("immigrants", "immigrant", (), (), 0)]),
    ("The illegal very young immigrants left.", [("immigrants", "immigrant", (), (), 0)]),
    ("An illegal gun trafficking immigrants ring was broken up.", [("immigrants", "immigrant", (), (), 0)]),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=t[:40]) for t, e in GAPS])
def test_labels_with_modifiers_inside(text, expected):
    assert labels(text) == expected


def test_label_modifier_words():
    for w in ("juvenile", "Honduran", "Chinese", "Somali", "Thai", "Guatemalan", "Irish", "unaccompanied"):
        assert is_label_modifier(w), w
    for w in ("drugs", "drug", "and", "gun", "very", "Trump", "Boston"):
        assert not is_label_modifier(w), w


DECLINED = [
    ("the sheriff did not call them ", True),
    ("the sheriff didn't call the men ", True),
    ("she refused to label the men as ", True),
    ("the paper stopped calling them ", True),
    ("officials never described him as an ", True),
    ("the sheriff called them ", False),
    ("it was not clear whether police called them ", False),
    ("she not only called them ", False),
    ("they did not arrest the ", False),
]


@pytest.mark.parametrize("before, expected", DECLINED)
def test_declined(before, expected):
    norm = before + "x"
    assert senses.declined(norm, len(before)) is expected


NAMES = [
    ("Funding for the Unaccompanied Alien Children Program grew.", "Unaccompanied Alien Children", True),
    ("The report traces the War on Drugs to the 1970s.", "War on Drugs", True),
    ("Alien Enemies Act cases rose.", "Alien Enemies", True),  # sentence start, but the name continues
    ("Sanctuary cities are spreading.", "Sanctuary cities", False),
    ("Criminal aliens were released.", "Criminal aliens", False),  # sentence start only
    ("Criminal Alien Released By County Jail Again", "Criminal Alien", False),  # headline in title case
    ("The mayor promised a new war on drugs.", "war on drugs", False),
    ("Cancel all federal funding to Sanctuary Cities now.", "Sanctuary Cities", False),  # capitals as emphasis
]


@pytest.mark.parametrize("text, surface, expected", NAMES)
def test_is_name(text, surface, expected):
    s = text.index(surface)
    assert senses.is_name(text, s, s + len(surface), segment(text)) is expected


def test_near_stays_in_the_sentence_and_window():
    text = "He sold drugs. Offenders like him rarely change."
    s = text.index("Offenders")
    assert not senses.near(text, s, s + 9, segment(text), ("drugs",), 4)
    text = "They counted first-time drug offenders."
    s = text.index("offenders")
    assert senses.near(text, s, s + 9, segment(text), ("first time",), 3)
    assert not senses.near(text, s, s + 9, segment(text), ("first time",), 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["illegal", "undocumented", "juvenile", "Honduran", "young", "immigrants",
                                 "migrants", "aliens", "criminal", "drugs", "and", ",", ".", "'", "“", "”", "\n",
                                 " ", "-", "did", "not", "call", "them", "the", "War", "on", "Drugs"]),
                max_size=30).map(" ".join))
def test_offsets_exact_with_gaps_and_rules(text):
    seg = segment(text)
    for h in get_matcher().match(text, seg):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start].isalnum() and text[h.end - 1].isalnum()
        assert h.start == 0 or not text[h.start - 1].isalnum()
        assert h.end == len(text) or not text[h.end].isalnum()
        span = text[h.start:h.end]
        for m in h.modifiers:  # every recorded modifier is a word of the span, as written
            assert m in span
        assert not any(c in span for c in ".,;:!?\"“”")
