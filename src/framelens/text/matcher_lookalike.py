"""An entry's look-alike rules (``not_followed_by``, ``followed_by``, ``not_preceded_by``), compiled once for the
matcher's scan: each word list one regex, each rule a check the scan calls directly (:meth:`LookAlike.checks`).
"""

from __future__ import annotations

import re

from ..lexicon import Entry
from . import senses

__all__ = ["NUMBER_WORDS", "LookAlike", "SEPARATORS", "SEPARATOR_RUN", "NON_ASCII_NEXT"]

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions trillion dozen dozens half a an".split()
)
_LETTERS = re.compile("[a-z]+")
#: the next character after separators is not ASCII
NON_ASCII_NEXT = re.compile("[ \n-]*[^\x00-\x7f]")
#: separators between a not_preceded_by word and a hit that one regex search covers
SEPARATORS = 6
SEPARATOR_RUN = " " * (SEPARATORS + 1)


class LookAlike:
    """An entry's look-alike rules, compiled once: each word list is one regex, and each rule a check that the
    scan calls directly (:meth:`checks`). Words may be separated by spaces, hyphens and line breaks."""

    def __init__(self, entry: Entry):
        #: matches at the end of a hit when a ``not_followed_by`` word follows
        self.not_followed = senses.words_regex(entry.not_followed_by, "[ \\n-]*", senses.WORD_END)
        #: matches at the end of a hit when a ``followed_by`` word follows
        self.followed_rx = senses.words_regex(entry.followed_by, "[ \\n-]*", senses.WORD_END)
        self.followed = bool(entry.followed_by)
        self.number = "<NUM>" in entry.followed_by  # any number follows
        #: with ``<NUM>``: a followed_by word, an ASCII digit, a currency sign or a number word follows; where it
        #: does not and a non-ASCII character follows (a digit of another script?) :meth:`followed_after` decides
        self.followed_num_rx = None
        if self.number:
            words = [re.escape(w) for w in sorted(entry.followed_by, key=lambda w: (-len(w), w)) if w != "<NUM>"]
            numbers = "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w)))
            self.followed_num_rx = re.compile(
                "[ \\n-]*(?:" + ("(?:" + "|".join(words) + ")" + senses.WORD_END + "|" if words else "")
                + "[0-9$£€]|(?:" + numbers + ")(?![a-z]))")
        #: searched right before a hit (separators skipped): a ``not_preceded_by`` word ends there
        self.not_preceded = senses.words_regex(entry.not_preceded_by, senses.WORD_START, r"\Z")
        #: the same, with up to any number of separators before the hit (searched in a window: see checks)
        self.not_preceded_sep = senses.words_regex(entry.not_preceded_by, senses.WORD_START, r"[ \n-]*\Z")
        self.longest_preceding = max((len(w) for w in entry.not_preceded_by), default=0)
        ends = {w[-1:] for w in entry.not_preceded_by}  # last characters; None where one is empty or a separator
        self.preceding_ends = None if ends & {"", " ", "\n", "-"} else "".join(sorted(ends))

    def checks(self) -> tuple:
        """``(vetoed_after, required_after, vetoed_before)``, each None or what the scan calls for the rule: a hit
        ``norm[s:e]`` is dropped when ``vetoed_after(norm, e)`` is truthy, when ``required_after`` = ``(match,
        exact)`` does not find the word or number after it, or when ``vetoed_before`` = ``(search, reach,
        preceded, ends)`` finds a word before it (see the scan; ``ends``: :attr:`preceding_ends`)."""
        required = None
        if self.number:
            required = (self.followed_num_rx.match, self.followed_after)
        elif self.followed:
            required = (self.followed_rx.match, None)
        before = None
        if self.not_preceded is not None:
            # the word, up to SEPARATORS separators, the hit: one regex search ending at the hit; longer runs of
            # separators (a few blank lines) go to the exact method
            before = (self.not_preceded_sep.search, self.longest_preceding + SEPARATORS, self.preceded,
                      self.preceding_ends)
        return (None if self.not_followed is None else self.not_followed.match, required, before)

    def followed_after(self, norm: str, e: int) -> bool:
        """A ``followed_by`` word, or (``<NUM>``) a number, follows ``norm[:e]``."""
        if self.followed_rx is not None and self.followed_rx.match(norm, e):
            return True
        if not self.number:
            return False
        j = e
        n = len(norm)
        while j < n and norm[j] in " -\n":
            j += 1
        c = norm[j:j + 1]
        if c.isdigit() or (c and c in "$£€"):
            return True
        m = _LETTERS.match(norm, j, j + 12)
        return bool(m) and m.group() in NUMBER_WORDS

    def preceded(self, norm: str, s: int) -> bool:
        """A ``not_preceded_by`` word ends right before ``norm[s:]`` (separators between)."""
        i = s
        while i > 0 and norm[i - 1] in " -\n":
            i -= 1
        return self.not_preceded.search(norm, max(0, i - self.longest_preceding), i) is not None
