"""Loaded-term matching: rules, look-alikes, voice, mentions, stacking, and a hand-written sentence set."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framelens
from framelens.text.matcher import get_matcher
from framelens.text.segmentation import segment
from helpers import DATA as DATA_DIR

DATA = DATA_DIR / "loaded_sentences.tsv"


def loaded(text, **kw):
    """The spans of the loaded-terms extractor: ``loaded_term`` and ``neutral_term`` (neutral variants)."""
    res = framelens.analyze(text, **kw).results[0]
    return [s for s in res.spans if s.kind in ("loaded_term", "neutral_term")]


def load_set():
    """The hand-written sentence set: (line number, sentence, gold items) for each sentence line."""
    rows = []
    for lineno, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, gold = line.split("\t")
        sentence = sentence.replace("\\n", "\n")
        items = set()
        if gold.strip() != "-":
            for item in gold.split(" ; "):
                surface, ref = item.strip().rsplit("=", 1)
                surface = surface.replace("\\n", "\n")
                entry, _, flag = ref.partition("@")
                items.add((surface, entry, flag or "author"))
        rows.append((lineno, sentence, items))
    return rows


ROWS = load_set()


def row_id(lineno: int, sentence: str) -> str:
    """A test id naming the row: its line in the TSV and its first words."""
    return f"line{lineno}-" + "_".join(re.findall(r"[A-Za-z0-9']+", sentence)[:6])


@functools.lru_cache(maxsize=None)
def _found(sentence):
    out = set()
    for s in loaded(sentence):
        if s.attrs["severity"] == 0 and s.attrs["use"] == "use" and not s.attrs.get("group"):
            continue
        flag = "mention" if s.attrs["use"] == "mention" else "neutral" if s.kind == "neutral_term" else s.voice
        out.add((s.text, s.entry.rsplit(":", 1)[1], flag))
    return frozenset(out)


def found(sentence):
    """The (surface, entry, voice-or-mention) items the analysis finds (cached: the per-row and aggregate tests
    look at the same sentences)."""
    return set(_found(sentence))


@pytest.mark.parametrize("sentence, gold", [pytest.param(s, g, id=row_id(n, s)) for n, s, g in ROWS])
def test_sentence(sentence, gold):
    got = found(sentence)
    assert got == gold, f"{sentence!r}: missing {sorted(gold - got)}, unexpected {sorted(got - gold)}"


def test_sentence_set_precision_and_recall():
    rows = ROWS
    assert len(rows) >= 80
    tp = fp = fn = 0
    lookalikes = sum(1 for _, _, g in rows if not g)
    failures = []
    for lineno, sentence, gold in rows:
        got = found(sentence)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if got != gold:
            failures.append(f"line {lineno} {sentence!r}: expected {sorted(gold)}, got {sorted(got)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\nloaded-term sentence set: {len(rows)} sentences ({lookalikes} look-alikes), "
          f"precision {precision:.3f}, recall {recall:.3f} (tp={tp}, fp={fp}, fn={fn})")
    assert not failures, "\n".join(failures)


def test_seed_article_hits(seed_result):
    spans = [s for s in seed_result.spans if s.kind == "loaded_term" and s.attrs["use"] == "use"]
    by_text = [(s.text, s.voice, s.attrs["severity"]) for s in spans]
    # "criminal illegal immigrants" is ONE stacked hit
    stacked = [s for s in spans if s.text == "criminal illegal immigrants"]
    assert len(stacked) == 1 and stacked[0].attrs["stack"] == ["mod_criminal"]
    assert stacked[0].attrs["severity"] == stacked[0].attrs["base_severity"] + 1
    assert not any(t == "criminal" or t == "illegal immigrants" and s.start == stacked[0].start + 9
                   for s in spans for t in [s.text])
    # every "illegal immigrant(s)" and "illegal migrant(s)" in the reporter's voice
    text = seed_result.doc.text
    expected = [m.start() for m in re.finditer(r"(?i)illegal (?:immigrant|migrant)s?\b", text)]
    starts = {s.start for s in spans if s.attrs["group"] == "unauthorized_immigrants"}
    for pos in expected:
        assert pos in starts or pos - 9 in starts  # the stacked one starts at "criminal"
    assert all(v == "author" for t, v, _ in by_text if "illegal" in t.lower())
    assert len(expected) == 8  # hand-counted in the seed article
    # "boasts a long history" is the possession sense ("has"): a context rule drops it
    assert not any(s.text == "boasts" for s in spans)
    # nothing inside the prosecutor's quotations counts as the reporter's voice
    seg = segment(text)
    for s in seed_result.spans:
        if seg.quote_at(s.start) is not None and s.kind not in ("sentence", "quote"):
            assert s.voice == "quoted", s
    undocumented = [s for s in seed_result.spans if s.kind in ("loaded_term", "neutral_term")
                    and s.text == "undocumented"]
    assert all(s.voice == "quoted" for s in undocumented)


def test_longest_match_and_no_double_counting():
    spans = loaded("They described criminal illegal aliens.")
    assert [s.text for s in spans] == ["criminal illegal aliens"]
    assert spans[0].attrs["severity"] == 4 and spans[0].attrs["stack"] == ["mod_criminal"]


def test_modifier_alone_is_not_a_hit():
    assert loaded("The criminal case was dismissed.") == []


def test_inflections_of_verbs_and_nouns():
    texts = {s.text for s in loaded("She slams it; he slammed it; they are slamming it; we slam it. Three thugs, one thug.")}
    assert {"slams", "slammed", "slamming", "slam", "thugs", "thug"} <= texts


def test_case_and_curly_apostrophes():
    assert [s.text for s in loaded("ILLEGAL ALIENS were named.")] == ["ILLEGAL ALIENS"]
    spans = loaded("The illegal alien’s case and the illegal alien's case.")
    assert [s.text for s in spans] == ["illegal alien", "illegal alien"]


def test_spans_carry_the_contract_fields():
    (s,) = loaded("Deputies arrested an illegal alien.")
    assert s.kind == "loaded_term" and s.entry.startswith("immigration@")
    for field in ("entry",):
        assert getattr(s, field)
    for field in ("category", "severity", "group", "alternatives"):
        assert field in s.attrs
    assert s.voice == "author" and s.attrs["group"] == "unauthorized_immigrants"
    assert "undocumented immigrant" in s.attrs["alternatives"]


def test_term_choice_metrics():
    res = framelens.analyze("Two illegal aliens and three undocumented immigrants met an illegal alien.")
    tc = res.documents.loc[0, "term_choice"]["unauthorized_immigrants"]
    assert tc == {"illegal_alien": 2, "undocumented_immigrant": 1}
    assert res.documents.loc[0, "loaded"] == 2  # the neutral variant is not counted as loaded


def test_user_csv_lexicon_two_lines(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text("term,category\nborder jumper,person_label\n", encoding="utf-8")
    spans = loaded("Two border jumpers were caught.", lexicons=[str(csv)], default_lexicons=False)
    assert [(s.text, s.entry) for s in spans] == [("border jumpers", "mine@csv:border_jumper")]


def test_cli_counts_a_csv_term(tmp_path):
    from framelens.cli import main

    csv = tmp_path / "mine.csv"
    csv.write_text("term,category\nrampaging bureaucrats,political_label\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("The rampaging bureaucrats struck again.", encoding="utf-8")
    assert main(["analyze", str(doc), "--lexicon", str(csv), "--out", str(tmp_path / "o")]) == 0
    from framelens.io.tables import nested_records

    (rec,) = nested_records(tmp_path / "o")  # the record with its spans (joined from spans.jsonl)
    assert rec["metrics"]["loaded"] == 1
    assert [s["text"] for s in rec["spans"] if s["kind"] == "loaded_term"] == ["rampaging bureaucrats"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["illegal", "alien", "aliens", "criminal", "the", "“", "”", "\n", " ", "  ", "-", "’s",
                                 "slammed", "on", "brakes", "far", "right", ".", "Theresa", "May", "may"]),
                max_size=40).map(" ".join))
def test_matcher_offsets_are_exact(text):
    seg = segment(text)
    for h in get_matcher().match(text, seg):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start].isalnum() and text[h.end - 1].isalnum()
        assert h.start == 0 or not text[h.start - 1].isalnum()


def test_label_with_modifiers_inside_is_one_hit():
    """Issue 18: 'illegal juvenile immigrants' is one hit of the unauthorized-immigrant referent with variant
    'illegal immigrant', its modifier recorded, offsets exact."""
    text = "Deputies detained illegal juvenile immigrants near the depot."
    res = framelens.analyze(text)
    (s,) = [s for s in res.results[0].spans if s.kind in ("loaded_term", "neutral_term")]
    assert (s.kind, s.text, s.entry.rsplit(":", 1)[1]) == ("loaded_term", "illegal juvenile immigrants",
                                                           "illegal_immigrant")
    assert text[s.start:s.end] == s.text and s.start == text.index("illegal")
    assert s.attrs["group"] == "unauthorized_immigrants" and s.attrs["view"] == "immigrants"
    assert s.attrs["modifiers"] == ["juvenile"] and s.attrs["family"] == "immigrant"
    assert res.documents.loc[0, "term_choice"] == {"unauthorized_immigrants": {"illegal_immigrant": 1}}
    assert res.documents.loc[0, "loaded"] == 1
