"""Constructions added in the eighth round of issue 19 (docs/methods_attribution.md "round eight"), each with a
look-alike that must not change. Sentences written for these tests; every name is fictional."""

from __future__ import annotations

import pytest

from helpers import attribution_spans


def pairs(text: str) -> list[tuple[str, str]]:
    """(source span, cue) of every attribution in ``text``, in order."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]]) for s in attribution_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # a participle set off by a comma closed inside a quotation, by a dash, or coordinated with an earlier one
    ("Ada Quill has delivered a defense of “Harlow values,” saying the town embodied thrift.",
     [("Ada Quill", "saying")]),
    ("Ada Quill flipped her vote on the spot – saying she had misread the bill.", [("Ada Quill", "saying")]),
    ("He ducked, pointing to his record in the assembly and saying that senators are overrated.",
     [("He", "pointing to"), ("He", "saying")]),
    # 'and' with no participle set off before it: no coordination to follow
    ("Ada Quill read the note and saying so was odd.", []),
])
def test_participle_takes_the_sentence_subject(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A spokesman for the mayor defended the route and said the police had trained for months.",
     [("A spokesman for the mayor", "defended"), ("A spokesman for the mayor", "said")]),
    ("The head of the agency said the plan was sound.", [("The head of the agency", "said")]),
    ("The billionaire businessman began by talking about the drug crisis, saying that heroin is cheap.",
     [("The billionaire businessman", "saying")]),
])
def test_determiner_subject_with_a_short_prepositional_phrase(text, expected):
    assert pairs(text) == expected


def test_evaluative_verb_and_a_later_verb_of_saying_are_two_acts():
    """'slammed the ruling, saying ...': both acts are attributed (PARC and PolNeAR mark both); the evaluative
    verb's content is its object, up to the later verb."""
    text = "Ellery slammed the ruling, saying that it would hurt farmers."
    spans = attribution_spans(text)
    assert [(text[s.start:s.end], s.attrs["cue"]) for s in spans] == [("Ellery", "slammed"), ("Ellery", "saying")]
    slammed, saying = spans
    assert text[slammed.attrs["content_start"]:slammed.attrs["content_end"]] == "the ruling"
    assert text[saying.attrs["content_start"]:saying.attrs["content_end"]] == "it would hurt farmers"


@pytest.mark.parametrize("text, expected", [
    ("Ada Quill went on television and chastised Reyes for refusing help.", [("Ada Quill", "chastised")]),
    ("Tom Marr toured the plant and said the line would reopen.", [("Tom Marr", "said")]),
    # a participle or bare form after 'and' is not a coordinated finite verb of the subject
    ("Ada Quill asked the board to meet and discuss the fee.", []),
])
def test_coordinated_finite_reporting_verb(text, expected):
    assert [p for p in pairs(text) if p[1] != "asked"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The town released a statement Wednesday saying the comments were opinion.", [("The town", "saying")]),
    ("Mayor Ada Quill released a statement Thursday night condemning the attack.",
     [("Mayor Ada Quill", "condemning")]),
    ("Tom Reyes, the committee’s political director, released a statement confirming it will hire.",
     [("Tom Reyes, the committee’s political director,", "confirming")]),
    # a comma that is no apposition's keeps the statement from the subject
    ("Ada Quill left, and a statement saying the plant would close was posted.", [("a statement", "saying")]),
])
def test_statement_participle_takes_the_subject_past_time_words_and_apposition(text, expected):
    assert [p for p in pairs(text) if p[1] != "left"] == expected


@pytest.mark.parametrize("text, expected", [
    ("She and her aides have vowed to fight on.", [("She and her aides", "vowed")]),
    ("Ada Quill and her surrogates said the plan works.", [("Ada Quill and her surrogates", "said")]),
    ("The Harlow Republican and the Varga businessman said they agree.",
     [("The Harlow Republican and the Varga businessman", "said")]),
    ("Both Reyes and the council said no.", [("Both Reyes and the council", "said")]),
    ("In Harlow, Quill and his supporters argued the vote was close.",
     [("Quill and his supporters", "argued")]),
    # the first conjunct does not open a clause: only the second is the subject
    ("Tom Marr said the chief and the sheriff said it was fine.", [("Tom Marr", "said"), ("the sheriff", "said")]),
])
def test_two_coordinated_subjects_are_one_source_phrase(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an inverted source that opens with a possessive runs to its head and name
    ("“This is serious,” said Quill’s top policy aide Tom Reyes.", [("Quill’s top policy aide Tom Reyes", "said")]),
    # a time adverbial after an inverted source is not part of it
    ("“This is serious,” said the mayor’s office on Monday.", [("the mayor’s office", "said")]),
    ("“This is serious,” said the head of the Office on Aging.", [("the head of the Office on Aging", "said")]),
    # a participle's time adverbial is part of the source; the participle does not change its type
    ("New polls released Sunday show Quill ahead.", [("New polls released Sunday", "show")]),
    ("She further announced that the agency would act.", [("She", "announced")]),
])
def test_source_phrase_boundaries(text, expected):
    assert pairs(text) == expected


def test_participle_after_the_head_leaves_the_document_type():
    (span,) = attribution_spans("A court document filed Thursday says the firm paid.")
    assert span.attrs["source_type"] == "document"


@pytest.mark.parametrize("text, expected", [
    ("The agency less than two weeks ago said the server held secrets.", [("The agency", "said")]),
    ("Ada Quill a few days ago wrote that the fee would rise.", [("Ada Quill", "wrote")]),
])
def test_an_ago_phrase_between_source_and_cue_is_skipped(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ada Quill and Tom Reyes have both supported the plan.", [("Ada Quill and Tom Reyes", "supported")]),
    ("The Harlow and Varga councils have all endorsed the fee.", [("The Harlow and Varga councils", "endorsed")]),
])
def test_floating_quantifier_after_an_auxiliary_is_not_the_source(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("His campaign sued the council on Friday, claiming the move would cost it money.",
     [("His campaign", "claiming")]),
    ("The retired surgeon has given no details, saying only that he was refining his plans.",
     [("The retired surgeon", "saying")]),
    ("Ada Quill went with the odds, pointing out that Harlow would win.", [("Ada Quill", "pointing out")]),
])
def test_participle_subject_with_possessive_or_auxiliary(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("And Ada Quill has been at war with the council, tweeting about the fees.", [("Ada Quill", "tweeting")]),
    ("But the agency released figures, saying the backlog doubled.", [("the agency", "saying")]),
])
def test_sentence_opening_conjunction_is_not_part_of_the_subject(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ada Quill called out her rival for alienating voters.", [("Sen. Ada Quill", "called out")]),
    ("Tom Reyes was called out by the umpire.", []),  # a passive: the one called out is no source
])
def test_call_out_is_a_criticism(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sen. Ada Quill deflected questions about Reyes before saying it was time to move on.",
     [("Sen. Ada Quill", "saying")]),
    # one that opens the sentence takes the subject after its clause
    ("After blasting the Harlow Ledger for its story, Glenn Varga doubled down.", [("Glenn Varga", "blasting")]),
    ("Noting that both mayors fought the press, Ada Quill made her case.", [("Ada Quill", "Noting")]),
    ("Now, after arguing that the count narrowed the race, his team is suggesting otherwise.",
     [("his team", "arguing")]),
    # a clause mark before any subject: no source
    ("After saying the vote was close; the count went on.", []),
])
def test_gerund_after_a_subordinator_takes_the_sentence_subject(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("His office put out a statement saying the county cannot vet every claim.", [("His office", "saying")]),
    ("The mayor’s office issued a statement saying the road would reopen.", [("The mayor’s office", "saying")]),
    ("Her campaign quickly blasted out an email to supporters stating that Reyes had joined.",
     [("Her campaign", "stating")]),
    ("Her aides toured the plant and said it was safe.", [("Her aides", "said")]),
])
def test_possessive_subjects_of_statements_and_coordinated_verbs(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Reyes, who has been in daily contact with the campaign, arrived late and acknowledged that he had read "
     "the memo.", [("Tom Reyes", "acknowledged")]),
    # a relative clause that holds a clause of its own is not read over
    ("Ada Quill, who lost the race, which was close, and said nothing, left.", []),
])
def test_coordinated_verb_past_a_relative_clause_after_the_subject(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"I\'m voting for anyone but Quill," declared Alyssa Vane, 29, of Meridian.', [("Alyssa Vane", "declared")]),
    ('"Gun owners should stay home," opined the Harlow Ledger.', [("the Harlow Ledger", "opined")]),
    # a verb of speaking whose complement is no statement does not invert
    ('"It is over," spoke the judge.', []),
])
def test_any_reporting_verb_inverts_right_after_a_quotation(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an appearance, not a statement
    ("Ada Quill spoke Monday night at a town hall in Harlow.", []),
    ("Tom Reyes talked with voters for hours.", []),
    # with a topic, a clause or a quotation it reports what was said
    ("Ada Quill spoke about the budget for an hour.", [("Ada Quill", "spoke")]),
    ("Tom Reyes spoke to reporters about the fee.", [("Tom Reyes", "spoke")]),
    ('"We will win," Ada Quill continued.', [("Ada Quill", "continued")]),
    # 'continued' without a quotation reports nothing
    ("She continued to renew her permit every year.", []),
])
def test_speaking_without_topic_and_continued_without_quotation(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("As Ada Quill put it, the race is over.", [("Ada Quill", "put it")]),
    ("“It is over,” as she put it.", [("she", "put it")]),
    ("Tom Reyes made the case that the fee is too high.", [("Tom Reyes", "made the case")]),
    # a place or an object after it, and the writer's own aside, are no attributions
    ("Tom Reyes put it on the table.", []),
    ("To put it bluntly, the fee is high.", []),
])
def test_attribution_formulas(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline is not the subject
    ("HARLOW — Mayor Ada Quill declared the plan dead on Tuesday, calling on the council to start again.",
     [("Mayor Ada Quill", "declared"), ("Mayor Ada Quill", "calling on")]),
    # a closing quotation mark does not open a clause for two coordinated subjects
    # (and, since round nine, a lone 'another' right before its verb is a source of its own)
    ('One man said voters are "less likely to have" state IDs and another said so too.',
     [("One man", "said"), ("another", "said")]),
    # a gerund after a subordinator inside a reported clause is not the sentence subject's
    ("Tom Reyes said Ada Quill changed her mind after asking the board for advice.", [("Tom Reyes", "said")]),
    # an inverted 'continued' after unquoted content is an attribution
    ("It would be fine to wait, continued Tom Reyes, but it would be better to act.",
     [("Tom Reyes", "continued")]),
])
def test_round_eight_look_alikes_from_a_bench_sample(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("And in Harlow, Former Secretary of State Ada Quill pushed back on the report, telling reporters she gave no "
     "advice.", [("Former Secretary of State Ada Quill", "telling")]),
    # 'of' joins an office to its department only: a company name is no role
    ("Bank of Harlow toured the plant and said it was safe.", []),
])
def test_office_with_of_in_a_sentence_subject(text, expected):
    assert pairs(text) == expected


def test_speech_tag_after_a_quotation_inside_another_statement_is_kept():
    """'X said ...: "...," she claimed.' The tag after the quotation is an attribution of its own, not a pronoun
    restating the first source inside its content; so is a parenthetical tag (', he said,')."""
    text = "Ada Quill said Harlow had lost its way: “Harlow is no longer Harlow,” she claimed."
    assert pairs(text) == [("Ada Quill", "said"), ("she", "claimed")]
    text = "He sincerely believes, he said, that the fee is fair."
    assert pairs(text) == [("He", "believes"), ("he", "said")]
    # a pronoun inside the content with no tag of its own stays part of the first statement
    assert pairs("Tom Reyes says he supports the plan.") == [("Tom Reyes", "says")]


def test_told_after_an_apposition_keeps_its_source_and_type():
    (span,) = attribution_spans("“It works,” Simon Reyes, a supporter, told the Harlow Ledger.")
    assert span.attrs["source"] == "Simon Reyes"
    (span,) = attribution_spans("“It works,” Butz, 49, told reporters.")
    assert span.attrs["source_type"] == "person"  # 'told reporters' is no apposition naming a reporter


def test_a_full_name_after_two_titles_is_one_name():
    text = ("Lynch: No outside influence on the inquiry.\n\nHARLOW — Attorney General Loretta Lynch said Tuesday "
            "that nobody influenced the inquiry.")
    spans = attribution_spans(text)
    label = next(s for s in spans if s.attrs["cue"] == ":")
    assert label.attrs["source"] == "Loretta Lynch" and label.attrs["source_type"] == "official"


ROUND_EIGHT_ARTICLE = (
    "Sen. Ada Quill deflected questions about Reyes before saying it was time to move on. After blasting the "
    "Harlow Ledger for its story, Glenn Varga doubled down. Noting that both mayors fought the press, Ada Quill "
    "made her case. When asked, Tom Reyes said no. Ellery slammed the ruling, saying that it would hurt farmers. "
    "She and her aides have vowed to fight on. \"It is over,\" declared Alyssa Vane. It was reported that the dam "
    "leaked.\n"
)


def test_rule_table_shortcut_still_gives_the_verdicts_of_the_whole_table():
    """The dispatch of ``apply_rules`` (a cue goes only to the rules that can apply to it) gives what trying every
    rule of ``RULES`` in order gives, for the round's new rules ('gerund', 'fronted') too."""
    from framelens.extract.attribution import AttributionExtractor
    from framelens.extract.attribution.context import cue_context
    from framelens.extract.attribution.rules import RULES, apply_rules
    from framelens.extract.attribution.tokens import TokenCache
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer
    from framelens.text.segmentation import segment

    text = ROUND_EIGHT_ARTICLE
    ex = AttributionExtractor()
    spans = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs"])).analyze_document(
        Document(id="r8", text=text)).spans
    seg = segment(text)
    quote_starts = [q.start for q in seg.quotes]
    rules_seen = set()
    for cue in ex.cue_finder.find(text, seg, spans, text.lower()):
        fast = cue_context(ex.words, ex.typer, ex.names, seg, TokenCache(text, seg), quote_starts, cue)
        if fast is None:
            continue
        slow = cue_context(ex.words, ex.typer, ex.names, seg, TokenCache(text, seg), quote_starts, cue)
        a, b = apply_rules(fast), apply_rules(slow, dict(RULES))
        assert (a is None) == (b is None)
        if a is not None:
            assert (a.rule, a.src_start, a.src_end, a.content, a.mode) == (b.rule, b.src_start, b.src_end, b.content,
                                                                          b.mode)
            rules_seen.add((a.rule, text[a.cue.start:a.cue.end]))
    assert {("participle", "saying"), ("participle", "blasting"), ("participle", "Noting"),
            ("left", "slammed"), ("inverted", "declared")} <= rules_seen


@pytest.mark.parametrize("text, expected", [
    # a gerund that is the sentence's subject (an auxiliary follows it) attributes nothing
    ("Adding new workers to the payroll would hurt wages, they say.", [("they", "say")]),
    ("Reporting was contributed by Ada Quill, Tom Reyes and Lena Marr.", []),
    # the complement clause's own verbs do not make it a subject
    ("Noting that the mayor has fought the press, Ada Quill made her case.", [("Ada Quill", "Noting")]),
])
def test_sentence_opening_gerund_as_subject_is_no_attribution(text, expected):
    assert pairs(text) == expected
