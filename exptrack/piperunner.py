"""The pipe runner: the child's stdout and stderr as two pipes, teed live (``runner``)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable

from exptrack.proctree import ProcessTree
from exptrack.reaping import ReapedPopen
from exptrack.relay import write_all
from exptrack.runner import (
    COALESCE_S,
    POLL_S,
    READ_SIZE,
    STREAMING_BYTES,
    BaseRunner,
    RunOutcome,
    is_tty,
)


class PipeRunner(BaseRunner):
    """stdout and stderr as two pipes, so they stay separate; the log keeps arrival order."""

    def run(self, on_start: Callable[[int], None] | None,
            on_tick: Callable[[], None] | None) -> RunOutcome:
        # With a terminal on stdin the child must stay in our (foreground) process group,
        # or reading the terminal would stop it (SIGTTIN); Ctrl-C then reaches it directly.
        own_group = not is_tty(0)
        previous = self._install_handlers()
        streams: dict[int, int] = {}
        try:
            if sys.version_info >= (3, 11):
                popen = self._spawn(stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    process_group=0 if own_group else None)
            else:
                popen = self._spawn(stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    preexec_fn=os.setpgrp if own_group else None)
            self.proc = ReapedPopen(popen)
            self.command_pid = popen.pid
            self.group = popen.pid if own_group else None
            self.tree = ProcessTree(popen.pid, self.group)
            if on_start:
                on_start(popen.pid)
            assert popen.stdout is not None and popen.stderr is not None
            streams = {popen.stdout.fileno(): 1, popen.stderr.fileno(): 2}
            set_size = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux
            for fd in streams:  # room for what a flood writes while we wait
                with contextlib.suppress(OSError):
                    if set_size is not None:
                        fcntl.fcntl(fd, set_size, READ_SIZE)
            self._pump(streams, on_tick)
            self.proc.wait()
            self._handle_pending()
            self._reap_tree()
            self._hand_off(streams)
            return self._finish()
        finally:
            self._restore_handlers(previous)
            if isinstance(self.proc, ReapedPopen):
                for pipe in (self.proc.popen.stdout, self.proc.popen.stderr):
                    if pipe is not None:
                        with contextlib.suppress(OSError):
                            pipe.close()

    def _pump(self, streams: dict[int, int], on_tick: Callable[[], None] | None) -> None:
        """Tee the pipes until they end, or the command ended and they went quiet."""
        echo_ok = {1: True, 2: True}
        self._last_tick = last_read = time.monotonic()
        while streams:
            self._handle_pending()
            self._check_grace()
            try:
                ready, _, _ = select.select(list(streams), [], [], POLL_S)
            except InterruptedError:  # pragma: no cover
                continue
            streaming = False
            for fd in ready:
                try:
                    data = os.read(fd, READ_SIZE)
                except OSError:
                    data = b""
                streaming = streaming or len(data) >= STREAMING_BYTES
                if not data:
                    del streams[fd]
                    continue
                target = streams[fd]
                self.sink.write(data, target)
                if echo_ok[target] and not write_all(target, data):
                    # Our reader went away (`| head`): like the shell, the command learns
                    # it on its next write.
                    echo_ok[target] = False
                    if target == 1:
                        del streams[fd]
                        os.close(fd)
            if self._after_pass(on_tick, bool(ready)):
                break
            if ready:
                streaming = streaming or time.monotonic() - last_read < COALESCE_S
                last_read = time.monotonic()
            if streaming:
                time.sleep(COALESCE_S)
