"""A derived cache of interpreter descriptions (``<store>/cache/env/``), so a run of an
interpreter already described costs no probe.

An entry is valid while the interpreter file and every ``sys.path`` folder it searched
keep their mtimes (installing or removing a distribution changes its folder's mtime).
Launchers (``uv run``, ``poetry run``, ...) may change the environment as they start: they
are never cached. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from exptrack.fsutil import make_dirs, read_bounded, write_atomic

CACHE_FORMAT = 1
MAX_CACHE_BYTES = 8 * 1024 * 1024  # a bigger cached description is ignored and rebuilt
# Variables that change what an interpreter sees on sys.path.
_KEY_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "PYTHONUSERBASE", "HOME",
                  "PYTHONSAFEPATH")


def cache_key(argv: Sequence[str], env: Mapping[str, str]) -> str:
    material = json.dumps([CACHE_FORMAT, list(argv), [env.get(v) for v in _KEY_VARIABLES]])
    return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def load(folder: Path, key: str) -> dict[str, Any] | None:
    """The cached description, or None when absent, unreadable or stale."""
    try:
        raw = read_bounded(folder / f"{key}.json", MAX_CACHE_BYTES)  # never read whole
        if raw is None:
            return None
        info = json.loads(raw)
    except (OSError, ValueError):
        return None
    stamps = info.get("stamps") if isinstance(info, dict) else None
    if not isinstance(stamps, list) or not stamps:
        return None
    for entry in stamps:
        if not isinstance(entry, list) or len(entry) != 2 or _mtime(str(entry[0])) != entry[1]:
            return None
    described: dict[str, Any] = info
    return described


def save(folder: Path, key: str, info: Mapping[str, Any]) -> None:
    """Store a description; failing to is harmless (the next run probes again)."""
    try:
        make_dirs(folder, 0o700)  # exactly: never world-writable, whatever the umask
        write_atomic(folder / f"{key}.json", json.dumps(info).encode("utf-8"))
    except OSError:
        pass
