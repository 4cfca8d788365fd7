"""Stacking: modifier hits (``role: modifier``) directly before a head hit of a category they stack onto merge
with it into one hit of summed severity ("violent criminal aliens"); a stacking modifier among a label's
modifiers inside the hit ("illegal *criminal* aliens") counts as one before it.

The matcher hands over the kept heads of one kind and that kind's modifier hits (normalised offsets) and
gets the merged hits back as plain tuples in the field order of :class:`~framelens.text.matcher.Hit`.
"""

from __future__ import annotations

from ..lexicon import Entry
from . import senses
from .matcher_mentions import lower_ok, use
from .matcher_text import to_orig

__all__ = ["inside_stack", "may_stack", "stacked_hits"]


def may_stack(norm: str, s: int, mod_ends) -> bool:
    """Whether a modifier hit could stack onto a head starting at ``norm[s]``: one of ``mod_ends`` (where the
    kind's modifier hits end) is one or two separators (space, hyphen, line break) before it, as :func:`_stack`
    looks. A head for which this is false keeps its extent and gets no stack."""
    i = s
    while i > 0 and norm[i - 1] in " -\n" and s - i < 2:
        i -= 1
    return i != s and i in mod_ends


def inside_stack(entry: Entry, inside: tuple[str, ...], stack: list,
                 modifier_words: dict[str, list[Entry]]) -> tuple[Entry, ...]:
    """``stack`` plus the stacking modifiers among the label modifiers ``inside`` the hit of ``entry``."""
    for w in inside:  # a stacking modifier inside the label counts as one before it
        for me in modifier_words.get(w.lower(), ()):
            if entry.category in me.stacks_onto and me not in stack:
                stack.append(me)
                break
    return tuple(stack)


def stacked_hits(refs, modifier_words, text, norm, seg, amap, kept, taken, extra, mods, sites,
                 labels) -> list[tuple]:
    """The hits of heads of one kind with modifier hits about: stacked modifiers merge with the head after them.

    ``refs``: the matcher's (pack, entry) refs; ``kept``: heads kept by longest-match resolution, as
    ``(start, end, ref)``; ``taken``: the kind's other kept heads ``(start, end)`` (that passed ``case: lower``;
    a modifier that overlaps one of them does not stack); ``extra``: label modifiers and context rule per
    ``(start, end, ref)``; ``mods``: the kind's modifier hits ``(start, end, ref)``; ``sites``/``labels``: as the
    matcher's use-or-mention test takes them. Returns ``(start, end, pack, entry, severity, stack, use,
    modifiers, sense)`` tuples in ``kept`` order.
    """
    final = []
    for s, e, r in kept:
        ref = refs[r]
        if amap is None:
            os_, oe = s, e
        else:
            os_, oe = to_orig(s, amap), to_orig(e, amap)
        if ref.lower and not lower_ok(text, os_, seg):
            continue
        final.append([s, e, r, os_, oe, [], extra.get((s, e, r))])
    if final:
        _stack(refs, final, taken, mods, norm, amap)
    hits = []
    for s, e, r, os_, oe, stack, got in final:
        ref = refs[r]
        entry = ref.entry
        sev = entry.severity
        inside: tuple[str, ...] = ()
        sense = None
        if got is not None:
            inside, rule = got
            if rule is not None:
                sev, sense = rule.severity, rule.sense
        stack = inside_stack(entry, inside, stack, modifier_words)
        if stack:
            sev += sum(m.severity for m in stack)
        if s in sites:
            u = use(text, norm, s, e, seg, labels)
        elif labels and senses.declined(norm, s):
            u = "mention"
        else:
            u = "use"
        hits.append((os_, oe, ref.lexicon, entry, sev, stack, u, inside, sense))
    return hits


def _stack(refs, final, taken, mods, norm, amap) -> None:
    """Merge into each head of ``final`` the modifier hits of ``mods`` that end right before it (one space,
    hyphen or line break between), nearest first, while they stack onto its category and overlap no other
    kept head (of ``final`` or ``taken``)."""
    mods = sorted(mods, key=lambda t: (t[1], -(t[1] - t[0])))
    ends: dict[int, list] = {}
    for m in mods:
        ends.setdefault(m[1], []).append(m)
    starts_taken = [(f[0], f[1]) for f in final] + taken
    for f in final:
        head_entry = refs[f[2]].entry
        while True:
            j = f[0]
            # separators between modifier and head: one space, hyphen or line break
            i = j
            while i > 0 and norm[i - 1] in " -\n" and j - i < 2:
                i -= 1
            if i == j:
                break
            mod = None
            for m in ends.get(i, ()):
                me = refs[m[2]].entry
                if head_entry.category in me.stacks_onto and not any(
                        a < m[1] and m[0] < b for a, b in starts_taken if (a, b) != (f[0], f[1])):
                    mod = m
                    break
            if mod is None:
                break
            f[5].insert(0, refs[mod[2]].entry)
            f[0] = mod[0]
            f[3] = to_orig(mod[0], amap)
