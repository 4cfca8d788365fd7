"""Speaker labels of a transcript: upper-case names opening paragraphs ('TOM REYES: ...'), once at least two
different ones do; a lone upper-case label is a heading. Texts written for these tests."""

from __future__ import annotations

from helpers import attribution_spans


def labels(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.attrs["source_type"]) for s in attribution_spans(text)
            if s.entry == "attribution:colon"]


def test_transcript_speakers():
    text = ("The Alder debate went on past midnight.\n\n"
            "KATE ROE: Will you debate the levy before the vote in May?\n\n"
            "TOM REYES: We have debated it for two years and the voters know where we stand.\n\n"
            "KATE ROE: So the answer is no, then, for the third time?")
    assert labels(text) == [("KATE ROE", "person"), ("TOM REYES", "person"), ("KATE ROE", "person")]


def test_lone_upper_case_label_is_a_heading():
    text = "UPDATE: The Alder council has voted to delay the levy until May.\n\nThe vote was 5-4."
    assert labels(text) == []


def test_upper_case_label_inside_a_paragraph_is_not_a_speaker():
    text = ("KATE ROE: Will you debate the levy before the vote in May?\n\n"
            "The moderator read it out. TOM REYES: We have debated it for two years and more.")
    assert ("TOM REYES", "person") not in labels(text)


def test_fact_check_section_labels_are_no_speakers():
    text = ("CLAIM: The Alder levy doubles the tax on every home in the county, a flyer says.\n\n"
            "RATING: Mostly False. The levy adds about four percent to the median bill.\n\n"
            "OUR RATING: Mostly False, because the flyer counts two levies as one.")
    assert labels(text) == []


def test_single_word_speaker_needs_the_name_elsewhere():
    text = ("The debate between Quill and Reyes ran long.\n\n"
            "QUILL: I will not raise the levy again, whatever the council decides.\n\n"
            "REYES: Then you will have to cut the clinic hours in Penrose.")
    assert labels(text) == [("QUILL", "person"), ("REYES", "person")]
