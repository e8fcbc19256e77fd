"""Reaping the command with ``wait4``: its exit status, and the kernel's own peak memory
of its process tree (``ru_maxrss``: the most any one process of the tree that was waited
for had resident, KiB on Linux), which no sampling can miss."""

from __future__ import annotations

import os
import subprocess
import sys


def reap(pid: int, flags: int) -> tuple[int, int | None] | None:
    """(exit code as ``Popen.returncode`` has it, peak RSS in KiB) of child ``pid`` once
    it ended; None while it runs (with ``os.WNOHANG``). Raises ChildProcessError when it
    is not (or no longer) our child."""
    found, status, usage = os.wait4(pid, flags)
    if found != pid:
        return None
    if os.WIFSTOPPED(status):  # (only with WUNTRACED, which no caller passes)
        return None
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # (macOS: B)
    return os.waitstatus_to_exitcode(status), peak if peak > 0 else None


class Reaped:
    """A started child of ours, seen like ``subprocess.Popen`` (``pid``, ``poll``,
    ``wait``, ``returncode``), reaped with ``wait4`` so that its peak memory is kept."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.peak_rss_kib: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self._reap(os.WNOHANG)
        return self.returncode

    def wait(self) -> int:
        while self.returncode is None:
            self._reap(0)
        return self.returncode

    def _reap(self, flags: int) -> None:
        try:
            done = reap(self.pid, flags)
        except ChildProcessError:  # reaped elsewhere: the status is lost
            done = (255, None)
        except InterruptedError:  # pragma: no cover - a signal: try again
            return
        if done is not None:
            self.returncode, self.peak_rss_kib = done
            self._ended()

    def _ended(self) -> None:
        """What a subclass does once the child is reaped."""


class ReapedPopen(Reaped):
    """A started ``subprocess.Popen`` whose ``poll``/``wait`` reap with ``wait4``; its
    pipes stay on ``popen``."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        super().__init__(popen.pid)
        self.popen = popen

    def _ended(self) -> None:
        self.popen.returncode = self.returncode  # Popen must not wait for it again
