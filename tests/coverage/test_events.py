"""Tests for framelens.events (event grouping) and `framelens events`.

All articles are fictional, written for these tests: three events, each reported by three
outlets in their own words, and a later, similar story that a date window must keep apart.
"""

from __future__ import annotations

import json
import math
import os

import pytest

from framelens import Document, read_corpus
from framelens.cli import main
from framelens.errors import ConfigError
from framelens.coverage.events import document_record, group_events, write_documents
from helpers import SHARED

ARTICLES = [
    # event "ferry": the night ferry returns (2025-04-01..03)
    ("ferry-gazette", "ferry", "2025-04-01", "Port Elling Gazette", "Night ferry to Dunmore Bay returns",
     "The night ferry between Port Elling and Dunmore Bay will sail again from Friday, the harbour board said, "
     "ending a two-year pause. The new boat, the Saltmarsh, carries 180 passengers. Cannery shift workers had "
     "asked for the late crossing for months."),
    ("ferry-courier", "ferry", "2025-04-02", "Dunmore Bay Courier", "Late ferry crossing is back",
     "Cannery workers in Dunmore Bay cheered the harbour board's decision to restart the night ferry to Port "
     "Elling. The Saltmarsh will make the late crossing four nights a week, the board said."),
    ("ferry-radio", "ferry", "2025-04-03", "Lakeshore Radio", "Harbour board brings back night sailings",
     "Night sailings return on Friday. The harbour board's ferry Saltmarsh replaces the retired Corran Light on "
     "the Port Elling to Dunmore Bay route, two years after the last night ferry."),
    # event "library": Sunday opening (2025-04-02..04)
    ("library-courier", "library", "2025-04-02", "Dunmore Bay Courier", "Library to open on Sundays",
     "The Dunmore Bay public library will open on Sunday afternoons from May, the town council decided after a "
     "petition signed by 1,240 residents. Librarian Zoe Marchetti welcomed the vote."),
    ("library-gazette", "library", "2025-04-03", "Port Elling Gazette", "Sunday hours for Dunmore Bay library",
     "Councillors voted to keep the Dunmore Bay library open on Sundays after residents petitioned the council. "
     "Librarian Zoe Marchetti said families would finally have time to visit together."),
    ("library-radio", "library", "2025-04-04", "Lakeshore Radio", "Council backs library petition",
     "A petition for Sunday library hours won the council's support. Marchetti, the librarian, said the Sunday "
     "afternoons would cost about 18,000 a year in staff time."),
    # event "water": rate rise (2025-04-01..02)
    ("water-wire", "water", "2025-04-01", "Lakeshore Wire", "County water rates to rise eight percent",
     "The county water board voted 5-2 to raise residential water rates by eight percent to replace lead "
     "service lines under the mill district. Chair Miriam Okafor said bills would rise about four dollars."),
    ("water-herald", "water", "2025-04-02", "Harlan Falls Herald", "Water bills going up to pay for lead pipes",
     "Harlan Falls homeowners will pay more for water after the board approved a rate rise to dig out lead "
     "pipes beneath the mill district. Okafor said the pipes will not replace themselves."),
    ("water-radio", "water", "2025-04-02", "Lakeshore Radio", "Lead pipe plan raises water rates",
     "Lead service lines in the mill district will be replaced with money from higher water rates, the water "
     "board decided. Households in energy assistance get a discount on the water rate."),
    # a later, similar ferry story: outside any sensible window of the first
    ("ferry-later", "ferry-2", "2025-05-20", "Port Elling Gazette", "Night ferry cancelled again",
     "The harbour board cancelled the night ferry between Port Elling and Dunmore Bay again after the Saltmarsh "
     "failed an engine inspection. Cannery workers must drive the long way round."),
]


def docs(given: dict[str, str] | None = None) -> list[Document]:
    given = given or {}
    return [Document(id=i, text=text, date=date, outlet=outlet, title=title, event=given.get(i))
            for i, _, date, outlet, title, text in ARTICLES]


TRUTH = {i: ev for i, ev, *_ in ARTICLES}


def partition(res) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for d in res.documents:
        groups.setdefault(d.event, set()).add(d.id)
    return {frozenset(g) for g in groups.values()}


def true_partition() -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for i, ev in TRUTH.items():
        groups.setdefault(ev, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_default_grouping_recovers_the_events():
    res = group_events(docs())
    assert partition(res) == true_partition()
    ev = {d.id: d.event for d in res.documents}
    # ids in order of first date, then input order: ferry and water start 2025-04-01, ferry comes first
    assert ev["ferry-gazette"] == "ev-0001"
    assert ev["water-wire"] == "ev-0002"
    assert ev["library-courier"] == "ev-0003"
    assert ev["ferry-later"] == "ev-0004"
    labels = {d.event: d.get("event_label") for d in res.documents}
    assert "ferry" in labels["ev-0001"].split(", ")
    assert "water" in labels["ev-0002"].split(", ")
    assert "library" in labels["ev-0003"].split(", ")
    assert len(labels["ev-0001"].split(", ")) == 4
    table = res.events.set_index("event")
    assert table.loc["ev-0001", "size"] == 3
    assert table.loc["ev-0001", "first_date"] == "2025-04-01" and table.loc["ev-0001", "last_date"] == "2025-04-03"
    assert table.loc["ev-0003", "outlets"] == "Dunmore Bay Courier; Lakeshore Radio; Port Elling Gazette"
    assert list(res.assignments["doc_id"]) == [a[0] for a in ARTICLES]  # input order kept


def test_window_keeps_a_later_similar_story_apart():
    res = group_events(docs(), window=math.inf)
    ev = {d.id: d.event for d in res.documents}
    assert ev["ferry-later"] == ev["ferry-gazette"]  # without a window the two ferry stories merge
    res = group_events(docs(), window=3)
    ev = {d.id: d.event for d in res.documents}
    assert ev["ferry-later"] != ev["ferry-gazette"]


def test_given_events_are_left_alone():
    given = {"water-wire": "rates-vote", "library-radio": "rates-vote"}  # a user's own (odd) grouping is kept
    res = group_events(docs(given))
    ev = {d.id: d.event for d in res.documents}
    assert ev["water-wire"] == ev["library-radio"] == "rates-vote"
    assert ev["water-herald"] == ev["water-radio"] != "rates-vote"
    assert ev["library-courier"] == ev["library-gazette"]
    assert res.assignments.set_index("doc_id").loc["water-wire", "given"]
    assert res.events.set_index("event").loc["rates-vote", "given"]
    # an auto id never collides with a given one
    d2 = docs({"ferry-later": "ev-0001"})
    res2 = group_events(d2)
    ids = [d.event for d in res2.documents]
    assert ids.count("ev-0001") == 1


def test_given_label_kept():
    d = [Document(id="a", text="x y z words here", event="e1", extra={"event_label": "my label"}),
         Document(id="b", text="other words entirely", event="e1")]
    res = group_events(d)
    assert [x.get("event_label") for x in res.documents] == ["my label", "my label"]


def test_high_threshold_splits_everything():
    res = group_events(docs(), threshold=0.99)
    assert len(res.events) == len(ARTICLES)
    assert res.events["size"].tolist() == [1] * len(ARTICLES)


def test_single_linkage_chains_more_than_average():
    # at a low threshold, single linkage joins through any one link; average linkage needs the mean
    single = group_events(docs(), threshold=0.05, linkage="single", window=math.inf)
    avg = group_events(docs(), threshold=0.05, linkage="average", window=math.inf)
    assert len(single.events) <= len(avg.events)


def test_bad_parameters():
    with pytest.raises(ConfigError, match="threshold"):
        group_events(docs(), threshold=0)
    with pytest.raises(ConfigError, match="window"):
        group_events(docs(), window=-1)
    with pytest.raises(ConfigError, match="linkage"):
        group_events(docs(), linkage="ward")


def test_no_dates_and_no_words():
    d = [Document(id="a", text="Ferry ferry harbour."), Document(id="b", text="Harbour ferry returns."),
         Document(id="c", text="12 34")]
    res = group_events(d)
    ev = {x.id: x.event for x in res.documents}
    assert ev["a"] == ev["b"] != ev["c"]
    assert group_events([]).events.empty


def test_write_documents_round_trip(tmp_path):
    res = group_events(docs())
    out = write_documents(res.documents, tmp_path / "e.jsonl")
    back = list(read_corpus(out))
    assert [b.id for b in back] == [a[0] for a in ARTICLES]
    assert [b.event for b in back] == [d.event for d in res.documents]
    assert back[0].get("event_label") == res.documents[0].get("event_label")
    assert document_record(back[0])["text"] == ARTICLES[0][5]


def test_cli_events(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": i, "text": t, "date": d, "outlet": o, "title": ti} for i, _, d, o, ti, t in ARTICLES]
    rows[0]["event"] = "ferry-return"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    table = tmp_path / "events.csv"
    assert main(["events", str(corpus), "--out", str(out), "--table", str(table)]) == 0
    back = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert back[0]["event"] == "ferry-return"
    assert all(r.get("event") and r.get("event_label") for r in back)
    err = capsys.readouterr().err
    assert "10 document(s) in 5 event(s)" in err
    assert table.read_text().startswith("event,event_label,size,first_date,last_date,outlets,given")
    assert main(["events", str(corpus), "--out", str(out), "--window", "none"]) == 0
    assert main(["events", str(corpus), "--out", str(out), "--window", "soon"]) == 2
    assert main(["events", str(corpus), "--out", str(out), "--threshold", "0"]) == 2


BASIL = SHARED / "datasets" / "basil" / "articles.csv"


@pytest.mark.skipif(not BASIL.is_file(), reason=f"BASIL not found at {BASIL} (../shared/datasets is not in a fresh clone)")
def test_basil_adjusted_rand_index():
    from sklearn.metrics import adjusted_rand_score

    d = list(read_corpus(os.fspath(BASIL), columns={"id": "article_uuid", "outlet": "source"}))
    res = group_events(d)
    ari = adjusted_rand_score([x.get("triplet_uuid") for x in d], [x.event for x in res.documents])
    assert ari >= 0.95  # 0.979 measured with the defaults (docs/validation_gathering.md)
