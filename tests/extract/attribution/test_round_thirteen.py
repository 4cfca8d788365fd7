"""Constructions added in the thirteenth round of issue 19 (docs/methods_attribution.md "round thirteen"), each with
a look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def found(text: str) -> list[tuple[str, str]]:
    """(source mention, cue) of every attribution in ``text``, in order."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]]) for s in attribution_spans(text)]


def typed(text: str) -> list[tuple[str, str]]:
    """(source, source type) of every attribution in ``text``, in order."""
    return [(s.attrs["source"], s.attrs["source_type"]) for s in attribution_spans(text)]


# --- a verb of beginning or continuing before an -ing cue is no part of the source ------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Grayson began vilifying her and trying to force her out.", [("Grayson", "vilifying")]),
    ("The campaign started quietly telling donors that the race was over.", [("The campaign", "telling")]),
    ("Senator Ada Vell kept asking why the agency had waited.", [("Senator Ada Vell", "asking")]),
    ("Supporters of the levy have already begun complaining that it is too small.",
     [("Supporters of the levy", "complaining")]),
    # look-alikes: the verb is the cue's own subject's verb, not a verb of beginning
    ("He kept saying that the vote was rigged.", [("He", "saying")]),
    ("Officials began the review on Monday, saying it would take a month.", [("Officials", "saying")]),
])
def test_aspectual_verb_before_the_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Marr stopped saying that the mill would reopen.",
    "The campaign has quit telling reporters about its polls.",
    "Dell ceased arguing that the levy was illegal.",
])
def test_stopping_reports_nothing(text):
    # what someone no longer says is not attributed to them (as 'denied saying')
    assert found(text) == []


# --- a bare plural noun for people opens a sentence subject ----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Democrats had sued the state, saying the law was unfair.", [("Democrats", "saying")]),
    ("Officials toured the plant and said the work would end.", [("Officials", "said")]),
    ("Critics gathered outside the hall, arguing that the plan was unfair.", [("Critics", "arguing")]),
    ("Democrats on Monday sued the state, saying the law was unfair.", [("Democrats", "saying")]),
    # look-alikes: a document noun is no holder of the participle; a phrase after the noun is no verb
    ("Polls closed at eight, suggesting a long night.", []),
    ("Republicans in Ohio sued the state, saying the law was unfair.", []),
])
def test_bare_plural_subject(text, expected):
    assert found(text) == expected


def test_bare_plural_subject_is_typed_as_its_noun():
    assert typed("Lawmakers toured the plant and said the work would end.") == [("Lawmakers", "official")]
    assert typed("Critics gathered outside the hall, arguing that the plan was unfair.") == [("Critics", "vague")]


# --- a time adverbial between a determiner subject and its verb --------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The campaign on Monday also doubled down on its attacks, saying she was unfit.",
     [("The campaign", "saying")]),
    ("The agency last week released new figures, saying costs would rise.", [("The agency", "saying")]),
    ("The governor on Tuesday night signed the bill and said it would help.", [("The governor", "said")]),
    ("The council earlier this month met behind closed doors, saying the plan was too costly.",
     [("The council", "saying")]),
    # look-alike: no verb after the time adverbial
    ("The council on Monday, as always, was closed.", []),
])
def test_time_adverbial_inside_the_subject(text, expected):
    assert found(text) == expected


# --- 'and instead' before a coordinated cue ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Ona Brisk lives in Harlow. Brisk departed from the usual story and instead portrayed the mayor as a bully.",
     [("Brisk", "portrayed")]),
    ("Ona Brisk lives in Harlow. Brisk left the stage and instead said the mayor was a bully.", [("Brisk", "said")]),
    # look-alike: 'said nothing' after the coordination reports no statement
    ("Ona Brisk lives in Harlow. Brisk left the stage and instead said nothing.", []),
])
def test_instead_between_coordinated_verbs(text, expected):
    assert found(text) == expected


# --- a pronoun's cue inside a relative clause with its subject missing is a statement of its own ---------------------
@pytest.mark.parametrize("text, expected", [
    ("Vance praised Quill for cuts that he said improved the state's finances.",
     [("Vance", "praised"), ("he", "said")]),
    ("Vance criticized a rule that she says would hurt farmers.", [("Vance", "criticized"), ("she", "says")]),
    # look-alikes: a complement clause after the first cue stays part of what its source said
    ("Vance said that he believed the vote was fair.", [("Vance", "said")]),
    ("Vance told the council that he said nothing wrong.", [("Vance", "told")]),
])
def test_relative_clause_with_a_subject_gap(text, expected):
    assert found(text) == expected


# --- a verb after the infinitive's 'to' opens no subject before a noun-like cue ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The envoy worked to calm Russian fears about the deal.", []),
    ("The envoy has worked for weeks to calm Russian fears about the deal.", []),
    ("Aides tried to ease voter concerns about the plan.", []),
    # look-alike: after 'to' as a preposition, a noun phrase and a relative pronoun
    ("He wrote to local officials, who said the plan failed.", [("He", "wrote"), ("who", "said")]),
])
def test_infinitive_before_a_noun_cue(text, expected):
    assert found(text) == expected


# --- a capitalised cue word inside a name in running text is no cue ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Those named by Vell included Ada Quist, The Harlow Report, Brisk Media and Tom Reyes.", []),
    ("The volunteers were Dana Oman, Christopher Rants, Kim Reem and Carl Robin.", []),
    ("His campaign manager, Lee Dorn, and his spokeswoman, Hope Vance, were there.", []),
    ("The Harlow Defending Freedom Fund and its counsel Ada Quist said the rule was unfair.",
     [("The Harlow Defending Freedom Fund and its counsel Ada Quist", "said")]),
    # look-alikes: a headline in title case keeps its cue; so does a cue that opens a statement or follows a comma
    ("Ada Quist Says She Will Not Run Again", [("Ada Quist", "Says")]),
    ("Harlow Mayor Slams Levy Bill As Unfair", [("Harlow Mayor", "Slams")]),
    ("Tom Reyes, the head of the Harlow fund, Tweeted on Friday that the levy had failed.",
     [("Tom Reyes, the head of the Harlow fund,", "Tweeted")]),
])
def test_cue_word_inside_a_name(text, expected):
    assert found(text) == expected
