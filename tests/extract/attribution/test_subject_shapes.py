"""Subjects of shapes that were missed: a share or a plural noun before a restrictive 'who', an 'according to'
phrase holding 'and', a coordinated verb after a subject with a party gloss. Sentences written for these tests
(fictional people and places)."""

from __future__ import annotations

import pytest

from helpers import mentions_and_cues


def found(text: str) -> list[tuple[str, str]]:
    return mentions_and_cues(text)


@pytest.mark.parametrize("text, expected", [
    ("Quill won 52 percent, against 40 percent who said they backed Reyes.", [("who", "said")]),
    ("The ordinance drew protests from shop owners who say it targets small stores.", [("who", "say")]),
    ("According to early results of a survey conducted by Alder College and the Harbor Courier, most voters "
     "backed the levy.", [("early results of a survey conducted by Alder College and the Harbor Courier",
                           "According to")]),
    # (the party label belongs to the mention whatever the rule, as it does before 'said': round eleven)
    ("Sen. Amos Reyes (D-Ore.) toured the mill and said it would reopen in May.",
     [("Sen. Amos Reyes (D-Ore.)", "said")]),
    ("Tom Reyes, 46, toured the mill and said it would close.", [("Tom Reyes", "said")]),
    ("Police spokesman Tom Vale arrived at noon and told reporters the road was closed.",
     [("Police spokesman Tom Vale", "told")]),
    # a document noun before a participle of a document verb; a capitalised preposition opens the sentence
    ("Despite polls showing Quill well behind, she campaigned in Alder.", [("polls", "showing")]),
    ("Records showing the payments were filed in court.", [("Records", "showing")]),
    ("As the Alder Institute website notes, the group met in 1960.", [("the Alder Institute website", "notes")]),
    ("A new video shows the mayor at the rally.", [("A new video", "shows")]),
    # an indefinite before a name opens a clause; adverbs between a source and its cue
    ("Ortiz would not cite anything Reyes had said about the levy.", [("Ortiz", "cite"), ("Reyes", "said")]),
    ("The memo, which perhaps suggests a cover-up, was sealed.", [("which", "suggests")]),
    ('"We will fix it," Quill told reporters Thursday.', [("Quill", "told")]),
    ('"We will appeal," said the head of the county board.', [("the head of the county board", "said")]),
    ("She nodded her head and said yes.", [("She", "said")]),
    # a participle after a comma takes the sentence's subject, not the noun phrase before the comma
    ("As they met in Alder, Quill was 300 miles away in Penrose, Maine, saying the bridge would be built.",
     [("Quill", "saying")]),
    ("Two weeks after the vote, Justice Ada Marr broke her silence by asking questions.",
     [("Justice Ada Marr", "asking")]),
    # an apposition before 'said', and a clause after it that is no inverted source
    ("Ana Ortiz, a reporter for the Harbor Courier, said the council hid the figures.",
     [("Ana Ortiz, a reporter for the Harbor Courier,", "said")]),
])
def test_subject_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "The rally drew a crowd who waved signs.",  # no verb of saying
    "The mayor, showing no emotion, left the hall.",  # 'showing' with no document subject
    "The fare rose, according to plan.",  # an idiom of the stop list
])
def test_no_source(text):
    assert found(text) == []
