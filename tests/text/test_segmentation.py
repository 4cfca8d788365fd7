"""Segmentation: paragraphs, sentences, words and quotation regions with exact offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from framelens import segment
from framelens.text.segmentation import count_words, iter_words


def sents(text):
    seg = segment(text)
    return [text[s:e] for s, e in seg.sentences]


def quotes(text):
    seg = segment(text)
    return [(text[q.content_start:q.content_end], q.label, q.uncertain) for q in seg.quotes]


# --- sentences ---------------------------------------------------------------

def test_title_abbreviations_never_end_a_sentence():
    text = "Dist. Atty. Maren Castellano spoke to Sen. Carla Dunmore and Gov. Ames. They met Jan. 5 at No. 10 Main."
    assert sents(text) == [
        "Dist. Atty. Maren Castellano spoke to Sen. Carla Dunmore and Gov. Ames.",
        "They met Jan. 5 at No. 10 Main.",
    ]


def test_other_abbreviations_end_a_sentence_only_before_an_opener():
    text = "He moved to the U.S. Senate in 2017. He worked in the U.S. The move was hard."
    assert sents(text) == ["He moved to the U.S. Senate in 2017.", "He worked in the U.S.", "The move was hard."]


def test_initials_and_lowercase_continuations():
    text = "J. R. Smith said so. e.g. this stays. It was 3.5 percent."
    assert sents(text) == ["J. R. Smith said so. e.g. this stays.", "It was 3.5 percent."]


def test_quoted_sentences_and_attribution_split():
    text = "“I believe we fixed it,” she said at the time. “So moving forward, it works.” Why? Nobody knows!"
    assert sents(text) == [
        "“I believe we fixed it,” she said at the time.",
        "“So moving forward, it works.”",
        "Why?",
        "Nobody knows!",
    ]


def test_question_inside_quote_followed_by_lowercase_attribution():
    assert sents("“Why now?” she asked. Then she left.") == ["“Why now?” she asked.", "Then she left."]


def test_parenthetical_line_is_its_own_sentence():
    text = "He left. (RELATED: A Story About Things) Then he returned."
    assert sents(text) == ["He left.", "(RELATED: A Story About Things)", "Then he returned."]


def test_paragraphs_blank_lines_and_single_lines():
    seg = segment("One.\n\nTwo a.\r\n\r\nThree.")
    assert len(seg.paragraphs) == 3
    seg = segment("Line one.\nLine two.\nLine three.")
    assert len(seg.paragraphs) == 3
    # a hard-wrapped paragraph (blank lines present) keeps its single newlines
    seg = segment("A long sentence that\nwraps here.\n\nNext paragraph.")
    assert len(seg.paragraphs) == 2 and len(seg.sentences) == 2


# --- quotes ------------------------------------------------------------------

def test_curly_and_straight_quotes():
    assert quotes('He said "this is a full clause, really." Then “another one here now,” she said.') == [
        ("this is a full clause, really.", "direct", False),
        ("another one here now,", "direct", False),
    ]


def test_partial_title_and_single_quotes():
    got = quotes("It was a “flaw,” he said of “Back on Track” and the ‘crime wave’ claims, students' books.")
    assert got == [("flaw,", "partial", False), ("Back on Track", "title", False), ("crime wave", "partial", False)]


def test_multi_paragraph_quote():
    text = "“We started this in 2019. It worked.\n\n“Then it failed,” she said.\n\nAfter that, nothing."
    seg = segment(text)
    assert [(text[q.start:q.end], q.continues, q.continued, q.uncertain) for q in seg.quotes] == [
        ("“We started this in 2019. It worked.", True, False, False),
        ("“Then it failed,”", False, True, False),
    ]
    assert seg.voice_at(text.index("worked")) == "quoted"
    assert seg.voice_at(text.index("she said")) == "author"
    assert seg.voice_at(text.index("nothing")) == "author"


def test_unbalanced_quote_is_flagged_not_fatal():
    text = "He said “this never closes.\n\nA new paragraph in the reporter's voice."
    seg = segment(text)
    assert len(seg.quotes) == 1 and seg.quotes[0].uncertain
    assert seg.voice_at(text.index("reporter")) == "author"
    seg = segment("A stray ” closing mark.")
    assert seg.quotes == [] and seg.stray_quote_marks == [8]


def test_inch_marks_are_not_quotes():
    assert segment('He is 5\'10" tall and weighs "about" that.').quotes[0].label == "partial"
    assert len(segment('He is 5\'10" tall and weighs "about" that.').quotes) == 1


def test_voice_lookup():
    text = 'Officials said "the plan failed badly" on Monday.'
    seg = segment(text)
    assert seg.voice_at(text.index("plan")) == "quoted"
    assert seg.voice_at(text.index("Officials")) == "author"
    assert seg.voice_at(text.index("Monday")) == "author"


# --- words -------------------------------------------------------------------

def test_words():
    text = "Serrano-Quan didn’t see 1,200 U.S. cases."
    assert [text[s:e] for s, e in iter_words(text)] == ["Serrano-Quan", "didn’t", "see", "1,200", "U", "S", "cases"]
    assert count_words(text) == 7


# --- the seed article (hand-checked) -----------------------------------------

def test_seed_quotations_of_the_prosecutor(seed_doc):
    text = seed_doc.text
    seg = segment(text)
    contents = [text[q.content_start:q.content_end] for q in seg.quotes]
    assert "flaw in the design." in contents
    assert "I believe we fixed it," in contents
    assert any(c.startswith("So moving forward, it is about making sure") for c in contents)
    assert "The whole point of the program," in contents
    assert any(c.startswith("is that these people would be able") and c.endswith("spirit of the program")
               for c in contents)
    # the three quotations are in quoted voice; the attributions around them are not
    for needle in ("flaw in the design", "we fixed it", "whole point", "very spirit"):
        assert seg.voice_at(text.index(needle)) == "quoted", needle
    for needle in ("she said at the time", "Harris told the outlet", "Harris told the LA Times"):
        assert seg.voice_at(text.index(needle)) == "author", needle


def test_seed_related_line_is_its_own_sentence(seed_doc):
    text = seed_doc.text
    seg = segment(text)
    ss = [text[s:e] for s, e in seg.sentences]
    related = [s for s in ss if "RELATED" in s]
    assert len(related) == 1
    assert related[0].startswith("(RELATED:") and related[0].endswith("Experts Say)")


def test_seed_abbreviations_do_not_end_sentences(seed_doc):
    text = seed_doc.text
    ss = [text[s:e] for s, e in segment(text).sentences]
    assert any(s.startswith("As a U.S. senator, she earned") for s in ss)
    assert any("allowed to work in the U.S. anyways." in s for s in ss)
    assert not any(s.endswith("U.S.") for s in ss)
    assert len(ss) == 22


def test_seed_date_line_removed(seed_doc):
    assert seed_doc.date == "2024-07-25"
    assert seed_doc.text.startswith("As the district attorney")
    assert seed_doc.body_offset > 0


# --- properties --------------------------------------------------------------

QUOTEY = st.lists(st.sampled_from(list("ab .,!?\n\"“”‘’'()—-Mr") + ["Dist.", " U.S. ", "\n\n", "\r\n", "Sen. "]),
                  max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), QUOTEY))
@example("'0''")  # a single quotation closing on the first mark of a two-apostrophe one overlapped it
@example("He said 'no'' and left.")
def test_segmentation_never_raises_and_offsets_are_exact(text):
    seg = segment(text)
    for s, e in seg.paragraphs + seg.sentences:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() or text[s:e].strip()
    prev = -1
    for s, e in seg.sentences:
        assert s >= prev
        prev = e
    for q in seg.quotes:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
    for pos in range(0, len(text), 7):
        assert seg.voice_at(pos) in ("author", "quoted")
    # quotation regions never overlap
    for a, b in zip(seg.quotes, seg.quotes[1:]):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), QUOTEY))
def test_analysis_spans_index_the_text(text):
    import framelens

    if not text.strip():
        return
    res = framelens.analyze(framelens.Document(id="x", text=text)).results[0]
    for sp in res.spans:
        assert text[sp.start:sp.end] == sp.text
        assert sp.voice in ("author", "quoted")


def test_segmentation_repr_is_short(seed_doc):
    seg = segment(seed_doc.text)
    r = repr(seg)
    assert len(r) < 2048 and f"{len(seg.sentences)} sentences" in r
