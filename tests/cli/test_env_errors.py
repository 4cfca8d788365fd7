"""Environment errors (issue 20, part 7): an --out that cannot be written, a full disk, a read-only file
system and a second run on the same --out each end with exit 4 and one line, never "internal error".

Permission and disk errors are simulated (tests may run as root, and no test fills a disk): the
function that creates every output file raises the OSError the kernel would.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time

import numpy as np
import pytest

from framelens.cli import main
from framelens.io.atomic import atomic_path
from framelens.io.lock import LOCK_NAME, OutputInUse, out_lock
from helpers import ARTICLE, TOY_X, TOY_Y


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    from framelens.classify.persist import TrainedModel, save_model
    from framelens.classify.pipeline import make_pipeline

    m = make_pipeline(C=1.0, keyness=False).fit(np.asarray(TOY_X, dtype=object), TOY_Y)
    return save_model(TrainedModel(m, ["biased", "neutral"]), tmp_path_factory.mktemp("m") / "m.flmodel")


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("framelens: error: ") and "internal error" not in err and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("command", ["analyze", "predict"])
def test_out_naming_a_file(tmp_path, article, model, capsys, command):
    out = tmp_path / "results"
    out.write_text("not a folder", encoding="utf-8")
    argv = ["analyze", str(article)] if command == "analyze" else ["predict", str(model), str(article)]
    rc = main(argv + ["--out", str(out)])
    line = _one_error_line(capsys.readouterr().err)
    assert rc == 4 and str(out) in line and "not a folder" in line


@pytest.mark.parametrize("code,words", [
    (errno.ENOSPC, "no space left on device"),
    (errno.EROFS, "read-only file system"),
    (errno.EACCES, "permission denied"),
    (errno.EDQUOT, "disk quota exceeded"),
])
def test_an_output_that_cannot_be_written(tmp_path, article, capsys, monkeypatch, code, words):
    def refuse(*args, dir=None, **kwargs):
        raise OSError(code, os.strerror(code), str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # every output file framelens writes starts here
    rc = main(["analyze", str(article), "--out", str(tmp_path / "o")])
    line = _one_error_line(capsys.readouterr().err)
    assert rc == 4 and line.endswith(f": {words}") and str(tmp_path / "o") in line


def test_disk_full_in_the_middle_of_a_model_file(tmp_path, capsys, monkeypatch):
    from framelens.io import atomic

    real = atomic.os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode="r", **k: Full(real(fd, mode, **k)))
    data = tmp_path / "coded.csv"
    data.write_text("text,label\n" + "".join(f'"{x}",{y}\n' for x, y in zip(TOY_X, TOY_Y)), encoding="utf-8")
    rc = main(["train", str(data), "--folds", "0", "--C", "1", "--out", str(tmp_path / "m.flmodel")])
    line = _one_error_line(capsys.readouterr().err)
    assert rc == 4 and "no space left on device" in line
    assert not list(tmp_path.glob("*.flmodel")) and not list(tmp_path.glob(".m.flmodel*"))  # nothing half-written


def test_the_lock_says_in_use_and_is_released(tmp_path):
    out = tmp_path / "o"
    with out_lock(out) as lock:
        assert lock == out / LOCK_NAME and lock.read_text().strip() == str(os.getpid())
        with pytest.raises(OutputInUse, match=f"in use by another framelens run \\(pid {os.getpid()}\\)") as e:
            with out_lock(out):
                pass
        assert e.value.code == "in_use"
    assert not lock.exists()
    with out_lock(out):  # free again
        pass


def test_a_lock_left_by_a_dead_run_is_taken_over(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / LOCK_NAME).write_text("999999999\n", encoding="ascii")  # no such process; no flock held
    with out_lock(out) as lock:
        assert lock.read_text().strip() == str(os.getpid())


def test_a_second_run_on_the_same_out_says_in_use(tmp_path, article, model, capsys):
    out = tmp_path / "o"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom framelens.io.lock import out_lock\n"
                               "with out_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(60)\n",
         str(out)], stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert holder.stdout.readline().strip() == "held"
        rc = main(["predict", str(model), str(article), "--out", str(out)])
        line = _one_error_line(capsys.readouterr().err)
        assert rc == 4 and f"in use by another framelens run (pid {holder.pid})" in line
        assert not (out / "documents.jsonl").exists()
        holder.send_signal(signal.SIGKILL)  # killed: its lock goes with it
        holder.wait(10)
        t0 = time.monotonic()
        assert main(["predict", str(model), str(article), "--out", str(out)]) == 0
        assert time.monotonic() - t0 < 60
        assert (out / "documents.jsonl").exists() and not (out / LOCK_NAME).exists()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)


def test_atomic_path_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "chart.png"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half a png")
            raise RuntimeError("drawing failed")
    assert list(tmp_path.iterdir()) == []
    with atomic_path(target) as tmp:
        assert tmp.suffix == ".png" and tmp.parent == tmp_path
        tmp.write_bytes(b"png")
    assert target.read_bytes() == b"png" and list(tmp_path.iterdir()) == [target]


def test_help_documents_the_environment_errors(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for words in ("permission denied", "read-only file system", "no space left on device",
                  "exists and is not a folder", "in use by another framelens run", "--no-csv-protection"):
        assert words in out
