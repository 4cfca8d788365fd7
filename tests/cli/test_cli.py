"""The command line: analyze, demo, exit codes, manifest, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from framelens.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from helpers import EXAMPLES, SEED_DIR, make_bad_folder, read_jsonl, shared_path, write


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("framelens ")
    assert main(["analyze", "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "framelens analyze" in out


def test_usage_errors(tmp_path, capsys):
    assert main(["analyze"]) == EXIT_USAGE
    assert main(["nonsense"]) == EXIT_USAGE
    assert main(["analyze", str(tmp_path), "--format", "xml"]) == EXIT_USAGE
    assert "allowed formats" in capsys.readouterr().err
    assert main([]) == EXIT_USAGE


def test_analyze_seed(tmp_path):
    shared_path("corpus", "seed")
    out = tmp_path / "out"
    assert main(["analyze", str(SEED_DIR), "--out", str(out), "--format", "jsonl,csv,parquet"]) == EXIT_OK
    from framelens.io.tables import nested_records

    (rec,) = nested_records(out)  # the record with its spans (joined from spans.jsonl)
    assert rec["id"] == "000_740952d0cea5c6fa" and rec["date"] == "2024-07-25"
    assert rec["words"] > 600 and rec["sentences"] == 22
    text = (SEED_DIR / "000_740952d0cea5c6fa.txt").read_text(encoding="utf-8")[17:]
    for sp in rec["spans"]:
        assert text[sp["start"]:sp["end"]] == sp["text"]
    kinds = {sp["kind"] for sp in rec["spans"]}
    assert {"sentence", "quote", "loaded_term"} <= kinds
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 1 and manifest["skipped"] == []
    assert manifest["inputs"][0]["sha256"] and manifest["lexicons"]
    assert {o["path"] for o in manifest["outputs"]} >= {"documents.jsonl", "spans.jsonl", "spans.csv", "documents.csv",
                                                       "spans.parquet", "documents.parquet"}
    import pandas as pd

    spans = pd.read_parquet(out / "spans.parquet")
    assert len(spans) == len(rec["spans"])
    docs = pd.read_csv(out / "documents.csv")
    assert docs.loc[0, "words"] == rec["words"]


def test_mixed_folder_exit_code_and_listing(tmp_path, capsys):
    root = make_bad_folder(tmp_path / "mixed")
    out = tmp_path / "out"
    code = main(["analyze", str(root), "--out", str(out)])
    assert code == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert "skipped 5 input(s)/document(s)" in err
    for name in ("binary.txt:1", "empty.txt:1", "latin1.txt:1", "notes.docx", "rows.jsonl:2"):
        assert name in err
    assert len(read_jsonl(out / "documents.jsonl")) == 4
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["skipped"]) == 5 and manifest["counts"]["documents"] == 4
    assert all(s["reason"] for s in manifest["skipped"])


def test_errors_raise_and_nothing_analysed(tmp_path, capsys):
    root = make_bad_folder(tmp_path / "mixed")
    assert main(["analyze", str(root), "--out", str(tmp_path / "o"), "--errors", "raise"]) == EXIT_FAILED
    assert "framelens: error:" in capsys.readouterr().err
    only_bad = tmp_path / "bad"
    write(only_bad / "empty.txt", "")
    assert main(["analyze", str(only_bad), "--out", str(tmp_path / "o2")]) == EXIT_FAILED


def test_demo_writes_reports(demo_report):
    code, out = demo_report
    assert code == EXIT_OK
    assert (out / "manifest.json").is_file()
    assert len(list(EXAMPLES.glob("*.md"))) >= 5


def test_console_script_and_stdin(tmp_path):
    """A real process of the installed ``framelens`` script (``python -m framelens`` is run as a process by
    tests/runtime/test_resume.py); the other command-line tests call framelens.cli.main in this process."""
    script = Path(sys.executable).with_name("framelens")
    exe = [str(script)] if script.is_file() else [sys.executable, "-m", "framelens"]
    r = subprocess.run(exe + ["analyze", "-", "--out", str(tmp_path / "s")], input="Officials said it was fine.".encode(),
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    (rec,) = read_jsonl(tmp_path / "s" / "documents.jsonl")
    assert rec["id"] == "stdin" and rec["words"] == 5


def test_analyze_chosen_extractors(tmp_path, capsys):
    """--extractors runs only the extractors named and those they need; the manifest records the choice, and an
    unknown name is a usage error that names the option and lists the available extractors."""
    doc = write(tmp_path / "a.txt", "Mayor Ada Quist said the levy was a disaster. Critics may disagree.\n")
    out = tmp_path / "o"
    assert main(["analyze", str(doc), "--out", str(out), "--extractors", "hedges"]) == EXIT_OK
    kinds = {row["kind"] for row in read_jsonl(out / "spans.jsonl")}
    assert "hedge" in kinds and "sentence" in kinds  # (structure always runs)
    assert not kinds & {"attribution", "attitude", "loaded_term", "frame_cue", "report_verb"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["extractors"] == ["hedges"]
    # attribution brings the extractors it reads
    out2 = tmp_path / "o2"
    assert main(["analyze", str(doc), "--out", str(out2), "--extractors", "attribution"]) == EXIT_OK
    rows = read_jsonl(out2 / "spans.jsonl")
    assert {"attribution", "report_verb"} <= {row["kind"] for row in rows}
    assert [row["source"] for row in rows if row["kind"] == "attribution"] == ["Ada Quist"]
    capsys.readouterr()
    assert main(["analyze", str(doc), "--out", str(tmp_path / "o3"), "--extractors", "loaded_terms,sourcing"]) \
        == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--extractors" in err and "'sourcing'" in err and "attribution" in err
    assert not (tmp_path / "o3" / "spans.jsonl").exists()
