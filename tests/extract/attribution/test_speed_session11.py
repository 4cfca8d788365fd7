"""Speed changes of issue 17 (eleventh session) that must leave every output as it was.

Each test compares a faster form with the form it replaced: the sentence split by an ASCII pattern where every
letter and digit of the piece is ASCII (the token view). Every text is fictional or random.
"""

from __future__ import annotations

import itertools
import operator
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import tokens
from framelens.extract.attribution.tokens import Token, tokenize_with_starts

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


# characters of every class the patterns tell apart: ASCII letters and digits, the underscore, the apostrophes and
# hyphens that join a word, ASCII and other white space (the information separators are white space to ``\s``),
# punctuation in and outside ASCII, letters and digits outside ASCII (accented, Greek, superscript, Arabic-Indic),
# a character outside the BMP, control characters
_ALPHABET = list("aZq09_'’-‐‑ \n\t\x1c\x1f.,;:!?\"“”()–—…éÉßΩ²٣\x00\x7f") + ["\U0001d400", "İ", "\xa0", "\u2009"]
_TEXT = st.lists(st.sampled_from(_ALPHABET + ["Quill", "said", "O'Neil", "e-mail", "Ana’s"]), max_size=40).map("".join)


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
