"""Communication, judgement and characterisation verbs of report_verbs 1.2.0 (Levin 1993 classes 37, 33, 29.2-29.3)
as attribution cues, with plural, group and role subjects, and the look-alikes each entry excludes. Sentences
written for these tests (fictional people and places)."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def found(text: str) -> list[tuple[str, str, str]]:
    """``(source, cue, stance)`` of every attribution of ``text``."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]], s.attrs.get("stance"))
            for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # transcript and say verbs
    ('"Not this year," Quill answered.', [("Quill", "answered", "neutral")]),
    ("Reyes countered that the levy had already passed.", [("Reyes", "countered", "neutral")]),
    ('"Read the bill," the senator retorted.', [("the senator", "retorted", "evaluative")]),
    ('Ortiz shot back, "That is simply false."', [("Ortiz", "shot back", "evaluative")]),
    ("Two council members weighed in on the dispute.", [("Two council members", "weighed in", "neutral")]),
    ("The governor talked about water rates for an hour.", [("The governor", "talked about", "neutral")]),
    ("Quill stressed that the closure was temporary.", [("Quill", "stressed", "neutral")]),
    ("Officials downplayed the risk to residents.", [("Officials", "downplayed", "evaluative")]),
    ("The mayor shrugged off the poll.", [("The mayor", "shrugged off", "evaluative")]),
    # judgement verbs with plural and role subjects
    ("Union leaders castigated the company.", [("Union leaders", "castigated", "evaluative")]),
    ("Parents chided the board for the delay.", [("Parents", "chided", "evaluative")]),
    ("Critics derided the plan as a giveaway.", [("Critics", "derided", "evaluative")]),
    ("The sheriff congratulated the volunteers.", [("The sheriff", "congratulated", "neutral")]),
    ("Republicans took aim at the budget on Friday.", [("Republicans", "took aim at", "evaluative")]),
    ("Reyes lit into his rival over the audit.", [("Reyes", "lit into", "evaluative")]),
    ("Others disagree with that view.", [("Others", "disagree", "neutral")]),
    # characterisation verbs
    ("Opponents branded the measure a power grab.", [("Opponents", "branded", "neutral")]),
    ("Conservatives labeled the policy an amnesty.", [("Conservatives", "labeled", "neutral")]),
    ("Quill portrayed her opponent as out of touch.", [("Quill", "portrayed", "neutral")]),
    # manner of speaking
    ('The crowd chanted "Fix the bridge."', [("The crowd", "chanted", "neutral")]),
    ('"Sit down," a protester shouted.', [("a protester", "shouted", "evaluative")]),
])
def test_new_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Ortiz answered the door in her robe.",  # opening a door
    "Voters are stressed about prices.",  # the adjective
    "She pleaded guilty to fraud on Monday.",  # a legal plea
    "The recount showed a narrow lead.",  # the noun of a vote recount
    "Products labeled organic cost more.",  # a product label
    "The actor who portrayed the mayor won an award.",  # acting a role
    "The two men got into a shouting match.",
    "It was a demanding job with long hours.",  # the adjective
    "The disputed territory lies to the north.",
    "Police said a man took shots at officers on Main Street.",  # gunfire
    "She was offered a prime-time speaking slot at the convention.",  # 'speaking' as a modifier
    "Ortiz speaks fluent Spanish.",  # a language
    "With 94 percent of precincts reporting, Quill led the count.",  # election-night count
    "(Additional reporting by Ann Reyes; editing by Tom Vale)",  # byline
    "Quill won the Alder primary, adding to her lead.",  # 'adding to': accumulating
    "His recent comments drew fire from the council.",  # a noun after a possessive
    "Tom Vale isn't expected to attend the dinner.",  # a passive with a contracted negation
    "The county has resisted state calls for an audit.",  # a noun after a verb
    "It's worth noting that the levy failed.",  # the writer's discourse marker
    "The bill would cut taxes, adding billions to the deficit.",  # 'adding' an amount
])
def test_look_alike_is_no_cue(text):
    cues = {c for _, c, _ in found(text)}
    assert not cues - {"said"}, cues


@pytest.mark.parametrize("text, expected", [
    # a pronoun after a clause opener starts a statement of its own
    ("Quill agreed that the levy would pass, but she said the vote would be close.",
     [("Quill", "agreed"), ("she", "said")]),
    ("Reyes cited the audit, which he said showed waste.", [("Reyes", "cited"), ("he", "said")]),
    # a pronoun right in the content of the first attribution is the same statement, counted once
    ("Quill says she supports the levy.", [("Quill", "says")]),
])
def test_nested_pronoun_subjects(text, expected):
    assert [(src, cue) for src, cue, _ in found(text)] == expected
