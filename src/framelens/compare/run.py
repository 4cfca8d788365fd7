"""run_compare(): analysis, comparison and the report folder in one call."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import ConfigError
from ._tables import _entry_terms
from .core import compare
from .stats import DEFAULT_MIN_ARTICLES, DEFAULT_MIN_WORDS, DEFAULT_SHORT_WORDS

__all__ = ["run_compare"]

log = logging.getLogger("framelens")


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
    min_articles: int = DEFAULT_MIN_ARTICLES,
    min_words: int = DEFAULT_MIN_WORDS,
    short_words: int = DEFAULT_SHORT_WORDS,
    groups: Any = None,
    groups_key: str = "outlet",
    containment_threshold: float | None = None,
    outlet_overrides: bool = True,
    source_aliases: Any = None,
    doc_timeout: float | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
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
    duplicates : {"flag", "drop", "credit", "keep"}, default "flag"
        Near-duplicate documents (reposts, syndicated copies, excerpts; see
        :func:`framelens.coverage.dedupe.dedupe`) are ``"drop"``-ped before comparing,
        ``"flag"``-ged (kept, with a ``duplicate_of`` column in the documents table and
        ``tables/duplicates.csv``), ``"credit"``-ed to the original's outlet (flagged too),
        or ``"keep"``-t without looking for them.
    duplicate_threshold : float, optional
        The near-duplicate similarity threshold (default:
        :data:`framelens.coverage.dedupe.DEFAULT_THRESHOLD`).
    charts : bool, default True
        False draws no chart (a quicker report).
    on_document : callable, optional
        Called with no argument after each document is analysed (progress display).
    min_articles, min_words, short_words, groups, groups_key, source_aliases
        As for :func:`compare`.
    doc_timeout : float, optional
        Time budget per document in CPU seconds (default: the analysis default,
        :data:`framelens.runtime.deadline.DEFAULT_DOC_TIMEOUT`; 0 = none): a document over it is skipped
        and listed with reason code ``doc_timeout``.
    containment_threshold : float, optional
        Containment above which a document is an excerpt of another (default
        :data:`framelens.coverage.dedupe.DEFAULT_CONTAINMENT`).
    progress : callable, optional
        Called as ``progress(step, done, total)`` as the steps after the analysis advance: ``"duplicates"``,
        ``"compare"``, ``"charts"`` (one call per chart drawn) and ``"report"`` (the command line shows them as
        progress bars).
    outlet_overrides : bool, default True
        Credit documents to the outlet their ``original_outlet`` or ``via`` field names, and letters to
        the editor to ``"<outlet> (letters)"`` (:func:`framelens.coverage.dedupe.outlet_overrides`).

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
    from ..coverage.identity import load_source_aliases
    from ..io.corpus import Corpus
    from ..io.manifest import build_manifest, write_manifest
    from ..runtime.pipeline import AnalysisConfig, Analyzer, analyze
    from .report import write_report

    source_aliases = load_source_aliases(source_aliases)  # a bad alias table fails before any analysis

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [str(p) for p in paths]
    out = Path(out)
    corpus = Corpus(paths, columns=columns, errors="raise" if errors == "raise" else "skip", encoding=encoding)
    budget = {} if doc_timeout is None else {"doc_timeout": doc_timeout or None}
    analyzer = Analyzer(AnalysisConfig(lexicons=list(lexicons), default_lexicons=default_lexicons, **budget))
    docs: Any = corpus
    dup_table = None
    dup_params: dict[str, Any] = {"duplicates": duplicates}
    if duplicates not in ("drop", "flag", "keep", "credit"):
        raise ConfigError(f"duplicates={duplicates!r}; allowed: drop, flag, credit, keep")
    groups_file = None
    if groups is not None and not hasattr(groups, "columns"):  # read the group table before the long analysis
        from .groups_table import read_groups_table

        groups_file, groups = str(groups), read_groups_table(groups)
    overrides: list[dict[str, Any]] = []
    if outlet_overrides:
        docs = _overridden(corpus, overrides)  # streamed; ``overrides`` fills as documents are read
    step = progress or (lambda *a: None)
    if duplicates != "keep":
        step("duplicates", 0, 1)
        from ..coverage.dedupe import DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD, dedupe

        dres = dedupe(list(docs), duplicates, threshold=duplicate_threshold or DEFAULT_THRESHOLD,
                      containment_threshold=containment_threshold or DEFAULT_CONTAINMENT)
        docs, dup_table = dres.documents, dres.duplicates
        step("duplicates", 1, 1)
        dup_params = dres.parameters
        if len(dup_table):
            log.info("compare: %d near-duplicate document(s) %s", len(dup_table),
                     "dropped" if duplicates == "drop" else "flagged")
    feed = docs if on_document is None else _calling(docs, on_document)
    analysis = analyze(feed, analyzer=analyzer, errors="raise" if errors == "raise" else "skip")
    if feed is not docs and isinstance(docs, Corpus):  # analyze() takes a Corpus's problems only from a Corpus
        analysis.problems = list(docs.problems) + analysis.problems
    if not isinstance(docs, Corpus):  # the corpus was read through dedupe or the overrides: keep its problems
        analysis.problems = list(corpus.problems) + [p for p in analysis.problems if p not in corpus.problems]
    step("compare", 0, 1)
    result = compare(analysis, by=by, event=event, n_boot=n_boot, seed=seed, tests=tests, test_metric=test_metric,
                     variant_labels=_entry_terms(analyzer), min_articles=min_articles, min_words=min_words,
                     short_words=short_words, groups=groups, groups_key=groups_key, source_aliases=source_aliases)
    result.resources = analyzer.resources()
    if groups_file and result.groups_join:
        result.groups_join["file"] = groups_file
        result.parameters["groups_join"]["file"] = groups_file
    if dup_table is not None and duplicates in ("flag", "credit"):
        of = dict(zip(dup_table["doc_id"], dup_table["duplicate_of"]))
        kind = dict(zip(dup_table["doc_id"], dup_table["kind"]))
        result.documents["duplicate_of"] = [of.get(i) for i in result.documents["id"]]
        result.documents["duplicate_kind"] = [kind.get(i) for i in result.documents["id"]]
    result.parameters["duplicates"] = {"policy": duplicates,
                                       "found": 0 if dup_table is None else int(len(dup_table)),
                                       "excerpts": 0 if dup_table is None else int((dup_table["kind"] == "excerpt").sum())}
    result.parameters["outlet_overrides"] = overrides
    step("compare", 1, 1)
    files = write_report(result, out, inline=inline, pair=pair, formats=formats, title=title, charts=charts,
                         progress=progress)  # chart by chart
    step("report", 1, 1)
    if dup_table is not None:
        from .report.tables import write_frame

        files = list(files) + write_frame(dup_table, out / "tables", "duplicates", ("csv",))
    params = {**result.parameters, "charts": charts, "inline": inline, "pair": list(pair) if pair else None, "formats": list(formats),
              "columns": columns, "encoding": encoding, "errors": errors, "dedupe": dup_params,
              **analyzer.config.to_dict()}
    manifest = build_manifest(
        command="compare", parameters=params, inputs=corpus.inputs, resources=result.resources,
        problems=result.problems,
        counts={"documents": len(result.documents), "spans": len(result.spans), "skipped": len(result.problems),
                "groups": len(result.groups),
                "flagged_groups": 0 if result.flags is None or not len(result.flags) else int(result.flags["flagged"].sum()),
                "duplicates": 0 if dup_table is None else len(dup_table)},
        outputs=files, argv=argv, base=out,
    )
    write_manifest(out / "manifest.json", manifest)
    return {"out": out, "result": result, "problems": result.problems, "files": files, "manifest": manifest,
            "duplicates": dup_table}


def _overridden(docs, changes: list[dict[str, Any]]):
    """The documents of ``docs`` with :func:`framelens.coverage.dedupe.override_outlet` applied; each change is
    appended to ``changes``."""
    from ..coverage.dedupe import override_outlet

    for d in docs:
        d, change = override_outlet(d)
        if change:
            changes.append(change)
        yield d


def _calling(docs, callback):
    """The documents of ``docs``, calling ``callback`` after each has been handed on (and so analysed)."""
    for d in docs:
        yield d
        callback()
