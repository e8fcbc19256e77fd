"""The command under a pseudo-terminal: colours, progress bars, width, Ctrl-C and job
control as without `track`.

The command runs as the foreground job of a terminal of its own (``session``); our
terminal is put in raw mode while we are its foreground job, so every key (Ctrl-C,
Ctrl-Z, Ctrl-\\) goes to the command's terminal, which signals the command as ours would.
When the command stops (Ctrl-Z), we give our terminal back as we found it and stop too: the
shell sees the job stopped. ``fg`` resumes us and we resume the command; ``bg`` too, but
then we leave the terminal alone (no raw mode, no reading the keyboard) until ``fg``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import termios
import time
import tty
from collections.abc import Callable
from typing import Any

from exptrack.proctree import ProcessTree
from exptrack.relay import write_all
from exptrack.runner import (
    POLL_S,
    READ_SIZE,
    BaseRunner,
    RunOutcome,
    in_foreground,
    is_tty,
)
from exptrack.session import SessionChild, spawn_in_session


class PtyRunner(BaseRunner):
    def run(self, on_start: Callable[[int], None] | None,
            on_tick: Callable[[], None] | None) -> RunOutcome:
        self.stdin_tty = is_tty(0)
        self.saved_tty: list[Any] | None = None  # our terminal's mode while raw
        master, slave = os.openpty()
        self.master = master
        with contextlib.suppress(OSError, termios.error):
            if self.stdin_tty:
                termios.tcsetattr(slave, termios.TCSANOW, termios.tcgetattr(0))
        _copy_winsize(1, master)
        intr_char = _control_char(slave, termios.VINTR)
        previous = self._install_handlers()
        inputs = [master]
        try:
            child = spawn_in_session(self.argv, self.env, self.cwd, slave, self.stdin_tty,
                                     self.ignored)
            self.proc = child
            os.close(slave)
            slave = -1
            self.command_pid = self.group = child.command
            self.tree = ProcessTree(child.pid, child.command)
            if on_start:
                on_start(child.command)
            self.inputs = inputs
            self._take_terminal()
            echo_ok = True
            self._last_tick = time.monotonic()
            while True:
                self._handle_pending()
                self._check_grace()
                try:
                    ready, _, _ = select.select(inputs, [], [], POLL_S)
                except InterruptedError:  # pragma: no cover
                    continue
                except OSError:  # stdin closed under us
                    inputs[:] = [master]
                    continue
                if master in ready:
                    try:
                        data = os.read(master, READ_SIZE)
                    except OSError:  # EIO: every slave end closed
                        data = b""
                    if not data:
                        master = -1
                        break
                    self.sink.write(data, 1)
                    if echo_ok:
                        echo_ok = write_all(1, data)
                if 0 in ready:
                    self._keys(intr_char)
                if self._after_pass(on_tick, self.master in ready):
                    break
            self.proc.wait()
            self._handle_pending()
            self._reap_tree()
            if master >= 0:
                self._hand_off({master: 1})
            return self._finish()
        finally:
            self._give_terminal_back()
            self._restore_handlers(previous)
            for fd in (master, slave):
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.close(fd)

    def _keys(self, intr_char: bytes) -> None:
        assert self.proc is not None
        if self.proc.poll() is not None:  # what is typed now is for the shell
            self.inputs.remove(0)
            return
        try:
            keys = os.read(0, 4096)
        except OSError:
            keys = b""
        if not keys:
            self.inputs.remove(0)
            return
        if intr_char and intr_char in keys:
            self._typed_interrupt()
        write_all(self.master, keys)

    def _typed_interrupt(self) -> None:
        """Ctrl-C typed on the terminal: the pty delivers SIGINT itself; we only count it
        and escalate when it is repeated (unless the caller ignores SIGINT: then so does
        the command, and repeating it changes nothing, as without `track`)."""
        if signal.SIGINT in self.ignored:
            return
        self.typed_interrupt = True
        level = self.interrupts.escalation(time.monotonic())
        if level == 1 and self.on_interrupt is not None:
            self.on_interrupt()
        if level >= 2:
            self._escalate(level, None)

    # -- our terminal ------------------------------------------------------------------
    def _take_terminal(self) -> None:
        """While we are the terminal's foreground job, raw mode and the keyboard are the
        command's; in the background we leave the terminal alone (touching it would stop
        us with SIGTTOU/SIGTTIN, where the command would have run on)."""
        assert self.proc is not None
        if not self.stdin_tty or self.proc.poll() is not None:
            return
        if in_foreground():
            if self.saved_tty is None:
                with contextlib.suppress(termios.error):
                    self.saved_tty = termios.tcgetattr(0)
                    tty.setraw(0, termios.TCSANOW)
            if 0 not in self.inputs:
                self.inputs.append(0)
        elif 0 in self.inputs:
            self.inputs.remove(0)

    def _give_terminal_back(self) -> None:
        if self.saved_tty is not None:
            with contextlib.suppress(termios.error):
                # TCSADRAIN, not TCSAFLUSH: what was typed ahead stays, for the shell
                termios.tcsetattr(0, termios.TCSADRAIN, self.saved_tty)
            self.saved_tty = None

    def _before_stop(self) -> None:
        self._give_terminal_back()

    def _stops_group(self) -> bool:
        # Our terminal was raw: it did not stop our job; we do, as it would have.
        return self.stdin_tty and in_foreground()

    def _resumed(self) -> None:
        self._take_terminal()
        _copy_winsize(1, self.master)
        assert isinstance(self.proc, SessionChild)
        with contextlib.suppress(OSError):
            os.kill(self.proc.pid, signal.SIGCONT)  # the keeper, stopped with the command
        super()._resumed()

    def _window_changed(self) -> bool:
        _copy_winsize(1, self.master)  # the command's terminal signals it
        return True


def _copy_winsize(source_fd: int, target_fd: int) -> None:
    with contextlib.suppress(OSError):
        size = fcntl.ioctl(source_fd, termios.TIOCGWINSZ, b"\0" * 8)
        fcntl.ioctl(target_fd, termios.TIOCSWINSZ, size)


def _control_char(fd: int, index: int) -> bytes:
    try:
        char = termios.tcgetattr(fd)[6][index]
    except (termios.error, IndexError):
        return b"\x03"
    if isinstance(char, int):
        return bytes([char]) if char else b""
    return bytes(char)
