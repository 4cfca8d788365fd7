"""The naming words a declined label needs (framelens.text.senses.NAMING_CUES, issue 17): the matcher's scan finds
where they end, and a label with none of them within DECLINED_REACH before it skips senses.declined, which would
say False. Checked against the written-out rule on hypothesis-made text and on hand-checked examples; the texts
are fictional."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text import senses
from framelens.text.matcher import get_matcher
from framelens.text.matcher_text import lower, prepare, scanned
from framelens.text.senses import DECLINED_REACH, NAMING_CUES, declined, naming_cue_before

PIECES = ["did not call them", "never described them as", "refused to label", "stopped calling", "recalled",
          "referendum", "dubious", "branded", "the term", "the words", "the phrase", "not", "n't", "without",
          "illegal aliens", "illegals", "so-called", "radical left", "they", "said", "a", " ", " ", "\n", "\n\n", "-",
          "“", "’", ".", ";", "?"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)


def _cue_ends(norm: str) -> list[int]:
    """Where each occurrence of a naming word ends, found one by one."""
    ends = []
    for c in NAMING_CUES:
        i = norm.find(c)
        while i >= 0:
            ends.append(i + len(c))
            i = norm.find(c, i + 1)
    return sorted(ends)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_scan_finds_every_naming_word(text):
    m = get_matcher()
    low = lower(text)
    scan, norm = scanned(low)
    _, _, spec = m._scan(scan)
    cues: list[int] = []
    heads = m._heads(spec, low, cues)
    if heads is None:  # the offset map: the matcher scans the prepared text
        norm = prepare(text)[0]
        _, _, spec = m._scan(norm)
        cues = []
        m._heads(spec, None, cues)
    assert cues == _cue_ends(norm)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_no_naming_word_before_means_not_declined(text):
    norm = prepare(text)[0]
    ends = _cue_ends(norm)
    for s in range(len(norm) + 1):
        if not naming_cue_before(ends, s):
            assert not declined(norm, s), (text, s)


def test_every_declined_cue_holds_a_naming_word():
    # the first half of senses._declined_cues, as a list: a window that passes it holds one of NAMING_CUES
    for before in ("did not call", "not labelled", "never described", "no longer referred to", "not branded",
                   "not dubbed", "not using the term", "not the word", "without the phrase"):
        assert senses._declined_cues(before) and any(c in before for c in NAMING_CUES), before
    for before in ("did not say", "never named", "they were not"):
        assert not senses._declined_cues(before) and not any(c in before for c in NAMING_CUES), before


def test_hand_checked_labels():
    m = get_matcher()
    text = "Officials did not call them illegal aliens. Later a senator called them illegal aliens."
    uses = [(text[h.start:h.end], h.use) for h in m.match(text) if h.entry.id == "illegal_alien"]
    assert uses == [("illegal aliens", "mention"), ("illegal aliens", "use")]
    far = ("They did not call anyone anything at all that day, and in the long and detailed report that followed "
           "weeks later, illegal aliens.")
    s = far.index("illegal aliens")
    assert s - (far.index("call") + 4) > DECLINED_REACH  # the naming word is out of reach
    assert not naming_cue_before(_cue_ends(lower(far)), s) and not declined(lower(far), s)
    assert [h.use for h in m.match(far) if h.entry.id == "illegal_alien"] == ["use"]
