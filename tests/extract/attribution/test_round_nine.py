"""Constructions added in the ninth round of issue 19 (docs/methods_attribution.md "round nine"), each with a
look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def typed(text: str) -> list[tuple[str, str, str]]:
    """(source span, cue, source type) of every attribution in ``text``, in order."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]], s.attrs["source_type"])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a partitive or collective noun before 'of': the noun after 'of' is the head that gives the type
    ("A batch of emails released Friday showed that the clerk knew.",
     [("A batch of emails released Friday", "showed", "document")]),
    ("A copy of the memo says the mill will close in May.", [("A copy of the memo", "says", "document")]),
    ("A pair of polls showed that Quill had lost ground.", [("A pair of polls", "showed", "document")]),
    # a partitive of quantity makes people an unspecified number of them
    ("Dozens of economists said the levy would fail.", [("Dozens of economists", "said", "vague")]),
    ("A handful of councillors said the vote was rushed.", [("A handful of councillors", "said", "vague")]),
    ("A number of officials said the fund was empty.", [("A number of officials", "said", "vague")]),
    # look-alikes: a group noun and a role before 'of' keep their own type
    ("A group of senators said the bill was dead.", [("A group of senators", "said", "organization")]),
    ("The head of the agency said the plan was sound.", [("The head of the agency", "said", "official")]),
])
def test_partitive_head_gives_the_type(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'by' after a document noun names its author: the whole phrase is the source
    ("A report by the inspector general found that the fund was misused.",
     [("A report by the inspector general", "found that", "document")]),
    ("A study by Harlow College researchers found that rents rose.",
     [("A study by Harlow College researchers", "found that", "document")]),
    # a document credited to an outlet is the outlet's (as 'the Ledger's poll')
    ("A poll by the Harlow Ledger shows that Quill leads.", [("A poll by the Harlow Ledger", "shows", "media")]),
    # a participle with time words before its agent
    ("A poll released Sunday by the Harlow Ledger shows Quill ahead by six points.",
     [("A poll released Sunday by the Harlow Ledger", "shows", "media")]),
    # look-alike: 'by' after a participle that opens the sentence is no part of the subject
    ("Stung by the report, Quill said the count was fair.", [("Quill", "said", "person")]),
])
def test_document_with_its_author(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'think tank' is a noun compound: no verb of cognition, no source
    ("The Harlow Institute, a nonpartisan think tank, said the levy was fair.",
     [("The Harlow Institute, a nonpartisan think tank,", "said", "organization")]),
    ("Bo Reyes of the Harlow Institute think tank said the levy was fair.",
     [("Bo Reyes of the Harlow Institute think tank", "said", "person")]),
    ("The Harlow Institute think tank in Marlow backs the levy.", []),
    # look-alike: the verb itself keeps its source
    ("Most economists think the levy is fair.", [("Most economists", "think", "vague")]),
])
def test_think_tank_is_no_cue(text, expected):
    assert [t for t in typed(text) if t[1] != "backs"] == expected


@pytest.mark.parametrize("text, expected", [
    # a document verb's participle followed by a place: 'found on', 'listed in' describe the documents
    ("Nobody knows what is in the emails found on Tom Marr's laptop.", []),
    ("Clerks checked the names listed in the ledger against the rolls.", []),
    # look-alikes: a finding with its clause, a finding with a time, and a plain finding keep their source
    ("The audit found in its review that the fund was misused.", [("The audit", "found", "document")]),
    ("The audit found in March a rise in fees.", [("The audit", "found", "document")]),
    ("The audit found that the fund was misused.", [("The audit", "found that", "document")]),
])
def test_document_participle_of_place(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place or an occasion between a named subject and its verb is an adverbial: the name is the source
    ("Quill in Harlow on Monday said the mill would reopen.", [("Quill", "said", "person")]),
    ("Quill at a rally in Harlow on Monday lashed out at the board.", [("Quill", "lashed out", "person")]),
    ("Councilwoman Ada Quill on Monday in an interview with the Ledger said the fee was unfair.",
     [("Councilwoman Ada Quill", "said", "official")]),
    ("She in Harlow said the fee was unfair.", [("She", "said", "pronoun")]),
    # a noun keeps its prepositional phrases
    ("Voters at a rally in Harlow said the fee was unfair.", [("Voters at a rally in Harlow", "said", "vague")]),
    ("Officials in Harlow said the fee was unfair.", [("Officials in Harlow", "said", "official")]),
    ("Some residents outside the town said the fee was unfair.",
     [("Some residents outside the town", "said", "vague")]),
])
def test_adverbial_between_subject_and_verb(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, not_source", [
    # look-alikes: a name that is the object of a preposition or a verb is no subject of the later verb
    ("He shipped the ledger back to Boise with a note expressing regret.", "Boise"),
    ("Quill thanked Marr with a note saying the fee was unfair.", "Marr"),
    ("Quill thanked Marr with a note saying the fee was unfair.", "Quill thanked Marr"),
    # a predicate after 'are', not an adverbial
    ("“Members of our caucus are still on the floor speaking about the bill.”", "Members of our caucus"),
])
def test_adverbial_look_alikes(text, not_source):
    assert not_source not in [source for source, cue, kind in typed(text) if cue != "thanked"]


@pytest.mark.parametrize("text, expected", [
    # coordinated subjects and lists are one source phrase
    ("Farm lobby experts and county officials said the levy would pass.",
     [("Farm lobby experts and county officials", "said")]),
    ("Mayor Ada Quill, Tom Marr, and other councillors said the levy would pass.",
     [("Mayor Ada Quill, Tom Marr, and other councillors", "said")]),
    ("Marr, Quill and Reyes said the count was fair.", [("Marr, Quill and Reyes", "said")]),
    ("Labor unions, farm groups, and many councillors say the levy is unfair.",
     [("Labor unions, farm groups, and many councillors", "say")]),
    ("A study by the Harlow Institute of Soils, Water, and Forests found that the levy paid off.",
     [("A study by the Harlow Institute of Soils, Water, and Forests", "found that")]),
    # look-alikes: a fronted phrase, a time or an interjection before the comma is no conjunct; a verb between
    # names or before a noun ends the first conjunct
    ("In Harlow, Quill and Reyes said the count was fair.", [("Quill and Reyes", "said")]),
    ("Yesterday, Quill and Reyes said the count was fair.", [("Quill and Reyes", "said")]),
    ("Yeah, Quill and Reyes said the count was fair.", [("Quill and Reyes", "said")]),
    ("After the flood in Harlow, Ada Quill and her aides said the dam had held.",
     [("Ada Quill and her aides", "said")]),
    ("Marr courted reporters and Reyes declared the count fair.", [("Reyes", "declared")]),
    ("Prices rose, wages fell, and workers said they were struggling.", [("workers", "said")]),
])
def test_coordinated_subjects(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 'this' before a noun is a determiner of the source
    ("This reporter asked the mayor about the levy.", [("This reporter", "asked")]),
    ("The levy is a mistake, this person said.", [("this person", "said")]),
    # 'this' before a time is no source, 'this' alone neither ('this morning' is read over since round ten)
    ("The council issued a statement this morning saying the levy was dead.", [("The council", "saying")]),
    # 'like' after a source noun, and 'at least'
    ("Critics like Bo Reyes say the levy is unfair.", [("Critics like Bo Reyes", "say")]),
    ("At least half of the voters in Harlow said the levy was unfair.",
     [("At least half of the voters in Harlow", "said")]),
    # a participle with its prepositional phrase inside the source
    ("People briefed on the talks said the levy was dead.", [("People briefed on the talks", "said")]),
    ("Officials involved in the talks said the levy was dead.", [("Officials involved in the talks", "said")]),
    ("Exit polls taken in Harlow showed Quill ahead.", [("Exit polls taken in Harlow", "showed")]),
    # look-alike: a name before a finite verb is no noun with a participle
    ("A panel on the Ledger resulted in Quill criticizing Reyes.", [("Quill", "criticizing")]),
])
def test_source_phrase_boundaries(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 'thought to be', 'said to have': a raised subject, nobody is cited; the phrase runs on to the real cue
    ("Officials thought to be close to Quill said the levy was dead.",
     [("Officials thought to be close to Quill", "said")]),
    ("Voters believed to be undecided will settle the race.", []),
    # look-alikes: an active belief with a pronoun subject, and 'to be fair' after a verb of saying
    ("He met the man he believed to be his father.", [("he", "believed")]),
    ("Quill said to be fair the levy was late.", [("Quill", "said")]),
])
def test_raising_participles(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # two modifiers of one noun joined by 'and'
    ("Current and former officials said the levy was dead.", [("Current and former officials", "said")]),
    ("Three past and present aides said the levy was dead.", [("Three past and present aides", "said")]),
    # look-alike: a predicate adjective before 'and' ends the clause
    ("He was tired and former aides said the levy was dead.", [("former aides", "said")]),
    # a live blog's clock time glued to the name
    ("Updated 1:35PMBo Reyes said the levy was dead.", [("Bo Reyes", "said")]),
    # a noun of people, capitalised, with its participle and agent
    ("Several Republicans interviewed by the Ledger expressed doubts about the levy.",
     [("Several Republicans interviewed by the Ledger", "expressed")]),
])
def test_modifiers_and_clock_times(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a passive's agent ends before a time, also a possessive one
    ("The closure was denounced by parents at Tuesday's meeting.", [("parents", "denounced")]),
    ("The closure was denounced by parents at Tuesday meetings.", [("parents", "denounced")]),
    # look-alike: a place after the agent stays
    ("The plan was praised by officials at the county office.", [("officials at the county office", "praised")]),
])
def test_passive_agent_before_a_time(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a run of capitalised words that names a place, a kind of people or holds a contraction is no antecedent
    ("The mayor laid a wreath at Harlow National Cemetery. After the service, he said the war was long over.",
     [("he", "said", "pronoun")]),
    ("Many of the United States Attorneys named by the last mayor have left, she said in the email.",
     [("she", "said", "pronoun")]),
    # look-alike: a full name alone before the pronoun is its antecedent
    ("Tom Marr laid a wreath at the memorial. After the service, he said the war was long over.",
     [("Tom Marr", "said", "person")]),
])
def test_places_and_groups_are_no_antecedents(text, expected):
    got = [(s.attrs["source"], text[s.attrs["cue_start"]:s.attrs["cue_end"]], s.attrs["source_type"])
           for s in attribution_spans(text)]
    assert got == expected


def test_a_capitalised_preposition_opens_no_name():
    """'Among Reyes's supporters' at the start of a sentence: 'Among' is no first name of 'Reyes', so the
    run of capitalised words is no full name that 'he' could stand for."""
    text = ("Among Reyes's supporters the mood was grim.\n\n"
            "\"The count was fair,\" he said.")
    got = [(s.attrs["source"], s.attrs["source_type"]) for s in attribution_spans(text)]
    assert got == [("he", "pronoun")]


@pytest.mark.parametrize("text, expected", [
    # 'another' on its own is someone of a group, a vague source
    ("One voter praised the plan, while another says it will fail.",
     [("One voter", "praised", "person"), ("another", "says", "vague")]),
    ("Another said the count was fair.", [("Another", "said", "vague")]),
    # look-alike: 'another' before a noun is a determiner of another phrase
    ("Another day passed before the mayor said it was fair.", [("the mayor", "said", "official")]),
])
def test_another_as_a_source(text, expected):
    assert typed(text) == expected


def test_signs_are_documents():
    """A sign or banner that says something is a document source (source_types 1.10.0), not a person."""
    assert typed("Signs saying the mill would close hung in every window.") == [("Signs", "saying", "document")]


@pytest.mark.parametrize("text, expected", [
    # a participle in -ing with its object after the head: the head types the source
    ("\"Make way!\" claimed a protester holding a pink sign.",
     [("a protester holding a pink sign", "claimed", "person")]),
    # look-alikes: -ing words before the head are modifiers
    ("A Ledger tracking poll released Friday found that Quill leads.",
     [("A Ledger tracking poll released Friday", "found that", "media")]),
    ("The former acting director of the agency said the fund was empty.",
     [("The former acting director of the agency", "said", "official")]),
])
def test_participle_in_ing_after_the_head(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a country or US state alone speaks for its government (source_types 1.10.0 [polity])
    ("Russia denied the report on Monday.", [("Russia", "denied", "organization")]),
    ("The United States said the vote was fair.", [("The United States", "said", "organization")]),
    # look-alikes: a state before people or a title is a modifier; a name that is also a personal name is left out
    ("Iowa voters said the plan would fail.", [("Iowa voters", "said", "vague")]),
    ("Arkansas Gov. Ada Quill released a statement saying the delay was a mistake.",
     [("Arkansas Gov. Ada Quill", "saying", "official")]),
    ("Jordan said the vote was fair.", [("Jordan", "said", "person")]),
])
def test_countries_and_states_are_governments(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a pronoun with a contracted auxiliary is the source of an active verb
    ("I'm not saying that the plan will fail.", [("I", "saying", "pronoun")]),
    ("I am saying that the plan will fail.", [("I", "saying", "pronoun")]),
    ("We've argued that the plan will fail.", [("We", "argued", "pronoun")]),
    # look-alikes: 'it's said' and 'I'm told' are passives, no source; 'they'll tell' is a future, which is not
    # reported, as 'they will tell'
    ("It's said that the mayor will resign.", []),
    ("I'm told that the mayor will resign.", []),
    ("They'll tell you the plan will fail.", []),
])
def test_contracted_pronouns(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speech tag after a comma at the end of the sentence is a citation of its own, not nested
    ("They opposed the rule, because such decisions belong to the towns, they said.",
     [("They", "opposed"), ("they", "said")]),
    # look-alike: a pronoun's statement inside another's content stays nested
    ("Quill says she supports the levy.", [("Quill", "says")]),
])
def test_sentence_final_tag(text, expected):
    assert [(source, cue) for source, cue, kind in typed(text)] == expected
