"""Attitude spans (docs/methods_attitudes.md): what a source wants, plans, decides, supports or opposes, knows,
believes or how it regards something; never counted as an attribution.

Every sentence here is fictional and hand-checked: the expected source mention, verb and class are read off the
sentence by hand, not copied from the extractor's output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.metrics import attribution_metrics
from framelens.lexicon import load_lexicon, shipped_lexicons
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer

EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs", "attribution"]
CLASSES = {"desire", "intention", "commitment", "decision", "support", "opposition", "belief", "knowledge",
           "perception", "evaluation"}


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(AnalysisConfig(extractors=EXTRACTORS))


@pytest.fixture(scope="module")
def without_attitudes():
    """The same analysis with every shipped pack but the attitude verbs: attributions as they were before."""
    packs = [str(p) for name, p in shipped_lexicons().items() if name != "attitude_verbs"]
    return Analyzer(AnalysisConfig(extractors=EXTRACTORS, default_lexicons=False, lexicons=packs))


def run(analyzer, text):
    return analyzer.analyze_document(Document(id="t", text=text))


def attitudes(analyzer, text):
    return [s for s in run(analyzer, text).spans if s.kind == "attitude"]


# (sentence, source mention, verb, class): one or more per class
FOUND = [
    ("Mayor Ada Quist wants to expand the ferry service.", "Mayor Ada Quist", "wants", "desire"),
    ("Local officials are hoping the levy will fail.", "Local officials", "hoping", "desire"),
    ("The Harlow Tenants Union plans to appeal the ruling.", "The Harlow Tenants Union", "plans", "intention"),
    ("Marr is seeking a third term.", "Marr", "seeking", "intention"),
    ("Councillor Tomas Brandt promises to cut the levy by half.", "Councillor Tomas Brandt", "promises",
     "commitment"),
    ("The Ostrava Farmers Guild refused to sign the accord.", "The Ostrava Farmers Guild", "refused", "decision"),
    ("The county board decided to close the landfill in May.", "The county board", "decided", "decision"),
    ("Republicans support the ferry bill.", "Republicans", "support", "support"),
    ("Voters in Harlow backed Marr in the primary.", "Voters in Harlow", "backed", "support"),
    ("Senator Lena Marr voted for the measure on Tuesday.", "Senator Lena Marr", "voted", "support"),
    ("Senator Lena Marr voted against the measure on Tuesday.", "Senator Lena Marr", "voted", "opposition"),
    ("The county opposes the pipeline.", "The county", "opposes", "opposition"),
    ("Residents feel the plan is unfair to renters.", "Residents", "feel", "belief"),
    ("Marr sees the vote as a warning.", "Marr", "sees", "belief"),
    ("Brandt knows the numbers are against him.", "Brandt", "knows", "knowledge"),
    ("Neighbours noticed the water had changed colour.", "Neighbours", "noticed", "perception"),
    ("Farmers welcomed the ruling.", "Farmers", "welcomed", "evaluation"),
    ("Renters cheered the ruling.", "Renters", "cheered", "evaluation"),
]


@pytest.mark.parametrize("text,mention,verb,cls", FOUND, ids=[c[3] + ":" + c[2] for c in FOUND])
def test_each_class_found_with_its_source(analyzer, text, mention, verb, cls):
    (span,) = attitudes(analyzer, text)
    assert (span.text, span.attrs["cue"], span.label, span.attrs["category"]) == (mention, verb, cls, cls)
    assert text[span.start:span.end] == span.text
    assert text[span.attrs["cue_start"]:span.attrs["cue_end"]] == verb
    assert span.attrs["negated"] is False and span.voice == "author"
    assert span.entry.startswith("attitude:")
    # the content follows the verb and ends the sentence
    assert span.attrs["cue_end"] <= span.attrs["content_start"] < span.attrs["content_end"] <= len(text)


# nouns, adjectives and compounds that look like attitude verbs; attitudes inside quotations, embedded in what
# someone says, or held by no one
NOT_FOUND = [
    "Voter support for the plan fell.",
    "Her support among renters grew.",
    "Quist support grew in the suburbs.",  # a name before a bare form: a compound noun, not a plural subject
    "The plan to expand the port stalled.",
    "Harlow's plans to expand the port stalled.",
    "A Senate vote to end the debate failed.",
    "Marr cast the deciding vote.",
    "Most residents are in favor of the measure.",
    "The state-backed lender raised its rates.",
    "Candidate Brandt, backed by the Harlow Tenants Union, won the primary.",
    "It felt like winter in the valley.",
    "The campaign spent $2 million supporting Marr.",
    "\"I want the levy gone,\" Marr said.",
    "Quist said voters want a new ferry.",
    "I believe that Brandt understands the stakes.",
    "Marr can offer them something they want.",
    "The crowd cheered as Marr took the stage.",  # applause, not an evaluation of something
    "Fans cheered him on from the stands.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_and_embedded_attitudes_are_not_found(analyzer, text):
    assert attitudes(analyzer, text) == []


@pytest.mark.parametrize("text,mention,verb", [
    ("Ada Quist does not want the attacks to stick.", "Ada Quist", "want"),
    ("Brandt has never backed the levy.", "Brandt", "backed"),
    ("The county didn't oppose the accord.", "The county", "oppose"),
])
def test_negation_is_recorded(analyzer, text, mention, verb):
    (span,) = attitudes(analyzer, text)
    assert (span.text, span.attrs["cue"], span.attrs["negated"], span.attrs["stance"]) == (mention, verb, True,
                                                                                          "neutral")


def test_pronoun_resolved_from_an_earlier_attribution(analyzer):
    text = "Ada Quist said the ferry would run in May. She wants to add a night crossing."
    (span,) = attitudes(analyzer, text)
    assert (span.text, span.attrs["source"], span.attrs["resolved_from"]) == ("She", "Ada Quist", "She")


TEXT = ("Mayor Ada Quist said on Monday that the ferry would run in May. Republicans support the ferry bill, and "
        "the Harlow Tenants Union plans to appeal the ruling. \"We will fight it,\" said Lena Marr, a renter. "
        "Farmers welcomed the ruling. Brandt has never backed the levy.")


def test_attitudes_never_change_attributions_or_sourcing_metrics(analyzer, without_attitudes):
    with_ = run(analyzer, TEXT)
    without = run(without_attitudes, TEXT)
    assert [s.text for s in with_.spans if s.kind == "attitude"] == ["Republicans", "the Harlow Tenants Union",
                                                                     "Farmers", "Brandt"]
    assert not [s for s in without.spans if s.kind == "attitude"]
    got = [(s.start, s.end, s.label, s.entry, s.attrs) for s in with_.spans if s.kind == "attribution"]
    want = [(s.start, s.end, s.label, s.entry, s.attrs) for s in without.spans if s.kind == "attribution"]
    assert got == want and len(got) == 2  # Quist said, said Lena Marr
    sourcing = {k: v for k, v in with_.metrics.items() if not k.startswith("attitudes")}
    assert sourcing == {k: v for k, v in without.metrics.items() if not k.startswith("attitudes")}
    assert with_.metrics["attributions"] == 2
    assert with_.metrics["attitudes"] == 4
    assert with_.metrics["attitudes_by_category"] == {"evaluation": 1, "intention": 1, "support": 2}
    assert without.metrics["attitudes"] == 0


def test_attribution_metrics_ignore_attitude_spans(analyzer):
    res = run(analyzer, TEXT)
    from framelens.text.segmentation import segment

    doc = Document(id="t", text=TEXT)
    seg = segment(TEXT)
    spans = list(res.spans)
    plain = attribution_metrics(doc, seg, [s for s in spans if s.kind != "attitude"])
    full = attribution_metrics(doc, seg, spans)
    assert {k: v for k, v in full.items() if not k.startswith("attitudes")} == \
        {k: v for k, v in plain.items() if not k.startswith("attitudes")}
    assert plain["attitudes"] == 0 and full["attitudes"] == 4


def test_the_pack_loads_and_every_entry_cites_a_source():
    lx = load_lexicon(shipped_lexicons()["attitude_verbs"])
    assert lx.kind == "attitude_verb" and lx.entries
    cited = {s["id"] for s in lx.sources}
    assert all(s.get("citation") for s in lx.sources)
    for e in lx.entries:
        assert e.source and set(e.source) <= cited, e.id
        assert e.category in CLASSES, e.id
        assert e.role == "term" and e.notes, e.id  # no stop entries: they would block other kinds' hits
    assert {e.category for e in lx.entries} == CLASSES


def test_attitudes_are_listed_in_the_resources():
    from framelens.extract.attribution import AttributionExtractor

    names = [r["name"] for r in AttributionExtractor().resources()]
    assert names == ["source_types", "attitude_verbs"]


_PIECES = ["Quist", "Republicans", "the county", "she", "they", "I", "wants", "want", "plans to", "the plan",
           "supports", "support", "voted for", "backed", "does not", "never", "feel", "sees", "a vote", "said",
           "that", "who", "\"", "''", ",", ".", " ", "\n\n", "-", "$2 million", "to", "by"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
def test_random_mixtures_give_consistent_attitude_spans(analyzer, pieces):
    text = " ".join(pieces)
    res = run(analyzer, text)
    attribution_cues = {(s.attrs["cue_start"], s.attrs["cue_end"]) for s in res.spans if s.kind == "attribution"}
    for s in res.spans:
        if s.kind != "attitude":
            continue
        assert text[s.start:s.end] == s.text and s.text.strip()
        cue = (s.attrs["cue_start"], s.attrs["cue_end"])
        assert text[cue[0]:cue[1]] == s.attrs["cue"]
        assert s.label == s.attrs["category"] in CLASSES
        assert not any(a < cue[1] and cue[0] < b for a, b in attribution_cues)  # an attitude never takes a cue
        assert isinstance(s.attrs["negated"], bool)
