"""The matcher's text side (framelens.text.matcher_text, issue 17): the quick normalisation and what the scan
finds about it decide as the full normalisation does, and the scan keeps exactly the whole-word matches. Each
fast path is checked against the plain rule written out here, on hypothesis-made text. Words are fictional
or common English, chosen for the tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.lexicon import load_lexicons
from framelens.text.matcher import Matcher, get_matcher
from framelens.text.matcher_mentions import META_HEADS, mention_sites
from framelens.text.matcher_text import ODD_CHARS, lower, needs_map, prepare, quick

# separators of every sort the normalisation knows, and words
SEPARATED = st.lists(st.sampled_from(["aid", "said", "war", "on", "drugs", "Ally", "really", "U.S.", "é", "9", " ", "  ",
                                      "\n", "\n\n", "\n\n\n", " \n", "\n ", "-", "--", " - ", "\t", "\r\n", "\xa0",
                                      "\u2010", "\u2009", "’", "'", ".", ",", "“"]), max_size=30).map("".join)


def _scan_facts(low: str) -> tuple[bool, list[int]]:
    """What a scan of the quick text finds: any character of ODD_CHARS, and every pair of spaces (overlapping)."""
    q = quick(low)
    return any(c in q for c in ODD_CHARS), [i for i in range(len(q) - 1) if q[i:i + 2] == "  "]


@settings(max_examples=400, deadline=None)
@given(SEPARATED)
def test_quick_normalisation_is_the_full_one_unless_the_scan_asks_for_the_map(text):
    low = lower(text)
    norm, amap = prepare(text)
    odd, pairs = _scan_facts(low)
    assert needs_map(low, odd, pairs) == (amap is not None)
    if amap is None:
        assert quick(low) == norm


@settings(max_examples=200, deadline=None)
@given(SEPARATED)
def test_the_matchers_scan_finds_what_asks_for_the_map(text):
    m = get_matcher()
    low = lower(text)
    _, _, spec = m._scan(quick(low))
    assert (m._heads(spec, low) is None) == (prepare(text)[1] is not None)


def test_hand_checked_texts_that_ask_for_the_map():
    for text, mapped in (("illegal  immigrants", True), ("illegal\n\nimmigrants", False), ("a\tb", True),
                         ("well-known", False), ("end \nof line", True), ("end\n of line", True),
                         ("three\n\n\nbreaks", False), ("non\u2010stop", True), ("curly’s", False)):
        assert (prepare(text)[1] is not None) is mapped, text
        low = lower(text)
        assert needs_map(low, *_scan_facts(low)) is mapped, text


# a small pack of its own: short words that sit inside longer ones ("aid" in "said"), a phrase, an abbreviation
_PACK = Path(tempfile.mkdtemp()) / "scan_terms.csv"
_PACK.write_text("term,category,id\naid,c,aid\nwar,c,war\nwar on drugs,c,wod\nally,c,ally\nu.s.,c,us\n"
                 "drugs,c,drugs\n", encoding="utf-8")
PIECES = ["aid", "said", "war", "toward", "war on drugs", "drugs", "ally", "really", "u.s.", "U.S.", "é", "2", "_",
          " ", "-", "\n", ".", ",", "'", "the term", "the words", "bathe terms", "“"]
GLUED = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(GLUED)
def test_scan_keeps_exactly_the_whole_word_matches(text):
    m = Matcher(load_lexicons([str(_PACK)], defaults=False))
    norm, _ = prepare(text)
    cand, rest, spec = m._scan(norm)
    keys = m._auto.keys
    want_cand, want_rest, want_spec = set(), set(), set()
    pad = norm + " \0"  # what the scan reads: the text, a space and a NUL (no key holds one)
    for k, key in enumerate(keys):
        i = pad.find(key)
        while i >= 0:
            e = i + len(key)
            whole = (i == 0 or not norm[i - 1].isalnum()) and not pad[e].isalnum()
            if k >= m.n_keys or m._special[k]:
                want_spec.add((k, i, e))
            if whole:  # an entry's key of one plain entry is a candidate, any other waits for a closer look
                if m._simple[k] is None:
                    want_rest.add((k, i, e))
                else:
                    want_cand.add((i, -e) + m._simple[k])
            i = pad.find(key, i + 1)
    assert set(cand) == want_cand and len(cand) == len(want_cand)
    assert set(rest) == want_rest and len(rest) == len(want_rest)
    assert set(spec) == want_spec and len(spec) == len(want_spec)


@settings(max_examples=300, deadline=None)
@given(GLUED)
def test_mention_sites_from_the_scanned_cues_equal_one_search(text):
    norm, _ = prepare(text)
    heads = [i for i in range(len(norm)) if norm.startswith(META_HEADS, i)]
    assert mention_sites(text, norm, None, heads) == mention_sites(text, norm, None)


def test_mention_cue_after_the_term():
    text = "They used the term aid on purpose."
    norm, _ = prepare(text)
    assert mention_sites(text, norm, None, [norm.index("the term")]) == {text.index("aid")}


def test_a_users_term_that_is_also_a_mention_cue(tmp_path):
    # the scan's added key "the word" is also the pack's term: one key serves both
    pack = tmp_path / "cues.csv"
    pack.write_text("term,category,id\nthe word,c,tw\nillegal aliens,c,ia\nthe term,c,tt\n", encoding="utf-8")
    m = Matcher(load_lexicons([str(pack)], defaults=False))
    text = "He said the word illegal aliens and the term twice, the terms."
    assert [(h.start, h.end, h.entry.id, h.use) for h in m.match(text)] == [
        (8, 16, "tw", "use"), (17, 31, "ia", "mention"), (36, 44, "tt", "use"), (52, 61, "tt", "use")]
