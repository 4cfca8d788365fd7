"""Speed changes of issue 17 (ninth session) outside the attribution rules that must leave every output as it was.

Each test compares a faster form with the form it replaced: the gender-title pattern with a look-ahead of the
titles' first letters, the sentence tokeniser's split with possessive repeats, the words of direct quotations
counted in one call over the quotations joined by spaces, and ASCII names folded without Unicode normalisation.
Every text is fictional or random.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import gender
from framelens.extract.attribution.identity import _fold
from framelens.extract.attribution.metrics import _direct_quote_words
from framelens.extract.attribution.tokens import PUNCT_PAT, TOKEN_RE, WORD_PAT, _TOKEN_SPLIT_RE, tokenize
from framelens.model import Document, Span
from framelens.text.segmentation import count_words, segment

#: The gender-title pattern as it was written before (no look-ahead).
_OLD_TITLE_RE = re.compile(r"\b(" + "|".join(sorted(gender._TITLES, key=len, reverse=True)) +
                           r")\.?[^\S\n]+((?:[A-Z][\w’'\-]*\.?[^\S\n]+){0,2}[A-Z][\w’'\-]+)")
#: The tokeniser's split as it was written before (greedy repeats).
_OLD_SPLIT_RE = re.compile("(" + WORD_PAT + "|" + PUNCT_PAT + ")")

_NAME_PIECES = ["Mr", "Mrs", "Ms", "Miss", "Sir", "Lady", "Congresswoman", "Spokesman", "Prince", "Princess",
                "Ada", "Quill", "Tom", "Reyes", "O'Dell", "Lu-Vance", "mr", "Mr.", "MrX", "AMr", "_Mr", "9Mr", ".",
                " ", "  ", "\n", "\t", "\u00a0", ",", "’", "é", "É", "-", "x", ""]
_name_texts = st.lists(st.one_of(st.sampled_from(_NAME_PIECES), st.text(max_size=3)), max_size=30).map("".join)
_TOKEN_PIECES = ["don't", "Ode-Vance", "rock’n’roll", "U.S.", "3,000", "x_y", "__", "'", "’", "-", "‐", "‑", "--",
                 "a-", "-b", " ", "\n", "é", "ß", "İ", "٣", "!", "?", "“", "”", "(", ")", "said", "Quill", ""]
_token_texts = st.lists(st.one_of(st.sampled_from(_TOKEN_PIECES), st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_name_texts)
def test_title_pattern_unchanged(text):
    assert [(m.span(), m.groups()) for m in gender._TITLE_RE.finditer(text)] == \
        [(m.span(), m.groups()) for m in _OLD_TITLE_RE.finditer(text)]


def test_title_pattern_on_hand_checked_text():
    text = "Mrs. Ada Quill met Spokesman Tom Reyes and AMr Lo; Sir  Tom spoke. Mr.\nReyes did not."
    assert [m.groups() for m in gender._TITLE_RE.finditer(text)] == \
        [("Mrs", "Ada Quill"), ("Spokesman", "Tom Reyes"), ("Sir", "Tom")]  # no title glued to 'A', none over \n
    assert gender.gender_evidence(text, ["Ada Quill", "Tom Reyes"]) == {"Ada Quill": "f", "Tom Reyes": "m"}


@settings(max_examples=400, deadline=None)
@given(_token_texts)
def test_token_split_unchanged(text):
    assert _TOKEN_SPLIT_RE.split(text) == _OLD_SPLIT_RE.split(text)
    assert [(t.start, t.end, t.text) for t in tokenize(text, 0, len(text))] == \
        [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def test_token_split_on_hand_checked_text():
    text = "Ode-Vance's rock’n’roll--no."
    assert [t.text for t in tokenize(text, 0, len(text))] == ["Ode-Vance's", "rock’n’roll", "-", "-", "no", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(_token_texts, max_size=8))
def test_words_of_pieces_counted_joined(pieces):
    # a word never holds white space, so the pieces joined by spaces hold the sum of their words
    assert count_words(" ".join(pieces)) == sum(count_words(p) for p in pieces)


def _direct(seg, content: tuple[int, int]) -> Span:
    return Span("attribution", 0, 1, "x", "direct", None, "author", 0,
                {"content_start": content[0], "content_end": content[1]})


def test_direct_quote_words_on_hand_checked_text():
    text = ('"We will appeal the ruling today," Ada Quill said. She called it "a sad day". '
            'The "Daily Ledger" said nothing. "No," Reyes said.')
    seg = segment(text)
    labels = {text[q.content_start:q.content_end]: q.label for q in seg.quotes}
    assert labels == {"We will appeal the ruling today,": "direct", "a sad day": "partial", "Daily Ledger": "title",
                      "No,": "partial"}
    doc = Document("d1", text)
    assert _direct_quote_words(doc, seg, []) == 6  # the one direct quotation
    # a partial quotation inside a direct attribution's content counts too ('a sad day': 3 words, 'No,': 1);
    # a title never does, even inside one
    sad, no, ledger = text.index("a sad day"), text.index("No,"), text.index("Daily")
    contents = [(sad - 1, sad + 10), (no - 1, no + 4), (ledger - 1, ledger + 13)]
    assert _direct_quote_words(doc, seg, [_direct(seg, c) for c in contents]) == 10
    assert _direct_quote_words(doc, seg, [_direct(seg, contents[2])]) == 6


def _old_fold(s: str) -> str:
    """``identity._fold`` as it was written before (no ASCII short cut)."""
    for _ in range(2):
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return s


def test_fold_of_every_ascii_character_unchanged():
    # NFKD and case folding work character by character on ASCII, so every ASCII string folds as its characters
    assert all(_fold(chr(i)) == _old_fold(chr(i)) for i in range(128))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3400, blacklist_categories=("Cs",)), max_size=12))
def test_fold_unchanged(s):
    assert _fold(s) == _old_fold(s)


def test_fold_on_hand_checked_names():
    assert [_fold(n) for n in ("Ada O'Dell", "Yulín Cruz", "ẞtraße", "㎁")] == ["ada o'dell", "yulin cruz", "sstrasse",
                                                                              "na"]


def _old_extractor_lower(text: str) -> str:
    """The attribution extractor's lower-cased text as it was computed before (it now reads ``seg.lower``)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


_CASE_PIECES = ["Ada", "QUILL", "İstanbul", "ΣΟΦΙΑ Σ", "ẞ", "“Said”", "don’t", "ǅ", "Ⅻ", "\n", " ", "É", "ı", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CASE_PIECES), st.text(max_size=4)), max_size=20).map("".join))
def test_segmentation_lower_is_the_extractors(text):
    seg = segment(text)
    assert seg.lower == _old_extractor_lower(text) and len(seg.lower) == len(text)
    assert seg.lower is seg.lower  # computed once


def test_segmentation_lower_on_hand_checked_text():
    assert segment("İzmir’s MAYOR “Said”").lower == "İzmir’s mayor “said”"  # dotted capital I keeps its length
