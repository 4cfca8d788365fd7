"""One run per output folder: a lock file inside ``--out``.

:func:`out_lock` takes an exclusive, non-blocking lock on ``OUT/.framelens.lock`` (``fcntl.flock``
where there is one, as pip and tox lock their caches); a second run on the same folder stops at
once with a :class:`~framelens.errors.FramelensError` whose code is ``in_use``, naming the pid that
holds it. The kernel drops a ``flock`` when its process dies, so a lock left by a killed run is
never in the way; where ``fcntl`` is missing (Windows), the file is created exclusively and holds
the pid, and a lock whose pid is no longer running is taken over. The lock file is removed when
the run ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Iterator

from ..errors import FramelensError, Reason

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_NAME", "OutputInUse", "out_lock"]

#: The lock file's name inside the output folder.
LOCK_NAME = ".framelens.lock"


class OutputInUse(FramelensError):
    """The output folder is being written by another framelens run (code ``in_use``)."""

    code = Reason.IN_USE


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _in_use(out: Path, path: Path) -> OutputInUse:
    return OutputInUse(f"{out}: in use by another framelens run{_holder(path)}; wait for it to finish or "
                       "choose another --out")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: running, owned by someone else
        return True
    return True


@contextlib.contextmanager
def _flock(out: Path, path: Path) -> Iterator[None]:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise _in_use(out, path) from None
            raise
        # the holder may have removed the file between our open and our lock: lock the file now at the path
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _pidfile(out: Path, path: Path) -> Iterator[None]:  # pragma: no cover - systems without fcntl
    for _ in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                pid = -1
            if pid > 0 and _pid_alive(pid):
                raise _in_use(out, path) from None
            path.unlink(missing_ok=True)  # stale: its run is gone
    else:
        raise _in_use(out, path)
    try:
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.close(fd)
        yield
    finally:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def out_lock(out: str | os.PathLike) -> Iterator[Path]:
    """Hold the lock of the output folder ``out`` (made if missing, removed again if the block leaves it
    empty) for the ``with`` block.

    Parameters
    ----------
    out : path-like
        The output folder (``--out``).

    Yields
    ------
    pathlib.Path
        The lock file (removed when the block ends).

    Raises
    ------
    OutputInUse
        Another running framelens holds the lock (code ``in_use``).
    OSError
        The folder cannot be made or written (permission, read-only, a file of that name).
    """
    out = Path(out)
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    try:
        with (_flock(out, path) if fcntl is not None else _pidfile(out, path)):
            yield path
    finally:
        if made:  # a run refused before writing anything leaves no empty folder behind
            with contextlib.suppress(OSError):
                out.rmdir()  # only if still empty
