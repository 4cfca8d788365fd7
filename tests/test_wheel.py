"""A plain install works: build the wheel, install it WITHOUT extras into a fresh venv, run the main jobs.

The venv is made once per test session, with uv when the test extras installed it (a second or two
instead of half a minute), else with ``python -m venv`` + pip; the index is allowed for the core
dependencies only. Every command runs as a subprocess from an empty temporary folder, so neither
the source tree nor the test venv's packages can stand in for a missing dependency.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from framelens.errors import FramelensError, Reason
from helpers import N_EXAMPLES

REPO = Path(__file__).resolve().parents[1]
EXIT_FAILED = 4


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["MPLBACKEND"] = "Agg"
    return env


def _uv() -> str | None:
    """The uv executable of the test environment (the test extras install it), if any."""
    import shutil

    found = shutil.which("uv", path=str(Path(sys.executable).parent))
    return found or shutil.which("uv")


@pytest.fixture(scope="session")
def plain(tmp_path_factory):
    """(wheel path, venv bin folder) of the wheel installed with its core dependencies only."""
    base = tmp_path_factory.mktemp("wheel")
    started = time.monotonic()
    dist = base / "dist"
    r = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    (wheel,) = dist.glob("framelens-*.whl")
    venv = base / "venv"
    vbin = venv / ("Scripts" if os.name == "nt" else "bin")
    uv = _uv()
    if uv is not None:  # same install, much faster; .pyc compiled like pip does
        cmds = [[uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
                [uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", str(vbin / "python"), str(wheel)]]
    else:
        cmds = [[sys.executable, "-m", "venv", str(venv)],
                [str(vbin / "python"), "-m", "pip", "install", "--quiet", str(wheel)]]
    for cmd in cmds:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=_env())
        assert r.returncode == 0, r.stdout + r.stderr
    print(f"\nplain wheel venv ready in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return wheel, vbin


def _run(vbin: Path, args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(vbin / "framelens"), *args], capture_output=True, text=True, cwd=cwd,
                          env=_env(), timeout=timeout)


@pytest.mark.slow
def test_plain_install_has_no_extras(plain):
    _, vbin = plain
    code = ("import importlib.util as u; "
            "print(sorted(m for m in ('trafilatura', 'dask', 'distributed', 'wordllama', 'nltk', 'pytest') "
            "if u.find_spec(m)))")
    r = subprocess.run([str(vbin / "python"), "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.slow
def test_wheel_contains_packs_and_analyses(plain, tmp_path):
    wheel, vbin = plain
    names = zipfile.ZipFile(wheel).namelist()
    assert "framelens/lexicons/immigration.yaml" in names
    assert "framelens/lexicons/abbreviations.txt" in names
    assert any(n.startswith("framelens/examples/corpus/") for n in names)
    site = str(vbin.parent)
    code = ("import framelens, framelens._resources as r; "
            "assert framelens.__file__.startswith(%r), framelens.__file__; "
            "assert str(r.lexicon_dir()).startswith(%r); "
            "res = framelens.analyze('Deputies arrested an illegal alien, officials claimed.'); "
            "print(sorted(set(res.spans.kind)))") % (site, site)
    r = subprocess.run([str(vbin / "python"), "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env=_env(), timeout=120)
    assert r.returncode == 0, r.stderr
    assert "loaded_term" in r.stdout and "report_verb" in r.stdout


def _assert_report(out: Path) -> None:
    assert (out / "index.html").is_file()
    svgs = sorted(p.name for p in (out / "charts").glob("*.svg"))
    assert len(svgs) >= 5, svgs
    assert "frames.svg" in svgs
    assert sorted(p.name for p in (out / "tables").glob("*.parquet")), "no Parquet table"


@pytest.mark.slow
def test_demo_writes_the_report_with_charts(plain, tmp_path):
    _, vbin = plain
    r = _run(vbin, ["demo", "--out", "demo"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "pyarrow" not in r.stderr
    _assert_report(tmp_path / "demo")


@pytest.mark.slow
def test_compare_writes_charts_and_parquet_tables(plain, tmp_path):
    _, vbin = plain
    r = _run(vbin, ["compare", str(REPO / "examples" / "corpus"), "--out", "cmp"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    _assert_report(tmp_path / "cmp")
    assert (tmp_path / "cmp" / "tables" / "group_stats.parquet").is_file()


@pytest.mark.slow
def test_train_then_predict(plain, tmp_path):
    _, vbin = plain
    data = REPO / "examples" / "coding" / "coded_sentences.csv"
    r = _run(vbin, ["train", str(data), "--text-col", "text", "--label-col", "frame", "--out", "m.flmodel"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "m.flmodel").is_file()
    assert (tmp_path / "m.flmodel.report" / "confusion.png").is_file()
    assert "macro-F1" in r.stdout
    r = _run(vbin, ["predict", "m.flmodel", str(REPO / "examples" / "corpus"), "--out", "pred"], tmp_path)
    assert r.returncode == 0, r.stderr
    docs = (tmp_path / "pred" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(docs) == N_EXAMPLES
    assert all('"model_label"' in line for line in docs)


@pytest.mark.slow
def test_html_without_the_extra_stops_before_any_work(plain, tmp_path):
    _, vbin = plain
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Officials said the border was closed.\n", encoding="utf-8")
    (inputs / "page.html").write_text("<html><body><p>Officials said the border was closed.</p></body></html>",
                                      encoding="utf-8")
    for args in (["analyze", "in/page.html", "--out", "out1"], ["analyze", "in", "--out", "out2"],
                 ["compare", "in", "--out", "out3"]):
        r = _run(vbin, args, tmp_path)
        assert r.returncode == EXIT_FAILED, (args, r.stderr)
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, (args, r.stderr)
        assert "pip install 'framelens[html]'" in lines[0] and "page.html" in lines[0]
        assert not (tmp_path / args[-1]).exists(), f"{args}: work started before the refusal"


def test_html_check_is_up_front_and_silent_when_not_needed(tmp_path, monkeypatch):
    """The in-process check: refused at construction with MISSING_REQUIREMENT, HTML found in folders and globs."""
    import importlib.util

    from framelens.io import corpus as corpus_mod

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "trafilatura" else real(name, *a))
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Plain text.", encoding="utf-8")
    (tmp_path / "sub" / "b.HTM").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / ".hidden.html").write_text("<p>x</p>", encoding="utf-8")
    corpus_mod.Corpus([str(tmp_path / "a.txt")])  # no HTML: no complaint
    corpus_mod.Corpus([str(tmp_path / "missing.html")])  # a missing file is reported by reading, not here
    for paths in ([str(tmp_path)], [str(tmp_path / "sub" / "b.HTM")], [str(tmp_path / "**" / "*.HTM")]):
        with pytest.raises(FramelensError) as info:
            corpus_mod.Corpus(paths)
        assert info.value.code == Reason.MISSING_REQUIREMENT
        assert "pip install 'framelens[html]'" in str(info.value)
        assert "b.HTM" in str(info.value)
