"""The document and span model shared by every part of framelens."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field, fields
from typing import Any, Mapping

__all__ = ["Document", "Span", "META_FIELDS", "VOICES"]

#: Metadata fields every document has (``None`` where unknown).
META_FIELDS = ("outlet", "date", "title", "url", "event", "author")

#: A notebook view of a Document shows at most this many characters of its text.
_HTML_TEXT_LIMIT = 100_000

#: Allowed values of :attr:`Span.voice`.
VOICES = ("author", "quoted")


@dataclass(frozen=True)
class Document:
    """One article.

    Parameters
    ----------
    id : str
        The document's id (unique within a corpus).
    text : str
        The article text exactly as read (curly quotes, NBSP and CRLF kept),
        without front matter or a leading ``date`` line; every span offset indexes it.
    outlet, date, title, url, event, author : str, optional
        Metadata (:data:`META_FIELDS`); None where unknown.
    origin : str, optional
        Where the document was read: ``"path"`` or ``"path:line"``.
    body_offset : int, default 0
        Where ``text`` starts in the source file (0 for JSONL/CSV), so an
        offset can be traced back to the file too.
    extra : mapping, default {}
        Any other metadata (front-matter fields, other columns).
    """

    id: str
    text: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    event: str | None = None
    author: str | None = None
    origin: str | None = None  # "path" or "path:line"
    body_offset: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)

    def meta(self) -> dict[str, Any]:
        """Metadata as a plain dict (the fixed fields, then ``extra``).

        Returns
        -------
        dict
            The :data:`META_FIELDS`, then the ``extra`` keys that do not clash with them.
        """
        out = {k: getattr(self, k) for k in META_FIELDS}
        for k, v in self.extra.items():
            out.setdefault(k, v)
        return out

    def get(self, key: str, default: Any = None) -> Any:
        """A metadata value by name: a fixed field, else from ``extra``.

        Parameters
        ----------
        key : str
            A field name (``"outlet"``) or a key of ``extra``.
        default : any, optional
            Returned when ``extra`` has no such key, or the fixed field is None.

        Returns
        -------
        any
        """
        if key in {f.name for f in fields(self)}:
            value = getattr(self, key)
            return default if value is None else value
        return self.extra.get(key, default)

    @property
    def sha256(self) -> str:
        """The SHA-256 of ``text`` (UTF-8), as hex."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def __repr__(self) -> str:
        """Short: id, outlet, date, length and the start of the text (the whole text can be megabytes)."""
        meta = "".join(f", {k}={_short(getattr(self, k), 40)!r}" for k in ("outlet", "date") if getattr(self, k))
        return f"<Document {_short(self.id, 60)!r}{meta}, {len(self.text):,} chars: {_short(self.text, 60)!r}>"

    def _repr_html_(self) -> str:
        """Notebook view: metadata and the escaped text. Plain on purpose: this core layer imports nothing
        above it; span highlighting is framelens.display(doc) (analyses it) or a DocResult's own view."""
        e = html.escape
        cut = len(self.text) > _HTML_TEXT_LIMIT
        body = e(self.text[:_HTML_TEXT_LIMIT]) + (f"<i> … ({len(self.text) - _HTML_TEXT_LIMIT:,} more characters)</i>"
                                                  if cut else "")
        meta = " · ".join(e(str(v)) for v in (self.outlet, self.date, self.author, self.event) if v)
        title = e(self.title or self.id)
        return (f'<div class="framelens-doc"><div><b>{title}</b></div>'
                f'<div style="color:#555;font-size:.85em">{meta}{" · " if meta else ""}id: {e(self.id)} · '
                f'{len(self.text):,} characters</div>'
                f'<div style="white-space:pre-wrap;overflow-wrap:anywhere;max-height:30em;overflow-y:auto">'
                f"{body}</div></div>")


@dataclass(frozen=True, init=False)
class Span:
    """One finding, with provenance.

    ``text == document.text[start:end]`` always holds (half-open offsets into
    the original text).

    Parameters
    ----------
    kind : str
        The span kind (see :mod:`framelens.kinds`).
    start, end : int
        Half-open character offsets into the document's text.
    text : str
        ``document.text[start:end]``.
    label : str
        The kind-specific label (e.g. a category).
    entry : str, optional
        ``"pack@version:entry_id"`` for lexicon hits, or the rule that produced the span.
    voice : {"author", "quoted"}, default "author"
        ``"author"`` when the span lies in the reporter's own voice, ``"quoted"``
        inside a quotation.
    sentence : int, optional
        The index of the sentence holding ``start``.
    attrs : mapping, default {}
        The fields particular to the span's kind (see docs/schema.md).
    paragraph, lede, counted : optional
        Filled once by the :class:`~framelens.runtime.pipeline.Analyzer`, after
        the extractors ran, so nothing downstream segments again: ``paragraph``
        (index of the paragraph holding ``start``), ``lede`` (``start`` lies in
        the lede, :func:`framelens.text.segmentation.lede_end`) and ``counted``
        (the span counts in its kind's totals, by the kind's rule in
        :mod:`framelens.kinds`; ``None`` for a kind nobody declared).
    """

    kind: str
    start: int
    end: int
    text: str
    label: str
    entry: str | None = None
    voice: str = "author"
    sentence: int | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    paragraph: int | None = None
    lede: bool | None = None
    counted: bool | None = None

    # Written out rather than generated: a frozen dataclass's own __init__ sets each of the 12 fields through
    # object.__setattr__, and spans are made by the hundred thousand; this one fills the instance's dict at once
    # (a third faster). ``attrs`` None means a new empty dict, as the field's default_factory says.
    def __init__(self, kind: str, start: int, end: int, text: str, label: str, entry: str | None = None,
                 voice: str = "author", sentence: int | None = None, attrs: Mapping[str, Any] | None = None,
                 paragraph: int | None = None, lede: bool | None = None, counted: bool | None = None):
        object.__setattr__(self, "__dict__", {
            "kind": kind, "start": start, "end": end, "text": text, "label": label, "entry": entry, "voice": voice,
            "sentence": sentence, "attrs": {} if attrs is None else attrs, "paragraph": paragraph, "lede": lede,
            "counted": counted})

    def with_context(self, paragraph: int | None, lede: bool | None, counted: bool | None) -> "Span":
        """Set the document-level facts (once, by the Analyzer; the span is otherwise immutable).

        Parameters
        ----------
        paragraph : int or None
            Index of the paragraph holding ``start``.
        lede : bool or None
            Whether ``start`` lies in the lede.
        counted : bool or None
            Whether the span counts in its kind's totals.

        Returns
        -------
        Span
            This span, changed in place.
        """
        d = self.__dict__  # (a frozen dataclass: its fields are written in its dict, as its own __init__ does)
        d["paragraph"] = paragraph
        d["lede"] = lede
        d["counted"] = counted
        return self

    def __repr__(self) -> str:
        """Short: kind, label, offsets, voice and the start of the span's text."""
        return (f"<Span {self.kind} {_short(self.label, 40)!r} [{self.start}:{self.end}] {self.voice}: "
                f"{_short(self.text, 60)!r}>")

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-ready dict: the fixed fields, then ``attrs``.

        Returns
        -------
        dict
            The fixed fields, then the ``attrs`` keys that do not clash with them.
        """
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "entry": self.entry,
            "voice": self.voice,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "lede": self.lede,
            "counted": self.counted,
        }
        for k, v in self.attrs.items():
            if k not in out:
                out[k] = v
        return out


def _short(value: Any, n: int) -> str:
    """``value`` as text, cut to ``n`` characters with an ellipsis (for reprs)."""
    s = str(value)
    return s if len(s) <= n else s[: n - 1] + "…"
