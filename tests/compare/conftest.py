"""Shared fixtures of the comparison tests: the example corpus analysed, compared and reported ONCE per session.

``example_report`` is the full pipeline (``run_compare``: analysis, comparison,
tables in CSV and Parquet, charts, index.html, article pages, summary.md,
manifest.json) on the six-article example corpus; tests that only read its files
share it instead of building their own. ``html_report`` writes a report without
charts (``write_report(charts=False)``) for tests that check only the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "corpus"
#: The permutation test the shared report runs (one article each: p = 1).
PAIR_TEST = ("The Marlow Sentinel-Express", "Lakeshore Wire Service")
#: Articles shown in the shared report's index.html; the other two get pages under articles/.
INLINE = 4


@pytest.fixture(scope="session")
def example_report(tmp_path_factory):
    """(out folder, run_compare's dict) of the example corpus: n_boot=200, inline=4, one permutation test."""
    from framelens.compare import run_compare

    out = tmp_path_factory.mktemp("example") / "report"
    r = run_compare([str(EXAMPLES)], out, n_boot=200, inline=INLINE, tests=[PAIR_TEST])
    return out, r


@pytest.fixture(scope="session")
def example_cmp(example_report):
    """The CompareResult of the shared report."""
    return example_report[1]["result"]


@pytest.fixture(scope="session")
def example_analysis():
    """The example corpus analysed (for comparisons with other options)."""
    import framelens

    return framelens.analyze(framelens.read_corpus(str(EXAMPLES)))


@pytest.fixture
def html_report(tmp_path):
    """A function rows -> out folder: analyse and compare the documents ``rows`` and write their report, without
    charts unless ``charts=True`` (tables as CSV only)."""
    def build(rows: list[dict], charts: bool = False, **kwargs) -> Path:
        import framelens
        from framelens.compare import compare
        from framelens.compare.report import write_report

        docs = [framelens.Document(**r) for r in rows]
        result = compare(framelens.analyze(docs), n_boot=100)
        out = tmp_path / "r"
        write_report(result, out, formats=("csv",), charts=charts, **kwargs)
        return out
    return build
