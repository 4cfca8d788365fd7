"""The matcher's fast paths give what the plain rules give (issue 17): compiled look-alike rules, bounded
word windows and sentence-boundary searches, mention rules tested once per document, hits by kind, and the
per-document sentence and voice lookups of the lexicon extractors. Each fast path is checked against the
plain rule written out here, on hypothesis-made text. Sentences are fictional, written for these tests."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import framelens
from framelens.extract._lexhits import EntryFacts, Where, hits_by_kind
from framelens.lexicon import Entry, load_lexicons
from framelens.model import Document
from framelens.text import senses
from framelens.text.matcher import NUMBER_WORDS, Hit, Matcher, _LookAlike, get_matcher
from framelens.text.segmentation import segment

# pieces of text: words the rules below name, numbers of several scripts ("٣" and "²" are digits to str.isdigit,
# the second not to the regex \d), currency, separators and punctuation
PIECES = ["about", "some", "may", "in", "since", "more", "of", "the", "half", "a", "an", "dozen", "twelve", "12",
          "٣٠", "²", "$5", "€", "é", "officials", "said", "the term", "word", "“", "”", "\"", " ", "  ", "-", "\n",
          "\n\n", ",", ".", "'"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
# the same pieces and some more, not always with a space between (a word may end right before a hit)
GLUED = st.lists(st.sampled_from(PIECES + ["u.s.", "(", "pre-", "é"]), max_size=30).map("".join) | TEXTS


def _entry(**kw) -> Entry:
    return Entry(id="x", term="about", phrases=("about",), category="c", **kw)


def naive_ok(entry: Entry, norm: str, s: int, e: int) -> bool:
    """The look-alike rules as the matcher stated them before issue 17: word by word, in Python."""
    n = len(norm)

    def starts_word(j, w):
        return norm.startswith(w, j) and (j + len(w) >= n or not norm[j + len(w)].isalnum())

    j = e
    while j < n and norm[j] in " -\n":
        j += 1
    if any(starts_word(j, w) for w in entry.not_followed_by if w != "<NUM>"):
        return False
    if entry.followed_by:
        ok = any(starts_word(j, w) for w in entry.followed_by if w != "<NUM>")
        if not ok and "<NUM>" in entry.followed_by:
            if j < n and (norm[j].isdigit() or norm[j] in "$£€"):
                ok = True
            else:
                m = re.match(r"[a-z]+", norm[j:j + 12])
                ok = bool(m) and m.group() in NUMBER_WORDS
        if not ok:
            return False
    i = s
    while i > 0 and norm[i - 1] in " -\n":
        i -= 1
    for w in entry.not_preceded_by:
        b = i - len(w)
        if b >= 0 and norm.startswith(w, b) and (b == 0 or not norm[b - 1].isalnum()):
            return False
    return True


def fast_ok(entry: Entry, norm: str, s: int, e: int) -> bool:
    """The same rules through the compiled checks, as the scan loop calls them."""
    after, required, before = _LookAlike(entry).checks()
    if after is not None and after(norm, e):
        return False
    if required is not None:
        found, exact = required
        if not found(norm, e) and (exact is None or not re.match("[ \n-]*[^\x00-\x7f]", norm[e:]) or not exact(norm, e)):
            return False
    if before is not None:
        search, reach, preceded, ends = before
        c = norm[s - 1] if s else " "  # the check on the character before, as the scan makes it
        if c in " \n-" and s > 1:
            c = norm[s - 2]
        if (ends is None or c in ends or c in " \n-") and search(norm, s - reach, s) or (
                s > 6 and norm.startswith(" " * 7, s - 7) and preceded(norm, s)):
            return False
    return True


ENTRIES = [
    _entry(followed_by=frozenset({"<NUM>", "half"})),
    _entry(followed_by=frozenset({"<NUM>"})),
    _entry(followed_by=frozenset({"the term", "officials"})),
    _entry(not_followed_by=frozenset({"more", "of the", "<NUM>"})),
    _entry(not_preceded_by=frozenset({"in", "since", "the"})),
    _entry(not_followed_by=frozenset({"said"}), not_preceded_by=frozenset({"officials", "a"}),
           followed_by=frozenset({"<NUM>", "a dozen"})),
    _entry(not_preceded_by=frozenset({"u.s.", "(", "é", "since"})),  # words ending in punctuation, a non-ASCII letter
    _entry(not_preceded_by=frozenset({"pre-", "in"})),  # a word ending in a separator: no check on the character
]


@settings(max_examples=300, deadline=None)
@given(GLUED, st.sampled_from(range(len(ENTRIES))))
def test_compiled_lookalike_rules_decide_as_the_word_by_word_rules(text, which):
    entry = ENTRIES[which]
    norm, _ = Matcher._prepare(text)
    for m in re.finditer(r"about", norm):
        assert fast_ok(entry, norm, m.start(), m.end()) == naive_ok(entry, norm, m.start(), m.end()), (norm, m.start())


def test_a_number_of_another_script_satisfies_num():
    # "٣" is a digit to str.isdigit: the rule's exact check decides where the compiled regex does not know
    entry = ENTRIES[1]
    for text, expected in (("about ٣٠ people", True), ("about ² people", True), ("about é people", False),
                           ("about twelve people", True), ("about twelves", False), ("about", False)):
        norm, _ = Matcher._prepare(text)
        assert fast_ok(entry, norm, 0, 5) is expected is naive_ok(entry, norm, 0, 5), text


def test_a_long_run_of_separators_still_reaches_the_preceding_word():
    entry = ENTRIES[4]
    norm = "since" + " " * 12 + "about"
    assert not fast_ok(entry, norm, 17, 22) and not naive_ok(entry, norm, 17, 22)
    norm = "sincere" + " " * 12 + "about"
    assert fast_ok(entry, norm, 19, 24) and naive_ok(entry, norm, 19, 24)


WORDS = st.lists(st.sampled_from(["Police", "said", "the", "first-time", "drug", "offenders", "O’Neil", "_x", "'quoted'",
                                  "it's", "é", "9", "-", " ", "\n", ".", "! ", "? ", "\n\n"]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(0, 60), st.integers(0, 60), st.integers(0, 6))
def test_bounded_word_windows_give_the_words_of_the_whole_span(text, a, b, k):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    assert senses._last_words(text, a, b, k) == senses._words(text[a:b])[-k:]
    assert senses._first_words(text, a, b, k) == senses._words(text[a:b])[:k]


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(0, 60), st.integers(1, 8))
def test_bounded_sentence_boundary_searches_find_the_nearest_boundary(text, pos, look):
    pos = min(pos, len(text))
    a = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos), text.rfind("\n\n", 0, pos))
    ends = [i for i in (text.find(". ", pos), text.find("! ", pos), text.find("? ", pos), text.find("\n\n", pos))
            if i >= 0]
    old, senses._LOOK = senses._LOOK, look  # a small window, so both the window and the whole-text search are used
    try:
        assert senses._boundary_before(text, pos) == (0 if a < 0 else a + 2)
        assert senses._boundary_after(text, pos) == (min(ends) + 1 if ends else len(text))
    finally:
        senses._LOOK = old


MENTIONS = st.lists(st.sampled_from(["The", "term", "the term", "the word", "“illegal aliens”", "'thugs'", "called",
                                     "said", "illegal aliens", "thugs", "did not call them", "allegedly", "crime",
                                     "radical left", ",", "."]), max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(MENTIONS)
def test_use_or_mention_as_the_rule_says_for_every_hit(text):
    # single spaces only: the text needs no offset map, so a hit's offsets are those of the normalised text
    seg = segment(text)
    norm, amap = Matcher._prepare(text)
    assert amap is None
    for h in get_matcher().match(text, seg):
        assert h.use == Matcher._use(text, norm, h.start, h.end, seg, h.kind == "loaded_term"), (text, h)


def test_lone_surrogates_do_not_stop_the_scan():
    m = get_matcher()
    text = "Officials said \ud800 the illegal aliens left."
    got = [(h.start, h.end, h.entry.id) for h in m.match(text)]
    assert got == [(h.start, h.end, h.entry.id) for h in m.match(text.replace("\ud800", "\ufffd"))]
    assert any(text[s:e] == "illegal aliens" for s, e, _ in got)


def test_hits_are_named_tuples_with_kind_and_ref():
    h = next(h for h in get_matcher().match("Critics slammed the plan.") if h.kind == "report_verb")
    assert isinstance(h, Hit) and isinstance(h, tuple)
    assert (h.start, h.end) == (8, 15) and h.use == "use" and h.stack == () and h.modifiers == ()
    assert h.ref == f"{h.lexicon.name}@{h.lexicon.version}:{h.entry.id}"


def test_hits_by_kind_keep_the_order_of_match():
    text = "Officials said the illegal aliens allegedly crossed, critics claimed, in a crime wave."
    seg = segment(text)
    m = get_matcher()
    by_kind = hits_by_kind(m, Document("d", text), seg)
    every = m.match(text, seg)
    assert sorted(by_kind) == sorted({h.kind for h in every})
    for kind, hits in by_kind.items():
        assert hits == [h for h in every if h.kind == kind]
    assert m.match_by_kind(text, seg) == by_kind


QUOTED = st.lists(st.sampled_from(["He", "said", "“It", "went", "well,”", "'fine'", "the", "chair", ".", "\n\n", "\"",
                                   "No", "?", "!"]), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(QUOTED)
def test_where_gives_the_sentence_and_voice_the_segmentation_gives(text):
    seg = segment(text)
    where = Where.of(seg)
    for pos in range(len(text) + 1):
        assert where.sentence(pos) == seg.sentence_at(pos)
        assert where.voice(pos) == seg.voice_at(pos)


def test_entry_facts_label_a_reporting_verb_by_its_stance():
    (lex,) = [lx for lx in load_lexicons([], defaults=True) if lx.kind == "report_verb"]
    entry = next(e for e in lex.entries if e.stance)
    got = EntryFacts(stance_label=True).learn(lex, entry)
    assert got == (lex, lex.entry_ref(entry), lex.ref, entry.stance)
    assert EntryFacts().learn(lex, entry)[3] == entry.category


def test_extractor_spans_match_the_hits():
    text = "Critics claimed the illegal aliens “allegedly” crossed in a crime wave, officials said."
    res = framelens.analyze(text).results[0]
    hits = get_matcher().match(text, segment(text))
    kinds = {"loaded_term": ("loaded_term", "neutral_term"), "report_verb": ("report_verb",),
             "frame_cue": ("frame_cue",)}
    for kind, span_kinds in kinds.items():
        spans = [(s.start, s.end, s.entry) for s in res.spans if s.kind in span_kinds]
        assert spans == [(h.start, h.end, h.ref) for h in hits if h.kind == kind]
