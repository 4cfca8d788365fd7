"""Progress hooks of the library (used by the command line's bars): called once per unit of work."""

from __future__ import annotations

from framelens.classify.pipeline import make_pipeline
from framelens.classify.validate import cross_validate
from framelens.compare import run_compare
from helpers import EXAMPLES, N_EXAMPLES, TOY_X, TOY_Y


def test_run_compare_calls_on_document_once_per_document(tmp_path):
    seen = []
    res = run_compare([str(EXAMPLES)], tmp_path / "r", n_boot=100, charts=False, on_document=lambda: seen.append(1))
    assert len(seen) == len(res["result"].documents) == N_EXAMPLES
    assert res["problems"] == []


def test_cross_validate_calls_on_fold_for_each_fold():
    folds = []
    cross_validate(make_pipeline("sentence", False, C=1.0, framelens_features=False), TOY_X, TOY_Y, folds=2,
                   n_boot=100, on_fold=folds.append)
    assert folds == [0, 1]
