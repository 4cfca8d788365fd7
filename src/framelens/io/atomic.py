"""Atomic file writes: a temporary file in the same folder, renamed into place when complete.

Every file framelens writes (tables, reports, manifests, fetch caches, partition
markers) goes through here, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

__all__ = ["atomic_open", "atomic_path", "atomic_write_bytes", "atomic_write_text", "default_mode", "AtomicFile"]


def _umask() -> int:
    """The process umask, read without changing it (Linux /proc); 022 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def default_mode(fd_or_path) -> None:
    """Give a file made by ``tempfile.mkstemp`` (mode 0600) the usual mode: 0666 minus the umask."""
    mode = 0o666 & ~_umask()
    if isinstance(fd_or_path, int):
        os.fchmod(fd_or_path, mode)
    else:
        os.chmod(fd_or_path, mode)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb") -> Iterator[IO]:
    """Open ``path`` for writing atomically: the file is written under a temporary name in the same folder
    and renamed over ``path`` when the ``with`` block ends without an exception (removed otherwise).

    A crash leaves the old file, no file, or a ``.NAME.*.tmp`` file; never a half-written ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    default_mode(fd)
    try:
        with os.fdopen(fd, mode) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path next to ``path`` for writers that want a file name (``savefig``, ``to_parquet``):
    renamed over ``path`` when the ``with`` block ends without an exception, removed otherwise.

    Parameters
    ----------
    path : path-like
        The final file.

    Yields
    ------
    pathlib.Path
        The temporary file to write (it exists, empty, with the usual mode); same suffix as ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{path.suffix}", dir=path.parent)
    default_mode(fd)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write a file atomically (see :func:`atomic_open`)."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write a UTF-8 text file atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))


class AtomicFile:
    """A text file (UTF-8, no newline translation) written under a temporary name: :meth:`commit` renames it
    into place, :meth:`abort` removes it. For writers that stream into a file across many calls."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        default_mode(fd)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def _discard(tmp: str | os.PathLike) -> None:
    """Remove a temporary file after a failed write (already gone: nothing to do)."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)
