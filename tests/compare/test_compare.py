"""framelens.compare: aggregates, intervals, permutation test, keyness, term choice (hand-checked values)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framelens.compare import compare, group_stats, keyness, permutation_test, term_choice, term_choice_matrix
from framelens.compare.group import METRICS, Metric, describe
from framelens.compare.keyness import tokenize
from framelens.compare.termchoice import dominant_variants
from framelens.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def docs_table():
    # A: two documents, 3 loaded in 1,000 words + 1 in 500 words; B: one document, 0 in 400 words
    return pd.DataFrame({
        "id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"], "event": ["e", "e", None],
        "words": [1000, 500, 400], "loaded": [3, 1, 0], "report_verbs": [4, 0, 2], "verbs_distancing": [1, 0, 2],
    })


def test_pooled_and_mean_rates_hand_checked():
    st = group_stats(docs_table(), metrics=["loaded"], n_boot=500, seed=1)
    a = st[st.group == "A"].iloc[0]
    assert a["n_docs"] == 2 and a["words"] == 1500 and a["numerator"] == 4
    assert a["pooled"] == pytest.approx(4 / 1500 * 1000)            # 2.667 per 1,000 words
    assert a["mean"] == pytest.approx((3.0 + 2.0) / 2)              # mean of 3.0 and 2.0 per 1,000
    # two documents (fewer than 5): the exact Poisson interval of 4 in 1,500 words, divided by the dispersion.
    # By hand: A's rate 4/1500; expected counts 2.667 and 1.333; Pearson (3-2.667)^2/2.667 + (1-1.333)^2/1.333
    # = 0.125 on 1 df, under 1, so phi = 1 and the interval is Garwood's: chi2(0.025, 8)/2 .. chi2(0.975, 10)/2
    from scipy import stats as sst

    assert a["dispersion"] == 1.0
    assert a["ci_low"] == pytest.approx(sst.chi2.ppf(0.025, 8) / 2 / 1.5, rel=1e-6)
    assert a["ci_high"] == pytest.approx(sst.chi2.ppf(0.975, 10) / 2 / 1.5, rel=1e-6)
    assert a["ci_method"].startswith("exact Poisson") and "dispersion 1.00" in a["ci_method"]
    # the mean's interval still resamples the two documents: it lies between their own rates
    assert 2.0 <= a["mean_ci_low"] <= a["mean"] <= a["mean_ci_high"] <= 3.0


def test_five_or_more_documents_get_the_bootstrap():
    docs = pd.DataFrame({"id": [f"d{i}" for i in range(5)], "outlet": ["A"] * 5, "words": [1000] * 5,
                         "loaded": [1, 2, 3, 4, 5]})
    a = group_stats(docs, metrics=["loaded"], n_boot=500, seed=1).iloc[0]
    assert a["ci_method"].startswith("bootstrap") and a["n_boot"] == 500
    assert 1.0 <= a["ci_low"] <= a["pooled"] <= a["ci_high"] <= 5.0


def test_single_document_gets_exact_poisson_interval():
    st = group_stats(docs_table(), metrics=["loaded"], n_boot=200)
    b = st[st.group == "B"].iloc[0]
    assert b["pooled"] == 0.0 and b["ci_low"] == 0.0
    # exact Poisson upper bound for 0 events: chi2(0.975, 2)/2 = 3.6889 events in 400 words
    assert b["ci_high"] == pytest.approx(3.688879 / 400 * 1000, rel=1e-5)
    assert b["ci_method"] == "exact Poisson on the count / dispersion 1.00 (NB1; 1 document, fewer than 5)"


def test_share_metric_uses_clopper_pearson_for_one_document():
    st = group_stats(docs_table(), metrics=["verbs_distancing_share"], n_boot=200)
    b = st[st.group == "B"].iloc[0]
    assert b["pooled"] == pytest.approx(100.0)  # 2 of 2 verbs
    assert b["ci_high"] == pytest.approx(100.0)
    # dispersion by hand: no group has two documents with verbs, so the corpus share 3/6 is the reference:
    # Pearson (1 - 2)^2 / (4 x .25) + (2 - 1)^2 / (2 x .25) = 3 on 1 df -> phi = 3; effective k = n = 2/3,
    # and Clopper-Pearson's lower bound for k = n is (alpha/2)^(1/n)
    assert b["dispersion"] == pytest.approx(3.0)
    assert b["ci_low"] == pytest.approx(100 * 0.025 ** 1.5, rel=1e-6)
    assert "Clopper-Pearson" in b["ci_method"]
    a = st[st.group == "A"].iloc[0]
    assert a["pooled"] == pytest.approx(25.0) and a["mean"] == pytest.approx(25.0)  # a2 has no verbs: left out


def test_bootstrap_is_reproducible_and_independent_of_other_groups():
    d = pd.DataFrame({"id": [f"d{i}" for i in range(12)], "outlet": ["A"] * 6 + ["B"] * 6,
                      "words": [300 + 17 * i for i in range(12)], "loaded": [i % 4 for i in range(12)]})
    s1 = group_stats(d, metrics=["loaded"], seed=7)
    s2 = group_stats(d, metrics=["loaded"], seed=7)
    pd.testing.assert_frame_equal(s1, s2)
    only_a = group_stats(d[d.outlet == "A"], metrics=["loaded"], seed=7)
    assert only_a.iloc[0]["ci_low"] == s1.iloc[0]["ci_low"]
    s3 = group_stats(d, metrics=["loaded"], seed=8)
    assert s3.iloc[0]["ci_low"] != s1.iloc[0]["ci_low"] or s3.iloc[0]["ci_high"] != s1.iloc[0]["ci_high"]


def test_unknown_group_and_bad_arguments():
    d = docs_table()
    st = group_stats(d, by="event", metrics=["loaded"], n_boot=100)
    assert sorted(st["group"]) == ["(unknown)", "e"]
    with pytest.raises(ConfigError, match="no such column"):
        group_stats(d, by="lean")
    with pytest.raises(ConfigError, match="unknown metric"):
        group_stats(d, metrics=["nonsense"])
    with pytest.raises(ConfigError, match="at least 100"):
        group_stats(d, n_boot=10)


def test_describe_never_gives_a_bare_number():
    st = group_stats(docs_table(), metrics=["loaded"], n_boot=200)
    text = describe(st[st.group == "B"].iloc[0])
    assert text.startswith("0.0 per 1,000 words [0.0–9.2]") and "n = 1 doc, 400 words" in text


def test_permutation_test_exact_enumeration():
    d = pd.DataFrame({"id": list("abcd"), "outlet": ["A", "A", "B", "B"], "words": [100] * 4, "loaded": [5, 4, 0, 1]})
    r = permutation_test(d, "A", "B", "loaded")
    # 6 splits of 4 documents into 2+2; |difference| >= observed (40 per 1,000) for the split and its mirror
    assert r["exact"] and r["n_perm"] == 6
    assert r["difference"] == pytest.approx(40.0)
    assert r["p_value"] == pytest.approx(2 / 6)
    with pytest.raises(ConfigError, match="not found"):
        permutation_test(d, "A", "C")


def test_permutation_test_random_form_is_seeded():
    rng = np.random.default_rng(3)
    d = pd.DataFrame({"id": [str(i) for i in range(40)], "outlet": ["A"] * 20 + ["B"] * 20,
                      "words": rng.integers(200, 800, 40), "loaded": list(rng.poisson(6, 20)) + list(rng.poisson(2, 20))})
    r1 = permutation_test(d, "A", "B", n_perm=500, seed=4)
    r2 = permutation_test(d, "A", "B", n_perm=500, seed=4)
    assert r1 == r2 and not r1["exact"]
    assert r1["p_value"] == pytest.approx(1 / 501)  # a large, consistent difference: no permutation as extreme


def test_keyness_matches_the_formula():
    texts = ["alien alien border said", "undocumented said border said"]
    k = keyness(texts, ["R", "L"], min_count=1)
    r = k[(k.group == "R") & (k.term == "alien")].iloc[0]
    n, a0 = 8.0, 8.0
    aw = a0 * 2 / n  # prior: "alien" is 2 of 8 tokens
    d = math.log((2 + aw) / (4 + a0 - 2 - aw)) - math.log((0 + aw) / (4 + a0 - 0 - aw))
    se = math.sqrt(1 / (2 + aw) + 1 / (0 + aw))
    assert r["log_odds"] == pytest.approx(d) and r["z"] == pytest.approx(d / se)
    assert r["count"] == 2 and r["count_rest"] == 0 and r["per_1k"] == pytest.approx(500.0)
    # symmetric for two groups: the other group's z for the same term is the negative
    other = k[(k.group == "L") & (k.term == "alien")].iloc[0]
    assert other["z"] == pytest.approx(-r["z"])
    assert k[k.group == "R"].iloc[0]["term"] == "alien"  # the most distinctive term first


def test_keyness_needs_two_groups_and_tokenizer_rules():
    assert keyness(["a b c"], ["only"]).empty
    assert tokenize("Don’t panic: 2,500 illegal aliens!") == ["don't", "panic", "illegal", "aliens"]
    assert tokenize("far right wing", ngram=2)[-2:] == ["far right", "right wing"]
    with pytest.raises(ConfigError):
        keyness(["a"], ["x", "y"])


def spans_table():
    rows = [
        # doc, text, entry, group, severity, voice, use
        ("a1", "illegal alien", "imm@1:illegal_alien", "unauth", 3, "author", "use"),
        ("a1", "illegal aliens", "imm@1:illegal_alien", "unauth", 3, "quoted", "use"),
        ("a2", "Illegal alien", "imm@1:illegal_alien", "unauth", 3, "author", "use"),
        ("a2", "undocumented immigrant", "imm@1:undocumented", "unauth", 0, "author", "use"),
        ("b1", "undocumented immigrants", "imm@1:undocumented", "unauth", 0, "author", "use"),
        ("b1", "illegal alien", "imm@1:illegal_alien", "unauth", 3, "author", "mention"),
        ("b1", "slammed", "eval@1:slam", None, 2, "author", "use"),
    ]
    return pd.DataFrame([{"doc_id": d, "kind": "loaded_term", "start": 0, "end": len(t), "text": t, "label": "x",
                          "entry": e, "voice": v, "group": g, "severity": s, "use": u} for d, t, e, g, s, v, u in rows])


def test_term_choice_counts_voices_and_excludes_mentions():
    tc = term_choice(spans_table(), docs_table())
    a = tc[(tc.group == "A") & (tc.entry == "imm@1:illegal_alien")].iloc[0]
    assert (a["count"], a["author"], a["quoted"], a["docs_using"], a["n_docs"]) == (3, 2, 1, 2, 2)
    assert a["share"] == pytest.approx(3 / 4) and a["variant"] == "illegal alien"
    b = tc[tc.group == "B"]
    assert list(b["variant"]) == ["undocumented immigrant"]  # the mention is not a use
    m = term_choice_matrix(tc)
    assert list(m.columns) == ["undocumented immigrant", "illegal alien"]  # neutral first
    assert m.loc["B", "illegal alien"] == 0 and m.loc["A", "illegal alien"] == 3
    assert dominant_variants(tc) == {"A": ("illegal alien", 2, 3), "B": ("undocumented immigrant", 1, 1)}
    with pytest.raises(ConfigError):
        term_choice_matrix(tc, value="bogus")
    assert term_choice(spans_table(), docs_table(), include_mentions=True).query("group == 'B'")["count"].sum() == 2


def test_metric_registry_units():
    assert METRICS["loaded"].unit == "per 1,000 words"
    assert METRICS["verbs_distancing_share"].unit == "%"
    assert Metric("x", "x").kind == "rate"


def test_compare_example_corpus(example_cmp):
    c = example_cmp
    assert len(c.groups) == 6 and len(c.documents) == 19
    loaded = c.stats[c.stats.metric == "loaded"].set_index("group")
    # the right-leaning tabloid uses the most loaded terms, the wire service none in its own voice
    assert loaded["pooled"].idxmax() == "The Marlow Sentinel-Express"
    assert c.stat("Lakeshore Wire Service", "loaded_author")["numerator"] == 0
    # every group's numerator equals the documents' metric sum
    assert loaded["numerator"].sum() == c.documents["loaded"].sum()
    t = c.tests[0]
    assert t["exact"] and t["n_perm"] == 70  # 4 articles each: all C(8, 4) = 70 splits
    # the two outlets flagged as too small (2 articles; 1 article) are never ranked
    flagged = set(c.flags.loc[c.flags["flagged"], "group"])
    assert flagged == {"CheckPoint Lakeshore", "Commonpedia"}
    assert c.stats.loc[c.stats["group"].isin(flagged), "rank"].isna().all()
    assert c.stat("The Marlow Sentinel-Express", "loaded")["rank"] == 1
    dom = dominant_variants(c.term_choice, "immigrants")
    assert dom["The Marlow Sentinel-Express"][0] == "illegal alien"
    # both sides of the term-choice heatmap: the tabloid's labels and the left outlet's
    tc = c.term_choice[c.term_choice["referent"] == "immigrants"]
    left = set(tc.loc[tc["group"] == "The Lakeshore Progressive Daily", "variant"])
    right = set(tc.loc[tc["group"] == "The Marlow Sentinel-Express", "variant"])
    assert "undocumented immigrant" in left and "undocumented immigrant" not in right
    assert {"illegal alien", "illegal immigrant", "illegals"} <= right
    assert set(c.positions["group"]) <= set(c.groups) and c.positions["rel_pos"].between(0, 1).all()


def test_compare_event_filter(example_analysis):
    res = example_analysis
    c = compare(res, event="marlow-diversion", n_boot=100, align_facts=False)
    assert len(c.documents) == 6
    with pytest.raises(ConfigError, match="events present: marlow-audit, marlow-diversion, marlow-hearing, "
                                         "marlow-shelter"):
        compare(res, event="no-such-event", n_boot=100)


@pytest.mark.skipif(not (SHARED / "corpus" / "seed").is_dir(), reason="../shared/corpus/seed not present (fresh clone)")
def test_seed_with_example_corpus_mixed_events(tmp_path):
    import framelens
    from framelens.compare.report import write_report

    docs = framelens.read_corpus([str(ROOT / "examples" / "corpus"), str(SHARED / "corpus" / "seed")])
    c = compare(framelens.analyze(docs), n_boot=100)
    assert len(c.documents) == 20 and "(unknown)" in c.groups  # the seed has no outlet
    assert c.parameters["blank_group_values"] == 1
    assert c.flags.set_index("group").loc["(unknown)", "flag_reason"].startswith("no group value")
    write_report(c, tmp_path / "rep", charts=False)
    assert "(unknown)" in (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not (SHARED / "datasets" / "basil" / "articles.csv").is_file(),
                    reason="../shared/datasets/basil not present (fresh clone)")
@pytest.mark.slow
def test_basil_report(tmp_path):
    """BASIL (three outlets on the same events): the whole file reads with a column mapping; a slice of 12 events
    (36 articles) is compared and reported without charts (drawing ~60 charts, one coverage map per event, was
    most of this test's time and is tested on the example corpus)."""
    import framelens
    from framelens.compare.report import write_report

    cols = {"outlet": "source", "event": "triplet_uuid", "id": "article_uuid"}
    src = SHARED / "datasets" / "basil" / "articles.csv"
    docs = list(framelens.read_corpus(str(src), columns=cols))
    assert len(docs) == 150 and pd.Series([d.outlet for d in docs]).value_counts().to_dict() == {
        "fox": 50, "hpo": 50, "nyt": 50}
    events = list(dict.fromkeys(d.event for d in docs))[:12]
    part = [d for d in docs if d.event in events]
    c = compare(framelens.analyze(part), n_boot=200)
    assert set(c.groups) == {"fox", "hpo", "nyt"} and len(c.documents) == 36
    st = c.stats[c.stats.metric == "loaded"]
    assert (st["n_docs"] == 12).all() and st["ci_method"].str.startswith("bootstrap").all()
    assert (st["ci_low"] <= st["pooled"]).all() and (st["pooled"] <= st["ci_high"]).all()
    assert set(c.alignment) == set(events)  # every event is covered by all three outlets
    out = tmp_path / "basil"
    write_report(c, out, inline=5, charts=False)
    assert (out / "index.html").is_file() and (out / "articles" / "35.html").is_file()
    assert not (out / "articles" / "36.html").exists()
    assert (out / "tables" / "group_stats.parquet").is_file() and (out / "tables" / "facts.csv").is_file()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count('<h3 id="facts-e') == 12 and not (out / "charts").exists()
    assert "Charts were not drawn for this report." in page and "<svg" not in page
