"""Entries that can never match: their term already belongs to an earlier pack's entry of the same kind.

The matcher resolves identical extents in pack order (shipped packs first), so such an entry scores no hit;
:func:`find_shadowed` lists them and :meth:`Shadow.message` says what to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from ..lexicon import Entry, Lexicon
from .matcher_text import key

__all__ = ["Shadow", "find_shadowed", "is_shipped"]


@dataclass(frozen=True)
class Shadow:
    """An entry that never matches on its term: an earlier pack already has that term, for the same kind.

    On the same words the earlier pack's entry wins (ties go to pack order: shipped packs first), so
    ``entry`` of ``lexicon`` scores no hit; ``by``/``by_lexicon`` is the entry that wins.
    """

    lexicon: Lexicon
    entry: Entry
    by_lexicon: Lexicon
    by: Entry
    #: forms of ``entry`` that no earlier entry holds (a quick list's unlikely inflections, e.g. "thugged")
    free_forms: tuple[str, ...] = ()

    def message(self) -> str:
        """``file:line: term 'X' is already in shipped pack 'P' (entry id E): ...`` with what to do."""
        where = f"{self.lexicon.path or self.lexicon.name}:{self.entry.line or 1}"
        shipped = is_shipped(self.by_lexicon)
        pack = f"{'shipped ' if shipped else ''}pack {self.by_lexicon.name!r}"
        fix = ("remove it from your list (the shipped entry already counts it), or use --no-default-lexicons "
               "with your own copy of the pack to change its category" if shipped else
               "remove it from one of the two packs")
        never = "this entry will never match" + (
            f" (except as {', '.join(repr(f) for f in self.free_forms)})" if self.free_forms else "")
        return (f"{where}: term {self.entry.term!r} is already in {pack} (entry id {self.by.id}, category "
                f"{self.by.category!r}): {never}; {fix}")


def is_shipped(lex: Lexicon) -> bool:
    from .._resources import lexicon_dir

    if not lex.path:
        return False
    return os.path.dirname(os.path.abspath(lex.path)) == os.path.abspath(str(lexicon_dir()))


def find_shadowed(lexicons: Sequence[Lexicon]) -> list[Shadow]:
    """Entries whose term is held, for the same kind, by an entry of an earlier pack (see :class:`Shadow`).

    Mirrors the matcher's rule for identical extents: the first (pack, entry) in load order wins. An earlier
    entry with look-alike context rules may decline a match, so it is not counted as shadowing.
    """
    from ..lexicon import normalize_phrase

    owner: dict[tuple[str, str], tuple[int, int]] = {}  # (kind, key) -> first (pack, entry) holding it
    out: list[Shadow] = []
    for li, lex in enumerate(lexicons):
        for ei, entry in enumerate(lex.entries):
            if entry.role != "term" or not entry.phrases:
                continue
            keys = [(lex.kind, key(p)) for p in entry.phrases]
            head = (lex.kind, key(normalize_phrase(entry.term)))
            if head not in keys:
                head = keys[0]
            first = owner.get(head)
            if first is not None and first[0] < li:  # its own term already belongs to an earlier pack
                free = tuple(p for p, k in zip(entry.phrases, keys) if owner.get(k) is None)
                bl, be = first
                out.append(Shadow(lex, entry, lexicons[bl], lexicons[bl].entries[be], free))
            has_context = bool(entry.not_followed_by or entry.followed_by or entry.not_preceded_by
                               or any(r.then == "drop" for r in entry.context))
            if not has_context:
                for k in keys:
                    owner.setdefault(k, (li, ei))
    return out
