"""Shadowed lexicon entries are reported (lexicon validate, analysis warnings); progress bars via tqdm."""

from __future__ import annotations

import logging

import pytest

from framelens.cli import EXIT_OK, main
from helpers import EXAMPLES, N_EXAMPLES


@pytest.fixture
def pack(tmp_path):
    # 'thug' is an entry of the shipped crime pack (loaded_term, forms thug/thugs); 'bananas' is nobody's
    path = tmp_path / "mine.csv"
    path.write_text("term,category\nthug,my_labels\nbananas,fruit\n", encoding="utf-8")
    return path


def test_validate_reports_shadowed_entry(pack, capsys):
    assert main(["lexicon", "validate", str(pack)]) == EXIT_OK
    cap = capsys.readouterr()
    assert "1 shadowed by shipped packs" in cap.out
    (line,) = [ln for ln in cap.err.splitlines() if "already in" in ln]
    assert f"{pack}:2: term 'thug' is already in shipped pack 'crime' (entry id thug" in line
    assert "will never match" in line and "--no-default-lexicons" in line
    assert "bananas" not in cap.err


def test_no_shadow_without_shipped_packs(pack, capsys):
    from framelens.lexicon import load_lexicon
    from framelens.text.matcher import find_shadowed

    assert find_shadowed([load_lexicon(pack)]) == []


def test_analysis_warns_once_per_shadowed_entry(pack, caplog):
    from framelens.lexicon import load_lexicons
    from framelens.text.matcher import Matcher

    lexicons = load_lexicons([str(pack)])
    with caplog.at_level(logging.WARNING, logger="framelens"):
        m = Matcher(lexicons)
    mine = [r.getMessage() for r in caplog.records if str(pack) in r.getMessage()]
    assert len(mine) == 1 and "term 'thug'" in mine[0]
    # which entry wins is unchanged: the shipped one
    (hit,) = [h for h in m.match("He called them a thug.") if h.entry.term == "thug"]
    assert hit.lexicon.name == "crime"


def test_analyze_cli_shows_the_warning(pack, tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("Officials called the man a thug. He ate bananas.", encoding="utf-8")
    assert main(["analyze", str(doc), "--lexicon", str(pack), "--out", str(tmp_path / "o")]) == EXIT_OK
    err = capsys.readouterr().err
    assert err.count("term 'thug' is already in shipped pack 'crime'") <= 1  # once per matcher build (cached)


def test_no_progress_when_stderr_is_not_a_tty(tmp_path, capsys):
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "o")]) == EXIT_OK
    err = capsys.readouterr().err
    assert err.splitlines() == [f"framelens: analysed {N_EXAMPLES} document(s), {_spans(tmp_path / 'o')} spans -> "
                                f"{tmp_path / 'o'}/"]


def _spans(out):
    import json

    return json.loads((out / "manifest.json").read_text())["counts"]["spans"]


def test_progress_bar_when_forced_on_and_off_with_quiet(tmp_path, capsys, monkeypatch):
    import framelens.cli._progress as P

    monkeypatch.setattr(P, "_is_tty", lambda stream: True)
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "o")]) == EXIT_OK
    err = capsys.readouterr().err
    assert f"{N_EXAMPLES}/{N_EXAMPLES}" in err and "doc" in err  # tqdm's bar with the total
    assert main(["-q", "analyze", str(EXAMPLES), "--out", str(tmp_path / "o2")]) == EXIT_OK
    assert f"{N_EXAMPLES}/{N_EXAMPLES}" not in capsys.readouterr().err


def test_progress_bar_is_tqdm(monkeypatch):
    import tqdm

    import framelens.cli._progress as P

    monkeypatch.setattr(P, "_is_tty", lambda stream: True)
    with P.progress_bar(None, total=3) as bar:
        assert isinstance(bar, tqdm.tqdm) and not bar.disable
    monkeypatch.setattr(P, "_is_tty", lambda stream: False)
    with P.progress_bar(None, total=3) as bar:
        assert bar.disable
