"""Source identity across documents and the per-source table, on a fictional corpus written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens.coverage.identity import identify_sources, load_source_aliases, source_key
from framelens.coverage.sources import source_table
from framelens.errors import ConfigError, InputError, Reason
from framelens.model import Document
from framelens.runtime.pipeline import analyze

EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs", "attribution"]

#: (id, outlet, text): every article fictional.
ARTICLES = [
    ("a1", "Harbor Wire", "Donald Trump said the tariff would stay. Trump said talks would go on."),
    ("a2", "Valley Post", "A Trump administration official said the tariff was final. The official said "
                          "nothing would change."),
    ("a3", "Harbor Wire", "Sen. Ted Cruz said the relief bill cost too much."),
    ("a4", "Valley Post", "Mayor Carmen Yulín Cruz said the island could not wait."),
    ("a5", "Lake Courier", "Carmen Yulin Cruz said the generators had not arrived."),
    ("a6", "Lake Courier", "Cruz said the vote would be close."),
    ("a7", "Harbor Wire", "One longtime Clinton adviser said the memo was old. Critics said the memo was late."),
    ("a8", "Valley Post", "Hillary Clinton said she had not seen the memo."),
]


@pytest.fixture(scope="module")
def corpus():
    docs = [Document(id=i, text=t, outlet=o) for i, o, t in ARTICLES]
    return analyze(docs, extractors=EXTRACTORS)


@pytest.fixture(scope="module")
def attributions(corpus):
    sp = corpus.spans
    return sp[sp["kind"] == "attribution"]


def _keys_of(attributions, doc_id, ident=None):
    ident = identify_sources(attributions) if ident is None else ident
    rows = attributions["doc_id"] == doc_id
    return set(ident.loc[rows[rows].index, "source_key"].dropna())


def test_named_person_and_modifier_official_stay_two(attributions):
    ident = identify_sources(attributions)
    trump = _keys_of(attributions, "a1", ident)
    official = _keys_of(attributions, "a2", ident)
    assert trump == {"donald trump"}
    assert official and not (official & trump)
    assert all(k.startswith("~") for k in official)  # unnamed: never equal to a name's key


def test_senator_and_mayor_named_cruz_stay_two_and_accents_merge(attributions):
    ident = identify_sources(attributions)
    assert _keys_of(attributions, "a3", ident) == {"ted cruz"}
    assert _keys_of(attributions, "a4", ident) == _keys_of(attributions, "a5", ident) == {"carmen yulin cruz"}
    # a bare surname is never merged with a full name of another document
    assert _keys_of(attributions, "a6", ident) == {"cruz"}


def test_display_only_spellings_of_the_group(attributions):
    ident = identify_sources(attributions)
    for key, part in ident.dropna(subset=["source_key"]).groupby("source_key"):
        spellings = set(attributions.loc[part.index, "source"])
        assert set(part["source_name"]) <= spellings, key
    carmen = ident[ident["source_key"] == "carmen yulin cruz"]["source_name"]
    assert set(carmen) <= {"Carmen Yulín Cruz", "Carmen Yulin Cruz"}


def test_vague_anonymous_and_modifier_names_never_merge_with_people(attributions):
    ident = identify_sources(attributions)
    a7 = attributions["doc_id"] == "a7"
    assert "hillary clinton" not in set(ident.loc[a7[a7].index, "source_key"].dropna())
    critics = attributions["source"] == "Critics"
    assert critics.any() and ident.loc[critics[critics].index, "source_key"].isna().all()


def test_alias_table_merges_what_it_says_and_nothing_else(attributions, tmp_path):
    plain = identify_sources(attributions)
    aliased = identify_sources(attributions, {"Cruz": "Ted Cruz"})
    assert _keys_of(attributions, "a6", aliased) == {"ted cruz"}
    changed = plain["source_key"].fillna("") != aliased["source_key"].fillna("")
    assert set(attributions.loc[changed[changed].index, "doc_id"]) == {"a6"}
    # Carmen Yulín Cruz is untouched; the group is shown under a spelling it holds
    assert _keys_of(attributions, "a4", aliased) == {"carmen yulin cruz"}
    assert set(aliased[aliased["source_key"] == "ted cruz"]["source_name"]) == {"Ted Cruz"}
    # the same table from a CSV file
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\n# a comment\nCruz,Ted Cruz\n", encoding="utf-8")
    from_file = identify_sources(attributions, str(path))
    assert from_file["source_key"].fillna("").tolist() == aliased["source_key"].fillna("").tolist()


@pytest.mark.parametrize("spec, expected", [
    ({"Donald J. Trump": "Donald Trump"}, {"donald j trump": "donald trump"}),
    ({"Mr. Trump": "Trump"}, {}),                                  # the same key: nothing to map
    ({"a": "b", "b": "c"}, {"a": "c", "b": "c"}),                  # chains followed
    (None, {}),
])
def test_load_source_aliases(spec, expected):
    assert load_source_aliases(spec) == expected


@pytest.mark.parametrize("spec", [{"a": "b", "b": "a"}, {"!!": "Ted Cruz"}, 42])
def test_bad_alias_tables(spec):
    with pytest.raises(ConfigError) as exc:
        load_source_aliases(spec)
    assert exc.value.code == Reason.CONFIG


def test_bad_alias_files(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("alias,canonical\nonly one column\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_source_aliases(bad)
    with pytest.raises(InputError):
        load_source_aliases(tmp_path / "missing.csv")


@pytest.mark.parametrize("source, stype, named, expected", [
    ("Sen. Ted Cruz", "official", True, "ted cruz"),
    ("Trump administration official", "official", False, "~trump administration official"),
    ("critics", "vague", False, None),
    ("a source", "anonymous", False, None),
    ("he", "pronoun", False, None),
    (None, "person", True, None),
    ("General Motors", "organization", True, "general motors"),  # organisations keep title-like words
])
def test_source_key(source, stype, named, expected):
    assert source_key(source, stype, named) == expected


def test_source_table_groups_by_identity(corpus):
    table = source_table(corpus.spans, outlets=corpus.documents)
    rows = {r.source: r for r in table.itertuples(index=False)}
    assert rows["Donald Trump"].count == 2 and rows["Donald Trump"].documents == 1
    assert "Trump administration official" in rows
    carmen = [r for s, r in rows.items() if s.startswith("Carmen")]
    assert len(carmen) == 1 and carmen[0].documents == 2
    assert rows["Ted Cruz"].documents == 1 and rows["Cruz"].documents == 1
    aliased = source_table(corpus.spans, source_aliases={"Cruz": "Ted Cruz"})
    assert "Cruz" not in set(aliased["source"])
    assert aliased.set_index("source").loc["Ted Cruz", "documents"] == 2


def test_identify_sources_without_optional_columns():
    df = pd.DataFrame({"source": ["Ana Ruiz", "ana ruiz", "Critics"]})
    ident = identify_sources(df)
    assert ident["source_key"].tolist()[:2] == ["ana ruiz", "ana ruiz"]
    assert ident["source_name"].iloc[0] in ("Ana Ruiz", "ana ruiz")


def test_spans_carry_source_id(corpus):
    at = corpus.spans[corpus.spans["kind"] == "attribution"]
    assert "source_id" in at.columns
    assert set(at.loc[at["doc_id"] == "a4", "source_id"].dropna()) == {"carmen yulin cruz"}
    assert at.loc[at["doc_id"] == "a2", "source_id"].isna().all()  # 'A Trump administration official'


def test_compare_source_tables_use_identity(corpus):
    from framelens.compare import compare

    res = compare(corpus, by="outlet", n_boot=100, align_facts=False)
    names = set(res.sources["source"])
    assert {"Donald Trump", "Ted Cruz", "Cruz", "Trump administration official"} <= names
    # one person (merged on the whole normalised name), shown in each outlet's table as that outlet spells it
    carmen = res.sources[res.sources["source"].str.contains("Yul")].set_index("group")["source"]
    assert carmen.to_dict() == {"Valley Post": "Carmen Yulín Cruz", "Lake Courier": "Carmen Yulin Cruz"}
    assert set(res.source_verbs["source"]) <= names
    aliased = compare(corpus, by="outlet", n_boot=100, align_facts=False, source_aliases={"Cruz": "Ted Cruz"})
    assert "Cruz" not in set(aliased.sources["source"])
    assert aliased.sources.loc[aliased.sources["source"] == "Ted Cruz", "count"].sum() == 2

