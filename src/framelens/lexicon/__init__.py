"""Lexicon packs: loading, validation and inflection.

A pack is a YAML file (format ``framelens-lexicon/1``, see
docs/lexicon-format.md) or a researcher's quick CSV list
(``term,category[,severity,group,alternatives,notes,kind,stance,id]``).
Loading validates everything and reports every problem at once, as
``file:line: field: message``, in one :class:`~framelens.errors.LexiconError`.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .._resources import lexicon_dir
from ..errors import LexiconError
from .context import MAX_GAPS, ContextRule, parse_context
from .inflection import _MAX_PATTERN_EXPANSION, expand_pattern, inflect, normalize_phrase

__all__ = [
    "Entry",
    "Lexicon",
    "load_lexicon",
    "load_lexicons",
    "shipped_lexicons",
    "inflect",
    "KINDS",
    "STANCES",
]

FORMAT = "framelens-lexicon/1"
KINDS = ("loaded_term", "hedge", "booster", "report_verb", "frame_cue", "attitude_verb")
STANCES = ("neutral", "distancing", "endorsing", "evaluative")
ROLES = ("term", "modifier", "stop")
INFLECT = ("noun", "verb", "adj", "none")
CASES = ("any", "lower")
TARGETS = ("left", "right", "none")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

_PACK_KEYS = {"format", "name", "version", "language", "kind", "description", "license", "authors", "sources", "entries",
              "notes"}
_REQUIRED_PACK_KEYS = ("format", "name", "version", "kind", "license", "sources", "entries")
_ENTRY_KEYS = {"id", "term", "pattern", "inflect", "forms", "category", "severity", "group", "alternatives", "targets",
               "source", "notes", "role", "stacks_onto", "not_followed_by", "not_preceded_by", "followed_by", "case",
               "stance", "label", "frame", "context", "gaps", "view", "family", "__line__", "__lines__"}
_LIST_KEYS = ("forms", "alternatives", "stacks_onto", "not_followed_by", "not_preceded_by", "followed_by")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry, with every surface form it matches (``phrases``, normalised)."""

    id: str
    term: str
    phrases: tuple[str, ...]
    category: str
    severity: int = 1
    group: str | None = None
    alternatives: tuple[str, ...] = ()
    targets: str | None = None
    source: tuple[str, ...] = ()
    notes: str | None = None
    role: str = "term"
    stacks_onto: tuple[str, ...] = ()
    not_followed_by: frozenset[str] = frozenset()
    not_preceded_by: frozenset[str] = frozenset()
    followed_by: frozenset[str] = frozenset()
    case: str = "any"
    stance: str | None = None
    line: int | None = None
    #: context rules (word sense), evaluated in order; the first that fires decides (lexicon/context.py)
    context: tuple[ContextRule, ...] = ()
    #: how many modifier words may stand inside the phrase, before its last word (0-2)
    gaps: int = 0
    #: referent view for term choice: groups compared in one table (default: ``group``)
    view: str | None = None
    #: word families of the label (``immigrant``, ``migrant``, ``alien``...); a match's family is the first
    #: one whose word its text contains (see :meth:`family_of`), kept as a term-choice column
    family: tuple[str, ...] = ()

    def family_of(self, text: str) -> str | None:
        """The word family of one match of this entry: the first of ``family`` whose word (or a form
        starting with it: "migrants") starts a word of ``text``; the last listed when none does."""
        if not self.family:
            return None
        low = " " + normalize_phrase(text)
        for f in self.family:
            if " " + f.replace("_", " ") in low:
                return f
        return self.family[-1]


@dataclass
class Lexicon:
    """A validated pack: metadata plus entries."""

    name: str
    version: str
    kind: str
    entries: list[Entry]
    language: str = "en"
    description: str = ""
    license: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    path: str | None = None
    sha256: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    def entry_ref(self, entry: Entry) -> str:
        return f"{self.name}@{self.version}:{entry.id}"

    def get(self, entry_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == entry_id:
                return e
        return None

    def info(self) -> dict[str, Any]:
        """Name, version, kind, hash and size, for manifests."""
        return {"name": self.name, "version": self.version, "kind": self.kind, "entries": len(self.entries),
                "sha256": self.sha256, "path": self.path}

    def source_citation(self, source_id: str) -> str | None:
        for s in self.sources:
            if s.get("id") == source_id:
                return s.get("citation")
        return None


# ---------------------------------------------------------------------------
# YAML with line numbers


def _line_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser keeps node marks too

    class _Loader(base):
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {k.value: v.start_mark.line + 1 for k, v in node.value if hasattr(k, "value")}
        return mapping

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return _Loader


def _str_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    return None


class _Problems:
    def __init__(self, path: str):
        self.path = path
        self.items: list[str] = []

    def add(self, line: int | None, fieldname: str, message: str) -> None:
        self.items.append(f"{self.path}:{line or 1}: {fieldname}: {message}")


def _build_entry(raw: dict, idx: int, pack_kind: str, source_ids: set[str], seen: set[str], pr: _Problems) -> Entry | None:
    line = raw.get("__line__")
    lines = raw.get("__lines__", {})

    def at(key):
        return lines.get(key, line)

    ok = True
    for key in raw:
        if key not in _ENTRY_KEYS:
            pr.add(at(key), f"entries[{idx}].{key}", f"unknown field; allowed: {', '.join(sorted(_ENTRY_KEYS - {'__line__', '__lines__'}))}")
            ok = False
    eid = raw.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        pr.add(at("id"), f"entries[{idx}].id", f"{eid!r} is not a valid id (lowercase letters, digits, _)")
        ok = False
    elif eid in seen:
        pr.add(at("id"), f"entries[{idx}].id", f"duplicate id {eid!r}")
        ok = False
    else:
        seen.add(eid)
    term, pattern = raw.get("term"), raw.get("pattern")
    if (term is None) == (pattern is None):
        pr.add(line, f"entries[{idx}]", "give exactly one of `term` or `pattern`")
        ok = False
    elif term is not None and (not isinstance(term, str) or not normalize_phrase(term)):
        pr.add(at("term"), f"entries[{idx}].term", f"{term!r} must be a non-empty string")
        ok = False
    elif pattern is not None and (not isinstance(pattern, str) or not expand_pattern(pattern)):
        pr.add(at("pattern"), f"entries[{idx}].pattern", f"{pattern!r} expands to nothing")
        ok = False
    elif pattern is not None and len(expand_pattern(pattern)) > _MAX_PATTERN_EXPANSION:
        pr.add(at("pattern"), f"entries[{idx}].pattern", f"expands to more than {_MAX_PATTERN_EXPANSION} phrases")
        ok = False
    how = raw.get("inflect", "none")
    if how not in INFLECT:
        pr.add(at("inflect"), f"entries[{idx}].inflect", f"{how!r}; allowed: {', '.join(INFLECT)}")
        ok = False
    category = raw.get("category")
    if not isinstance(category, str) or not category.strip():
        pr.add(at("category"), f"entries[{idx}].category", "required, a short name such as person_label")
        ok = False
    severity = raw.get("severity", 1)
    if isinstance(severity, bool) or not isinstance(severity, int) or not 0 <= severity <= 3:
        pr.add(at("severity"), f"entries[{idx}].severity", f"{severity!r}; allowed: an integer 0-3")
        ok = False
    role = raw.get("role", "term")
    if role not in ROLES:
        pr.add(at("role"), f"entries[{idx}].role", f"{role!r}; allowed: {', '.join(ROLES)}")
        ok = False
    case = raw.get("case", "any")
    if case not in CASES:
        pr.add(at("case"), f"entries[{idx}].case", f"{case!r}; allowed: {', '.join(CASES)}")
        ok = False
    targets = raw.get("targets")
    if targets is not None and targets not in TARGETS:
        pr.add(at("targets"), f"entries[{idx}].targets", f"{targets!r}; allowed: {', '.join(TARGETS)}")
        ok = False
    stance = raw.get("stance")
    if pack_kind == "report_verb" and role == "term" and stance not in STANCES:
        pr.add(at("stance"), f"entries[{idx}].stance", f"{stance!r}; report verbs need one of {', '.join(STANCES)}")
        ok = False
    elif stance is not None and stance not in STANCES:
        pr.add(at("stance"), f"entries[{idx}].stance", f"{stance!r}; allowed: {', '.join(STANCES)}")
        ok = False
    lists = {}
    for key in _LIST_KEYS:
        v = _str_list(raw.get(key))
        if v is None:
            pr.add(at(key), f"entries[{idx}].{key}", "must be a list of strings")
            ok = False
        lists[key] = v or []
    if lists["stacks_onto"] and role != "modifier":
        pr.add(at("stacks_onto"), f"entries[{idx}].stacks_onto", "only for entries with role: modifier")
        ok = False
    if role == "modifier" and not lists["stacks_onto"]:
        pr.add(line, f"entries[{idx}].stacks_onto", "a modifier needs stacks_onto (the categories it stacks onto)")
        ok = False
    src = _str_list(raw.get("source"))
    if role != "stop" and not src:
        pr.add(at("source"), f"entries[{idx}].source", "every entry cites a source id from `sources`")
        ok = False
    for s in src or []:
        if s not in source_ids:
            pr.add(at("source"), f"entries[{idx}].source", f"unknown source id {s!r}; defined: {', '.join(sorted(source_ids)) or '(none)'}")
            ok = False
    notes = raw.get("notes")
    if notes is not None and not isinstance(notes, str):
        pr.add(at("notes"), f"entries[{idx}].notes", "must be text")
        ok = False
    group = raw.get("group")
    if group is not None and not isinstance(group, str):
        pr.add(at("group"), f"entries[{idx}].group", "must be a name")
        ok = False
    view = raw.get("view")
    if view is not None and (not isinstance(view, str) or not _ID_RE.match(view)):
        pr.add(at("view"), f"entries[{idx}].view", f"{view!r}: a snake_case name")
        ok = False
    family = _str_list(raw.get("family"))
    if family is None or not all(_ID_RE.match(f) for f in family):
        pr.add(at("family"), f"entries[{idx}].family", f"{raw.get('family')!r}: a snake_case name or a list of them")
        ok = False
    if raw.get("view") is not None and group is None:
        pr.add(at("view"), f"entries[{idx}].view", "only for entries with a group")
        ok = False
    gaps = raw.get("gaps", 0)
    if isinstance(gaps, bool) or not isinstance(gaps, int) or not 0 <= gaps <= MAX_GAPS:
        pr.add(at("gaps"), f"entries[{idx}].gaps", f"{gaps!r}; allowed: an integer 0-{MAX_GAPS}")
        ok = False
    context = parse_context(raw.get("context"), f"entries[{idx}].context", at("context"), pr.add, normalize_phrase)
    if context is None:
        ok = False
    elif context and role != "term":
        pr.add(at("context"), f"entries[{idx}].context", "only for entries with role: term")
        ok = False
    if not ok:
        return None
    if term is not None:
        base = normalize_phrase(term)
        phrases = inflect(base, how)
    else:
        phrases = []
        for p in expand_pattern(pattern):
            phrases.extend(inflect(p, how))
    phrases.extend(normalize_phrase(f) for f in lists["forms"])
    # possessives need no forms of their own: a match ends before the apostrophe ("illegals'", "alien's")
    phrases = [p[:-2] if p.endswith("'s") and len(p) > 2 else p.rstrip("'") for p in phrases]
    phrases = list(dict.fromkeys(p for p in phrases if p))
    return Entry(
        id=eid, term=term if term is not None else pattern, phrases=tuple(phrases), category=category.strip(),
        severity=severity, group=group, alternatives=tuple(lists["alternatives"]), targets=targets,
        source=tuple(src or ()), notes=notes, role=role, stacks_onto=tuple(lists["stacks_onto"]),
        not_followed_by=frozenset(normalize_phrase(w) for w in lists["not_followed_by"]),
        not_preceded_by=frozenset(normalize_phrase(w) for w in lists["not_preceded_by"]),
        followed_by=frozenset(w if w.startswith("<") else normalize_phrase(w) for w in lists["followed_by"]),
        case=case, stance=stance, line=line, context=context, gaps=gaps,
        view=view or group, family=tuple(family or ()),
    )


def _load_yaml(path: str, text: str) -> Lexicon:
    import yaml

    pr = _Problems(path)
    try:
        data = yaml.load(text, Loader=_line_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError([f"{path}:{(mark.line + 1) if mark else 1}: yaml: {getattr(exc, 'problem', None) or exc}"]) from None
    if not isinstance(data, dict):
        raise LexiconError([f"{path}:1: (file): a lexicon pack is a mapping with name, version, kind, sources, entries"])
    lines = data.get("__lines__", {})
    for key in data:
        if key not in _PACK_KEYS and not key.startswith("__"):
            pr.add(lines.get(key), key, f"unknown field; allowed: {', '.join(sorted(_PACK_KEYS))}")
    for key in _REQUIRED_PACK_KEYS:
        if key not in data:
            pr.add(1, key, "required field is missing")
    if "format" in data and data["format"] != FORMAT:
        pr.add(lines.get("format"), "format", f"{data['format']!r}; this framelens reads {FORMAT!r}")
    name = data.get("name")
    if "name" in data and (not isinstance(name, str) or not _NAME_RE.match(name)):
        pr.add(lines.get("name"), "name", f"{name!r} is not a valid pack name")
    version = data.get("version")
    if "version" in data and not isinstance(version, (str, int, float)):
        pr.add(lines.get("version"), "version", "must be a version string such as \"1.0.0\"")
    kind = data.get("kind")
    if "kind" in data and kind not in KINDS:
        pr.add(lines.get("kind"), "kind", f"{kind!r}; allowed: {', '.join(KINDS)}")
    sources = data.get("sources") or []
    source_ids: set[str] = set()
    if not isinstance(sources, list):
        pr.add(lines.get("sources"), "sources", "must be a list of {id, citation, url}")
        sources = []
    for i, s in enumerate(sources):
        if not isinstance(s, dict) or not isinstance(s.get("id"), str) or not isinstance(s.get("citation"), str):
            pr.add(s.get("__line__") if isinstance(s, dict) else lines.get("sources"), f"sources[{i}]",
                   "each source needs an id and a full citation")
            continue
        source_ids.add(s["id"])
    entries_raw = data.get("entries") or []
    if not isinstance(entries_raw, list):
        pr.add(lines.get("entries"), "entries", "must be a list")
        entries_raw = []
    entries = []
    seen: set[str] = set()
    for i, raw in enumerate(entries_raw):
        if not isinstance(raw, dict):
            pr.add(lines.get("entries"), f"entries[{i}]", "each entry is a mapping")
            continue
        e = _build_entry(raw, i, kind if kind in KINDS else "loaded_term", source_ids, seen, pr)
        if e is not None:
            entries.append(e)
    if pr.items:
        raise LexiconError(pr.items)
    clean_sources = [{k: v for k, v in s.items() if not k.startswith("__")} for s in sources if isinstance(s, dict)]
    return Lexicon(name=name, version=str(version), kind=kind, entries=entries, language=str(data.get("language", "en")),
                   description=str(data.get("description", "") or "").strip(), license=str(data.get("license", "")),
                   sources=clean_sources, path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


_CSV_COLUMNS = ("term", "category", "severity", "group", "alternatives", "notes", "kind", "stance", "id")


def _slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", normalize_phrase(term)).strip("_") or "term"


def _load_csv(path: str, text: str) -> Lexicon:
    pr = _Problems(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    if not rows:
        raise LexiconError([f"{path}:1: (file): empty CSV; expected a header such as term,category"])
    header = [h.strip().lower() for h in rows[0]]
    if header[:2] != ["term", "category"]:
        raise LexiconError([f"{path}:1: header: starts with {rows[0][:2]}; expected term,category[,severity,group,alternatives,notes,kind,stance,id]"])
    for h in header:
        if h not in _CSV_COLUMNS:
            pr.add(1, h, f"unknown column; allowed: {', '.join(_CSV_COLUMNS)}")
    name = _slug(Path(path).stem) if path else "user"
    kinds: set[str] = set()
    entries: list[Entry] = []
    seen: set[str] = set()
    src = "user_list"
    for lineno, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        raw: dict[str, Any] = {"__line__": lineno, "term": rec.get("term") or None, "category": rec.get("category"),
                               "source": src, "inflect": "none"}
        raw["id"] = rec.get("id") or _slug(rec.get("term") or "")
        if rec.get("severity"):
            try:
                raw["severity"] = int(rec["severity"])
            except ValueError:
                pr.add(lineno, "severity", f"{rec['severity']!r}; allowed: an integer 0-3")
                continue
        for k in ("group", "notes", "stance"):
            if rec.get(k):
                raw[k] = rec[k]
        if rec.get("alternatives"):
            raw["alternatives"] = [a.strip() for a in re.split(r"[;|]", rec["alternatives"]) if a.strip()]
        kind = rec.get("kind") or "loaded_term"
        if kind not in KINDS:
            pr.add(lineno, "kind", f"{kind!r}; allowed: {', '.join(KINDS)}")
            continue
        kinds.add(kind)
        # a quick list matches plural nouns and verb forms too: both inflections of the last/first word
        e = _build_entry(raw, lineno - 2, kind, {src}, seen, pr)
        if e is not None:
            base = normalize_phrase(e.term)
            forms = list(dict.fromkeys(inflect(base, "noun") + inflect(base, "verb")))
            entries.append(Entry(**{**e.__dict__, "phrases": tuple(forms)}))
    if len(kinds) > 1:
        pr.add(1, "kind", f"one CSV list holds one kind; found {', '.join(sorted(kinds))}: split the file")
    # re-prefix problems: _build_entry reports "entries[i].field"; CSV users think in columns
    items = [re.sub(r": entries\[\d+\]\.?", ": ", p) for p in pr.items]
    if items:
        raise LexiconError(items)
    return Lexicon(name=name, version="csv", kind=(kinds.pop() if kinds else "loaded_term"), entries=entries,
                   description=f"researcher's list from {os.path.basename(path)}", license="(user supplied)",
                   sources=[{"id": src, "citation": f"User-supplied list {os.path.basename(path)}"}], path=path,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


#: Largest lexicon file read (bytes): the shipped packs are a few KB, a researcher's list of 100,000
#: terms a few MB; anything larger is refused before it is read.
MAX_LEXICON_BYTES = 32_000_000


def _read_lexicon_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of a lexicon file, refused (LexiconError) when it is not a regular file (a device, a FIFO:
    symlinks resolved) or is larger than ``limit`` (default :data:`MAX_LEXICON_BYTES`), before reading it."""
    import stat

    from ..errors import Reason

    limit = MAX_LEXICON_BYTES if limit is None else limit
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise LexiconError([f"{path}:1: (file): not a regular file (a device, FIFO or socket); "
                                "give a .yaml or .csv file"])
        if st.st_size > limit:
            raise LexiconError([f"{path}:1: (file): {st.st_size:,} bytes, more than the {limit:,} a lexicon "
                                "file may have"], code=Reason.TOO_LARGE)
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # a file that grew since stat is still capped
    except OSError as exc:
        raise LexiconError([f"{path}:1: (file): cannot read: {exc.strerror or exc}"]) from None
    if len(data) > limit:
        raise LexiconError([f"{path}:1: (file): more than the {limit:,} bytes a lexicon file may have"],
                           code=Reason.TOO_LARGE)
    return data


def load_lexicon(path: str | os.PathLike) -> Lexicon:
    """Load and validate one pack (YAML or CSV). Raises LexiconError listing every problem."""
    path = os.fspath(path)
    data = _read_lexicon_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError([f"{path}:{line}: (file): not valid UTF-8"]) from None
    if path.lower().endswith(".csv"):
        return _load_csv(path, text)
    if path.lower().endswith((".yaml", ".yml")):
        return _load_yaml(path, text)
    raise LexiconError([f"{path}:1: (file): unknown lexicon file type; use .yaml or .csv"])


def shipped_lexicons() -> dict[str, Path]:
    """Name -> path of every shipped pack."""
    return {p.stem: p for p in sorted(lexicon_dir().glob("*.yaml"))}


def _resolve(spec: str) -> str:
    if os.path.exists(spec):
        return spec
    shipped = shipped_lexicons()
    if spec in shipped:
        return str(shipped[spec])
    raise LexiconError([f"{spec}:1: (file): no such file, and no shipped pack of that name "
                        f"(shipped: {', '.join(shipped)})"])


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, mtime: float) -> Lexicon:
    return load_lexicon(path)


def load_lexicons(specs: Iterable[str] = (), *, defaults: bool = True) -> list[Lexicon]:
    """The shipped packs (if ``defaults``) plus ``specs`` (files or shipped names), all validated.

    Problems across every pack are reported together in one LexiconError.
    """
    paths = [str(p) for p in shipped_lexicons().values()] if defaults else []
    problems: list[str] = []
    for s in specs:
        try:
            p = _resolve(os.fspath(s))
        except LexiconError as exc:
            problems.extend(exc.problems)
            continue
        if os.path.abspath(p) not in {os.path.abspath(x) for x in paths}:
            paths.append(p)
    out = []
    for p in paths:
        try:
            out.append(_load_cached(os.path.abspath(p), os.path.getmtime(p)))
        except LexiconError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LexiconError(problems)
    names = [lx.name for lx in out]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        raise LexiconError([f"{lx.path}:1: name: pack name {lx.name!r} is used twice" for lx in out if lx.name in dups])
    return out
