"""Constructions added in the fifteenth round of issue 19 (docs/methods_attribution.md "round fifteen"), each with
a look-alike that must not change. Sentences written for these tests; every name and place is fictional except the
city names of the lexicon (source_types 1.16.0)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framelens.extract.attribution.extractor import AttributionExtractor
from framelens.extract.attribution.gender import gender_evidence
from framelens.extract.attribution.words import time_adverbial_end
from framelens.extract.attribution.tokens import tokenize
from helpers import attribution_spans, mentions_and_cues, span_attrs
from helpers import sources_and_types as typed  # (source, source type) of every attribution, in order


def contents(text: str) -> list[tuple[str, str]]:
    """``(cue, content)`` of every attribution of ``text``, in order."""
    return [(s.attrs["cue"], text[s.attrs["content_start"]:s.attrs["content_end"]]) for s in attribution_spans(text)]


# --- a participle after a sentence opened by a subordinate clause takes the main clause's subject --------------------
@pytest.mark.parametrize("text, expected", [
    # the main clause's subject, however long the subordinate clause before it
    ("While Ada Quill dines with donors in Dover, her aides are hunkered down in Marlow, saying the plans are late.",
     [("her aides", "saying")]),
    ("Although Tom Reyes had left the hall by then, the council members stayed until midnight, arguing that the vote "
     "was unfair.", [("the council members", "arguing")]),
    # a main-clause subject the rules cannot read gives nothing, not the subordinate clause's subject
    ("While Ada Quill dines with donors at her tower in Dover and meets a parade of mayors and county officials, most "
     "of her staff are in Marlow, writing detailed plans.", []),
    # look-alikes: no subordinate clause, an opening phrase with no verb, a cue inside the subordinate clause
    ("Ada Quill toured the mill on Monday, saying the plant would stay open.", [("Ada Quill", "saying")]),
    ("While in Dover, Ada Quill toured the mill, saying the plant would stay open.", [("Ada Quill", "saying")]),
    ("As Reyes hinted by saying the vote was close, the count went on.", [("Reyes", "hinted"), ("Reyes", "saying")]),
])
def test_participle_after_a_subordinate_clause(text, expected):
    assert mentions_and_cues(text) == expected


# --- pointing at a thing with a hand is no attribution ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mayor Ada Quill points to a map of Dover during a briefing on Monday.", []),
    ("Tom Reyes points to the crowd as he leaves the stage.", []),
    ("Ada Quill pointed to the large screen, then to the door.", []),
    # look-alikes: what one points to as an argument ('the debt ceiling', 'a new study', 'signs of a slowdown')
    ("Ada Quill points to the debt ceiling as the main obstacle.", [("Ada Quill", "points to")]),
    ("Tom Reyes pointed to a new study showing that rents had doubled.",
     [("Tom Reyes", "pointed to"), ("a new study", "showing")]),
    ("Ada Quill pointed to signs of a slowdown in Marlow.", [("Ada Quill", "pointed to")]),
    ("Tom Reyes pointed to the floor vote as proof that the bill had support.", [("Tom Reyes", "pointed to")]),
])
def test_pointing_at_a_thing(text, expected):
    assert mentions_and_cues(text) == expected


# --- a participle after a relayed attribution is the relayed speaker's -----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('"The mill poisoned the river," the lawsuit says, according to the Dover Ledger, adding that the company hid its '
     'records.', [("lawsuit", "document"), ("lawsuit", "document"), ("Dover Ledger", "media")]),
    # look-alike: with no speaker before the 'according to', the outlet adds
    ("The mill poisoned the river, according to the Dover Ledger, adding that the company hid its records.",
     [("Dover Ledger", "media"), ("Dover Ledger", "media")]),
])
def test_participle_after_a_relayed_attribution(text, expected):
    assert typed(text) == expected


# --- a participle with content of its own reports it; the attribution before keeps what came before ------------------
@pytest.mark.parametrize("text, expected", [
    ('"It cannot last," Tom Reyes said, adding that inflation "does not seem to be rising" now.',
     [("said", "It cannot last,"), ("adding", 'inflation "does not seem to be rising" now')]),
    ('"An attack on one town is an attack on all," Ada Quill said, noting that "we have to stand together."',
     [("said", "An attack on one town is an attack on all,"), ("noting", '"we have to stand together."')]),
    ('"We will rebuild," Ada Quill said, adding, "The river will not beat us."',
     [("said", "We will rebuild,"), ("adding", "The river will not beat us.")]),
    # a quotation after the verb of another clause is that verb's; a fronted clause's content ends before its subject
    ('As soon as Tom Reyes announced his campaign, Ada Quill added, "We all knew."',
     [("announced", "his campaign"), ("added", "We all knew.")]),
    ('Referring to the vote, Tom Reyes told reporters, "We lost fair and square."',
     [("Referring to", "the vote"), ("told", "We lost fair and square.")]),
    # look-alikes: a split quotation around the speaker alone, or around an 'according to', stays one; a participle
    # that only introduces the quotation shares it with the verb before it
    ('"We will rebuild," Ada Quill said. "The river will not beat us."',
     [("said", 'We will rebuild," Ada Quill said. "The river will not beat us.')]),
    ('"We lost," Tom Reyes said, according to aides. "We will be back."',
     [("said", 'We lost," Tom Reyes said, according to aides. "We will be back.'),
      ("according to", 'We lost," Tom Reyes said')]),
    ('Tom Reyes fired back, telling the mayor, "Please do not speak for me."',
     [("fired back", "Please do not speak for me."), ("telling", "Please do not speak for me.")]),
])
def test_participle_content_and_quotations_of_another_verb(text, expected):
    assert contents(text) == expected


# --- the spoken mark 'quote, ... unquote' is no cue ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('Tom Reyes defended the ads last year, saying, quote, "I like our ads," unquote.',
     [("Tom Reyes", "defended"), ("Tom Reyes", "saying")]),
    ('The Dover Medical Society wrote, quote, "Medicine has long put caution first."',
     [("The Dover Medical Society", "wrote")]),
    # look-alike: the verb
    ("Tom Reyes would not quote the figures.", [("Tom Reyes", "quote")]),
])
def test_spoken_quotation_mark(text, expected):
    assert mentions_and_cues(text) == expected


# --- a time adverbial without its comma before the subject ----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Last year Tom Reyes said the mill would close.", [("Tom Reyes", "said")]),
    ("This week Tom Reyes said the mill would close.", [("Tom Reyes", "said")]),
    ("On Monday Tom Reyes said the mill would close.", [("Tom Reyes", "said")]),
    ("Earlier this month Ada Quill argued that the levy was unfair.", [("Ada Quill", "argued")]),
    ("Last Tuesday night Ada Quill said the plant was unsafe.", [("Ada Quill", "said")]),
    ("Later this week the Dover council voted to close the mill, saying the plant was unsafe.",
     [("the Dover council", "saying")]),
    ("Last week the Dover council voted to close the mill, saying the plant was unsafe.",
     [("the Dover council", "saying")]),
    # a time inside a phrase whose head is elsewhere gives no source
    ("A three-day tour this week for Ada Quill revealed an anxious base.", []),
    # look-alikes: the comma already there; a name that is no time
    ("Last year, Tom Reyes said the mill would close.", [("Tom Reyes", "said")]),
    ("Monday Quill said the mill would close.", [("Quill", "said")]),
])
def test_time_adverbial_before_the_subject(text, expected):
    assert mentions_and_cues(text) == expected


# --- what the text says of a person's gender: their own pronoun -------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Tom Reyes announced his campaign.", {"Tom Reyes": "m"}),
    ("Ada Quill herself opened the hearing.", {"Ada Quill": "f"}),
    ("Tom Reyes himself said so. Ada Quill and her husband left.", {"Tom Reyes": "m", "Ada Quill": "f"}),
    ("As soon as Tom Reyes announced his campaign, she left.", {"Tom Reyes": "m"}),
    # look-alikes: *her* after a verb may be an object ('told her'); a pronoun after two words is another's; a
    # name with evidence both ways, or a surname two full names share, gives none
    ("Tom Reyes told her the plan.", {}),
    ("Tom Reyes met Ada Quill and praised her work.", {}),
    ("Tom Reyes announced his campaign. Tom Reyes herself left.", {}),
])
def test_gender_evidence_from_own_pronouns(text, expected):
    assert gender_evidence(text, {"Tom Reyes", "Ada Quill"}) == expected


def test_a_bare_surname_before_its_pronoun_gives_no_gender():
    # the surname may be a relative's whom the document never names in full ('Reyes ... his' with only 'Ada Reyes')
    assert gender_evidence("Reyes announced his campaign.", {"Tom Reyes", "Ada Reyes"}) == {}
    assert gender_evidence("Reyes announced his campaign.", {"Ada Reyes"}) == {}
    assert gender_evidence("Mrs. Reyes left.", {"Ada Reyes"}) == {"Ada Reyes": "f"}  # (after a title it does)


@pytest.mark.parametrize("text, expected", [
    # she is not the man the text genders (the subordinate clause's name was taken before)
    ('Tom Reyes spoke at the Dover town hall on Tuesday.\n\nAda Quill, who runs the Marlow food bank, said: "We were '
     'ready."\n\nAs soon as Tom Reyes announced his campaign, she added, "We all knew."',
     [("Ada Quill", "person"), ("Tom Reyes", "person"), ("Ada Quill", "person")]),
    ("Tom Reyes and his wife toured the mill in Dover.\n\nAda Quill said the mill would stay open. Then Reyes spoke, "
     "and she added that the levy was fair.", [("Ada Quill", "person"), ("Ada Quill", "person")]),
])
def test_she_skips_a_man_the_text_genders(text, expected):
    assert typed(text) == expected


# --- cities of two words are no one's name ---------------------------------------------------------------------------
_NAMES = AttributionExtractor().names


@pytest.mark.parametrize("text, expected", [
    ("The woman met Tom Reyes in Las Vegas in 1986. Then she visited San Diego and Fort Worth.", ["Tom Reyes"]),
    ("Ada Quill flew from Tel Aviv to Buenos Aires.", ["Ada Quill"]),
    # look-alike: a person named like a place word is still a person
    ("Santa Quill met Tom Reyes.", ["Santa Quill", "Tom Reyes"]),
])
def test_two_word_cities_are_no_names(text, expected):
    assert [name for _, name, _ in _NAMES.doc_names(text, {})] == expected


# --- properties -----------------------------------------------------------------------------------------------------
_TIME_PIECES = ["last", "Last", "this", "next", "on", "On", "earlier", "Earlier", "week", "year", "Monday", "night",
                "Tom", "Reyes", "the", ",", "for", " "]


@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=8).map(" ".join))
def test_time_opening_takes_only_time_words(text):
    tokens = tokenize(text, 0, len(text))
    n = time_adverbial_end(tokens, 0) or 0
    assert 0 <= n <= len(tokens)
    assert all(t.low in {"last", "this", "next", "on", "earlier", "later", "week", "year", "monday", "night"}
               for t in tokens[:n])


@given(st.text(alphabet="AT adehimnorsuvwy.,\n", max_size=80))
def test_gender_evidence_names_only_given_full_names(text):
    fulls = {"Tom Reyes", "Ada Quill"}
    got = gender_evidence(text, fulls)
    assert set(got) <= fulls and set(got.values()) <= {"m", "f"}


# --- part two: a name before a plural noun of people is the group's modifier --------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Quill aides ended the talks, saying the offer was weak.", [("Quill aides", "saying")]),
    ("Marlow residents packed the hall, saying the fee was unfair.", [("Marlow residents", "saying")]),
    ("Security experts on all sides have cast doubt on the plan, saying the return is low.",
     [("Security experts", "saying")]),
    ("White House press secretary Ada Quill clarified the remarks by telling reporters that it was fine.",
     [("White House press secretary Ada Quill", "telling")]),
    # look-alikes: a name alone; a plural that is the name's; a group name of its own
    ("Quill ended the talks, saying the offer was weak.", [("Quill", "saying")]),
    ("Senate Democrats ended the talks, saying the offer was weak.", [("Senate Democrats", "saying")]),
    ("Dover officials said the offer was weak.", [("Dover officials", "said")]),
])
def test_name_before_a_plural_of_people(text, expected):
    assert mentions_and_cues(text) == expected


# --- the content of an inverted source with an apposition; a quotation that closed the sentence before -------------
@pytest.mark.parametrize("text, expected", [
    ("There may be valid reasons for the levy, says Tom Reyes, a law professor at Dover College.",
     [("says", "There may be valid reasons for the levy")]),
    ("The bridge is safe, said Ada Quill, the county engineer.", [("said", "The bridge is safe")]),
    ('Tom Reyes told reporters that the levy "is not going to pass." He said the vote would come in June.',
     [("told", 'the levy "is not going to pass."'), ("said", "the vote would come in June")]),
    ('Ada Quill is praising the budget, calling it "balanced." Quill said the vote was close.',
     [("praising", "the budget"), ("calling", "balanced."), ("said", "the vote was close")]),
    # look-alikes: a quoted statement keeps its quotation; a tag with no clause of its own keeps the one before it
    ('"The bridge is safe," said Ada Quill, the county engineer.', [("said", "The bridge is safe,")]),
    ("The bridge is safe, said Ada Quill.", [("said", "The bridge is safe")]),
    ('"We will win." Ada Quill said at the rally.', [("said", "We will win.")]),
    ('Ada Quill said the fee was too high. "It hurts families," she said.',
     [("said", "the fee was too high"), ("said", "It hurts families,")]),
])
def test_content_of_inverted_and_new_sentence_verbs(text, expected):
    assert contents(text) == expected


# --- what nobody said: 'Let me', a modal before 'by saying', a quotation that opens with the verb -----------------
@pytest.mark.parametrize("text, expected", [
    ("Let me add one thing: the levy is late.", []),
    ("Let us be clear: the levy is late.", []),
    ("The officials could end the dispute by saying the fee was a mistake.", []),
    ("They can make a clean break with the past by saying no more delays will be tolerated.", []),
    ('Critics noted that Tom Reyes "said farmers would get nothing."', [("Critics", "noted")]),
    # look-alikes: an act in the past; a future the news previews; a modal inside a relative clause; an inverted tag
    ("The mayor ended the dispute by saying the fee was a mistake.", [("The mayor", "saying")]),
    ("Ada Quill will open the session, saying the plan is weak.", [("Ada Quill", "saying")]),
    ("Ada Quill, who could not attend, sent a letter, saying the plan was weak.", [("Ada Quill", "saying")]),
    ('"Tenants deserve repairs," said Ada Quill.', [("Ada Quill", "said")]),
])
def test_what_nobody_said(text, expected):
    assert mentions_and_cues(text) == expected


# --- types: groups in the plural, the president's staff, a party's rank in a chamber, plural titles ------------------
@pytest.mark.parametrize("text, expected", [
    ("The Libertarians have said they expect to be on the ballot.", [("Libertarians", "vague")]),
    ("The Greens said they would run a candidate in Dover.", [("Greens", "vague")]),
    ("Ada Quill, the White House communications director, said the memo was false.", [("Ada Quill", "official")]),
    ("Former White House chief strategist Tom Reyes was fired on Friday. Reyes, 63, has touted the Ledger as a "
     "counterpoint to the press.", [("Tom Reyes", "official")]),
    ("Ada Quill, the Senate's No. 2 Republican, said the ruling was wrong.", [("Ada Quill", "official")]),
    ("Tom Reyes, the House's top Democrat, said the vote would fail.", [("Tom Reyes", "official")]),
    ("Reps. Tom Reyes and Ada Quill voted no. Quill said the bill would fail.", [("Ada Quill", "official")]),
    ("Three politicians, representatives Tom Reyes and Ada Quill and Senator Bo Marr, spoke at the rally. Quill said "
     "the bill would pass.", [("Ada Quill", "official")]),
    # look-alikes: an outlet and a country in the plural; a reporter at the White House; a strategist of a party
    ("The Times reported that the vote was fair.", [("Times", "media")]),
    ("The Philippines said the vote was fair.", [("Philippines", "organization")]),
    ("Tom Reyes, a White House correspondent for the Ledger, said the memo was false.", [("Tom Reyes", "media")]),
    ("Tom Reyes, a Democratic strategist, said the plan was dead.", [("Tom Reyes", "person")]),
    ("Ada Quill, No. 2 on the list, said the ruling was wrong.", [("Ada Quill", "person")]),
])
def test_types_of_round_fifteen(text, expected):
    assert typed(text) == expected


def test_a_place_and_a_weekday_are_no_name():
    text = "Announcing her bid at an event in central Dover Thursday, she said the party needed a leader."
    assert [name for _, name, _ in _NAMES.doc_names(text, {})] == []


# --- a web page's hover card between a participle's subject and its verb ---------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Senate Majority Leader Tom Reyes Thomas (Tom) Albert ReyesSenators balk at long trial MORE (R-Ky.) is hailing "
     "the year, dismissing the polls as noise. Reyes told reporters the vote was close.",
     [("Senate Majority Leader Tom Reyes", "dismissing", "Tom Reyes", "official"),
      ("Reyes", "told", "Tom Reyes", "official")]),
    # a headline's modal inside the card is not the subject's
    ("House Speaker Tom Reyes Thomas (Tom) Albert ReyesRetirees should say no to the plan MORE (R-Wis.) defended the "
     "mayor, saying the account showed inexperience.",
     [("House Speaker Tom Reyes", "defended", "Tom Reyes", "official"),
      ("House Speaker Tom Reyes", "saying", "Tom Reyes", "official")]),
    # look-alike: no card
    ("Senate Majority Leader Tom Reyes is hailing the year, dismissing the polls as noise.",
     [("Senate Majority Leader Tom Reyes", "dismissing", "Tom Reyes", "official")]),
])
def test_hover_card_before_a_participle(text, expected):
    assert mentions_and_cues(text, "attribution", "source", "source_type") == expected


# --- a politician named by state and party is no name ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("House Speaker Tom Reyes faces a deadline. The Dover Republican has repeatedly criticized Democrats for missing "
     "budgets.", [("Dover Republican", "official", False)]),
    ("The New York Democrat said the bill would fail.", [("New York Democrat", "official", False)]),
    # look-alikes: a party, the party's members, a name after the party word
    ("The Democratic Party said the bill would fail.", [("Democratic Party", "organization", True)]),
    ("The Democrats said the bill would fail.", [("Democrats", "vague", False)]),
    ("Republican Tom Reyes said the bill would fail.", [("Tom Reyes", "person", True)]),
])
def test_party_epithet_is_no_name(text, expected):
    assert span_attrs(text, "source", "source_type", "named") == expected


# --- part four (from the second read sample): page links, expected statements, descriptors before names ----------
@pytest.mark.parametrize("text, expected", [
    # a page's link or video headline is furniture; the article's own headline is read
    ("Ada Quill, the mayor, said the vote was overdue.\n\nNOW WATCH: 'Dover Mayor Defends Budget Plan'",
     [("Ada Quill, the mayor,", "said")]),
    ("The levee will be rebuilt by spring, the county engineer said.\n\nMore:Why did the levee fail? Poor upkeep, "
     "Marlow engineer says\n\nThe work starts in May.", [("the county engineer", "said")]),
    ("Dover Mayor Defends Budget Plan\n\nAda Quill said on Monday that the plan was fair.",
     [("Dover Mayor", "Defends"), ("Ada Quill", "said")]),
    # what is expected or scheduled is not yet said; what was said about an expectation is
    ("Tom Reyes is expected to slam Ada Quill at the rally.", []),
    ("Tom Reyes is scheduled to testify that the plan failed.", []),
    ("Tom Reyes said he expected to win.", [("Tom Reyes", "said")]),
])
def test_links_expectations_and_evidence(text, expected):
    assert mentions_and_cues(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cuban-American Tom Reyes said the plan failed. Tom Reyes added that it was late.",
     [("Tom Reyes", "tom reyes"), ("Tom Reyes", "tom reyes")]),
    ("Irish-born Ada Quill said the plan failed.", [("Ada Quill", "ada quill")]),
    # look-alikes: a hyphenated surname; a descriptor of a group
    ("Ada Quill-Reyes said the plan failed.", [("Ada Quill-Reyes", "ada quill reyes")]),
    ("Mexican-American voters said the plan failed.", [("Mexican-American voters", None)]),
])
def test_descriptor_before_a_name(text, expected):
    assert span_attrs(text, "source", "source_id") == expected


# --- part five: a phone call, a name in parentheses, a free relative's content ---------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Presidents call Gold Star families after a death.", []),
    ("Tom Reyes called Dover police after the crash.", []),
    # look-alikes: a characterisation after the same object, or after a name
    ("Ada Quill called Marlow voters cowards.", [("Ada Quill", "called", "Marlow voters cowards")]),
    ("Tom Reyes called Dover police a disgrace.", [("Tom Reyes", "called", "Dover police a disgrace")]),
    ("Ada Quill called Tom Reyes a liar.", [("Ada Quill", "called", "Tom Reyes a liar")]),
    # a free relative reports its *what*, not the clause around it; a quotation after it is still its content
    ("Let us go to what Ada Quill said in response to the judge.", [("Ada Quill", "said", "what")]),
    ("He repeated what Ada Quill said about the levy.",
     [("He", "repeated", "what Ada Quill said about the levy"), ("Ada Quill", "said", "what")]),
    ('That is what Ada Quill said: "We will win."', [("Ada Quill", "said", "We will win.")]),
])
def test_calls_and_free_relatives(text, expected):
    assert [(text[s.start:s.end], s.attrs["cue"], text[s.attrs["content_start"]:s.attrs["content_end"]])
            for s in attribution_spans(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Another great moderate (Tom Reyes) said the plan was weak.", [("Tom Reyes", "person", "tom reyes")]),
    ("A longtime aide (Ada Quill) told reporters the plan was weak.", [("Ada Quill", "official", "ada quill")]),
    ("A reporter (Ada Quill) told viewers the plan was weak.", [("Ada Quill", "media", "ada quill")]),
    # look-alikes: an abbreviation or a party letter in parentheses names no one
    ("The council (DCC) said the plan was weak.", [("council", "organization", None)]),
    ("The mayor (R) said the plan was weak.", [("mayor", "official", None)]),
])
def test_name_in_parentheses_after_a_description(text, expected):
    assert span_attrs(text, "source", "source_type", "source_id") == expected


# --- part five: a transcript turn ends where the next speaker's label opens; 'those who ...' is a group -------------
def test_transcript_turn_ends_at_the_next_label():
    text = ("Ada Quill and Tom Reyes spoke to the panel on Monday.\n\nQUILL: Will you keep the levy for the county? — "
            "REYES: No, we will not keep it. QUILL: Then what will you do?\n\nREYES: We will cut it for everyone.")
    got = [(text[s.start:s.end], text[s.attrs["content_start"]:s.attrs["content_end"]]) for s in attribution_spans(text)]
    assert got[0] == ("QUILL", "Will you keep the levy for the county")
    assert ("REYES", "We will cut it for everyone") in got


@pytest.mark.parametrize("text, expected", [
    ("Those who helped Tom Reyes said the plan was weak.", [("Those who helped Tom Reyes", "vague", None)]),
    ("Anyone who knows Ada Quill says she will win.", [("Anyone who knows Ada Quill", "vague", None)]),
    ("People who helped Tom Reyes said the plan was weak.", [("People who helped Tom Reyes", "vague", None)]),
    # look-alike: a noun of people keeps its head without the clause
    ("Officials who reviewed the footage said the plan was weak.", [("Officials", "official", None)]),
])
def test_those_who(text, expected):
    assert span_attrs(text, "source", "source_type", "source_id") == expected


# --- part seven (from the third read sample): party officers and former White House staff in an apposition ---------
@pytest.mark.parametrize("text, expected", [
    ("Tom Reyes, the county GOP chairman, said the vote was fair.", [("Tom Reyes", "official")]),
    ("Tom Reyes, chairman of the Dover Republican Party, said the vote was fair.", [("Tom Reyes", "official")]),
    ("Ada Quill, a political adviser who worked in President Tom Marr's White House, said the hearing was historic.",
     [("Ada Quill", "official")]),
    # look-alikes: an advocacy group named with 'Party'; a party's strategist or donor; a reporter at the White House;
    # a visitor
    ("Ada Quill, head of Tea Party Patriots, said the vote was fair.", [("Ada Quill", "person")]),
    ("Tom Reyes, a Republican strategist, said the vote was fair.", [("Tom Reyes", "person")]),
    ("Tom Reyes, a Democratic donor, said the vote was fair.", [("Tom Reyes", "person")]),
    ("Ada Quill, a reporter who covered the White House, said the hearing was historic.", [("Ada Quill", "media")]),
    ("Ada Quill, a tourist who visited the White House, said the hearing was historic.", [("Ada Quill", "person")]),
])
def test_party_officers_and_former_staff(text, expected):
    assert typed(text) == expected
