"""A cheap "is this English?" check: the share of a text's words that are common English function words.

framelens's lexicons are English; a German or Spanish article is analysed to all
zeros without any error. Function words (articles, pronouns, prepositions,
auxiliaries, conjunctions) make up roughly 40-50% of the running words of any
English prose, news included, and are rare in other languages' text, so their
share separates English from non-English text of a paragraph or more. This
is a warning, not a language identifier: it does not say which language a text
is in, and a text mixing languages gets an in-between share.

Why no library: langdetect (the one small pure-Python detector in the package
lists) is unmaintained since 2021, draws random numbers unless a global seed is
set (the library must not touch global state) and loads 55 language profiles;
this check needs only a yes/no for English.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

__all__ = ["FUNCTION_WORDS", "MIN_ENGLISH_SHARE", "MIN_WORDS", "LanguageCheck", "english_share", "check_english"]

#: About 50 of the most frequent English function words (hand-made; closed-class words only). A few are also words
#: of other languages (Spanish "a"; German "in", "an", "was"); the threshold allows for them.
FUNCTION_WORDS = frozenset("""
the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they
which you were her she there been their has would will its we our who
these those them than into
""".split())

#: Below this share of function words, a text is probably not English. English news prose is usually at 0.3-0.45, and
#: a page that is mostly a list of names and places (a timeline, a results table) falls to about 0.2; German, Spanish,
#: French, Italian, Portuguese and Dutch news text is at 0-0.07 (they share only "a", "in" and the odd loan word).
MIN_ENGLISH_SHARE = 0.12

#: Texts with fewer words than this are not judged (too few words to tell).
MIN_WORDS = 20

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: ``_WORD`` for a lower-cased text with no letter beyond ASCII: a letter is then one of a-z, so the matches are the
#: same, found without a Unicode category look-up per character (the repeats are possessive: nothing follows them;
#: Python 3.10 reads no possessive repeat, so there they are the plain greedy ones, with the same matches)
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_ASCII_WORD = re.compile(r"[a-z]+" + _POSSESSIVE + r"(?:['’][a-z]+" + _POSSESSIVE + r")*" + _POSSESSIVE)
_ASCII = bytes(range(128))


@dataclass(frozen=True)
class LanguageCheck:
    """The result of :func:`check_english`.

    Attributes
    ----------
    words : int
        Words counted.
    share : float
        Share of them that are :data:`FUNCTION_WORDS` (nan when there are no words).
    english : bool or None
        False when the share is below the threshold, None when the text is too short to tell.
    """

    words: int
    share: float
    english: bool | None

    @property
    def warning(self) -> bool:
        """True when the text is probably not English."""
        return self.english is False


def english_share(text: str) -> tuple[int, float]:
    """``(words, share)``: the number of words of ``text`` and the share that are English function words.

    Parameters
    ----------
    text : str

    Returns
    -------
    (int, float)
        The share is nan for a text without words.
    """
    low = text.lower()
    # the characters beyond ASCII, in order (every byte of their UTF-8 sequences is beyond ASCII)
    wide = low.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")
    pattern = _WORD if any(c.isalnum() and not c.isdecimal() for c in set(wide)) else _ASCII_WORD
    words = pattern.findall(low)
    if not words:
        return 0, float("nan")
    return len(words), sum(map(FUNCTION_WORDS.__contains__, words)) / len(words)


def check_english(text: str, *, min_share: float = MIN_ENGLISH_SHARE, min_words: int = MIN_WORDS) -> LanguageCheck:
    """Whether ``text`` looks like English (see the module docstring).

    Parameters
    ----------
    text : str
    min_share : float, default 0.12
        Function-word share below which the text is called not English.
    min_words : int, default 20
        Shorter texts are not judged (``english`` is None).

    Returns
    -------
    LanguageCheck
    """
    n, share = english_share(text)
    if n < min_words:
        return LanguageCheck(n, share, None)
    return LanguageCheck(n, share, share >= min_share)
