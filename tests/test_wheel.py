"""The shipped packs are built into the wheel: build it, install it apart from the source tree, analyse a document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_packs_and_analyses(tmp_path):
    dist = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    (wheel,) = dist.glob("framelens-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "framelens/lexicons/immigration.yaml" in names
    assert "framelens/lexicons/abbreviations.txt" in names
    assert any(n.startswith("framelens/examples/corpus/") for n in names)
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                        str(wheel)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    # run from an empty folder, with the installed wheel first on the path and the source tree nowhere
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    code = ("import framelens, framelens._resources as r; "
            "assert framelens.__file__.startswith(%r), framelens.__file__; "
            "assert str(r.lexicon_dir()).startswith(%r); "
            "res = framelens.analyze('Deputies arrested an illegal alien, officials claimed.'); "
            "print(sorted(set(res.spans.kind)))") % (str(target), str(target))
    run_dir = tmp_path / "empty"
    run_dir.mkdir()
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=run_dir, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "loaded_term" in r.stdout and "report_verb" in r.stdout
