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
from .problems import DEFAULT_MAX_PROBLEMS, ProblemLog

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

    Output paths are recorded relative to ``base`` (the output folder) when given. ``problems`` (a
    :class:`~framelens.io.problems.ProblemLog`, or any list of problems) are listed under ``skipped`` up to
    the log's cap (1,000 by default); when there are any, ``skipped_by_reason`` counts every one per reason
    code and ``skipped_total`` is their number, so a run with millions of bad lines keeps a small manifest.
    """
    if not isinstance(problems, ProblemLog):
        problems = ProblemLog(DEFAULT_MAX_PROBLEMS, (_as_problem(p) for p in problems))
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
    manifest = {
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
    if problems.total:
        manifest["skipped_total"] = problems.total
        manifest["skipped_by_reason"] = dict(sorted(problems.counts.items()))
    return manifest


def _as_problem(p: Any) -> Any:
    """A problem given as a dict becomes a :class:`~framelens.io.problems.Problem` (counted by its code)."""
    from .problems import Problem

    if isinstance(p, dict):
        return Problem(str(p.get("origin", "")), str(p.get("reason", "")), str(p.get("error", "")),
                       str(p.get("code", "") or ""))
    return p


def write_manifest(path: str | Path, manifest: dict[str, Any]) -> Path:
    path = Path(path)
    atomic_write_text(path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return path
