"""The seam every capture step plugs into.

A step is called at three moments of a run; each call may be slow only where noted, and
any exception it raises becomes one warning in the run, never a failure of the command.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from exptrack.fsutil import write_atomic, write_yaml

if TYPE_CHECKING:
    from exptrack.runner import RunOutcome
    from exptrack.store import Store


@dataclass
class RunContext:
    """What a capture step may read and write."""

    run_id: str
    run_dir: Path
    command: list[str]  # as it runs: not redacted, never written as is
    cwd: Path
    store: Store
    warn: Callable[[str], None]
    params: dict[str, Any] = field(default_factory=dict)  # written after before_start
    options: dict[str, Any] = field(default_factory=dict)  # step options from the CLI
    file_mode: int = 0o600  # the store's permissions (store.yaml); private by default
    # Set when the user interrupts track while it finishes the record (Ctrl-C after the
    # command ended): slow finishing work (hashing big files) stops and records what it has.
    hurry: threading.Event = field(default_factory=threading.Event)

    def write_yaml(self, name: str, data: Any) -> None:
        write_yaml(self.run_dir / name, data, self.file_mode)

    def write_bytes(self, name: str, data: bytes) -> None:
        write_atomic(self.run_dir / name, data, self.file_mode)

    def open_append(self, name: str) -> IO[str]:
        """A text file of the run folder to append to, created with the store's mode."""
        fd = os.open(self.run_dir / name, os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                     self.file_mode)
        os.fchmod(fd, self.file_mode)  # the umask must not loosen (or tighten) it
        return os.fdopen(fd, "a", encoding="utf-8")


class CaptureStep(Protocol):
    """One kind of capture. Implement the moments you need; the others do nothing."""

    name: str

    def before_start(self, ctx: RunContext) -> None:
        """Before the command starts: keep it fast, the user is waiting."""

    def started(self, ctx: RunContext, pid: int) -> None:
        """Right after the command started: start background work (threads) here."""

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        """After the command ended (also after Ctrl-C): stop threads, write results."""


class BaseStep:
    """Convenience base: every moment is a no-op."""

    name = "step"

    def before_start(self, ctx: RunContext) -> None:
        return None

    def started(self, ctx: RunContext, pid: int) -> None:
        return None

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        return None
