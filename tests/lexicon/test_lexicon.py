"""Lexicon loading and validation: every problem reported at once as file:line: field: message."""

from __future__ import annotations

import pytest

from framelens import LexiconError
from framelens.lexicon import expand_pattern, inflect, load_lexicon, load_lexicons, shipped_lexicons

GOOD = """\
format: framelens-lexicon/1
name: tiny
version: "0.1.0"
language: en
kind: loaded_term
description: A tiny test pack.
license: CC-BY-4.0
sources:
  - id: s1
    citation: "Author, A. (2020). A study. Journal 1(1)."
entries:
  - id: border_jumper
    term: border jumper
    inflect: noun
    category: person_label
    severity: 3
    group: unauthorized_immigrants
    alternatives: [person who crossed the border without authorization]
    source: s1
  - id: rant
    term: rant
    inflect: verb
    category: evaluative_verb
    severity: 2
    source: s1
"""

BAD = """\
format: framelens-lexicon/1
name: tiny
version: "0.1.0"
kind: loaded_terms
license: CC-BY-4.0
sources:
  - id: s1
    citation: "Author (2020)."
entries:
  - id: Bad Id
    term: a term
    category: x
    severity: 7
    source: s1
  - id: ok_one
    category: x
    source: nope
  - id: ok_two
    term: thing
    category: x
    source: s1
    inflekt: noun
"""


def test_good_pack(tmp_path):
    p = tmp_path / "tiny.yaml"
    p.write_text(GOOD, encoding="utf-8")
    lx = load_lexicon(p)
    assert lx.ref == "tiny@0.1.0" and lx.kind == "loaded_term" and len(lx.entries) == 2
    assert lx.get("border_jumper").phrases == ("border jumper", "border jumpers")
    assert lx.get("rant").phrases == ("rant", "rants", "ranted", "ranting")
    assert lx.sha256 and lx.entries[0].line == 12


def test_every_problem_reported_with_line_and_field(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(BAD, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(p)
    problems = err.value.problems
    expected = [
        f"{p}:4: kind: 'loaded_terms'; allowed:",
        f"{p}:10: entries[0].id: 'Bad Id' is not a valid id",
        f"{p}:13: entries[0].severity: 7; allowed: an integer 0-3",
        f"{p}:15: entries[1]: give exactly one of `term` or `pattern`",
        f"{p}:17: entries[1].source: unknown source id 'nope'",
        f"{p}:22: entries[2].inflekt: unknown field",
    ]
    for e in expected:
        assert any(pr.startswith(e) for pr in problems), (e, problems)
    assert len(problems) == len(expected)
    assert isinstance(err.value, ValueError)


def test_yaml_syntax_error_has_a_line(tmp_path):
    p = tmp_path / "broken.yaml"
    p.write_text("name: x\nentries:\n  - id: a\n    term: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(p)
    assert err.value.problems[0].startswith(f"{p}:")
    assert ": yaml: " in err.value.problems[0]


def test_csv_quick_list_and_its_errors(tmp_path):
    p = tmp_path / "quick.csv"
    p.write_text("term,category,severity,group,alternatives\nborder hopper,person_label,3,unauthorized,"
                 "undocumented immigrant;migrant\nrant,evaluative_verb,,,\n", encoding="utf-8")
    lx = load_lexicon(p)
    assert lx.name == "quick" and [e.id for e in lx.entries] == ["border_hopper", "rant"]
    assert lx.entries[0].alternatives == ("undocumented immigrant", "migrant")
    assert "border hoppers" in lx.entries[0].phrases and "ranted" in lx.entries[1].phrases
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category,severity\nfoo,,1\nbar,x,nine\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    assert any(pr.startswith(f"{bad}:2: category:") for pr in err.value.problems)
    assert any(pr.startswith(f"{bad}:3: severity:") for pr in err.value.problems)


def test_problems_across_packs_are_collected(tmp_path):
    a = tmp_path / "a.csv"
    a.write_text("term,category\n,x\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("wrong,header\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicons([str(a), str(b), "no_such_pack"], defaults=False)
    assert len(err.value.problems) == 3


def test_shipped_packs_are_valid_and_cited():
    packs = load_lexicons()
    names = {lx.name for lx in packs}
    assert {"immigration", "crime", "political", "evaluative", "hedges", "boosters", "report_verbs"} <= names
    loaded = [e for lx in packs if lx.kind == "loaded_term" for e in lx.entries if e.role != "stop"]
    assert len(loaded) >= 400
    for lx in packs:
        assert lx.license and lx.sources
        for s in lx.sources:
            assert len(s["citation"]) > 20
        for e in lx.entries:
            assert e.role == "stop" or e.source


def test_no_term_is_listed_twice_across_shipped_packs():
    # the same term with the same inflection in two packs of one kind would make the entry that
    # fires depend on pack order; noun and verb entries of one word (frames: arrest / arrest_v) differ
    seen: dict = {}
    dupes = []
    for lx in load_lexicons():
        for e in lx.entries:
            if e.role == "stop" or not e.term:
                continue
            key = (lx.kind, e.term.lower(), frozenset(e.phrases), e.role)
            if key in seen:
                dupes.append((key, seen[key], f"{lx.name}:{e.id}"))
            seen[key] = f"{lx.name}:{e.id}"
    assert dupes == []


def test_political_labels_are_balanced():
    (pol,) = [lx for lx in load_lexicons() if lx.name == "political"]
    left = [e.severity for e in pol.entries if e.targets == "left" and e.role == "term"]
    right = [e.severity for e in pol.entries if e.targets == "right" and e.role == "term"]
    assert abs(len(left) - len(right)) <= 0.1 * max(len(left), len(right))
    assert abs(sum(left) / len(left) - sum(right) / len(right)) < 0.25


def test_inflection_rules():
    assert inflect("slam", "verb") == ["slam", "slams", "slammed", "slamming"]
    assert inflect("boast", "verb") == ["boast", "boasts", "boasted", "boasting"]
    assert inflect("terrorize", "verb") == ["terrorize", "terrorizes", "terrorized", "terrorizing"]
    assert inflect("lash out", "verb") == ["lash out", "lashes out", "lashed out", "lashing out"]
    assert inflect("say", "verb") == ["say", "says", "said", "saying"]
    assert inflect("bully", "verb") == ["bully", "bullies", "bullied", "bullying"]
    assert inflect("anchor baby", "noun") == ["anchor baby", "anchor babies"]
    assert inflect("illegal alien", "noun") == ["illegal alien", "illegal aliens"]
    assert inflect("woman", "noun") == ["woman", "women"]
    assert expand_pattern("(flood|wave) of (migrants|refugees)") == [
        "flood of migrants", "flood of refugees", "wave of migrants", "wave of refugees"]
    assert expand_pattern("(far|) right") == ["far right", "right"]


def test_shipped_names_resolve():
    assert "immigration" in shipped_lexicons()
