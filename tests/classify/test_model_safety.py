"""Crafted model files (issue 20, part 6): files that use only allowed types, with valid hashes, but
parameters framelens never writes, or that do not parse: each refused with exit 4 and a message naming
the file. Lexicon files used in training travel inside the model.
"""

from __future__ import annotations

import json
import sys
import time
import zipfile

import numpy as np
import pytest

from framelens.classify.persist import META_NAME, PAYLOAD_NAME, TrainedModel, load_model, save_model
from framelens.classify.pipeline import make_pipeline
from framelens.cli import main
from framelens.errors import ModelError
from helpers import REPO as ROOT, TOY_X, TOY_Y, rewrite_model

ARTICLE = ROOT / "examples" / "corpus" / "wire.md"


@pytest.fixture(scope="module")
def fitted():
    return make_pipeline(C=1.0, keyness=False).fit(np.asarray(TOY_X, dtype=object), TOY_Y)


@pytest.fixture(scope="module")
def saved(fitted, tmp_path_factory):
    return save_model(TrainedModel(fitted, ["biased", "neutral"]), tmp_path_factory.mktemp("m") / "m.flmodel")


@pytest.fixture
def model_file(saved, tmp_path):
    p = tmp_path / "crafted.flmodel"
    p.write_bytes(saved.read_bytes())
    return p


def _word_vectorizer(est):
    return est.named_steps["features"].transformer_list[0][1].named_steps["tfidf"]


def _features_block(est):
    return dict(est.named_steps["features"].transformer_list)["framelens"].named_steps["counts"]


def _craft(path, change, meta_fn=None):
    """Rebuild the payload of ``path`` with ``change(estimator)`` applied, hashes made to match (as an attacker
    who rewrites both parts would)."""
    import skops.io as sio

    from framelens.classify.persist import TRUSTED_TYPES

    with zipfile.ZipFile(path) as z:
        est = sio.loads(z.read(PAYLOAD_NAME), trusted=list(TRUSTED_TYPES))
    change(est)
    rewrite_model(path, payload_fn=lambda b: sio.dumps(est), meta_fn=meta_fn, rehash=True)


def _predict(model, tmp_path, capsys) -> tuple[int, str]:
    rc = main(["predict", str(model), str(ARTICLE), "--out", str(tmp_path / "out")])
    return rc, capsys.readouterr().err


def test_a_saved_model_still_loads_and_predicts(model_file, tmp_path, capsys):
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 0, err


def test_vectorizer_reading_file_names_is_refused(model_file, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    _craft(model_file, lambda est: _word_vectorizer(est).set_params(input="filename"))
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4
    assert str(model_file) in err and "input='filename'" in err and "refused" in err
    assert len(err.strip().splitlines()) == 1


def test_a_lexicon_path_in_the_model_is_refused_before_it_is_opened(model_file, tmp_path, capsys, monkeypatch):
    def meta_fn(m):
        m["features"][0]["lexicons"] = ["/dev/zero"]

    _craft(model_file, lambda est: _features_block(est).set_params(lexicons=("/dev/zero",)), meta_fn)
    import framelens.lexicon as lexmod

    opened = []
    monkeypatch.setattr(lexmod, "load_lexicon", lambda path, *a, **k: opened.append(path))
    t0 = time.monotonic()
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and not opened and time.monotonic() - t0 < 30
    assert str(model_file) in err and "/dev/zero" in err and "never makes framelens open a path" in err


@pytest.mark.parametrize("name,value,shown", [
    ("analyzer", str, "analyzer=<class 'str'>"),            # a type: callable, and in the type allow-list
    ("analyzer", "unknown", "analyzer='unknown'"),
    ("token_pattern", r"(a+)+$", "token_pattern='(a+)+$'"),  # catastrophic backtracking
    ("tokenizer", str, "tokenizer=<class 'str'>"),
    ("vocabulary", {"a": 0}, "vocabulary={'a': 0}"),
])
def test_unexpected_vectorizer_parameters_are_refused(model_file, tmp_path, capsys, name, value, shown):
    _craft(model_file, lambda est: setattr(_word_vectorizer(est), name, value))
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and shown in err and str(model_file) in err


def test_a_corrupt_deflate_stream_is_exit_4(model_file, tmp_path, capsys):
    data = bytearray(model_file.read_bytes())
    with zipfile.ZipFile(model_file) as z:
        info = z.getinfo(PAYLOAD_NAME)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + 60):  # inside the compressed payload: the inflater or the CRC fails
        data[i] ^= 0xFF
    model_file.write_bytes(bytes(data))
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and str(model_file) in err and "damaged archive" in err


def test_a_truncated_archive_is_exit_4(model_file, tmp_path, capsys):
    data = model_file.read_bytes()
    model_file.write_bytes(data[: len(data) // 2])
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and str(model_file) in err


def test_bad_json_inside_is_exit_4(model_file, tmp_path, capsys):
    with zipfile.ZipFile(model_file) as z:
        payload = z.read(PAYLOAD_NAME)
    with zipfile.ZipFile(model_file, "w") as z:
        z.writestr(META_NAME, '{"format": "framelens-model/1", "labels": [')
        z.writestr(PAYLOAD_NAME, payload)
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and str(model_file) in err and "not valid JSON" in err


@pytest.mark.parametrize("field,value", [
    ("labels", 5), ("labels", [1, 2]), ("features", "x"), ("features", [None]), ("lexicons", [5]),
    ("level", "paragraph"), ("payload", []), ("embedded_lexicons", {"a": 1}), ("params", []),
])
def test_odd_metadata_types_are_exit_4(model_file, tmp_path, capsys, field, value):
    rewrite_model(model_file, meta_fn=lambda m: m.update({field: value}), rehash=True)
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and str(model_file) in err and "Traceback" not in err


def test_a_broken_skops_payload_is_exit_4(model_file, tmp_path, capsys):
    rewrite_model(model_file, payload_fn=lambda b: b"PK\x03\x04 not a zip", rehash=True)
    rc, err = _predict(model_file, tmp_path, capsys)
    assert rc == 4 and str(model_file) in err


def test_a_training_lexicon_travels_inside_the_model(tmp_path, monkeypatch, capsys):
    """Trained with a relative --lexicon path, predicted from another folder after the file is gone."""
    work = tmp_path / "train"
    work.mkdir()
    (work / "mine.csv").write_text("term,category\nfiasco plan,waste\n", encoding="utf-8")
    monkeypatch.chdir(work)
    m = make_pipeline(C=1.0, keyness=False, lexicons=("mine.csv",)).fit(np.asarray(TOY_X, dtype=object), TOY_Y)
    p = save_model(TrainedModel(m, ["biased", "neutral"]), work / "m.flmodel")
    meta = json.loads(zipfile.ZipFile(p).read(META_NAME))
    assert [e["filename"] for e in meta["embedded_lexicons"]] == ["mine.csv"]
    assert meta["features"][0]["lexicons"][0].startswith("embedded:")
    assert "fiasco plan" in meta["embedded_lexicons"][0]["text"]
    (work / "mine.csv").unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    tm = load_model(p)
    assert tm.predict(["The fiasco plan failed."])[0] in ("biased", "neutral")
    # tampering with the embedded text is caught (its SHA-256 no longer matches its reference)
    rewrite_model(p, meta_fn=lambda mm: mm["embedded_lexicons"][0].update(text="term,category\nx,y\n"),
                  rehash=True)
    with pytest.raises(ModelError, match="does not match"):
        load_model(p)


def test_saving_refuses_what_loading_would_refuse(fitted, tmp_path):
    import copy

    est = copy.deepcopy(fitted)
    _word_vectorizer(est).set_params(token_pattern=r"(\w+)+")
    with pytest.raises(ModelError, match="cannot save"):
        save_model(TrainedModel(est, ["biased", "neutral"]), tmp_path / "x.flmodel")


if sys.platform.startswith("linux"):
    def test_refusal_is_fast_even_for_dev_zero_as_the_model(tmp_path, capsys):
        rc = main(["predict", "/dev/zero", str(ARTICLE), "--out", str(tmp_path / "o")])
        assert rc == 4 and "/dev/zero" in capsys.readouterr().err
