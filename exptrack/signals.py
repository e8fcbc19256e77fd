"""Which signals `track run` passes on to the command, and how the command starts with
them: as it would without `track`.

Every catchable signal sent to `track` reaches the command, and `track` survives it: the
interrupts (SIGINT, SIGTERM, SIGHUP; repeated, they escalate over the process tree), and the
rest as they are (SIGUSR1/SIGUSR2 a scheduler sends to ask for a checkpoint, SIGALRM,
SIGWINCH, SIGCONT and SIGTSTP of job control, ...). A signal the caller ignored (``nohup``,
``trap '' INT``, a background job of a non-interactive shell) stays ignored, by `track` and
by the command, which inherits the ignored disposition.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable

INTERRUPTS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _passed_on() -> tuple[int, ...]:
    names = ("SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF", "SIGXCPU",
             "SIGIO", "SIGURG", "SIGPWR", "SIGWINCH", "SIGCONT", "SIGTSTP")
    found = [int(getattr(signal, name)) for name in names if hasattr(signal, name)]
    low, high = getattr(signal, "SIGRTMIN", 0), getattr(signal, "SIGRTMAX", -1)
    found += range(int(low), int(high) + 1)
    return tuple(dict.fromkeys(found))


PASSED_ON = _passed_on()
HANDLED = INTERRUPTS + PASSED_ON
# The caller's disposition of these is kept for the command (the terminal's stop signals too)
INHERITED = (*HANDLED, signal.SIGTTIN, signal.SIGTTOU)
# What a terminal sends to its foreground process group by itself (typed keys, a resize):
# a command in our process group got it already.
FROM_TERMINAL = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP, signal.SIGWINCH)
# Python ignores these for itself; the command gets the default, as from a shell.
PYTHON_IGNORED = tuple(int(getattr(signal, name)) for name in ("SIGPIPE", "SIGXFSZ")
                       if hasattr(signal, name))


def ignored_by_caller(signals: Iterable[int] = INHERITED) -> frozenset[int]:
    """The signals of ``signals`` whose disposition we inherited as ignored."""
    ignored = set()
    for sig in signals:
        try:
            if signal.getsignal(sig) == signal.SIG_IGN:
                ignored.add(sig)
        except (OSError, ValueError):
            continue
    return frozenset(ignored)


def name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"SIG{sig}"


def reset_for_command(ignored: frozenset[int]) -> None:
    """In a forked child about to exec the command: every signal as the caller had it
    (ignored ones stay ignored, the rest default)."""
    for sig in (*INHERITED, *PYTHON_IGNORED, signal.SIGCHLD):
        try:
            signal.signal(sig, signal.SIG_IGN if sig in ignored else signal.SIG_DFL)
        except (OSError, ValueError):
            continue
