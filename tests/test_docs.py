"""The API reference builds: pdoc renders the package (as ``make docs`` does) without errors or warnings."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pdoc")


def test_pdoc_builds_the_api_reference(tmp_path):
    out = tmp_path / "api"
    # the Makefile's `make docs` command, into a temporary folder
    proc = subprocess.run([sys.executable, "-m", "pdoc", "--docformat", "numpy",
                           "--no-show-source", "-o", str(out), "framelens"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr and "Error" not in proc.stderr, proc.stderr
    for page in ("framelens.html", "framelens/compare.html", "framelens/kinds.html"):
        assert (out / page).is_file(), page
    top = (out / "framelens.html").read_text(encoding="utf-8")
    for name in ("analyze", "compare_groups", "run_compare", "CompareResult", "loaded_rate_chart"):
        assert f'id="{name}"' in top, name
    assert "framelens.compare" in top
    # numpydoc sections rendered as headings (the docstring style of the public API)
    assert "Parameters" in top and "Returns" in top
