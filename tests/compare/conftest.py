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


# --- a fictional 40-outlet corpus (issue 15: the report at scale) -------------------------------------------
#: Outlets of the scale corpus: N_SCALE_OUTLETS, of which the first N_BIG have several long articles.
N_SCALE_OUTLETS, N_BIG, BIG_ARTICLES = 40, 4, 6
#: An outlet name and a title that must render as text (escaping at scale).
EVIL_OUTLET = "<script>window.__pwned = 7</script> Ledger"
EVIL_TITLE = "<script>window.__pwned = 8</script> council vote"

_PLACES = ["Harrowgate", "Quillon", "Bramford", "Ostley"]
_EVENTS = ["quillon-bridge-closure", "bramford-budget-vote", "ostley-shelter-plan"]
_SENTENCES = [
    "Officials in {place} said the {thing} would reopen on {day}, according to a statement from the county.",
    "The mayor, {person}, claimed the {thing} had been mismanaged for years by the previous council.",
    "Critics slammed the plan, which they allegedly saw as a giveaway to developers in {place}.",
    "Several illegal aliens were reportedly among the workers hired for the {thing}, a spokesperson told reporters.",
    "Undocumented immigrants make up a share of the crews, the union said in a letter.",
    "The budget for the {thing} may have doubled since the campaign began, records show.",
    '"We clearly need a better program for the whole region," {person} said on {day}.',
    "The Senate committee will take up the bill next week, according to two aides who asked not to be named.",
    "Residents of {place} acknowledged that the economy of the town depends on the {thing}.",
    "A flood of migrants has not materialised, the police chief insisted, and the crime rate is steady.",
    "The radical left council undeniably boasts about the project at every meeting.",
    "Experts say the so-called reform is a fairness question as much as a legal one.",
]
_THINGS = ["bridge", "shelter", "depot", "ferry terminal", "clinic"]
_PEOPLE = ["Dana Whitlow", "Ravi Okonjo", "Mira Castellane", "Tomas Eberle"]
_DAYS = ["Monday", "Tuesday", "Thursday", "Friday"]


def scale_rows(n_outlets: int = N_SCALE_OUTLETS, n_big: int = N_BIG, big_articles: int = BIG_ARTICLES,
               seed: int = 15) -> list[dict]:
    """Rows of the fictional scale corpus: ``n_outlets`` outlets; the first ``n_big`` have ``big_articles``
    long articles (about 400-600 words), the others one short article (about 60-120 words). Sentences come
    from the templates above (invented places, people and events); one outlet name and one title carry
    markup that must be escaped."""
    import random

    rnd = random.Random(seed)
    rows = []
    for k in range(n_outlets):
        kind = ["Courier", "Gazette", "Wire", "Post", "Herald"][k % 5]
        outlet = EVIL_OUTLET if k == n_outlets - 1 else f"The {_PLACES[k % 4]} {kind} {k:02d}"
        n_art, n_sent = (big_articles, (22, 32)) if k < n_big else (1, (3, 6))
        for j in range(n_art):
            sents = []
            for _ in range(rnd.randint(*n_sent)):
                s = rnd.choice(_SENTENCES).format(place=rnd.choice(_PLACES), thing=rnd.choice(_THINGS),
                                                  person=rnd.choice(_PEOPLE), day=rnd.choice(_DAYS))
                sents.append(s)
            paras = [" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4)]
            title = (EVIL_TITLE if k == n_outlets - 1
                     else f"{rnd.choice(_PLACES)} {rnd.choice(_THINGS)}: report {j + 1}")
            rows.append({"id": f"o{k:02d}-a{j}", "outlet": outlet, "event": _EVENTS[(k + j) % len(_EVENTS)],
                         "title": title, "date": f"2026-03-{1 + (k + j) % 27:02d}", "text": "\n\n".join(paras)})
    return rows


@pytest.fixture(scope="session")
def scale_report(tmp_path_factory):
    """(out folder, CompareResult) of the 40-outlet fictional corpus with charts (n_boot=100, CSV tables)."""
    import framelens
    from framelens.compare import compare
    from framelens.compare.report import write_report

    docs = [framelens.Document(**r) for r in scale_rows()]
    result = compare(framelens.analyze(docs), n_boot=100)
    out = tmp_path_factory.mktemp("scale") / "report"
    write_report(result, out, formats=("csv",), charts=True)
    return out, result


@pytest.fixture(scope="session")
def scale_markup():
    """(outlet name, title) of the scale corpus that carry markup (to check they render as text)."""
    return EVIL_OUTLET, EVIL_TITLE
