"""Comparison across outlets (or events, or any metadata column).

Library use (pandas in, pandas out)::

    import framelens
    from framelens.compare import compare, run_compare
    res = framelens.analyze(framelens.read_corpus("examples/corpus"))
    cmp = compare(res, by="outlet")          # CompareResult: .stats, .keyness, .term_choice, ...
    cmp.stats.query("metric == 'loaded'")    # pooled rate per 1,000 words, 95% CI, n, shrunken rate, rank, flag
    cmp.comparisons                          # all-groups and pairwise tests, Benjamini-Hochberg adjusted
    run_compare(["examples/corpus"], "reports/demo")   # analysis + tables + charts + HTML/Markdown report

Every aggregate is computed from the two tidy tables of an analysis (documents
and spans); how each number is computed, and its limits, is in
docs/methods_compare.md. The modules: :mod:`.result` (CompareResult),
:mod:`.core` (compare), :mod:`.run` (run_compare), :mod:`.group` (group_stats,
permutation_test), :mod:`.stats` (small-sample safeguards, shrinkage, tests),
:mod:`.groups_table` (joining an outlet -> lean table), :mod:`.keyness`,
:mod:`.termchoice`, ``_tables`` (the tables built from spans).
"""

from __future__ import annotations

import logging

__all__ = ["CompareResult", "compare", "run_compare", "group_stats", "permutation_test", "keyness", "term_choice",
           "term_choice_matrix"]

log = logging.getLogger("framelens")

from .group import group_stats, permutation_test  # noqa: E402
from .keyness import keyness  # noqa: E402
from .termchoice import term_choice, term_choice_matrix  # noqa: E402

#: Lede: the first paragraph with at least this many words (shorter opening lines, such as a headline
#: or a dateline, are counted as part of the top of the article).
from ..text.segmentation import LEDE_MIN_WORDS  # noqa: E402 (re-exported)
from .result import CompareResult  # noqa: E402
from ._tables import _span_tables  # noqa: E402,F401 (kept importable from here)
from .core import compare  # noqa: E402
from .run import run_compare  # noqa: E402
