"""The attribution rule table: its order, and each rule called on its own on a hand-written sentence.

Offsets below were counted by hand on the sentence written next to them.
"""

from __future__ import annotations

import pytest

from framelens.extract.attribution import AttributionExtractor
from framelens.extract.attribution.context import cue_context
from framelens.extract.attribution.records import Attribution
from framelens.extract.attribution.rules import NO_ATTRIBUTION, RULES, apply_rules
from framelens.extract.attribution.tokens import TokenCache
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer
from framelens.text.segmentation import segment

EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs"]


@pytest.fixture(scope="module")
def extractor():
    return AttributionExtractor()


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(AnalysisConfig(extractors=EXTRACTORS))


def context_of(extractor, analyzer, text, cue_text):
    """The rule context of the (first) cue whose text is ``cue_text``."""
    spans = analyzer.analyze_document(Document(id="r", text=text)).spans
    seg = segment(text)
    cues = extractor.cue_finder.find(text, seg, spans, text.lower())
    (cue,) = [c for c in cues if text[c.start:c.end] == cue_text]
    cache = TokenCache(text, seg)
    ctx = cue_context(extractor.words, extractor.typer, extractor.names, seg, cache, [q.start for q in seg.quotes],
                      cue)
    assert ctx is not None
    return ctx


def test_rule_table_is_ordered():
    # rules of the cue kinds of their own first, then passives, then where a verb's source is; 'statement'
    # must precede 'left' (it replaces the statement object found by 'left' with the subject) and 'participle'
    # precede 'inverted' ('..., saying X'); 'fronted' (a participle opening the sentence) precedes 'inverted' too;
    # 'gerund' reads only cues with no source of their own, which every rule before it but the passives leaves;
    # 'after_report' (a participle right after an attribution, only a comma between) before 'participle' (the
    # sentence's subject): 'A trillion dollars is "a big number," said Vale, adding' is Vale's
    assert list(RULES) == ["no_response", "in_poll", "colon", "according_to", "noun_cue", "noun_from", "passive_by",
                           "passive_it", "statement", "left", "after_report", "participle", "coordinated", "fronted",
                           "inverted", "gerund"]
    assert all(callable(f) and f.__doc__ for f in RULES.values())


# (rule, text, cue text, (source start, end), source phrase, (cue start, end))
ALONE = [
    ("no_response", "The Drayford Tenants Union declined to comment.", "declined to comment",
     (0, 26), "The Drayford Tenants Union", (27, 46)),
    ("in_poll", "In a Quill Institute poll released Monday, 52 percent said they backed the levy.", "In",
     (3, 41), "a Quill Institute poll released Monday", (0, 2)),
    ("colon", "Lena Marr: We will appeal the ruling.\n\nThe mayor, Lena Marr, spoke on Monday.", ":",
     (0, 9), "Lena Marr", (9, 10)),
    ("according_to", "The fund ran dry, according to the Brisk Valley Gazette.", "according to",
     (31, 55), "the Brisk Valley Gazette", (18, 30)),
    ("noun_cue", "Ada Quist's claim that the dam leaked was wrong.", "claim",
     (0, 9), "Ada Quist", (12, 17)),
    ("noun_from", "The levy drew criticism from the Harlow Courier.", "criticism",
     (29, 47), "the Harlow Courier", (14, 23)),
    ("passive_by", "It was reported by the Harlow Courier that the dam leaked.", "reported",
     (19, 37), "the Harlow Courier", (7, 15)),
    ("passive_it", "It was reported that the dam leaked.", "reported",
     (7, 15), "reported", (7, 15)),  # no source: the span is the cue
    ("left", "Harris said the fund was empty.", "said",
     (0, 6), "Harris", (7, 11)),
    ("participle", 'Ada Quist met the crew, calling their work "a triumph."', "calling",
     (0, 9), "Ada Quist", (24, 31)),
    ("coordinated", "Tobin Vale toured the flooded plant and said the repairs would take a month.", "said",
     (0, 10), "Tobin Vale", (40, 44)),
    ("inverted", '"We are ready," said Wendell Osgood.', "said",
     (21, 35), "Wendell Osgood", (16, 20)),
]


@pytest.mark.parametrize("rule, text, cue_text, source, phrase, cue", [pytest.param(*a, id=a[0]) for a in ALONE])
def test_rule_fires_alone(extractor, analyzer, rule, text, cue_text, source, phrase, cue):
    ctx = context_of(extractor, analyzer, text, cue_text)
    got = RULES[rule](ctx)
    assert isinstance(got, Attribution)
    assert got.rule == rule
    assert (got.src_start, got.src_end) == source and text[got.src_start:got.src_end] == phrase
    assert (got.cue.start, got.cue.end) == cue
    # no other rule finds an attribution for this cue
    others = {name: f(ctx) for name, f in RULES.items() if name != rule}
    assert not [name for name, v in others.items() if isinstance(v, Attribution)]
    # and the table, run in order, gives the same answer
    assert apply_rules(ctx).rule == rule


def test_statement_rule_replaces_the_object_found_by_left(extractor, analyzer):
    text = "The agency issued a statement saying the vote was fair."
    ctx = context_of(extractor, analyzer, text, "saying")
    got = RULES["statement"](ctx)
    assert (got.src_start, got.src_end, got.cue.start, got.cue.end) == (0, 10, 30, 36)
    assert text[0:10] == "The agency" and text[30:36] == "saying"
    # 'left' alone takes the object 'a statement' (18..29); the table tries 'statement' first
    alone = RULES["left"](ctx)
    assert text[alone.src_start:alone.src_end] == "a statement"
    assert apply_rules(ctx).rule == "statement"


@pytest.mark.parametrize("text, cue_text", [
    ("Harris was told the fund was empty.", "told"),                         # a passive: 'Harris' is addressed
    ("When asked, the mayor left the room.", "asked"),                       # a subordinate clause
    ('Neighbors carried signs calling the plan "a land grab."', "calling"),  # a participle modifying a noun
])
def test_cues_without_a_source_of_their_own(extractor, analyzer, text, cue_text):
    ctx = context_of(extractor, analyzer, text, cue_text)
    assert ctx.without_source
    assert all(not isinstance(f(ctx), Attribution) for f in RULES.values())
    assert apply_rules(ctx) is None


def test_a_rule_that_applies_but_finds_nothing_stops_the_table(extractor, analyzer):
    # 'according to' with no noun phrase after it: the rule applies, and no later rule is tried
    ctx = context_of(extractor, analyzer, "The fund ran dry, according to.", "according to")
    assert RULES["according_to"](ctx) is NO_ATTRIBUTION
    assert apply_rules(ctx) is None


def test_rules_of_other_cue_kinds_do_not_apply(extractor, analyzer):
    ctx = context_of(extractor, analyzer, "Harris said the fund was empty.", "said")
    for name in ("no_response", "in_poll", "colon", "according_to", "noun_cue", "noun_from"):
        assert RULES[name](ctx) is None
