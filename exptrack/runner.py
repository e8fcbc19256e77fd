"""The child process: started under a pseudo-terminal when stdout is a terminal, else with
pipes; its output teed live to our terminal and to a sink; signals passed on; exit status.

The command must behave as if ``track`` were not there: same bytes on the terminal, same
stdin, same window size, the same signals (``signals``), job control (Ctrl-Z, ``fg``,
``bg``) as for a job of the shell, same exit code; and what it leaves running in the
background keeps its output after ``track`` ends (``relay``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from exptrack import signals
from exptrack.errors import CommandNotExecutable, CommandNotFound
from exptrack.proctree import Interrupts, ProcessTree, kill_grace_s
from exptrack.relay import hand_off

__all__ = ["OutputSink", "RunOutcome", "kill_grace_s", "run_command"]

READ_SIZE = 256 * 1024
POLL_S = 0.1
DRAIN_AFTER_EXIT_S = 0.3
# Output streaming fast (a read of at least STREAMING_BYTES, or output again within
# COALESCE_S of the last read): wait COALESCE_S before the next read, so it takes what came
# meanwhile at once. Measured: an unbuffered Python printing a million metric lines was
# read in 10-17k reads of ~250 bytes (0.3-0.5 s of recorder CPU); ~1.5k with rule two.
# 2 ms, not 1: half the wake-ups, each shared with the parsing thread (0.52 -> 0.46 s CPU).
STREAMING_BYTES = 4096
COALESCE_S = 0.002


class OutputSink(Protocol):
    """Receives every chunk the command writes; must never raise."""

    def write(self, data: bytes, stream: int) -> None: ...


class Child(Protocol):
    """The started command, as ``subprocess.Popen`` shows it."""

    pid: int

    def poll(self) -> int | None: ...

    def wait(self) -> int: ...


@dataclass
class RunOutcome:
    exit_code: int  # as a shell reports it: 128+N when killed by signal N
    signal: int | None = None
    interrupted: bool = False
    signals_received: list[str] = field(default_factory=list)
    pid: int = 0
    peak_rss_kib: int | None = None  # the kernel's, from wait4 (see exptrack.reaping)


def is_tty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def in_foreground() -> bool:
    """Whether our process group is the foreground job of the terminal on stdin."""
    try:
        return os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return False


def run_command(
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: str,
    sink: OutputSink,
    use_pty: bool | None = None,
    on_start: Callable[[int], None] | None = None,
    on_tick: Callable[[], None] | None = None,
    on_interrupt: Callable[[], None] | None = None,
) -> RunOutcome:
    """Run ``argv`` to completion, teeing its output. Raises CommandNotFound/NotExecutable.
    ``on_interrupt``: called at a first Ctrl-C (the next one within 5 s escalates)."""
    if use_pty is None:
        use_pty = is_tty(1)
    if use_pty:
        from exptrack.ptyrunner import PtyRunner

        return PtyRunner(argv, env, cwd, sink, on_interrupt).run(on_start, on_tick)
    from exptrack.piperunner import PipeRunner

    return PipeRunner(argv, env, cwd, sink, on_interrupt).run(on_start, on_tick)


class BaseRunner:
    """Signals, escalation, job control and the end of a run; the subclasses own the
    child's output."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], cwd: str,
                 sink: OutputSink, on_interrupt: Callable[[], None] | None = None) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.sink = sink
        self.proc: Child | None = None
        self.group: int | None = None  # the command's own process group, if it has one
        self.command_pid = 0
        self.interrupts = Interrupts()
        self.outcome = RunOutcome(exit_code=0)
        self.pending_signals: list[int] = []
        self.ignored = signals.ignored_by_caller()
        self.child_changed = False
        self.typed_interrupt = False
        self._last_tick = 0.0
        self._exited_at: float | None = None
        self.tree: ProcessTree | None = None
        self.on_interrupt = on_interrupt  # told of a first Ctrl-C

    def _spawn(self, **kwargs: object) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(self.argv, env=self.env, cwd=self.cwd, **kwargs)  # type: ignore[call-overload, no-any-return]
        except FileNotFoundError as exc:
            raise CommandNotFound(f"command not found: {self.argv[0]}") from exc
        except PermissionError as exc:
            raise CommandNotExecutable(f"permission denied: {self.argv[0]}") from exc
        except OSError as exc:
            if exc.errno == errno.ENOEXEC:
                raise CommandNotExecutable(f"cannot execute {self.argv[0]}: "
                                           "not a program or script") from exc
            raise CommandNotExecutable(f"cannot run {self.argv[0]}: {exc.strerror}") from exc

    # Signal handling: handlers only queue; the loop acts, outside the handler.
    def _on_signal(self, signum: int, _frame: object) -> None:
        self.pending_signals.append(signum)

    def _on_child(self, _signum: int, _frame: object) -> None:
        self.child_changed = True

    def _install_handlers(self) -> dict[int, object]:
        """Catch every signal we pass on, except those the caller ignored: they stay
        ignored, for us and (inherited) for the command."""
        previous: dict[int, object] = {}
        for sig in signals.HANDLED:
            if sig not in self.ignored:
                with contextlib.suppress(OSError, ValueError):
                    previous[sig] = signal.signal(sig, self._on_signal)
        previous[signal.SIGCHLD] = signal.signal(signal.SIGCHLD, self._on_child)
        return previous

    @staticmethod
    def _restore_handlers(previous: dict[int, object]) -> None:
        for sig, handler in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, handler)  # type: ignore[arg-type]

    def _handle_pending(self) -> None:
        while self.pending_signals:
            sig = self.pending_signals.pop(0)
            self.outcome.signals_received.append(signals.name(sig))
            if sig in signals.INTERRUPTS:
                self._forward(sig)
            elif sig == signal.SIGCONT:
                self._resumed()
            elif sig == signal.SIGWINCH and self._window_changed():
                continue
            else:
                self._send_first(sig)
        if self.child_changed:
            self.child_changed = False
            self._check_stopped()

    def _forward(self, sig: int) -> None:
        assert self.proc is not None
        if self.proc.poll() is not None and self.interrupts.level < 2:
            return
        level = self.interrupts.escalation(time.monotonic())
        if level == 1 and sig == signal.SIGINT and self.on_interrupt is not None:
            self.on_interrupt()
        self._escalate(level, sig)

    def _escalate(self, level: int, sig: int | None) -> None:
        """Level 1: pass the signal on; 2: SIGTERM to the whole tree; 3: SIGKILL to it."""
        assert self.proc is not None
        if level >= 2:
            if self.tree is None:
                self.tree = ProcessTree(self.proc.pid, self.group)
            self.interrupts.level = max(self.interrupts.level, level)
            self.tree.signal(signal.SIGKILL if level >= 3 else signal.SIGTERM)
            self._send_first(signal.SIGCONT)  # a stopped tree could not act on SIGTERM
        elif sig is not None:
            self._send_first(sig)

    def _send_first(self, sig: int) -> None:
        """Pass ``sig`` on to the command (its process group when it has its own)."""
        if self.group is None and sig in signals.FROM_TERMINAL and in_foreground():
            return  # the terminal sent it to our group: the command has it already
        with contextlib.suppress(OSError):
            if self.group is not None:
                os.killpg(self.group, sig)
            else:
                os.kill(self.command_pid, sig)

    def _window_changed(self) -> bool:
        """SIGWINCH: True when handled here (the pty runner copies the size)."""
        return False

    # Job control: the command stopped (Ctrl-Z, SIGTSTP, SIGSTOP): we stop too, so the
    # shell sees the job stopped and gets the terminal back; SIGCONT (`fg`, `bg`) resumes
    # us, and we resume the command.
    def _check_stopped(self) -> None:
        assert self.proc is not None
        if not hasattr(os, "waitid"):  # not on every Unix: the job then runs on
            return
        try:
            info = os.waitid(os.P_PID, self.proc.pid, os.WSTOPPED | os.WNOHANG)
        except OSError:
            return
        if info is not None and info.si_code == os.CLD_STOPPED:
            self._stop_with_command()

    def _stop_with_command(self) -> None:
        self._before_stop()
        previous = signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        try:
            if self._stops_group():
                os.killpg(os.getpgrp(), signal.SIGTSTP)  # as the terminal would
            else:
                os.kill(os.getpid(), signal.SIGTSTP)
        except OSError:
            pass
        finally:  # stopped until SIGCONT, which _resumed handles
            signal.signal(signal.SIGTSTP, previous)

    def _stops_group(self) -> bool:
        return False

    def _before_stop(self) -> None:
        """Leave the terminal as the shell expects it."""

    def _resumed(self) -> None:
        self._send_first(signal.SIGCONT)

    # -- the loop's housekeeping -------------------------------------------------------
    def _check_grace(self) -> None:
        """After SIGTERM of the tree, SIGKILL it when the grace period runs out."""
        if self.interrupts.level == 2 \
                and time.monotonic() - self.interrupts.term_at > self.interrupts.grace_s:
            self.interrupts.level = 3
            self._escalate(3, None)

    def _after_pass(self, on_tick: Callable[[], None] | None, output_ready: bool) -> bool:
        """Housekeeping after each pass of an output loop: the once-a-second tick, and
        noticing the command's end. True when the loop should stop: the command ended
        and its output has been quiet for a moment (a background process may hold the
        stream open forever: it is handed to the relay)."""
        now = time.monotonic()
        if now - self._last_tick >= 1.0:
            self._tick(on_tick)
            self._last_tick = now
        assert self.proc is not None
        if self._exited_at is None and self.proc.poll() is not None:
            self._exited_at = now
        return (self._exited_at is not None and not output_ready
                and now - self._exited_at > DRAIN_AFTER_EXIT_S)

    def _tick(self, on_tick: Callable[[], None] | None) -> None:
        # Remember descendants while their parents live: a worker that outlives its
        # parent (or left the group) can then still be found when escalating.
        if self.tree is not None and self.proc is not None and self.proc.poll() is None:
            self.tree.refresh()
        if on_tick:
            on_tick()

    def _reap_tree(self) -> None:
        """Once escalation started, no process of the tree may outlive the run: wait out
        the grace period for the stragglers (a further signal cuts it short), then SIGKILL."""
        if self.tree is None or self.interrupts.level < 2:
            return
        while self.tree.alive() and self.interrupts.level < 3:
            self._handle_pending()
            self._check_grace()
            time.sleep(0.05)
        deadline = time.monotonic() + 2.0
        while self.tree.alive() and time.monotonic() < deadline:
            self.tree.signal(signal.SIGKILL)
            time.sleep(0.05)

    def _hand_off(self, sources: dict[int, int]) -> set[int]:
        """The command ended; ``sources`` (our fd -> 1 or 2) are still open: something it
        left in the background writes there. Unless the tree was ended on purpose, the
        relay takes them over. Returns the fds it took (ours to close all the same)."""
        if not sources or self.interrupts.level >= 2:
            return set()
        return set(sources) if hand_off(sources) else set()

    def _finish(self) -> RunOutcome:
        assert self.proc is not None
        code = self.proc.wait()
        outcome = self.outcome
        outcome.pid = self.command_pid
        outcome.peak_rss_kib = getattr(self.proc, "peak_rss_kib", None)
        if code < 0:
            outcome.signal = -code
            outcome.exit_code = 128 - code
        else:
            outcome.exit_code = code
        # Interrupted: track was interrupted (SIGINT, SIGTERM, SIGHUP), the command died of
        # an interrupting signal, or Ctrl-C was typed and the command did not finish
        # cleanly (pdb's Ctrl-C is fine). SIGUSR1 and the like are messages, not endings.
        interrupting = {signals.name(s) for s in signals.INTERRUPTS}
        outcome.interrupted = (
            bool(interrupting & set(outcome.signals_received))
            or outcome.signal in signals.INTERRUPTS
            or (self.typed_interrupt and outcome.exit_code != 0)
        )
        return outcome

