"""Run manifests: what a reviewer needs to reproduce a run's numbers."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import platform
import sys
from pathlib import Path
from typing import Any, Iterable

from .._version import __version__
from .atomic import atomic_write_text

__all__ = ["build_manifest", "write_manifest", "file_sha256"]


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def build_manifest(
    *,
    command: str,
    parameters: dict[str, Any],
    inputs: Iterable[dict[str, Any]],
    resources: Iterable[dict[str, Any]],
    problems: Iterable[Any],
    counts: dict[str, Any],
    outputs: Iterable[str | Path] = (),
    argv: list[str] | None = None,
    base: str | Path | None = None,
) -> dict[str, Any]:
    """A JSON-ready manifest (framelens version, parameters, lexicons, inputs and outputs with hashes).

    Output paths are recorded relative to ``base`` (the output folder) when given.
    """
    outs = []
    for p in outputs:
        p = Path(p)
        if p.is_file():
            rel = p.name
            if base is not None:
                try:
                    rel = p.resolve().relative_to(Path(base).resolve()).as_posix()
                except ValueError:
                    rel = str(p)
            outs.append({"path": rel, "bytes": p.stat().st_size, "sha256": file_sha256(p)})
    return {
        "framelens_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "argv": argv,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "parameters": parameters,
        "lexicons": list(resources),
        "inputs": list(inputs),
        "counts": counts,
        "skipped": [p.to_dict() if hasattr(p, "to_dict") else dict(p) for p in problems],
        "outputs": outs,
    }


def write_manifest(path: str | Path, manifest: dict[str, Any]) -> Path:
    path = Path(path)
    atomic_write_text(path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return path
