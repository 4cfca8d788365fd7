"""Speed changes of issue 17 (eighth session) that must leave every output as it was.

Each test compares a faster form with the form it replaced: the page-furniture pattern with its look-behind
first, ``copy.copy`` of an attribution, the speaker labels tried on every sentence, and the source
normalisation run twice on one document (the attitudes normalise copies of the attributions again, now with
per-document memos). Every text is fictional or random.
"""

from __future__ import annotations

import copy
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.attitude import copy_attribution
from framelens.extract.attribution.cues import _FURNITURE_CUE_RE, COLON_LABEL_RE
from framelens.extract.attribution.records import Attribution, Cue
from framelens.extract.attribution.resolve import normalise_sources
from framelens.extract.attribution.tokens import TokenCache
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer
from framelens.text.segmentation import segment

#: The page-furniture pattern as it was written before (look-behind first).
_OLD_FURNITURE_RE = re.compile(r"(?<![^\W_])(?:story\s+continue[sd]\s+below|continue[sd]\s+(?:on|from)\s+page)"
                               r"(?![^\W_])")

_PIECES = ["story", "continued", "continues", "continue", "below", "on", "from", "page", "s", "c", "history",
           "discontinued", "4", " ", "  ", "\n", "_", "-", "x", "é", "’", ".", ""]
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_furniture_pattern_unchanged(text):
    low = text.lower()
    assert [m.span() for m in _FURNITURE_CUE_RE.finditer(low)] == [m.span() for m in _OLD_FURNITURE_RE.finditer(low)]


def test_furniture_pattern_on_hand_checked_text():
    low = "the mayor said. story continued below\ncontinued on page 4. history continued below. discontinued on page"
    assert [low[a:b] for a, b in (m.span() for m in _FURNITURE_CUE_RE.finditer(low))] == \
        ["story continued below", "continued on page"]  # 'history' and 'discontinued' are other words


def test_copy_attribution_is_a_shallow_copy():
    cue = Cue(10, 14, "neutral", "report_verb", "speech")
    a = Attribution(0, 9, cue, "indirect", "person", None, True, (15, 30), "author", rule="left", mention=(0, 9))
    b = copy_attribution(a)
    assert b == copy.copy(a) and b is not a and type(b) is Attribution
    assert b.cue is a.cue  # shallow, as copy.copy
    b.source = "Lena Marr"
    assert a.source is None  # a field set on the copy leaves the original alone


_ANALYZER = None


def _extract(text: str):
    """``(attribution extractor, segmentation, spans before it, its spans)`` of ``text``, as the pipeline runs it."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs", "attribution"]))
    doc = Document(id="t", text=text)
    seg = segment(text)
    before = []
    for ex in _ANALYZER.extractors:
        if ex.name == "attribution":
            return ex, seg, before, ex.extract(doc, seg, before)
        before.extend(ex.extract(doc, seg, before))
    raise AssertionError("no attribution extractor")


def test_speaker_labels_only_in_sentences_with_a_colon():
    text = ("Lena Marr: We will appeal the ruling. The hearing ran late. Aldo Quist: The levy stands.\n\n"
            "Time: 10 a.m. Nobody spoke after that.")
    ex, seg, before, _ = _extract(text)
    low = text.lower()
    labels = [(c.start, c.end) for c in ex.cue_finder.find(text, seg, before, low) if c.kind == "colon"]
    # the labels found by trying the pattern on every sentence (the loop this replaced)
    every = []
    for start, end in seg.sentences:
        m = COLON_LABEL_RE.match(text, start, end)
        if m is not None:
            every.append((m.end(1), m.end(1) + 1))
    assert labels == every
    assert all(text[a] == ":" for a, _ in labels)
    assert [a for a, _ in labels[:2]] == [text.index(": We"), text.index(": The levy")]


def test_normalising_twice_with_the_document_memos_gives_the_first_result():
    text = ("State Sen. Agnes Pilbeam said the levy was dead. Pilbeam added that the board would meet. "
            "She said it would vote in May. Reporter Louise Story said the vote was close.")
    ex, seg, before, spans = _extract(text)
    sources = [s.attrs["source"] for s in spans if s.kind == "attribution"]
    assert sources[:2] == ["Agnes Pilbeam", "Agnes Pilbeam"]  # 'Pilbeam' is the full name read before
    raw = _raw_attributions(ex, text, seg, before)
    first = [copy_attribution(a) for a in raw]
    second = [copy_attribution(a) for a in raw]
    cache = TokenCache(text, seg)
    normalise_sources(ex.names, seg, first, cache)  # fills the document's memos
    normalise_sources(ex.names, seg, second, cache)  # reads them
    fresh = [copy_attribution(a) for a in raw]
    normalise_sources(ex.names, seg, fresh, TokenCache(text, seg))
    facts = [[(a.source, a.source_type, a.source_id, a.resolved_from) for a in attrs]
             for attrs in (first, second, fresh)]
    assert facts[0] == facts[1] == facts[2]
    assert [f[0] for f in facts[0]] == sources


def _raw_attributions(ex, text: str, seg, before) -> list[Attribution]:
    """The attributions of ``text`` as the rules find them, before normalisation (as the extractor has them)."""
    from framelens.extract.attribution.context import cue_context
    from framelens.extract.attribution.rules import apply_rules

    low = text.lower()
    cache = TokenCache(text, seg, low)
    out = []
    for cue in ex.cue_finder.find(text, seg, before, low):
        ctx = cue_context(ex.words, ex.typer, ex.names, seg, cache, [q.start for q in seg.quotes], cue)
        found = apply_rules(ctx) if ctx is not None else None
        if found is not None:
            out.append(found)
    return out
