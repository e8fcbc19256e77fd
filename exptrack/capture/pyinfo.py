"""Which Python a command runs, and what that interpreter has installed.

``resolve_python`` looks at the command line the way the shell and the kernel would (the
command's ``PATH``, launchers such as ``uv run`` and ``poetry run``, a script's ``#!``
line) and returns the argv that starts *that* interpreter. ``INTROSPECT_SCRIPT`` runs in
it (``python -c``) and prints one JSON object: version, executable, environment, and every
installed distribution with its version (found the way ``importlib.metadata`` finds
them).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_PYTHON_NAME = re.compile(r"^(python|pypy)(\d+(\.\d+)*)?[a-z]?$")
_LAUNCHERS = {"uv", "poetry", "pipenv", "conda", "mamba", "micromamba", "pdm", "hatch", "rye",
              "pixi"}
SHEBANG_READ_BYTES = 512

PROBE_MARKER = "@@exptrack-probe@@"
INTROSPECT_SCRIPT = r"""
import json, os, platform, sys
MARKER = "@@exptrack-probe@@"  # whatever sitecustomize printed before it is ignored
# importlib.metadata's own search, minus its import and email parsing (3x faster): every
# *.dist-info / *.egg-info on sys.path, the first of a name wins, Name/Version headers.
def headers(path):
    name = version = None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    break
                if line.startswith("Name:") and name is None:
                    name = line[5:].strip()
                elif line.startswith("Version:") and version is None:
                    version = line[8:].strip()
                if name and version:
                    break
    except OSError:
        pass
    return name, version
# sys.path[0] is the probe's cwd ("" under -c); the command's own is its script's folder.
paths = [p for p in sys.path[1:] if p]
def stamp(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
# Taken before listing: an install while we list makes the cached copy stale, never wrong.
stamps = [[p, stamp(p)] for p in [os.path.realpath(sys.executable)] + paths]
packages, seen = {}, set()
for entry in paths:
    try:
        names = sorted(os.listdir(entry or "."))
    except OSError:
        continue
    for folder in names:
        if folder.endswith(".dist-info"):
            meta = os.path.join(entry, folder, "METADATA")
        elif folder.endswith(".egg-info"):
            meta = os.path.join(entry, folder)
            meta = os.path.join(meta, "PKG-INFO") if os.path.isdir(meta) else meta
        else:
            continue
        name, version = headers(meta)
        if not name:
            continue
        key = name.lower().replace("_", "-").replace(".", "-")
        if key not in seen:
            seen.add(key)
            packages[name] = version
prefix = sys.prefix
venv = prefix if prefix != getattr(sys, "base_prefix", prefix) else None
conda = None
if os.path.isdir(os.path.join(prefix, "conda-meta")):
    conda = os.environ.get("CONDA_DEFAULT_ENV") or os.path.basename(prefix)
sys.stdout.write("\n" + MARKER)
json.dump({
    "executable": sys.executable,
    "version": platform.python_version(),
    "implementation": platform.python_implementation(),
    "prefix": prefix,
    "virtualenv": venv,
    "conda_env": conda,
    "stamps": stamps,
    "packages": dict(sorted(packages.items(), key=lambda kv: kv[0].lower())),
}, sys.stdout)
"""


@dataclass(frozen=True)
class PythonTarget:
    """How to start the command's interpreter: ``argv + ["-c", script]``."""

    argv: list[str]
    source: str  # "command" (the command runs it) or "path" (first python3 on PATH)
    launcher: bool = False  # `uv run ...`: the launcher may change the env as it starts


def _which(name: str, path: str | None, cwd: Path) -> str | None:
    if os.sep in name:
        candidate = Path(name) if os.path.isabs(name) else cwd / name
        return str(candidate) if os.access(candidate, os.X_OK) and candidate.is_file() else None
    return shutil.which(name, path=path)


def shebang_interpreter(script: str, path: str | None, cwd: Path) -> list[str] | None:
    """The Python argv from a script's ``#!`` line, or None when it is not a Python script."""
    try:
        with open(script, "rb") as handle:
            head = handle.read(SHEBANG_READ_BYTES)
    except OSError:
        return None
    if not head.startswith(b"#!"):
        return None
    line = head[2:].split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    words = line.split()
    if not words:
        return None
    if os.path.basename(words[0]) == "env":  # #!/usr/bin/env [-S] python3 -u
        words = [w for w in words[1:] if not w.startswith("-")]
        if not words:
            return None
        found = _which(words[0], path, cwd)
        words = [found] if found else []
    # console scripts made by pip on long paths: #!/bin/sh + '''exec' /venv/bin/python ...
    elif os.path.basename(words[0]) == "sh" and b"'''exec' " in head:
        rest = head.split(b"'''exec' ", 1)[1].split(b"\n", 1)[0].decode("utf-8", "replace")
        words = rest.split()[:1]
    if words and _PYTHON_NAME.match(os.path.basename(words[0])):
        return [words[0]]
    return None


def resolve_python(command: Sequence[str], env: Mapping[str, str], cwd: Path) -> PythonTarget:
    """The interpreter the command runs, else the first ``python3`` on its PATH."""
    path = env.get("PATH")
    tokens = list(command)
    if tokens and os.path.basename(tokens[0]) in _LAUNCHERS and len(tokens) >= 2 \
            and tokens[1] == "run":
        return _launcher_python(tokens)
    if tokens:
        program = tokens[0]
        if _PYTHON_NAME.match(os.path.basename(program)):
            found = _which(program, path, cwd)
            if found:
                return PythonTarget([found], "command")
        else:
            found = _which(program, path, cwd)
            interpreter = shebang_interpreter(found, path, cwd) if found else None
            if interpreter:
                return PythonTarget(interpreter, "command")
    fallback = shutil.which("python3", path=path) or shutil.which("python", path=path)
    return PythonTarget([fallback] if fallback else [], "path")


def _launcher_python(tokens: list[str]) -> PythonTarget:
    """``uv run [opts] python train.py`` -> ``uv run [opts] python``: the launcher picks the
    same environment for our probe as for the command."""
    for index in range(2, len(tokens)):
        word = tokens[index]
        if _PYTHON_NAME.match(os.path.basename(word)) or word.endswith(".py"):
            return PythonTarget([*tokens[:index], "python"], "command", launcher=True)
    # `poetry run train` (a console script): the launcher's python runs it
    return PythonTarget([*tokens[:2], "python"], "command", launcher=True)
