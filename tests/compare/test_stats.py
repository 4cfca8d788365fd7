"""Small-sample safeguards, shrinkage and multiple comparisons (framelens.compare.stats), on hand-made tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats as st

from framelens.compare import group_stats
from framelens.compare.group import METRICS
from framelens.compare.stats import (add_shrinkage, dispersion, effective_interval, group_flags, group_tests)
from framelens.errors import ConfigError


def _docs(spec):
    """spec: group -> list of (loaded count, words)."""
    rows = []
    for g, items in spec.items():
        for k, (c, w) in enumerate(items):
            rows.append({"id": f"{g}-{k}", "outlet": g, "group": g, "loaded": c, "words": w})
    return pd.DataFrame(rows)


def test_group_flags_reasons():
    docs = _docs({"big": [(3, 600)] * 4, "one": [(9, 150)], "two": [(1, 700), (2, 800)]})
    fl = group_flags(docs, min_articles=3, min_words=1000).set_index("group")
    assert not fl.loc["big", "flagged"] and fl.loc["big", "flag_reason"] == ""
    assert fl.loc["one", "flagged"]
    assert fl.loc["one", "flag_reason"] == "1 article (< 3); 150 words (< 1,000)"
    assert fl.loc["two", "flag_reason"] == "2 articles (< 3)"  # 1,500 words is enough


def test_group_flags_language_and_blank():
    docs = _docs({"de": [(0, 400)] * 3, "(unknown)": [(1, 500)] * 3})
    docs["language_warning"] = [True, True, False, False, False, False]
    fl = group_flags(docs, min_articles=3, min_words=1000, unknown="(unknown)").set_index("group")
    assert "mostly not English (2 of 3 articles)" in fl.loc["de", "flag_reason"]
    assert fl.loc["(unknown)", "flag_reason"].startswith("no group value")


def test_dispersion_is_one_for_equal_rates_and_grows_with_spread():
    num = np.array([5, 5, 5, 5, 5, 5], float)
    den = np.full(6, 1000.0)
    g = ["a", "a", "a", "b", "b", "b"]
    assert dispersion(num, den, g) == 1.0  # no spread: floored at 1
    spread = np.array([0, 0, 15, 0, 15, 0], float)
    phi = dispersion(spread, den, g)
    # by hand: group rates 5/1000 each; Pearson terms (0-5)^2/5 = 5 (x4), (15-5)^2/5 = 20 (x2): 60 over 6 - 2 = 4 df
    assert phi == pytest.approx(60 / 4)


def test_effective_interval_widens_with_dispersion():
    lo1, hi1 = effective_interval(10, 1000, 1.0, "rate", 1000.0)
    lo4, hi4 = effective_interval(10, 1000, 4.0, "rate", 1000.0)
    # phi = 1: the exact (Garwood) Poisson interval of 10 events
    assert lo1 == pytest.approx(st.chi2.ppf(0.025, 20) / 2, rel=1e-9)
    assert hi1 == pytest.approx(st.chi2.ppf(0.975, 22) / 2, rel=1e-9)
    assert lo4 < lo1 and hi4 > hi1
    lo, hi = effective_interval(3, 10, 1.0, "share", 100.0)
    assert lo == pytest.approx(100 * st.beta.ppf(0.025, 3, 8)) and hi == pytest.approx(100 * st.beta.ppf(0.975, 4, 7))


def test_shrinkage_moves_small_groups_most_and_ranks_use_it():
    # "small": 3 articles, 1,200 words, raw 10 per 1,000; "large": 20 articles, 20,000 words, raw 8 per 1,000;
    # four more groups of 20 articles at 4-6 per 1,000. The small group's raw rate is highest, but it is shrunk
    # further towards the corpus rate than the large one, and ends below it.
    docs = _docs({"small": [(4, 400), (4, 400), (4, 400)], "large": [(8, 1000)] * 20, "low": [(4, 1000)] * 20,
                  "mid1": [(5, 1000)] * 20, "mid2": [(5, 1000)] * 20, "mid3": [(6, 1000)] * 20})
    s = group_stats(docs, by="outlet", metrics=["loaded"], n_boot=200, min_articles=3, min_words=1000)
    s = s.set_index("group")
    assert s.loc["small", "pooled"] > s.loc["large", "pooled"]
    prior = s.loc["small", "prior_mean"]
    for g in ("small", "large", "low"):  # every estimate lies between the raw rate and the prior mean
        lo, hi = sorted([s.loc[g, "pooled"], prior])
        assert lo - 1e-9 <= s.loc[g, "shrunk"] <= hi + 1e-9
    moved = {g: abs(s.loc[g, "shrunk"] - s.loc[g, "pooled"]) / abs(s.loc[g, "pooled"] - prior) for g in ("small", "large")}
    assert moved["small"] > moved["large"]
    order = s.sort_values("rank").index.tolist()
    by_shrunk = s.reset_index().sort_values(["shrunk", "group"], ascending=[False, True])["group"].tolist()
    assert order == by_shrunk  # ties (mid1, mid2) by name
    assert s.loc["large", "rank"] == 1


def test_flagged_groups_are_not_ranked():
    docs = _docs({"one": [(30, 150)], "a": [(3, 500)] * 3, "b": [(1, 500)] * 3})
    s = group_stats(docs, by="outlet", metrics=["loaded"], n_boot=200).set_index("group")
    assert s.loc["one", "flagged"] and math.isnan(s.loc["one", "rank"])
    assert s.loc["a", "rank"] == 1 and s.loc["b", "rank"] == 2
    # small groups say which interval they got
    assert "dispersion" in s.loc["a", "ci_method"] and "NB1" in s.loc["a", "ci_method"]


def test_group_tests_bh_effect_sizes_and_family():
    docs = _docs({"a": [(1, 1000), (2, 1000), (3, 1000)], "b": [(4, 1000), (5, 1000), (6, 1000)],
                  "c": [(2, 1000), (3, 1000), (4, 1000)], "tiny": [(9, 100)]})
    fl = group_flags(docs, min_articles=3, min_words=1000)
    t = group_tests(docs, [METRICS["loaded"]], fl)
    pairs = t[t["test"] == "pair"]
    assert set(map(tuple, pairs[["a", "b"]].to_numpy())) == {("a", "b"), ("a", "c"), ("b", "c")}  # no "tiny"
    ab = pairs[(pairs["a"] == "a") & (pairs["b"] == "b")].iloc[0]
    assert ab["cliffs_delta"] == -1.0  # every article of a below every article of b
    assert ab["rate_ratio"] == pytest.approx(6 / 15)
    assert ab["p_value"] == pytest.approx(st.mannwhitneyu([1, 2, 3], [4, 5, 6]).pvalue)
    assert (pairs["family_size"] == 3).all()
    assert np.allclose(pairs["p_adjusted"].astype(float), st.false_discovery_control(pairs["p_value"].astype(float)))
    kw = t[t["test"] == "all groups"].iloc[0]
    assert kw["p_value"] == pytest.approx(st.kruskal([1, 2, 3], [4, 5, 6], [2, 3, 4]).pvalue)


def test_group_tests_need_two_unflagged_groups():
    docs = _docs({"a": [(1, 1000)] * 3, "tiny": [(9, 100)]})
    assert group_tests(docs, [METRICS["loaded"]], group_flags(docs)).empty


def test_minimums_are_checked():
    docs = _docs({"a": [(1, 1000)] * 3})
    with pytest.raises(ConfigError):
        group_stats(docs, by="outlet", metrics=["loaded"], n_boot=200, min_articles=0)


def test_add_shrinkage_without_spread_puts_everyone_at_the_mean():
    docs = _docs({"a": [(5, 1000)] * 3, "b": [(5, 1000)] * 3})
    s = group_stats(docs, by="outlet", metrics=["loaded"], n_boot=200)
    assert np.allclose(s["shrunk"], 5.0)
    again = add_shrinkage(s.drop(columns=["shrunk"]), {"loaded": 1.0}, group_flags(docs))
    assert np.allclose(again["shrunk"], 5.0)


def test_many_groups_test_ranking_neighbours_only():
    rng = np.random.default_rng(1)
    spec = {f"g{i:02d}": [(int(c), 1000) for c in rng.poisson(2 + i / 4, size=3)] for i in range(8)}
    docs = _docs(spec)
    s = group_stats(docs, by="outlet", metrics=["loaded"], n_boot=200)
    fl = group_flags(docs)
    t = group_tests(docs, [METRICS["loaded"]], fl, stats=s, max_all_pairs=4)
    pairs = t[t["test"] == "pair"]
    order = s.sort_values("rank")["group"].tolist()
    expect = {tuple(sorted(p)) for p in zip(order, order[1:])} | {tuple(sorted((order[0], order[-1])))}
    assert set(map(tuple, pairs[["a", "b"]].to_numpy())) == expect and len(pairs) == 8
    assert len(group_tests(docs, [METRICS["loaded"]], fl, stats=s)) == 28 + 1  # all pairs under the cap, plus one


def test_dispersion_does_not_depend_on_the_string_hash_seed():
    """The groups are summed in a fixed order: the same data give the same float, to the last bit, in
    interpreters with different hash seeds (a set's iteration order made the last bits of every
    interval built on the dispersion change from one run to the next)."""
    import subprocess
    import sys

    code = ("from framelens.compare.stats import dispersion\n"
            "g = [f'Outlet {i % 23}' for i in range(230)]\n"
            "num = [(i * 7) % 13 + (i % 23) * 0.37 for i in range(230)]\n"
            "den = [500 + (i * 31) % 900 for i in range(230)]\n"
            "print(repr(dispersion(num, den, g)))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout.strip()
            for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1
    assert float(outs.pop()) > 1.0  # the groups' rates differ: over-dispersed
