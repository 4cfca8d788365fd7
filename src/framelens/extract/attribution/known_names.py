"""The full names of a document that a short name may stand for: from the document's sources first, then from the
runs of capitalised words of its text (:class:`.names.NameIndex`), looked up by last word or by a shorter tail.

Split from :mod:`.resolve`, which uses it to expand a surname or a shorter tail to the one full name it stands for.
"""

from __future__ import annotations

from .names import GENERATIONAL_SUFFIXES, NAME_PARTICLES, NameFinder, NameIndex, uses_before


def _last_words(parts: list[str]) -> tuple[str, ...]:
    """The words a full name is looked up by: its last word and, before a generational suffix, the surname
    ('John Conyers Jr.' is found by 'Jr.' and by 'Conyers')."""
    if len(parts) >= 3 and parts[-1].rstrip(".") in GENERATIONAL_SUFFIXES:
        return parts[-1], parts[-2]
    return (parts[-1],)


class _Names:
    """The full names of a document, from its sources first and then from runs of capitalised words, looked up
    by last word or by a shorter tail."""

    def __init__(self, names: NameFinder, text: str, memo: dict):
        self._names, self._text, self._memo = names, text, memo
        self._index: NameIndex | None = None
        self.by_last: dict[str, dict[str, bool]] = {}  # from this document's sources: last word -> {name: official}
        self.by_tail: dict[str, set[str]] = {}
        self.titles: dict[str, set[str]] = {}  # name -> title words seen before it in a source mention
        self._canonical: dict[str, str] = {}  # names recur: each is looked up once
        self._expanded: dict[tuple[str, str | None], tuple[str, bool] | None] = {}
        self._intro: dict[tuple[str, str], bool] = {}  # (surname, full name) -> not used twice before (text only)

    @property
    def index(self) -> NameIndex:
        """The names of the document's text (:meth:`.names.NameFinder.index`), built on first use."""
        if self._index is None:
            self._index = self._names.index(self._text, self._memo)
        return self._index

    def add_source(self, full: str, official: bool, title: str | None) -> None:
        self._canonical.clear()
        self._expanded.clear()
        if title:
            self.titles.setdefault(full, set()).add(title)
        parts = full.split()
        for last in _last_words(parts):
            d = self.by_last.setdefault(last, {})
            d[full] = d.get(full, False) or official
        for k in range(1, len(parts) - 1):
            self.by_tail.setdefault(" ".join(parts[k:]), set()).add(full)

    def _introduced(self, surname: str, full: str) -> bool:
        """Whether ``full`` is not used after two bare uses of ``surname`` before it (see
        :func:`.names.uses_before`); it depends on the text alone, so it is kept for the document."""
        key = (surname, full)
        got = self._intro.get(key)
        if got is None:
            text = self._text
            at = text.find(full)
            got = self._intro[key] = at < 0 or uses_before(text, surname, at) < 2
        return got

    def expand(self, name: str, title: str | None) -> tuple[str, bool] | None:
        """The one full name a short form stands for, and whether it had a title; None when there is none or
        several. A one-word name is looked up by last word among the full names of the document's sources and
        of its text, a longer one by tail; a title in the mention ('Sen. Cruz') picks among several full names
        the one seen after the same title (each name and title is looked up once per document)."""
        key = (name, title)
        if key in self._expanded:
            return self._expanded[key]
        got = self._expanded[key] = self._expand(name, title)
        return got

    def _expand(self, name: str, title: str | None) -> tuple[str, bool] | None:
        got = self._expand_as_written(name, title)
        first, _, rest = name.partition(" ")
        if got is None and rest and first.lower() in NAME_PARTICLES and first[:1].isupper():
            # a particle capitalised to open a sentence: 'De Leon added' after 'Luis de Leon'
            got = self._expand_as_written(first.lower() + " " + rest, title)
        return got

    def _expand_as_written(self, name: str, title: str | None) -> tuple[str, bool] | None:
        if " " in name:
            found = self.by_tail.get(name)
            if found and len(found) == 1:
                full = next(iter(found))
                return full, self.by_last[full.split()[-1]][full]
            longer = self.index.longer(name)
            if longer is None:
                return None
            return longer, self.index.by_last.get(longer.split()[-1], {}).get(longer, False)
        found = dict(self.index.by_last.get(name, {}))
        for n, o in self.by_last.get(name, {}).items():
            found[n] = found.get(n, False) or o
        found = _same_person_tails(found)
        if found:
            # not a full name introduced after two or more uses of the surname: those are someone else's ('Trump
            # said ...' before 'Lara Trump, the president's daughter-in-law'; see names.introduced_names)
            found = {n: o for n, o in found.items() if self._introduced(name, n)}
        if not found:
            return None
        if len(found) == 1:
            return next(iter(found.items()))
        if title:
            titled = [(n, o) for n, o in found.items()
                      if title in self.index.titles_of(n) or title in self.titles.get(n, ())]
            if len(titled) == 1:
                return titled[0]
        return None  # several people share the name: leave it as written

    def fold(self, name: str) -> str:
        """The shortest known full name that a longer name ends with ('Actor Robert Knepper' -> 'Robert
        Knepper' when the document also has 'Robert Knepper'): how pronoun candidates are counted, so that a
        capitalised word before a name does not make a second person."""
        parts = name.split()
        if len(parts) < 3:
            return name
        known = self.by_last.get(parts[-1], {}).keys() | self.index.by_last.get(parts[-1], {}).keys()
        for k in range(len(parts) - 2, 0, -1):
            tail = " ".join(parts[k:])
            if tail in known:
                return tail
        return name

    def canonical(self, name: str) -> str:
        """A document name's full form where the document has exactly one ('Yulín Cruz' -> 'Carmen Yulín Cruz')."""
        got = self._canonical.get(name)
        if got is None:
            hit = self.expand(name, None) if name.split()[-1] != name else None
            got = self._canonical[name] = hit[0] if hit else name
        return got


def _inside(long: str, short: str) -> str | None:
    """How ``short`` (a full name) sits in ``long`` with the same last word: ``"tail"`` ('JUST WATCHED Donald
    Trump', 'Donald Trump'), ``"inside"`` with words between ('Sarah Huckabee Sanders', 'Sarah Sanders'), or
    None."""
    lw, sw = long.split(), short.split()
    if len(sw) >= len(lw) or lw[-1] != sw[-1]:
        return None
    if lw[len(lw) - len(sw):] == sw:
        return "tail"
    rest = iter(lw)
    return "inside" if all(w in rest for w in sw) else None


def _same_person_tails(found: dict[str, bool] | None) -> dict[str, bool] | None:
    """Full names sharing a last word, with a longer form of another one folded into it: words before it ('JUST
    WATCHED Donald Trump' is 'Donald Trump': a capitalised word before a name is no proof of another person),
    or a middle name or initial added to a first and last name when exactly one longer form has one ('Sarah
    Huckabee Sanders' is 'Sarah Sanders'; 'George H. W. Bush' and 'George W. Bush' both fit 'George Bush', so
    none is folded, and 'George W. Bush' is no first and last name, so 'George H. W. Bush' stays). More than
    eight names are left as they are (the fold compares every pair)."""
    if not found or len(found) < 2 or len(found) > 8:
        return found
    out = dict(found)
    for m in found:
        tails = [n for n in found if _inside(n, m) == "tail"]
        inside = [n for n in found if _inside(n, m) == "inside"]
        # a middle name or initial added to a first and last name, when only one longer form has one
        fold = tails + (inside if len(inside) == 1 and len(m.split()) == 2 else [])
        for n in fold:
            if n in out and m in out:
                out[m] = out[m] or out[n]
                del out[n]
    return out
