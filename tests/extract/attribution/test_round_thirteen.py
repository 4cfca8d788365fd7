"""Constructions added in the thirteenth round of issue 19 (docs/methods_attribution.md "round thirteen"), each with
a look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import mentions_and_cues
from helpers import sources_and_types as typed  # (source, source type) of every attribution, in order


def found(text: str) -> list[tuple[str, str]]:
    """(source mention, cue) of every attribution in ``text``, in order."""
    return mentions_and_cues(text)


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


def sources(text: str) -> list[tuple[str, str, str]]:
    """(source, cue, source type) of every attribution in ``text``, in order."""
    return [(source, cue, kind) for _, cue, source, kind in mentions_and_cues(text, "attribution", "source",
                                                                              "source_type")]


# --- a nominative pronoun is the subject of a coordinated cue inside the sentence ------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Although at the mention of the levy she laughed and admitted that it was a burden.", [("she", "admitted")]),
    ("It was a hard week in which he toured the mill and said it would close.", [("he", "said")]),
    # look-alike: 'said nothing' reports nothing
    ("It was late when he returned and said nothing.", []),
])
def test_nominative_pronoun_before_a_coordinated_cue(text, expected):
    assert found(text) == expected


# --- a long gloss in parentheses after a name ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Sen. Ada Vell (a Harlow Democrat so young she has been mistaken for an aide) says she was unfocused.",
     [("Ada Vell", "says", "official")]),
    ("Sen. Jack Reyes (D-Harlow) said the plan failed.", [("Jack Reyes", "said", "official")]),
    # look-alike: a long gloss after a lower-case noun is no parenthetical of a name
    ("The agency (which has been criticized for years by many of its own staff) said the plan failed.", []),
])
def test_gloss_in_parentheses(text, expected):
    assert sources(text) == expected


# --- verbs of speaking with an adverb before their topic; a document's evaluative verb ---------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Republican leaders speak affectionately of Quist's gifts as an orator.", [("Republican leaders", "speak")]),
    ("Vell spoke warmly about the levy.", [("Vell", "spoke")]),
    ("The editorial slams Vell for his plan.", [("The editorial", "slams")]),
    # look-alikes: an appearance ('early', 'only' are no manner adverbs), a boast with no topic
    ("Quist spoke early on Monday at a town hall.", []),
    ("Quist spoke briefly at a town hall.", []),
    ("The report boasts a long list of sources.", []),
])
def test_topic_after_an_adverb_and_document_evaluations(text, expected):
    assert found(text) == expected


# --- collective nouns and records as sources (source_types 1.14.0) ---------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The party leadership fears that closures could kindle protests.", [("party leadership", "fears", "organization")]),
    ("The GOP establishment worries that Vell will lose.", [("GOP establishment", "worries", "vague")]),
    ("The panel found that the agency had erred.", [("panel", "found that", "organization")]),
    ("Footage from the game shows that students dressed up.",
     [("Footage from the game", "shows", "document")]),
    # a record posted by someone: the agent is the source, not the record
    ("Happy New Year! A photo posted by Ada Quist on Dec 31 at 8:13am.", [("Ada Quist", "posted", "person")]),
    # look-alike: 'establishment' as a place
    ("He opened the establishment in 1998.", []),
])
def test_collective_nouns_and_records(text, expected):
    assert sources(text) == expected


# --- a capitalised first name in -ed is no participle --------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Fire Chief Ted Reyes said the pipes were safe.", [("Ted Reyes", "said", "official")]),
    ("Fire Chief Ned Reyes said the pipes were safe.", [("Ned Reyes", "said", "official")]),
    # look-alike: a lower-case participle after the head noun still closes the head
    ("A court document filed Thursday said the plan failed.",
     [("court document filed Thursday", "said", "document")]),
])
def test_first_name_in_ed(text, expected):
    assert sources(text) == expected


# --- senses of cue verbs that report nothing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a vote to put a nominee in office
    ("The council confirmed Ada Quill as city manager on Tuesday.", []),
    ("The Senate confirmed Rex Vale on a 56-43 vote.", []),
    # a causative object of a verb of worry
    ("The move worried investors, who sold their shares.", []),
    ("Vell has also worried some security experts with his warmth.", []),
    ("The regime in Marlow worries the capitals.", []),
    # a plural noun after a count
    ("The mayor cut the levy for three reasons that her aides listed.", []),
    # look-alikes: a report, a worry with its clause, an inverted source, a plural subject's verb
    ("The agency confirmed Vale would resign.", [("The agency", "confirmed")]),
    ("The agency confirmed Monday that Vale would resign.", [("The agency", "confirmed")]),
    ("Officials worried the plan would fail.", [("Officials", "worried")]),
    ("Harlow insiders worry they can't depend on the mayor.", [("Harlow insiders", "worry")]),
    ("“This looks bad,” worried another longtime Quist adviser.", [("another longtime Quist adviser", "worried")]),
    ("The two warn that the levy will fail.", [("The two", "warn")]),
])
def test_senses_that_report_nothing(text, expected):
    assert found(text) == expected


# --- a phrase that runs over another attribution's verb ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("At one point, a woman asked for a lawyer and Quist said, “not today.”",
     [("a woman", "asked"), ("Quist", "said")]),
    # look-alike: a relative clause inside the subject keeps it whole
    ("Officials who said the plan failed told reporters it was late.",
     [("Officials who said the plan failed", "told"), ("who", "said")]),
])
def test_phrase_over_another_attribution(text, expected):
    assert sorted(found(text)) == sorted(expected)


# --- documents in the plural; *who* after a name or in a coordination -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("His first videos show a different person.", [("videos", "show", "document")]),
    ("The letters show that the mayor knew.", [("letters", "show", "document")]),
    # look-alike: a capitalised plural is a name, not a document (round fifteen: 'The' and one capitalised plural
    # name a group, 'The Libertarians', never one person: vague, as 'The Clintons')
    ("The Letters said nothing new.", [("Letters", "said", "vague")]),
])
def test_plural_documents(text, expected):
    got = sources(text)
    assert [(src.split()[-1], cue, kind) for src, cue, kind in got] == expected


@pytest.mark.parametrize("text, expected", [
    # the phrase before the comma runs over a negated noun; 'who' still stands for the name before it
    ("Vell made no mention of Ada Quist, who announced she is leaving.", [("who", "announced", "Ada Quist")]),
    # 'who' opens a clause whose second verb is the cue: the mention is 'who', the source the phrase it stands for
    ("Reporters interviewed Ledger reporter Tom Reyes, who saw the fight and described it in print.",
     [("who", "described", "Tom Reyes")]),
    ("Officials praised the mayor, who toured the plant and said it would close.",
     [("Officials", "praised", "Officials"), ("who", "said", "mayor")]),
    # look-alike: 'said nothing' still reports nothing
    ("Officials praised the mayor, who toured the plant and said nothing.", [("Officials", "praised", "Officials")]),
])
def test_who_for_a_name_and_in_a_coordination(text, expected):
    assert mentions_and_cues(text, "attribution", "source") == expected


def attitudes(text: str) -> list[tuple[str, str, str]]:
    """(source mention, cue, source type) of every attitude in ``text``, in order."""
    return mentions_and_cues(text, "attitude", "source_type")


# --- quantifiers standing for people hold attitudes and are vague sources ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Republicans are more divided, although most oppose it.", [("most", "oppose", "vague")]),
    ("Few Democrats have signed on, even though several oppose the deal.", [("several", "oppose", "vague")]),
    ("Both want a vote before the recess.", [("Both", "want", "vague")]),
    # look-alikes: a bare form after a singular noun or a share is a noun ('Trump support', '41 percent support')
    ("The Vell support was strong.", []),
    ("She garners 41 percent support in the poll.", []),
])
def test_quantifiers_hold_attitudes(text, expected):
    assert attitudes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("All say the plan failed.", [("All", "say", "vague")]),
    ("Both say the plan failed.", [("Both", "say", "vague")]),
])
def test_lone_quantifier_is_no_name(text, expected):
    assert mentions_and_cues(text, "attribution", "source_type") == expected


# --- attitude and cognition cues coordinated with an earlier verb of the same subject --------------------------------
@pytest.mark.parametrize("text, expected", [
    ("President Vell changed course and decided to keep the troops there.", [("President Vell", "decided")]),
    ("Ms. Quist disregarded the advice and refused to sign the agreement.", [("Ms. Quist", "refused")]),
    ("She has given to many candidates, but plans to narrow her support.", [("She", "plans")]),
    # look-alike: a participle is no coordinated finite verb
    ("Vell toured the plant and hoping for a deal stayed late.", []),
])
def test_coordinated_attitudes(text, expected):
    assert mentions_and_cues(text, "attitude") == expected


# --- from the read sample after the round: a unit before a plural cue, a surname after a title's period --------------
@pytest.mark.parametrize("text, expected", [
    ("Her lead shrank from about 12 percentage points to 8 percentage points.", []),
    ("The name was learned from Mr. Said, a lawyer.", []),
    # look-alikes: a plural subject's verb; a headline after a title's name
    ("Three polls point to a close race.", [("Three polls", "point to")]),
    ("Sen. Vell Says He Will Run Again", [("Sen. Vell", "Says")]),
])
def test_unit_and_title_before_a_cue_word(text, expected):
    assert found(text) == expected


# --- groups named by place or belief, quantified capitalised plurals, shares before a longer phrase ------------------
@pytest.mark.parametrize("text, expected", [
    ("Most Americans believe the country is on the wrong track.", [("Most Americans", "believe", "vague")]),
    ("Iowans said the race was close.", [("Iowans", "said", "vague")]),
    ("Some Marlowians say the levy is fair.", [("Some Marlowians", "say", "vague")]),
    ("About 77% of Dover residents believe the levy is fair.", [("77% of Dover residents", "believe", "vague")]),
    # look-alikes: a surname in -s stays a person; a pronoun after 'of' is no share's group
    ("Evans said the race was close.", [("Evans", "said", "person")]),
    ("American officials said the race was close.", [("American officials", "said", "official")]),
])
def test_groups_and_shares(text, expected):
    assert mentions_and_cues(text, "attribution", "source_type") == expected


# --- a job at an outlet, given in an apposition, makes a media source (issue 19: reporters of other outlets) -------------
@pytest.mark.parametrize("text, expected", [
    ("Ada Quist, a producer for NBC News, said the plan failed.", [("Ada Quist", "media")]),
    ("Ada Quist, a writer for the Ledger, said the plan failed.", [("Ada Quist", "media")]),
    # look-alikes: a job for a public body or a place is no newsroom job
    ("Ada Quist, a lawyer for the city, said the plan failed.", [("Ada Quist", "person")]),
    ("Ada Quist, a senator from Harlow, said the plan failed.", [("Ada Quist", "official")]),
])
def test_job_at_an_outlet(text, expected):
    assert typed(text) == expected


def test_outlet_named_later_in_the_apposition_is_no_job_there():
    text = "Ada Quist, a familiar presence for viewers of Fox News, said the plan failed."
    assert typed(text) == [("Ada Quist", "person")]
