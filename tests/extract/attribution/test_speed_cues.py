"""Cue finding by one automaton pass (issue 17): the cues are those of the regular-expression passes it replaced.

The reference below is the finder as it was before the automaton: each word list's trie pattern run over the
whole lower-cased text with the word-boundary check on every match, the refusal keys by their own pattern, the
'in ... poll' pattern with its look-behind first, and the speaker-label pattern tried on every sentence. Every
text is fictional or random.
"""

from __future__ import annotations

import bisect
import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import AttributionExtractor
from framelens.extract.attribution.cues import (COLON_LABEL_RE, IN_POLL_RE, CueFinder, find_words, finditer_at,
                                                first_words, words_compile)
from framelens.extract.attribution.records import Cue
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer
from framelens.text.segmentation import segment

#: The 'in ... poll' pattern as it was written before (look-behind first).
_OLD_IN_POLL_RE = re.compile(r"(?<![^\W_])in\s+((?:[^\s,;:()\"“”‘’]+\s+){0,6}?(?:polls?|surveys?))"
                             r"(?![^\W_\-‐‑])")


def _hyphen_compound(low: str, start: int, end: int) -> bool:
    """A report verb glued by a hyphen to a word (letters) before it that is no verb prefix, or to letters after
    it: the compound rule of round eleven, restated on slices ('court-ordered', 'add-on'; 're-tweeted' is a verb)."""
    before = low[:start]
    if before.endswith("-"):
        letters = "".join(itertools.takewhile(str.isalpha, reversed(before[:-1])))[::-1]
        if letters and letters not in {"re", "co", "pre", "mis", "cross", "counter", "over", "under", "out", "up",
                                       "down", "back", "fore", "inter", "de", "dis", "un"}:
            return True
    return low[end:end + 1] == "-" and low[end + 1:end + 2].isalpha()


def reference_find(finder: CueFinder, text: str, seg, spans, low: str) -> list[Cue]:
    """The cues as the regular-expression passes found them (the algorithm the automaton replaced)."""
    candidates = []  # (priority, cue)
    if finder.no_response_re is not None:
        seen = -1
        for key in finder.no_response_key_re.finditer(low):
            if key.start() < seen:
                continue
            for m in finder.no_response_re.finditer(text, max(0, key.start() - 60), min(len(text), key.end() + 80)):
                if m.start() >= seen:
                    candidates.append((0, Cue(m.start(), m.end(), "neutral", "no_response", "no_response")))
                    seen = m.end()
            seen = max(seen, key.end())
    for s in spans:
        if s.kind != "report_verb" or s.attrs.get("use", "use") != "use" or _hyphen_compound(low, s.start, s.end):
            continue
        category = s.attrs.get("category")
        kind = "according_to" if category == "according_to" else "report_verb"
        candidates.append((1, Cue(s.start, s.end, s.attrs.get("stance") or "neutral", kind, category)))
    if finder.document_cue_re is not None:
        for start, end in find_words(finder.document_cue_re, low):
            form = " ".join(low[start:end].split())
            if form not in finder.cues:
                candidates.append((2, Cue(start, end, finder.document_cues.get(form, "neutral"), "document_cue",
                                          "document")))
    if finder.cue_re is not None:
        for start, end in find_words(finder.cue_re, low):
            form = " ".join(low[start:end].split())
            candidates.append((3, Cue(start, end, finder.cues.get(form, "neutral"), "cue", "cognition")))
    for start, end in find_words(re.compile(r"call(?:ed|s|ing)?"), low):
        candidates.append((5, Cue(start, end, "neutral", "call", "call")))
    for m in _OLD_IN_POLL_RE.finditer(low):
        candidates.append((6, Cue(m.start(), m.start() + 2, "neutral", "in_poll", "document")))
    for sentence_start, sentence_end in seg.sentences:
        m = COLON_LABEL_RE.match(text, sentence_start, sentence_end)
        if m is not None:
            candidates.append((4, Cue(m.end(1), m.end(1) + 1, "neutral", "colon", "colon")))
    candidates.sort(key=lambda c: (c[0], c[1].start))
    taken, out = [], []
    for _, cue in candidates:
        i = bisect.bisect_left(taken, (cue.start, cue.end))
        if (i > 0 and taken[i - 1][1] > cue.start) or (i < len(taken) and taken[i][0] < cue.end):
            continue
        taken.insert(i, (cue.start, cue.end))
        out.append(cue)
    out.sort(key=lambda c: c.start)
    return out


@pytest.fixture(scope="module")
def pipeline():
    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"]))
    attribution = next(e for e in analyzer.extractors if e.name == "attribution")
    return analyzer, attribution


def _cues_both_ways(pipeline, text: str):
    analyzer, attribution = pipeline
    doc = Document(id="t", text=text)
    seg = segment(text)
    spans = []
    for ex in analyzer.extractors:
        if ex is attribution:
            break
        spans.extend(ex.extract(doc, seg, spans))
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    finder = attribution.cue_finder
    return finder.find(text, seg, spans, low), reference_find(finder, text, seg, spans, low)


def test_cues_of_a_hand_written_text(pipeline):
    text = ("Lena Marr: We will appeal. In a Quill Institute poll released Monday, 52 percent backed the levy. "
            "Officials made  it\nclear that the plan was dead, and the audit showed a gap. Ray Dunn declined to "
            "comment. Aldo Quist called the plan \"a relic\". The board believes the unsaid rule stands.")
    got, want = _cues_both_ways(pipeline, text)
    assert got == want
    found = {(text[c.start:c.end], c.kind) for c in got}
    assert (":", "colon") in found
    assert ("In", "in_poll") in found
    assert ("made  it\nclear", "cue") in found  # any white space between the words of a multi-word form
    assert ("showed", "document_cue") in found
    assert ("declined to comment", "no_response") in found
    assert ("called", "call") in found
    assert ("believes", "cue") in found
    assert not any(text[c.start:c.end] == "said" for c in got)  # 'unsaid' holds no cue


_WORDS = ["said", "say", "made", "makes", "it", "clear", "point", "pointed", "to", "in", "a", "the", "poll",
          "polls", "survey", "showed", "shown", "estimate", "estimated", "believes", "think", "call", "called",
          "comment", "declined", "respond", "did", "not", "Marr", "MARR", "Quist", "unsaid", "remade", "thinks"]
_GLUE = [" ", "  ", "\n", "\t", "-", "'", "’", "_", ",", ".", ": ", ":", "\"", "“", "", "İ", "é"]
_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_GLUE), st.text(max_size=3)),
                  max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_texts)
def test_cues_agree_with_the_regular_expression_passes(pipeline, text):
    got, want = _cues_both_ways(pipeline, text)
    assert got == want


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_in_poll_pattern_unchanged(text):
    low = text.lower()
    assert [m.span(1) for m in IN_POLL_RE.finditer(low)] == [m.span(1) for m in _OLD_IN_POLL_RE.finditer(low)]
    for k in range(len(low) + 1):  # the in_poll rule matches it at a cue
        a, b = IN_POLL_RE.match(low, k), _OLD_IN_POLL_RE.match(low, k)
        assert (a and a.span(1)) == (b and b.span(1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["said", "say", "says", "made clear", "made it clear", "point to", "to", "sai"]),
                min_size=1, max_size=6), _texts)
def test_finditer_at_the_openings_is_finditer(forms, text):
    pattern = words_compile(forms)
    low = text.lower()
    heads = {f.split(" ")[0] for f in forms}
    starts = sorted({i for h in heads for i in range(len(low)) if low.startswith(h, i)})
    assert finditer_at(pattern, low, starts) == [m.span() for m in pattern.finditer(low)]


def test_lists_without_a_literal_opening_are_searched_by_their_patterns(pipeline):
    assert first_words(["said", "made clear"]) == ["said", "made"]
    assert first_words(["said", " said"]) is None  # no literal opening: the list is not put in the automaton
    analyzer, _ = pipeline
    ex = AttributionExtractor()
    ex.cue_finder._scanned = 0  # every list searched by its own pattern
    text = "Officials made it clear they said nothing. Ray Dunn declined to comment. They believe it."
    seg = segment(text)
    low = text.lower()
    assert ex.cue_finder.find(text, seg, [], low) == reference_find(ex.cue_finder, text, seg, [], low)
    assert ex.cue_finder.find(text, seg, [], low) == AttributionExtractor().cue_finder.find(text, seg, [], low)


def test_lone_surrogates_and_pickling(pipeline):
    text = "Ray Dunn \ud800 said the levy failed. They believe \U0001F600 it. Lena Marr: We will appeal."
    got, want = _cues_both_ways(pipeline, text)
    assert got == want
    assert [text[c.start:c.end] for c in got if c.kind == "cue"] == ["believe"]
    import pickle

    ex = pickle.loads(pickle.dumps(AttributionExtractor()))  # the automaton is rebuilt after unpickling
    seg = segment(text)
    assert [c for c in ex.cue_finder.find(text, seg, [], text.lower()) if c.kind == "cue"] == \
        [c for c in got if c.kind == "cue"]


def test_pre_check_patterns_are_searched_in_place(pipeline):
    """The document-noun and *be* pre-checks of every document verb are patterns of whole words, which
    ``matches_between`` searches in place; a list entry with a hyphen or an apostrophe ('op-ed', "isn't") would
    make one a per-document listing (measured: 4% of the analysis when 'op-ed' was a document noun)."""
    from framelens.extract.attribution.context import _BE_RE
    from framelens.extract.attribution.tokens import _WORD_SETS

    _, attribution = pipeline
    assert attribution.words.document_word_re in _WORD_SETS
    assert _BE_RE in _WORD_SETS
