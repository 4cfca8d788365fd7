"""Word sense around a lexicon match: context rules, modifiers inside a label, declined labels.

The matcher (:mod:`framelens.text.matcher`) finds candidate matches; the functions here look at the
words around one candidate:

* :func:`first_rule` evaluates an entry's context rules (``context:`` in the pack,
  docs/lexicon-format.md) and returns the first rule that fires;
* :func:`gap_end` extends a label's first word over up to two label modifiers to the rest of the
  label ("illegal *juvenile* immigrants");
* :func:`declined` says whether a label is named only to be declined ("did not call them ...").

They work on the original text (offsets, capitals) and on the matcher's normalised copy (lower
case, separators as single spaces), both given by the caller.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from ..lexicon import Entry
from ..lexicon.context import ContextRule, is_label_modifier

__all__ = ["first_rule", "gap_end", "declined", "is_name", "near"]

#: words that may stay lower case inside a capitalised name ("War on Drugs", "Department of Justice")
_NAME_FUNCTION_WORDS = frozenset("of on the and for in to a an at by with against".split())
_WORD_RE = re.compile(r"[^\W_][\w'’]*")
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
# a necessary condition of _DECLINED_RE, one C-level scan: a naming verb and a negation or refusal word
_DECLINED_CUE_RE = re.compile(r"call|label|describ|refer|brand|dub|the term|the word|the phrase")
_NEGATION_CUE_RE = re.compile(r"not|never|n't|no longer|refus|declin|stop|avoid|instead|without")


def _sentence_bounds(text: str, os_: int, oe: int, seg) -> tuple[int, int]:
    if seg is not None and seg.sentences:
        si = seg.sentence_at(os_)
        if si is not None:
            a, b = seg.sentences[si]
            return min(a, os_), max(b, oe)
    # without a segmentation: the nearest sentence punctuation or blank line on either side
    a = max(text.rfind(". ", 0, os_), text.rfind("! ", 0, os_), text.rfind("? ", 0, os_), text.rfind("\n\n", 0, os_))
    a = 0 if a < 0 else a + 2
    ends = [i for i in (text.find(". ", oe), text.find("! ", oe), text.find("? ", oe), text.find("\n\n", oe)) if i >= 0]
    return a, (min(ends) + 1 if ends else len(text))


def _words(chunk: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(chunk.replace("-", " ").replace("‐", " "))]


def near(text: str, os_: int, oe: int, seg, phrases: Sequence[str], window: int) -> bool:
    """One of ``phrases`` (normalised) within ``window`` words before or after ``text[os_:oe]``, same sentence."""
    a, b = _sentence_bounds(text, os_, oe, seg)
    before = _words(text[a:os_])[-window:]
    after = _words(text[oe:b])[:window]
    for side in (before, after):
        if not side:
            continue
        joined = " " + " ".join(side) + " "
        for p in phrases:
            if (" " + p + " ") in joined:
                return True
    return False


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


def _followed(norm: str, e: int, phrases: frozenset[str]) -> bool:
    j = e
    n = len(norm)
    while j < n and norm[j] == " ":
        j += 1
    for p in phrases:
        if p == "<NUM>":
            if j < n and (norm[j].isdigit() or norm[j] in "$£€"):
                return True
            m = re.match(r"[a-z]+", norm[j:j + 12])
            if m and m.group() in _NUMBER_WORDS:
                return True
        elif norm.startswith(p, j) and (j + len(p) >= n or not norm[j + len(p)].isalnum()):
            return True
    return False


def _preceded(norm: str, s: int, phrases: frozenset[str]) -> bool:
    i = s
    while i > 0 and norm[i - 1] == " ":
        i -= 1
    for p in phrases:
        b = i - len(p)
        if b >= 0 and norm.startswith(p, b) and (b == 0 or not norm[b - 1].isalnum()):
            return True
    return False


def first_rule(entry: Entry, text: str, norm: str, s: int, e: int, to_orig: Callable[[int], int],
               seg) -> ContextRule | None:
    """The first context rule of ``entry`` whose conditions all hold for the match ``norm[s:e]``, or None."""
    os_ = oe = None
    for rule in entry.context:
        if rule.form and norm[s:e] not in rule.form:
            continue
        if rule.followed_by and not _followed(norm, e, rule.followed_by):
            continue
        if rule.preceded_by and not _preceded(norm, s, rule.preceded_by):
            continue
        if rule.near or rule.name:
            if os_ is None:
                os_, oe = to_orig(s), to_orig(e)
            if rule.near and not near(text, os_, oe, seg, rule.near, rule.window):
                continue
            if rule.name and not is_name(text, os_, oe, seg):
                continue
        return rule
    return None


def gap_end(text: str, norm: str, e: int, rests: Sequence[str], max_gaps: int,
            to_orig: Callable[[int], int]) -> tuple[int, tuple[str, ...]] | None:
    """Where a label continues after its first word ending at ``norm[e]``, over 1..``max_gaps`` label modifiers.

    ``rests``: the rest of each phrase of the entry (after its first word), longest first. Words are
    separated by one space (a space, hyphen or single line break in the text). Returns the end of the
    label (normalised coordinates) and the modifier words as written, or None.
    """
    n = len(norm)
    pos = e
    mods: list[str] = []
    for _ in range(max_gaps):
        if pos >= n or norm[pos] != " " or (pos + 1 < n and norm[pos + 1] == " "):
            return None
        m = _WORD_RE.match(norm, pos + 1)
        if m is None:
            return None
        ws, we = m.span()
        if "'" in m.group() or "’" in m.group():
            return None
        word = text[to_orig(ws):to_orig(we)]
        if not is_label_modifier(word):
            return None
        mods.append(word)
        pos = we
        if pos < n and norm[pos] == " " and not (pos + 1 < n and norm[pos + 1] == " "):
            j = pos + 1
            for rest in rests:
                k = j + len(rest)
                if norm.startswith(rest, j) and (k >= n or not norm[k].isalnum()):
                    return k, tuple(mods)
    return None


def declined(norm: str, s: int) -> bool:
    """Whether the label starting at ``norm[s]`` is named under a negated or refused naming verb
    ("did not call them ...", "refused to label the men as ...", "stopped calling them ...")."""
    before = norm[max(0, s - 80):s]
    if _DECLINED_CUE_RE.search(before) is None or _NEGATION_CUE_RE.search(before) is None:
        return False  # cheap necessary conditions
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(";"))
    if cut >= 0:
        before = before[cut + 1:]
    return _DECLINED_RE.search(before) is not None
