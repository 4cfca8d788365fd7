"""The cheap checks in front of the context rules (framelens.text.senses) against the plain evaluation they skip,
on hypothesis-made text: the word pre-check of ``near`` rules, the span that holds a sentence, the gate of
entries whose rules all ask for following words, and the number check. Words are made-up or everyday English,
with the characters whose lower case is unusual (dotted capital I, Kelvin sign, Greek sigma); nothing here is
news text."""

from __future__ import annotations

import types

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.lexicon.context import ContextRule
from framelens.text import senses
from framelens.text.segmentation import segment

_WORDS = ["Law", "law", "LAW", "lawful", "by", "under", "the", "permitted", "Permitted", "drug", "first-time",
          "time", "sex", "x.y", "it's", "law’s", "O’Neil", "_x", "é", "9", "İ", "İN", "in", "\u212aill", "kill",
          "ΣΟΦΟΣ", "σοφος", "may", "May", "you", "not", "legally"]
_SEPARATORS = [" ", " ", " ", ", ", "-", "\n", ". ", "! ", "? ", "\n\n", "  ", " (", ") ", "\u2010", "\t"]
_text = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + sep for w, sep in parts))
_phrases = st.lists(st.lists(st.sampled_from(["law", "by", "under", "the", "permitted", "drug", "first", "time",
                                              "it's", "in", "kill", "σοφος", "x.y", "é"]),
                             min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5)


def _plain_near(text, os_, oe, seg, phrases, window):
    """The rule as written in docs/lexicon-format.md: a phrase among the window's words, phrase by phrase."""
    a, b = senses._sentence_bounds(text, os_, oe, seg)
    sides = [senses._words(text[a:os_])[-window:], senses._words(text[oe:b])[:window]]
    return any(side and any((" " + p + " ") in (" " + " ".join(side) + " ") for p in phrases) for side in sides)


@settings(max_examples=500, deadline=None)
@given(_text, st.integers(0, 400), st.integers(0, 12), _phrases, st.integers(1, 6), st.booleans(), st.integers(4, 60))
def test_near_with_the_word_pre_check_decides_as_the_plain_rule(text, start, length, phrases, window, with_seg,
                                                                  look):
    os_ = min(start, len(text))
    oe = min(len(text), os_ + length)
    seg = segment(text) if with_seg else None
    old, senses._LOOK = senses._LOOK, look  # a short look, so that both the span and its fall-back are used
    try:
        fast = senses._near(text, os_, oe, seg, senses.near_regex(phrases), window, senses.near_words(phrases))
        unchecked = senses._near(text, os_, oe, seg, senses.near_regex(phrases), window, None)
    finally:
        senses._LOOK = old
    assert fast == unchecked == _plain_near(text, os_, oe, seg, phrases, window)


@settings(max_examples=500, deadline=None)
@given(_text, st.integers(0, 400), st.integers(0, 12), st.integers(4, 60))
def test_the_cheap_span_holds_the_sentence(text, start, length, look):
    os_ = min(start, len(text))
    oe = min(len(text), os_ + length)
    old, senses._LOOK = senses._LOOK, look
    try:
        span = senses._sentence_span(text, os_, oe)
        a, b = senses._sentence_bounds(text, os_, oe, None)
    finally:
        senses._LOOK = old
    if span is not None:
        assert span[0] <= a and b <= span[1]


def test_near_words_take_one_plain_word_of_each_phrase():
    words = senses.near_words(["permitted", "under the law", "by law", "first time"])
    assert words.words == ("permitted", "under", "law", "first")  # the longest word; one of each kept once
    assert senses.near_words(["it's"]) is None  # no word without an apostrophe: no pre-check
    assert senses.near_words(["law", "σοφος"]) is None  # nor without an ASCII one
    assert words.any_in("he said it was under review") and not words.any_in("he said it was fine")
    assert words.any_in("a lone \ud800 surrogate, then the law")  # searched without the automaton


def test_near_on_hand_checked_sentences_with_and_without_segmentation():
    text = ("The council said tenants may keep pets. Nothing is permitted\n\nin the hall. "
            "Owners may be permitted to build.")
    first, second = text.index("may"), text.rindex("may")
    rx, words = senses.near_regex(["permitted"]), senses.near_words(["permitted"])
    for seg in (None, segment(text)):
        assert not senses._near(text, first, first + 3, seg, rx, 5, words)  # "permitted" is in the next sentence
        assert senses._near(text, second, second + 3, seg, rx, 5, words)  # two words after
        assert not senses._near(text, second, second + 3, seg, rx, 1, words)  # but not the next word


def _rule(sense, **kw):
    return ContextRule(sense=sense, then="drop", **{k: frozenset(v) for k, v in kw.items()})


_FOLLOWING = ["a", "an", "one", "ones", "dozens", "9", "²", "$5", "£", "be", "not", "not legally", "legally",
              "you", "many", "the", "x", "", "thousandsfold"]
_norm = st.lists(st.sampled_from(_FOLLOWING), max_size=8).map(" ".join) | st.text(alphabet="a nt9$l²o", max_size=12)
_RULE_SETS = [
    [_rule("n", followed_by=["<NUM>"])],
    [_rule("q", followed_by=["a", "an", "one"]), _rule("n", followed_by=["<NUM>", "many"])],
    [_rule("l", followed_by=["legally", "not legally"]), _rule("b", followed_by=["be", "not"],
                                                               preceded_by=["you"])],
    [_rule("f", followed_by=["be"], form=["may"]), _rule("p", preceded_by=["you"])],  # no gate: a rule without
]


@settings(max_examples=500, deadline=None)
@given(_norm, _norm, st.sampled_from(range(len(_RULE_SETS))))
def test_the_gate_and_the_number_check_decide_as_the_rules_one_by_one(before, after, which):
    norm = (before + " may " + after).strip(" ") if before else "may " + after
    s = norm.index("may")
    e = s + 3
    rules = senses.compile_rules(types.SimpleNamespace(context=tuple(_RULE_SETS[which])))
    ungated = senses.CompiledRules(rules)  # the same rules without the gate
    assert ungated.gate is None and (rules.gate is not None) == (which < 3)
    got = senses.first_compiled(rules, norm, norm, s, e, int, None)
    assert got is senses.first_compiled(ungated, norm, norm, s, e, int, None)
    # and the number check as written before its regex pre-check
    j = e
    while j < len(norm) and norm[j] == " ":
        j += 1
    m = senses._LETTERS.match(norm, j, j + 12)
    plain = (j < len(norm) and (norm[j].isdigit() or norm[j] in "$£€")) or bool(m and m.group() in
                                                                               senses._NUMBER_WORDS)
    assert senses._number_follows(norm, e) == plain
