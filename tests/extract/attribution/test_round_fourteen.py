"""Constructions added in the fourteenth round of issue 19 (docs/methods_attribution.md "round fourteen"), each with
a look-alike that must not change. Sentences written for these tests; every name, show and site is fictional
except the fact-checking outlets named in the lexicon (source_types 1.15.0)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.extractor import AttributionExtractor
from framelens.extract.attribution.left_subject import comma_out_of_title
from framelens.extract.attribution.tokens import tokenize
from helpers import mentions_and_cues
from helpers import sources_and_types as typed  # (source, source type) of every attribution, in order


# --- a comma inside the closing quotation mark of a title in the subject's apposition --------------------------------
@pytest.mark.parametrize("text, expected", [
    ('Tom Reyes, the author of "Dover Days," said the plan was weak.',
     [('Tom Reyes, the author of "Dover Days,"', "said")]),
    ("After the meeting, Ada Quill, co-host of Dover Channel’s “The Late Hour,” said the plan was weak.",
     [("Ada Quill, co-host of Dover Channel’s “The Late Hour,”", "said")]),
    ('Tom Vale of Dover, a member of the "Gang of Six," noted that the plan was weak.',
     [('Tom Vale of Dover, a member of the "Gang of Six,"', "noted")]),
    ("Quill, speaking on “Dover Sunday,” said the plan was weak.",
     [("Quill, speaking on “Dover Sunday,”", "said"), ("Quill", "speaking")]),
    # look-alikes: a quotation that opens the clause, or one with no phrase opened by a comma before it, keeps its
    # speaker after the verb
    ('"We lost," said Reyes.', [("Reyes", "said")]),
    ('On Monday, Reyes called the plan "Operation Dover," said Quill.', [("Reyes", "called"), ("Quill", "said")]),
    ('He called the plan "a disgrace," Quill said.', [("He", "called"), ("Quill", "said")]),
])
def test_comma_inside_a_title_in_an_apposition(text, expected):
    assert mentions_and_cues(text) == expected


# --- hosts, moderators, bloggers and fact-checkers are media ---------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Talk show host Tom Reyes said the plan was weak.", [("Tom Reyes", "media")]),
    ("Debate moderator Ada Quill asked whether the plan was weak.", [("Ada Quill", "media")]),
    ("Tom Reyes, the host of Dover Tonight, said the plan was weak. Reyes added that it would fail.",
     [("Tom Reyes", "media"), ("Tom Reyes", "media")]),
    ("The host said the plan was weak.", [("host", "media")]),
    ("Fact-checkers said the claim was false.", [("Fact-checkers", "media")]),
    ("The claim was false, the fact-checker said.", [("fact-checker", "media")]),
    ("The fact-checking site said the claim was false.", [("fact-checking site", "media")]),
    ("PolitiFact said the claim was false.", [("PolitiFact", "media")]),
    ("Snopes said the claim was false.", [("Snopes", "media")]),
    # look-alikes: 'a host of' is a quantity; a host country is no journalist; an official stays one
    ("A host of experts said the plan was weak.", [("host of experts", "vague")]),
    ("The host country said the plan was weak.", [("host country", "vague")]),
    ("Senator Ada Quill said the plan was weak.", [("Ada Quill", "official")]),
])
def test_hosts_moderators_and_fact_checkers_are_media(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a newsroom job capitalised before a name is a title, not part of the name (as 'Senator Ada Quill')
    ("Columnist Ada Quill wrote that the plan was weak. Quill added that it would fail.",
     [("Ada Quill", "media"), ("Ada Quill", "media")]),
    ("Co-host Ada Quill said the plan was weak.", [("Ada Quill", "media")]),
    ("Reporter Ada Quill wrote that the plan was weak.", [("Ada Quill", "media")]),
    # look-alike: an office before the name keeps its type
    ("Sheriff Ada Quill said the plan was weak.", [("Ada Quill", "official")]),
])
def test_newsroom_title_before_a_name(text, expected):
    assert typed(text) == expected


# --- a web site by its address ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("According to FactCheck.org, the claim was false.", [("FactCheck.org", "media")]),
    ("According to Dovernews.com, the claim was false.", [("Dovernews.com", "organization")]),
    ("The claim was false, said FactCheck.org on Monday.", [("FactCheck.org", "media")]),
    # look-alike: a name that ends a sentence is no address
    ("According to Ada Quill. Org charts were changed.", [("Ada Quill", "person")]),
])
def test_site_address_as_source(text, expected):
    assert typed(text) == expected


# --- an outlet's name after an outlet noun -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Spanish newspaper El Faro said the plan was weak.", [("El Faro", "media")]),
    ('"It is over," Tom Reyes told the Dover newspaper La Voz. The bridge will close, La Voz said.',
     [("Tom Reyes", "person"), ("La Voz", "media")]),
    # look-alike: a name after an outlet noun in a relative clause is no outlet
    ("It is the newspaper Ada Quill owns. Ada Quill said the plan was weak.", [("Ada Quill", "person")]),
])
def test_outlet_name_after_an_outlet_noun(text, expected):
    assert typed(text) == expected


# --- offices in public and private bodies -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a leading role in a public body, public staff, an adviser's public post
    ('"It is over," Mr. Reyes, chairman of the Dover County Board of Supervisors, said. Later, Mr. Reyes said it '
     "again.", [("Reyes", "official"), ("Reyes", "official")]),
    ("Ada Quill, the Justice Department lawyer representing the tax agency, said the groups were warned. Ms. Quill "
     "said the rules were clear.", [("Ada Quill", "official"), ("Ada Quill", "official")]),
    ("Ada Quill, the national security adviser, said the names were protected.", [("Ada Quill", "official")]),
    # an office in a private body is a person's job; unnamed, the holder speaks for the body
    ("Tom Reyes, president of Dover College, said tuition would rise.", [("Tom Reyes", "person")]),
    ("Ada Quill, chairman of the political science department at Dover University, said the plan was weak.",
     [("Ada Quill", "person")]),
    ("Zentrix Foods President Ada Quill said the plan was weak. Quill added that it would fail.",
     [("Ada Quill", "person"), ("Ada Quill", "person")]),
    ("A spokeswoman for Zentrix Foods said the plan was weak.", [("spokeswoman for Zentrix Foods", "organization")]),
    ("The president of the Dover advocacy group Fair Homes said the plan was weak.",
     [("president of the Dover advocacy group Fair Homes", "organization")]),
    # look-alikes: a group's name holding a public word, a profession after a place, a party's chair, public bodies
    ("Ada Quill, senior policy director of the Committee for a Responsible Dover Budget, said the plan was weak.",
     [("Ada Quill", "person")]),
    ("Ada Quill, a Dover County participant, said the plan was weak.", [("Ada Quill", "person")]),
    ("Ada Quill, head of counterterrorism for the Dover Police, said the bomb was crude.", [("Ada Quill", "official")]),
    ("The chairwoman of the Dover Democratic Party rejected that notion.",
     [("chairwoman of the Dover Democratic Party", "official")]),
    ("A spokesman for the Senate Ethics Committee said the plan was weak.",
     [("spokesman for the Senate Ethics Committee", "official")]),
    ("Tom Reyes, president of the Dover city council, said the tax would pass.", [("Tom Reyes", "official")]),
])
def test_offices_in_public_and_private_bodies(text, expected):
    assert typed(text) == expected


# --- a named outlet or body that calls something -------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('He cited a stat that PolitiFact called "half true" because it was outdated.',
     [("He", "cited"), ("PolitiFact", "called")]),
    ('The tubes held what the Dover Police later called "energetic material."', [("the Dover Police", "called")]),
    # look-alikes: a name that ends a noun phrase before a naming participle
    ('Quill has a project to benefit Reyes called "SaveDover."', []),
    ('Quill published an essay in the Dover Ledger on Wednesday called "My Plan."', []),
])
def test_named_outlet_calls(text, expected):
    assert mentions_and_cues(text) == expected


# --- nouns and senses that report nothing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a measure before a cue word makes it a noun
    ("But after a testy, 45-minute call that night with a negotiator, Reyes gave up.", []),
    ("After a tense, two-hour call with the union, Quill signed.", []),
    # 'according to' in keeping with something
    ("We have the right to live according to our conscience.", []),
    ("Officials must treat children according to their legal sex.", []),
    # look-alikes: an age used as a noun is a subject; a possessive before a source noun is a source
    ("The 43-year-old asked whether the plan was weak.", [("The 43-year-old", "asked")]),
    ("Turnout rose according to his aides.", [("his aides", "according to")]),
    ("Turnout rose, according to her account.", [("her account", "according to")]),
])
def test_senses_that_report_nothing(text, expected):
    assert mentions_and_cues(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'who' after a name in a prepositional phrase stands for the person, not the noun before the preposition
    ("The plan sets up a campaign issue for Mrs. Quill, who said this week that the tax would hurt families.",
     [("Quill", "person")]),
    ("The vote was a win for Tom Reyes, who said the tax would hurt families.", [("Tom Reyes", "person")]),
    # look-alikes: a noun of people or an office before the preposition is the antecedent
    ("The deputy mayor of Dover, who spoke at the rally, said the tax would hurt families.",
     [("deputy mayor of Dover", "official")]),
    ("Supporters of Tom Reyes, who say the tax is fair, rallied.", [("Supporters of Tom Reyes", "vague")]),
    ("She called a producer for Tom Reyes, who said the show was over.", [("producer for Tom Reyes", "vague")]),
])
def test_who_after_a_name_in_a_prepositional_phrase(text, expected):
    assert typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two-hour speech claimed the plan was weak.", [("two-hour speech", "document")]),
    # the speaker who gave a speech is the source (as 'issued a statement saying')
    ("Ada Quill would often urge the mayor to act. Quill could then give a speech saying she had rejected the "
     "advice.", [("Ada Quill", "person")]),
])
def test_a_speech_is_a_record_of_what_was_said(text, expected):
    assert typed(text)[:1] == expected


# --- verbs of communication and judgement from VerbNet (report_verbs 1.5.0) ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Quill informed reporters that the mill would close.", [("Quill", "informed")]),
    ("The county notified residents that the bridge would close.", [("The county", "notified")]),
    ("Quill voiced concern about the levy.", [("Quill", "voiced")]),
    ("The agency advised that residents stay home.", [("The agency", "advised that")]),
    ("Quill observed that the levy had never passed.", [("Quill", "observed that")]),
    ("Reyes exaggerated the cost of the bridge, the audit found.", [("Reyes", "exaggerated"), ("the audit", "found")]),
    ("Quill lectured the council about its spending.", [("Quill", "lectured")]),
    ("Reyes outlined his plan for the mill.", [("Reyes", "outlined")]),
    # look-alikes: adjectives, jobs, other senses and conversations without content
    ("It was an informed decision.", []),
    ("Voters want to stay informed about the levy.", []),
    ("Decisions informed by data are better.", []),
    ("Bennett, who advised the mayor on trade, said the levy was fair.",
     [("Bennett, who advised the mayor on trade,", "said")]),
    ("They made exaggerated claims about the levy.", [("They", "claims")]),  # the noun is the cue, not the adjective
    ("Quill observed the vote from the gallery.", []),
    ("The steps outlined in the memo were ignored.", []),
    ("Quill and Reyes chatted about the weather.", []),
    ("The much-maligned levy failed.", []),
])
def test_communication_and_judgement_verbs(text, expected):
    assert mentions_and_cues(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an intensive reflexive or a frequency adverb between subject and verb is no part of the subject
    ("Reyes himself said the levy was fair.", [("Reyes", "person")]),
    ("Quill sometimes said the levy was unfair.", [("Quill", "person")]),
    ("The mayor herself said the levy was fair.", [("mayor", "official")]),
    ("Quill almost said the levy was unfair.", [("Quill", "person")]),
])
def test_reflexive_and_adverb_before_the_cue(text, expected):
    assert typed(text) == expected


# --- 'they' after a group named in its own sentence ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # the group is the nearer antecedent though it is no source: the earlier source is not taken
    ("As Ada Quill and one of us argued in a 2015 piece, Dover needs staff. Budgets were cut for a decade. Many "
     "conservatives did not check the figures because they believed that they held the high ground.",
     [("Ada Quill and one of us", "vague"), ("they", "pronoun")]),
    ("Officials said the plan was weak. Residents gathered outside the hall, and they said the plan would fail.",
     [("Officials", "official"), ("they", "pronoun")]),
    # look-alikes: the group is the antecedent in a sentence of its own, or is itself the source
    ("Dover teachers said the plan was unfair. They added that classes were too large.",
     [("Dover teachers", "vague"), ("Dover teachers", "vague")]),
    ("Residents said the plan was weak, and they added that it would fail.",
     [("Residents", "vague"), ("Residents", "vague")]),
])
def test_they_after_a_group_in_its_own_sentence(text, expected):
    assert typed(text) == expected


# --- an office of the form 'role of X' before a name -------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Secretary of State Tom Reyes said the talks failed. Reyes said it again.",
     [("Tom Reyes", "official"), ("Tom Reyes", "official")]),
    ("Director of National Intelligence Ada Quill says the threat is real. Quill told the committee it was real.",
     [("Ada Quill", "official"), ("Ada Quill", "official")]),
    ("Chairman of the Joint Chiefs Tom Reyes said the plan was weak. Reyes said it again.",
     [("Tom Reyes", "official"), ("Tom Reyes", "official")]),
    ("Secretary of State John F. Reyes said the talks failed.", [("John F. Reyes", "official")]),
    # look-alikes: the office alone, a body's name
    ("The Secretary of State said the talks failed.", [("Secretary of State", "official")]),
    ("The Department of Justice said the talks failed.", [("Department of Justice", "organization")]),
])
def test_office_of_a_body_before_a_name(text, expected):
    assert typed(text) == expected


# --- a share that opens the subject after an opening phrase without a comma ---------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("In that same poll 72 percent of Dover voters say the mayor will win.",
     [("72 percent of Dover voters", "vague")]),
    ("Among Democrats 60 percent say the mill should close.", [("60 percent", "vague")]),
    ("The Dover Ledger poll found 37 percent of voters said they supported the levy.",
     [("Dover Ledger", "media"), ("37 percent of voters", "vague")]),
    # look-alikes: words of the share itself stay
    ("A staggering 54 percent said the reverse.", [("staggering 54 percent", "vague")]),
    ("About 40 percent of voters say the mill should close.", [("About 40 percent of voters", "vague")]),
])
def test_share_after_an_opening_phrase(text, expected):
    assert typed(text) == expected


# --- types from the read sample after the round ------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # an outlet's document by a possessive is the outlet's ('the Ledger's report')
    ("However, the Dover Ledger's report acknowledges that the plan failed.", [("Dover Ledger", "media")]),
    ("The plan failed, according to the Ledger’s Saturday report.", [("Ledger", "media")]),
    # an owner, a founder, an organizer: one person, no office
    ("The shop owner said the flood ruined her stock.", [("shop owner", "person")]),
    ("The organizer instructed the crowd to wait.", [("organizer", "person")]),
    ("The owners said the store would close.", [("owners", "vague")]),
    # a video caption's label before a surname is no earlier use of that surname
    ("JUST WATCHED Quill on taxes Replay More Videos ... MUST WATCH Quill on taxes\n\n\"It fails,\" Dover Sen. Ada "
     "Quill told the Marlow Ledger on Sunday.\n\n\"It fails,\" Quill said.",
     [("Ada Quill", "official"), ("Ada Quill", "official")]),
    # look-alikes: a body's document stays a document; two uses of the surname in running text before the full name
    # keep it apart
    ("The council's report found that rents doubled.", [("council's report", "document")]),
    ("Quill said the levy was fair. Quill said it twice. Later Ada Quill, a nurse, said it was unfair.",
     [("Quill", "person"), ("Quill", "person"), ("Ada Quill", "person")]),
])
def test_types_from_the_second_read_sample(text, expected):
    assert typed(text) == expected


# --- particles inside a personal name ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("David de la Cruz Quill, a detainee, said the guards beat him. Quill said it again.",
     [("David de la Cruz Quill", "person"), ("David de la Cruz Quill", "person")]),
    ("Luis de Leon, a farmer in Dover, said the river was dry. De Leon added that crops failed.",
     [("Luis de Leon", "person"), ("Luis de Leon", "person")]),
    ("Ana van der Berg, a nurse, said the ward was full. Van der Berg said it again.",
     [("Ana van der Berg", "person"), ("Ana van der Berg", "person")]),
    # look-alike: a particle is no name of its own, and a name without particles is as before
    ("Tom Reyes, a farmer in Dover, said the river was dry. Reyes added that crops failed.",
     [("Tom Reyes", "person"), ("Tom Reyes", "person")]),
])
def test_particles_inside_a_name(text, expected):
    assert typed(text) == expected


# --- a participle after a coordinated clause with a subject of its own ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Tom Reyes left the meeting early, but his aides stayed behind, saying the plans were late.",
     [("his aides", "saying")]),
    ("Ada Quill toured the mill on Monday, and her team stayed in Marlow, saying the visit was a mistake.",
     [("her team", "saying")]),
    # look-alikes: a list after 'and', a subordinate clause, a participle right after the first clause
    ("Quill criticized the plan, the council, and the mayor, saying it was wrong.",
     [("Quill", "criticized"), ("Quill", "saying")]),
    ("The budget fails, though it cuts spending, the Dover Ledger said, saying the cuts were too small.",
     [("the Dover Ledger", "said"), ("the Dover Ledger", "saying")]),
    ("Tom Reyes left the meeting early, saying the plans were late.", [("Tom Reyes", "saying")]),
])
def test_participle_after_a_coordinated_clause(text, expected):
    assert mentions_and_cues(text) == expected


# --- a cue under a negated verb of memory or perception ---------------------------------------------------------------
def negations(text: str) -> list[tuple[str, bool]]:
    return [(src, neg) for src, _, neg in mentions_and_cues(text, "attribution", "negated")]


@pytest.mark.parametrize("text, expected", [
    ('I don\'t recall any of them saying, "I did nothing wrong."', [("any of them", True)]),
    ("We have never heard a Dover candidate say such a thing.", [("a Dover candidate", True)]),
    # look-alikes: a clause after the memory verb presupposes the saying; a plain report is no negation
    ("Don't you remember when Quill said the mill would close?", [("Quill", False)]),
    ("Reyes said the mill would close.", [("Reyes", False)]),
])
def test_cue_under_a_negated_memory_verb(text, expected):
    assert negations(text) == expected


# --- an office in a company named by its brand (source_types 1.15.0 [company]) --------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Tom Reyes, Google's vice president of search, said the topics were audited. Reyes added that they were fair.",
     [("Tom Reyes", "person"), ("Tom Reyes", "person")]),
    # (round fifteen: a paragraph opened by 'Related:' is a page's link headline, no report: the type is tested
    # without it)
    ("Facebook CEO Reyes said the feature was fair.", [("Reyes", "person")]),
    ("A Google spokesman said the topics were audited.", [("Google spokesman", "organization")]),
    # look-alikes: the company itself, a public office by a possessive, a public body's spokesman
    ("Google said the topics were audited.", [("Google", "organization")]),
    ("Ada Quill, the city's mayor, said no.", [("Ada Quill", "official")]),
    ("A Pentagon spokesman said no.", [("Pentagon spokesman", "official")]),
])
def test_office_in_a_company(text, expected):
    assert typed(text) == expected


# --- property: moving a comma out of a title never loses or invents a token ---------------------------------------------
@given(st.text(alphabet='Ab q,"“”. of', max_size=60))
def test_comma_out_of_title_only_swaps_the_last_two_tokens(text):
    tokens = tokenize(text, 0, len(text))
    out = comma_out_of_title(tokens)
    assert out == tokens or (out[:-2] == tokens[:-2] and out[-2:] == [tokens[-1], tokens[-2]]
                             and tokens[-2].text == "," and tokens[-1].text in '"”')


_NAME_PIECES = ["Ada", "Quill", "David", "Cruz", "de", "la", "van", "der", "bin", "De", "Van", "Sen.", "Secretary",
                "of", "State", "said", " ", "  ", "\n", ",", ".", "’s", "-"]
_name_texts = st.lists(st.one_of(st.sampled_from(_NAME_PIECES), st.text(max_size=3)), max_size=30).map(" ".join)


_NAMES = AttributionExtractor().names


@settings(deadline=None)
@given(_name_texts)
def test_full_names_are_read_at_their_offsets(text):
    """Every full name the document index holds (with particles, or after an office's body) is the text at its
    offset."""
    for pos, name, _ in _NAMES.doc_names(text, {}):
        assert text[pos:pos + len(name)] == name
