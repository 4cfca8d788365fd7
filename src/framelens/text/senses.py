"""Word sense around a lexicon match: context rules, modifiers inside a label, declined labels.

The matcher (:mod:`framelens.text.matcher`) finds candidate matches; the functions here look at the
words around one candidate:

* :func:`first_rule` evaluates an entry's context rules (``context:`` in the pack,
  docs/lexicon-format.md) and returns the first rule that fires; the matcher compiles each entry's
  rules once (:func:`compile_rules`: each word list one regex) and calls :func:`first_compiled`;
* :func:`gap_end` extends a label's first word over up to two label modifiers to the rest of the
  label ("illegal *juvenile* immigrants"); the matcher walks the modifiers once per first word
  (:func:`gap_steps`) and tries each label that starts with it (:func:`gap_rest`);
* :func:`declined` says whether a label is named only to be declined ("did not call them ..."); the
  matcher's scan finds the naming words it needs (``NAMING_CUES``), so most labels skip it
  (:func:`naming_cue_before`).

They work on the original text (offsets, capitals) and on the matcher's normalised copy (lower
case, separators as single spaces), both given by the caller. Word windows and sentence boundaries
are searched near the match first and in the whole sentence or text only when that is not enough
(same result: see ``_last_words`` and ``_boundary_before``).

Most matches fire no context rule, so cheap necessary conditions come first, each giving the same
answer as the full evaluation (tests/text/test_senses_fast.py): a ``near`` rule first looks for one
word of each of its phrases in the lower-cased sentence (or a span holding it), one ``ahocorasick_rs`` scan
(:func:`near_words`), and cuts the sentence into words only where one is there; an entry whose
rules all ask for words after the match first tries all those words as one regex (the ``gate`` of
:class:`CompiledRules`); ``<NUM>`` is first one regex match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable, NamedTuple, Sequence

from ..lexicon import Entry
from ..lexicon.context import ContextRule, is_label_modifier

__all__ = ["first_rule", "first_compiled", "compile_rules", "CompiledRule", "CompiledRules", "gap_end", "gap_steps",
           "gap_rest", "declined", "is_name", "near", "near_regex", "near_words", "NearWords", "words_regex",
           "DECLINED_REACH", "NAMING_CUES", "naming_cue_before"]

#: words that may stay lower case inside a capitalised name ("War on Drugs", "Department of Justice")
_NAME_FUNCTION_WORDS = frozenset("of on the and for in to a an at by with against".split())
_WORD_RE = re.compile(r"[^\W_][\w'’]*")
_LETTERS = re.compile("[a-z]+")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds "
    "thousand thousands million millions billion dozen dozens".split())
# a naming verb under negation or refusal, right before the label ("did not call them", "refused to label
# the men as", "stopped calling them", "never described him as a"); up to two words between negation and verb
_DECLINED_RE = re.compile(
    r"(?:\bnot(?!\s+only)|\bnever|n't|\bno longer|\brefus(?:e|es|ed|ing) to|\bdeclin(?:e|es|ed|ing) to|\bstopp?(?:ed|ing)?|"
    r"\bavoid(?:s|ed|ing)?|\binstead of|\bwithout)"
    r"(?:\s+[a-z']+){0,2}?\s+"
    r"(?:call(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|describ(?:e|es|ed|ing)|refer(?:s|red|ring)? to|"
    r"brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|us(?:e|es|ed|ing) the (?:term|word|label|phrase|words))"
    r"(?:\s+(?:them|him|her|it|us|those|these|people|anyone|anybody|the\s+[a-z]+|[a-z]+))?"
    r"(?:\s+as)?(?:\s+(?:an?|the))?\s*[\"'“‘]?\s*$")


#: how far before a label :func:`declined` looks, in characters
DECLINED_REACH = 80
#: the naming words of which :func:`declined` needs one in that reach (the first half of ``_declined_cues``): the
#: matcher's scan finds where they end, so most labels skip the test (:func:`naming_cue_before`)
NAMING_CUES = ("call", "label", "describ", "refer", "brand", "dub", "the term", "the word", "the phrase")


def naming_cue_before(ends: Sequence[int], s: int) -> bool:
    """Whether one of ``ends`` (the sorted ends of the occurrences of ``NAMING_CUES`` in the normalised text) is
    within ``DECLINED_REACH`` before ``s``. Where none is, no naming word lies in the text :func:`declined` reads,
    so :func:`declined` is False (a necessary condition, checked by one bisection)."""
    i = bisect_left(ends, s - DECLINED_REACH)
    return i < len(ends) and ends[i] <= s


def _declined_cues(before: str) -> bool:
    """A necessary condition of _DECLINED_RE: a naming verb and a negation or refusal word occur in ``before``.
    Written as substring tests (each a C-level scan) rather than one alternation regex: twice as fast here,
    and the same answer (a regex of literal alternatives finds one exactly where one of them is a substring)."""
    return ("call" in before or "label" in before or "describ" in before or "refer" in before
            or "brand" in before or "dub" in before or "the term" in before or "the word" in before
            or "the phrase" in before) and (
        "not" in before or "never" in before or "n't" in before or "no longer" in before or "refus" in before
        or "declin" in before or "stop" in before or "avoid" in before or "instead" in before
        or "without" in before)


def _sentence_bounds(text: str, os_: int, oe: int, seg) -> tuple[int, int]:
    if seg is not None and seg.sentences:
        si = seg.sentence_at(os_)
        if si is not None:
            a, b = seg.sentences[si]
            return (a if a < os_ else os_), (b if b > oe else oe)  # min and max, without two calls
    # without a segmentation: the nearest sentence punctuation or blank line on either side
    return _boundary_before(text, os_), _boundary_after(text, oe)


_BOUNDARIES = (". ", "! ", "? ", "\n\n")
_LOOK = 400  # characters searched first on either side; the whole text only when no boundary is that near


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """The start of the last of ``_BOUNDARIES`` inside ``text[lo:hi]``, or -1. Each further kind is searched only
    after the last one found (an earlier one cannot be the last), so a rare kind rarely scans the whole span."""
    last = -1
    for b in _BOUNDARIES:
        i = text.rfind(b, max(lo, last + 1), hi)
        if i >= 0:
            last = i
    return last


def _first_boundary(text: str, lo: int, hi: int) -> int:
    """The start of the first of ``_BOUNDARIES`` inside ``text[lo:hi]``, or -1; each further kind is searched only
    up to the first one found (two characters long, one starting before it ends by its second character)."""
    first = -1
    for b in _BOUNDARIES:
        i = text.find(b, lo, hi if first < 0 else first + 1)
        if i >= 0:
            first = i
    return first


def _boundary_before(text: str, pos: int) -> int:
    # the last boundary ending by pos; one found in the window is nearer than any before it
    a = _last_boundary(text, max(0, pos - _LOOK), pos)
    if a < 0 and pos > _LOOK:
        a = _last_boundary(text, 0, pos)
    return 0 if a < 0 else a + 2


def _boundary_after(text: str, pos: int) -> int:
    # the first boundary starting at or after pos; one found in the window comes before any after it
    e = _first_boundary(text, pos, pos + _LOOK)
    if e < 0 and pos + _LOOK < len(text):
        e = _first_boundary(text, pos, len(text))
    return len(text) if e < 0 else e + 1


def _tokens(chunk: str) -> list[str]:
    return _WORD_RE.findall(chunk.replace("-", " ").replace("‐", " "))


def _words(chunk: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _tokens(chunk)]


def _last_words(text: str, a: int, b: int, k: int) -> list[str]:
    """The last ``k`` words of ``text[a:b]`` (as :func:`_words` gives them). A word cut by a window start
    only changes the window's first word, so a window holding more than ``k`` words gives the same last ``k``."""
    if k <= 0:
        return _words(text[a:b])[-k:]
    lo = b - 8 * k - 24
    got = _tokens(text[lo:b]) if lo > a else []
    if len(got) <= k:
        got = _tokens(text[a:b])
    return [w.lower().replace("’", "'") for w in got[-k:]]


def _first_words(text: str, a: int, b: int, k: int) -> list[str]:
    """The first ``k`` words of ``text[a:b]``; a window end cuts at most the window's last word."""
    if k <= 0:
        return _words(text[a:b])[:k]
    hi = a + 8 * k + 24
    got = _tokens(text[a:hi]) if hi < b else []
    if len(got) <= k:
        got = _tokens(text[a:b])
    return [w.lower().replace("’", "'") for w in got[:k]]


def near(text: str, os_: int, oe: int, seg, phrases: Sequence[str], window: int) -> bool:
    """One of ``phrases`` (normalised) within ``window`` words before or after ``text[os_:oe]``, same sentence."""
    return _near(text, os_, oe, seg, near_regex(phrases), window, near_words(phrases))


def near_regex(phrases: Sequence[str]) -> re.Pattern | None:
    """One regex for "one of ``phrases`` as whole words" in a space-padded word list (what :func:`near` looks for):
    it finds one exactly where ``" " + phrase + " "`` is a substring (the alternation backtracks, so every phrase
    is tried at every position). Compiled once per rule (:func:`compile_rules`); None without phrases."""
    if not phrases:
        return None
    return re.compile("(?<= )(?:" + "|".join(re.escape(p) for p in phrases) + ")(?= )")


class NearWords:
    """One word of each ``near`` phrase (:func:`near_words`) and a test whether one of them occurs in a string: one
    ``ahocorasick_rs`` scan (twice as fast as a substring test per word, the matcher's own library)."""

    __slots__ = ("words", "_ac")

    def __init__(self, words: Sequence[str]):
        import ahocorasick_rs

        self.words = tuple(dict.fromkeys(words))
        self._ac = ahocorasick_rs.AhoCorasick(list(self.words))

    def any_in(self, s: str) -> bool:
        """Whether one of the words is a substring of ``s``."""
        try:
            return bool(self._ac.find_matches_as_indexes(s))
        except UnicodeEncodeError:  # a lone surrogate (a JSON "\\ud800" escape) does not encode
            return any(map(s.__contains__, self.words))


def near_words(phrases: Sequence[str]) -> NearWords | None:
    """One word of each of ``phrases`` (its longest ASCII word without an apostrophe), for the pre-check of
    :func:`near`; None when a phrase has no such word (then there is no pre-check).

    A phrase found in a word window is each of its words equal to a word of the window, and a window word is a
    word of the text lower-cased (``str.lower`` maps character by character; only the Greek sigma depends on its
    neighbours, and no ASCII letter is one) with curly apostrophes made straight. So where such a word of every
    phrase is absent from the lower-cased sentence, no phrase is near: one scan of the sentence for these words
    replaces cutting it into words (most matches have none of them nearby)."""
    out = []
    for p in phrases:
        words = [w for w in p.split(" ") if w and w.isascii() and "'" not in w]
        if not words:
            return None
        out.append(max(words, key=len))
    return NearWords(out) if out else None


#: the longest span the pre-check of :func:`near` lower-cases; a longer sentence is cut into its word windows only
_PRECHECK_SPAN = 1000


def _sentence_span(text: str, os_: int, oe: int) -> tuple[int, int] | None:
    """Without a segmentation, a span of ``text`` holding the sentence of ``text[os_:oe]`` (:func:`_sentence_bounds`),
    found with half the searches: from the nearest sentence end (". ") or blank line before ``os_`` to the nearest
    after ``oe``, within ``_LOOK`` characters (the rarer "! " and "? " only cut the sentence shorter); None when one
    side has neither that near."""
    lo = os_ - _LOOK if os_ > _LOOK else 0
    a = text.rfind(". ", lo, os_)
    blank = text.rfind("\n\n", a + 1 if a >= 0 else lo, os_)  # a blank line counts only after the sentence end
    if blank >= 0:
        a = blank
    hi = oe + _LOOK
    b = text.find(". ", oe, hi)
    blank = text.find("\n\n", oe, hi if b < 0 else b + 1)  # and only before the next one
    if blank >= 0:
        b = blank
    return (a + 2, b + 1) if a >= 0 and b >= 0 else None


def _near(text: str, os_: int, oe: int, seg, rx: re.Pattern | None, window: int,
          words: NearWords | None = None) -> bool:
    # first, when ``words`` (near_words) are given, whether one of them is in (a span holding) the sentence at all;
    # then one regex search per side instead of one substring test per phrase, the words after only when needed
    if rx is None:
        return False
    bounds = _sentence_bounds(text, os_, oe, seg) if seg is not None and seg.sentences else None
    if words is not None:
        # with a segmentation the sentence itself; without, a span holding it found with fewer searches
        span = bounds or _sentence_span(text, os_, oe)
        if span is not None and span[1] - span[0] <= _PRECHECK_SPAN and not words.any_in(
                text[span[0]:span[1]].lower()):
            return False
    a, b = bounds or _sentence_bounds(text, os_, oe, seg)
    before = _last_words(text, a, os_, window)
    if before and rx.search(" " + " ".join(before) + " ") is not None:
        return True
    after = _first_words(text, oe, b, window)
    return bool(after) and rx.search(" " + " ".join(after) + " ") is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_name(text: str, os_: int, oe: int, seg) -> bool:
    """``text[os_:oe]`` is written as part of a capitalised name (see the ``name`` condition of a context rule):
    every word capitalised (short function words aside), not a title-case headline, and either followed by
    another capitalised word or preceded by "the"."""
    words = _WORD_RE.findall(text[os_:oe])
    if not words or not _capitalised(words[0]):
        return False
    if not all(_capitalised(w) or w.lower() in _NAME_FUNCTION_WORDS for w in words):
        return False
    a, b = _sentence_bounds(text, os_, oe, seg)
    sentence = text[a:b].rstrip()
    if not sentence.endswith((".", "!", "?", "\"", "”", "'", "’", ":", ";", ")")):
        # no closing punctuation: a headline or title; in title case capitals say nothing
        content = [w for w in _WORD_RE.findall(sentence) if w.lower() not in _NAME_FUNCTION_WORDS
                   and not w[0].isdigit()]
        if len(content) >= 3 and sum(map(_capitalised, content)) >= 0.6 * len(content):
            return False
    nxt = _WORD_RE.search(text, oe, b)
    if nxt is not None and text[oe:nxt.start()].strip() == "" and _capitalised(nxt.group()):
        return True  # the name continues: "Alien Enemies Act", "Sanctuary City Ordinance"
    # or a name with its article ("the War on Drugs"); capitals alone may be emphasis ("funding to Sanctuary Cities")
    before = _WORD_RE.findall(text[a:os_])
    return bool(before) and before[-1].lower() == "the"


def words_regex(words, before: str = "", after: str = "") -> re.Pattern | None:
    """One regex for "one of ``words``" (longest first, ``<NUM>`` left out) between ``before`` and ``after``;
    None without words. The matcher and the context rules compile their word lists with it."""
    words = sorted((w for w in words if w != "<NUM>"), key=lambda w: (-len(w), w))
    if not words:
        return None
    return re.compile(before + "(?:" + "|".join(re.escape(w) for w in words) + ")" + after)


#: a word ends here: no letter or digit follows (the negation of str.isalnum, as a regex)
WORD_END = r"(?![^\W_])"
#: a word starts here: no letter or digit before
WORD_START = r"(?<![^\W_])"


class CompiledRule(NamedTuple):
    """A context rule with its word lists compiled (see :func:`compile_rules`)."""

    rule: ContextRule
    #: matches at the end of a match when one of ``followed_by`` follows (spaces between)
    followed: re.Pattern | None
    #: ``followed_by`` holds ``<NUM>``
    number: bool
    #: searched right before a match (spaces skipped): one of ``preceded_by`` ends there
    preceded: re.Pattern | None
    longest_preceding: int
    #: the ``near`` phrases as one regex (:func:`near_regex`)
    near: re.Pattern | None = None
    #: a word of each ``near`` phrase, for the pre-check (:func:`near_words`)
    near_words: NearWords | None = None


class CompiledRules(tuple):
    """The context rules of one entry compiled (:func:`compile_rules`), in order, and ``gate``: where every rule asks
    for words after the match (``followed_by``), one regex for "one of them follows" (every rule's words, and the
    start of a number where a rule asks for ``<NUM>``), so that a match followed by none of them takes one regex
    match; None where a rule has other conditions only."""

    gate: re.Pattern | None = None


def compile_rules(entry: Entry) -> CompiledRules:
    """The context rules of ``entry``, each word list compiled into one regex (done once per entry)."""
    rules = CompiledRules(CompiledRule(r, words_regex(r.followed_by, "[ ]*", WORD_END), "<NUM>" in r.followed_by,
                                       words_regex(r.preceded_by, WORD_START, r"\Z"),
                                       max((len(p) for p in r.preceded_by), default=0), near_regex(r.near),
                                       near_words(r.near))
                          for r in entry.context)
    if rules and all(r.followed_by for r in entry.context):
        followed = {w for r in entry.context for w in r.followed_by}
        words = words_regex(followed, "", WORD_END)
        rules.gate = re.compile("[ ]*(?:" + "|".join(
            ([words.pattern] if words is not None else []) + ([_NUMBER_START_ALTS] if "<NUM>" in followed else []))
            + ")")
    return rules


#: what may follow a match where a number does (a necessary condition of :func:`_number_follows`, one regex match
#: where most matches fail at the first letter): spaces, then a letter or digit other than a-z (``str.isdigit``
#: holds only for characters of ``\w``), a currency sign, or the start of a number word
_NUMBER_START_ALTS = r"[^\W_a-z]|[$£€]|" + "|".join(sorted(_NUMBER_WORDS))
_NUMBER_START = re.compile("[ ]*(?:" + _NUMBER_START_ALTS + ")")


def _number_follows(norm: str, e: int) -> bool:
    # a number after the match: a digit or currency sign, or a number word, after spaces
    if _NUMBER_START.match(norm, e) is None:
        return False
    j = e
    n = len(norm)
    while j < n and norm[j] == " ":
        j += 1
    if j < n and (norm[j].isdigit() or norm[j] in "$£€"):
        return True
    m = _LETTERS.match(norm, j, j + 12)
    return m is not None and m.group() in _NUMBER_WORDS


def _followed(c: CompiledRule, norm: str, e: int) -> bool:
    if c.followed is not None and c.followed.match(norm, e) is not None:
        return True
    return c.number and _number_follows(norm, e)


def _preceded(c: CompiledRule, norm: str, s: int) -> bool:
    i = s
    while i > 0 and norm[i - 1] == " ":
        i -= 1
    return c.preceded is not None and c.preceded.search(norm, max(0, i - c.longest_preceding), i) is not None


def first_rule(entry: Entry, text: str, norm: str, s: int, e: int, to_orig: Callable[[int], int],
               seg) -> ContextRule | None:
    """The first context rule of ``entry`` whose conditions all hold for the match ``norm[s:e]``, or None."""
    return first_compiled(compile_rules(entry), text, norm, s, e, to_orig, seg)


def first_compiled(rules: CompiledRules, text: str, norm: str, s: int, e: int,
                   to_orig: Callable[[int], int], seg) -> ContextRule | None:
    """:func:`first_rule` with the entry's rules compiled by :func:`compile_rules`."""
    if rules.gate is not None and rules.gate.match(norm, e) is None:
        return None  # every rule asks for words after the match, and none of them follows
    os_ = oe = None
    for c in rules:
        rule = c.rule
        if rule.form and norm[s:e] not in rule.form:
            continue
        if rule.followed_by and (c.followed is None or c.followed.match(norm, e) is None) and not (
                c.number and _number_follows(norm, e)):
            continue  # (:func:`_followed`, its common case inline)
        if rule.preceded_by and not _preceded(c, norm, s):
            continue
        if rule.near or rule.name:
            if os_ is None:
                os_, oe = to_orig(s), to_orig(e)
            if rule.near and not _near(text, os_, oe, seg, c.near, rule.window, c.near_words):
                continue
            if rule.name and not is_name(text, os_, oe, seg):
                continue
        return rule
    return None


def gap_steps(text: str, norm: str, e: int, max_gaps: int,
              to_orig: Callable[[int], int]) -> list[tuple[int, tuple[str, ...]]]:
    """The label modifiers after a label's first word ending at ``norm[e]``, up to ``max_gaps`` of them: for each
    in turn, where the rest of the label would start after it (-1 where no single space follows) and the
    modifiers so far, as written. Computed once for every entry that starts with that word (:func:`gap_rest`)."""
    n = len(norm)
    pos = e
    mods: list[str] = []
    steps = []
    for _ in range(max_gaps):
        if pos >= n or norm[pos] != " " or (pos + 1 < n and norm[pos + 1] == " "):
            break
        m = _WORD_RE.match(norm, pos + 1)
        if m is None:
            break
        ws, we = m.span()
        if "'" in m.group() or "’" in m.group():
            break
        word = text[to_orig(ws):to_orig(we)]
        if not is_label_modifier(word):
            break
        mods.append(word)
        pos = we
        single = pos < n and norm[pos] == " " and not (pos + 1 < n and norm[pos + 1] == " ")
        steps.append((pos + 1 if single else -1, tuple(mods)))
    return steps


def gap_rest(norm: str, steps: Sequence[tuple[int, tuple[str, ...]]], rests: Sequence[str],
             max_gaps: int) -> tuple[int, tuple[str, ...]] | None:
    """The first of the :func:`gap_steps` (at most ``max_gaps``) after which one of ``rests`` follows as whole
    words: the end of the label and the modifiers inside it, or None."""
    n = len(norm)
    for j, mods in steps[:max_gaps]:
        if j < 0:
            continue
        for rest in rests:
            k = j + len(rest)
            if norm.startswith(rest, j) and (k >= n or not norm[k].isalnum()):
                return k, mods
    return None


def gap_end(text: str, norm: str, e: int, rests: Sequence[str], max_gaps: int,
            to_orig: Callable[[int], int]) -> tuple[int, tuple[str, ...]] | None:
    """Where a label continues after its first word ending at ``norm[e]``, over 1..``max_gaps`` label modifiers.

    ``rests``: the rest of each phrase of the entry (after its first word), longest first. Words are
    separated by one space (a space, hyphen or single line break in the text). Returns the end of the
    label (normalised coordinates) and the modifier words as written, or None.
    """
    return gap_rest(norm, gap_steps(text, norm, e, max_gaps, to_orig), rests, max_gaps)


def declined(norm: str, s: int) -> bool:
    """Whether the label starting at ``norm[s]`` is named under a negated or refused naming verb
    ("did not call them ...", "refused to label the men as ...", "stopped calling them ...")."""
    before = norm[max(0, s - DECLINED_REACH):s]
    if not _declined_cues(before):
        return False  # cheap necessary conditions
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(";"))
    if cut >= 0:
        before = before[cut + 1:]
    return _DECLINED_RE.search(before) is not None
