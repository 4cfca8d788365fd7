"""CompareResult: every table of a comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CompareResult"]


@dataclass
class CompareResult:
    """Every table of a comparison (made by :func:`compare`).

    Tables are DataFrames; ``group`` columns hold the value of ``by``.

    How each number is computed, and its limits, is in docs/methods_compare.md.

    Parameters
    ----------
    by : str
        The column the documents are grouped by.
    event : str or None
        The event the comparison was restricted to (None: all documents).
    documents : DataFrame
        The analysis documents table (only the compared documents), with a
        ``group`` column and a count column for every counted kind.
    spans : DataFrame
        The analysis spans table (only the spans of the compared documents).
    texts : dict of str to str
        Document id -> text.
    stats : DataFrame
        :func:`group_stats`: one row per (group, metric), with pooled rates,
        95% bootstrap intervals and n.
    keyness : DataFrame
        :func:`keyness`: distinctive terms of each group against the others.
    term_choice : DataFrame
        :func:`term_choice`: variant counts per (group, referent group, entry).
    categories : DataFrame
        Counted loaded terms per group and category (``group``, ``category``, ``count``).
    verbs : DataFrame
        Report verbs in the author's voice: groups x verb label, counts.
    source_types : DataFrame
        Attributions: groups x source type, counts.
    sources : DataFrame
        Cited sources per group (``group``, ``source``, ``source_type``, ``count``).
    source_verbs : DataFrame
        How each source is cited (``source``, ``group``, ``cue``, ``stance``, ``count``).
    frames : DataFrame
        Frame cues: groups x frame label, counts.
    positions : DataFrame
        Where each counted loaded term lies (``group``, ``doc_id``, ``start``,
        ``text``, ``rel_pos``, ``in_lede``, ``voice``).
    tests : list of dict
        The :func:`permutation_test` results asked for.
    problems : list of Problem
        Documents and inputs skipped by the analysis.
    resources : list of dict
        Lexicons and other resources used (filled by :func:`run_compare`).
    colors : dict of str to str
        Group -> colour, as used in charts and the report.
    parameters : dict
        The comparison's parameters (recorded in the manifest).
    alignment : dict
        Event -> :class:`framelens.coverage.align.AlignResult` (fact units), for
        events covered by 2+ documents.
    kinds : dict of str to KindSpec
        Kind name -> :class:`~framelens.kinds.KindSpec` of every kind in the
        analysis (styles, tooltips, counts).
    flags : DataFrame
        :func:`framelens.compare.stats.group_flags`: one row per group, ``flagged``
        and ``flag_reason`` (under a minimum: never ranked nor named in a finding).
    comparisons : DataFrame
        :func:`framelens.compare.stats.group_tests`: every all-groups and pairwise
        test, with Benjamini-Hochberg adjusted p-values and effect sizes.
    groups_join : dict
        What joining a group table did (:func:`framelens.compare.groups_table.join_groups`);
        empty without one.
    """

    by: str
    event: str | None
    documents: Any
    spans: Any
    texts: dict[str, str]
    stats: Any
    keyness: Any
    term_choice: Any
    categories: Any
    verbs: Any
    source_types: Any
    sources: Any
    source_verbs: Any
    frames: Any
    positions: Any
    tests: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    resources: list[dict[str, Any]] = field(default_factory=list)
    colors: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    #: event -> :class:`framelens.coverage.align.AlignResult` (fact units), for events covered by 2+ documents.
    alignment: dict[str, Any] = field(default_factory=dict)
    #: kind name -> :class:`~framelens.kinds.KindSpec` of every kind in the analysis (styles, tooltips, counts)
    kinds: dict[str, Any] = field(default_factory=dict)
    #: per-group small-sample flags (group, n_docs, words, short_docs, non_english_docs, flagged, flag_reason)
    flags: Any = None
    #: all-groups and pairwise tests, Benjamini-Hochberg adjusted (see framelens.compare.stats.group_tests)
    comparisons: Any = None
    #: what joining a group table did (file, key, columns, matched, unmatched, unused); empty without one
    groups_join: dict[str, Any] = field(default_factory=dict)

    @property
    def eligible(self) -> list[str]:
        """The groups that meet the minimums (the only ones ranked and named in findings), sorted.

        Returns
        -------
        list of str
        """
        if self.flags is None or not len(self.flags):
            return list(self.groups)
        return sorted(self.flags.loc[~self.flags["flagged"].astype(bool), "group"])

    @property
    def groups(self) -> list[str]:
        """The groups compared, sorted (empty when there are no documents).

        Returns
        -------
        list of str
        """
        return sorted(self.documents["group"].unique()) if len(self.documents) else []

    def __repr__(self) -> str:
        groups = self.groups
        n = self.documents["group"].value_counts() if len(self.documents) else {}
        shown = ", ".join(f"{g if len(g) <= 40 else g[:39] + '…'}: {int(n[g]):,}" for g in groups[:8])
        more = f", … {len(groups) - 8} more" if len(groups) > 8 else ""
        event = f", event={self.event!r}" if self.event else ""
        return (f"<CompareResult by {self.by!r}{event}: {len(groups)} groups ({shown}{more}), "
                f"{len(self.documents):,} documents, {len(self.spans):,} spans, {len(self.problems):,} problems>")

    def _repr_html_(self) -> str:
        """Notebook view: per group n, words and a few rates per 1,000 words with their 95% intervals."""
        from ..view.html import compare_html

        return compare_html(self)

    def stat(self, group: str, metric: str) -> dict[str, Any] | None:
        """The group_stats row of one group and metric, as a dict (None when absent).

        Parameters
        ----------
        group : str
            A group (a value of ``by``).
        metric : str
            A metric name of :attr:`stats` (e.g. ``"loaded"``).

        Returns
        -------
        dict or None
            The row's columns and values; None when ``stats`` has no such row.
        """
        s = self.stats
        part = s[(s["group"] == group) & (s["metric"] == metric)]
        return None if part.empty else part.iloc[0].to_dict()
