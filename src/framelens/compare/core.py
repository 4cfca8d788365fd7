"""compare(): one comparison of groups of documents (the tables of a :class:`CompareResult`)."""

from __future__ import annotations

from typing import Any, Sequence

from ..errors import ConfigError, InputError, Reason
from ..text.segmentation import LEDE_MIN_WORDS
from ._tables import _add_kind_counts, _entry_terms, _span_tables
from .group import UNKNOWN_GROUP, _has_blank, group_stats, permutation_test
from .groups_table import join_groups
from .keyness import keyness
from .result import CompareResult
from .stats import (BOOTSTRAP_MIN_ARTICLES, DEFAULT_MIN_ARTICLES, DEFAULT_MIN_WORDS, DEFAULT_SHORT_WORDS, FDR_Q,
                    TEST_METRICS, check_minimums, group_flags, group_tests)
from .termchoice import term_choice

__all__ = ["compare"]


def compare(
    analysis,
    by: str = "outlet",
    event: str | None = None,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    tests: Sequence[tuple[str, str]] | None = None,
    test_metric: str = "loaded",
    keyness_top: int | None = 200,
    keyness_min_count: int = 2,
    prior_strength: float | None = None,
    variant_labels: dict[str, str] | None = None,
    align_facts: bool = True,
    min_articles: int = DEFAULT_MIN_ARTICLES,
    min_words: int = DEFAULT_MIN_WORDS,
    short_words: int = DEFAULT_SHORT_WORDS,
    groups: Any = None,
    groups_key: str = "outlet",
    fdr: float = FDR_Q,
    source_aliases: Any = None,
) -> CompareResult:
    """Compare groups of documents: aggregates, intervals, keyness, term choice, sourcing, frames.

    Every table is computed from the analysis tables as given (nothing is
    segmented again).

    Parameters
    ----------
    analysis : AnalysisResult, or documents
        An :class:`~framelens.AnalysisResult` (from :func:`framelens.analyze`), or
        documents / a corpus (anything :func:`framelens.analyze` takes), which are
        analysed with the default settings first (``errors="warn"``).
    by : str, default "outlet"
        The column to group by: ``outlet``, ``event`` or any metadata column.
    event : str, optional
        Keep only documents of that event.
    n_boot : int, default 2000
        Bootstrap resamples for the intervals of :func:`group_stats`.
    seed : int, default 0
        Random seed of the bootstrap and the permutation tests (same seed, same numbers).
    tests : sequence of (str, str), optional
        Pairs of groups to compare with :func:`permutation_test` on ``test_metric``.
    test_metric : str, default "loaded"
        The metric of the permutation tests.
    keyness_top : int or None, default 200
        Keep the ``keyness_top`` highest-z terms of each group (None: all).
    keyness_min_count : int, default 2
        Leave out of keyness the terms used fewer times in the whole corpus.
    prior_strength : float, optional
        The keyness prior's strength (see :func:`keyness`).
    variant_labels : dict of str to str, optional
        Lexicon entry ref -> readable variant label for :func:`term_choice`
        (default: the canonical terms of the shipped packs).
    align_facts : bool, default True
        Align the fact units of every event covered by two or more documents
        (:attr:`CompareResult.alignment`).
    min_articles, min_words : int, default 3 and 1,000
        Groups with fewer articles or words are flagged: shown, marked, never ranked nor named in a finding
        (:mod:`framelens.compare.stats` says why these defaults).
    short_words : int, default 200
        Documents with fewer words get ``short_text = True`` (excerpts, briefs).
    groups : DataFrame, str or Path, optional
        A table (or CSV file) of group attributes keyed by ``groups_key`` (e.g. outlet -> lean, owner), joined
        to the documents before grouping, so ``by="lean"`` works without editing the corpus
        (:func:`framelens.compare.groups_table.join_groups`; unmatched keys in
        :attr:`CompareResult.groups_join`).
    groups_key : str, default "outlet"
        The column shared by the documents and ``groups``.
    fdr : float, default 0.05
        False-discovery rate of the Benjamini-Hochberg correction of :attr:`CompareResult.comparisons`.
    source_aliases : mapping or str or Path, optional
        An alias table for the source tables: ``{"Donald J. Trump": "Donald Trump"}`` or the path of a CSV
        file with the columns ``alias,canonical``
        (:func:`framelens.coverage.identity.load_source_aliases`). Sources are merged across documents only
        on their whole normalised name or by this table, never on a surname alone.

    Returns
    -------
    CompareResult

    Raises
    ------
    ConfigError
        ``event`` matches no document, ``by`` is not a column, a test names an
        unknown group or the same group twice, or a parameter is out of range
        (e.g. ``n_boot`` under 100).
    InputError
        No document to compare (code ``empty_document``).
    """
    from ..runtime.pipeline import AnalysisResult, analyze
    from .palette import group_colors

    if not isinstance(analysis, AnalysisResult):
        analysis = analyze(analysis, errors="warn")
    # the analysis tables as given: nothing is rebuilt or segmented again
    documents = analysis.documents
    spans = analysis.spans
    check_minimums(min_articles, min_words, short_words)
    join_info: dict[str, Any] = {}
    if groups is not None:
        documents, join_info = join_groups(documents, groups, key=groups_key)
    if event is not None:
        documents = documents[documents["event"] == event]
        if documents.empty:
            events = sorted({str(e) for e in analysis.documents["event"]})
            raise ConfigError(f"--event {event!r}: no document has that event; events present: {', '.join(events)}")
    if documents.empty:
        raise InputError("input", "nothing to compare: no document was analysed", code=Reason.EMPTY_DOCUMENT)
    documents = documents.reset_index(drop=True).copy()
    keep = set(documents["id"])
    spans = spans[spans["doc_id"].isin(keep)].reset_index(drop=True) if len(documents) < len(analysis.documents) \
        else spans
    texts = {r.doc.id: r.doc.text for r in analysis.results if r.doc.id in keep}
    kinds = analysis.kinds or _registered_kinds(spans)
    documents, kind_metrics = _add_kind_counts(documents, spans, kinds)
    from .group import available_metrics, group_column

    documents["group"] = group_column(documents, by).to_numpy()
    blank = int((documents["group"] == UNKNOWN_GROUP).sum()) if _has_blank(documents, by) else 0
    _document_checks(documents, texts, short_words)
    if {"verbs_distancing", "verbs_evaluative"} <= set(documents.columns):
        documents["verbs_distancing_evaluative"] = (documents["verbs_distancing"].fillna(0)
                                                    + documents["verbs_evaluative"].fillna(0))
    metrics = available_metrics(documents) + kind_metrics
    stats = group_stats(documents, by=by, n_boot=n_boot, seed=seed, metrics=metrics, min_articles=min_articles,
                        min_words=min_words)
    flags = group_flags(documents, min_articles=min_articles, min_words=min_words,
                        unknown=UNKNOWN_GROUP if blank else None)
    phis = stats.groupby("metric")["dispersion"].first().to_dict() if len(stats) else {}
    comparisons = group_tests(documents, [m for m in metrics if m.name in TEST_METRICS], flags, q=fdr, phis=phis,
                              stats=stats)
    key = keyness([texts[i] for i in documents["id"]], documents["group"], min_count=keyness_min_count,
                  prior_strength=prior_strength, top=keyness_top)
    if variant_labels is None:
        variant_labels = _entry_terms(None)
    tc = term_choice(spans, documents, by=by, labels=variant_labels)
    categories, verbs, source_types, sources, source_verbs, frames, positions = _span_tables(documents, spans, texts, by,
                                                                                            source_aliases)
    done_tests = []
    for a, b in tests or ():
        done_tests.append(permutation_test(documents, a, b, test_metric, by=by, seed=seed))
    params = {"by": by, "event": event, "n_boot": n_boot, "seed": seed, "ci": 0.95,
              "tests": [list(t) for t in tests or ()], "test_metric": test_metric, "keyness_min_count": keyness_min_count,
              "prior_strength": prior_strength, "lede_min_words": LEDE_MIN_WORDS, "min_articles": min_articles,
              "min_words": min_words, "short_words": short_words, "fdr": fdr, "blank_group_values": blank,
              "bootstrap_min_articles": BOOTSTRAP_MIN_ARTICLES}
    if join_info:
        params["groups_join"] = {k: v for k, v in join_info.items() if k != "table"}
    alignment = _align_shared_events(documents, spans, texts) if align_facts else {}
    if alignment:
        params["align"] = next(iter(alignment.values())).parameters | {"events": len(alignment)}
    return CompareResult(by=by, event=event, documents=documents, spans=spans, texts=texts, stats=stats, keyness=key,
                         term_choice=tc, categories=categories, verbs=verbs, source_types=source_types, sources=sources,
                         source_verbs=source_verbs, frames=frames, positions=positions, tests=done_tests,
                         problems=list(analysis.problems), colors=group_colors(documents["group"]), parameters=params,
                         alignment=alignment, kinds=kinds, flags=flags, comparisons=comparisons,
                         groups_join=join_info)


def _registered_kinds(spans) -> dict[str, Any]:
    """Specs of the kinds present in a spans table (for an AnalysisResult made without them)."""
    from ..extract.registry import kind_specs

    present = set(spans["kind"]) if "kind" in spans.columns else set()
    return {k: s for k, s in kind_specs().items() if k in present}


def _align_shared_events(documents, spans, texts) -> dict[str, Any]:
    """Fact units (:func:`framelens.coverage.align.align_events`) of every event shared by two or more documents.

    Events too large to align in memory (more than ``align.MAX_SENTENCES`` sentences) are skipped
    with a warning; documents without an event are never aligned here."""
    from ..coverage import align as _align

    if "event" not in documents.columns:
        return {}
    return _align.align_events(None, documents=documents, spans=spans, texts=texts, events_only=True,
                               skip_large=True)


def _document_checks(documents, texts: dict[str, str], short_words: int) -> None:
    """Per-document flags, in place: ``short_text`` (fewer than ``short_words`` words), ``english_share`` (share of
    common English function words) and ``language_warning`` (probably not English; see
    :mod:`framelens.text.language`)."""
    import pandas as pd

    from ..text.language import check_english

    words = pd.to_numeric(documents["words"], errors="coerce").fillna(0) if "words" in documents else None
    documents["short_text"] = (words < short_words).to_numpy() if words is not None else False
    checks = [check_english(texts.get(i, "")) for i in documents["id"]]
    documents["english_share"] = [round(c.share, 3) if c.share == c.share else None for c in checks]
    documents["language_warning"] = [c.warning for c in checks]
