"""A feature whose optional package is missing stops before any work: exit 4 and the install line.

The packages are installed in the test environment, so their absence is simulated by making
``importlib.util.find_spec`` report them missing (the check framelens makes up front). The wheel test
(tests/test_wheel.py) checks the HTML case in a real venv without extras."""

from __future__ import annotations

import importlib.util

import pytest

from framelens.cli import main
from framelens.errors import MissingDependencyError, Reason
from helpers import EXAMPLES

_real_find_spec = importlib.util.find_spec


def _without(monkeypatch, *missing):
    def find_spec(name, *args, **kwargs):
        if name.split(".")[0] in missing:
            return None
        return _real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_dask_engine_without_dask(monkeypatch, tmp_path, capsys):
    _without(monkeypatch, "distributed")
    out = tmp_path / "out"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--engine", "dask"]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'framelens[dask]'" in err[0]
    assert not (out / "partitions").exists()


def test_embeddings_without_wordllama(monkeypatch, tmp_path, capsys):
    _without(monkeypatch, "wordllama")
    coded = EXAMPLES.parent / "coding" / "coded_sentences.csv"
    model = tmp_path / "m.flmodel"
    assert main(["train", str(coded), "--label-col", "frame", "--embeddings", "wordllama", "--out", str(model)]) == 4
    err = capsys.readouterr().err
    assert "pip install 'framelens[embeddings]'" in err
    assert not model.exists()


def test_fetch_without_trafilatura_makes_no_request(monkeypatch, tmp_path):
    _without(monkeypatch, "trafilatura")
    from framelens.fetch import fetch_corpus

    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1:9/never-contacted\n")
    with pytest.raises(MissingDependencyError) as err:
        fetch_corpus(urls, tmp_path / "c.jsonl")
    assert err.value.code == Reason.MISSING_REQUIREMENT
    assert not (tmp_path / "c.jsonl").exists()
