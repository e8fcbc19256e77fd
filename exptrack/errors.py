"""Every error exptrack raises on purpose, and the exit codes the CLI maps them to.

The core raises these; only ``cli.py`` turns them into a message and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_CANNOT_EXECUTE = 126
EXIT_NOT_FOUND = 127
EXIT_INTERRUPTED = 130


class ExptrackError(Exception):
    """A problem the user can act on: printed as one line, exit code ``exit_code``."""

    exit_code = EXIT_ERROR


class UsageError(ExptrackError):
    """The command line itself is wrong."""

    exit_code = EXIT_USAGE


class StoreError(ExptrackError):
    """The store cannot be found, created or written."""


class RunNotFound(ExptrackError):
    """A run reference matched no run."""

    def __init__(self, ref: str, candidates: Sequence[str] = ()) -> None:
        message = f"no run matches {ref!r}"
        if candidates:
            message += f"; did you mean: {', '.join(candidates)}?"
        else:
            message += "; `track ls` lists the runs"
        super().__init__(message)
        self.ref = ref


class AmbiguousRef(ExptrackError):
    """A run reference matched more than one run."""

    def __init__(self, ref: str, candidates: Sequence[str]) -> None:
        shown = ", ".join(candidates[:8])
        more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
        super().__init__(
            f"{ref!r} is ambiguous: it matches {shown}{more}; type more characters"
        )
        self.ref = ref
        self.candidates = list(candidates)


class DamagedRun(ExptrackError):
    """A run folder exists but its files cannot be read."""


class CommandNotFound(ExptrackError):
    """The command to record does not exist."""

    exit_code = EXIT_NOT_FOUND


class CommandNotExecutable(ExptrackError):
    """The command to record exists but cannot be executed."""

    exit_code = EXIT_CANNOT_EXECUTE


class ConfigError(ExptrackError):
    """The project configuration file is invalid."""


class MissingExtra(ExptrackError):
    """An optional extra a framework file's reader needs is not installed (TensorBoard's,
    W&B's)."""
