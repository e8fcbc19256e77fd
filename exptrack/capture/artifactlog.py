"""The store's log of what runs produced in their working directories
(``<store>/cache/artifacts.log``): one line a file, ``sha256 absolute-path``, appended at
the end of each run (``ArtifactStep``). The git capture reads it to tell a file an earlier
run wrote into the repository (``results.txt``, a checkpoint) from code the user added:
an artifact does not make the working tree dirty (``capture.git``).

Derived and disposable: a missing or damaged log only means such files count as code.
Only the last ``MAX_READ_BYTES`` are read (the newest runs' files).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

LOG_NAME = "artifacts.log"
MAX_READ_BYTES = 16 * 1024 * 1024


def log_path(store_root: Path) -> Path:
    return store_root / "cache" / LOG_NAME


def append(store_root: Path, entries: Iterable[tuple[str, Path]], mode: int = 0o600) -> None:
    """Add (sha256, absolute path) entries; one write, so concurrent runs never interleave
    within a line. Raises OSError (the caller warns)."""
    lines = "".join(f"{digest} {os.fsdecode(path)}\n" for digest, path in entries
                    if "\n" not in os.fsdecode(path))
    if not lines:
        return
    path = log_path(store_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, mode)
    try:
        os.write(fd, lines.encode("utf-8", "surrogateescape"))
    finally:
        os.close(fd)


def known(store_root: Path) -> set[str]:
    """The ``sha256 path`` lines logged so far (empty when there is no readable log)."""
    data = b""
    with contextlib.suppress(OSError), open(log_path(store_root), "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - MAX_READ_BYTES))
        data = handle.read()
        if size > MAX_READ_BYTES:
            data = data.partition(b"\n")[2]  # the first line may be cut
    return set(data.decode("utf-8", "surrogateescape").splitlines())


def entry(digest: str, path: Path) -> str:
    return f"{digest} {os.fsdecode(path)}"
