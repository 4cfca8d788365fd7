"""Hedges by class (the ``label`` of a ``hedge`` span) and the context rules that keep non-epistemic modals
out, each in both directions. Every sentence here is fictional, written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelens.extract.lexical import HEDGE, HEDGE_LABELS, HedgeExtractor
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer

_ANALYZER = Analyzer(AnalysisConfig(extractors=["structure", "hedges"], doc_timeout=None))


def hedges(text: str) -> list[tuple[str, str]]:
    """(surface, label) of every hedge span of ``text``, in order."""
    res = _ANALYZER.analyze_document(Document(id="t", text=text))
    return [(s.text, s.label) for s in res.spans if s.kind == "hedge"]


# (sentence, surface, expected label): the span covering exactly ``surface`` has that class
CLASSES = [
    # epistemic
    ("The storm may reach the coast by Friday.", "may", "epistemic"),
    ("The mayor might resign before the vote.", "might", "epistemic"),
    ("The fire possibly started in the kitchen.", "possibly", "epistemic"),
    ("Perhaps the bridge will reopen in spring.", "Perhaps", "epistemic"),
    ("The figures appear to show a decline.", "appear to", "epistemic"),
    ("Early results suggest a narrow margin.", "suggest", "epistemic"),
    ("The toll could rise as crews search the rubble.", "could", "epistemic"),
    ("It could not have happened the way the clerk described.", "could", "epistemic"),
    ("The driver must have been asleep at the wheel.", "must have been", "epistemic"),
    ("You may have heard the sirens last night.", "may", "epistemic"),
    # approximator: rounders before a number, adaptors
    ("About 40 people attended the Quillby hearing.", "About", "approximator"),
    ("Roughly 300 homes lost power.", "Roughly", "approximator"),
    ("Some 300 families left the valley.", "Some", "approximator"),
    ("The plan costs approximately $2 million.", "approximately", "approximator"),
    ("The council was somewhat divided on the levy.", "somewhat", "approximator"),
    ("About a dozen boats stayed in the harbour.", "About", "approximator"),
    ("The crossing took around an hour.", "around", "approximator"),
    # agentless passive of belief or report, no by-agent
    ("The Tarn Street mill is considered the oldest in the county.", "is considered", "agentless_passive"),
    ("The vote is expected to take place on Tuesday.", "is expected to", "agentless_passive"),
    ("It is believed that the ledger was burned.", "It is believed", "agentless_passive"),
    ("The hermit is said to have lived there for decades.", "is said to", "agentless_passive"),
    # agentless judgement and doubt (hedges 2.1.0)
    ("The Quillby ferry has been criticized as wasteful.", "has been criticized as", "agentless_passive"),
    ("The levy was widely praised for its clarity.", "was widely praised for", "agentless_passive"),
    ("Questions have been raised about the harbour contract.", "Questions have been raised", "agentless_passive"),
    ("Concerns were voiced about the new pier.", "Concerns were voiced", "agentless_passive"),
    ("Word is that the council will vote next week.", "Word is that", "vague_source"),
    ("The harbour figures are disputed.", "are disputed", "agentless_passive"),
    ("The inn has been described as the finest on the coast.", "has been described as", "agentless_passive"),
    ("The mural is widely regarded as a masterpiece.", "is widely regarded as", "agentless_passive"),
    ("The bakery is considered by many the best in town.", "is considered", "agentless_passive"),
    ("It has been suggested that the dam was poorly built.", "It has been suggested", "agentless_passive"),
    # vague source: unnamed or quantified holders of a view
    ("Some say the ferry should never have been sold.", "Some say", "vague_source"),
    ("Critics argue the levy favours landlords.", "Critics argue", "vague_source"),
    ("Many attribute the decline to the new bypass.", "Many attribute", "vague_source"),
    ("Many experts doubt the pier will last.", "Many experts", "vague_source"),
    ("According to some, the quarry closed in 1952.", "According to some", "vague_source"),
    ("Some residents said the water tasted of iron.", "Some residents said", "vague_source"),
    ("The treasurer reportedly left the country.", "reportedly", "vague_source"),
    # quantified holders (extract/hedging.py): quantifier, one to four words, a verb of saying or believing
    ("Some Tarn Valley growers worry that the frost will return.", "Some Tarn Valley growers worry", "vague_source"),
    ("Many longtime residents of Dunmore believe the mill is haunted.",
     "Many longtime residents of Dunmore believe", "vague_source"),
    # vague quantity
    ("Many shops on Ferrow Lane closed early.", "Many", "vague_quantity"),
    ("The crew found several cracks in the hull.", "several", "vague_quantity"),
    ("Numerous complaints reached the parish office.", "Numerous", "vague_quantity"),
    ("Some of the money was never recovered.", "Some", "vague_quantity"),
    # generality
    ("Councils generally approve such requests.", "generally", "generality"),
    ("The festival typically draws large crowds.", "typically", "generality"),
    ("The lighthouse keeper is often described as a recluse.", "is often described as", "agentless_passive"),
    ("The recipe is often credited to a monk.", "often", "generality"),
    ("The tonic was widely used in the 1890s.", "widely", "generality"),
    ("In general, the ward votes early.", "In general", "generality"),
    # unknown
    ("It is unclear whether the vault was opened.", "It is unclear whether", "unknown"),
    ("The motive was unclear, the sheriff said.", "was unclear", "unknown"),
    ("The cause of the blaze is not known.", "is not known", "unknown"),
    ("The origin of the carving remains a mystery.", "remains a mystery", "unknown"),
    ("Little is known about the first owners.", "Little is known", "unknown"),
]


@pytest.mark.parametrize("text,surface,label", CLASSES, ids=[r[1] + ":" + r[2] for r in CLASSES])
def test_hedge_class(text, surface, label):
    got = hedges(text)
    assert (surface, label) in got, got


# (sentence, surface that must NOT be a hedge span): the exclusions, each the other direction of a row above
EXCLUDED = [
    # ability modals: negated past ability, legal ability, means
    ("The lawyer could not legally have signed the deed.", "could"),
    ("Police could not enter the building until noon.", "could"),
    ("Few families could afford the new rents.", "could"),
    # the noun "might"
    ("Might makes right, the old warlord liked to say.", "Might"),
    ("They pushed with all their might.", "might"),
    ("The naval might of the empire waned.", "might"),
    # deontic must: obligation, and a requirement in the perfect
    ("Drivers must stop at the crossing.", "must"),
    ("Applicants must have lived in the county for two years.", "must have lived"),
    # permission and prohibition readings of may
    ("You may leave your coats in the hall.", "may"),
    ("Tenants may not legally withhold rent.", "may"),
    ("Residents, if eligible, may apply for the grant.", "may"),
    # the month and the surname
    ("The fair opens on May 5 in Dunmore.", "May"),
    # a named by-agent: sourced, not agentless
    ("The mill is considered by the county archivist the oldest in the region.", "is considered"),
    ("The proposal was considered by the committee on Monday.", "was considered"),
    ("The budget will be considered at the next meeting.", "be considered"),
    ("The suspect was known to police.", "was known to"),
    ("Concerns were raised by the county engineer in May.", "Concerns were raised"),
    ("The Alder seat is hotly contested this year.", "is hotly contested"),
    ("The harbour figures are disputed by the county.", "are disputed"),
    # naming uses of generality adverbs, and frequency adverbs over events
    ("The plant is commonly called the ghost orchid.", "commonly"),
    ("The ferry is often late in winter.", "often"),
    # "a" or "an" after about/around is no number unless a unit or a fraction follows
    ("Voters care about a fair rent.", "about"),
    ("The story pivots around a loyal son.", "around"),
    # a quantifier whose phrase ends before the verb (a relative clause, a comma) stays a vague quantity
    ("Some growers, who moved, said the frost was late.", "Some growers, who moved, said"),
    ("Some of the money was lost, officials said.", "Some of the money was lost, officials said"),
    # how many asks; a number after "some" is the approximator, not a vague quantity
    ("How many people attended?", "many"),
    # a named subject before a verb of saying is no vague source
    ("Mayor Ilsa Brant said the pier will reopen.", "Brant said"),
]


@pytest.mark.parametrize("text,surface", EXCLUDED, ids=[r[1] + ":" + r[0][:30] for r in EXCLUDED])
def test_excluded_readings(text, surface):
    got = hedges(text)
    assert all(s != surface for s, _ in got), got


def test_a_quantifier_without_a_verb_of_saying_stays_a_vague_quantity():
    assert hedges("Some growers, who moved, said the frost was late.")[0] == ("Some", "vague_quantity")
    assert hedges("Many shops on Ferrow Lane closed early.") == [("Many", "vague_quantity")]


def test_some_before_a_number_is_an_approximator_not_a_vague_quantity():
    assert hedges("Some 300 families left the valley.") == [("Some", "approximator")]
    assert hedges("Some families left the valley.") == [("Some", "vague_quantity")]


def test_every_label_is_declared_and_explained():
    from framelens.lexicon import load_lexicons

    declared = {k for k, _ in HEDGE_LABELS}
    hedge_pack = [lx for lx in load_lexicons() if lx.name == "hedges"][0]
    used = {e.category for e in hedge_pack.entries if e.role == "term"}
    assert used == declared
    assert all(f"`{k}`" in HEDGE.label_doc for k in declared)
    tip = HEDGE.tooltip_lines({"kind": "hedge", "label": "agentless_passive", "voice": "author", "entry": "x"})
    assert tip[0] == "hedge: agentless_passive" and "no one named" in tip[1]


def test_hedges_by_label_metric_counts_used_hedges():
    res = _ANALYZER.analyze_document(Document(id="m", text="Critics argue the vote may slip. Many shops closed. "
                                                             "It is unclear why."))
    assert res.metrics["hedges_by_label"] == {"vague_source": 1, "epistemic": 1, "vague_quantity": 1, "unknown": 1}
    assert res.metrics["hedges"] == 4
    assert "hedges" in HedgeExtractor.name


_WORDS = ["may", "might", "could", "not", "legally", "have", "been", "is", "widely", "considered", "by", "many",
          "some", "critics", "argue", "it", "unclear", "about", "40", "often", "described", "as", "the", "mill",
          "Some", "Many", "It", "generally", "must", "makes", "right", "\u2019s", "-", "\n", "  ", ",", ".", "\u201c",
          "\u201d", "\u00a0", "expected", "to"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=30), st.sampled_from([" ", "", "\t", "\n"]))
def test_hedge_offsets_slice_to_their_text(words, sep):
    text = sep.join(words)
    res = _ANALYZER.analyze_document(Document(id="h", text=text))
    for s in res.spans:
        if s.kind == "hedge":
            assert text[s.start:s.end] == s.text
            assert s.label in {k for k, _ in HEDGE_LABELS}
