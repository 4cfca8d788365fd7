"""The text the matcher scans (framelens.text.matcher_text, issue 17). It keeps the line breaks of blank lines
(scanned): every lexicon key matches it where it matches the quick normalisation, and its pairs of separators still
say which texts need the offset map. Its lower case comes from the UTF-8 bytes where that is the same (lower).
Checked against the plain path (the quick normalisation scanned, str.lower) on hypothesis-made text and on
hand-checked examples. Words are fictional or common English, chosen for the tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text.matcher import Matcher, get_matcher
from framelens.text.matcher_text import lower, needs_map, prepare, quick, scanned

# words of the shipped packs, words that hold them, a mention cue, and separators of every sort (line breaks
# alone, in pairs and in threes, next to spaces and hyphens)
PIECES = ["illegal", "immigrants", "illegal immigrants", "said", "aid", "war on drugs", "the term", "the", "term",
          "so-called", "far-right", "radical left", "really", "ally", "could", "about", "5", "é", "İ", "’", "'", "“",
          ".", ",", " ", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "\n\n\n\n", " \n", "\n ", " \n\n", "\n\n ", "-", "-\n",
          "\n-", "--", "\t", "\r\n", "\xa0", "\u2010", "\u2009"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
_PAIRS = ("  ", " \n", "\n ")


def _facts(m: Matcher, text: str, keep_lines: bool):
    """The candidates, the other whole-word matches and what the scan says about the offset map, for the text
    the matcher scans (keep_lines) or for the quick normalisation."""
    low = lower(text)
    scan = scanned(low)[0] if keep_lines else quick(low)
    cand, rest, spec = m._scan(scan)
    # (the pairs of separators are the scan's own keys, not an entry's: they differ, and only say what _heads says)
    return cand, [x for x in rest if m._auto.keys[x[0]] not in _PAIRS], m._heads(spec, low)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_the_scanned_text_finds_what_the_quick_text_finds(text):
    m = get_matcher()
    low = lower(text)
    scan, norm = scanned(low)
    assert norm == quick(low) and len(scan) == len(norm)
    # it differs from the quick normalisation only where a line break stays
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(scan, norm))
    kept = _facts(m, text, True)
    plain = _facts(m, text, False)
    assert kept[0] == plain[0] and kept[1] == plain[1]  # the same matches, in the same order
    # the offset map is asked for exactly when the full normalisation makes one, and the mention cues are the same
    assert (kept[2] is None) == (plain[2] is None) == (prepare(text)[1] is not None)
    if kept[2] is not None:
        assert kept[2] == plain[2]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_matching_is_the_same_with_and_without_the_kept_line_breaks(text):
    m = get_matcher()
    assert m._keeps_lines  # the shipped packs allow it
    hits = m.match(text)
    m._keeps_lines = False
    try:
        assert m.match(text) == hits
    finally:
        m._keeps_lines = True


def test_hand_checked_scanned_texts():
    # blank lines only: the line breaks stay, so a paragraph break is no pair of spaces
    assert scanned("one\n\ntwo") == ("one\n\ntwo", "one  two")
    assert scanned("one\n\n\ntwo-three") == ("one\n\n\ntwo three", "one   two three")
    # a line break alone: a phrase may run on over it, so the scanned text is the quick normalisation
    assert scanned("illegal\nimmigrants\n\nsaid") == ("illegal immigrants  said",) * 2
    assert scanned("starts\n") == ("starts ",) * 2 and scanned("\nends") == (" ends",) * 2
    # no line break at all
    assert scanned("so’s it") == ("so's it", "so's it")


def test_pairs_next_to_a_kept_line_break_still_ask_for_the_map():
    m = get_matcher()
    for text, mapped in (("a \n\nb", True), ("a\n\n b", True), ("a\n\nb", False), ("a-\n\nb", False),
                         ("a\n\n-b", False), ("a\n\n\nb", False), ("a  \n\nb", True)):
        low = lower(text)
        scan = scanned(low)[0]
        assert "\n" in scan, text  # these keep their line breaks
        _, _, spec = m._scan(scan)
        pairs = [s for k, s, _ in spec if m._auto.keys[k] in _PAIRS]
        assert needs_map(low, False, pairs) is mapped, text
        assert (m._heads(spec, low) is None) is mapped, text
        assert (prepare(text)[1] is not None) is mapped, text


def test_a_phrase_over_a_line_break_and_none_over_a_blank_line():
    m = get_matcher()
    one = "They met illegal\nimmigrants there."
    two = "They met illegal\n\nimmigrants there."
    assert "illegal immigrants" in [one[h.start:h.end].replace("\n", " ") for h in m.match(one)]
    assert not any("\n" in two[h.start:h.end] for h in m.match(two))


def _lower_rule(text: str) -> str:
    """The rule of matcher_text.lower written out: str.lower, one character at a time where a lower case is longer."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=40)
       | st.lists(st.sampled_from(["Said", "ILLEGAL", "“", "”", "—", "É", "é", "Σ", "ΑΣ", "σ", "İ", "ǅ", "Ⅷ", "ﬁ",
                                  "ß", "\ud800", "\udfff", "🎉", " ", "\n", "A"]), max_size=20).map("".join))
def test_lower_is_str_lower_one_character_at_a_time(text):
    got = lower(text)
    assert got == _lower_rule(text) and len(got) == len(text)


def test_lower_hand_checked():
    assert lower("The “Illegal” Word") == "the “illegal” word"  # ASCII letters, other characters kept
    assert lower("ÉLAN — OK") == "élan — ok"  # a capital beyond ASCII: the plain path
    assert lower("ΟΔΟΣ ΣΑ") == "οδος σα"  # a final sigma, by str.lower's own rule
    assert lower("İzmir") == "İzmir"  # a lower case two characters long stays as it is
