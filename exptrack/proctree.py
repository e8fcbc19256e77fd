"""The command's process tree, and the escalation of repeated interrupts over it."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psutil  # imported lazily where used: `track ls` never pays for it

ESCALATE_WINDOW_S = 5.0
KILL_GRACE_S = 5.0  # SIGTERM -> SIGKILL; TRACK_KILL_GRACE_S overrides it (tests, clusters)


def kill_grace_s() -> float:
    """Seconds between SIGTERM of the tree and SIGKILL: ``$TRACK_KILL_GRACE_S`` or 5."""
    try:
        value = float(os.environ.get("TRACK_KILL_GRACE_S", KILL_GRACE_S))
    except ValueError:
        return KILL_GRACE_S
    return value if value >= 0 else KILL_GRACE_S


class Interrupts:
    """Counts interrupts; the second within a short window escalates to SIGTERM, the next
    (or a grace period after that) to SIGKILL, over the whole process tree."""

    def __init__(self) -> None:
        self.last_at = 0.0
        self.level = 0  # 0 nothing, 1 forwarded, 2 SIGTERM sent, 3 SIGKILL sent
        self.term_at = 0.0
        self.grace_s = kill_grace_s()

    def escalation(self, now: float) -> int:
        if self.level >= 1 and now - self.last_at <= ESCALATE_WINDOW_S:
            self.level = min(self.level + 1, 3)
        else:
            self.level = max(self.level, 1)
        self.last_at = now
        if self.level == 2:
            self.term_at = now
        return self.level


class ProcessTree:
    """The command and every descendant seen so far (data loader workers, processes that
    left the group with setsid). Remembered, because a descendant whose parent died is
    re-parented and can no longer be found by walking down from the command."""

    def __init__(self, pid: int, group: int | None) -> None:
        self.pid = pid  # the root: the command, or the keeper of its terminal session
        self.group = group  # the command's process group, when it has one of its own
        self.members: dict[int, psutil.Process] = {}  # psutil checks for pid reuse

    def refresh(self) -> None:
        try:
            import psutil

            root = psutil.Process(self.pid)
            found = [root, *root.children(recursive=True)]
        except Exception:
            return
        for proc in found:
            self.members.setdefault(proc.pid, proc)

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the group and every member still alive (never to a reused pid)."""
        self.refresh()
        if self.group is not None:
            with contextlib.suppress(OSError):
                os.killpg(self.group, sig)
        for proc in list(self.members.values()):
            with contextlib.suppress(Exception):
                proc.send_signal(sig)

    def alive(self) -> list[int]:
        living = []
        for pid, proc in self.members.items():
            try:
                if proc.is_running() and proc.status() != "zombie":
                    living.append(pid)
            except Exception:
                continue
        return living

