"""framelens.classify: features transformer, pipeline, validation statistics, safe persistence,
word-level model and the train/predict/evaluate/agreement/suggest commands."""

from __future__ import annotations

import json
import math
import pickle
import zipfile

import numpy as np
import pytest

from framelens import ModelError
from framelens.classify.features import FEATURE_GROUPS, FramelensFeatures, KeynessPooling
from framelens.classify.persist import TRUSTED_TYPES, TrainedModel, load_model, read_model_info, save_model
from framelens.classify.pipeline import TunedLogisticRegression, make_baseline, make_pipeline
from framelens.classify.validate import (agreement_report, binarize_labels, bootstrap_ci, classification_metrics,
                                         cohen_kappa, confusion_table, cross_validate, krippendorff_alpha,
                                         masi_distance, plot_confusion)
from framelens.classify.wordlevel import WordBiasModel, log_likelihood, match_biased_words, suggest_terms, tokens
from framelens.cli import main
from helpers import CODED_SENTENCES as EXAMPLE, REPO as ROOT, SHARED, TOY_X, TOY_Y, rewrite_model as _rewrite

BABE = SHARED / "datasets" / "babe" / "final_labels_SG2.csv"


@pytest.fixture(scope="module")
def toy_model():
    return make_pipeline(C=1.0).fit(np.asarray(TOY_X, dtype=object), TOY_Y)


@pytest.fixture(scope="module")
def saved_toy(toy_model, tmp_path_factory):
    """The toy model saved once (saving takes most of a second); tests copy the file before changing it."""
    return save_model(TrainedModel(toy_model, ["biased", "neutral"], metrics={"macro_f1": 0.5}),
                      tmp_path_factory.mktemp("model") / "m.flmodel")


@pytest.fixture
def toy_file(saved_toy, tmp_path):
    """A private copy of the saved toy model."""
    p = tmp_path / "m.flmodel"
    p.write_bytes(saved_toy.read_bytes())
    return p


# --------------------------------------------------------------------------- features

def test_features_exact_counts():
    f = FramelensFeatures().fit(["x"])
    text = 'Critics slammed the so-called reform, which allegedly "clearly failed," the court said.'
    row = dict(zip(f.get_feature_names_out(), f.transform([text])[0]))
    assert row["verbs_evaluative"] == 1  # slammed
    assert row["verbs_neutral"] == 1  # said
    assert row["hedges"] == 1 and row["hedges_author"] == 1  # allegedly
    assert row["boosters"] == 1 and row["boosters_author"] == 0  # clearly, inside the quotation
    assert row["quotes"] == 1
    assert row["frame_legality"] == 1  # court
    assert row["frame_policy_prescription"] == 1  # reform
    assert row["log_words"] == pytest.approx(math.log1p(12))  # "so-called" is one word
    assert row["loaded"] >= 1  # "so-called" (political pack)
    assert len(row) == sum(len(v) for v in FEATURE_GROUPS.values())


def test_features_groups_rates_and_input_shapes():
    import pandas as pd

    f = FramelensFeatures(groups=["hedge"], per_words=100).fit(["a"])
    assert list(f.get_feature_names_out()) == ["hedges", "hedges_author"]
    X = f.transform(["It may rain allegedly today , maybe", ""])
    assert X[1].tolist() == [0.0, 0.0]
    assert X[0, 0] == pytest.approx(300 / 6)  # may, allegedly, maybe in 6 words, per 100 words
    col = pd.DataFrame({"t": ["It may rain."]})
    assert FramelensFeatures(groups=["hedge"]).fit(col).transform(col).tolist() == [[1.0, 1.0]]
    with pytest.raises(ValueError):
        FramelensFeatures(groups=["nope"]).fit(["a"])
    with pytest.raises(ValueError):
        FramelensFeatures().fit("one string")
    with pytest.raises(ValueError):
        FramelensFeatures(per_words=0).fit(["a"])


def test_features_sklearn_contract():
    from sklearn.base import clone
    from sklearn.utils.estimator_checks import (check_get_params_invariance, check_no_attributes_set_in_init,
                                                check_parameters_default_constructible, check_set_params)

    est = FramelensFeatures(groups=("hedge",), per_words=100)
    for check in (check_no_attributes_set_in_init, check_get_params_invariance, check_set_params,
                  check_parameters_default_constructible):
        check("FramelensFeatures", est)
    c = clone(est)
    assert c.get_params() == est.get_params() and c is not est
    assert not hasattr(c, "feature_names_out_")
    kp = KeynessPooling(ngram_range=(1, 1))
    for check in (check_no_attributes_set_in_init, check_get_params_invariance, check_set_params,
                  check_parameters_default_constructible):
        check("KeynessPooling", kp)
    with pytest.raises(Exception):
        FramelensFeatures().transform(["not fitted"])


def test_features_in_users_own_pipeline_and_grid_search():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = Pipeline([("fl", FramelensFeatures()), ("sc", StandardScaler()), ("lr", LogisticRegression())])
    gs = GridSearchCV(pipe, {"fl__groups": [("loaded", "booster"), None], "lr__C": [0.1, 1.0]}, cv=2)
    gs.fit(TOY_X, TOY_Y)
    assert gs.best_estimator_.named_steps["fl"].feature_names_out_
    assert pickle.loads(pickle.dumps(gs.best_estimator_)).predict(TOY_X[:2]).shape == (2,)


def test_keyness_pooling_values_and_cross_fitting():
    X = ["bad awful", "bad", "fine day", "fine"]
    y = ["y", "y", "n", "n"]  # binary: the features are for the second class in sorted order, "y"
    kp = KeynessPooling(ngram_range=(1, 1), alpha=1.0, inner_folds=2).fit(X, y)
    vocab = kp.vectorizer_.vocabulary_
    # "bad": in 2 of 2 'b' texts, 0 of 2 'n' texts: log(3/4) - log(1/4) = log 3
    assert kp.log_odds_[0, vocab["bad"]] == pytest.approx(math.log(3))
    assert kp.log_odds_[0, vocab["awful"]] == pytest.approx(math.log(2 / 4) - math.log(1 / 4))
    row = kp.transform(["bad awful"])[0]
    assert row[0] == pytest.approx(math.log(3))  # max
    assert row[1] == pytest.approx((math.log(3) + math.log(2)) / 2)  # top-3 mean over 2 words
    assert row[3] == 1.0  # one value above 1.0 (log 3)
    assert list(kp.get_feature_names_out())[:2] == ["keyness_y_max", "keyness_y_top3"]
    # cross-fitting: training rows are not scored with their own labels
    fitted_rows = KeynessPooling(ngram_range=(1, 1), inner_folds=2).fit_transform(TOY_X, TOY_Y)
    plain = KeynessPooling(ngram_range=(1, 1), inner_folds=2).fit(TOY_X, TOY_Y).transform(TOY_X)
    assert fitted_rows.shape == plain.shape and not np.allclose(fitted_rows, plain)
    with pytest.raises(ValueError):
        KeynessPooling().fit(X, None)


# --------------------------------------------------------------------------- pipeline

def test_pipeline_shapes_and_baseline(toy_model):
    from sklearn.pipeline import Pipeline

    assert isinstance(toy_model, Pipeline)
    names = [n for n, _ in toy_model.named_steps["features"].transformer_list]
    assert names == ["word", "char", "framelens", "keyness"]
    base = make_baseline(C=1.0)
    assert [n for n, _ in base.named_steps["features"].transformer_list] == ["word", "char"]
    assert list(toy_model.predict(TOY_X[:4])) == TOY_Y[:4]
    P = toy_model.predict_proba(TOY_X[:2])
    assert P.shape == (2, 2) and np.allclose(P.sum(axis=1), 1)
    with pytest.raises(ValueError):
        make_pipeline(level="paragraph")
    with pytest.raises(ValueError):
        make_pipeline(C=-1)


def test_tuned_logistic_regression_picks_from_grid():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))
    y = (X[:, 0] + 0.3 * rng.normal(size=60) > 0).astype(int)
    m = TunedLogisticRegression(Cs=(0.01, 1.0, 100.0)).fit(X, y)
    assert m.C_ in (0.01, 1.0, 100.0) and set(m.cv_scores_) == {"0.01", "1.0", "100.0"}
    assert m.predict(X).shape == (60,)
    assert TunedLogisticRegression(Cs=2.0).fit(X, y).C_ == 2.0


def test_multilabel_and_document_level():
    sets = [{"economic"}, {"legality"}, {"economic", "legality"}, set()] * 4
    texts = ["Taxes and jobs and the budget.", "The court ruling on the statute.",
             "The court weighed the tax revenue.", "A sunny afternoon in the park."] * 4
    Y, classes = binarize_labels(sets)
    assert classes == ["economic", "legality"] and Y[2].tolist() == [1, 1]
    m = make_pipeline(level="document", multilabel=True, C=1.0).fit(np.asarray(texts, dtype=object), Y)
    assert m.predict(texts[:4]).shape == (4, 2)


# --------------------------------------------------------------------------- statistics

def test_krippendorff_alpha_reference_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example: alpha = 0.743
    N = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
            [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]
    assert round(krippendorff_alpha(data), 3) == 0.743
    assert krippendorff_alpha([["a", "b", "a"], ["a", "b", "a"]]) == 1.0
    assert math.isnan(krippendorff_alpha([["a", "a"], ["a", "a"]]))  # no variation
    # two coders, one disagreement in four: o = {aa:4, ab:1, ba:1, bb:2}, n=8: 1 - (2/8)/(2*5*3/(8*7))
    assert krippendorff_alpha([["a", "a", "b", "a"], ["a", "a", "b", "b"]]) == pytest.approx(1 - 0.25 / (30 / 56))


def test_masi_distance_and_alpha():
    assert masi_distance({"a"}, {"a"}) == 0.0
    assert masi_distance({"a"}, {"a", "b"}) == pytest.approx(1 - 0.5 * 2 / 3)
    assert masi_distance({"a", "c"}, {"a", "b"}) == pytest.approx(1 - (1 / 3) * (1 / 3))
    assert masi_distance({"a"}, {"b"}) == 1.0
    same = [["a;b", "c", "a"], ["b;a", "c", "a"]]
    assert krippendorff_alpha(same, level="masi") == 1.0
    nltk = pytest.importorskip("nltk")
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import masi_distance as nltk_masi

    rng = np.random.default_rng(3)
    labs = ["x", "y", "z"]
    coders = [[frozenset(rng.choice(labs, size=rng.integers(1, 3), replace=False)) for _ in range(25)]
              for _ in range(3)]
    task = AnnotationTask([(str(c), str(i), v) for c, col in enumerate(coders) for i, v in enumerate(col)],
                          distance=nltk_masi)
    assert krippendorff_alpha(coders, level="masi") == pytest.approx(task.alpha())
    assert nltk.__name__ == "nltk"


def test_cohen_kappa_hand_and_sklearn():
    # 2x2: a/a 20, a/b 5, b/a 10, b/b 15 -> po=.7, pe=.5*.6+.5*.4=.5, kappa=.4
    a = ["a"] * 25 + ["b"] * 25
    b = ["a"] * 20 + ["b"] * 5 + ["a"] * 10 + ["b"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    from sklearn.metrics import cohen_kappa_score

    rng = np.random.default_rng(1)
    x = rng.choice(list("pqr"), 80).tolist()
    y = [v if rng.random() < 0.7 else rng.choice(list("pqr")) for v in x]
    assert cohen_kappa(x, y) == pytest.approx(cohen_kappa_score(x, y))
    assert cohen_kappa(["a", None, "b"], ["a", "b", None]) != cohen_kappa(["a"], ["b"])


def test_classification_metrics_and_bootstrap():
    yt = ["a", "a", "a", "b", "b", "c"]
    yp = ["a", "a", "b", "b", "c", "c"]
    m = classification_metrics(yt, yp)
    assert m["per_class"]["a"] == {"precision": 1.0, "recall": 2 / 3, "f1": 0.8, "support": 3, "predicted": 2}
    assert m["per_class"]["b"]["f1"] == pytest.approx(0.5)
    assert m["per_class"]["c"]["f1"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert m["accuracy"] == pytest.approx(4 / 6)
    lo, hi = bootstrap_ci(yt * 20, yp * 20, n_boot=300)
    assert lo <= m["macro_f1"] <= hi and hi - lo < 0.3
    ct = confusion_table(yt, yp)
    assert ct.loc["a", "b"] == 1 and ct.values.sum() == 6


def test_plot_confusion_returns_axes():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plot_confusion(confusion_table(["a", "b", "a"], ["a", "a", "a"]))
    assert ax.get_xlabel() == "predicted label" and "n = 3" in ax.get_title()
    plt.close(ax.figure)


def test_cross_validate_same_folds_and_report():
    from framelens.classify.validate import stratified_folds

    splits = stratified_folds(TOY_Y, 3, seed=0)
    r1 = cross_validate(make_pipeline(C=1.0), TOY_X, TOY_Y, splits=splits, n_boot=100)
    r2 = cross_validate(make_baseline(C=1.0), TOY_X, TOY_Y, splits=splits, n_boot=100)
    assert (r1.fold == r2.fold).all() and set(r1.fold) == {0, 1, 2}
    assert 0 <= r1.macro_f1 <= 1 and r1.macro_f1_ci[0] <= r1.macro_f1 <= r1.macro_f1_ci[1]
    assert r1.per_class_table().shape == (2, 5)
    d = r1.to_dict()
    assert d["folds"] == 3 and set(d["per_class"]) == {"biased", "neutral"}
    with pytest.raises(ValueError):
        stratified_folds(["a", "a", "b"], 2)


def test_agreement_report_on_table():
    import pandas as pd

    t = pd.DataFrame({"c1": ["x", "x", "y", "y", None], "c2": ["x", "y", "y", "y", "x"], "c3": ["x", "x", "y", "", "x"]})
    rep = agreement_report(t, ["c1", "c2", "c3"])
    assert rep["n_units"] == 5 and rep["n_coders"] == 3
    pair = rep["pairs"][0]
    assert pair["units"] == 4 and pair["percent_agreement"] == 0.75
    assert {c["category"] for c in rep["per_category"]} == {"x", "y"}
    ml = agreement_report(pd.DataFrame({"a": ["p;q", "p"], "b": ["q;p", "q"]}), ["a", "b"], multilabel=True)
    assert ml["level"] == "masi" and ml["pairs"][0]["percent_agreement"] == 0.5


# --------------------------------------------------------------------------- persistence

def test_save_load_roundtrip(toy_file, toy_model):
    p = toy_file
    tm = load_model(p)
    assert tm.predict(TOY_X[:4]) == TOY_Y[:4]
    assert np.allclose(tm.predict_proba(TOY_X[:3]), toy_model.predict_proba(TOY_X[:3]))
    info = read_model_info(p)
    assert info["format"] == "framelens-model/1" and info["metrics"] == {"macro_f1": 0.5}
    assert {lx["name"] for lx in info["lexicons"]} >= {"frames", "hedges", "boosters", "report_verbs"}
    assert all(len(lx["sha256"]) == 64 for lx in info["lexicons"])


def test_tampered_payload_and_metadata_are_refused(tmp_path, toy_file):
    p = toy_file
    data = p.read_bytes()
    bad = tmp_path / "payload.flmodel"
    bad.write_bytes(data)
    _rewrite(bad, payload_fn=lambda b: b[:-10] + b"0123456789")
    with pytest.raises(ModelError, match="payload was modified"):
        load_model(bad)
    bad2 = tmp_path / "meta.flmodel"
    bad2.write_bytes(data)
    _rewrite(bad2, meta_fn=lambda m: m["labels"].reverse())
    with pytest.raises(ModelError, match="metadata was modified"):
        load_model(bad2)


def test_version_and_lexicon_mismatch_refused(tmp_path, toy_file):
    p = toy_file
    old = tmp_path / "old.flmodel"
    old.write_bytes(p.read_bytes())
    _rewrite(old, meta_fn=lambda m: m.update(framelens_version="0.0.1"), rehash=True)
    with pytest.raises(ModelError, match="trained with framelens 0.0.1"):
        load_model(old)
    lex = tmp_path / "mine.csv"
    lex.write_text("term,category\nboondoggle,waste\n", encoding="utf-8")
    m = make_pipeline(C=1.0, lexicons=(str(lex),)).fit(np.asarray(TOY_X, dtype=object), TOY_Y)
    mp = save_model(TrainedModel(m, ["biased", "neutral"]), tmp_path / "lex.flmodel")
    assert load_model(mp).predict(["a boondoggle"])[0] in ("biased", "neutral")
    # the pack is embedded in the model: a later edit (or removal) of the file changes nothing
    lex.write_text("term,category\nboondoggle,waste\nfiasco,waste\n", encoding="utf-8")
    lex.unlink()
    tm = load_model(mp)
    assert [r["name"] for r in tm.lexicons if r["name"] == "mine"] == ["mine"]
    # a shipped pack that differs from the one recorded at training is still refused
    _rewrite(mp, meta_fn=lambda m: m["lexicons"][0].update(sha256="0" * 64), rehash=True)
    with pytest.raises(ModelError, match="lexicon packs differ"):
        load_model(mp)


def test_foreign_files_refused(tmp_path):
    txt = tmp_path / "notes.flmodel"
    txt.write_text("hello", encoding="utf-8")
    with pytest.raises(ModelError, match="not a framelens model"):
        load_model(txt)
    pk = tmp_path / "evil.pkl"
    pk.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(ModelError, match="pickle"):
        load_model(pk)
    z = tmp_path / "other.zip"
    with zipfile.ZipFile(z, "w") as zz:
        zz.writestr("data.txt", "x")
    with pytest.raises(ModelError, match="not a framelens model"):
        load_model(z)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "missing.flmodel")


def test_untrusted_types_refused_even_with_matching_hashes(tmp_path, toy_file):
    import skops.io as sio
    from sklearn.ensemble import RandomForestClassifier

    p = toy_file
    rf = RandomForestClassifier(n_estimators=2).fit([[0], [1]], [0, 1])
    assert "sklearn.ensemble._forest.RandomForestClassifier" not in TRUSTED_TYPES
    _rewrite(p, payload_fn=lambda b: sio.dumps(rf), rehash=True)
    with pytest.raises(ModelError, match="outside"):
        load_model(p)
    with pytest.raises(ModelError, match="cannot save"):
        save_model(TrainedModel(rf, ["0", "1"]), tmp_path / "rf.flmodel")


def test_loading_never_unpickles(toy_file, monkeypatch):
    p = toy_file

    def boom(*a, **k):
        raise AssertionError("unpickling attempted")

    monkeypatch.setattr(pickle, "load", boom)
    monkeypatch.setattr(pickle, "loads", boom)
    monkeypatch.setattr(pickle, "Unpickler", boom)
    assert load_model(p).predict(TOY_X[:1]) == TOY_Y[:1]


def test_no_code_path_unpickles():
    src = ROOT / "src" / "framelens"
    bad = ("pickle.load", "joblib.load", "cloudpickle", "dill.load", "torch.load", "pd.read_pickle", "numpy.load(",
           "allow_pickle=True")
    hits = [(f.name, b) for f in src.rglob("*.py") for b in bad if b in f.read_text(encoding="utf-8")]
    assert hits == []


# --------------------------------------------------------------------------- word level

def test_tokens_and_word_model():
    toks = tokens("Critics slammed the plan. It may pass.")
    assert [t.text for t in toks] == ["Critics", "slammed", "the", "plan", "It", "may", "pass"]
    assert toks[1].lex and any(x.startswith("report_verb:") for x in toks[1].lex)
    assert toks[4].index == 0 and toks[4].sent_len == 3
    assert match_biased_words(toks, ["Slammed", "so-called"]) == [0, 1, 0, 0, 0, 0, 0]
    texts = ["The senator slammed the awful bill.", "The senator discussed the bill.",
             "Critics blasted the terrible decision.", "Critics reviewed the decision."] * 4
    words = [["slammed", "awful"], [], ["blasted", "terrible"], []] * 4
    m = WordBiasModel().fit(texts, words)
    scores = dict((w, p) for _, _, w, p in m.score_words("The senator slammed the awful decision."))
    assert scores["awful"] > 0.5 > scores["senator"]
    assert m.top_features(3)


def test_log_likelihood_hand_value():
    # a=10 in 100 tokens vs b=5 in 200: E1 = 100*15/300 = 5, E2 = 10
    g = 2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10))
    assert log_likelihood(10, 5, 100, 200) == pytest.approx(g)
    assert log_likelihood(5, 10, 200, 100) == pytest.approx(-g)


def test_suggest_terms_ranks_overused_words_and_skips_known_ones():
    texts = ["The senator's blorft wastes money.", "Another blorft from city hall.",
             "This blorft is a boondoggle.", "The council approved the budget.",
             "The council met on Monday.", "The budget passed on Monday."] * 2
    labels = ["b", "b", "b", "n", "n", "n"] * 2
    df = suggest_terms(texts, labels=labels, positive="b", min_count=2, top=10)
    assert list(df.columns[:6]) == ["term", "category", "severity", "group", "alternatives", "notes"]
    assert df.loc[df["keyness"].idxmax(), "term"] == "blorft"  # 6 uses in the target, none in the reference
    assert "boondoggle" not in set(df["term"])  # already in a shipped loaded-term pack
    assert "council" not in set(df["term"])  # overused in the reference, not the target
    assert "monday" not in set(df["term"]) and "the" not in set(df["term"])
    with pytest.raises(ValueError):
        suggest_terms(texts, labels=labels)


# --------------------------------------------------------------------------- commands

def test_cli_train_evaluate_predict_agreement(tmp_path, capsys):
    model = tmp_path / "bias.flmodel"
    rc = main(["train", str(EXAMPLE), "--text-col", "text", "--label-col", "bias", "--folds", "3", "--C", "1",
               "--out", str(model)])
    out = capsys.readouterr().out
    assert rc == 0 and model.exists() and "macro-F1" in out and "Krippendorff" in out
    report = json.loads((tmp_path / "bias.flmodel.report" / "cv_metrics.json").read_text())
    assert report["folds"] == 3 and report["n"] == 120 and set(report["per_class"]) == {"biased", "neutral"}
    assert (tmp_path / "bias.flmodel.report" / "oof_predictions.csv").exists()
    rc = main(["evaluate", str(model), str(EXAMPLE), "--text-col", "text", "--label-col", "bias_coder_b", "--json"])
    m = json.loads(capsys.readouterr().out)
    assert rc == 0 and 0 <= m["macro_f1"] <= 1 and set(m["per_class"]) == {"biased", "neutral"}
    rc = main(["predict", str(model), str(ROOT / "examples" / "corpus" / "wire.md"), "--out", str(tmp_path / "p"),
               "--format", "jsonl,csv"])
    assert rc == 0
    from framelens.io.tables import nested_records

    doc = next(nested_records(tmp_path / "p"))  # the record with its spans (joined from spans.jsonl)
    assert doc["metrics"]["model_label"] in ("biased", "neutral")
    assert set(doc["metrics"]["model_proba"]) == {"biased", "neutral"}
    sents = [s for s in doc["spans"] if s["kind"] == "sentence"]
    assert sents and all(s["model_label"] in ("biased", "neutral") for s in sents)
    assert sum(doc["metrics"]["model_label_counts"].values()) == len(sents)
    manifest = json.loads((tmp_path / "p" / "manifest.json").read_text())
    assert manifest["parameters"]["model"]["labels"] == ["biased", "neutral"]
    capsys.readouterr()
    rc = main(["agreement", str(EXAMPLE), "--coders", "bias_coder_a,bias_coder_b", "--json"])
    rep = json.loads(capsys.readouterr().out)
    # 7 disagreements in 120 units (written into the sample on purpose)
    assert rc == 0 and rep["pairs"][0]["percent_agreement"] == pytest.approx(113 / 120)
    assert rep["alpha"] == pytest.approx(krippendorff_alpha([
        list(__import__("pandas").read_csv(EXAMPLE)["bias_coder_a"]),
        list(__import__("pandas").read_csv(EXAMPLE)["bias_coder_b"])]))


def test_cli_refuses_tampered_model_with_exit_4(tmp_path, capsys):
    bad = tmp_path / "x.flmodel"
    bad.write_bytes(pickle.dumps(["not", "a", "model"]))
    rc = main(["evaluate", str(bad), str(EXAMPLE), "--label-col", "bias"])
    assert rc == 4 and "never unpickles" in capsys.readouterr().err


def test_cli_train_folds_zero_and_usage_errors(tmp_path, capsys):
    model = tmp_path / "f.flmodel"
    assert main(["train", str(EXAMPLE), "--label-col", "frame", "--folds", "0", "--C", "1", "--out", str(model)]) == 0
    assert not (tmp_path / "f.flmodel.report").exists()
    assert main(["train", str(EXAMPLE), "--label-col", "nope", "--out", str(model)]) == 4  # bad input: nothing done
    assert "no column 'nope'" in capsys.readouterr().err
    assert main(["train", str(EXAMPLE), "--label-col", "frame", "--folds", "1", "--out", str(model)]) == 2


def test_suggest_cli(tmp_path, capsys):
    import argparse

    from framelens.cli.suggest import add_suggest_parser, run_suggest

    parser = argparse.ArgumentParser()
    add_suggest_parser(parser.add_subparsers())
    out = tmp_path / "cand.csv"
    args = parser.parse_args(["suggest", str(EXAMPLE), "--label-col", "bias", "--positive", "biased",
                              "--min-count", "2", "--top", "10", "--out", str(out)])
    assert run_suggest(args) == 0
    from framelens.lexicon import load_lexicon

    lx = load_lexicon(out)  # the output is a loadable CSV quick list
    assert 0 < len(lx.entries) <= 10 and all(e.category == "candidate" for e in lx.entries)


# --------------------------------------------------------------------------- BABE subset

@pytest.mark.skipif(not BABE.exists(), reason="../shared/datasets/babe is absent (fresh clone); see datasets/README.md")
def test_babe_subset_train_and_evaluate(tmp_path, capsys):
    import pandas as pd

    d = pd.read_csv(BABE)
    d = d[d.label_bias.isin(["Biased", "Non-biased"])].sample(n=400, random_state=0)
    train, gold = d.iloc[:300], d.iloc[300:]
    train.to_csv(tmp_path / "train.csv", index=False)
    gold.to_csv(tmp_path / "gold.csv", index=False)
    model = tmp_path / "babe.flmodel"
    assert main(["train", str(tmp_path / "train.csv"), "--label-col", "label_bias", "--folds", "3", "--C", "1",
                 "--out", str(model)]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(model), str(tmp_path / "gold.csv"), "--label-col", "label_bias", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["n"] == 100 and 0.5 < m["macro_f1"] <= 1.0  # well above chance on held-out sentences
