"""The example notebook (examples/notebooks/course_assignment.ipynb) runs from top to bottom without an error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

FOLDER = Path(__file__).resolve().parents[1] / "examples" / "notebooks"
NOTEBOOK = FOLDER / "course_assignment.ipynb"


def test_notebook_is_kept_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_course_assignment_notebook_runs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(FOLDER)}})
    start = time.monotonic()
    client.execute()  # raises CellExecutionError on the first cell that fails
    elapsed = time.monotonic() - start
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    assert elapsed < 60, f"the notebook took {elapsed:.0f} s"
    outputs = {i: c.outputs for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    kinds = [o.get("data", {}).keys() for out in outputs.values() for o in out]
    assert any("image/png" in k for k in kinds), "the chart cell drew nothing"
    html = [o["data"]["text/html"] for out in outputs.values() for o in out if "text/html" in o.get("data", {})]
    assert any("<mark" in h for h in html), "no highlighted article"
