"""Source phrases read back from a cue: abbreviations, glosses in parentheses, possessives and short quotations
inside an apposition, parentheticals between dashes, and role phrases after an inverted cue.

Every sentence is written for these tests (fictional people and places); the expected source is the
attribution span's text, checked by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import phrases
from helpers import attribution_spans
from framelens.extract.attribution.tokens import TokenCache
from framelens.text.segmentation import segment



def sources(text: str) -> list[tuple[str, str]]:
    """``(source span text, cue text)`` of every attribution of ``text``, in order."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]])
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a name or organisation that ends in an abbreviation keeps its period; a lone 'I' of an acronym is no pronoun
    ("The reviews came back clear, and the F.B.I. has said it found nothing about the Varga family.",
     ("the F.B.I.", "said")),
    ("Vice President Dana R. Holloway Jr. warned this week that the budget would fail.",
     ("Vice President Dana R. Holloway Jr.", "warned")),
    ("Brackwater Mills Inc. said profits rose in the third quarter.", ("Brackwater Mills Inc.", "said")),
    # a comma after a party-and-state gloss closes no apposition
    ("Sen. Ada Quill (D-Ore.), said after a lunch on Tuesday that she had not read the bill.",
     ("Sen. Ada Quill (D-Ore.),", "said")),
    # a possessive apostrophe inside an apposition
    ("\"We will keep going,\" Tom Reyes, Marlowes’ campaign manager, said in a statement.",
     ("Tom Reyes, Marlowes’ campaign manager,", "said")),
    # a short quotation (a title) inside an apposition
    ("Ines Hale, the author of \"Quiet Water,\" a history of the valley, said the dam was never safe.",
     ("Ines Hale, the author of \"Quiet Water,\" a history of the valley,", "said")),
    # a parenthetical between dashes of one form: em dashes, double hyphens, spaced hyphens
    ("Officials in two counties — Alder and Penrose — said the rains came late.",
     ("Officials in two counties — Alder and Penrose —", "said")),
    ("Democrats -- and a few Republicans -- say the levy is too low.",
     ("Democrats -- and a few Republicans --", "say")),
    ("Mara Voss - the mayor's sister - told the Larkin Gazette that the vote was rigged.",
     ("Mara Voss - the mayor's sister -", "told")),
    # an inverted source: a determiner and one word that ends the clause; an age compound is no number
    ("\"The levy is a relic,\" said the 46-year-old. \"We will vote it down.\"", ("the 46-year-old", "said")),
    ("\"It only gets worse,\" says a narrator.", ("a narrator", "says")),
    # an inverted source: a role phrase with lower-case modifiers before the name
    ("The plan is bold, said Democratic presidential candidate Sen. Ada Quill on Monday.",
     ("Democratic presidential candidate Sen. Ada Quill", "said")),
])
def test_source_phrase(text, expected):
    assert expected in sources(text)


@pytest.mark.parametrize("text, wrong", [
    # no source before the dashes: an adjective, not a noun phrase
    ("He was tired — exhausted, really — said his wife.", "tired — exhausted, really —"),
    # a spaced hyphen ends a phrase read back from the cue
    ("The score was 5-4 - a close call - Reed said.", "a close call - Reed"),
])
def test_not_a_source_phrase(text, wrong):
    assert all(src != wrong for src, _ in sources(text))


def test_spaced_dash_ends_phrase():
    assert ("Reed", "said") in sources("The score was 5-4 - a close call - Reed said.")


def _tokens(text: str):
    seg = segment(text)
    return TokenCache(text, seg, text.lower()).head(0, len(text), 200)


_WORD = st.sampled_from(["Reed", "the", "mayor", "Alder", "and", "council", "of", "Penrose", "two"])
_MARK = st.sampled_from(["—", "–", "-", "--", ",", "(", ")", ";"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORD, _MARK), min_size=1, max_size=14))
def test_dash_before_finds_a_matching_dash(parts):
    """Whatever the tokens, ``dash_before`` either finds nothing or points at an opening dash of the same form as
    the closing one, with at least one word and no semicolon between."""
    text = " ".join(parts)
    tokens = _tokens(text)
    if not tokens:
        return
    i = len(tokens) - 1
    j = phrases.dash_before(tokens, i)
    if j is None:
        return
    closing = tokens[i].text
    assert tokens[j].text == closing or (closing == "-" and tokens[j].text == "-")
    inner = tokens[j + 1:i]
    assert any(t.is_word for t in inner)
    assert all(t.text != ";" for t in inner)


@pytest.mark.parametrize("text, wrong", [
    # one lower-case word that names no one is no source: a verb, an adverb, an adjective
    ("During the hearing, Sen. Ron Reyes kept asking her why the levy failed.", "kept"),
    ("The levy vote went badly, and the council twice complained to the state.", "twice"),
    ("The mayor was found saying in speeches that the levy would pass.", "found"),
])
def test_bare_word_is_no_source(text, wrong):
    assert all(src != wrong for src, _ in sources(text))


@pytest.mark.parametrize("text, expected", [
    # quantifiers, number words, pronouns with a contracted auxiliary (without it) and source nouns still stand for people
    ("Of the twelve council members, half said the levy should pass.", ("half", "said")),
    ("Asked about the levy, both said it would pass.", ("both", "said")),
    ("\"I do not know,\" he said, and then he’d added that the levy would pass.", ("he", "added")),
    ("Last week a reporter revealed that the levy had failed.", ("a reporter", "revealed")),
])
def test_single_words_that_are_sources(text, expected):
    assert expected in sources(text)


@pytest.mark.parametrize("text, expected", [
    # a noun ending in -ly is no adverb to skip; an occasion phrase between source and cue is skipped whole
    ("The Quill family said the levy would pass.", ("The Quill family", "said")),
    ("Her family said the levy would pass.", ("Her family", "said")),
    ("Ada Quill at a rally on Friday said the levy would pass.", ("Ada Quill", "said")),
    ("Ada Quill publicly said the levy would pass.", ("Ada Quill", "said")),
    ("Quill’s close friends and allies have in the past said she would run.",
     ("Quill’s close friends and allies", "said")),
    # a plural the lists lack is still a source
    ("In Alder, teachers said the school was unsafe.", ("teachers", "said")),
])
def test_between_words_and_group_nouns(text, expected):
    assert expected in sources(text)


def _negated(text: str) -> list[tuple[str, bool]]:
    return [(text[s.start:s.end], s.attrs["negated"]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # an aside before an apposition
    ("Quill, meanwhile, who has no such backing, said the levy would pass.",
     [("Quill, meanwhile, who has no such backing,", False)]),
    # 'would not say' is a refusal (negated), 'would only say' a report; a bare 'would say' stays hypothetical
    ("The Alder campaign would not say if Quill had been interviewed.", [("The Alder campaign", True)]),
    ("Asked about it, the Penrose Democrat would only say that his record was strong.",
     [("the Penrose Democrat", False)]),
    ("Quill would say anything to win, critics said.", [("critics", False)]),
])
def test_asides_and_would(text, expected):
    assert _negated(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised word spelt like an auxiliary is a name inside a sentence
    ("“The levy is a relic,” Will wrote in his column.", ("Will", "wrote")),
    # a share written with a percent sign
    ("On the levy they lean left: 42% say they back it.", ("42%", "say")),
])
def test_names_like_auxiliaries_and_percent_shares(text, expected):
    assert expected in sources(text)


@pytest.mark.parametrize("text, expected", [
    # a statement reported before a comma, then an inverted source that closes the clause
    ("Outside Alder the vote will be tight, said Ines Hale, director of the Penrose Institute.",
     ("Ines Hale, director of the Penrose Institute", "said")),
    ("The program is hardly formal, but it has a loyal following, said Ms. Hale.", ("Ms. Hale", "said")),
    # a subject before an apposition keeps its verb when a clause follows the name after the cue
    ("Ada Quill, a lawyer, said Tom Reyes lied.", ("Ada Quill, a lawyer,", "said")),
    ("Ada Quill, a lawyer, said Tuesday that Reyes lied.", ("Ada Quill, a lawyer,", "said")),
])
def test_inverted_source_after_a_comma(text, expected):
    assert expected in sources(text)


@pytest.mark.parametrize("text, expected", [
    # a relative clause with commas of its own; a state abbreviation after a place in an apposition
    ("Ines Hale, who lost her farm in Alder, Oregon, in July 2012, said the levy came too late.",
     ("Ines Hale, who lost her farm in Alder, Oregon, in July 2012,", "said")),
    ("Tom Reyes, 22, of Penrose, Ore., said he had not given up.", ("Tom Reyes, 22, of Penrose, Ore.,", "said")),
    # but not across a second conjunct
    ("The mayor spoke to Ada Quill, who chairs the board, and Tom Reyes, a lawyer, said it failed.",
     ("Tom Reyes, a lawyer,", "said")),
])
def test_relative_clauses_and_places_in_appositions(text, expected):
    assert expected in sources(text)


def test_lower_case_phrase_that_names_no_one():
    # 'hope' here is a noun after a phrasal verb: 'given up' is no source
    text = "Tom Reyes said he had not given up hope on the levy."
    assert [src for src, cue in sources(text) if cue == "hope"] == []


@pytest.mark.parametrize("text, expected", [
    # two-word page furniture glued to a first sentence is dropped from the source
    ("Story highlights Conservatives said the Alder plan would fail.", ("Conservatives", "said")),
    ("Read more Ada Quill said the levy would pass.", ("Ada Quill", "said")),
])
def test_two_word_page_furniture(text, expected):
    assert expected in sources(text)
