"""Term choice: which variant each group uses for the same referent.

Loaded-term lexicon entries that name the same people or thing carry the same
``group`` (e.g. ``unauthorized_immigrants``: "illegal alien", "illegal
immigrant", "illegals", "undocumented immigrant", "immigrant in the country
illegally", "without legal status"), and groups compared together share a
``view`` (``immigrants``: the unauthorized-immigrant labels, the general
"immigrant" and "migrant" labels and the "alien"/"noncitizen" ones). Counting,
per outlet, which entry of each view fired gives the term-choice matrix:
outlets x variants. Neutral variants (``neutral_term`` spans, severity 0) are
counted like the loaded ones (``loaded_term``); each row keeps its fine
``referent_group`` and its word ``family`` (``immigrant``, ``migrant``,
``alien``...), so "migrant" and "immigrant" labels sit in one table and stay
distinguishable.

Mentions (a term discussed as a word, "the term 'illegal alien'") are left out
by default. Uses in the reporter's own voice and inside quotations are counted
separately (``author``, ``quoted``), because quoting someone's word is a
different choice from using it.
"""

from __future__ import annotations

from typing import Mapping

from ..errors import ConfigError

__all__ = ["term_choice", "term_choice_matrix", "variant_labels", "dominant_variants", "TERM_KINDS"]

#: span kinds that take part in term choice
TERM_KINDS = ("loaded_term", "neutral_term")


def _terms(spans):
    """Rows of the term kinds (``loaded_term`` and ``neutral_term``) with an entry."""
    return spans[spans["kind"].isin(TERM_KINDS) & spans["entry"].notna()]


def _without_modifiers(text: str, modifiers) -> str:
    """``text`` without the label modifiers inside it (a list, or its JSON text as in spans.csv)."""
    if isinstance(modifiers, str) and modifiers.startswith("["):
        import json

        modifiers = json.loads(modifiers)
    if not isinstance(modifiers, (list, tuple)) or not modifiers:
        return text
    words = text.replace("\n", " ").replace("-", " ").split(" ")
    for m in modifiers:  # modifiers stand after the label's first word
        if m in words[1:]:
            del words[words.index(m, 1)]
    return " ".join(w for w in words if w)


def variant_labels(spans) -> dict[str, str]:
    """A readable label for every loaded- or neutral-term entry: its most frequent lower-cased surface form,
    without the modifiers inside it ("illegal juvenile immigrants" is a use of "illegal immigrants")."""
    lt = _terms(spans)
    if "modifiers" in lt.columns:
        lt = lt.assign(text=[_without_modifiers(t, m) for t, m in zip(lt["text"], lt["modifiers"])])
    out: dict[str, str] = {}
    for entry, texts in lt.groupby("entry")["text"]:
        forms = texts.str.lower().str.replace("\n", " ").str.replace("’", "'")
        out[entry] = forms.value_counts().sort_index().sort_values(ascending=False, kind="mergesort").index[0]
    return out


def term_choice(spans, documents, by: str = "outlet", *, include_mentions: bool = False,
                labels: Mapping[str, str] | None = None):
    """Long table of variant counts: one row per (group, referent view, entry).

    Columns: ``group`` (value of ``by``), ``referent`` (the entry's referent view:
    the groups compared together, e.g. ``immigrants``; the referent group where
    the pack gives no view), ``entry``, ``variant`` (readable label), ``count``
    (all uses), ``author``, ``quoted``, ``share`` (the variant's share of the
    group's uses for that referent, 0-1), ``severity`` (of the entry; highest
    seen), ``n_docs`` (documents of the group), ``docs_using`` (documents using
    the variant), ``family`` (the label's word family: ``immigrant``,
    ``migrant``, ``alien``...; the most frequent one of the entry's uses),
    ``referent_group`` (the lexicon's referent group).

    Parameters
    ----------
    spans, documents : DataFrame
        The spans and documents tables of an analysis.
    by : str
        Documents column that defines the groups.
    include_mentions : bool
        Count mentions too ("the term 'illegal alien'").
    labels : mapping, optional
        Entry ref -> variant label, overriding :func:`variant_labels`.

    Returns
    -------
    DataFrame
    """
    import pandas as pd

    from .group import group_column

    cols = ["group", "referent", "entry", "variant", "count", "author", "quoted", "share", "severity",
            "n_docs", "docs_using", "family", "referent_group"]
    if "group" not in spans.columns or spans.empty:
        return pd.DataFrame(columns=cols)
    gcol = group_column(documents, by)
    doc_group = dict(zip(documents["id"], gcol))
    n_docs = gcol.value_counts().to_dict()
    lt = _terms(spans)
    lt = lt[lt["group"].notna()].copy()
    if not include_mentions and "use" in lt.columns:
        lt = lt[lt["use"] != "mention"]
    lt = lt[lt["doc_id"].isin(doc_group)]
    if lt.empty:
        return pd.DataFrame(columns=cols)
    lab = dict(variant_labels(spans))
    if labels:
        lab.update(labels)
    lt["g"] = lt["doc_id"].map(doc_group)
    lt["is_author"] = (lt["voice"] == "author").astype(int)
    lt["is_quoted"] = (lt["voice"] == "quoted").astype(int)
    sev = lt["severity"] if "severity" in lt.columns else 0
    lt["sev"] = pd.to_numeric(sev, errors="coerce").fillna(0)
    # the referent view (a table written before views existed has none: the group is its own view)
    lt["ref"] = lt["view"].fillna(lt["group"]) if "view" in lt.columns else lt["group"]
    lt["fam"] = lt["family"].fillna("") if "family" in lt.columns else ""
    agg = lt.groupby(["g", "ref", "entry"]).agg(
        count=("entry", "size"), author=("is_author", "sum"), quoted=("is_quoted", "sum"),
        severity=("sev", "max"), docs_using=("doc_id", "nunique"), referent_group=("group", "first"),
        family=("fam", _mode)).reset_index()
    agg["family"] = agg["family"].replace("", None)
    agg = agg.rename(columns={"ref": "referent", "g": "group"})
    tot = agg.groupby(["group", "referent"])["count"].transform("sum")
    agg["share"] = agg["count"] / tot
    agg["variant"] = agg["entry"].map(lambda e: lab.get(e, str(e).rsplit(":", 1)[-1].replace("_", " ")))
    agg["n_docs"] = agg["group"].map(n_docs)
    agg = agg.sort_values(["referent", "group", "count", "variant"], ascending=[True, True, False, True])
    return agg[cols].reset_index(drop=True)


def _mode(values) -> str:
    """The most frequent value (ties: the first in sort order)."""
    counts = values.value_counts()
    return str(min(counts.index[counts == counts.max()]))


def term_choice_matrix(long, referent: str | None = None, *, value: str = "count"):
    """Groups x variants for one referent view (default: the one with the most uses).

    ``referent`` may also name a fine referent group (``referent_group``, e.g.
    ``unauthorized_immigrants``): only its variants are shown. ``value``: ``count``,
    ``author``, ``quoted`` or ``share``. Variants are ordered by severity (neutral
    first) then label; missing cells are 0.
    """
    import pandas as pd

    if value not in ("count", "author", "quoted", "share"):
        raise ConfigError(f"value={value!r}; allowed: count, author, quoted, share")
    if long.empty:
        return pd.DataFrame()
    if referent is None:
        referent = long.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]
    sub = long[long["referent"] == referent]
    if sub.empty and "referent_group" in long.columns:
        sub = long[long["referent_group"] == referent]
    if sub.empty:
        known = ", ".join(sorted(long["referent"].unique()))
        raise ConfigError(f"no uses of referent group {referent!r}; groups with uses: {known}")
    order = sub.groupby("variant")["severity"].max().reset_index().sort_values(["severity", "variant"])["variant"]
    mat = sub.pivot_table(index="group", columns="variant", values=value, aggfunc="sum", fill_value=0)
    mat = mat.reindex(columns=list(order))
    mat.columns.name = referent
    return mat


def dominant_variants(long, referent: str | None = None, voice: str = "author"):
    """Per group, the variant it uses most for ``referent`` (default: the most used referent group).

    ``voice``: ``author`` counts the reporter's own voice, ``count`` every use.
    Returns {group: (variant, uses, total uses of the referent)}; ties are broken
    by the lower severity, then the label.
    """
    if long.empty:
        return {}
    if referent is None:
        referent = long.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]
    sub = long[long["referent"] == referent]
    out = {}
    for g, part in sub.groupby("group"):
        part = part.sort_values([voice, "severity", "variant"], ascending=[False, True, True])
        top = part.iloc[0]
        total = int(part[voice].sum())
        if total == 0:
            continue
        out[g] = (top["variant"], int(top[voice]), total)
    return out
