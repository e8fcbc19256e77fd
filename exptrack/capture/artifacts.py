"""What a run produced (``artifacts.yaml``): files under the working directory created or
modified while it ran, files the script saved into ``$TRACK_RUN_DIR``, and files matching
``--artifact GLOB``; each with size, mtime and sha256, model weights first.

The scan skips version control, the store, virtualenvs, caches, ``__pycache__`` and
``node_modules``, and is bounded in entries visited and time. Weights are always hashed,
whatever their size; other files up to ``HASH_CAP_BYTES`` each and ``HASH_BUDGET_BYTES``
together. ``--copy-artifacts`` never copies a credential file (``.env``, ``*.pem``,
``id_rsa``, a file holding a private key ...), even one a glob names: it is listed
with ``copied: false`` and ``not_copied: credential file``, and ``track run`` warns.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import stat as stat_module
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.capture.redact import holds_private_key, is_secret_file
from exptrack.fsutil import dir_mode_for, make_dirs

if TYPE_CHECKING:
    from exptrack.capture.base import RunContext
    from exptrack.runner import RunOutcome

WEIGHT_SUFFIXES = frozenset({".pt", ".pth", ".ckpt", ".safetensors", ".onnx", ".h5", ".keras",
                             ".pkl", ".joblib", ".bin", ".pb", ".tflite", ".engine"})
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".track", ".venv", "venv", "__pycache__",
                       "node_modules", ".cache", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                       ".tox", ".nox", ".ipynb_checkpoints", ".idea", ".vscode", ".eggs",
                       "site-packages"})
# Files of the run folder that track itself writes: not artifacts.
TRACK_FILES = frozenset({"run.yaml", "params.yaml", "metrics.jsonl", "summary.yaml",
                         "output.log", "git.yaml", "git.patch", "env.yaml", "resources.jsonl",
                         "resources.yaml", "artifacts.yaml", "inputs.yaml", "configs",
                         "artifacts", "pushed.yaml"})
MAX_ENTRIES = 200_000
MAX_SCAN_S = 5.0
MAX_ARTIFACTS = 1000
HASH_CAP_BYTES = 256 * 1024 * 1024
HASH_BUDGET_BYTES = 2 * 1024 * 1024 * 1024  # all non-weights files together
# The kernel stamps mtimes from a coarse clock (a tick, ~4 ms, behind time.time()).
MTIME_SLACK_S = 0.05
COPY_DIRNAME = "artifacts"


@dataclass
class Found:
    path: Path
    location: str  # "cwd" or "run_dir"
    size: int
    mtime: float


def is_weights(path: Path) -> bool:
    return path.suffix.lower() in WEIGHT_SUFFIXES


def sha256_file(path: Path, chunk: int = 4 * 1024 * 1024,
                stop: threading.Event | None = None) -> str | None:
    """The file's sha256, or None when ``stop`` is set before the end."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while True:
            if stop is not None and stop.is_set():
                return None
            block = handle.read(chunk)
            if not block:
                return digest.hexdigest()
            digest.update(block)


def skip_dir(entry: os.DirEntry[str], skip: set[Path]) -> bool:
    """A folder no scan goes into: VCS, caches, virtualenvs, the store."""
    if entry.name in SKIP_DIRS or entry.name.endswith(".egg-info"):
        return True
    path = Path(entry.path)
    if path in skip:
        return True
    return (path / "pyvenv.cfg").exists() or (path / "conda-meta").is_dir()


def scan_modified(root: Path, since: float, skip: set[Path],
                  max_entries: int = MAX_ENTRIES, max_s: float = MAX_SCAN_S,
                  ) -> tuple[list[Found], bool]:
    """Regular files under ``root`` with mtime >= ``since``; ``(found, truncated)``."""
    deadline = time.monotonic() + max_s
    found: list[Found] = []
    stack = [root]
    visited = 0
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            visited += 1
            if visited > max_entries or time.monotonic() > deadline:
                return found, True
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not skip_dir(entry, skip):
                        stack.append(Path(entry.path))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.st_mtime >= since:
                found.append(Found(Path(entry.path), "cwd", stat.st_size, stat.st_mtime))
    return found, False


def run_dir_files(run_dir: Path) -> list[Found]:
    """Files the script saved into its run folder (``$TRACK_RUN_DIR``)."""
    found: list[Found] = []
    for current, dirs, files in os.walk(run_dir):
        here = Path(current)
        if here == run_dir:
            dirs[:] = [d for d in dirs if d not in TRACK_FILES]
            files = [f for f in files if f not in TRACK_FILES]
        for name in files:
            if name.startswith("."):
                continue  # our temp files
            item = _regular_file(here / name, "run_dir")
            if item is not None:
                found.append(item)
    return found


def _regular_file(path: Path, location: str) -> Found | None:
    """``path`` as a Found when it is a regular file (not a symlink): one lstat."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat_module.S_ISREG(info.st_mode):
        return None
    return Found(path, location, info.st_size, info.st_mtime)


def glob_matches(patterns: list[str], cwd: Path) -> list[Found]:
    found: list[Found] = []
    for pattern in patterns:
        full = pattern if os.path.isabs(pattern) else str(cwd / pattern)
        for name in glob.glob(full, recursive=True):
            item = _regular_file(Path(name), "cwd")
            if item is not None:
                found.append(item)
    return found


def _display_path(found: Found, cwd: Path, run_dir: Path) -> str:
    base = run_dir if found.location == "run_dir" else cwd
    try:
        return found.path.relative_to(base).as_posix()
    except ValueError:
        return str(found.path)


def collect_artifacts(cwd: Path, run_dir: Path, since: float, skip: set[Path],
                      patterns: list[str], copy: bool, file_mode: int = 0o600,
                      stop: threading.Event | None = None) -> dict[str, Any]:
    """The content of ``artifacts.yaml``."""
    begin = time.monotonic()
    scanned, truncated = scan_modified(cwd, since - MTIME_SLACK_S, skip)
    matched = glob_matches(patterns, cwd)
    matched_paths = {f.path for f in matched}
    unique: dict[Path, Found] = {}
    for item in [*run_dir_files(run_dir), *matched, *scanned]:
        if _inside(item.path, run_dir) and item.location == "cwd":
            continue  # the run folder is listed once, as run_dir
        unique.setdefault(item.path, item)
    items = sorted(unique.values(), key=lambda f: (not is_weights(f.path), f.location != "cwd",
                                                   str(f.path)))
    if len(items) > MAX_ARTIFACTS:
        items, truncated = items[:MAX_ARTIFACTS], True
    artifacts = []
    budget = HASH_BUDGET_BYTES
    for item in items:
        weights = is_weights(item.path)
        digest = None
        hurried = stop is not None and stop.is_set()
        if not hurried and (weights or (item.size <= HASH_CAP_BYTES and item.size <= budget)):
            try:
                digest = sha256_file(item.path, stop=stop)
            except OSError:
                digest = None
            if not weights:
                budget -= item.size
        copied = False
        refused = False
        wanted = item.path in matched_paths if patterns else weights
        if copy and wanted and item.location == "cwd":
            refused = _is_credential(item)
            copied = not refused and _copy_into(item, cwd, run_dir, file_mode)
        entry = {"path": _display_path(item, cwd, run_dir), "size": item.size,
                 "mtime": round(item.mtime, 3), "sha256": digest, "weights": weights,
                 "location": item.location, "copied": copied}
        if refused:
            entry["not_copied"] = "credential file"
        artifacts.append(entry)
    result: dict[str, Any] = {"artifacts": artifacts, "truncated": truncated,
                              "scan_s": round(time.monotonic() - begin, 3)}
    if stop is not None and stop.is_set():
        result["interrupted"] = True  # hashing stopped by Ctrl-C: some sha256 are null
    return result


def _is_credential(item: Found) -> bool:
    """A credential file by its name, or by its first bytes (a private key block)."""
    if is_secret_file(item.path.as_posix()):
        return True
    try:
        with open(item.path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return True  # unreadable now: not copied either way
    return holds_private_key(head)


def _copy_into(item: Found, cwd: Path, run_dir: Path, file_mode: int) -> bool:
    try:
        rel = item.path.relative_to(cwd)
    except ValueError:
        rel = Path(item.path.name)
    target = run_dir / COPY_DIRNAME / rel
    try:
        make_dirs(target.parent, dir_mode_for(file_mode))  # whatever the umask
        shutil.copy2(item.path, target)
        os.chmod(target, file_mode)
    except OSError:
        return False
    return True


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


class ArtifactStep:
    """Capture step: remembers when the command started, scans when it ended."""

    name = "artifacts"

    def __init__(self) -> None:
        self.since = time.time()

    def before_start(self, ctx: RunContext) -> None:
        self.since = time.time()

    def started(self, ctx: RunContext, pid: int) -> None:
        return None

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        cwd = ctx.cwd.absolute()
        skip = {ctx.store.root.absolute(), ctx.run_dir.absolute()}
        data = collect_artifacts(cwd, ctx.run_dir.absolute(), self.since, skip,
                                 list(ctx.options.get("artifact_globs") or []),
                                 bool(ctx.options.get("copy_artifacts")), ctx.file_mode,
                                 ctx.hurry)
        refused = [a["path"] for a in data["artifacts"] if a.get("not_copied")]
        if refused:
            shown = ", ".join(refused[:5]) + (f" and {len(refused) - 5} more"
                                              if len(refused) > 5 else "")
            ctx.warn(f"--copy-artifacts: not copying {shown}: credential files are never "
                     "copied (listed in artifacts.yaml)")
        ctx.write_yaml("artifacts.yaml", data)
        from exptrack.capture import artifactlog

        produced = [(item["sha256"], cwd / item["path"]) for item in data["artifacts"]
                    if item.get("location") == "cwd" and item.get("sha256")]
        try:
            artifactlog.append(ctx.store.root, produced, ctx.file_mode)
        except OSError as exc:  # derived: costs the dirty check its knowledge, nothing more
            ctx.warn(f"cannot write {artifactlog.log_path(ctx.store.root)}: "
                     f"{exc.strerror or exc}")
