"""Plain word lists shipped beside the lexicon packs, and their loaders.

A word list is a small text file read by one extractor, not a lexicon pack
(no YAML, no inflection): today ``lexicons/source_types.txt``, the sections
the ``attribution`` extractor uses to type sources and find extra cues and
refusals to comment. Loading reports every problem at once, as
``file:line: field: message``, in one :class:`~framelens.errors.LexiconError`.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .._resources import lexicon_dir
from ..errors import LexiconError

__all__ = ["SourceLexicon", "load_source_lexicon", "SOURCE_SECTIONS", "VALUED_SECTIONS", "CUE_STANCES", "Abbreviations",
           "load_abbreviations"]

#: The sections of ``source_types.txt``, in file order.
SOURCE_SECTIONS = ("pronoun", "role", "organization", "media", "media_generic", "document", "vague", "individual",
                   "anonymous", "adverbial", "between", "stop", "cue", "document_cue", "no_response", "inversion",
                   "place", "media_role", "office", "honorific", "polity", "company")
#: Sections whose lines are ``form<TAB>stance`` rather than words.
VALUED_SECTIONS = ("cue", "document_cue")
#: Allowed stances of a ``cue`` or ``document_cue`` line.
CUE_STANCES = ("neutral", "distancing", "endorsing", "evaluative")
#: Sections that must be present and non-empty.
_REQUIRED = ("pronoun", "role", "document", "vague", "between", "stop")


@dataclass
class SourceLexicon:
    """The sections of ``source_types.txt``: sets of lowercased words and word sequences."""

    path: str
    name: str
    version: str
    sha256: str
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # single-word entries per section
    phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # multi-word entries
    cues: dict[str, str] = field(default_factory=dict)  # form -> stance
    document_cues: dict[str, str] = field(default_factory=dict)
    no_response: tuple[str, ...] = ()
    entries: int = 0

    def has(self, section: str, word: str) -> bool:
        """Whether ``word`` (lower-case) is a single-word entry of ``section``."""
        return word in self.words.get(section, ())

    def info(self) -> dict:
        """The resource record listed in a run's manifest."""
        return {"name": self.name, "version": self.version, "kind": "source_types", "entries": self.entries,
                "sha256": self.sha256, "path": self.path}


def load_source_lexicon(path: str | Path | None = None) -> SourceLexicon:
    """Read a ``source_types.txt`` file (format in its header). Every problem is reported at once."""
    file = Path(path) if path is not None else lexicon_dir() / "source_types.txt"
    return _load_cached(str(file))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> SourceLexicon:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise LexiconError([f"{path}:1: (file): cannot read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError([f"{path}:1: (file): not valid UTF-8"]) from None
    problems: list[str] = []
    meta = {"name": Path(path).stem, "version": "0"}
    sections = _split_sections(path, text, meta, problems)
    lex = SourceLexicon(path, meta["name"], meta["version"], hashlib.sha256(raw).hexdigest())
    entries = 0
    for section in SOURCE_SECTIONS:
        singles: set[str] = set()
        multi: set[tuple[str, ...]] = set()
        for line_no, line in sections[section]:
            entries += 1
            if section in VALUED_SECTIONS:
                parts = line.split("\t")
                if len(parts) != 2 or parts[1].strip() not in CUE_STANCES:
                    problems.append(f"{path}:{line_no}: {section}: expected 'form<TAB>stance' with stance one of "
                                    f"{', '.join(CUE_STANCES)}, got {line.strip()!r}")
                    continue
                form, stance = " ".join(parts[0].lower().split()), parts[1].strip()
                (lex.cues if section == "cue" else lex.document_cues)[form] = stance
                continue
            if section == "no_response":
                try:
                    re.compile(line.strip())
                except re.error as exc:
                    problems.append(f"{path}:{line_no}: no_response: bad regular expression {line.strip()!r}: "
                                    f"{exc}")
                    continue
                lex.no_response += (line.strip(),)
                continue
            words = tuple(line.lower().split())
            if len(words) == 1:
                singles.add(words[0])
            else:
                multi.add(words)
        lex.words[section] = frozenset(singles)
        lex.phrases[section] = tuple(sorted(multi, key=len, reverse=True))
    # a company is an organisation: its names count wherever organisation words do ('Google said')
    lex.words["organization"] = lex.words["organization"] | lex.words["company"]
    if lex.phrases["company"]:
        lex.phrases["organization"] = tuple(sorted(set(lex.phrases["organization"]) | set(lex.phrases["company"]),
                                                   key=len, reverse=True))
    for section in _REQUIRED:
        if not sections[section]:
            problems.append(f"{path}:1: [{section}]: section is missing or empty")
    if problems:
        raise LexiconError(problems)
    lex.entries = entries
    return lex


def _split_sections(path: str, text: str, meta: dict, problems: list[str]) -> dict[str, list[tuple[int, str]]]:
    """The lines of each ``[section]`` with their line numbers; ``# name:``/``# version:`` comments go to
    ``meta``, misplaced lines and unknown sections to ``problems``."""
    sections: dict[str, list[tuple[int, str]]] = {s: [] for s in SOURCE_SECTIONS}
    current: str | None = None
    for line_no, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            m = re.match(r"#\s*(name|version):\s*(\S+)\s*$", stripped)
            if m:
                meta[m.group(1)] = m.group(2)
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
            if current not in sections:
                problems.append(f"{path}:{line_no}: section: unknown section [{current}]; allowed: "
                                + ", ".join(SOURCE_SECTIONS))
                current = None
            continue
        if current is None:
            problems.append(f"{path}:{line_no}: entry: {stripped!r} is outside any known section")
            continue
        sections[current].append((line_no, line.rstrip("\r\n")))
    return sections


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviation list (lexicons/abbreviations.txt): ``title`` ones (Mr., Dr., Gov.) never end a
    sentence; ``other`` ones (U.S., Inc.) end one only before a typical sentence opener."""

    title: frozenset[str]
    other: frozenset[str]


@functools.lru_cache(maxsize=None)
def load_abbreviations(path: str | None = None) -> Abbreviations:
    """Read the abbreviation list (``ABBREV<TAB>class`` lines, ``#`` comments)."""
    p = lexicon_dir() / "abbreviations.txt" if path is None else path
    title: set[str] = set()
    other: set[str] = set()
    with open(p, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            abbr = parts[0].rstrip(".")
            cls = parts[1].strip().lower() if len(parts) > 1 else "other"
            (title if cls == "title" else other).add(abbr)
    return Abbreviations(frozenset(title), frozenset(other))
