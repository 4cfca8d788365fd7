"""Speed changes of issue 17 (eleventh session) that must leave every output as it was.

Each test compares a faster form with the form it replaced: the sentence split by an ASCII pattern where every
letter and digit of the piece is ASCII (the token view); a document's surnames found in one Aho-Corasick pass
instead of one ``str.find`` scan each (pronoun resolution); the antecedent windows counting names in plain
dictionaries instead of ``Counter`` objects; the relative-clause split of a source tried only where a relative
pronoun's letters stand; the word before a name read from the end instead of by a pattern searched forward
(source identity). Every text is fictional or random.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter, deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import identity, resolve, tokens
from framelens.extract.attribution.tokens import Token, tokenize_with_starts
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer

# -- the forms replaced ------------------------------------------------------------------------------------------

_first = operator.itemgetter(0)


def _old_tokenize_with_starts(text: str, start: int, end: int):
    """tokens.tokenize_with_starts as it was (every piece split by the Unicode pattern)."""
    n = len(text)
    start, end = min(max(start, 0), n), min(max(end, 0), n)
    parts = tokens._TOKEN_SPLIT_RE.split(text[start:end])
    if len(parts) == 1:
        return [], []
    bounds = list(itertools.accumulate(map(len, parts), initial=start))
    starts = bounds[1:-1:2]
    texts = parts[1::2]
    firsts = list(map(_first, texts))
    return starts, list(map(tuple.__new__, itertools.repeat(Token),
                            zip(starts, bounds[2::2], texts, map(str.lower, texts),
                                map(str.isalnum, firsts), map(str.isupper, firsts))))


def _old_words_positions(text: str, words: list[str]) -> dict[str, list[int]]:
    """What resolve._surname_events read before: one str.find scan per surname (resolve._word_positions)."""
    return {word: resolve._word_positions(text, word) for word in words}


class _OldWindow:
    """resolve._Window as it was (Counter objects for the counts)."""

    def __init__(self, people: bool = False):
        self.people = people
        self.queue: deque = deque()
        self.counts: Counter = Counter()
        self.para = None
        self.para_counts: Counter = Counter()
        self.last_unnamed = -1
        self.speaker = -1

    def push(self, item) -> None:
        self.queue.append(item)
        if item[7]:
            self.speaker = item[0]
        self.counts[item[2]] += 1
        if item[1] == self.para:
            self.para_counts[item[2]] += 1

    def advance(self, para: int) -> None:
        while self.queue and self.queue[0][1] < para - resolve._WINDOW_PARAGRAPHS:
            old = self.queue.popleft()
            self.counts[old[2]] -= 1
            if not self.counts[old[2]]:
                del self.counts[old[2]]
        if para != self.para:
            self.para = para
            self.para_counts = Counter()
            for item in reversed(self.queue):
                if item[1] != para:
                    break
                self.para_counts[item[2]] += 1

    pick = resolve._Window.pick


# characters of every class the patterns tell apart: ASCII letters and digits, the underscore, the apostrophes and
# hyphens that join a word, ASCII and other white space (the information separators are white space to ``\s``),
# punctuation in and outside ASCII, letters and digits outside ASCII (accented, Greek, superscript, Arabic-Indic),
# a character outside the BMP, control characters
_ALPHABET = list("aZq09_'’-‐‑ \n\t\x1c\x1f.,;:!?\"“”()–—…éÉßΩ²٣\x00\x7f") + \
    ["\U0001d400", "İ", "\xa0", "\u2009", "Quill", "said", "O'Neil", "e-mail", "Ana’s"]
_TEXT = st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join)


# -- the token split ---------------------------------------------------------------------------------------------

def test_by_hand():
    text = "“We won’t stop,” said Ana O'Neil-Reyes, 42 — the e-mail_list’s owner…"
    assert tokens._NON_ASCII_ALNUM_RE.search(text) is None  # curly quotation marks and dashes are no letters
    got = [t.text for t in tokenize_with_starts(text, 0, len(text))[1]]
    assert got == ["“", "We", "won’t", "stop", ",", "”", "said", "Ana", "O'Neil-Reyes", ",", "42", "—", "the",
                   "e-mail", "list’s", "owner", "…"]  # (the underscore is neither a word character here nor a mark)
    assert tokens._NON_ASCII_ALNUM_RE.search("José said") is not None
    assert [t.text for t in tokenize_with_starts("José’s ²", 0, 8)[1]] == ["José’s", "²"]


def test_non_ascii_alnum_pattern_is_isalnum():
    # a character outside ASCII is a letter or digit to ``[^\W_]`` exactly when str.isalnum says so
    for code in itertools.chain(range(0x80, 0x10000), range(0x10000, 0x110000, 97)):
        c = chr(code)
        assert (tokens._NON_ASCII_ALNUM_RE.fullmatch(c) is not None) == c.isalnum(), hex(code)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_ascii_split_is_the_unicode_split(text):
    if tokens._NON_ASCII_ALNUM_RE.search(text) is None:
        assert tokens._ASCII_SPLIT_RE.split(text) == tokens._TOKEN_SPLIT_RE.split(text)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.integers(-3, 60), st.integers(-3, 60))
def test_tokenize_with_starts_as_before(text, start, end):
    assert tokenize_with_starts(text, start, end) == _old_tokenize_with_starts(text, start, end)


def test_tokens_as_token_re():
    # (the definition the split stands for)
    text = "“Ana’s e-mail,” she said (twice) in Δelta_2 ²."
    assert [(t.start, t.end, t.text) for t in tokenize_with_starts(text, 0, len(text))[1]] == \
        [(m.start(), m.end(), m.group()) for m in re.finditer(tokens.TOKEN_RE, text)]


# -- surnames: one pass for all -----------------------------------------------------------------------------------

def test_surnames_by_hand():
    text = "Quill said. Quill's aide, Quillon and Marr-Quill met on May 6; May said Ana Ana-Marr and Anna agree."
    words = ["Quill", "May", "Ana", "Marr", "Ann", ""] + ["Nobody%d" % k for k in range(resolve._ONE_PASS_WORDS)]
    for n in (6, len(words)):  # searched one word at a time, and all in one pass
        got = resolve._words_positions(text, words[:n])
        assert {w: got[w] for w in words[:6]} == {
            "Quill": [0, 12], "May": [text.index("May said")], "Ana": [text.index("Ana Ana")], "Marr": [], "Ann": [],
            "": []}  # not Quillon, Marr-Quill, Quill-like, 'May 6', Ana-Marr, Anna


_WORDS = st.lists(st.sampled_from(["Quill", "Quil", "l", "ll", "Q", "May", "é", "Ana", "ana", "nan", "'s", "Quill-Ro",
                                   ""]), unique=True, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Quill", "Quil", "l", "'", "’", "-", "_", " ", "\n", "6", ",", "é", "Q", "ana", "n",
                                 "May", "\U0001d400", "Ro"]), max_size=24).map("".join), _WORDS)
def test_words_positions_as_one_scan_per_word(text, words):
    expected = _old_words_positions(text, words)
    assert resolve._words_positions(text, words) == expected
    kept = resolve._ONE_PASS_WORDS
    resolve._ONE_PASS_WORDS = 1  # (the one-pass search for any number of words)
    try:
        assert resolve._words_positions(text, words) == expected
    finally:
        resolve._ONE_PASS_WORDS = kept


_ANALYZER = None


def _attribution_facts(text: str) -> list[tuple]:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = Analyzer(AnalysisConfig())
    result = _ANALYZER.analyze_document(Document(id="t", text=text))
    return [(s.kind, s.start, s.end, s.label, s.entry, tuple(sorted((k, repr(v)) for k, v in s.attrs.items())))
            for s in result.spans if s.kind in ("attribution", "attitude")]


_PEOPLE = ["Ada Quill", "Tom Reyes", "Lena Marr", "Bill Quill", "Mayor Ivo Dunlop", "Mrs. Quill", "Quill", "Reyes",
           "Marr", "Dunlop", "May", "Theresa May"]
_SENTENCES = ["{p} said the levy was dead.", "He said it would pass.", "She added that the vote was close.",
              "\"We will appeal,\" {p} said.", "\"{p} lied,\" she said.", "They said the board would meet on May 6.",
              "{p} wants the money back.", "It said {p}'s aide had left.", "\n\n"]
_ARTICLES = st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from(_PEOPLE)), min_size=1, max_size=20).map(
    lambda parts: " ".join(s.format(p=p) for s, p in parts))


@pytest.fixture(scope="module")
def patcher():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@settings(max_examples=60, deadline=None)
@given(_ARTICLES)
def test_extractor_unchanged(patcher, text):
    # the whole extractor with the former surname scan and the former windows gives the same spans
    new = _attribution_facts(text)
    with patcher.context() as m:
        m.setattr(resolve, "_words_positions", _old_words_positions)
        m.setattr(resolve, "_Window", _OldWindow)
        assert _attribution_facts(text) == new


def test_extractor_by_hand():
    text = ("Ada Quill, the mayor, spoke on Monday. Quill said the levy was dead. She added that it would pass.\n\n"
            "Tom Reyes disagreed. \"We will appeal,\" Reyes said. He said the board would meet on May 6.")
    facts = {(f[0], text[f[1]:f[2]]): dict(f[5]) for f in _attribution_facts(text)}
    assert facts[("attribution", "She")]["source"] == repr("Ada Quill")
    assert facts[("attribution", "He")]["source"] == repr("Tom Reyes")


# -- the antecedent windows ---------------------------------------------------------------------------------------

_STEPS = st.lists(st.one_of(
    st.tuples(st.just("push"), st.integers(0, 6), st.sampled_from(["Quill", "Reyes", "Marr"]), st.booleans()),
    st.tuples(st.just("advance"), st.integers(0, 8))), max_size=40)


@settings(max_examples=500, deadline=None)
@given(st.booleans(), _STEPS)
def test_window_as_with_counters(people, steps):
    new, old = resolve._Window(people), _OldWindow(people)
    pos = 0
    for step in steps:
        if step[0] == "push":
            pos += 1
            item = (pos, step[1], step[2], step[2], "person", True, True, step[3])
            new.push(item)
            old.push(item)
        else:
            new.advance(step[1])
            old.advance(step[1])
        assert new.counts == dict(old.counts) and new.para_counts == dict(old.para_counts)
        assert list(new.queue) == list(old.queue) and (new.para, new.speaker) == (old.para, old.speaker)
        if new.para is not None:  # (a pronoun's window is advanced to its paragraph before it is picked from)
            assert new.pick() == old.pick()


# -- the word before a name -----------------------------------------------------------------------------------------

def _old_word_before(text: str, lo: int, pos: int):
    m = identity._WORD_BEFORE_RE.search(text, lo, pos)
    return m.group(1) if m is not None else None


def test_word_before_by_hand():
    text = "said district attorney Mark Ellis; CNN's  Jake Tapper, 2nd-term Sen. Ada Quill and 42 Reyes"
    for name, word in (("Mark", "attorney"), ("Jake", "CNN's"), ("Ada", "Sen."), ("Reyes", None),
                       ("said", None), ("Sen.", "nd-term")):  # (no word before a digit-only one; from the first letter)
        pos = text.index(name)
        assert identity._word_before(text, max(0, pos - 40), pos) == word


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(list("aZé²5_.-'’ \n\t\xa0,;(") + ["Sen", "CNN's", "42", "Dr."]), max_size=16)
       .map("".join), st.integers(-2, 50), st.integers(-2, 50))
def test_word_before_as_the_pattern(text, lo, pos):
    lo = max(0, lo)  # (callers pass max(0, pos - 40))
    assert identity._word_before(text, lo, pos) == _old_word_before(text, lo, pos)


# -- the relative clause of a source -------------------------------------------------------------------------------

@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["officials", " who", " whom", " whose", " which", " that", " What", " Who", ",", " ",
                                 "\n", "wh", "at", "th", " reviewed", "anyone"]), max_size=10).map("".join))
def test_relative_clause_only_where_its_letters_stand(mention):
    split = resolve._RELATIVE_CLAUSE_RE.split(mention, 1)
    if "wh" not in mention and "that" not in mention:  # the test _source_string makes before splitting
        assert split == [mention]
    assert resolve._RELATIVE_CLAUSE_RE.split("officials who reviewed it", 1)[0] == "officials"
