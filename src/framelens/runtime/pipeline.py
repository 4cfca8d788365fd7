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
from ..errors import ConfigError
from ..model import Document, Span
from ..schema import build_records
from ..extract.registry import DEFAULT_EXTRACTORS, extractor_fields, get_extractor_class, kind_specs, resolve_extractors
from ..text.segmentation import lede_end, segment

__all__ = ["AnalysisConfig", "Analyzer", "DocResult", "AnalysisResult", "analyze", "iter_analyze"]

log = logging.getLogger("framelens")


@dataclass
class AnalysisConfig:
    """Parameters of an analysis (recorded in the run manifest).

    ``lexicons``: extra lexicon packs (paths to YAML/CSV files, or names of shipped
    packs) used on top of the shipped defaults unless ``default_lexicons`` is False.
    ``extractors``: which extractors run (default: all registered defaults); the
    extractors they require are added before them (``add_requirements=False``
    refuses instead, naming what is missing).
    ``span_kinds``: which span kinds go to the output (None = all).
    """

    lexicons: list[str] = field(default_factory=list)
    default_lexicons: bool = True
    extractors: list[str] | None = None
    span_kinds: list[str] | None = None
    add_requirements: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "lexicons": list(self.lexicons),
            "default_lexicons": self.default_lexicons,
            "extractors": list(self.extractors) if self.extractors is not None else list(DEFAULT_EXTRACTORS),
            "span_kinds": self.span_kinds,
            "add_requirements": self.add_requirements,
        }


@dataclass
class DocResult:
    """Everything framelens found in one document."""

    doc: Document
    spans: list[Span]
    metrics: dict[str, Any]
    words: int
    sentences: int

    def to_record(self) -> dict[str, Any]:
        """The documents.jsonl record (see docs/schema.md and :func:`framelens.schema.build_records`)."""
        return build_records(self)[0]

    def __repr__(self) -> str:
        return (f"<DocResult: {self.doc!r}, {self.words:,} words, {self.sentences:,} sentences, "
                f"{len(self.spans):,} spans ({_kind_counts(s.kind for s in self.spans)})>")

    def _repr_html_(self) -> str:
        """Notebook view: the document with its spans highlighted like the report, and a small metrics table."""
        from ..view.html import doc_result_html

        return doc_result_html(self)


class Analyzer:
    """Runs the configured extractors over documents. Build once, reuse for many documents."""

    def __init__(self, config: AnalysisConfig | None = None, **kwargs: Any):
        if config is None:
            config = AnalysisConfig(**kwargs)
        elif kwargs:
            raise ConfigError("pass either config= or keyword parameters, not both")
        self.config = config
        names = resolve_extractors(config.extractors, add_requirements=config.add_requirements)
        self.names = names
        self.extractors = [get_extractor_class(n)(config) for n in names]
        # each kind's counting rule, looked up once (kinds without a declared spec get counted=None)
        self._count_rules = {k: spec.counts for k, spec in kind_specs(names).items()}
        self.span_kinds = set(config.span_kinds) if config.span_kinds is not None else None

    def resources(self) -> list[dict[str, Any]]:
        """Lexicons and other resources in use (name, version, sha256), for the manifest."""
        out: list[dict[str, Any]] = []
        for ex in self.extractors:
            fn = getattr(ex, "resources", None)
            if fn is not None:
                for r in fn():
                    if r not in out:
                        out.append(r)
        return out

    def span_fields(self) -> list[str]:
        """The kind-specific span columns of this run, in extractor order, each once."""
        fields: list[str] = []
        for ex in self.extractors:
            for f in extractor_fields(type(ex)):
                if f not in fields:
                    fields.append(f)
        return fields

    def kinds(self) -> dict[str, Any]:
        """The :class:`~framelens.kinds.KindSpec` of every kind this run emits (by name)."""
        return kind_specs(self.names)

    def analyze_document(self, doc: Document) -> DocResult:
        seg = segment(doc.text)
        spans: list[Span] = []
        for ex in self.extractors:
            spans.extend(ex.extract(doc, seg, spans))
        spans.sort(key=lambda s: (s.start, -s.end, s.kind))
        lede_at = lede_end(doc.text, seg)
        para_of = seg.sentence_paragraph
        rules = self._count_rules
        for s in spans:
            rule = rules.get(s.kind)
            k = s.sentence
            s.with_context(para_of[k] if k is not None and 0 <= k < len(para_of) else seg.paragraph_at(s.start),
                           s.start < lede_at, None if rule is None else rule(s))
        metrics: dict[str, Any] = {}
        for ex in self.extractors:
            metrics.update(ex.metrics(doc, seg, spans))
        if self.span_kinds is not None:
            spans = [s for s in spans if s.kind in self.span_kinds]
        return DocResult(doc, spans, metrics, seg.word_count, len(seg.sentences))


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
        return [Document(id="text", text=docs)]
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

    ``docs`` may also be a pandas DataFrame, with column keywords as in
    :func:`framelens.read_corpus` (``text="content", outlet="source"``).
    A document whose analysis fails follows ``errors`` (``raise`` | ``warn`` |
    ``skip``); skipped ones are appended to ``problems`` if given (for a
    DataFrame, so are its rows that could not be read).
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
            origin = doc.origin or doc.id
            p = Problem(origin, f"analysis failed: {type(exc).__name__}: {exc}", type(exc).__name__)
            if problems is not None:
                problems.append(p)
            if errors == "warn":
                log.warning("skipped %s: %s", p.origin, p.reason)


@dataclass
class AnalysisResult:
    """Tables of an analysis: ``documents`` (one row per document) and ``spans`` (one row per span)."""

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
    **config: Any,
) -> AnalysisResult:
    """Analyse documents and return the ``documents`` and ``spans`` tables as pandas DataFrames.

    ``docs`` may be a :class:`Corpus`, any iterable of :class:`Document`, one
    Document, a plain string, or a pandas DataFrame with one document per row:
    ``analyze(df, text="content", outlet="source")`` names the columns (the
    keywords of :func:`framelens.read_corpus`; other columns go to
    ``Document.extra`` and so to the documents table). Other keyword parameters
    go to :class:`AnalysisConfig`.

    >>> import framelens
    >>> res = framelens.analyze("Officials said the plan was “a flawed idea.” It passed.")
    >>> int(res.documents.loc[0, "sentences"])
    2
    """
    from ..schema import documents_frame, spans_frame

    problems: list[Problem] = []
    docs = _frame_corpus(docs, config, errors)
    an = analyzer or Analyzer(AnalysisConfig(**config))
    results = list(iter_analyze(docs, analyzer=an, errors=errors, problems=problems))
    if isinstance(docs, Corpus):
        problems = list(docs.problems) + problems
    return AnalysisResult(documents_frame(results), spans_frame(results, an.span_fields(), an.kinds()), problems,
                          results, kinds=an.kinds())
