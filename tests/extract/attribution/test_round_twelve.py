"""Constructions added in the twelfth round of issue 19 (docs/methods_attribution.md "round twelve"), each with a
look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import attribution_spans, mentions_and_cues


def found(text: str) -> list[tuple[str, str]]:
    """(source mention, cue) of every attribution in ``text``, in order."""
    return mentions_and_cues(text)


def typed(text: str) -> list[tuple[str, str, bool]]:
    """(source, source type, named) of every attribution in ``text``, in order."""
    return [(s.attrs["source"], s.attrs["source_type"], s.attrs["named"]) for s in attribution_spans(text)]


# --- occupations are source nouns (source_types 1.13.0) ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an occupation is the head of a source phrase, before the cue and after an inverted cue
    ("A scientist at the Harlow lab said the samples were clean.", [("A scientist at the Harlow lab", "said")]),
    ('"The dam will hold," said a geologist who studied the site.', [("a geologist", "said")]),
    ('"It is a fair price," said a columnist for the Marlow Ledger.', [("a columnist for the Marlow Ledger", "said")]),
    ("The firefighter told reporters the blaze was contained.", [("The firefighter", "told")]),
    # look-alikes: the lab and a place are no source when a person is named before them
    ("Tom Vale, who runs the Harlow lab, said the samples were clean.",
     [("Tom Vale, who runs the Harlow lab,", "said")]),
])
def test_occupations_head_a_source(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a description before a name: the name is the person, typed person and named
    ('"It fails," said Harlow University historian Tom Vale.', [("Tom Vale", "person", True)]),
    ("Harlow University student Ana Ruiz said the fees were too high.", [("Ana Ruiz", "person", True)]),
    ('"It fails," said Marlow State economist Mira Holt.', [("Mira Holt", "person", True)]),
    # a capitalised description opening the sentence is no part of the name, and a later surname is the same person
    ("Historian Tom Vale said the war was avoidable. Vale added that the peace was short.",
     [("Tom Vale", "person", True), ("Tom Vale", "person", True)]),
    # a surname that is also a noun of who someone is stays a name ('Ann Neighbor', 'Adam Driver')
    ("Ann Neighbor said the road was closed.", [("Ann Neighbor", "person", True)]),
    ("Tom Driver said the road was closed. Driver added that it would reopen.",
     [("Tom Driver", "person", True), ("Tom Driver", "person", True)]),
    # look-alikes: a group in headline case stays vague; an organisation's name stays one
    ("Iowa Voters say the road was closed.", [("Iowa Voters", "vague", False)]),
    ("The student Union said the fees were too high.", [("student Union", "organization", True)]),
])
def test_a_description_before_a_name(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # professions are no public office: person (named or not), as in an apposition
    ("Dr. Mira Holt said the clinic would close.", [("Mira Holt", "person", True)]),
    ("Professor Mira Holt said the clinic would close.", [("Mira Holt", "person", True)]),
    ("A lawyer for the family said the clinic would close.", [("lawyer for the family", "person", False)]),
    ('"It fails," said Mira Holt, an economist at Marlow State.', [("Mira Holt", "person", True)]),
    # singular nouns of opinion stay vague, like 'an expert'
    ("A Democratic strategist said the clinic would close.", [("Democratic strategist", "vague", False)]),
    # a courtesy title after a role: the role decides
    ('"We will win," said GOP presidential candidate Dr. Ben Marlowe.', [("Ben Marlowe", "official", True)]),
    # a profession held in a public body is public staff: official
    ('"The bridge is safe," a county engineer said.', [("county engineer", "official", False)]),
    ("A state epidemiologist said the outbreak was over.", [("state epidemiologist", "official", False)]),
    ("A Boeing engineer said the outbreak was over.", [("Boeing engineer", "person", False)]),
    # look-alikes: offices stay official
    ("The sheriff said the clinic would close.", [("sheriff", "official", False)]),
    ("Sen. Mira Holt said the clinic would close.", [("Mira Holt", "official", True)]),
])
def test_professions_are_no_office(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # unnamed organisations in the plural are organisations, as officials are official
    ("Intelligence agencies concluded that the ballots were forged.", [("Intelligence agencies", "organization")]),
    ("Advocacy groups said the rule was unfair.", [("Advocacy groups", "organization")]),
    ("Unions said the rule was unfair.", [("Unions", "organization")]),
    # look-alikes: quantified they are vague; named they are organisations; documents stay documents
    ("Several companies said the rule was unfair.", [("Several companies", "vague")]),
    ("Harlow Industries said the rule was unfair.", [("Harlow Industries", "organization")]),
    ("Court documents show the rule was unfair.", [("Court documents", "document")]),
])
def test_plural_organisations(text, expected):
    assert [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text)] == expected


# --- where an inverted source's mention ends ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a preposition after the apposition's closing comma opens an adverbial of the report, not the apposition
    ('"We are vetting candidates," said Ana Ruiz, the head of the Marlow Guild, at its annual meeting in Dover.',
     [("Ana Ruiz, the head of the Marlow Guild,", "said")]),
    ('"I was never told," said Tom Vale, an aide who attended the meeting, in a statement from his firm.',
     [("Tom Vale, an aide who attended the meeting,", "said")]),
    ('"It works," wrote Ada Quill, a nurse in Dover, on the union\'s page.', [("Ada Quill, a nurse in Dover,", "wrote")]),
    # look-alikes: a prepositional phrase inside the apposition stays; 'of' after an age is the person's
    ('"It works," said Bo Reyes, a lawyer in Harlow.', [("Bo Reyes, a lawyer in Harlow", "said")]),
    ('"It works," said Bo Reyes, director of the Marlow Trust.', [("Bo Reyes, director of the Marlow Trust", "said")]),
])
def test_adverbial_after_an_apposition(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a manner or degree word before a participle or adjective that ends the clause depicts the speaker
    ('"I am better with my hands," said Tom Vale, half joking.', [("Tom Vale", "said")]),
    ('"It hurts," said Ana Ruiz, clearly frustrated.', [("Ana Ruiz", "said")]),
    ('"It hurts," said Ana Ruiz, visibly moved, as she left.', [("Ana Ruiz", "said")]),
    # look-alikes: appositions without a determiner stay
    ('"It hurts," said Ana Ruiz, deputy director of the guild.', [("Ana Ruiz, deputy director of the guild", "said")]),
    ('"It hurts," said Ana Ruiz, family friend of the Vales.', [("Ana Ruiz, family friend of the Vales", "said")]),
])
def test_depictive_after_an_inverted_source(text, expected):
    assert [m for m in found(text) if m[1] == "said"] == expected


@pytest.mark.parametrize("text, expected", [
    # lower-case modifiers after a capitalised word, then a source noun that ends the clause
    ('"It is crucial," said one former GOP leadership aide.', [("one former GOP leadership aide", "said")]),
    ('"It is late," said a White House press officer.', [("a White House press officer", "said")]),
    # look-alikes: a time phrase and a participle after a name end it
    ('"It works," said Quill last week.', [("Quill", "said")]),
    ('"It works," said the Marlow Times allowing more.', [("the Marlow Times", "said")]),
])
def test_role_phrase_after_a_capitalised_modifier(text, expected):
    assert found(text) == expected


# --- no source ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a verb's object with an adverb after it is no inverted source
    ("Vale, in a letter to the council on Monday, argued the point more vehemently, contending that it was late.",
     [("Vale", "argued"), ("Vale", "contending")]),
    # a singular indefinite with an adjective in -ing and no noun: a noun compound follows, no verb
    ("Here is an amusing thought experiment: Vale tries to test his theory.", []),
    # a source in a clause opened by a subordinator, with nothing after its cue, reports nothing before it
    ("The figure is low because not every county reports.", []),
    # look-alikes
    ('"It works," said the 46-year-old.', [("the 46-year-old", "said")]),
    ("An aide thought the vote was lost.", [("An aide", "thought")]),
    ("Turnout was 61 percent, the county reports.", [("the county", "reports")]),
    ("Denying it carries risks, as Vale's supporters point out.", [("Vale's supporters", "point out")]),
])
def test_no_source(text, expected):
    assert found(text) == expected


# --- one person, one type; different people never merged --------------------------------------------------------

def _ids(text: str) -> list[tuple[str, str | None, str]]:
    return [(s.attrs["source"], s.attrs["source_id"], s.attrs["source_type"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # several people named together are a group: no one person's name or id
    ("Ann Varga spoke. Tom Rell spoke. Varga and Rell said the deal was dead.",
     [("Varga and Rell", None, "person")]),
    ("Steve Forbes spoke. Forbes, Kudlow, Laffer and Moore said the tax was bad.",
     [("Forbes, Kudlow, Laffer and Moore", None, "person")]),
    ("Sen. Ana Quill and Rep. Bo Reyes said the deal was dead.",
     [("Sen. Ana Quill and Rep. Bo Reyes", None, "official")]),
    # an ampersand joins one company's name
    ("Procter & Gamble said the deal was dead.", [("Procter & Gamble", "procter gamble", "organization")]),
    # look-alike: one person keeps an id
    ("Ana Quill said the deal was dead.", [("Ana Quill", "ana quill", "person")]),
])
def test_coordinated_names_are_a_group(text, expected):
    assert _ids(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an office of the form 'role of X' before a name makes an official, for the pronoun and the surname too
    ('Secretary of State Tom Kerrigan met the envoy. "We will talk," he said.', [("Tom Kerrigan", "official")]),
    ("Secretary of State Tom Kerrigan met the envoy. Kerrigan said talks would go on.", [("Tom Kerrigan", "official")]),
    # a one-word name after an office title elsewhere is an official when no full name ends with it
    ("Congress and President Oberman agreed last year. Mr. Oberman had proposed paying for the cuts.",
     [("Oberman", "official")]),
    # look-alikes: 'the head of X's campaign' gives X no office; a name with no title stays a person
    ("The head of Tom Vale's campaign met the envoy. Vale said talks would go on.", [("Tom Vale", "person")]),
    ("Mr. Oberman said it was late.", [("Oberman", "person")]),
])
def test_offices_before_names(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a title after a kinship or staff relation is someone else's ('the brother of Vice President Vance')
    ("Greg Vance, a finance director and the brother of Vice President Vance, said the talks would go on.",
     [("Greg Vance", "person")]),
    ("Ana Quill, a cousin of the former Sen. Quill, said the talks would go on.", [("Ana Quill", "person")]),
    # look-alike: the same surname after a title with no relation is the person's
    ("Ann Vale met donors. Sen. Vale said the talks would go on.", [("Ann Vale", "official")]),
])
def test_a_relatives_title_is_not_the_persons(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a gerund opening a headline of a link list is no first name ('Appreciating John Vickers')
    ("Sen. John Vickers spoke on Monday. He said the bill was dead.\n\nREAD MORE:\nAppreciating John Vickers",
     [("John Vickers", "official")]),
    # look-alikes: first names in -ing stay
    ("Sterling K. Brown said the show was over.", [("Sterling K. Brown", "person")]),
    ("Channing Tate said the show was over.", [("Channing Tate", "person")]),
])
def test_a_gerund_is_no_first_name(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("TV networks reported the result.", "media"),
    ("Advocacy groups said the rule was unfair.", "organization"),
])
def test_plural_outlets_stay_media(text, expected):
    assert [t for _, _, t in _ids(text)] == [expected]


# --- the phrase before a cue, read against the words around it (left_subject.py) -------------------------------

@pytest.mark.parametrize("text, expected", [
    # one word after a preposition, right before the cue, is the preposition's object
    ("They vowed a wider war against Western thought.", [("They", "vowed")]),
    ("The regime in Marlow worries the capitals.", []),
    # a time span before a subject is no part of it; alone it is no subject
    ("Vale said that for decades some critics had been predicting a withdrawal.",
     [("Vale", "said"), ("some critics", "predicting")]),
    ("Ruiz, who for weeks had highlighted the fees, spoke.", [("Ruiz", "highlighted")]),
    # an auxiliary before a parenthetical is no part of the subject
    ("The Marlow Water Board did, however, tell the Ledger that it was late.",
     [("The Marlow Water Board", "tell")]),
    # a negated modal is no part of the subject
    ("Vale cannot say that the plan failed.", [("Vale", "say")]),
    # look-alikes: a relative pronoun after the preposition's object is the subject; so is a participle's subject;
    # a share keeps its number
    ("Ruiz lined up with Vale, who has said he does not support the rule.", [("who", "said")]),
    ("The race is tight, with polls showing Vale ahead.", [("polls", "showing")]),
    ("In Marlow, 85% of Democrats said the system favors the wealthy.", [("85% of Democrats", "said")]),
])
def test_phrase_before_the_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # counts and quantifiers before 'of' opening a sentence: a vague source, not a person named 'Two'
    ("Two of the senators said the rule was unfair.", [("Two of the senators", "vague", False)]),
    ("Half of the voters say the rule is unfair.", [("Half of the voters", "vague", False)]),
    # look-alike: a name in apposition is the person
    ("One of the victims, Ana Ruiz, said the rule was unfair.", [("Ana Ruiz", "person", True)]),
])
def test_counts_before_of(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue in -s before a plural verb is a noun, the subject
    ("Harsh comments are earning the mayor scorn.", []),
    ("Early reports were wrong about the fire.", []),
    # look-alike: a free relative keeps its verb
    ("What she claims are lies.", [("she", "claims")]),
    # a singular indefinite with an adjective and no noun before a cue noun
    ("Vale ended on an optimistic note about the race.", []),
    # look-alike: a noun of people whose plural is listed
    ("A conservative said the plan was bad.", [("A conservative", "said")]),
    # a quoted title after a noun is no statement before an inverted cue (the apposition holding it is read over:
    # the verb's subject is Ruiz, round fourteen)
    ('Ruiz, star of the show "Harbor," thanked Vale for the help.', [('Ruiz, star of the show "Harbor,"', "thanked")]),
    # look-alikes: a short statement opening the sentence
    ('"No," scoffed Ada Vale.', [("Ada Vale", "scoffed")]),
])
def test_nouns_and_titles_are_no_cues(text, expected):
    assert found(text) == expected


# --- full names: who a bare surname stands for ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a full name introduced after two or more uses of its surname is someone else: the bare surname stays
    ('"We will rebuild," Quill said. Quill toured the port. "It is a mess," Quill said. Later, Ana Quill, '
     "the mayor's niece, said the port would reopen.",
     ["Quill", "Quill", "Ana Quill"]),
    # a capitalised common word glued to a surname in a run is no first name
    ("Several Quill aides met. Quill said the port would reopen.", ["Quill"]),
    # look-alikes: the usual order (full name, then surname), and a headline before the full name
    ("Ana Quill, the mayor, toured the port. Quill said it would reopen.", ["Ana Quill"]),
    ("Quill resigns\n\nTom Quill, the mayor, said he would leave. Quill added that it was late.",
     ["Tom Quill", "Tom Quill"]),
])
def test_who_a_bare_surname_stands_for(text, expected):
    assert [s for s, _, _ in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a candidate named with the title is an official in every mention
    ("Democratic presidential candidate Ana Quill toured the plant. Quill said the plan failed.",
     [("Ana Quill", "official")]),
    ('Ana Quill, the Democratic nominee, toured the plant. "It failed," Quill said.', [("Ana Quill", "official")]),
    # roles in the plural are official, as 'officials' are; quantified they are vague
    ("Senate leaders said the plan failed.", [("Senate leaders", "official")]),
    ("Some Senate leaders said the plan failed.", [("Some Senate leaders", "vague")]),
])
def test_candidates_and_plural_roles(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # companies and platforms cited by name alone are organisations (source_types 1.13.0)
    ("Facebook reports millions of takedowns a year.", [("Facebook", "organization")]),
    ('"It failed," Twitter said in a statement.', [("Twitter", "organization")]),
    # look-alikes: a person with a company's name as surname, a person of the company
    ("Harrison Ford said the plan failed.", [("Harrison Ford", "person")]),
    ("Ana Ruiz of Google said the plan failed.", [("Ana Ruiz", "person")]),
])
def test_companies_by_name(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # an auxiliary before its subject after 'nor' or in a question is no part of the subject
    ("Nor did Sen. Ana Quill's office respond to a request for comment.", [("Sen. Ana Quill's office", "respond")]),
    ("And do today's critics really believe that the plan works?", [("today's critics", "believe")]),
    # look-alike
    ("The critics believe that the plan works.", [("The critics", "believe")]),
])
def test_auxiliary_before_its_subject(text, expected):
    assert found(text) == expected


def test_nor_and_an_auxiliary_negate():
    spans = attribution_spans("Nor did Sen. Ana Quill's office respond to a request for comment.")
    assert [(s.attrs["cue"], s.attrs["negated"]) for s in spans] == [("respond", True)]


@pytest.mark.parametrize("text, expected", [
    # 'sought' as a passive participle: the by-agent is the source, also after a time adverb in a reduced relative
    ("The change was sought by Vale.", [("Vale", "sought")]),
    ("A move long sought by the council was approved.", [("the council", "sought")]),
    # look-alikes: the active verb, and a capitalised first name that is spelt like an auxiliary
    ("Vale long sought a change.", [("Vale", "sought")]),
    ("Will Estrada, the chairman, said the vote was late.", [("Will Estrada, the chairman,", "said")]),
])
def test_sought_by(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title before the name in apposition gives the person and the type of the title's office
    ("His lawyer, public defender Ines Marsh, declined to comment.", [("Ines Marsh", "official")]),
    # look-alikes: no title (a person), no apposition of a person ('including': several people)
    ("Her lawyer, Tom Vale, said it was late.", [("Tom Vale", "person")]),
    ("Critics, including Tom Vale, said it was late.", [("Critics", "vague")]),
])
def test_title_before_an_apposed_name(text, expected):
    assert [(s, t) for s, _, t in _ids(text)] == expected


def test_a_surname_after_an_article_is_no_use_of_the_name():
    # 'the Quill administration' is a modifier, not a use of the surname before the full name is introduced
    text = ("The Quill administration and the Quill campaign met donors. Ana Quill, the governor, said the port "
            "would reopen. Quill added that it was late.")
    assert [s for s, _, _ in _ids(text)] == ["Ana Quill", "Ana Quill"]


# --- a web page's hover card (a name, the full name glued to a run of headlines, 'MORE') -----------------------

_CARD = ("Sen. Ada Quill Adaline (Ada) Marie QuillQuill tells donors: the port 'will not close' Marlow votes on "
         "levy MORE (D-Ore.) said on Monday that the levy was unfair.")


def test_hover_card():
    # the name before the card is the source; the headline's verb inside the card is no report
    assert [(_CARD[s.start:s.end], s.attrs["source"], s.attrs["cue"]) for s in attribution_spans(_CARD)] == \
        [("Sen. Ada Quill", "Ada Quill", "said")]


def test_no_hover_card_without_a_glued_name():
    # 'MORE' in capitals without a card before it changes nothing
    text = 'The union wants MORE pay, its leader, Ana Ruiz, said on Monday.'
    assert [s.attrs["source"] for s in attribution_spans(text)] == ["Ana Ruiz"]
