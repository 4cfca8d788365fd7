"""Construction rules of the hedge extractor that a word list alone cannot express.

One rule so far, **quantified holders**: a vague quantifier (a ``vague_quantity`` hedge: "some",
"many", "a number of") that opens a noun phrase whose verb is a verb of saying or believing ("Some
Republican insiders worry", "Many longtime residents believe", "A number of scholars argue") names
the holders of a view without identifying them, so the span is widened over the phrase and the verb
and relabelled ``vague_source`` (Ganter and Strube 2009's weasel; Farkas et al. 2010). The pack
lists the two-word forms ("some say", "critics argue"); this rule covers one to four words between
quantifier and verb. The verbs are the pack's own: the second words of its ``vague_quantifier_says``
entry, so the rule needs no list of its own and is off when that pack is not loaded.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Span

__all__ = ["holder_verbs", "quantified_holders"]

#: Words that end the noun phrase: a relative clause or a new clause starts there (a grammatical
#: closed class, not a lexicon of hedges, so it stays here).
_CLAUSE_WORDS = frozenset("who whom whose which that and or but because if when while than as since although "
                          "though where whether".split())
#: Auxiliaries and adverbs allowed between the phrase and its verb (the pack's modal/adverb slot).
_AUX = frozenset("have had has also still even often would might may could will long generally now do did".split())
_WORD_RE = re.compile(r"[ \t]+([A-Za-z][\w'\u2019-]*)")


def holder_verbs(lexicons: Iterable) -> frozenset[str]:
    """The verbs of saying and believing of the shipped ``hedges`` pack (second words of the phrases of its
    ``vague_quantifier_says`` entry, lower-cased); empty when the pack or the entry is absent."""
    for lx in lexicons:
        if lx.kind == "hedge" and lx.name == "hedges":
            e = lx.get("vague_quantifier_says")
            if e is not None:
                return frozenset(p.split(" ", 1)[1] for p in e.phrases if " " in p)
    return frozenset()


def quantified_holders(text: str, seg, hedges: list[Span], verbs: frozenset[str], max_words: int = 4) -> list[Span]:
    """``hedges`` with each ``vague_quantity`` span that opens a phrase whose verb is in ``verbs`` widened over
    phrase and verb and relabelled ``vague_source`` (entry ``<its entry>+holder``); hedge spans inside the
    widened span are dropped, so hedges still never overlap. Offsets stay offsets into ``text``."""
    if not verbs or not any(s.label == "vague_quantity" for s in hedges):
        return hedges
    out: list[Span] = []
    covered: list[tuple[int, int]] = []
    for s in hedges:
        if s.label != "vague_quantity":
            continue
        si = seg.sentence_at(s.start)
        stop = seg.sentences[si][1] if si is not None else len(text)
        pos, n_words, end = s.end, 0, None
        while n_words <= max_words + 1:
            m = _WORD_RE.match(text, pos, stop)
            if m is None:
                break
            w = m.group(1).lower().replace("\u2019", "'")
            if w in verbs and n_words >= 1:
                end = m.end(1)
                break
            if w in _CLAUSE_WORDS:
                break
            if w in _AUX:
                pos = m.end()
                continue
            n_words += 1
            pos = m.end()
        if end is not None and n_words <= max_words:
            covered.append((s.start, end))
    if not covered:
        return hedges
    starts = {a: b for a, b in covered}
    for s in hedges:
        if s.start in starts and s.label == "vague_quantity":
            b = starts[s.start]
            out.append(Span("hedge", s.start, b, text[s.start:b], "vague_source", s.entry + "+holder", s.voice,
                            s.sentence, dict(s.attrs, category="vague_source")))
        elif any(a <= s.start and s.end <= b for a, b in covered):
            continue
        else:
            out.append(s)
    return out
