"""Constructions added in the eleventh round of issue 19 (docs/methods_attribution.md "round eleven"), each with a
look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framelens.extract.attribution.mentions import abbreviation_end, mention_end
from framelens.extract.attribution.words import AttributionWords
from framelens.lexicon.wordlists import load_abbreviations, load_source_lexicon
from helpers import attribution_spans, mentions_and_cues


def found(text: str) -> list[tuple[str, str]]:
    """(source mention, cue) of every attribution in ``text``, in order."""
    return mentions_and_cues(text)


@pytest.mark.parametrize("text, expected", [
    # the period of an abbreviation that ends the mention is the word's, even when it also ends the sentence
    ("Imports fell, according to the U.S. Ministry of Trade and the U.N.", [("the U.S. Ministry of Trade and the U.N.",
                                                                         "according to")]),
    ("The dam, opposed by the U.S., was finished in May.", [("the U.S.", "opposed")]),
    ('"It is a tax on work," said Ada Reyes, president of the A.F.L.-C.I.O. The vote is on Monday.',
     [("Ada Reyes, president of the A.F.L.-C.I.O.", "said")]),
    ('"We will appeal," wrote Tom Vale, an adviser to Gov. Bo Quill Jr. The appeal came a week later.',
     [("Tom Vale, an adviser to Gov. Bo Quill Jr.", "wrote")]),
    ('"No," said a spokesman for Marlow Anvils Inc. He left.', [("a spokesman for Marlow Anvils Inc.", "said")]),
    # a month's period before a day continues the phrase
    ("She was harassed, according to a Dec. 1 report by the Marlow Ledger.",
     [("a Dec. 1 report by the Marlow Ledger", "according to")]),
    # look-alikes: a name, a word and a state name that is also a word keep their end
    ('"No," said Quill.', [("Quill", "said")]),
    ('"No," said the head of the mill.', [("the head of the mill", "said")]),
])
def test_abbreviation_period_in_the_mention(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an initial's period before a capital continues the subject's name (it cut 'Michael J' before)
    ("Ada J. Reyes, president of the Marlow Institute, tied the scores to the new law, saying it had worked.",
     [("Ada J. Reyes", "saying")]),
    ("U.S. District Judge Tom C. Vale imposed a 52-month sentence, saying a tough penalty was needed.",
     [("U.S. District Judge Tom C. Vale", "saying")]),
    ("Council Chairman G.K. Quill of Marlow said he was outraged, arguing that the plan was unfair.",
     [("Council Chairman G.K. Quill of Marlow", "said"), ("Council Chairman G.K. Quill", "arguing")]),
    # look-alike: an initial later in the sentence is not the subject's
    ("Quill met Ada B. Reyes in Marlow, saying the talks had gone well.", [("Quill", "saying")]),
])
def test_initials_in_a_sentence_subject(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'Jr.' and 'Inc.' before an apposition after an inverted source: the apposition is part of the mention
    ('"That is how it works," said Tom B. Vale Jr., a former customs official in the Quill administration.',
     [("Tom B. Vale Jr., a former customs official in the Quill administration", "said")]),
    ('"No," said a spokeswoman for Marlow Anvils Inc., the county\'s largest employer.',
     [("a spokeswoman for Marlow Anvils Inc., the county's largest employer", "said")]),
])
def test_abbreviation_before_an_apposition(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a party label right after a politician's name belongs to the mention in every rule (it did before 'said')
    ("Sen. Ada Quill (I-Vt.) defended the levy, saying it was overdue.",
     [("Sen. Ada Quill (I-Vt.)", "defended"), ("Sen. Ada Quill (I-Vt.)", "saying")]),
    ('"It takes an election," said Senate Minority Whip Tom Vale (D-Ill.) in an interview.',
     [("Senate Minority Whip Tom Vale (D-Ill.)", "said")]),
    ("Rep. Bo Reyes (R) said the bill would fail.", [("Rep. Bo Reyes (R)", "said")]),
    # look-alikes: a parenthesis that is no party label is not added by this rule
    ('"It takes an election," said Tom Vale (pictured) on Monday.', [("Tom Vale", "said")]),
    ('"It takes an election," said Tom Vale (Reuters) on Monday.', [("Tom Vale", "said")]),
])
def test_party_label_in_the_mention(text, expected):
    assert found(text) == expected


def test_party_label_keeps_the_source_name():
    text = "Sen. Ada Quill (I-Vt.) defended the levy, saying it was overdue."
    assert {s.attrs["source"] for s in attribution_spans(text)} == {"Ada Quill"}


_WORDS = AttributionWords(load_source_lexicon(), load_abbreviations().title)


@given(st.text(alphabet='AbJ.U S(D-R)r,x "', max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_mention_end_only_grows_by_a_period_or_a_label(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    new = abbreviation_end(_WORDS, text, start, end)
    assert new == end or (new == end + 1 and text[end] == ".")
    grown = mention_end(_WORDS, text, start, end)
    if end > 0 and text[end - 1] == "," and text[end:end + 1] == '"':
        assert grown == end + 1  # the closing quotation mark after a comma set inside it (round fourteen)
        return
    assert grown >= new and (grown == new or text[new:grown].strip().startswith("(") and text[grown - 1] == ")")


@pytest.mark.parametrize("text, expected", [
    # an apposition after a party label after an inverted source belongs to the mention
    ('"It is so much greater," said Rep. Bo Reyes (D-Tex.), a Quill endorser.',
     [("Rep. Bo Reyes (D-Tex.), a Quill endorser", "said")]),
    # a description's name after it, closed by a comma (kept) or the end of the sentence
    ('"It works," said the bureau\'s director, Tom B. Vale, on Monday.',
     [("the bureau's director, Tom B. Vale,", "said")]),
    ('"We are anxious," said another resident, Ada Reyes.', [("another resident, Ada Reyes", "said")]),
    ('"We are tired," said a former spokesman for the Marlow Mill, Bo Quill, who ran for mayor.',
     [("a former spokesman for the Marlow Mill, Bo Quill,", "said")]),
    # look-alikes: a day is no name; a name's list and a clause after a comma are not appositions of this kind
    ('"We are anxious," said the mayor\'s aide, Monday.', [("the mayor's aide", "said")]),
    ('"We are anxious," said the aide, Harbor Courier reported.',
     [("the aide", "said"), ("Harbor Courier", "reported")]),
    ('"We are anxious," said Bo Quill, Marlow Mill, on Monday.', [("Bo Quill", "said")]),
])
def test_apposition_after_an_inverted_description(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participle between a count or a determiner and a plural noun is an adjective, not a cue
    ("Quill leads by nearly 300 pledged delegates.", []),
    ("Reyes won the most pledged delegates in Marlow.", []),
    ("Neither were her five proposed bills adopted.", []),
    ("Forty percent of all reported donations came from the county.", []),
    # look-alikes: a count as the subject, a name, and a participle before 'to' keep the cue
    ("Some 300 pledged to vote for Quill.", [("Some 300", "pledged")]),
    ("Quill pledged funds to the mill.", [("Quill", "pledged")]),
    ("The 43-year-old asked questions about the levy.", [("The 43-year-old", "asked")]),
])
def test_participle_before_a_plural_noun(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an opening adverbial of up to fifteen tokens before the subject of a participle ('In a victory speech in
    # Westchester County on Tuesday night, Mr. Trump struck a measured tone, saying' found nothing)
    ("In a victory speech in Marlow County on Tuesday night, Ms. Quill struck a measured tone, saying she "
     "understood the task.", [("Ms. Quill", "saying")]),
    ("As word of the results rolled in on Tuesday, he gave a defiant speech in Marlow, predicting a win.",
     [("he", "predicting")]),
    # a name ending in -ly opens no adverbial ('Carly' is no 'Finally')
    ("Carly Reyes threw her support behind Sen. Bo Quill (R-Ohio) on Wednesday, saying it is time.",
     [("Carly Reyes", "saying")]),
    ("Finally, Ms. Quill thanked the crowd, saying it had been a long night.",
     [("Ms. Quill", "thanked"), ("Ms. Quill", "saying")]),
])
def test_long_opening_adverbial(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a first name spelt like a contraction's negator is kept ('Don Roe' lost 'Don')
    ("Don Roe, the party chairman for Marlow County, said the vote was fair.",
     [("Don Roe, the party chairman for Marlow County,", "said")]),
    ("Don Quill said the vote was fair.", [("Don Quill", "said")]),
    # look-alike: the contraction still opens no source
    ("Don't say it, Quill said.", [("Quill", "said")]),
])
def test_first_name_like_a_negator(text, expected):
    assert found(text) == expected


def test_first_name_like_a_negator_is_no_negation():
    assert [s.attrs["negated"] for s in attribution_spans("Don Quill said the vote was fair.")] == [False]


@pytest.mark.parametrize("text, expected", [
    # a state after the town of an opening adverbial, and a time phrase after it, are read over
    ("At a rally in Portsmouth, N.H., on Tuesday, Senator Bo Reyes of Vermont endorsed Ms. Quill, saying she "
     "would make a fine mayor.", [("Senator Bo Reyes of Vermont", "endorsed"), ("Senator Bo Reyes", "saying")]),
    ("At a rally in Toledo, Ohio, on Monday, Quill thanked the crowd, saying it was late.",
     [("Quill", "thanked"), ("Quill", "saying")]),
    # a dateline with a state after the town
    ("LA CROSSE, Wisc. — Gov. Bo Quill on Thursday blamed the media for the flap, saying the claim was a joke.",
     [("Gov. Bo Quill", "blamed"), ("Gov. Bo Quill", "saying")]),
    # look-alike: a name before a comma after the adverbial is the subject, not a state
    ("In Marlow, Quill, the mayor, thanked the crowd, saying it was late.",
     [("Quill, the mayor,", "thanked"), ("Quill", "saying")]),
])
def test_state_after_an_opening_place(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'what X called Y' inside a clause ascribes the term Y to X, quoted or not
    ("The gunman opened fire in what officials called a hate crime.", [("officials", "called")]),
    ("Taxing consumption (what economists call spending) is popular in Marlow.", [("economists", "call")]),
    ("Quill despises what he calls political correctness.", [("he", "calls")]),
    # look-alikes: a sentence's pseudo-cleft, a pronoun object and a telephone call ascribe nothing
    ("What Quill called the plan was never clear.", []),
    ("It was what Quill called him that hurt.", []),
    ("I know what you called about.", []),
])
def test_what_x_called(text, expected):
    assert found(text) == expected


def test_what_x_called_content_is_the_term():
    text = "The gunman opened fire in what officials called a hate crime."
    (span,) = attribution_spans(text)
    assert text[span.attrs["content_start"]:span.attrs["content_end"]] == "a hate crime"


@pytest.mark.parametrize("text, expected", [
    # cues added in report_verbs 1.4.0 and source_types 1.12.0, each with the look-alike its entry excludes
    ("The judge ordered the county to release the files.", [("The judge", "ordered")]),
    ("Quill was ordered to leave the hall.", []),
    ("Quill signed executive orders on Monday.", []),
    ('"It is a tax," Quill said, referring to the levy.', [("Quill", "said"), ("Quill", "referring to")]),
    ("The bill was referred to a committee.", []),
    ("The audit highlighted the shortfall in the pension fund.", [("The audit", "highlighted")]),
    ("The highlights of the game were shown at noon.", []),
    # 'highlights', 'orders' and 'refers to' stay out: page furniture, nouns and definitions
    ("Story highlights Conservatives oppose any plan with a path to citizenship.", []),
    ("The first two travel orders were ruled unconstitutional.", []),
    ("The term refers to a tax on land.", []),
    ("Quill encouraged voters to turn out.", [("Quill", "encouraged")]),
    ("The voters felt encouraged by the result.", []),
    ("Quill, recalling the flood of 1998, said the dam was weak.", [("Quill", "recalling"), ("Quill", "said")]),
])
def test_cues_of_round_eleven(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participle right after an attribution that opens no subject shares its source
    ('"It is a tax," Quill said, adding that it was unfair.', [("Quill", "said"), ("Quill", "adding")]),
    ('"No," said Ada Reyes, referring to the levy.', [("Ada Reyes", "said"), ("Ada Reyes", "referring to")]),
    ('"It is a tax," the board said, reasoning that the levy was too high.',
     [("the board", "said"), ("the board", "reasoning that")]),
    # look-alike: a clause between the attribution and the participle
    ('"It is a tax," he said of the plan, which passed, adding that it was unfair.', [("he", "said")]),
])
def test_participle_after_a_report(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # boasting about or of something is a speech act with a topic
    ("Quill bragged about the crowd size.", [("Quill", "bragged")]),
    ("He boasts about them constantly on the campaign trail.", [("He", "boasts")]),
    ("Quill boasted of his wealth.", [("Quill", "boasted")]),
    # look-alikes: boasting a thing is having it
    ("The team boasts a 10-0 record.", []),
    ("Quill boasts a long record in office.", []),
])
def test_boasting_about_a_topic(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb form glued by a hyphen to a word before it is an adjective compound, no cue
    ("Emails were withheld from a federal court-ordered document release.", []),
    ("He has run as an independent and self-described socialist.", []),
    ("Reyes, a senior member of the tax-writing committee, spoke first.", []),
    # look-alikes: a verb with a prefix stays a verb
    ("Quill re-tweeted the post, saying it was true.", [("Quill", "re-tweeted"), ("Quill", "saying")]),
    ("Quill co-wrote the letter, saying it was overdue.", [("Quill", "wrote"), ("Quill", "saying")]),
])
def test_hyphen_compound_is_no_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # opening adverbials the lists missed gave their first word as a participle's source ('For', 'More', 'Arriving')
    ("For months, Quill has been on the sidelines of the race, arguing she did not want to tip the scales.",
     [("Quill", "arguing")]),
    ("More recently, Reyes has shifted to match the mood, offering dire warnings about the levy.",
     [("Reyes", "offering")]),
    ("But a few days later, Quill reversed himself again, telling the Ledger that the levy was set.",
     [("Quill", "telling")]),
    ("Arriving upon the scene, police began searching the mall, believing there were three gunmen.", []),
    ("Facing mounting criticism, Mr. Vale released a statement on Saturday night, describing the plan as fair.",
     [("Mr. Vale", "describing")]),
    # look-alikes: a name in -ing, and a determiner subject whose phrase holds 'later', are subjects
    ("Manning, the quarterback, threw the ball, saying it was easy.", [("Manning", "saying")]),
    ("A campaign official later walked back the comments, saying that it was wrong.",
     [("A campaign official", "saying")]),
])
def test_opening_adverbials_the_lists_missed(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # sentence adverbs, ordinals, time words and participle clauses are no one-word names
    # (round fifteen: the participle takes the subject after the time adverbial too, where it had none)
    ("Last year he defended the ads, saying he liked them.", [("he", "defended"), ("he", "saying")]),
    ("Simply saying that will raise hackles in Marlow.", []),
    ("Looking ahead, Quill rallied a crowd on Tuesday evening, saying the race was close.", [("Quill", "saying")]),
    ("Asked whether he would pick from the list, Quill said no, adding that he would wait.",
     [("Quill", "said"), ("Quill", "adding")]),
    ("Second, Quill appears to be making a deal, asking Reyes to help.", [("Quill", "asking")]),
    # no verb right after a preposition; a cue glued to a hyphen after it is a compound
    ("Despite claims from the mayor's critics, the levy passed.", []),
    ("Both add-on measures were part of the deal.", []),
    # look-alikes: a first name with a surname, an approximator opening its subject, a reduced clause after 'as'
    ("Ted Roe, the mayor, spoke at noon, saying it was late.", [("Ted Roe", "saying")]),
    ("Only 32 percent of voters, a record low, said they trusted the council.",
     [("Only 32 percent of voters, a record low,", "said")]),
    ("As reported by the Ledger, the mill closed.", [("the Ledger", "reported")]),
])
def test_no_one_word_names_from_openers(text, expected):
    assert found(text) == expected


def test_preposition_that_ends_a_phrase_keeps_the_verb():
    # 'beyond', 'behind', 'in' can end a noun phrase as adverbs: the cue after them stays a verb
    text = "Party leaders in Marlow and beyond vowed that the levy would pass."
    assert found(text) == [("Party leaders in Marlow and beyond", "vowed")]


@pytest.mark.parametrize("text, expected", [
    # a participle right after an article or a possessive, before a word, is an adjective
    ("Quill edged away from demanding funding for his promised border wall.", []),
    ("The vast majority of the estimated 10 million residents stayed.", []),
    ("The accused denied the charge in court.", [("The accused", "denied")]),
    ("They met near the proposed site of the mill.", []),
    # look-alikes: a verb after a noun the possessive opens, and after a name, keeps its cue
    ("Her aides proposed a new levy on Monday.", [("Her aides", "proposed")]),
    ("Quill proposed a new levy on Monday.", [("Quill", "proposed")]),
])
def test_participle_after_an_article_or_possessive(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a preposition, conjunction or subordinator is no one-word subject; a subordinator before a name is dropped
    ("Despite his efforts to reach voters by posting messages online, Mr. Quill lost.", []),
    ("As Quill hinted by saying anything could happen, the vote was close.",
     [("Quill", "hinted"), ("Quill", "saying")]),
    # 'despite' ends a source phrase
    ("But despite polls showing Quill ahead, Reyes won.", [("polls", "showing")]),
    ("Reyes had been polling even with Quill despite announcing his run late.", []),
])
def test_prepositions_and_subordinators_are_no_sources(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a photo credit glued to the headline after it, and page furniture as a colon label, are no sources
    ("The fight boiled over on Twitter. | AP Photo Tillerson urges Russia to cooperate on Syria ahead of talks.",
     [("Tillerson", "urges")]),
    ("Photos: Ana Reyes speaks at the mill. Ana Reyes said the mill would reopen.", [("Ana Reyes", "said")]),
    # look-alike: the credit's words as a title before a name stay
    ("AP Photo editor Ana Reyes said the picture was real.", [("AP Photo editor Ana Reyes", "said")]),
])
def test_photo_credits_and_furniture_labels(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an -ed cue before an object is a verb even after 'the' and an adjective ('the homeless accused the city')
    ("Advocates for the homeless accused the city of hiding the numbers.",
     [("Advocates for the homeless", "accused")]),
    # an adjective in -ly is no adverb ('the elderly')
    ("Advocates for the elderly blamed the state for the cuts.", [("Advocates for the elderly", "blamed")]),
    # look-alikes: adverbs before the cue are still read over; the noun 'the accused' stays no cue
    ("Quill quickly said no.", [("Quill", "said")]),
    ("The wrongly accused spoke to reporters.", []),
])
def test_adjectives_before_a_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "'s" before a participle followed by 'as' or 'by' is 'is': a passive, whose subject is no source
    ("Quill, who’s viewed as honest by most voters, won the seat.", []),
    ("Quill is the only candidate who's seen as honest.", []),
    # look-alike: "'s" before a participle and a clause is 'has'
    ("He's said that the levy is fair.", [("He", "said")]),
])
def test_contracted_is_before_a_passive(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a subject pronoun with adverbs or a verb chain before the cue is the source on its own
    ("She started writing things in the yearbook about the mill.", [("She", "writing")]),
    ("I sometimes asked the mayor about the levy.", [("I", "asked")]),
    # ... and with a modal, an object of its own verb or a passive there is no source of this cue
    ("I may sometimes argue with locals about it.", []),
    ("I heard Sen. Reyes say the bill would fail.", []),
    ("I have not heard him say a word about the levy.", []),
    ("They showed 36 percent of independents were backing Quill.", []),
    # look-alikes: coordinated and emphatic pronouns, an initial and a relative clause keep the phrase
    ("She and her aides vowed to win back the public's trust.", [("She and her aides", "vowed")]),
    ("We all expect politicians to break promises.", [("We all", "expect")]),
    ("I. Carl Roe, the inspector general, said the files were secret.", [("I. Carl Roe, the inspector general,",
                                                                         "said")]),
])
def test_pronoun_led_source_phrases(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a degree word before an adjective before a cue keeps the noun reading ('a very reasonable hope')
    ("Their best hope — and it is a very reasonable hope — is that Quill fails.", []),
    # 'charges that' after a possessive and a modifier is a noun of saying: the possessor is the source
    ("The line, paired with Quill's continual charges that Reyes was pushing fuzzy math, took hold.",
     [("Quill", "charges")]),
    ("Quill charges that the levy is illegal.", [("Quill", "charges that")]),
    # a video player's furniture and caption label before a source are trimmed
    ("Media playback is unsupported on your device Media caption Justice department says soap is not required.",
     [("Justice department", "says")]),
])
def test_intensifiers_charges_and_captions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # found by reading 60 attributions of bench articles 7,000-7,300 (54 right): a head noun the lists lack closes
    # an inverted source at the clause's end
    ('"How can you point a gun at someone?" asks the certified firearms instructor. "It is hard."',
     [("the certified firearms instructor", "asks")]),
    ('"It is a scandal," wrote one commenter.', [("one commenter", "wrote")]),
    # a question is no report; a name spelt like an auxiliary is a name
    ("Will we respond to the changes of our time with fear?", []),
    ("Did Quill say that the levy was fair?", []),
    ("May Reyes said the levy was fair.", [("May Reyes", "said")]),
    # 'the same' before a noun of saying: no source 'the same'; the vow is the supporters' (a light verb)
    ("Seventy-nine percent of Reyes supporters made the same vow.",
     [("Seventy-nine percent of Reyes supporters", "made")]),
    # look-alikes: a time word or an adverb closing the clause stays out of the source
    ('"No," said the mayor today.', [("the mayor", "said")]),
    ('"No," said the mayor again.', [("the mayor", "said")]),
])
def test_clause_final_heads_and_questions(text, expected):
    assert found(text) == expected


def _types(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a titled surname elsewhere in the article is evidence of the office of the one full name ending with it
    ("Bernie Vale said the race was close. Later, Sen. Vale spoke to the crowd. Vale also said he would stay.",
     [("Bernie Vale", "official"), ("Vale", "official")]),
    # look-alikes: a courtesy title is no office; two full names with the surname get nothing from it
    ("Ana Quill said the levy was fair. Mr. Quill disagreed, Reyes said.",
     [("Ana Quill", "person"), ("Mr. Quill", "person"), ("Reyes", "person")]),
    ("Ana Quill said the levy was fair. Tom Quill, her brother, said no. Gov. Quill won the vote.",
     [("Ana Quill", "person"), ("Tom Quill, her brother,", "person")]),
])
def test_titled_surname_is_evidence_of_office(text, expected):
    assert _types(text) == expected


@pytest.mark.parametrize("text, expected", [
    # found by reading 50 attributions of bench articles 8,000-8,300 (43 right): a participle right after an
    # attribution is its source's even when the sentence opens with a subject of its own
    ('A trillion dollars is "a big number," said Senator Tom Vale (R-S.D.), adding that the plan could work.',
     [("Senator Tom Vale (R-S.D.)", "said"), ("Senator Tom Vale (R-S.D.)", "adding")]),
    ('"We will win all of them," he said, adding that he would not quit.', [("he", "said"), ("he", "adding")]),
    # a party label inside a name-led phrase ('(R) of Florida')
    ('"I will not support him," Rep. Carlos Reyes (R) of Florida has told a Miami station.',
     [("Rep. Carlos Reyes (R) of Florida", "told")]),
    # a capitalised cue verb is no one-word subject ('Asked by ..., X responded ..., adding')
    ('Asked by the Ledger whether he had noticed "anything odd" online, Vale responded "absolutely not," adding '
     "that it was fine.", [("the Ledger", "Asked"), ("Vale", "responded"), ("Vale", "adding")]),
    # look-alikes: the participle after a clause of the report's content takes the sentence's subject
    ("Quill said the levy was a tax, adding that it was unfair.", [("Quill", "said"), ("Quill", "adding")]),
    ("The group (which was new) said no.", [("The group (which was new)", "said")]),
])
def test_participles_after_reports_and_labels(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a possessive after the titled surname counts; a title glued to a word before it does not
    ("Bernie Vale said the race was close. President Vale’s plan passed.", [("Bernie Vale", "official")]),
    ("Bernie Vale said the race was close. The ProGov. Vale fan club met.", [("Bernie Vale", "person")]),
])
def test_titled_surname_boundaries(text, expected):
    assert _types(text) == expected
