"""What a run read (``inputs.yaml``, ``configs/``): arguments naming existing files or
folders, and paths named inside config files, with a fingerprint; config files themselves
become dotted params and a (redacted) snapshot. Data is never copied; a credential file
(``secrets.yaml``, ``credentials.json`` ...) or a config that cannot be parsed and
redacted safely is fingerprinted only (never read into params, never copied).

Fingerprints (``hash_method``):
- ``sha256``: files up to ``FULL_HASH_CAP`` bytes, hashed whole.
- ``sample-sha256``: bigger files: sha256 over the size and three 4 MiB samples (start,
  middle, end); any change of size or of a sampled region changes it.
- ``tree-sha256``: folders: sha256 over every file's relative path, size and mtime (in
  sorted order), stopping after ``MAX_TREE_ENTRIES`` entries or ``MAX_TREE_S`` seconds
  (then ``truncated: true``, and the hash covers what was seen).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.capture.configfile import flatten, is_config_path, read_config, redact_config
from exptrack.capture.configsnap import snapshot_text
from exptrack.capture.params import script_arguments
from exptrack.capture.redact import is_secret_file, is_secret_name

if TYPE_CHECKING:
    from exptrack.capture.base import RunContext
    from exptrack.runner import RunOutcome

FULL_HASH_CAP = 64 * 1024 * 1024
SAMPLE_BYTES = 4 * 1024 * 1024
MAX_TREE_ENTRIES = 100_000
MAX_TREE_S = 5.0
MAX_INPUTS = 100
MAX_CONFIGS = 20
FINISH_WAIT_S = 10.0
_NUMBER = re.compile(r"^[+-]?[\d.eE+-]+$")
_ASSIGN = re.compile(r"^-{0,2}\+{0,2}([A-Za-z_][\w.\-]*)=(.*)$", re.DOTALL)


def candidate_values(args: list[str]) -> list[str]:
    """The words of the script's arguments that could name a path (never the value of a
    secret-named option: ``--api-key X``, ``token=X``)."""
    values = []
    secret_next = False
    for arg in args:
        match = _ASSIGN.match(arg)
        value = match.group(2) if match else arg
        name = match.group(1) if match else (arg.lstrip("-") if arg.startswith("-") else "")
        after_secret, secret_next = secret_next, bool(name) and not match \
            and is_secret_name(name)
        if after_secret or (match and is_secret_name(name)):
            continue
        if value and not value.startswith("-") and not _NUMBER.match(value) \
                and "\n" not in value:
            values.append(value)
    return values


def fingerprint_file(path: Path) -> dict[str, Any]:
    size = path.stat().st_size
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        if size <= FULL_HASH_CAP:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
            method = "sha256"
        else:
            digest.update(str(size).encode())
            for offset in (0, size // 2 - SAMPLE_BYTES // 2, size - SAMPLE_BYTES):
                handle.seek(offset)
                digest.update(handle.read(SAMPLE_BYTES))
            method = "sample-sha256"
    return {"kind": "file", "size": size, "files": 1, "hash": digest.hexdigest(),
            "hash_method": method}


def fingerprint_dir(path: Path, max_entries: int = MAX_TREE_ENTRIES,
                    max_s: float = MAX_TREE_S) -> dict[str, Any]:
    deadline = time.monotonic() + max_s
    digest = hashlib.sha256()
    size = files = 0
    truncated = False
    stack = [path]
    while stack and not truncated:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        subdirs = []
        for entry in reversed(entries):
            if files >= max_entries or time.monotonic() > deadline:
                truncated = True
                break
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append(Path(entry.path))
                    continue
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            rel = Path(entry.path).relative_to(path).as_posix()
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode(
                "utf-8", "surrogateescape"))
            size += stat.st_size
            files += 1
        stack.extend(reversed(subdirs))
    result: dict[str, Any] = {"kind": "dir", "size": size, "files": files,
                              "hash": digest.hexdigest(), "hash_method": "tree-sha256"}
    if truncated:
        result["truncated"] = True
    return result


def fingerprint(path: Path) -> dict[str, Any]:
    return fingerprint_dir(path) if path.is_dir() else fingerprint_file(path)


def _resolve(value: str, bases: list[Path]) -> Path | None:
    expanded = os.path.expanduser(value)
    candidates = [Path(expanded)] if os.path.isabs(expanded) else [b / expanded for b in bases]
    for candidate in candidates:
        try:
            if candidate.exists():
                return candidate
        except (OSError, ValueError):
            continue
    return None


class InputsStep:
    """Capture step: config files -> params and snapshots (before the start, they are
    small); data fingerprints hashed on a thread while the command runs."""

    name = "inputs"

    def __init__(self) -> None:
        self.inputs: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.thread: threading.Thread | None = None

    def before_start(self, ctx: RunContext) -> None:
        cwd = ctx.cwd.absolute()
        excluded = {cwd, Path("/"), Path(os.path.expanduser("~")), ctx.store.root.absolute()}
        seen: set[Path] = set()
        config_params: dict[str, Any] = {}
        configs = 0

        def add(path: Path, source: str, display: str) -> None:
            resolved = path.absolute()
            if resolved in excluded or resolved in seen or len(self.inputs) >= MAX_INPUTS:
                return
            seen.add(resolved)
            self.inputs.append({"path": display, "kind": "dir" if path.is_dir() else "file",
                                "size": None, "files": None, "hash": None,
                                "hash_method": None, "source": source, "_abs": resolved})

        for value in candidate_values(script_arguments(ctx.command)):
            path = _resolve(value, [cwd])
            if path is None:
                continue
            add(path, "argv", value)
            if path.is_file() and is_config_path(value) and configs < MAX_CONFIGS:
                configs += 1
                content = self._snapshot(ctx, path, value)
                if content is None:
                    continue
                flat = flatten(content)
                for key, item in flat.items():
                    config_params.setdefault(key, item)
                for key, item in flat.items():
                    if isinstance(item, str) and item and "\n" not in item \
                            and not is_secret_name(key):
                        named = _resolve(item, [cwd, path.parent.absolute()])
                        if named is not None:
                            add(named, f"config:{value}:{key}", item)
        for key, item in config_params.items():
            ctx.params.setdefault(key, item)  # argv wins; --param is applied later

    def _snapshot(self, ctx: RunContext, path: Path, display: str) -> Any | None:
        """Copy the config (secrets replaced) into configs/ and return its redacted
        content; None (and a note) when it is only fingerprinted."""
        if is_secret_file(display) or is_secret_file(path.name):
            self.errors.append(f"config {display}: a credential file; fingerprinted, "
                               "not read or copied")
            return None
        try:
            text, content = read_config(path)
            redacted = redact_config(content)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.errors.append(f"config {display}: {reason}; fingerprinted, not copied")
            return None
        snapshot = snapshot_text(text, path.suffix, content, redacted)
        if snapshot is None:
            self.errors.append(f"config {display}: could not be redacted safely; "
                               "fingerprinted, not copied")
            return redacted
        try:
            target = ctx.run_dir / "configs" / _snapshot_name(ctx.run_dir / "configs", path.name)
            target.parent.mkdir(exist_ok=True, mode=0o700)
            ctx.write_bytes(str(target.relative_to(ctx.run_dir)), snapshot.encode("utf-8"))
        except OSError as exc:
            self.errors.append(f"config {display}: {exc.strerror or exc}")
        return redacted

    def started(self, ctx: RunContext, pid: int) -> None:
        if self.inputs:
            self.thread = threading.Thread(target=self._hash_all, daemon=True,
                                           name="exptrack-inputs")
            self.thread.start()

    def _hash_all(self) -> None:
        for item in self.inputs:
            try:
                item.update(fingerprint(item["_abs"]))
            except OSError as exc:
                self.errors.append(f"input {item['path']}: {exc.strerror or exc}")

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        if self.thread is not None:
            self.thread.join(FINISH_WAIT_S)
            if self.thread.is_alive():
                self.errors.append(f"fingerprints not finished {FINISH_WAIT_S:g}s after the "
                                   "command ended; unhashed inputs have hash null")
        inputs = [{k: v for k, v in item.items() if k != "_abs"} for item in list(self.inputs)]
        data: dict[str, Any] = {"inputs": inputs}
        if self.errors:
            data["errors"] = self.errors
        ctx.write_yaml("inputs.yaml", data)


def _snapshot_name(folder: Path, name: str) -> str:
    candidate, index = name, 1
    while (folder / candidate).exists():
        index += 1
        candidate = f"{index}-{name}"
    return candidate
