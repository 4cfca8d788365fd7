"""Plain helpers shared by test modules (imported as ``helpers``: tests/ is on pytest's pythonpath).

Fixtures live in conftest.py; this module holds constants, file writers and small functions that
test modules import by name, so that no test module imports another test module.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
DATA = TESTS / "data"
SHARED = Path(os.environ.get("FRAMELENS_SHARED", REPO.parent / "shared"))
SEED_DIR = SHARED / "corpus" / "seed"
EXAMPLES = REPO / "examples" / "corpus"
N_EXAMPLES = len(list(EXAMPLES.glob("*.md")))  # the example corpus holds one article per file
CODED_SENTENCES = REPO / "examples" / "coding" / "coded_sentences.csv"

ARTICLE = "The county board met on Monday. “It went well,” the chair said.\n"

# A tiny two-class training set for the classify tests (each sentence written for the tests).
TOY_X = ["Critics slammed the radical plan as a disaster.", "The council met on Tuesday to discuss the budget.",
         "The reckless scheme is clearly a shameful waste.", "Officials said the report was released Monday.",
         "The outrageous decision allegedly enraged voters.", "The committee will vote on the measure next week.",
         "This disgraceful mess is undeniably a failure.", "The agency published its annual figures."] * 3
TOY_Y = ["biased", "neutral"] * 12


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent (a user's clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{p} is missing in CI: ../shared must sit beside the repository")
        pytest.skip(f"{p} not present (the shared research data sits beside the repository only for developers and CI)")
    return p


def read_jsonl(path: Path) -> list:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def write(path: Path, data) -> Path:
    """Write text (as UTF-8) or bytes to path, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def make_bad_folder(root: Path) -> Path:
    """A folder of four good documents and five bad inputs (binary, empty, latin-1, .docx, a bad JSON line)."""
    write(root / "good.md", "---\noutlet: Wire\n---\n" + ARTICLE)
    write(root / "good.txt", ARTICLE)
    write(root / "rows.jsonl", json.dumps({"id": "r1", "text": ARTICLE}) + "\n{not json\n" + json.dumps({"id": "r3", "text": "Fine."}) + "\n")
    write(root / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write(root / "empty.txt", "   \n\n")
    write(root / "latin1.txt", "Ol\u00e9, said the fan.".encode("latin-1"))
    write(root / "notes.docx", b"PK\x03\x04 not a text file")
    write(root / ".DS_Store", b"\x00\x00")  # dotfiles are ignored
    return root


def rewrite_model(path: Path, meta_fn=None, payload_fn=None, rehash=False) -> None:
    """Rewrite a saved .flmodel in place: change its metadata and/or payload, optionally with fresh hashes."""
    from framelens.classify.persist import META_NAME, PAYLOAD_NAME, _content_hash

    with zipfile.ZipFile(path) as z:
        meta = json.loads(z.read(META_NAME))
        payload = z.read(PAYLOAD_NAME)
    if payload_fn:
        payload = payload_fn(payload)
        if rehash:
            meta["payload"] = {"name": PAYLOAD_NAME, "bytes": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
    if meta_fn:
        meta_fn(meta)
    if rehash:
        meta["content_sha256"] = _content_hash(meta)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(META_NAME, json.dumps(meta))
        z.writestr(PAYLOAD_NAME, payload)


_ATTRIBUTION_ANALYZER = None


def attribution_spans(text: str, kind: str = "attribution") -> list:
    """The spans of ``kind`` (``attribution`` or ``attitude``) that the attribution extractor finds in ``text``,
    analysed with the extractors it reads (structure, hedges, report verbs); one analyzer for every test."""
    global _ATTRIBUTION_ANALYZER
    from framelens.model import Document
    from framelens.runtime.pipeline import AnalysisConfig, Analyzer

    if _ATTRIBUTION_ANALYZER is None:
        _ATTRIBUTION_ANALYZER = Analyzer(AnalysisConfig(extractors=["structure", "hedges", "report_verbs",
                                                                    "attribution"]))
    res = _ATTRIBUTION_ANALYZER.analyze_document(Document(id="t", text=text))
    return [s for s in res.spans if s.kind == kind]


def mentions_and_cues(text: str, kind: str = "attribution", *attrs: str) -> list[tuple]:
    """``(source mention, cue, *attrs)`` of every span of ``kind`` in ``text`` (:func:`attribution_spans`), in
    order; ``attrs`` names span attributes to add (``"source"``, ``"source_type"``)."""
    return [(text[s.start:s.end], text[s.attrs["cue_start"]:s.attrs["cue_end"]]) + tuple(s.attrs[a] for a in attrs)
            for s in attribution_spans(text, kind)]


def span_attrs(text: str, *names: str, kind: str = "attribution") -> list[tuple]:
    """The attributes ``names`` of every span of ``kind`` in ``text`` (:func:`attribution_spans`), one tuple per
    span, in order."""
    return [tuple(s.attrs[n] for n in names) for s in attribution_spans(text, kind)]


def sources_and_types(text: str, kind: str = "attribution") -> list[tuple[str, str]]:
    """``(source, source type)`` of every span of ``kind`` in ``text`` (:func:`attribution_spans`), in order."""
    return [(s.attrs["source"], s.attrs["source_type"]) for s in attribution_spans(text, kind)]


def attribution_lists(suffix: str = "", modes=("indirect", "direct", "according_to", "document", "no_response")):
    """A hypothesis strategy: ``(text, attributions)``, a short text of 'a', 'b', spaces, commas and semicolons
    (then ``suffix``) and up to twelve attributions with random sources, cues, contents and ``modes``, for the
    property tests of the content-cutting steps."""
    from hypothesis import strategies as st

    from framelens.extract.attribution.records import Attribution, Cue

    @st.composite
    def lists(draw):
        text = draw(st.text(alphabet="ab ,;", min_size=5, max_size=120)) + suffix
        n = len(text)
        attrs = []
        for _ in range(draw(st.integers(0, 12))):
            src = draw(st.integers(0, n - 1))
            cue = draw(st.integers(0, n - 1))
            content = draw(st.none() | st.tuples(st.integers(0, n), st.integers(0, 60)).map(
                lambda p: (p[0], min(n, p[0] + p[1]))))
            mode = draw(st.sampled_from(list(modes)))
            attrs.append(Attribution(src, min(n, src + 3), Cue(cue, min(n, cue + 4), "neutral", "report_verb"),
                                     mode, "person", None, True, content, "author"))
        return text, attrs

    return lists()
