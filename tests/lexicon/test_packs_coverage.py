"""Coverage packs for loaded language (issue 18 part 4): they load, cite sources, report directions, do not
overlap, and find the loaded wording of a hand-coded set written before framelens was run on it.

The recall floor below was not tuned: tests/data/loaded_handcoded.tsv (80 fictional sentences) was written and
coded before any pack was run on it; the first run of the new packs gave recall 0.843, the packs were then pruned
for precision on BASIL and BABE (never on these sentences), which left 0.826 (one entry added afterwards for
direction balance, metaphors:assault_on, matches row r04, and evaluative:evil, added after a review of BABE,
matches r06: 0.843). The floor is 0.826 rounded down to 0.75, so
a pack change that loses about one in ten of the expected spans fails.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framelens.lexicon import TARGETS, load_lexicons, shipped_lexicons

ROOT = Path(__file__).resolve().parents[2]
COVERAGE_PACKS = ("evaluative", "conflict", "metaphors", "epithets", "partisan", "stance_verbs")
DOC = ROOT / "docs" / "validation_lexical.md"
BASIL = ROOT.parent / "shared" / "datasets" / "basil"
RECALL_FLOOR = 0.75
PRECISION_FLOOR = 0.90


def _bench():
    spec = importlib.util.spec_from_file_location("lexical_basil", ROOT / "benchmarks" / "lexical_basil.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lexical_basil", mod)
    spec.loader.exec_module(mod)
    return mod


BENCH = _bench()


@pytest.fixture(scope="module")
def packs():
    lx = {p.name: p for p in load_lexicons()}
    return {name: lx[name] for name in COVERAGE_PACKS}


def test_coverage_packs_are_shipped_and_load(packs):
    assert set(COVERAGE_PACKS) <= set(shipped_lexicons())
    for lex in packs.values():
        assert lex.kind == "loaded_term"
        assert lex.entries


def test_every_entry_cites_a_defined_source(packs):
    for lex in packs.values():
        defined = {s["id"] for s in lex.sources}
        for e in lex.entries:
            if e.role == "stop":
                continue
            assert e.source, f"{lex.name}:{e.id} has no source"
            assert set(e.source) <= defined, f"{lex.name}:{e.id} cites an undefined source"
            assert lex.source_citation(e.source[0])


def direction_counts(lex) -> Counter:
    return Counter(e.targets for e in lex.entries if e.role != "stop")


def test_every_entry_has_a_direction_and_the_docs_report_the_counts(packs):
    doc = DOC.read_text(encoding="utf-8")
    for lex in packs.values():
        for e in lex.entries:
            if e.role != "stop":
                assert e.targets in TARGETS, f"{lex.name}:{e.id} has no direction (targets)"
        c = direction_counts(lex)
        row = f"| {lex.name} | {lex.version} | {sum(c.values())} | {c['left']} | {c['right']} | {c['none']} |"
        assert row in doc, f"docs/validation_lexical.md lacks the direction row {row!r}"


def test_no_phrase_is_in_two_loaded_entries():
    """A surface form belongs to one loaded-term entry only (no double meaning, no shadowed entry)."""
    owners = defaultdict(set)
    for lex in load_lexicons():
        if lex.kind != "loaded_term":
            continue
        for e in lex.entries:
            if e.role == "stop":
                continue
            for p in e.phrases:
                owners[p].add(f"{lex.name}:{e.id}")
    mine = {p for p, o in owners.items() if any(x.split(":")[0] in COVERAGE_PACKS for x in o)}
    clashes = {p: sorted(owners[p]) for p in mine if len(owners[p]) > 1}
    assert not clashes, clashes


def test_stance_verbs_are_never_neutral_report_verbs():
    """A speech verb counted as loaded must not be a neutral reporting verb in the report-verb pack."""
    lx = {p.name: p for p in load_lexicons()}
    neutral = {p for e in lx["report_verbs"].entries if e.stance == "neutral" for p in e.phrases}
    loaded = {p for e in lx["stance_verbs"].entries if e.role != "stop" for p in e.phrases}
    assert not (neutral & loaded), sorted(neutral & loaded)


@pytest.fixture(scope="module")
def handcoded():
    rows = BENCH.read_handcoded()
    return rows, BENCH.loaded_spans([r["text"] for r in rows])


def test_handcoded_set_is_balanced():
    rows = BENCH.read_handcoded()
    c = Counter(r["direction"] for r in rows)
    assert c == {"left_critical": 20, "right_critical": 20, "neutral_evaluative": 20, "lookalike": 20}
    for r in rows:
        assert (r["direction"] == "lookalike") == (not r["expected"]), r["id"]


def test_handcoded_recall_and_precision_floor(handcoded):
    rows, preds = handcoded
    tp_pred = n_pred = tp_gold = n_gold = 0
    by_dir = defaultdict(lambda: [0, 0])
    for r, p in zip(rows, preds):
        ps = [(s["start"], s["end"]) for s in p]
        tp_pred += sum(any(BENCH.overlaps(a, b) for b in r["expected"]) for a in ps)
        n_pred += len(ps)
        got = sum(any(BENCH.overlaps(b, a) for a in ps) for b in r["expected"])
        tp_gold += got
        n_gold += len(r["expected"])
        by_dir[r["direction"]][0] += got
        by_dir[r["direction"]][1] += len(r["expected"])
    assert n_gold == 121
    assert tp_gold / n_gold >= RECALL_FLOOR
    assert tp_pred / n_pred >= PRECISION_FLOOR
    # every political direction is covered with the same care: no direction falls below the floor
    for d, (got, n) in by_dir.items():
        if n:
            assert got / n >= RECALL_FLOOR, (d, got, n)


@pytest.mark.parametrize("row", [r for r in BENCH.read_handcoded() if r["direction"] == "lookalike"],
                         ids=lambda r: r["id"])
def test_lookalike_sentences_give_no_loaded_hit(row):
    assert BENCH.loaded_spans([row["text"]]) == [[]], row["text"]


@given(st.text(alphabet="ab “”‘’\"'—–-\u00a0Xy", max_size=40))
def test_fold_keeps_offsets(text):
    assert len(BENCH.fold(text)) == len(text)


@given(st.text(alphabet="abc “”\"'. ", min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 8))
def test_locate_returns_offsets_of_the_span(text, start, size):
    q = text[start:start + size]
    if not q.strip() or not q.strip("\"' "):
        return
    loc = BENCH.locate(text, q, None, [(0, len(text))])
    assert loc is not None
    folded = BENCH.fold(text)[loc[0]:loc[1]]
    assert folded in (BENCH.fold(q).strip(), BENCH.fold(q).strip().strip("\"' "))


@pytest.mark.skipif(not (BASIL / "spans.csv").exists(),
                    reason="BASIL not present in ../shared/datasets/basil (research data, not shipped)")
def test_basil_lexical_bias_recall_and_precision(capsys):
    """Issue 18's bar on the BASIL half we have: overlap recall >= 0.40 at precision >= 0.20."""
    res = BENCH.basil(BASIL)
    capsys.readouterr()
    assert res["recall"] >= 0.40
    assert res["precision"] >= 0.20
    assert res["gold_lex_spans"] >= 250


# -- context rules of the coverage packs, each on a sentence where it fires and on its look-alike -----------------
# (sentence, surface, whether the rule fires): when it fires the word is another sense and gives no loaded span;
# when it does not, the loaded span is there. Every sentence is fictional, written for this test.
CONTEXT_RULES = [
    ("Troops met fierce resistance from the rebels.", "fierce", True),                       # evaluative:venomous
    ("The senator faced fierce criticism from her own party.", "fierce", False),
    ("Divers found explosives rigged to the hull of the boat.", "rigged", True),             # metaphors:rigged
    ("The mayor said the vote count was rigged.", "rigged", False),
    ("The museum shows armour from the Crusades of the twelfth century.", "Crusades", True),  # metaphors:crusade
    ("The governor's crusade against the library board continued.", "crusade", False),
    ("The army's onslaught on the city, with tanks and artillery, began at dawn.", "onslaught", True),
    ("The minister faced an onslaught of questions from reporters.", "onslaught", False),
    ("The ranger boasts a long record of rescues on the ridge.", "boasts", True),            # evaluative:boast
    ("The ranger boasted that no hiker had ever been lost.", "boasted", False),
    ("Rescuers reached the boys trapped in the flooded cave.", "cave", True),                 # conflict:cower
    ("The speaker will not cave, her aides said.", "cave", False),
    ("The blaze last winter gutted the old theatre.", "gutted", True),                       # conflict:gut
    ("The committee gutted the ethics bill overnight.", "gutted", False),
    ("A freight train derailed Tuesday, spilling grain.", "derailed", True),                  # conflict:derail
    ("The scandal derailed her campaign for governor.", "derailed", False),
    ("Police stormed the apartment after a four-hour standoff.", "stormed", True),        # conflict:stormed
    ("Protesters stormed the council meeting to demand a vote.", "stormed", False),
    ("The hunter took aim at the deer with his rifle.", "took aim at", True),                # conflict:take_aim
    ("The senator took aim at the governor's budget.", "took aim at", False),
    ("The military struck back with missiles on Tuesday.", "struck back", True),             # conflict:punch_back
    ("The mayor struck back at her critics in a long post.", "struck back", False),
    ("Passengers scrambled to safety as flames spread.", "scrambled", True),              # conflict:scramble_to
    ("Aides scrambled to explain the senator's remarks.", "scrambled", False),
    ("Fans mobbed the singer for autographs outside the arena.", "mobbed", True),        # conflict:mob_verb
    ("Activists mobbed the senator as she left the hearing.", "mobbed", False),
    ("She saw a doctor about a fever and a headache for three days.", "headache", True),  # metaphors:headache
    ("The leak is a fresh headache for the White House.", "headache", False),
    ("A psychiatrist told the jury he was insane when he fired.", "insane", True),           # evaluative:insane
    ("The plan to sell the harbour is insane, the columnist wrote.", "insane", False),
    ("Prosecutors say his scheme cheated investors of millions.", "scheme", True),           # evaluative:scheme
    ("The governor's scheme to move the capital drew laughter.", "scheme", False),
    ("Doctors admitted the boy for treatment of burns.", "admitted", True),              # stance_verbs:admit
    ("The minister admitted that the numbers were wrong.", "admitted", False),
    ("He complained about chest pain before collapsing.", "complained", True),               # stance_verbs:complain
    ("The mayor complained that reporters had ignored her plan.", "complained", False),
    ("A circus clown made balloon animals for the children.", "clown", True),                # epithets:insult_fool
    ("The columnist called the minister a clown.", "clown", False),
]


@pytest.mark.parametrize("text,surface,fires", CONTEXT_RULES, ids=[f"{i:02d}" for i in range(len(CONTEXT_RULES))])
def test_context_rule_on_look_alikes(text, surface, fires):
    assert surface in text
    got = [s["text"] for s in BENCH.loaded_spans([text])[0]]
    if fires:
        assert surface not in got, got
    else:
        assert surface in got, got


def test_every_context_rule_of_the_coverage_packs_is_tested(packs):
    """Each entry with context rules has a row above (the entry is found by running the row's sentence)."""
    with_rules = {f"{lex.name}:{e.id}" for lex in packs.values() for e in lex.entries
                  if getattr(e, "context", None)}
    tested = set()
    for text, surface, fires in CONTEXT_RULES:
        if not fires:
            for s in BENCH.loaded_spans([text])[0]:
                if s["text"] == surface:
                    tested.add(f"{s['pack']}:{s['entry'].split(':')[-1]}")
    assert with_rules and with_rules <= tested, sorted(with_rules - tested)
