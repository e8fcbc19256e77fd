"""The child process: started under a pseudo-terminal when stdout is a terminal, else with
pipes; its output teed live to our terminal and to a sink; signals passed on; exit status.

The command must behave as if ``track`` were not there: same bytes on the terminal, same
stdin, same window size, Ctrl-C reaching it, same exit code.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time
import tty
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from exptrack.errors import CommandNotExecutable, CommandNotFound

if TYPE_CHECKING:
    import psutil  # imported lazily where used: `track ls` never pays for it

READ_SIZE = 256 * 1024
POLL_S = 0.1
DRAIN_AFTER_EXIT_S = 0.3
ESCALATE_WINDOW_S = 5.0
KILL_GRACE_S = 5.0  # SIGTERM -> SIGKILL; TRACK_KILL_GRACE_S overrides it (tests, clusters)
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class OutputSink(Protocol):
    """Receives every chunk the command writes; must never raise."""

    def write(self, data: bytes, stream: int) -> None: ...


@dataclass
class RunOutcome:
    exit_code: int  # as a shell reports it: 128+N when killed by signal N
    signal: int | None = None
    interrupted: bool = False
    signals_received: list[str] = field(default_factory=list)
    pid: int = 0


def _write_all(fd: int, data: bytes) -> bool:
    """Write everything to ``fd``; False when the reader is gone (EPIPE) or fd is bad."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except InterruptedError:  # pragma: no cover - PEP 475 retries for us
            continue
        except BlockingIOError:
            select.select([], [fd], [], 1.0)
            continue
        except OSError:
            return False
        view = view[written:]
    return True


def _is_tty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def kill_grace_s() -> float:
    """Seconds between SIGTERM of the tree and SIGKILL: ``$TRACK_KILL_GRACE_S`` or 5."""
    try:
        value = float(os.environ.get("TRACK_KILL_GRACE_S", KILL_GRACE_S))
    except ValueError:
        return KILL_GRACE_S
    return value if value >= 0 else KILL_GRACE_S


class _Interrupts:
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

    def __init__(self, pid: int, include_group: bool) -> None:
        self.pid = pid
        self.include_group = include_group
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
        if self.include_group:
            with contextlib.suppress(OSError):
                os.killpg(self.pid, sig)
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


def kill_tree(pid: int, sig: int, include_group: bool) -> None:
    """Send ``sig`` to ``pid``, every descendant (data loader workers too) and its group."""
    ProcessTree(pid, include_group).signal(sig)


def run_command(
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: str,
    sink: OutputSink,
    use_pty: bool | None = None,
    on_start: Callable[[int], None] | None = None,
    on_tick: Callable[[], None] | None = None,
) -> RunOutcome:
    """Run ``argv`` to completion, teeing its output. Raises CommandNotFound/NotExecutable."""
    if use_pty is None:
        use_pty = _is_tty(1)
    runner = _PtyRunner(argv, env, cwd, sink) if use_pty else _PipeRunner(argv, env, cwd, sink)
    return runner.run(on_start, on_tick)


class _BaseRunner:
    own_group = True

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], cwd: str,
                 sink: OutputSink) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.sink = sink
        self.proc: subprocess.Popen[bytes] | None = None
        self.interrupts = _Interrupts()
        self.outcome = RunOutcome(exit_code=0)
        self.pending_signals: list[int] = []
        self.typed_interrupt = False
        self._last_tick = 0.0
        self._exited_at: float | None = None
        self.tree: ProcessTree | None = None

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

    def _install_handlers(self) -> dict[int, object]:
        previous: dict[int, object] = {}
        for sig in FORWARDED:
            previous[sig] = signal.signal(sig, self._on_signal)
        return previous

    @staticmethod
    def _restore_handlers(previous: dict[int, object]) -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    def _handle_pending(self) -> None:
        while self.pending_signals:
            sig = self.pending_signals.pop(0)
            self.outcome.signals_received.append(signal.Signals(sig).name)
            self._forward(sig)

    def _forward(self, sig: int) -> None:
        assert self.proc is not None
        if self.proc.poll() is not None and self.interrupts.level < 2:
            return
        self._escalate(self.interrupts.escalation(time.monotonic()), sig)

    def _escalate(self, level: int, sig: int | None) -> None:
        """Level 1: pass the signal on; 2: SIGTERM to the whole tree; 3: SIGKILL to it."""
        assert self.proc is not None
        if level >= 2:
            if self.tree is None:
                self.tree = ProcessTree(self.proc.pid, self.own_group)
            self.interrupts.level = max(self.interrupts.level, level)
            self.tree.signal(signal.SIGKILL if level >= 3 else signal.SIGTERM)
        elif sig is not None:
            self._send_first(sig)

    def _send_first(self, sig: int) -> None:
        assert self.proc is not None
        if not self.own_group and sig == signal.SIGINT and _terminal_in_foreground():
            return  # the terminal's Ctrl-C already reached the command in our group
        with contextlib.suppress(OSError):
            if self.own_group:
                os.killpg(self.proc.pid, sig)
            else:
                os.kill(self.proc.pid, sig)

    def _check_grace(self) -> None:
        """After SIGTERM of the tree, SIGKILL it when the grace period runs out."""
        if self.interrupts.level == 2 \
                and time.monotonic() - self.interrupts.term_at > self.interrupts.grace_s:
            self.interrupts.level = 3
            self._escalate(3, None)

    def _after_pass(self, on_tick: Callable[[], None] | None, output_ready: bool) -> bool:
        """Housekeeping after each pass of an output loop: the once-a-second tick, and
        noticing the command's end. True when the loop should stop: the command ended
        and its output has been quiet for a moment (a grandchild may hold the stream
        open forever; we do not wait for it)."""
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

    def _finish(self) -> RunOutcome:
        assert self.proc is not None
        code = self.proc.wait()
        outcome = self.outcome
        outcome.pid = self.proc.pid
        if code < 0:
            outcome.signal = -code
            outcome.exit_code = 128 - code
        else:
            outcome.exit_code = code
        # Interrupted: track was signalled, the command died of an interrupting signal,
        # or Ctrl-C was typed and the command did not finish cleanly (pdb's Ctrl-C is fine).
        outcome.interrupted = (
            bool(outcome.signals_received)
            or outcome.signal in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
            or (self.typed_interrupt and outcome.exit_code != 0)
        )
        return outcome


class _PipeRunner(_BaseRunner):
    """stdout and stderr as two pipes, so they stay separate; the log keeps arrival order."""

    def run(self, on_start: Callable[[int], None] | None,
            on_tick: Callable[[], None] | None) -> RunOutcome:
        # With a terminal on stdin the child must stay in our (foreground) process group,
        # or reading the terminal would stop it (SIGTTIN); Ctrl-C then reaches it directly.
        stdin_tty = _is_tty(0)
        self.own_group = not stdin_tty
        previous = self._install_handlers()
        try:
            self.proc = self._spawn(stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    process_group=0 if self.own_group else None) \
                if sys.version_info >= (3, 11) else \
                self._spawn(stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=os.setpgrp if self.own_group else None)
            self.tree = ProcessTree(self.proc.pid, self.own_group)
            if on_start:
                on_start(self.proc.pid)
            assert self.proc.stdout is not None and self.proc.stderr is not None
            streams = {self.proc.stdout.fileno(): 1, self.proc.stderr.fileno(): 2}
            echo_ok = {1: True, 2: True}
            self._last_tick = time.monotonic()
            while streams:
                self._handle_pending()
                self._check_grace()
                try:
                    ready, _, _ = select.select(list(streams), [], [], POLL_S)
                except InterruptedError:  # pragma: no cover
                    continue
                for fd in ready:
                    try:
                        data = os.read(fd, READ_SIZE)
                    except OSError:
                        data = b""
                    if not data:
                        del streams[fd]
                        continue
                    target = streams[fd]
                    self.sink.write(data, target)
                    if echo_ok[target] and not _write_all(target, data):
                        # Our reader went away (`| head`): like the shell, the command
                        # learns it on its next write.
                        echo_ok[target] = False
                        if target == 1:
                            del streams[fd]
                            os.close(fd)
                if self._after_pass(on_tick, bool(ready)):
                    break
            self.proc.wait()
            self._handle_pending()
            self._reap_tree()
            return self._finish()
        finally:
            self._restore_handlers(previous)
            if self.proc is not None:
                for pipe in (self.proc.stdout, self.proc.stderr):
                    if pipe is not None:
                        with contextlib.suppress(OSError):
                            pipe.close()


class _PtyRunner(_BaseRunner):
    """Under a pseudo-terminal: colours, progress bars, width and Ctrl-C as without us."""

    def run(self, on_start: Callable[[int], None] | None,
            on_tick: Callable[[], None] | None) -> RunOutcome:
        stdin_tty = _is_tty(0)
        master, slave = os.openpty()
        self.own_group = True
        with contextlib.suppress(OSError):
            if stdin_tty:
                termios.tcsetattr(slave, termios.TCSANOW, termios.tcgetattr(0))
        _copy_winsize(1, master)
        intr_char = _intr_char(slave)
        saved_tty = None
        previous = self._install_handlers()
        previous[signal.SIGWINCH] = signal.signal(
            signal.SIGWINCH, lambda *_: _copy_winsize(1, master))
        try:
            self.proc = self._spawn(stdin=slave if stdin_tty else None, stdout=slave,
                                    stderr=slave, start_new_session=True,
                                    preexec_fn=_take_controlling_tty)
            os.close(slave)
            slave = -1
            self.tree = ProcessTree(self.proc.pid, True)
            if on_start:
                on_start(self.proc.pid)
            if stdin_tty:
                saved_tty = termios.tcgetattr(0)
                tty.setraw(0, termios.TCSANOW)
            inputs = [master] + ([0] if stdin_tty else [])
            echo_ok = True
            self._last_tick = time.monotonic()
            while True:
                self._handle_pending()
                self._check_grace()
                try:
                    ready, _, _ = select.select(inputs, [], [], POLL_S)
                except InterruptedError:  # pragma: no cover
                    continue
                if master in ready:
                    try:
                        data = os.read(master, READ_SIZE)
                    except OSError:  # EIO: every slave end closed
                        data = b""
                    if not data:
                        break
                    self.sink.write(data, 1)
                    if echo_ok:
                        echo_ok = _write_all(1, data)
                if 0 in ready:
                    try:
                        keys = os.read(0, 4096)
                    except OSError:
                        keys = b""
                    if not keys:
                        inputs.remove(0)
                    else:
                        if intr_char and intr_char in keys:
                            self._typed_interrupt()
                        _write_all(master, keys)
                if self._after_pass(on_tick, master in ready):
                    break
            self.proc.wait()
            self._handle_pending()
            self._reap_tree()
            return self._finish()
        finally:
            if saved_tty is not None:
                with contextlib.suppress(termios.error):
                    termios.tcsetattr(0, termios.TCSAFLUSH, saved_tty)
            self._restore_handlers(previous)
            for fd in (master, slave):
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.close(fd)

    def _typed_interrupt(self) -> None:
        """Ctrl-C typed on the terminal: the pty delivers SIGINT itself; we only count it
        and escalate when it is repeated."""
        assert self.proc is not None
        self.typed_interrupt = True
        level = self.interrupts.escalation(time.monotonic())
        if level >= 2:
            self._escalate(level, None)


def _terminal_in_foreground() -> bool:
    try:
        return os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return False


def _take_controlling_tty() -> None:
    # Runs in the child after setsid(): make the pty (our stdout) its controlling terminal.
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


def _copy_winsize(source_fd: int, target_fd: int) -> None:
    with contextlib.suppress(OSError):
        size = fcntl.ioctl(source_fd, termios.TIOCGWINSZ, b"\0" * 8)
        fcntl.ioctl(target_fd, termios.TIOCSWINSZ, size)


def _intr_char(fd: int) -> bytes:
    try:
        char = termios.tcgetattr(fd)[6][termios.VINTR]
    except (termios.error, IndexError):
        return b"\x03"
    if isinstance(char, int):
        return bytes([char]) if char else b""
    return bytes(char)
