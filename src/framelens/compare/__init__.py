"""Comparison across outlets (or events, or any metadata column).

Library use (pandas in, pandas out)::

    import framelens
    from framelens.compare import compare, run_compare
    res = framelens.analyze(framelens.read_corpus("examples/corpus"))
    cmp = compare(res, by="outlet")          # CompareResult: .stats, .keyness, .term_choice, ...
    cmp.stats.query("metric == 'loaded'")    # pooled rate per 1,000 words, 95% CI, n
    run_compare(["examples/corpus"], "reports/demo")   # analysis + tables + charts + HTML/Markdown report

Every aggregate is computed from the two tidy tables of an analysis (documents
and spans); how each number is computed, and its limits, is in
docs/methods_compare.md.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import ConfigError, InputError, Reason

__all__ = ["CompareResult", "compare", "run_compare", "group_stats", "permutation_test", "keyness", "term_choice",
           "term_choice_matrix"]

log = logging.getLogger("framelens")

from .group import group_stats, permutation_test  # noqa: E402
from .keyness import keyness  # noqa: E402
from .termchoice import term_choice, term_choice_matrix  # noqa: E402

#: Lede: the first paragraph with at least this many words (shorter opening lines, such as a headline
#: or a dateline, are counted as part of the top of the article).
from ..text.segmentation import LEDE_MIN_WORDS  # noqa: E402 (re-exported)


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


def _source_key(source: Any, source_type: Any) -> str | None:
    """Which cited source a surface form refers to: persons and officials by surname, others by name."""
    if not isinstance(source, str) or not source.strip():
        return None
    s = re.sub(r"\s+", " ", source.strip()).replace("’", "'")
    s = re.sub(r"'s?$", "", s)
    if source_type in ("person", "official"):
        caps = [t for t in re.findall(r"[^\W\d_][\w'\-]*", s) if t[:1].isupper()]
        if caps:
            return caps[-1].lower()
    if source_type in ("anonymous", "vague", "pronoun"):
        return None
    return s.lower()


def _loaded_mask(sp):
    """Which rows of a spans table count as loaded: the ``counted`` column that
    :func:`framelens.kinds.is_loaded` filled (recomputed by the same rule for a table without it)."""
    from ..kinds import is_loaded

    if "counted" in sp.columns and not sp["counted"].isna().any():
        return sp["counted"].astype(bool)
    return sp.apply(lambda r: is_loaded(r.to_dict()), axis=1).astype(bool) if len(sp) else sp["kind"] == ""


def _span_tables(documents, spans, texts, by):
    """The per-group tables built from spans (categories, verbs, sources, frames, positions)."""
    import pandas as pd

    from .group import group_column

    gmap = dict(zip(documents["id"], group_column(documents, by)))
    sp = spans[spans["doc_id"].isin(gmap)].copy()
    sp["group"] = sp["doc_id"].map(gmap)

    def col(name):
        return sp[name] if name in sp.columns else pd.Series([None] * len(sp), index=sp.index)

    loaded = sp[(sp["kind"] == "loaded_term") & _loaded_mask(sp)]
    categories = (loaded.groupby(["group", "label"]).size().reset_index(name="count")
                  .rename(columns={"label": "category"}))

    rv = sp[(sp["kind"] == "report_verb") & (sp["voice"] == "author")]
    verbs = rv.groupby(["group", "label"]).size().unstack(fill_value=0) if len(rv) else pd.DataFrame()

    at = sp[sp["kind"] == "attribution"]
    if len(at) and "source_type" in at.columns:
        source_types = at.groupby(["group", "source_type"]).size().unstack(fill_value=0)
    else:
        source_types = pd.DataFrame()
    if len(at) and "source" in at.columns:
        a = at.copy()
        stype = a["source_type"] if "source_type" in a.columns else pd.Series([None] * len(a), index=a.index)
        a["key"] = [_source_key(s, t) for s, t in zip(a["source"], stype)]
        a["stype"] = stype
        a = a[a["key"].notna()]
        names = (a.assign(n=a["source"].str.len()).sort_values("n", ascending=False)
                 .groupby("key")["source"].first())
        a["source_name"] = a["key"].map(names)
        main_type = (a.assign(stype=a["stype"].fillna("")).groupby(["key", "stype"]).size().reset_index(name="n")
                     .sort_values(["n", "stype"], ascending=[False, True]).groupby("key")["stype"].first())
        a["stype"] = a["key"].map(main_type)
        sources = (a.groupby(["group", "source_name", "stype"], dropna=False).size().reset_index(name="count")
                   .rename(columns={"source_name": "source", "stype": "source_type"})
                   .sort_values(["group", "count", "source"], ascending=[True, False, True]))
        cue = a["cue"] if "cue" in a.columns else pd.Series(["?"] * len(a), index=a.index)
        stance = a["stance"] if "stance" in a.columns else pd.Series(["other"] * len(a), index=a.index)
        a["cue_l"] = cue.fillna("?").astype(str).str.lower()
        a["stance_l"] = stance.fillna("other").astype(str)
        source_verbs = (a.groupby(["source_name", "group", "cue_l", "stance_l"]).size().reset_index(name="count")
                        .rename(columns={"source_name": "source", "cue_l": "cue", "stance_l": "stance"}))
    else:
        sources = pd.DataFrame(columns=["group", "source", "source_type", "count"])
        source_verbs = pd.DataFrame(columns=["source", "group", "cue", "stance", "count"])

    fc = sp[sp["kind"] == "frame_cue"]
    frames = fc.groupby(["group", "label"]).size().unstack(fill_value=0) if len(fc) else pd.DataFrame()

    rows = []
    for did, part in loaded.groupby("doc_id"):
        n = max(len(texts.get(did, "")), 1)
        for r in part.itertuples(index=False):
            rows.append({"group": r.group, "doc_id": did, "start": int(r.start), "text": r.text,
                         "rel_pos": int(r.start) / n, "in_lede": bool(r.lede), "voice": r.voice})
    positions = pd.DataFrame(rows, columns=["group", "doc_id", "start", "text", "rel_pos", "in_lede", "voice"])
    return categories, verbs, source_types, sources, source_verbs, frames, positions


def _kind_count_column(spec) -> str:
    """The documents-table column holding a kind's per-document count: the extractor's own metric when it
    writes one, else ``<kind>_count`` (counted spans)."""
    return spec.metric or f"{spec.name}_count"


def _add_kind_counts(documents, spans, kinds):
    """Per-document counts of every declared kind that is counted, when the documents table lacks them
    (a kind from a researcher's own extractor, or a spans table without the extractor's metrics);
    returns the documents table and the metrics to aggregate for those kinds."""
    from .group import METRICS, Metric

    extra_metrics = []
    for kind, spec in kinds.items():
        if spec.counted is None:
            continue
        col = _kind_count_column(spec)
        if col not in documents.columns:
            mask = spans["kind"] == kind
            if "counted" in spans.columns:
                mask &= spans["counted"].fillna(False).astype(bool)
            counts = spans[mask].groupby("doc_id").size()
            if not len(counts) and kind not in set(spans["kind"]):
                continue
            documents[col] = documents["id"].map(counts).fillna(0).astype(int)
        if col not in METRICS:
            extra_metrics.append(Metric(col, col, "words", 1000.0, f"{kind.replace('_', ' ')} spans", "rate"))
    return documents, extra_metrics


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
    stats = group_stats(documents, by=by, n_boot=n_boot, seed=seed,
                        metrics=available_metrics(documents) + kind_metrics)
    key = keyness([texts[i] for i in documents["id"]], documents["group"], min_count=keyness_min_count,
                  prior_strength=prior_strength, top=keyness_top)
    if variant_labels is None:
        variant_labels = _entry_terms(None)
    tc = term_choice(spans, documents, by=by, labels=variant_labels)
    categories, verbs, source_types, sources, source_verbs, frames, positions = _span_tables(documents, spans, texts, by)
    done_tests = []
    for a, b in tests or ():
        done_tests.append(permutation_test(documents, a, b, test_metric, by=by, seed=seed))
    params = {"by": by, "event": event, "n_boot": n_boot, "seed": seed, "ci": 0.95,
              "tests": [list(t) for t in tests or ()], "test_metric": test_metric, "keyness_min_count": keyness_min_count,
              "prior_strength": prior_strength, "lede_min_words": LEDE_MIN_WORDS}
    alignment = _align_shared_events(documents, spans, texts) if align_facts else {}
    if alignment:
        params["align"] = next(iter(alignment.values())).parameters | {"events": len(alignment)}
    return CompareResult(by=by, event=event, documents=documents, spans=spans, texts=texts, stats=stats, keyness=key,
                         term_choice=tc, categories=categories, verbs=verbs, source_types=source_types, sources=sources,
                         source_verbs=source_verbs, frames=frames, positions=positions, tests=done_tests,
                         problems=list(analysis.problems), colors=group_colors(documents["group"]), parameters=params,
                         alignment=alignment, kinds=kinds)


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


def _entry_terms(analyzer) -> dict[str, str]:
    """entry ref -> the lexicon's canonical term, for readable variant labels (``analyzer=None``: shipped packs)."""
    from ..lexicon import load_lexicons

    try:
        if analyzer is None:  # the shipped packs
            lexs = load_lexicons((), defaults=True)
        else:
            lexs = load_lexicons(analyzer.config.lexicons, defaults=analyzer.config.default_lexicons)
    except Exception:  # noqa: BLE001 - labels fall back to surface forms
        return {}
    # pattern entries have a pattern as their term ("(in|into) the (country|...)"): use surface forms for those
    return {lx.entry_ref(e): e.term for lx in lexs for e in lx.entries if not re.search(r"[()|\[\]?*+\\]", e.term)}


def run_compare(
    paths: str | Path | Iterable[str | Path],
    out: str | Path = "reports/compare",
    by: str = "outlet",
    event: str | None = None,
    *,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
    errors: str = "warn",
    lexicons: Sequence[str] = (),
    default_lexicons: bool = True,
    n_boot: int = 2000,
    seed: int = 0,
    tests: Sequence[tuple[str, str]] | None = None,
    test_metric: str = "loaded",
    inline: int = 20,
    pair: tuple[str, str] | None = None,
    formats: Sequence[str] = ("csv", "parquet"),
    title: str | None = None,
    argv: list[str] | None = None,
    duplicates: str = "flag",
    duplicate_threshold: float | None = None,
    charts: bool = True,
    on_document: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Analyse ``paths``, compare by ``by`` and write a report folder ``out``.

    Writes ``index.html`` (self-contained), ``summary.md``, ``tables/`` (CSV and Parquet),
    ``charts/`` (PNG and SVG), ``articles/`` (pages of articles not shown inline) and
    ``manifest.json``.

    Parameters
    ----------
    paths : str, Path or iterable of str or Path
        Files, folders, glob patterns or ``"-"`` (stdin), as for :class:`~framelens.Corpus`.
    out : str or Path, default "reports/compare"
        The report folder (created if needed).
    by : str, default "outlet"
        The column to group by (see :func:`compare`).
    event : str, optional
        Compare only the documents of that event.
    columns : dict of str to str, optional
        Column mapping for JSONL/CSV input (framelens field -> column name).
    encoding : str, optional
        Fallback encoding for files that are not UTF-8/UTF-16 with BOM.
    errors : str, default "warn"
        ``"raise"`` stops at the first input that cannot be read or document whose
        analysis fails; any other value skips them, listed in ``problems`` and
        the manifest.
    lexicons : sequence of str, default ()
        Extra lexicon packs (files or shipped names), as in :class:`~framelens.AnalysisConfig`.
    default_lexicons : bool, default True
        Use the shipped lexicon packs.
    n_boot, seed, tests, test_metric
        As for :func:`compare`.
    inline : int, default 20
        How many articles ``index.html`` shows; the others get pages under ``articles/``.
    pair : (str, str), optional
        Two document ids shown side by side (default: the pair on one event, from
        different groups, with the largest gap in loaded-term rate).
    formats : sequence of str, default ("csv", "parquet")
        The formats of the tables.
    title : str, optional
        The report's title (default: ``"framelens comparison by <by>"``, with the event).
    argv : list of str, optional
        The command line, recorded in the manifest.
    duplicates : {"flag", "drop", "keep"}, default "flag"
        Near-duplicate documents (reposts, syndicated copies; see
        :func:`framelens.coverage.dedupe.dedupe`) are ``"drop"``-ped before comparing,
        ``"flag"``-ged (kept, with a ``duplicate_of`` column in the documents table and
        ``tables/duplicates.csv``), or ``"keep"``-t without looking for them.
    duplicate_threshold : float, optional
        The near-duplicate similarity threshold (default:
        :data:`framelens.coverage.dedupe.DEFAULT_THRESHOLD`).
    charts : bool, default True
        False draws no chart (a quicker report).
    on_document : callable, optional
        Called with no argument after each document is analysed (progress display).

    Returns
    -------
    dict
        ``out`` (Path), ``result`` (the :class:`CompareResult`), ``problems``,
        ``files`` (the files written), ``manifest`` and ``duplicates`` (the
        near-duplicate table; None with ``duplicates="keep"``).

    Raises
    ------
    ConfigError
        ``duplicates`` not one of the allowed values, bad input or comparison
        parameters (see :class:`~framelens.Corpus` and :func:`compare`), or a
        ``pair`` that names no document of the report.
    LexiconError
        A lexicon pack failed to load or validate.
    MissingDependencyError
        HTML input without the optional package trafilatura (code ``missing_requirement``).
    InputError
        No document to compare (code ``empty_document``); with ``errors="raise"``,
        an input that cannot be read.
    """
    from ..io.corpus import Corpus
    from ..io.manifest import build_manifest, write_manifest
    from ..runtime.pipeline import AnalysisConfig, Analyzer, analyze
    from .report import write_report

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [str(p) for p in paths]
    out = Path(out)
    corpus = Corpus(paths, columns=columns, errors="raise" if errors == "raise" else "skip", encoding=encoding)
    analyzer = Analyzer(AnalysisConfig(lexicons=list(lexicons), default_lexicons=default_lexicons))
    docs: Any = corpus
    dup_table = None
    dup_params: dict[str, Any] = {"duplicates": duplicates}
    if duplicates not in ("drop", "flag", "keep"):
        raise ConfigError(f"duplicates={duplicates!r}; allowed: drop, flag, keep")
    if duplicates != "keep":
        from ..coverage.dedupe import DEFAULT_THRESHOLD, dedupe

        dres = dedupe(list(corpus), duplicates, threshold=duplicate_threshold or DEFAULT_THRESHOLD)
        docs, dup_table = dres.documents, dres.duplicates
        dup_params = dres.parameters
        if len(dup_table):
            log.info("compare: %d near-duplicate document(s) %s", len(dup_table),
                     "dropped" if duplicates == "drop" else "flagged")
    feed = docs if on_document is None else _calling(docs, on_document)
    analysis = analyze(feed, analyzer=analyzer, errors="raise" if errors == "raise" else "skip")
    if feed is not docs and isinstance(docs, Corpus):  # analyze() takes a Corpus's problems only from a Corpus
        analysis.problems = list(docs.problems) + analysis.problems
    if isinstance(docs, list):  # the corpus was read into memory for dedupe: keep its problems
        analysis.problems = list(corpus.problems) + [p for p in analysis.problems if p not in corpus.problems]
    result = compare(analysis, by=by, event=event, n_boot=n_boot, seed=seed, tests=tests, test_metric=test_metric,
                     variant_labels=_entry_terms(analyzer))
    result.resources = analyzer.resources()
    if dup_table is not None and duplicates == "flag":
        of = dict(zip(dup_table["doc_id"], dup_table["duplicate_of"]))
        result.documents["duplicate_of"] = [of.get(i) for i in result.documents["id"]]
    files = write_report(result, out, inline=inline, pair=pair, formats=formats, title=title, charts=charts)
    if dup_table is not None:
        dup_path = out / "tables" / "duplicates.csv"
        dup_path.parent.mkdir(parents=True, exist_ok=True)
        dup_table.to_csv(dup_path, index=False)
        files = list(files) + [dup_path]
    params = {**result.parameters, "charts": charts, "inline": inline, "pair": list(pair) if pair else None, "formats": list(formats),
              "columns": columns, "encoding": encoding, "errors": errors, "dedupe": dup_params,
              **analyzer.config.to_dict()}
    manifest = build_manifest(
        command="compare", parameters=params, inputs=corpus.inputs, resources=result.resources,
        problems=result.problems,
        counts={"documents": len(result.documents), "spans": len(result.spans), "skipped": len(result.problems),
                "groups": len(result.groups),
                "duplicates": 0 if dup_table is None else len(dup_table)},
        outputs=files, argv=argv, base=out,
    )
    write_manifest(out / "manifest.json", manifest)
    return {"out": out, "result": result, "problems": result.problems, "files": files, "manifest": manifest,
            "duplicates": dup_table}


def _calling(docs, callback):
    """The documents of ``docs``, calling ``callback`` after each has been handed on (and so analysed)."""
    for d in docs:
        yield d
        callback()


def _isnan(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)
