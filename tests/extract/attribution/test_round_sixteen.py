"""Constructions added in the sixteenth round of issue 19 (docs/methods_attribution.md "round sixteen"), each with
a look-alike that must not change. Sentences written for these tests; every name, place and group is fictional
except the unions and advocacy groups of the lexicon (source_types 1.17.0)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framelens.extract.attribution.content import trim_at_new_clauses
from framelens.extract.attribution.context import catenative_cut, causative_object
from framelens.extract.attribution.tokens import tokenize
from framelens.extract.attribution.words import CAUSATIVES
from helpers import attribution_lists, attribution_spans, mentions_and_cues, span_attrs
from helpers import sources_and_types as typed  # (source, source type) of every attribution, in order


def contents(text: str) -> list[tuple[str, str]]:
    """``(cue, content)`` of every attribution of ``text``, in order."""
    return [(s.attrs["cue"], text[s.attrs["content_start"]:s.attrs["content_end"]]) for s in attribution_spans(text)]


# --- a purpose infinitive after the verb's object or adverbial is the subject's ------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Ada Quill used her speech on Monday to call for a recount.", [("Ada Quill", "call for")]),
    ("Tom Reyes went on Channel 9 to defend the levy.", [("Tom Reyes", "defend")]),
    ("The county administration struggled on Tuesday to explain why the bridge was late.",
     [("The county administration", "explain")]),
    ("Ada Quill took the stage Tuesday night to acknowledge her defeat.", [("Ada Quill", "acknowledge")]),
    # a chain of 'to' complements after the object: the first verb's subject
    ("Tom Reyes used the hearing to try to refute the charge.", [("Tom Reyes", "refute")]),
    # look-alikes: an object-control verb (the voters would speak), a relative clause's verb, an embedded question,
    # *to* as a preposition before an -ing form
    ("Tom Reyes urged voters to say no to the levy.", [("Tom Reyes", "urged")]),
    ("Ada Quill cited an article that appeared in 2004 to show her opposition.", [("Ada Quill", "cited")]),
    ("The union said it would hold a vote on whether to endorse Ada Quill.", [("The union", "said")]),
    ("The mayor appeared closer to offering a full endorsement.", []),
    # a participle's chain after a comma is not read (a known miss), and never gives the phrase before the comma
    ("Since leaving office, Tom Reyes has been a loyal ally, taking care to praise Ada Quill in public.", []),
])
def test_purpose_infinitive(text, expected):
    assert mentions_and_cues(text) == expected


# --- an implicative causative's object speaks ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The flood led Mayor Ada Quill to warn that the dam could fail.", [("Mayor Ada Quill", "warn")]),
    ("The ruling prompted Channel 9 anchor Tom Reyes to accuse the council of hiding the figures.",
     [("Channel 9 anchor Tom Reyes", "accuse")]),
    ("The audit forced the Dover council to admit that the figures were wrong.", [("the Dover council", "admit")]),
    ("The scandal drove Tom Reyes to threaten a lawsuit.", [("Tom Reyes", "threaten")]),
    # look-alikes: permission says nothing was said; after a modal it may happen; a chain after the object is left
    ("The ruling allowed Tom Reyes to claim a moral victory.", []),
    ("The loss could force Ada Quill to admit that the levy failed.", []),
    ("The vote prompted their rivals to begin to speak of defeat.", []),
])
def test_causative_object(text, expected):
    assert mentions_and_cues(text) == expected


def test_causative_object_type_and_content():
    text = "The flood led Mayor Ada Quill to warn that the dam could fail."
    assert typed(text) == [("Ada Quill", "official")]
    assert contents(text) == [("warn", "the dam could fail")]


# --- a modal before a chain of 'to' complements: what may be said --------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Ada Quill could try to argue that the levy saves money.", []),
    ("Tom Reyes would use his speech to call for a recount.", []),
    ("Even the people who might have seized the chance to criticize the levy stayed silent.", []),
    # look-alikes: no modal; *would not* is a refusal (negated), not a hypothesis
    ("Ada Quill tried to argue that the levy saves money.", [("Ada Quill", "argue", False)]),
    ("Ada Quill would not try to argue that the levy saves money.", [("Ada Quill", "argue", True)]),
])
def test_modal_before_a_chain(text, expected):
    assert mentions_and_cues(text, "attribution", "negated") == expected


# --- a negative quantifier as the source: nobody said it -----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("No one acknowledged the error.", [("No one", True)]),
    ("Nobody has said the levy would pass.", [("Nobody", True)]),
    ("None of the officials confirmed the report.", [("None of the officials", True)]),
    ("Not one senator said the levy would pass.", [("one senator", True)]),
    ("Not a single official said the levy would pass.", [("single official", True)]),
    # look-alikes: a count, and names that open with the same letters
    ("One senator said the levy would pass.", [("One senator", False)]),
    ("Noble said the levy would pass.", [("Noble", False)]),
    ("North Marlow said the levy would pass.", [("North Marlow", False)]),
])
def test_negative_quantifier_source(text, expected):
    assert span_attrs(text, "source", "negated") == expected


# --- a fronted prepositional phrase run into the name for want of a comma ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("During the rally Tom Reyes criticized the levy.", [("Tom Reyes", "criticized")]),
    ("In her statement Ms. Quill said the levy would pass.", [("Ms. Quill", "said")]),
    ("In the speech Sen. Ada Quill said the levy would pass.", [("Sen. Ada Quill", "said")]),
    # look-alikes: with the comma; an object with a phrase of its own is left as it was
    ("During the rally, Tom Reyes criticized the levy.", [("Tom Reyes", "criticized")]),
    ("In a recent Marlow poll, voters said the levy would pass.",
     [("a recent Marlow poll", "In"), ("voters", "said")]),
])
def test_name_after_a_fronted_phrase(text, expected):
    assert mentions_and_cues(text) == expected


# --- types: a body's name after its noun, unions and advocacy groups, 'other' --------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The law firm Perkins Vale said the levy would pass.", [("Perkins Vale", "organization")]),
    ("The think tank Marlow Institute said the levy would pass.", [("Marlow Institute", "organization")]),
    ("The nonprofit Clean Harbor said the levy would pass.", [("Clean Harbor", "organization")]),
    # look-alikes: an outlet's noun, a role before a name, a relative clause after a place unit
    ("The newspaper Marlow Ledger reported that the levy would pass.", [("Marlow Ledger", "media")]),
    ("Campaign manager Ada Quill said the levy would pass.", [("Ada Quill", "official")]),
    ("Residents of the district Tom Reyes represents say the levy would pass.",
     [("Residents of the district Tom Reyes represents", "vague")]),
    # the president of a union or advocacy group holds no public office; the director of a public agency does
    ("UAW President Tom Marrow said the plant would close.", [("Tom Marrow", "person")]),
    ("NAACP President Dana Reyes said the ruling was a setback.", [("Dana Reyes", "person")]),
    ("FBI Director Tom Reyes said the probe was over.", [("Tom Reyes", "official")]),
    ("The NRA said the ruling was a setback.", [("NRA", "organization")]),
    # *other* counts no one: other officials are officials; a quantifier still makes them vague
    ("Other administration officials said the fence would be built.", [("Other administration officials", "official")]),
    ("Several officials said the fence would be built.", [("Several officials", "vague")]),
    ("Others say the fence would be built.", [("Others", "vague")]),
    ("Other voters say the fence would be built.", [("Other voters", "vague")]),
])
def test_types_of_round_sixteen(text, expected):
    assert typed(text) == expected


def test_a_body_named_after_its_noun_is_one_source():
    text = "The law firm Perkins Vale said the levy would pass. Perkins Vale said the vote was close."
    assert span_attrs(text, "source", "source_type", "source_id") == [("Perkins Vale", "organization",
                                                                        "perkins vale")] * 2
    # look-alike: a person who shares no name with a body keeps the person's type
    text = "The law firm Perkins Vale said the levy would pass. Tom Reyes said the vote was close."
    assert span_attrs(text, "source", "source_type") == [("Perkins Vale", "organization"), ("Tom Reyes", "person")]


# --- content of a tag set off inside the sentence it reports -------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The biggest problem, Ana Quill said, is the cost of the new bridge.",
     [("said", "The biggest problem, Ana Quill said, is the cost of the new bridge")]),
    ("What is happening, he explains, is a slow collapse of the ice shelf.",
     [("explains", "What is happening, he explains, is a slow collapse of the ice shelf")]),
    ("The bridge will cost $40 million, Ana Quill said, and the work starts in May.",
     [("said", "The bridge will cost $40 million, Ana Quill said, and the work starts in May")]),
    # the tag's own participle reports what follows it, the tag what precedes
    ("There has been an uptick in traffic, Tom Reyes said, noting that the bridge had reopened.",
     [("said", "There has been an uptick in traffic"), ("noting", "the bridge had reopened")]),
    # look-alikes: a tag that closes the sentence; a quotation split by the tag
    ("The bridge will cost $40 million, Ana Quill said.", [("said", "The bridge will cost $40 million")]),
    ('"The bridge," Ana Quill said, "will cost more."', [("said", 'The bridge," Ana Quill said, "will cost more.')]),
])
def test_content_around_a_tag(text, expected):
    assert contents(text) == expected


# --- a cognition cue right after an article or possessive is a noun -----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Voters shuddered at the thought of another recount.", []),
    ("His hope is that the bridge opens in May.", []),
    # look-alike: the verb after a subject
    ("Tom Reyes thought the plan was flawed.", [("Tom Reyes", "thought")]),
])
def test_cognition_noun_after_a_determiner(text, expected):
    assert mentions_and_cues(text) == expected


# --- properties -----------------------------------------------------------------------------------------------------
_PIECES = ["led", "prompted", "used", "went", "on", "to", "the", "Tom", "Reyes", "voters", "could", "whether", ",",
           "speech", "try", "Sen.", "that"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_causative_object_follows_a_causative(text):
    tokens = tokenize(text, 0, len(text))
    k = causative_object(tokens)
    if k is not None:
        assert 0 < k < len(tokens) - 1 and tokens[-1].low == "to"
        assert tokens[k - 1].low in CAUSATIVES
        assert all(t.low != "to" for t in tokens[k:-1])


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join), st.booleans())
def test_catenative_cut_is_a_verb_before_the_final_to(text, ing):
    tokens = tokenize(text, 0, len(text))
    k = catenative_cut(tokens, ing)
    if k is not None:
        assert 0 <= k < len(tokens) - 1 and tokens[-1].low == "to"


# --- according to a name and its apposition: the name is the source, the apposition no content ---------------------
@pytest.mark.parametrize("text, expected", [
    ("Families should avoid hot-button topics, according to Ana Reyes, a psychologist in Marlow.",
     [("Ana Reyes, a psychologist in Marlow", "Ana Reyes", "Families should avoid hot-button topics")]),
    ("The fund ran dry, according to a spokesman for the mayor, Tom Reyes.",
     [("a spokesman for the mayor, Tom Reyes", "Tom Reyes", "The fund ran dry")]),
    # look-alike: no apposition
    ("The fund ran dry, according to Tom Reyes.", [("Tom Reyes", "Tom Reyes", "The fund ran dry")]),
])
def test_according_to_an_apposed_name(text, expected):
    got = [(text[s.start:s.end], s.attrs["source"], text[s.attrs["content_start"]:s.attrs["content_end"]])
           for s in attribution_spans(text)]
    assert got == expected


def test_a_pronoun_after_an_according_to_apposition_takes_the_name():
    text = ("Families should avoid hot-button topics, according to Ana Reyes, a psychologist in Marlow.\n\n"
            '"People get heated," she said.')
    assert span_attrs(text, "source") == [("Ana Reyes",), ("Ana Reyes",)]


# --- 'said of TOPIC: "..."': the quotation is what was said --------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('Tom Marrow said of the new levy on vacant homes in the county: "It will never pass. Nobody wants it."',
     [("It will never pass. Nobody wants it.", "direct")]),
    ('Ana Quill said about the plan, "It is a joke."', [("It is a joke.", "direct")]),
    # look-alikes: a colon right after the verb; a topic with no quotation is indirect
    ('Tom Marrow said: "It will never pass."', [("It will never pass.", "direct")]),
    ("Tom Marrow spoke of the new levy at length.", [("of the new levy at length", "indirect")]),
])
def test_quotation_after_a_topic(text, expected):
    got = [(text[s.attrs["content_start"]:s.attrs["content_end"]], s.attrs["mode"]) for s in attribution_spans(text)]
    assert got == expected


# --- a post on a social platform is a document; an outlet named Post is an outlet ----------------------------------
@pytest.mark.parametrize("text, expected", [
    ('"It is time!" the Facebook post said.', [("Facebook post", "document")]),
    ("Her tweet said the levy failed.", [("Her tweet", "document")]),
    ("The Marlow Post reported that the levy failed.", [("Marlow Post", "media")]),
    ("The Post reported that the levy failed.", [("Post", "media")]),
])
def test_posts_are_documents(text, expected):
    assert typed(text) == expected


# --- capitalised runs that are no person do not block a pronoun ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Sen. Tom Marrow, Oregon Republican, said Tuesday that the plan was dead.\n\n"
    '"I have not ruled that out," he said.',
    "Tom Reyes, who heads the National Wind and Water Research Center in Dover, agrees that the river is warm. "
    '"Some rivers are 10 degrees above average," Reyes said. What is happening, he explains, is a double whammy.',
])
def test_descriptions_are_no_antecedents(text):
    assert span_attrs(text, "source")[-1] in {("Tom Marrow",), ("Tom Reyes",)}
    assert all(src != "he" for (src,) in span_attrs(text, "source"))


# --- names coordinated with their party labels are one group ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Sen. Ana Quill (D-Ore.) and Rep. Tom Marr (R-Tex.) said the levy would pass.",
     [("Sen. Ana Quill and Rep. Tom Marr", "official")]),
    # look-alikes: one name with its label; two names without labels
    ("Sen. Ana Quill (D-Ore.) said the levy would pass.", [("Ana Quill", "official")]),
    ("Ana Quill and Tom Marr said the levy would pass.", [("Ana Quill and Tom Marr", "person")]),
])
def test_coordinated_names_with_party_labels(text, expected):
    assert typed(text) == expected


# --- offices the text gives in other forms: *ex-*, a plural title with party labels, *as* --------------------------
@pytest.mark.parametrize("text, expected", [
    ("The firm hired a former county prosecutor. The ex-prosecutor, Brian Tolley, said the payments were legal.",
     ("Brian Tolley", "official")),
    ("The ex-prosecutor said the payments were legal.", ("ex-prosecutor", "official")),
    ('Voters gave both Sens. Ana Quill, D-Ore., and Tom Marrow, R-Tex., wins.\n\n"We won," Marrow said.',
     ("Tom Marrow", "official")),
    ('Sens. Ana Quill (D-Ore.) and Tom Marrow (R-Tex.) voted no.\n\n"We lost," Marrow said.',
     ("Tom Marrow", "official")),
    ("Ana Pruitt served as treasurer and Tom Vellner as deputy attorney general. Tom Vellner said the budget was "
     "balanced.", ("Tom Vellner", "official")),
    # look-alikes: a former job that is no office; a name after *and* with no plural title; *as* with no office
    ("The ex-boxer, Brian Tolley, said the payments were legal.", ("Brian Tolley", "person")),
    ('Voters gave both Ana Quill and Tom Marrow wins.\n\n"We won," Marrow said.', ("Tom Marrow", "person")),
    ('Tom Reyes as much as anyone wanted the levy.\n\n"We lost," Reyes said.', ("Tom Reyes", "person")),
])
def test_offices_in_other_forms(text, expected):
    assert typed(text)[-1] == expected


# --- the object of a preposition after a participle is no subject ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The optics of Tom Reyes confronted by angry tenants threatens his campaign.", []),
    # look-alikes: a subject with the participle's phrase in it keeps it whole; the author of a document; a passive
    # agent and a relative clause on it; the heard speak
    ("Many council members interviewed by the Marlow Ledger acknowledged that the levy was unpopular.",
     [("Many council members interviewed by the Marlow Ledger", "acknowledged")]),
    ("A memo obtained by the Marlow Ledger suggests the mayor was wary.",
     [("A memo obtained by the Marlow Ledger", "suggests")]),
    ("A post by Tom Reyes pointed out that the levy had failed.", [("Tom Reyes", "pointed out")]),
    ("The plan was criticized by tenants, who said it was unfair.", [("tenants", "criticized"), ("who", "said")]),
    ("After months of listening to the mayor call for a recount, voters gave up.", [("the mayor", "call for")]),
])
def test_object_of_a_preposition(text, expected):
    assert mentions_and_cues(text) == expected


# --- a content ends where another source opens a clause of its own -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Reyes said the levy would pass, but critics said it was doomed.",
     [("said", "the levy would pass"), ("said", "it was doomed")]),
    ("Some economists say the council hobbled Mayor Quill, while others say the mayor failed to work with the board.",
     [("say", "the council hobbled Mayor Quill"), ("say", "the mayor failed to work with the board")]),
    ("41 percent say it should be tackled now; 42 percent say it can wait.",
     [("say", "it should be tackled now"), ("say", "it can wait")]),
    # look-alikes: a second clause with no attribution of its own; the LA Times case of earlier rounds
    ("Reyes said the levy would pass, but the vote is in June.",
     [("said", "the levy would pass, but the vote is in June")]),
    ("Harris claimed it was not the county's role, the LA Times reported.",
     [("claimed", "it was not the county's role"), ("reported", "Harris claimed it was not the county's role")]),
    # what *according to* credits is its whole sentence, attributions inside it and all
    ("According to the Ledger, aides said the count was close, but they said the mayor was calm.",
     [("According to", "aides said the count was close, but they said the mayor was calm"),
      ("said", "the count was close"), ("said", "the mayor was calm")]),
])
def test_content_ends_at_another_clause(text, expected):
    assert contents(text) == expected


# --- speaking in a condition or an embedded question reports nothing -----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("If the governor said the levy was illegal, it would be a scandal.", []),
    ("Quill was asked whether she believed the count was rigged.", []),
    ("The levy fails unless voters agree to the new map.", []),
    # look-alikes: a condition after the attribution; an order (a directive speech act, of a thing too)
    ("The governor said the levy would be illegal if it passed.", [("The governor", "said")]),
    ("Judge Ana Vell ordered the county to release the files by Friday.", [("Judge Ana Vell", "ordered")]),
    ("Judge Ana Vell ordered the release of the files.", [("Judge Ana Vell", "ordered")]),
])
def test_conditions_and_questions(text, expected):
    assert mentions_and_cues(text) == expected


# --- events, venues, titles alone and the rest of a body's name are no personal names -------------------------------
@pytest.mark.parametrize("text, expected", [
    ('Ada Quill won the race in May.\n\nThat fall, she went to the Harvest Conference on Soil. "I want to push," she '
     "told her aide.", "Ada Quill"),
    ("Later in the day, Tom Reyes, Vice President of Dovair, told WDOV the debris was not from the plane.\n\n"
     '"We stand corrected," he said.', "Tom Reyes"),
    ("Tom Reyes won the race in May.\n\nMr. Reyes later canceled a visit to the Dover Museum of Rural Farm History. "
     "He cited scheduling conflicts.", "Tom Reyes"),
    ("Tom Reyes won the race in May.\n\nMr. Reyes later toured Eastern Europe. He condemned the new tariffs.",
     "Tom Reyes"),
])
def test_no_person_in_event_venue_or_title_runs(text, expected):
    assert span_attrs(text, "source")[-1] == (expected,)


def test_a_titled_name_after_of_is_still_a_name():
    # look-alike of the body after *of*: the office holder named in the run keeps the name
    text = ("Federal Bureau of Investigation Director Tom Reyes spoke on Monday.\n\n"
            '"No reasonable prosecutor would bring such a case," Reyes said.')
    assert span_attrs(text, "source", "source_type") == [("Tom Reyes", "official")]


@given(attribution_lists(", but critics said", ("indirect", "direct", "according_to", "document")))
def test_new_clause_cut_only_shortens_indirect_contents(case):
    text, attrs = case
    before = copy.deepcopy(attrs)
    trim_at_new_clauses(text, attrs)
    for a, b in zip(attrs, before):
        if a.content != b.content:
            assert a.mode == "indirect" and a.content[0] == b.content[0] < a.content[1] < b.content[1]


# --- the subject's second verb: 'said ... and added that ...' -------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mayor Ada Quill said the levy would pass and added that the vote would come in June.",
     [("Mayor Ada Quill", "said", "the levy would pass"), ("Mayor Ada Quill", "added", "the vote would come in June")]),
    ('Tom Reyes said the plan had failed, and added: "Nothing will change."',
     [("Tom Reyes", "said", "the plan had failed"), ("Tom Reyes", "added", "Nothing will change.")]),
    ("Tom Reyes said the plan had failed but said the contract could not be reopened.",
     [("Tom Reyes", "said", "the plan had failed"), ("Tom Reyes", "said", "the contract could not be reopened")]),
    # a coordinated verb that reports: the first verb's content ends before it
    ("Tom Marr toured the plant and said the mill would stay open.",
     [("Tom Marr", "said", "the mill would stay open")]),
    # look-alikes: a second clause with no verb of saying; a verb that does not go on with the report
    ("Mayor Ada Quill said the levy would pass and the vote would come in June.",
     [("Mayor Ada Quill", "said", "the levy would pass and the vote would come in June")]),
])
def test_the_subjects_second_verb(text, expected):
    got = [(text[s.start:s.end], s.attrs["cue"], text[s.attrs["content_start"]:s.attrs["content_end"]])
           for s in attribution_spans(text)]
    assert got == expected
