"""Source identity within a document: name keys, one source and one type per person, and names used as
modifiers that are not that person. Every article here is fictional, written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framelens.extract.attribution.extractor as extractor_module
from framelens.extract.attribution.identity import NAME_KEY_MAX, normalise_label, normalise_name
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer

EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs", "attribution"]


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(AnalysisConfig(extractors=EXTRACTORS))


@pytest.fixture
def records(analyzer, monkeypatch):
    """Run the extractor on a text and return its Attribution records after resolution (a spy on
    ``normalise_sources``, so the records' ``source_id`` and ``person`` are visible), in text order."""
    real = extractor_module.normalise_sources
    seen: list = []

    def spy(names, seg, attrs, cache):
        real(names, seg, attrs, cache)
        seen.append(attrs)

    monkeypatch.setattr(extractor_module, "normalise_sources", spy)

    def run(text):
        seen.clear()
        analyzer.analyze_document(Document(id="t", text=text))
        attrs = seen[-1] if seen else []
        return sorted(attrs, key=lambda a: a.src_start)

    return run


def _by_mention(text, attrs):
    return {text[a.src_start:a.src_end].strip(" ,"): a for a in attrs}


# ---------------------------------------------------------------------------
# the name key


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ted Cruz", "ted cruz"),
    ("Mayor Carmen Yulín Cruz", "carmen yulin cruz"),
    ("Carmen Yulin Cruz", "carmen yulin cruz"),
    ("CARMEN YULÍN CRUZ", "carmen yulin cruz"),
    ("Trump's", "trump"),
    ("Harris’", "harris"),
    ("Beto O’Rourke", "beto orourke"),
    ("  Donald   J. Trump ", "donald j trump"),
    ("Dr. Ana Ruiz-Soto", "ana ruiz soto"),
    ("former Gov. Alan Whitlock", "alan whitlock"),
    ("State Sen. Agnes Pilbeam", "agnes pilbeam"),
    ("Mr. Trump", "trump"),
    ("the Mayor", "the mayor"),       # 'the' is no title: the description stays whole
    ("Mayor", "mayor"),               # a name made only of titles keeps its last word
    ("Sen.", "sen"),
    ("Donald Trump Jr.", "donald trump jr"),  # a suffix is part of the name: another person
    ("President-elect Donald Trump", "donald trump"),
    ("Democrat Bernie Sanders", "bernie sanders"),
    ("George H. W. Bush", "george h w bush"),  # initials kept: George W. Bush is another person
    ("", ""),
    ("!!!", ""),
])
def test_normalise_name(text, expected):
    assert normalise_name(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The  Times", "the times"),
    ("General Motors", "general motors"),  # organisations keep leading words that are also titles
    ("Le Monde’s", "le monde"),
])
def test_normalise_label(text, expected):
    assert normalise_label(text) == expected


def test_normalise_name_custom_titles_and_non_strings():
    assert normalise_name("Capt. Mira Hollis", titles=["capt"]) == "mira hollis"
    assert normalise_name("Sen. Mira Hollis", titles=["capt"]) == "sen mira hollis"
    assert normalise_name(None) == ""
    assert normalise_name(42) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normaliser_properties(s):
    """Never raises, bounded, idempotent, and only letters, digits and single spaces."""
    for f in (normalise_name, normalise_label):
        out = f(s)
        assert len(out) <= NAME_KEY_MAX
        assert f(out) == out
        assert out == out.strip() and "  " not in out
        assert all(c == " " or c.isalnum() for c in out)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Sen.", "Mayor", "Mr.", "Ted", "Yulín", "Cruz", "O’Rourke", "’s", "-", " "]),
                max_size=12))
def test_normaliser_on_name_like_strings(parts):
    s = " ".join(parts)
    assert normalise_name(normalise_name(s)) == normalise_name(s)
    assert normalise_name(s.upper()) == normalise_name(s) or "’" in s  # case never matters (bar the apostrophe)


# ---------------------------------------------------------------------------
# within a document: one person, one source id, one type


def test_mayor_full_name_then_surname_is_one_official(records):
    text = ("Mayor London Breed announced the shelter plan on Monday. Residents lined up outside. "
            "\"We will open four sites,\" Breed said.")
    attrs = records(text)
    people = [a for a in attrs if a.person]
    assert len(people) == 2
    assert {a.source for a in people} == {"London Breed"}
    assert {a.source_type for a in people} == {"official"}
    assert {a.source_id for a in people} == {"london breed"}


def test_senator_and_mayor_sharing_a_surname_stay_two(records):
    text = ("Sen. Ted Cruz said the relief bill was too costly. Mayor Carmen Yulín Cruz said the island "
            "could not wait. Mayor Cruz said the water was still off. Sen. Cruz said he would vote no.")
    attrs = _by_mention(text, records(text))
    assert attrs["Sen. Ted Cruz"].source_id == "ted cruz"
    assert attrs["Mayor Carmen Yulín Cruz"].source_id == "carmen yulin cruz"
    assert attrs["Mayor Cruz"].source == "Carmen Yulín Cruz"   # the title picks the one seen after 'Mayor'
    assert attrs["Sen. Cruz"].source == "Ted Cruz"
    assert {a.source_type for a in attrs.values()} == {"official"}


def test_ambiguous_surname_is_left_as_written(records):
    text = ("Hollis Varga said the vote was close. Oren Varga said he disagreed with his sister. "
            "Varga said the count would take a week.")
    attrs = _by_mention(text, records(text))
    assert attrs["Varga"].source == "Varga"
    assert attrs["Varga"].source_id == "varga"
    assert attrs["Hollis Varga"].source_id != attrs["Oren Varga"].source_id


def test_tail_of_a_compound_name_is_the_same_person(records):
    text = ("Carmen Yulín Cruz, the mayor of the capital, said help was slow. Later, Yulín Cruz said the "
            "generators had arrived.")
    attrs = _by_mention(text, records(text))
    assert attrs["Yulín Cruz"].source == "Carmen Yulín Cruz"
    assert attrs["Yulín Cruz"].source_id == "carmen yulin cruz"
    assert attrs["Yulín Cruz"].source_type == "official"   # the office in the apposition holds throughout


@pytest.mark.parametrize("text, mention, expected", [
    ("The levy will fail, said Jane Roe, a reporter for the Daily Ledger. Roe said the county had not "
     "answered her questions.", "Roe", "media"),
    ("Ledger columnist Jane Roe wrote that the levy would fail. Roe said the council ignored her.", "Roe", "media"),
    ("Jane Roe is a correspondent for the Harbor Wire. Jane Roe said the port was closed.", "Jane Roe", "media"),
    ("The Marlow Times reported that the deal was off.", "The Marlow Times", "media"),
    ("The Marlow Ledger's Jane Roe said the count was late. Roe said the clerk had not answered.", "Roe",
     "media"),
    ("Mark Ellis said the case was weak. Ellis, the district attorney, said charges could still come.",
     "Mark Ellis", "official"),
    ("Tom Reyes said the deputy was on leave. Reyes, a spokesman for the sheriff's office, said the review "
     "continues.", "Tom Reyes", "official"),
    ("Ines Calloway, director of the Brisk River Trust, said the river was clean. Calloway said the "
     "grant was spent.", "Calloway", "person"),          # a job, not a public office
    ("Gov. Alan Whitlock said the budget was balanced. Alan Whitlock said taxes would not rise.",
     "Alan Whitlock", "official"),
])
def test_one_type_per_person_across_the_article(records, text, mention, expected):
    attrs = records(text)
    target = _by_mention(text, attrs)[mention]
    same = [a for a in attrs if a.source_id == target.source_id]
    assert target.source_type == expected
    assert {a.source_type for a in same} == {expected}, [(a.source, a.source_type) for a in same]


@pytest.mark.parametrize("text, mention, stype", [
    ("A Trump administration official said the memo was final.", "A Trump administration official", "official"),
    ("One longtime Clinton adviser said the plan would fail.", "One longtime Clinton adviser", "official"),
    ("Trump supporters said they were pleased.", "Trump supporters", "vague"),
    ("Critics said the plan was rushed.", "Critics", "vague"),
])
def test_a_name_used_as_a_modifier_is_not_that_person(records, text, mention, stype):
    a = _by_mention(text, records(text))[mention]
    assert a.source_type == stype
    assert a.named is False
    assert a.person is False
    assert a.source_id is None


def test_middle_initial_and_later_surname(records):
    text = "Sen. Patrick J. Leahy told reporters he would vote no. Leahy said the bill was weak."
    attrs = _by_mention(text, records(text))
    assert attrs["Leahy"].source == "Patrick J. Leahy"
    assert {a.source_id for a in attrs.values() if a.person} == {"patrick j leahy"}


def test_modifier_name_and_the_person_in_one_article_stay_apart(records):
    text = ("Donald Trump said the wall would be finished. A Trump administration official said the money "
            "was not there. Trump said Mexico would pay.")
    attrs = _by_mention(text, records(text))
    assert attrs["Donald Trump"].source_id == attrs["Trump"].source_id == "donald trump"
    assert attrs["A Trump administration official"].source_id is None


@pytest.mark.parametrize("text, resolved", [
    # the one named person is the last source and nothing intervenes: resolved
    ("Mayor London Breed opened the site. \"It works,\" Breed said. She said more money was coming.", True),
    # two named people: unclear
    ("Ana Diaz said the vote was rigged. Ben Holt said it was not. He said the count was fair.", False),
    # an unnamed person-like source intervenes: unclear
    ("Ana Diaz said the vote was rigged. A neighbor said it was not. She said the count was fair.", False),
])
def test_pronoun_only_where_sure(records, text, resolved):
    attrs = records(text)
    pronoun = attrs[-1]
    assert text[pronoun.src_start:pronoun.src_end] in ("She", "He")
    if resolved:
        assert pronoun.source == "London Breed" and pronoun.source_type == "official"
        assert pronoun.source_id == "london breed"
    else:
        assert pronoun.source_type == "pronoun" and pronoun.uncertain and pronoun.source_id is None


@pytest.mark.parametrize("found, expected", [
    ({"WATCHED Donald Trump": False, "Donald Trump": True}, {"Donald Trump": True}),
    ({"Hillary Clinton": False, "Bill Clinton": True}, {"Hillary Clinton": False, "Bill Clinton": True}),
    ({"Sarah Huckabee Sanders": False, "Sarah Sanders": False}, {"Sarah Sanders": False}),
    # two longer forms fit 'George Bush': two people, nothing folded
    ({"George H. W. Bush": True, "George W. Bush": True, "George Bush": False},
     {"George H. W. Bush": True, "George W. Bush": True, "George Bush": False}),
    ({"Donald Trump": False}, {"Donald Trump": False}),
    (None, None),
])
def test_longer_name_ending_with_another_is_the_same_person(found, expected):
    from framelens.extract.attribution.known_names import _same_person_tails

    assert _same_person_tails(found) == expected


def test_generational_suffix_and_a_word_before_a_name(records):
    text = "Rep. John Conyers Jr. has served for decades. Conyers said he would not resign. He denied the claims."
    attrs = _by_mention(text, records(text))
    assert attrs["Conyers"].source == "John Conyers Jr"
    assert attrs["He"].source == "John Conyers Jr" and attrs["He"].source_type == "official"


@pytest.mark.parametrize("text, mention, expected", [
    ("JUST WATCHED Sen. Lindsey Graham spoke at noon. Graham said the deal was bad.", "Graham", "Lindsey Graham"),
    ("Sarah Huckabee Sanders spoke first. Sarah Sanders said no. Sanders said the deal was bad.", "Sanders",
     "Sarah Sanders"),
    # a person named in the text but never cited still makes the surname ambiguous
    ("Melania Varga waved from the stage. Donald Varga said the deal was done. Varga said it was great.",
     "Varga", "Varga"),
])
def test_surname_resolution_on_noisy_names(records, text, mention, expected):
    attrs = _by_mention(text, records(text))
    assert attrs[mention].source == expected
