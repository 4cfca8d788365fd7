"""Source identity across documents: which attributions of a corpus cite the same source.

Within a document the attribution extractor has already resolved names (a surname to the one full name it
stands for, a title and surname, a clear pronoun) and given each person one type
(:mod:`framelens.extract.attribution.identity`). Across documents this module merges only what is certainly
the same source:

* named sources whose **whole normalised name** is the same (case, accents, punctuation and leading titles
  removed: ``"Mayor Carmen Yulín Cruz"`` and ``"Carmen Yulin Cruz"``); never on a surname alone, so a bare
  ``"Cruz"`` stays ``"Cruz"`` and is not merged with ``"Ted Cruz"`` (a bare ``"Cruz"`` of another document,
  the same string, is);
* names the user maps with an explicit alias table (``source_aliases``), and nothing else;
* unnamed sources ("the sheriff", "a Trump administration official") only with the same description, never
  with a named person; vague and anonymous sources and unresolved pronouns get no identity at all.

A group is shown under its most frequent spelling, so only spellings that occur in the group are displayed.
See docs/methods_attribution.md, "Source identity".
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError, Reason
from ..extract.attribution.identity import PERSON_TYPES, normalise_label, normalise_name

__all__ = ["identify_sources", "load_source_aliases", "source_key", "NO_IDENTITY_TYPES", "IDENTITY_COLUMNS"]

#: Source types that never get an identity (never merged with anything, left out of the per-source tables).
NO_IDENTITY_TYPES = ("pronoun", "anonymous", "vague")
#: Columns :func:`identify_sources` returns.
IDENTITY_COLUMNS = ("source_key", "source_name", "source_type")
#: Prefix of the key of an unnamed source: it can never equal a name's key.
UNNAMED_PREFIX = "~"


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def source_key(source: Any, source_type: Any = None, named: Any = True, source_id: Any = None,
               aliases: Mapping[str, str] | None = None) -> str | None:
    """The identity key of one attribution's source, or None when it has none.

    Parameters
    ----------
    source : str
        The normalised ``source`` of an attribution span.
    source_type : str, optional
        Its ``source_type``; ``pronoun``, ``anonymous`` and ``vague`` sources have no key.
    named : bool, default True
        Its ``named`` field; an unnamed source's key is its description, marked so that it never equals
        a name's key.
    source_id : str, optional
        The span's ``source_id`` (the key the extractor gave it in its document); used when present.
    aliases : mapping of str to str, optional
        Normalised alias -> normalised canonical name (:func:`load_source_aliases`), applied to named
        sources only.

    Returns
    -------
    str or None
        ``"ted cruz"``, ``"~trump administration official"``, or None.
    """
    if _missing(source) or source_type in NO_IDENTITY_TYPES:
        return None
    if named is False or named == 0:
        label = normalise_label(source)
        return UNNAMED_PREFIX + label if label else None
    if not _missing(source_id):
        key = str(source_id)
    elif source_type in PERSON_TYPES:
        key = normalise_name(source)
    else:
        key = normalise_label(source)
    if not key:
        return None
    if aliases:
        key = aliases.get(key, key)
    return key


def load_source_aliases(spec: Any) -> dict[str, str]:
    """An alias table as a mapping of normalised names: alias -> canonical.

    Parameters
    ----------
    spec : mapping, str, path or None
        A mapping ``{"Donald J. Trump": "Donald Trump", ...}`` or the path of a CSV file with the columns
        ``alias,canonical`` (a header row with those names, then one alias a line; ``#`` lines are
        comments). Both sides are normalised with
        :func:`framelens.extract.attribution.identity.normalise_name`; a chain (a -> b, b -> c) is followed to
        its end.

    Returns
    -------
    dict of str to str
        Empty for ``None``.

    Raises
    ------
    InputError
        The file is missing, empty or not UTF-8.
    ConfigError
        A row without both columns, an empty name, or a cycle (a -> b -> a).
    """
    if spec is None:
        return {}
    problems: list[str] = []
    if isinstance(spec, Mapping):
        pairs = [(str(k), str(v), f"source_aliases[{k!r}]") for k, v in spec.items()]
    elif isinstance(spec, (str, os.PathLike)):
        from ..io.textfile import read_text_file

        path = os.fspath(spec)
        pairs = []
        reader = csv.reader(io.StringIO(read_text_file(path, "read as an alias table")))
        for line_no, row in enumerate(reader, 1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if [c.lower() for c in cells[:2]] == ["alias", "canonical"]:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                problems.append(f"{path}:{line_no}: expected 'alias,canonical', got {','.join(row)!r}")
                continue
            pairs.append((cells[0], cells[1], f"{path}:{line_no}"))
    else:
        raise ConfigError(f"source_aliases: expected a mapping or the path of an alias,canonical CSV file, got "
                          f"{type(spec).__name__}", code=Reason.CONFIG)
    table: dict[str, str] = {}
    for alias, canonical, where in pairs:
        a, c = normalise_name(alias), normalise_name(canonical)
        if not a or not c:
            problems.append(f"{where}: an alias and its canonical name need letters, got {alias!r} -> {canonical!r}")
            continue
        if a != c:
            table[a] = c
    for a in list(table):  # follow chains; refuse cycles
        seen = {a}
        c = table[a]
        while c in table:
            if c in seen:
                problems.append(f"source_aliases: the aliases of {a!r} form a cycle ({' -> '.join(sorted(seen))})")
                break
            seen.add(c)
            c = table[c]
        table[a] = c
    if problems:
        raise ConfigError("; ".join(problems), code=Reason.CONFIG)
    return table


def _col(df, name):
    return df[name].tolist() if name in df.columns else [None] * len(df)


def identify_sources(attributions: Any, source_aliases: Any = None) -> Any:
    """The identity of every attribution's source: its key, the name it is shown under, and one type.

    Parameters
    ----------
    attributions : DataFrame
        ``attribution`` rows of a spans table (``source``, ``source_type``, ``named`` and, when present,
        ``source_id``).
    source_aliases : mapping, str, path, optional
        An alias table (:func:`load_source_aliases`): names it maps are merged; nothing else is.

    Returns
    -------
    DataFrame
        Indexed like ``attributions``, with ``source_key`` (None: no identity; vague, anonymous, unresolved
        pronoun or no source), ``source_name`` (the group's most frequent spelling; ties: the canonical name
        of the alias table if it is one of them, then the longer, then the alphabetically first) and
        ``source_type`` (the group's most frequent type; ties alphabetical).
    """
    import pandas as pd

    aliases = load_source_aliases(source_aliases)
    sources, types = _col(attributions, "source"), _col(attributions, "source_type")
    named, ids = _col(attributions, "named"), _col(attributions, "source_id")
    memo: dict = {}
    keys = []
    for s, t, n, i in zip(sources, types, named, ids):
        k = (s if isinstance(s, str) else None, t, n is False or n == 0, i if isinstance(i, str) else None)
        got = memo.get(k)
        if got is None and k not in memo:
            got = source_key(s, t, not k[2], k[3], aliases)
            memo[k] = got
        keys.append(got)
    spellings: dict[str, Counter] = {}
    type_counts: dict[str, Counter] = {}
    for key, s, t in zip(keys, sources, types):
        if key is None:
            continue
        spellings.setdefault(key, Counter())[" ".join(str(s).split()).replace("’", "'")] += 1
        type_counts.setdefault(key, Counter())["" if _missing(t) else str(t)] += 1
    canon = set(aliases.values())

    def rank(key, spelling, count):
        is_canonical = key in canon and normalise_name(spelling) == key
        return (-count, not is_canonical, -len(spelling), spelling)

    display = {key: min(c.items(), key=lambda kv: rank(key, kv[0], kv[1]))[0] for key, c in spellings.items()}
    main_type = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] or None for key, c in type_counts.items()}
    return pd.DataFrame({"source_key": keys,
                         "source_name": [display.get(k) if k is not None else None for k in keys],
                         "source_type": [main_type.get(k) if k is not None else None for k in keys]},
                        index=attributions.index, columns=list(IDENTITY_COLUMNS))
