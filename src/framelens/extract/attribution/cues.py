"""Finding the candidate reporting cues of a document.

Cues come from the ``report_verb`` spans of the report_verbs pack, the
``cue``/``document_cue``/``no_response`` sections of ``source_types.txt``, and
three patterns of their own: *call* as a verb of characterisation, a fronted
'in a ... poll' and a speaker label ('Marr: ...'). Where candidates overlap,
the one of the lower priority value wins.
"""

from __future__ import annotations

import bisect
import re

from .records import Cue
from .words import MONTHS, AttributionWords, trie_pattern

#: *call* as a verb of characterisation ('called the plan "a relic"'); see :func:`.content.call_complement`.
CALL_RE = re.compile(r"call(?:ed|s|ing)?")
#: 'in' + a poll or survey ('In a Quill Institute poll released Monday, 52 percent ...', 'leads in the polls'): up
#: to six words of the noun phrase before the noun, none a clause word (checked by the in_poll rule).
IN_POLL_RE = re.compile(r"(?<![^\W_])in\s+((?:[^\s,;:()\"“”‘’]+\s+){0,6}?(?:polls?|surveys?))(?![^\W_\-‐‑])")
#: What may follow the poll noun within its phrase: when it was released or taken, and by whom.
IN_POLL_TAIL_RE = re.compile(
    r"(?:\s+(?:released|conducted|published|taken)(?:\s+(?:on|in|last|this|earlier|late|early))?"
    r"(?:\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|"
    + "|".join(sorted(MONTHS)) + r"))"
    r"|\s+(?:last|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)"
    r"|\s+(?:released|conducted|published|commissioned|taken)\s+by\s+[^,;:.!?\"“”()]{1,60}?(?=,))(?![^\W_])",
    re.IGNORECASE)
#: A speaker label at the start of a sentence: one to six capitalised words (titles, initials, hyphens, a short
#: gloss in parentheses, 'and', 'of' or a lower-case noun such as 'camp' between them), a colon, and then text.
_LABEL_WORD = r"(?:[A-Z][\w’'\-]*\.?|\([^()\n]{1,12}\))"
COLON_LABEL_RE = re.compile(r"[\"“‘']?(" + _LABEL_WORD + r"(?:[^\S\n](?:" + _LABEL_WORD + r"|and|of|&|[a-z]+))"
                            r"{0,5}):(?=[^\S\n]+[\"“‘'A-Z]|[\"“‘'])")

# priorities: a lower value wins an overlap
_NO_RESPONSE, _REPORT_VERB, _DOCUMENT_CUE, _CUE, _COLON, _CALL, _IN_POLL = 0, 1, 2, 3, 4, 5, 6


def words_compile(forms) -> re.Pattern | None:
    """A case-sensitive trie pattern for lower-case ``forms``, run on the lower-cased text (much faster than
    IGNORECASE); word boundaries are checked on each match by :func:`find_words`."""
    forms = [f.lower() for f in forms]
    if not forms:
        return None
    # multi-word forms are matched with single spaces replaced by any white space
    pattern = trie_pattern(forms).replace(r"\ ", r"\s+").replace(" ", r"\s+")
    return re.compile(pattern)


def find_words(pattern: re.Pattern, low: str):
    """``(start, end)`` of every match of ``pattern`` in ``low`` that is a whole word or word sequence."""
    n = len(low)
    for m in pattern.finditer(low):
        start, end = m.span()
        if start > 0:
            c = low[start - 1]
            if c.isalnum() or c in "_’'-":
                continue
        if end < n:
            c = low[end]
            if c.isalnum() or c in "_-":
                continue
        yield start, end


class CueFinder:
    """The cue patterns of one extractor's word lists, compiled once."""

    def __init__(self, words: AttributionWords):
        lex = words.lex
        self.cues = lex.cues
        self.document_cues = lex.document_cues
        self.cue_re = words_compile(lex.cues)
        self.document_cue_re = words_compile(lex.document_cues)
        self.no_response_re = re.compile(
            r"(?<![\w’'])(?:" + "|".join(f"(?:{p})" for p in lex.no_response) + r")(?![\w])",
            re.IGNORECASE) if lex.no_response else None
        self.no_response_key_re = words.no_response_key_re

    def find(self, text: str, seg, spans, low: str) -> list[Cue]:
        """The cues of a document in text order, overlaps resolved by priority."""
        candidates: list[tuple[int, Cue]] = []  # (priority, cue)
        candidates += self._no_responses(text, low)
        for s in spans:
            if s.kind != "report_verb" or s.attrs.get("use", "use") != "use":
                continue
            category = s.attrs.get("category")
            kind = "according_to" if category == "according_to" else "report_verb"
            candidates.append((_REPORT_VERB, Cue(s.start, s.end, s.attrs.get("stance") or "neutral", kind,
                                                 category)))
        if self.document_cue_re is not None:
            for start, end in find_words(self.document_cue_re, low):
                form = " ".join(low[start:end].split())
                if form in self.cues:
                    continue  # also a general cue ("estimated"): handled as one, documents included
                candidates.append((_DOCUMENT_CUE, Cue(start, end, self.document_cues.get(form, "neutral"),
                                                      "document_cue", "document")))
        if self.cue_re is not None:
            for start, end in find_words(self.cue_re, low):
                form = " ".join(low[start:end].split())
                candidates.append((_CUE, Cue(start, end, self.cues.get(form, "neutral"), "cue", "cognition")))
        for start, end in find_words(CALL_RE, low):  # 'Marr called the plan "a relic"'
            candidates.append((_CALL, Cue(start, end, "neutral", "call", "call")))
        for m in IN_POLL_RE.finditer(low):  # 'in a Quill Institute poll': the poll is the source
            candidates.append((_IN_POLL, Cue(m.start(), m.start() + 2, "neutral", "in_poll", "document")))
        for sentence_start, sentence_end in seg.sentences:  # a speaker label: 'Marr: We will appeal.'
            m = COLON_LABEL_RE.match(text, sentence_start, sentence_end)
            if m is not None:
                candidates.append((_COLON, Cue(m.end(1), m.end(1) + 1, "neutral", "colon", "colon")))
        return _resolve_overlaps(candidates)

    def _no_responses(self, text: str, low: str) -> list[tuple[int, Cue]]:
        """Refusals to comment, looked for only near one of their key words."""
        if self.no_response_re is None:
            return []
        found = []
        seen = -1
        for key in self.no_response_key_re.finditer(low):
            if key.start() < seen:
                continue
            window_start = max(0, key.start() - 60)
            for m in self.no_response_re.finditer(text, window_start, min(len(text), key.end() + 80)):
                if m.start() >= seen:
                    found.append((_NO_RESPONSE, Cue(m.start(), m.end(), "neutral", "no_response", "no_response")))
                    seen = m.end()
            seen = max(seen, key.end())
        return found


def _resolve_overlaps(candidates: list[tuple[int, Cue]]) -> list[Cue]:
    """Keep each candidate that overlaps no candidate of a lower priority value (or an earlier one of the same);
    a document verb that coincides with a report verb ("the data said") keeps the report verb."""
    candidates.sort(key=lambda c: (c[0], c[1].start))
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for _, cue in candidates:
        i = bisect.bisect_left(taken, (cue.start, cue.end))
        if (i > 0 and taken[i - 1][1] > cue.start) or (i < len(taken) and taken[i][0] < cue.end):
            continue
        taken.insert(i, (cue.start, cue.end))
        out.append(cue)
    out.sort(key=lambda c: c.start)
    return out
