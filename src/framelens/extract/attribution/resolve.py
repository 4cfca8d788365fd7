"""After every cue of a document is read: the normalised ``source`` of each attribution (a full name for a
surname, an outlet's name, no leading determiner), short forms of organisations named in full elsewhere, and
pronouns or generic outlet nouns ('the newspaper') resolved to the nearest clear antecedent."""

from __future__ import annotations

from .names import NameFinder, strip_determiner
from .records import Attribution
from .tokens import TokenCache


def normalise_sources(names: NameFinder, seg, attrs: list[Attribution], cache: TokenCache) -> None:
    """Fill ``source`` (and upgrade ``source_type``, set ``resolved_from``/``uncertain``) on ``attrs``."""
    text = cache.text
    surnames: dict[str, tuple[str, bool]] = {}  # surname -> (full name, is official), from this document's sources
    for a in attrs:
        if a.source_type in ("person", "official") and a.named:
            full = names.name_part(cache, a.src_start, a.src_end)
            if full and " " in full:
                surnames.setdefault(full.split()[-1], (full, a.source_type == "official"))
    for a in attrs:
        _source_string(names, text, a, surnames, cache)
    _expand_short_forms(attrs)
    _resolve_antecedents(names, text, seg, attrs, surnames, cache.memo)


def _source_string(names: NameFinder, text: str, a: Attribution, surnames: dict, cache: TokenCache) -> None:
    mention = text[a.src_start:a.src_end]
    if a.source_type == "pronoun":
        a.pronoun = mention
        a.source = mention
        return
    if a.passive and a.rule == "passive_it":
        a.source = None
        return
    if a.source_type in ("person", "official") and a.named:
        name = names.name_part(cache, a.src_start, a.src_end) or strip_determiner(mention)
        if " " not in name:
            hit = surnames.get(name) or names.full_name(text, name, cache.memo)
            if hit is None and name.isupper() and a.rule == "colon":  # a transcript label: 'DUNLOP:'
                hit = surnames.get(name.title()) or names.full_name(text, name.title(), cache.memo)
            if hit:
                name = hit[0]
                if hit[1]:
                    a.source_type = "official"  # "Pilbeam" after "State Sen. Agnes Pilbeam"
        a.source = name
    elif a.source_type == "media" and a.named:
        a.source = names.outlet_name(cache, a.src_start, a.src_end) or strip_determiner(" ".join(mention.split()))
    else:
        a.source = strip_determiner(" ".join(mention.split()))
    a.source = a.source.replace("’", "'")


def _expand_short_forms(attrs: list[Attribution]) -> None:
    """A short form of an organisation or outlet named in full elsewhere in the document takes the full form."""
    full_forms = {a.source for a in attrs if a.source_type in ("media", "organization") and a.named and a.source}
    for a in attrs:
        if a.source_type in ("media", "organization") and a.named and a.source:
            longer = {f for f in full_forms if f.endswith(" " + a.source)}
            if len(longer) == 1:
                a.source = longer.pop()


def _resolve_antecedents(names: NameFinder, text: str, seg, attrs: list[Attribution], surnames: dict,
                         memo: dict) -> None:
    """Pronouns and generic outlet nouns ("the newspaper") take the nearest clear antecedent within two
    paragraphs; when the antecedent is unclear they are marked ``uncertain``."""
    paras: list[int] | None = None
    generic_forms = frozenset(names.words.generic_media)
    for idx, a in enumerate(attrs):
        generic_media = a.source_type == "media" and not a.named and \
            " ".join(text[a.src_start:a.src_end].lower().split()) in generic_forms
        if a.source_type != "pronoun" and not generic_media:
            continue
        low = text[a.src_start:a.src_end].lower()
        if generic_media:
            compatible = ("media",)
        elif low in ("he", "she"):
            compatible = ("person", "official")
        elif low == "they":
            compatible = ("organization", "vague", "anonymous", "official")
        elif low == "it":
            compatible = ("organization", "media", "document")
        else:
            a.uncertain = True
            continue
        if paras is None:
            paras = [seg.paragraph_at(b.src_start) for b in attrs]
        para = paras[idx]
        candidates: list[tuple[int, str, str, bool]] = []  # (position, source, type, named)
        for bi, b in enumerate(attrs[:idx]):
            if paras[bi] >= para - 2 and b.source_type in compatible and \
                    (b.named or low == "they") and b.source and b.src_start < a.src_start:
                candidates.append((b.src_start, b.source, b.source_type, b.named))
        if low in ("he", "she"):
            # people named in the text before the pronoun, even if not quoted ("Lorcan Pell runs the shelter")
            doc_names = names.doc_names(text, memo)
            if "name_paras" not in memo:
                memo["name_paras"] = [seg.paragraph_at(pos) for pos, _, _ in doc_names]
            for (pos, name, official), name_para in zip(doc_names, memo["name_paras"]):
                if pos >= a.src_start:
                    break
                if name_para >= para - 2:
                    known = surnames.get(name.split()[-1])
                    candidates.append((pos, name, "official" if official or (known and known[1]) else "person", True))
        if not candidates:
            a.uncertain = True
            continue
        candidates.sort()
        latest = {}
        for c in candidates:
            latest[c[1]] = c  # the latest mention of each name
        nearest = candidates[-1]
        same_para = {c[1] for c in candidates if seg.paragraph_at(c[0]) == para}
        if len(latest) == 1 or (len(same_para) == 1 and nearest[1] in same_para):
            a.resolved_from = text[a.src_start:a.src_end]
            _, a.source, a.source_type, a.named = nearest
        else:
            a.uncertain = True
