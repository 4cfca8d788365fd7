"""The words after "according to <source>" up to the next punctuation (``kind_rules._ACCORDING_TAIL_RE``).

The pattern takes each word whole. An earlier version let the regex engine split a long word into
pieces, which made it backtrack exponentially on real articles (minutes for one call); these tests pin the
pattern to a plain word-by-word reading of the same rule, on hand-written and generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution.kind_rules import _ACCORDING_TAIL_RE

_STOP = set(",.;:!?()\"“”—–")
_BLOCKED = re.compile(r"(?:said|says|told|but|is|are|was|were|has|have|had|will|would)\b")


def reference_end(text: str, pos: int, end: int) -> int | None:
    """Where the rule's match ends, read word by word: at most 20 words (none of them a blocked word), each
    preceded by spaces or tabs, then optional spaces or tabs and a punctuation mark or the end."""
    i, words = pos, 0
    while True:
        j = i
        while j < end and text[j].isspace() and text[j] != "\n":
            j += 1
        if j == end or text[j] in _STOP or (text[j] == "\n" and j == end - 1):  # ``$`` also before a last newline
            return i
        if words == 20 or text[j].isspace() or _BLOCKED.match(text, j, end):
            return None
        k = j
        while k < end and not text[k].isspace() and text[k] not in _STOP:
            k += 1
        i, words = k, words + 1


def pattern_end(text: str, pos: int, end: int) -> int | None:
    m = _ACCORDING_TAIL_RE.match(text, pos, end)
    return None if m is None else m.end()


CASES = [
    (" of the county, the plan", 14),  # ' of the county' then the comma
    (", the plan failed.", 0),  # punctuation at once: an empty tail
    (" officials said the plan failed.", None),  # a blocked word before any punctuation
    (" " + " ".join(["word"] * 21) + ".", None),  # more than 20 words
    (" " + " ".join(["word"] * 20) + ".", 100),
    # the shape that used to backtrack for minutes: long words, no punctuation, more than 20 of them
    (" " + " ".join(["abcdefghijklmnopqrstuvwxyz"] * 30), None),
]


def test_hand_written_cases():
    for text, expected in CASES:
        assert pattern_end(text, 0, len(text)) == expected, text
        assert reference_end(text, 0, len(text)) == expected, text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "county", "said", "and", "Quist", "xxxxxxxxxxxx", " ", "  ", "\t", ",",
                                 ".", "\n", "—", "andrew", "butter", "”"]), max_size=40))
def test_pattern_equals_the_word_by_word_reading(parts):
    text = "".join(p if p in {" ", "  ", "\t", ",", ".", "\n", "—", "”"} else " " + p for p in parts)
    assert pattern_end(text, 0, len(text)) == reference_end(text, 0, len(text))
