"""Findings a researcher can defend (issue 14): small groups flagged and never named, ranks by shrunken estimate,
group tables, language warnings. Every corpus here is fictional, generated from sentence templates written for
these tests."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest

import framelens
from framelens.cli import main
from framelens.compare import compare
from framelens.compare.report import write_report
from framelens.compare.report.articles import DocIndex
from framelens.compare.report.findings import findings, plain

# --- a 40-outlet corpus: 37 outlets with one ~150-word excerpt, 3 with four long articles --------------------------

_ADJ = ["Amber", "Birch", "Cobalt", "Dune", "Ember", "Fallow", "Garnet", "Heron"]
_NOUN = ["Gazette", "Ledger", "Courier", "Bugle", "Dispatch"]
OUTLETS = [f"{a} {n}" for a in _ADJ for n in _NOUN]  # 40 names, none inside another
LONG = OUTLETS[:3]

NEUTRAL = [
    "The Tamsin Street bridge in Corvale County was closed on Monday after inspectors found cracks in two beams, "
    "county officials said.",
    "The county engineer, Petra Vosk, said repairs would take about six weeks and cost an estimated 400,000 dollars.",
    "Commuters were told to use the Ferrier Road crossing, which adds about ten minutes to the trip, according to "
    "the transport office.",
    "A shelter for migrants near the bridge will stay open, a county spokesperson said.",
    "The council will discuss the repair budget at its meeting next Thursday.",
    "Residents said the closure had caught them by surprise, and some asked why the cracks were not found earlier.",
    "Vosk said the bridge had passed its last inspection two years ago.",
    "It is not known whether the state will pay for part of the work.",
]
LOADED = [
    "Critics slammed the radical left council for wasting money on illegal aliens instead of the bridge.",
    "Councillor Dorian Hale blasted the so-called experts who claimed the bridge was safe.",
    "The shelter is full of illegals, a furious neighbour said.",
    "The county clearly cares more about illegal immigrants than about its own taxpayers.",
]


def _text(rng: random.Random, n_words: int, loaded_share: float) -> str:
    out, words = [], 0
    while words < n_words:
        s = rng.choice(LOADED) if rng.random() < loaded_share else rng.choice(NEUTRAL)
        out.append(s)
        words += len(s.split())
    return " ".join(out)


@pytest.fixture(scope="module")
def forty(tmp_path_factory):
    """(CompareResult, report folder) of the 40-outlet corpus, compared with the default minimums."""
    rng = random.Random(14)
    docs = []
    for i, outlet in enumerate(OUTLETS):
        if outlet in LONG:
            for k in range(4):
                share = [0.05, 0.15, 0.3][LONG.index(outlet)]
                docs.append(framelens.Document(id=f"o{i:02d}-{k}", text=_text(rng, 600, share), outlet=outlet,
                                               event="bridge"))
        else:  # one short excerpt each, many of them heavy with loaded terms (a raw ranking would name them)
            docs.append(framelens.Document(id=f"o{i:02d}-0", text=_text(rng, 150, 0.6 if i % 2 else 0.1),
                                           outlet=outlet, event="bridge"))
    result = compare(framelens.analyze(docs), n_boot=100, align_facts=False)
    out = tmp_path_factory.mktemp("forty") / "r"
    write_report(result, out, formats=("csv",), charts=False)
    return result, out


def test_forty_outlets_flags_and_reasons(forty):
    result, _ = forty
    fl = result.flags.set_index("group")
    assert len(fl) == 40
    assert sorted(fl.index[~fl["flagged"]]) == sorted(LONG)
    short = fl.loc[OUTLETS[5]]
    assert short["flag_reason"].startswith("1 article (< 3); ") and "words (< 1,000)" in short["flag_reason"]
    assert (result.documents.loc[~result.documents["group"].isin(LONG), "short_text"]).all()


def test_no_finding_names_a_flagged_group(forty):
    result, out = forty
    flagged = set(result.flags.loc[result.flags["flagged"], "group"])
    texts = [plain(f) for f in findings(result, DocIndex(result, 0))]
    for t in texts:
        for g in flagged:
            assert g not in t, (g, t)
    md = (out / "summary.md").read_text(encoding="utf-8")
    section = md.split("## Findings", 1)[1].split("## At a glance", 1)[0]
    assert not [g for g in flagged if g in section]
    # the raw rate of some flagged excerpt is higher than every eligible group's, so a raw ranking would name it
    s = result.stats[result.stats["metric"] == "loaded"]
    assert s[s["flagged"]]["pooled"].max() > s[~s["flagged"]]["pooled"].max()


def test_report_says_how_many_groups_are_flagged_and_why(forty):
    result, out = forty
    first = plain(findings(result, DocIndex(result, 0))[0])
    assert "3 meet the minimums" in first
    assert "37 flagged" in first and "37 with fewer than 3 articles" in first and "37 under 1,000 words" in first
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "37 of 40 groups are" in html and "flagged" in html
    flags = pd.read_csv(out / "tables" / "group_flags.csv")
    assert int(flags["flagged"].sum()) == 37


def test_ranks_use_the_shrunken_estimate(forty):
    result, _ = forty
    s = result.stats[(result.stats["metric"] == "loaded") & ~result.stats["flagged"]]
    by_rank = s.sort_values("rank")["group"].tolist()
    assert by_rank == s.sort_values(["shrunk", "group"], ascending=[False, True])["group"].tolist()
    assert s["rank"].notna().all()
    assert result.stats.loc[result.stats["flagged"], "rank"].isna().all()
    most = next(plain(f) for f in findings(result, DocIndex(result, 0)) if f[0].text.startswith("Most loaded"))
    assert most.split(" — ")[0].endswith(by_rank[0])
    assert "ranked by shrunken estimate" in most and "in 4 articles" in most


def test_findings_say_how_many_comparisons_were_made(forty):
    result, out = forty
    c = result.comparisons
    pairs = c[c["test"] == "pair"]
    assert set(pairs["a"]) | set(pairs["b"]) <= set(LONG)
    n_measures = c["metric"].nunique()
    assert len(pairs) == 3 * n_measures  # 3 pairs of eligible groups per measure
    tests = next(plain(f) for f in findings(result, DocIndex(result, 0)) if f[0].text == "Tests:")
    assert f"{len(pairs)} pairwise comparisons" in tests and "Benjamini-Hochberg" in tests
    csv = pd.read_csv(out / "tables" / "comparisons.csv")
    assert len(csv) == len(c) and {"p_adjusted", "cliffs_delta", "rate_ratio", "family_size"} <= set(csv.columns)


def test_one_eligible_group_is_never_most_and_least(tmp_path):
    rng = random.Random(3)
    docs = [framelens.Document(id=f"a{k}", text=_text(rng, 500, 0.2), outlet="Amber Gazette") for k in range(3)]
    docs.append(framelens.Document(id="b0", text=_text(rng, 150, 0.5), outlet="Birch Ledger"))
    result = compare(framelens.analyze(docs), n_boot=100, align_facts=False)
    texts = [plain(f) for f in findings(result, DocIndex(result, 0))]
    joined = "\n".join(texts)
    assert "most:" not in joined.lower() and "Least" not in joined
    assert "Birch Ledger" not in joined
    assert any("only one group meets the minimums" in t for t in texts)


def test_verbs_finding_lists_only_the_verbs_that_outlet_used():
    rng = random.Random(5)
    neutral = " ".join(NEUTRAL)
    docs = [framelens.Document(id=f"c{k}", text=neutral + " The mayor claimed the bridge was safe. The engineer "
                               "insisted the cracks were new. " + _text(rng, 200, 0.0), outlet="Cobalt Courier")
            for k in range(3)]
    docs += [framelens.Document(id=f"d{k}", text=neutral + " The mayor said the bridge was safe. " + _text(rng, 200, 0.0),
                                outlet="Dune Bugle") for k in range(3)]
    result = compare(framelens.analyze(docs), n_boot=100, align_facts=False)
    verbs = [plain(f) for f in findings(result, DocIndex(result, 0)) if f[0].text.startswith("Most distancing")]
    assert verbs, [plain(f) for f in findings(result, DocIndex(result, 0))]
    assert "Cobalt Courier" in verbs[0] and "claimed" in verbs[0] and "insisted" in verbs[0]
    assert "slammed" not in verbs[0] and "blasted" not in verbs[0]


# --- group tables ---------------------------------------------------------------------------------------------------

def _write_corpus(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_groups_table_joins_lean_and_lists_unmatched_outlets(tmp_path, capsys):
    rng = random.Random(9)
    rows = []
    for outlet in ("Amber Gazette", "Birch Ledger", "Cobalt Courier", "Dune Bugle", "Ember Dispatch"):
        for k in range(3):
            rows.append({"id": f"{outlet[:3]}{k}", "outlet": outlet, "text": _text(rng, 400, 0.2)})
    corpus = tmp_path / "c.jsonl"
    _write_corpus(corpus, rows)
    lean = tmp_path / "lean.csv"
    lean.write_text("outlet,lean\namber gazette,left\nBirch Ledger,left\nCobalt Courier,right\nDune Bugle,right\n"
                    "Nowhere News,centre\n", encoding="utf-8")
    out = tmp_path / "r"
    code = main(["compare", str(corpus), "--groups", str(lean), "--by", "lean", "--out", str(out), "--no-charts",
                 "--n-boot", "100", "--format", "csv"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "1 outlet value(s) have no row in the group table (3 document(s)): Ember Dispatch" in err
    assert "rows matching no document: Nowhere News" in err
    docs = pd.read_csv(out / "tables" / "documents.csv")
    assert docs.groupby("lean")["id"].count().to_dict() == {"left": 6, "right": 6}
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert "no row: Ember Dispatch" in md
    assert "3 articles have no value of lean" in md
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Ember Dispatch" in html and "Nowhere News" in html


def test_join_groups_library(tmp_path):
    from framelens.compare.groups_table import join_groups
    from framelens.errors import ConfigError

    docs = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["Amber Gazette", " amber  gazette", None]})
    table = pd.DataFrame({"outlet": ["Amber Gazette"], "lean": ["left"], "owner": [""]})
    out, info = join_groups(docs, table)
    assert out["lean"].tolist()[:2] == ["left", "left"] and pd.isna(out["lean"].iloc[2])
    assert out["owner"].isna().all()  # a blank cell is no value
    assert info["matched"] == 2 and info["unmatched"] == [""] and info["unused"] == []
    with pytest.raises(ConfigError, match="more than one row"):
        join_groups(docs, pd.DataFrame({"outlet": ["A", "a"], "lean": ["x", "y"]}))
    with pytest.raises(ConfigError, match="--groups-key 'owner'"):
        join_groups(docs, table, key="owner")


# --- language -------------------------------------------------------------------------------------------------------

GERMAN = ("Der Kreistag von Corvale hat am Montag die Brücke an der Tamsinstraße gesperrt, nachdem Prüfer Risse "
          "in zwei Trägern gefunden hatten. Die Reparatur soll etwa sechs Wochen dauern und rund 400.000 Dollar "
          "kosten, sagte die Kreisingenieurin Petra Vosk. Pendler sollen die Brücke an der Ferrier Road nutzen. "
          "Mehrere Anwohner sagten, die Sperrung habe sie überrascht.")
SPANISH = ("El condado de Corvale cerró el lunes el puente de la calle Tamsin después de que los inspectores "
           "encontraran grietas en dos vigas. La ingeniera del condado, Petra Vosk, dijo que las obras durarán unas "
           "seis semanas y costarán unos 400.000 dólares. Los vecinos dijeron que el cierre los tomó por sorpresa.")


def test_german_and_spanish_articles_get_a_language_warning(tmp_path, capsys):
    rng = random.Random(2)
    rows = [{"id": f"en{k}", "outlet": "Amber Gazette", "text": _text(rng, 300, 0.1)} for k in range(3)]
    rows += [{"id": "de-1", "outlet": "Birch Ledger", "text": GERMAN},
             {"id": "es-1", "outlet": "Cobalt Courier", "text": SPANISH}]
    corpus = tmp_path / "c.jsonl"
    _write_corpus(corpus, rows)
    out = tmp_path / "r"
    assert main(["compare", str(corpus), "--out", str(out), "--no-charts", "--n-boot", "100", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    for did in ("de-1", "es-1"):
        assert f"framelens: warning: {did}: probably not English" in err
    assert "en0: probably" not in err
    md = (out / "summary.md").read_text(encoding="utf-8")
    line = next(x for x in md.splitlines() if "Language check" in x)
    assert "2 of 5 articles may not be in English" in line and "de-1" in line and "es-1" in line
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Language check" in html and "de-1" in html and "es-1" in html
    docs = pd.read_csv(out / "tables" / "documents.csv").set_index("id")
    assert docs.loc["de-1", "language_warning"] and docs.loc["es-1", "language_warning"]
    assert not docs.loc["en0", "language_warning"]


def test_analyze_warns_per_document_that_is_probably_not_english(tmp_path, capsys):
    rng = random.Random(3)
    rows = [{"id": "en0", "outlet": "Amber Gazette", "text": _text(rng, 300, 0.1)},
            {"id": "de-1", "outlet": "Birch Ledger", "text": GERMAN},
            {"id": "es-1", "outlet": "Cobalt Courier", "text": SPANISH}]
    corpus = tmp_path / "c.jsonl"
    _write_corpus(corpus, rows)
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "o")]) == 0  # a warning, not a skipped document
    err = capsys.readouterr().err
    assert [ln.split(":")[2].strip() for ln in err.splitlines() if "probably not English" in ln] == ["de-1", "es-1"]


def test_run_compare_applies_outlet_overrides_and_credits_excerpts(tmp_path):
    from framelens.compare import run_compare

    rng = random.Random(4)
    original = _text(rng, 400, 0.1)
    words = original.split(" ")
    rows = [{"id": "orig", "outlet": "Amber Gazette", "date": "2025-01-01", "text": original},
            {"id": "copy", "outlet": "Birch Ledger", "date": "2025-01-02",
             "text": "From our partners, the part of the story readers asked about. " + " ".join(words[: len(words) * 3 // 5])},
            {"id": "letter", "outlet": "Birch Ledger", "section": "Letters to the Editor",
             "text": "To the editor: I have crossed the Tamsin Street bridge every morning for thirty years, and I "
                     "never once thought about its beams. Now I think about little else. Please print the "
                     "inspection reports so the rest of us can read them. Signed, a worried commuter from Vell."},
            {"id": "forum", "outlet": "Cobalt Forum", "via": "Dune Bugle",
             "text": "Reposted from the Dune Bugle: the ferry between Corvale and Mossbank will run twice an hour "
                     "while the bridge is shut, the harbour office announced, and bicycles ride free until June."}]
    corpus = tmp_path / "c.jsonl"
    _write_corpus(corpus, rows)
    r = run_compare([str(corpus)], tmp_path / "r", n_boot=100, charts=False, formats=("csv",), duplicates="credit")
    docs = r["result"].documents.set_index("id")
    assert docs.loc["letter", "outlet"] == "Birch Ledger (letters)"
    assert docs.loc["forum", "outlet"] == "Dune Bugle" and docs.loc["forum", "host_outlet"] == "Cobalt Forum"
    assert docs.loc["copy", "outlet"] == "Amber Gazette" and docs.loc["copy", "duplicate_of"] == "orig"
    assert docs.loc["copy", "host_outlet"] == "Birch Ledger"
    assert [c["doc_id"] for c in r["result"].parameters["outlet_overrides"]] == ["letter", "forum"]
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "Outlet overrides from the metadata" in html and "Cobalt Forum → Dune Bugle" in html
