"""framelens lexicon list | show | validate | explain."""

from __future__ import annotations

from framelens.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main


def test_list(capsys):
    assert main(["lexicon", "list"]) == EXIT_OK
    out = capsys.readouterr().out
    for name in ("immigration", "crime", "political", "evaluative", "hedges", "boosters", "report_verbs"):
        assert name in out


def test_show_pack_and_entry(capsys):
    assert main(["lexicon", "show", "immigration"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "immigration@" in out and "sources:" in out and "illegal_alien" in out
    assert main(["lexicon", "show", "immigration", "--entry", "illegal_alien"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "severity: 3" in out and "group: unauthorized_immigrants" in out and "source [" in out
    assert main(["lexicon", "show", "immigration", "--entry", "nope"]) == EXIT_USAGE
    assert main(["lexicon", "show", "no_such_pack"]) == EXIT_FAILED


def test_validate(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("term,category\nborder jumper,person_label\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category,severity\nfoo,x,9\n", encoding="utf-8")
    assert main(["lexicon", "validate", str(good)]) == EXIT_OK
    assert main(["lexicon", "validate", str(good), str(bad)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{bad}:2: severity: 9; allowed: an integer 0-3" in err


def test_explain(capsys):
    assert main(["lexicon", "explain", "Officials slammed the criminal illegal aliens. The term 'illegal alien' is old."]) == EXIT_OK
    out = capsys.readouterr().out
    assert "'criminal illegal aliens'" in out and "stacked" in out
    assert "use: mention" in out
    assert "stance: evaluative" in out
    assert main(["lexicon", "explain", "Nothing loaded here at all."]) == EXIT_OK
