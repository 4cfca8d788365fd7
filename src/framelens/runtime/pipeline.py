"""The analysis pipeline: documents -> segmentation -> extractors -> spans and metrics.

Orchestration lives here and only here. :class:`Analyzer` loads every
extractor's resources once (once per worker process in a parallel run) and
analyses one document at a time; :func:`iter_analyze` streams results;
:func:`analyze` collects them into pandas tables.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..io.corpus import Corpus, Problem
from ..kinds import is_used
from ..errors import ConfigError, FramelensError
from ..model import Document, Span
from ..schema import build_records
from ..extract.registry import DEFAULT_EXTRACTORS, extractor_fields, get_extractor_class, kind_specs, resolve_extractors
from ..text.segmentation import lede_end, segment
from .deadline import DEFAULT_DOC_TIMEOUT, Deadline, DocTimeoutError

__all__ = ["AnalysisConfig", "Analyzer", "DocResult", "AnalysisResult", "analyze", "iter_analyze"]

log = logging.getLogger("framelens")


@dataclass
class AnalysisConfig:
    """Parameters of an analysis (recorded in the run manifest).

    Parameters
    ----------
    lexicons : list of str, default []
        Extra lexicon packs (paths to YAML/CSV files, or names of shipped packs),
        used on top of the shipped defaults unless ``default_lexicons`` is False.
    default_lexicons : bool, default True
        Use the shipped lexicon packs.
    extractors : list of str, optional
        Which extractors run (default None: all registered defaults,
        :data:`framelens.extract.registry.DEFAULT_EXTRACTORS`). The extractors
        they require are added before them.
    span_kinds : list of str, optional
        Which span kinds go to the output (default None: all). Document metrics
        are computed from every span either way.
    add_requirements : bool, default True
        Add the extractors that ``extractors`` require; False refuses instead
        (a :class:`~framelens.errors.ConfigError`, code ``missing_requirement``,
        naming what is missing, when the :class:`Analyzer` is built).
    doc_timeout : float or None, default 120
        Time budget per document in CPU seconds (of the thread analysing it)
        (:data:`~framelens.runtime.deadline.DEFAULT_DOC_TIMEOUT`); a document
        whose analysis runs longer raises
        :class:`~framelens.runtime.deadline.DocTimeoutError` (code
        ``doc_timeout``), so that under ``errors="warn"``/``"skip"`` it is
        skipped and listed while the others go on. None or 0: no budget. The
        budget is checked inside the extractors' loops (cooperatively), so a
        document stops within moments of its budget.
    """

    lexicons: list[str] = field(default_factory=list)
    default_lexicons: bool = True
    extractors: list[str] | None = None
    span_kinds: list[str] | None = None
    add_requirements: bool = True
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT

    def __post_init__(self) -> None:
        t = self.doc_timeout
        if t is not None and (isinstance(t, bool) or not isinstance(t, (int, float)) or not t >= 0):
            raise ConfigError(f"doc_timeout={t!r}: give a number of seconds (0 or None: no time budget)")

    def to_dict(self) -> dict[str, Any]:
        """The parameters as a plain, JSON-ready dict (for the run manifest).

        Returns
        -------
        dict
            ``lexicons``, ``default_lexicons``, ``extractors`` (the default
            extractors' names when ``extractors`` is None), ``span_kinds`` and
            ``add_requirements``.
        """
        return {
            "lexicons": list(self.lexicons),
            "default_lexicons": self.default_lexicons,
            "extractors": list(self.extractors) if self.extractors is not None else list(DEFAULT_EXTRACTORS),
            "span_kinds": self.span_kinds,
            "add_requirements": self.add_requirements,
            "doc_timeout": self.doc_timeout or None,
        }


@dataclass
class DocResult:
    """Everything framelens found in one document (made by :meth:`Analyzer.analyze_document`).

    Parameters
    ----------
    doc : Document
        The document analysed.
    spans : list of Span
        Its spans, ordered by start (then longest first, then kind); only the
        configured ``span_kinds`` when the analysis keeps only some.
    metrics : dict
        Document metrics (flat: name -> number or string) from every extractor.
    words : int
        Number of words in the document's text.
    sentences : int
        Number of sentences in the document's text.
    """

    doc: Document
    spans: list[Span]
    metrics: dict[str, Any]
    words: int
    sentences: int

    def to_record(self) -> dict[str, Any]:
        """The document's record with its spans: the documents.jsonl record of ``--nested-spans`` (see
        docs/schema.md and :func:`framelens.schema.build_records`).

        Returns
        -------
        dict
            The document's record with its spans, as nested_records() reads it back.
        """
        return build_records(self)[0]

    def __repr__(self) -> str:
        return (f"<DocResult: {self.doc!r}, {self.words:,} words, {self.sentences:,} sentences, "
                f"{len(self.spans):,} spans ({_kind_counts(s.kind for s in self.spans)})>")

    def _repr_html_(self) -> str:
        """Notebook view: the document with its spans highlighted like the report, and a small metrics table."""
        from ..view.html import doc_result_html

        return doc_result_html(self)


class Analyzer:
    """Runs the configured extractors over documents. Build once, reuse for many documents.

    Building it resolves the extractors (requirements first) and loads every
    extractor's resources (lexicons) once.

    Parameters
    ----------
    config : AnalysisConfig, optional
        The analysis parameters.
    **kwargs
        Without ``config``: the fields of :class:`AnalysisConfig`
        (``Analyzer(extractors=["hedges"])``).

    Attributes
    ----------
    config : AnalysisConfig
        The parameters in use.
    names : list of str
        The extractors run, in order (``structure`` first, each requirement
        before the extractor that needs it).
    extractors : list
        The extractor instances, in the order of ``names``.
    span_kinds : set of str or None
        The span kinds kept in results (None: all).

    Raises
    ------
    ConfigError
        Both ``config`` and keyword parameters given (code ``config``); an
        unknown extractor (code ``unknown_name``); a missing requirement with
        ``add_requirements=False`` (code ``missing_requirement``); requirements
        that form a cycle (code ``config``).
    LexiconError
        A lexicon pack failed to load or validate.
    TypeError
        A keyword that is not a field of :class:`AnalysisConfig`.
    """

    def __init__(self, config: AnalysisConfig | None = None, **kwargs: Any):
        if config is None:
            config = AnalysisConfig(**kwargs)
        elif kwargs:
            raise ConfigError("pass either config= or keyword parameters, not both")
        self.config = config
        names = resolve_extractors(config.extractors, add_requirements=config.add_requirements)
        self.names = names
        self.extractors = [get_extractor_class(n)(config) for n in names]
        # each kind's counting rule, looked up once (what KindSpec.counts applies): the predicate ``spec.counted``,
        # or False for structural kinds (no rule to call); kinds without a declared spec are absent: counted=None
        self._count_rules = {k: spec.counted if spec.counted is not None else False
                             for k, spec in kind_specs(names).items()}
        self.span_kinds = set(config.span_kinds) if config.span_kinds is not None else None

    def resources(self) -> list[dict[str, Any]]:
        """Lexicons and other resources in use (name, version, sha256), for the manifest.

        Returns
        -------
        list of dict
            One dict per resource, each once, in extractor order.
        """
        out: list[dict[str, Any]] = []
        for ex in self.extractors:
            fn = getattr(ex, "resources", None)
            if fn is not None:
                for r in fn():
                    if r not in out:
                        out.append(r)
        return out

    def span_fields(self) -> list[str]:
        """The kind-specific span columns of this run, in extractor order, each once.

        Returns
        -------
        list of str
        """
        fields: list[str] = []
        for ex in self.extractors:
            for f in extractor_fields(type(ex)):
                if f not in fields:
                    fields.append(f)
        return fields

    def kinds(self) -> dict[str, Any]:
        """The :class:`~framelens.kinds.KindSpec` of every kind this run emits (by name).

        Returns
        -------
        dict of str to KindSpec
            Kind name -> spec, with ``extractor`` set to the extractor that emits it.
        """
        return kind_specs(self.names)

    def deadline(self) -> Deadline | None:
        """A new :class:`~framelens.runtime.deadline.Deadline` of ``config.doc_timeout`` seconds from now, or None
        when there is no budget."""
        t = self.config.doc_timeout
        return Deadline(t) if t else None

    def analyze_document(self, doc: Document, deadline: Deadline | None = None) -> DocResult:
        """Analyse one document.

        Segments the text, runs every extractor in order (each sees the spans of
        the ones before it), sorts the spans, fills each span's ``paragraph``,
        ``lede`` and ``counted``, collects every extractor's metrics (from all
        spans), then keeps only the configured ``span_kinds``.

        Parameters
        ----------
        doc : Document
            The document.
        deadline : Deadline, optional
            The document's time budget (default: a new one of
            ``config.doc_timeout`` seconds, or none). It is checked between the
            steps and in the extractors' loops (``seg.deadline.check()``).

        Returns
        -------
        DocResult

        Raises
        ------
        DocTimeoutError
            The analysis ran past the time budget (code ``doc_timeout``).
        Exception
            Whatever an extractor raises (:func:`iter_analyze` and :func:`analyze`
            apply their ``errors`` policy to it).
        """
        from ..io.documents import check_document

        check_document(doc)  # a lone surrogate in any field: this document's InputError (code surrogate), not a crash
        if deadline is None:
            deadline = self.deadline()
        if deadline is None:
            return self._analyze(doc, None)
        deadline.where = "segment"
        return self._analyze(doc, deadline)

    def _analyze(self, doc: Document, deadline: Deadline | None) -> DocResult:
        seg = segment(doc.text)  # linear and fast: its budget is read once it is done
        if deadline is not None:
            seg.deadline = deadline
        spans: list[Span] = []
        for ex in self.extractors:
            if deadline is not None:
                deadline.where = ex.name
                deadline.expired()
            spans.extend(ex.extract(doc, seg, spans))
        if deadline is not None:
            deadline.where = "metrics"
            deadline.expired()
        spans.sort(key=lambda s: (s.start, -s.end, s.kind))
        lede_at = lede_end(doc.text, seg)
        para_of = seg.sentence_paragraph
        n_sentences = len(para_of)
        paragraph_at = seg.paragraph_at
        rules = self._count_rules
        for s in spans:
            # what Span.with_context does, written into the span's dict here: one method call less per span
            d = s.__dict__
            k = d["sentence"]
            start = d["start"]
            rule = rules.get(d["kind"])
            d["paragraph"] = para_of[k] if k is not None and 0 <= k < n_sentences else paragraph_at(start)
            d["lede"] = start < lede_at
            if rule is None or rule is False:
                d["counted"] = rule
            elif rule is is_used and type(s) is Span and type(d["attrs"]) is dict:
                # kinds.is_used written out for a Span (which has no attribute ``use``: span_value reads attrs["use"]),
                # the rule of most spans (lexicon hits): two Python calls less per span
                used = d["attrs"].get("use") == "use"
                d["counted"] = used if type(used) is bool else bool(used)
            else:
                d["counted"] = bool(rule(s))
        metrics: dict[str, Any] = {}
        for ex in self.extractors:
            metrics.update(ex.metrics(doc, seg, spans))
        if self.span_kinds is not None:
            spans = [s for s in spans if s.kind in self.span_kinds]
        return DocResult(doc, spans, metrics, seg.word_count, len(seg.sentences))


def analysis_problem(doc: Document, exc: BaseException) -> Problem:
    """The :class:`Problem` listed for a document whose analysis raised ``exc`` (a time budget that ran out:
    reason code ``doc_timeout``; a framelens error: its code).

    Parameters
    ----------
    doc : Document
        The document skipped.
    exc : BaseException
        What its analysis raised.

    Returns
    -------
    Problem
    """
    origin = doc.origin or doc.id
    code = exc.code if isinstance(exc, FramelensError) else ""
    if isinstance(exc, DocTimeoutError):
        return Problem(origin, str(exc), type(exc).__name__, code)
    return Problem(origin, f"analysis failed: {type(exc).__name__}: {exc}", type(exc).__name__, code)


def _kind_counts(kinds: Iterable[str], limit: int = 12) -> str:
    """``"kind: n, ..."`` most frequent first (at most ``limit`` kinds), for reprs."""
    from collections import Counter

    counts = Counter(kinds).most_common()
    text = ", ".join(f"{k}: {n:,}" for k, n in counts[:limit])
    return (text + f", … {len(counts) - limit} more kinds") if len(counts) > limit else (text or "none")


#: Keyword arguments of analyze/iter_analyze that name DataFrame columns (see :func:`framelens.read_corpus`).
COLUMN_KEYWORDS = ("text", "id", "outlet", "date", "title", "url", "event", "author")


def _frame_corpus(docs: Any, config: dict[str, Any], errors: str) -> Any:
    """A DataFrame becomes a :class:`Corpus` (column keywords popped from ``config``); other inputs are
    returned as they are, and column keywords with them are a ConfigError."""
    from ..io.corpus import _is_dataframe, read_corpus

    named = {k: config.pop(k) for k in COLUMN_KEYWORDS if k in config}
    if _is_dataframe(docs):
        return read_corpus(docs, errors=errors, **named)
    if named:
        raise ConfigError(f"{', '.join(f'{k}=' for k in named)}: column names apply to a DataFrame only; for "
                          "files use framelens.read_corpus(path, text=..., ...)")
    return docs


def _as_docs(docs: Any) -> Iterable[Document]:
    if isinstance(docs, Document):
        return [docs]
    if isinstance(docs, str):
        from ..io.documents import check_document

        return [check_document(Document(id="text", text=docs))]  # a lone surrogate: DecodeError naming the field
    return docs


def iter_analyze(
    docs: Iterable[Document] | Corpus | Document | str,
    *,
    analyzer: Analyzer | None = None,
    errors: str = "raise",
    problems: list[Problem] | None = None,
    **config: Any,
) -> Iterator[DocResult]:
    """Analyse documents one by one, yielding a :class:`DocResult` for each.

    Parameters
    ----------
    docs : Corpus, iterable of Document, Document, str or pandas.DataFrame
        The documents: a :class:`Corpus`, any iterable of :class:`Document`, one
        Document, a plain string (a document with id ``"text"``), or a pandas
        DataFrame with one document per row, its columns named with the column
        keywords of :func:`framelens.read_corpus` (``text="content", outlet="source"``).
    analyzer : Analyzer, optional
        A ready analyzer to reuse; by default one is built from ``config``
        (which is then not used).
    errors : {"raise", "warn", "skip"}, default "raise"
        What a document whose analysis fails does: raise the exception, or be
        skipped with a logged warning, or quietly. For a DataFrame, also the
        policy for rows that cannot be read.
    problems : list of Problem, optional
        If given, each skipped document is appended to it as a :class:`Problem`
        (for a DataFrame, its rows that could not be read are put first once the
        iteration ends). The problems of a :class:`Corpus` stay in its ``problems``.
    **config
        Column keywords (``text``, ``id``, ``outlet``, ``date``, ``title``,
        ``url``, ``event``, ``author``; for a DataFrame only), then the fields
        of :class:`AnalysisConfig`.

    Yields
    ------
    DocResult
        One per document analysed, in input order.

    Raises
    ------
    ConfigError
        ``errors`` not one of the allowed values, column keywords with an input
        that is not a DataFrame, a DataFrame without a named column (code
        ``format``), or a bad analysis configuration (see :class:`Analyzer`).
        Raised when iteration starts.
    InputError
        With ``errors="raise"``: a DataFrame row that cannot be read.
    Exception
        With ``errors="raise"``: whatever a document's analysis raises.
    """
    if errors not in ("raise", "warn", "skip"):
        raise ConfigError(f"errors={errors!r}; allowed: raise, warn, skip")
    frame = _frame_corpus(docs, config, errors)
    an = analyzer or Analyzer(AnalysisConfig(**config))
    if frame is not docs:
        yield from iter_analyze(frame, analyzer=an, errors=errors, problems=problems)
        if problems is not None:
            problems[:0] = frame.problems
        return
    for doc in _as_docs(docs):
        try:
            yield an.analyze_document(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a run
            if errors == "raise":
                raise
            p = analysis_problem(doc, exc)
            if problems is not None:
                problems.append(p)
            if errors == "warn":
                log.warning("skipped %s: %s", p.origin, p.reason)


@dataclass
class AnalysisResult:
    """Tables of an analysis: ``documents`` (one row per document) and ``spans`` (one row per span).

    Made by :func:`analyze`.

    Parameters
    ----------
    documents : pandas.DataFrame
        One row per document analysed: metadata and metrics.
    spans : pandas.DataFrame
        One row per span, with the run's kind-specific span columns.
    problems : list of Problem
        Documents and inputs that were skipped, and why (a corpus's reading
        problems first).
    results : list of DocResult
        The per-document results the tables were built from.
    kinds : dict of str to KindSpec
        Kind name -> :class:`~framelens.kinds.KindSpec` of every kind the run's
        extractors emit.
    """

    documents: Any  # pandas.DataFrame
    spans: Any  # pandas.DataFrame
    problems: list[Problem]
    results: list[DocResult]
    #: kind name -> :class:`~framelens.kinds.KindSpec` of every kind the run's extractors emit
    kinds: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        kinds = _kind_counts(self.spans["kind"]) if "kind" in getattr(self.spans, "columns", ()) else "none"
        return (f"<AnalysisResult: {len(self.documents):,} documents, {len(self.spans):,} spans (kinds: {kinds}), "
                f"{len(self.problems):,} problems>")

    def _repr_html_(self) -> str:
        """Notebook view: documents, words, spans by kind, problems and the first rows of the documents table."""
        from ..view.html import analysis_html

        return analysis_html(self)


def analyze(
    docs: Iterable[Document] | Corpus | Document | str,
    *,
    errors: str = "raise",
    analyzer: Analyzer | None = None,
    progress: bool = False,
    **config: Any,
) -> AnalysisResult:
    """Analyse documents and return the ``documents`` and ``spans`` tables as pandas DataFrames.

    Parameters
    ----------
    docs : Corpus, iterable of Document, Document, str or pandas.DataFrame
        A :class:`Corpus`, any iterable of :class:`Document`, one Document, a
        plain string, or a pandas DataFrame with one document per row:
        ``analyze(df, text="content", outlet="source")`` names the columns (the
        keywords of :func:`framelens.read_corpus`; other columns go to
        ``Document.extra`` and so to the documents table).
    errors : {"raise", "warn", "skip"}, default "raise"
        What a document whose analysis fails does: raise the exception, or be
        skipped (listed in ``problems``) with a logged warning, or quietly. For
        a DataFrame, also the policy for rows that cannot be read.
    analyzer : Analyzer, optional
        A ready analyzer to reuse; by default one is built from ``config``
        (which is then not used).
    progress : bool, default False
        Show a progress bar (``tqdm.auto``: a widget in Jupyter, a text bar on a
        terminal), with the total and an ETA when the input's length is known
        (a DataFrame, a list). Off by default: the library prints nothing unless asked.
    **config
        Column keywords (``text``, ``id``, ``outlet``, ``date``, ``title``,
        ``url``, ``event``, ``author``; for a DataFrame only); other keyword
        parameters go to :class:`AnalysisConfig`.

    Returns
    -------
    AnalysisResult
        The ``documents`` and ``spans`` tables, the problems (those of a
        :class:`Corpus` input first), the per-document results and the kinds.

    Raises
    ------
    ConfigError
        ``errors`` not one of the allowed values, column keywords with an input
        that is not a DataFrame, a DataFrame without a named column (code
        ``format``), or a bad analysis configuration (see :class:`Analyzer`).
    LexiconError
        A lexicon pack failed to load or validate.
    InputError
        An input that cannot be read, when the corpus (or, for a DataFrame,
        ``errors``) is ``"raise"``.
    Exception
        With ``errors="raise"``: whatever a document's analysis raises.

    Examples
    --------
    >>> import framelens
    >>> res = framelens.analyze("Officials said the plan was “a flawed idea.” It passed.")
    >>> int(res.documents.loc[0, "sentences"])
    2
    """
    from ..schema import documents_frame, spans_frame

    problems: list[Problem] = []
    total = 1 if isinstance(docs, (str, Document)) else (len(docs) if hasattr(docs, "__len__") else None)
    docs = _frame_corpus(docs, config, errors)
    an = analyzer or Analyzer(AnalysisConfig(**config))
    stream = iter_analyze(docs, analyzer=an, errors=errors, problems=problems)
    if progress:
        from tqdm.auto import tqdm

        stream = tqdm(stream, total=total, unit="doc", desc="analyse")
    results = list(stream)
    if isinstance(docs, Corpus):
        problems = list(docs.problems) + problems
    kinds = an.kinds()
    return AnalysisResult(documents_frame(results), spans_frame(results, an.span_fields(), kinds), problems,
                          results, kinds=kinds)
