"""The command under a pseudo-terminal, started the way a shell starts a job.

A terminal belongs to a session, and its session leader is special: when the leader exits,
the kernel sends SIGHUP to the terminal's foreground process group. Were the command the
leader, a process it leaves running in the background (in its process group) would be hung
up the moment the command ends; under a shell it keeps going. So a small *keeper* process,
forked from `track`, leads the session, as a shell would: the command runs in a process group
of its own, the terminal's foreground job. The keeper

- mirrors the command: stops when it stops (so `track` sees the job stop), and ends as it
  ends (same exit code, same death signal), after taking the terminal's foreground back
  so that its own exit hangs up no one;
- passes a hangup of the terminal (`track` killed) on to the command's group, as a shell
  does;
- ignores every other signal: `track` signals the command's group itself.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import resource
import signal
import termios
from collections.abc import Mapping, Sequence
from typing import NoReturn

from exptrack.errors import CommandNotExecutable, CommandNotFound
from exptrack.reaping import Reaped
from exptrack.signals import HANDLED, reset_for_command

_KEEPER_IGNORES = tuple(s for s in (*HANDLED, signal.SIGTTIN, signal.SIGTTOU)
                        if s not in (signal.SIGHUP, signal.SIGCONT))


class SessionChild(Reaped):
    """The keeper, seen from `track` as the command (``poll``, ``wait`` and ``pid``, like
    ``subprocess.Popen``; its peak memory includes the command's, which it waited for);
    ``command`` is the command's pid and process group."""

    def __init__(self, keeper: int, command: int) -> None:
        super().__init__(keeper)
        self.command = command


def spawn_in_session(argv: Sequence[str], env: Mapping[str, str], cwd: str, slave: int,
                     stdin_tty: bool, ignored: frozenset[int]) -> SessionChild:
    """Start ``argv`` on the terminal ``slave`` (stdout, stderr, and stdin when
    ``stdin_tty``) under a keeper. Raises CommandNotFound / CommandNotExecutable."""
    report_read, report_write = os.pipe()  # close-on-exec: EOF once the command runs
    try:
        keeper = os.fork()
    except OSError as exc:  # out of processes or memory
        os.close(report_read)
        os.close(report_write)
        raise _exec_error(argv[0], exc.errno or errno.EAGAIN) from None
    if keeper == 0:
        _keeper(argv, env, cwd, slave, stdin_tty, ignored, report_read, report_write)
    os.close(report_write)
    report = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(report_read, 4096):
            report += chunk
    os.close(report_read)
    command, error = 0, None
    for line in report.decode("ascii", "replace").splitlines():
        word, _, number = line.partition(" ")
        if word == "pid" and number.isdigit():
            command = int(number)
        elif word == "error" and number.isdigit():
            error = int(number)
    if error is not None or not command:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(keeper, 0)
        raise _exec_error(argv[0], error if error is not None else errno.EAGAIN)
    return SessionChild(keeper, command)


def _exec_error(program: str, number: int) -> Exception:
    if number in (errno.ENOENT, errno.ENOTDIR):
        return CommandNotFound(f"command not found: {program}")
    if number == errno.EACCES:
        return CommandNotExecutable(f"permission denied: {program}")
    if number == errno.ENOEXEC:
        return CommandNotExecutable(f"cannot execute {program}: not a program or script")
    return CommandNotExecutable(f"cannot run {program}: {os.strerror(number)}")


def _keeper(argv: Sequence[str], env: Mapping[str, str], cwd: str, slave: int,
            stdin_tty: bool, ignored: frozenset[int], report_read: int,
            report_write: int) -> NoReturn:
    """The forked keeper: never returns."""
    code = 255
    try:
        os.close(report_read)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for sig in _KEEPER_IGNORES:
            with contextlib.suppress(OSError, ValueError):
                signal.signal(sig, signal.SIG_IGN)
        for sig in (signal.SIGCHLD, signal.SIGCONT):  # not `track`'s handlers
            signal.signal(sig, signal.SIG_DFL)
        command = os.fork()
        if command == 0:
            _command(argv, env, cwd, slave, stdin_tty, ignored, report_write)
        with contextlib.suppress(OSError):
            os.setpgid(command, command)
        with contextlib.suppress(OSError):
            os.tcsetpgrp(slave, command)
        os.write(report_write, b"pid %d\n" % command)
        _keep_only(slave)

        def hang_up(_signum: int, _frame: object) -> None:
            for sig in (signal.SIGHUP, signal.SIGCONT):
                with contextlib.suppress(OSError):
                    os.killpg(command, sig)

        signal.signal(signal.SIGHUP, hang_up)
        while True:
            _, status = os.waitpid(command, os.WUNTRACED)
            if not os.WIFSTOPPED(status):
                break
            os.kill(os.getpid(), signal.SIGSTOP)  # `track` sees us stop; SIGCONT resumes us
        with contextlib.suppress(OSError):
            os.tcsetpgrp(slave, os.getpgrp())
        os.close(slave)
        code = _mirror(status)
    except OSError as exc:  # before the command could start: `track` says why
        with contextlib.suppress(OSError):
            os.write(report_write, b"error %d\n" % (exc.errno or errno.EINVAL))
    except BaseException:
        pass
    finally:
        os._exit(code)


def _keep_only(slave: int) -> None:
    """Close every file of `track` the keeper inherited (the terminal's master above all:
    held here, `track`'s death would not hang the terminal up)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        if fd != null:
            os.dup2(null, fd)
    top = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 65536
    os.closerange(3, slave)
    os.closerange(slave + 1, max(top, slave + 2))


def _mirror(status: int) -> int:
    """End as the command ended: its exit code, or death by its signal (no core file)."""
    if not os.WIFSIGNALED(status):
        return os.waitstatus_to_exitcode(status)
    sig = os.WTERMSIG(status)
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
        os.kill(os.getpid(), sig)
    return 128 + sig


def _command(argv: Sequence[str], env: Mapping[str, str], cwd: str, slave: int,
             stdin_tty: bool, ignored: frozenset[int], report_write: int) -> NoReturn:
    """The forked command: its own process group, the terminal's foreground; exec."""
    try:
        os.setpgid(0, 0)
        with contextlib.suppress(OSError):
            os.tcsetpgrp(slave, os.getpid())  # SIGTTOU is ignored until reset below
        if stdin_tty:
            os.dup2(slave, 0)
        os.dup2(slave, 1)
        os.dup2(slave, 2)
        top = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 65536
        os.closerange(3, report_write)
        os.closerange(report_write + 1, max(top, report_write + 2))
        reset_for_command(ignored)
        os.chdir(cwd)
        os.execvpe(argv[0], list(argv), dict(env))
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.write(report_write, b"error %d\n" % (exc.errno or errno.EINVAL))
    except BaseException:
        pass
    finally:
        os._exit(127)
