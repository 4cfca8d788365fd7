"""Every command x the commonest input mistakes: exit code 4 and ONE error line naming the file and saying what to do.

Mistakes: a wrong column name, a missing file, a Windows-1252 CSV (0x92 apostrophe, no --encoding), empty input.
Usage errors found before any input is read (bad option values) stay exit 2.
"""

from __future__ import annotations

import json
import os

import pytest

from framelens.cli import EXIT_FAILED, EXIT_PARTIAL, EXIT_USAGE, main

HEADER = "id,text,outlet,event,label,coder_a,coder_b,url\n"
ROWS = [
    "a1,The mayor said the plan would help families.,wire,e1,economy,a,a,https://example.org/1\n",
    "a2,Critics slammed the reckless scheme.,tabloid,e1,politics,b,b,https://example.org/2\n",
]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.csv").write_text(HEADER + "".join(ROWS), encoding="utf-8")
    # Windows-1252: 0x92 is the typographic apostrophe, invalid as UTF-8; on line 2
    (d / "cp1252.csv").write_bytes((HEADER + "a1,The mayor\x92s plan was slammed.,wire,e1,economy,a,a,"
                                    "https://example.org/1\n").encode("latin-1"))
    (d / "empty.csv").write_bytes(b"")
    train = d / "train.csv"
    train.write_text(HEADER + "".join(ROWS * 4), encoding="utf-8")
    model = d / "m.flmodel"
    assert main(["train", str(train), "--label-col", "label", "--folds", "0", "--C", "1", "--out", str(model)]) == 0
    return d


# (command, argv builder, wrong-column option): {IN} is the input file, {OUT} an output path, {MODEL} a model
COMMANDS = {
    "analyze": (["analyze", "{IN}", "--out", "{OUT}"], ["--text-col", "nope"]),
    "compare": (["compare", "{IN}", "--out", "{OUT}", "--no-charts", "--n-boot", "10"], ["--text-col", "nope"]),
    "align": (["align", "{IN}", "--out", "{OUT}", "--all-events"], ["--text-col", "nope"]),
    "train": (["train", "{IN}", "--label-col", "label", "--folds", "0", "--C", "1", "--out", "{OUT}"],
              ["--label-col", "nope"]),
    "predict": (["predict", "{MODEL}", "{IN}", "--out", "{OUT}"], ["--text-col", "nope"]),
    "evaluate": (["evaluate", "{MODEL}", "{IN}", "--label-col", "label"], ["--label-col", "nope"]),
    "agreement": (["agreement", "{IN}", "--coders", "coder_a,coder_b"], ["--coders", "coder_a,nope"]),
    "events": (["events", "{IN}", "--out", "{OUT}"], ["--text-col", "nope"]),
    "dedupe": (["dedupe", "{IN}", "--out", "{OUT}"], ["--text-col", "nope"]),
    "lexicon suggest": (["lexicon", "suggest", "{IN}", "--out", "{OUT}"], ["--text-col", "nope"]),
    "fetch": (["fetch", "{IN}", "--offline", "--out", "{OUT}"], ["--url-col", "nope"]),
}


def _argv(cmd, path, tmp_path, files, extra=()):
    base, _ = COMMANDS[cmd]
    subst = {"{IN}": str(path), "{OUT}": str(tmp_path / "out"), "{MODEL}": str(files / "m.flmodel")}
    return [subst.get(a, a) for a in base] + list(extra)


def _one_error_line(capsys, rc, must_name):
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert rc == EXIT_FAILED, err
    assert "Traceback" not in err
    assert len(lines) == 1, err
    assert lines[0].startswith("framelens: error: ") and must_name in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_wrong_column(cmd, files, tmp_path, capsys):
    option, value = COMMANDS[cmd][1]
    argv = _argv(cmd, files / "good.csv", tmp_path, files)
    if option in argv:  # replace the command's own value of that option
        argv[argv.index(option) + 1] = value
    else:
        argv += [option, value]
    line = _one_error_line(capsys, main(argv), "good.csv")
    assert "'nope'" in line and "columns are: id, text, outlet" in line


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_missing_file(cmd, files, tmp_path, capsys):
    line = _one_error_line(capsys, main(_argv(cmd, tmp_path / "absent.csv", tmp_path, files)), "absent.csv")
    assert "no such file" in line and "check the path" in line


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_windows_1252(cmd, files, tmp_path, capsys):
    line = _one_error_line(capsys, main(_argv(cmd, files / "cp1252.csv", tmp_path, files)), "cp1252.csv:2:")
    assert "byte 0x92" in line and "save the file as UTF-8" in line


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_empty_input(cmd, files, tmp_path, capsys):
    line = _one_error_line(capsys, main(_argv(cmd, files / "empty.csv", tmp_path, files)), "empty.csv")
    assert "the file is empty" in line


@pytest.mark.parametrize("cmd", ["train", "evaluate", "agreement"])
def test_header_without_rows(cmd, files, tmp_path, capsys):
    path = tmp_path / "header.csv"
    path.write_text(HEADER, encoding="utf-8")
    line = _one_error_line(capsys, main(_argv(cmd, path, tmp_path, files)), "header.csv")
    assert "no rows" in line


def test_compare_names_every_failed_input(files, tmp_path, capsys):
    rc = main(["compare", str(files / "cp1252.csv"), str(tmp_path / "absent.csv"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == EXIT_FAILED and "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 2 and all(ln.startswith("framelens: error: ") for ln in lines)


def test_usage_error_before_input(tmp_path, capsys):
    """A bad option value is a usage error (2) even when the input is also missing: it is found first."""
    assert main(["compare", str(tmp_path / "absent.csv"), "--format", "xml"]) == EXIT_USAGE
    assert main(["analyze", str(tmp_path / "absent.csv"), "--format", "xml"]) == EXIT_USAGE
    assert "allowed formats" in capsys.readouterr().err


@pytest.mark.parametrize("name, data", [("absent.csv", None), ("cp1252.csv", b"term,category\nmayor\x92s,x\n"),
                                        ("empty.csv", b"")])
def test_lexicon_validate_names_the_file(name, data, tmp_path, capsys):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    assert main(["lexicon", "validate", str(path)]) == EXIT_FAILED
    cap = capsys.readouterr()
    assert f"{name}:" in cap.out + cap.err and "Traceback" not in cap.err


# -- issue 20: bad data is a bad document, huge or special input is refused with its reason ----------------------

def _bad_corpus(tmp_path):
    good = [json.dumps({"id": f"g{i}", "outlet": "Wire", "text": f"The mayor said plan {i} would pass."})
            for i in range(3)]
    lines = [good[0], '{"id": "sur", "outlet": "Wire \\ud800", "text": "A lone surrogate in the outlet."}',
             good[1], '{"id": "deep", "text": "Deep.", "x": ' + "[" * 2000 + "]" * 2000 + "}", good[2]]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_surrogate_and_deep_lines_are_listed_and_the_run_exits_3(tmp_path, capsys):
    path = _bad_corpus(tmp_path)
    out = tmp_path / "out"
    rc = main(["analyze", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == EXIT_PARTIAL and "Traceback" not in err
    assert f"{path}:2: field 'outlet' holds a lone surrogate" in err
    assert f"{path}:4: arrays/objects nested too deep" in err
    docs = [json.loads(ln)["id"] for ln in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert docs == ["g0", "g1", "g2"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {(p["origin"], p["code"]) for p in manifest["skipped"]} == {(f"{path}:2", "surrogate"),
                                                                       (f"{path}:4", "too_deep")}


def test_max_doc_size_option(tmp_path, capsys):
    path = tmp_path / "sizes.jsonl"
    path.write_text(json.dumps({"id": "small", "text": "The mayor said so."}) + "\n"
                    + json.dumps({"id": "big", "text": "The mayor said so. " * 100}) + "\n", encoding="utf-8")
    rc = main(["analyze", str(path), "--out", str(tmp_path / "o"), "--max-doc-size", "1kB"])
    err = capsys.readouterr().err
    assert rc == EXIT_PARTIAL and f"{path}:2: document of at least 1.9 kB, larger than the limit of 1 kB" in err
    assert main(["analyze", str(path), "--out", str(tmp_path / "o2"), "--max-doc-size", "5 parsecs"]) == EXIT_USAGE
    assert "--max-doc-size" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_refused_naming_it(tmp_path, capsys):
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    line = _one_error_line(capsys, main(["analyze", str(link), "--out", str(tmp_path / "o")]), "zero.jsonl")
    assert "character device (a link to /dev/zero)" in line


def test_endless_stdin_is_capped_and_named(tmp_path, capsys, monkeypatch):
    import io
    import sys

    # 2 MB of text: more than --max-doc-size plus the 1 MB allowed for metadata
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 400_000)))
    line = _one_error_line(capsys, main(["analyze", "-", "--out", str(tmp_path / "o"), "--max-doc-size", "100kB"]),
                           "<stdin>")
    assert "the text on stdin is larger than" in line and "no such file" not in line
